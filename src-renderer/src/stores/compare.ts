// The architecture comparison: the selected function's amd64 and ppc64
// traces (the selected arch's is the main trace; the other is loaded beside
// it with traces.ensure), aligned pass by pass and compared. The current
// pass is the selection's, so stepping here steps both columns, and the pass
// keys step over the union of both pass lists while this view is shown.

import { defineStore } from 'pinia'
import { computed, reactive, watch, watchEffect } from 'vue'
import type { FuncTrace } from '../../../src-main/protocol/model'
import { ARCHES, type Arch } from '../deeplink'
import { compareTraces, type Pair, type PassComparison } from '../trace/compare'
import { isInteresting } from '../trace/passes'
import { useDocument } from './document'
import { useSelection } from './selection'
import { useTraces } from './traces'

/** The columns, left to right: always amd64 | ppc64, whichever arch is selected. */
export const COMPARE_ARCHES: Pair<Arch> = [ARCHES[0], ARCHES[1]]

export type ColumnState = 'ready' | 'loading' | 'missing'

export const useCompare = defineStore('compare', () => {
  const doc = useDocument()
  const sel = useSelection()
  const traces = useTraces()
  /** Functions+arches whose side trace could not be built (ensure gave null), so we do not ask again. */
  const refused = reactive(new Set<string>())
  const inFlight = reactive(new Set<string>())
  const shown = computed(() => sel.view === 'compare')

  // A new analysis may build what the old one refused.
  watch(
    () => doc.analysis,
    () => refused.clear(),
  )

  const traceOf = (arch: Arch): FuncTrace | null => (sel.func ? traces.peek(sel.func, arch) : null)

  // Load the arch that is not the main one beside it (the main one loads as usual).
  watchEffect(() => {
    const func = sel.func
    if (!shown.value || !func || !doc.analysis || doc.hasErrors || traces.failures.has(func)) return
    for (const arch of COMPARE_ARCHES) {
      const k = `${func}\u0000${arch}`
      if (arch === sel.arch || traces.peek(func, arch) || inFlight.has(k) || refused.has(k)) continue
      inFlight.add(k)
      const analysis = doc.analysis
      void traces.ensure(func, arch).then((t) => {
        inFlight.delete(k)
        // A refusal stands for the text it was asked about only.
        if (!t && doc.analysis === analysis) refused.add(k)
      })
    }
  })

  const columns = computed<Pair<FuncTrace | null>>(() => [traceOf(COMPARE_ARCHES[0]), traceOf(COMPARE_ARCHES[1])])

  function state(arch: Arch): ColumnState {
    if (traceOf(arch)) return 'ready'
    if (arch === sel.arch) return traces.loading ? 'loading' : 'missing'
    return refused.has(`${sel.func}\u0000${arch}`) || (sel.func !== null && traces.failures.has(sel.func)) ? 'missing' : 'loading'
  }

  /** Either side's trace is still being built: no comparison yet (a missing side would read as gaps). */
  const loading = computed(() => COMPARE_ARCHES.some((a) => state(a) === 'loading'))

  /** One row per pass of either trace, compared (only while the view is shown: it walks every snapshot once). */
  const rows = computed<PassComparison[]>(() => {
    if (!shown.value || loading.value) return []
    const [a, b] = columns.value
    return a || b ? compareTraces(a, b, COMPARE_ARCHES) : []
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
    const r = rows.value[Math.max(0, Math.min(i, rows.value.length - 1))]
    if (r) sel.setPass(r.name === 'start' ? null : r.name)
  }

  /** A row worth stopping at with f/r: either side changed the function there, or failed. */
  const interesting = (i: number): boolean => rows.value[i]?.records.some((r) => r !== null && isInteresting(r)) ?? false

  /**
   * A click on a value in a column: the column's arch becomes the selected
   * one (its trace is loaded already, so the main trace switches at once and
   * the timeline, history and assembly panes follow it), then the value is
   * selected there. The other arch's selection and pins are kept aside for
   * its column (value ids are numbered per arch).
   */
  function pick(arch: Arch, id: string, e: { altKey: boolean; ctrlKey: boolean; shiftKey: boolean }): void {
    if (sel.arch !== arch) sel.arch = arch
    sel.clickValue(id, e)
  }

  return { columns, rows, index, current, goto, interesting, state, loading, shown, pick }
})
