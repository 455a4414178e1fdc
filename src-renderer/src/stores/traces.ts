// Traces of the functions looked at, per function and arch, for the analysed
// text: loaded on demand (a newer request cancels the older), kept while the
// text stays the same. Views read the current trace and pass from here.
// An imported document (gc's ssa.html) has its one trace already: nothing is
// requested, and since gc reuses value ids between passes, there is no value
// history and the selection does not outlive its pass.

import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import type { Arch, Diagnostic, FuncTrace, PassRecord, Progress } from '../../../src-main/protocol/model'
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

export const useTraces = defineStore('traces', () => {
  const doc = useDocument()
  const sel = useSelection()
  const cache = new Map<string, FuncTrace>()
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

  const key = (func: string, arch: string) => `${version}\u0000${func}\u0000${arch}`

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
    () => doc.analysis,
    () => {
      version++
      cache.clear()
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
      if (func && doc.analysis && !doc.functions.some((f) => f.name === func)) error.value = `There is no function ${func} in ${src?.path}.`
      else if (func && doc.hasErrors && !failures.value.has(func))
        error.value = `No SSA while ${src?.path} has errors (see Problems): like gc, the pipeline compiles a file only when it is clean.`
      return
    }
    const hit = cache.get(key(func, arch))
    if (hit) {
      call.cancel()
      loading.value = false
      trace.value = hit
      return
    }
    const k = key(func, arch)
    const text = doc.analyzedText
    trace.value = null
    loading.value = true
    const t0 = performance.now()
    const result = await call.run(
      (signal) => useApi().call('ssa', { path: src.path, text, func, arch, ...(check.value ? { check: true } : {}) }, { signal, onProgress: (p) => (progress.value = p) }),
      (e) => (error.value = describeError(e)),
    )
    if (!call.busy()) {
      loading.value = false
      progress.value = null
    }
    if (!result) return
    let t: FuncTrace | null
    try {
      t = traceFromWire(result)
    } catch (e) {
      error.value = `the trace of ${func} could not be read: ${describeError(e)}`
      return
    }
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
  function ensure(func: string, arch: Arch): Promise<FuncTrace | null> {
    if (doc.imported) return Promise.resolve(importedTrace(func, arch))
    const src = doc.source
    if (!src || !doc.analysis || doc.hasErrors) return Promise.resolve(null)
    const k = key(func, arch)
    const hit = cache.get(k)
    if (hit) return Promise.resolve(hit)
    const inFlight = pending.get(k)
    if (inFlight) return inFlight
    const text = doc.analyzedText
    const p = useApi()
      .call('ssa', { path: src.path, text, func, arch, ...(check.value ? { check: true } : {}) })
      .then((r) => {
        const t = traceFromWire(r)
        if (t && k === key(func, arch)) remember(k, t)
        return t
      })
      .catch(() => null)
      .finally(() => pending.delete(k))
    pending.set(k, p)
    return p
  }

  /** A trace already loaded (reactive: re-read when a trace arrives), without loading it. */
  function peek(func: string, arch: Arch): FuncTrace | null {
    void cacheVersion.value
    if (doc.imported) return importedTrace(func, arch)
    return cache.get(key(func, arch)) ?? null
  }

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

  return { trace, loading, progress, error, loadMs, check, setCheck, failures, ensure, peek, passes, passIndex, passMissing, current, previous, failure, effectOps, historyIndex, goto, reload: load }
})
