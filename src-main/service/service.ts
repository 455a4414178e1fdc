// Request handling shared by Electron IPC, the browser-mode server and the CLI:
// validate where the call enters, dispatch, and turn every failure into an ApiError.

import { validateCall, type Args, type CallOptions, type Method, type Result, type SsascopeApi } from '../protocol/api'
import { ApiError, type WireResult } from '../protocol/errors'
import type { AppInfo } from '../protocol/model'
import { ExampleLibrary } from './examples'
import { readGoFile } from './files'
import type { JobRunner } from './runner'

export interface ServiceOptions {
  runner: JobRunner
  examplesDir: string
  version: string
  transport: AppInfo['transport']
}

type Handlers = { [M in Method]: (args: Args<M>, options: CallOptions) => Promise<Result<M>> }

export class Service implements SsascopeApi {
  private readonly examples: ExampleLibrary
  private readonly handlers: Handlers

  constructor(private readonly options: ServiceOptions) {
    this.examples = new ExampleLibrary(options.examplesDir)
    this.handlers = {
      info: async () => ({ name: 'ssascope', version: options.version, transport: options.transport }),
      listExamples: () => this.examples.list(),
      openExample: ({ name }) => this.examples.open(name),
      openFile: ({ path }) => readGoFile(path),
      analyze: ({ path, text }, o) => this.options.runner.run({ kind: 'analyze', path, text }, o),
      escape: ({ path, text, level, func }, o) => this.options.runner.run({ kind: 'escape', path, text, level: level === '2' ? 2 : 1, func }, o),
      ssa: ({ path, text, func, arch, until }, o) => this.options.runner.run({ kind: 'ssa', path, text, func, arch, until }, o),
    }
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
    const handler = this.handlers[call.method] as (a: unknown, o: CallOptions) => Promise<unknown>
    return handler(call.args, options)
  }
}
