// The exported report's entry (report.html, built into one file): the app's
// own components over a ReportApi that answers from the inlined payload.
// The page opens where the app was when it exported; a deep link in the
// file's URL (?pass=…&value=…) takes precedence.

import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from '../App.vue'
import { setApi } from '../api/instance'
import { parseDeepLink, type DeepLink, type View } from '../deeplink'
import { useDocument } from '../stores/document'
import { useSelection } from '../stores/selection'
import { openReport, type Inflate } from '../../../src-main/protocol/report'
import { ReportApi } from './api'
import '../style.css'
import './report.css'

// The static part (pass table, final listing) is for readers without JavaScript and for print.
document.documentElement.classList.add('js')

/** The browser's own zlib where it has one (much faster than JavaScript's); else fflate's. */
const nativeInflate: Inflate | undefined =
  typeof DecompressionStream === 'function'
    ? async (bytes) => new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer())
    : undefined

async function start(): Promise<void> {
  const carrier = document.getElementById('ssascope-report-data')
  const report = await openReport(carrier?.textContent ?? '', nativeInflate)
  const data = report.core
  // The first trace shown is read while the app mounts.
  void report.ssa(data.initial.arch)
  setApi(new ReportApi(report), { report: { func: data.func, arches: data.arches, created: data.created, version: data.app.version } })
  const app = createApp(App)
  app.use(createPinia())
  app.mount('#app')

  const doc = useDocument()
  const sel = useSelection()
  const asked = parseDeepLink(location.search)
  const link: DeepLink = {
    ...(data.example ? { example: data.example } : { file: data.source.path }),
    func: data.func,
    arch: asked.arch && data.arches.includes(asked.arch) ? asked.arch : data.initial.arch,
  }
  const pass = asked.pass ?? data.initial.pass
  const view = asked.view ?? (data.initial.view as View | undefined)
  const value = asked.value ?? data.initial.value
  if (pass) link.pass = pass
  if (view) link.view = view
  if (value) link.value = value
  await doc.connect()
  await sel.applyDeepLink(link)
}

start().catch((e: unknown) => {
  document.documentElement.classList.remove('js')
  const p = document.createElement('p')
  p.className = 'report-error'
  p.textContent = `ssascope: ${(e as Error).message}`
  document.body.prepend(p)
})
