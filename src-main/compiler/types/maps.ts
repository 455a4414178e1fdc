// Maps in the type checker, as types2 checks them: `map[K]V` types (the key
// must be comparable), `m[k]` (a map index expression: assignable, not
// addressable; comma-ok in two-value assignments), map composite literals
// (every element keyed, constant keys not repeated), and the builtins that
// take maps (make, len, delete, clear).

import type * as A from '../syntax/ast'
import { assignment } from './assign'
import type { Checker } from './checker'
import { constantString } from './constant'
import { expr, exprWithHint } from './expr'
import { invalidOperand, type Operand } from './operand'
import { tokenAfter } from './positions'
import { diagnosticTypeString as ts } from './typestring'
import { typExpr } from './typexpr'
import { identical, isComparable, isValid, mapOf, Typ, under, type MapType, type Type } from './types'

export function mapType(c: Checker, t: A.MapType): Type {
  const key = typExpr(c, t.key)
  const elem = typExpr(c, t.value)
  // types2 checks the key once the type is complete; a named key being declared has no underlying type yet.
  if (isValid(key) && isValid(under(key)) && !isComparable(key)) {
    // A func type's position in gc's syntax tree is its `(`.
    const pos = t.key.kind === 'FuncType' ? tokenAfter(c.text, t.key.pos + 'func'.length) : t.key.pos
    c.errorAtPos(pos, `invalid map key type ${ts(key)}`, t.key.end)
  }
  return mapOf(key, elem)
}

/** `m[k]`: the key is assigned to K ("map index"); the result is a map index expression of type V. */
export function mapIndex(c: Checker, e: A.Index, m: MapType): Operand {
  const k = expr(c, e.index)
  assignment(c, k, m.key, 'map index')
  if (k.mode === 'invalid') return invalidOperand(e)
  return { mode: 'mapindex', type: m.elem, expr: e }
}

/** The comma-ok form `v, ok = m[k]`: the value and an untyped bool (types2's commaok operands). */
export function commaOk(x: Operand): Operand[] {
  return [{ ...x }, { mode: 'value', type: Typ.untypedBool, expr: x.expr }]
}

/** The elements of a map literal. */
export function mapLit(c: Checker, e: A.CompositeLit, m: MapType): void {
  const seen: { key: string; type: Type }[] = []
  for (const el of e.elts) {
    if (el.kind !== 'KeyValue') {
      c.errorAt(el, 'missing key in map literal')
      continue
    }
    const k = exprWithHint(c, el.key, m.key)
    assignment(c, k, m.key, 'map literal')
    if (k.mode === 'constant' && k.val) {
      const key = constantString(k.val)
      if (seen.some((s) => s.key === key && identical(s.type, k.type))) c.errorAt(el.key, `duplicate key ${key} in map literal`)
      else seen.push({ key, type: k.type })
    }
    const v = exprWithHint(c, el.value, m.elem)
    assignment(c, v, m.elem, 'map literal')
  }
}

/** Reports x when it is not a map; returns its map type. */
function mapArg(c: Checker, x: Operand): MapType | null {
  const u = under(x.type)
  if (u.kind === 'map') return u
  if (isValid(u)) c.errorOperand(x, `invalid argument: ${c.str(x)} is not a map`)
  return null
}

/** delete(m, k): k is assigned to m's key type. Returns the parameter types, or null after an error. */
export function deleteArgs(c: Checker, m: Operand, k: Operand): Type[] | null {
  const u = mapArg(c, m)
  if (!u) return null
  assignment(c, k, u.key, 'argument to delete')
  if (k.mode === 'invalid') return null
  return [m.type, u.key]
}

/** clear(x): x must be a map or a slice (clearing a slice is not in the subset yet). */
export function clearArg(c: Checker, x: Operand): boolean {
  const k = under(x.type).kind
  if (k === 'map') return true
  if (k === 'slice') {
    if (x.expr) c.unsupported(x.expr.pos, x.expr.end, 'clear of a slice')
    return false
  }
  if (isValid(x.type)) c.errorOperand(x, `invalid argument: cannot clear ${c.str(x)}: argument must be (or constrained by) map or slice`)
  return false
}
