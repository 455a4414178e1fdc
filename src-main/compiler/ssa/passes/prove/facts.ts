// prove's facts table (gc's prove.go factsTable): value ranges, the signed
// and unsigned partial orders, and the list of orderings learnt for each
// value, all undoable to a checkpoint as the walk leaves a dominator subtree.
// `update` records `v r w` in a domain and derives what gc derives from it.

import type { Block, Value } from '../../func'
import { isSigned, type SsaType } from '../../types'
import * as L from './limit'
import type { Limit } from './limit'
import { Poset } from './poset'

// Relations (a set of lt, eq, gt) and domains, as gc numbers them.
export const LT = 1
export const EQ = 2
export const GT = 4
export const SIGNED = 1
export const UNSIGNED = 2
export const POINTER = 4
export const BOOLEAN = 8

export const REVERSE_BITS = [0, 4, 2, 6, 1, 5, 3, 7]

interface Ordering {
  w: Value
  d: number
  r: number
}

/** What a comparison being true says about its arguments. */
export const DOMAIN_RELATION = new Map<string, { d: number; r: number }>()
for (const n of [8, 16, 32, 64]) {
  DOMAIN_RELATION.set(`Eq${n}`, { d: SIGNED | UNSIGNED, r: EQ })
  DOMAIN_RELATION.set(`Neq${n}`, { d: SIGNED | UNSIGNED, r: LT | GT })
  DOMAIN_RELATION.set(`Less${n}`, { d: SIGNED, r: LT })
  DOMAIN_RELATION.set(`Less${n}U`, { d: UNSIGNED, r: LT })
  DOMAIN_RELATION.set(`Leq${n}`, { d: SIGNED, r: LT | EQ })
  DOMAIN_RELATION.set(`Leq${n}U`, { d: UNSIGNED, r: LT | EQ })
}
DOMAIN_RELATION.set('EqPtr', { d: POINTER, r: EQ })
DOMAIN_RELATION.set('EqB', { d: BOOLEAN, r: EQ })
DOMAIN_RELATION.set('NeqPtr', { d: POINTER, r: LT | GT })
DOMAIN_RELATION.set('NeqB', { d: BOOLEAN, r: LT | GT })

/** Bits of a value's type (8 for sizeless types read from dumps). */
export const bitsOf = (t: SsaType): number => Math.max(1, t.size) * 8
export const isInt = (t: SsaType): boolean => t.kind === 'int' || t.kind === 'uint'
export const isPtrShaped = (t: SsaType): boolean => t.kind === 'ptr' || t.kind === 'unsafeptr' || t.kind === 'func'
export const isGenericIntConst = (v: Value): boolean => /^Const(8|16|32|64)$/.test(v.op)

/** gc's isConstDelta: v is w+delta with a constant delta. */
export function isConstDelta(v: Value): { w: Value; delta: bigint } | null {
  const m = /^(Add|Sub)(8|16|32|64)$/.exec(v.op)
  if (!m) return null
  const cop = `Const${m[2]}`
  if (m[1] === 'Add') {
    if (v.args[0]!.op === cop) return { w: v.args[1]!, delta: v.args[0]!.auxInt }
    if (v.args[1]!.op === cop) return { w: v.args[0]!, delta: v.args[1]!.auxInt }
  } else if (v.args[1]!.op === cop) {
    const aux = v.args[1]!.auxInt
    if (aux !== L.MIN_INT64) return { w: v.args[0]!, delta: -aux }
  }
  return null
}

/** A sign or zero extension that keeps the value. */
export function isCleanExt(v: Value): boolean {
  if (/^SignExt/.test(v.op)) return isSigned(v.args[0]!.type) && isSigned(v.type)
  if (/^ZeroExt/.test(v.op)) return !isSigned(v.args[0]!.type)
  return false
}

