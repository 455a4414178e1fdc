// Channels, select, go and defer are type-checked and escape-analysed, but
// SSA construction of them (runtime.makechan/chansend1/chanrecv1/selectgo,
// newproc, open-coded and stack defers) is not modelled yet: a function
// using any of them is refused here, before anything is built, rather than
// compiled wrongly.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { FunctionInfo, TypeInfo } from '../types/info'
import { under, type Type } from '../types/types'
import { Unsupported } from './fn'

const STATEMENTS: Record<string, string> = {
  GoDefer: '',
  Send: 'channel send (SSA construction)',
  Select: 'select statement (SSA construction)',
}

/** Throws Unsupported at the first construct of this family in the function's own code. */
export function refuseConcurrency(info: TypeInfo, fi: FunctionInfo, body: A.Block): void {
  for (const p of [...fi.params, ...fi.results]) {
    if (isChan(p.type)) throw new Unsupported(fi.node.pos, 'channel type (SSA construction)')
  }
  walkCode(body, (n) => {
    if (n.kind === 'FuncLit') return false
    if (n.kind in STATEMENTS) {
      const what = n.kind === 'GoDefer' ? `${(n as A.GoDefer).tok} statement (SSA construction)` : STATEMENTS[n.kind]!
      throw new Unsupported(n.pos, what)
    }
    if (n.kind === 'Unary' && n.op === '<-') throw new Unsupported(n.pos, 'channel receive (SSA construction)')
    if (n.kind === 'VarDecl' || n.kind === 'DeclStmt' || n.kind === 'Assign' || n.kind === 'Range') return true
    if ('kind' in n && n.kind !== 'Block') {
      const t = info.types.get(n as A.Expr)?.type
      if (t && isChan(t)) throw new Unsupported(n.pos, 'channel type (SSA construction)')
    }
    return true
  })
}

function isChan(t: Type): boolean {
  return under(t).kind === 'chan'
}
