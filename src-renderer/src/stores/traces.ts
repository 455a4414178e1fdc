// Traces of the functions looked at, per function and arch, for the analysed
// text: loaded on demand (a newer request cancels the older), kept while the
// text stays the same. Views read the current trace and pass from here.
//
// A trace comes from an engine: the embedded pipeline (`ssa`), or the real gc
// (`gcPackage` for an opened package, `gcFile` for the open file compiled as
// a package of its own — the comparison view's other side), optionally a
// given gc release. The main trace's engine is gc for a package, else ours.
//
// An imported document (gc's ssa.html) has its one trace already: nothing is
// requested, and since gc reuses value ids between passes, there is no value
// history and the selection does not outlive its pass.

import { defineStore } from 'pinia'
import { computed, markRaw, reactive, ref, shallowRef, watch } from 'vue'
import type { Arch, Diagnostic, FuncTrace, GcPackageResultOf, PassRecord, Progress } from '../../../src-main/protocol/model'
import type { GcPackageResult } from '../../../src-main/protocol/api'
import { decodeTrace } from '../../../src-main/protocol/trace-codec'
import { useApi } from '../api/instance'
import { traceFromWire } from '../api/wire'
import { describeError, useLatestCall } from '../composables/useLatestCall'
import { HistoryIndex } from '../trace/history'
import { useDocument } from './document'
import { useSelection } from './selection'

/** Traces kept per analysed text (each can be tens of MB for a huge function). */
const MAX_TRACES = 8

const isArch = (a: string): a is Arch => a === 'amd64' || a === 'ppc64'

/** Where the checker setting is kept between sessions. */
const CHECK_KEY = 'ssascope.check'

function storedCheck(): boolean {
  try {
    return globalThis.localStorage?.getItem(CHECK_KEY) === '1'
  } catch {
    return false
  }
}

export interface TraceFailure {
  /** The `unsupported:` or internal error that stopped construction, with its position. */
  diagnostic: Diagnostic
}

export type Engine = 'embedded' | 'gc'

/** Where a trace comes from, besides its function and arch. */
export interface TraceSource {
  engine: Engine
  /** gc only: the release (`go1.27.0`); null: the service's go. */
  toolchain: string | null
}

/** What a gc run said besides the trace: the toolchain, flags, -m=2 decisions, mergelocals trace. */
export type GcRunFacts = Omit<GcPackageResultOf<unknown>, 'trace' | 'files'>

