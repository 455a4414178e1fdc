// The pass debugger, clicked through as a user would: timeline and keys,
// the listing with diffs and sticky colours, history, rule stepping, source
// and assembly links, deep links. Screenshots go to e2e/screenshots.

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

const listing = (page: Page) => page.getByTestId('ssa-listing')
const row = (page: Page, id: string) => listing(page).locator(`.row[data-id="${id}"]`).first()
const currentPass = (page: Page) => page.getByTestId('listing-pass')
const passItem = (page: Page, name: string) => page.getByTestId('pass-timeline').locator(`li[data-pass="${name}"]`)

async function openHalf(page: Page, extra = ''): Promise<void> {
  await page.goto(`/?example=heapagg&func=half${extra}`)
  await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
}

test('the shipped example opens on its one runtime.mallocgc call', async ({ page }) => {
  await page.goto('/?example=heapagg&func=half&view=ssa&pass=opt')
  await expect(currentPass(page)).toHaveText('opt')
  await expect(passItem(page, 'opt')).toHaveClass(/current/)
  const calls = listing(page).locator('.row.value', { hasText: 'runtime.mallocgc' })
  await expect(calls).toHaveCount(1)
  await expect(calls).toContainText('StaticLECall <unsafe.Pointer,mem> {AuxCall{runtime.mallocgc}} [32]')
  // No call to runtime.newobject: the four escaping scalars share the one allocation.
  await expect(listing(page).locator('.row.value', { hasText: 'runtime.newobject' })).toHaveCount(0)
  await expect(page).toHaveURL(/\?example=heapagg&func=half&pass=opt$/)
  await snap(page, 'debugger-heapagg-opt')
})

test('timeline: every pass with its status; n/b, F10, f/r, Home/End, g and the scrubber step through them', async ({ page }) => {
  await openHalf(page)
  const timeline = page.getByTestId('pass-timeline')
  await expect(currentPass(page)).toHaveText('start')
  // Statuses: every pass of gc's list is modelled (none shows n/m); unchanged and changed ones are told apart.
  await expect(timeline.locator('li.not-modeled')).toHaveCount(0)
  await expect(passItem(page, 'sccp')).toBeVisible()
  await expect(passItem(page, 'opt')).toHaveClass(/unchanged/)
  await expect(passItem(page, 'lower')).toHaveClass(/changed/)
  await expect(passItem(page, 'stack frame')).toBeVisible()
  await page.keyboard.press('n')
  await expect(currentPass(page)).toHaveText('number lines')
  await page.keyboard.press('F10')
  await expect(currentPass(page)).toHaveText('early phielim and copyelim')
  await page.keyboard.press('Shift+F10')
  await page.keyboard.press('b')
  await expect(currentPass(page)).toHaveText('start')
  // f skips passes that changed nothing (and not-modelled ones): start → number lines → early deadcode → expand calls.
  await page.keyboard.press('f')
  await expect(currentPass(page)).toHaveText('number lines')
  await page.keyboard.press('f')
  await expect(currentPass(page)).toHaveText('early deadcode')
  await page.keyboard.press('f')
  await expect(currentPass(page)).toHaveText('expand calls')
  await page.keyboard.press('r')
  await expect(currentPass(page)).toHaveText('early deadcode')
  await page.keyboard.press('End')
  await expect(currentPass(page)).toHaveText('stack frame')
  await page.keyboard.press('Home')
  await expect(currentPass(page)).toHaveText('start')
  // g: a fuzzy jump.
  await page.keyboard.press('g')
  await page.getByTestId('goto-input').fill('lcse')
  await expect(page.getByTestId('goto-pass').locator('li').first()).toContainText('lowered cse')
  await snap(page, 'debugger-goto')
  await page.keyboard.press('Enter')
  await expect(currentPass(page)).toHaveText('lowered cse')
  await expect(page.getByTestId('goto-pass')).toHaveCount(0)
  // The scrubber and a click on the timeline.
  await page.getByTestId('pass-scrubber').fill('32')
  await expect(currentPass(page)).toHaveText('lower')
  await timeline.locator('li[data-pass="regalloc"]').click()
  await expect(currentPass(page)).toHaveText('regalloc')
  // The pass is in the deep link and restored from it.
  await expect(page).toHaveURL(/pass=regalloc/)
  await page.reload()
  await expect(currentPass(page)).toHaveText('regalloc')
  await snap(page, 'debugger-timeline-regalloc')
})

