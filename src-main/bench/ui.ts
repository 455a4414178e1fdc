// The pass debugger's UI figures for `npm run bench` (DESIGN §6–§7): the
// browser-mode app in Chromium, driven by Playwright, on the generated
// 10,000-value function. Every figure is timed inside the page with
// performance.now(); "painted" means: the DOM update is done and the main
// thread has produced the frame that shows it (a requestAnimationFrame, then
// a task queued from it, which runs after that frame's style, layout and
// paint). Node-side figures: the `ssa` call against the same server and the
// decoding of its answer with the renderer's decoder.
//
// Nothing here is part of `npm test`: timings never go in tests.

import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { decodeTrace } from '../protocol/trace-codec'
import type { SsaResult } from '../protocol/model'
import { projectRoot } from '../service/paths'
import { bigFunctionProgram } from './programs'

/** The function `bigFunctionProgram` declares. */
const FUNC = 'big'
const VIEWPORT = { width: 1400, height: 900 }
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run']

export interface UiBenchOptions {
  emit(o: object): void
  /** A scratch directory for the program (and profiles). */
  dir: string
  /**
   * Profile each phase: CPU profiles (.cpuprofile) and Chromium traces
   * written here, summed up in `ui-profile-*` lines (heaviest functions,
   * main-thread events, the slowest actions, a typical action's parts).
   */
  profileDir?: string
}

type Emit = UiBenchOptions['emit']

const round = (x: number) => Math.round(x * 10) / 10

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function stats(xs: number[]): { p50: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b)
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s[s.length - 1] ?? NaN) }
}

/**
 * Installed in the page before its own scripts run: marks for loading, a
 * long-task observer, and the drivers the bench calls with page.evaluate.
 * A string, so neither the bundler nor TypeScript's lib (no DOM on the node
 * side) touches it.
 */
