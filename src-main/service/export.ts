// `exportReport`: gathers what the app shows for one function (the source,
// its analysis, escape analysis with the function's graph, and the `ssa`
// answer per arch, as the app fetched them) through the service's own API,
// so the cached results are reused, then fills the report page with them.

import { readFile } from 'node:fs/promises'
import type { Args, CallOptions, SsascopeApi } from '../protocol/api'
import { ApiError } from '../protocol/errors'
import { formatDiagnostic, type Arch, type ExportedReport, type SsaResult } from '../protocol/model'
import { REPORT_FORMAT, type ReportData } from '../protocol/report'
import { buildReportHtml, reportFileName } from '../report/html'

export async function readReportTemplate(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    throw new ApiError('internal', `the report page is not built (${file}); run npm run build`)
  }
}

export async function exportReport(
  args: Args<'exportReport'>,
  api: SsascopeApi,
  template: () => Promise<string>,
  app: { name: string; version: string },
  options: CallOptions = {},
): Promise<ExportedReport> {
  const { path, text, func, arches } = args
  // The parts share the call's signal; progress goes by step (the traces are most of the work).
  const step = (phase: string, fraction: number) => options.onProgress?.({ phase, fraction })
  const sub: CallOptions = options.signal ? { signal: options.signal } : {}
  step('analyze', 0)
  const analysis = await api.call('analyze', { path, text }, sub)
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) throw new ApiError('bad-argument', `${path}: the file has errors; a report needs one that compiles (${formatDiagnostic(errors[0]!)})`, path)
  if (!analysis.functions.some((f) => f.name === func)) throw new ApiError('not-found', `${path}: there is no function ${func}`, path)
  const ssa: Partial<Record<Arch, SsaResult>> = {}
  // Each arch is a worker job: a pool runs them side by side.
  step(`ssa ${arches.join(', ')}`, 0.05)
  const results = await Promise.all(arches.map((arch) => api.call('ssa', { path, text, func, arch }, sub)))
  arches.forEach((arch, i) => (ssa[arch] = results[i]!))
  if (arches.every((a) => !ssa[a]!.trace)) {
    const d = ssa[arches[0]!]!.diagnostics[0]
    throw new ApiError('bad-argument', d ? formatDiagnostic(d) : `${path}: no SSA for ${func}`, path)
  }
  step('escape', 0.85)
  const escape = await api.call('escape', { path, text, level: '2', func }, sub)
  if (options.signal?.aborted) throw new ApiError('cancelled', 'cancelled')
  step('write', 0.9)
  const data: ReportData = {
    format: REPORT_FORMAT,
    app,
    created: new Date().toISOString(),
    example: args.example ?? null,
    source: { path, text, origin: args.example ? 'example' : 'file' },
    analysis,
    func,
    arches,
    escape,
    ssa,
    initial: {
      arch: arches[0]!,
      ...(args.pass ? { pass: args.pass } : {}),
      ...(args.view ? { view: args.view } : {}),
      ...(args.value ? { value: args.value } : {}),
    },
  }
  return { fileName: reportFileName(func, arches), html: buildReportHtml(await template(), data) }
}
