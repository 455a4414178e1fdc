// The job table: how each API method (protocol/api.ts) runs, once. A method
// runs either in the service itself (cheap file and example look-ups) or as
// a job in the worker thread (anything that parses or compiles); the worker,
// the in-process runner and the service all dispatch through this table.
//
// Worker jobs share a JobEnv for as long as their thread lives: recent
// programs (parsed and type-checked once per path and text, escape analysis
// and SSA on demand) and recent traces, so switching function, arch or level
// never parses or analyses the file again. Every worker job reports progress
// and checks for cancellation between phases and passes.

import type { Args, CallOptions, Method, Result, SsascopeApi } from '../protocol/api'
import type { AppInfo, FuncTrace, Progress, SsaResultOf } from '../protocol/model'
import type { WireError } from '../protocol/errors'
import { encodeTrace } from '../protocol/trace-codec'
import { Program, type CancelCheck, type ProgressSink, type SsaRequest, type TraceStore } from '../compiler/pipeline'
import { approxBytes, SourceCache } from './cache'
import type { ExampleLibrary } from './examples'
import { readGoFile, readSsaHtmlFile } from './files'
import { exportReport } from './export'
import { importSsaHtml, SsaHtmlError } from '../gcbridge'
import { gcPackageFuncs, GcPackageError } from '../gcbridge/package'
import { gcFileTrace, gcPackageTrace, resolveToolchain } from '../gcbridge/gctrace'
import { ApiError } from '../protocol/errors'

/** What in-service methods use. */
export interface ServiceContext {
  info: AppInfo
  examples: ExampleLibrary
  /** The service itself, for methods made of other calls (exportReport). */
  api: SsascopeApi
  /** The report page to fill (exportReport). */
  reportTemplate: () => Promise<string>
}

export interface JobEnvOptions {
  /** Programs kept (each holds a parsed, checked file and its analyses). */
  programs?: number
  /** Function traces kept (per function, arch and `until`). */
  traces?: number
}

/** What worker jobs keep between calls: one per worker thread, or per in-process runner. */
export class JobEnv {
  readonly programs: SourceCache<Program>
  readonly traces: SourceCache<SsaResultOf<FuncTrace>>
  /** The same traces by what they depend on (Program.traceKey): an edit elsewhere in the file keeps them. */
  readonly unchanged: LruTraceStore

  constructor(options: JobEnvOptions = {}) {
    this.programs = new SourceCache({ budget: options.programs ?? 4 })
    this.traces = new SourceCache({ budget: options.traces ?? 8 })
    this.unchanged = lruStore(options.traces ?? 8)
  }

  /** The program of this text, parsed and checked once while it stays in the cache. */
  async program(path: string, text: string, cx: JobContext): Promise<Program> {
    const known = this.programs.get(path, text)
    if (known) return known
    const p = await Program.load(path, text, {}, cx)
    this.programs.set(path, text, '', p)
    return p
  }

  /** One function's trace for one arch (cached), from the text's one program. */
  async ssa(path: string, text: string, request: SsaRequest, cx: JobContext): Promise<SsaResultOf<FuncTrace>> {
    const key = `${request.func}\0${request.arch}\0${request.until ?? ''}\0${request.check ? 'check' : ''}`
    const known = this.traces.get(path, text, key)
    if (known) {
      // Used again: the other cache keeps it as long.
      if (known.trace) this.unchanged.touch(known.trace)
      cx.progress({ phase: 'cached', fraction: 0.95 })
      return known
    }
    const r = (await this.program(path, text, cx)).ssaResult(request, cx, this.unchanged)
    this.traces.set(path, text, key, r)
    return r
  }
}

interface LruTraceStore extends TraceStore {
  /** Marks a trace (got elsewhere) as just used. */
  touch(trace: FuncTrace): void
}

/** A TraceStore keeping the `size` most recently used traces. */
function lruStore(size: number): LruTraceStore {
  const m = new Map<string, FuncTrace>()
  const keyOf = new WeakMap<FuncTrace, string>()
  return {
    touch(trace) {
      const key = keyOf.get(trace)
      if (key !== undefined && m.get(key) === trace) {
        m.delete(key)
        m.set(key, trace)
      }
    },
    get(key) {
      const t = m.get(key)
      if (t) {
        m.delete(key)
        m.set(key, t)
      }
      return t
    },
    set(key, t) {
      m.delete(key)
      m.set(key, t)
      keyOf.set(t, key)
      for (const k of m.keys()) {
        if (m.size <= size) break
        m.delete(k)
      }
    },
  }
}