test('listing: gc notation, diff against the previous pass, removed values struck through, DEAD dimmed', async ({ page }) => {
  await openHalf(page, '&pass=lower')
  await expect(currentPass(page)).toHaveText('lower')
  await expect(page.getByTestId('listing-status')).toHaveText('changed')
  await expect(row(page, 'v11')).toContainText('v11 = CALLstatic <unsafe.Pointer,mem> {AuxCall{runtime.mallocgc}} [32]')
  await expect(row(page, 'v11')).toHaveClass(/changed/)
  // Added values are marked; removed ones are shown struck through at their old place, and can be hidden.
  await expect(listing(page).locator('.row.value.added').first()).toBeVisible()
  const removed = listing(page).locator('.row.value.removed')
  await expect(removed.first()).toBeVisible()
  const removedCount = await removed.count()
  expect(removedCount).toBeGreaterThan(0)
  await expect(removed.first()).toHaveCSS('text-decoration-line', 'line-through')
  await snap(page, 'debugger-listing-lower-diff')
  await page.getByTestId('show-removed').uncheck()
  await expect(listing(page).locator('.row.removed')).toHaveCount(0)
  await page.getByTestId('show-removed').check()
  await page.getByTestId('show-removed').blur()
  // Block ends in gc's notation, with likely/unlikely.
  await expect(listing(page).locator('.row.end', { hasText: '(unlikely)' }).first()).toBeVisible()
  // After lower, values nothing needs any more are DEAD until deadcode removes them.
  await page.keyboard.press('Home')
  await page.keyboard.press('n')
  await page.keyboard.press('n')
  await page.keyboard.press('n')
  await expect(currentPass(page)).toHaveText('early deadcode')
  await page.keyboard.press('b')
  await expect(listing(page).locator('.row.value.dead').first()).toContainText('DEAD')
  await expect(listing(page).locator('.row.value.dead').first()).toHaveCSS('opacity', '0.5')
})

test('a clicked value keeps its colour in every pass and pane; hover shows uses; u lists them; Esc clears', async ({ page }) => {
  await openHalf(page, '&pass=expand calls')
  await row(page, 'v11').locator('.vid').click()
  const pinned = row(page, 'v11').locator('.vid')
  const colour = await pinned.evaluate((e) => getComputedStyle(e).backgroundColor)
  expect(colour).not.toBe('rgba(0, 0, 0, 0)')
  // Its uses carry the same colour: v12 and v13 select from the call.
  await expect(row(page, 'v13').locator('.tok', { hasText: /^v11$/ })).toHaveCSS('background-color', colour)
  // The same value, same colour, many passes later (ids are never reused).
  await page.keyboard.press('End')
  await expect(currentPass(page)).toHaveText('stack frame')
  await expect(row(page, 'v11').locator('.vid')).toHaveCSS('background-color', colour)
  // …and in the assembly: its CALL line is marked.
  const asmLine = page.getByTestId('asm-listing').locator('.line[data-owner="v11"]')
  await expect(asmLine).toContainText('CALL\truntime.mallocgc(SB)'.replace('\t', ' '))
  await expect(asmLine).toHaveClass(/hit/)
  // A second value gets a different colour.
  await row(page, 'v13').locator('.vid').click()
  const second = await row(page, 'v13').locator('.vid').evaluate((e) => getComputedStyle(e).backgroundColor)
  expect(second).not.toBe(colour)
  // Hover: definition and uses in the footer.
  await row(page, 'v11').locator('.vid').hover()
  await expect(page.getByTestId('ssa-hover')).toContainText('v11 = CALLstatic')
  await expect(page.getByTestId('ssa-hover')).toContainText('uses: v')
  // u: the selected value's uses in the inspector.
  await row(page, 'v11').locator('.vid').click({ modifiers: ['Alt'] }) // unpin without changing the selection
  await row(page, 'v11').locator('.vid').click()
  await page.keyboard.press('u')
  await expect(page.getByTestId('uses-list').locator('li').first()).toBeVisible()
  await snap(page, 'debugger-pins-and-uses')
  await page.keyboard.press('Escape')
  await expect(row(page, 'v11').locator('.vid')).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
  await expect(page.getByTestId('value-inspector')).toContainText('Click a value')
})