const PAGE_SCRIPT = String.raw`
(() => {
  const marks = {}
  const longTasks = []
  const mark = (k) => { if (!(k in marks)) marks[k] = performance.now() }
  /** Resolves after the frame that shows the current DOM has been produced. */
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel()
    ch.port1.onmessage = () => resolve(performance.now())
    ch.port2.postMessage(0)
  }))
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, ms: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  const mo = new MutationObserver(() => {
    if (!('rows' in marks) && document.querySelector('[data-testid=ssa-listing] .row')) {
      mark('rows')
      painted().then(() => mark('rowsPainted'))
      mo.disconnect()
    }
  })
  mo.observe(document, { subtree: true, childList: true })
  const q = (sel) => document.querySelector(sel)
  const text = (sel) => (q(sel)?.textContent ?? '').trim()
  const key = (target, k, extra = {}) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...extra }))

  window.__bench = {
    marks,
    longTasks,
    ssaEntry() {
      const e = performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname === '/api/ssa').pop()
      return e ? { start: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart, responseEnd: e.responseEnd, bytes: e.encodedBodySize } : null
    },
    passName: () => text('[data-testid=listing-pass]'),
    passCount: () => document.querySelectorAll('[data-testid=pass-timeline] li').length,
    renderedRows: () => document.querySelectorAll('[data-testid=ssa-listing] .row').length,
    /** Press a key on the page; resolve when the listing names another pass and that frame is painted. */
    async step(k) {
      const el = q('[data-testid=listing-pass]')
      const before = el.textContent
      performance.mark('bench-action-start')
      const t0 = performance.now()
      key(document.body, k)
      await null // after the framework's update, queued during the dispatch
      let tDom = performance.now()
      if (el.textContent === before) {
        await new Promise((resolve, reject) => {
          const timer = setTimeout(() => { obs.disconnect(); reject(new Error('the listing did not change pass after ' + k + ' at ' + before)) }, 20000)
          const obs = new MutationObserver(() => {
            if (el.textContent !== before) { clearTimeout(timer); obs.disconnect(); resolve() }
          })
          obs.observe(el, { subtree: true, childList: true, characterData: true })
        })
        tDom = performance.now()
      }
      const tPaint = await painted()
      performance.mark('bench-action-end')
      return { pass: el.textContent.trim(), domMs: tDom - t0, paintMs: tPaint - t0, rows: document.querySelectorAll('[data-testid=ssa-listing] .row').length }
    },
    /**
     * Scroll the listing top to bottom, one viewport per animation frame;
     * a frame's time runs from one animation frame to the next (the scroll
     * event, the listing's update, style, layout, paint). Positions are
     * computed, not read back, and rows are found from their inline
     * transforms: measuring adds no layout (the scrollTop setter lays out
     * what the frame would lay out anyway).
     */
    async scroll() {
      const sc = q('[data-testid=ssa-listing]')
      sc.scrollTop = 0
      await painted()
      await painted()
      const height = sc.scrollHeight
      const view = sc.clientHeight
      const frames = []
      let blank = 0
      let pos = 0
      const t0 = performance.now()
      let last = t0
      while (pos + view < height) {
        pos = Math.min(pos + view, height - view)
        performance.mark('bench-action-start')
        sc.scrollTop = pos
        await frame()
        const now = performance.now()
        performance.mark('bench-action-end')
        frames.push(now - last)
        last = now
        // A row covering the middle of the viewport, as the frame about to be painted shows it.
        const mid = pos + view / 2
        let hit = false
        for (const r of sc.querySelectorAll('.row')) {
          const m = /translateY\(([-\d.]+)px\)/.exec(r.style.transform)
          if (m && +m[1] <= mid && +m[1] + 18 >= mid) { hit = true; break }
        }
        if (!hit) blank++
      }
      const end = await painted()
      return { totalMs: end - t0, frames, blank, scrollHeight: height, clientHeight: view, endTop: sc.scrollTop }
    },
    /** Type a query one character at a time; per keystroke, until the match count is painted. */
    async search(query) {
      const input = q('[data-testid=ssa-search]')
      input.focus()
      input.value = ''
      input.dispatchEvent(new Event('input', { bubbles: true }))
      await painted()
      const perKey = []
      const t0 = performance.now()
      for (const ch of query) {
        performance.mark('bench-action-start')
        const k0 = performance.now()
        input.value += ch
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await null
        const tDom = performance.now()
        const tPaint = await painted()
        performance.mark('bench-action-end')
        perKey.push({ domMs: tDom - k0, paintMs: tPaint - k0, matches: text('[data-testid=ssa-matches]') })
      }
      return { totalMs: performance.now() - t0, perKey, matches: text('[data-testid=ssa-matches]') }
    },
    /** Enter in the search box: resolve when the counter moved and the match is selected, in view and painted. */
    async nextMatch() {
      const input = q('[data-testid=ssa-search]')
      const sc = q('[data-testid=ssa-listing]')
      const before = text('[data-testid=ssa-matches]')
      performance.mark('bench-action-start')
      const t0 = performance.now()
      key(input, 'Enter')
      const inView = () => {
        const r = sc.querySelector('.row.selected')
        if (!r) return false
        const a = sc.getBoundingClientRect()
        const b = r.getBoundingClientRect()
        return b.top >= a.top && b.bottom <= a.bottom
      }
      const deadline = t0 + 20000
      for (;;) {
        await frame()
        if (text('[data-testid=ssa-matches]') !== before && inView()) break
        if (performance.now() > deadline) throw new Error('Enter did not bring the next match into view (' + before + ')')
      }
      const tPaint = await painted()
      performance.mark('bench-action-end')
      return { ms: tPaint - t0, matches: text('[data-testid=ssa-matches]') }
    },
  }
})()
`

interface Bench {
  marks: Record<string, number>
  longTasks: { start: number; ms: number }[]
}

/** The browser-mode server as a child process on a free port; resolves with its URL. */
async function startServer(): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const script = join(projectRoot, 'out', 'main', 'server.js')
  if (!existsSync(script)) throw new Error(`${script} is missing: run npx electron-vite build`)
  const child = spawn(process.execPath, [script, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += String(d)))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the server did not start in 30 s: ${err}`))
    }, 30_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d)
      const m = /serving on (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}): ${err}`))
    })
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      child.kill('SIGTERM')
    })
  return { url, child, stop }
}