export const useTraces = defineStore('traces', () => {
  const doc = useDocument()
  const sel = useSelection()
  const cache = new Map<string, FuncTrace>()
  /** For gc traces: what else the run said, by the same key. */
  const gcFacts = new Map<string, GcRunFacts>()
  /** Bumped when `cache` gains a trace, so `peek` is reactive. */
  const cacheVersion = ref(0)
  const pending = new Map<string, Promise<FuncTrace | null>>()
  /** Functions whose trace could not be built, with the reason (listed in the function list). */
  const buildFailures = shallowRef<ReadonlyMap<string, TraceFailure>>(new Map())
  /** Those, and the functions holding an error of the file (no function gets SSA until the file is clean, as with gc). */
  const failures = computed<ReadonlyMap<string, TraceFailure>>(() => {
    const errors = doc.diagnostics.filter((d) => d.severity === 'error')
    if (errors.length === 0) return buildFailures.value
    const out = new Map(buildFailures.value)
    for (const d of errors) {
      // The innermost function around the error (closures nest inside their parents).
      const around = doc.functions.filter((f) => f.from <= d.from && d.from <= f.to).sort((a, b) => a.to - a.from - (b.to - b.from))[0]
      if (around && !out.has(around.name)) out.set(around.name, { diagnostic: d })
    }
    return out
  })
  const trace = shallowRef<FuncTrace | null>(null)
  const loading = ref(false)
  const progress = ref<Progress | null>(null)
  const error = ref<string | null>(null)
  /** Milliseconds from request to decoded trace, for the status bar and the bench. */
  const loadMs = ref<number | null>(null)
  const call = useLatestCall()
  let version = 0
  /**
   * Run gc's SSA checker after every pass (-d=ssa/check/on): a pass that
   * leaves the function inconsistent shows as failed. Off by default, since
   * it costs as much as several passes on a big function.
   */
  const check = ref(storedCheck())

  /** The main trace's source: gc for a package (its release), else the embedded pipeline. */
  const mainSource = computed<TraceSource>(() => (doc.pkg ? { engine: 'gc', toolchain: doc.toolchain } : { engine: 'embedded', toolchain: null }))
  const sourceOf = (over?: Partial<TraceSource>): TraceSource => {
    const engine = over?.engine ?? mainSource.value.engine
    return { engine, toolchain: engine === 'gc' ? (over?.toolchain !== undefined ? over.toolchain : doc.toolchain) : null }
  }
  const key = (func: string, arch: string, src: TraceSource = mainSource.value) => `${version}\u0000${func}\u0000${arch}\u0000${src.engine}\u0000${src.toolchain ?? ''}`

  function setCheck(on: boolean): void {
    if (check.value === on) return
    check.value = on
    try {
      globalThis.localStorage?.setItem(CHECK_KEY, on ? '1' : '0')
    } catch {
      // Storage may be unavailable (private mode); the setting holds for this session.
    }
    // Every trace was built with the other setting.
    version++
    cache.clear()
    buildFailures.value = new Map()
    void load()
  }

  watch(
    // A package's file switch changes the analysis, not the package: its traces stay.
    () => (doc.pkg ? doc.pkg : doc.analysis),
    () => {
      version++
      cache.clear()
      gcFacts.clear()
      buildFailures.value = new Map()
      void load()
    },
  )
  watch(() => [sel.func, sel.arch] as const, () => void load())
  // An id names a value within one pass only when ids are reused: moving to another pass drops the selection and pins.
  watch(
    () => sel.pass,
    () => {
      if (trace.value?.idsReusedAcrossPasses) sel.clear()
    },
  )

  /** The imported trace, when it is the one asked for. */
  function importedTrace(func: string | null, arch: string): FuncTrace | null {
    const t = doc.imported?.trace
    return t && t.func === func && (t.arch === arch || !isArch(t.arch)) ? t : null
  }

  /** Asks the engine for one trace; null with the reason in `diagnostics`. */
  async function fetchTrace(func: string, arch: Arch, src: TraceSource, opts: { signal?: AbortSignal; onProgress?: (p: Progress) => void }): Promise<{ trace: FuncTrace | null; diagnostics: Diagnostic[]; gc?: GcPackageResult }> {
    const api = useApi()
    const source = doc.source!
    const release = src.toolchain ? { toolchain: src.toolchain } : {}
    if (src.engine === 'gc') {
      const r = doc.pkg
        ? await api.call('gcPackage', { dir: doc.pkg.dir, func, arch, ...release, ...(doc.noInline ? { noInline: true } : {}) }, opts)
        : await api.call('gcFile', { path: source.path, text: doc.analyzedText, func, arch, ...release }, opts)
      return { trace: decodeTrace(r.trace), diagnostics: [], gc: r }
    }
    const r = await api.call('ssa', { path: source.path, text: doc.analyzedText, func, arch, ...(check.value ? { check: true } : {}) }, opts)
    return { trace: traceFromWire(r), diagnostics: r.diagnostics }
  }

  function keepFacts(k: string, r: GcPackageResult | undefined): void {
    if (!r) return
    const { trace: _t, files: _f, ...facts } = r
    gcFacts.set(k, facts)
  }

  async function load(): Promise<void> {
    const src = doc.source
    const func = sel.func
    const arch = sel.arch
    error.value = null
    if (doc.imported) {
      call.cancel()
      loading.value = false
      trace.value = importedTrace(func, arch)
      if (func && !trace.value) {
        error.value =
          func === doc.imported.trace.func
            ? `${doc.imported.name} holds ${func} for ${doc.imported.trace.arch} only.`
            : `${doc.imported.name} holds one function, ${doc.imported.trace.func}.`
      }
      return
    }
    if (!src || !func || !doc.analysis || doc.hasErrors || !doc.functions.some((f) => f.name === func)) {
      call.cancel()
      trace.value = null
      loading.value = false
      if (func && doc.pkg && !doc.functions.some((f) => f.name === func))
        error.value = `There is no function ${func} in ${doc.pkg.importPath}: gc compiled ${doc.functions.map((f) => f.name).join(', ')} (generic code once per shape, e.g. Sum[go.shape.int]).`
      else if (func && doc.analysis && !doc.functions.some((f) => f.name === func)) error.value = `There is no function ${func} in ${src?.path}.`
      else if (func && doc.hasErrors && !failures.value.has(func))
        error.value = `No SSA while ${src?.path} has errors (see Problems): like gc, the pipeline compiles a file only when it is clean.`
      return
    }
    if (doc.pkg) {
      // The source pane shows the file of the package that holds the function.
      const file = doc.fileOfFunc(func)
      if (file) doc.showPackageFile(file)
    }
    const hit = cache.get(key(func, arch))
    if (hit) {
      call.cancel()
      loading.value = false
      trace.value = hit
      return
    }
    const k = key(func, arch)
    trace.value = null
    loading.value = true
    const t0 = performance.now()
    const result = await call.run(
      (signal) => fetchTrace(func, arch, mainSource.value, { signal, onProgress: (p) => (progress.value = p) }),
      (e) => (error.value = describeError(e)),
    ).catch((e: unknown) => {
      error.value = `the trace of ${func} could not be read: ${describeError(e)}`
      return undefined
    })
    if (!call.busy()) {
      loading.value = false
      progress.value = null
    }
    if (!result) return
    const t = result.trace
    keepFacts(k, result.gc)
    if (!t) {
      trace.value = null
      const d = result.diagnostics[0]
      if (d) {
        const next = new Map(buildFailures.value)
        next.set(func, { diagnostic: d })
        buildFailures.value = next
      }
      return
    }
    remember(k, t)
    loadMs.value = performance.now() - t0
    if (k === key(sel.func ?? '', sel.arch)) {
      trace.value = t
      // The history index is wanted on the first click; build it before that, while idle.
      const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback : (f: () => void) => setTimeout(f, 200)
      idle(() => {
        if (trace.value === t) historyIndex()
      })
    }
  }

  function remember(k: string, t: FuncTrace): void {
    markRaw(t)
    if (cache.size >= MAX_TRACES) cache.delete(cache.keys().next().value!)
    cache.set(k, t)
    cacheVersion.value++
  }

  /**
   * The trace of any function and arch of the analysed text (the comparison
   * and liveness views want both arches): from the cache, or loaded beside
   * the current one without cancelling it. Null when it cannot be built
   * (the reason lands in `failures`).
   */
  function ensure(func: string, arch: Arch, over?: Partial<TraceSource>): Promise<FuncTrace | null> {
    if (doc.imported) return Promise.resolve(importedTrace(func, arch))
    const src = doc.source
    if (!src || !doc.analysis || doc.hasErrors) return Promise.resolve(null)
    const source = sourceOf(over)
    const k = key(func, arch, source)
    const hit = cache.get(k)
    if (hit) return Promise.resolve(hit)
    const inFlight = pending.get(k)
    if (inFlight) return inFlight
    const p = fetchTrace(func, arch, source, {})
      .then((r) => {
        const t = r.trace
        if (t && k === key(func, arch, source)) {
          keepFacts(k, r.gc)
          remember(k, t)
        } else if (!t) sideErrors.set(k, r.diagnostics[0]?.message ?? 'no trace')
        return t
      })
      .catch((e: unknown) => {
        sideErrors.set(k, describeError(e))
        return null
      })
      .finally(() => pending.delete(k))
    pending.set(k, p)
    return p
  }

  /** Why a trace loaded beside the main one (ensure) could not be had: gc's messages, an unknown function. */
  const sideErrors = reactive(new Map<string, string>())

  /** A trace already loaded (reactive: re-read when a trace arrives), without loading it. */
  function peek(func: string, arch: Arch, over?: Partial<TraceSource>): FuncTrace | null {
    void cacheVersion.value
    if (doc.imported) return importedTrace(func, arch)
    return cache.get(key(func, arch, sourceOf(over))) ?? null
  }

  /** Why ensure(func, arch, over) gave null, if it did. */
  function sideError(func: string, arch: Arch, over?: Partial<TraceSource>): string | null {
    return sideErrors.get(key(func, arch, sourceOf(over))) ?? null
  }

  /** What the gc run of a loaded gc trace said besides the trace (reactive like peek). */
  function gcFactsOf(func: string, arch: Arch, over?: Partial<TraceSource>): GcRunFacts | null {
    void cacheVersion.value
    return gcFacts.get(key(func, arch, sourceOf(over))) ?? null
  }

  /** The current trace's gc facts, when it came from gc. */
  const currentGc = computed<GcRunFacts | null>(() => (trace.value && sel.func ? gcFactsOf(sel.func, sel.arch) : null))

  const passes = computed<readonly PassRecord[]>(() => trace.value?.passes ?? [])
  /** The current pass: the one the selection names, else `start`; past the end of a failed trace, its last record. */
  const passIndex = computed(() => {
    const ps = passes.value
    if (ps.length === 0) return -1
    if (!sel.pass) return 0
    const i = ps.findIndex((p) => p.name === sel.pass)
    return i >= 0 ? i : ps.length - 1
  })
  /** The selected pass is not in the trace (the function stopped at a failed pass before it). */
  const passMissing = computed(() => !!sel.pass && passes.value.length > 0 && !passes.value.some((p) => p.name === sel.pass))
  const current = computed(() => passes.value[passIndex.value] ?? null)
  const previous = computed(() => (passIndex.value > 0 ? passes.value[passIndex.value - 1]! : undefined))
  const failure = computed(() => (sel.func ? failures.value.get(sel.func) ?? null : null))
  const effectOps = computed<ReadonlySet<string>>(() => new Set(trace.value?.effectOps ?? []))

  let historyFor: FuncTrace | null = null
  let history: HistoryIndex | null = null
  /** The value-history index of the current trace, built on first use; none where ids are reused across passes. */
  function historyIndex(): HistoryIndex | null {
    const t = trace.value
    if (!t || t.idsReusedAcrossPasses) return null
    if (historyFor !== t) {
      history = markRaw(new HistoryIndex(t))
      historyFor = t
    }
    return history
  }

  function goto(index: number): void {
    const i = Math.max(0, Math.min(index, passes.value.length - 1))
    const p = passes.value[i]
    // No pass named is the first record: `start` here, `before insert phis` in an imported trace.
    if (p) sel.setPass(i === 0 ? null : p.name)
  }

  return { trace, loading, progress, error, loadMs, check, setCheck, failures, mainSource, ensure, peek, sideError, gcFactsOf, currentGc, passes, passIndex, passMissing, current, previous, failure, effectOps, historyIndex, goto, reload: load }
})
