// The architecture comparison: one function on amd64 and ppc64 side by side,
// stepped together, with a summary row per pass of how they differ.
// Screenshots go to e2e/screenshots.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { snap } from '../helpers'

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
})

const column = (page: Page, arch: string) => page.getByTestId(`compare-column-${arch}`)
const listing = (page: Page, arch: string) => page.getByTestId(`compare-listing-${arch}`)
const op = (page: Page, arch: string, text: string) => listing(page, arch).locator('.row.value', { hasText: text })
const row = (page: Page, arch: string, id: string) => listing(page, arch).locator(`.row[data-id="${id}"]`).first()
const summaryRow = (page: Page, pass: string) => page.getByTestId('compare-summary').locator(`tr[data-pass="${pass}"]`)
const currentPass = (page: Page) => page.getByTestId('compare-pass')
/** The current pass's facts on one side, above that side's column. */
const facts = (page: Page, arch: string) => page.getByTestId('compare-facts').locator(`[data-arch="${arch}"]`)

async function openCompare(page: Page, query: string): Promise<void> {
  await page.goto(`/?${query}`)
  await expect(page.getByTestId('compare-view')).toBeVisible()
  // Both traces are in: the summary lists every pass.
  await expect(summaryRow(page, 'stack frame')).toHaveCount(1)
}

test('ABC at lower: LEAQ on amd64, MOVDaddr, CLRLSLDI and MOVDstoreidx on ppc64; n and f step both columns', async ({ page }) => {
  await openCompare(page, 'example=mergelocals&func=ABC&view=compare&pass=lower')
  await expect(currentPass(page)).toHaveText('lower')
  await expect(op(page, 'amd64', 'LEAQ <*T> {t} v2')).toHaveCount(1)
  await expect(op(page, 'amd64', 'MOVQstore <mem>')).toHaveCount(1)
  await expect(op(page, 'ppc64', 'MOVDaddr <*T> {t} v2')).toHaveCount(1)
  await expect(op(page, 'ppc64', 'CLRLSLDI <int> [212543]')).toHaveCount(2)
  await expect(op(page, 'ppc64', 'MOVDstoreidx <mem>')).toHaveCount(1)
  // The summary row of lower: each arch's own ops.
  await expect(summaryRow(page, 'lower')).toHaveClass(/current/)
  await expect(summaryRow(page, 'lower')).toContainText('own ops')
  await expect(summaryRow(page, 'lower').getByTestId('summary-diff')).toContainText(/LEAQ.*\|.*MOVDaddr/)
  await expect(facts(page, 'amd64').locator('[data-label="own ops"]')).toHaveText(/only on amd64 .*LEAQ8×2 LEAQ MOVQload MOVQstore/)
  await expect(facts(page, 'ppc64').locator('[data-label="own ops"]')).toHaveText('only on ppc64 CLRLSLDI×2 MOVDaddr MOVDloadidx MOVDstoreidx')
  // Before lowering the ops are the same generic ones on both sides.
  await expect(summaryRow(page, 'opt').getByTestId('summary-diff')).toHaveText('same')
  await snap(page, 'compare-abc-lower')

  // n: the next pass on both sides. amd64 folds the index into the store (MOVQstoreidx8); ppc64 had it already.
  await page.keyboard.press('n')
  await expect(currentPass(page)).toHaveText('addressing modes')
  await expect(page).toHaveURL(/pass=addressing\+modes/)
  await expect(op(page, 'amd64', 'MOVQstoreidx8 <mem> {t} v2 v14 v8 v12')).toHaveCount(1)
  await expect(column(page, 'amd64').getByTestId('column-status')).toHaveText('changed')
  await expect(column(page, 'ppc64').getByTestId('column-status')).toHaveText('unchanged')
  await expect(op(page, 'ppc64', 'MOVDstoreidx <mem>')).toHaveCount(1)
  await expect(page.getByTestId('pass-timeline').locator('li.current')).toHaveAttribute('data-pass', 'addressing modes')
  await snap(page, 'compare-abc-addressing-modes')
  // f: the next pass that changed something on either side (late lower drops amd64's dead LEAQ8s).
  await page.keyboard.press('f')
  await expect(currentPass(page)).toHaveText('late lower')
  await expect(listing(page, 'amd64').locator('.row.value.removed', { hasText: 'LEAQ8' })).toHaveCount(2)
  await expect(listing(page, 'amd64').locator('.row.value:not(.removed)', { hasText: 'LEAQ8' })).toHaveCount(0)
  await page.keyboard.press('f')
  await expect(currentPass(page)).toHaveText('regalloc')
  await expect(facts(page, 'amd64').locator('[data-label="spills"]')).toHaveText('spills 0')
  await page.keyboard.press('b')
  await expect(currentPass(page)).toHaveText('flagalloc')
  // A click on a summary row goes there.
  await summaryRow(page, 'lower').click()
  await expect(currentPass(page)).toHaveText('lower')
})

