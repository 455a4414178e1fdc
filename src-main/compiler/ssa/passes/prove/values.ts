// What prove learns from each value (gc's flowLimit and addValueFact): a
// value's range from its arguments' ranges, and its order against them
// (`x & m <= x`, `x - y <= x`, min/max phis…).

import type { Block, Value } from '../../func'
import { EQ, FactsTable, GT, LT, SIGNED, UNSIGNED, bitsOf, isInt, isConstDelta } from './facts'
import * as L from './limit'

/** `Add64` → ['Add', 64], `Div64u` → ['Divu', 64]; null for ops without a width suffix. */
export function family(op: string): [string, number] | null {
  const m = /^([A-Za-z]+?)(8|16|32|64)(u?)$/.exec(op)
  return m ? [m[1]! + m[3]!, Number(m[2])] : null
}

const isShift = (op: string, kind: 'Lsh' | 'Rsh' | 'RshU'): boolean =>
  kind === 'RshU' ? /^Rsh(8|16|32|64)Ux(8|16|32|64)$/.test(op) : new RegExp(`^${kind}(8|16|32|64)x(8|16|32|64)$`).test(op)
export const isLsh = (op: string): boolean => isShift(op, 'Lsh')
export const isRshSigned = (op: string): boolean => isShift(op, 'Rsh')
export const isRshU = (op: string): boolean => isShift(op, 'RshU')

/** v's range from its arguments' ranges, at the point v is defined. */
export function flowLimit(ft: FactsTable, v: Value): void {
  if (!isInt(v.type)) return
  const op = v.op
  if (op === 'Phi') return flowPhi(ft, v)
  const bits = bitsOf(v.type)
  const a = (): L.Limit => ft.limit(v.args[0]!)
  const b = (): L.Limit => ft.limit(v.args[1]!)
  if (/^ZeroExt/.test(op)) return ft.unsignedMinMax(v, a().umin, a().umax)
  if (/^SignExt/.test(op)) return ft.signedMinMax(v, a().min, a().max)
  if (/^Trunc(64|32|16)to(8|16|32)$/.test(op)) {
    if (a().umax <= (1n << BigInt(bits)) - 1n) ft.unsignedMinMax(v, a().umin, a().umax)
    return
  }
  if (isLsh(op)) return ft.newLimit(v, L.mul(a(), L.exp2(b(), bits), bits))
  if (isRshSigned(op)) {
    const x = a()
    const y = b()
    if (y.min >= 0n) {
      // Go's >> by 64 or more gives 0 or -1: clamp the count.
      const sh = (n: bigint, s: bigint): bigint => n >> clampShift(s)
      const lo = sh(x.min, y.min) < sh(x.min, y.max) ? sh(x.min, y.min) : sh(x.min, y.max)
      const hi = sh(x.max, y.min) > sh(x.max, y.max) ? sh(x.max, y.min) : sh(x.max, y.max)
      ft.signedMinMax(v, lo, hi)
    }
    return
  }
  if (isRshU(op)) {
    const x = a()
    const y = b()
    if (y.min >= 0n) ft.unsignedMinMax(v, x.umin >> clampShift(y.max), x.umax >> clampShift(y.min))
    return
  }
  const fam = family(op)
  if (!fam) return
  const [base, n] = fam
  switch (base) {
    case 'Ctz': {
      const x = a()
      if (L.nonzero(x)) ft.unsignedMax(v, BigInt(L.bitLen(BigInt.asUintN(n, x.umax)) - 1))
      return
    }
    case 'PopCount': {
      const x = a()
      const changing = L.bitLen(x.umax ^ x.umin)
      const fixed = x.umax & L.u64(~((1n << BigInt(changing)) - 1n))
      const min = BigInt(L.onesCount(fixed))
      return ft.unsignedMinMax(v, min, min + BigInt(changing))
    }
    case 'BitLen':
      return ft.unsignedMinMax(v, BigInt(L.bitLen(BigInt.asUintN(n, a().umin))), BigInt(L.bitLen(BigInt.asUintN(n, a().umax))))
    case 'And':
      return ft.unsignedMax(v, a().umax < b().umax ? a().umax : b().umax)
    case 'Or': {
      const x = a()
      const y = b()
      return ft.unsignedMinMax(v, x.umin > y.umin ? x.umin : y.umin, L.u64((1n << BigInt(L.bitLen(x.umax | y.umax))) - 1n))
    }
    case 'Xor':
      return ft.unsignedMax(v, L.u64((1n << BigInt(L.bitLen(a().umax | b().umax))) - 1n))
    case 'Com':
      return ft.newLimit(v, L.com(a(), bits))
    case 'Add':
      return ft.newLimit(v, L.add(a(), b(), bits))
    case 'Sub':
      ft.newLimit(v, L.sub(a(), b(), bits))
      detectMod(ft, v)
      detectSliceLenRelation(ft, v)
      detectSubRelations(ft, v)
      return
    case 'Neg':
      return ft.newLimit(v, L.neg(a(), bits))
    case 'Mul':
      return ft.newLimit(v, L.mul(a(), b(), bits))
    case 'Div':
    case 'Divu': {
      // A signed division of non-negative values is an unsigned one; otherwise gc does not bother.
      if (base === 'Div' && !(L.nonnegative(a()) && L.nonnegative(b()))) return
      const x = a()
      const y = b()
      let lim = L.NO_LIMIT
      if (y.umax > 0n) lim = L.unsignedMin(lim, x.umin / y.umax)
      if (y.umin > 0n) lim = L.unsignedMax(lim, x.umax / y.umin)
      return ft.newLimit(v, lim)
    }
    case 'Mod':
      return modLimit(ft, true, v, v.args[0]!, v.args[1]!)
    case 'Modu':
      return modLimit(ft, false, v, v.args[0]!, v.args[1]!)
  }
}

