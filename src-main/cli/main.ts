import { appVersion, examplesDir, workerFile } from '../service/paths'
import { WorkerRunner } from '../service/runner'
import { Service } from '../service/service'
import { runCli } from './cli'
import { exitQuietlyOnClosedStdout } from './stdout'

exitQuietlyOnClosedStdout()
// Jobs run on the worker thread the app uses: its stack follows nesting gc compiles (5,000 nested ifs).
const runner = new WorkerRunner(workerFile)
const service = new Service({ runner, examplesDir, version: appVersion, transport: 'in-process' })
runCli(process.argv.slice(2), service, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
})
  .then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      process.stderr.write(`ssascope: internal error: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`)
      process.exitCode = 1
    },
  )
  .finally(() => runner.dispose())
