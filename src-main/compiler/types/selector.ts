// Selectors `x.f` and `x.m`: fields (through embedded structs and pointers)
// and called methods, with the receiver adjustments gc makes.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { objDecl } from './decls'
import { exprOrType, markAddrTaken } from './expr'
import { exprString } from './exprstring'
import { lookupFieldOrMethod } from './lookup'
import { invalidOperand, type Operand } from './operand'
import { tokenAfter } from './positions'
import { diagnosticTypeString as ts } from './typestring'
import { isValid, under } from './types'

export function selector(c: Checker, e: A.Selector): Operand {
  const fail = invalidOperand(e)
  const x = exprOrType(c, e.x)
  if (x.mode === 'builtin') {
    c.errorAtPos(tokenAfter(c.text, e.x.end), `invalid use of ${c.str(x)} in selector expression`)
    return fail
  }
  if (x.mode === 'invalid') return fail
  const sel = e.sel.name
  const r = lookupFieldOrMethod(x.type, x.mode === 'variable', sel)
  if (x.mode === 'type') {
    if (r.kind === 'method' || r.kind === 'needsPointer') {
      c.unsupported(e.pos, e.end, 'method expression')
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
    case 'method': {
      objDecl(c, r.method)
      c.addDeclDep(r.method)
      c.recordUse(e.sel, r.method)
      const recvIsPtr = under(r.recvType).kind === 'pointer'
      const recvAdjust = r.method.pointerRecv ? (recvIsPtr ? 'none' : 'addr') : recvIsPtr ? 'deref' : 'none'
      c.info.selections.set(e, { kind: 'method', path: r.path, method: r.method, recvAdjust })
      if (c.calleeSelector !== e) {
        c.unsupported(e.pos, e.end, 'method value')
        return fail
      }
      if (recvAdjust === 'addr' && !r.path.some((s) => s.deref)) markAddrTaken(c, e.x)
      const sig = r.method.type
      return { mode: 'value', type: { ...sig, recv: null }, expr: e }
    }
  }
}
