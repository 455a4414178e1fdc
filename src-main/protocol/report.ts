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

/**
 * The payload as HTML-inert text: the parts, each JSON deflated and in
 * base64, joined by '.' (not a base64 character). The first part is
 * everything but the traces; then one part per arch, in `arches` order, so
 * the page reads a trace only when it is shown.
 */
export function packReport(data: ReportData): string {
  const { ssa, ...core } = data
  const part = (x: unknown) => toBase64(zlibSync(strToU8(JSON.stringify(x)), { level: 9 }))
  return [part(core), ...data.arches.map((a) => part(ssa[a] ?? null))].join('.')
}

/** Inflates one zlib stream: fflate by default; the report page passes the browser's native DecompressionStream. */
export type Inflate = (bytes: Uint8Array) => Promise<Uint8Array>
const fflateInflate: Inflate = async (bytes) => unzlibSync(bytes)

/** A report's payload, opened: the core at once, each arch's `ssa` answer on first use. */
export interface OpenedReport {
  core: Omit<ReportData, 'ssa'>
  ssa(arch: Arch): Promise<SsaResult | undefined>
}

async function readPart(text: string, inflate: Inflate): Promise<unknown> {
  try {
    return JSON.parse(strFromU8(await inflate(fromBase64(text))))
  } catch (e) {
    throw new Error(`the report's data cannot be read: ${(e as Error).message}`)
  }
}

export async function openReport(packed: string, inflate: Inflate = fflateInflate): Promise<OpenedReport> {
  const parts = packed.trim().split('.')
  const core = (await readPart(parts[0] ?? '', inflate)) as Partial<ReportData> | null
  if (!core || core.format !== REPORT_FORMAT) throw new Error(`the report's data is not ${REPORT_FORMAT}`)
  if (!core.source || !core.analysis || !core.func || !Array.isArray(core.arches) || !core.escape || !core.initial) throw new Error("the report's data is incomplete")
  if (parts.length !== core.arches.length + 1) throw new Error(`the report's data has ${parts.length - 1} traces for ${core.arches.length} arches`)
  const arches = core.arches
  const loaded = new Map<Arch, Promise<SsaResult | undefined>>()
  return {
    core: core as Omit<ReportData, 'ssa'>,
    ssa(arch) {
      const i = arches.indexOf(arch)
      if (i < 0) return Promise.resolve(undefined)
      let p = loaded.get(arch)
      if (!p) {
        p = readPart(parts[i + 1]!, inflate).then((r) => (r ?? undefined) as SsaResult | undefined)
        loaded.set(arch, p)
      }
      return p
    },
  }
}

/** The whole payload back (tests, tools): every part read. */
export async function unpackReport(packed: string, inflate?: Inflate): Promise<ReportData> {
  const r = await openReport(packed, inflate)
  const ssa: Partial<Record<Arch, SsaResult>> = {}
  for (const a of r.core.arches) {
    const x = await r.ssa(a)
    if (x) ssa[a] = x
  }
  return { ...r.core, ssa }
}
