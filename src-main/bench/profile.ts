// `npm run bench -- --profile[=DIR]`: where the SSA pipeline's time goes, on
// the bench's 10,000-value function and on a ~5,000-line file of many small
// functions. For each workload, one JSON line splits the time into
// construction, each pass, the checker, the snapshots and the collector,
// with the checker off (the user's run) and on (tests, `--check`); a V8 CPU
// profile of the same run goes to DIR (default: profiles/) with its hottest
// functions and the collector's share of the samples in the JSON line, and
// a sampling heap profile of one more run (garbage included) gives what
// each function allocates. Open a .cpuprofile in Chrome's DevTools
// (Performance, load profile) or speedscope, a .heapprofile in DevTools'
// Memory tab.

import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join, resolve } from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import { Program } from '../compiler/pipeline'
import { newCompileTimings, type CompileTimings } from '../compiler/ssa/compile'
import type { SsaProgram } from '../compiler/ssagen/program'
import { bigFunctionProgram, escapeProgram } from './programs'

type Emit = (o: object) => void

const round = (x: number) => Math.round(x * 10) / 10
const RUNS = 3

/** Milliseconds the collector ran while f ran (PerformanceObserver's gc entries), and the process's CPU time. */
async function withGcTime<T>(f: () => T): Promise<{ result: T; gcMs: number; ms: number; cpuMs: number }> {
  let gcMs = 0
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration
  })
  obs.observe({ entryTypes: ['gc'] })
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const result = f()
  const ms = performance.now() - t0
  const c = process.cpuUsage(c0)
  // gc entries are delivered asynchronously.
  await new Promise((r) => setTimeout(r, 20))
  obs.disconnect()
  return { result, gcMs, ms, cpuMs: (c.user + c.system) / 1000 }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

/** The profile's hottest functions by self time, as `name file:line` → ms. */
function hottest(p: CpuProfile, n: number): Record<string, number> {
  const byId = new Map(p.nodes.map((x) => [x.id, x]))
  const self = new Map<string, number>()
  p.samples.forEach((id, i) => {
    const node = byId.get(id)!
    const f = node.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
  })
  return Object.fromEntries([...self].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('dispatch ')).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, round(v)]))
}

/** Sampled milliseconds of the run (without idle time and the inspector's own `dispatch`), and the collector's share of them. */
function gcShare(p: CpuProfile): { sampledMs: number; gcPercent: number } {
  const byId = new Map(p.nodes.map((x) => [x.id, x]))
  let total = 0
  let gc = 0
  p.samples.forEach((id, i) => {
    const name = byId.get(id)!.callFrame.functionName
    if (name === '(idle)' || name === 'dispatch' || name === '(program)') return
    const dt = (p.timeDeltas[i] ?? 0) / 1000
    total += dt
    if (name === '(garbage collector)') gc += dt
  })
  return { sampledMs: round(total), gcPercent: round((gc / total) * 100) }
}

async function profiled<T>(session: Session, file: string, f: () => T): Promise<{ result: T; top: Record<string, number>; sampledMs: number; gcPercent: number }> {
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  const result = f()
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }
  writeFileSync(file, JSON.stringify(profile))
  return { result, top: hottest(profile, 15), ...gcShare(profile) }
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number }
  selfSize: number
  children: HeapNode[]
}

/**
 * What the run allocates, garbage included (V8's sampling heap profiler with
 * the objects the collector freed kept in): MB by allocating function, the
 * collector's work. Written next to the CPU profile as a .heapprofile.
 */
