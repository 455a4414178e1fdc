import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { snap } from '../helpers'

const examples = resolve(__dirname, '..', '..', 'resources', 'examples')
const functionNames = (page: Page) => page.getByTestId('function-list').locator('li .name')

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
})

test('opens an example by deep link and lists its functions', async ({ page }) => {
  await page.goto('/?example=heapagg')
  await expect(functionNames(page)).toHaveText(['locals', 'args', 'half', 'closure', 'closure.func1'])
  await expect(page.getByTestId('current-path')).toHaveText('examples/heapagg.go')
  await expect(page.getByTestId('example-select')).toHaveValue('heapagg')
  await expect(page.locator('[data-func="args"] .pragma')).toHaveText('go:noinline')
  await expect(page.getByTestId('diagnostics')).toContainText('No problems.')
  await expect(page.getByTestId('status-bar')).toContainText('5 functions')
  await expect(page.getByTestId('source-editor')).toContainText('func locals()')
  await snap(page, 'example-heapagg')
})

test('deep link selects a function, and the address bar follows the selection', async ({ page }) => {
  await page.goto('/?example=heapagg&func=closure')
  await expect(page.locator('[data-func="closure"]')).toHaveClass(/selected/)
  // The editor shows the selected function's line.
  await expect(page.locator('.cm-activeLine')).toContainText('func closure() func()')
  await page.locator('[data-func="half"] button').click()
  await expect(page.locator('[data-func="half"]')).toHaveClass(/selected/)
  await expect(page).toHaveURL(/\?example=heapagg&func=half$/)
})

test('a syntax error typed in the editor shows up at its line', async ({ page }) => {
  await page.goto('/?example=mergelocals')
  await expect(functionNames(page)).toHaveText(['ABC', 'Phases'])
  // Break line 14 ("t.x[i&3] = j"): put the cursor at its end and type an unbalanced paren.
  const line14 = page.locator('.cm-line', { hasText: 't.x[i&3] = j' })
  await line14.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' + )')
  const problems = page.getByTestId('diagnostics').locator('li')
  await expect(problems).toHaveCount(1)
  await expect(problems.first()).toHaveText('examples/mergelocals.go:14:17: syntax error: unexpected )')
  await expect(problems.first()).toHaveAttribute('data-line', '14')
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1)
  await snap(page, 'syntax-error')
  // Fixing it clears the problem.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace')
  await expect(page.getByTestId('diagnostics')).toContainText('No problems.')
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(0)
})

test('a type error shows up with gc\'s message at its line', async ({ page }) => {
  await page.goto('/?example=mergelocals')
  await expect(functionNames(page)).toHaveText(['ABC', 'Phases'])
  await page.locator('.cm-line', { hasText: 'var t T' }).click()
  await page.keyboard.press('End')
  await page.keyboard.type('; var unused int')
  const problems = page.getByTestId('diagnostics').locator('li')
  // Position and text as go build reports them.
  await expect(problems).toHaveText(['examples/mergelocals.go:13:15: declared and not used: unused'])
  await snap(page, 'type-error')
})

test('opens a file by deep link and switches examples', async ({ page }) => {
  const file = join(examples, 'closures.go')
  await page.goto(`/?file=${encodeURIComponent(file)}&func=${encodeURIComponent('(*counter).Add')}`)
  await expect(page.getByTestId('current-path')).toHaveText(file)
  await expect(page.locator('[data-func="(*counter).Add"]')).toHaveClass(/selected/)
  await expect(functionNames(page)).toContainText(['makeAdder.func1.1'])
  await page.getByTestId('example-select').selectOption('mergelocals')
  await expect(functionNames(page)).toHaveText(['ABC', 'Phases'])
  await expect(page).toHaveURL(/\?example=mergelocals$/)
})

test('a bad file path gives a clear message and keeps the app usable', async ({ page }) => {
  await page.goto('/?file=/no/such/file.go')
  await expect(page.getByTestId('error-banner')).toHaveText('/no/such/file.go: no such file')
  await page.getByTestId('path-input').fill(join(examples, 'heapagg.go'))
  await page.getByTestId('path-input').press('Enter')
  await expect(functionNames(page)).toHaveCount(5)
  await expect(page.getByTestId('error-banner')).toHaveCount(0)
  await snap(page, 'recovered-after-bad-path')
})

test('keyboard shortcuts dialog', async ({ page }) => {
  await page.goto('/?example=heapagg')
  await expect(functionNames(page)).toHaveCount(5)
  await page.locator('body').press('?')
  await expect(page.getByTestId('shortcuts')).toBeVisible()
  await snap(page, 'shortcuts')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('shortcuts')).toHaveCount(0)
  // A key event aimed at the window itself (no element target) must work too.
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1' })))
  await expect(page.getByTestId('shortcuts')).toBeVisible()
})

test('the page runs under the strict CSP', async ({ page }) => {
  const response = await page.goto('/?example=heapagg')
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  await expect(functionNames(page)).toHaveCount(5)
  expect(violations).toEqual([])
})

test('escape pane: gc decisions for the file, a function’s locations, and why a variable escapes', async ({ page }) => {
  await page.goto('/?example=heapagg&view=escape')
  const pane = page.getByTestId('escape-panel')
  // Without a selection: gc's -m decisions for the whole file.
  await expect(page.getByTestId('escape-decisions')).toContainText('moved to heap: a')
  await expect(page.getByTestId('escape-decisions')).toContainText('func literal escapes to heap')
  await page.locator('[data-func="closure"] button').click()
  const locations = page.getByTestId('escape-locations')
  await expect(locations.locator('tr[data-name="a"]')).toContainText('moved to heap')
  await locations.locator('tr[data-name="a"]').click()
  const why = page.getByTestId('escape-why')
  await expect(why).toContainText('func literal ← &a')
  await expect(why).toContainText('~r0 ← &func literal')
  await expect(why).toContainText('captured by a closure')
  await expect(page.getByTestId('escape-gc-text')).toContainText('a escapes to heap in closure:')
  // Choosing a location shows its declaration in the editor.
  await expect(page.locator('.cm-activeLine')).toContainText('var a int64')
  await expect(pane).toBeVisible()
  await snap(page, 'escape-why')
})