async function loadPlaywright(): Promise<typeof import('playwright-core') | string> {
  try {
    return await import('playwright-core')
  } catch (e) {
    return `playwright-core cannot be loaded: ${e instanceof Error ? e.message : e}`
  }
}

/** One `ssa` call over HTTP: the whole answer (NDJSON), its size and time. */
async function callSsa(url: string, args: { path: string; text: string; func: string; arch: string }): Promise<{ ms: number; body: string }> {
  const t0 = performance.now()
  const res = await fetch(new URL('api/ssa', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
  const body = await res.text()
  const ms = performance.now() - t0
  if (!res.ok) throw new Error(`/api/ssa answered ${res.status}: ${body.slice(0, 200)}`)
  return { ms, body }
}

function lastLine(body: string): SsaResult {
  const lines = body.trim().split('\n')
  const final = JSON.parse(lines[lines.length - 1]!) as { ok: boolean; result?: SsaResult; error?: { message: string } }
  if (!final.ok || !final.result) throw new Error(`/api/ssa failed: ${final.error?.message ?? 'no result'}`)
  if (!final.result.trace) throw new Error(`/api/ssa built no trace: ${final.result.diagnostics[0]?.message ?? '?'}`)
  return final.result
}

interface CpuProfile {
  startTime: number
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]
  samples: number[]
  timeDeltas: number[]
}

/** Milliseconds per key: self time per function and per module, total time per function (self and callees, once per sample). */
interface ProfileSums {
  self: Map<string, number>
  modules: Map<string, number>
  total: Map<string, number>
  /** Self time of the browser's own functions called from script (scrollIntoView, replaceState, …) and of GC. */
  native: Map<string, number>
}

/** The main thread's rendering and GC work, as Chromium's trace names it. */
const RENDER_EVENTS = ['Blink.ForcedStyleAndLayout.UpdateTime', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC']

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string }
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'blink.user_timing']

const addTo = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms)
const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)

/**
 * With --ui-profile=DIR: CPU profiles (Chromium's Profiler over CDP) and
 * Chromium traces (main-thread time per event: script, style, layout,
 * paint, GC) of each phase, written to DIR and summed up in `ui-profile-*`
 * lines. Functions are named with the source module the renderer bundle
 * inlined them from (the bundle keeps a `// path` comment before each).
 * Profiling slows the page down: a profiled run's figures are not the
 * bench's figures.
 */
