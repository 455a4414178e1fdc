// The exported report's payload: everything the app fetched for one function
// (its source, analysis, escape result and, per arch, the `ssa` answer with
// the trace in the compact encoding), packed into one string that is safe to
// place inside an HTML file: JSON, deflated (fflate), then base64. Base64
// holds only [A-Za-z0-9+/=], so no program text can close the element that
// carries it or be read as markup; the renderer unpacks it and shows the
// text through the app's own (escaping) views. Pure: the exporter (node) and
// the report page (browser) share it.

import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate'
import type { AnalyzeResult, AppInfo, Arch, EscapeResult, SourceFile, SsaResult } from './model'

export const REPORT_FORMAT = 'ssascope-report/1'

/** Where the report opens: the app's selection when it was exported. */
export interface ReportInitial {
  arch: Arch
  pass?: string
  view?: string
  value?: string
}

export interface ReportData {
  format: typeof REPORT_FORMAT
  /** The app that wrote the report, and when (ISO 8601). */
  app: Pick<AppInfo, 'name' | 'version'>
  created: string
  /** The example's name when the source is a shipped example. */
  example: string | null
  source: SourceFile
  analysis: AnalyzeResult
  /** The function exported (gc's name). */
  func: string
  /** The arches exported, in the order asked; `ssa` has an answer for each. */
  arches: Arch[]
  /** gc -m=2 lines of the file and the escape graph of the function's batch. */
  escape: EscapeResult
  ssa: Partial<Record<Arch, SsaResult>>
  initial: ReportInitial
}

/** Base64 of arbitrary bytes, in chunks of a multiple of 3 bytes so the pieces concatenate (no Node Buffer here; btoa wants a binary string). */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 3 * 8192
  let out = ''
  for (let i = 0; i < bytes.length; i += CHUNK) out += btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK)))
  return out
}

export function fromBase64(text: string): Uint8Array {
  const bin = atob(text.replace(/\s+/g, ''))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** The payload as HTML-inert text: JSON, deflated, base64. */
export function packReport(data: ReportData): string {
  return toBase64(zlibSync(strToU8(JSON.stringify(data)), { level: 9 }))
}

/** The payload back; throws a readable Error when the text is not one. */
export function unpackReport(packed: string): ReportData {
  let data: unknown
  try {
    data = JSON.parse(strFromU8(unzlibSync(fromBase64(packed))))
  } catch (e) {
    throw new Error(`the report's data cannot be read: ${(e as Error).message}`)
  }
  const d = data as Partial<ReportData> | null
  if (!d || d.format !== REPORT_FORMAT) throw new Error(`the report's data is not ${REPORT_FORMAT}`)
  if (!d.source || !d.analysis || !d.func || !Array.isArray(d.arches) || !d.ssa || !d.escape) throw new Error("the report's data is incomplete")
  return d as ReportData
}
