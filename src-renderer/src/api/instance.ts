// The API client the stores talk to, set once at start-up (IPC, HTTP, or an
// exported report's inlined data).

import type { SsascopeApi } from '../../../src-main/protocol/api'

let api: SsascopeApi | undefined
let report = false

export function setApi(a: SsascopeApi, options: { report?: boolean } = {}): void {
  api = a
  report = options.report === true
}

export function useApi(): SsascopeApi {
  if (!api) throw new Error('the API client is used before start-up set it')
  return api
}

/** The page is an exported report: read-only, one function, no compiler behind it. */
export function isReport(): boolean {
  return report
}
