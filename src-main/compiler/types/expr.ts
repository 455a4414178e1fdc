// Expressions: the entry points, identifiers, basic literals and unary
// operators. Binary operators are in binary.ts, selectors in selector.ts,
// indexing in indexing.ts, calls in call.ts, composite and function
// literals in literals.ts. Every checked expression is recorded (untyped
// ones once their type is final, see untyped.ts).

import type * as A from '../syntax/ast'
import { isReceive, receive } from './chan'
import { binary } from './binary'
import { callExpr } from './call'
import type { Checker } from './checker'
import { bitLen, makeString, MAX_INT_BITS, parseFloatLit, parseIntLit, parseRuneLit, unaryOp, type Constant } from './constant'
import { objDecl } from './decls'
import { indexExpr, sliceExpr } from './indexing'
import { commaOk } from './maps'
import { compositeLit, funcLit } from './literals'
import { objectKindName, type Var } from './objects'
import { invalidOperand, type Operand } from './operand'
import { opPos } from './positions'
import { selector } from './selector'
import { parseStringLit } from './strings'
import { typeAssert } from './iface'
import { sizeof } from './sizes'
import { typExpr } from './typexpr'
import { isBoolean, isInteger, isNumeric, isTyped, isUnsigned, isValid, pointerTo, Typ, under, type BasicType, type Type } from './types'
import { universeIota } from './universe'
import { checkRepresentable } from './untyped'
import { finiteSize } from './validtype'

/** What an expression can stand for as a statement (types2's exprKind). */
export type ExprKind = 'conversion' | 'expression' | 'statement'

export interface Checked {
  x: Operand
  kind: ExprKind
}

// ---------------------------------------------------------------- entry points

/** Checks e and records it; `hint` is the element type for literals with elided types. */
export function rawExpr(c: Checker, e: A.Expr, hint: Type | null = null): Checked {
  const r = exprInternal(c, e, hint)
  if (r.x.mode !== 'invalid' && r.x.mode !== 'novalue' && c.infiniteTypes.size > 0 && !finiteSize(c, r.x.type)) {
    r.x = { ...r.x, mode: 'invalid', type: Typ.invalid }
  }
  c.record(r.x)
  return r
}

/** A single value (not a type, builtin or call without result). */
export function expr(c: Checker, e: A.Expr): Operand {
  const { x } = rawExpr(c, e)
  exclude(c, x, ['novalue', 'builtin', 'type'])
  singleValue(c, x)
  return x
}

export function exprWithHint(c: Checker, e: A.Expr, hint: Type): Operand {
  const { x } = rawExpr(c, e, hint)
  exclude(c, x, ['novalue', 'builtin', 'type'])
  singleValue(c, x)
  return x
}

/** A value or a type. */
export function exprOrType(c: Checker, e: A.Expr): Operand {
  const { x } = rawExpr(c, e)
  exclude(c, x, ['novalue'])
  singleValue(c, x)
  return x
}

/** One value, or the values of a call with several results (or of a map index, comma-ok, when allowed). */
export function multiExpr(c: Checker, e: A.Expr, allowCommaOk = false): Operand[] {
  const { x } = rawExpr(c, e)
  exclude(c, x, ['novalue', 'builtin', 'type'])
  if (x.mode !== 'invalid' && x.type.kind === 'tuple') return x.type.vars.map((v) => ({ mode: 'value', type: v.type, expr: e }))
  if (allowCommaOk && x.mode === 'mapindex') return commaOk(x)
  if (allowCommaOk && x.mode !== 'invalid' && isReceive(e)) {
    // `v, ok := <-ch`: the receive yields (T, untyped bool).
    c.info.commaOk.add(unparen(e))
    return [x, { mode: 'value', type: Typ.untypedBool, expr: e }]
  }
  return [x]
}

/** Checks a list of expressions; a single call may yield several values. */
export function exprList(c: Checker, list: A.Expr[]): Operand[] {
  if (list.length === 1) return multiExpr(c, list[0]!)
  return list.map((e) => expr(c, e))
}

/** Checks expressions only for their side effects on the checker (after an error). */
export function use(c: Checker, list: (A.Expr | null)[], lhs = false): boolean {
  let ok = true
  for (const e of list) {
    if (!e) continue
    const inner = unparen(e)
    if (inner.kind === 'Ident') {
      if (inner.name === '_') continue
      const v = lhs ? localVar(c, inner.name) : undefined
      const used = v?.used
      const { x } = rawExpr(c, inner)
      if (v) v.used = used!
      if (x.mode === 'invalid') ok = false
      continue
    }
    if (rawExpr(c, e).x.mode === 'invalid') ok = false
  }
  return ok
}

/** Like use, returning the operands (for count-mismatch messages). */
export function useValues(c: Checker, list: A.Expr[]): Operand[] {
  return list.map((e) => rawExpr(c, e).x)
}

function localVar(c: Checker, name: string): Var | undefined {
  const obj = c.lookup(name)
  return obj?.kind === 'var' ? obj : undefined
}

export function unparen(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}

