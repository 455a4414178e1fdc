// The CFG view's figures for `npm run bench`, on the generated 10,000-value
// function (~2,800 blocks at start):
// - cfg-layout: the pure layout in Node (union of all passes' blocks, loops,
//   layers, placement, edge routes), the first run and the median of warm runs;
// - cfg-render: the view in Chromium through browser mode (Playwright): opening
//   it (layout + Cytoscape + first frame), stepping a pass, panning frame rate.
// The layout runs with the other figures, the render with the UI ones
// (--no-ui, --ui-only). The render needs the built renderer and
// playwright-core; without them it says why instead of a number.

import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FuncTrace } from '../protocol/model'
import { examplesDir, rendererDir, workerFile, appVersion } from '../service/paths'
import { WorkerRunner } from '../service/runner'
import { Service } from '../service/service'
import { startServer } from '../server/server'
import { layoutCfg, unionGraph } from '../../src-renderer/src/trace/cfg-layout'
import { ssaProgram } from '../compiler/ssagen'
import { bigFunctionProgram } from './programs'

// The page's globals used by the functions run inside it (this file compiles without the DOM library).
declare const window: { dispatchEvent(e: unknown): boolean }
declare const requestAnimationFrame: (cb: () => void) => number
declare class KeyboardEvent {
  constructor(type: string, init: { key: string })
}

const round = (x: number) => Math.round(x * 100) / 100
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export function cfgLayoutFigure(trace: FuncTrace): Record<string, unknown> {
  const time = (): { unionMs: number; layoutMs: number; blocks: number; edges: number; loops: number; width: number; height: number } => {
    const t0 = performance.now()
    const g = unionGraph(trace.passes)
    const t1 = performance.now()
    const l = layoutCfg(g)
    const t2 = performance.now()
    return { unionMs: t1 - t0, layoutMs: t2 - t1, blocks: g.ids.length, edges: l.routes.size, loops: l.boxes.length, width: l.width, height: l.height }
  }
  const first = time()
  const warm = Array.from({ length: 7 }, time)
  return {
    bench: 'cfg-layout',
    startBlocks: trace.passes[0]!.snapshot.blocks.length,
    blocks: first.blocks,
    edges: first.edges,
    loops: first.loops,
    passes: trace.passes.length,
    firstMs: round(first.unionMs + first.layoutMs),
    ms: round(median(warm.map((w) => w.unionMs + w.layoutMs))),
    unionMs: round(median(warm.map((w) => w.unionMs))),
    layoutMs: round(median(warm.map((w) => w.layoutMs))),
    budgetMs: 300,
    sizePx: [Math.round(first.width), Math.round(first.height)],
  }
}

interface PageFigures {
  openMs: number
  layoutMs: number
  buildMs: number
  showMs: number
  stepMs: number
  stepShowMs: number
  panFps: number
  panFrames: number
}

/** The view in Chromium: open it on the traced function, step, pan. */
export async function cfgRenderFigure(text: string, dir: string): Promise<Record<string, unknown>> {
  if (!existsSync(join(rendererDir, 'index.html'))) return { bench: 'cfg-render', error: 'no built renderer (npm run build)' }
  let chromium: typeof import('playwright-core').chromium
  try {
    chromium = (await import('playwright-core')).chromium
  } catch {
    return { bench: 'cfg-render', error: 'playwright-core is not installed' }
  }
  const file = join(dir, 'cfgbig.go')
  writeFileSync(file, text)
  const service = new Service({ runner: new WorkerRunner(workerFile), examplesDir, version: appVersion, transport: 'http' })
  const server = await startServer(service, { port: 0, staticDir: rendererDir })
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await page.goto(`${server.url}?file=${encodeURIComponent(file)}&func=big`)
    await page.getByTestId('trace-status').waitFor({ timeout: 600_000 })
    // Open the view (key 4) and wait for two frames: Cytoscape draws on the first.
    const figures = await page.evaluate(async () => {
      const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))
      const measure = (name: string) => performance.getEntriesByName(name, 'measure').map((e) => e.duration)
      const key = (k: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k }))
      performance.clearMeasures()
      let t0 = performance.now()
      key('4')
      await new Promise((r) => setTimeout(r, 0))
      await frames()
      const openMs = performance.now() - t0
      const layoutMs = measure('cfg-layout')[0] ?? -1
      const buildMs = measure('cfg-build')[0] ?? -1
      const showMs = measure('cfg-show')[0] ?? -1
      const steps: number[] = []
      for (let i = 0; i < 10; i++) {
        performance.clearMeasures('cfg-show')
        t0 = performance.now()
        key('n')
        await new Promise((r) => setTimeout(r, 0))
        await frames()
        steps.push(performance.now() - t0)
      }
      const shows = performance.getEntriesByName('cfg-show', 'measure').map((e) => e.duration)
      steps.sort((a, b) => a - b)
      return { openMs, layoutMs, buildMs, showMs, stepMs: steps[5]!, stepShowMs: shows.length ? Math.max(...shows) : -1 }
    })
    // Pan: drag across the graph for a second and count the frames drawn.
    const box = (await page.getByTestId('cfg-canvas').boundingBox())!
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number; __counting: boolean }
      w.__frames = 0
      w.__counting = true
      const tick = () => {
        if (!w.__counting) return
        w.__frames++
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    const t0 = Date.now()
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 40)
    await page.mouse.down()
    for (let i = 0; i < 60; i++) await page.mouse.move(box.x + box.width / 2 + (i % 10), box.y + box.height - 40 - i * 12)
    await page.mouse.up()
    const secs = (Date.now() - t0) / 1000
    const panFrames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number; __counting: boolean }
      w.__counting = false
      return w.__frames
    })
    const f: PageFigures = { ...figures, panFps: panFrames / secs, panFrames }
    const blocks = await page.getByTestId('cfg-counts').textContent()
    return {
      bench: 'cfg-render',
      shown: blocks?.split(' · ')[0] ?? null,
      openMs: round(f.openMs),
      layoutMs: round(f.layoutMs),
      buildMs: round(f.buildMs),
      firstShowMs: round(f.showMs),
      stepMs: round(f.stepMs),
      stepShowMaxMs: round(f.stepShowMs),
      panFps: round(f.panFps),
      panFrames: f.panFrames,
    }
  } catch (e) {
    return { bench: 'cfg-render', error: e instanceof Error ? e.message : String(e) }
  } finally {
    await browser.close()
    await server.close()
    await service.dispose()
  }
}

/** The CFG figures: the layout (with the other figures) and the render (with the UI figures), on the 10,000-value function. */
export async function cfgBench(o: { emit: (x: object) => void; dir: string; layout: boolean; render: boolean }): Promise<void> {
  const text = bigFunctionProgram(10_000)
  if (o.layout) {
    const prog = await ssaProgram(join(o.dir, 'cfgbig.go'), text)
    o.emit(cfgLayoutFigure(prog.trace('big', 'amd64')))
  }
  if (o.render) o.emit(await cfgRenderFigure(text, o.dir))
}
