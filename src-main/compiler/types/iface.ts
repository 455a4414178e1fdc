// Interfaces in the type checker: interface type literals, method sets and
// the implements relation with types2's causes (`T does not implement I
// (missing method M)`), type assertions `x.(T)`, and the record of implicit
// conversions to interfaces that later phases turn into gc's OCONVIFACE.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { expr } from './expr'
import { exprString } from './exprstring'
import { lookupFieldOrMethod } from './lookup'
import { newVar, Scope, type FuncObj } from './objects'
import { invalidOperand, type Operand } from './operand'
import { startPos } from './positions'
import { diagnosticTypeString as ts } from './typestring'
import { signature, typExpr } from './typexpr'
import { allMethods, identical, isValid, Typ, under, type InterfaceType, type Signature, type Type } from './types'

export function interfaceType(c: Checker, t: A.InterfaceType): InterfaceType {
  const it: InterfaceType = { kind: 'interface', methods: [], embeddeds: [] }
  const seen = new Map<string, FuncObj>()
  for (const m of t.methods) {
    const { sig } = signature(c, m.type, null, new Scope(c.scope, true), null)
    sig.recv = newVar('', m.name.pos, 'param', it)
    const name = m.name.name
    const f: FuncObj = { kind: 'func', name, pos: m.name.pos, type: sig, decl: undefined as never, pragmas: [], recvBase: null, pointerRecv: false, gcName: name, iface: it }
    if (name === '_') {
      c.errorAtPos(m.name.pos, 'methods must have a unique non-blank name', m.name.end)
      continue
    }
    const alt = seen.get(name)
    if (alt) {
      c.errorParts(m.name.pos, m.name.end, [{ msg: `duplicate method ${name}` }, { pos: alt.pos, msg: `other declaration of method ${name}` }])
      continue
    }
    seen.set(name, f)
    c.recordDef(m.name, f)
    it.methods.push(f)
  }
  for (const e of t.embeddeds) {
    const et = typExpr(c, e)
    if (!isValid(et)) continue
    if (et.kind === 'named' && !isValid(et.underlying)) {
      // Still being resolved (type I interface{ I }): types2 reports the cycle; keep it out.
      c.errorAtPos(e.pos, `invalid recursive type ${ts(et)}`, e.end)
      continue
    }
    if (under(et).kind !== 'interface') {
      c.unsupported(e.pos, e.end, 'type constraint')
      continue
    }
    it.embeddeds.push(et)
  }
  return it
}

/** A method's signature as types2 prints it in have/want lines: `M(x int) string`. */
function methodString(m: FuncObj): string {
  return m.name + ts({ ...m.type, recv: null }).slice(4)
}

/**
 * Why V does not implement interface T (types2's missingMethod cause, without
 * the `V does not implement T` prefix), or null when it does.
 */
export function missingMethodCause(v: Type, t: Type): string | null {
  const it = under(t) as InterfaceType
  const vu = under(v)
  for (const m of allMethods(it)) {
    let found: FuncObj | null = null
    if (vu.kind === 'interface') found = allMethods(vu).find((x) => x.name === m.name) ?? null
    else {
      const r = lookupFieldOrMethod(v, false, m.name)
      if (r.kind === 'needsPointer') return `(method ${m.name} has pointer receiver)`
      if (r.kind === 'method') found = r.method
    }
    if (!found) return `(missing method ${m.name})`
    if (!sameMethodType(found.type, m.type)) return `(wrong type for method ${m.name})\n\t\thave ${methodString(found)}\n\t\twant ${methodString(m)}`
  }
  return null
}

function sameMethodType(a: Signature, b: Signature): boolean {
  return identical({ ...a, recv: null }, { ...b, recv: null })
}

/** `V does not implement T (…)`, or null. */
export function implementsCause(v: Type, t: Type): string | null {
  const cause = missingMethodCause(v, t)
  return cause === null ? null : `${ts(v)} does not implement ${ts(t)} ${cause}`
}

/** Whether a typed value of type v can be assigned to interface type t. */
export function implementsIface(v: Type, t: Type): boolean {
  return missingMethodCause(v, t) === null
}

/**
 * Records that the value of e is converted implicitly to interface type t
 * (gc's implicit OCONVIFACE). Nothing is recorded when the types are
 * identical: gc converts nothing then.
 */
export function recordIfaceConversion(c: Checker, e: A.Expr | null, from: Type, t: Type): void {
  if (!e || !isValid(from) || !isValid(t) || under(t).kind !== 'interface' || identical(from, t)) return
  const inner = unparenExpr(e)
  if (c.info.types.get(inner)?.type.kind === 'tuple') {
    // gc converts one temporary of the N:1 assignment; not modelled yet.
    c.unsupported(e.pos, e.end, 'conversion to an interface of one of several values')
    return
  }
  c.info.ifaceConversions.set(inner, t)
}

function unparenExpr(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}

// ---------------------------------------------------------------- type assertions

/** `x.(T)`: x must be an interface; a concrete T must implement it. */
export function typeAssert(c: Checker, e: A.TypeAssert): Operand {
  const x = expr(c, e.x)
  const t = typExpr(c, e.type)
  if (x.mode === 'invalid') return invalidOperand(e)
  if (under(x.type).kind !== 'interface') {
    c.errorOperand(x, `invalid operation: ${c.str(x)} is not an interface`)
    return invalidOperand(e)
  }
  if (!isValid(t)) return invalidOperand(e)
  const cause = assertableCause(x.type, t)
  if (cause) {
    c.errorParts(startPos(e, c.text), e.end, [{ msg: `impossible type assertion: ${exprString(e)}` }, { msg: `${ts(t)} does not implement ${ts(x.type)} ${cause}` }])
    return invalidOperand(e)
  }
  return { mode: 'commaok', type: t, expr: e }
}

/** Why a value of interface type xt can never hold dynamic type t (null: it can). */
export function assertableCause(xt: Type, t: Type): string | null {
  if (under(t).kind === 'interface') return null
  return missingMethodCause(t, xt)
}

/**
 * `v, ok = x.(T)`: the two-value form of a type assertion (null when e is no
 * type assertion): the asserted value and an untyped bool, recorded as a
 * comma-ok expression (types2 records the tuple (T, bool) on it, which is why
 * gc's reader assigns it through N:1 temporaries).
 */
export function commaOkValues(c: Checker, e: A.Expr): Operand[] | null {
  const inner = unparenExpr(e)
  if (inner.kind !== 'TypeAssert') return null
  const x = expr(c, e)
  if (x.mode === 'invalid') return [x]
  c.info.commaOk.add(inner)
  return [x, { mode: 'value', type: Typ.untypedBool, expr: e }]
}
