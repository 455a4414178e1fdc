// The Go programs SSA construction is tested on: the escape corpus, the SSA
// corpus and the bundled examples (the same list `ssascope fidelity` scores).

import { expect } from 'vitest'
import { ssaCorpusFiles } from '../../src-main/fidelity/ssa'
import { SsaError, type SsaProgram, type TraceOptions } from '../../src-main/compiler/ssagen'
import type { FuncTrace } from '../../src-main/protocol/model'

export const ssaCorpus: string[] = ssaCorpusFiles()

/**
 * The function's trace, or null when SSA construction refuses it (a form of
 * the subset's level 2 not built yet): that must be an `unsupported:` error.
 */
export function traceOrRefusal(prog: SsaProgram, fn: string, arch: string, options?: TraceOptions): FuncTrace | null {
  try {
    return prog.trace(fn, arch, options)
  } catch (e) {
    expect(e, fn).toBeInstanceOf(SsaError)
    expect((e as Error).message, fn).toMatch(/: unsupported: /)
    return null
  }
}
