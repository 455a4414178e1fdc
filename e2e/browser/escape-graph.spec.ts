// The escape graph (view=escape) and the editor's marker gutter, clicked
// through as a user would. Screenshots go to e2e/screenshots.

import { expect, test } from '@playwright/test'
import { snap } from '../helpers'

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
})

test('draft', async ({ page }) => {
  await page.goto('/?example=heapagg&func=closure&view=escape')
  await expect(page.getByTestId('escape-locations')).toBeVisible()
  await page.getByTestId('escape-locations').locator('tr[data-name="a"]').click()
  await page.waitForTimeout(500)
  await snap(page, 'draft-closure')
  await page.getByTestId('escape-root').selectOption({ label: 'func literal' })
  await page.waitForTimeout(300)
  await snap(page, 'draft-root')
  await page.locator('.cm-marks-gutter .cm-gutterElement').filter({ hasText: '◆' }).first().hover()
  await page.waitForTimeout(300)
  await snap(page, 'draft-gutter')
  await page.goto('/?file=' + encodeURIComponent(process.cwd() + '/testdata/escape/calls.go') + '&func=ping&view=escape')
  await page.waitForTimeout(1500)
  await snap(page, 'draft-ping')
  await page.goto('/?file=' + encodeURIComponent(process.cwd() + '/testdata/escape/closures.go') + '&func=nestedClosures&view=escape')
  await page.waitForTimeout(1500)
  await snap(page, 'draft-nested')
})