test('search: / finds values by id, op, type, aux or regex, with next and previous', async ({ page }) => {
  await openHalf(page, '&pass=lower')
  await page.keyboard.press('/')
  await expect(page.getByTestId('ssa-search')).toBeFocused()
  await page.keyboard.type('MOVQload')
  await expect(page.getByTestId('ssa-matches')).toHaveText(/^1\/\d+$/)
  const total = Number((await page.getByTestId('ssa-matches').textContent())!.split('/')[1])
  expect(total).toBeGreaterThan(1)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('ssa-matches')).toHaveText(`2/${total}`)
  await page.keyboard.press('Shift+Enter')
  await expect(page.getByTestId('ssa-matches')).toHaveText(`1/${total}`)
  await expect(listing(page).locator('.row.match').first()).toBeVisible()
  await page.getByTestId('ssa-search').fill('/CALL(static|closure)/')
  await expect(page.getByTestId('ssa-matches')).toHaveText('1/1')
  await page.getByTestId('ssa-search').fill('v11')
  await expect(page.getByTestId('ssa-matches')).toHaveText('1/1')
  await snap(page, 'debugger-search')
})

test('value history: created, changed by which rule, register at the end; each entry is a link', async ({ page }) => {
  await openHalf(page, '&pass=start&value=v11')
  await page.keyboard.press('h')
  const history = page.getByTestId('value-history')
  await expect(history.locator('li[data-kind="created"]')).toContainText('StaticLECall')
  const lowered = history.locator('li[data-kind="changed"]', { hasText: 'CALLstatic' }).first()
  await expect(lowered).toContainText('lower')
  await expect(lowered).toContainText('=>')
  await expect(history.locator('li[data-kind="final"]')).toContainText('lives in')
  await snap(page, 'debugger-history')
  await lowered.locator('button.pass').click()
  await expect(currentPass(page)).toHaveText('lower')
  await expect(row(page, 'v11')).toHaveClass(/selected/)
})

