// What the listing needs from the stack frame phase (gc's AllocFrame,
// ssagen/pgen.go): the size of the locals area and each variable's frame
// offset. Outgoing argument space (maxarg) is the assembler's own business:
// genssa measures it from the calls it emits.

import { frameOffset, type AbiInfo } from '../ssa/abi'

export interface FrameVar {
  /**
   * gc's n.FrameOffset(): for autos (and register results) a negative offset
   * from the top of the locals area; for parameters (and stack results) the
   * offset in the caller's argument area (the spill slot for register params).
   */
  offset: number
  /** Addressed as NAME_PARAM (PPARAM, or a PPARAMOUT that is not in registers), else NAME_AUTO. */
  param: boolean
  /** Bytes (needed only for `needZero`). */
  size?: number
  /** liveness asked for the slot to be zeroed in the prologue (gc's n.Needzero()). */
  needZero?: boolean
}

export interface FrameLayout {
  /** AllocFrame's stksize: autos and spill slots, rounded to the frame alignment (outgoing args excluded). */
  localsSize: number
  /** The `-ARGS` TEXT prints (ArgWidth rounded to 8); computed from the signature when absent. */
  argsSize?: number
  /** Variables by the name their SSA aux and stack slots use (`t`, `xs`, `.autotmp_5`, `~r0`). */
  vars: Map<string, FrameVar>
}

/** The part of the stack frame phase's result the listing reads (protocol's StackFrameResult). */
export interface StackFrameLike {
  frame: { size: number; slots: { name: string; offset: number; size: number }[] }
}

/** The parameters and stack results by name, at their ABI frame offsets (a register parameter's is its spill slot). */
export function paramVars(abi: AbiInfo | null): Map<string, FrameVar> {
  const vars = new Map<string, FrameVar>()
  for (const p of [...(abi?.params ?? []), ...(abi?.results ?? [])]) {
    // Register results have no frame offset: the stack frame phase places them with the autos.
    if (p.name && p.offset >= 0) vars.set(p.name, { offset: frameOffset(abi!, p), param: true })
  }
  return vars
}

/**
 * The layout from the stack frame phase (src-main/compiler/stackframe: autos
 * and register results, as AllocFrame places them) plus the parameters' ABI
 * offsets, which that phase does not model.
 */
export function frameLayoutOf(sf: StackFrameLike, abi: AbiInfo | null): FrameLayout {
  const vars = paramVars(abi)
  for (const s of sf.frame.slots) if (!vars.has(s.name)) vars.set(s.name, { offset: s.offset, param: false, size: s.size })
  return { localsSize: sf.frame.size, vars }
}
