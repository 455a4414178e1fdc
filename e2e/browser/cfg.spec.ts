// The CFG view, clicked through: deep links, blocks keeping their places
// while stepping, selection both ways with the listing, diff colours, loops,
// blocks opened in place, and the 10,000-value function. The canvas cannot be
// read, so the view publishes its blocks' rendered positions and classes in a
// hidden element (data-testid=cfg-state). Screenshots go to e2e/screenshots.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { bigFunctionProgram } from '../../src-main/bench/programs'
import { snap } from '../helpers'

type Blocks = Record<string, { x: number; y: number; cls: string; border: string }>

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => {
    throw new Error(`uncaught page error: ${e.message}`)
  })
})

const constructs = resolve('testdata/ssa/constructs.go')
const loops = resolve('testdata/escape/loops.go')
const cfgPass = (page: Page) => page.getByTestId('cfg-pass')

/** The blocks on screen once the view has settled on `pass`. */
async function blocks(page: Page, pass?: string): Promise<Blocks> {
  const state = page.getByTestId('cfg-state')
  if (pass) await expect(state).toHaveAttribute('data-pass', pass)
  await expect(state).not.toHaveAttribute('data-blocks', '{}')
  // The state is written a moment after the picture changes: wait until it stops changing.
  let last = ''
  for (;;) {
    await page.waitForTimeout(200)
    const now = (await state.getAttribute('data-blocks')) ?? '{}'
    if (now === last) return JSON.parse(now) as Blocks
    last = now
  }
}

async function clickBlock(page: Page, id: string, dbl = false): Promise<void> {
  const b = (await blocks(page))[id]
  expect(b, `${id} on screen`).toBeDefined()
  const box = (await page.getByTestId('cfg-canvas').boundingBox())!
  if (dbl) await page.mouse.dblclick(box.x + b!.x, box.y + b!.y)
  else await page.mouse.click(box.x + b!.x, box.y + b!.y)
}

test('opens from a deep link on its pass, with the loops of nestedLoops marked', async ({ page }) => {
  await page.goto(`/?file=${loops}&func=nestedLoops&view=cfg&pass=opt`)
  await expect(page.getByTestId('cfg-view')).toBeVisible()
  await expect(cfgPass(page)).toHaveText('opt')
  await expect(page.getByTestId('view-tabs').locator('[data-view=cfg]')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('cfg-counts')).toContainText('2 loops')
  const b = await blocks(page, 'opt')
  const headers = Object.entries(b).filter(([, v]) => v.cls.split(' ').includes('header'))
  expect(headers).toHaveLength(2)
  // Headers are drawn in the accent colour, the outer loop's above the inner's.
  for (const [, v] of headers) expect(v.border).toBe('rgb(98,176,255)')
  const [outer, inner] = headers.sort((x, y) => x[1].y - y[1].y)
  expect(outer![1].y).toBeLessThan(inner![1].y)
  await expect(page).toHaveURL(/view=cfg/)
  await expect(page).toHaveURL(/pass=opt/)
  await snap(page, 'cfg-loops')
  // The same state after a reload.
  await page.reload()
  await expect(cfgPass(page)).toHaveText('opt')
  expect(Object.keys(await blocks(page, 'opt')).sort()).toEqual(Object.keys(b).sort())
})

test('a block keeps its place on screen while stepping with n; removed blocks go, added ones appear', async ({ page }) => {
  await page.goto(`/?file=${constructs}&func=labels&view=cfg`)
  let before = await blocks(page, 'start')
  const zoom = await page.getByTestId('cfg-zoom').textContent()
  const seen = { removed: 0, added: 0, kept: 0 }
  const names: string[] = []
  // Through short circuit (removes b1, b13), critical (adds a block), layout and trim.
  for (let i = 0; i < 55; i++) {
    await page.keyboard.press('n')
    const name = (await page.getByTestId('pass-timeline').locator('li.current').getAttribute('data-pass'))!
    names.push(name)
    if (!['short circuit', 'critical', 'layout', 'loop rotate', 'trim'].includes(name)) continue
    const now = await blocks(page, name)
    for (const [id, p] of Object.entries(now)) {
      if (!before[id]) {
        seen.added++
        continue
      }
      expect([p.x, p.y], `${id} at ${name}`).toEqual([before[id]!.x, before[id]!.y])
      seen.kept++
    }
    seen.removed += Object.keys(before).filter((id) => !now[id]).length
    before = now
    if (name === 'short circuit') await snap(page, 'cfg-step-short-circuit')
  }
  expect(names).toContain('trim')
  expect(seen.removed).toBeGreaterThan(0)
  expect(seen.added).toBeGreaterThan(0)
  expect(seen.kept).toBeGreaterThan(20)
  // The view did not move or zoom.
  await expect(page.getByTestId('cfg-zoom')).toHaveText(zoom!)
  await snap(page, 'cfg-trim')
})

