// Electron bootstrap: one secure window, the application menu, IPC. The
// decisions (which page is ours, navigation, permissions, the files and
// headers of our protocol) are pure functions in desktop/security.ts.

import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type WebContents } from 'electron'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { IPC, type MenuCommand, type SourceFile, type SsaResult } from './protocol'
import { buildMenu, EXPORT_REPORT_ID } from './desktop/menu'
import { registerIpc } from './desktop/ipc'
import { loadState, saveState, type SavedState } from './desktop/window-state'
import { APP_PAGE, APP_SCHEME, APP_SCHEME_PRIVILEGES, appFileFor, appHeaders, devResponseHeaders, isOurPage, mayNavigate, mayUsePermission, type PageTrust } from './desktop/security'
import { SECURITY_HEADERS } from './server/headers'
import { appVersion, examplesDir, projectRoot, rendererDir, workerFile } from './service/paths'
import { WorkerPool } from './service/pool'
import { Service } from './service/service'

const preloadFile = join(projectRoot, 'out', 'preload', 'index.cjs')
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const trust: PageTrust = { devServerUrl }

let window: BrowserWindow | undefined
let state: SavedState = {}
const stateFile = () => join(app.getPath('userData'), 'state.json')

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
  void win.loadURL(`${devServerUrl ?? APP_PAGE}?${new URLSearchParams(query)}`)
  return win
}

/** No navigation away from the app (nor redirects, nor frames) and no new windows; http(s) links open in the system browser. */
function hardenContents(contents: WebContents): void {
  const guard = (details: { url: string; preventDefault(): void }) => {
    if (!mayNavigate(details.url, trust)) details.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-frame-navigate', guard)
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

async function openPackageDialog(): Promise<void> {
  if (!window) return
  const r = await dialog.showOpenDialog(window, { title: 'Open Go package (the real gc compiles it)', properties: ['openDirectory'] })
  const dir = r.filePaths[0]
  if (!r.canceled && dir) send({ kind: 'open-package', dir })
}

async function importDialog(): Promise<void> {
  if (!window) return
  const r = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: [{ name: "gc's ssa.html", extensions: ['html', 'htm'] }] })
  const path = r.filePaths[0]
  if (!r.canceled && path) send({ kind: 'import-ssa-html', path })
}

/** Our files from out/renderer with their headers (the CSP among them, so frame-ancestors applies). */
async function serveAppFile(request: Request): Promise<Response> {
  const file = appFileFor(request.url, rendererDir)
  const body = file ? await readFile(file).catch(() => null) : null
  if (!file || !body) return new Response('not found', { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } })
  return new Response(body, { headers: appHeaders(file) })
}

/** The session's side: our protocol, no permissions, and the dev server's pages with our headers. */
function hardenSession(): void {
  protocol.handle(APP_SCHEME, serveAppFile)
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(mayUsePermission(permission)))
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => mayUsePermission(permission))
  if (devServerUrl) {
    session.defaultSession.webRequest.onHeadersReceived({ urls: [`${new URL(devServerUrl).origin}/*`] }, (details, callback) => {
      const responseHeaders = devResponseHeaders(details.url, details.responseHeaders, trust)
      callback(responseHeaders ? { responseHeaders } : {})
    })
  }
}

// Before the app is ready: the scheme the renderer is served from.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
app.enableSandbox()
app.whenReady().then(async () => {
  hardenSession()
  state = loadState(stateFile())
  // The Go toolchain preference reaches every job (workers inherit the environment) unless $SSASCOPE_GO overrides it.
  if (state.goPath && !process.env['SSASCOPE_GO']) process.env['SSASCOPE_GO'] = state.goPath
  const service = new Service({ runner: new WorkerPool(workerFile), examplesDir, version: appVersion, transport: 'ipc' })
  registerIpc(
    service,
    (sender, frameUrl) => sender === window?.webContents && isOurPage(frameUrl, trust),
    (method, result) => {
      if (method === 'openFile' && result.ok) state.lastFile = (result.result as SourceFile).path
      // A trace is on its way to the screen: there is something to export.
      if (method === 'ssa' && result.ok && (result.result as SsaResult).trace) {
        const item = Menu.getApplicationMenu()?.getMenuItemById(EXPORT_REPORT_ID)
        if (item) item.enabled = true
      }
    },
  )
  const examples = await service.call('listExamples', {})
  Menu.setApplicationMenu(
    buildMenu(examples, { openFile: () => void openFileDialog(), openPackage: () => void openPackageDialog(), importSsaHtml: () => void importDialog(), send }),
  )
  window = createWindow()
  app.on('window-all-closed', () => {
    void service.dispose()
    app.quit()
  })
})