/** What a worker job gets: its env, a progress sink and a cancellation check (throws ApiError 'cancelled'). */
export interface JobContext {
  env: JobEnv
  progress: ProgressSink
  checkCancelled: CancelCheck
}

type SourceArgs = { path: string; text: string }

/** Results the service keeps, keyed by the call's path and text and this entry key, weighed by `bytes` (computed in the worker). */
export interface ResultCachePolicy<M extends Method> {
  entry(args: Args<M>): string
  bytes(result: Result<M>): number
}

export interface ServiceJob<M extends Method> {
  runs: 'service'
  /** `options`: the call's cancellation and progress, for jobs made of other calls. */
  run(args: Args<M>, cx: ServiceContext, options: CallOptions): Promise<Result<M>>
}

export interface WorkerJob<M extends Method> {
  runs: 'worker'
  run(args: Args<M>, cx: JobContext): Promise<Result<M>>
  cache?: Args<M> extends SourceArgs ? ResultCachePolicy<M> : never
}

export type Job<M extends Method> = ServiceJob<M> | WorkerJob<M>

export const JOBS: { [M in Method]: Job<M> } = {
  info: { runs: 'service', run: async (_, cx) => cx.info },
  listExamples: { runs: 'service', run: (_, cx) => cx.examples.list() },
  openExample: { runs: 'service', run: ({ name }, cx) => cx.examples.open(name) },
  openFile: { runs: 'service', run: ({ path }) => readGoFile(path) },
  exportReport: { runs: 'service', run: (args, cx, options) => exportReport(args, cx.api, cx.reportTemplate, { name: cx.info.name, version: cx.info.version }, options) },
  analyze: {
    runs: 'worker',
    async run({ path, text }, cx) {
      const result = (await cx.env.program(path, text, cx)).analyze()
      cx.progress({ phase: 'done', fraction: 1 })
      return result
    },
  },
  escape: {
    runs: 'worker',
    async run({ path, text, level, func }, cx) {
      const program = await cx.env.program(path, text, cx)
      return program.escapeResult({ level: level === '2' ? 2 : 1, ...(func ? { graphOf: func } : {}) }, cx)
    },
  },
  ssa: {
    runs: 'worker',
    async run({ path, text, func, arch, until, check }, cx) {
      const fail = injectedFailure(func, arch)
      const r = await cx.env.ssa(path, text, { func, arch, check: check ?? checkByDefault(), ...(until ? { until } : {}), ...(fail ? { fail } : {}) }, cx)
      if (!r.trace) return { ...r, trace: null }
      cx.checkCancelled()
      cx.progress({ phase: 'encode', fraction: 0.99 })
      return { ...r, trace: encodeTrace(r.trace) }
    },
    cache: { entry: ({ func, arch, until, check }) => `${func}\0${arch}\0${until ?? ''}\0${(check ?? checkByDefault()) ? 'check' : ''}`, bytes: approxBytes },
  },
  gcFuncs: {
    runs: 'worker',
    run: ({ dir, arch, noInline, toolchain }, cx) =>
      withGc(cx, async (signal) => {
        const go = await resolveToolchain(toolchain, undefined, signal)
        const r = await gcPackageFuncs(dir, { go, arch: arch ?? 'amd64', noInline: noInline === true, signal, onProgress: cx.progress })
        return { dir: r.dir, importPath: r.importPath, go: r.goVersion, release: r.release, arch: r.arch, files: r.files, functions: r.functions }
      }),
  },
  gcPackage: {
    runs: 'worker',
    run: ({ dir, func, arch, noInline, toolchain }, cx) =>
      withGc(cx, async (signal) => {
        const r = await gcPackageTrace(dir, { func, arch: arch ?? 'amd64', noInline: noInline === true, signal, onProgress: cx.progress, ...(toolchain ? { toolchain } : {}) })
        cx.progress({ phase: 'encode', fraction: 0.99 })
        return { ...r, trace: encodeTrace(r.trace) }
      }),
  },
  gcFile: {
    runs: 'worker',
    run: ({ path, text, func, arch, toolchain }, cx) =>
      withGc(cx, async (signal) => {
        const r = await gcFileTrace(path, text, { func, arch, signal, onProgress: cx.progress, ...(toolchain ? { toolchain } : {}) })
        return { ...r, trace: encodeTrace(r.trace) }
      }),
    cache: { entry: ({ func, arch, toolchain }) => `${func}\0${arch}\0${toolchain ?? ''}`, bytes: approxBytes },
  },
  importSsaHtml: {
    runs: 'worker',
    async run({ name, text, path, arch }, cx) {
      if ((text === undefined) === (path === undefined)) throw new ApiError('bad-argument', 'importSsaHtml: give exactly one of text and path')
      cx.progress({ phase: 'read', fraction: 0.05 })
      const html = text ?? (await readSsaHtmlFile(path!))
      cx.checkCancelled()
      cx.progress({ phase: 'import', fraction: 0.2 })
      let r
      try {
        r = importSsaHtml(html, arch ? { arch } : {})
      } catch (e) {
        if (e instanceof SsaHtmlError) throw new ApiError('bad-argument', `${name}: ${e.message}`, name)
        throw e
      }
      cx.checkCancelled()
      cx.progress({ phase: 'encode', fraction: 0.9 })
      return { name, trace: encodeTrace(r.trace), sources: r.sources, warnings: r.warnings }
    },
  },
}

