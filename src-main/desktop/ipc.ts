// Registers the IPC channels on Electron's ipcMain.

import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron'
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
  const sender = (event: IpcMainEvent | IpcMainInvokeEvent) => ({
    trusted: isTrusted(event.sender, event.senderFrame?.url ?? ''),
    senderId: event.sender.id,
  })
  ipcMain.handle(IPC.call, (event, method: unknown, args: unknown, callId: unknown) =>
    handlers.call(
      {
        ...sender(event),
        sendProgress: (id, p) => {
          if (!event.sender.isDestroyed()) event.sender.send(IPC.progress, id, p)
        },
      },
      method,
      args,
      callId,
    ),
  )
  ipcMain.on(IPC.cancel, (event, callId: unknown) => handlers.cancel(sender(event), callId))
}