const OP_MIN: Record<string, bigint> = { Add64: L.MIN_INT64, Sub64: L.MIN_INT64, Add32: -(1n << 31n), Sub32: -(1n << 31n) }
const OP_MAX: Record<string, bigint> = { Add64: L.MAX_INT64, Sub64: L.MAX_INT64, Add32: (1n << 31n) - 1n, Sub32: (1n << 31n) - 1n }
const OP_UMAX: Record<string, bigint> = { Add64: L.MAX_UINT64, Sub64: L.MAX_UINT64, Add32: (1n << 32n) - 1n, Sub32: (1n << 32n) - 1n }

export class FactsTable {
  unsat = false
  private unsatDepth = 0
  readonly orderS = new Poset()
  readonly orderU = new Poset()
  private orderings = new Map<Value, Ordering[]>()
  /** Values that got an ordering, newest last; null marks a checkpoint. */
  private orderingsStack: (Value | null)[] = []
  /** By value id (arrays: prove looks limits up millions of times under deep nesting). */
  private limits: (Limit | undefined)[] = []
  private limitStack: ({ v: Value; old: Limit } | null)[] = []
  private recursing = new Set<Value>()
  readonly lens = new Map<Value, Value>()
  readonly caps = new Map<Value, Value>()

  constructor(values: Iterable<Value>) {
    for (const v of values) this.limits[v.id] = initLimit(v)
  }

  limit(v: Value): Limit {
    let l = this.limits[v.id]
    if (!l) this.limits[v.id] = l = initLimit(v)
    return l
  }

  /** Values ordered against v, newest first (gc's linked list order). */
  orderingsOf(v: Value): Ordering[] {
    return [...(this.orderings.get(v) ?? [])].reverse()
  }

  isNonNegative(v: Value): boolean {
    return this.limit(v).min >= 0n
  }

  checkpoint(): void {
    if (this.unsat) this.unsatDepth++
    this.limitStack.push(null)
    this.orderS.checkpoint()
    this.orderU.checkpoint()
    this.orderingsStack.push(null)
  }

  restore(): void {
    if (this.unsatDepth > 0) this.unsatDepth--
    else this.unsat = false
    for (;;) {
      const e = this.limitStack.pop()
      if (!e) break
      this.limits[e.v.id] = e.old
    }
    this.orderS.restore()
    this.orderU.restore()
    for (;;) {
      const v = this.orderingsStack.pop()
      if (!v) break
      this.orderings.get(v)!.pop()
    }
  }

  signedMin(v: Value, m: bigint): void {
    this.narrow(v, m, L.MAX_INT64, 0n, L.MAX_UINT64)
  }
  signedMax(v: Value, m: bigint): void {
    this.narrow(v, L.MIN_INT64, m, 0n, L.MAX_UINT64)
  }
  signedMinMax(v: Value, lo: bigint, hi: bigint): void {
    this.narrow(v, lo, hi, 0n, L.MAX_UINT64)
  }
  setNonNegative(v: Value): void {
    this.signedMin(v, 0n)
  }
  unsignedMin(v: Value, m: bigint): void {
    this.narrow(v, L.MIN_INT64, L.MAX_INT64, m, L.MAX_UINT64)
  }
  unsignedMax(v: Value, m: bigint): void {
    this.narrow(v, L.MIN_INT64, L.MAX_INT64, 0n, m)
  }
  unsignedMinMax(v: Value, lo: bigint, hi: bigint): void {
    this.narrow(v, L.MIN_INT64, L.MAX_INT64, lo, hi)
  }
  booleanFalse(v: Value): void {
    this.narrow(v, 0n, 0n, 0n, 0n)
  }
  booleanTrue(v: Value): void {
    this.narrow(v, 1n, 1n, 1n, 1n)
  }

  /** newLimit with the range in parts: nothing is allocated when v's range already lies inside it. */
  private narrow(v: Value, min: bigint, max: bigint, umin: bigint, umax: bigint): void {
    const old = this.limit(v)
    if (min <= old.min && old.max <= max && umin <= old.umin && old.umax <= umax && this.settled(v, old)) return
    this.newLimit(v, L.limit(min, max, umin, umax))
  }
  pointerNil(v: Value): void {
    this.newLimit(v, L.limit(0n, 0n, 0n, 0n))
  }
  pointerNonNil(v: Value): void {
    this.newLimit(v, { ...L.NO_LIMIT, umin: 1n })
  }