function exclude(c: Checker, x: Operand, modes: Operand['mode'][]): void {
  if (!modes.includes(x.mode)) return
  let msg: string
  switch (x.mode) {
    case 'novalue':
      msg = modes.includes('type') ? `${c.str(x)} used as value` : `${c.str(x)} used as value or type`
      break
    case 'builtin':
      msg = `${c.str(x)} must be called`
      break
    default:
      msg = `${c.str(x)} is not an expression`
  }
  c.errorOperand(x, msg)
  x.mode = 'invalid'
}

export function singleValue(c: Checker, x: Operand): void {
  if (x.mode === 'value' && x.type.kind === 'tuple') {
    c.errorOperand(x, `multiple-value ${c.str(x)} in single-value context`)
    x.mode = 'invalid'
  }
}

// ---------------------------------------------------------------- dispatch

function exprInternal(c: Checker, e: A.Expr, hint: Type | null): Checked {
  const fail = (): Checked => ({ x: invalidOperand(e), kind: 'statement' })
  let x: Operand
  switch (e.kind) {
    case 'BadExpr':
      return fail()
    case 'Ident':
      x = ident(c, e, false)
      break
    case 'BasicLit':
      x = basicLit(c, e)
      break
    case 'FuncLit':
      x = funcLit(c, e)
      break
    case 'CompositeLit':
      x = compositeLit(c, e, hint)
      break
    case 'Paren': {
      const r = rawExpr(c, e.x)
      return { x: { ...r.x, expr: e }, kind: r.kind }
    }
    case 'Selector':
      x = selector(c, e)
      break
    case 'Index':
      x = indexExpr(c, e)
      break
    case 'Slice':
      x = sliceExpr(c, e)
      break
    case 'Star':
      x = star(c, e)
      break
    case 'Unary':
      x = unary(c, e)
      // Receive operations may appear in statement context.
      if (e.op === '<-' && x.mode !== 'invalid') return { x: { ...x, expr: e }, kind: 'statement' }
      break
    case 'Binary':
      x = binary(c, e, e.x, e.y, e.op)
      break
    case 'Call':
      return callExpr(c, e)
    case 'TypeAssert':
      x = typeAssert(c, e)
      break
    case 'TypeExpr':
      x = { mode: 'type', type: typExpr(c, e.type), expr: e }
      if (!isValid(x.type)) x.mode = 'invalid'
      break
    case 'KeyValue':
      c.errorAt(e, 'no key:value expected')
      return fail()
  }
  x.expr = e
  return { x, kind: x.mode === 'invalid' ? 'statement' : 'expression' }
}

// ---------------------------------------------------------------- identifiers

/** Resolves an identifier; `wantType` reports non-types as errors. */
export function ident(c: Checker, e: A.Ident | A.TypeName, wantType: boolean): Operand {
  const x = invalidOperand(e.kind === 'Ident' ? e : null)
  const obj = c.lookup(e.name)
  if (!obj) {
    if (e.name === '_') c.errorAtPos(e.pos, 'cannot use _ as value or type', e.end)
    else c.errorAtPos(e.pos, `undefined: ${e.name}`, e.end)
    return x
  }
  if (obj.kind === 'unsupported') {
    c.unsupported(e.pos, e.end, obj.what)
    return x
  }
  if (obj.kind === 'pkgname') {
    obj.used = true
    c.errorAtPos(e.pos, `use of package ${obj.name} not in selector`, e.end)
    return x
  }
  c.recordUse(e, obj)
  if (obj.kind !== 'typename' && wantType) {
    c.errorAtPos(e.pos, `${obj.name} (${objectKindName(obj)}) is not a type`, e.end)
    if (obj.kind === 'var') obj.used = true
    return x
  }
  objDecl(c, obj)
  switch (obj.kind) {
    case 'const':
      c.addDeclDep(obj)
      if (!isValid(obj.type)) return x
      if (obj === universeIota) {
        if (!c.iota) {
          c.errorAtPos(e.pos, 'cannot use iota outside constant declaration', e.end)
          return x
        }
        return { ...x, mode: 'constant', type: obj.type, val: c.iota }
      }
      return { ...x, mode: 'constant', type: obj.type, val: obj.value }
    case 'typename':
      if (!isValid(obj.type)) return x
      return { ...x, mode: 'type', type: obj.type }
    case 'var':
      obj.used = true
      c.addDeclDep(obj)
      noteCapture(c, obj)
      if (!isValid(obj.type)) return x
      return { ...x, mode: 'variable', type: obj.type }
    case 'func':
      c.addDeclDep(obj)
      return { ...x, mode: 'value', type: obj.type }
    case 'builtin':
      return { ...x, mode: 'builtin', type: Typ.invalid, builtin: obj.id }
    case 'nil':
      return { ...x, mode: 'nil', type: Typ.untypedNil }
    default:
      return x
  }
}

/** A use of an outer function's variable inside a literal: every literal in between captures it. */
function noteCapture(c: Checker, v: Var): void {
  if (!v.owner || !c.fn || v.owner === c.fn.node) return
  for (let f: typeof c.fn | null = c.fn; f && f.node !== v.owner; f = f.parent) {
    if (!f.info.captures.includes(v)) f.info.captures.push(v)
  }
}

