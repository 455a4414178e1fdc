// Untyped values meeting typed contexts. An untyped expression is recorded
// provisionally; when its context fixes a type (assignment, a typed operand,
// a conversion), updateExprType pushes that type down the expression so
// every operand that will exist at run time ends up typed — and constants
// are checked to be representable in it.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { representable, type Constant } from './constant'
import { exprString } from './exprstring'
import type { Operand } from './operand'
import { diagnosticTypeString } from './typestring'
import {
  allMethods, defaultType, hasNil, isBoolean, isInteger, isNumeric, isTyped, isUntyped, isValid, under, type BasicType, type Type,
} from './types'

/** Why an untyped value does not fit a type. */
export type ConversionProblem = 'truncated' | 'overflows' | 'invalid'

/** The constant x represented as basic type t, or why it cannot be (types2's representation). */
export function representation(x: Operand, t: BasicType): { val: Constant } | { problem: ConversionProblem } {
  const v = representable(x.val!, t.basic)
  if (v) return { val: v }
  if (isNumeric(x.type) && isNumeric(t)) return { problem: !isInteger(x.type) && isInteger(t) ? 'truncated' : 'overflows' }
  return { problem: 'invalid' }
}

/** `300 (untyped int constant) overflows int8`, and friends. */
export function invalidConversion(c: Checker, problem: ConversionProblem, x: Operand, target: Type): void {
  const xs = c.str(x)
  const ts = diagnosticTypeString(target)
  const msg = problem === 'truncated' ? `${xs} truncated to ${ts}` : problem === 'overflows' ? `${xs} overflows ${ts}` : `cannot convert ${xs} to type ${ts}`
  c.errorOperand(x, msg)
}

/** Checks that constant x fits basic type t, rounding it; reports and invalidates x otherwise. */
export function checkRepresentable(c: Checker, x: Operand, t: BasicType): void {
  const r = representation(x, t)
  if ('problem' in r) {
    invalidConversion(c, r.problem, x, t)
    x.mode = 'invalid'
    return
  }
  x.val = r.val
}

const UNTYPED_RANK: Partial<Record<string, number>> = { 'untyped int': 1, 'untyped rune': 2, 'untyped float': 3 }

/** The "larger" of two untyped numeric kinds (int < rune < float), or the common kind. */
function maxType(x: Type, y: Type): Type | null {
  if (x.kind !== 'basic' || y.kind !== 'basic') return null
  const rx = UNTYPED_RANK[x.basic]
  const ry = UNTYPED_RANK[y.basic]
  if (rx !== undefined && ry !== undefined) return rx >= ry ? x : y
  return x.basic === y.basic ? x : null
}

/**
 * The type (and constant value) untyped x takes where `target` is expected,
 * or the problem if it cannot (types2's implicitTypeAndValue).
 */
export function implicitTypeAndValue(x: Operand, target: Type): { type: Type; val?: Constant } | { problem: ConversionProblem } {
  if (x.mode === 'invalid' || isTyped(x.type) || !isValid(target)) return { type: x.type }
  if (isUntyped(target)) {
    const m = maxType(x.type, target)
    return m ? { type: m } : { problem: 'invalid' }
  }
  if (x.mode === 'nil') return hasNil(target) ? { type: target } : { problem: 'invalid' }
  const u = under(target)
  // An untyped value goes into an empty interface with its default type.
  if (u.kind === 'interface') return allMethods(u).length === 0 ? { type: defaultType(x.type) } : { problem: 'invalid' }
  if (u.kind !== 'basic') return { problem: 'invalid' }
  if (x.mode === 'constant') {
    const r = representation(x, u)
    return 'problem' in r ? r : { type: target, val: r.val }
  }
  // Non-constant untyped values: comparison results and delayed shift operands.
  const kind = (x.type as BasicType).basic
  if (kind === 'untyped bool' ? !isBoolean(target) : !isNumeric(target)) return { problem: 'invalid' }
  return { type: target }
}

/** Gives untyped x the type target (or reports why it cannot have it). */
export function convertUntyped(c: Checker, x: Operand, target: Type): void {
  const r = implicitTypeAndValue(x, target)
  if ('problem' in r) {
    invalidConversion(c, r.problem, x, under(target))
    x.mode = 'invalid'
    return
  }
  applyImplicit(c, x, r)
}

/** Records on x (and its expression's side tables) the type and value an implicit conversion gave it. */
export function applyImplicit(c: Checker, x: Operand, r: { type: Type; val?: Constant | null }): void {
  if (r.val) {
    x.val = r.val
    if (x.expr) updateExprVal(c, x.expr, r.val)
  }
  if (r.type !== x.type) {
    x.type = r.type
    if (x.expr) updateExprType(c, x.expr, r.type, false)
  }
}

export function updateExprVal(c: Checker, e: A.Expr, val: Constant): void {
  const u = c.untyped.get(e)
  if (u) u.val = val
}

/**
 * Records that untyped expression e now has type `type`, and pushes it to the
 * operands that will be materialised with it. With `final` unset and an
 * untyped `type`, only the provisional kind changes.
 */
export function updateExprType(c: Checker, e: A.Expr, type: Type, final: boolean): void {
  const old = c.untyped.get(e)
  if (!old) return
  switch (e.kind) {
    case 'Paren':
      updateExprType(c, e.x, type, final)
      break
    case 'Unary':
      // Operands of constants are never materialised; only the root matters.
      if (!old.val) updateExprType(c, e.x, type, final)
      break
    case 'Binary':
      if (old.val) break
      if (e.op === '==' || e.op === '!=' || e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=') break
      updateExprType(c, e.x, type, final) // a shift's type is its left operand's
      if (e.op !== '<<' && e.op !== '>>') updateExprType(c, e.y, type, final)
      break
    default:
      break
  }

  if (!final && isUntyped(type)) {
    old.type = under(type) as BasicType
    return
  }
  c.untyped.delete(e)

  if (old.isLhs && !isInteger(type)) {
    c.errorAt(e, `invalid operation: shifted operand ${exprString(e)} (type ${diagnosticTypeString(type)}) must be integer`)
    return
  }
  let val = old.val
  if (val) {
    const x: Operand = { mode: old.mode, type: old.type, val, expr: e }
    convertUntyped(c, x, type)
    if (x.mode === 'invalid') return
    val = x.val
  }
  c.recordTypeAndValue(e, old.mode, type, val)
}
