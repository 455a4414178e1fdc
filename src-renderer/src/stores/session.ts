// What the user is looking at: the source, its analysis, the selection.
// Edits re-run the analysis after a short debounce; a newer run cancels the older.

import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { SsascopeApi } from '../../../src-main/protocol/api'
import { ApiError } from '../../../src-main/protocol/errors'
import type { AnalyzeResult, AppInfo, EscapeResult, ExampleInfo, Progress, SourceFile } from '../../../src-main/protocol/model'
import { formatDeepLink, type Arch, type DeepLink, type View } from '../deeplink'

export const EDIT_DEBOUNCE_MS = 300

export const useSession = defineStore('session', () => {
  let api: SsascopeApi | undefined
  const info = ref<AppInfo | null>(null)
  const examples = ref<ExampleInfo[]>([])
  const source = shallowRef<SourceFile | null>(null)
  const exampleName = ref<string | null>(null)
  const text = ref('')
  const analysis = shallowRef<AnalyzeResult | null>(null)
  const analyzing = ref(false)
  const progress = ref<Progress | null>(null)
  const error = ref<string | null>(null)
  const selectedFunc = ref<string | null>(null)
  const arch = ref<Arch>('amd64')
  const pass = ref<string | null>(null)
  const view = ref<View>('source')
  /** The keyboard-shortcuts dialog; opened by `?`, F1, the button or the Help menu. */
  const shortcutsOpen = ref(false)
  /** Escape analysis of the current text (-m=2 lines), with the selected function's graph. */
  const escape = shallowRef<EscapeResult | null>(null)

  const diagnostics = computed(() => analysis.value?.diagnostics ?? [])
  const functions = computed(() => analysis.value?.functions ?? [])
  const deepLink = computed<DeepLink>(() => ({
    example: exampleName.value ?? undefined,
    file: exampleName.value ? undefined : source.value?.path,
    func: selectedFunc.value ?? undefined,
    arch: arch.value === 'amd64' ? undefined : arch.value,
    pass: pass.value ?? undefined,
    view: view.value === 'source' ? undefined : view.value,
  }))

  let running: AbortController | undefined
  let debounce: ReturnType<typeof setTimeout> | undefined

  function client(): SsascopeApi {
    if (!api) throw new Error('session store used before connect()')
    return api
  }

  async function connect(a: SsascopeApi): Promise<void> {
    api = a
    try {
      ;[info.value, examples.value] = await Promise.all([a.call('info', {}), a.call('listExamples', {})])
    } catch (e) {
      error.value = describe(e)
    }
  }

  async function open(load: () => Promise<SourceFile>, example: string | null): Promise<boolean> {
    try {
      const file = await load()
      source.value = file
      exampleName.value = example
      text.value = file.text
      selectedFunc.value = null
      error.value = null
      await analyze()
      return true
    } catch (e) {
      error.value = describe(e)
      return false
    }
  }

  const openExample = (name: string) => open(() => client().call('openExample', { name }), name)
  const openFile = (path: string) => open(() => client().call('openFile', { path }), null)

  function edit(newText: string): void {
    if (newText === text.value) return
    text.value = newText
    clearTimeout(debounce)
    debounce = setTimeout(() => void analyze(), EDIT_DEBOUNCE_MS)
  }

  async function analyze(): Promise<void> {
    if (!source.value) return
    running?.abort()
    const abort = new AbortController()
    running = abort
    analyzing.value = true
    try {
      const result = await client().call(
        'analyze',
        { path: source.value.path, text: text.value },
        { signal: abort.signal, onProgress: (p) => (progress.value = p) },
      )
      if (running !== abort) return
      analysis.value = result
      error.value = null
      void loadEscape()
    } catch (e) {
      if (running === abort && !(e instanceof ApiError && e.code === 'cancelled')) error.value = describe(e)
    } finally {
      if (running === abort) {
        analyzing.value = false
        progress.value = null
        running = undefined
      }
    }
  }

  function selectFunc(name: string | null): void {
    selectedFunc.value = name
  }

  let escapeRun: AbortController | undefined
  async function loadEscape(): Promise<void> {
    escapeRun?.abort()
    const src = source.value
    if (!src || !analysis.value || analysis.value.diagnostics.some((d) => d.severity === 'error')) {
      escape.value = null
      return
    }
    const abort = new AbortController()
    escapeRun = abort
    try {
      const func = selectedFunc.value ?? undefined
      const result = await client().call('escape', { path: src.path, text: text.value, level: '2', ...(func ? { func } : {}) }, { signal: abort.signal })
      if (escapeRun === abort) escape.value = result
    } catch (e) {
      if (escapeRun === abort && !(e instanceof ApiError && e.code === 'cancelled')) error.value = describe(e)
    }
  }
  watch(selectedFunc, () => void loadEscape())

  async function applyDeepLink(link: DeepLink): Promise<void> {
    if (link.arch) arch.value = link.arch
    if (link.pass) pass.value = link.pass
    if (link.view) view.value = link.view
    const ok = link.file ? await openFile(link.file) : await openExample(link.example ?? examples.value[0]?.name ?? '')
    if (ok && link.func) selectedFunc.value = link.func
  }

  return {
    info, examples, source, exampleName, text, analysis, analyzing, progress, error,
    selectedFunc, arch, pass, view, shortcutsOpen, escape, diagnostics, functions, deepLink,
    connect, openExample, openFile, edit, analyze, selectFunc, applyDeepLink,
    shareUrl: () => formatDeepLink(deepLink.value),
  }
})

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
