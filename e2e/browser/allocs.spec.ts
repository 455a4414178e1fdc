// The allocation view: every runtime allocation call of a function as built,
// its members as the bytes of the block, why each heap-moved variable is or
// is not aggregated; clicking a call pins it and its members everywhere.

import { expect, test, type Page } from '@playwright/test'
import { snap } from '../helpers'

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
})

const cards = (page: Page) => page.getByTestId('alloc-card')

test('heapagg: 1, 1, 1 and 2 calls; the byte layout of the one mallocgc', async ({ page }) => {
  await page.goto('/?example=heapagg&func=half&view=allocs')
  await expect(page.getByTestId('allocs-view')).toBeVisible()
  await expect(cards(page)).toHaveCount(1)
  const card = cards(page).first()
  await expect(card).toContainText('runtime.mallocgc(16, nil, true)')
  await expect(card).toHaveAttribute('data-kind', 'aggregate')
  const layout = card.getByTestId('alloc-layout')
  await expect(layout.locator('[data-member]')).toHaveText([/a\s*8B·al8/, /b\s*4B·al4/, /c\s*2B·al2/, /^d$/])
  await expect(layout.locator('.span.pad')).toHaveCount(1)
  await expect(card.getByTestId('alloc-why')).toContainText('flushed at the end of b1 with 15 of 16 bytes pending')
  await expect(page.getByTestId('alloc-vars').locator('tr[data-verdict="aggregated"]')).toHaveCount(4)
  await snap(page, 'allocs-half')
  for (const [func, n] of [['locals', 1], ['args', 1], ['closure', 2]] as const) {
    await page.locator(`[data-func="${func}"] button`).click()
    await expect(cards(page)).toHaveCount(n)
  }
  await expect(cards(page).nth(1)).toHaveAttribute('data-kind', 'site')
  await expect(page).toHaveURL(/\?example=heapagg&func=closure&view=allocs$/)
  await snap(page, 'allocs-closure')
})

test('clicking a call pins it and its members’ OffPtr values in the listing across passes, and marks the variables in the source', async ({ page }) => {
  await page.goto('/?example=heapagg&func=half&view=allocs')
  const card = cards(page).first()
  await expect(card).toBeVisible()
  const call = (await card.getAttribute('data-call'))!
  await card.locator('.head').click()
  await expect(card).toHaveClass(/active/)
  // The members take the pins' colours in the layout and in the editor.
  await expect(card.locator('[data-member="a"]')).toHaveCSS('color', 'rgb(20, 22, 26)')
  await expect(page.locator('.cm-pin-mark')).toHaveCount(4)
  await expect(page.locator('.cm-pin-mark')).toHaveText(['a', 'c', 'b', 'd'])
  await snap(page, 'allocs-pinned')
  // In the listing, at start and after lower: the call and four OffPtr values keep their colours.
  await page.keyboard.press('1')
  const listing = page.getByTestId('ssa-listing')
  const pinnedIds = listing.locator('.row.value .vid[style*="--pin-"]')
  await expect(pinnedIds).toHaveCount(5)
  await expect(listing.locator(`.row[data-id="${call}"] .vid`)).toHaveAttribute('style', /--pin-0/)
  await expect(listing.locator('.row.value', { has: page.locator('.vid[style*="--pin-"]') }).filter({ hasText: 'OffPtr' })).toHaveCount(4)
  // After lower the same ids carry the same colours (ids are never reused): the OffPtrs became LEAQ/ADDQconst.
  await page.goto('/?example=heapagg&func=half&pass=lower&view=allocs')
  await cards(page).first().locator('.head').click()
  await expect(cards(page).first()).toHaveClass(/active/)
  await page.keyboard.press('1')
  await expect(page.getByTestId('listing-pass')).toHaveText('lower')
  await expect(listing.locator('.row.value .vid[style*="--pin-"]')).toHaveCount(5)
  await snap(page, 'allocs-pinned-lower')
  // Clicking the card again unpins them.
  await page.keyboard.press('6')
  await cards(page).first().locator('.head').click()
  await expect(page.locator('.cm-pin-mark')).toHaveCount(0)
})

test('why a variable is or is not aggregated: pointers, size, zero size, overflow, block ends', async ({ page }) => {
  const file = `${process.cwd()}/testdata/ssa/allocs.go`
  await page.goto(`/?file=${encodeURIComponent(file)}&func=pointers&view=allocs`)
  const vars = page.getByTestId('alloc-vars')
  await expect(vars.locator('tr[data-var="q"]')).toContainText('✗ has pointers')
  await expect(vars.locator('tr[data-var="arr"]')).toContainText('✗ 16 B ≥ 16')
  await expect(vars.locator('tr[data-var="z"]')).toContainText('✗ zero-sized')
  await expect(vars.locator('tr[data-var="z"]')).toContainText('runtime.zerobase')
  await expect(vars.locator('tr[data-var="s"]')).toHaveAttribute('data-verdict', 'alone')
  await snap(page, 'allocs-pointers')
  await page.locator('[data-func="overflow"] button').click()
  await expect(cards(page)).toHaveCount(2)
  await expect(cards(page).first().getByTestId('alloc-why')).toContainText('flushed when c (8 bytes) would have made 24 > 16 bytes')
  await expect(vars.locator('tr[data-var="c"]')).toContainText('it did not fit')
  await page.locator('[data-func="blocks"] button').click()
  await expect(cards(page)).toHaveCount(3)
  await expect(page.getByTestId('alloc-vars').locator('tr[data-verdict="alone"]')).toHaveCount(3)
  await snap(page, 'allocs-overflow-blocks')
})

test('a deep link with the call selected (as the editor\'s allocation marker opens it) shows that call', async ({ page }) => {
  await page.goto('/?example=heapagg&func=closure&view=allocs')
  const site = cards(page).nth(1)
  await expect(site).toHaveAttribute('data-kind', 'site')
  const id = (await site.getAttribute('data-call'))!
  await page.goto(`/?example=heapagg&func=closure&view=allocs&value=${id}`)
  await expect(cards(page).nth(1)).toHaveClass(/hit/)
  await expect(cards(page).nth(0)).not.toHaveClass(/hit/)
  await expect(cards(page).nth(1)).toBeInViewport()
})
