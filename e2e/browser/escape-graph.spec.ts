// The escape graph (view=escape) and the editor's marker gutter, clicked
// through as a user would: why a variable escapes, root walks, batches with
// closures and recursion, allocation calls into the SSA listing, and the
// gutter's messages opening the views that explain them. Screenshots go to
// e2e/screenshots.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { bigFunctionProgram } from '../../src-main/bench/programs'
import { snap } from '../helpers'

const escapeData = resolve(__dirname, '..', '..', 'testdata', 'escape')
const fileLink = (name: string, rest: string) => `/?file=${encodeURIComponent(`${escapeData}/${name}`)}&${rest}`

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
})

const graph = (page: Page) => page.getByTestId('escape-graph')
const locations = (page: Page) => page.getByTestId('escape-locations')
const row = (page: Page, name: string, fn?: string) => (fn ? locations(page).locator(`tbody[data-fn="${fn}"]`) : locations(page)).locator(`tr[data-name="${name}"]`)

interface CyNode {
  id: string
  label: string
  classes: string[]
  parent: string | null
}

/** The graph as Cytoscape holds it (the canvas has no DOM to query). */
async function cyNodes(page: Page): Promise<CyNode[]> {
  return graph(page).evaluate((el) => {
    const cy = (el as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy
    return cy.nodes('[loc]').map((n) => ({ id: n.id(), label: String(n.data('label')), classes: n.classes(), parent: n.isChild() ? n.parent().first().id() : null }))
  })
}

async function cyPath(page: Page): Promise<string[]> {
  return graph(page).evaluate((el) => {
    const cy = (el as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy
    return cy.edges('.onpath').map((e) => `${e.source().data('label').split('\n')[0]} → ${e.target().data('label').split('\n')[0]}: ${e.data('note')}`)
  })
}

/** Clicks (or double-clicks) a location's node where Cytoscape drew it. */
async function clickNode(page: Page, name: string, opts: { double?: boolean } = {}): Promise<void> {
  const g = graph(page)
  const p = await g.evaluate((el, n) => {
    const cy = (el as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy
    const node = cy.nodes('[loc]').filter((x) => String(x.data('label')).split('\n')[0] === n)
    return node.renderedPosition()
  }, name)
  if (opts.double) await g.dblclick({ position: p })
  else await g.click({ position: p })
}

async function hoverMarks(page: Page, line: number): Promise<Locator> {
  const lineEl = page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: new RegExp(`^${line}$`) })
  const box = (await lineEl.boundingBox())!
  const gutter = (await page.locator('.cm-marks-gutter').boundingBox())!
  await page.mouse.move(gutter.x + gutter.width / 2, box.y + box.height / 2)
  return page.getByTestId('gutter-tooltip')
}

test('heapagg closure: why a escapes, its path lit up on the graph with gc’s notes, the -m=2 text beside it', async ({ page }) => {
  await page.goto('/?example=heapagg&func=closure&view=escape')
  await expect(row(page, 'a')).toContainText('moved to heap')
  await expect(row(page, '~r0')).toContainText('stays on the stack')
  const nodes = await cyNodes(page)
  expect(nodes.map((n) => n.label.split('\n')[0]).sort()).toEqual(['a', 'b', 'c', 'd', 'func literal', '{heap}', '~r0'].sort())
  expect(nodes.find((n) => n.label.startsWith('a\n'))!).toMatchObject({ parent: 'f:closure', classes: expect.arrayContaining(['heap']) })
  // {heap} is the root by default: its walk reached only itself.
  expect(nodes.find((n) => n.label.startsWith('{heap}'))!.classes).toContain('root')
  await clickNode(page, 'a')
  const why = page.getByTestId('escape-why')
  await expect(why).toContainText('func literal ← &a')
  await expect(why).toContainText('~r0 ← &func literal')
  await expect(why).toContainText('captured by a closure')
  await expect(why).toContainText('its address reaches ~r0, a result of closure: results outlive the call')
  await expect(page.getByTestId('escape-gc-text')).toContainText('a escapes to heap in closure:')
  await expect(page.getByTestId('escape-gc-text')).toContainText('closure capturing by ref: a (addr=false assign=true width=8)')
  expect((await cyPath(page)).sort()).toEqual(['a → func literal: & captured by a closure, reference', 'func literal → ~r0: & spill, return'])
  // Choosing a location shows its declaration in the editor.
  await expect(page.locator('.cm-activeLine')).toContainText('var a int64')
  await expect(row(page, 'a')).toHaveClass(/chosen/)
  await snap(page, 'escape-graph-closure')
  // Clicking the background lets go of it.
  await graph(page).click({ position: { x: 5, y: 5 } })
  await expect(page.getByTestId('escape-why')).toHaveCount(0)
  expect(await cyPath(page)).toEqual([])
})

test('root switching: each location shows the derefs distance of the chosen root’s walk', async ({ page }) => {
  await page.goto('/?example=heapagg&func=closure&view=escape')
  await expect(row(page, 'a')).toBeVisible()
  await page.getByTestId('escape-root').selectOption({ label: 'func literal' })
  for (const v of ['a', 'b', 'c', 'd']) await expect(row(page, v).locator('.dist')).toHaveText('−1 &')
  await expect(row(page, 'func literal').locator('.dist')).toHaveText('0')
  await expect(row(page, '~r0').locator('.dist')).toHaveText('')
  await expect(locations(page).locator('thead th', { hasText: 'derefs' })).toHaveAttribute('title', /from func literal/)
  const nodes = await cyNodes(page)
  expect(nodes.find((n) => n.label.startsWith('a\n'))!.label).toBe('a\nvar · depth 1\nderefs −1 (&)')
  expect(nodes.find((n) => n.label.startsWith('~r0\n'))!.label).toBe('~r0\nresult · depth 1\nnot reached')
  await snap(page, 'escape-graph-root')
  // Double-clicking a node walks from it: ~r0 reached func literal's address.
  await clickNode(page, '~r0', { double: true })
  await expect(page.getByTestId('escape-root').locator('option:checked')).toHaveText('~r0')
  await expect(row(page, 'func literal').locator('.dist')).toHaveText('−1 &')
  await expect(row(page, '~r0').locator('.dist')).toHaveText('0')
  // And "walk from here" in the why pane does the same for the chosen location.
  await row(page, 'a').click()
  await page.getByTestId('escape-walk-from').click()
  await expect(row(page, 'a').locator('.dist')).toHaveText('0')
  await expect(row(page, 'b').locator('.dist')).toHaveText('')
})

test('an allocation links to its SSA call: the aggregated mallocgc of a, the newobject of the func literal', async ({ page }) => {
  await page.goto('/?example=heapagg&func=closure&view=escape')
  await expect(row(page, 'func literal').locator('.ssa-link')).toHaveText('v28')
  await expect(row(page, 'a').locator('.ssa-link')).toHaveText('v7')
  await row(page, 'a').click()
  await expect(page.getByTestId('escape-why')).toContainText('allocated by v7 runtime.mallocgc (16 bytes, with b, c, d)')
  await page.getByTestId('escape-alloc-link').click()
  await expect(page).not.toHaveURL(/view=/)
  const v7 = page.getByTestId('ssa-listing').locator('.row[data-id="v7"]').first()
  await expect(v7).toBeVisible()
  await expect(v7).toContainText('runtime.mallocgc')
  await expect(page).toHaveURL(/value=v7/)
})

test('a recursive batch is shown whole: ping and pong as groups, p leaking through pong’s result', async ({ page }) => {
  await page.goto(fileLink('calls.go', 'func=ping&view=escape'))
  await expect(page.getByTestId('escape-batch')).toHaveText(/batch of 2, recursive/)
  await expect(locations(page).locator('tbody[data-fn="ping"] .fn-note')).toHaveText('recursive')
  await expect(row(page, 'q', 'pong')).toContainText('leaking param')
  const parents = new Set((await cyNodes(page)).map((n) => n.parent))
  expect(parents).toEqual(new Set([null, 'f:ping', 'f:pong']))
  await row(page, 'p', 'ping').click()
  const why = page.getByTestId('escape-why')
  await expect(why).toContainText('p leaks to ~r0')
  await expect(why).toContainText('in a recursive batch that counts as a heap leak')
  await expect(why.getByTestId('escape-tag')).toContainText('p itself leaks to the heap')
  expect((await cyPath(page)).length).toBe(2)
  await snap(page, 'escape-graph-recursive')
})

test('closures: their locations under their own names, a capture two levels deep explained edge by edge', async ({ page }) => {
  await page.goto(fileLink('closures.go', 'func=nestedClosures&view=escape'))
  await expect(page.getByTestId('escape-batch')).toHaveText(/batch of 3/)
  await expect(locations(page).locator('tbody[data-fn="nestedClosures.func1"] .fn-note')).toHaveText('closure')
  await expect(locations(page).locator('tbody[data-fn="nestedClosures.func1.1"] .fn-note')).toHaveText('closure')
  await expect(row(page, 'func literal', 'nestedClosures.func1')).toContainText('escapes to heap')
  await expect(row(page, 'func literal', 'nestedClosures')).toContainText('does not escape')
  await row(page, 'x', 'nestedClosures').click()
  const why = page.getByTestId('escape-why')
  await expect(why).toContainText('moved to heap')
  await expect(why).not.toContainText('Nothing flows out of it')
  await expect(why).toContainText('func literal ← &x')
  await expect(why).toContainText('{heap} ← &func literal')
  await expect(why.locator('.shortcut').first()).toHaveText('at once')
  await snap(page, 'escape-graph-closures')
})

test('a function that is not in the file says so', async ({ page }) => {
  await page.goto('/?example=heapagg&func=nope&view=escape')
  await expect(page.getByTestId('escape-unknown')).toContainText('There is no function nope in examples/heapagg.go')
})

test('gutter: escape and allocation marks with their messages on hover; a click opens the escape view on the location', async ({ page }) => {
  await page.goto('/?example=heapagg&func=closure')
  await expect(page.getByTestId('ssa-listing')).toBeVisible()
  const line53 = page.locator('.cm-marks-gutter .cm-gutterElement').filter({ has: page.locator('.cm-mark-alloc[data-kind]') }).first()
  await expect(line53.locator('.cm-mark-escape')).toHaveClass(/cm-tone-heap/)
  const tip = await hoverMarks(page, 53)
  await expect(tip).toContainText('moved to heap: a')
  await expect(tip).toContainText('v7 = runtime.mallocgc(16 bytes): a@0 b@8 c@12 d@14, one allocation for 4 variables')
  await snap(page, 'gutter-hover')
  await tip.locator('.cm-marks-row', { hasText: 'moved to heap: a' }).click()
  await expect(page).toHaveURL(/view=escape/)
  await expect(page.getByTestId('escape-why')).toContainText('func literal ← &a')
  await expect(row(page, 'a')).toHaveClass(/chosen/)
  // The escape glyph of a line in another function selects that function.
  await page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^30$/ }).scrollIntoViewIfNeeded()
  await (await hoverMarks(page, 30)).locator('.cm-marks-row', { hasText: 'moved to heap: c' }).click()
  await expect(page).toHaveURL(/func=args/)
  await expect(page.getByTestId('escape-why')).toContainText('{heap} ← &c')
  await expect(row(page, 'c')).toHaveClass(/chosen/)
  // The allocation glyph opens the allocations view on the call.
  await hoverMarks(page, 40)
  await page.locator('.cm-marks-gutter .cm-mark-alloc[data-kind]').first().click()
  await expect(page).toHaveURL(/view=allocs/)
})

