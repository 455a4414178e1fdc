// Packages of several files on the command line: `ssascope escape|ssa|asm|
// allocs|funcs a.go b.go …` or `… DIR` (the directory's non-test .go files,
// sorted, as the go command takes them) analyse ONE package, as
// `go build -gcflags=…` does. One file that is not a directory keeps the
// single-file path through the API (packageInvocation answers null).
// The package goes through compiler/package.ts in this process: the API's
// requests carry one file.

import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { loadPackage, type LoadedPackage, type PackageFile, type PackageMap } from '../compiler/package'
import { printFunc } from '../compiler/ssa/print'
import type { SsascopeApi } from '../protocol/api'
import { formatDiagnostic, type Arch, type Diagnostic, type FuncTrace } from '../protocol/model'
import { encodeTrace } from '../protocol/trace-codec'
import { scanArgs } from './args'
import type { CliIO } from './cli'

const COMMANDS = new Set(['escape', 'ssa', 'asm', 'allocs', 'funcs'])
const ARCHES: Arch[] = ['amd64', 'ppc64']

export const PACKAGE_USAGE = `usage: ssascope escape [-m | -m=1 | -m=2] [--json [--func F]] (FILE.go... | DIR)
       ssascope ssa|asm|allocs (FILE.go... | DIR) --func F [--arch amd64|ppc64] [--pass P] [--json]
       ssascope funcs (FILE.go... | DIR)
`

/** Whether a path names a directory (a missing path is not one: the file read reports it). */
function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** The positional arguments of a command line, if they make it a package invocation (several files, or a directory). */
function packagePaths(command: string, args: string[]): string[] | null {
  if (!COMMANDS.has(command)) return null
  const paths: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--func' || a === '--arch' || a === '--pass') i++
    else if (!a.startsWith('-')) paths.push(a)
  }
  // A directory named `x.go` stays a (bad) file argument: the file read says `not a file`.
  return paths.length > 1 || (paths.length === 1 && !paths[0]!.endsWith('.go') && isDir(paths[0]!)) ? paths : null
}

/** The answer of a package invocation, or null when the command line names one file (the single-file commands handle it). */
export async function packageInvocation(command: string, args: string[], api: SsascopeApi, io: CliIO): Promise<number | null> {
  const paths = packagePaths(command, args)
  if (!paths) return null
  const scanned = scanArgs(
    args,
    { values: { '--func': 'func', '--arch': 'arch', '--pass': 'pass' }, switches: { '--json': 'json', '-m': 'm1', '-m=1': 'm1', '-m=2': 'm2', '--check': 'check' } },
    PACKAGE_USAGE,
    io,
  )
  if (!scanned) return 2
  const { flags } = scanned
  const files = await packageFiles(paths, api, io)
  if (!files) return 2
  const pkg = await loadPackage(files)
  const errors = [...pkg.diagnostics, ...pkg.program.diagnostics.map((d) => pkg.map.diagnostic(d))]
  if (report(errors, io)) return 2
  switch (command) {
    case 'funcs':
      for (const f of pkg.program.parsed.functions) {
        const at = pkg.map.locate(f.line)
        io.stdout(`${f.name}\t${f.kind}\t${at.path}:${at.line}:${f.col}\n`)
      }
      return 0
    case 'escape':
      return escape(pkg, flags, io)
    default:
      return funcCommand(command, pkg, flags, io)
  }
}

/** Prints diagnostics; true when one is an error. */
function report(ds: Diagnostic[], io: CliIO): boolean {
  for (const d of ds) io.stderr(formatDiagnostic(d) + '\n')
  return ds.some((d) => d.severity === 'error')
}

/**
 * The files of the package: the .go files named, or a directory's .go files
 * without _test.go ones, sorted (what `go build DIR` compiles, build
 * constraints aside). Null after saying why not.
 */
async function packageFiles(paths: string[], api: SsascopeApi, io: CliIO): Promise<PackageFile[] | null> {
  let names = paths
  if (paths.some((p) => !p.endsWith('.go') && isDir(p))) {
    if (paths.length > 1) {
      io.stderr(`ssascope: give one directory or .go files, not both (${paths.join(' ')})\n`)
      return null
    }
    const dir = paths[0]!
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.go') && !n.endsWith('_test.go') && !n.startsWith('.') && !n.startsWith('_'))
      .sort()
      .map((n) => join(dir, n))
    if (names.length === 0) {
      io.stderr(`${dir}: no non-test Go files\n`)
      return null
    }
  }
  const seen = new Set<string>()
  const out: PackageFile[] = []
  for (const path of names) {
    if (seen.has(path)) {
      io.stderr(`${path}: named twice\n`)
      return null
    }
    seen.add(path)
    // The API's file read: regular .go files only, size-limited; its error says which file.
    const f = await api.call('openFile', { path })
    out.push({ path, text: f.text })
  }
  return out
}

