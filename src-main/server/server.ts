// Browser mode: the built renderer and the API over HTTP, on 127.0.0.1 only.
//
// POST /api/<method> with a JSON body answers NDJSON: zero or more
// {"progress":…} lines, then one WireResult line. Closing the connection
// cancels the call. Requests must come from our own origin: the Host header is
// checked (DNS rebinding) and so is Origin when present (cross-site requests).

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { MAX_SOURCE_BYTES } from '../protocol/api'
import type { Service } from '../service/service'
import { CONTENT_SECURITY_POLICY } from './csp'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}
const MAX_BODY = MAX_SOURCE_BYTES * 2 + 64 * 1024 // a JSON-escaped source and its path

export interface RunningServer {
  url: string
  server: Server
  close(): Promise<void>
}

export async function startServer(service: Service, opts: { port: number; staticDir: string }): Promise<RunningServer> {
  let origin = ''
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', `internal error: ${e instanceof Error ? e.message : e}`)
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'wrong host')
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5))
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed')
    return serveStatic(res, opts.staticDir, url.pathname)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'use POST')
    if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'text/plain', 'cross-origin request refused')
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      return send(res, 415, 'text/plain', 'expected application/json')
    let args: unknown
    try {
      args = JSON.parse(await readBody(req, MAX_BODY))
    } catch (e) {
      return sendJson(res, { ok: false, error: { code: 'bad-argument', message: `request body: ${(e as Error).message}` } })
    }
    const abort = new AbortController()
    res.on('close', () => abort.abort())
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' })
    const outcome = await service.callWire(method, args, {
      signal: abort.signal,
      onProgress: (progress) => res.write(JSON.stringify({ progress }) + '\n'),
    })
    res.end(JSON.stringify(outcome) + '\n')
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(root, rel === '' ? 'index.html' : rel)
  if (!file.startsWith(root + sep) && file !== root) return send(res, 403, 'text/plain', 'forbidden')
  let st = await stat(file).catch(() => undefined)
  if (st?.isDirectory()) {
    file = join(file, 'index.html')
    st = await stat(file).catch(() => undefined)
  }
  if (!st?.isFile()) return send(res, 404, 'text/plain', 'not found')
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-length': st.size,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  })
  createReadStream(file).pipe(res)
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        reject(new Error(`larger than ${limit} bytes`))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8` })
  res.end(body)
}

function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' })
  res.end(JSON.stringify(value) + '\n')
}
