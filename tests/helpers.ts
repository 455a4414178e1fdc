import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { examplesDir } from '../src-main/service/paths'
import { InProcessRunner, type JobRunner } from '../src-main/service/runner'
import { Service } from '../src-main/service/service'

export function inProcessService(runner: JobRunner = new InProcessRunner()): Service {
  return new Service({ runner, examplesDir, version: '0.0.0-test', transport: 'in-process' })
}

/** A fresh temporary directory holding the given files. */
export function tempFiles(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-test-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

/** Runs the CLI in-process, capturing its status, stdout and stderr. */
export async function runCliCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { runCli } = await import('../src-main/cli/cli')
  let out = ''
  let err = ''
  const code = await runCli(argv, inProcessService(), { stdout: (s) => (out += s), stderr: (s) => (err += s) })
  return { code, out, err }
}