class Profiling {
  /** Bundle URL → line → source module. */
  private readonly modules = new Map<string, (line: number) => string>()

  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly dir: string,
    private readonly emit: Emit,
  ) {
    mkdirSync(dir, { recursive: true })
  }

  static async start(browser: Browser, page: Page, dir: string, emit: Emit): Promise<Profiling> {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    return new Profiling(browser, page, cdp, dir, emit)
  }

  /**
   * One phase under one CPU profile and one trace. Where the page marked
   * actions (`bench-action-start`/`-end`, as `step` does), `actions()` names
   * them and gives their times, and the line adds the slowest actions'
   * heaviest functions and main-thread events (samples and events inside
   * each action's window; the profile and the trace share one clock).
   */
  async phase<T>(name: string, f: () => Promise<T>, actions?: () => { label: string; ms: number }[]): Promise<T> {
    await this.startTrace(name)
    await this.cdp.send('Profiler.start')
    try {
      return await f()
    } finally {
      const profile = (await this.cdp.send('Profiler.stop')).profile as CpuProfile
      const trace = await this.stopTrace()
      await this.learnModules()
      const file = join(this.dir, `ui-${name}.cpuprofile`)
      writeFileSync(file, JSON.stringify(profile))
      const extra: Record<string, unknown> = { cpuProfile: file, mainThread: mainThreadTime(trace, 25) }
      const windows = actionWindows(trace)
      const acts = actions?.() ?? []
      if (windows.length && windows.length === acts.length) {
        const slowest = acts
          .map((a, i) => ({ ...a, w: windows[i]! }))
          .sort((x, y) => y.ms - x.ms)
          .slice(0, 5)
        extra['slowest'] = slowest.map((a) => {
          const sums = this.sums(profile, a.w)
          return {
            action: a.label,
            ms: round(a.ms),
            heaviestTotal: top(sums.total, 12).map(([fn, ms]) => `${round(ms)} ${fn}`),
            heaviestSelf: top(sums.self, 12).map(([fn, ms]) => `${round(ms)} ${fn}`),
            mainThread: mainThreadTime(trace, 12, a.w).map((e) => `${e.ms} ${e.event} ×${e.count}`),
          }
        })
        extra['perAction'] = this.perAction(profile, trace, windows)
      }
      this.report(name, this.sums(profile), extra)
    }
  }

  /**
   * What one action typically costs, by part: median, 95th percentile and
   * mean over the actions of the heaviest functions (total time), native
   * calls (self time) and the main thread's rendering and GC events.
   */
  private perAction(profile: CpuProfile, trace: { traceEvents: TraceEvent[] }, spans: Span[]): { part: string; medianMs: number; p95Ms: number; meanMs: number }[] {
    const per = spans.map((w) => {
      const sums = this.sums(profile, w)
      const events = new Map(mainThreadTime(trace, Infinity, w).map((e) => [e.event, e.ms]))
      const parts = new Map<string, number>([['(whole action)', (w.end - w.start) / 1000]])
      for (const [fn, ms] of sums.total) parts.set(`js ${fn}`, ms)
      for (const [fn, ms] of sums.native) parts.set(`native ${fn}`, ms)
      for (const ev of RENDER_EVENTS) parts.set(`main ${ev}`, events.get(ev) ?? 0)
      return parts
    })
    const sum = new Map<string, number>()
    for (const parts of per) for (const [k, ms] of parts) addTo(sum, k, ms)
    const keys = [
      '(whole action)',
      // Vue's own frames are ancestors of everything: its update as a whole and its DOM patching only.
      ...top(new Map([...sum].filter(([k]) => k.startsWith('js ') && (!/ @vue\//.test(k) || /^js (flushJobs|patch) /.test(k)))), 15).map(([k]) => k),
      ...top(new Map([...sum].filter(([k]) => k.startsWith('native '))), 6).map(([k]) => k),
      ...RENDER_EVENTS.map((e) => `main ${e}`),
    ]
    return keys.map((part) => {
      const xs = per.map((p) => p.get(part) ?? 0).sort((a, b) => a - b)
      return { part, medianMs: round(percentile(xs, 50)), p95Ms: round(percentile(xs, 95)), meanMs: round(xs.reduce((a, b) => a + b, 0) / xs.length) }
    })
  }

  private traceFile = ''

  private async startTrace(name: string): Promise<void> {
    this.traceFile = join(this.dir, `ui-${name}.trace.json`)
    await this.browser.startTracing(this.page, { categories: TRACE_CATEGORIES, path: this.traceFile })
  }

  private async stopTrace(): Promise<{ traceEvents: TraceEvent[] }> {
    return JSON.parse((await this.browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }
  }

  private report(name: string, sums: ProfileSums, extra: Record<string, unknown>): void {
    this.emit({
      bench: `ui-profile-${name}`,
      trace: this.traceFile,
      ...extra,
      heaviestSelf: top(sums.self, 25).map(([fn, ms]) => ({ fn, selfMs: round(ms) })),
      heaviestTotal: top(sums.total, 25).map(([fn, ms]) => ({ fn, totalMs: round(ms) })),
      modulesSelf: top(sums.modules, 20).map(([module, ms]) => ({ module, selfMs: round(ms) })),
    })
  }

  /** Reads the page's scripts now, while the server still has the bundle the page runs (others may rebuild it). */
  private async learnModules(): Promise<void> {
    const urls = await this.page.evaluate<string[]>('[...document.scripts].map((s) => s.src).filter(Boolean)')
    for (const url of urls) {
      if (this.modules.has(url)) continue
      try {
        const res = await fetch(url)
        if (!res.ok) continue
        const starts: [number, string][] = []
        let module = ''
        ;(await res.text()).split('\n').forEach((l, i) => {
          const m = /^\/\/ ((?:src|node_modules)[^\s?]*)/.exec(l)
          if (m) starts.push([i, (module = m[1]!.replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+).*$/, '$1'))])
          // A component the bundler inlined where it is used (as the view registry's SsaView): named after it.
          const c = /^\s+__name: "(\w+)",$/.exec(l)
          if (c && !module.endsWith(`/${c[1]}.vue`)) starts.push([i, `${module} › ${c[1]}.vue`])
        })
        this.modules.set(url, (line) => {
          let lo = 0
          let hi = starts.length - 1
          let found = ''
          while (lo <= hi) {
            const mid = (lo + hi) >> 1
            if (starts[mid]![0] <= line) (found = starts[mid]![1]), (lo = mid + 1)
            else hi = mid - 1
          }
          return found
        })
      } catch {
        // unnamed modules then
      }
    }
  }

  /** Sums of the samples in `span` (µs on the trace clock), or all. */
  private sums(profile: CpuProfile, span?: Span): ProfileSums {
    const parent = new Map<number, number>()
    for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id)
    const labels = new Map<number, { name: string; module: string; js: boolean }>()
    for (const x of profile.nodes) {
      const f = x.callFrame
      const file = f.url ? f.url.replace(/^.*\//, '') : ''
      const module = this.modules.get(f.url)?.(f.lineNumber) || file
      labels.set(x.id, { name: `${f.functionName || '(anonymous)'}${module ? ` ${module}` : ''}`, module: module || f.functionName || '(native)', js: !!f.url })
    }
    const out: ProfileSums = { self: new Map(), modules: new Map(), total: new Map(), native: new Map() }
    let t = profile.startTime
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!
      const dt = profile.timeDeltas[i] ?? 0
      t += dt
      if (span && (t < span.start || t > span.end)) continue
      const label = labels.get(id)
      if (!label) continue
      const ms = dt / 1000
      addTo(out.self, label.name, ms)
      addTo(out.modules, label.module, ms)
      if (!label.js && !/^\((program|idle|root)\)$/.test(label.name)) addTo(out.native, label.name, ms)
      const seen = new Set<string>()
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const l = labels.get(at)
        if (l && l.js && !seen.has(l.name)) addTo(out.total, l.name, ms), seen.add(l.name)
      }
    }
    return out
  }
}

