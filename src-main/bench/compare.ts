// The architecture comparison's figures on the 10,000-value function:
// compare-10k: aligning and comparing its amd64 and ppc64 traces (every pass,
// cold: op histograms built; warm: cached per snapshot), the summary text,
// and one column's listing at lower — the work of opening the view and of
// one step per column. compare-ui-10k: the view in browser mode in Chromium
// (playwright-core, Debian's chromium): from the deep link to both traces
// compared, then `n` steps (each until both columns show the new pass, and
// the longest task the page ran meanwhile).

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
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

export async function compareBenches(dir: string, emit: Emit): Promise<void> {
  const text = bigFunctionProgram(10_000)
  const file = join(dir, 'compare-big.go')
  writeFileSync(file, text)
  const prog = await ssaProgram(file, text)
  const amd64 = prog.trace('big', 'amd64')
  const ppc64 = prog.trace('big', 'ppc64')
  compareModel(amd64, ppc64, emit)
  try {
    await compareUi(file, emit)
  } catch (e) {
    emit({ bench: 'compare-ui-10k', error: e instanceof Error ? e.message : String(e) })
  }
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
  const listingMs = medianOf(5, () => buildListing(amd64.passes[at]!, amd64.passes[at - 1], { showRemoved: true, effectOps }))
  emit({
    bench: 'compare-10k',
    values: amd64.passes[0]!.snapshot.blocks.reduce((n, b) => n + b.values.length, 0),
    passes: rows.length,
    gaps: rows.filter((r) => r.gaps.some((g) => g !== null)).length,
    compareColdMs: round(coldMs),
    compareWarmMs: round(warmMs),
    summaryMs: round(summaryMs),
    listingAtLowerMs: round(listingMs),
  })
}

async function compareUi(file: string, emit: Emit): Promise<void> {
  // Loaded at run time: playwright-core stays outside the bundle (electron.vite.config.ts).
  const { chromium } = (await import('playwright-core')) as typeof import('playwright-core')
  const service = new Service({ runner: new WorkerRunner(workerFile), examplesDir, version: appVersion, transport: 'http' })
  const server = await startServer(service, { port: 0, staticDir: rendererDir })
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    // Page-side code as strings: this file is compiled without the DOM's types.
    await page.addInitScript({
      content: 'window.longest = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longest = Math.max(window.longest, e.duration) }).observe({ type: "longtask", buffered: true })',
    })
    const t0 = performance.now()
    await page.goto(`${server.url.replace(/\/$/, '')}/?file=${encodeURIComponent(file)}&func=big&view=compare&pass=lower`)
    await page.locator('[data-testid="compare-summary"] tr[data-pass="stack frame"]').waitFor({ timeout: 300_000 })
    await page.locator('[data-testid="compare-listing-ppc64"] .row').first().waitFor()
    const openMs = performance.now() - t0
    const steps: number[] = []
    let longest = 0
    for (let i = 0; i < 10; i++) {
      const before = await page.getByTestId('compare-pass').textContent()
      await page.evaluate('window.longest = 0')
      const s0 = performance.now()
      await page.keyboard.press('n')
      await page.waitForFunction(`document.querySelector('[data-testid="compare-pass"]')?.textContent !== ${JSON.stringify(before)}`)
      // Both columns rendered the new pass (the next frame after the update).
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))')
      steps.push(performance.now() - s0)
      longest = Math.max(longest, (await page.evaluate('window.longest')) as number)
    }
    steps.sort((a, b) => a - b)
    emit({
      bench: 'compare-ui-10k',
      openToComparedMs: round(openMs),
      stepMedianMs: round(steps[steps.length >> 1]!),
      stepMaxMs: round(steps[steps.length - 1]!),
      longestTaskWhileSteppingMs: round(longest),
    })
  } finally {
    await browser.close()
    await server.close()
    await service.dispose()
  }
}