  /** Narrow v's range and propagate to what is ordered against it. */
  newLimit(v: Value, newLim: Limit): void {
    const oldLim = this.limit(v)
    // Nothing new (the common case: a fact about x reaches every constant x
    // was compared with, thousands under deep nesting): no allocation.
    if (L.within(oldLim, newLim) && this.settled(v, oldLim)) return
    const lim = this.normalize(v, L.intersect(oldLim, newLim))
    if (L.sameLimit(lim, oldLim)) return
    if (L.unsat(lim)) {
      this.unsat = true
      return
    }
    // Only unsatisfiable facts loop (a < b < a across domains); gc stops there.
    if (this.recursing.has(v)) return
    this.recursing.add(v)
    try {
      this.limitStack.push({ v, old: oldLim })
      this.limits[v.id] = lim
      this.propagateLimit(v, lim)
      if (v.type.kind === 'bool') this.learnFromBool(v, lim)
    } finally {
      this.recursing.delete(v)
    }
  }

  /** gc's tightening of one range by the other: a non-negative signed range is an unsigned one, a small unsigned one a signed one. */
  private normalize(v: Value, lim: Limit): Limit {
    if (lim.min >= 0n) lim = L.unsignedMinMax(lim, L.u64(lim.min), L.u64(lim.max))
    if (L.fitsInBitsU(lim.umax, bitsOf(v.type) - 1)) lim = L.signedMinMax(lim, L.s64(lim.umin), L.s64(lim.umax))
    return lim
  }

  /** The last limit of each value found to normalize to itself (limits are never mutated; normalizing depends on v's type). */
  private settledLimit: (Limit | undefined)[] = []
  private settled(v: Value, lim: Limit): boolean {
    if (this.settledLimit[v.id] === lim) return true
    if (!L.sameLimit(this.normalize(v, lim), lim)) return false
    this.settledLimit[v.id] = lim
    return true
  }

  private propagateLimit(v: Value, lim: Limit): void {
    // Newest first, without copying; orderings added meanwhile are not visited.
    const os = this.orderings.get(v)
    if (!os) return
    // One bound past each end, computed once for all the orderings (Go's int64 arithmetic wraps).
    const sMinP1 = L.s64(lim.min + 1n)
    const sMaxM1 = L.s64(lim.max - 1n)
    const uMinP1 = L.u64(lim.umin + 1n)
    const uMaxM1 = L.u64(lim.umax - 1n)
    for (let i = os.length - 1; i >= 0; i--) {
      const o = os[i]!
      const w = o.w
      switch (o.d) {
        case SIGNED:
          switch (o.r) {
            case EQ:
              this.signedMinMax(w, lim.min, lim.max)
              break
            case LT | EQ:
              this.signedMin(w, lim.min)
              break
            case LT:
              this.signedMin(w, sMinP1)
              break
            case GT | EQ:
              this.signedMax(w, lim.max)
              break
            case GT:
              this.signedMax(w, sMaxM1)
              break
            case LT | GT:
              if (lim.min === lim.max) {
                const c = lim.min
                if (this.limit(w).min === c) this.signedMin(w, L.s64(c + 1n))
                if (this.limit(w).max === c) this.signedMax(w, L.s64(c - 1n))
              }
          }
          break
        case UNSIGNED:
          switch (o.r) {
            case EQ:
              this.unsignedMinMax(w, lim.umin, lim.umax)
              break
            case LT | EQ:
              this.unsignedMin(w, lim.umin)
              break
            case LT:
              this.unsignedMin(w, uMinP1)
              break
            case GT | EQ:
              this.unsignedMax(w, lim.umax)
              break
            case GT:
              this.unsignedMax(w, uMaxM1)
              break
            case LT | GT:
              if (lim.umin === lim.umax) {
                const c = lim.umin
                if (this.limit(w).umin === c) this.unsignedMin(w, L.u64(c + 1n))
                if (this.limit(w).umax === c) this.unsignedMax(w, L.u64(c - 1n))
              }
          }
          break
        case BOOLEAN:
          if (o.r === EQ) {
            if (lim.min === 0n && lim.max === 0n) this.booleanFalse(w)
            if (lim.min === 1n && lim.max === 1n) this.booleanTrue(w)
          } else if (o.r === (LT | GT)) {
            if (lim.min === 0n && lim.max === 0n) this.booleanTrue(w)
            if (lim.min === 1n && lim.max === 1n) this.booleanFalse(w)
          }
          break
        case POINTER:
          if (o.r === EQ) {
            if (lim.umax === 0n) this.pointerNil(w)
            if (lim.umin > 0n) this.pointerNonNil(w)
          } else if (o.r === (LT | GT)) {
            if (lim.umax === 0n) this.pointerNonNil(w)
          }
      }
    }
  }

