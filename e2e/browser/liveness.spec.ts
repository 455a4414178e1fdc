// The liveness timeline: mergelocals candidates over gc's instruction
// numbering, amd64 above ppc64 for the same function. Phases merges on amd64
// and is evicted on ppc64 (its MOVDaddr still pending at the entry block's
// end); the testdata/mergelocals files; a 10,000-value function opens
// without freezing the window.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { bigFunctionProgram, manyLocalsProgram } from '../../src-main/bench/programs'
import { snap } from '../helpers'

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
})

const lane = (page: Page, arch: string) => page.locator(`[data-testid="liveness-lane"][data-arch="${arch}"]`)
const row = (page: Page, arch: string, name: string) => lane(page, arch).locator(`g[data-row="${name}"]`)
const testdata = (name: string) => join(process.cwd(), 'testdata', 'mergelocals', name)

test('Phases side by side: merged on amd64, a evicted on ppc64 with the pending MOVDaddr named', async ({ page }) => {
  await page.goto('/?example=mergelocals&func=Phases&view=liveness')
  await expect(lane(page, 'amd64').getByTestId('liveness-headline')).toHaveText('merged a + b · 88 bytes saved (88 nonpointer, 0 pointer)')
  await expect(lane(page, 'ppc64').getByTestId('liveness-headline')).toContainText('nothing merged: a evicted')
  // amd64: two bars in the group's colour, disjoint.
  await expect(row(page, 'amd64', 'a').locator('rect.bar')).toHaveCount(1)
  await expect(row(page, 'amd64', 'b').locator('rect.bar')).toHaveCount(1)
  await expect(row(page, 'amd64', 'a').locator('rect.bar')).toHaveAttribute('fill', 'var(--pin-0)')
  await expect(row(page, 'amd64', 'b').locator('rect.bar')).toHaveAttribute('fill', 'var(--pin-0)')
  await expect(row(page, 'amd64', 'a')).toHaveAttribute('data-status', 'leader')
  await expect(row(page, 'amd64', 'b')).toHaveAttribute('data-status', 'follower')
  // The zeroing goes through the LEAQ: an indirect use with the address value named.
  await expect(row(page, 'amd64', 'a').locator('g.mk[data-kind="indirect"]')).toHaveCount(1)
  // ppc64: a evicted at the end of the entry block, where its MOVDaddr still had two uses.
  const ev = row(page, 'ppc64', 'a').locator('g.eviction')
  await expect(ev).toHaveCount(1)
  const addr = (await ev.getAttribute('data-value'))!
  await expect(ev.locator('title')).toHaveText(`evicted at the end of b1: ${addr} still had 2 uses`)
  await expect(ev).toHaveAttribute('data-block', 'b1')
  await expect(row(page, 'ppc64', 'a').locator(`g.mk[data-kind="pending"][data-via="${addr}"]`)).toHaveCount(2)
  await expect(row(page, 'ppc64', 'a').locator('path.link.pending')).toHaveCount(2)
  await expect(row(page, 'ppc64', 'a')).toHaveAttribute('data-status', 'evicted')
  await expect(row(page, 'ppc64', 'b')).toHaveAttribute('data-status', 'dropped')
  await expect(lane(page, 'ppc64').locator('[data-note="b"]')).toContainText('dropped: fewer than two candidates left after evictions')
  await expect(lane(page, 'ppc64').locator('[data-note="a"]')).toContainText(`evicted: its address ${addr} still had 2 uses at the end of b1`)
  // Frames: b overlays a's slot on amd64; two slots on ppc64.
  await expect(lane(page, 'amd64').getByTestId('liveness-frame')).toContainText('frame: 88 bytes of locals')
  await expect(lane(page, 'amd64').getByTestId('liveness-frame')).toContainText('88 saved by merging')
  await expect(lane(page, 'ppc64').getByTestId('liveness-frame')).toContainText('frame: 176 bytes of locals')
  await snap(page, 'liveness-phases')
})

