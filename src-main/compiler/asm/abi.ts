// Go's register ABI (cmd/compile/internal/abi/abiutils.go), as far as the
// assembly listing needs it: which registers carry each parameter, where
// register parameters spill (the morestack path spills every one of them),
// and the size of the argument area TEXT prints as `$frame-ARGS`.

import { archInfo } from '../ssa/opinfo'
import type { SsaType } from '../ssa/types'

export interface AbiParam {
  /** Source name (`xs`, `~r0`), or '' when unknown. */
  name: string
  type: SsaType
}

/** One register-sized piece of a parameter. */
export interface AbiPiece {
  float: boolean
  size: number
  /** Offset inside the parameter. */
  offset: number
  pointer: boolean
  signed: boolean
}

export interface AbiAssignment {
  param: AbiParam
  /** Register names, one per piece; empty when the parameter is on the stack. */
  regs: string[]
  pieces: AbiPiece[]
  /** gc's FrameOffset: the stack slot, or the spill slot of a register parameter; null for register results. */
  frameOffset: number | null
}

export interface AbiInfo {
  inParams: AbiAssignment[]
  outParams: AbiAssignment[]
  /** f.OwnAux.ArgWidth() rounded to 8: the `-ARGS` of TEXT. */
  argWidth: number
}

export class UnknownLayout extends Error {}

/** Two-word types the SSA type layer does not model as such (read back from dumps, they have no layout). */
const isTwoWord = (t: SsaType): boolean => t.str === 'string' || /^(interface ?\{|any$|error$)/.test(t.str)

/** Maps and channels are one pointer (read back from dumps, they have no layout either). */
const isPointerWord = (t: SsaType): boolean => /^(map\[|chan |<-chan |chan<- )/.test(t.str)

/** The size of t, including the string, interface, map and channel types gc's dumps name. */
export const abiSize = (t: SsaType): number => (isTwoWord(t) ? 16 : isPointerWord(t) ? 8 : t.size)
const abiAlign = (t: SsaType): number => (isTwoWord(t) || isPointerWord(t) ? 8 : t.align)

/** The width of a register-sized value of type t; a named type read back from a gc dump has no size, and is taken as a full register. */
export function regWidth(t: SsaType): number {
  const opaque = t.kind === 'struct' && t.size === 0 && (t.fields?.length ?? 0) === 0 && t.str !== 'struct {}'
  return opaque ? 8 : abiSize(t)
}

const roundUp = (n: number, a: number): number => (a <= 1 ? n : Math.ceil(n / a) * a)

/** The register pieces of t, or null when t is not register-assignable (arrays longer than 1). */
export function abiPieces(t: SsaType, base = 0): AbiPiece[] | null {
  if (t.str === 'string') return [word(base, true), word(base + 8, false)]
  if (isTwoWord(t)) return [word(base, true), word(base + 8, true)]
  if (isPointerWord(t)) return [word(base, true)]
  switch (t.kind) {
    case 'bool':
    case 'int':
    case 'uint':
      return [{ float: false, size: t.size, offset: base, pointer: false, signed: t.kind === 'int' }]
    case 'ptr':
    case 'unsafeptr':
    case 'func':
      return [word(base, true)]
    case 'float':
      return [{ float: true, size: t.size, offset: base, pointer: false, signed: true }]
    case 'slice':
      return [word(base, true), word(base + 8, false), word(base + 16, false)]
    case 'array': {
      if ((t.len ?? 0) === 0) return []
      if (t.len !== 1) return null
      return abiPieces(t.elem!, base)
    }
    case 'struct': {
      // Read back from a gc dump, a named type has no layout.
      if (t.size === 0 && (t.fields?.length ?? 0) === 0 && t.str !== 'struct {}') throw new UnknownLayout(`no layout for ${t.str}`)
      const out: AbiPiece[] = []
      for (const f of t.fields ?? []) {
        const p = abiPieces(f.type, base + f.offset)
        if (!p) return null
        out.push(...p)
      }
      return out
    }
    default:
      throw new UnknownLayout(`no ABI for ${t.str}`)
  }
}

const word = (offset: number, pointer: boolean): AbiPiece => ({ float: false, size: 8, offset, pointer, signed: !pointer })

/** gc's ABIAnalyzeFuncType for the internal ABI on a 64-bit arch. */
export function analyzeAbi(arch: string, params: AbiParam[], results: AbiParam[]): AbiInfo {
  const info = archInfo(arch)
  const ints = info.paramInt.split(' ')
  const floats = info.paramFloat.split(' ')
  // ppc64 keeps a fixed 32-byte area below the arguments (FixedFrameSize); offsets exclude it.
  let stack = 0
  let spill = 0
  let usedI = 0
  let usedF = 0
  const assign = (p: AbiParam, isResult: boolean): AbiAssignment => {
    // abiPieces first: it refuses a type without a layout (size 0 would otherwise look like an empty struct).
    const all = abiPieces(p.type)
    const size = abiSize(p.type)
    const pieces = size === 0 ? null : all
    const ni = pieces?.filter((x) => !x.float).length ?? 0
    const nf = pieces?.filter((x) => x.float).length ?? 0
    if (pieces && ni <= ints.length - usedI && nf <= floats.length - usedF) {
      const regs = pieces.map((x) => (x.float ? floats[usedF++]! : ints[usedI++]!))
      let frameOffset: number | null = null
      if (!isResult) {
        spill = roundUp(spill, abiAlign(p.type))
        frameOffset = spill
        spill += size
      }
      return { param: p, regs, pieces, frameOffset }
    }
    stack = roundUp(stack, abiAlign(p.type))
    const off = stack
    stack += size
    return { param: p, regs: [], pieces: pieces ?? [], frameOffset: off }
  }
  const inParams = params.map((p) => assign(p, false))
  stack = roundUp(stack, 8)
  usedI = usedF = 0
  const outParams = results.map((p) => assign(p, true))
  const spillArea = roundUp(stack, 8)
  for (const a of inParams) if (a.regs.length && a.frameOffset !== null) a.frameOffset += spillArea
  return { inParams, outParams, argWidth: roundUp(spillArea + roundUp(spill, 8), 8) }
}
