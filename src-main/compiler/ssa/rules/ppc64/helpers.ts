// The helpers PPC64.rules calls (ssa/rewrite.go): immediate ranges, rotate
// masks (rlwinm/rldicl encodings), shift-mask merges, the OpCC conversion,
// symbol merging and canonical compare order. Integers are bigints holding
// gc's int64 (signed) values; the mask arithmetic works on unsigned views.

import type { Aux, Value } from '../../func'
import { GENERIC_OPS } from '../../ops.generic'
import { PPC64_OPS } from '../../ops.ppc64'
import { tuple, T } from '../../types'

const i64 = (x: bigint): bigint => BigInt.asIntN(64, x)
const u64 = (x: bigint): bigint => BigInt.asUintN(64, x)
const u32 = (x: bigint): bigint => BigInt.asUintN(32, x)
const M32 = 0xffffffffn
const M64 = (1n << 64n) - 1n

export const is16Bit = (n: bigint): boolean => n === BigInt.asIntN(16, n)
export const is32Bit = (n: bigint): boolean => n === BigInt.asIntN(32, n)
export const isU16Bit = (n: bigint): boolean => n === BigInt.asUintN(16, n)
export const isU32Bit = (n: bigint): boolean => n === BigInt.asUintN(32, n)

/** gc's canMergeSym: at most one of the two has a symbol. */
export const canMergeSym = (x: Aux | null, y: Aux | null): boolean => x === null || y === null
export const mergeSym = (x: Aux | null, y: Aux | null): Aux | null => x ?? y

/** The shift's AuxInt says it is bounded (prove or the front end showed it). */
export const shiftIsBounded = (v: Value): boolean => v.auxInt !== 0n

/** For a pseudo-op like (LessThan x): its flags argument, or null. */
export const flagArg = (v: Value): Value | null => (v.args.length === 1 && v.args[0]!.type.kind === 'flags' ? v.args[0]! : null)

// ---- canonical order of compare operands ------------------------------------

let opOrder: Map<string, number> | null = null

/** gc's Op number: PPC64 ops precede every generic op (gc lists arch ops first). */
function opNumber(op: string): number {
  if (!opOrder) {
    opOrder = new Map()
    PPC64_OPS.forEach((o, i) => opOrder!.set(o.name, i))
    GENERIC_OPS.forEach((o, i) => opOrder!.set(o.name, 100_000 + i))
  }
  return opOrder.get(op) ?? 200_000
}

/** gc's canonLessThan: by op number, then source line, then id. */
export function canonLessThan(x: Value, y: Value): boolean {
  if (x.op !== y.op) return opNumber(x.op) < opNumber(y.op)
  if (x.pos.line !== y.pos.line) return x.pos.line < y.pos.line
  return x.gcId < y.gcId
}

// ---- bit helpers --------------------------------------------------------------

const bitLen = (u: bigint): number => (u === 0n ? 0 : u.toString(2).length)
const lz = (u: bigint, w: number): number => w - bitLen(u)
function tz(u: bigint, w: number): number {
  if (u === 0n) return w
  let n = 0
  while (((u >> BigInt(n)) & 1n) === 0n) n++
  return n
}
const rotl = (u: bigint, r: number, w: number): bigint => {
  const m = (1n << BigInt(w)) - 1n
  const k = ((r % w) + w) % w
  return ((u << BigInt(k)) | (u >> BigInt(w - k))) & m
}

// ---- shift/rotate auxint encodings ----------------------------------------------

/** CLRLSLDI/CLRLSLWI auxint: sh<<16 | mb<<8 | me. */
export function newPPC64ShiftAuxInt(sh: bigint, mb: bigint, me: bigint, sz: bigint): bigint {
  if (sh < 0n || sh >= sz || mb < 0n || mb >= sz || me < 0n || me >= sz) throw new Error('PPC64 shift arg out of range')
  return BigInt.asIntN(32, (sh << 16n) | (mb << 8n) | me)
}

export const getPPC64Shiftsh = (aux: bigint): bigint => BigInt.asIntN(8, aux >> 16n)
export const getPPC64Shiftmb = (aux: bigint): bigint => BigInt.asIntN(8, aux >> 8n)

/** A 32-bit mask rlwinm can apply: one run of ones, possibly wrapping. */
export function isPPC64WordRotateMask(v64: bigint): boolean {
  const v = u32(v64)
  const vp = u32((v & u32(-v)) + v)
  const vn = u32(~v)
  const vpn = u32((vn & u32(-vn)) + vn)
  return ((v & vp) === 0n || (vn & vpn) === 0n) && v !== 0n
}