/** Go shifts by 64 or more give 0: clamp so bigint shifts agree. */
const clampShift = (s: bigint): bigint => (s > 64n ? 64n : s)

/** The union of a phi's argument ranges (useful when they are all defined earlier). */
export function flowPhi(ft: FactsTable, v: Value): void {
  if (!isInt(v.type)) return
  let l = ft.limit(v.args[0]!)
  for (const a of v.args.slice(1)) {
    const l2 = ft.limit(a)
    l = {
      min: l.min < l2.min ? l.min : l2.min,
      max: l.max > l2.max ? l.max : l2.max,
      umin: l.umin < l2.umin ? l.umin : l2.umin,
      umax: l.umax > l2.umax ? l.umax : l2.umax,
    }
  }
  ft.newLimit(v, l)
}

/** v = len(s) - index (or cap) with index <= len(s) - K: v >= K. */
function detectSliceLenRelation(ft: FactsTable, v: Value): void {
  if (v.op !== 'Sub64') return
  const [bound, index] = [v.args[0]!, v.args[1]!]
  if (!['SliceLen', 'StringLen', 'SliceCap'].includes(bound.op)) return
  if (!ft.isNonNegative(index)) return
  const slice = bound.args[0]!
  for (const o of ft.orderingsOf(index)) {
    if (o.d !== SIGNED || (o.r !== LT && o.r !== (LT | EQ))) continue
    const ow = o.w
    if (ow.op !== 'Add64' && ow.op !== 'Sub64') continue
    let lenOffset: Value | null = null
    const isLen = (x: Value): boolean => (x.op === 'SliceLen' || x.op === 'StringLen') && x.args[0] === slice
    if (isLen(ow.args[0]!)) lenOffset = ow.args[1]!
    else if (isLen(ow.args[1]!) && ow.op === 'Add64') lenOffset = ow.args[0]! // not K - len (#76709)
    if (!lenOffset || lenOffset.op !== 'Const64') continue
    let K = lenOffset.auxInt
    if (ow.op === 'Add64') K = L.s64(-K)
    if (K < 0n) continue
    if (o.r === LT) K = L.s64(K + 1n)
    if (K < 0n) continue
    ft.signedMin(v, K)
  }
}

