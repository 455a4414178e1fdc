// walkAssign's safeExpr of the left side (walk/assign.go): for `x = v`,
// `x op= v` and `x++` whose x is not a variable, walk makes x safe to
// evaluate twice before it walks v. Each part safeExpr cannot keep in place
// goes into a temporary: an index that is neither a name nor a constant
// (calls, len and cap are order's temporaries by now: names). The
// temporaries hold SSA values in our construction: we only take their
// numbers (autotmps.ts). A map element is walk's `*mapassign(…)`, whose
// pointer temporary mapAssignTemp counts.

import type * as A from '../syntax/ast'
import { under } from '../types/types'
import { orderCheap } from './dcltemps'
import { unparen, type FnBuilder } from './fn'

/** walk's temporaries for the left side of statement s (in safeExpr's order), before anything of its right side. */
export function assignLhsTemps(b: FnBuilder, s: A.Stmt): void {
  let lhs: A.Expr | undefined
  if (s.kind === 'Assign' && s.op !== ':=' && s.lhs.length === 1 && s.rhs.length === 1) lhs = s.lhs[0]
  else if (s.kind === 'IncDec') lhs = s.x
  if (!lhs) return
  const x = unparen(lhs)
  if (x.kind === 'Ident' || (x.kind === 'Index' && under(b.typeOf(x.x)).kind === 'map')) return
  safeTemps(b, x)
}

const cheap = (b: FnBuilder, e: A.Expr): boolean => orderCheap(b.cx.info, e)

/**
 * walk's safeExpr(e) (walk/expr.go): fields, dereferences and elements are
 * rebuilt over safe operands; anything else that is not cheap (a name or a
 * constant) is copied into a temporary. One per such part, in its order.
 */
export function safeTemps(b: FnBuilder, e: A.Expr): void {
  const x = unparen(e)
  if (cheap(b, x)) return
  switch (x.kind) {
    case 'Selector':
      if (b.cx.info.selections.get(x)?.kind !== 'field') return b.reserveTemp()
      return safeTemps(b, x.x)
    case 'Star':
      return safeTemps(b, x.x)
    case 'Index':
      // A map read is `*mapaccess1(…)` by now: the call is copied.
      if (under(b.typeOf(x.x)).kind === 'map') return b.reserveTemp()
      safeTemps(b, x.x)
      return safeTemps(b, x.index)
    default:
      return b.reserveTemp()
  }
}
