// Electron bootstrap: one secure window, the application menu, IPC.

import { app, BrowserWindow, dialog, Menu, shell, type WebContents } from 'electron'
import { join } from 'node:path'
import { IPC, type MenuCommand, type SourceFile } from './protocol'
import { buildMenu } from './desktop/menu'
import { registerIpc } from './desktop/ipc'
import { loadState, saveState, type SavedState } from './desktop/window-state'
import { appVersion, examplesDir, projectRoot, workerFile } from './service/paths'
import { WorkerPool } from './service/pool'
import { Service } from './service/service'

const rendererIndex = join(projectRoot, 'out', 'renderer', 'index.html')
const preloadFile = join(projectRoot, 'out', 'preload', 'index.cjs')
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

let window: BrowserWindow | undefined
let state: SavedState = {}
const stateFile = () => join(app.getPath('userData'), 'state.json')

function isOurPage(url: string): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl)
  try {
    const u = new URL(url)
    return u.protocol === 'file:' && decodeURIComponent(u.pathname).endsWith('/out/renderer/index.html')
  } catch {
    return false
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: state.bounds?.width ?? 1400,
    height: state.bounds?.height ?? 900,
    x: state.bounds?.x,
    y: state.bounds?.y,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'ssascope',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  hardenContents(win.webContents)
  win.on('close', () => {
    state = { ...state, bounds: win.getNormalBounds(), maximized: win.isMaximized() }
    saveState(stateFile(), state)
  })
  const query: Record<string, string> = state.lastFile ? { file: state.lastFile } : { example: 'heapagg' }
  if (devServerUrl) void win.loadURL(`${devServerUrl}?${new URLSearchParams(query)}`)
  else void win.loadFile(rendererIndex, { query })
  return win
}

/** No navigation away from the app and no new windows; http(s) links open in the system browser. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOurPage(url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function send(command: MenuCommand): void {
  window?.webContents.send(IPC.menu, command)
}

async function openFileDialog(): Promise<void> {
  if (!window) return
  const r = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: [{ name: 'Go source', extensions: ['go'] }] })
  const path = r.filePaths[0]
  if (!r.canceled && path) send({ kind: 'open-file', path })
}

app.enableSandbox()
app.whenReady().then(async () => {
  state = loadState(stateFile())
  const service = new Service({ runner: new WorkerPool(workerFile), examplesDir, version: appVersion, transport: 'ipc' })
  registerIpc(
    service,
    (sender, frameUrl) => sender === window?.webContents && isOurPage(frameUrl),
    (method, result) => {
      if (method === 'openFile' && result.ok) state.lastFile = (result.result as SourceFile).path
    },
  )
  const examples = await service.call('listExamples', {})
  Menu.setApplicationMenu(buildMenu(examples, { openFile: () => void openFileDialog(), send }))
  window = createWindow()
  app.on('window-all-closed', () => {
    void service.dispose()
    app.quit()
  })
})
