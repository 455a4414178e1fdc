// Type switches `switch [init;] [v :=] x.(type) { case T1, T2: … }` with
// types2's messages: x must be an interface, case types must be possible
// dynamic types of x and appear once, and the bound variable takes the case's
// type in single-type clauses (x's type otherwise) and must be used in some clause.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { expr } from './expr'
import { assertableCause } from './iface'
import { newVar, type Var } from './objects'
import { exprString } from './exprstring'
import { startPos } from './positions'
import { diagnosticTypeString as ts } from './typestring'
import { exprAsType } from './typexpr'
import { identical, isValid, Typ, under, type Type } from './types'

export function typeSwitchStmt(c: Checker, s: A.TypeSwitch, stmtList: (c: Checker, list: A.Stmt[]) => void): void {
  c.openScope()
  try {
    if (s.init) stmtList(c, [s.init])
    if (s.bind && s.bind.name === '_') c.errorAtPos(s.bind.pos, 'no new variable on left side of :=', s.bind.end)
    const bind = s.bind && s.bind.name !== '_' ? s.bind : null
    const x = expr(c, s.x)
    let ok = x.mode !== 'invalid'
    if (ok && under(x.type).kind !== 'interface') {
      c.errorOperand(x, `${c.str(x)} is not an interface`)
      ok = false
    }
    let firstDefault: A.CaseClause | null = null
    for (const cc of s.clauses) {
      if (cc.list !== null) continue
      if (firstDefault) c.errorAtPos(cc.pos, `multiple defaults (first at ${c.errors.where(firstDefault.pos)})`)
      else firstDefault = cc
    }
    const seen: { type: Type | null; pos: number }[] = []
    const vars: Var[] = []
    for (const cc of s.clauses) {
      const types: (Type | null)[] = []
      for (const e of cc.list ?? []) {
        const t = caseType(c, e)
        if (t === undefined) continue
        types.push(t)
        c.info.typeSwitchCases.set(e, t)
        if (!ok) continue
        const pos = startPos(e, c.text)
        const dup = seen.find((p) => (p.type === null ? t === null : t !== null && identical(p.type, t)))
        if (dup) {
          if (t === null) c.errorAtPos(pos, `multiple nil cases in type switch (first at ${c.errors.where(dup.pos)})`, e.end)
          else c.errorParts(pos, e.end, [{ msg: `duplicate case ${ts(t)} in type switch` }, { pos: dup.pos, msg: 'previous case' }])
          continue
        }
        seen.push({ type: t, pos })
        if (t === null) continue
        const cause = assertableCause(x.type, t)
        if (cause) c.errorParts(pos, e.end, [{ msg: `impossible type switch case: ${exprString(e)}` }, { msg: `${c.str(x)} cannot have dynamic type ${ts(t)} ${cause}` }])
      }
      c.openScope()
      if (bind) {
        const only = cc.list !== null && cc.list.length === 1 ? types[0] : undefined
        const vt = only !== undefined && only !== null ? only : x.type
        // gc positions each clause's variable at the clause's first case (its implicit object).
        const first = cc.list?.[0]
        const v = newVar(bind.name, first ? startPos(first, c.text) : cc.pos, 'local', ok ? vt : x.type, c.fn?.node ?? null)
        c.scope.insert(v)
        if (c.fn && v.owner === c.fn.node) c.fn.info.locals.push(v)
        c.info.typeSwitchVars.set(cc, v)
        vars.push(v)
      }
      stmtList(c, cc.body)
      c.closeScope()
    }
    if (bind) {
      const used = vars.some((v) => v.used)
      for (const v of vars) v.used = true
      if (!used) c.errorAtPos(bind.pos, `${bind.name} declared and not used`, bind.end)
      if (vars[0]) c.recordDef(bind, vars[0])
    }
  } finally {
    c.closeScope()
  }
}

/** A case's type; null for `nil`, undefined after an error. */
function caseType(c: Checker, e: A.Expr): Type | null | undefined {
  if (e.kind === 'Ident' && e.name === 'nil' && c.lookup('nil')?.kind === 'nil') {
    c.recordTypeAndValue(e, 'nil', Typ.untypedNil)
    return null
  }
  const t = exprAsType(c, e)
  return isValid(t) ? t : undefined
}
