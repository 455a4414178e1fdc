// walkAssign's safeExpr of an assignment's destination (walk/assign.go,
// walk/expr.go safeExpr): before the right side is walked, every index on
// the destination's path that is not a name, a constant, len or cap is
// copied into a temporary (`a[i%6] = v` is `tmp := i%6; a[tmp] = v`). So
// the index is computed before the right side, and once for `a[i+1] += v`.
// walkIndex saw the original index first, so `a[i&3] = v` stays unchecked.

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import { under } from '../types/types'

/** The index expressions walk copies out of `lhs`, in the order it copies them; none when a map is on the path. */
export function lhsIndexCopies(info: TypeInfo, lhs: A.Expr): A.Expr[] {
  const out: A.Expr[] = []
  return safePath(info, lhs, out) ? out : []
}

/** safeExpr down a destination's path: false when it meets a map element. */
function safePath(info: TypeInfo, e: A.Expr, out: A.Expr[]): boolean {
  while (e.kind === 'Paren') e = e.x
  switch (e.kind) {
    case 'Selector':
      return info.selections.get(e)?.kind !== 'field' || safePath(info, e.x, out)
    case 'Star':
      return safePath(info, e.x, out)
    case 'Index': {
      // A map element is *mapassign(…) after walk: its call is copied instead (dcltemps.ts).
      const xt = info.types.get(e.x)?.type
      if (!xt || under(xt).kind === 'map') return false
      if (!safePath(info, e.x, out)) return false
      if (!cheap(info, e.index, out)) out.push(e.index)
      return true
    }
    default:
      return true
  }
}

/** safeExpr leaves names and constants alone, and len or cap, whose operand it makes safe in turn. */
function cheap(info: TypeInfo, e: A.Expr, out: A.Expr[]): boolean {
  while (e.kind === 'Paren') e = e.x
  if (info.types.get(e)?.value !== undefined || e.kind === 'Ident') return true
  if (e.kind !== 'Call' || e.args.length !== 1) return false
  const id = (info.calls.get(e) as { id?: string } | undefined)?.id
  if (id !== 'len' && id !== 'cap') return false
  const inner: A.Expr[] = []
  if (!safePath(info, e.args[0]!, inner)) return false
  out.push(...inner)
  return true
}
