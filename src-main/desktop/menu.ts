import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { ExampleInfo, MenuCommand } from '../protocol'

/** The menu item File › Export report… */
export const EXPORT_REPORT_ID = 'export-report'

export interface MenuActions {
  openFile(): void
  /** File › Open Go package…: a directory chooser; the real gc compiles the package. */
  openPackage?(): void
  /** File › Open ssa.html…: a dialog for gc's ssa.html, then an `import-ssa-html` command. */
  importSsaHtml(): void
  send(command: MenuCommand): void
}

export function buildMenu(examples: ExampleInfo[], actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Go file…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() },
        { label: 'Open Go package…', accelerator: 'CmdOrCtrl+Alt+O', click: () => actions.openPackage?.() },
        { label: 'Open ssa.html…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importSsaHtml() },
        {
          label: 'Open example',
          submenu: examples.map((e) => ({
            label: `${e.name} — ${e.title}`,
            click: () => actions.send({ kind: 'open-example', name: e.name }),
          })),
        },
        { type: 'separator' },
        // Enabled once a function's trace is shown (index.ts sees the `ssa` answers go by).
        { id: EXPORT_REPORT_ID, label: 'Export report…', accelerator: 'CmdOrCtrl+E', enabled: false, click: () => actions.send({ kind: 'export-report' }) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'Keyboard shortcuts', accelerator: 'F1', click: () => actions.send({ kind: 'show-shortcuts' }) }],
    },
  ]
  return Menu.buildFromTemplate(template)
}

