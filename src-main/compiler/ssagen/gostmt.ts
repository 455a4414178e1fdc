// `go f()` as ssagen's call with callGo: the function value (a declared
// function's ·f closure, a literal's closure record — on the heap, escape
// analysis says so — a func-typed variable, or for a call with arguments
// gc's wrapper closure F.gowrapN holding them) passed to runtime.newproc,
// the call's width the pointer it takes. What defers.ts does not build is
// refused before anything is built (refuseGo).

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import { T } from '../ssa/types'
import type { FnBuilder } from './fn'
import { refuseGoDefer } from './defers'
import type { GoDeferRewrite } from '../escape/concur'

/** Throws Unsupported at the first go statement of the function's own code that is not built here. */
export function refuseGo(info: TypeInfo, body: A.Block, rewrites?: Map<A.GoDefer, GoDeferRewrite>): void {
  walkCode(body, (n) => {
    if (n.kind === 'FuncLit') return false
    if (n.kind === 'GoDefer' && n.tok === 'go') refuseGoDefer(info, n, rewrites?.get(n))
    return true
  })
}

/** runtime.newproc(fn): the function value as walk leaves it (a literal without captures is its ·f symbol). */
export function goStmt(b: FnBuilder, s: A.GoDefer): void {
  const fn = b.goDeferValue(s)
  b.pos = b.at(s.pos)
  b.mkcall('newproc', [], [fn], [T.uintptr])
}
