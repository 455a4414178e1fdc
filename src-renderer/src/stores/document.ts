// The open source file and its analysis (functions, diagnostics). Edits
// re-run the analysis after a short debounce; a newer run cancels the older.

import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AnalyzeResult, AppInfo, ExampleInfo, Progress, SourceFile } from '../../../src-main/protocol/model'
import { reportScope, useApi } from '../api/instance'
import { describeError, useLatestCall } from '../composables/useLatestCall'

export const EDIT_DEBOUNCE_MS = 300

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

  function edit(newText: string): void {
    // An exported report holds the analysis of its own text only.
    if (newText === text.value || reportScope()) return
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
    info, examples, source, exampleName, text, analyzedText, analysis, analyzing, progress, error,
    diagnostics, functions, hasErrors, docKey,
    connect, openExample, openFile, edit, analyze,
  }
})
