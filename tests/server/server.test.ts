// Browser-mode server over real HTTP on 127.0.0.1, driven by the renderer's
// own HttpApi client (Node has fetch and web streams).

import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobRunner } from '../../src-main/service/runner'
import { startServer, type RunningServer } from '../../src-main/server/server'
import { CONTENT_SECURITY_POLICY } from '../../src-main/server/csp'
import { HttpApi } from '../../src-renderer/src/api/client'
import { inProcessService, tempFiles } from '../helpers'

let server: RunningServer
let api: HttpApi
const staticDir = tempFiles({ 'index.html': '<!doctype html><title>t</title>', 'app.js': 'console.log(1)' })

beforeAll(async () => {
  server = await startServer(inProcessService(), { port: 0, staticDir })
  api = new HttpApi(server.url.replace(/\/$/, ''))
})
afterAll(() => server.close())

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path.replace(/^\//, ''), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect((server.server.address() as { address: string }).address).toBe('127.0.0.1')
  })

  it('serves the renderer with the CSP', async () => {
    const r = await fetch(server.url)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await r.text()).toContain('<title>t</title>')
    expect((await fetch(server.url + 'app.js')).headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await fetch(server.url + 'nope.js')).status).toBe(404)
  })

  it('does not serve files outside its folder', async () => {
    for (const p of ['..%2f..%2fpackage.json', '%2e%2e/%2e%2e/package.json', '..\\..\\package.json']) {
      const r = await fetch(server.url + p)
      expect(r.status, p).not.toBe(200)
    }
  })

  it('answers API calls through the same client the renderer uses, streaming progress', async () => {
    const progress: string[] = []
    const r = await api.call('analyze', { path: 'p.go', text: 'package p\nfunc F() {}\n' }, { onProgress: (p) => progress.push(p.phase) })
    expect(r.functions.map((f) => f.name)).toEqual(['F'])
    expect(progress).toContain('parse')
    const ex = await api.call('openExample', { name: 'heapagg' })
    expect(ex.text).toContain('func locals()')
  })

  it('turns bad arguments into typed errors', async () => {
    await expect(api.call('openFile', { path: '/etc/passwd' })).rejects.toMatchObject({ code: 'bad-argument' })
    await expect(api.call('nope' as 'info', {})).rejects.toMatchObject({ code: 'unknown-method' })
    const r = await post('/api/info', '{not json')
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
  })

  it('refuses cross-site requests and foreign Host headers', async () => {
    expect((await post('/api/info', '{}', { origin: 'https://evil.example' })).status).toBe(403)
    expect((await fetch(server.url + 'api/info', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415)
    expect((await fetch(server.url + 'api/info')).status).toBe(405)
    // fetch() will not forge Host, so check through a raw request.
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve) => {
      const req = request(server.url, { headers: { host: 'attacker.example:80' } }, (res) => resolve(res.statusCode ?? 0))
      req.end()
    })
    expect(status).toBe(421)
  })

  it('cancels the job when the client goes away', async () => {
    let sawAbort: () => void = () => {}
    const aborted = new Promise<void>((resolve) => (sawAbort = resolve))
    const blocking: JobRunner = {
      run: (_method, _args, ctx) =>
        new Promise((_resolve, reject) => {
          ctx?.signal?.addEventListener('abort', () => {
            sawAbort()
            reject(new Error('aborted'))
          })
        }),
      dispose: async () => {},
    }
    const s = await startServer(inProcessService(blocking), { port: 0, staticDir: join(staticDir) })
    try {
      const client = new HttpApi(s.url.replace(/\/$/, ''))
      const abort = new AbortController()
      const call = client.call('analyze', { path: 'p.go', text: 'package p' }, { signal: abort.signal })
      await new Promise((r) => setTimeout(r, 50))
      abort.abort()
      await expect(call).rejects.toMatchObject({ code: 'cancelled' })
      await aborted
    } finally {
      await s.close()
    }
  })
})
