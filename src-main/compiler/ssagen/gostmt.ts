// `go f()` as ssagen's call with callGo: the function value (a declared
// function's ·f closure, a literal's closure record — on the heap, escape
// analysis says so — or a func-typed variable) passed to runtime.newproc,
// the call's width the pointer it takes. A call with arguments or results
// goes through gc's wrapper closure F.gowrapN (normalizeGoDeferCall), not
// built here: refused before anything is built (refuseGo).

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import { T } from '../ssa/types'
import { Unsupported, unparen, type FnBuilder } from './fn'
import { deferredForm } from './defers'

/** Throws Unsupported at the first go statement of the function's own code that is not built here. */
export function refuseGo(info: TypeInfo, body: A.Block): void {
  walkCode(body, (n) => {
    if (n.kind === 'FuncLit') return false
    if (n.kind !== 'GoDefer' || n.tok !== 'go') return true
    const what = deferredForm(info, unparen(n.call))
    if (what !== 'func' && what !== 'closure') throw new Unsupported(n.pos, `go of ${what} (its wrapper closure is not built at SSA construction)`)
    return true
  })
}

/** runtime.newproc(fn): the function value as walk leaves it (a literal without captures is its ·f symbol). */
export function goStmt(b: FnBuilder, s: A.GoDefer): void {
  const call = unparen(s.call) as A.Call
  const fn = b.expr(unparen(call.fun))
  b.pos = b.at(s.pos)
  b.mkcall('newproc', [], [fn], [T.uintptr])
}