/** A span of time in µs on the trace clock. */
interface Span {
  start: number
  end: number
}

/** The spans between the page's `bench-action-start` and `bench-action-end` marks, in order. */
function actionWindows(trace: { traceEvents: TraceEvent[] }): Span[] {
  const marks = trace.traceEvents.filter((e) => e.name === 'bench-action-start' || e.name === 'bench-action-end').sort((a, b) => a.ts - b.ts)
  const out: Span[] = []
  let start: number | null = null
  for (const m of marks) {
    if (m.name === 'bench-action-start') start = m.ts
    else if (start !== null) out.push({ start, end: m.ts }), (start = null)
  }
  return out
}

/** Time on the renderer's main thread per trace event name (inclusive: nested events count in both), heaviest first; within `span` if given. */
function mainThreadTime(trace: { traceEvents: TraceEvent[] }, n: number, span?: Span): { event: string; ms: number; count: number }[] {
  const main = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const threads = new Set(main.map((e) => `${e.pid}:${e.tid}`))
  const total = new Map<string, { ms: number; count: number }>()
  const open = new Map<string, TraceEvent[]>()
  const add = (name: string, from: number, to: number) => {
    const a = span ? Math.max(from, span.start) : from
    const b = span ? Math.min(to, span.end) : to
    if (b <= a) return
    const t = total.get(name) ?? { ms: 0, count: 0 }
    t.ms += (b - a) / 1000
    t.count++
    total.set(name, t)
  }
  for (const e of trace.traceEvents) {
    const thread = `${e.pid}:${e.tid}`
    if (!threads.has(thread)) continue
    if (e.ph === 'X' && e.dur !== undefined) add(e.name, e.ts, e.ts + e.dur)
    else if (e.ph === 'B') {
      const l = open.get(thread) ?? []
      l.push(e)
      open.set(thread, l)
    } else if (e.ph === 'E') {
      const b = open.get(thread)?.pop()
      if (b) add(b.name, b.ts, e.ts)
    }
  }
  return [...total.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, n)
    .map(([event, t]) => ({ event, ms: round(t.ms), count: t.count }))
}

