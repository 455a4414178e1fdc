// The real gc on a real package: one function's ssa.html (GOSSAFUNC into a
// private GOSSADIR), gc's -m=2 lines and its -d=mergelocalstrace=2 trace.
//
// `go build` cannot do this cheaply: GOSSAFUNC and GOSSADIR are part of every
// package's build-cache key (cmd/go's "magic" environment), so a fresh
// GOSSADIR would recompile every dependency, the standard library included.
// Instead the package is compiled the way go build compiles it, directly:
// `go list` describes it, `go list -export -deps` builds (and caches) its
// imports for the requested GOARCH, and `go tool compile` compiles the
// package's files with the flags go build would give plus ours. The cache is
// thus bypassed for that package only, and nothing else is rebuilt.

import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, resolve, sep } from 'node:path'
import type { Progress, SourceFile } from '../protocol/model'
import { findGo, goEnv, parseGcOutput, run, type GcLine, type GoToolchain, type RunResult } from './toolchain'

export type GcPackageErrorKind = 'no-go' | 'not-a-package' | 'unsupported' | 'build-failed' | 'unknown-function' | 'timeout' | 'cancelled'

/** Why a package could not be compiled for a function, with what gc said. */
export class GcPackageError extends Error {
  constructor(
    readonly kind: GcPackageErrorKind,
    message: string,
    /** unknown-function: the functions gc compiled (gc's names). */
    readonly compiled: string[] = [],
    /** build-failed: gc's own messages. */
    readonly output = '',
  ) {
    super(message)
    this.name = 'GcPackageError'
  }
}

export interface GcPackageOptions {
  /** The function, as GOSSAFUNC spells it: `F`, `T.M`, `(*T).M`, `F.func1`, `G[go.shape.int]`. */
  func: string
  /** GOARCH; default amd64. */
  arch?: string
  /** Compile with -l (no inlining); default: inlining on, as users ship. */
  noInline?: boolean
  /** The toolchain, or a path to a go binary; default findGo(). */
  go?: GoToolchain | string
  timeoutMs?: number
  signal?: AbortSignal
  onProgress?: (p: Progress) => void
}

export interface GcPackageRun {
  /** The package directory (absolute). */
  dir: string
  importPath: string
  /** `go version` of the toolchain used. */
  goVersion: string
  release: string
  arch: string
  func: string
  /** The compiler flags used (after `go tool compile`), files left out. */
  flags: string[]
  /** The package's Go files, paths relative to dir (as gc's messages print them). */
  files: SourceFile[]
  /** gc's ssa.html for the function. */
  html: string
  /** Every line gc printed for -m=2 (inlining and escape), paths relative to dir. */
  lines: GcLine[]
  /** gc's -d=mergelocalstrace=2 lines for the function ('' when it had no candidates). */
  mergeTrace: string
  ms: number
}

interface PackageInfo {
  Dir: string
  ImportPath: string
  Name: string
  Standard?: boolean
  Module?: { GoVersion?: string }
  GoFiles?: string[]
  CgoFiles?: string[]
  SFiles?: string[]
  EmbedFiles?: string[]
  Imports?: string[]
  ImportMap?: Record<string, string>
  Error?: { Err: string }
  DepsErrors?: { Err: string }[]
}

const DEFAULT_TIMEOUT_MS = 300_000

/** Checks a directory argument before any process runs: absolute or relative to cwd, and a directory. */
export async function packageDir(dir: string, cwd = process.cwd()): Promise<string> {
  if (dir === '' || dir.includes('\0')) throw new GcPackageError('not-a-package', 'no package directory given')
  const abs = isAbsolute(dir) ? dir : resolve(cwd, dir)
  const st = await stat(abs).catch(() => null)
  if (!st) throw new GcPackageError('not-a-package', `${dir}: no such directory`)
  if (!st.isDirectory()) throw new GcPackageError('not-a-package', `${dir}: not a directory (give the package's directory)`)
  return abs
}

