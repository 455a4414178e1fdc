// Escape analysis of the analysed text (gc's -m=2 lines), with the selected
// function's batch graph.

import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import type { EscapeResult } from '../../../src-main/protocol/model'
import { useApi } from '../api/instance'
import { describeError, useLatestCall } from '../composables/useLatestCall'
import { useDocument } from './document'
import { useSelection } from './selection'

export const useEscape = defineStore('escape', () => {
  const doc = useDocument()
  const sel = useSelection()
  const result = shallowRef<EscapeResult | null>(null)
  const call = useLatestCall()

  async function load(): Promise<void> {
    const src = doc.source
    if (!src || !doc.analysis || doc.hasErrors) {
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

  return { result, reload: load }
})
