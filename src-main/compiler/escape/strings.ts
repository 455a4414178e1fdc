// What escape analysis (and the printer) need to know about strings: which
// conversions allocate (gc's OBYTES2STR, ORUNES2STR, OSTR2BYTES, OSTR2RUNES,
// ORUNESTR) and the operand list of a concatenation (gc's OADDSTR, which
// typecheck flattens: `a + (b + c)` is one node with three operands).

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import { under, type Type } from '../types/types'

function stripParens(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}

export function isString(t: Type | undefined): boolean {
  if (!t) return false
  const u = under(t)
  return u.kind === 'basic' && (u.basic === 'string' || u.basic === 'untyped string')
}

/** A non-constant conversion between strings and byte/rune slices or from an integer to a string. */
export function isStringConversion(info: TypeInfo, call: A.Call): boolean {
  if (info.types.get(call)?.value) return false
  const ci = info.calls.get(call)
  if (ci?.kind !== 'conversion') return false
  const from = info.types.get(stripParens(call.args[0]!))?.type
  if (!from) return false
  const to = under(ci.to)
  const src = under(from)
  if (isString(to)) return src.kind === 'slice' || (src.kind === 'basic' && !isString(src))
  return isString(src) && to.kind === 'slice'
}

/** Whether e is a non-constant string concatenation. */
export function isConcat(info: TypeInfo, e: A.Expr): boolean {
  e = stripParens(e)
  if (e.kind !== 'Binary' || e.op !== '+') return false
  const tv = info.types.get(e)
  return !tv?.value && isString(tv?.type)
}

/** The operands of a concatenation after typecheck's flattening, left to right. */
export function concatOperands(info: TypeInfo, e: A.Binary): A.Expr[] {
  const out: A.Expr[] = []
  const visit = (x: A.Expr): void => {
    if (isConcat(info, x)) {
      const b = stripParens(x) as A.Binary
      visit(b.x)
      visit(b.y)
    } else out.push(x)
  }
  visit(e)
  return out
}

/** []byte(s) (gc's OSTR2BYTES, the one conversion that may share the string's bytes). */
export function isStringToBytes(info: TypeInfo, call: A.Call): boolean {
  const ci = info.calls.get(call)
  if (ci?.kind !== 'conversion' || !isStringConversion(info, call)) return false
  const to = under(ci.to)
  if (to.kind !== 'slice') return false
  const elem = under(to.elem)
  return elem.kind === 'basic' && elem.basic === 'uint8'
}
