// The comparison view's model: two traces of the selected function side by
// side, aligned pass by pass and compared. What the two sides are is the
// selection's compare mode:
//   arch       amd64 | ppc64 from the main engine (the selected arch's trace
//              is the main trace; the other is loaded beside it)
//   engine     the embedded pipeline | the real gc (a file inside the subset,
//              compiled by gc as a package of its own with -l), same arch
//   toolchain  gc | another gc release (`otherToolchain`), same arch
// The current pass is the selection's, so stepping here steps both columns.
//
// Value ids are numbered per trace: pins and the selection belong to a side.
// In arch mode a click in a column makes its arch the selected one (as the
// main trace); in the other modes the main trace's side uses the selection,
// the other side keeps its own.

import { defineStore } from 'pinia'
import { computed, reactive, ref, watch, watchEffect } from 'vue'
import type { FuncTrace } from '../../../src-main/protocol/model'
import { ARCHES, type Arch, type CompareMode } from '../deeplink'
import { compareTraces, type Pair, type PassComparison } from '../trace/compare'
import { isInteresting } from '../trace/passes'
import { useDocument } from './document'
import { useSelection } from './selection'
import { useTraces, type TraceSource } from './traces'

/** The arch mode's columns, left to right: always amd64 | ppc64, whichever arch is selected. */
export const COMPARE_ARCHES: Pair<Arch> = [ARCHES[0], ARCHES[1]]

/** The gc release the toolchain mode compares with, unless the user picks another. */
export const DEFAULT_OTHER_TOOLCHAIN = 'go1.27.0'

export type ColumnState = 'ready' | 'loading' | 'missing'

/** One side of the comparison. */
export interface CompareSide {
  /** Stable within a mode: the arch (arch mode), `embedded`/`gc`, or `left`/`right`. */
  key: string
  arch: Arch
  source: TraceSource
  /** It is the main trace (the timeline, history and assembly panes show it). */
  main: boolean
}

interface LocalSelection {
  value: string | null
  pinned: ReadonlyMap<string, number>
}

