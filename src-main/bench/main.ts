// `npm run bench`: machine-readable figures, one JSON object per line. Each
// figure is measured next to the real Go toolchain doing comparable work in
// the same run (here: gofmt parsing the same file), so ratios stay meaningful
// across machines. The UI figures (ui.ts) drive the browser-mode app in
// Chromium with Playwright.
//
//   npm run bench                       every figure
//   npm run bench -- --ui-only          only the UI figures
//   npm run bench -- --no-ui            every figure but the UI ones
//   npm run bench -- --ui-profile=DIR   also write CPU profiles of the UI runs
//   npm run bench -- --export-only      only the exported report's figures (export.ts)
//   npm run bench -- --import-only      only the ssa.html import figure
//   npm run bench -- --profile[=DIR]    only the SSA pipeline's profile (profile.ts; CPU profiles to DIR, default profiles/)
//   npm run bench -- --profile --only=ssa-10k   one of its workloads (ssa-10k, small-funcs-5k)
//   npm run bench -- --ssa-only         only the SSA figures (ssa-10k, trace-wire, ssa-100k-lines; --only=ssa-10k for the first two, --only=ssa-10k-cpu for a quick CPU ratio)
//   npm run bench -- --trace-hash [FILE.go...]  SHA-256 of every trace (tracehash.ts): output unchanged by a speed change
//   npm run bench -- --gcpkg-only       only the real-package figure (gc bridge vs go build)
//   npm run bench -- --deep-only        only the deep-nesting figures (5,000 nested ifs, a 10,001-term sum; --only=NAME for one)

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzeSource } from '../compiler'
import { escapeSource } from '../compiler/escape'
import { parseOutline } from '../compiler/syntax'
import { bigFunctionProgram, escapeProgram } from './programs'
import { escapeUiFigures } from './escape-ui'
import { compareModelBench, compareUiBench } from './compare'
import { ssaProgram } from '../compiler/ssagen'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { workerFile } from '../service/paths'
import { WorkerRunner } from '../service/runner'
import { exitQuietlyOnClosedStdout } from '../cli/stdout'
import { decodeTrace, encodeTrace, type EncodedTrace } from '../protocol/trace-codec'
import type { FuncTrace } from '../protocol/model'
import { uiBench } from './ui'
import { cfgBench } from './cfg'
import { viewsModelBench, viewsUiBench } from './views'
import { hugeFileBench, measured } from './huge'
import { exportBench } from './export'
import { importBench } from './import'
import { gcPackageBench } from './gcpkg'
import { profileBench } from './profile'
import { deepNestingBench } from './deep'
import { traceHashBench } from './tracehash'

function syntheticProgram(funcs: number): string {
  const out = ['package bench', '', 'type T struct{ a, b int; next *T }', '']
  for (let i = 0; i < funcs; i++) {
    out.push(
      `func f${i}(xs []int, t *T) (sum int) {`,
      `\tfor i, x := range xs {`,
      `\t\tif x%${(i % 7) + 2} == 0 {`,
      `\t\t\tsum += x * i`,
      `\t\t} else {`,
      `\t\t\tsum -= t.a`,
      `\t\t}`,
      `\t}`,
      `\tg := func(y int) int { return y + t.b }`,
      `\treturn g(sum)`,
      `}`,
      '',
    )
  }
  return out.join('\n')
}