  /** A boolean became constant: what its comparison says about its arguments. */
  private learnFromBool(v: Value, lim: Limit): void {
    if (lim.min !== lim.max) throw new Error(`prove: boolean ${v} not constant`)
    const isTrue = lim.min === 1n
    const dr = DOMAIN_RELATION.get(v.op)
    if (dr) {
      let d = dr.d
      let r = dr.r
      if (d === SIGNED && this.isNonNegative(v.args[0]!) && this.isNonNegative(v.args[1]!)) d |= UNSIGNED
      if (!isTrue) r ^= LT | GT | EQ
      this.addRestrictions(v.block, d, v.args[0]!, v.args[1]!, r)
    }
    switch (v.op) {
      case 'IsNonNil':
        if (isTrue) this.pointerNonNil(v.args[0]!)
        else this.pointerNil(v.args[0]!)
        break
      case 'IsInBounds':
      case 'IsSliceInBounds': {
        // 0 <= a0 < a1 (a0 <= a1 for slices) when true; a0 >= a1 unsigned when false.
        let r = LT
        if (v.op === 'IsSliceInBounds') r |= EQ
        const [a0, a1] = [v.args[0]!, v.args[1]!]
        if (isTrue) {
          this.setNonNegative(a0)
          this.update(v.block, a0, a1, SIGNED, r)
          this.update(v.block, a0, a1, UNSIGNED, r)
        } else {
          r ^= LT | GT | EQ
          if (this.isNonNegative(a0)) this.update(v.block, a0, a1, SIGNED, r)
          this.update(v.block, a0, a1, UNSIGNED, r)
        }
      }
    }
  }

  private addOrdering(v: Value, w: Value, d: number, r: number): void {
    let l = this.orderings.get(v)
    if (!l) this.orderings.set(v, (l = []))
    l.push({ w, d, r })
    this.orderingsStack.push(v)
  }

  addRestrictions(parent: Block, t: number, v: Value, w: Value, r: number): void {
    for (let i = 1; i <= t; i <<= 1) if (t & i) this.update(parent, v, w, i, r)
  }

