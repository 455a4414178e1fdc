// Browser mode: the built renderer and the API over HTTP, on 127.0.0.1 only.
//
// POST /api/<method> with a JSON body answers NDJSON: zero or more
// {"progress":…} lines, then one WireResult line. Closing the connection
// cancels the call. Requests must come from our own origin: the Host header is
// checked (DNS rebinding) and so is Origin when present (cross-site requests).
// Every answer, errors included, carries the security headers; a request the
// server refuses gets a status that says why (400, 403, 405, 413, 415, 421),
// with a WireResult line as the body on /api/ so the client reports it typed.

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { MAX_SOURCE_BYTES, MAX_SSA_HTML_BYTES } from '../protocol/api'
import type { ErrorCode } from '../protocol/errors'
import type { Service } from '../service/service'
import { MIME, SECURITY_HEADERS } from './headers'

const MAX_BODY = MAX_SOURCE_BYTES * 2 + 64 * 1024 // a JSON-escaped source and its path
/** importSsaHtml carries a whole ssa.html (JSON escaping adds a backslash per quote). */
const MAX_IMPORT_BODY = MAX_SSA_HTML_BYTES * 2 + 64 * 1024
/** How much of an oversized body is read (and dropped) so the client sees the 413 before the connection closes. */
const MAX_DRAIN = 64 * 2 ** 20

/** A refusal with its HTTP status; on /api/ the body is also a WireResult line. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ErrorCode = 'bad-argument',
  ) {
    super(message)
  }
}

export interface RunningServer {
  url: string
  server: Server
  close(): Promise<void>
}

export async function startServer(service: Service, opts: { port: number; staticDir: string }): Promise<RunningServer> {
  let origin = ''
  const server = createServer((req, res) => {
    const api = (req.url ?? '').startsWith('/api/')
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.end()
      if (e instanceof HttpError) return refuse(res, api, e)
      refuse(res, api, new HttpError(500, `internal error: ${e instanceof Error ? e.message : e}`, 'internal'))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== new URL(origin).host) throw new HttpError(421, 'wrong host')
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, decodePath(url.pathname.slice(5)))
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed')
    return serveStatic(res, opts.staticDir, decodePath(url.pathname))
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'use POST')
    if (req.headers.origin && req.headers.origin !== origin) throw new HttpError(403, 'cross-origin request refused')
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'expected application/json')
    const body = await readBody(req, method === 'importSsaHtml' ? MAX_IMPORT_BODY : MAX_BODY)
    let args: unknown
    try {
      args = JSON.parse(body)
    } catch (e) {
      throw new HttpError(400, `request body: ${(e as Error).message}`)
    }
    const abort = new AbortController()
    res.on('close', () => abort.abort())
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' })
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

/** A percent-decoded path; a malformed escape (`%E0%A4%A`) is the client's error. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in the path')
  }
}

async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  const rel = normalize(pathname).replace(/^([/\\])+/, '')
  let file = join(root, rel === '' ? 'index.html' : rel)
  if (!file.startsWith(root + sep) && file !== root) throw new HttpError(403, 'forbidden')
  let st = await stat(file).catch(() => undefined)
  if (st?.isDirectory()) {
    file = join(file, 'index.html')
    st = await stat(file).catch(() => undefined)
  }
  if (!st?.isFile()) throw new HttpError(404, 'not found', 'not-found')
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-length': st.size,
    'cache-control': 'no-cache',
  })
  createReadStream(file).pipe(res)
}

/**
 * The request body, at most `limit` bytes. A longer one is refused with 413
 * once it has been read and dropped (up to MAX_DRAIN more): a client still
 * sending when the server answers and closes would see a reset, not the 413.
 * Beyond that the 413 goes out at once and the connection closes.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new HttpError(413, `request body larger than ${limit} bytes`, 'too-large')
  const declared = Number(req.headers['content-length'])
  return new Promise((resolve, reject) => {
    if (Number.isFinite(declared) && declared > limit + MAX_DRAIN) {
      req.resume()
      return reject(tooLarge())
    }
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const fail = (e: unknown) => {
      if (settled) return
      settled = true
      reject(e)
    }
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit + MAX_DRAIN) fail(tooLarge())
      else if (size > limit) chunks.length = 0
      else chunks.push(c)
    })
    req.on('end', () => {
      if (size > limit) return fail(tooLarge())
      settled = true
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', fail)
  })
}

/** A refusal: plain text, or on /api/ a WireResult line the client turns into a typed error. */
function refuse(res: ServerResponse, api: boolean, e: HttpError): void {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'cache-control': 'no-store' }
  if (e.status === 413) headers['connection'] = 'close'
  if (api) {
    res.writeHead(e.status, { ...headers, 'content-type': 'application/x-ndjson; charset=utf-8' })
    res.end(JSON.stringify({ ok: false, error: { code: e.code, message: e.message } }) + '\n')
  } else {
    res.writeHead(e.status, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
    res.end(e.message)
  }
}