/** The median of `runs` timings of f (or, `valued`, of what f returns). */
async function median(runs: number, f: () => Promise<unknown> | unknown, valued = false): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const r = await f()
    times.push(valued ? (r as number) : performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

async function gofmtMs(file: string, runs: number): Promise<number | null> {
  const run = () => execFileSync('gofmt', ['-l', file], { stdio: 'ignore' })
  try {
    run()
  } catch {
    return null
  }
  return median(runs, run)
}

/**
 * The real `go build -gcflags=-l` of a one-file package, in milliseconds
 * (median), or null without a usable go. What is fair to compare with our
 * escape analysis is a full compile of that package and nothing else:
 * - a private GOCACHE, so the user's cache is neither used nor filled;
 * - the package imports nothing, so no standard-library package is built
 *   (`-a` would rebuild the runtime and measure the wrong thing);
 * - before every timed run a different trailing comment is written, so the
 *   source hash changes and the go command really recompiles the package
 *   (touching the file would not: the cache is keyed by content);
 * - `-o DIR/bench.a` on a non-main package compiles without linking (not
 *   `-o /dev/null`: for a non-main package go replaces the output file, and
 *   run as root that turns /dev/null into a regular file).
 * The go command's fixed costs (module loading, action graph, cache
 * bookkeeping) are part of a real `go build` and stay in. The compiler alone
 * (`go tool compile -p bench -l`) is reported next to it for reference; it
 * can be slower than the build, which runs the backend concurrently (`-c=N`).
 */
function goBuildTimes(text: string, runs: number): { buildMs: number; compileMs: number } | null {
  const go = process.env['SSASCOPE_GO'] ?? 'go'
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-bench-go-'))
  const cache = mkdtempSync(join(tmpdir(), 'ssascope-bench-gocache-'))
  const env = { ...process.env, GOFLAGS: '', GOWORK: 'off', GOCACHE: cache }
  writeFileSync(join(dir, 'go.mod'), 'module bench\n\ngo 1.26\n')
  const file = join(dir, 'bench.go')
  let edit = 0
  const build = () => execFileSync(go, ['build', '-gcflags=-l', '-o', join(dir, 'bench.a'), '.'], { cwd: dir, env, stdio: 'ignore', timeout: 300_000 })
  const compile = () => execFileSync(go, ['tool', 'compile', '-p', 'bench', '-l', '-o', join(dir, 'bench.o'), file], { cwd: dir, env, stdio: 'ignore', timeout: 300_000 })
  const fresh = () => writeFileSync(file, `${text}\n// edit ${edit++}\n`)
  try {
    try {
      fresh()
      build() // warm-up (and proof that it compiles)
      compile()
    } catch {
      return null
    }
    return { buildMs: timedRuns(runs, fresh, build), compileMs: timedRuns(runs, fresh, compile) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    rmSync(cache, { recursive: true, force: true })
  }
}

/** The median CPU time (user + system, /usr/bin/time) of `go tool compile -l` on text, or null without go or time. */
function goCompileCpuMs(text: string, dir: string, runs: number): number | null {
  const go = process.env['SSASCOPE_GO'] ?? 'go'
  const file = join(dir, 'cpu.go')
  const env = { ...process.env, GOFLAGS: '', GOWORK: 'off' }
  const times: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      writeFileSync(file, `${text}\n// edit ${i}\n`)
      const r = measured(go, ['tool', 'compile', '-p', 'bench', '-l', '-o', join(dir, 'cpu.o'), file], { cwd: dir, env }, dir)
      if (r.cpuMs === null) return null
      times.push(r.cpuMs)
    }
  } catch {
    return null
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

function timedRuns(runs: number, before: () => void, f: () => unknown): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    before()
    const t0 = performance.now()
    f()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

const emit = (o: object) => process.stdout.write(JSON.stringify(o) + '\n')
const round = (x: number) => Math.round(x * 100) / 100

interface BenchArgs {
  ui: boolean
  other: boolean
  /** The export-report figures: its size with the others, its opening with the UI ones. */
  export: boolean
  exportOnly?: boolean
  importOnly?: boolean
  gcpkgOnly?: boolean
  deepOnly?: boolean
  profileDir?: string
  /** Only the pipeline profile, its CPU profiles written here. */
  pipelineProfile?: string
  only?: string
  ssaOnly?: boolean
  /** `--trace-hash`: the files to hash (none: the default set). */
  traceHash?: string[]
}

function parseArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = { ui: true, other: true, export: true }
  for (const a of argv) {
    if (a === '--export-only') Object.assign(out, { ui: false, other: false, export: true, exportOnly: true })
    else if (a === '--ui-only') out.other = false
    else if (a === '--no-ui') out.ui = false
    else if (a === '--import-only') Object.assign(out, { ui: false, other: false, importOnly: true })
    else if (a === '--gcpkg-only') Object.assign(out, { ui: false, other: false, gcpkgOnly: true })
    else if (a === '--deep-only') Object.assign(out, { ui: false, other: false, deepOnly: true })
    else if (a.startsWith('--ui-profile=')) out.profileDir = a.slice('--ui-profile='.length)
    else if (a === '--profile') out.pipelineProfile = 'profiles'
    else if (a.startsWith('--only=')) out.only = a.slice('--only='.length)
    else if (a === '--ssa-only') out.ssaOnly = true
    else if (a.startsWith('--profile=')) out.pipelineProfile = a.slice('--profile='.length)
    else if (a === '--trace-hash') out.traceHash = []
    else if (out.traceHash && a.endsWith('.go')) out.traceHash.push(a)
    else {
      process.stderr.write(`bench: unknown argument ${JSON.stringify(a)} (--ui-only, --no-ui, --export-only, --import-only, --gcpkg-only, --deep-only, --ui-profile=DIR, --profile[=DIR] [--only=NAME], --ssa-only [--only=ssa-10k], --trace-hash [FILE.go...])\n`)
      process.exit(2)
    }
  }
  return out
}

async function main(): Promise<void> {
  exitQuietlyOnClosedStdout()
  const args = parseArgs(process.argv.slice(2))
  if (args.pipelineProfile !== undefined) return profileBench(emit, args.pipelineProfile, args.only)
  if (args.traceHash) return traceHashBench(emit, args.traceHash)
  if (args.ssaOnly) {
    const dir = mkdtempSync(join(tmpdir(), 'ssascope-bench-'))
    try {
      if (args.only === 'ssa-10k-cpu') return await ssa10kCpu(dir)
      await ssa10k(dir)
      if (args.only !== 'ssa-10k') await ssa100kLines(dir)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-bench-'))
  try {
    if (args.importOnly) {
      await importBench({ emit, dir })
      return
    }
    if (args.gcpkgOnly) {
      await gcPackageBench({ emit })
      return
    }
    if (args.deepOnly) {
      await deepNestingBench({ emit, dir, ...(args.only ? { only: args.only } : {}) })
      return
    }
    if (args.other) await otherFigures(dir)
    if (args.export) await exportBench({ emit, dir, ui: args.ui || args.exportOnly === true })
    if (args.exportOnly) return
    await cfgBench({ emit, dir, layout: args.other, render: args.ui })
    if (args.ui) {
      try {
        await uiBench({ emit, dir, ...(args.profileDir ? { profileDir: args.profileDir } : {}) })
        await viewsUiBench(dir, emit)
      } catch (e) {
        emit({ bench: 'ui', error: e instanceof Error ? e.message : String(e) })
        process.exitCode = 1
      }
      await compareUiBench(dir, emit)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function otherFigures(dir: string): Promise<void> {
  for (const funcs of [450, 4500]) {
    const text = syntheticProgram(funcs)
    const file = join(dir, `bench${funcs}.go`)
    writeFileSync(file, text)
    const lines = text.split('\n').length
    await parseOutline(file, text) // warm-up: loads the wasm grammar
    const ms = await median(7, () => parseOutline(file, text))
    const go = await gofmtMs(file, 7)
    emit({ bench: 'parse-outline', lines, functions: funcs * 2, ms: round(ms), gofmtMs: go === null ? null : round(go), ratioToGofmt: go ? round(ms / go) : null })
    const analyzed = await analyzeSource(file, text)
    if (analyzed.diagnostics.length > 0) throw new Error(`bench program does not check: ${analyzed.diagnostics[0]!.message}`)
    const analyzeMs = await median(5, () => analyzeSource(file, text))
    emit({ bench: 'analyze (parse + typecheck)', lines, ms: round(analyzeMs), gofmtMs: go === null ? null : round(go), ratioToGofmt: go ? round(analyzeMs / go) : null })
  }

  const runner = new WorkerRunner(workerFile)
  const small = syntheticProgram(20)
  // A new text each time: the worker keeps programs by text, and this measures a real parse and check.
  let n = 0
  const fresh = () => ({ path: 'w.go', text: `${small}\n// ${n++}\n` })
  await runner.run('analyze', fresh()) // starts the thread
  const rt = await median(21, () => runner.run('analyze', fresh()))
  const cold = await median(5, async () => {
    const r = new WorkerRunner(workerFile)
    await r.run('analyze', fresh())
    await r.dispose()
  })
  await runner.dispose()
  emit({ bench: 'worker-analyze-roundtrip', lines: small.split('\n').length, warmMs: round(rt), coldStartMs: round(cold) })

  await escape5k(dir)
  await ssa10k(dir)
  await ssa100kLines(dir)
  await escapeUiFigures(emit, median)
  await compareModelBench(dir, emit)
  await viewsModelBench(dir, emit)
  await hugeFileBench({ emit, dir })
  await deepNestingBench({ emit, dir })
  await importBench({ emit, dir })
  await gcPackageBench({ emit })
}

/** Heap in use after full collections, so it counts only what is reachable. */
const heapUsed = (() => {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  return (): number => {
    gc()
    gc()
    return process.memoryUsage().heapUsed
  }
})()

/**
 * ssa-10k: one function of ~10,000 SSA values through construction and
 * every pass, as the user runs it (checker off) and with the checker after
 * every pass (`--check`, tests), against `go tool compile -l` of the same
 * file in the same run (the goal: at most 10×). Medians.
 * Memory: what all pass records (snapshots, diffs, rule logs) retain,
 * against one unshared copy of a single snapshot; DESIGN §3 wants ≤ 3×.
 */
async function ssa10k(dir: string): Promise<void> {
  const text = bigFunctionProgram(10_000)
  const file = join(dir, 'big.go')
  writeFileSync(file, text)
  const prog = await ssaProgram(file, text)
  if (prog.diagnostics.length) throw new Error(`ssa-10k program is refused: ${prog.diagnostics[0]!.message}`)
  prog.trace('big', 'amd64') // warm-up
  const ms = await median(5, () => prog.trace('big', 'amd64', { check: false }))
  const checkedMs = await median(3, () => prog.trace('big', 'amd64', { check: true }))
  const go = goBuildTimes(text, 5)
  // CPU time as well: on a busy machine wall times of a 0.1 s and a several-second run are not comparable.
  const cpuMs = await median(5, () => {
    const c0 = process.cpuUsage()
    prog.trace('big', 'amd64', { check: false })
    const c = process.cpuUsage(c0)
    return (c.user + c.system) / 1000
  }, true)
  const goCpu = goCompileCpuMs(text, dir, 5)
  const base = heapUsed()
  // Held in `retained` so the collector cannot drop them while we measure.
  const retained: unknown[] = []
  const trace = prog.trace('big', 'amd64')
  retained.push(trace)
  const all = heapUsed() - base
  const last = trace.passes[trace.passes.length - 1]!.snapshot
  const startValues = trace.passes[0]!.snapshot.blocks.reduce((n, b) => n + b.values.length, 0)
  const passes = trace.passes.length
  const failed = trace.passes.find((p) => p.status === 'failed')
  const before = heapUsed()
  retained.push(structuredClone(last))
  const single = heapUsed() - before
  emit({
    bench: 'ssa-10k',
    values: startValues,
    blocks: trace.passes[0]!.snapshot.blocks.length,
    passes,
    failedPass: failed ? `${failed.name}: ${failed.error}` : null,
    ms: round(ms),
    withCheckerMs: round(checkedMs),
    goToolCompileMs: go ? round(go.compileMs) : null,
    ratioToGoToolCompile: go ? round(ms / go.compileMs) : null,
    withCheckerRatioToGoToolCompile: go ? round(checkedMs / go.compileMs) : null,
    cpuMs: round(cpuMs),
    goToolCompileCpuMs: goCpu === null ? null : round(goCpu),
    cpuRatioToGoToolCompile: goCpu ? round(cpuMs / goCpu) : null,
    allSnapshotsMB: round(all / 2 ** 20),
    oneSnapshotMB: round(single / 2 ** 20),
    memoryRatio: round(all / single),
  })
  retained.length = 0
  traceWire(trace)
}

/**
 * ssa-10k-cpu: only the CPU figure of ssa-10k, quickly, for comparing two
 * builds back to back on a busy machine: our trace and gc's compile
 * alternate, nine of each (after two warm-up traces), median and minimum.
 */
async function ssa10kCpu(dir: string): Promise<void> {
  const text = bigFunctionProgram(10_000)
  const prog = await ssaProgram(join(dir, 'big.go'), text)
  for (let i = 0; i < 2; i++) prog.trace('big', 'amd64', { check: false })
  const ours: number[] = []
  const gc: number[] = []
  for (let i = 0; i < 9; i++) {
    const c0 = process.cpuUsage()
    prog.trace('big', 'amd64', { check: false })
    const c = process.cpuUsage(c0)
    ours.push((c.user + c.system) / 1000)
    const g = goCompileCpuMs(text, dir, 1)
    if (g !== null) gc.push(g)
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? null
  const min = (xs: number[]) => (xs.length ? Math.min(...xs) : null)
  const m = med(ours)!
  const g = med(gc)
  emit({ bench: 'ssa-10k-cpu', cpuMs: round(m), minCpuMs: round(min(ours)!), goToolCompileCpuMs: g, minGoToolCompileCpuMs: min(gc), cpuRatioToGoToolCompile: g ? round(m / g) : null, runsMs: ours.map(round) })
}

/**
 * ssa-100k-lines: a ~100,000-line file of small functions (escapeProgram)
 * the way gc compiles it: parse, type check, escape analysis, then every
 * function through every pass (checker off), against `go tool compile -l`
 * of the same file in the same run. One run of ours (it is long), the
 * median of three of gc's.
 */
async function ssa100kLines(dir: string): Promise<void> {
  const text = escapeProgram(100_000)
  const file = join(dir, 'lines100k.go')
  writeFileSync(file, text)
  const lines = text.split('\n').length
  const go = goBuildTimes(text, 3)
  const goCpu = goCompileCpuMs(text, dir, 3)
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const prog = await ssaProgram(file, text)
  if (prog.diagnostics.length) throw new Error(`ssa-100k-lines program is refused: ${prog.diagnostics[0]!.message}`)
  const frontMs = performance.now() - t0
  let failed = 0
  for (const name of prog.functions) if (prog.trace(name, 'amd64', { check: false }).passes.some((p) => p.status === 'failed')) failed++
  const ms = performance.now() - t0
  const c = process.cpuUsage(c0)
  const cpuMs = (c.user + c.system) / 1000
  emit({
    bench: 'ssa-100k-lines',
    lines,
    functions: prog.functions.length,
    failedFunctions: failed,
    ms: round(ms),
    frontEndMs: round(frontMs),
    goToolCompileMs: go ? round(go.compileMs) : null,
    ratioToGoToolCompile: go ? round(ms / go.compileMs) : null,
    cpuMs: round(cpuMs),
    goToolCompileCpuMs: goCpu === null ? null : round(goCpu),
    cpuRatioToGoToolCompile: goCpu ? round(cpuMs / goCpu) : null,
  })
}

/**
 * trace-wire: the trace of ssa-10k on the wire. JSON of the expanded objects
 * copies every shared record once per pass; the compact encoding
 * (protocol/trace-codec.ts) writes each once. Bytes of UTF-8 JSON; encode
 * and decode medians (decode of the parsed JSON, as a client gets it; the
 * JSON.parse itself is parseMs).
 */
function traceWire(trace: FuncTrace): void {
  const jsonBytes = Buffer.byteLength(JSON.stringify(trace))
  const text = JSON.stringify(encodeTrace(trace))
  const encodeMs = timedRuns(5, () => {}, () => encodeTrace(trace))
  const parseMs = timedRuns(5, () => {}, () => JSON.parse(text))
  const parsed = JSON.parse(text) as EncodedTrace
  const decodeMs = timedRuns(5, () => {}, () => decodeTrace(parsed))
  emit({ bench: 'trace-wire', jsonBytes, compactBytes: Buffer.byteLength(text), ratio: round(jsonBytes / Buffer.byteLength(text)), encodeMs: round(encodeMs), parseMs: round(parseMs), decodeMs: round(decodeMs) })
}

/**
 * escape-5k: `escapeSource(…, {level: 1})` — parse, type check, escape
 * analysis and its -m report, i.e. everything `ssascope escape` does — on a
 * generated ~5,000-line program, against the real `go build -gcflags=-l` of
 * the same program. Medians; ours after a warm-up.
 */
async function escape5k(dir: string): Promise<void> {
  const text = escapeProgram(5000)
  const file = join(dir, 'escape5k.go')
  writeFileSync(file, text)
  const lines = text.split('\n').length
  const go = goBuildTimes(text, 7)
  const goFields = { goBuildMs: go ? round(go.buildMs) : null, goToolCompileMs: go ? round(go.compileMs) : null }
  let ms: number
  try {
    const first = await escapeSource(file, text, { level: 1 }) // warm-up
    if (first.diagnostics.length > 0) throw new Error(`bench program is refused: ${first.diagnostics[0]!.message}`)
    ms = await median(5, () => escapeSource(file, text, { level: 1 }))
  } catch (e) {
    emit({ bench: 'escape-5k', lines, error: e instanceof Error ? e.message : String(e), ...goFields })
    process.exitCode = 1
    return
  }
  emit({
    bench: 'escape-5k',
    lines,
    ms: round(ms),
    ...goFields,
    ratioToGoBuild: go ? round(ms / go.buildMs) : null,
    ratioToGoToolCompile: go ? round(ms / go.compileMs) : null,
  })
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : e}\n`)
  process.exit(1)
})
