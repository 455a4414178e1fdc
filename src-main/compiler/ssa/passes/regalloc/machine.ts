// The register file regalloc works on, read from gc's arch tables: register
// names, which registers may be handed out, which types live where, and each
// value's register constraints (gc's regspec), including the register ABI of
// calls, incoming arguments and results.

import { abiConfig } from '../../abi'
import type { Func, Value } from '../../func'
import { archInfo, opInfo, regMask } from '../../opinfo'
import type { SsaType } from '../../types'
import { isMemoryType } from '../deadcode'

/** A register set: bit i is the arch's regnames[i]. */
export type Mask = bigint

// Masks stay bigint (ppc64 has 64 registers), but the helpers regalloc calls
// most avoid making new bigints: single bits come from a table, and scans
// look at 32-bit halves as numbers.
const BITS: readonly Mask[] = Array.from({ length: 128 }, (_, r) => 1n << BigInt(r))
const LOW32 = 0xffffffffn

export const bit = (r: number): Mask => BITS[r] ?? 1n << BigInt(r)
export const has = (m: Mask, r: number): boolean => (m & bit(r)) !== 0n

/** The lowest register in m (gc's pickReg), or -1 when m is empty. */
export function pickReg(m: Mask): number {
  if (m === 0n) return -1
  for (let base = 0; ; base += 32, m >>= 32n) {
    const w = Number(m & LOW32)
    if (w !== 0) return base + 31 - Math.clz32(w & -w)
  }
}

