// Selectors `x.f`, `x.m` and `T.m`: fields (through embedded structs and
// pointers) and methods (see methodsel.ts), with types2's messages.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { exprOrType } from './expr'
import { exprString } from './exprstring'
import { pkgNameOf, qualifiedIdent } from './imports'
import { lookupFieldOrMethod } from './lookup'
import { methodSelector } from './methodsel'
import { invalidOperand, type Operand } from './operand'
import { tokenAfter } from './positions'
import { diagnosticTypeString as ts } from './typestring'
import { isValid, under } from './types'

export function selector(c: Checker, e: A.Selector): Operand {
  const fail = invalidOperand(e)
  const pkg = pkgNameOf(c, e.x)
  if (pkg) return qualifiedIdent(c, pkg, e.x as A.Ident, e.sel, e)
  const x = exprOrType(c, e.x)
  if (x.mode === 'builtin') {
    c.errorAtPos(tokenAfter(c.text, e.x.end), `invalid use of ${c.str(x)} in selector expression`)
    return fail
  }
  if (x.mode === 'invalid') return fail
  const sel = e.sel.name
  const r = lookupFieldOrMethod(x.type, x.mode === 'variable', sel)
  if (x.mode === 'type') {
    if (r.kind === 'needsPointer') {
      const t = ts(x.type)
      c.errorAtPos(e.sel.pos, `invalid method expression ${t}.${sel} (needs pointer receiver (*${t}).${sel})`, e.sel.end)
      return fail
    }
    if (r.kind === 'field') {
      c.errorAtPos(e.sel.pos, `${exprString(e.x)}.${sel} undefined (type ${ts(x.type)} has no method ${sel})`, e.sel.end)
      return fail
    }
  }
  switch (r.kind) {
    case 'ambiguous':
      c.errorAtPos(e.sel.pos, `ambiguous selector ${exprString(e.x)}.${sel}`, e.sel.end)
      return fail
    case 'needsPointer':
      c.errorAtPos(e.sel.pos, `cannot call pointer method ${sel} on ${ts(x.type)}`, e.sel.end)
      return fail
    case 'missing': {
      if (!isValid(under(x.type))) return fail
      const alt = lookupFieldOrMethod(x.type, x.mode === 'variable', sel, true)
      const typ = ts(x.type)
      const pu = under(x.type)
      if (pu.kind === 'pointer' && under(pu.elem).kind === 'interface') {
        c.errorAtPos(e.sel.pos, `${exprString(e.x)}.${sel} undefined (type ${typ} is pointer to interface, not interface)`, e.sel.end)
        return fail
      }
      let why = `type ${typ} has no field or method ${sel}`
      if (alt.kind === 'field' || alt.kind === 'method') {
        const altName = alt.kind === 'field' ? alt.field.name : alt.method.name
        why += `, but does have ${alt.kind} ${altName}`
      }
      c.errorAtPos(e.sel.pos, `${exprString(e.x)}.${sel} undefined (${why})`, e.sel.end)
      return fail
    }
    case 'field':
      c.info.selections.set(e, { kind: 'field', path: r.path, field: r.field })
      c.recordUse(e.sel, r.field)
      return { mode: x.mode === 'variable' || r.indirect ? 'variable' : 'value', type: r.field.type, expr: e }
    case 'method':
      return methodSelector(c, e, x, r)
  }
}
