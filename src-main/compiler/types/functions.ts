// Function bodies, for declarations and literals alike: the body is checked
// in the function's scope, then missing returns, unused variables and
// branch targets are reported.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import type { FunctionInfo } from './info'
import { checkBranches } from './labels'
import type { FuncObj, Scope, Var } from './objects'
import { rbracePos } from './positions'
import { stmtList } from './stmt'
import { isTerminating } from './terminating'
import type { Signature } from './types'

export function newFunctionInfo(node: A.FuncDecl | A.FuncLit, obj: FuncObj | null, sig: Signature, parent: FunctionInfo['parent']): FunctionInfo {
  return {
    node,
    obj,
    signature: sig,
    parent,
    params: sig.recv ? [sig.recv, ...sig.params] : [...sig.params],
    results: [...sig.results],
    locals: [],
    captures: [],
    closures: [],
  }
}

/** Checks the body of a function declaration or literal whose signature is already resolved. */
export function funcBody(c: Checker, node: A.FuncDecl | A.FuncLit, body: A.Block, info: FunctionInfo, scope: Scope): void {
  const saved = { scope: c.scope, fn: c.fn, iota: c.iota, calls: c.hasCallOrRecv, callee: c.calleeSelector, errpos: c.errpos }
  c.scope = scope
  c.fn = { node, sig: info.signature, info, parent: node.kind === 'FuncLit' ? c.fn : null }
  c.iota = null
  c.errpos = null
  c.calleeSelector = null
  try {
    stmtList(c, body.stmts)
    if (info.signature.results.length > 0 && !isTerminating(body, '')) c.errorAtPos(rbracePos(body), 'missing return')
    reportUnused(c, scope)
    checkBranches(c, body)
  } finally {
    Object.assign(c, { scope: saved.scope, fn: saved.fn, iota: saved.iota, hasCallOrRecv: saved.calls, calleeSelector: saved.callee, errpos: saved.errpos })
  }
}

/** `declared and not used: x` for the function's locals (nested literals report their own). */
function reportUnused(c: Checker, scope: Scope): void {
  const unused: Var[] = []
  const walk = (s: Scope) => {
    for (const obj of s.names.values()) if (obj.kind === 'var' && obj.varKind === 'local' && !obj.used) unused.push(obj)
    for (const child of s.children) if (!child.isFunc) walk(child)
  }
  walk(scope)
  unused.sort((a, b) => a.pos - b.pos)
  for (const v of unused) c.errorAtPos(v.pos, `declared and not used: ${v.name}`, v.pos + v.name.length)
}
