// Worker-thread entry: runs worker jobs from the job table (service/jobs.ts)
// one at a time, posting progress and results. The thread keeps one JobEnv
// (recent programs and traces) for its whole life. A call is cancelled
// through its shared flag, which the job checks between phases and passes;
// the parent terminates the thread only if a job does not stop soon enough.

import { parentPort } from 'node:worker_threads'
import { ApiError } from '../protocol/errors'
import { JobEnv, runWorkerJob, type FromWorker, type ToWorker } from '../service/jobs'

const port = parentPort
if (!port) throw new Error('worker/index.ts must run in a worker thread')

const post = (m: FromWorker) => port.postMessage(m)
const env = new JobEnv()

port.on('message', async ({ id, method, args, cancel }: ToWorker) => {
  const flag = new Int32Array(cancel)
  const checkCancelled = () => {
    if (Atomics.load(flag, 0) !== 0) throw new ApiError('cancelled', 'cancelled')
  }
  try {
    const { result, bytes } = await runWorkerJob(method, args as never, { env, progress: (progress) => post({ id, progress }), checkCancelled })
    post({ id, ok: true, result, ...(bytes !== undefined ? { bytes } : {}) })
  } catch (e) {
    post({ id, ok: false, error: ApiError.from(e).toWire() })
  }
})
