// The ONE API. Electron IPC, the browser-mode HTTP server and the CLI all
// dispatch to the same service through this method table.

import type { AnalyzeResult, AppInfo, Arch, EscapeResult, ExampleInfo, Progress, SourceFile, SsaResult } from './model'
import { object, oneOf, optional, string, type Validator } from './validate'
import { ApiError } from './errors'

/** Source files larger than this are refused before any work is done. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024
const MAX_PATH = 4096

export interface ApiMethods {
  info: { args: Record<string, never>; result: AppInfo }
  listExamples: { args: Record<string, never>; result: ExampleInfo[] }
  openExample: { args: { name: string }; result: SourceFile }
  openFile: { args: { path: string }; result: SourceFile }
  /** Parse a source text: functions and diagnostics. Runs in the worker. */
  analyze: { args: { path: string; text: string }; result: AnalyzeResult }
  /** Escape analysis as gc -m / -m=2 reports it, plus the graph of `func`'s batch. Runs in the worker. */
  escape: { args: { path: string; text: string; level: '1' | '2'; func?: string }; result: EscapeResult }
  /** One function's SSA after every pass (or until `until`), with its allocation calls. Runs in the worker. */
  ssa: { args: { path: string; text: string; func: string; arch: Arch; until?: string }; result: SsaResult }
}

export type Method = keyof ApiMethods
export type Args<M extends Method> = ApiMethods[M]['args']
export type Result<M extends Method> = ApiMethods[M]['result']

const noArgs = object({}) as Validator<Record<string, never>>

export const argValidators: { [M in Method]: Validator<Args<M>> } = {
  info: noArgs,
  listExamples: noArgs,
  openExample: object({ name: string({ nonEmpty: true, maxLength: 100 }) }),
  openFile: object({ path: string({ nonEmpty: true, maxLength: MAX_PATH }) }),
  analyze: object({
    path: string({ nonEmpty: true, maxLength: MAX_PATH }),
    text: string({ maxLength: MAX_SOURCE_BYTES }),
  }),
  escape: object({
    path: string({ nonEmpty: true, maxLength: MAX_PATH }),
    text: string({ maxLength: MAX_SOURCE_BYTES }),
    level: oneOf('1', '2'),
    func: optional(string({ nonEmpty: true, maxLength: 1000 })),
  }),
  ssa: object({
    path: string({ nonEmpty: true, maxLength: MAX_PATH }),
    text: string({ maxLength: MAX_SOURCE_BYTES }),
    func: string({ nonEmpty: true, maxLength: 1000 }),
    arch: oneOf('amd64', 'ppc64'),
    until: optional(string({ nonEmpty: true, maxLength: 100 })),
  }),
}

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(argValidators, name)
}

/** Validate a call arriving from outside: the method name and its arguments. */
export function validateCall<M extends Method>(method: unknown, args: unknown): { method: M; args: Args<M> } {
  if (!isMethod(method)) throw new ApiError('unknown-method', `unknown method ${JSON.stringify(String(method)).slice(0, 80)}`)
  const check = argValidators[method] as Validator<Args<M>>
  return { method: method as M, args: check(args ?? {}, method) }
}

export interface CallOptions {
  signal?: AbortSignal
  onProgress?: (p: Progress) => void
}

/** What the renderer, the server and the CLI program against. */
export interface SsascopeApi {
  call<M extends Method>(method: M, args: Args<M>, options?: CallOptions): Promise<Result<M>>
}

/** Commands the Electron menu sends to the renderer. */
export type MenuCommand =
  | { kind: 'open-file'; path: string }
  | { kind: 'open-example'; name: string }
  | { kind: 'show-shortcuts' }

/** What the preload exposes as `window.ssascope` (only inside Electron). */
export interface PreloadBridge {
  invoke(method: string, args: unknown, callId: string): Promise<import('./errors').WireResult>
  cancel(callId: string): void
  onProgress(listener: (callId: string, progress: Progress) => void): () => void
  onMenu(listener: (command: MenuCommand) => void): () => void
}

/** IPC channel names, shared by main and preload. */
export const IPC = {
  call: 'ssascope:call',
  cancel: 'ssascope:cancel',
  progress: 'ssascope:progress',
  menu: 'ssascope:menu',
} as const
