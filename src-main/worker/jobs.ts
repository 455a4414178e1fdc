// The jobs heavy enough to run off the event loop, and how each is executed.
// Shared by the worker thread and the in-process runner so both behave alike.

import { analyzeSource, type CancelCheck, type ProgressSink } from '../compiler'
import type { AnalyzeResult } from '../protocol/model'

export type Job = { kind: 'analyze'; path: string; text: string }

export interface JobResults {
  analyze: AnalyzeResult
}

export type JobResult = JobResults[Job['kind']]

export function executeJob(job: Job, progress: ProgressSink, checkCancelled: CancelCheck): Promise<JobResult> {
  switch (job.kind) {
    case 'analyze':
      return analyzeSource(job.path, job.text, progress, checkCancelled)
  }
}

/** Messages between the service and a worker thread. */
export type ToWorker = { id: number; job: Job }
export type FromWorker =
  | { id: number; progress: import('../protocol/model').Progress }
  | { id: number; ok: true; result: JobResult }
  | { id: number; ok: false; error: import('../protocol/errors').WireError }