  /** Record `v r w` in domain d, and what follows from it. */
  update(parent: Block, v: Value, w: Value, d: number, r: number): void {
    if (this.unsat) return
    if (v === w) {
      if ((r & EQ) === 0) this.unsat = true
      return
    }
    if (d === SIGNED || d === UNSIGNED) {
      const order = d === UNSIGNED ? this.orderU : this.orderS
      let ok: boolean
      switch (r) {
        case LT:
          ok = order.setOrder(v, w, true)
          break
        case GT:
          ok = order.setOrder(w, v, true)
          break
        case LT | EQ:
          ok = order.setOrder(v, w, false)
          break
        case GT | EQ:
          ok = order.setOrder(w, v, false)
          break
        case EQ:
          ok = order.setEqual(v, w)
          break
        case LT | GT:
          ok = order.setNonEqual(v, w)
          break
        default:
          throw new Error(`prove: unknown relation ${r}`)
      }
      this.addOrdering(v, w, d, r)
      this.addOrdering(w, v, d, REVERSE_BITS[r]!)
      if (!ok) {
        this.unsat = true
        return
      }
    }
    if (d === BOOLEAN || d === POINTER) {
      for (const o of this.orderingsOf(v)) {
        if (o.d === d && o.w === w) {
          // Only == and != exist here: a second fact is a duplicate or a contradiction.
          if (o.r !== r) this.unsat = true
          return
        }
      }
      this.addOrdering(v, w, d, r)
      this.addOrdering(w, v, d, r)
    }

    const vl = this.limit(v)
    const wl = this.limit(w)
    switch (d) {
      case SIGNED:
        switch (r) {
          case EQ:
            this.signedMinMax(v, wl.min, wl.max)
            this.signedMinMax(w, vl.min, vl.max)
            break
          case LT:
            this.signedMax(v, L.s64(wl.max - 1n))
            this.signedMin(w, L.s64(vl.min + 1n))
            break
          case LT | EQ:
            this.signedMax(v, wl.max)
            this.signedMin(w, vl.min)
            break
          case GT:
            this.signedMin(v, L.s64(wl.min + 1n))
            this.signedMax(w, L.s64(vl.max - 1n))
            break
          case GT | EQ:
            this.signedMin(v, wl.min)
            this.signedMax(w, vl.max)
            break
          case LT | GT:
            if (vl.min === vl.max) {
              const c = vl.min
              if (wl.min === c) this.signedMin(w, L.s64(c + 1n))
              if (wl.max === c) this.signedMax(w, L.s64(c - 1n))
            }
            if (wl.min === wl.max) {
              const c = wl.min
              if (vl.min === c) this.signedMin(v, L.s64(c + 1n))
              if (vl.max === c) this.signedMax(v, L.s64(c - 1n))
            }
        }
        break
      case UNSIGNED:
        switch (r) {
          case EQ:
            this.unsignedMinMax(v, wl.umin, wl.umax)
            this.unsignedMinMax(w, vl.umin, vl.umax)
            break
          case LT:
            this.unsignedMax(v, L.u64(wl.umax - 1n))
            this.unsignedMin(w, L.u64(vl.umin + 1n))
            break
          case LT | EQ:
            this.unsignedMax(v, wl.umax)
            this.unsignedMin(w, vl.umin)
            break
          case GT:
            this.unsignedMin(v, L.u64(wl.umin + 1n))
            this.unsignedMax(w, L.u64(vl.umax - 1n))
            break
          case GT | EQ:
            this.unsignedMin(v, wl.umin)
            this.unsignedMax(w, vl.umax)
            break
          case LT | GT:
            if (vl.umin === vl.umax) {
              const c = vl.umin
              if (wl.umin === c) this.unsignedMin(w, L.u64(c + 1n))
              if (wl.umax === c) this.unsignedMax(w, L.u64(c - 1n))
            }
            if (wl.umin === wl.umax) {
              const c = wl.umin
              if (vl.umin === c) this.unsignedMin(v, L.u64(c + 1n))
              if (vl.umax === c) this.unsignedMax(v, L.u64(c - 1n))
            }
        }
        break
      case BOOLEAN:
        if (r === EQ) {
          if (vl.min === 1n) this.booleanTrue(w)
          if (vl.max === 0n) this.booleanFalse(w)
          if (wl.min === 1n) this.booleanTrue(v)
          if (wl.max === 0n) this.booleanFalse(v)
        } else if (r === (LT | GT)) {
          if (vl.min === 1n) this.booleanFalse(w)
          if (vl.max === 0n) this.booleanTrue(w)
          if (wl.min === 1n) this.booleanFalse(v)
          if (wl.max === 0n) this.booleanTrue(v)
        }
        break
      case POINTER:
        if (r === EQ) {
          if (vl.umax === 0n) this.pointerNil(w)
          if (vl.umin > 0n) this.pointerNonNil(w)
          if (wl.umax === 0n) this.pointerNil(v)
          if (wl.umin > 0n) this.pointerNonNil(v)
        } else if (r === (LT | GT)) {
          if (vl.umax === 0n) this.pointerNonNil(w)
          if (wl.umax === 0n) this.pointerNonNil(v)
        }
    }
    if (d !== SIGNED && d !== UNSIGNED) return

    // len(s) <= cap(s).
    if (v.op === 'SliceLen' && (r & LT) === 0 && this.caps.has(v.args[0]!)) this.update(parent, this.caps.get(v.args[0]!)!, w, d, r | GT)
    if (w.op === 'SliceLen' && (r & GT) === 0 && this.caps.has(w.args[0]!)) this.update(parent, v, this.caps.get(w.args[0]!)!, d, r | LT)
    if (v.op === 'SliceCap' && (r & GT) === 0 && this.lens.has(v.args[0]!)) this.update(parent, this.lens.get(v.args[0]!)!, w, d, r | LT)
    if (w.op === 'SliceCap' && (r & LT) === 0 && this.lens.has(w.args[0]!)) this.update(parent, v, this.lens.get(w.args[0]!)!, d, r | GT)

    // Fence posts, with the relation turned into > or >=.
    if (r === LT || r === (LT | EQ)) {
      ;[v, w] = [w, v]
      r = REVERSE_BITS[r]!
    }
    if (r === GT) {
      const xv = isConstDelta(v)
      const xw = isConstDelta(w)
      if (xv && xv.delta === 1n) this.update(parent, xv.w, w, d, GT | EQ) // x+1 > w ⇒ x >= w
      else if (xw && xw.delta === -1n) this.update(parent, v, xw.w, d, GT | EQ) // v > x-1 ⇒ v >= x
    } else if (r === (GT | EQ)) {
      const xv = isConstDelta(v)
      const xw = isConstDelta(w)
      if (xv && xv.delta === -1n) {
        // x-1 >= w && x > min ⇒ x > w
        const lim = this.limit(xv.w)
        if ((d === SIGNED && lim.min > (OP_MIN[v.op] ?? 0n)) || (d === UNSIGNED && lim.umin > 0n)) this.update(parent, xv.w, w, d, GT)
      } else if (xw && xw.delta === 1n) {
        // v >= x+1 && x < max ⇒ v > x
        const lim = this.limit(xw.w)
        if ((d === SIGNED && lim.max < (OP_MAX[w.op] ?? 0n)) || (d === UNSIGNED && lim.umax < (OP_UMAX[w.op] ?? 0n))) this.update(parent, v, xw.w, d, GT)
      }
    }

    // x+delta > w with a constant delta (signed only).
    if (r === GT || r === (GT | EQ)) {
      const xd = isConstDelta(v)
      if (xd && d === SIGNED) this.constDelta(parent, v, w, r, xd.w, xd.delta)
    }

    // Look through value-preserving extensions.
    if (isCleanExt(v)) {
      const a = v.args[0]!
      if ((d === SIGNED && isSigned(a.type)) || (d === UNSIGNED && !isSigned(a.type))) this.update(parent, a, w, d, r)
    }
    if (isCleanExt(w)) {
      const a = w.args[0]!
      if ((d === SIGNED && isSigned(a.type)) || (d === UNSIGNED && !isSigned(a.type))) this.update(parent, v, a, d, r)
    }
  }

