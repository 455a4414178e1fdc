// The real compiler, run the way gc's own test harness runs a test file
// (cmd/internal/testdir: `go tool compile -p=p -e -importcfg=… FLAGS file.go`),
// and its `file:line:col: message` output parsed.
//
// Every child process gets an argument array (never a shell string), a
// timeout, and a private temporary directory that is removed afterwards.

import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseGoTree, type SyntaxNode } from '../compiler/syntax/treesitter'

/** gc 1.26 is what the pipeline models. */
export const MIN_GO_MINOR = 26

export interface GoToolchain {
  bin: string
  /** `go version` output, e.g. `go version go1.26.8 linux/amd64`. */
  version: string
}

export interface RunResult {
  code: number
  stdout: string
  stderr: string
  timedOut: boolean
}

/** Runs a command; never throws for a non-zero exit (only when it cannot be started). */
export function run(
  bin: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      bin,
      args,
      { cwd: opts.cwd, env: opts.env, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err && typeof (err as NodeJS.ErrnoException).code === 'string') {
          // ENOENT, EACCES, …: the program could not be started at all.
          reject(err)
          return
        }
        const e = err as (Error & { code?: number | null; killed?: boolean; signal?: string | null }) | null
        const timedOut = Boolean(e?.killed && e.signal)
        resolvePromise({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr, timedOut })
      },
    )
  })
}

/** The environment for go commands: the caller's, without settings that change what gets built. */
export function goEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, GOFLAGS: '', GOWORK: 'off', ...extra }
}

/** The Go toolchain on PATH (or $SSASCOPE_GO), or why it is unusable. */
export async function findGo(bin: string = process.env['SSASCOPE_GO'] ?? 'go'): Promise<GoToolchain | string> {
  let out: RunResult
  try {
    out = await run(bin, ['version'], { env: goEnv(), timeoutMs: 30_000 })
  } catch (e) {
    return `no usable go (${bin}): ${(e as Error).message.split('\n')[0]}`
  }
  if (out.code !== 0) return `no usable go (${bin}): ${(out.stderr || out.stdout).trim().split('\n')[0]}`
  const m = /go1\.(\d+)(?:\.\d+)?/.exec(out.stdout)
  if (!m || Number(m[1]) < MIN_GO_MINOR) return `go is too old (need Go 1.${MIN_GO_MINOR} or newer): ${out.stdout.trim()}`
  return { bin, version: out.stdout.trim() }
}

export async function goRoot(go: GoToolchain): Promise<string> {
  const out = await run(go.bin, ['env', 'GOROOT'], { env: goEnv(), timeoutMs: 30_000 })
  if (out.code !== 0) throw new Error(`go env GOROOT failed: ${out.stderr.trim()}`)
  return out.stdout.trim()
}

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

// ---------------------------------------------------------------- output

export interface GcLine {
  /** The path as gc printed it (`<autogenerated>` for wrappers). */
  file: string
  line: number
  /** null when gc printed no column (`<autogenerated>:1: …`). */
  col: number | null
  /** Everything after `file:line:col: `, leading spaces kept (-m=2 flow lines are indented). */
  message: string
}

const LINE_RE = /^(.+?):(\d+)(?::(\d+))?: (.*)$/

/**
 * gc's diagnostics, one per line. Lines that do not start with a position
 * (`# pkg` headers, tab-indented continuations) are appended to the previous
 * diagnostic's message, or dropped when there is none.
 */
export function parseGcOutput(out: string): GcLine[] {
  const lines: GcLine[] = []
  for (const raw of out.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (text === '' || text.startsWith('# ')) continue
    const m = LINE_RE.exec(text)
    if (m && !text.startsWith('\t')) {
      lines.push({ file: m[1]!, line: Number(m[2]), col: m[3] === undefined ? null : Number(m[3]), message: m[4]! })
    } else if (lines.length > 0) {
      lines[lines.length - 1]!.message += '\n' + text
    }
  }
  return lines
}

export function formatGcLine(l: GcLine): string {
  return `${l.file}:${l.line}:${l.col === null ? '' : `${l.col}:`} ${l.message}`
}

// ---------------------------------------------------------------- imports

/** The import paths of a Go file (read with tree-sitter; no type checking). */
export async function importPaths(text: string): Promise<string[]> {
  const tree = await parseGoTree(text)
  try {
    const paths: string[] = []
    const visit = (n: SyntaxNode): void => {
      if (n.type === 'import_spec') {
        const p = n.childForFieldName('path')
        if (p) paths.push(unquote(p.text))
        return
      }
      for (const c of n.namedChildren) if (c) visit(c)
    }
    for (const n of tree.rootNode.namedChildren) if (n?.type === 'import_declaration') visit(n)
    return [...new Set(paths)]
  } finally {
    tree.delete()
  }
}

function unquote(lit: string): string {
  if (lit.startsWith('`')) return lit.slice(1, -1)
  try {
    return JSON.parse(lit) as string
  } catch {
    return lit.slice(1, -1)
  }
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
 * Import configurations for the standard library, built once per set of
 * imports with `go list -export -deps` (which uses, and fills, the build
 * cache). Keep one per fidelity run.
 */
export class ImportConfigs {
  private readonly cache = new Map<string, Promise<string>>()

  constructor(private readonly go: GoToolchain) {}

  /** The importcfg text for these imports ('' when there is nothing to import). */
  forImports(imports: string[]): Promise<string> {
    const pkgs = imports.filter((p) => p !== 'unsafe' && p !== 'C').sort()
    if (pkgs.length === 0) return Promise.resolve('')
    const key = pkgs.join(' ')
    let cfg = this.cache.get(key)
    if (!cfg) {
      cfg = (async () => {
        const dir = await mkdtemp(join(tmpdir(), 'ssascope-gc-'))
        try {
          const format = '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}'
          const out = await run(this.go.bin, ['list', '-export', '-deps', '-f', format, ...pkgs], { cwd: dir, env: goEnv(), timeoutMs: 600_000 })
          if (out.code !== 0) throw new Error(`go list -export ${key}: ${out.stderr.trim()}`)
          return out.stdout
        } finally {
          await rm(dir, { recursive: true, force: true })
        }
      })()
      this.cache.set(key, cfg)
    }
    return cfg
  }
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