/**
 * The UI figures: loading the listing, stepping through every pass, scrolling,
 * searching; then the `ssa` answer's size and decoding time in Node.
 */
export async function uiBench(opts: UiBenchOptions): Promise<void> {
  const { emit } = opts
  const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) {
    emit({ bench: 'ui', skipped: `no Chromium at ${chromiumPath} (set CHROMIUM_PATH)` })
    return
  }
  const pw = await loadPlaywright()
  if (typeof pw === 'string') {
    emit({ bench: 'ui', skipped: pw })
    return
  }
  const text = bigFunctionProgram(10_000)
  const file = join(opts.dir, 'big.go')
  writeFileSync(file, text)

  let server: Awaited<ReturnType<typeof startServer>>
  try {
    server = await startServer()
  } catch (e) {
    emit({ bench: 'ui', skipped: `the browser-mode server did not start: ${e instanceof Error ? e.message : e}` })
    return
  }
  let browser: Browser | undefined
  try {
    try {
      browser = await pw.chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS })
    } catch (e) {
      emit({ bench: 'ui', skipped: `Chromium did not start: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` })
      return
    }
    const page = await browser.newPage({ viewport: VIEWPORT })
    const prof = opts.profileDir ? await Profiling.start(browser, page, opts.profileDir, emit) : null
    const phase = <T>(name: string, f: () => Promise<T>, actions?: () => { label: string; ms: number }[]) => (prof ? prof.phase(name, f, actions) : f())
    await page.addInitScript(PAGE_SCRIPT)
    await uiLoad(page, server.url, file, phase, emit)
    await uiStep(page, prof, emit)
    // The first pass has the most rows (every value of construction).
    await page.evaluate(`__bench.step('Home')`)
    const frames: { label: string; ms: number }[] = []
    await phase('scroll', () => uiScroll(page, emit, frames), () => frames)
    const searched: { label: string; ms: number }[] = []
    if (prof) await prof.phase('search', () => uiSearch(page, emit, searched), () => searched)
    else await uiSearch(page, emit, searched)
    await page.close()
    await wireFigures(server.url, file, text, emit)
  } finally {
    await browser?.close()
    await server.stop()
  }
}

type Phase = <T>(name: string, f: () => Promise<T>, actions?: () => { label: string; ms: number }[]) => Promise<T>

interface LoadMarks {
  marks: Bench['marks']
  longTasks: Bench['longTasks']
  ssa: { start: number; requestStart: number; responseStart: number; responseEnd: number; bytes: number } | null
  status: string
  rows: number
  passes: number
}