test('rule stepping: . and , walk through lower one rule at a time', async ({ page }) => {
  await openHalf(page, '&pass=lower')
  await expect(page.getByTestId('rule-bar')).toContainText('rule applications')
  await page.keyboard.press('.')
  await expect(page.getByTestId('rule-count')).toHaveText(/^rule 1 \/ \d+$/)
  const first = await page.getByTestId('rule-text').textContent()
  expect(first).toMatch(/=>/)
  await page.keyboard.press('.')
  await page.keyboard.press('.')
  await expect(page.getByTestId('rule-count')).toHaveText(/^rule 3 \//)
  // The matched value, before and after, and the listing between the pass's states: the current row is marked.
  await expect(page.getByTestId('rule-change')).toContainText('⇒')
  await expect(listing(page).locator('.row.current').first()).toBeVisible()
  await snap(page, 'debugger-rule-step')
  await page.keyboard.press(',')
  await expect(page.getByTestId('rule-count')).toHaveText(/^rule 2 \//)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('rule-count')).toHaveCount(0)
})

test('source and assembly links: a source line lights up its values; a value lights up its line; an assembly line selects its value', async ({ page }) => {
  await openHalf(page, '&pass=lower')
  // The gutter counts the line's values in this pass.
  await page.locator('.cm-line', { hasText: 'func half(a int64, c int16) {' }).click()
  const hits = listing(page).locator('.row.line-hit')
  await expect(hits.first()).toBeVisible()
  expect(await hits.count()).toBeGreaterThan(0)
  await expect(page.locator('.cm-value-count').first()).toBeVisible()
  // A value selects its source line.
  await row(page, 'v11').locator('.vid').click()
  await expect(page.locator('.cm-ssa-line')).toContainText('func half(a int64, c int16) {')
  // An assembly line selects its value.
  await page.getByTestId('asm-listing').locator('.line[data-owner="v11"]').click()
  await expect(row(page, 'v11')).toHaveClass(/selected/)
  await snap(page, 'debugger-source-asm-links')
  // The assembly as a main view.
  await page.keyboard.press('2')
  await expect(page).toHaveURL(/view=asm/)
  await expect(page.getByTestId('asm-view')).toContainText('TEXT')
})

test('arch switch: the same function on ppc64, from the key and the deep link', async ({ page }) => {
  await openHalf(page, '&pass=lower')
  await page.keyboard.press('a')
  await expect(page).toHaveURL(/arch=ppc64/)
  await expect(page.getByTestId('trace-status')).toContainText('ppc64')
  await expect(row(page, 'v11')).toContainText('CALLstatic')
  await expect(page.getByTestId('asm-listing')).toContainText('BL')
  await page.goto('/?example=mergelocals&func=Phases&arch=ppc64&pass=lower')
  await expect(listing(page).locator('.row.value', { hasText: 'MOVDaddr' }).first()).toBeVisible()
  await snap(page, 'debugger-ppc64-movdaddr')
})

test('errors where they happened: an unsupported construct is marked at its function, which stays listed', async ({ page }) => {
  await page.goto('/?example=heapagg&func=half')
  await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
  // Add a function the subset refuses (complex numbers are outside it).
  await page.locator('.cm-line').last().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\nfunc Cx() int { var z complex128; _ = z; return 1 }\n')
  await expect(page.getByTestId('diagnostics')).toContainText('unsupported: complex type')
  await expect(page.locator('[data-func="Cx"] [data-testid="no-trace"]')).toBeVisible()
  await page.locator('[data-func="Cx"] button').click()
  await expect(page.getByTestId('trace-failure')).toContainText(/heapagg.go:\d+:\d+: unsupported: complex type/)
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1)
  await snap(page, 'debugger-unsupported')
  // The other functions say why they have no SSA now…
  await page.locator('[data-func="half"] button').click()
  await expect(page.getByTestId('trace-error')).toContainText('has errors')
  // …and come back when the file is clean again.
  await expect(async () => {
    await page.locator('.cm-content').press('Control+z')
    await expect(page.getByTestId('diagnostics')).toContainText('No problems.', { timeout: 1000 })
  }).toPass()
  await expect(page.getByTestId('pass-timeline').locator('li')).toHaveCount(56)
})

test('a failed pass is shown where it happened; the passes before it stay browsable', async ({ page }) => {
  // The server runs with SSASCOPE_FAIL_PASS=FailsInProve:prove (playwright.config.ts).
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-e2e-'))
  const file = join(dir, 'fails.go')
  writeFileSync(file, 'package p\n\nfunc FailsInProve(s []int, i int) int {\n\tif i < len(s) {\n\t\treturn s[i] * 2\n\t}\n\treturn 0\n}\n')
  await page.goto(`/?file=${encodeURIComponent(file)}&func=FailsInProve&pass=prove`)
  const failed = passItem(page, 'prove')
  await expect(failed).toHaveClass(/failed/)
  await expect(failed).toContainText('failed')
  await expect(currentPass(page)).toHaveText('prove')
  await expect(page.getByTestId('pass-failed')).toContainText('prove failed: injected failure')
  // Nothing runs after a failed pass: the timeline ends there.
  await expect(page.getByTestId('pass-timeline').locator('li').last()).toHaveAttribute('data-pass', 'prove')
  await expect(page.getByTestId('asm-missing')).toBeVisible()
  await snap(page, 'debugger-failed-pass')
  // The snapshots before it are intact.
  await page.keyboard.press('r')
  await expect(currentPass(page)).not.toHaveText('prove')
  await expect(page.getByTestId('pass-failed')).toHaveCount(0)
  await expect(listing(page).locator('.row.value').first()).toBeVisible()
  // A pass after it, asked for by a deep link, says why it is not there.
  await page.goto(`/?file=${encodeURIComponent(file)}&func=FailsInProve&pass=lower`)
  await expect(page.getByTestId('pass-missing')).toContainText('lower did not run')
})