test('Phases: a and b merged on amd64, a evicted on ppc64 — the summary row at the stack frame step says so', async ({ page }) => {
  await openCompare(page, 'example=mergelocals&func=Phases&view=compare&pass=stack%20frame')
  await expect(currentPass(page)).toHaveText('stack frame')
  const diff = summaryRow(page, 'stack frame').getByTestId('summary-diff')
  await expect(diff).toContainText('merged a+b (88 B saved) | none: fewer than two candidates after evictions')
  await expect(diff).toContainText(/evicted none \| a: address value v\d+ of a still has 2 uses outside b1/)
  await expect(diff).toContainText('locals 88 B | 176 B')
  const amd = facts(page, 'amd64')
  const ppc = facts(page, 'ppc64')
  await expect(amd.locator('[data-label="merged"]')).toContainText('a+b (88 B saved)')
  await expect(ppc.locator('[data-label="merged"]')).toContainText('none')
  await expect(ppc.locator('[data-label="evicted"]')).toContainText(/a: address value v\d+ of a still has 2 uses outside b1/)
  await expect(amd.locator('[data-label="code"]')).toContainText('133 B')
  await expect(ppc.locator('[data-label="code"]')).toContainText('228 B')
  await expect(ppc.locator('[data-label="frame"]')).toContainText('$208')
  await snap(page, 'compare-phases-stack-frame')
  // Only the passes where the arches part further.
  await page.getByTestId('parted-only').check()
  await expect(summaryRow(page, 'lower')).toHaveCount(1)
  await expect(summaryRow(page, 'opt')).toHaveCount(0)
  await expect(summaryRow(page, 'stack frame')).toHaveCount(1)
  await snap(page, 'compare-phases-parted')
})

test('a value picked in a column belongs to that arch: the side panes follow it, pins stay in their column', async ({ page }) => {
  await openCompare(page, 'example=mergelocals&func=ABC&view=compare&pass=lower')
  // amd64 is the selected arch to begin with.
  await expect(column(page, 'amd64')).toHaveClass(/active/)
  await row(page, 'amd64', 'v11').locator('.vid').click()
  await expect(row(page, 'amd64', 'v11')).toHaveClass(/selected/)
  await expect(row(page, 'amd64', 'v11').locator('.vid')).toHaveAttribute('style', /--pin-0/)
  await expect(page.getByTestId('value-history')).toContainText('LEAQ')
  // The same id on ppc64 is another value: it is not pinned there.
  await expect(row(page, 'ppc64', 'v11').locator('.vid')).not.toHaveAttribute('style', /--pin/)
  // A click in the ppc64 column: ppc64 becomes the selected arch; its value is selected and pinned in its column only.
  await row(page, 'ppc64', 'v27').locator('.vid').click()
  await expect(page).toHaveURL(/arch=ppc64/)
  await expect(page).toHaveURL(/value=v27/)
  await expect(column(page, 'ppc64')).toHaveClass(/active/)
  await expect(page.getByTestId('trace-status')).toContainText('ppc64')
  await expect(row(page, 'ppc64', 'v27')).toHaveClass(/selected/)
  await expect(row(page, 'ppc64', 'v27').locator('.vid')).toHaveAttribute('style', /--pin-0/)
  await expect(page.getByTestId('value-history')).toContainText('CLRLSLDI')
  await expect(page.getByTestId('asm-listing')).toContainText('MOVD')
  // amd64 keeps its own selection and pin; its column is no longer the active one.
  await expect(row(page, 'amd64', 'v11').locator('.vid')).toHaveAttribute('style', /--pin-0/)
  await expect(row(page, 'amd64', 'v11')).toHaveClass(/selected/)
  await expect(column(page, 'amd64')).not.toHaveClass(/active/)
  await expect(listing(page, 'amd64').locator('.vid[style*="--pin"]')).toHaveCount(1)
  // Hover: the value's source line lights up in both columns (line 14: the store of t.x[i&3]).
  await row(page, 'amd64', 'v19').locator('.vid').hover()
  await expect(page.getByTestId('compare-hover-amd64')).toContainText('v19 = MOVQstore')
  await expect(row(page, 'ppc64', 'v19')).toHaveClass(/line-hit/)
  await expect(row(page, 'ppc64', 'v27')).toHaveClass(/line-hit/)
  await expect(row(page, 'ppc64', 'v29')).not.toHaveClass(/line-hit/)
  await snap(page, 'compare-pick-and-hover')
  // Back to amd64: its selection and pins come back; ppc64's stay aside in its column.
  await row(page, 'amd64', 'v14').locator('.vid').click()
  await expect(page).not.toHaveURL(/arch=ppc64/)
  await expect(row(page, 'amd64', 'v11').locator('.vid')).toHaveAttribute('style', /--pin-0/)
  await expect(row(page, 'ppc64', 'v27').locator('.vid')).toHaveAttribute('style', /--pin-0/)
  // Esc clears every arch's pins.
  await page.keyboard.press('Escape')
  await expect(page.locator('[data-testid^="compare-listing-"] .vid[style*="--pin"]')).toHaveCount(0)
})