/** A contiguous, non-wrapping 32-bit mask that also clears the upper word. */
export function isPPC64WordRotateMaskNonWrapping(v64: bigint): boolean {
  const v = u32(v64)
  const vp = u32((v & u32(-v)) + v)
  return (v & vp) === 0n && v !== 0n && u64(v64) === v
}

/** me | mb<<8 | rotate<<16 | nbits<<24: the rotate and the mask's bounds. */
export function encodePPC64RotateMask(rotate: bigint, mask: bigint, nbits: bigint): bigint {
  const w = Number(nbits)
  const full = w === 32 ? M32 : M64
  const m = mask & full
  if (i64(mask) === 0n || i64(mask) === -1n || rotate >= nbits) throw new Error(`invalid PPC64 rotate mask: ${u64(mask).toString(16)} ${rotate} ${nbits}`)
  let mb = lz(m, w)
  let me = w - tz(m, w)
  const mbn = lz(~m & full, w)
  const men = w - tz(~m & full, w)
  if (mb === 0 && me === w) [mb, me] = [men, mbn]
  return BigInt(me) | (BigInt(mb) << 8n) | (rotate << 16n) | (nbits << 24n)
}

/** The inverse: rotate, mb, me (inclusive, ISA style) and the mask. */
export function decodePPC64RotateMask(s: bigint): { rotate: bigint; mb: bigint; me: bigint; mask: bigint } {
  const a = u64(s)
  const rotate = (a >> 16n) & 0xffn
  const mb = (a >> 8n) & 0xffn
  let me = a & 0xffn
  const nbits = (a >> 24n) & 0xffn
  const sh = (k: bigint): bigint => (k >= 64n ? 0n : (1n << k) & M64)
  let mask = u64(u64(sh(nbits - mb) - 1n) ^ u64(sh(nbits - me) - 1n))
  if (mb > me) mask = u64(~mask)
  if (nbits === 32n) mask = u32(mask)
  me = (me - 1n) & (nbits - 1n)
  return { rotate, mb, me, mask }
}

export function mergePPC64RLDICLandSRDconst(encoded: bigint, s: bigint): bigint {
  const mb = s
  const r = 64n - s
  if (((encoded >> 8n) & 0xffn) < mb) encoded = (encoded & ~0xff00n) | (mb << 8n)
  if ((encoded & 0xff0000n) !== 0n) throw new Error('non-zero rotate')
  return encoded | (r << 16n)
}

/** A mask of ones from bit 0 up (rldicl can clear the rest). */
export const isPPC64ValidShiftMask = (v: bigint): boolean => v !== 0n && (i64(v + 1n) & v) === 0n
export const getPPC64ShiftMaskLength = (v: bigint): bigint => BigInt(bitLen(u64(v)))

export function mergePPC64RShiftMask(m: bigint, s: bigint, nbits: bigint): bigint {
  const smask = u64(((1n << nbits) - 1n) & M64) >> s
  return i64(m & smask)
}

export function mergePPC64AndSrwi(m: bigint, s: bigint): bigint {
  const mask = mergePPC64RShiftMask(m, s, 32n)
  if (!isPPC64WordRotateMask(mask)) return 0n
  return encodePPC64RotateMask((32n - s) & 31n, mask, 32n)
}

export function mergePPC64AndSrdi(m: bigint, s: bigint): bigint {
  const mask = mergePPC64RShiftMask(m, s, 64n)
  const rv = rotl(0xffffffff00000000n, -Number(s), 64)
  if ((rv & u64(mask)) !== 0n) return 0n
  if (!isPPC64WordRotateMaskNonWrapping(mask)) return 0n
  return encodePPC64RotateMask((32n - s) & 31n, mask, 32n)
}

export function mergePPC64AndSldi(m: bigint, s: bigint): bigint {
  const mask = i64((-1n << s) & m)
  const rv = rotl(0xffffffff00000000n, Number(s), 64)
  if ((rv & u64(mask)) !== 0n) return 0n
  if (!isPPC64WordRotateMaskNonWrapping(mask)) return 0n
  return encodePPC64RotateMask(s & 31n, mask, 32n)
}

export function mergePPC64ClrlsldiSrw(sld: bigint, srw: bigint): bigint {
  const mask1 = M32 >> srw
  const mask2 = M64 >> getPPC64Shiftmb(sld)
  const mask3 = ((mask1 & mask2) << getPPC64Shiftsh(sld)) & M64
  const r3 = (32n - srw + getPPC64Shiftsh(sld)) & 31n
  if (u32(mask3) !== mask3 || mask3 === 0n) return 0n
  return encodePPC64RotateMask(r3, mask3, 32n)
}

