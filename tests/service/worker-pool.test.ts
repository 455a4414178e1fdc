// The pool of worker threads: a long job must not hold up jobs on other
// files. Stand-in workers answer at once, except for `slow.go`, which never
// finishes (a job on an 8 MB file, as far as the others can tell); each
// answer names the thread that ran it.

import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { WorkerPool } from '../../src-main/service/pool'
import { tempFiles } from '../helpers'

const dir = tempFiles({
  'echo.mjs': `import { parentPort, threadId } from 'node:worker_threads'
parentPort.on('message', ({ id, args }) => {
  if (args.path === 'slow.go') return
  parentPort.postMessage({ id, ok: true, result: { path: args.path, thread: threadId } })
})
`,
})
const echo = join(dir, 'echo.mjs')

const pools: WorkerPool[] = []
const pool = (lanes = 2) => {
  const p = new WorkerPool(echo, { lanes, cancelGraceMs: 20 })
  pools.push(p)
  return p
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.dispose()))
})

type Answer = { path: string; thread: number }
const analyze = (p: WorkerPool, path: string, signal?: AbortSignal) =>
  p.run('analyze', { path, text: `package p // ${path}` }, signal ? { signal } : {}).then((r) => r.result as unknown as Answer)
const settled = async (x: Promise<unknown>) => {
  let done = false
  void x.then(
    () => (done = true),
    () => (done = true),
  )
  await new Promise((r) => setTimeout(r, 50))
  return done
}

describe('WorkerPool', () => {
  it('runs a job on another file while a long one holds a thread', async () => {
    const p = pool()
    const stop = new AbortController()
    const slow = analyze(p, 'slow.go', stop.signal)
    const fast = await analyze(p, 'a.go')
    expect(fast.path).toBe('a.go')
    expect(await settled(slow)).toBe(false)
    stop.abort()
    await expect(slow).rejects.toMatchObject({ code: 'cancelled' })
    expect(p.threadsStarted).toBe(2)
  })

  it('queues a job on the file a thread is busy with behind it, not on another thread', async () => {
    const p = pool()
    const first = new AbortController()
    const second = new AbortController()
    const a = analyze(p, 'slow.go', first.signal)
    const b = analyze(p, 'slow.go', second.signal)
    await analyze(p, 'other.go')
    expect(await settled(b)).toBe(false)
    // Had `b` taken the idle thread, it would have started a third one.
    expect(p.threadsStarted).toBe(2)
    second.abort()
    await expect(b).rejects.toMatchObject({ code: 'cancelled' })
    first.abort()
    await expect(a).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('gives a file back to the idle thread that ran it (its program is cached there)', async () => {
    const p = pool()
    const [b, c] = await Promise.all([analyze(p, 'b.go'), analyze(p, 'c.go')])
    expect(b.thread).not.toBe(c.thread)
    expect((await analyze(p, 'c.go')).thread).toBe(c.thread)
    expect((await analyze(p, 'b.go')).thread).toBe(b.thread)
  })

  it('keeps jobs waiting while every thread is busy, and drops a waiting job that is cancelled', async () => {
    const p = pool(1)
    const hold = new AbortController()
    const slow = analyze(p, 'slow.go', hold.signal)
    const gone = new AbortController()
    const waiting = analyze(p, 'x.go', gone.signal)
    const next = analyze(p, 'y.go')
    expect(await settled(waiting)).toBe(false)
    gone.abort()
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' })
    hold.abort()
    await expect(slow).rejects.toMatchObject({ code: 'cancelled' })
    expect((await next).path).toBe('y.go')
  })
})
