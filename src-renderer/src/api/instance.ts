// The API client the stores talk to, set once at start-up (IPC or HTTP).

import type { SsascopeApi } from '../../../src-main/protocol/api'

let api: SsascopeApi | undefined

export function setApi(a: SsascopeApi): void {
  api = a
}

export function useApi(): SsascopeApi {
  if (!api) throw new Error('the API client is used before start-up set it')
  return api
}
