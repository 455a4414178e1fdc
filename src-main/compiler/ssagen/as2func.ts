// gc's order.as2func for `a, b = f()` (and `var a, b = f()`): each result
// assigned to a name other than _ goes into an order temporary first
// (`t1, t2 = f(); a, b = t1, t2`). A temporary of a type that is not SSA-able
// is a stack slot; when it holds pointers, order clears it before the call
// (newTemp(t, true)), so it is live from there.

import type * as A from '../syntax/ast'
import type { Value } from '../ssa/func'
import { canSSA, fromGo, ptrTo, T } from '../ssa/types'
import type { FnBuilder } from './fn'

/** The N:1 call statement's right side and its left names, or null. */
function as2(s: A.Stmt): { call: A.Expr; lhs: A.Expr[] } | null {
  if (s.kind === 'Assign' && (s.op === '=' || s.op === ':=') && s.rhs.length === 1 && s.lhs.length > 1) return { call: s.rhs[0]!, lhs: s.lhs }
  if (s.kind === 'DeclStmt' && s.decl.kind === 'VarDecl' && s.decl.specs.length === 1) {
    const sp = s.decl.specs[0]!
    if (sp.values.length === 1 && sp.names.length > 1) return { call: sp.values[0]!, lhs: sp.names }
  }
  return null
}

const blank = (e: A.Expr): boolean => e.kind === 'Ident' && e.name === '_'

/**
 * The statement's result temporaries (null for _ and SSA-able results), after
 * order's copies of the call's arguments and before walk builds its
 * arguments: pointerful ones are zeroed here.
 */
export function as2Temps(b: FnBuilder, s: A.Stmt): (string | null)[] | null {
  const st = as2(s)
  const tv = st && b.cx.info.types.get(st.call)
  if (!st || tv?.type.kind !== 'tuple') return null
  const results = tv.type.vars
  return st.lhs.map((l, i) => {
    const t = fromGo(results[i]!.type)
    if (blank(l) || canSSA(t)) return null
    const name = b.orderTemp(t)
    if (t.hasPointers) {
      b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name })
      b.zeroMem(t, b.v('LocalAddr', ptrTo(t), [b.sp, b.mem], 0n, { kind: 'sym', name }))
    }
    return name
  })
}

/** The call's results moved into their temporaries (ascompatet), in order: what the names are assigned from. */
export function as2Results(b: FnBuilder, temps: (string | null)[] | null, vals: Value[]): Value[] {
  if (!temps) return vals
  return vals.map((r, i) => {
    const name = temps[i]
    if (!name || r.op !== 'Dereference') return r
    b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name })
    const a = b.v('LocalAddr', ptrTo(r.type), [b.sp, b.mem], 0n, { kind: 'sym', name })
    b.move(r.type, a, r.args[0]!)
    return b.v('Dereference', r.type, [a, b.mem])
  })
}