  /** v = x+delta, v r w (r is > or >=): facts about x. */
  private constDelta(parent: Block, v: Value, w: Value, r: number, x: Value, delta: bigint): void {
    let underflow = true
    if (delta < 0n) {
      const l = this.limit(x)
      if ((x.type.size === 8 && l.min >= L.MIN_INT64 - delta) || (x.type.size === 4 && l.min >= -(1n << 31n) - delta)) underflow = false
    }
    if (delta < 0n && !underflow) this.update(parent, x, v, SIGNED, GT) // x > x+delta
    if (!isGenericIntConst(w)) {
      // x+delta > w, delta < 0, no underflow ⇒ x > w (loops to len(s)-K).
      if (delta < 0n && !underflow) this.update(parent, x, w, SIGNED, r)
      return
    }
    // x+delta > w ⇒ x > w-delta, computed at x's width so overflow is handled.
    const bits = bitsOf(x.type)
    if (![8, 16, 32, 64].includes(bits)) throw new Error(`prove: unimplemented width ${bits}`)
    const trunc = (n: bigint): bigint => BigInt.asIntN(bits, n)
    let min = trunc(w.auxInt - delta)
    const max = trunc(((1n << BigInt(bits - 1)) - 1n) - delta)
    if (min < max) {
      if (r === GT) min++
      this.signedMinMax(x, min, max)
    } else {
      // x > min OR x <= max: keep the one that is still possible.
      const l = this.limit(x)
      if (l.max <= min) {
        if ((r & EQ) === 0 || l.max < min) this.signedMax(x, max)
      } else if (l.min > max) {
        if (r === GT) min++
        this.signedMin(x, min)
      }
    }
  }
}