test('hovering an instruction shows its value in the listing and assembly; clicking pins it; the other lane makes its arch current', async ({ page }) => {
  await page.goto('/?example=mergelocals&func=Phases&view=liveness')
  const marker = row(page, 'amd64', 'a').locator('g.mk[data-kind="indirect"]')
  await expect(marker).toHaveCount(1)
  const id = (await marker.getAttribute('data-value'))!
  await marker.hover()
  await expect(page.getByTestId('liveness-hover')).toContainText(`${id} = LoweredZero`)
  await expect(page.getByTestId('liveness-hover')).toContainText('a: uses it through an address value via')
  // The assembly pane follows the hovered value.
  await expect(page.getByTestId('asm-listing').locator('.line.hit').first()).toHaveAttribute('data-owner', id)
  await marker.click()
  await page.mouse.move(5, 5)
  await expect(page).toHaveURL(new RegExp(`value=${id}$`))
  await page.keyboard.press('1')
  await page.keyboard.press('End')
  await expect(page.getByTestId('ssa-listing').locator(`.row[data-id="${id}"]`)).toHaveClass(/selected/)
  await page.keyboard.press('7')
  // Clicking an instruction on the ppc64 lane makes ppc64 current and selects it there.
  const pending = row(page, 'ppc64', 'a').locator('g.mk[data-kind="pending"]').first()
  const pid = (await pending.getAttribute('data-value'))!
  await pending.click()
  await expect(page).toHaveURL(new RegExp(`arch=ppc64.*value=${pid}$`))
  await expect(page.getByTestId('asm-listing').locator(`.line[data-owner="${pid}"]`).first()).toHaveClass(/hit/)
  // Each arch keeps its own selection and pins: amd64's pinned value stays marked in its lane.
  await expect(lane(page, 'amd64').locator('rect.sel-col')).toHaveCount(1)
  await expect(lane(page, 'ppc64').locator('rect.sel-col')).toHaveCount(1)
  await snap(page, 'liveness-phases-ppc64-current')
})

test('testdata/mergelocals: regions with two groups, unmerged overlaps, a region of one, a later-block address', async ({ page }) => {
  await page.goto(`/?file=${encodeURIComponent(testdata('regions.go'))}&func=Regions&view=liveness`)
  await expect(lane(page, 'amd64').getByTestId('liveness-headline')).toHaveText(/^merged big \+ small \+ w \+ p; bs \+ cs · /)
  await expect(row(page, 'amd64', 'bs').locator('rect.bar').first()).toHaveAttribute('fill', 'var(--pin-1)')
  // Every row in view: six candidates, two groups; the second region starts at bs.
  await expect(lane(page, 'amd64').locator('g[data-row]')).toHaveCount(6)
  await expect(row(page, 'amd64', 'bs').locator('line.region-line')).toHaveCount(1)
  await expect(lane(page, 'amd64').locator('g[data-row] line.region-line')).toHaveCount(1)
  // On ppc64 every candidate but p has a MOVDaddr still pending at its block's end.
  await expect(lane(page, 'ppc64').getByTestId('liveness-headline')).toHaveText('nothing merged: big, small, w, bs, cs evicted (an address pending at a block\'s end); fewer than two candidates after evictions')
  await expect(lane(page, 'ppc64').locator('g.eviction')).toHaveCount(5)
  await snap(page, 'liveness-regions')
  await page.goto(`/?file=${encodeURIComponent(testdata('mixed.go'))}&func=Many&view=liveness`)
  await expect(lane(page, 'amd64').locator('g[data-status="unmerged"]')).toHaveCount(5)
  await expect(lane(page, 'amd64').locator('[data-note="u1"]')).toContainText('live at the same time as')
  await page.goto(`/?file=${encodeURIComponent(testdata('alone.go'))}&func=Alone&view=liveness&arch=ppc64`)
  await expect(lane(page, 'ppc64').locator('[data-note="q"]')).toContainText('dropped: alone in its region')
  await expect(lane(page, 'ppc64').locator('.arch.on')).toHaveText('ppc64')
  // Address arithmetic: y's MOVDaddr and the ADD on it both pending at the end of their block.
  await page.goto(`/?file=${encodeURIComponent(testdata('basic.go'))}&func=Seq&view=liveness`)
  await expect(row(page, 'ppc64', 'y').locator('g.eviction')).toHaveCount(2)
  await expect(row(page, 'ppc64', 'y').locator('g.mk[data-kind="pending"] title').filter({ hasText: 'arithmetic on' })).toHaveCount(1)
  await snap(page, 'liveness-seq')
  await page.goto(`/?file=${encodeURIComponent(testdata('later.go'))}&func=Later&view=liveness`)
  await expect(lane(page, 'amd64').getByTestId('liveness-headline')).toContainText('merged t + u')
  await expect(row(page, 'ppc64', 't').locator('g.eviction')).toHaveCount(1)
  await snap(page, 'liveness-later')
})

