// More than one worker thread, so that a long job (an 8 MB file takes
// seconds to parse and check) does not hold up everyone else's.

import type { Args, Method } from '../protocol/api'
import { ApiError } from '../protocol/errors'
import { WorkerRunner, type JobCallContext, type JobOutcome, type JobRunner, type WorkerRunnerOptions } from './runner'

export interface WorkerPoolOptions extends WorkerRunnerOptions {
  /** Worker threads at most; each starts on first use. Default 2. */
  lanes?: number
  /** Sources a lane is assumed to still have cached (its JobEnv keeps 4 programs). */
  remembered?: number
}

interface Source {
  path: string
  text: string
}

interface Lane {
  runner: WorkerRunner
  /** The jobs given to this lane and not settled yet. */
  active: Set<Waiting>
  /** Sources this lane ran most recently, newest first. */
  recent: Source[]
}

interface Waiting {
  method: Method
  args: unknown
  source: Source | null
  ctx: JobCallContext
  resolve: (r: JobOutcome<Method>) => void
  reject: (e: unknown) => void
}

const sameSource = (a: Source | null, b: Source): boolean => a !== null && a.path === b.path && a.text.length === b.text.length && a.text === b.text

function sourceOf(args: unknown): Source | null {
  const a = args as Partial<Source> | null
  return a && typeof a.path === 'string' && typeof a.text === 'string' ? { path: a.path, text: a.text } : null
}

/**
 * Jobs over a few lanes, each a WorkerRunner (one thread, one job at a time).
 * Jobs on one source (path and text) go to the lane already working on it,
 * in arrival order: they share the program it parsed, and a newer request
 * cancels an older one there as before. A job on another source takes an
 * idle lane, preferably one that ran that source recently (its cache), and
 * waits only while every lane is busy.
 */
export class WorkerPool implements JobRunner {
  private readonly lanes: Lane[]
  private waiting: Waiting[] = []
  private readonly remembered: number

  constructor(workerFile: string, options: WorkerPoolOptions = {}) {
    const n = Math.max(1, options.lanes ?? 2)
    this.remembered = options.remembered ?? 4
    this.lanes = Array.from({ length: n }, () => ({ runner: new WorkerRunner(workerFile, options), active: new Set<Waiting>(), recent: [] }))
  }

  /** Threads started so far, over all lanes. */
  get threadsStarted(): number {
    return this.lanes.reduce((n, l) => n + l.runner.threadsStarted, 0)
  }

  run<M extends Method>(method: M, args: Args<M>, ctx: JobCallContext = {}): Promise<JobOutcome<M>> {
    if (ctx.signal?.aborted) return Promise.reject(new ApiError('cancelled', 'cancelled'))
    return new Promise((resolve, reject) => {
      const w: Waiting = { method, args, source: sourceOf(args), ctx, resolve: resolve as Waiting['resolve'], reject }
      ctx.signal?.addEventListener(
        'abort',
        () => {
          if (!this.waiting.includes(w)) return // given to a lane: the lane cancels it
          this.waiting = this.waiting.filter((x) => x !== w)
          reject(new ApiError('cancelled', 'cancelled'))
        },
        { once: true },
      )
      this.waiting.push(w)
      this.pump()
    })
  }

  async dispose(): Promise<void> {
    for (const w of this.waiting) w.reject(new ApiError('cancelled', 'cancelled'))
    this.waiting = []
    await Promise.all(this.lanes.map((l) => l.runner.dispose()))
  }

  private pump(): void {
    for (const w of [...this.waiting]) {
      const lane = this.laneFor(w.source)
      if (!lane) continue
      this.waiting = this.waiting.filter((x) => x !== w)
      this.dispatch(lane, w)
    }
  }

  private laneFor(source: Source | null): Lane | undefined {
    if (source) {
      const busyWithIt = this.lanes.find((l) => [...l.active].some((w) => sameSource(w.source, source)))
      if (busyWithIt) return busyWithIt
    }
    const idle = this.lanes.filter((l) => l.active.size === 0)
    return (source && idle.find((l) => l.recent.some((s) => sameSource(s, source)))) || idle[0]
  }

  private dispatch(lane: Lane, w: Waiting): void {
    const source = w.source
    lane.active.add(w)
    if (source) lane.recent = [source, ...lane.recent.filter((s) => !sameSource(s, source))].slice(0, this.remembered)
    const done = () => {
      lane.active.delete(w)
      this.pump()
    }
    lane.runner.run(w.method, w.args as Args<Method>, w.ctx).then(
      (r) => {
        done()
        w.resolve(r)
      },
      (e: unknown) => {
        done()
        w.reject(e)
      },
    )
  }
}