async function uiLoad(page: Page, url: string, file: string, phase: Phase, emit: Emit): Promise<void> {
  const link = `${url}?file=${encodeURIComponent(file)}&func=${FUNC}&view=ssa`
  let b: LoadMarks | undefined
  const afterTrace = () => (b ? b.marks['rowsPainted']! - (b.ssa?.responseEnd ?? NaN) : NaN)
  await phase(
    'load',
    async () => {
      await page.goto(link)
      // Polled with evaluate: waitForFunction's string predicates need eval, which the app's CSP refuses.
      const deadline = Date.now() + 300_000
      while (!(await page.evaluate<boolean>('"rowsPainted" in window.__bench.marks'))) {
        if (Date.now() > deadline) throw new Error(`no listing 300 s after opening ${link}`)
        await new Promise((r) => setTimeout(r, 100))
      }
      b = await page.evaluate<LoadMarks>(
        `({ marks: __bench.marks, longTasks: __bench.longTasks, ssa: __bench.ssaEntry(), status: document.querySelector('[data-testid=trace-status]')?.textContent.trim() ?? '', rows: __bench.renderedRows(), passes: __bench.passCount() })`,
      )
      // For a profile: the span from the trace's arrival to the first listing, marked after the fact.
      await page.evaluate(`(() => {
        const e = __bench.ssaEntry()
        if (!e) return
        performance.mark('bench-action-start', { startTime: e.responseEnd })
        performance.mark('bench-action-end', { startTime: __bench.marks.rowsPainted })
      })()`)
    },
    () => [{ label: 'trace arrived → first listing painted', ms: afterTrace() }],
  )
  const m = b!
  const loadMs = /trace in (\d+) ms/.exec(m.status)?.[1]
  const arrived = m.ssa?.responseEnd ?? NaN
  const long = m.longTasks.filter((t) => t.ms > 100)
  emit({
    bench: 'ui-ssa-10k-load',
    link: link.replace(url, '/'),
    passes: m.passes,
    // Times from navigation start (0 on the page's clock).
    ssaRequestAtMs: round(m.ssa?.start ?? NaN),
    traceComputedMs: round(arrived),
    ssaCallMs: round(arrived - (m.ssa?.start ?? NaN)),
    ssaAnswerBytes: m.ssa?.bytes ?? null,
    statusBarTraceMs: loadMs ? Number(loadMs) : null,
    traceToFirstListingMs: round(afterTrace()),
    targetTraceToFirstListingMs: 1500,
    firstListingMs: round(m.marks['rowsPainted']!),
    rowsRendered: m.rows,
    longTasksOver100ms: long.length,
    longTasksAfterTraceMs: long.filter((t) => t.start + t.ms > arrived).map((t) => round(t.ms)),
  })
}

async function uiStep(page: Page, prof: Profiling | null, emit: Emit): Promise<void> {
  const passes = await page.evaluate<number>('__bench.passCount()')
  const first = await page.evaluate<string>('__bench.passName()')
  // Long tasks from here on only.
  const since = await page.evaluate<number>('performance.now()')
  type Step = { pass: string; domMs: number; paintMs: number; rows: number }
  const steps: Step[] = []
  const run = async () => {
    for (let i = 1; i < passes; i++) {
      steps.push(await page.evaluate<Step>(`__bench.step('n')`))
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))') // let the frame settle, like a user between keys
    }
  }
  if (prof) await prof.phase('step', run, () => steps.map((s) => ({ label: s.pass, ms: s.paintMs })))
  else await run()
  const long = (await page.evaluate<Bench['longTasks']>('__bench.longTasks')).filter((t) => t.start >= since && t.ms > 100)
  const paint = stats(steps.map((s) => s.paintMs))
  const slowest = [...steps].sort((a, b) => b.paintMs - a.paintMs).slice(0, 5)
  emit({
    bench: 'ui-ssa-10k-step',
    from: first,
    to: steps[steps.length - 1]?.pass ?? first,
    steps: steps.length,
    p50Ms: paint.p50,
    p95Ms: paint.p95,
    maxMs: paint.max,
    targetP95Ms: 30,
    domP50Ms: stats(steps.map((s) => s.domMs)).p50,
    domP95Ms: stats(steps.map((s) => s.domMs)).p95,
    rowsInDomMax: Math.max(...steps.map((s) => s.rows)),
    longTasksOver100ms: long.length,
    longTaskMaxMs: long.length ? round(Math.max(...long.map((t) => t.ms))) : 0,
    slowest: slowest.map((s) => ({ pass: s.pass, ms: round(s.paintMs), domMs: round(s.domMs) })),
  })
}

