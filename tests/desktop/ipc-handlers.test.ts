import { describe, expect, it } from 'vitest'
import { createIpcHandlers } from '../../src-main/desktop/ipc-handlers'
import type { JobRunner } from '../../src-main/service/runner'
import { inProcessService } from '../helpers'

const caller = (trusted = true, senderId = 1) => {
  const progress: string[] = []
  return { trusted, senderId, progress, sendProgress: (id: string, p: { phase: string }) => progress.push(`${id}:${p.phase}`) }
}

describe('IPC handlers', () => {
  it('answers trusted calls and forwards progress under the call id', async () => {
    const h = createIpcHandlers(inProcessService())
    const c = caller()
    const r = await h.call(c, 'analyze', { path: 'a.go', text: 'package a\nfunc F() {}\n' }, 'c1')
    expect(r).toMatchObject({ ok: true, result: { functions: [{ name: 'F' }] } })
    expect(c.progress).toContain('c1:parse')
    expect(h.inFlight).toBe(0)
  })

  it('refuses untrusted senders and malformed call ids', async () => {
    const h = createIpcHandlers(inProcessService())
    expect(await h.call(caller(false), 'info', {}, 'c1')).toEqual({ ok: false, error: { code: 'bad-argument', message: 'untrusted sender' } })
    for (const id of [undefined, 7, '', 'a b', 'x'.repeat(65), '../x']) {
      expect(await h.call(caller(), 'info', {}, id)).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
    }
  })

  it('validates method and arguments like every other transport', async () => {
    const h = createIpcHandlers(inProcessService())
    expect(await h.call(caller(), 'openFile', { path: 3 }, 'c2')).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
    expect(await h.call(caller(), 'eval', {}, 'c3')).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
  })

  const blocking = (): JobRunner => ({
    run: (_method, _args, ctx) => new Promise((_res, reject) => ctx?.signal?.addEventListener('abort', () => reject(new Error('stopped')))),
    dispose: async () => {},
  })

  it('cancels an in-flight call by id', async () => {
    const h = createIpcHandlers(inProcessService(blocking()))
    const pending = h.call(caller(), 'analyze', { path: 'a.go', text: '' }, 'slow')
    await new Promise((r) => setTimeout(r, 10))
    expect(h.inFlight).toBe(1)
    h.cancel(caller(), 'slow')
    expect(await pending).toMatchObject({ ok: false })
    expect(h.inFlight).toBe(0)
  })

  it('takes a cancel only from a trusted sender, and only for its own calls', async () => {
    const h = createIpcHandlers(inProcessService(blocking()))
    const pending = h.call(caller(true, 1), 'analyze', { path: 'a.go', text: '' }, 'c1')
    await new Promise((r) => setTimeout(r, 10))
    h.cancel(caller(false, 1), 'c1') // an untrusted frame of the same window
    h.cancel(caller(true, 2), 'c1') // another sender using the same id
    await new Promise((r) => setTimeout(r, 10))
    expect(h.inFlight).toBe(1)
    h.cancel(caller(true, 1), 'c1')
    expect(await pending).toMatchObject({ ok: false })
    expect(h.inFlight).toBe(0)
  })

  it('keeps the calls of two senders apart even under the same id', async () => {
    const h = createIpcHandlers(inProcessService(blocking()))
    const one = h.call(caller(true, 1), 'analyze', { path: 'a.go', text: '' }, 'c1')
    const two = h.call(caller(true, 2), 'analyze', { path: 'a.go', text: '' }, 'c1')
    await new Promise((r) => setTimeout(r, 10))
    expect(h.inFlight).toBe(2)
    h.cancel(caller(true, 2), 'c1')
    expect(await two).toMatchObject({ ok: false })
    expect(h.inFlight).toBe(1)
    h.cancel(caller(true, 1), 'c1')
    expect(await one).toMatchObject({ ok: false })
  })
})