test('clicking a block selects it in the listing, and a value picked in the listing marks its block', async ({ page }) => {
  await page.goto(`/?file=${constructs}&func=labels&view=cfg&pass=opt`)
  await clickBlock(page, 'b7')
  await expect(page).toHaveURL(/value=b7/)
  expect((await blocks(page))['b7']!.cls.split(' ')).toContain('sel')
  // The block's line in the source.
  await expect(page.locator('.cm-ssa-line')).toContainText('for j, v := range row')
  await page.keyboard.press('1')
  await expect(page.getByTestId('ssa-listing').locator('.row.block.selected[data-id="b7"]')).toBeVisible()
  // The other way: a value clicked in the listing lights up its block, with its sticky colour.
  const phi = page.getByTestId('ssa-listing').locator('.row.value', { hasText: 'Phi' }).first()
  const id = (await phi.getAttribute('data-id'))!
  await phi.locator('.vid').click()
  await expect(page).toHaveURL(new RegExp(`value=${id}`))
  await page.keyboard.press('4')
  const b = await blocks(page, 'opt')
  const holder = Object.entries(b).find(([, v]) => v.cls.split(' ').includes('holds'))
  expect(holder, 'the block holding the value').toBeDefined()
  expect(holder![1].cls).toMatch(/\bpin0\b/)
  await expect(page.locator('.chip')).toHaveCount(1)
  await snap(page, 'cfg-selection')
})

test('double-click opens a block in place: its values in gc notation, clickable', async ({ page }) => {
  await page.goto(`/?file=${constructs}&func=labels&view=cfg&pass=lower`)
  await clickBlock(page, 'b7', true)
  const card = page.getByTestId('cfg-card')
  await expect(card).toHaveCount(1)
  await expect(card.locator('.row.block')).toContainText('b7:')
  await expect(card.locator('.row.end')).toContainText('→ b8')
  const value = card.locator('.row.value').first()
  await expect(value).toContainText(/v\d+ = \w+ </)
  const id = (await value.getAttribute('data-id'))!
  await value.locator('.vid').click()
  await expect(page).toHaveURL(new RegExp(`value=${id}`))
  await expect(value.locator('.vid')).toHaveCSS('background-color', 'rgb(255, 216, 102)')
  await snap(page, 'cfg-card')
  await card.getByRole('button', { name: '×' }).click()
  await expect(card).toHaveCount(0)
})

test('diff mode colours what short circuit added, changed and removed', async ({ page }) => {
  await page.goto(`/?file=${constructs}&func=labels&view=cfg&pass=short+circuit`)
  let b = await blocks(page, 'short circuit')
  expect(b['b1']).toBeUndefined()
  await page.getByTestId('cfg-diff').check()
  await expect(async () => {
    b = await blocks(page)
    expect(b['b1']?.cls).toMatch(/\bremoved\b/)
  }).toPass()
  expect(b['b1']!.border).toBe('rgb(224,101,101)')
  expect(b['b13']!.cls).toMatch(/\bremoved\b/)
  expect(b['b11']!.cls).toMatch(/\bchanged\b/)
  expect(b['b11']!.border).toBe('rgb(224,176,80)')
  expect(b['b7']!.cls).not.toMatch(/\b(added|changed|removed)\b/)
  // The canvas shows it: the removed block's red border, where the state says it is.
  const box = (await page.getByTestId('cfg-canvas').boundingBox())!
  const shot = await page.screenshot({ clip: { x: box.x + b['b1']!.x - 70, y: box.y + b['b1']!.y - 30, width: 140, height: 60 } })
  expect(await reddish(page, shot)).toBe(true)
  await snap(page, 'cfg-diff')
  // The next pass marks nothing removed any more.
  await page.keyboard.press('n')
  b = await blocks(page, 'decompose user')
  expect(Object.values(b).some((v) => /\bremoved\b/.test(v.cls))).toBe(false)
})

/** Whether a PNG has pixels of the removed colour (--st-removed, #e06565). */
async function reddish(page: Page, png: Buffer): Promise<boolean> {
  return page.evaluate(async (data) => {
    const img = new Image()
    img.src = `data:image/png;base64,${data}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.width
    c.height = img.height
    const g = c.getContext('2d')!
    g.drawImage(img, 0, 0)
    const px = g.getImageData(0, 0, c.width, c.height).data
    let n = 0
    // Dimmed (the removed block is drawn at 55% opacity), but clearly red.
    for (let i = 0; i < px.length; i += 4) if (px[i]! > 100 && px[i]! > px[i + 1]! + 45 && px[i]! > px[i + 2]! + 45) n++
    return n > 20
  }, png.toString('base64'))
}

test('the 10,000-value function renders, steps and keeps its blocks in place', async ({ page }) => {
  test.setTimeout(240_000)
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-cfg-'))
  const file = join(dir, 'big.go')
  writeFileSync(file, bigFunctionProgram(10_000))
  await page.goto(`/?file=${file}&func=big&view=cfg`)
  await expect(page.getByTestId('trace-status')).toBeVisible({ timeout: 200_000 })
  await expect(page.getByTestId('cfg-counts')).toContainText(/^\d{4} blocks/)
  const start = await blocks(page, 'start')
  expect(Object.keys(start).length).toBeGreaterThan(2500)
  await expect(page.getByTestId('cfg-minimap')).toBeVisible()
  await snap(page, 'cfg-big')
  await page.keyboard.press('End')
  const end = await blocks(page, 'stack frame')
  const kept = Object.keys(end).filter((id) => start[id])
  expect(kept.length).toBeGreaterThan(1000)
  for (const id of kept) expect([end[id]!.x, end[id]!.y], id).toEqual([start[id]!.x, start[id]!.y])
  // The overview moves the view: a click near its bottom brings the function's end up.
  const mini = (await page.getByTestId('cfg-minimap').boundingBox())!
  await page.mouse.click(mini.x + mini.width / 2, mini.y + mini.height - 2)
  await expect(async () => {
    const b = await blocks(page)
    expect(b['b1']!.y).toBeLessThan(end['b1']!.y - 50_000)
  }).toPass()
  await snap(page, 'cfg-big-end')
})
