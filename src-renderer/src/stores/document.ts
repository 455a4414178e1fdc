// The open source file and its analysis (functions, diagnostics). Edits
// re-run the analysis after a short debounce; a newer run cancels the older.
// Or a package opened with the real gc (`pkg`): its functions are what gc
// compiles, its files are shown read-only, one at a time (the selected
// function's), and its traces come from gc (stores/traces.ts).
// Or an imported trace (gc's ssa.html): its sources column as a read-only
// text and its one function, with the trace itself kept here.

import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AnalyzeResult, AppInfo, ExampleInfo, FuncInfo, FuncTrace, GcFuncInfo, GcPackageInfo, ImportedSource, Progress, SourceFile } from '../../../src-main/protocol/model'
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
  /** The package opened with the real gc, or null for a file or an example. */
  const pkg = shallowRef<GcPackageInfo | null>(null)
  /** gc release for the package (`go1.27.0`); null: the service's go. */
  const toolchain = ref<string | null>(null)
  /** Compile the package with -l. */
  const noInline = ref(false)
  const imported = shallowRef<ImportedDoc | null>(null)
  const importing = ref(false)

  const diagnostics = computed(() => analysis.value?.diagnostics ?? [])
  const functions = computed(() => analysis.value?.functions ?? [])
  const hasErrors = computed(() => diagnostics.value.some((d) => d.severity === 'error'))
  /** Changes when another document opens (not when a package shows another of its files). */
  const docKey = computed(() => (pkg.value ? `pkg:${pkg.value.dir}:${toolchain.value ?? ''}:${noInline.value}` : `${source.value?.origin}:${source.value?.path}`))

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
      pkg.value = null
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

  const pkgCall = useLatestCall()

  /**
   * Opens the package in `dir` (on the machine the service runs on) with the
   * real gc: its files and the functions gc compiles (one compile).
   */
  async function openPackage(dir: string, opts: { toolchain?: string | null; noInline?: boolean } = {}): Promise<boolean> {
    const release = opts.toolchain === undefined ? toolchain.value : opts.toolchain
    const l = opts.noInline ?? noInline.value
    analyzing.value = true
    const result = await pkgCall.run(
      (signal) =>
        useApi().call('gcFuncs', { dir, ...(release ? { toolchain: release } : {}), ...(l ? { noInline: true } : {}) }, { signal, onProgress: (p) => (progress.value = p) }),
      (e) => (error.value = describeError(e)),
    )
    if (!pkgCall.busy()) {
      analyzing.value = false
      progress.value = null
    }
    if (!result) return false
    clearTimeout(debounce)
    analyzeCall.cancel()
    exampleName.value = null
    toolchain.value = release
    noInline.value = l
    imported.value = null
    pkg.value = result
    error.value = null
    showPackageFile(result.files[0]?.path ?? '')
    return true
  }

  /** Shows one of the package's files (the one holding the selected function). */
  function showPackageFile(path: string): void {
    const p = pkg.value
    const f = p?.files.find((x) => x.path === path)
    if (!p || !f || (source.value?.path === displayPath(p, f.path) && analysis.value)) return
    source.value = { path: displayPath(p, f.path), text: f.text, origin: 'file' }
    text.value = f.text
    analyzedText.value = f.text
    analysis.value = { file: source.value.path, functions: packageFunctions(p, f), diagnostics: [], timings: [] }
  }

  /** The package file of a function gc compiled, when it is one of the package's files. */
  function fileOfFunc(name: string): string | null {
    const f = pkg.value?.functions.find((x) => x.name === name)
    return f && pkg.value!.files.some((x) => x.path === f.file) ? f.file : null
  }

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
      pkg.value = null
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
    // A package is shown read-only (gc compiles what is on disk); an import's sources are gc's copy of the lines,
    // and an exported report holds the analysis of its own text only: nothing to re-analyse.
    if (pkg.value || imported.value || reportScope()) return
    if (newText === text.value) return
    text.value = newText
    clearTimeout(debounce)
    debounce = setTimeout(() => void analyze(), EDIT_DEBOUNCE_MS)
  }

  async function analyze(): Promise<void> {
    const src = source.value
    if (!src || pkg.value) return
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
    info, examples, source, exampleName, text, analyzedText, analysis, analyzing, progress, error, pkg, toolchain, noInline, imported, importing,
    diagnostics, functions, hasErrors, docKey,
    connect, openExample, openFile, openPackage, showPackageFile, fileOfFunc, importSsaHtml, edit, analyze,
  }
})

const displayPath = (p: GcPackageInfo, file: string): string => `${p.dir.replace(/\/+$/, '')}/${file}`

/**
 * gc's functions as the function list shows them: every function of the
 * package (the list is the package's), each placed in the file shown when it
 * is that file's (elsewhere its offsets are 0).
 */
export function packageFunctions(p: GcPackageInfo, shown: SourceFile): FuncInfo[] {
  const starts = [0]
  for (let i = 0; i < shown.text.length; i++) if (shown.text.charCodeAt(i) === 10) starts.push(i + 1)
  return p.functions.map((f) => {
    const here = f.file === shown.path
    const from = here ? (starts[f.line - 1] ?? 0) : 0
    return { name: f.name, kind: funcKind(f), line: f.line, col: 1, endLine: f.line, from, to: from, pragmas: [] }
  })
}

function funcKind(f: GcFuncInfo): FuncInfo['kind'] {
  if (/\.func\d+(\.\d+)*$/.test(f.name)) return 'closure'
  // `T.M`, `(*T).M`, `(*T[go.shape.int]).M`: a receiver before the last dot outside brackets.
  let depth = 0
  for (const c of f.name) {
    if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === '.' && depth === 0) return 'method'
  }
  return 'func'
}
