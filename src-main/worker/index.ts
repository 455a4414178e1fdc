// Worker-thread entry: runs jobs one at a time and posts progress and results.
// Cancellation is done by the parent terminating this thread.

import { parentPort } from 'node:worker_threads'
import { ApiError } from '../protocol/errors'
import { executeJob, type FromWorker, type ToWorker } from './jobs'

const port = parentPort
if (!port) throw new Error('worker/index.ts must run in a worker thread')

const post = (m: FromWorker) => port.postMessage(m)

port.on('message', async ({ id, job }: ToWorker) => {
  try {
    const result = await executeJob(job, (progress) => post({ id, progress }), () => {})
    post({ id, ok: true, result })
  } catch (e) {
    post({ id, ok: false, error: ApiError.from(e).toWire() })
  }
})
