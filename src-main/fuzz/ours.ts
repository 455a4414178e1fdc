// Our pipeline over one program, everything the fuzzer compares with gc:
// -m=2 lines, allocation calls in `start`, the mergelocals trace and the
// listing of every function on both arches, and every way it can fail.

import { loadProgram } from '../compiler'
import { SsaError } from '../compiler/ssagen'
import { stackFrameTrace } from '../compiler/stackframe'
import { printFunc } from '../compiler/ssa/print'
import { allocationCalls, type AllocCall } from '../gcbridge/allocs'
import { parseSsaDump, type DumpFunc } from '../gcbridge/ssadump'
import type { AsmLine, Diagnostic } from '../protocol/model'
import { ARCHES, type FuzzArch } from './gcrun'

export interface OurArchResult {
  /** SSA construction refused or failed: `file:line:col: message`. */
  buildError?: string
  /** The first failed step: a pass, `stack frame` or `listing`, with its error. */
  failed?: { pass: string; error: string }
  /** -d=mergelocalstrace=2 text ('' when nothing merged or the frame failed). */
  merge: string
  listing: AsmLine[] | null
}

export interface OurFunc {
  name: string
  /** Allocation calls in `start` (amd64), spelled for comparison. */
  allocs: string[] | null
  arches: Map<FuzzArch, OurArchResult>
}

export interface OurResult {
  /** Diagnostics that refused the file (syntax, type, unsupported). */
  refused: Diagnostic[]
  /** An exception that escaped the pipeline's own error handling. */
  crash?: string
  escape: string[]
  funcs: Map<string, OurFunc>
  /** Functions in source order (gc names), from the outline: known even when the file is refused. */
  outline: string[]
}

export interface OursOptions {
  /** Which parts to compute (all by default). */
  parts?: { escape?: boolean; ssa?: boolean; arches?: readonly FuzzArch[] }
}

/**
 * Allocation calls as the differential test spells them (call, size or
 * type, members at offsets), block by block: each block's calls in order,
 * the blocks sorted. The order of blocks is how SSA construction numbered
 * them (walk's extra branches for a `make` shift it), not which calls a
 * block makes.
 */
export function spellAllocs(calls: AllocCall[]): string[] {
  const byBlock = new Map<string, string[]>()
  for (const a of calls) {
    const list = byBlock.get(a.block) ?? []
    list.push(`${a.call}(${a.call === 'runtime.mallocgc' ? a.size : a.type}) ${a.members.map((m) => `${m.name}@${m.offset}`).join(',')}`)
    byBlock.set(a.block, list)
  }
  return [...byBlock.values()].map((l) => l.join('; ')).sort()
}

/** gc's dump files leave out unreachable blocks and dead values (an allocation under a `case false:` body). */
function liveOnly(f: DumpFunc): DumpFunc {
  return { ...f, blocks: f.blocks.filter((b) => !b.dead).map((b) => ({ ...b, values: b.values.filter((v) => !v.dead) })) }
}

const firstLine = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e)).split('\n').slice(0, 3).join(' | ')

export async function ours(path: string, text: string, opts: OursOptions = {}): Promise<OurResult> {
  const parts = { escape: true, ssa: true, arches: ARCHES, ...opts.parts }
  const result: OurResult = { refused: [], escape: [], funcs: new Map(), outline: [] }
  let prog
  try {
    prog = await loadProgram(path, text, { pkgPath: 'p' })
    result.outline = prog.parsed.functions.map((f) => f.name)
    result.refused = prog.diagnostics.filter((d) => d.severity === 'error')
    if (result.refused.length > 0) return result
    if (parts.escape) result.escape = prog.escapeReport({ level: 2 }).lines
  } catch (e) {
    result.crash = `front end: ${firstLine(e)}`
    return result
  }
  if (!parts.ssa) return result
  let ssa
  try {
    ssa = prog.ssa()
    const errs = ssa.diagnostics.filter((d) => d.severity === 'error')
    if (errs.length > 0) {
      result.refused = errs
      return result
    }
  } catch (e) {
    result.crash = `ssa setup: ${firstLine(e)}`
    return result
  }
  for (const name of ssa.functions) {
    const fn: OurFunc = { name, allocs: null, arches: new Map() }
    result.funcs.set(name, fn)
    for (const arch of parts.arches) {
      const a: OurArchResult = { merge: '', listing: null }
      fn.arches.set(arch, a)
      try {
        const { trace } = ssa.compileFunc(name, arch)
        if (arch === 'amd64') fn.allocs = spellAllocs(allocationCalls(liveOnly(parseSsaDump(printFunc(trace.passes[0]!.snapshot)))))
        const failed = trace.passes.find((p) => p.status === 'failed')
        if (failed) a.failed = { pass: failed.name, error: failed.error ?? '' }
        else if (trace.asmError !== undefined) a.failed = { pass: 'listing', error: trace.asmError }
        if (trace.stackFrame) a.merge = stackFrameTrace(trace.stackFrame, 2)
        if (trace.asm) a.listing = trace.asm.lines
      } catch (e) {
        if (e instanceof SsaError) a.buildError = e.message
        else {
          result.crash = `${name} ${arch}: ${firstLine(e)}`
          return result
        }
      }
    }
  }
  return result
}