/** Scrolling the first pass's listing; `frames` gets each frame's time, in order. */
async function uiScroll(page: Page, emit: Emit, frames: { label: string; ms: number }[]): Promise<void> {
  const pass = await page.evaluate<string>('__bench.passName()')
  const r = await page.evaluate<{ totalMs: number; frames: number[]; blank: number; scrollHeight: number; clientHeight: number; endTop: number }>('__bench.scroll()')
  if (r.endTop + r.clientHeight < r.scrollHeight - 1) throw new Error(`the listing did not scroll to its end (${r.endTop} of ${r.scrollHeight})`)
  const f = stats(r.frames)
  r.frames.forEach((ms, i) => frames.push({ label: `frame ${i + 1} (rows from ${Math.round(((i + 1) * r.clientHeight) / 18)})`, ms }))
  emit({
    bench: 'ui-ssa-10k-scroll',
    pass,
    rows: Math.round(r.scrollHeight / 18),
    viewports: r.frames.length,
    totalMs: round(r.totalMs),
    frameP50Ms: f.p50,
    frameP95Ms: f.p95,
    frameMaxMs: f.max,
    framesOver50ms: r.frames.filter((x) => x > 50).length,
    blankFrames: r.blank,
  })
}

/** Typing two queries and going to the next match of each; `actions` gets each keystroke's and Enter's time, in order. */
async function uiSearch(page: Page, emit: Emit, actions: { label: string; ms: number }[]): Promise<void> {
  for (const query of ['Add64', 'StaticLECall']) {
    const s = await page.evaluate<{ totalMs: number; perKey: { domMs: number; paintMs: number; matches: string }[]; matches: string }>(`__bench.search(${JSON.stringify(query)})`)
    const keys = s.perKey.map((k) => k.paintMs)
    keys.forEach((ms, i) => actions.push({ label: `typing ${JSON.stringify(query.slice(0, i + 1))}`, ms }))
    const figure: Record<string, unknown> = {
      bench: 'ui-ssa-10k-search',
      pass: await page.evaluate<string>('__bench.passName()'),
      query,
      matches: s.matches,
      typedMs: round(s.totalMs),
      lastKeyMs: round(keys[keys.length - 1] ?? NaN),
      keyMaxMs: round(Math.max(...keys)),
    }
    if (/^\d+\/[1-9]/.test(s.matches)) {
      const next = await page.evaluate<{ ms: number; matches: string }>('__bench.nextMatch()')
      actions.push({ label: `Enter after ${JSON.stringify(query)}`, ms: next.ms })
      figure['enterNextMatchMs'] = round(next.ms)
      figure['afterEnter'] = next.matches
    }
    emit(figure)
  }
}

/** The `ssa` answer on the wire (a fresh text, so the server computes it) and its decoding, as the renderer does it. */
async function wireFigures(url: string, file: string, text: string, emit: Emit): Promise<void> {
  const args = { path: file, text: `${text}// wire\n`, func: FUNC, arch: 'amd64' }
  const cold = await callSsa(url, args)
  const cached = await callSsa(url, args)
  const bytes = Buffer.byteLength(cold.body)
  // The renderer decodes once, cold: the first run; then the median of warm runs.
  const parseMs: number[] = []
  const decodeMs: number[] = []
  let passes = 0
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    const result = lastLine(cold.body)
    const t1 = performance.now()
    const trace = decodeTrace(result.trace!)
    const t2 = performance.now()
    passes = trace.passes.length
    parseMs.push(t1 - t0)
    decodeMs.push(t2 - t1)
  }
  emit({
    bench: 'ui-ssa-10k-wire',
    passes,
    ssaCallMs: round(cold.ms),
    ssaCallCachedMs: round(cached.ms),
    answerBytes: bytes,
    answerMB: round(bytes / 2 ** 20),
    targetMB: 8,
    jsonParseMs: stats(parseMs).p50,
    decodeFirstMs: round(decodeMs[0]!),
    decodeMs: stats(decodeMs.slice(1)).p50,
    targetDecodeMs: 300,
  })
}
