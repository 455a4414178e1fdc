// The ONE API. Electron IPC, the browser-mode HTTP server and the CLI all
// dispatch to the same service through this method table. Pure: the
// renderer imports it (types only) like every other client.

import type { AnalyzeResult, AppInfo, Arch, EscapeResult, ExampleInfo, ExportedReport, GcPackageInfo, GcPackageResultOf, ImportResult, Progress, SourceFile, SsaResult } from './model'
import type { EncodedTrace } from './trace-codec'
import { boolean, object, oneOf, optional, string, uniqueList, type Validator } from './validate'
import { ApiError } from './errors'

/** Source files larger than this are refused before any work is done. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024
/** ssa.html files larger than this are refused (a 6,700-value function's is 54 MB). */
export const MAX_SSA_HTML_BYTES = 128 * 2 ** 20
const MAX_PATH = 4096

/** One method of the API: its arguments' type A, checked where a call enters by `args`, and its result type R. */
export interface MethodSpec<A, R> {
  args: Validator<A>
  /** Type-level only: the result's type. */
  result?: R
}

const method = <A, R>(args: Validator<A>): MethodSpec<A, R> => ({ args })
const path = string({ nonEmpty: true, maxLength: MAX_PATH })
const text = string({ maxLength: MAX_SOURCE_BYTES })
const noArgs = object({}) as Validator<Record<string, never>>

/** The GOARCH values gc accepts that the bridge may ask for. */
export const GOARCHES = ['amd64', 'ppc64', 'ppc64le', 'arm64', '386', 'arm', 'riscv64', 's390x', 'loong64', 'mips64', 'mips64le', 'wasm'] as const
export type GoArch = (typeof GOARCHES)[number]
/** A Go release the module proxy can provide (GOTOOLCHAIN=go1.27.0), or the default toolchain when absent. */
const toolchain = (v: unknown, where: string): string => {
  const s = string({ nonEmpty: true, maxLength: 40 })(v, where)
  if (!/^go1\.\d+(\.\d+)?((rc|beta)\d+)?$/.test(s)) throw new ApiError('bad-argument', `${where} must be a Go release such as go1.27.0`)
  return s
}
const gcTarget = { dir: path, arch: optional(oneOf(...GOARCHES)), noInline: optional(boolean()), toolchain: optional(toolchain) }
type GcTarget = { dir: string; arch?: GoArch; noInline?: boolean; toolchain?: string }

/** The answer to `gcPackage`, with the trace in the compact encoding. */
export type GcPackageResult = GcPackageResultOf<EncodedTrace>

/**
 * The API, each method once: its arguments (type and validator) and result.
 * How each one runs (in the service or in the worker, with what cache) is
 * the service's job table, src-main/service/jobs.ts, keyed by these names.
 */
