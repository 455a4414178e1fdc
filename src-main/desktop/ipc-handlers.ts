// The logic behind the IPC channels, free of Electron so it can be tested in
// Node: sender trust, call-id validation, per-call cancellation, progress.

import type { WireResult } from '../protocol/errors'
import type { Progress } from '../protocol/model'
import type { Service } from '../service/service'

const CALL_ID = /^[A-Za-z0-9_-]{1,64}$/

export interface IpcCaller {
  trusted: boolean
  sendProgress(callId: string, p: Progress): void
}

export interface IpcHandlers {
  call(caller: IpcCaller, method: unknown, args: unknown, callId: unknown): Promise<WireResult>
  cancel(callId: unknown): void
  readonly inFlight: number
}

export function createIpcHandlers(service: Service, onResult?: (method: string, result: WireResult) => void): IpcHandlers {
  const running = new Map<string, AbortController>()
  return {
    async call(caller, method, args, callId) {
      if (!caller.trusted) return { ok: false, error: { code: 'bad-argument', message: 'untrusted sender' } }
      if (typeof callId !== 'string' || !CALL_ID.test(callId))
        return { ok: false, error: { code: 'bad-argument', message: `callId must match ${CALL_ID}` } }
      const abort = new AbortController()
      running.get(callId)?.abort()
      running.set(callId, abort)
      try {
        const result = await service.callWire(method, args, {
          signal: abort.signal,
          onProgress: (p) => caller.sendProgress(callId, p),
        })
        onResult?.(String(method), result)
        return result
      } finally {
        if (running.get(callId) === abort) running.delete(callId)
      }
    },
    cancel(callId) {
      if (typeof callId === 'string') running.get(callId)?.abort()
    },
    get inFlight() {
      return running.size
    },
  }
}
