// gc's register ABI (ABIInternal; cmd/compile/internal/abi/abiutils.go) for
// amd64 and ppc64: which parameters and results travel in registers, which
// registers, and where the others sit on the stack. expand calls uses it to
// rewrite calls, parameters and results; regalloc and the assembly listing
// use it to name the registers of ArgIntReg/ArgFloatReg and call results.
//
// A parameter gets registers only as a whole: if all of its scalar parts fit
// in the integer and float registers still free, each part takes the next
// one; otherwise the whole parameter goes on the stack (and so do zero-sized
// ones, and arrays of more than one element). Register indices follow gc's
// RegIndex: integer registers 0..nInt-1, then float registers nInt.. .

import { auxString, type Func } from './func'
import { archInfo } from './opinfo'
import { isOpaque } from './rules/helpers'
import { parseType, ptrTo, T, type SsaType } from './types'

/** Pointer size: every target we model is 64-bit. */
export const REG_SIZE = 8

export interface AbiConfig {
  arch: string
  /** Integer argument registers in ABI order (amd64: AX BX CX DI SI R8 R9 R10 R11). */
  intRegs: readonly string[]
  /** Float argument registers in ABI order (amd64: X0–X14, ppc64: F1–F12). */
  floatRegs: readonly string[]
  /** gc's FixedFrameSize: the stack arguments start this far above SP (ppc64's linkage area). */
  localsOffset: number
}

const FIXED_FRAME: Record<string, number> = { amd64: 0, ppc64: 32, ppc64le: 32 }

const configs = new Map<string, AbiConfig>()

export function abiConfig(arch: string): AbiConfig {
  let c = configs.get(arch)
  if (!c) {
    const a = archInfo(arch)
    c = { arch, intRegs: a.paramInt.split(' '), floatRegs: a.paramFloat.split(' '), localsOffset: FIXED_FRAME[arch] ?? 0 }
    configs.set(arch, c)
  }
  return c
}

export interface AbiParam {
  /** The parameter's name (`x`, `~r0`), when known. */
  name?: string
  type: SsaType
  /** Register indices (gc's RegIndex), one per scalar part; empty: on the stack. */
  regs: number[]
  /**
   * Stack parameters and results: offset from SP at the call (it includes
   * localsOffset). Register parameters: offset in the spill area. Register
   * results: -1.
   */
  offset: number
}

export interface AbiInfo {
  config: AbiConfig
  params: AbiParam[]
  results: AbiParam[]
  inRegsUsed: number
  outRegsUsed: number
  spillAreaOffset: number
  spillAreaSize: number
}

export interface AbiInput {
  name?: string
  type: SsaType
}

const roundUp = (n: number, a: number): number => (a <= 1 ? n : Math.ceil(n / a) * a)

const isScalar = (t: SsaType): boolean =>
  t.kind === 'bool' || t.kind === 'int' || t.kind === 'uint' || t.kind === 'float' || t.kind === 'ptr' || t.kind === 'unsafeptr' || t.kind === 'func'

function layoutOf(t: SsaType): SsaType {
  if (isOpaque(t)) throw new Error(`ABI: no layout for type ${t.str}`)
  return t
}

/** gc's slices travel as this struct (abiutils' synthSlice). */
const SYNTH_SLICE_PARTS = [ptrTo(T.uint8), T.int, T.int]
/** …and strings as this one (synthString). */
const SYNTH_STRING_PARTS = [ptrTo(T.uint8), T.int]
/** gc's interfaces travel as two byte pointers (abiutils' synthIface: the itab or type word, the data word). */
const SYNTH_IFACE_PARTS = [ptrTo(T.uint8), ptrTo(T.uint8)]

/** How many integer and float registers a value of type t needs; null: it can only go in memory (gc's Type.Registers). */
export function typeRegisters(t: SsaType): { int: number; float: number } | null {
  layoutOf(t)
  if (t.kind === 'float') return { int: 0, float: 1 }
  if (isScalar(t)) return { int: 1, float: 0 }
  switch (t.kind) {
    case 'slice':
      return { int: 3, float: 0 }
    case 'string':
    case 'interface':
      return { int: 2, float: 0 }
    case 'array':
      if (t.len === 0) return { int: 0, float: 0 }
      return t.len === 1 ? typeRegisters(t.elem!) : null
    case 'struct': {
      let int = 0
      let float = 0
      for (const f of t.fields!) {
        const r = typeRegisters(f.type)
        if (!r) return null
        int += r.int
        float += r.float
      }
      return { int, float }
    }
  }
  throw new Error(`ABI: cannot pass a value of type ${t.str}`)
}

/** Registers a value of type t takes when it goes in registers (gc's NumParamRegs). */
export function numParamRegs(t: SsaType): number {
  const r = typeRegisters(t)
  if (!r) throw new Error(`ABI: ${t.str} cannot go in registers`)
  return r.int + r.float
}

/** One scalar part of a register parameter: its type, offset inside the parameter, and register. */
export interface RegPart {
  type: SsaType
  offset: number
  reg: number
}

