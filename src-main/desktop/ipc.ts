// IPC registration: the renderer's calls go to the shared service. Each call
// carries an id so the renderer can cancel it and receive its progress.

import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC } from '../protocol'
import type { WireResult } from '../protocol/errors'
import type { Service } from '../service/service'

const CALL_ID = /^[A-Za-z0-9_-]{1,64}$/

export function registerIpc(service: Service, isTrusted: (sender: WebContents, frameUrl: string) => boolean, onCall?: (method: string, result: WireResult) => void): void {
  const inFlight = new Map<string, AbortController>()

  ipcMain.handle(IPC.call, async (event: IpcMainInvokeEvent, method: unknown, args: unknown, callId: unknown): Promise<WireResult> => {
    if (!isTrusted(event.sender, event.senderFrame?.url ?? '')) return { ok: false, error: { code: 'bad-argument', message: 'untrusted sender' } }
    if (typeof callId !== 'string' || !CALL_ID.test(callId)) return { ok: false, error: { code: 'bad-argument', message: 'callId must match ' + CALL_ID } }
    const abort = new AbortController()
    inFlight.get(callId)?.abort()
    inFlight.set(callId, abort)
    try {
      const result = await service.callWire(method, args, {
        signal: abort.signal,
        onProgress: (p) => {
          if (!event.sender.isDestroyed()) event.sender.send(IPC.progress, callId, p)
        },
      })
      onCall?.(String(method), result)
      return result
    } finally {
      if (inFlight.get(callId) === abort) inFlight.delete(callId)
    }
  })

  ipcMain.on(IPC.cancel, (_event, callId: unknown) => {
    if (typeof callId === 'string') inFlight.get(callId)?.abort()
  })
}
