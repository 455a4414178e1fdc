// Where worker jobs (service/jobs.ts) run. The service only sees JobRunner:
// the app and the server use a worker thread, the CLI and unit tests run jobs
// in-process. Either way the jobs keep their caches (JobEnv) between calls.

import { Worker } from 'node:worker_threads'
import type { Args, Method, Result } from '../protocol/api'
import { ApiError } from '../protocol/errors'
import type { Progress } from '../protocol/model'
import { JobEnv, runWorkerJob, type FromWorker, type JobEnvOptions } from './jobs'

export interface JobCallContext {
  signal?: AbortSignal
  onProgress?: (p: Progress) => void
}

/** A job's result, and its size in bytes when the job's results are cached by the service. */
export interface JobOutcome<M extends Method> {
  result: Result<M>
  bytes?: number
}

export interface JobRunner {
  run<M extends Method>(method: M, args: Args<M>, ctx?: JobCallContext): Promise<JobOutcome<M>>
  dispose(): Promise<void>
}

const cancelled = () => new ApiError('cancelled', 'cancelled')

/** Jobs on the caller's thread (the CLI, tests). Cancellation is seen between phases and passes. */
export class InProcessRunner implements JobRunner {
  readonly env: JobEnv

  constructor(options: JobEnvOptions = {}) {
    this.env = new JobEnv(options)
  }

  async run<M extends Method>(method: M, args: Args<M>, ctx: JobCallContext = {}): Promise<JobOutcome<M>> {
    const checkCancelled = () => {
      if (ctx.signal?.aborted) throw cancelled()
    }
    return runWorkerJob(method, args, { env: this.env, progress: (p) => ctx.onProgress?.(p), checkCancelled })
  }

  async dispose(): Promise<void> {}
}

interface Pending {
  id: number
  method: Method
  args: unknown
  ctx: JobCallContext
  /** Set to 1 to ask the worker to stop (it checks between phases and passes). */
  cancel: Int32Array
  resolve: (r: JobOutcome<Method>) => void
  reject: (e: ApiError) => void
  /** The caller has its answer (a cancelled job may still be running until the worker notices). */
  settled: boolean
  killTimer?: ReturnType<typeof setTimeout>
}

export interface WorkerRunnerOptions {
  /** How long a cancelled job may run on before the thread is terminated (and its caches lost). */
  cancelGraceMs?: number
}

/**
 * One worker thread, one job at a time, in arrival order. Cancelling a queued
 * job drops it; cancelling the running one rejects it at once and raises its
 * shared flag, which the job checks between phases and passes, so the thread
 * and its caches survive. A job that does not stop within the grace period
 * (stuck in one long step) has its thread terminated; the next job starts a
 * fresh one.
 */
/**
 * The pipeline's walks recurse over the syntax tree; gc (goroutine stacks up
 * to 1 GB) compiles 5,000 nested ifs, a 10,001-term sum, 600,000 nested
 * parentheses. A thread's stack is reserved, not committed: a big one costs
 * address space only. syntax/parse.ts's MAX_NESTING is what this one follows.
 */
export const PIPELINE_STACK_MB = 1024

export class WorkerRunner implements JobRunner {
  private worker: Worker | undefined
  private queue: Pending[] = []
  private current: Pending | undefined
  private nextId = 1
  private readonly cancelGraceMs: number
  /** Threads started so far (a test can tell a cooperative cancel from a terminated thread). */
  threadsStarted = 0

  constructor(
    private readonly workerFile: string,
    options: WorkerRunnerOptions = {},
  ) {
    this.cancelGraceMs = options.cancelGraceMs ?? 1000
  }

  run<M extends Method>(method: M, args: Args<M>, ctx: JobCallContext = {}): Promise<JobOutcome<M>> {
    if (ctx.signal?.aborted) return Promise.reject(cancelled())
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        id: this.nextId++,
        method,
        args,
        ctx,
        cancel: new Int32Array(new SharedArrayBuffer(4)),
        resolve: resolve as (r: JobOutcome<Method>) => void,
        reject,
        settled: false,
      }
      ctx.signal?.addEventListener('abort', () => this.cancel(pending), { once: true })
      this.queue.push(pending)
      this.pump()
    })
  }

  async dispose(): Promise<void> {
    for (const p of this.queue) settle(p, () => p.reject(cancelled()))
    this.queue = []
    const p = this.current
    if (p) {
      clearTimeout(p.killTimer)
      settle(p, () => p.reject(cancelled()))
    }
    this.current = undefined
    const w = this.worker
    this.worker = undefined
    await w?.terminate()
  }

  private cancel(p: Pending): void {
    if (this.queue.includes(p)) {
      this.queue = this.queue.filter((q) => q !== p)
      settle(p, () => p.reject(cancelled()))
      return
    }
    if (this.current !== p || p.settled) return
    settle(p, () => p.reject(cancelled()))
    Atomics.store(p.cancel, 0, 1)
    p.killTimer = setTimeout(() => {
      if (this.current !== p) return
      this.current = undefined
      const w = this.worker
      this.worker = undefined
      void w?.terminate()
      this.pump()
    }, this.cancelGraceMs)
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return
    const next = this.queue.shift()!
    this.current = next
    this.ensureWorker().postMessage({ id: next.id, method: next.method, args: next.args, cancel: next.cancel.buffer })
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const w = new Worker(this.workerFile, { resourceLimits: { stackSizeMb: PIPELINE_STACK_MB } })
    this.threadsStarted++
    w.on('message', (m: FromWorker) => this.onMessage(m))
    w.on('error', (e) => this.onCrash(w, `worker failed: ${e.message}`))
    w.on('exit', (code) => this.onCrash(w, `worker exited with code ${code}`))
    this.worker = w
    return w
  }

  private onMessage(m: FromWorker): void {
    const p = this.current
    if (!p || p.id !== m.id) return
    if ('progress' in m) {
      if (!p.settled) p.ctx.onProgress?.(m.progress)
      return
    }
    clearTimeout(p.killTimer)
    this.current = undefined
    if (m.ok) settle(p, () => p.resolve({ result: m.result as Result<Method>, ...(m.bytes !== undefined ? { bytes: m.bytes } : {}) }))
    else settle(p, () => p.reject(ApiError.fromWire(m.error)))
    this.pump()
  }

  private onCrash(w: Worker, message: string): void {
    if (this.worker !== w) return // a thread we terminated on purpose
    this.worker = undefined
    const p = this.current
    this.current = undefined
    if (p) {
      clearTimeout(p.killTimer)
      settle(p, () => p.reject(new ApiError('internal', message)))
    }
    this.pump()
  }
}

function settle(p: Pending, answer: () => void): void {
  if (p.settled) return
  p.settled = true
  answer()
}