export function mergePPC64ClrlsldiSrd(sld: bigint, srd: bigint): bigint {
  const mask1 = M64 >> srd
  const mask2 = M64 >> getPPC64Shiftmb(sld)
  const mask3 = ((mask1 & mask2) << getPPC64Shiftsh(sld)) & M64
  const r3 = (64n - srd + getPPC64Shiftsh(sld)) & 63n
  if (u32(mask3) !== mask3 || mask3 === 0n) return 0n
  const v1 = rotl(0xffffffff00000000n, Number(r3), 64)
  if ((v1 & mask3) !== 0n) return 0n
  return encodePPC64RotateMask(r3 & 31n, mask3, 32n)
}

export function mergePPC64ClrlsldiRlwinm(sld: bigint, rlw: bigint): bigint {
  const { rotate: r1, mask: mask1 } = decodePPC64RotateMask(rlw)
  const mask2 = M64 >> getPPC64Shiftmb(sld)
  const mask3 = ((mask1 & mask2) << getPPC64Shiftsh(sld)) & M64
  const r3 = (r1 + getPPC64Shiftsh(sld)) & 31n
  if (!isPPC64WordRotateMask(mask3) || u32(mask3) !== mask3) return 0n
  return encodePPC64RotateMask(r3, mask3, 32n)
}

export function mergePPC64AndRlwinm(mask: bigint, rlw: bigint): bigint {
  const { rotate: r, mask: maskRlw } = decodePPC64RotateMask(rlw)
  const out = maskRlw & u32(mask)
  if (!isPPC64WordRotateMask(out)) return 0n
  return encodePPC64RotateMask(r, out, 32n)
}

export function mergePPC64MovwzregRlwinm(rlw: bigint): bigint {
  const { mb, me } = decodePPC64RotateMask(rlw)
  return mb > me ? 0n : rlw
}

export function mergePPC64RlwinmAnd(rlw: bigint, mask: bigint): bigint {
  const { rotate: r, mask: maskRlw } = decodePPC64RotateMask(rlw)
  const rMask = rotl(u32(mask), Number(r), 32)
  const out = maskRlw & rMask
  if (!isPPC64WordRotateMask(out)) return 0n
  return encodePPC64RotateMask(r, out, 32n)
}

export function mergePPC64SldiRlwinm(sldi: bigint, rlw: bigint): bigint {
  const { rotate: r1, mb, me, mask: mask1 } = decodePPC64RotateMask(rlw)
  if (mb > me || mb < sldi) return 0n
  const mask3 = (mask1 << sldi) & M64
  const r3 = (r1 + sldi) & 31n
  if (u32(mask3) !== mask3) return 0n
  return encodePPC64RotateMask(r3, mask3, 32n)
}

export function mergePPC64SldiSrw(sld: bigint, srw: bigint): bigint {
  if (sld > srw || srw >= 32n) return 0n
  const maskR = M32 >> srw
  const maskL = M32 >> sld
  const mask = u32((maskR & maskL) << sld)
  return encodePPC64RotateMask((32n - srw + sld) & 31n, mask, 32n)
}

export function convertPPC64RldiclAndccconst(s: bigint): bigint {
  const { rotate: r, mask } = decodePPC64RotateMask(s)
  if (r !== 0n || (mask & 0xffffn) !== mask) return 0n
  return mask
}

export const rotateLeft32 = (v: bigint, r: bigint): bigint => rotl(u32(v), Number(r), 32)

// ---- OpCC conversion ------------------------------------------------------------

const CC_OPS: Record<string, string> = {
  ADD: 'ADDCC', ADDconst: 'ADDCCconst', AND: 'ANDCC', ANDN: 'ANDNCC', ANDconst: 'ANDCCconst', CNTLZD: 'CNTLZDCC', MULHDU: 'MULHDUCC',
  NEG: 'NEGCC', NOR: 'NORCC', OR: 'ORCC', RLDICL: 'RLDICLCC', SUB: 'SUBCC', XOR: 'XORCC',
}

/**
 * gc's convertPPC64OpToOpCC: (op x y) becomes (Select0 (opCC x y)) in place,
 * so every user of op sees the Select0 and the flags are there for a compare.
 */
export function convertPPC64OpToOpCC(op: Value): Value {
  const cc = CC_OPS[op.op]
  if (!cc) throw new Error(`no CC form of ${op.op}`)
  const f = op.block.func
  const v = f.newValue(op.block, cc, tuple(op.type, T.flags), [...op.args], op.auxInt, null, op.pos)
  op.reset('Select0')
  op.addArg(v)
  return op
}
