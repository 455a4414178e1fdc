// The architecture comparison's figures on the 10,000-value function:
// compare-10k: aligning and comparing its amd64 and ppc64 traces (every pass,
// cold: op histograms built; warm: cached per snapshot), the summary text,
// and one column's listing at lower — the work of opening the view and of
// one step per column. compare-ui-10k: the view in browser mode in Chromium
// (playwright-core, Debian's chromium): from the deep link to both traces
// compared, then steps with n and b (each until both columns show the new
// pass and that frame is painted), and the long tasks meanwhile.

import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { ssaProgram } from '../compiler/ssagen'
import type { FuncTrace } from '../protocol/model'
import { compareTraces, describeDifferences } from '../../src-renderer/src/trace/compare'
import { buildListing } from '../../src-renderer/src/trace/listing'
import { startServer } from '../server/server'
import { appVersion, examplesDir, rendererDir, workerFile } from '../service/paths'
import { WorkerRunner } from '../service/runner'
import { Service } from '../service/service'
import { bigFunctionProgram } from './programs'

type Emit = (o: object) => void

const round = (x: number) => Math.round(x * 10) / 10

function timed(f: () => unknown): number {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}

function medianOf(runs: number, f: () => unknown): number {
  const times = Array.from({ length: runs }, () => timed(f)).sort((a, b) => a - b)
  return times[Math.floor(runs / 2)]!
}

/** compare-10k: the model's figures (no browser). */
export async function compareModelBench(dir: string, emit: Emit): Promise<void> {
  const text = bigFunctionProgram(10_000)
  const file = join(dir, 'compare-big.go')
  writeFileSync(file, text)
  const prog = await ssaProgram(file, text)
  compareModel(prog.trace('big', 'amd64'), prog.trace('big', 'ppc64'), emit)
}

function compareModel(amd64: FuncTrace, ppc64: FuncTrace, emit: Emit): void {
  const arches = ['amd64', 'ppc64'] as const
  const coldMs = timed(() => compareTraces(amd64, ppc64, arches))
  const warmMs = medianOf(5, () => compareTraces(amd64, ppc64, arches))
  const rows = compareTraces(amd64, ppc64, arches)
  const summaryMs = medianOf(5, () => rows.map(describeDifferences))
  const lower = rows.find((r) => r.name === 'lower')!
  const at = lower.at[0]
  const effectOps = new Set(amd64.effectOps)
  const listing = () => buildListing(amd64.passes[at]!, amd64.passes[at - 1], { showRemoved: true, effectOps })
  // Cold: liveness and print orders not yet cached for these records (listing.ts caches them per record).
  const listingColdMs = timed(listing)
  const listingWarmMs = medianOf(5, listing)
  emit({
    bench: 'compare-10k',
    values: amd64.passes[0]!.snapshot.blocks.reduce((n, b) => n + b.values.length, 0),
    passes: rows.length,
    gaps: rows.filter((r) => r.gaps.some((g) => g !== null)).length,
    compareColdMs: round(coldMs),
    compareWarmMs: round(warmMs),
    summaryMs: round(summaryMs),
    listingAtLowerColdMs: round(listingColdMs),
    listingAtLowerWarmMs: round(listingWarmMs),
  })
}

/**
 * Installed in the page before its scripts: a long-task observer and a step
 * driver that presses a key and resolves when both columns show the new pass
 * (their listings' data-pass) and that frame is painted. A string: this file
 * is compiled without the DOM's types.
 */
const PAGE_SCRIPT = String.raw`
(() => {
  const longTasks = []
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) longTasks.push({ start: e.startTime, ms: e.duration }) }).observe({ type: 'longtask', buffered: true })
  } catch {}
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel()
    ch.port1.onmessage = () => resolve(performance.now())
    ch.port2.postMessage(0)
  }))
  const pass = () => document.querySelector('[data-testid=compare-pass]')?.textContent ?? ''
  const shown = (arch) => document.querySelector('[data-testid=compare-listing-' + arch + ']')?.getAttribute('data-pass')
  window.__compare = {
    longTasks,
    ready: () => !!document.querySelector('[data-testid=compare-summary] tr[data-pass="stack frame"]') && !!shown('amd64') && !!shown('ppc64'),
    pass,
    async step(k) {
      const before = pass()
      const t0 = performance.now()
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))
      const done = () => pass() !== before && shown('amd64') === pass() && shown('ppc64') === pass()
      if (!done()) {
        await new Promise((resolve, reject) => {
          const timer = setTimeout(() => { obs.disconnect(); reject(new Error('no new pass in both columns after ' + k + ' at ' + before)) }, 20000)
          const obs = new MutationObserver(() => { if (done()) { clearTimeout(timer); obs.disconnect(); resolve() } })
          obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-pass'] })
        })
      }
      const tDom = performance.now()
      const tPaint = await painted()
      return { pass: pass(), domMs: tDom - t0, paintMs: tPaint - t0 }
    },
  }
})()
`