/** A package described and its imports built, ready to compile; `dispose` removes the temporary folder. */
interface Prepared {
  go: GoToolchain
  info: PackageInfo
  files: SourceFile[]
  arch: string
  env: NodeJS.ProcessEnv
  tmp: string
  cfg: string
  goRun: GoRun
  progress: (phase: string, fraction: number) => void
}

async function prepare(dir: string, opts: Omit<GcPackageOptions, 'func'>): Promise<Prepared> {
  const progress = (phase: string, fraction: number): void => opts.onProgress?.({ phase, fraction })
  const abs = await packageDir(dir)
  const go = typeof opts.go === 'object' ? opts.go : await findGo(opts.go)
  if (typeof go === 'string') throw new GcPackageError('no-go', go)
  const arch = opts.arch ?? 'amd64'
  const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  // GOTOOLCHAIN=local: a go.mod asking for a newer go fails with go's message instead of switching to another toolchain than the one shown.
  const env = goEnv({ GOARCH: arch, GOTOOLCHAIN: 'local' })
  const goRun: GoRun = async (args, extra = {}) => {
    const left = deadline - Date.now()
    if (left <= 0) throw new GcPackageError('timeout', `gc on ${dir} timed out`)
    const out = await run(go.bin, args, { cwd: extra.cwd ?? abs, env: extra.env ?? env, timeoutMs: left, ...(opts.signal ? { signal: opts.signal } : {}) })
    if (opts.signal?.aborted) throw new GcPackageError('cancelled', 'cancelled')
    if (out.timedOut) throw new GcPackageError('timeout', `${go.bin} ${args[0]} on ${dir} timed out`)
    return out
  }
  const tmp = await mkdtemp(join(tmpdir(), 'ssascope-gcpkg-'))
  try {
    progress('go list', 0.05)
    const info = await describe(goRun, dir)
    const files = await Promise.all(
      (info.GoFiles ?? []).map(async (f): Promise<SourceFile> => ({ path: f, text: await readFile(join(info.Dir, f), 'utf8'), origin: 'file' })),
    )
    progress('building imports', 0.15)
    const cfg = await importcfg(goRun, info, tmp)
    return { go, info, files, arch, env, tmp, cfg, goRun, progress }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true })
    throw e
  }
}

/** A function gc compiled: its name (GOSSAFUNC's spelling) and where its TEXT starts. */
export interface GcCompiledFunc {
  name: string
  file: string
  line: number
}

export interface GcPackageFuncs {
  dir: string
  importPath: string
  goVersion: string
  release: string
  arch: string
  files: SourceFile[]
  functions: GcCompiledFunc[]
}

/** The functions gc compiles in the package (one compile with -S), with their files and lines. */
export async function gcPackageFuncs(dir: string, opts: Omit<GcPackageOptions, 'func'> = {}): Promise<GcPackageFuncs> {
  const p = await prepare(dir, opts)
  try {
    p.progress('compiling', 0.5)
    const functions = await compiledFuncs(p, compileFlags(p.info, p.tmp, opts.noInline === true))
    p.progress('done', 1)
    return { dir: p.info.Dir, importPath: p.info.ImportPath, goVersion: p.go.version, release: p.go.release, arch: p.arch, files: p.files, functions }
  } finally {
    await rm(p.tmp, { recursive: true, force: true })
  }
}

