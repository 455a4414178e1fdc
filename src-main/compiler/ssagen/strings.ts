// Strings at SSA construction: string values are (ptr, len) pairs
// (StringMake, StringPtr, StringLen; decompose builtin splits them),
// constants are ConstString (generic.rules turns them into their
// `go:string."…"` data symbol). Built here: constants, len, indexing,
// slicing; parameters, results, fields and variables go through the common
// paths. The forms walk rewrites into runtime calls are refused, at the
// first such node, with `unsupported: …` (escape analysis still runs).

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { FnUnit } from '../escape/units'
import type { TypeInfo } from '../types/info'
import { under, type Type } from '../types/types'
import { BOUNDS, Unsupported, unparen, type FnBuilder } from './fn'
import { isStringConversion } from '../escape/strings'
import type { Value } from '../ssa/func'
import { bytePtr, fromGo, T, type SsaType } from '../ssa/types'
import { toInt } from '../types/constant'
import { quote } from '../types/strings'
import { constStringAux } from '../ssa/rules/strings'
import { bounded } from '../walk/bounds'

/**
 * Throws Unsupported at the first string form SSA construction does not
 * build yet: concatenation, comparison, conversions to or from strings,
 * range, switch, copy/append/print of strings, `s += t`.
 */
export function refuseStrings(unit: FnUnit, info: TypeInfo): void {
  const isStr = (e: A.Expr | null | undefined): boolean => {
    const t = e ? info.types.get(unparen(e))?.type : undefined
    return !!t && isStringType(t)
  }
  const body = unit.decl?.body ?? unit.lit?.body
  walkCode(body, (n) => {
    if (n.kind === 'FuncLit' && n !== unit.lit) return false
    if (info.types.get(n as A.Expr)?.value !== undefined) return false // constants are folded
    switch (n.kind) {
      case 'Binary':
        if (isStr(n.x)) throw new Unsupported(n.opPos, n.op === '+' ? 'string concatenation' : 'string comparison')
        break
      case 'Assign':
        if (n.op !== '=' && n.op !== ':=' && n.lhs.some(isStr)) throw new Unsupported(n.pos, 'string concatenation')
        break
      case 'Range':
        if (isStr(n.x)) throw new Unsupported(n.x.pos, 'range over a string')
        break
      case 'Switch':
        if (isStr(n.tag)) throw new Unsupported(n.tag!.pos, 'switch on a string')
        break
      case 'Call': {
        const ci = info.calls.get(n)
        if (ci?.kind === 'conversion' && isStringConversion(info, n)) throw new Unsupported(n.pos, 'conversion between strings and other types')
        if (ci?.kind === 'builtin' && ['copy', 'append', 'print', 'println'].includes(ci.id) && n.args.some(isStr)) throw new Unsupported(n.pos, `${ci.id} of a string`)
        break
      }
    }
    return true
  })
}

const isStringType = (t: Type): boolean => {
  const u = under(t)
  return u.kind === 'basic' && (u.basic === 'string' || u.basic === 'untyped string')
}

// ---------------------------------------------------------------- building

/** A constant string: gc's ConstString, one per use (the empty string is a cached constant). */
export function constString(s: FnBuilder, t: SsaType, bytes: string, at: A.Span): Value {
  if (bytes.length > 100) throw new Unsupported(at.pos, 'string constant longer than 100 bytes') // gc names those by a hash
  if (bytes === '') return s.constEmptyString(t)
  return s.entryV('ConstString', t, [], 0n, constStringAux(quote(bytes)))
}

/** len(s). */
export function stringLen(s: FnBuilder, x: A.Expr): Value {
  return s.v('StringLen', T.int, [s.expr(x)])
}

/** s[i]: a bounds check against the length, then a byte load (a constant string at a constant index is that byte). */
export function stringIndex(s: FnBuilder, e: A.Index): Value {
  const info = s.cx.info
  const xv = info.types.get(unparen(e.x))?.value
  const iv = info.types.get(unparen(e.index))?.value
  if (xv?.kind === 'string' && iv !== undefined) {
    const i = Number(toInt(iv)!)
    return s.constInt(T.uint8, xv.value.charCodeAt(i))
  }
  const a = s.expr(e.x)
  let i = s.expr(e.index)
  const len = s.v('StringLen', T.int, [a])
  const isBounded = xv?.kind === 'string' && bounded(info, unparen(e.index), xv.value.length)
  i = isBounded ? s.extendIndex(i) : s.boundsCheck(i, len, BOUNDS.index, e.index)
  let ptr = s.v('StringPtr', bytePtr, [a])
  if (iv !== undefined) ptr = s.v('OffPtr', bytePtr, [ptr], toInt(iv)!)
  else ptr = s.v('AddPtr', bytePtr, [ptr, i])
  return s.load(T.uint8, ptr)
}

/** s[i:j] (gc's slice on a string: checks j <= len, then i <= j; the pointer moves only for a non-constant-zero i). */
export function stringSlice(s: FnBuilder, e: A.SliceExpr): Value {
  const t = fromGo(s.typeOf(e))
  const v = s.expr(e.x)
  let i = e.low ? s.expr(e.low) : null
  let j = e.high ? s.expr(e.high) : null
  const ptr = s.v('StringPtr', bytePtr, [v])
  const len = s.v('StringLen', T.int, [v])
  i ??= s.constInt(T.int, 0)
  j ??= len
  if (j !== len) j = s.boundsCheck(j, len, BOUNDS.sliceAlen, e.high ?? e, true)
  i = s.boundsCheck(i, j, BOUNDS.sliceB, e.low ?? e, true)
  const rlen = s.v('Sub64', T.int, [j, i])
  if (i.op === 'Const64' && i.auxInt === 0n) return s.v('StringMake', t, [ptr, rlen])
  const delta = s.v('Mul64', T.int, [i, s.constInt(T.int, 1)])
  const masked = s.v('And64', T.int, [delta, s.v('Slicemask', T.int, [rlen])])
  return s.v('StringMake', t, [s.v('AddPtr', bytePtr, [ptr, masked]), rlen])
}