export const useCompare = defineStore('compare', () => {
  const doc = useDocument()
  const sel = useSelection()
  const traces = useTraces()
  /** Sides whose trace could not be built (ensure gave null), so we do not ask again. */
  const refused = reactive(new Set<string>())
  const inFlight = reactive(new Set<string>())
  /** Selection and pins of sides that are not the main trace (engine and toolchain modes). */
  const local = reactive(new Map<string, LocalSelection>())
  const otherToolchain = ref(DEFAULT_OTHER_TOOLCHAIN)
  const shown = computed(() => sel.view === 'compare')

  /** The modes that make sense for what is open: no embedded side for a package. */
  const modes = computed<CompareMode[]>(() => (doc.pkg ? ['arch', 'toolchain'] : ['arch', 'engine', 'toolchain']))
  const mode = computed<CompareMode>(() => (modes.value.includes(sel.compareMode) ? sel.compareMode : 'arch'))

  const sides = computed<Pair<CompareSide>>(() => {
    const main = traces.mainSource
    switch (mode.value) {
      case 'engine':
        return [
          { key: 'embedded', arch: sel.arch, source: { engine: 'embedded', toolchain: null }, main: true },
          { key: 'gc', arch: sel.arch, source: { engine: 'gc', toolchain: null }, main: false },
        ]
      case 'toolchain': {
        const left: TraceSource = { engine: 'gc', toolchain: main.engine === 'gc' ? main.toolchain : null }
        const right: TraceSource = { engine: 'gc', toolchain: otherToolchain.value }
        return [
          { key: 'left', arch: sel.arch, source: left, main: main.engine === 'gc' },
          { key: 'right', arch: sel.arch, source: right, main: false },
        ]
      }
      default:
        return [
          { key: COMPARE_ARCHES[0], arch: COMPARE_ARCHES[0], source: main, main: sel.arch === COMPARE_ARCHES[0] },
          { key: COMPARE_ARCHES[1], arch: COMPARE_ARCHES[1], source: main, main: sel.arch === COMPARE_ARCHES[1] },
        ]
    }
  })

  const sideId = (func: string, s: CompareSide): string => `${func}\u0000${s.arch}\u0000${s.source.engine}\u0000${s.source.toolchain ?? ''}`

  // A new analysis (or package) may build what the old one refused; pins of side traces go with it.
  watch(
    () => (doc.pkg ? doc.pkg : doc.analysis),
    () => {
      refused.clear()
      local.clear()
    },
  )
  watch(
    () => [sel.func, mode.value, otherToolchain.value] as const,
    () => local.clear(),
  )

  const traceOf = (s: CompareSide): FuncTrace | null => (sel.func ? traces.peek(sel.func, s.arch, s.source) : null)

  // Load each side that is not the main trace beside it (the main one loads as usual).
  watchEffect(() => {
    const func = sel.func
    if (!shown.value || !func || !doc.analysis || doc.hasErrors || traces.failures.has(func)) return
    for (const s of sides.value) {
      const k = sideId(func, s)
      if (isMain(s) || traces.peek(func, s.arch, s.source) || inFlight.has(k) || refused.has(k)) continue
      inFlight.add(k)
      const analysis = doc.analysis
      void traces.ensure(func, s.arch, s.source).then((t) => {
        inFlight.delete(k)
        // A refusal stands for the text it was asked about only.
        if (!t && doc.analysis === analysis) refused.add(k)
      })
    }
  })

  /** The side is the main trace: same arch and source as the selection's. */
  function isMain(s: CompareSide): boolean {
    const m = traces.mainSource
    return s.arch === sel.arch && s.source.engine === m.engine && (s.source.toolchain ?? null) === (m.toolchain ?? null)
  }

  const columns = computed<Pair<FuncTrace | null>>(() => [traceOf(sides.value[0]), traceOf(sides.value[1])])

  function state(s: CompareSide): ColumnState {
    if (traceOf(s)) return 'ready'
    if (isMain(s)) return traces.loading ? 'loading' : 'missing'
    return refused.has(`${sel.func}\u0000${s.arch}\u0000${s.source.engine}\u0000${s.source.toolchain ?? ''}`) || (sel.func !== null && traces.failures.has(sel.func)) ? 'missing' : 'loading'
  }

  /** Why a side has no trace: gc's messages, the build failure. */
  function missingReason(s: CompareSide): string | null {
    if (!sel.func) return null
    // The function's build failure stands for every side of the same engine (no arch builds it).
    const f = traces.failures.get(sel.func)
    if (f && s.source.engine === traces.mainSource.engine) return `${f.diagnostic.file}:${f.diagnostic.line}:${f.diagnostic.col}: ${f.diagnostic.message}`
    return isMain(s) ? traces.error : traces.sideError(sel.func, s.arch, s.source)
  }

  /** A side's name in headings: the arch, `embedded`, or the gc release once known. */
  function label(s: CompareSide): string {
    if (mode.value === 'arch') return s.arch
    if (s.source.engine === 'embedded') return 'embedded'
    const facts = sel.func ? traces.gcFactsOf(sel.func, s.arch, s.source) : null
    return `gc ${facts?.release ?? s.source.toolchain ?? ''}`.trim()
  }

  const labels = computed<Pair<string>>(() => [label(sides.value[0]), label(sides.value[1])])

  /** Either side's trace is still being built: no comparison yet (a missing side would read as gaps). */
  const loading = computed(() => sides.value.some((s) => state(s) === 'loading'))

  /** One row per pass of either trace, compared (only while the view is shown: it walks every snapshot once). */
  const rows = computed<PassComparison[]>(() => {
    if (!shown.value || loading.value) return []
    const [a, b] = columns.value
    return a || b ? compareTraces(a, b, labels.value) : []
  })

  /** The selected pass's row; past the end of both (a pass neither has), the last. */
  const index = computed(() => {
    const rs = rows.value
    if (rs.length === 0) return -1
    if (!sel.pass) return 0
    const i = rs.findIndex((r) => r.name === sel.pass)
    return i >= 0 ? i : rs.length - 1
  })
  const current = computed(() => rows.value[index.value] ?? null)

  function goto(i: number): void {
    const at = Math.max(0, Math.min(i, rows.value.length - 1))
    const r = rows.value[at]
    // No pass named is the first row (`start`, or `before insert phis` when a side is gc's), as in the traces store.
    if (r) sel.setPass(at === 0 ? null : r.name)
  }

  /** A row worth stopping at with f/r: either side changed the function there, or failed. */
  const interesting = (i: number): boolean => rows.value[i]?.records.some((r) => r !== null && isInteresting(r)) ?? false

  const localOf = (s: CompareSide): LocalSelection => local.get(s.key) ?? { value: null, pinned: new Map() }

  /** The selected value of a side. */
  function valueOf(s: CompareSide): string | null {
    if (mode.value === 'arch') return sel.valueOf(s.arch)
    return isMain(s) ? sel.value : localOf(s).value
  }

  /** The pins of a side. */
  function pinsOf(s: CompareSide): ReadonlyMap<string, number> {
    if (mode.value === 'arch') return sel.pinsOf(s.arch)
    return isMain(s) ? sel.pinned : localOf(s).pinned
  }

  /**
   * A click on a value in a column. Arch mode: the column's arch becomes the
   * selected one (its trace is loaded already, so the main trace switches at
   * once and the timeline, history and assembly panes follow it), then the
   * value is selected there. Other modes: the main side selects as the
   * listing does; the other side pins and selects within its column.
   */
  function pick(s: CompareSide, id: string, e: { altKey: boolean; ctrlKey: boolean; shiftKey: boolean }): void {
    if (mode.value === 'arch') {
      if (sel.arch !== s.arch) sel.arch = s.arch
      sel.clickValue(id, e)
      return
    }
    if (isMain(s)) {
      sel.clickValue(id, e)
      return
    }
    const cur = localOf(s)
    const pinned = new Map(cur.pinned)
    if (pinned.has(id) && (e.altKey || e.ctrlKey || cur.value === id)) pinned.delete(id)
    else if (!pinned.has(id)) pinned.set(id, pinned.size % 8)
    local.set(s.key, { value: e.altKey || e.ctrlKey ? cur.value : id, pinned })
  }

  return { mode, modes, sides, labels, otherToolchain, columns, rows, index, current, goto, interesting, state, missingReason, isMain, loading, shown, pick, valueOf, pinsOf }
})