/** compare-ui-10k: the view in browser mode in Chromium (skipped, with the reason, where either is missing). */
export async function compareUiBench(dir: string, emit: Emit): Promise<void> {
  const file = join(dir, 'compare-big.go')
  writeFileSync(file, bigFunctionProgram(10_000))
  try {
    await compareUi(file, emit)
  } catch (e) {
    emit({ bench: 'compare-ui-10k', error: e instanceof Error ? e.message : String(e) })
    process.exitCode = 1
  }
}

async function compareUi(file: string, emit: Emit): Promise<void> {
  const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) return emit({ bench: 'compare-ui-10k', skipped: `no Chromium at ${chromiumPath} (set CHROMIUM_PATH)` })
  let pw: typeof import('playwright-core')
  try {
    // Loaded at run time: playwright-core stays outside the bundle (electron.vite.config.ts).
    pw = await import('playwright-core')
  } catch (e) {
    return emit({ bench: 'compare-ui-10k', skipped: `playwright-core cannot be loaded: ${e instanceof Error ? e.message : e}` })
  }
  const service = new Service({ runner: new WorkerRunner(workerFile), examplesDir, version: appVersion, transport: 'http' })
  const server = await startServer(service, { port: 0, staticDir: rendererDir })
  let browser: Browser | undefined
  try {
    browser = await pw.chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await page.addInitScript(PAGE_SCRIPT)
    const t0 = performance.now()
    await page.goto(`${server.url.replace(/\/$/, '')}/?file=${encodeURIComponent(file)}&func=big&view=compare&pass=lower`)
    // Polled with evaluate: waitForFunction's string predicates need eval, which the app's CSP refuses.
    const deadline = Date.now() + 600_000
    while (!(await page.evaluate<boolean>('window.__compare.ready()'))) {
      if (Date.now() > deadline) throw new Error('both traces were not compared 600 s after opening the view')
      await new Promise((r) => setTimeout(r, 100))
    }
    const openMs = performance.now() - t0
    const since = await page.evaluate<number>('performance.now()')
    type Step = { pass: string; domMs: number; paintMs: number }
    const steps: Step[] = []
    // From lower to the end and back: n, then b.
    for (const k of ['n', 'b']) {
      for (let i = 0; i < 23; i++) {
        steps.push(await page.evaluate<Step>(`window.__compare.step(${JSON.stringify(k)})`))
        await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))') // a pause between keys, as a user makes
      }
    }
    const long = (await page.evaluate<{ start: number; ms: number }[]>('window.__compare.longTasks')).filter((t) => t.start >= since)
    const paint = steps.map((s) => s.paintMs).sort((a, b) => a - b)
    const at = (p: number) => paint[Math.min(paint.length - 1, Math.ceil(p * paint.length) - 1)]!
    emit({
      bench: 'compare-ui-10k',
      openToComparedMs: round(openMs),
      steps: steps.length,
      stepP50Ms: round(at(0.5)),
      stepP95Ms: round(at(0.95)),
      stepMaxMs: round(paint[paint.length - 1]!),
      slowest: [...steps].sort((a, b) => b.paintMs - a.paintMs).slice(0, 3).map((s) => ({ pass: s.pass, ms: round(s.paintMs) })),
      longTasksOver50ms: long.filter((t) => t.ms > 50).length,
      longTaskMaxMs: long.length ? round(Math.max(...long.map((t) => t.ms))) : 0,
    })
  } finally {
    await browser?.close()
    await server.close()
    await service.dispose()
  }
}
