// What the listing needs from the stack frame phase (gc's AllocFrame,
// ssagen/pgen.go): the size of the locals area and each variable's frame
// offset. Outgoing argument space (maxarg) is the assembler's own business:
// genssa measures it from the calls it emits.

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

/** Register-assigned and stack parameters with their ABI frame offsets (see abi.ts). */
export interface ParamOffsets {
  inParams: { param: { name: string }; frameOffset: number | null }[]
  outParams: { param: { name: string }; frameOffset: number | null }[]
}

/**
 * The layout from the stack frame phase (src-main/compiler/stackframe: autos
 * and register results, as AllocFrame places them) plus the parameters' ABI
 * offsets, which that phase does not model.
 */
export function frameLayoutOf(sf: StackFrameLike, abi: ParamOffsets | null): FrameLayout {
  const vars = new Map<string, FrameVar>()
  for (const a of [...(abi?.inParams ?? []), ...(abi?.outParams ?? [])]) {
    if (a.param.name && a.frameOffset !== null) vars.set(a.param.name, { offset: a.frameOffset, param: true })
  }
  for (const s of sf.frame.slots) if (!vars.has(s.name)) vars.set(s.name, { offset: s.offset, param: false, size: s.size })
  return { localsSize: sf.frame.size, vars }
}
