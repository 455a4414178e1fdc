// The real worker thread from the build (npm test builds before Vitest), plus
// tiny stand-in workers that crash or hang to check the runner's recovery.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../src-main/protocol/errors'
import { workerFile } from '../../src-main/service/paths'
import { WorkerRunner } from '../../src-main/service/runner'
import { tempFiles } from '../helpers'

const runners: WorkerRunner[] = []
const runner = (file: string) => {
  const r = new WorkerRunner(file)
  runners.push(r)
  return r
}
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.dispose()))
})

const job = { kind: 'analyze' as const, path: 'p.go', text: 'package p\nfunc A() {}\nfunc B() { x := ) }\n' }

const stand_ins = tempFiles({
  'crash.mjs': "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => process.exit(3))\n",
  'hang.mjs': "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => {})\n",
})

describe('WorkerRunner', () => {
  it('needs the built worker', () => {
    expect(existsSync(workerFile), `${workerFile} is missing: run npm run build`).toBe(true)
  })

  it('runs analysis in the real worker thread, with progress', async () => {
    const r = runner(workerFile)
    const progress: string[] = []
    const result = await r.run(job, { onProgress: (p) => progress.push(p.phase) })
    if (!('functions' in result)) throw new Error('unexpected result')
    expect(result.functions.map((f) => f.name)).toEqual(['A', 'B'])
    expect(result.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual(['3:17 syntax error: unexpected )'])
    expect(progress).toContain('parse')
    // The thread is reused for the next job.
    expect((await r.run({ ...job, text: 'package p\nfunc C() {}\n' })).functions.map((f) => f.name)).toEqual(['C'])
  })

  it('cancels a running job by terminating the thread, then recovers', async () => {
    const r = runner(workerFile)
    const abort = new AbortController()
    const running = r.run(job, { signal: abort.signal })
    abort.abort()
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    expect((await r.run(job)).functions).toHaveLength(2)
  })

  it('cancels a hung job and a queued one', async () => {
    const r = runner(join(stand_ins, 'hang.mjs'))
    const first = new AbortController()
    const second = new AbortController()
    const a = r.run(job, { signal: first.signal })
    const b = r.run(job, { signal: second.signal })
    second.abort()
    await expect(b).rejects.toMatchObject({ code: 'cancelled' })
    first.abort()
    await expect(a).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('reports a crashed worker as an internal error instead of hanging', async () => {
    const r = runner(join(stand_ins, 'crash.mjs'))
    const e = await r.run(job).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({ code: 'internal', message: 'worker exited with code 3' })
  })

  it('rejects queued jobs on dispose', async () => {
    const r = runner(join(stand_ins, 'hang.mjs'))
    const a = expect(r.run(job)).rejects.toMatchObject({ code: 'cancelled' })
    const b = expect(r.run(job)).rejects.toMatchObject({ code: 'cancelled' })
    await r.dispose()
    await Promise.all([a, b])
  })
})
