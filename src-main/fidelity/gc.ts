// gc's test files, compiled the way gc's own test harness runs them
// (cmd/internal/testdir: `go tool compile -p=p -e -importcfg=… FLAGS file.go`).
// Running go, its output and import configurations are the bridge's
// (gcbridge/toolchain.ts); each compile gets a private temporary directory
// that is removed afterwards.

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { goEnv, importPaths, ImportConfigs, parseGcOutput, run, type GcLine, type GoToolchain } from '../gcbridge/toolchain'

// ---------------------------------------------------------------- test recipes

export interface TestRecipe {
  /** `errorcheck`, `run`, `compile`, …; '' when the file has none. */
  action: string
  /** Compiler flags as written (harness-only flags removed). */
  flags: string[]
  /** Environment the harness would set (`-goexperiment`, `-godebug`). */
  env: Record<string, string>
}

/**
 * The recipe of a gc test file: the first non-empty line that is not a build
 * constraint, e.g. `// errorcheck -0 -m -l`. Flags only the harness reads
 * (`-0`, `-1`, `-s`, `-t N`, `-goexperiment X`, `-godebug X`, `-gomodversion X`)
 * are dropped, as testdir does.
 */
export function parseRecipe(text: string): TestRecipe {
  let line = ''
  for (const l of text.split('\n')) {
    const t = l.trim()
    if (t === '' || /^\/\/go:build\s/.test(t) || /^\/\/\s*\+build\s/.test(t)) continue
    line = t
    break
  }
  if (!line.startsWith('//')) return { action: '', flags: [], env: {} }
  const words = line.slice(2).trim().split(/\s+/).filter((w) => w !== '')
  const action = words[0] ?? ''
  const flags: string[] = []
  const env: Record<string, string> = {}
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!
    if (!w.startsWith('-')) break // the rest are program arguments
    switch (w) {
      case '-0':
      case '-1':
      case '-s':
        break
      case '-t':
      case '-gomodversion':
        i++
        break
      case '-goexperiment':
        env['GOEXPERIMENT'] = [env['GOEXPERIMENT'], words[++i]].filter(Boolean).join(',')
        break
      case '-godebug':
        env['GODEBUG'] = [env['GODEBUG'], words[++i]].filter(Boolean).join(',')
        break
      default:
        flags.push(w)
    }
  }
  return { action, flags, env }
}

/** The -m level the flags ask for: `-m` counts 1 each, `-m=N` sets N. */
export function mLevel(flags: string[]): number {
  let level = 0
  for (const f of flags) {
    if (f === '-m') level++
    else {
      const m = /^-m=(\d+)$/.exec(f)
      if (m) level = Number(m[1])
    }
  }
  return level
}

/**
 * The flags we compile a test file with: its own, plus `-m` when it has no
 * -m at all (we compare escape diagnostics), plus `-l` when missing (our
 * model does not inline, so inlining would change what gc reports).
 */
export function fidelityFlags(recipe: TestRecipe): string[] {
  const flags = [...recipe.flags]
  if (mLevel(flags) === 0) flags.push('-m')
  if (!flags.includes('-l')) flags.push('-l')
  return flags
}

// ---------------------------------------------------------------- compiling

export interface GcRun {
  /** The flags the file was compiled with (see fidelityFlags). */
  flags: string[]
  /** The -m level those flags give. */
  level: number
  /** The compiler's exit status (0 unless the file does not compile). */
  code: number
  lines: GcLine[]
  /** Raw compiler output (stdout then stderr). */
  output: string
}

/**
 * Compiles one gc test file as testdir's errorcheck does, with
 * fidelityFlags. gc prints positions with the path it is given: the
 * absolute path of `file`.
 */
export async function compileTestFile(
  go: GoToolchain,
  file: string,
  text: string,
  opts: { importcfgs?: ImportConfigs; timeoutMs?: number } = {},
): Promise<GcRun> {
  const recipe = parseRecipe(text)
  const flags = fidelityFlags(recipe)
  const importcfgs = opts.importcfgs ?? new ImportConfigs(go)
  const cfg = await importcfgs.forImports(await importPaths(text))
  const dir = await mkdtemp(join(tmpdir(), 'ssascope-gc-'))
  try {
    const args = ['tool', 'compile', '-p=p', '-e', '-o', join(dir, 'a.o')]
    if (cfg !== '') {
      await writeFile(join(dir, 'importcfg'), cfg)
      args.push(`-importcfg=${join(dir, 'importcfg')}`)
    }
    args.push(...flags, resolve(file))
    const out = await run(go.bin, args, { cwd: dir, env: goEnv(recipe.env), timeoutMs: opts.timeoutMs ?? 120_000 })
    if (out.timedOut) throw new Error(`go tool compile timed out on ${file}`)
    const output = out.stdout + out.stderr
    return { flags, level: mLevel(flags), code: out.code, lines: parseGcOutput(output), output }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
