// The helper predicates gc's rules call (ssa/rewrite.go), over our values.
// Integers are bigints at the op's width; widths are in bits.

import type { Aux, Value } from '../func'
import { opInfo } from '../opinfo'
import { isInteger, type SsaType } from '../types'

// ---- integer arithmetic at a width ----------------------------------------

export const wrap = (w: number, x: bigint): bigint => BigInt.asIntN(w, x)
export const uint = (w: number, x: bigint): bigint => BigInt.asUintN(w, x)

/** Go's x << s for a signed w-bit x and an unsigned shift count. */
export function shl(w: number, x: bigint, s: bigint): bigint {
  return s >= BigInt(w) || s < 0n ? 0n : wrap(w, x << s)
}

/** Go's arithmetic x >> s for a signed w-bit x. */
export function sar(w: number, x: bigint, s: bigint): bigint {
  return s >= BigInt(w) || s < 0n ? (wrap(w, x) < 0n ? -1n : 0n) : wrap(w, x) >> s
}

/** Go's logical x >> s of the w-bit pattern of x, read back signed. */
export function shr(w: number, x: bigint, s: bigint): bigint {
  return s >= BigInt(w) || s < 0n ? 0n : wrap(w, uint(w, x) >> s)
}

export const isPowerOfTwo = (n: bigint): boolean => n > 0n && (n & (n - 1n)) === 0n
export const isUnsignedPowerOfTwo = (w: number, n: bigint): boolean => isPowerOfTwo(uint(w, n))
export const oneBit = (x: bigint): boolean => x !== 0n && (x & (x - 1n)) === 0n
/** log2 of a power of two (as an unsigned w-bit pattern). */
export const log2 = (w: number, n: bigint): bigint => BigInt(uint(w, n).toString(2).length - 1)

export function ntz(w: number, x: bigint): number {
  const u = uint(w, x)
  if (u === 0n) return w
  let n = 0
  while (((u >> BigInt(n)) & 1n) === 0n) n++
  return n
}

export function nlz(w: number, x: bigint): number {
  const u = uint(w, x)
  return u === 0n ? w : w - u.toString(2).length
}

/** Unsigned a+b overflows 64 bits. */
export const uaddOvf = (a: bigint, b: bigint): boolean => uint(64, uint(64, a) + uint(64, b)) < uint(64, a)

// ---- floats ----------------------------------------------------------------

/** 1/c is exact: c is a power of two whose exponent field is neither 0, nor all ones, nor one below (gc's reciprocalExact). */
export function reciprocalExact(c: number, single: boolean): boolean {
  if (!Number.isFinite(c) || c === 0) return false
  const e = Math.log2(Math.abs(c))
  if (!Number.isInteger(e) || 2 ** e !== Math.abs(c)) return false
  const limit = single ? 126 : 1022
  return e >= -limit && e <= limit
}

/** Go's conversion of a float to a w-bit signed integer (caller checks the range). */
export const floatToInt = (x: number): bigint => BigInt(Math.trunc(x))

// ---- types -----------------------------------------------------------------

/** A named type read back from a gc dump has no layout; rules that need one must not fire. */
export function isOpaque(t: SsaType): boolean {
  if (t.kind === 'struct') return t.size === 0 && (t.fields?.length ?? 0) === 0 && t.hasPointers
  if (t.kind === 'array') return isOpaque(t.elem!)
  return false
}

/** Thrown by size() for a type without layout: the rule evaluating it does not fire. */
export class NoLayout extends Error {}

/** t.Size(); a type without layout makes the rule that asks not apply. */
export function size(t: SsaType): number {
  if (isOpaque(t)) throw new NoLayout(`no layout for ${t.str}`)
  return t.size
}

/** t.Size() as a bigint, for auxint arithmetic. */
export const bsize = (t: SsaType): bigint => BigInt(size(t))

export const isPtrType = (t: SsaType): boolean => t.kind === 'ptr' || t.kind === 'unsafeptr' || t.kind === 'func'

/** copyCompatibleType: a load may reuse a stored value of this type. */
export function copyCompatible(t1: SsaType, t2: SsaType): boolean {
  if (size(t1) !== size(t2)) return false
  if (isInteger(t1)) return isInteger(t2)
  if (isPtrType(t1)) return isPtrType(t2)
  return t1 === t2
}

/** gc's CanSSA (ssa size limit 4 words; arrays of at most one element; structs of at most 4 fields). */
export function canSSA(t: SsaType): boolean {
  if (isOpaque(t)) return false
  if (t.size > 4 * 8) return false
  if (t.kind === 'array') return (t.len ?? 0) <= 1 && canSSA(t.elem!)
  if (t.kind === 'struct') return t.fields!.length <= 4 && t.fields!.every((f) => canSSA(f.type))
  return true
}

