// Registers the IPC channels on Electron's ipcMain.

import { ipcMain, type WebContents } from 'electron'
import { IPC } from '../protocol'
import type { WireResult } from '../protocol/errors'
import type { Service } from '../service/service'
import { createIpcHandlers } from './ipc-handlers'

export function registerIpc(
  service: Service,
  isTrusted: (sender: WebContents, frameUrl: string) => boolean,
  onResult?: (method: string, result: WireResult) => void,
): void {
  const handlers = createIpcHandlers(service, onResult)
  ipcMain.handle(IPC.call, (event, method: unknown, args: unknown, callId: unknown) =>
    handlers.call(
      {
        trusted: isTrusted(event.sender, event.senderFrame?.url ?? ''),
        sendProgress: (id, p) => {
          if (!event.sender.isDestroyed()) event.sender.send(IPC.progress, id, p)
        },
      },
      method,
      args,
      callId,
    ),
  )
  ipcMain.on(IPC.cancel, (_event, callId: unknown) => handlers.cancel(callId))
}