async function allocations<T>(session: Session, file: string, f: () => T): Promise<{ totalMB: number; top: Record<string, number> }> {
  await session.post('HeapProfiler.enable')
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never)
  f()
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: HeapNode } }
  await session.post('HeapProfiler.disable')
  writeFileSync(file, JSON.stringify(profile))
  const self = new Map<string, number>()
  let total = 0
  const walk = (n: HeapNode): void => {
    const c = n.callFrame
    const key = `${c.functionName || '(anonymous)'} ${c.url.split('/').pop()}:${c.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + n.selfSize)
    total += n.selfSize
    for (const k of n.children) walk(k)
  }
  walk(profile.head)
  const mb = (x: number) => round(x / 2 ** 20)
  return { totalMB: mb(total), top: Object.fromEntries([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => [k, mb(v)])) }
}

/** Every function of the program through every pass, the breakdown summed in `tm`. */
function traceAll(prog: SsaProgram, check: boolean, tm: CompileTimings): number {
  let failed = 0
  for (const name of prog.functions) {
    const t = prog.trace(name, 'amd64', { check, timings: tm })
    if (t.passes.some((p) => p.status === 'failed')) failed++
  }
  return failed
}

function breakdown(ms: number, cpuMs: number, gcMs: number, tm: CompileTimings, check: boolean): Record<string, unknown> {
  const passes = Object.values(tm.passMs).reduce((a, b) => a + b, 0)
  const top = Object.entries(tm.passMs).sort((a, b) => b[1] - a[1]).slice(0, 10)
  return {
    check,
    ms: round(ms),
    cpuMs: round(cpuMs),
    passesMs: round(passes),
    checkerMs: round(tm.checkMs),
    snapshotsMs: round(tm.snapshotMs),
    // Construction, the stack frame and the listing: what is left of the run.
    otherMs: round(ms - passes - tm.checkMs - tm.snapshotMs),
    gcMs: round(gcMs),
    topPassesMs: Object.fromEntries(top.map(([k, v]) => [k, round(v)])),
  }
}

async function workload(emit: Emit, session: Session, dir: string, name: string, text: string): Promise<void> {
  const path = `${name}.go`
  const t0 = performance.now()
  const program = await Program.load(path, text)
  const loadMs = performance.now() - t0
  if (program.diagnostics.length) throw new Error(`${name}: ${program.diagnostics[0]!.message}`)
  const t1 = performance.now()
  const prog = program.ssa()
  const escapeMs = performance.now() - t1
  // Warm-up: the first runs still wait for the optimizing compiler.
  for (let i = 0; i < 2; i++) traceAll(prog, i === 0, newCompileTimings())
  // The machine may be busy: of RUNS runs each, the one that took least CPU;
  // the two settings alternate so that neither gets the colder runs.
  const best = new Map<boolean, Record<string, unknown>>()
  for (let i = 0; i < RUNS; i++) {
    for (const check of [false, true]) {
      const tm = newCompileTimings()
      const { result: failed, gcMs, ms, cpuMs } = await withGcTime(() => traceAll(prog, check, tm))
      const b = best.get(check)
      if (!b || cpuMs < (b['cpuMs'] as number)) best.set(check, { ...breakdown(ms, cpuMs, gcMs, tm, check), failedFunctions: failed })
    }
  }
  const runs = [best.get(false)!, best.get(true)!]
  const file = join(dir, `${name}.cpuprofile`)
  const { top, sampledMs, gcPercent } = await profiled(session, file, () => traceAll(prog, false, newCompileTimings()))
  const heapFile = join(dir, `${name}.heapprofile`)
  const heap = await allocations(session, heapFile, () => traceAll(prog, false, newCompileTimings()))
  emit({ bench: `profile ${name}`, lines: text.split('\n').length, functions: prog.functions.length, parseAndCheckMs: round(loadMs), escapeMs: round(escapeMs), runs, cpuProfile: file, sampledMs, gcPercent, hottestSelfMs: top, heapProfile: heapFile, allocatedMB: heap.totalMB, allocatedMBBySite: heap.top })
}

/** `only`: one workload by name (ssa-10k, small-funcs-5k). */
export async function profileBench(emit: Emit, dir = 'profiles', only?: string): Promise<void> {
  const out = resolve(dir)
  mkdirSync(out, { recursive: true })
  const session = new Session()
  session.connect()
  try {
    if (!only || only === 'ssa-10k') await workload(emit, session, out, 'ssa-10k', bigFunctionProgram(10_000))
    if (!only || only === 'small-funcs-5k') await workload(emit, session, out, 'small-funcs-5k', escapeProgram(5000))
  } finally {
    session.disconnect()
  }
}
