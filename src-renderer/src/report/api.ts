// The API of an exported report: every call is answered from the data
// inlined in the file (what the app fetched when it exported), so the app's
// own stores and views run unchanged, read-only, with no server and no
// network. What the report does not hold is refused with a clear message.

import type { Args, Method, Result, SsascopeApi } from '../../../src-main/protocol/api'
import { ApiError } from '../../../src-main/protocol/errors'
import type { OpenedReport } from '../../../src-main/protocol/report'

export class ReportApi implements SsascopeApi {
  constructor(private readonly report: OpenedReport) {}

  async call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
    return (await this.answer(method, args)) as Result<M>
  }

  private async answer(method: Method, raw: unknown): Promise<unknown> {
    const d = this.report.core
    switch (method) {
      case 'info':
        return { name: d.app.name, version: d.app.version, transport: 'report' }
      case 'listExamples':
        return []
      case 'openExample': {
        const { name } = raw as Args<'openExample'>
        if (name !== d.example) throw new ApiError('not-found', `this report holds ${d.source.path} only`)
        return d.source
      }
      case 'openFile': {
        const { path } = raw as Args<'openFile'>
        if (path !== d.source.path) throw new ApiError('not-found', `this report holds ${d.source.path} only`)
        return d.source
      }
      case 'analyze':
        this.sameText(raw as Args<'analyze'>)
        return d.analysis
      case 'escape': {
        const a = raw as Args<'escape'>
        this.sameText(a)
        // The graph is of the exported function's batch; another function outside it has none here.
        const inBatch = !a.func || a.func === d.func || (d.escape.graph?.functions ?? []).includes(a.func)
        return inBatch ? d.escape : { ...d.escape, graph: null }
      }
      case 'ssa': {
        const a = raw as Args<'ssa'>
        this.sameText(a)
        const r = a.func === d.func && !a.until ? await this.report.ssa(a.arch) : undefined
        if (!r) {
          const what = a.func === d.func ? a.arch : a.func
          throw new ApiError('not-found', `This report holds ${d.func} on ${d.arches.join(' and ')}; ${what} is not in it. Export it from ssascope to see it.`)
        }
        return r
      }
      case 'exportReport':
        throw new ApiError('bad-argument', 'a report cannot export another report; open the source in ssascope')
    }
  }

  private sameText(a: { path: string; text: string }): void {
    const s = this.report.core.source
    if (a.path !== s.path || a.text !== s.text) throw new ApiError('bad-argument', 'this report is read-only: it holds the analysis of its own text only')
  }
}
