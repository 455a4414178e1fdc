// Calls through a local func variable that only ever holds one known value,
// as gc's ir.StaticValue sees them: `f := func(){…}`, `f := g`, `f := T.M`, `f := x.M`.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { unparen } from './expr'
import type { Var } from './objects'

/** Remembers v's initial value (already checked) if it is a func literal, method value or method expression. */
export function noteStaticFunc(c: Checker, v: Var, value: A.Expr): void {
  const e = unparen(value)
  if (e.kind === 'FuncLit') c.staticFuncVars.set(v, e)
  else if (e.kind === 'Ident' && c.info.uses.get(e)?.kind === 'func') c.staticFuncVars.set(v, e)
  else if (e.kind === 'Selector') {
    const sel = c.info.selections.get(e)
    if (sel?.kind === 'methodValue' || sel?.kind === 'methodExpr') c.staticFuncVars.set(v, e)
  }
}

/** Reclassifies calls through such variables, once we know they are never reassigned or address-taken. */
export function resolveStaticCalls(c: Checker): void {
  for (const { call, v } of c.staticFuncCalls) {
    const value = c.staticFuncVars.get(v)
    const prev = c.info.calls.get(call)
    if (!value || !prev || prev.kind !== 'funcValue' || v.reassigned || v.addrTaken) continue
    const { signature, variadic } = prev
    if (value.kind === 'FuncLit') {
      c.info.calls.set(call, { kind: 'closure', closure: value, signature, variadic })
      continue
    }
    if (value.kind === 'Ident') {
      const func = c.info.uses.get(value)
      if (func?.kind === 'func') c.info.calls.set(call, { kind: 'direct', func, signature, variadic })
      continue
    }
    const sel = c.info.selections.get(value)
    if (sel?.kind === 'methodExpr') c.info.calls.set(call, { kind: 'methodExpr', func: sel.method, expr: value, signature, variadic })
    else if (sel?.kind === 'methodValue') c.info.calls.set(call, { kind: 'methodValue', func: sel.method, value, signature, variadic })
  }
}
