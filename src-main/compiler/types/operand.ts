// The result of checking one expression, and how types2 describes it in
// messages: `x (variable of type int)`, `300 (untyped int constant)`,
// `c (constant 3 of int8 type MyInt)`.

import type * as A from '../syntax/ast'
import { constantString, type Constant } from './constant'
import { exprString } from './exprstring'
import type { BuiltinId } from './objects'
import { diagnosticTypeString } from './typestring'
import { isUntyped, isValid, Typ, under, type Type } from './types'

export type OperandMode = 'invalid' | 'novalue' | 'builtin' | 'type' | 'constant' | 'variable' | 'mapindex' | 'value' | 'nil' | 'commaok'

export interface Operand {
  mode: OperandMode
  type: Type
  /** Constants only. */
  val?: Constant
  /** The expression this operand stands for (null for synthesized operands). */
  expr: A.Expr | null
  /** Builtins only. */
  builtin?: BuiltinId
}

export const invalidOperand = (expr: A.Expr | null): Operand => ({ mode: 'invalid', type: Typ.invalid, expr })

const MODE_NAMES: Record<OperandMode, string> = {
  invalid: 'invalid operand',
  novalue: 'no value',
  builtin: 'built-in',
  type: 'type',
  constant: 'constant',
  variable: 'variable',
  mapindex: 'map index expression',
  value: 'value',
  nil: 'nil',
  commaok: 'comma, ok expression',
}

/** "array", "struct", … for composite types; "" for basic ones (types2's compositeKind). */
export function compositeKind(t: Type): string {
  const u = under(t)
  switch (u.kind) {
    case 'basic':
      return ''
    case 'signature':
      return 'func'
    default:
      return u.kind
  }
}

export function operandString(x: Operand): string {
  if (x.mode === 'nil') return x.type.kind === 'basic' && x.type.basic === 'untyped nil' ? 'nil' : `nil (of type ${diagnosticTypeString(x.type)})`
  let expr = ''
  if (x.expr) expr = exprString(x.expr)
  else if (x.mode === 'builtin') expr = x.builtin ?? ''
  else if (x.mode === 'type') expr = diagnosticTypeString(x.type)
  else if (x.mode === 'constant' && x.val) expr = constantString(x.val)

  let s = expr ? `${expr} (` : ''
  let hasType = false
  if (x.mode !== 'invalid' && x.mode !== 'novalue' && x.mode !== 'builtin' && x.mode !== 'type') {
    if (isUntyped(x.type)) s += `${(x.type as { name: string }).name} `
    else hasType = true
  }
  s += MODE_NAMES[x.mode]
  if (x.mode === 'constant' && x.val) {
    const v = constantString(x.val)
    if (v !== expr) s += ` ${v}`
  }
  if (hasType) {
    if (isValid(x.type)) {
      let desc = ''
      if (x.type.kind === 'named') {
        const u = under(x.type)
        desc = (compositeKind(x.type) || (u.kind === 'basic' ? u.name : '')) + ' '
      }
      s += ` of ${desc}type ${diagnosticTypeString(x.type)}`
    } else s += ' with invalid type'
  }
  if (expr) s += ')'
  return s
}

/** x.mode === 'invalid', without TypeScript narrowing x (checks mutate operands). */
export function isInvalid(x: Operand): boolean {
  return x.mode === 'invalid'
}
