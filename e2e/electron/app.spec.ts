// The desktop app through Playwright's Electron support. Electron's binary
// cannot be downloaded on every machine (ELECTRON_SKIP_BINARY_DOWNLOAD); where
// it is missing this spec reports a skip with that reason.

import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { snap } from '../helpers'

/**
 * Where the electron package put its binary, without require('electron'):
 * that call tries to download a missing binary, which this network forbids.
 */
function electronBinary(): string | undefined {
  if (process.env['ELECTRON_OVERRIDE_DIST_PATH']) return join(process.env['ELECTRON_OVERRIDE_DIST_PATH'], 'electron')
  try {
    const pkg = dirname(createRequire(__filename).resolve('electron/package.json'))
    const pathFile = join(pkg, 'path.txt')
    if (!existsSync(pathFile)) return undefined
    const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
}

const binary = electronBinary()

test('desktop window is secure and shows the example', async () => {
  test.skip(!binary, 'Electron binary not installed on this machine (downloads are blocked; npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1)')
  const app = await electron.launch({
    executablePath: binary,
    args: [resolve(__dirname, '..', '..'), '--no-sandbox', '--disable-gpu'],
  })
  try {
    const page = await app.firstWindow()
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!
      const p = w.webContents.getLastWebPreferences()!
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration }
    })
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
    await expect(page.getByTestId('function-list').locator('li')).not.toHaveCount(0)
    await expect(page.getByTestId('status-bar')).toContainText('ipc')
    await snap(page, 'electron-window')
  } finally {
    await app.close()
  }
})