test('deep link and keys: view=compare&pass= restores the state; 5 shows the view, 1 the listing again', async ({ page }) => {
  await openCompare(page, 'example=mergelocals&func=Phases&view=compare&pass=late%20lower&arch=ppc64')
  await expect(currentPass(page)).toHaveText('late lower')
  await expect(column(page, 'ppc64')).toHaveClass(/active/)
  await page.reload()
  await expect(currentPass(page)).toHaveText('late lower')
  await expect(op(page, 'ppc64', 'ANDCCconst')).toHaveCount(1)
  await page.keyboard.press('1')
  await expect(page).not.toHaveURL(/view=/)
  await expect(page.getByTestId('ssa-view')).toBeVisible()
  await page.keyboard.press('5')
  await expect(page).toHaveURL(/view=compare/)
  await expect(page.getByTestId('view-tabs').locator('[data-view="compare"]')).toHaveClass(/on/)
  await expect(currentPass(page)).toHaveText('late lower')
  await page.keyboard.press('End')
  await expect(currentPass(page)).toHaveText('stack frame')
  await page.keyboard.press('Home')
  await expect(currentPass(page)).toHaveText('start')
  await expect(page).not.toHaveURL(/pass=/)
})

test('a pass one arch lacks is a gap with the reason; the keys step on through the other arch', async ({ page }) => {
  // The server makes lower of this function fail on ppc64 only (playwright.config.ts).
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-e2e-'))
  const file = join(dir, 'p.go')
  writeFileSync(file, 'package p\n\nfunc StopsEarlyOnPpc64(s []int, i int) int {\n\tif i < len(s) {\n\t\treturn s[i] * 2\n\t}\n\treturn 0\n}\n')
  // ppc64 is the selected arch: its own trace ends at lower, the comparison goes on.
  await page.goto(`/?file=${encodeURIComponent(file)}&func=StopsEarlyOnPpc64&view=compare&arch=ppc64&pass=lower`)
  await expect(summaryRow(page, 'stack frame')).toHaveCount(1)
  await expect(column(page, 'ppc64').getByTestId('column-failed')).toContainText('lower failed on ppc64: injected failure')
  await expect(op(page, 'amd64', 'CMPQ').first()).toBeVisible()
  await page.keyboard.press('n')
  await expect(currentPass(page)).toHaveText('addressing modes')
  const gap = column(page, 'ppc64').getByTestId('compare-gap')
  await expect(gap).toContainText('addressing modes: not on ppc64.')
  await expect(gap).toContainText('ppc64 stopped at lower, which failed: injected failure')
  await expect(summaryRow(page, 'addressing modes')).toContainText('ppc64 stopped at lower, which failed')
  await expect(summaryRow(page, 'addressing modes').locator('.mark.gap')).toHaveCount(1)
  await expect(listing(page, 'amd64')).toBeVisible()
  await snap(page, 'compare-gap')
  await page.keyboard.press('End')
  await expect(currentPass(page)).toHaveText('stack frame')
  await expect(facts(page, 'amd64').locator('[data-label="code"]')).toContainText('B')
  // The gap's link goes back to the last pass ppc64 has.
  await gap.getByRole('button', { name: 'lower' }).click()
  await expect(currentPass(page)).toHaveText('lower')
})

test('a function the subset refuses: both columns say why there is no trace', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-e2e-'))
  const file = join(dir, 'u.go')
  writeFileSync(file, 'package p\n\nfunc Cx() int {\n\tvar z complex128\n\t_ = z\n\treturn 1\n}\n')
  await page.goto(`/?file=${encodeURIComponent(file)}&func=Cx&view=compare`)
  for (const arch of ['amd64', 'ppc64']) {
    await expect(column(page, arch).getByTestId('compare-gap')).toContainText(`No ${arch} trace`)
    await expect(column(page, arch).getByTestId('compare-gap')).toContainText('unsupported: complex type')
  }
  await snap(page, 'compare-unsupported')
})
