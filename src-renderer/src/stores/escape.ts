// Escape analysis of the analysed text (gc's -m=2 lines), with the selected
// function's batch graph, and a request to show one location (a gutter
// marker or a link asks; the escape view answers).

import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { EscapeResult } from '../../../src-main/protocol/model'
import { useApi } from '../api/instance'
import { describeError, useLatestCall } from '../composables/useLatestCall'
import { useDocument } from './document'
import { useSelection } from './selection'

export const useEscape = defineStore('escape', () => {
  const doc = useDocument()
  const sel = useSelection()
  const result = shallowRef<EscapeResult | null>(null)
  /** A gc position (`file:line:col`) whose location the escape view should choose, once its graph is there. */
  const focusPos = ref<string | null>(null)
  const call = useLatestCall()

  async function load(): Promise<void> {
    const src = doc.source
    // An imported document's text is gc's copy of a few lines, not a file to analyse; a package's escape
    // decisions are gc's own (traces.currentGc), not the embedded analysis.
    if (!src || !doc.analysis || doc.hasErrors || doc.imported || doc.pkg) {
      call.cancel()
      result.value = null
      return
    }
    const func = sel.func ?? undefined
    const text = doc.analyzedText
    const r = await call.run(
      (signal) => useApi().call('escape', { path: src.path, text, level: '2', ...(func ? { func } : {}) }, { signal }),
      (e) => (doc.error = describeError(e)),
    )
    if (r) result.value = r
  }
  watch(() => [doc.analysis, sel.func] as const, () => void load(), { immediate: true })

  /** Shows the location declared at pos in the escape view: the innermost function around it becomes the selection unless its batch is on screen. */
  function focus(pos: string, func: string | null): void {
    const batch = result.value?.graph?.functions ?? []
    if (func && !batch.includes(func)) sel.selectFunc(func)
    focusPos.value = pos
    sel.view = 'escape'
  }

  return { result, focusPos, focus, reload: load }
})
