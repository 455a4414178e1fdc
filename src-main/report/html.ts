// The exported report: the report page the renderer's second Vite entry
// builds into one file (out/report/report.html: the app's own views, scripts
// and styles inlined, vite-plugin-singlefile), with the payload, the static
// part and a Content-Security-Policy put in its placeholders. The policy
// allows exactly the page's inline scripts (by hash) and nothing from the
// network: the file is read from disk and talks to no one.

import { createHash } from 'node:crypto'
import type { ReportData } from '../protocol/report'
import { packReport } from '../protocol/report'
import { decodeTrace } from '../protocol/trace-codec'
import { formatDiagnostic } from '../protocol/model'
import { escapeHtml, staticSection } from './static'

/** The placeholders of src-renderer/report.html, each present once. */
export const SLOTS = {
  csp: '<!--ssascope:csp-->',
  title: '<!--ssascope:title-->',
  static: '<!--ssascope:static-->',
  data: '@@SSASCOPE_REPORT_DATA@@',
} as const

/** The id and type of the element that carries the payload (report/main.ts reads it). */
export const DATA_ELEMENT = { id: 'ssascope-report-data', type: 'application/x-ssascope-report' } as const

/** sha256 sources of the page's executable inline scripts (not the payload element, which is inert data). */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = []
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1]!
    if (/\btype\s*=\s*["']?application\/x-ssascope-report/i.test(attrs)) continue
    if (/\bsrc\s*=/i.test(attrs)) throw new Error('the report template loads a script from a URL; it must be inlined')
    out.push(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`)
  }
  return out
}

export function reportCsp(scriptHashes: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')}`,
    // CodeMirror and Cytoscape set element styles at run time; the page's own styles are inline.
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

function fill(html: string, slot: string, value: string): string {
  const parts = html.split(slot)
  if (parts.length !== 2) throw new Error(`the report template has ${parts.length - 1} ${slot} placeholders, want 1`)
  return parts[0] + value + parts[1]
}

/** The report's HTML: the template with the payload, the static part, the title and the CSP in place. */
export function buildReportHtml(template: string, data: ReportData): string {
  // The hashes are of the template's own scripts: nothing from the data enters a script element but the base64 payload.
  const csp = reportCsp(inlineScriptHashes(template))
  const statics = data.arches.map((arch) => {
    const r = data.ssa[arch]
    const trace = r?.trace ? decodeTrace(r.trace) : null
    const why = r?.diagnostics.map(formatDiagnostic).join('\n')
    return { arch, trace, ...(why ? { why } : {}) }
  })
  // The payload first: base64 holds no placeholder, while a path could spell one.
  let html = fill(template, SLOTS.data, packReport(data))
  html = fill(html, SLOTS.csp, `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`)
  html = fill(html, SLOTS.title, escapeHtml(`${data.func} (${data.arches.join(', ')}) · ${data.source.path} · ssascope report`))
  html = fill(html, SLOTS.static, staticSection(data.func, data.source.path, statics))
  return html
}

/** A file name for the report: the function and arches, with anything but [A-Za-z0-9._-] replaced. */
export function reportFileName(func: string, arches: readonly string[]): string {
  return `${func}-${arches.join('-')}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) + '.html'
}
