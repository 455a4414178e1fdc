// The checker setting in the top bar: off by default (the service's default
// decides: off for users, on in tests), on it asks for the checker with every
// ssa request, and it is kept across reloads.
import { expect, test } from '@playwright/test'
import { snap } from '../helpers'

test('the check-passes toggle sends check with the ssa request and is remembered', async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
  const first = page.waitForRequest((r) => r.url().endsWith('/api/ssa'))
  await page.goto('/?example=heapagg&func=half')
  const box = page.getByTestId('check-toggle').locator('input')
  await expect(box).not.toBeChecked()
  expect(JSON.stringify((await first).postDataJSON())).not.toContain('"check"')
  await expect(page.getByTestId('trace-status')).toContainText('half')

  const checked = page.waitForRequest((r) => r.url().endsWith('/api/ssa') && JSON.stringify(r.postDataJSON()).includes('"check":true'))
  await box.check()
  await checked
  await expect(page.getByTestId('trace-status')).toContainText('half')
  await snap(page, 'check-toggle-on')

  const again = page.waitForRequest((r) => r.url().endsWith('/api/ssa'))
  await page.reload()
  await expect(box).toBeChecked()
  expect(JSON.stringify((await again).postDataJSON())).toContain('"check":true')
  await box.uncheck()
  await expect(box).not.toBeChecked()
})