// ---- pointers ---------------------------------------------------------------

/** Two auxes name the same thing (gc compares its Aux interfaces by identity). */
export function auxEqual(a: Aux | null, b: Aux | null): boolean {
  if (a === b) return true
  if (!a || !b || a.kind !== b.kind) return false
  switch (a.kind) {
    case 'sym':
      return a.name === (b as typeof a).name
    case 'call':
      return a.fn === (b as typeof a).fn
    case 'type':
    case 'typeSym':
      return a.type === (b as typeof a).type
  }
}

/** p1 and p2 point to the same address (same value, same symbol, same offset chain). */
export function isSamePtr(p1: Value, p2: Value): boolean {
  if (p1 === p2) return true
  if (p1.op !== p2.op) {
    while (p1.op === 'OffPtr' && p1.auxInt === 0n) p1 = p1.args[0]!
    while (p2.op === 'OffPtr' && p2.auxInt === 0n) p2 = p2.args[0]!
    if (p1 === p2) return true
    if (p1.op !== p2.op) return false
  }
  switch (p1.op) {
    case 'OffPtr':
      return p1.auxInt === p2.auxInt && isSamePtr(p1.args[0]!, p2.args[0]!)
    case 'Addr':
    case 'LocalAddr':
      return auxEqual(p1.aux, p2.aux)
    case 'AddPtr':
      return p1.args[1] === p2.args[1] && isSamePtr(p1.args[0]!, p2.args[0]!)
  }
  return false
}

/** Pointer types whose targets cannot overlap by Go's aliasing rules (pointers vs non-pointers). */
function disjointTypes(t1: SsaType, t2: SsaType): boolean {
  if (t1.kind === 'unsafeptr' || t2.kind === 'unsafeptr') return false
  if (t1.kind !== 'ptr' || t2.kind !== 'ptr') return false
  const e1 = t1.elem!
  const e2 = t2.elem!
  if (isOpaque(e1) || isOpaque(e2)) return false
  const ptrShaped = (t: SsaType): boolean => t.size === 8 && t.hasPointers
  return (ptrShaped(e1) && !e2.hasPointers) || (ptrShaped(e2) && !e1.hasPointers)
}

/** The memory [p1, p1+n1) does not overlap [p2, p2+n2). false means "don't know". */
export function disjoint(p1: Value, n1: number, p2: Value, n2: number): boolean {
  if (n1 === 0 || n2 === 0) return true
  if (p1 === p2) return false
  if (disjointTypes(p1.type, p2.type)) return true
  const baseAndOffset = (p: Value): [Value, bigint] => {
    let off = 0n
    while (p.op === 'OffPtr') {
      off += p.auxInt
      p = p.args[0]!
    }
    if (opInfo(p.op, p.block.func.arch).nilCheck) p = p.args[0]!
    return [p, off]
  }
  const [b1, o1] = baseAndOffset(p1)
  const [b2, o2] = baseAndOffset(p2)
  if (isSamePtr(b1, b2)) return o1 + BigInt(n1) <= o2 || o2 + BigInt(n2) <= o1
  switch (b1.op) {
    case 'Addr':
    case 'LocalAddr':
      if (b2.op === 'Addr' || b2.op === 'LocalAddr' || b2.op === 'SP') return true
      return (b2.op === 'Arg' || b2.op === 'ArgIntReg') && b1.args[0]!.op === 'SP'
    case 'Arg':
    case 'ArgIntReg':
      if (b2.op === 'SP' || b2.op === 'LocalAddr') return true
      break
    case 'SP':
      return ['Addr', 'LocalAddr', 'Arg', 'ArgIntReg', 'SP'].includes(b2.op)
  }
  return false
}

/** gc's isVolatile: a pointer into the outgoing argument area (an offset of SP used once), which a call clobbers. */
export function isVolatile(v: Value): boolean {
  while ((v.op === 'OffPtr' || v.op === 'AddPtr' || v.op === 'PtrIndex') && v.uses === 1) v = v.args[0]!
  return v.op === 'SP'
}

export function isStackPtr(v: Value): boolean {
  while (v.op === 'OffPtr' || v.op === 'AddPtr') v = v.args[0]!
  return v.op === 'SP' || v.op === 'LocalAddr'
}

// ---- values ------------------------------------------------------------------

export function isConstZero(v: Value): boolean {
  switch (v.op) {
    case 'ConstNil':
      return true
    case 'Const64': case 'Const32': case 'Const16': case 'Const8': case 'ConstBool': case 'Const32F': case 'Const64F':
      return v.auxInt === 0n
    case 'StringMake': case 'IMake': case 'ComplexMake':
      return isConstZero(v.args[0]!) && isConstZero(v.args[1]!)
    case 'SliceMake':
      return isConstZero(v.args[0]!) && isConstZero(v.args[1]!) && isConstZero(v.args[2]!)
    case 'StringPtr': case 'StringLen': case 'SlicePtr': case 'SliceLen': case 'SliceCap':
    case 'ITab': case 'IData': case 'ComplexReal': case 'ComplexImag':
      return isConstZero(v.args[0]!)
  }
  return false
}