export const API = {
  info: method<Record<string, never>, AppInfo>(noArgs),
  listExamples: method<Record<string, never>, ExampleInfo[]>(noArgs),
  openExample: method<{ name: string }, SourceFile>(object({ name: string({ nonEmpty: true, maxLength: 100 }) })),
  openFile: method<{ path: string }, SourceFile>(object({ path })),
  /** Parse and type-check a source text: functions and diagnostics. */
  analyze: method<{ path: string; text: string }, AnalyzeResult>(object({ path, text })),
  /** Escape analysis as gc -m / -m=2 reports it, plus the graph of `func`'s batch. */
  escape: method<{ path: string; text: string; level: '1' | '2'; func?: string }, EscapeResult>(
    object({ path, text, level: oneOf('1', '2'), func: optional(string({ nonEmpty: true, maxLength: 1000 })) }),
  ),
  /**
   * One function's SSA for one arch after every pass (or until pass `until`),
   * with its allocation calls, stack frame and listing. The trace comes in
   * the compact encoding: `decodeTrace(result.trace)` (protocol/trace-codec.ts).
   * `check` runs the checker after every pass (gc's -d=ssa/check/on): a pass
   * that leaves the function inconsistent is then recorded failed. Off unless
   * asked for (or SSASCOPE_CHECK=1 in the service's environment).
   */
  ssa: method<{ path: string; text: string; func: string; arch: Arch; until?: string; check?: boolean }, SsaResult>(
    object({
      path,
      text,
      func: string({ nonEmpty: true, maxLength: 1000 }),
      arch: oneOf('amd64', 'ppc64'),
      until: optional(string({ nonEmpty: true, maxLength: 100 })),
      check: optional(boolean()),
    }),
  ),
  /**
   * A self-contained HTML report of one function on one or two arches (the
   * app's views, read-only, with the data inlined): `File › Export report…`
   * and `ssascope export`. `example` names the shipped example the text is;
   * pass, view and value are where the report opens.
   */
  exportReport: method<
    { path: string; text: string; func: string; arches: Arch[]; example?: string; pass?: string; view?: string; value?: string },
    ExportedReport
  >(
    object({
      path,
      text,
      func: string({ nonEmpty: true, maxLength: 1000 }),
      arches: uniqueList(oneOf('amd64', 'ppc64'), { min: 1, max: 2 }),
      example: optional(string({ nonEmpty: true, maxLength: 100 })),
      pass: optional(string({ nonEmpty: true, maxLength: 100 })),
      view: optional(oneOf('ssa', 'asm', 'escape', 'cfg', 'allocs', 'liveness', 'compare')),
      value: optional(string({ nonEmpty: true, maxLength: 20 })),
    }),
  ),
  /**
   * The real gc on the package in `dir` (a directory on the machine the
   * service runs on): its files and the functions gc compiles. `toolchain`
   * picks a release other than the default go (through GOTOOLCHAIN).
   */
  gcFuncs: method<GcTarget, GcPackageInfo>(object(gcTarget)),
  /** One function of that package as the real gc compiles it: ssa.html, -m=2, the mergelocals trace. */
  gcPackage: method<GcTarget & { func: string }, GcPackageResult>(object({ ...gcTarget, func: string({ nonEmpty: true, maxLength: 1000 }) })),
  /** A source text compiled by the real gc as the only file of a package, with -l (the embedded pipeline's other side). */
  gcFile: method<{ path: string; text: string; func: string; arch: Arch; toolchain?: string }, GcPackageResult>(
    object({ path, text, func: string({ nonEmpty: true, maxLength: 1000 }), arch: oneOf('amd64', 'ppc64'), toolchain: optional(toolchain) }),
  ),
  /**
   * gc's ssa.html (GOSSAFUNC) read into a trace: `text` as read by the
   * client (browser, drop), or `path` read by the service (.html only).
   * Exactly one of them; `name` is what the UI shows. `arch` overrides the
   * guess from the lowered ops. A file it cannot read is a 'bad-argument'
   * error saying where (line, column, ssa.html column).
   */
  importSsaHtml: method<{ name: string; text?: string; path?: string; arch?: string }, ImportResult>(
    object({
      name: string({ nonEmpty: true, maxLength: MAX_PATH }),
      text: optional(string({ maxLength: MAX_SSA_HTML_BYTES })),
      path: optional(path),
      arch: optional(oneOf('amd64', 'ppc64', 'ppc64le', 'arm64', '386', 'arm', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'riscv64', 's390x', 'wasm')),
    }),
  ),
}

/** Every method's argument and result types, derived from API. */
export type ApiMethods = { [M in keyof typeof API]: (typeof API)[M] extends MethodSpec<infer A, infer R> ? { args: A; result: R } : never }

export type Method = keyof ApiMethods
export type Args<M extends Method> = ApiMethods[M]['args']
export type Result<M extends Method> = ApiMethods[M]['result']

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API, name)
}

/** Validate a call arriving from outside: the method name and its arguments. */
export function validateCall<M extends Method>(method: unknown, args: unknown): { method: M; args: Args<M> } {
  if (!isMethod(method)) throw new ApiError('unknown-method', `unknown method ${JSON.stringify(String(method)).slice(0, 80)}`)
  const check = API[method].args as Validator<Args<M>>
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
  | { kind: 'open-package'; dir: string }
  | { kind: 'open-example'; name: string }
  | { kind: 'import-ssa-html'; path: string }
  | { kind: 'show-shortcuts' }
  | { kind: 'export-report' }

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
