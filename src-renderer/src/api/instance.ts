// The API client the stores talk to, set once at start-up (IPC, HTTP, or an
// exported report's inlined data).

import type { SsascopeApi } from '../../../src-main/protocol/api'
import type { Arch } from '../../../src-main/protocol/model'

/** What an exported report holds: one function on one or two arches. */
export interface ReportScope {
  func: string
  arches: readonly Arch[]
  /** When it was exported (ISO 8601) and by which version. */
  created: string
  version: string
}

let api: SsascopeApi | undefined
let report: ReportScope | null = null

export function setApi(a: SsascopeApi, options: { report?: ReportScope } = {}): void {
  api = a
  report = options.report ?? null
}

export function useApi(): SsascopeApi {
  if (!api) throw new Error('the API client is used before start-up set it')
  return api
}

/** The page is an exported report (read-only, one function, no compiler behind it): what it holds; else null. */
export function reportScope(): ReportScope | null {
  return report
}
