// One function of a real package as the real gc compiled it, in our model:
// gc's ssa.html read into a FuncTrace (ids reused across passes, as gc does),
// with the allocation calls of its `start` column, the mergelocals trace as
// the stack-frame artifact, and the package's -m=2 verdicts.

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { AllocGroup, FuncTrace, GcPackageResultOf } from '../protocol/model'
import { allocationCalls } from './allocs'
import { escapeDecisions } from './gcescape'
import { stackFrameFromTrace } from './mergetrace'
import { gcPackage, GcPackageError, type GcPackageOptions } from './package'
import { importSsaHtml } from './ssahtml'
import { defaultGoBin, findGo, formatGcLine, goEnv, run, type GoToolchain } from './toolchain'

export interface GcTraceOptions extends GcPackageOptions {
  /** A release to run instead of the default go (`go1.27.0`): GOTOOLCHAIN picks it, the module proxy provides it once. */
  toolchain?: string
}

/** The toolchain for a request: the default go, or the release it names through GOTOOLCHAIN. */
export async function resolveToolchain(release?: string, bin: string = defaultGoBin(), signal?: AbortSignal): Promise<GoToolchain> {
  if (release === undefined) {
    const go = await findGo(bin)
    if (typeof go === 'string') throw new GcPackageError('no-go', go)
    return go
  }
  if (!/^go1\.\d+(\.\d+)?((rc|beta)\d+)?$/.test(release)) throw new GcPackageError('no-go', `${release} is not a Go release (e.g. go1.27.0)`)
  let out
  try {
    // GOTOOLCHAIN makes the default go run (and first download) that release; its GOROOT holds its own go.
    out = await run(bin, ['env', 'GOROOT'], { env: goEnv({ GOTOOLCHAIN: release }), timeoutMs: 600_000, ...(signal ? { signal } : {}) })
  } catch (e) {
    throw new GcPackageError('no-go', `no usable go (${bin}) to fetch ${release} with: ${(e as Error).message.split('\n')[0]}`)
  }
  if (out.code !== 0) throw new GcPackageError('no-go', `GOTOOLCHAIN=${release} ${bin}: ${(out.stderr || out.stdout).trim().split('\n')[0]}`)
  const go = await findGo(`${out.stdout.trim()}/bin/go`)
  if (typeof go === 'string') throw new GcPackageError('no-go', go)
  return go
}

/** Runs gc on the package for `opts.func` and reads everything it printed into our model. */
export async function gcPackageTrace(dir: string, opts: GcTraceOptions): Promise<GcPackageResultOf<FuncTrace>> {
  const go = typeof opts.go === 'object' ? opts.go : await resolveToolchain(opts.toolchain, opts.go, opts.signal)
  const r = await gcPackage(dir, { ...opts, go })
  opts.onProgress?.({ phase: 'importing ssa.html', fraction: 0.9 })
  const imported = importSsaHtml(r.html, { arch: r.arch })
  const trace = imported.trace
  trace.func = r.func
  const warnings = [...imported.warnings]
  const start = imported.dumps.find((d) => d.passes.includes('start'))
  if (start) trace.allocs = allocationCalls(start.func).map(toGroup)
  const frame = stackFrameFromTrace(r.mergeTrace, r.func, r.arch)
  if (frame) trace.stackFrame = frame
  if (trace.origin) {
    trace.origin.missing = trace.origin.missing.filter((m) => m !== 'escape analysis' && !(start && m === 'allocation calls'))
    if (frame) {
      trace.origin.missing = trace.origin.missing.filter((m) => m !== 'liveness and the frame layout')
      trace.origin.missing.push('liveness details gc prints only at -d=mergelocalstrace=3 (instruction numbering, address values, evictions), the frame size')
    }
  }
  return {
    dir: r.dir,
    importPath: r.importPath,
    go: r.goVersion,
    release: r.release,
    arch: r.arch,
    func: r.func,
    flags: r.flags,
    noInline: opts.noInline === true,
    files: r.files,
    trace,
    escape: escapeDecisions(r.lines),
    lines: r.lines.map(formatGcLine),
    mergeTrace: r.mergeTrace,
    warnings,
    ms: r.ms,
  }
}

/**
 * One file's text as the only file of a package (what the embedded
 * pipeline models), compiled by the real gc with -l like the differential
 * tests: the other side of the engine comparison.
 */
export async function gcFileTrace(path: string, text: string, opts: GcTraceOptions): Promise<GcPackageResultOf<FuncTrace>> {
  const dir = await mkdtemp(join(tmpdir(), 'ssascope-gcfile-'))
  try {
    // go 1.22: per-iteration loop variables, as the pipeline models; old enough that no newer toolchain is fetched.
    // The module is named after the file's package, so symbols read as the pipeline spells them (heapagg.g64).
    const pkg = /^\s*package\s+([A-Za-z_]\w*)/m.exec(text)?.[1] ?? 'p'
    await writeFile(join(dir, 'go.mod'), `module ${pkg}\n\ngo 1.22\n`)
    await writeFile(join(dir, basename(path).endsWith('.go') ? basename(path) : 'main.go'), text)
    const r = await gcPackageTrace(dir, { ...opts, noInline: true })
    return { ...r, dir: path }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function toGroup(c: ReturnType<typeof allocationCalls>[number]): AllocGroup {
  const g: AllocGroup = {
    call: c.call,
    size: c.size ?? 0,
    value: c.value,
    block: c.block,
    // gc's dump names each member's pointer; its size and alignment are not printed (0: unknown).
    members: c.members.map((m) => ({ name: m.name, offset: m.offset, size: 0, align: 0 })),
  }
  if (c.type !== undefined) g.type = c.type
  return g
}
