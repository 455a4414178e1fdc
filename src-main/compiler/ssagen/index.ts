// SSA for every function of a file: parse, type check, escape analysis
// (which decides heap-moved variables and escaping allocations), then build
// each function and run gc's pass list over it (./program.ts). One-shot
// forms of the pipeline's Program (../pipeline.ts), which does each step once.

import type { Arch, FuncTrace, SsaResultOf } from '../../protocol/model'
import { loadProgram } from '../pipeline'
import type { SsaOptions, SsaProgram } from './program'

export { SsaError, STACK_FRAME, resolveFuncName, type SsaOptions, type SsaProgram, type TraceOptions } from './program'

export async function ssaProgram(path: string, text: string, options: SsaOptions = {}): Promise<SsaProgram> {
  return (await loadProgram(path, text, options)).ssa()
}

/** The API's answer before encoding: one function's trace, or diagnostics saying why not. */
export async function ssaResult(path: string, text: string, options: { func: string; arch: Arch; until?: string; pkgPath?: string }): Promise<SsaResultOf<FuncTrace>> {
  const { pkgPath, ...request } = options
  return (await loadProgram(path, text, pkgPath !== undefined ? { pkgPath } : {})).ssaResult(request)
}
