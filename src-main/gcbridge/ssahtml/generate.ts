// gc's ssa.html for one function of one file: `go tool compile` with
// GOSSAFUNC and GOSSADIR in a private temporary directory (no build cache
// involved, so it always compiles), the file's standard-library imports
// through an importcfg. For tests and the import benchmark; opening a whole
// package is the `gc` job's business.

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { defaultGoBin, goEnv, importPaths, ImportConfigs, run } from '../toolchain'

export interface SsaHtmlRun {
  /** The go binary (default: $SSASCOPE_GO, else go on PATH). */
  go?: string
  goarch?: string
  /** Compiler flags; default `-l` (no inlining). */
  flags?: string[]
  /** Environment for the compile (e.g. GOTOOLCHAIN). */
  env?: Record<string, string>
  timeoutMs?: number
}

/** The ssa.html text gc writes for `func` (gc's name: `Sum`, `(*T).M`, `F.func1`) in `file`, package path `p`. */
export async function generateSsaHtml(file: string, func: string, opts: SsaHtmlRun = {}): Promise<string> {
  const go = opts.go ?? defaultGoBin()
  const dir = await mkdtemp(join(tmpdir(), 'ssascope-ssahtml-'))
  try {
    const abs = resolve(file)
    const env = { ...(opts.env ?? {}), ...(opts.goarch ? { GOARCH: opts.goarch } : {}) }
    const cfg = await new ImportConfigs({ bin: go }).forImports(await importPaths(await readFile(abs, 'utf8')), env)
    const args = ['tool', 'compile', '-p=p', '-o', join(dir, 'x.o'), ...(opts.flags ?? ['-l'])]
    if (cfg !== '') {
      await writeFile(join(dir, 'importcfg'), cfg)
      args.push(`-importcfg=${join(dir, 'importcfg')}`)
    }
    args.push(abs)
    const out = await run(go, args, { cwd: dir, env: goEnv({ ...env, GOSSAFUNC: func, GOSSADIR: dir }), timeoutMs: opts.timeoutMs ?? 300_000 })
    if (out.timedOut) throw new Error(`go tool compile timed out on ${file}`)
    if (out.code !== 0) throw new Error(`go tool compile ${file} failed:\n${(out.stderr || out.stdout).trim()}`)
    const html = (await readdir(dir, { recursive: true })).find((n) => n.endsWith('.html'))
    if (!html) throw new Error(`gc wrote no ssa.html for ${func} in ${file} (is the name right? gc's own, like (*T).M or F.func1)`)
    return await readFile(join(dir, html), 'utf8')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
