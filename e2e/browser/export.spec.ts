// The exported report: File › Export report… (the top bar's button in
// browser mode) downloads one HTML file; opened from disk it is the app,
// read-only, with no request leaving the file: step passes, click a value,
// switch arch, compare. Reports of every shipped example open and work; a
// Go comment or path holding </script> or <img onerror> runs nothing; and
// without JavaScript the static part (pass table, final listing) shows.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { snap } from '../helpers'

const dir = mkdtempSync(join(tmpdir(), 'ssascope-e2e-export-'))
const listing = (page: Page) => page.getByTestId('ssa-listing')
const row = (page: Page, id: string) => listing(page).locator(`.row[data-id="${id}"]`).first()
const currentPass = (page: Page) => page.getByTestId('listing-pass')

/** Opens a report from disk, failing the test on any request but the file itself and on any page error. */
async function openReport(page: Page, file: string, search = ''): Promise<string[]> {
  const url = pathToFileURL(file).href
  const others: string[] = []
  page.on('request', (r) => {
    if (r.url().split('?')[0] !== url) others.push(r.url())
  })
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
  await page.goto(url + search)
  await expect(page.getByTestId('report-badge')).toBeVisible()
  await expect(page.getByTestId('trace-status')).toBeVisible()
  return others
}

/** exportReport through the browser-mode server's API (what the button calls), saved to a file. */
async function exportVia(request: APIRequestContext, args: Record<string, unknown>, name: string): Promise<string> {
  const r = await request.post('/api/exportReport', { data: args })
  expect(r.ok()).toBe(true)
  const lines = (await r.text()).trim().split('\n')
  const last = JSON.parse(lines[lines.length - 1]!) as { ok: boolean; result: { html: string }; error?: { message: string } }
  expect(last.ok, last.error?.message).toBe(true)
  const file = join(dir, name)
  writeFileSync(file, last.result.html)
  return file
}

test('Export report… downloads the report; from disk it steps passes, pins values, switches arch, compares — offline', async ({ page, context }) => {
  test.setTimeout(90_000)
  await page.goto('/?example=heapagg&func=half&pass=lower')
  await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
  const button = page.getByTestId('export-report')
  await expect(button).toBeEnabled()
  const downloading = page.waitForEvent('download')
  await button.click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('half-amd64-ppc64.html')
  const file = join(dir, download.suggestedFilename())
  await download.saveAs(file)
  await expect(page.getByTestId('export-saved')).toContainText('half-amd64-ppc64.html')

  const report = await context.newPage()
  const others = await openReport(report, file)
  // It opens where the app was: half, amd64, after lower; editing is off; other functions are listed, not selectable.
  await expect(report.getByTestId('trace-status')).toContainText('half · amd64 · 56 steps')
  await expect(currentPass(report)).toHaveText('lower')
  await expect(report.getByTestId('example-select')).toHaveCount(0)
  await expect(report.getByTestId('export-report')).toHaveCount(0)
  await expect(report.locator('[data-func="locals"] button')).toBeDisabled()
  await report.locator('.cm-content').click()
  await report.keyboard.type('zzz')
  await expect(report.locator('.cm-content')).not.toContainText('zzz')
  // Step passes with the keys.
  await report.keyboard.press('Escape')
  await report.locator('[data-testid=pass-timeline] li[data-pass="lower"]').click()
  await report.keyboard.press('n')
  await expect(currentPass(report)).toHaveText('addressing modes')
  await report.keyboard.press('b')
  await report.keyboard.press('b')
  await expect(currentPass(report)).toHaveText('writebarrier')
  // Click a value: pinned colour, history, the assembly line.
  await report.keyboard.press('End')
  await expect(currentPass(report)).toHaveText('stack frame')
  await row(report, 'v11').locator('.vid').click()
  await expect(row(report, 'v11')).toHaveClass(/selected/)
  expect(await row(report, 'v11').locator('.vid').evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)')
  await report.keyboard.press('h')
  await expect(report.getByTestId('value-history').locator('li[data-kind="created"]')).toContainText('StaticLECall')
  await expect(report.getByTestId('asm-listing').locator('.line[data-owner="v11"]')).toContainText('CALL runtime.mallocgc(SB)')
  await snap(report, 'export-report-heapagg-amd64')
  // Switch arch: the ppc64 trace comes out of the file.
  await report.locator('[data-testid=arch-switch] button[data-arch="ppc64"]').click()
  await expect(report.getByTestId('trace-status')).toContainText('half · ppc64')
  await expect(report.getByTestId('asm-listing')).toContainText('MOVD')
  // The comparison of both arches.
  await report.locator('[data-testid=view-tabs] button[data-view="compare"]').click()
  await expect(report.getByTestId('compare-view')).toBeVisible()
  await expect(report.getByTestId('compare-listing-amd64')).toContainText('CALLstatic')
  await expect(report.getByTestId('compare-listing-ppc64')).toContainText('CALLstatic')
  await snap(report, 'export-report-heapagg-compare')
  // The other views run from the file too.
  for (const [view, testid, text] of [
    ['escape', 'escape-panel', 'moved to heap'],
    ['allocs', 'allocs-summary', 'runtime.mallocgc'],
    ['cfg', 'cfg-view', ''],
    ['liveness', 'liveness-view', ''],
  ] as const) {
    await report.locator(`[data-testid=view-tabs] button[data-view="${view}"]`).click()
    await expect(report.getByTestId(testid)).toBeVisible()
    if (text) await expect(report.getByTestId(testid)).toContainText(text)
  }
  await snap(report, 'export-report-heapagg-liveness')
  expect(others).toEqual([])
})

