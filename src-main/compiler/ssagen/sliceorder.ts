// order's OSLICE (walk/order.go, expr1): a slice expression's bounds are
// made cheap — each that is not a name or a constant (nor a temporary order
// already copied it into: a call, a non-constant len or cap) is copied into
// a temporary — and the slice itself is copied into one unless it is
// assigned straight to a variable or to the very expression it slices
// (`x = s[i:]`, `p.s = p.s[1:]`). A return, a call's argument, any operand
// takes the copy. The temporaries hold SSA values: we only take their
// numbers (autotmps.ts), pooled by type like order's other copies.

import type * as A from '../syntax/ast'
import { fromGo } from '../ssa/types'
import { orderCheap } from './dcltemps'
import { unparen, type FnBuilder } from './fn'
import { sameSafeExpr } from './rangeclear'

/** Slices hoisted() met as the whole right side of an assignment to a name. */
const toName = new WeakSet<A.SliceExpr>()

export function noteSliceToName(e: A.SliceExpr): void {
  toName.add(e)
}

/**
 * order's temporaries for slice expression e of statement s: its bounds'
 * copies, then its own. Each copy is evaluated here, before the statement,
 * as order's `tmp = …` is (a bound's division check or the slice's bounds
 * check comes before what walk evaluates later).
 */
export function orderSlice(b: FnBuilder, e: A.SliceExpr, s: A.Stmt): void {
  const info = b.cx.info
  for (const x of [e.low, e.high, e.max]) {
    if (!x || orderCheap(info, x)) continue
    b.reserveOrderTemp(fromGo(b.typeOf(x)))
    b.prebuilt.set(x, b.expr(x))
  }
  if (toName.has(e) || storedBackInPlace(b, e, s)) return
  b.reserveOrderTemp(fromGo(b.typeOf(e)))
  b.prebuilt.set(e, b.expr(e))
}

/** `l = l[i:j]` with l not a name: order passes l as the slice's destination, and SameSafeExpr keeps it in place. */
function storedBackInPlace(b: FnBuilder, e: A.SliceExpr, s: A.Stmt): boolean {
  if (s.kind !== 'Assign' || s.op !== '=' || s.lhs.length !== 1 || s.rhs.length !== 1 || unparen(s.rhs[0]!) !== e) return false
  return sameSafeExpr(b, s.lhs[0]!, e.x)
}
