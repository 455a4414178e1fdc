// Binary operators: arithmetic, comparisons and shifts, including the
// implicit conversion of untyped operands and constant folding.

import type * as A from '../syntax/ast'
import { assignableTo } from './assign'
import type { Checker } from './checker'
import { unparen } from './expr'
import { binaryOp, compare, shift as constShift, sign, toInt, type ConstBinaryOp, type ConstCompareOp } from './constant'
import { expr, overflow } from './expr'
import { exprString } from './exprstring'
import { compositeKind, invalidOperand, isInvalid, type Operand } from './operand'
import { opPos } from './positions'
import { diagnosticTypeString as ts } from './typestring'
import {
  defaultType, hasNil, identical, isBoolean, isComparable, isInteger, isInterface, isNumeric, isOrdered, isPointer, isString, isTyped, isUntyped, isValid,
  Typ, under, type Type,
} from './types'
import { checkRepresentable, convertUntyped, updateExprType } from './untyped'
import { recordIfaceConversion } from './iface'

const BINARY_PREDICATES: Record<ConstBinaryOp, (t: Type) => boolean> = {
  '+': (t) => isNumeric(t) || isString(t),
  '-': isNumeric,
  '*': isNumeric,
  '/': isNumeric,
  '%': isInteger,
  '&': isInteger,
  '|': isInteger,
  '^': isInteger,
  '&^': isInteger,
  '&&': isBoolean,
  '||': isBoolean,
}

const isComparisonOp = (op: A.BinaryOp): op is ConstCompareOp => ['==', '!=', '<', '<=', '>', '>='].includes(op)

/**
 * `lhs op rhs`. `e` is the binary expression, or null for the implicit one of
 * an assignment operation (`x += y`).
 */
export function binary(c: Checker, e: A.Binary | null, lhs: A.Expr, rhs: A.Expr, op: A.BinaryOp): Operand {
  const x = expr(c, lhs)
  const y = expr(c, rhs)
  if (x.mode === 'invalid') return x
  if (y.mode === 'invalid') return { ...invalidOperand(y.expr) }
  if (op === '<<' || op === '>>') return shift(c, x, y, e, op)
  matchTypes(c, x, y)
  if (isInvalid(x)) return x
  if (isComparisonOp(op)) return comparison(c, x, y, op, false)
  if (!identical(x.type, y.type)) {
    if (isValid(x.type) && isValid(y.type)) {
      const what = e ? exprString(e) : `${exprString(lhs)} ${op}= ${exprString(rhs)}`
      c.errorOperand(x, `invalid operation: ${what} (mismatched types ${ts(x.type)} and ${ts(y.type)})`)
    }
    return invalidOperand(x.expr)
  }
  if (!BINARY_PREDICATES[op](x.type)) {
    c.errorOperand(x, `invalid operation: operator ${op} not defined on ${c.str(x)}`)
    return invalidOperand(x.expr)
  }
  if ((op === '/' || op === '%') && (x.mode === 'constant' || isInteger(x.type)) && y.mode === 'constant' && y.val && sign(y.val) === 0) {
    c.errorOperand(y, 'invalid operation: division by zero')
    return invalidOperand(x.expr)
  }
  if (x.mode === 'constant' && y.mode === 'constant' && x.val && y.val) {
    const r: Operand = { mode: 'constant', type: x.type, val: binaryOp(x.val, op, y.val, isInteger(x.type)), expr: e }
    if (e) overflow(c, r, opPos(e, c.text))
    return r
  }
  return { mode: 'value', type: x.type, expr: e }
}

/** Converts an untyped operand to the other operand's type where that can make them match. */
export function matchTypes(c: Checker, x: Operand, y: Operand): void {
  const mayConvert = (): boolean => {
    if (isTyped(x.type) && isTyped(y.type)) return false
    if (isInterface(x.type) || isInterface(y.type)) return true
    if (isNumeric(x.type) !== isNumeric(y.type)) return false
    if (isBoolean(x.type) !== isBoolean(y.type)) return false
    if (isString(x.type) !== isString(y.type)) return false
    if (x.mode === 'nil') return hasNil(y.type)
    if (y.mode === 'nil') return hasNil(x.type)
    if (isPointer(x.type) || isPointer(y.type)) return false
    return true
  }
  if (!mayConvert()) return
  convertUntyped(c, x, y.type)
  if (x.mode === 'invalid') return
  convertUntyped(c, y, x.type)
  if (y.mode === 'invalid') x.mode = 'invalid'
}

