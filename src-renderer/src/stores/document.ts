// The open source file and its analysis (functions, diagnostics). Edits
// re-run the analysis after a short debounce; a newer run cancels the older.
// Or an imported trace (gc's ssa.html): its sources column as a read-only
// text and its one function, with the trace itself kept here.

import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AnalyzeResult, AppInfo, ExampleInfo, FuncTrace, ImportedSource, Progress, SourceFile } from '../../../src-main/protocol/model'
import { decodeTrace } from '../../../src-main/protocol/trace-codec'
import { reportScope, useApi } from '../api/instance'
import { importedDocument } from '../trace/imported'
import { describeError, useLatestCall } from '../composables/useLatestCall'

export const EDIT_DEBOUNCE_MS = 300

/** A trace read from gc's output rather than built here. */
export interface ImportedDoc {
  /** The file's name as the user gave it. */
  name: string
  trace: FuncTrace
  sources: ImportedSource[]
  warnings: string[]
}

export const useDocument = defineStore('document', () => {
  const info = ref<AppInfo | null>(null)
  const examples = ref<ExampleInfo[]>([])
  const source = shallowRef<SourceFile | null>(null)
  const exampleName = ref<string | null>(null)
  const text = ref('')
  /** The text the analysis (and every trace) belongs to; changes after the edit debounce. */
  const analyzedText = ref('')
  const analysis = shallowRef<AnalyzeResult | null>(null)
  const analyzing = ref(false)
  const progress = ref<Progress | null>(null)
  const error = ref<string | null>(null)
  const imported = shallowRef<ImportedDoc | null>(null)
  const importing = ref(false)

  const diagnostics = computed(() => analysis.value?.diagnostics ?? [])
  const functions = computed(() => analysis.value?.functions ?? [])
  const hasErrors = computed(() => diagnostics.value.some((d) => d.severity === 'error'))
  const docKey = computed(() => `${source.value?.origin}:${source.value?.path}`)

  const analyzeCall = useLatestCall()
  let debounce: ReturnType<typeof setTimeout> | undefined

  async function connect(): Promise<void> {
    try {
      const api = useApi()
      ;[info.value, examples.value] = await Promise.all([api.call('info', {}), api.call('listExamples', {})])
    } catch (e) {
      error.value = describeError(e)
    }
  }

  async function open(load: () => Promise<SourceFile>, example: string | null): Promise<boolean> {
    try {
      const file = await load()
      clearTimeout(debounce)
      imported.value = null
      source.value = file
      exampleName.value = example
      text.value = file.text
      error.value = null
      await analyze()
      return true
    } catch (e) {
      error.value = describeError(e)
      return false
    }
  }

  const openExample = (name: string) => open(() => useApi().call('openExample', { name }), name)
  const openFile = (path: string) => open(() => useApi().call('openFile', { path }), null)

  /**
   * Imports gc's ssa.html, given as its text (a chosen or dropped file) or a
   * path the service reads (the desktop menu). The sources column becomes
   * the text (lines at their own numbers), its function the only one.
   */
  async function importSsaHtml(file: { name: string; text: string } | { name: string; path: string }): Promise<ImportedDoc | null> {
    importing.value = true
    try {
      const r = await useApi().call('importSsaHtml', file, { onProgress: (p) => (progress.value = p) })
      const trace = decodeTrace(r.trace)
      const { source: src, analysis: a } = importedDocument(r.name, trace, r.sources)
      clearTimeout(debounce)
      analyzeCall.cancel()
      const doc: ImportedDoc = { name: r.name, trace, sources: r.sources, warnings: r.warnings }
      imported.value = doc
      source.value = src
      exampleName.value = null
      text.value = src.text
      analyzedText.value = src.text
      analysis.value = a
      error.value = null
      return doc
    } catch (e) {
      error.value = describeError(e)
      return null
    } finally {
      importing.value = false
      progress.value = null
    }
  }

  function edit(newText: string): void {
    // An import's sources are gc's copy of the lines, and an exported report
    // holds the analysis of its own text only: nothing to re-analyse.
    if (imported.value || reportScope()) return
    if (newText === text.value) return
    text.value = newText
    clearTimeout(debounce)
    debounce = setTimeout(() => void analyze(), EDIT_DEBOUNCE_MS)
  }

  async function analyze(): Promise<void> {
    const src = source.value
    if (!src) return
    const t = text.value
    analyzing.value = true
    const result = await analyzeCall.run(
      (signal) => useApi().call('analyze', { path: src.path, text: t }, { signal, onProgress: (p) => (progress.value = p) }),
      (e) => (error.value = describeError(e)),
    )
    if (result) {
      analysis.value = result
      analyzedText.value = t
      error.value = null
    }
    if (!analyzeCall.busy()) {
      analyzing.value = false
      progress.value = null
    }
  }

  return {
    info, examples, source, exampleName, text, analyzedText, analysis, analyzing, progress, error, imported, importing,
    diagnostics, functions, hasErrors, docKey,
    connect, openExample, openFile, importSsaHtml, edit, analyze,
  }
})