/** The scalar parts of t in register order, with their offsets (gc's appendParamTypes/appendParamOffsets). */
export function scalarParts(t: SsaType, at = 0, out: { type: SsaType; offset: number }[] = []): { type: SsaType; offset: number }[] {
  if (t.size === 0) return out
  if (isScalar(t)) {
    out.push({ type: t, offset: at })
    return out
  }
  switch (t.kind) {
    case 'slice':
      SYNTH_SLICE_PARTS.forEach((p, i) => out.push({ type: p, offset: at + i * REG_SIZE }))
      return out
    case 'string':
      SYNTH_STRING_PARTS.forEach((p, i) => out.push({ type: p, offset: at + i * REG_SIZE }))
      return out
    case 'interface':
      SYNTH_IFACE_PARTS.forEach((p, i) => out.push({ type: p, offset: at + i * REG_SIZE }))
      return out
    case 'array':
      for (let i = 0; i < t.len!; i++) scalarParts(t.elem!, at + i * t.elem!.size, out)
      return out
    case 'struct':
      for (const f of t.fields!) scalarParts(f.type, at + f.offset, out)
      return out
  }
  throw new Error(`ABI: cannot pass a value of type ${t.str}`)
}

/** A register parameter's parts with their registers (empty for a stack parameter). */
export function registerParts(p: AbiParam): RegPart[] {
  if (p.regs.length === 0) return []
  return scalarParts(p.type).map((x, i) => ({ ...x, reg: p.regs[i]! }))
}

/** The types of the values in registers, parameter by parameter (gc's RegisterTypes): a call's result type. */
export function registerTypes(ps: readonly AbiParam[]): SsaType[] {
  return ps.flatMap((p) => (p.regs.length ? scalarParts(p.type).map((x) => x.type) : []))
}

/** gc's ABIAnalyzeTypes/ABIAnalyzeFuncType: assign registers or stack slots to parameters, then results. */
export function abiAnalyze(arch: string, params: readonly AbiInput[], results: readonly AbiInput[]): AbiInfo {
  const config = abiConfig(arch)
  let stackOffset = config.localsOffset
  let spillOffset = 0
  let usedInt = 0
  let usedFloat = 0

  const nextSlot = (off: number, t: SsaType): [number, number] => {
    const o = roundUp(off, t.align)
    return [o, o + t.size]
  }
  // Registers for the parts of t, in order, from the ones still free.
  const allocate = (t: SsaType, regs: number[]): void => {
    for (const part of scalarParts(t)) {
      if (part.type.kind === 'float') regs.push(config.intRegs.length + usedFloat++)
      else regs.push(usedInt++)
    }
  }
  const assign = (p: AbiInput, isResult: boolean): AbiParam => {
    const need = p.type.size === 0 ? null : typeRegisters(p.type)
    if (need && need.int <= config.intRegs.length - usedInt && need.float <= config.floatRegs.length - usedFloat) {
      const regs: number[] = []
      allocate(p.type, regs)
      let offset = -1
      if (!isResult) [offset, spillOffset] = nextSlot(spillOffset, p.type)
      return { name: p.name, type: p.type, regs, offset }
    }
    layoutOf(p.type)
    const [offset, next] = nextSlot(stackOffset, p.type)
    stackOffset = next
    return { name: p.name, type: p.type, regs: [], offset }
  }

  const ps = params.map((p) => assign(p, false))
  stackOffset = roundUp(stackOffset, REG_SIZE)
  const inRegsUsed = usedInt + usedFloat
  usedInt = usedFloat = 0
  const rs = results.map((r) => assign(r, true))
  return {
    config,
    params: ps,
    results: rs,
    inRegsUsed,
    outRegsUsed: usedInt + usedFloat,
    spillAreaOffset: roundUp(stackOffset, REG_SIZE),
    spillAreaSize: roundUp(spillOffset, REG_SIZE),
  }
}

/** gc's ArgWidth: the argument area a caller reserves (stack arguments, results and the spill area). */
export const argWidth = (info: AbiInfo): number => info.spillAreaSize + info.spillAreaOffset - info.config.localsOffset

/** gc's FrameOffset: a stack parameter's slot, or a register parameter's spill slot, relative to the argument area. */
export function frameOffset(info: AbiInfo, p: AbiParam): number {
  if (p.offset < 0) throw new Error('ABI: a register result has no frame offset')
  return p.regs.length ? p.offset + info.spillAreaOffset - info.config.localsOffset : p.offset - info.config.localsOffset
}

/** The name of ABI register index r (`AX`, `X3`, `R14`, `F2`). */
export function regName(config: AbiConfig, r: number): string {
  const n = r < config.intRegs.length ? config.intRegs[r] : config.floatRegs[r - config.intRegs.length]
  if (n === undefined) throw new Error(`ABI: no register ${r} on ${config.arch}`)
  return n
}

