// One interface, two transports: the preload bridge inside Electron, HTTP in
// browser mode. Views never know which one they talk to.

import type { Args, CallOptions, Method, PreloadBridge, Result, SsascopeApi } from '../../../src-main/protocol/api'
import { ApiError, type WireResult } from '../../../src-main/protocol/errors'
import type { Progress } from '../../../src-main/protocol/model'

declare global {
  interface Window {
    ssascope?: PreloadBridge
  }
}

function unwrap<T>(r: WireResult): T {
  if (r.ok) return r.result as T
  throw ApiError.fromWire(r.error)
}

export class IpcApi implements SsascopeApi {
  private nextId = 1
  private readonly listeners = new Map<string, (p: Progress) => void>()

  constructor(private readonly bridge: PreloadBridge) {
    bridge.onProgress((id, p) => this.listeners.get(id)?.(p))
  }

  async call<M extends Method>(method: M, args: Args<M>, options: CallOptions = {}): Promise<Result<M>> {
    const id = `c${this.nextId++}`
    if (options.signal?.aborted) throw new ApiError('cancelled', 'cancelled')
    const onAbort = () => this.bridge.cancel(id)
    options.signal?.addEventListener('abort', onAbort, { once: true })
    if (options.onProgress) this.listeners.set(id, options.onProgress)
    try {
      return unwrap<Result<M>>(await this.bridge.invoke(method, args, id))
    } finally {
      this.listeners.delete(id)
      options.signal?.removeEventListener('abort', onAbort)
    }
  }
}

export class HttpApi implements SsascopeApi {
  constructor(private readonly base = '') {}

  async call<M extends Method>(method: M, args: Args<M>, options: CallOptions = {}): Promise<Result<M>> {
    let response: Response
    try {
      response = await fetch(`${this.base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
        signal: options.signal,
      })
    } catch (e) {
      if (options.signal?.aborted) throw new ApiError('cancelled', 'cancelled')
      throw new ApiError('internal', `cannot reach the ssascope server: ${(e as Error).message}`)
    }
    if (!response.ok || !response.body) throw refusal(response.status, await response.text())
    let final: WireResult | undefined
    try {
      for await (const line of ndjsonLines(response.body)) {
        const msg = JSON.parse(line) as WireResult | { progress: Progress }
        if ('progress' in msg) options.onProgress?.(msg.progress)
        else final = msg
      }
    } catch (e) {
      if (options.signal?.aborted) throw new ApiError('cancelled', 'cancelled')
      throw e
    }
    if (!final) throw new ApiError('internal', 'the server closed the call without a result')
    return unwrap<Result<M>>(final)
  }
}

/** A refused call: the server's WireResult when it sent one (a 413's `too-large`), else its status and text. */
function refusal(status: number, body: string): ApiError {
  try {
    const r = JSON.parse(body) as WireResult
    if (r && r.ok === false && typeof r.error?.code === 'string') return ApiError.fromWire(r.error)
  } catch {
    // not a WireResult: say what came back
  }
  return new ApiError('internal', `server answered ${status}: ${body}`)
}

async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    buffered += decoder.decode(value, { stream: true })
    let nl: number
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl)
      buffered = buffered.slice(nl + 1)
      if (line.trim()) yield line
    }
  }
  if (buffered.trim()) yield buffered
}

export function createApi(): SsascopeApi {
  return window.ssascope ? new IpcApi(window.ssascope) : new HttpApi()
}
