// The real gc over a batch of files at once: every file is one program, all
// of them one package (their top-level names are disjoint), so one
// `go tool compile` per arch serves the whole batch. On amd64 it prints
// -m=2, the mergelocals trace, build dumps and -S; on ppc64 the trace and -S.
// -c=1 keeps each function's trace lines together.

import { mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { goEnv, ImportConfigs, importPaths, run } from '../gcbridge/toolchain'
import { parseGcListing, type GcListing } from '../gcbridge/listing'
import { splitTraces } from '../gcbridge/mergelocals'
import { parseSsaDump, type DumpFunc } from '../gcbridge/ssadump'

export const ARCHES = ['amd64', 'ppc64'] as const
export type FuzzArch = (typeof ARCHES)[number]

export interface BatchFile {
  /** File name in the package directory, e.g. `s17.go`; gc's positions read `./s17.go:…`. */
  name: string
  text: string
  /** gc names of its functions (for the build dumps). */
  funcs: string[]
}

export interface GcFileResult {
  /** gc's errors when it refused the file (then nothing else is filled). */
  errors: string[]
  /** -m=2 lines, paths as `./NAME.go`. */
  escape: string[]
  /** `start` (build) dumps by function, amd64. */
  build: Map<string, DumpFunc>
  /** -d=mergelocalstrace=2 text by function, per arch. */
  merge: Map<FuzzArch, Map<string, string>>
  /** -S listing by function (gc's name without `p.`), per arch. */
  listing: Map<FuzzArch, Map<string, GcListing>>
}

export interface GcRunOptions {
  go?: string
  timeoutMs?: number
  /** Which parts to ask gc for (all by default): the shrinker asks for what its failure needs. */
  parts?: { escape?: boolean; build?: boolean; merge?: boolean; listing?: boolean; arches?: readonly FuzzArch[] }
}

let scratchRoot: Promise<string> | undefined
/** tmpfs when it has room: gc writes dumps one field per write(2). */
function scratch(): Promise<string> {
  scratchRoot ??= (async () => {
    try {
      const fs = await statfs('/dev/shm')
      return fs.bavail * fs.bsize >= 256 << 20 ? '/dev/shm' : tmpdir()
    } catch {
      return tmpdir()
    }
  })()
  return scratchRoot
}

const mangle = (s: string): string => s.replace(/[ /:]/g, '_')

/** Compiles `files` as one package on each arch; a batch gc refuses is retried file by file to find the bad ones. */
export async function gcBatch(files: BatchFile[], opts: GcRunOptions = {}): Promise<Map<string, GcFileResult>> {
  const dir = await mkdtemp(join(await scratch(), 'ssascope-fuzz-'))
  try {
    for (const f of files) await writeFile(join(dir, f.name), f.text)
    const out = new Map<string, GcFileResult>()
    const first = await compileAll(dir, files, opts)
    if (first.ok) {
      for (const [k, v] of first.results) out.set(k, v)
      return out
    }
    // Some file does not compile: each alone, so the valid ones still count.
    for (const f of files) {
      const sub = await mkdtemp(join(dir, 'one-'))
      await writeFile(join(sub, f.name), f.text)
      const one = await compileAll(sub, [f], opts)
      out.set(f.name, one.ok ? one.results.get(f.name)! : { ...emptyResult(), errors: one.errors })
    }
    return out
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const importConfigs = new Map<string, ImportConfigs>()

/** The standard-library export data the files import (math, math/bits), built for arch; '' without imports. */
async function importcfg(go: string, arch: string, files: BatchFile[]): Promise<string> {
  if (!files.some((f) => /^\s*import\b/m.test(f.text))) return ''
  const paths = new Set<string>()
  for (const f of files) for (const p of await importPaths(f.text)) paths.add(p)
  let cfgs = importConfigs.get(go)
  if (!cfgs) importConfigs.set(go, (cfgs = new ImportConfigs({ bin: go })))
  return cfgs.forImports([...paths], { GOARCH: arch })
}

function emptyResult(): GcFileResult {
  return { errors: [], escape: [], build: new Map(), merge: new Map(), listing: new Map() }
}

async function compileAll(dir: string, files: BatchFile[], opts: GcRunOptions): Promise<{ ok: true; results: Map<string, GcFileResult> } | { ok: false; errors: string[] }> {
  const parts = { escape: true, build: true, merge: true, listing: true, arches: ARCHES, ...opts.parts }
  const results = new Map(files.map((f) => [f.name, emptyResult()]))
  const go = opts.go ?? process.env['SSASCOPE_GO'] ?? 'go'
  const names = files.map((f) => f.name)
  for (const arch of parts.arches) {
    const amd64 = arch === parts.arches[0]
    const ssadir = join(dir, `ssa-${arch}`)
    await mkdir(ssadir, { recursive: true })
    const d: string[] = []
    if (parts.merge) d.push('mergelocalstrace=2')
    const wantBuild = parts.build && amd64
    if (wantBuild) for (const f of files) for (const fn of f.funcs) if (!fn.includes(',')) d.push(`ssa/build/dump=${fn}`)
    const args = ['tool', 'compile', '-p=p', '-l', '-c=1', '-o', join(dir, `x-${arch}.o`)]
    const cfg = await importcfg(go, arch, files)
    if (cfg) {
      await writeFile(join(dir, `importcfg-${arch}`), cfg)
      args.push(`-importcfg=${join(dir, `importcfg-${arch}`)}`)
    }
    if (parts.escape && amd64) args.push('-m=2')
    if (parts.listing) args.push('-S')
    if (d.length > 0) args.push(`-d=${d.join(',')}`)
    args.push(...names)
    const r = await run(go, args, { cwd: dir, env: goEnv({ GOARCH: arch, GOSSADIR: ssadir }), timeoutMs: opts.timeoutMs ?? 300_000 })
    if (r.timedOut) throw new Error(`go tool compile timed out on ${names.join(' ')}`)
    if (r.code !== 0) return { ok: false, errors: (r.stdout + r.stderr).split('\n').filter((l) => /^\S+\.go:\d+/.test(l)).map((l) => l.split(`${dir}/`).join('')) }
    const byFile = (path: string): GcFileResult | undefined => results.get(path.replace(/^.*\//, ''))
    // stdout: -m lines (`/abs/NAME.go:…` or `<autogenerated>:1: …`; walk's come while functions compile,
    // between -S listings, whose lines start with a tab or a symbol).
    const autogen: string[] = []
    for (const l of parts.escape && amd64 ? r.stdout.split('\n') : []) {
      if (l === '' || l.startsWith('\t') || /^\S+ STEXT /.test(l)) continue
      if (l.startsWith('<autogenerated>:')) autogen.push(l)
      else {
        const m = /^(\S+?\.go):\d+/.exec(l)
        const res = m && byFile(m[1]!)
        if (res) res.escape.push(l.split(`${dir}/`).join('./'))
      }
    }
    if (autogen.length > 0) attributeAutogenerated(autogen, files, results)
    if (parts.listing) {
      const listings = parseGcListing(r.stdout)
      for (const f of files) {
        const own = new Map<string, GcListing>()
        for (const fn of f.funcs) {
          const l = listings.get(fn)
          if (l) own.set(fn, l)
        }
        results.get(f.name)!.listing.set(arch, own)
      }
    }
    if (parts.merge) {
      const traces = splitTraces(r.stderr.split('\n').filter((l) => !l.startsWith('Unable to create')).join('\n'))
      for (const f of files) {
        const own = new Map<string, string>()
        for (const fn of f.funcs) {
          const t = traces.get(fn)
          if (t !== undefined) own.set(fn, t)
        }
        results.get(f.name)!.merge.set(arch, own)
      }
    }
    if (wantBuild) await readBuildDumps(ssadir, files, results)
  }
  return { ok: true, results }
}

/**
 * Wrapper lines (`<autogenerated>:1: …`) go to the file whose function or
 * type names they mention; a line that names none (an explanation's
 * `flow: {temp} ← .this:`) belongs with the line before it.
 */
export function attributeAutogenerated(lines: string[], files: BatchFile[], results: Map<string, GcFileResult>): void {
  const owner = new Map<string, string>()
  for (const f of files) {
    for (const fn of f.funcs) {
      for (const id of fn.match(/[A-Za-z_]\w*/g) ?? []) if (!owner.has(id)) owner.set(id, f.name)
    }
  }
  let previous = files[0]!.name
  for (const l of lines) {
    const ids = l.slice('<autogenerated>:'.length).match(/[A-Za-z_]\w*/g) ?? []
    const file = ids.map((id) => owner.get(id)).find((x) => x !== undefined) ?? previous
    results.get(file)!.escape.push(l)
    previous = file
  }
}

async function readBuildDumps(ssadir: string, files: BatchFile[], results: Map<string, GcFileResult>): Promise<void> {
  const present = new Set(await readdir(ssadir))
  for (const f of files) {
    const res = results.get(f.name)!
    for (const fn of f.funcs) {
      const file = `${mangle(fn)}_01__build.dump`
      if (!present.has(file)) continue
      res.build.set(fn, parseSsaDump(await readFile(join(ssadir, file), 'utf8')))
    }
  }
}

/** Whether gc compiles `text` (one file, its own package); its errors when not. */
export async function gcAccepts(name: string, text: string, opts: { go?: string } = {}): Promise<{ ok: boolean; errors: string[] }> {
  const dir = await mkdtemp(join(await scratch(), 'ssascope-fuzz-'))
  try {
    await writeFile(join(dir, name), text)
    const go = opts.go ?? process.env['SSASCOPE_GO'] ?? 'go'
    const r = await run(go, ['tool', 'compile', '-p=p', '-l', '-o', join(dir, 'x.o'), name], { cwd: dir, env: goEnv(), timeoutMs: 120_000 })
    return { ok: r.code === 0, errors: (r.stdout + r.stderr).split('\n').filter((l) => l !== '') }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