test('the 10,000-value function opens without freezing; zoom draws only what is in view', async ({ page }) => {
  // Building its trace on both arches takes a while; the window must stay responsive meanwhile.
  test.setTimeout(180_000)
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-liveness-'))
  const file = join(dir, 'big.go')
  writeFileSync(file, bigFunctionProgram(10_000))
  await page.goto(`/?file=${encodeURIComponent(file)}&func=big&view=liveness`)
  await expect(lane(page, 'amd64').getByTestId('liveness-headline')).toContainText('no candidates', { timeout: 120_000 })
  await expect(lane(page, 'ppc64').getByTestId('liveness-headline')).toContainText('no candidates', { timeout: 120_000 })
  // Long tasks while the view is on screen and the user hovers and zooms.
  const longest = async (): Promise<number> =>
    page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] }
      const m = Math.max(0, ...w.longTasks)
      w.longTasks = []
      return m
    })
  await page.evaluate(() => {
    ;(window as unknown as { longTasks: number[] }).longTasks = []
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(e.duration)
    }).observe({ type: 'longtask' })
  })
  // The timeline itself: sweeping the other arch's lane and zooming draw only what is in view.
  const other = lane(page, 'ppc64').getByTestId('liveness-timeline')
  const obox = (await other.boundingBox())!
  for (let i = 0; i < 20; i++) await page.mouse.move(obox.x + 200 + i * 15, obox.y + 20)
  await expect(page.getByTestId('liveness-hover')).toContainText('ppc64 · #')
  await lane(page, 'ppc64').getByTestId('liveness-zoom-in').click()
  await lane(page, 'ppc64').getByTestId('liveness-zoom-in').click()
  // Block boundaries are thinned to what fits: far fewer lines than blocks.
  const lines = await lane(page, 'ppc64').locator('line.boundary').count()
  expect(lines).toBeLessThan(1000)
  expect(lines).toBeGreaterThan(10)
  expect(await lane(page, 'ppc64').locator('svg *').count()).toBeLessThan(2000)
  // A frozen window shows as a task of seconds; the figures themselves are in `npm run bench` (timings vary with the machine's load).
  expect(await longest()).toBeLessThan(1000)
  // The current arch's lane: the listing, assembly, source and history follow the pointer when it rests; nothing freezes.
  const timeline = lane(page, 'amd64').getByTestId('liveness-timeline')
  const box = (await timeline.boundingBox())!
  for (let i = 0; i < 20; i++) await page.mouse.move(box.x + 200 + i * 15, box.y + 20)
  await expect(page.getByTestId('liveness-hover')).toContainText('amd64 · #')
  await expect(page).toHaveURL(/value=v\d+$/)
  expect(await longest()).toBeLessThan(1000)
  await snap(page, 'liveness-big')
})

test('200 candidates: only the rows in view are drawn; scrolling brings the rest', async ({ page }) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-liveness-'))
  const file = join(dir, 'many.go')
  writeFileSync(file, manyLocalsProgram(200))
  await page.goto(`/?file=${encodeURIComponent(file)}&func=many&view=liveness`)
  await expect(lane(page, 'amd64').getByTestId('liveness-headline')).toContainText('5952 bytes saved', { timeout: 90_000 })
  const drawn = lane(page, 'amd64').locator('g[data-row]')
  expect(await drawn.count()).toBeLessThan(20)
  const notes = lane(page, 'amd64').getByTestId('liveness-notes').locator('li')
  await expect(notes).toHaveCount(200)
  // Rows in gc's order (pointers, alignment, size, name): the notes list them all.
  const first = (await notes.first().getAttribute('data-note'))!
  const last = (await notes.last().getAttribute('data-note'))!
  await expect(row(page, 'amd64', first)).toHaveCount(1)
  await expect(row(page, 'amd64', last)).toHaveCount(0)
  await lane(page, 'amd64').getByTestId('liveness-timeline').evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(row(page, 'amd64', last)).toHaveCount(1)
  await expect(row(page, 'amd64', first)).toHaveCount(0)
  expect(await drawn.count()).toBeLessThan(20)
  await snap(page, 'liveness-many')
})