const NONNEG_OPS = new Set([
  'StringLen', 'SliceLen', 'SliceCap', 'ZeroExt8to64', 'ZeroExt16to64', 'ZeroExt32to64', 'ZeroExt8to32', 'ZeroExt16to32', 'ZeroExt8to16',
  'Ctz64', 'Ctz32', 'Ctz16', 'Ctz8', 'Ctz64NonZero', 'Ctz32NonZero', 'Ctz16NonZero', 'Ctz8NonZero', 'BitLen64', 'BitLen32', 'BitLen16', 'BitLen8',
])

/** v is known to be >= 0 from its bit pattern alone (gc's simple isNonNegative). */
export function isNonNegative(v: Value): boolean {
  switch (v.op) {
    case 'Const64': return v.auxInt >= 0n
    case 'Const32': return BigInt.asIntN(32, v.auxInt) >= 0n
    case 'Const16': return BigInt.asIntN(16, v.auxInt) >= 0n
    case 'Const8': return BigInt.asIntN(8, v.auxInt) >= 0n
    case 'Rsh64Ux64': case 'Rsh32Ux64': {
      const by = v.args[1]!
      return by.op === 'Const64' && by.auxInt > 0n
    }
    case 'Rsh64x64': case 'Rsh32x64': case 'Rsh8x64': case 'Rsh16x64': case 'Rsh32x32': case 'Rsh64x32':
    case 'SignExt32to64': case 'SignExt16to64': case 'SignExt8to64': case 'SignExt16to32': case 'SignExt8to32':
      return isNonNegative(v.args[0]!)
    case 'And64': case 'And32': case 'And16': case 'And8':
      return isNonNegative(v.args[0]!) || isNonNegative(v.args[1]!)
    case 'Mod64': case 'Mod32': case 'Mod16': case 'Mod8': case 'Div64': case 'Div32': case 'Div16': case 'Div8':
    case 'Or64': case 'Or32': case 'Or16': case 'Or8': case 'Xor64': case 'Xor32': case 'Xor16': case 'Xor8':
      return isNonNegative(v.args[0]!) && isNonNegative(v.args[1]!)
  }
  return NONNEG_OPS.has(v.op)
}

// ---- calls -------------------------------------------------------------------

export const callName = (a: Aux | null): string | undefined => (a?.kind === 'call' ? a.fn : undefined)
export const isSameCall = (a: Aux | null, name: string): boolean => callName(a) === name

export function isMalloc(a: Aux | null): boolean {
  const n = callName(a)
  if (!n) return false
  return n === 'runtime.newobject' || n.startsWith('runtime.mallocgcSmallNoScanSC') || n.startsWith('runtime.mallocgcSmallScanNoHeaderSC') || n.startsWith('runtime.mallocgcTinySize')
}

/** clobber: the value is dead from now on (its args lose a use). */
export function clobber(...vs: Value[]): true {
  for (const v of vs) v.reset('Invalid')
  return true
}

// ---- per-architecture facts -----------------------------------------------------

export function canRotate(arch: string, bits: number): boolean {
  if (bits > 64) return false
  if (['386', 'amd64', 'arm64', 'loong64', 'riscv64'].includes(arch)) return true
  if (['arm', 's390x', 'ppc64', 'ppc64le', 'wasm'].includes(arch)) return bits >= 32
  return false
}

export function isInlinableMemclr(arch: string, sz: bigint): boolean {
  if (sz < 0n) return false
  if (arch === 'amd64' || arch === 'arm64') return true
  if (arch === 'ppc64le' || arch === 'ppc64' || arch === 'loong64') return sz < 512n
  return false
}

export function isInlinableMemmove(dst: Value, src: Value, sz: bigint, arch: string): boolean {
  const n = Number(sz)
  switch (arch) {
    case 'amd64':
      return n <= 16 || (n < 1024 && disjoint(dst, n, src, n))
    case 'arm64':
      return n <= 64 || (n <= 1024 && disjoint(dst, n, src, n))
    case 's390x': case 'ppc64': case 'ppc64le':
      return n <= 8 || disjoint(dst, n, src, n)
  }
  return false
}

/** A primitive type that fits in a register (64-bit targets). */
export function registerizable(t: SsaType): boolean {
  if (isPtrType(t) || t.kind === 'float' || t.kind === 'bool') return true
  if (isInteger(t)) return t.size <= 8
  return false
}
