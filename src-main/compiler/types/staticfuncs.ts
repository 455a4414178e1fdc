// Calls through a local func variable that only ever holds one known value,
// as gc's ir.StaticValue sees them: `f := func(){…}`, `f := g`, `f := T.M`,
// `f := x.M`, and chains of them (`g := f`).

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { unparen } from './expr'
import type { Var } from './objects'

/** Remembers v's initial value (already checked) if it is a func literal, method value or method expression. */
export function noteStaticFunc(c: Checker, v: Var, value: A.Expr): void {
  const e = unparen(value)
  if (e.kind === 'FuncLit') c.staticFuncVars.set(v, e)
  else if (e.kind === 'Ident') {
    const obj = c.info.uses.get(e)
    if (obj?.kind === 'func' || (obj?.kind === 'var' && obj.varKind === 'local')) c.staticFuncVars.set(v, e)
  }
  else if (e.kind === 'Selector') {
    const sel = c.info.selections.get(e)
    if (sel?.kind === 'methodValue' || sel?.kind === 'methodExpr') c.staticFuncVars.set(v, e)
  }
}

/** What v always holds, following `g := f` chains of locals assigned once; null if unknown. */
function staticValue(c: Checker, v: Var): A.FuncLit | A.Selector | A.Ident | null {
  const seen = new Set<Var>()
  for (;;) {
    if (seen.has(v) || v.reassigned || v.addrTaken) return null
    seen.add(v)
    const value = c.staticFuncVars.get(v)
    if (!value) return null
    const obj = value.kind === 'Ident' ? c.info.uses.get(value) : undefined
    if (obj?.kind !== 'var') return value
    v = obj
  }
}

/** Reclassifies calls through such variables, once we know they are never reassigned or address-taken. */
export function resolveStaticCalls(c: Checker): void {
  for (const { call, v } of c.staticFuncCalls) {
    const value = staticValue(c, v)
    const prev = c.info.calls.get(call)
    if (!value || !prev || prev.kind !== 'funcValue') continue
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