/** Compiles the package in `dir` with the real gc and returns what it said about `opts.func`. */
export async function gcPackage(dir: string, opts: GcPackageOptions): Promise<GcPackageRun> {
  const t0 = performance.now()
  const p = await prepare(dir, opts)
  const { info, tmp } = p
  try {
    const flags = compileFlags(info, tmp, opts.noInline === true)
    p.progress('compiling', 0.5)
    const ssaDir = join(tmp, 'ssa')
    const out = await p.goRun(['tool', 'compile', ...flags, `-importcfg=${p.cfg}`, ...(info.GoFiles ?? [])], {
      cwd: info.Dir,
      env: { ...p.env, GOSSAFUNC: opts.func, GOSSADIR: ssaDir },
    })
    const rel = (s: string): string => relativePaths(s, info.Dir)
    if (out.code !== 0) {
      const output = rel((out.stdout + out.stderr).trim())
      throw new GcPackageError('build-failed', `gc could not compile ${info.ImportPath}:\n${output}`, [], output)
    }
    p.progress('reading ssa.html', 0.85)
    const html = await findHtml(ssaDir)
    if (html === null) {
      const compiled = (await compiledFuncs(p, flags)).map((f) => f.name)
      throw new GcPackageError(
        'unknown-function',
        `gc compiled no function ${opts.func} in ${info.ImportPath}${opts.noInline ? '' : ' (generic code is compiled per shape: G[go.shape.int])'}; it compiled: ${compiled.join(', ')}`,
        compiled,
      )
    }
    // GOSSAFUNC announces its file on stdout between the -m lines; it is not a diagnostic.
    const lines = parseGcOutput(rel(out.stdout.replace(/^dumped SSA for .* to .*\n/gm, '')))
    const mergeTrace = traceOf(out.stderr, opts.func)
    p.progress('done', 1)
    return {
      dir: info.Dir,
      importPath: info.ImportPath,
      goVersion: p.go.version,
      release: p.go.release,
      arch: p.arch,
      func: opts.func,
      flags: flags.map((f) => f.replace(tmp, '$TMP')),
      files: p.files,
      html,
      lines,
      mergeTrace,
      ms: performance.now() - t0,
    }
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
}

type GoRun = (args: string[], extra?: { cwd?: string; env?: NodeJS.ProcessEnv }) => Promise<RunResult>

async function describe(goRun: GoRun, dir: string): Promise<PackageInfo> {
  const fields = 'Dir,ImportPath,Name,Standard,Module,GoFiles,CgoFiles,SFiles,EmbedFiles,Imports,ImportMap,Error,DepsErrors'
  const out = await goRun(['list', '-e', `-json=${fields}`, '.'])
  if (out.code !== 0) throw new GcPackageError('not-a-package', `go list in ${dir}: ${out.stderr.trim()}`)
  let info: PackageInfo
  try {
    info = JSON.parse(out.stdout) as PackageInfo
  } catch {
    throw new GcPackageError('not-a-package', `go list in ${dir} printed more than one package`)
  }
  if (info.Error) throw new GcPackageError('not-a-package', `${dir}: ${info.Error.Err}`)
  if ((info.GoFiles ?? []).length === 0) throw new GcPackageError('not-a-package', `${dir}: no Go files to compile for this GOARCH`)
  if ((info.CgoFiles ?? []).length > 0) throw new GcPackageError('unsupported', `${info.ImportPath} uses cgo (${info.CgoFiles!.join(', ')}): ssascope runs gc on pure Go packages only`)
  if ((info.EmbedFiles ?? []).length > 0) throw new GcPackageError('unsupported', `${info.ImportPath} embeds files (//go:embed): ssascope does not build embed configurations yet`)
  return info
}

/** The importcfg for the package's imports (their export data built for GOARCH by go list, from the build cache). */
async function importcfg(goRun: GoRun, info: PackageInfo, tmp: string): Promise<string> {
  const map = info.ImportMap ?? {}
  const imports = (info.Imports ?? []).filter((p) => p !== 'unsafe' && p !== 'C' && p !== 'embed')
  let text = Object.entries(map)
    .map(([from, to]) => `importmap ${from}=${to}\n`)
    .join('')
  if (imports.length > 0) {
    // Run in the package's directory: its module resolves the imports' versions.
    const out = await goRun(['list', '-export', '-deps', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', ...imports])
    if (out.code !== 0) {
      const output = relativePaths(out.stderr.trim(), info.Dir)
      throw new GcPackageError('build-failed', `the imports of ${info.ImportPath} do not build:\n${output}`, [], output)
    }
    text += out.stdout
  }
  const file = join(tmp, 'importcfg')
  await writeFile(file, text)
  return file
}

/** The flags go build gives gc for this package (its -p, -lang, -std, -complete), plus ours. */
function compileFlags(info: PackageInfo, tmp: string, noInline: boolean): string[] {
  const flags = ['-o', join(tmp, 'pkg.a'), '-p', info.Name === 'main' ? 'main' : info.ImportPath]
  if (info.Module?.GoVersion) flags.push(`-lang=go${info.Module.GoVersion.split('.').slice(0, 2).join('.')}`)
  if (info.Standard) flags.push('-std')
  // Without assembly every function has a body; go build says so with -complete.
  if ((info.SFiles ?? []).length === 0) flags.push('-complete')
  // One backend worker: the mergelocals trace of different functions never interleaves.
  flags.push('-c=1', '-m=2', '-d=mergelocalstrace=2')
  if (noInline) flags.push('-l')
  return flags
}

/** The one ssa.html gc wrote (GOSSADIR/<pkgpath>.<F>,<ABI>.html); the ABIInternal one when a wrapper matched too. */
async function findHtml(ssaDir: string): Promise<string | null> {
  const found: string[] = []
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else if (e.name.endsWith('.html')) found.push(p)
    }
  }
  await walk(ssaDir)
  if (found.length === 0) return null
  found.sort((a, b) => Number(b.endsWith(',1.html')) - Number(a.endsWith(',1.html')))
  return readFile(found[0]!, 'utf8')
}

/** The functions gc compiled, in its order (one more compile, with -S and without our debug flags). */
async function compiledFuncs(p: Prepared, flags: string[]): Promise<GcCompiledFunc[]> {
  const base = flags.filter((f) => !f.startsWith('-m') && !f.startsWith('-d='))
  const out = await p.goRun(['tool', 'compile', ...base, '-S', `-importcfg=${p.cfg}`, ...(p.info.GoFiles ?? [])], { cwd: p.info.Dir, env: p.env })
  if (out.code !== 0) {
    const output = relativePaths((out.stdout + out.stderr).trim(), p.info.Dir)
    throw new GcPackageError('build-failed', `gc could not compile ${p.info.ImportPath}:\n${output}`, [], output)
  }
  return symbolsOf(relativePaths(out.stdout, p.info.Dir), p.info.Name === 'main' ? 'main' : p.info.ImportPath)
}

/**
 * Functions of this package in -S output: each `pkg/path.Name STEXT …`
 * header, without the path, with the position of its TEXT line. Symbols of
 * other packages (type equality functions, wrappers) are left out.
 */
export function symbolsOf(listing: string, pkgPath: string): GcCompiledFunc[] {
  const out: GcCompiledFunc[] = []
  const seen = new Set<string>()
  const prefix = pkgPath + '.'
  let pending: GcCompiledFunc | null = null
  for (const line of listing.split('\n')) {
    const head = /^(\S+) STEXT/.exec(line)
    if (head) {
      const sym = head[1]!
      pending = null
      if (sym.startsWith(prefix) && !seen.has(sym)) {
        seen.add(sym)
        pending = { name: sym.slice(prefix.length), file: '', line: 0 }
        out.push(pending)
      }
      continue
    }
    if (pending && pending.line === 0) {
      const text = /^\t0x[0-9a-f]+ \d+ \((.+):(\d+)\)\tTEXT\t/.exec(line)
      if (text) {
        pending.file = text[1]!
        pending.line = Number(text[2])
      }
    }
  }
  return out
}

/** gc prints absolute paths of the package's files; make them relative to its directory, as the sources are named. */
export function relativePaths(text: string, dir: string): string {
  const prefix = dir.endsWith(sep) ? dir : dir + sep
  return text.split(prefix).join('')
}

/**
 * The function's lines of gc's -d=mergelocalstrace=2 stderr: from its
 * `raw cand list` to the next function's (its savings line included).
 */
export function traceOf(stderr: string, func: string): string {
  const out: string[] = []
  let inside = false
  for (const line of stderr.split('\n')) {
    const raw = /^=-= raw cand list for func (.+):$/.exec(line)
    if (raw) inside = raw[1] === func
    if (inside && line !== '') out.push(line)
  }
  return out.length === 0 ? '' : out.join('\n') + '\n'
}