test('gutter: a bounds check left after prove opens the SSA view at prove on the check; a merged slot opens liveness', async ({ page }) => {
  await page.goto(fileLink('bounds.go', 'func=tooWide'))
  await expect(page.getByTestId('ssa-listing')).toBeVisible()
  const tip = await hoverMarks(page, 21)
  await expect(tip).toContainText(/index bounds check left after prove: v\d+ = IsInBounds/)
  await page.locator('.cm-marks-gutter .cm-mark-bounds[data-kind]').click()
  await expect(page).toHaveURL(/pass=prove/)
  await expect(page.getByTestId('listing-pass')).toHaveText('prove')
  const selected = page.getByTestId('ssa-listing').locator('.row.value', { hasText: 'IsInBounds' })
  await expect(selected).toHaveClass(/selected/)
  await page.goto('/?example=mergelocals&func=Phases&arch=amd64')
  await expect(page.getByTestId('ssa-listing')).toBeVisible()
  await expect(page.locator('.cm-marks-gutter .cm-mark-slot[data-kind]')).toHaveCount(2)
  const slot = await hoverMarks(page, 41)
  await expect(slot).toContainText(/b \(88 bytes\) shares a's stack slot/)
  await snap(page, 'gutter-slot')
  await slot.locator('.cm-marks-row').first().click()
  await expect(page).toHaveURL(/view=liveness/)
})

test('the 10,000-value function: its locations without flows in a grid, a bounds check left after prove on its lines', async ({ page }) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-e2e-'))
  const file = join(dir, 'big.go')
  writeFileSync(file, bigFunctionProgram(10_000))
  await page.goto(`/?file=${encodeURIComponent(file)}&func=big&view=escape`)
  await expect(row(page, 'xs')).toContainText('does not escape', { timeout: 60_000 })
  await expect(row(page, 'n')).toContainText('no pointers, no tag')
  await expect(page.getByTestId('escape-no-flows')).toBeVisible()
  expect((await cyNodes(page)).length).toBeGreaterThan(6)
  // The trace is there once the gutter shows the checks: xs[n%len(xs)] on line 12 keeps its check.
  await expect(page.locator('.cm-marks-gutter .cm-mark-bounds[data-kind]').first()).toBeVisible({ timeout: 90_000 })
  const tip = await hoverMarks(page, 12)
  await expect(tip).toContainText(/index bounds check left after prove: v\d+ = IsInBounds/)
  await snap(page, 'escape-graph-10k')
})
