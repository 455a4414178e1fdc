// Browser-mode server over real HTTP on 127.0.0.1, driven by the renderer's
// own HttpApi client (Node has fetch and web streams).

import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobRunner } from '../../src-main/service/runner'
import { startServer, type RunningServer } from '../../src-main/server/server'
import { CONTENT_SECURITY_POLICY } from '../../src-main/server/csp'
import { MAX_SOURCE_BYTES } from '../../src-main/protocol/api'
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

  it('answers a malformed percent-encoding with 400, not 500', async () => {
    for (const p of ['%E0%A4%A', '%', 'app%2.js', 'api/%ZZ']) {
      const r = await fetch(server.url + p, p.startsWith('api/') ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } : {})
      expect(r.status, p).toBe(400)
      expect(await r.text(), p).not.toMatch(/URI malformed|internal/)
    }
  })

  it('answers an oversized body with 413 and a typed error, not a reset connection', async () => {
    const big = JSON.stringify({ path: 'p.go', text: 'x'.repeat(MAX_SOURCE_BYTES * 2 + 128 * 1024) })
    const r = await post('/api/analyze', big)
    expect(r.status).toBe(413)
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'too-large' } })
    // The client the renderer uses reports it as such.
    const client = api.call('analyze', { path: 'p.go', text: 'x'.repeat(MAX_SOURCE_BYTES * 2 + 128 * 1024) })
    await expect(client).rejects.toMatchObject({ code: 'too-large' })
    // A body declared far larger than anything accepted is refused without being read.
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(server.url + 'api/analyze', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(2 ** 31) } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.write('{')
    })
    expect(status).toBe(413)
  })

  it('sends the security headers on every answer: pages, API results and errors', async () => {
    const answers = {
      page: await fetch(server.url),
      api: await post('/api/info', '{}'),
      'bad json': await post('/api/info', '{not json'),
      'unknown method': await post('/api/nope', '{}'),
      'not found': await fetch(server.url + 'nope.js'),
      'wrong method': await fetch(server.url + 'api/info'),
      'cross-origin': await post('/api/info', '{}', { origin: 'https://evil.example' }),
      'malformed path': await fetch(server.url + '%E0%A4%A'),
    }
    for (const [what, r] of Object.entries(answers)) {
      expect(r.headers.get('x-content-type-options'), what).toBe('nosniff')
      expect(r.headers.get('content-security-policy'), what).toBe(CONTENT_SECURITY_POLICY)
      expect(r.headers.get('referrer-policy'), what).toBe('no-referrer')
      expect(r.headers.get('cross-origin-opener-policy'), what).toBe('same-origin')
      await r.arrayBuffer()
    }
    expect(answers['bad json'].status).toBe(400)
    expect(await post('/api/info', '{not json').then((r) => r.json())).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
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
