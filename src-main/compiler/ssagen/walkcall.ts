// What gc's walkCall1 does with a call's arguments before marshalling them:
// literals, capturing closures and method values are built into init first;
// an argument that may panic or call (an index, a dereference, a division, a
// call order did not hoist) goes into a temporary of its own, in order.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import { unparen } from '../types/expr'

/** An argument walk builds into init before the others: a literal, a closure, a method value. */
export function builtByWalk(info: TypeInfo, e: A.Expr): boolean {
  const u = unparen(e)
  // walkCompLit builds every literal (a slice's backing array, an SSA-able struct too) into init.
  if (u.kind === 'CompositeLit') return true
  if (u.kind === 'Unary') return u.op === '&' && unparen(u.x).kind === 'CompositeLit'
  if (u.kind === 'FuncLit') return (info.functions.get(u)?.captures.length ?? 0) > 0
  return u.kind === 'Selector' && info.selections.get(u)?.kind === 'methodValue'
}

/** walk's mayCall: the argument holds something that may panic or call (what order left in place). */
export function mayCall(info: TypeInfo, e: A.Expr, hoistedCalls: { has(c: A.Call): boolean }): boolean {
  if (info.types.get(e)?.value !== undefined) return false
  let found = false
  walkCode(e, (n) => {
    if (found || n.kind === 'FuncLit') return false
    switch (n.kind) {
      case 'Slice':
        return false // order's temporary by now (sliceorder.ts)
      case 'Index':
      case 'Star':
        found = true
        break
      case 'Selector': {
        const sel = info.selections.get(n)
        if (sel?.kind === 'field' && sel.path.some((p) => p.deref)) found = true
        break
      }
      case 'Binary':
        if (n.op === '/' || n.op === '%') found = info.types.get(n)?.value === undefined
        break
      case 'Call': {
        const ci = info.calls.get(n)
        // unsafe.Sizeof & co. are constants; unsafe.SliceData is walk's OSPTR.
        const quiet = ci?.kind === 'builtin' && (ci.id === 'len' || ci.id === 'cap' || ci.id === 'unsafe.SliceData' || ci.id === 'unsafe.StringData')
        if (!hoistedCalls.has(n) && ci && ci.kind !== 'conversion' && !quiet && info.types.get(n)?.value === undefined) found = true
        break
      }
    }
    return !found
  })
  return found
}
