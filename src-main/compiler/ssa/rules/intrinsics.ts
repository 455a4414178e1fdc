// generic.rules for the ops of the math and math/bits intrinsics: constant
// folding (64-bit targets: results are Const64) and Add64 with a zero carry
// whose carry out is unused.

import { op, rule, type RuleDef } from './dsl'
import { T } from '../types'

const W = [64, 32, 16, 8] as const
const mask = (w: number, c: bigint): bigint => BigInt.asUintN(w, c)
const bitLen = (x: bigint): bigint => BigInt(x === 0n ? 0 : x.toString(2).length)
const onesCount = (x: bigint): bigint => BigInt([...x.toString(2)].filter((d) => d === '1').length)
const ntz = (w: number, x: bigint): bigint => {
  if (x === 0n) return BigInt(w)
  let n = 0n
  while ((x & 1n) === 0n) {
    x >>= 1n
    n++
  }
  return n
}

/** Folds of BitLen, PopCount and Ctz of constants (generic.rules' PtrSize == 8 forms). */
export function bitCountFolds(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of W) r.push(rule(`(BitLen${w} (Const${w} [c])) && config.PtrSize == 8 => (Const64 [int64(bits.Len${w}(uint${w}(c)))])`, ({ c }) => op('Const64', { type: T.int, auxInt: bitLen(mask(w, c)) })))
  for (const w of W) r.push(rule(`(PopCount${w} (Const${w} [c])) && config.PtrSize == 8 => (Const64 [int64(bits.OnesCount${w}(uint${w}(c)))])`, ({ c }) => op('Const64', { type: T.int, auxInt: onesCount(mask(w, c)) })))
  return r
}

export function carryFolds(): RuleDef[] {
  return [
    rule('(Add64carry (Const64 <t> [x]) (Const64 [y]) (Const64 [c])) && c >= 0 && c <= 1 => (MakeTuple (Const64 <t> [bitsAdd64(x, y, c).sum]) (Const64 <t> [bitsAdd64(x, y, c).carry]))', ({ t, x, y, c }) => {
      if (c < 0n || c > 1n) return null
      const s = mask(64, x) + mask(64, y) + c
      return op('MakeTuple', op('Const64', { type: t, auxInt: BigInt.asIntN(64, s) }), op('Const64', { type: t, auxInt: s >> 64n }))
    }),
  ]
}

export function mulFolds(): RuleDef[] {
  return [
    rule('(Mul64uhilo (Const64 [c]) (Const64 [d])) => (MakeTuple (Const64 <typ.UInt64> [bitsMulU64(c, d).hi]) (Const64 <typ.UInt64> [bitsMulU64(c,d).lo]))', ({ c, d }) => {
      const p = mask(64, c) * mask(64, d)
      return op('MakeTuple', op('Const64', { type: T.uint64, auxInt: BigInt.asIntN(64, p >> 64n) }), op('Const64', { type: T.uint64, auxInt: BigInt.asIntN(64, p) }))
    }),
  ]
}

export function ctzFolds(): RuleDef[] {
  return W.map((w) => rule(`(Ctz${w} (Const${w} [c])) && config.PtrSize == 8 => (Const64 [int64(ntz${w}(c))])`, ({ c }) => op('Const64', { type: T.int, auxInt: ntz(w, mask(w, c)) })))
}

export function roundFolds(): RuleDef[] {
  return [
    rule('(Floor (Const64F [c])) => (Const64F [math.Floor(c)])', ({ c }) => op('Const64F', { type: T.float64, auxInt: Math.floor(c) })),
    rule('(Ceil (Const64F [c])) => (Const64F [math.Ceil(c)])', ({ c }) => op('Const64F', { type: T.float64, auxInt: Math.ceil(c) })),
    rule('(Trunc (Const64F [c])) => (Const64F [math.Trunc(c)])', ({ c }) => op('Const64F', { type: T.float64, auxInt: Math.trunc(c) })),
  ]
}

export function addZeroCarry(): RuleDef[] {
  return [rule('(Select0 a:(Add64carry x y (Const64 [0]))) && a.Uses == 1 => (Add64 x y)', ({ a, x, y }) => a.uses === 1 && op('Add64', x, y))]
}