function escape(pkg: LoadedPackage, flags: Record<string, string>, io: CliIO): number {
  const level = flags['m2'] ? 2 : 1
  const json = flags['json'] === 'true'
  const func = flags['func']
  if (flags['arch'] !== undefined || flags['pass'] !== undefined || (func !== undefined && !json)) {
    io.stderr(PACKAGE_USAGE)
    return 2
  }
  const r = pkg.program.escapeResult({ level, ...(func !== undefined ? { graphOf: func } : {}) })
  const lines = r.lines.map((l) => pkg.map.text(l))
  if (report(r.diagnostics.map((d) => pkg.map.diagnostic(d)), io)) return 2
  if (json) io.stdout(JSON.stringify({ files: pkg.map.parts.map((p) => p.path), lines, diagnostics: [], graph: r.graph }) + '\n')
  else for (const l of lines) io.stdout(l + '\n')
  return 0
}

function funcCommand(command: string, pkg: LoadedPackage, flags: Record<string, string>, io: CliIO): number {
  const func = flags['func']
  const arch = flags['arch'] ?? ((ARCHES as string[]).includes(process.env['GOARCH'] ?? '') ? process.env['GOARCH']! : 'amd64')
  if (!func || (flags['pass'] !== undefined && command !== 'ssa') || flags['m1'] || flags['m2']) {
    io.stderr(PACKAGE_USAGE)
    return 2
  }
  if (!(ARCHES as string[]).includes(arch)) {
    io.stderr(`unknown --arch ${arch}: want ${ARCHES.join(' or ')}\n`)
    return 2
  }
  const until = command === 'allocs' ? 'start' : flags['pass']
  const r = pkg.program.ssaResult({ func, arch: arch as Arch, ...(until ? { until } : {}), ...(flags['check'] ? { check: true } : {}) })
  if (report(r.diagnostics.map((d) => pkg.map.diagnostic(d)), io) || !r.trace) return 2
  const trace = r.trace
  const json = flags['json'] === 'true'
  const failed = trace.passes.find((x) => x.status === 'failed')
  if (command === 'asm') {
    const listing = pkg.map.listing(trace)
    if (!listing) {
      io.stderr(`${trace.func}: no listing: ${failed ? `pass ${failed.name} failed: ${failed.error}` : (trace.asmError ?? 'the passes did not run to the end')}\n`)
      return 2
    }
    io.stdout(json ? JSON.stringify(mapTrace(trace, pkg.map).asm) + '\n' : listing)
    return 0
  }
  if (command === 'allocs') {
    if (json) io.stdout(JSON.stringify(trace.allocs) + '\n')
    else
      for (const a of trace.allocs) {
        const members = a.members.map((m) => `${m.name}@${m.offset}(${m.size})`).join(' ')
        io.stdout(`${a.value}\t${a.block}\t${a.call}\t${a.size}${members ? '\t' + members : ''}\n`)
      }
    return 0
  }
  const mapped = mapTrace(trace, pkg.map)
  if (json) io.stdout(JSON.stringify(encodeTrace(mapped)) + '\n')
  else if (flags['pass'] !== undefined) {
    const rec = mapped.passes.find((x) => x.name === flags['pass'])
    if (!rec) {
      io.stderr(`${func} stopped before ${flags['pass']}: ${mapped.passes[mapped.passes.length - 1]!.name} failed\n`)
      return 2
    }
    if (rec.status === 'not-modeled') io.stderr(`note: ${rec.name} is not modelled; this is the function as the previous pass left it\n`)
    io.stdout(printFunc(rec.snapshot))
  } else
    for (const rec of mapped.passes) {
      const values = rec.snapshot.blocks.reduce((n, b) => n + b.values.length, 0)
      io.stdout(`${rec.name}\t${rec.status}\t${values}\t${rec.snapshot.blocks.length}\n`)
    }
  if (failed) {
    io.stderr(`${trace.func}: pass ${failed.name} failed: ${failed.error}\n`)
    return 2
  }
  return 0
}

/**
 * The trace with every source line a line of its own file (SSA values and
 * blocks, listing lines, stack slots' `file:line:col`), as gc's dumps show
 * them. Records shared across passes are copied once.
 */
export function mapTrace(trace: FuncTrace, map: PackageMap): FuncTrace {
  const line = (l: number) => (l > 0 ? map.locate(l).line : l)
  const values = new Map<object, object>()
  const blocks = new Map<object, object>()
  const mapValue = <V extends { line: number }>(v: V): V => {
    let m = values.get(v) as V | undefined
    if (!m) values.set(v, (m = { ...v, line: line(v.line) }))
    return m
  }
  const mapBlock = <B extends { line: number; values: { line: number }[] }>(b: B): B => {
    let m = blocks.get(b) as B | undefined
    if (!m) blocks.set(b, (m = { ...b, line: line(b.line), values: b.values.map(mapValue) }))
    return m
  }
  const passes = trace.passes.map((p) => ({ ...p, snapshot: { ...p.snapshot, blocks: p.snapshot.blocks.map(mapBlock) } }))
  const out: FuncTrace = JSON.parse(JSON.stringify({ ...trace, passes: [] }, (_key, v) => (typeof v === 'string' ? map.text(v) : v)))
  out.passes = passes
  if (out.asm) out.asm = { ...out.asm, lines: out.asm.lines.map((l) => ({ ...l, line: line(l.line) })) }
  return out
}
