// Index and slice expressions, and the checks shared by every index
// (constant, non-negative, in bounds).

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { constantString, sign, toInt } from './constant'
import { expr, exprOrType, markAddrTaken, use } from './expr'
import { mapIndex } from './maps'
import { invalidOperand, isInvalid, type Operand } from './operand'
import { tokenAfter } from './positions'
import { isInteger, isString, isUntyped, sliceOf, Typ, under, type Type } from './types'
import { convertUntyped } from './untyped'

export function indexExpr(c: Checker, e: A.Index): Operand {
  const x = exprOrType(c, e.x)
  if (x.mode === 'invalid') {
    use(c, [e.index])
    return invalidOperand(e)
  }
  if (x.mode === 'type') {
    c.unsupported(e.pos, e.end, 'generic instantiation')
    return invalidOperand(e)
  }
  let length = -1
  let r: Operand | null = null
  const u = under(x.type)
  if (u.kind === 'array') {
    length = u.len
    r = { mode: x.mode === 'variable' ? 'variable' : 'value', type: u.elem, expr: e }
  } else if (u.kind === 'pointer' && under(u.elem).kind === 'array') {
    const a = under(u.elem) as Extract<Type, { kind: 'array' }>
    length = a.len
    r = { mode: 'variable', type: a.elem, expr: e }
  } else if (u.kind === 'slice') {
    r = { mode: 'variable', type: u.elem, expr: e }
  } else if (isString(u)) {
    // Indexing a string yields a byte value, never a constant (types2).
    if (x.mode === 'constant' && x.val?.kind === 'string') length = x.val.value.length
    r = { mode: 'value', type: Typ.byte, expr: e }
  } else if (u.kind === 'map') {
    return mapIndex(c, e, u)
  }
  if (!r) {
    c.errorAtPos(tokenAfter(c.text, e.x.end), `cannot index ${c.str(x)}`)
    use(c, [e.index])
    return invalidOperand(e)
  }
  index(c, e.index, length)
  return r
}

/** Checks an index (or make size) `e`; returns its constant value, or -1. `max` bounds constants when >= 0. */
export function index(c: Checker, e: A.Expr, max: number): { type: Type; val: number } {
  const bad = { type: Typ.invalid as Type, val: -1 }
  const x = expr(c, e)
  if (!isValidIndex(c, x, 'index', false)) return bad
  if (x.mode !== 'constant' || !x.val) return { type: x.type, val: -1 }
  const v = Number(toInt(x.val)!)
  if (max >= 0 && v >= max) {
    c.errorOperand(x, `invalid argument: index ${constantString(x.val)} out of bounds [0:${max}]`)
    return bad
  }
  return { type: x.type, val: v }
}

export function isValidIndex(c: Checker, x: Operand, what: string, allowNegative: boolean): boolean {
  if (x.mode === 'invalid') return false
  convertUntyped(c, x, Typ.int)
  if (isInvalid(x)) return false
  if (!isInteger(x.type)) {
    c.errorOperand(x, `invalid argument: ${what} ${c.str(x)} must be integer`)
    return false
  }
  if (x.mode === 'constant' && x.val) {
    if (!allowNegative && sign(x.val) < 0) {
      c.errorOperand(x, `invalid argument: ${what} ${c.str(x)} must not be negative`)
      return false
    }
    const v = toInt(x.val)!
    if (v > (1n << 63n) - 1n || v < -(1n << 63n)) {
      c.errorOperand(x, `invalid argument: ${what} ${c.str(x)} overflows int`)
      return false
    }
  }
  return true
}

export function sliceExpr(c: Checker, e: A.SliceExpr): Operand {
  const x = expr(c, e.x)
  if (x.mode === 'invalid') {
    use(c, [e.low, e.high, e.max])
    return invalidOperand(e)
  }
  let length = -1
  let type: Type | null = null
  const u = under(x.type)
  if (u.kind === 'array') {
    if (x.mode !== 'variable') {
      c.errorOperand(x, `cannot slice unaddressable value ${c.str(x)}`)
      return invalidOperand(e)
    }
    length = u.len
    type = sliceOf(u.elem)
    markAddrTaken(c, e.x)
  } else if (u.kind === 'pointer' && under(u.elem).kind === 'array') {
    const a = under(u.elem) as Extract<Type, { kind: 'array' }>
    length = a.len
    type = sliceOf(a.elem)
  } else if (u.kind === 'slice') {
    type = x.type
  } else if (isString(u)) {
    if (e.max) {
      c.errorAt(e.max, 'invalid operation: 3-index slice of string')
      return invalidOperand(e)
    }
    if (x.mode === 'constant' && x.val?.kind === 'string') length = x.val.value.length
    // The result of slicing an untyped string is a (non-constant) string.
    type = isUntyped(x.type) ? Typ.string : x.type
  }
  if (!type) {
    c.errorOperand(x, `cannot slice ${c.str(x)}`)
    return invalidOperand(e)
  }
  const exprs = [e.low, e.high, e.max]
  const ind = exprs.map((ie, i) => {
    if (ie) return index(c, ie, length >= 0 ? length + 1 : -1).val
    if (i === 0) return 0
    return length >= 0 ? length : -1
  })
  // Constant indices must be ordered; report the first pair that is not.
  outer: for (let i = 0; i < ind.length - 1; i++) {
    const a = ind[i]!
    if (a <= 0) continue
    for (let j = i + 1; j < ind.length; j++) {
      const b = ind[j]!
      if (b >= 0 && b < a && exprs[j]) {
        c.errorAt(exprs[j]!, `invalid slice indices: ${b} < ${a}`)
        break outer
      }
    }
  }
  return { mode: 'value', type, expr: e }
}

/** An expression that must denote a type (make's first argument, conversions). */
