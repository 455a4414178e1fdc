// Sandboxed preload: exposes the API bridge as window.ssascope, nothing else.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC, type MenuCommand, type PreloadBridge } from '../src-main/protocol/api'
import type { Progress } from '../src-main/protocol/model'

const bridge: PreloadBridge = {
  invoke: (method, args, callId) => ipcRenderer.invoke(IPC.call, method, args, callId),
  cancel: (callId) => ipcRenderer.send(IPC.cancel, callId),
  onProgress(listener) {
    const wrapped = (_e: IpcRendererEvent, callId: string, p: Progress) => listener(callId, p)
    ipcRenderer.on(IPC.progress, wrapped)
    return () => void ipcRenderer.removeListener(IPC.progress, wrapped)
  },
  onMenu(listener) {
    const wrapped = (_e: IpcRendererEvent, command: MenuCommand) => listener(command)
    ipcRenderer.on(IPC.menu, wrapped)
    return () => void ipcRenderer.removeListener(IPC.menu, wrapped)
  },
}

contextBridge.exposeInMainWorld('ssascope', bridge)
