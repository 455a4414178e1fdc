// Request handling shared by Electron IPC, the browser-mode server and the CLI:
// validate where the call enters, dispatch through the job table (jobs.ts),
// keep recent big results (encoded traces) so repeated requests are answered
// without the worker, and turn every failure into an ApiError.

import { validateCall, type Args, type CallOptions, type Method, type Result, type SsascopeApi } from '../protocol/api'
import { ApiError, type WireResult } from '../protocol/errors'
import type { AppInfo } from '../protocol/model'
import { SourceCache } from './cache'
import { ExampleLibrary } from './examples'
import { jobOf, type ResultCachePolicy, type ServiceContext } from './jobs'
import type { JobRunner } from './runner'
import { readReportTemplate } from './export'
import { reportTemplateFile } from './paths'

export interface ServiceOptions {
  runner: JobRunner
  examplesDir: string
  version: string
  transport: AppInfo['transport']
  /** The report page exportReport fills; default out/report/report.html. */
  reportTemplateFile?: string
  /** Bytes of results (encoded traces) kept for repeated requests; default 256 MB. */
  resultCacheBytes?: number
}

export class Service implements SsascopeApi {
  private readonly context: ServiceContext
  /** Recent results of cacheable worker jobs, by path, text, method and entry key. */
  readonly results: SourceCache<unknown>

  constructor(private readonly options: ServiceOptions) {
    this.context = {
      info: { name: 'ssascope', version: options.version, transport: options.transport },
      examples: new ExampleLibrary(options.examplesDir),
      api: this,
      reportTemplate: () => readReportTemplate(options.reportTemplateFile ?? reportTemplateFile),
    }
    this.results = new SourceCache({ budget: options.resultCacheBytes ?? 256 * 2 ** 20, textWeight: (t) => 2 * t.length })
  }

  /** Typed entry for in-process callers; arguments are still validated. */
  call<M extends Method>(method: M, args: Args<M>, options: CallOptions = {}): Promise<Result<M>> {
    return this.dispatch(method, args, options) as Promise<Result<M>>
  }

  /** Untyped entry for transports: never throws, always answers an envelope. */
  async callWire(method: unknown, args: unknown, options: CallOptions = {}): Promise<WireResult> {
    try {
      return { ok: true, result: await this.dispatch(method, args, options) }
    } catch (e) {
      return { ok: false, error: ApiError.from(e).toWire() }
    }
  }

  dispose(): Promise<void> {
    return this.options.runner.dispose()
  }

  private async dispatch(method: unknown, rawArgs: unknown, options: CallOptions): Promise<unknown> {
    const call = validateCall(method, rawArgs)
    if (options.signal?.aborted) throw new ApiError('cancelled', 'cancelled')
    return this.run(call.method, call.args, options)
  }

  private async run<M extends Method>(method: M, args: Args<M>, options: CallOptions): Promise<Result<M>> {
    const job = jobOf(method)
    if (job.runs === 'service') return job.run(args, this.context, options)
    const cache = job.cache as ResultCachePolicy<M> | undefined
    const source = args as unknown as { path: string; text: string }
    const key = cache ? `${method}\0${cache.entry(args)}` : ''
    if (cache) {
      const known = this.results.get(source.path, source.text, key)
      if (known !== undefined) {
        options.onProgress?.({ phase: 'cached', fraction: 1 })
        return known as Result<M>
      }
    }
    const { result, bytes } = await this.options.runner.run(method, args, options)
    if (cache) this.results.set(source.path, source.text, key, result, bytes ?? cache.bytes(result))
    return result
  }
}
