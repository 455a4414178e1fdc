// File › Export report… (the Electron menu) and the top bar's Export button:
// the service writes a self-contained HTML report of the selected function
// on both arches (the selected one first: the report opens on it, where the
// app is now) and the page saves it as a download.

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ARCHES } from '../deeplink'
import { reportScope, useApi } from '../api/instance'
import { describeError } from '../composables/useLatestCall'
import { useDocument } from './document'
import { useSelection } from './selection'
import { useTraces } from './traces'

export const useExporter = defineStore('exporter', () => {
  const doc = useDocument()
  const sel = useSelection()
  const traces = useTraces()
  const busy = ref(false)
  /** What the export is doing (its progress phase), while busy. */
  const phase = ref<string | null>(null)
  /** The last report saved, for the status line. */
  const saved = ref<{ fileName: string; bytes: number } | null>(null)

  /**
   * A trace is on screen, of the analysed text (a report itself cannot export).
   * A report holds the embedded pipeline's traces, so not gc's (a package, an imported ssa.html).
   */
  const enabled = computed(
    () => !reportScope() && !busy.value && !doc.pkg && !doc.imported && !!traces.trace && !!doc.source && doc.text === doc.analyzedText,
  )

  async function run(): Promise<void> {
    const src = doc.source
    const func = sel.func
    if (busy.value) return
    if (!enabled.value || !src || !func) {
      doc.error = 'Nothing to export yet: pick a function whose SSA is shown.'
      return
    }
    busy.value = true
    try {
      const arches = [sel.arch, ...ARCHES.filter((a) => a !== sel.arch)]
      const args = {
        path: src.path,
        text: doc.analyzedText,
        func,
        arches,
        ...(doc.exampleName ? { example: doc.exampleName } : {}),
        ...(sel.pass ? { pass: sel.pass } : {}),
        ...(sel.view !== 'ssa' ? { view: sel.view } : {}),
        ...(sel.value ? { value: sel.value } : {}),
      }
      const r = await useApi().call('exportReport', args, { onProgress: (p) => (phase.value = p.phase) })
      download(r.fileName, r.html)
      saved.value = { fileName: r.fileName, bytes: new Blob([r.html]).size }
    } catch (e) {
      doc.error = `The report could not be exported: ${describeError(e)}`
    } finally {
      busy.value = false
      phase.value = null
    }
  }

  return { busy, phase, saved, enabled, run }
})

/** Saves text as a file: a download in the browser, the save dialog in Electron. */
function download(fileName: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
