// The jobs heavy enough to run off the event loop, and how each is executed.
// Shared by the worker thread and the in-process runner so both behave alike.

import { analyzeSource, type CancelCheck, type ProgressSink } from '../compiler'
import { escapeResult } from '../compiler/escape'
import { ssaResult } from '../compiler/ssagen'
import type { AnalyzeResult, Arch, EscapeResult, SsaResult } from '../protocol/model'

export type Job =
  | { kind: 'analyze'; path: string; text: string }
  | { kind: 'escape'; path: string; text: string; level: 1 | 2; func?: string }
  | { kind: 'ssa'; path: string; text: string; func: string; arch: Arch; until?: string }

export interface JobResults {
  analyze: AnalyzeResult
  escape: EscapeResult
  ssa: SsaResult
}

export type JobResult = JobResults[Job['kind']]

export function executeJob(job: Job, progress: ProgressSink, checkCancelled: CancelCheck): Promise<JobResult> {
  switch (job.kind) {
    case 'analyze':
      return analyzeSource(job.path, job.text, progress, checkCancelled)
    case 'escape':
      return escapeResult(job.path, job.text, { level: job.level, graphOf: job.func })
    case 'ssa':
      return ssaResult(job.path, job.text, { func: job.func, arch: job.arch, until: job.until })
  }
}

/** Messages between the service and a worker thread. */
export type ToWorker = { id: number; job: Job }
export type FromWorker =
  | { id: number; progress: import('../protocol/model').Progress }
  | { id: number; ok: true; result: JobResult }
  | { id: number; ok: false; error: import('../protocol/errors').WireError }