// ---------------------------------------------------------------- literals

function basicLit(c: Checker, e: A.BasicLit): Operand {
  const x = invalidOperand(e)
  let val: Constant | null
  let type: BasicType
  switch (e.litKind) {
    case 'int':
      val = parseIntLit(e.raw)
      type = Typ.untypedInt
      break
    case 'float':
      val = parseFloatLit(e.raw)
      type = Typ.untypedFloat
      break
    case 'rune':
      val = parseRuneLit(e.raw)
      type = Typ.untypedRune
      break
    case 'imag':
      c.unsupported(e.pos, e.end, 'complex number')
      return x
    case 'string': {
      const b = parseStringLit(e.raw)
      val = b === null ? null : makeString(b)
      type = Typ.untypedString
      break
    }
  }
  if (!val) {
    c.errorAtPos(e.pos, `malformed constant: ${e.raw}`, e.end)
    return x
  }
  const r: Operand = { mode: 'constant', type, val, expr: e }
  overflow(c, r, e.pos)
  return r
}

/** After constant arithmetic: typed results must fit their type; untyped integers are capped. */
export function overflow(c: Checker, x: Operand, pos: number): void {
  if (isTyped(x.type)) {
    checkRepresentable(c, x, under(x.type) as BasicType)
    return
  }
  if (x.val?.kind === 'int' && bitLen(x.val.value) > MAX_INT_BITS) {
    const op = x.expr ? opName(x.expr) : ''
    c.errorAtPos(pos, `constant ${op ? op + ' ' : ''}overflow`)
    x.mode = 'invalid'
  }
}

function opName(e: A.Expr): string {
  if (e.kind === 'Unary') return e.op === '^' ? 'bitwise complement' : ''
  if (e.kind !== 'Binary') return ''
  const names: Partial<Record<A.BinaryOp, string>> = { '+': 'addition', '-': 'subtraction', '^': 'bitwise XOR', '*': 'multiplication', '<<': 'shift' }
  return names[e.op] ?? ''
}

// ---------------------------------------------------------------- unary

function star(c: Checker, e: A.Star): Operand {
  const x = exprOrType(c, e.x)
  if (x.mode === 'invalid') return x
  if (x.mode === 'type') return { mode: 'type', type: pointerTo(x.type), expr: e }
  const u = under(x.type)
  if (u.kind !== 'pointer') {
    if (isValid(x.type)) c.errorOperand(x, `invalid operation: cannot indirect ${c.str(x)}`)
    return invalidOperand(e)
  }
  return { mode: 'variable', type: u.elem, expr: e }
}

const UNARY_PREDICATES: Record<'+' | '-' | '^' | '!', (t: Type) => boolean> = {
  '+': isNumeric,
  '-': isNumeric,
  '^': isInteger,
  '!': isBoolean,
}

function unary(c: Checker, e: A.Unary): Operand {
  // gc's parser drops parentheses around the operand of &.
  const operand = e.op === '&' ? unparen(e.x) : e.x
  const x = expr(c, operand)
  if (x.mode === 'invalid') return x
  const op = e.op
  if (op === '&') {
    if (operand.kind !== 'CompositeLit' && x.mode !== 'variable') {
      c.errorOperand(x, `invalid operation: cannot take address of ${c.str(x)}`)
      return invalidOperand(e)
    }
    markAddrTaken(c, operand)
    return { mode: 'value', type: pointerTo(x.type), expr: e }
  }
  if (op === '<-') return receive(c, e, x)
  if (!UNARY_PREDICATES[op](x.type)) {
    c.errorOperand(x, `invalid operation: operator ${op} not defined on ${c.str(x)}`)
    return invalidOperand(e)
  }
  if (x.mode === 'constant' && x.val) {
    const bits = isUnsigned(x.type) ? sizeof(x.type) * 8 : 0
    const r: Operand = { mode: 'constant', type: x.type, val: unaryOp(op, x.val, bits), expr: e }
    overflow(c, r, opPos(e, c.text))
    return r
  }
  return { mode: 'value', type: x.type, expr: e }
}

/**
 * Marks the variable whose storage `e` denotes as address-taken: `&x`,
 * `&x.f`, `&a[i]` on arrays, slicing an array, or calling a pointer method.
 */
export function markAddrTaken(c: Checker, e: A.Expr): void {
  const site = e
  for (;;) {
    if (e.kind === 'Paren') e = e.x
    else if (e.kind === 'Selector') {
      const sel = c.info.selections.get(e)
      if (!sel || sel.path.some((s) => s.deref)) return
      e = e.x
    } else if (e.kind === 'Index') {
      const t = c.info.types.get(e.x)?.type
      if (!t || under(t).kind !== 'array') return
      e = e.x
    } else break
  }
  if (e.kind !== 'Ident') return
  const obj = c.info.uses.get(e)
  if (obj?.kind === 'var') {
    obj.addrTaken = true
    c.varMarks.push({ site, v: obj, kind: 'addr' })
  }
}
