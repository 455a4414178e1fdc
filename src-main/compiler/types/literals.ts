// Composite literals (structs, arrays, slices; elided element types) and
// function literals, whose bodies are checked on the spot so free variables
// are captured in order of first use.

import type * as A from '../syntax/ast'
import { assignment } from './assign'
import type { Checker } from './checker'
import { expr, exprWithHint, use } from './expr'
import { index } from './indexing'
import { exprString } from './exprstring'
import { funcBody, newFunctionInfo } from './functions'
import { lookupFieldOrMethod } from './lookup'
import { mapLit } from './maps'
import { Scope } from './objects'
import { invalidOperand, type Operand } from './operand'
import { diagnosticTypeString as ts } from './typestring'
import { signature, typExpr } from './typexpr'
import { arrayOf, isValid, Typ, under, type Type } from './types'

export function funcLit(c: Checker, e: A.FuncLit): Operand {
  const scope = new Scope(c.scope, true)
  c.funcScopes.set(e, scope)
  const { sig } = signature(c, e.type, null, scope, e)
  const parent = c.fn?.node ?? null
  const info = newFunctionInfo(e, null, sig, parent)
  c.info.functions.set(e, info)
  c.fn?.info.closures.push(e)
  funcBody(c, e, e.body, info, scope)
  return { mode: 'value', type: sig, expr: e }
}

export function compositeLit(c: Checker, e: A.CompositeLit, hint: Type | null): Operand {
  let typ: Type
  let base: Type
  if (e.type) {
    if (e.type.kind === 'ArrayType' && !e.type.len) {
      // [...]T{…}: the length is the number of elements.
      const elem = typExpr(c, e.type.elem)
      typ = isValid(elem) ? arrayOf(elem, -1) : Typ.invalid
    } else typ = typExpr(c, e.type)
    base = typ
  } else if (hint) {
    typ = hint
    base = hint
    const u = under(hint)
    if (u.kind === 'pointer') {
      base = u.elem
      c.info.implicitAddrLits.add(e)
    }
  } else {
    c.errorAtPos(e.pos, 'missing type in composite literal', e.end)
    typ = base = Typ.invalid
  }

  const u = under(base)
  switch (u.kind) {
    case 'struct':
      structLit(c, e, u.fields, base)
      break
    case 'array': {
      const n = indexedElts(c, e.elts, u.elem, u.len)
      if (u.len < 0) {
        u.len = n
        if (e.type) c.info.typeExprs.set(e.type, typ)
      }
      break
    }
    case 'slice':
      indexedElts(c, e.elts, u.elem, -1)
      break
    case 'map':
      mapLit(c, e, u)
      break
    default:
      use(c, e.elts.map((x) => (x.kind === 'KeyValue' ? x.value : x)))
      if (isValid(u)) {
        c.errorAtPos(e.type ? e.type.pos : e.pos, `invalid composite literal${e.type ? '' : ' element'} type ${ts(typ)}`, e.end)
        return invalidOperand(e)
      }
  }
  if (!isValid(typ)) return invalidOperand(e)
  return { mode: 'value', type: typ, expr: e }
}

function structLit(c: Checker, e: A.CompositeLit, fields: Extract<Type, { kind: 'struct' }>['fields'], base: Type): void {
  if (e.elts.length === 0) return
  if (e.elts[0]!.kind === 'KeyValue') {
    const visited = new Set<number>()
    for (const el of e.elts) {
      if (el.kind !== 'KeyValue') {
        c.errorAt(el, 'mixture of field:value and value elements in struct literal')
        continue
      }
      const x = expr(c, el.value)
      const key = el.key
      if (key.kind !== 'Ident') {
        c.errorAt(el, `invalid field name ${exprString(key)} in struct literal`)
        continue
      }
      const i = fields.findIndex((f) => f.name === key.name)
      if (i < 0) {
        const alt = lookupFieldOrMethod(base, false, key.name, true)
        const msg =
          alt.kind === 'field' && alt.path.length === 1
            ? `unknown field ${key.name} in struct literal of type ${ts(base)}, but does have ${alt.field.name}`
            : `unknown field ${key.name} in struct literal of type ${ts(base)}`
        c.errorAtPos(key.pos, msg, key.end)
        continue
      }
      const f = fields[i]!
      c.recordUse(key, f)
      assignment(c, x, f.type, 'struct literal')
      if (visited.has(i)) {
        c.errorAt(el, `duplicate field name ${key.name} in struct literal`)
        continue
      }
      visited.add(i)
    }
    return
  }
  e.elts.forEach((el, i) => {
    if (el.kind === 'KeyValue') {
      c.errorAt(el, 'mixture of field:value and value elements in struct literal')
      return
    }
    const x = expr(c, el)
    if (i >= fields.length) {
      if (i === fields.length) c.errorOperand(x, `too many values in struct literal of type ${ts(base)}`)
      return
    }
    assignment(c, x, fields[i]!.type, 'struct literal')
  })
  if (e.elts.length < fields.length) c.errorAtPos(e.end - 1, `too few values in struct literal of type ${ts(base)}`)
}

/** Elements of an array or slice literal; returns the length they imply. */
function indexedElts(c: Checker, elts: A.Expr[], elem: Type, length: number): number {
  const visited = new Set<number>()
  let idx = 0
  let max = 0
  for (const e of elts) {
    let validIndex = false
    let value = e
    if (e.kind === 'KeyValue') {
      const r = index(c, e.key, length)
      if (isValid(r.type)) {
        if (r.val >= 0) {
          idx = r.val
          validIndex = true
        } else c.errorAt(e, `index ${exprString(e.key)} must be integer constant`)
      }
      value = e.value
    } else if (length >= 0 && idx >= length) {
      c.errorAt(e, `index ${idx} is out of bounds (>= ${length})`)
    } else validIndex = true
    if (validIndex) {
      if (visited.has(idx)) c.errorAt(e, `duplicate index ${idx} in array or slice literal`)
      visited.add(idx)
    }
    idx++
    if (idx > max) max = idx
    const x = exprWithHint(c, value, elem)
    assignment(c, x, elem, 'array or slice literal')
  }
  return max
}

