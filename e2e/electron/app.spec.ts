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
const skipReason = 'Electron binary not installed on this machine (downloads are blocked; npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1)'

/** The app on the project's build, in a sandbox-less test environment. */
const launch = () => electron.launch({ executablePath: binary, args: [resolve(__dirname, '..', '..'), '--no-sandbox', '--disable-gpu'] })

test('desktop window is secure and shows the example', async () => {
  if (!binary) console.log(`electron spec skipped: ${skipReason}`)
  test.skip(!binary, skipReason)
  const app = await launch()
  try {
    const page = await app.firstWindow()
    // contextIsolation + sandbox + no nodeIntegration, observed from the page:
    // no Node globals, and only the bridge's four functions are exposed.
    const page_globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { ssascope: object }).ssascope).sort(),
    }))
    expect(page_globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['cancel', 'invoke', 'onMenu', 'onProgress'] })
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))
    expect(csp).toContain("script-src 'self'")
    await expect(page.getByTestId('function-list').locator('li')).not.toHaveCount(0)
    await expect(page.getByTestId('status-bar')).toContainText('ipc')
    await snap(page, 'electron-window')
  } finally {
    await app.close()
  }
})

test('desktop window: the pass debugger over IPC (deep link, stepping, listing, assembly)', async () => {
  test.skip(!binary, skipReason)
  const app = await launch()
  try {
    const page = await app.firstWindow()
    await expect(page.getByTestId('function-list').locator('li')).not.toHaveCount(0)
    // The window's own page (ssascope://app/index.html), with a deep link.
    await page.evaluate(() => {
      location.search = '?example=heapagg&func=half&pass=lower'
    })
    await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
    await expect(page.getByTestId('listing-pass')).toHaveText('lower')
    await expect(page.getByTestId('ssa-listing')).toContainText('CALLstatic')
    await page.keyboard.press('n')
    await expect(page.getByTestId('listing-pass')).toHaveText('addressing modes')
    await expect(page.getByTestId('asm-listing')).toContainText('runtime.mallocgc')
    // File › Export report… is enabled once a trace is shown (it starts disabled).
    expect(await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('export-report')?.enabled)).toBe(true)
    await snap(page, 'electron-debugger')
  } finally {
    await app.close()
  }
})