test('a report of every shipped example opens from disk and shows its trace', async ({ page, request }) => {
  test.setTimeout(90_000)
  const examples = (await (await request.post('/api/listExamples', { data: {} })).text()).trim().split('\n').pop()!
  const names = (JSON.parse(examples) as { result: { name: string }[] }).result.map((e) => e.name)
  expect(names.length).toBeGreaterThanOrEqual(3)
  for (const name of names) {
    const src = JSON.parse((await (await request.post('/api/openExample', { data: { name } })).text()).trim().split('\n').pop()!).result as { path: string; text: string }
    const analysis = JSON.parse((await (await request.post('/api/analyze', { data: { path: src.path, text: src.text } })).text()).trim().split('\n').pop()!).result as { functions: { name: string }[] }
    const func = analysis.functions[0]!.name
    const file = await exportVia(request, { path: src.path, text: src.text, func, arches: ['amd64', 'ppc64'], example: name }, `${name}.html`)
    const others = await openReport(page, file)
    await expect(page.getByTestId('trace-status')).toContainText(`${func} · amd64`)
    await expect(page.getByTestId('current-path')).toHaveText(src.path)
    await expect(listing(page).locator('.row.value').first()).toBeVisible()
    await snap(page, `export-report-example-${name}`)
    expect(others).toEqual([])
  }
})

test('program text cannot run: </script> and <img onerror> in a comment and in the path stay text', async ({ page, request }) => {
  const hostile = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
  const text = `package p\n\n// ${hostile}\n//go:noinline\nfunc F(a, b int) int {\n\treturn a * b // ${hostile}\n}\n`
  const file = await exportVia(request, { path: `x"><img src=x onerror="window.__pwned=3">.go`, text, func: 'F', arches: ['amd64'] }, 'xss.html')
  let dialogs = 0
  page.on('dialog', (d) => {
    dialogs++
    void d.dismiss()
  })
  const others = await openReport(page, file)
  await expect(page.locator('.cm-content')).toContainText('</script><script>window.__pwned=1</script>')
  await expect(page.getByTestId('current-path')).toContainText('<img src=x onerror=')
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(await page.locator('img').count()).toBe(0)
  expect(await page.locator('script').count()).toBe(2)
  expect(dialogs).toBe(0)
  expect(others).toEqual([])
  await snap(page, 'export-report-xss')
})

test('without JavaScript the report shows its static part: the pass table and the final listing', async ({ browser, request }) => {
  const file = await exportVia(request, { path: 'examples/heapagg.go', text: await exampleText(request), func: 'half', arches: ['amd64', 'ppc64'], example: 'heapagg' }, 'nojs.html')
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1600, height: 1000 } })
  const page = await context.newPage()
  await page.goto(pathToFileURL(file).href)
  const stat = page.locator('#static-report')
  await expect(stat).toBeVisible()
  await expect(stat.locator('h2').first()).toBeInViewport()
  await expect(page.locator('#app')).toBeHidden()
  await expect(stat.locator('table.static-passes').first().locator('tr', { hasText: 'lower' }).first()).toContainText('changed')
  await expect(stat.locator('pre.static-listing').first()).toContainText('CALLstatic')
  await expect(stat.locator('h2')).toHaveText(['amd64', 'ppc64'])
  await snap(page, 'export-report-static')
  await context.close()
})

test('printed, the report is its static part; on screen, the app', async ({ page, request }) => {
  const file = await exportVia(request, { path: 'examples/heapagg.go', text: await exampleText(request), func: 'half', arches: ['amd64'], example: 'heapagg' }, 'print.html')
  await openReport(page, file)
  await expect(page.locator('#static-report')).toBeHidden()
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('#static-report')).toBeVisible()
  await expect(page.locator('#app')).toBeHidden()
})

async function exampleText(request: APIRequestContext): Promise<string> {
  const r = await request.post('/api/openExample', { data: { name: 'heapagg' } })
  return (JSON.parse((await r.text()).trim().split('\n').pop()!) as { result: { text: string } }).result.text
}