/** v = x - y: v <= x when y >= 0, v >= 0 when y <= x (no wrap-around). */
function detectSubRelations(ft: FactsTable, v: Value): void {
  const [x, y] = [v.args[0]!, v.args[1]!]
  if (x === y) return ft.signedMinMax(v, 0n, 0n)
  const xl = ft.limit(x)
  const yl = ft.limit(y)
  const width = bitsOf(v.type)
  if (L.safeSub(xl.min, yl.max, width) === null) return
  if (L.safeSub(xl.max, yl.min, width) === null) return
  if (yl.min >= 0n) ft.update(v.block, v, x, SIGNED, LT | EQ)
  if (ft.orderS.orderedOrEqual(y, x)) ft.setNonNegative(v)
}

/** x % d after opt's rewrite to x - (x/d)*d. */
function detectMod(ft: FactsTable, v: Value): void {
  const fam = family(v.op)
  if (!fam || fam[0] !== 'Sub') return
  const n = fam[1]
  const mul = v.args[1]!
  if (mul.op !== `Mul${n}`) return
  let [div, con] = [mul.args[0]!, mul.args[1]!]
  if (div.op === `Const${n}`) [div, con] = [con, div]
  if (con.op !== `Const${n}` || (div.op !== `Div${n}` && div.op !== `Div${n}u`) || div.args[0] !== v.args[0] || div.args[1]!.op !== `Const${n}` || div.args[1]!.auxInt !== con.auxInt) return
  modLimit(ft, div.op === `Div${n}`, v, v.args[0]!, con)
}

function modLimit(ft: FactsTable, signed: boolean, v: Value, p: Value, q: Value): void {
  const a = ft.limit(p)
  const b = ft.limit(q)
  if (signed) {
    if (a.min < 0n && b.min > 0n) return ft.signedMinMax(v, L.s64(-(b.max - 1n)), L.s64(b.max - 1n))
    if (!(L.nonnegative(a) && L.nonnegative(b))) return
    if (a.min >= 0n && b.min > 0n) ft.setNonNegative(v)
  }
  // b.umax-1 underflows to MaxUint64 for 0, which says nothing, as in gc.
  const bm = L.u64(b.umax - 1n)
  ft.unsignedMax(v, a.umax < bm ? a.umax : bm)
}

const unsignedAddOverflows = (a: bigint, b: bigint, bits: number): boolean => (bits === 64 ? L.u64(a + b) < a : a + b > (1n << BigInt(bits)) - 1n)

function signedAddOverflowsOrUnderflows(a: bigint, b: bigint, bits: number): boolean {
  if (bits === 64) {
    const r = L.s64(a + b)
    return (a >= 0n && b >= 0n && r < 0n) || (a < 0n && b < 0n && r >= 0n)
  }
  const r = a + b
  return !L.fitsInBits(r, bits)
}