/** The range a value has by its op alone (gc's initLimit). */
export function initLimit(v: Value): Limit {
  if (v.type.kind === 'bool') {
    if (v.op === 'ConstBool') return L.limit(v.auxInt, v.auxInt, v.auxInt, v.auxInt)
    return L.limit(0n, 1n, 0n, 1n)
  }
  if (isPtrShaped(v.type)) {
    if (v.op === 'ConstNil') return L.limit(0n, 0n, 0n, 0n)
    if (v.op === 'Addr' || v.op === 'LocalAddr') return { ...L.NO_LIMIT, umin: 1n }
    return L.NO_LIMIT
  }
  if (!isInt(v.type)) return L.NO_LIMIT
  let lim = L.noLimitForBitsize(bitsOf(v.type))
  const op = v.op
  const cm = /^Const(8|16|32|64)$/.exec(op)
  if (cm) {
    const c = v.auxInt
    lim = L.limit(c, c, BigInt.asUintN(Number(cm[1]), c), BigInt.asUintN(Number(cm[1]), c))
  } else if (/^ZeroExt8to/.test(op)) lim = L.unsignedMax(L.signedMinMax(lim, 0n, 255n), 255n)
  else if (/^ZeroExt16to/.test(op)) lim = L.unsignedMax(L.signedMinMax(lim, 0n, 65535n), 65535n)
  else if (op === 'ZeroExt32to64') lim = L.unsignedMax(L.signedMinMax(lim, 0n, (1n << 32n) - 1n), (1n << 32n) - 1n)
  else if (/^SignExt8to/.test(op)) lim = L.signedMinMax(lim, -128n, 127n)
  else if (/^SignExt16to/.test(op)) lim = L.signedMinMax(lim, -32768n, 32767n)
  else if (op === 'SignExt32to64') lim = L.signedMinMax(lim, -(1n << 31n), (1n << 31n) - 1n)
  else if (/^(Ctz|BitLen|PopCount)(8|16|32|64)$/.test(op)) lim = L.unsignedMax(lim, BigInt(v.args[0]!.type.size * 8))
  else if (op === 'CvtBoolToUint8') lim = L.unsignedMax(lim, 1n)
  else if (op === 'SliceLen' || op === 'SliceCap') {
    const elem = v.args[0]!.type.elem
    if (elem && elem.size > 0) lim = L.unsignedMax(lim, L.MAX_UINT64 / BigInt(elem.size))
    lim = L.signedMin(lim, 0n)
  } else if (op === 'StringLen') lim = L.signedMin(lim, 0n)
  if (lim.min >= 0n) lim = L.unsignedMinMax(lim, L.u64(lim.min), L.u64(lim.max))
  if (L.fitsInBitsU(lim.umax, bitsOf(v.type) - 1)) lim = L.signedMinMax(lim, L.s64(lim.umin), L.s64(lim.umax))
  return lim
}