/** True when ABI register index r is a float register. */
export const isFloatReg = (config: AbiConfig, r: number): boolean => r >= config.intRegs.length

/** The register an `ArgIntReg [i]` or `ArgFloatReg [i]` arrives in. */
export function argRegName(arch: string, op: 'ArgIntReg' | 'ArgFloatReg' | string, index: number): string {
  const c = abiConfig(arch)
  const n = op === 'ArgFloatReg' ? c.floatRegs[index] : op === 'ArgIntReg' ? c.intRegs[index] : undefined
  if (n === undefined) throw new Error(`ABI: ${op} [${index}] names no register on ${arch}`)
  return n
}

/** For a call's `SelectN [i]` (i < outRegsUsed): the register that result part comes back in. */
export function resultRegName(info: AbiInfo, i: number): string {
  const regs = info.results.flatMap((r) => r.regs)
  const r = regs[i]
  if (r === undefined) throw new Error(`ABI: result ${i} is not in a register`)
  return regName(info.config, r)
}

/** The op and index of the argument value for ABI register r (gc's ArgOpAndRegisterFor). */
export function argOpFor(config: AbiConfig, r: number): { op: 'ArgIntReg' | 'ArgFloatReg'; index: number } {
  return isFloatReg(config, r) ? { op: 'ArgFloatReg', index: r - config.intRegs.length } : { op: 'ArgIntReg', index: r }
}

// ---- a function's own signature ---------------------------------------------

/** A function's parameters (receiver first) and results, with their names. */
export interface Signature {
  params: AbiInput[]
  results: AbiInput[]
}

/**
 * f's signature: from f.locals (gc's fn.Dcl, which construction fills) when
 * it lists parameters or results and names every Arg; otherwise (functions
 * read from gc dumps, wrappers, closures gc calls with their captures as
 * parameters) from the type in the dump header,
 * naming parameters after the Arg values in order (a dead parameter of the
 * same type as a later live one can then be misnamed) and results `~rN`.
 */
export function signatureOf(f: Func): Signature {
  const params = f.locals.filter((l) => l.class === 'param')
  const results = f.locals.filter((l) => l.class === 'result')
  const args = f.entry.values.filter((v) => v.op === 'Arg' && v.aux?.kind === 'sym')
  // A directly called closure gets its captures as parameters: then the declared list does not fit.
  if ((params.length || results.length) && args.every((a) => params.some((p) => p.name === auxString(a.aux!)))) {
    return { params: params.map((l) => ({ name: l.name, type: l.type })), results: results.map((l) => ({ name: l.name, type: l.type })) }
  }
  const sig = parseSignature(f.typeStr)
  const seen = new Set<string>()
  let next = 0
  const ps: AbiInput[] = sig.params.map((type) => ({ type }))
  for (const a of args) {
    const name = auxString(a.aux!)
    if (a.auxInt !== 0n || seen.has(name)) continue
    seen.add(name)
    for (let i = next; i < ps.length; i++) {
      if (ps[i]!.type.str !== a.type.str) continue
      // The Arg's type may know a layout the header's spelling does not.
      ps[i] = { name, type: a.type }
      next = i + 1
      break
    }
  }
  return { params: ps, results: sig.results.map((type, i) => ({ name: `~r${i}`, type })) }
}

/** f's own ABI assignment. */
export const funcAbi = (f: Func, arch: string = f.arch): AbiInfo => {
  const s = signatureOf(f)
  return abiAnalyze(arch, s.params, s.results)
}

/** Parameter and result types of gc's `func(int, []int) (int, bool)` or `method(*T) func(int) int`. */
export function parseSignature(s: string): { params: SsaType[]; results: SsaType[] } {
  let rest = s.trim()
  const recv: string[] = []
  if (rest.startsWith('method(')) {
    const end = closeParen(rest, 6)
    recv.push(...splitList(rest.slice(7, end)))
    rest = rest.slice(end + 1).trim()
  }
  if (!rest.startsWith('func(')) throw new Error(`not a function type: ${s}`)
  const end = closeParen(rest, 4)
  const params = [...recv, ...splitList(rest.slice(5, end))]
  rest = rest.slice(end + 1).trim()
  const results = rest === '' ? [] : rest.startsWith('(') && closeParen(rest, 0) === rest.length - 1 ? splitList(rest.slice(1, -1)) : [rest]
  const typ = (t: string): SsaType => parseType(t.startsWith('...') ? `[]${t.slice(3)}` : t)
  return { params: params.map(typ), results: results.map(typ) }
}

function closeParen(s: string, open: number): number {
  let depth = 0
  for (let i = open; i < s.length; i++) {
    const c = s[i]
    if (c === '(' || c === '[' || c === '{') depth++
    else if ((c === ')' || c === ']' || c === '}') && --depth === 0) return i
  }
  throw new Error(`unbalanced type: ${s}`)
}

function splitList(s: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim())
      start = i + 1
    }
  }
  const last = s.slice(start).trim()
  if (last !== '' || out.length) out.push(last)
  return out
}