/** Orderings v has against its arguments (gc's addValueFact). */
export function addValueFact(ft: FactsTable, b: Block, v: Value): void {
  const fam = family(v.op)
  const base = fam?.[0]
  if (base === 'Add') {
    const x = ft.limit(v.args[0]!)
    const y = ft.limit(v.args[1]!)
    const bits = bitsOf(v.type)
    if (!unsignedAddOverflows(x.umax, y.umax, bits)) {
      ft.update(b, v, v.args[1]!, UNSIGNED, GT | (L.maybeZero(x) ? EQ : 0))
      ft.update(b, v, v.args[0]!, UNSIGNED, GT | (L.maybeZero(y) ? EQ : 0))
    }
    if (x.min >= 0n && !signedAddOverflowsOrUnderflows(x.max, y.max, bits)) ft.update(b, v, v.args[1]!, SIGNED, GT | (L.maybeZero(x) ? EQ : 0))
    if (y.min >= 0n && !signedAddOverflowsOrUnderflows(x.max, y.max, bits)) ft.update(b, v, v.args[0]!, SIGNED, GT | (L.maybeZero(y) ? EQ : 0))
    if (x.max <= 0n && !signedAddOverflowsOrUnderflows(x.min, y.min, bits)) ft.update(b, v, v.args[1]!, SIGNED, LT | (L.maybeZero(x) ? EQ : 0))
    if (y.max <= 0n && !signedAddOverflowsOrUnderflows(x.min, y.min, bits)) ft.update(b, v, v.args[0]!, SIGNED, LT | (L.maybeZero(y) ? EQ : 0))
    return
  }
  if (base === 'Sub') {
    const x = ft.limit(v.args[0]!)
    const y = ft.limit(v.args[1]!)
    if (!(x.umin < y.umax)) ft.update(b, v, v.args[0]!, UNSIGNED, LT | (L.maybeZero(y) ? EQ : 0))
    return
  }
  if (base === 'And') {
    ft.update(b, v, v.args[0]!, UNSIGNED, LT | EQ)
    ft.update(b, v, v.args[1]!, UNSIGNED, LT | EQ)
    if (ft.isNonNegative(v.args[0]!)) ft.update(b, v, v.args[0]!, SIGNED, LT | EQ)
    if (ft.isNonNegative(v.args[1]!)) ft.update(b, v, v.args[1]!, SIGNED, LT | EQ)
    return
  }
  const isDiv = base === 'Div'
  const isDivU = base === 'Divu'
  if (isDiv || isRshSigned(v.op) || isDivU || isRshU(v.op)) {
    if (isDiv && !ft.isNonNegative(v.args[1]!)) return
    if ((isDiv || isRshSigned(v.op)) && !ft.isNonNegative(v.args[0]!)) return
    const add = v.args[0]!
    if (family(add.op)?.[0] === 'Add') {
      // Round-up division: v = (x + y) / z with y < z ⇒ v <= x.
      const zl = ft.limit(v.args[1]!)
      const uminDivisor = isDiv || isDivU ? zl.umin : zl.umin >= 64n ? 0n : L.u64(1n << zl.umin)
      const [x, y] = [add.args[0]!, add.args[1]!]
      const xl = ft.limit(x)
      const yl = ft.limit(y)
      if (!unsignedAddOverflows(xl.umax, yl.umax, bitsOf(add.type))) {
        if (xl.umax < uminDivisor) ft.update(b, v, y, UNSIGNED, LT | EQ)
        if (yl.umax < uminDivisor) ft.update(b, v, x, UNSIGNED, LT | EQ)
      }
    }
    ft.update(b, v, v.args[0]!, UNSIGNED, LT | EQ)
    return
  }
  if (base === 'Mod' || base === 'Modu') {
    if (base === 'Mod' && (!ft.isNonNegative(v.args[0]!) || !ft.isNonNegative(v.args[1]!))) return
    ft.update(b, v, v.args[0]!, UNSIGNED, LT | EQ)
    // Not "the modulus is > 0": that only holds after the op ran (#67625).
    ft.update(b, v, v.args[1]!, UNSIGNED, LT)
    return
  }
  switch (v.op) {
    case 'StringLen':
      if (v.args[0]!.op === 'StringMake') ft.update(b, v, v.args[0]!.args[1]!, SIGNED, EQ)
      return
    case 'SliceLen':
      if (v.args[0]!.op === 'SliceMake') ft.update(b, v, v.args[0]!.args[1]!, SIGNED, EQ)
      return
    case 'SliceCap':
      if (v.args[0]!.op === 'SliceMake') ft.update(b, v, v.args[0]!.args[2]!, SIGNED, EQ)
      return
    case 'IsInBounds':
      if (chunkedIndexInBounds(ft, v.args[0]!, v.args[1]!, false)) ft.booleanTrue(v)
      return
    case 'IsSliceInBounds':
      if (chunkedIndexInBounds(ft, v.args[0]!, v.args[1]!, true)) ft.booleanTrue(v)
      return
    case 'Phi':
      return phiMinMax(ft, v)
  }
}

