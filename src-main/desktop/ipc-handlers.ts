// The logic behind the IPC channels, free of Electron so it can be tested in
// Node: sender trust, call-id validation, per-call cancellation, progress.
// Calls are kept per sender: a cancel must come from a trusted sender and
// reaches only that sender's own calls.

import type { WireResult } from '../protocol/errors'
import type { Progress } from '../protocol/model'
import type { Service } from '../service/service'

const CALL_ID = /^[A-Za-z0-9_-]{1,64}$/

/** Who sent a message: trusted when it is our window's page (see security.ts). */
export interface IpcSender {
  trusted: boolean
  /** The sending WebContents' id. */
  senderId: number
}

export interface IpcCaller extends IpcSender {
  sendProgress(callId: string, p: Progress): void
}

export interface IpcHandlers {
  call(caller: IpcCaller, method: unknown, args: unknown, callId: unknown): Promise<WireResult>
  cancel(sender: IpcSender, callId: unknown): void
  readonly inFlight: number
}

export function createIpcHandlers(service: Service, onResult?: (method: string, result: WireResult) => void): IpcHandlers {
  const running = new Map<string, AbortController>()
  return {
    async call(caller, method, args, callId) {
      if (!caller.trusted) return { ok: false, error: { code: 'bad-argument', message: 'untrusted sender' } }
      if (typeof callId !== 'string' || !CALL_ID.test(callId))
        return { ok: false, error: { code: 'bad-argument', message: `callId must match ${CALL_ID}` } }
      const key = `${caller.senderId}:${callId}`
      const abort = new AbortController()
      running.get(key)?.abort()
      running.set(key, abort)
      try {
        const result = await service.callWire(method, args, {
          signal: abort.signal,
          onProgress: (p) => caller.sendProgress(callId, p),
        })
        onResult?.(String(method), result)
        return result
      } finally {
        if (running.get(key) === abort) running.delete(key)
      }
    },
    cancel(sender, callId) {
      if (!sender.trusted || typeof callId !== 'string') return
      running.get(`${sender.senderId}:${callId}`)?.abort()
    },
    get inFlight() {
      return running.size
    },
  }
}
