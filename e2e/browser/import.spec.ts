// Opening gc's ssa.html (testdata/ssahtml, made with Go 1.26.8 and 1.27.0):
// with the file chooser and by dropping it on the window; stepping its
// passes in the listing, CFG and assembly; the "ids reused" degradation; a
// malformed file's error. Screenshots go to e2e/screenshots.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { snap } from '../helpers'

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
})

const testdata = join(__dirname, '..', '..', 'testdata', 'ssahtml')
const listing = (page: Page) => page.getByTestId('ssa-listing')
const currentPass = (page: Page) => page.getByTestId('listing-pass')
const passItem = (page: Page, name: string) => page.getByTestId('pass-timeline').locator(`li[data-pass="${name}"]`)

async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dt = await page.evaluateHandle(
    ([t, n]) => {
      const d = new DataTransfer()
      d.items.add(new File([t], n, { type: 'text/html' }))
      return d
    },
    [text, name] as const,
  )
  await page.dispatchEvent('[data-testid="app"]', 'dragover', { dataTransfer: dt })
  await page.dispatchEvent('[data-testid="app"]', 'drop', { dataTransfer: dt })
}

test('Open ssa.html… (Go 1.26): every pass of the file, stepped in the listing, with the ids-reused notice', async ({ page }) => {
  await page.goto('/?example=heapagg&func=half')
  await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
  await page.getByTestId('import-input').setInputFiles(join(testdata, 'sum-go1.26.html'))
  const notice = page.getByTestId('import-notice')
  await expect(notice).toContainText('sum-go1.26.html')
  await expect(notice).toContainText('gc reuses value ids between passes')
  await expect(notice).toContainText('Not in the file: source columns')
  // The one function, selected; its passes as gc ran them (merged columns split), starting before phis.
  await expect(page.locator('[data-func="Sum"]')).toBeVisible()
  await expect(currentPass(page)).toHaveText('before insert phis')
  await expect(passItem(page, 'generic cse')).toHaveClass(/changed/)
  await expect(passItem(page, 'nilcheckelim')).toHaveClass(/unchanged/)
  await expect(passItem(page, 'known bits')).toHaveCount(0)
  await expect(passItem(page, 'trim')).toBeVisible()
  await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
  await page.keyboard.press('n')
  await expect(currentPass(page)).toHaveText('start')
  await expect(listing(page).locator('.row.value', { hasText: 'Arg <[]int> {xs}' })).toHaveCount(1)
  // The source pane holds the sources column, at the lines gc numbered.
  await expect(page.locator('.cm-content')).toContainText('func Sum(xs []int, s string) (int, string) {')
  await passItem(page, 'regalloc').click()
  await expect(currentPass(page)).toHaveText('regalloc')
  await expect(listing(page).locator('.row.value', { hasText: 'ArgIntReg <*int> {xs+0} [0]' })).toContainText(': AX')
  // A value selected in one pass: no history (ids are reused), and the selection does not follow into another pass.
  const arg = listing(page).locator('.row.value', { hasText: 'ArgIntReg <*int>' }).first()
  await arg.locator('.vid').click()
  await expect(page.getByTestId('no-history')).toContainText('gc reuses value ids between passes')
  // Nothing is known to be removed between passes, so no toggle offers it.
  await expect(page.getByTestId('show-removed')).toHaveCount(0)
  // A report holds the embedded pipeline's traces, not gc's.
  await expect(page.getByTestId('export-report')).toBeDisabled()
  await snap(page, 'import-sum-regalloc')
  await page.keyboard.press('n')
  await expect(currentPass(page)).toHaveText('loop rotate')
  await expect(page.getByTestId('value-inspector')).toContainText('Click a value')
  // The genssa listing in the assembly pane: Prog numbers (decimal, as gc prints them), liveness comments.
  const asm = page.getByTestId('asm-view')
  await expect(asm.getByTestId('asm-meta')).toHaveText('p.Sum · genssa, Prog numbers')
  await expect(asm.getByTestId('asm-comment').first()).toHaveText('# live at entry to Sum: s xs')
  await expect(asm.locator('.line[data-owner="b1"]').first().locator('.pc')).toHaveText('00005')
  await expect(asm).toContainText('CALL strings.ToUpper(SB)')
  await page.getByTestId('view-tabs').locator('[data-view="cfg"]').click()
  await expect(page.getByTestId('cfg-view')).toBeVisible()
  await expect(page.getByTestId('cfg-order')).toBeVisible()
  await expect(page.getByTestId('cfg-diff')).toHaveCount(0)
  await snap(page, 'import-sum-cfg')
  await page.getByTestId('view-tabs').locator('[data-view="escape"]').click()
  await expect(page.getByTestId('escape-imported')).toContainText('holds no escape analysis')
  await page.getByTestId('view-tabs').locator('[data-view="asm"]').click()
  await expect(page.getByTestId('asm-view')).toContainText('XORL')
  await snap(page, 'import-sum-asm')
})

test('dropping a Go 1.27 ssa.html on the window opens it; a ppc64 one switches the arch', async ({ page }) => {
  await page.goto('/?example=heapagg&func=half')
  await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
  await dropFile(page, 'sum-go1.27.html', readFileSync(join(testdata, 'sum-go1.27.html'), 'utf8'))
  await expect(page.getByTestId('import-notice')).toContainText('sum-go1.27.html')
  await expect(passItem(page, 'known bits')).toBeVisible()
  await passItem(page, 'lower').click()
  await expect(currentPass(page)).toHaveText('lower')
  await expect(page.getByTestId('listing-status')).toHaveText('changed')
  await snap(page, 'import-sum-go127-lower')
  await dropFile(page, 'method-ppc64-go1.26.html', readFileSync(join(testdata, 'method-ppc64-go1.26.html'), 'utf8'))
  await expect(page.getByTestId('import-notice')).toContainText('(*T).M (ppc64)')
  await expect(page.getByTestId('arch-switch').locator('[data-arch="ppc64"]')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('[data-func="(*T).M"]')).toBeVisible()
  await expect(page.getByTestId('trace-status')).toContainText('(*T).M · ppc64')
})

test('a malformed or truncated ssa.html: a clear error saying where, and the open document stays', async ({ page }) => {
  await page.goto('/?example=heapagg&func=half')
  await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
  const good = readFileSync(join(testdata, 'sum-go1.26.html'), 'utf8')
  await page.getByTestId('import-input').setInputFiles({ name: 'cut.html', mimeType: 'text/html', buffer: Buffer.from(good.slice(0, good.length / 2)) })
  await expect(page.getByTestId('error-banner')).toContainText(/cut\.html: line \d+, column \d+ \(in the ssa\.html column ".+"\): the file ends inside this column/)
  await expect(page.getByTestId('import-notice')).toHaveCount(0)
  await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
  await snap(page, 'import-error')
  await dropFile(page, 'notes.txt', 'hello')
  await expect(page.getByTestId('error-banner')).toContainText('notes.txt: not an ssa.html file (.html)')
})