/**
 * s[i+delta] with i <= len(s)-K and 0 <= delta < K: a blocked iteration
 * over a slice, in bounds though the index is never compared to len(s).
 */
function chunkedIndexInBounds(ft: FactsTable, index: Value, bound: Value, isReslice: boolean): boolean {
  if (!['SliceLen', 'StringLen', 'SliceCap'].includes(bound.op)) return false
  const slice = bound.args[0]!
  if (ft.limit(index).min < 0n) return false
  const cd = isConstDelta(index)
  if (!cd || cd.delta < 0n) return false
  for (const o of ft.orderingsOf(cd.w)) {
    if (o.d !== SIGNED) continue
    const ow = o.w
    if (ow.op !== 'Add64') continue
    const isLen = (x: Value): boolean => (x.op === 'SliceLen' || x.op === 'StringLen') && x.args[0] === slice
    const lenOffset = isLen(ow.args[0]!) ? ow.args[1]! : isLen(ow.args[1]!) ? ow.args[0]! : null
    if (!lenOffset || lenOffset.op !== 'Const64') continue
    let K = L.s64(-lenOffset.auxInt)
    if (K < 0n) continue
    let or = o.r
    if (isReslice) K = L.s64(K + 1n)
    if (or === LT) {
      or = LT | EQ
      K = L.s64(K + 1n)
    }
    if (K < 0n) continue
    if (cd.delta < K && or === (LT | EQ)) return true
  }
  return false
}

/** The index of the edge pred→b in pred's successors, for b.preds[i] (gc's Edge.i). */
export function predEdgeIndex(b: Block, i: number): number {
  const p = b.preds[i]!
  const first = p.succs.indexOf(b)
  if (first >= 0 && p.succs.indexOf(b, first + 1) < 0) return first
  let nth = 0
  for (let j = 0; j < i; j++) if (b.preds[j] === p) nth++
  for (let k = 0; k < p.succs.length; k++) if (p.succs[k] === b && nth-- === 0) return k
  return -1
}

const uniquePred = (b: Block): Block | null => (b.preds.length === 1 ? b.preds[0]! : null)

/** A phi choosing between x and y by `x < y`: it is their min or max. */
function phiMinMax(ft: FactsTable, v: Value): void {
  if (v.args.length !== 2) return
  const b = v.block
  const [x, y] = [v.args[0]!, v.args[1]!]
  const [bx, by] = [b.preds[0]!, b.preds[1]!]
  let z: Block | null = null
  if (bx === by) z = bx
  else if (uniquePred(by) === bx) z = bx
  else if (uniquePred(bx) === by) z = by
  else if (uniquePred(bx) === uniquePred(by)) z = uniquePred(bx)
  if (!z || z.kind !== 'If') return
  const c = z.controls[0]!
  if (c.args.length !== 2) return
  let isMin = bx === z ? predEdgeIndex(b, 0) === 0 : predEdgeIndex(bx, 0) === 0
  if (c.args[0] === x && c.args[1] === y) {
    // as listed
  } else if (c.args[0] === y && c.args[1] === x) isMin = !isMin
  else return
  let dom: number
  if (/^(Less|Leq)(8|16|32|64)$/.test(c.op)) dom = SIGNED
  else if (/^(Less|Leq)(8|16|32|64)U$/.test(c.op)) dom = UNSIGNED
  else return
  const rel = isMin ? LT | EQ : GT | EQ
  ft.update(b, v, x, dom, rel)
  ft.update(b, v, y, dom, rel)
}

