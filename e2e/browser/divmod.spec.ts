// divmod and memcombine in the app, on testdata/ssa's inputs: the passes
// are modelled (not hatched), divmod's rule log steps through gc's rule, and
// the assembly shows the result on both arches (a plain wide load on amd64,
// MOVWBR on big-endian ppc64).

import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { snap } from '../helpers'

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
})

const listing = (page: Page) => page.getByTestId('ssa-listing')
const currentPass = (page: Page) => page.getByTestId('listing-pass')
const passItem = (page: Page, name: string) => page.getByTestId('pass-timeline').locator(`li[data-pass="${name}"]`)

const file = (name: string) => encodeURIComponent(join(process.cwd(), 'testdata', 'ssa', name))

test('divmod turns x/7 into a magic multiply (with its rule in the log)', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await page.goto(`/?file=${file('divmod.go')}&func=evenU64&pass=divmod`)
  await expect(currentPass(page)).toHaveText('divmod')
  await expect(passItem(page, 'divmod')).toHaveClass(/(^|\s)changed/)
  await expect(passItem(page, 'divisible')).not.toHaveClass(/not-modeled/)
  await expect(listing(page).locator('.row.value', { hasText: 'Hmul64u' }).first()).toBeVisible()
  await expect(listing(page).locator('.row.value', { hasText: 'Avg64u' }).first()).toBeVisible()
  await expect(page.getByTestId('rule-bar')).toContainText('4 rule applications')
  await page.keyboard.press('.')
  await expect(page.getByTestId('rule-text')).toContainText('(Div64u <t> x (Const64 [c])) && umagicOK64(c) && umagic64(c).m&1 == 0')
  await snap(page, 'divmod-rule')
  await expect(page.getByTestId('asm-listing')).toContainText('MULQ')
  await expect(page.getByTestId('asm-listing')).not.toContainText('DIVQ')
})

test('memcombine merges four byte loads into one, byte-reversed on ppc64', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await page.goto(`/?file=${file('memcombine.go')}&func=le32&pass=memcombine`)
  await expect(currentPass(page)).toHaveText('memcombine')
  await expect(passItem(page, 'memcombine')).toHaveClass(/(^|\s)changed/)
  await expect(listing(page).locator('.row.value', { hasText: 'Load <uint32>' }).first()).toBeVisible()
  await expect(page.getByTestId('asm-listing')).toContainText('MOVL\t(AX), AX')
  await snap(page, 'memcombine-amd64')
  await page.keyboard.press('a')
  await expect(page).toHaveURL(/arch=ppc64/)
  await expect(listing(page).locator('.row.value', { hasText: 'Bswap32' }).first()).toBeVisible()
  await expect(page.getByTestId('asm-listing')).toContainText('MOVWBR')
  await snap(page, 'memcombine-ppc64')
})