const popcount32 = (w: number): number => {
  w -= (w >>> 1) & 0x55555555
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333)
  return (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

export function countRegs(m: Mask): number {
  let n = 0
  for (; m !== 0n; m >>= 32n) n += popcount32(Number(m & LOW32))
  return n
}

export interface Operand {
  /** Argument (input) or result (output) index. */
  idx: number
  regs: Mask
}

/** gc's regInfo: inputs and outputs most constrained first, as gc's generator orders them. */
export interface RegSpec {
  inputs: Operand[]
  outputs: Operand[]
  clobbers: Mask
  clobbersArg0: boolean
  clobbersArg1: boolean
}

const EMPTY_SPEC: RegSpec = { inputs: [], outputs: [], clobbers: 0n, clobbersArg0: false, clobbersArg1: false }

/** Stable sort by register count: gc allocates the most constrained operand first. */
const byConstraint = (ops: Operand[]): Operand[] => ops.map((o, i) => ({ o, i, n: countRegs(o.regs) })).sort((a, b) => a.n - b.n || a.i - b.i).map((x) => x.o)

export class Machine {
  readonly names: string[]
  readonly sp: number
  readonly sb: number
  /** The g register (-1 when the arch keeps g elsewhere). */
  readonly g: number
  readonly gp: Mask
  readonly fp: Mask
  readonly allocatable: Mask
  /** The ABI's argument/result registers, in order. */
  readonly paramInt: number[]
  readonly paramFloat: number[]
  private readonly staticSpecs = new Map<string, RegSpec>()

  constructor(readonly f: Func) {
    const a = archInfo(f.arch)
    this.names = a.regnames
    const idx = (n: string): number => a.regnames.indexOf(n)
    this.sp = idx('SP')
    this.sb = idx('SB')
    this.g = idx('g')
    if (this.sp < 0 || this.sb < 0) throw new Error(`regalloc: ${f.arch} has no SP or SB register`)
    this.gp = regMask(a.gp)
    this.fp = regMask(a.fp)
    let m = this.gp | this.fp | regMask(a.special)
    m &= ~(bit(this.sp) | bit(this.sb))
    if (this.g >= 0) m &= ~bit(this.g)
    // gc builds with frame pointers: the frame pointer register is never allocated.
    if (a.framePointer >= 0) m &= ~bit(a.framePointer)
    if (a.linkReg >= 0 && isLeaf(f)) m &= ~bit(a.linkReg)
    this.allocatable = m
    const abi = abiConfig(f.arch)
    this.paramInt = abi.intRegs.map(idx)
    this.paramFloat = abi.floatRegs.map(idx)
  }

  reg(name: string): number {
    return this.names.indexOf(name)
  }

  /** Registers that can hold a value of type t (gc's compatRegs). */
  compatRegs(t: SsaType): Mask {
    if (t.kind === 'flags' || t.kind === 'tuple' || t.kind === 'results') return 0n
    return (t.kind === 'float' ? this.fp : this.gp) & this.allocatable
  }

  /** The register constraints of v (gc's regspec). */
  regspec(v: Value): RegSpec {
    switch (v.op) {
      case 'Convert': {
        const m = this.allocatable & this.gp
        return { ...EMPTY_SPEC, inputs: [{ idx: 0, regs: m }], outputs: [{ idx: 0, regs: m }] }
      }
      case 'ArgIntReg':
      case 'ArgFloatReg': {
        const r = (v.op === 'ArgIntReg' ? this.paramInt : this.paramFloat)[Number(v.auxInt)]
        if (r === undefined) throw new Error(`regalloc: ${v} ${v.op} [${v.auxInt}] has no ABI register`)
        return { ...EMPTY_SPEC, outputs: [{ idx: 0, regs: bit(r) }] }
      }
      case 'MakeResult': {
        // The function's own results go back in the ABI's registers.
        const inputs = this.abiRegs(v.args.slice(0, -1).map((a) => a.type)).map((r, idx) => ({ idx, regs: bit(r) }))
        return inputs.length ? { ...EMPTY_SPEC, inputs } : EMPTY_SPEC
      }
    }
    const base = this.staticSpec(v.op)
    if (!isAbiCall(v, this.f.arch)) return base
    // Register arguments follow the op's own fixed inputs; the last argument is memory.
    const k = base.inputs.length
    const argRegs = this.abiRegs(v.args.slice(k, -1).map((a) => a.type))
    const resRegs = this.abiRegs(resultParts(v.type))
    if (argRegs.length + resRegs.length === 0) return base
    const inputs = [...argRegs.map((r, i) => ({ idx: k + i, regs: bit(r) })), ...base.inputs]
    const outputs = [...resRegs.map((r, i) => ({ idx: base.outputs.length + i, regs: bit(r) })), ...base.outputs]
    return { ...base, inputs, outputs }
  }

  /** ABI registers for a list of register-assigned pieces: ints and floats count separately. */
  abiRegs(types: SsaType[]): number[] {
    let ni = 0
    let nf = 0
    return types.map((t) => {
      const r = t.kind === 'float' ? this.paramFloat[nf++] : this.paramInt[ni++]
      if (r === undefined) throw new Error(`regalloc: more register arguments than ${this.f.arch}'s ABI has`)
      return r
    })
  }

  private staticSpec(op: string): RegSpec {
    let s = this.staticSpecs.get(op)
    if (s) return s
    const reg = opInfo(op, this.f.arch).reg
    if (!reg) s = EMPTY_SPEC
    else {
      const ops = (xs: string[] | undefined): Operand[] =>
        byConstraint((xs ?? []).map((h, idx) => ({ idx, regs: regMask(h) })).filter((o) => o.regs !== 0n))
      s = { inputs: ops(reg.inputs), outputs: ops(reg.outputs), clobbers: regMask(reg.clobbers), clobbersArg0: !!reg.clobbersArg0, clobbersArg1: !!reg.clobbersArg1 }
    }
    this.staticSpecs.set(op, s)
    return s
  }
}

/** A call's register results: its result type's parts before the memory. */
function resultParts(t: SsaType): SsaType[] {
  const parts = t.parts ?? []
  return parts.length && parts[parts.length - 1]!.kind === 'mem' ? parts.slice(0, -1) : []
}

function isLeaf(f: Func): boolean {
  for (const b of f.blocks) for (const v of b.values) {
    const info = opInfo(v.op, f.arch)
    if (info.call && !info.tailCall) return false
  }
  return true
}

/**
 * ABI calls and MakeResult produce call results (gc's
 * TRESULTS, even when only memory: `CALLstatic <mem>`); other multi-part
 * values are tuples.
 */
export function isResultsValue(v: Value, arch: string): boolean {
  return v.op === 'MakeResult' || isAbiCall(v, arch)
}

/** A call through the register ABI (CALLstatic, CALLclosure, CALLinter, CALLtail; gc gives them an AuxCall), not a runtime helper like LoweredPanicBoundsRR. */
export function isAbiCall(v: Value, arch: string): boolean {
  return (v.aux?.kind === 'call' || v.op.startsWith('CALL')) && !!opInfo(v.op, arch).call
}

export function isTupleValue(v: Value, arch: string): boolean {
  return (v.type.kind === 'results' || v.type.kind === 'tuple') && !isResultsValue(v, arch)
}

/** gc's needRegister: not memory, void, flags or a tuple. */
export function needsRegister(v: Value, arch: string): boolean {
  const t = v.type
  return !isMemoryType(t) && t.kind !== 'void' && t.kind !== 'flags' && !isTupleValue(v, arch)
}

/** gc's Value.rematerializeable: a flagged op whose arguments are all fixed registers (SP, SB). */
export function rematerializeable(v: Value, arch: string): boolean {
  if (!opInfo(v.op, arch).rematerializeable) return false
  return v.args.every((a) => !!opInfo(a.op, arch).fixedReg)
}
