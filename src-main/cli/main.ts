import { appVersion, examplesDir } from '../service/paths'
import { InProcessRunner } from '../service/runner'
import { Service } from '../service/service'
import { runCli } from './cli'
import { exitQuietlyOnClosedStdout } from './stdout'

exitQuietlyOnClosedStdout()
const service = new Service({ runner: new InProcessRunner(), examplesDir, version: appVersion, transport: 'in-process' })
runCli(process.argv.slice(2), service, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`ssascope: internal error: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`)
    process.exitCode = 1
  },
)