/** `x op y` for comparisons; in a switch, x is the case value and y the tag. */
export function comparison(c: Checker, x: Operand, y: Operand, op: ConstCompareOp, switchCase: boolean): Operand {
  if (!isValid(x.type) || !isValid(y.type)) return invalidOperand(x.expr)
  if (switchCase) op = '=='
  let errOp = x
  let cause = ''
  const fail = (): Operand => {
    if (!cause) {
      const what = compositeKind(errOp.type) || ts(errOp.type)
      cause = `operator ${op} not defined on ${what}`
    }
    const xs = x.expr ? exprString(x.expr) : ''
    const ys = y.expr ? exprString(y.expr) : 'true'
    if (switchCase) c.errorOperand(x, `invalid case ${xs} in switch on ${ys} (${cause})`)
    else c.errorOperand(errOp, `invalid operation: ${xs} ${op} ${ys} (${cause})`)
    return invalidOperand(x.expr)
  }
  if (!assignableTo(x, y.type) && !assignableTo(y, x.type)) {
    errOp = y
    cause = `mismatched types ${ts(x.type)} and ${ts(y.type)}`
    return fail()
  }
  if (op === '==' || op === '!=') {
    if (x.mode === 'nil' || y.mode === 'nil') {
      if (!hasNil(x.mode === 'nil' ? y.type : x.type)) {
        errOp = y
        return fail()
      }
    } else if (!isComparable(x.type)) {
      errOp = x
      cause = incomparableCause(x.type)
      return fail()
    } else if (!isComparable(y.type)) {
      errOp = y
      cause = incomparableCause(y.type)
      return fail()
    }
  } else if (!isOrdered(x.type)) {
    errOp = x
    return fail()
  } else if (!isOrdered(y.type)) {
    errOp = y
    return fail()
  }
  if (x.mode === 'constant' && y.mode === 'constant' && x.val && y.val) {
    return { mode: 'constant', type: Typ.untypedBool, val: { kind: 'bool', value: compare(x.val, op, y.val) }, expr: x.expr }
  }
  // The operands are materialised now: untyped ones get their default types.
  if (x.expr) updateExprType(c, x.expr, defaultType(x.type), true)
  if (y.expr) updateExprType(c, y.expr, defaultType(y.type), true)
  // gc converts both operands to the common type: the concrete side of a mixed comparison goes into an interface.
  if (!switchCase && x.mode !== 'nil' && y.mode !== 'nil') {
    const common = assignableTo(x, y.type) ? y.type : x.type
    recordIfaceConversion(c, x.expr, x.type, common)
    recordIfaceConversion(c, y.expr, y.type, common)
  }
  return { mode: 'value', type: Typ.untypedBool, expr: x.expr }
}

function incomparableCause(t: Type): string {
  const u = under(t)
  if (u.kind === 'slice' || u.kind === 'signature' || u.kind === 'map') return `${compositeKind(t)} can only be compared to nil`
  if (u.kind === 'struct') {
    const f = u.fields.find((f) => !isComparable(f.type))
    return f ? `struct containing ${ts(f.type)} cannot be compared` : ''
  }
  if (u.kind === 'array') return `${ts(t)} cannot be compared`
  return ''
}

const SHIFT_BOUND = 1023 - 1 + 52

function shift(c: Checker, x: Operand, y: Operand, e: A.Binary | null, op: '<<' | '>>'): Operand {
  const xval = x.mode === 'constant' && x.val ? toInt(x.val) : null
  if (!(isInteger(x.type) || (isUntyped(x.type) && xval !== null))) {
    c.errorOperand(x, `invalid operation: shifted operand ${c.str(x)} must be integer`)
    return invalidOperand(x.expr)
  }
  let yval: bigint | null = null
  if (y.mode === 'constant' && y.val) {
    yval = toInt(y.val)
    if (yval !== null && yval < 0n) {
      c.errorOperand(y, `invalid operation: negative shift count ${c.str(y)}`)
      return invalidOperand(x.expr)
    }
    if (isUntyped(y.type)) {
      checkRepresentable(c, y, Typ.uint)
      if (isInvalid(y)) return invalidOperand(x.expr)
      // gc's typecheck gives the count a type (DefaultLit to uint; a rune stays int32).
      if (y.expr) c.info.shiftCounts.set(unparen(y.expr), y.type.kind === 'basic' && y.type.basic === 'untyped rune' ? Typ.int32 : Typ.uint)
    }
  } else if (isInteger(y.type)) {
    // signed shift counts are fine since Go 1.13
  } else if (isUntyped(y.type)) {
    convertUntyped(c, y, Typ.uint)
    if (y.mode === 'invalid') return invalidOperand(x.expr)
  } else {
    c.errorOperand(y, `invalid operation: shift count ${c.str(y)} must be integer`)
    return invalidOperand(x.expr)
  }

  if (x.mode === 'constant') {
    if (y.mode === 'constant') {
      if (yval === null || yval > BigInt(SHIFT_BOUND)) {
        c.errorOperand(y, `invalid operation: invalid shift count ${c.str(y)}`)
        return invalidOperand(x.expr)
      }
      const type = isInteger(x.type) ? x.type : Typ.untypedInt
      const r: Operand = { mode: 'constant', type, val: { kind: 'int', value: constShift(xval!, op, Number(yval)) }, expr: e }
      if (e) overflow(c, r, opPos(e, c.text))
      return r
    }
    if (isUntyped(x.type)) {
      // 1 << s: the constant takes the type the whole shift gets from its context.
      const u = x.expr ? c.untyped.get(x.expr) : undefined
      if (u) u.isLhs = true
      return { mode: 'value', type: x.type, expr: e }
    }
  }
  if (!isInteger(x.type)) {
    c.errorOperand(x, `invalid operation: shifted operand ${c.str(x)} must be integer`)
    return invalidOperand(x.expr)
  }
  return { mode: 'value', type: x.type, expr: e }
}