/** SSASCOPE_CHECK=1: the checker after every pass unless a request says otherwise (test runs set it). */
export const checkByDefault = (): boolean => process.env['SSASCOPE_CHECK'] === '1'

/**
 * Runs real-gc work with an AbortSignal that follows the job's cancellation
 * flag (the child processes are killed), and reports the bridge's failures
 * as API errors: gc's own messages, the functions it compiled, how to point
 * to a go.
 */
async function withGc<T>(cx: JobContext, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController()
  const poll = setInterval(() => {
    try {
      cx.checkCancelled()
    } catch {
      ac.abort()
    }
  }, 100)
  try {
    return await work(ac.signal)
  } catch (e) {
    if (e instanceof GcPackageError) {
      const code = e.kind === 'cancelled' ? 'cancelled' : e.kind === 'no-go' || e.kind === 'not-a-package' ? 'not-found' : e.kind === 'timeout' ? 'internal' : 'gc-failed'
      throw new ApiError(code, e.message)
    }
    if (e instanceof Error && e.name === 'SsaHtmlError') throw new ApiError('gc-failed', `gc's ssa.html could not be read: ${e.message}`)
    throw e
  } finally {
    clearInterval(poll)
  }
}

/**
 * Fault injection, to see and test how a failed pass is shown:
 * SSASCOPE_FAIL_PASS=FUNC:PASS makes that pass of that function throw;
 * FUNC:PASS@ARCH only on that arch (one arch stopping early is how the
 * comparison view shows gaps); several entries are separated by commas.
 */
export function injectedFailure(func: string, arch: string, spec = process.env['SSASCOPE_FAIL_PASS']): string | undefined {
  for (const entry of (spec ?? '').split(',')) {
    const colon = entry.indexOf(':')
    if (colon <= 0 || entry.slice(0, colon) !== func) continue
    const [pass, only] = entry.slice(colon + 1).split('@')
    if (pass && (only === undefined || only === arch)) return pass
  }
  return undefined
}

export function jobOf<M extends Method>(method: M): Job<M> {
  return JOBS[method] as Job<M>
}

/** A worker job: run it in this thread with this env (the worker thread and the in-process runner both do). */
export async function runWorkerJob<M extends Method>(method: M, args: Args<M>, cx: JobContext): Promise<{ result: Result<M>; bytes?: number }> {
  const job = jobOf(method)
  if (job.runs !== 'worker') throw new Error(`${method} does not run in the worker`)
  cx.checkCancelled()
  const result = await job.run(args, cx)
  cx.checkCancelled()
  return job.cache ? { result, bytes: (job.cache as ResultCachePolicy<M>).bytes(result) } : { result }
}

/** Messages between the service and a worker thread. `cancel` is a shared flag: non-zero once the call is cancelled. */
export type ToWorker = { id: number; method: Method; args: unknown; cancel: SharedArrayBuffer }
export type FromWorker =
  | { id: number; progress: Progress }
  | { id: number; ok: true; result: unknown; bytes?: number }
  | { id: number; ok: false; error: WireError }
