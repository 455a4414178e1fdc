// Where jobs run. The service only sees JobRunner: the app and the server use
// a worker thread, the CLI and unit tests run jobs in-process.

import { Worker } from 'node:worker_threads'
import { ApiError } from '../protocol/errors'
import type { Progress } from '../protocol/model'
import { executeJob, type FromWorker, type Job, type JobResult, type JobResults } from '../worker/jobs'

export interface JobContext {
  signal?: AbortSignal
  onProgress?: (p: Progress) => void
}

/** The result type of a job of kind K. */
export type ResultOf<J extends Job> = JobResults[J['kind']]

export interface JobRunner {
  run<J extends Job>(job: J, ctx?: JobContext): Promise<ResultOf<J>>
  dispose(): Promise<void>
}

const cancelled = () => new ApiError('cancelled', 'cancelled')

export class InProcessRunner implements JobRunner {
  async run<J extends Job>(job: J, ctx: JobContext = {}): Promise<ResultOf<J>> {
    const check = () => {
      if (ctx.signal?.aborted) throw cancelled()
    }
    check()
    return executeJob(job, (p) => ctx.onProgress?.(p), check) as Promise<ResultOf<J>>
  }

  async dispose(): Promise<void> {}
}

interface Pending {
  id: number
  job: Job
  ctx: JobContext
  resolve: (r: JobResult) => void
  reject: (e: ApiError) => void
}

/**
 * One worker thread, one job at a time, in arrival order. A cancelled job that
 * is running terminates the thread (pipelines are synchronous and cannot be
 * interrupted otherwise); the next job starts a fresh one.
 */
export class WorkerRunner implements JobRunner {
  private worker: Worker | undefined
  private queue: Pending[] = []
  private current: Pending | undefined
  private nextId = 1

  constructor(private readonly workerFile: string) {}

  run<J extends Job>(job: J, ctx: JobContext = {}): Promise<ResultOf<J>> {
    if (ctx.signal?.aborted) return Promise.reject(cancelled())
    return new Promise((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, job, ctx, resolve: resolve as (r: JobResult) => void, reject }
      ctx.signal?.addEventListener('abort', () => this.cancel(pending), { once: true })
      this.queue.push(pending)
      this.pump()
    })
  }

  async dispose(): Promise<void> {
    for (const p of this.queue) p.reject(cancelled())
    this.queue = []
    this.current?.reject(cancelled())
    this.current = undefined
    await this.worker?.terminate()
    this.worker = undefined
  }

  private cancel(p: Pending): void {
    if (this.current === p) {
      this.current = undefined
      void this.worker?.terminate()
      this.worker = undefined
      p.reject(cancelled())
      this.pump()
    } else if (this.queue.includes(p)) {
      this.queue = this.queue.filter((q) => q !== p)
      p.reject(cancelled())
    }
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return
    const next = this.queue.shift()!
    this.current = next
    this.ensureWorker().postMessage({ id: next.id, job: next.job })
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const w = new Worker(this.workerFile)
    w.on('message', (m: FromWorker) => this.onMessage(m))
    w.on('error', (e) => this.onCrash(w, `worker failed: ${e.message}`))
    w.on('exit', (code) => this.onCrash(w, `worker exited with code ${code}`))
    this.worker = w
    return w
  }

  private onMessage(m: FromWorker): void {
    const p = this.current
    if (!p || p.id !== m.id) return
    if ('progress' in m) return p.ctx.onProgress?.(m.progress)
    this.current = undefined
    if (m.ok) p.resolve(m.result)
    else p.reject(ApiError.fromWire(m.error))
    this.pump()
  }

  private onCrash(w: Worker, message: string): void {
    if (this.worker !== w) return // a thread we terminated on purpose
    this.worker = undefined
    const p = this.current
    this.current = undefined
    p?.reject(new ApiError('internal', message))
    this.pump()
  }
}
