// Figures for the allocation and liveness views (`npm run bench`): their
// models on the generated 10,000-value function and on a function with 200
// mergelocals candidates, a viewport frame of the timeline, and in Chromium
// (browser mode, driven by Playwright) the time until both arches' lanes are
// drawn and the longest main-thread task while the pointer sweeps and zooms.
// The models are the renderer's own (src-renderer/src/trace/).

import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { ssaProgram } from '../compiler/ssagen'
import { projectRoot } from '../service/paths'
import { allocsModel } from '../../src-renderer/src/trace/allocs'
import { boundariesIn, livenessModel, markersIn } from '../../src-renderer/src/trace/liveness'
import { boundaryGap, fitPx, visibleInstrs, visibleRows, type Viewport } from '../../src-renderer/src/trace/timeline'
import { bigFunctionProgram, manyLocalsProgram } from './programs'

type Emit = (o: object) => void
const round = (x: number) => Math.round(x * 100) / 100

function median(runs: number, f: () => unknown): number {
  const xs: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    f()
    xs.push(performance.now() - t0)
  }
  xs.sort((a, b) => a - b)
  return xs[Math.floor(xs.length / 2)]!
}

/** One frame of the timeline as the lane draws it: visible columns, rows, boundaries and markers. */
function frame(m: ReturnType<typeof livenessModel>, vp: Viewport): number {
  const [lo, hi] = visibleInstrs(vp, m.numInstrs)
  const [r0, r1] = visibleRows(vp, m.rows.length)
  let drawn = boundariesIn(m, lo, hi, boundaryGap(vp.px)).length
  for (let r = r0; r < r1; r++) drawn += markersIn(m.rows[r]!, lo, hi).length + m.rows[r]!.intervals.length
  return drawn
}

/** The programs the figures use, written into dir. */
function programs(dir: string): { bigFile: string; bigText: string; manyFile: string; manyText: string } {
  const bigText = bigFunctionProgram(10_000)
  const bigFile = join(dir, 'views-big.go')
  writeFileSync(bigFile, bigText)
  const manyText = manyLocalsProgram(200)
  const manyFile = join(dir, 'views-many.go')
  writeFileSync(manyFile, manyText)
  return { bigFile, bigText, manyFile, manyText }
}

/** views-model: the renderer's models of the two views, and one timeline frame, in Node. */
export async function viewsModelBench(dir: string, emit: Emit): Promise<void> {
  const { bigFile, bigText, manyFile, manyText } = programs(dir)
  const big = await ssaProgram(bigFile, bigText)
  const many = await ssaProgram(manyFile, manyText)
  for (const [name, prog, func] of [['big', big, 'big'], ['many-200', many, 'many']] as const) {
    for (const arch of ['amd64', 'ppc64']) {
      const t = prog.trace(func, arch)
      const sf = t.stackFrame
      if (!sf) throw new Error(`views bench: ${func} on ${arch} has no stack frame`)
      livenessModel(sf) // warm-up
      const modelMs = median(5, () => livenessModel(sf))
      const m = livenessModel(sf)
      const width = 700
      const fit = fitPx(width, m.numInstrs)
      // 50 scroll positions at 8× zoom, the way a user pans.
      let drawn = 0
      const frameMs =
        median(5, () => {
          drawn = 0
          for (let k = 0; k < 50; k++) drawn += frame(m, { px: fit * 8, scrollLeft: (k * m.numInstrs * fit * 8) / 50, scrollTop: 0, width, height: 400, rowHeight: 34 })
        }) / 50
      const allocMs = median(5, () => allocsModel(t))
      emit({
        bench: 'views-model',
        func: name,
        arch,
        instrs: m.numInstrs,
        blocks: m.blocks.length,
        candidates: m.rows.length,
        merged: sf.groups.reduce((s, g) => s + g.followers.length, 0),
        livenessModelMs: round(modelMs),
        timelineFrameUs: round(frameMs * 1000),
        itemsPerFrame: Math.round(drawn / 50),
        allocsModelMs: round(allocMs),
      })
    }
  }
}

/** views-ui: browser mode in Chromium, both lanes drawn, and the longest task while the pointer sweeps and zooms. */
export async function viewsUiBench(dir: string, emit: Emit): Promise<void> {
  const { bigFile, manyFile } = programs(dir)
  const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  const server = join(projectRoot, 'out', 'main', 'server.js')
  if (!existsSync(chromium) || !existsSync(server)) {
    emit({ bench: 'views-ui', error: `needs ${existsSync(chromium) ? server : chromium}` })
    return
  }
  const child = spawn(process.execPath, [server], { stdio: ['ignore', 'pipe', 'inherit'] })
  let browser: Browser | null = null
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => {
        const m = /serving on (\S+)/.exec(b.toString())
        if (m) resolve(m[1]!)
      })
      child.on('exit', () => reject(new Error('the server exited')))
    })
    const { chromium: pw } = await import('playwright-core')
    browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] })
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    for (const [name, query] of [
      ['Phases', '?example=mergelocals&func=Phases&view=liveness'],
      ['many-200', `?file=${encodeURIComponent(manyFile)}&func=many&view=liveness`],
      ['big', `?file=${encodeURIComponent(bigFile)}&func=big&view=liveness`],
    ] as const) {
      const t0 = Date.now()
      await page.goto(url.replace(/\/$/, '') + '/' + query)
      for (const arch of ['amd64', 'ppc64']) await page.locator(`[data-arch="${arch}"] [data-testid="liveness-headline"]`).waitFor({ timeout: 300_000 })
      const openMs = Date.now() - t0
      await page.evaluate(`(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push(e.duration) }).observe({ type: 'longtask' }) })()`)
      const longest = async (): Promise<number> => Number(await page.evaluate(`(() => { const m = Math.max(0, ...window.__lt); window.__lt = []; return m })()`))
      const other = (await page.locator('[data-arch="ppc64"] [data-testid="liveness-timeline"]').boundingBox())!
      for (let i = 0; i < 40; i++) await page.mouse.move(other.x + 150 + i * 9, other.y + 40)
      const sweepMs = await longest()
      for (let i = 0; i < 3; i++) await page.locator('[data-arch="ppc64"] [data-testid="liveness-zoom-in"]').click()
      const zoomMs = await longest()
      const cur = (await page.locator('[data-arch="amd64"] [data-testid="liveness-timeline"]').boundingBox())!
      for (let i = 0; i < 40; i++) await page.mouse.move(cur.x + 150 + i * 9, cur.y + 40)
      await page.waitForTimeout(400)
      const selectMs = await longest()
      emit({ bench: 'views-ui', func: name, openBothArchesMs: openMs, longestTaskSweepMs: round(sweepMs), longestTaskZoomMs: round(zoomMs), longestTaskSweepCurrentArchMs: round(selectMs) })
    }
  } finally {
    await browser?.close()
    child.kill()
  }
}
