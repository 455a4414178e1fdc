// walk's directClosureCall: a function literal with captured variables,
// called where it is written (`func() { … x … }()`), is no closure at all.
// gc prepends the captured variables to its parameters — `x` by value, `&x`
// (a *T) by reference, the literal's accesses going through it — and calls
// it directly with them as the first arguments: no closure record, no
// context register (no NEEDCTXT), and a wider argument area.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { fromGo, ptrTo, type SsaType } from '../ssa/types'
import { unparen } from './fn'

/** The literals some call invokes where they are written, among those that capture variables. */
export function directClosures(info: TypeInfo, file?: A.File): Set<A.FuncLit> {
  const out = new Set<A.FuncLit>()
  // The call of a go or defer statement is not walked as a call (walkGoDefer): its literal stays a closure.
  const deferred = new Set<object>()
  for (const d of file?.decls ?? []) {
    if (d.kind === 'FuncDecl') walkCode(d.body, (n) => void (n.kind === 'GoDefer' && deferred.add(unparen(n.call))))
  }
  for (const [call, ci] of info.calls) {
    if (ci.kind !== 'closure' || unparen(call.fun) !== ci.closure || deferred.has(call)) continue
    if ((info.functions.get(ci.closure)?.captures.length ?? 0) > 0) out.add(ci.closure)
  }
  return out
}

/** The parameters gc prepends for the captured variables: `x` by value, `&x` by reference. */
export function captureParams(captures: Var[], byRef: Set<Var>): { name: string; type: SsaType; byRef: boolean; v: Var }[] {
  return captures.map((v) => {
    const t = fromGo(v.type)
    return byRef.has(v) ? { name: `&${v.irName}`, type: ptrTo(t), byRef: true, v } : { name: v.irName, type: t, byRef: false, v }
  })
}
