// export-report: the self-contained HTML report of the generated
// 10,000-value function on amd64 and ppc64 (`exportReport`, as the CLI and
// the app write it) against gc's own answer, GOSSAFUNC's ssa.html for the
// same function on one arch (amd64), measured in the same run:
// - bytes of both and their ratio (the issue asks for ours ≤ 1/20 of gc's);
// - the export's time;
// - opening the report from disk in Chromium (file://, a fresh page each
//   run): until the listing of the first pass is on screen, median of 3;
//   and the requests the page made besides the file itself (want 0).
// The opening needs playwright-core and Debian's Chromium; without them it
// says why instead of a number.

import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { appVersion, examplesDir, workerFile } from '../service/paths'
import { WorkerPool } from '../service/pool'
import { Service } from '../service/service'
import { bigFunctionProgram } from './programs'

const round = (x: number) => Math.round(x * 100) / 100
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Bytes of gc's ssa.html for `func` in the one-file package at dir (GOSSAFUNC, amd64), or why not. */
export function gcSsaHtmlBytes(dir: string, func: string): { bytes: number; ms: number } | { error: string } {
  const go = process.env['SSASCOPE_GO'] ?? 'go'
  const cache = mkdtempSync(join(tmpdir(), 'ssascope-bench-gocache-'))
  // A private cache: a cached build would not run the compiler, and write no ssa.html.
  const env = { ...process.env, GOFLAGS: '', GOWORK: 'off', GOCACHE: cache, GOARCH: 'amd64', GOSSAFUNC: func }
  try {
    const t0 = performance.now()
    execFileSync(go, ['build', '-gcflags=-l', '-o', join(dir, 'bench.a'), '.'], { cwd: dir, env, stdio: 'ignore', timeout: 600_000 })
    const ms = performance.now() - t0
    return { bytes: statSync(join(dir, 'ssa.html')).size, ms }
  } catch (e) {
    return { error: `go build with GOSSAFUNC=${func}: ${(e as Error).message.split('\n')[0]}` }
  } finally {
    rmSync(cache, { recursive: true, force: true })
  }
}

interface OpenFigures {
  openMs: number
  requestsBeyondFile: number
  passes: number
}

/** Opens the report from disk in Chromium `runs` times (a fresh page each): time until the first pass's listing shows. */
export async function openReportFigures(file: string, runs: number): Promise<OpenFigures | { error: string }> {
  let chromium: typeof import('playwright-core').chromium
  try {
    chromium = (await import('playwright-core')).chromium
  } catch {
    return { error: 'playwright-core is not installed' }
  }
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  })
  try {
    const times: number[] = []
    let others = 0
    let passes = 0
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
      const page = await context.newPage()
      const url = `file://${file}`
      page.on('request', (r) => {
        if (r.url().split('?')[0] !== url) others++
      })
      const t0 = performance.now()
      await page.goto(url)
      await page.getByTestId('trace-status').waitFor({ timeout: 60_000 })
      await page.locator('[data-testid=ssa-listing] .row.value').first().waitFor({ timeout: 60_000 })
      times.push(performance.now() - t0)
      passes = await page.locator('[data-testid=pass-timeline] li[data-pass]').count()
      await context.close()
    }
    return { openMs: round(median(times)), requestsBeyondFile: others, passes }
  } finally {
    await browser.close()
  }
}

export async function exportBench(opts: { emit: (o: object) => void; dir: string; ui: boolean }): Promise<void> {
  const dir = join(opts.dir, 'export10k')
  mkdirSync(dir, { recursive: true })
  const text = bigFunctionProgram(10_000)
  const file = join(dir, 'big.go')
  writeFileSync(file, text)
  writeFileSync(join(dir, 'go.mod'), 'module bench\n\ngo 1.26\n')
  const gc = gcSsaHtmlBytes(dir, 'big')
  const service = new Service({ runner: new WorkerPool(workerFile), examplesDir, version: appVersion, transport: 'in-process' })
  let report
  const t0 = performance.now()
  try {
    report = await service.call('exportReport', { path: file, text, func: 'big', arches: ['amd64', 'ppc64'] })
  } catch (e) {
    opts.emit({ bench: 'export-report', error: (e as Error).message })
    process.exitCode = 1
    return
  } finally {
    await service.dispose()
  }
  const exportMs = performance.now() - t0
  const out = join(dir, 'report.html')
  writeFileSync(out, report.html)
  const bytes = statSync(out).size
  const gcFields = 'error' in gc ? { gcError: gc.error } : { gcSsaHtmlBytes: gc.bytes, gcBuildMs: round(gc.ms), ratio: round(gc.bytes / bytes), withinTwentieth: bytes * 20 <= gc.bytes }
  const open = opts.ui ? await openReportFigures(out, 3) : { error: 'skipped (--no-ui)' }
  const openFields = 'error' in open ? { openError: open.error } : { openMs: open.openMs, openBudgetMs: 2000, requestsBeyondFile: open.requestsBeyondFile, passesShown: open.passes }
  opts.emit({ bench: 'export-report', func: 'big', arches: ['amd64', 'ppc64'], bytes, exportMs: round(exportMs), ...gcFields, ...openFields })
}
