// Assignability and the assignment forms: `=`, `:=`, op=, variable and
// constant initialisation, and return values (which types2 treats as
// assignments to the result variables).

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { declare } from './decls'
import { expr, multiExpr, singleValue, unparen, use, useValues } from './expr'
import { exprString } from './exprstring'
import { newVar, type ConstObj, type Var } from './objects'
import { isInvalid, type Operand } from './operand'
import { assignOpPos, startPos } from './positions'
import { noteStaticFunc } from './staticfuncs'
import { diagnosticTypeString as ts } from './typestring'
import {
  defaultType, hasName, identical, isNumeric, isTyped, isUntyped, isValid, Typ, under, type BasicType, type Type,
} from './types'
import { commaOkValues, implementsCause, implementsIface, recordIfaceConversion } from './iface'
import { applyImplicit, implicitTypeAndValue } from './untyped'

/** Whether x can be assigned to a variable of type t (interfaces and channels are not in the subset). */
export function assignableTo(x: Operand, t: Type): boolean {
  if (x.mode === 'invalid' || !isValid(t)) return true
  if (identical(x.type, t)) return true
  if (isUntyped(x.type)) return !('problem' in implicitTypeAndValue(x, t))
  if (under(t).kind === 'interface') return implementsIface(x.type, t)
  if (identical(under(x.type), under(t)) && (!hasName(x.type) || !hasName(t))) return true
  // A bidirectional channel value is assignable to a directional channel type of the same element type.
  const vu = under(x.type)
  const tu = under(t)
  return vu.kind === 'chan' && vu.dir === 'both' && tu.kind === 'chan' && identical(vu.elem, tu.elem) && (!hasName(x.type) || !hasName(t))
}

/**
 * Checks that x can be assigned to type t (null: x takes its default type)
 * in `context` ("assignment", "argument to f", …), converting untyped x.
 */
export function assignment(c: Checker, x: Operand, t: Type | null, context: string): void {
  singleValue(c, x)
  switch (x.mode) {
    case 'invalid':
      return
    case 'nil':
    case 'constant':
    case 'variable':
    case 'mapindex':
    case 'value':
    case 'commaok':
      break
    default:
      c.errorOperand(x, `cannot assign ${c.str(x)} to ${t ? ts(t) : '<nil>'} in ${context}`)
      x.mode = 'invalid'
      return
  }
  if (isUntyped(x.type)) {
    let target = t
    if (x.mode === 'nil') {
      if (!t) {
        c.errorOperand(x, `use of untyped nil in ${context}`)
        x.mode = 'invalid'
        return
      }
    } else if (!t || under(t).kind === 'interface') target = defaultType(x.type) // types2: the default type goes into the interface
    const r = implicitTypeAndValue(x, target!)
    if ('problem' in r) {
      let msg = `cannot use ${c.str(x)} as ${ts(target!)} value in ${context}`
      if (r.problem === 'truncated') msg += ' (truncated)'
      else if (r.problem === 'overflows') msg += ' (overflows)'
      c.errorOperand(x, msg)
      x.mode = 'invalid'
      return
    }
    applyImplicit(c, x, r)
    if (x.mode === 'nil') x.mode = 'value'
  }
  if (!t) return
  if (!assignableTo(x, t)) {
    const cause = assignCause(x.type, t)
    c.errorOperand(x, `cannot use ${c.str(x)} as ${ts(t)} value in ${context}${cause ? ': ' + cause : ''}`)
    x.mode = 'invalid'
    return
  }
  recordIfaceConversion(c, x.expr, x.type, t)
}

/** types2's cause after `cannot use x as T value in …`, for interfaces. */
function assignCause(v: Type, t: Type): string | null {
  if (under(t).kind === 'interface') return isValid(v) && isTyped(v) ? implementsCause(v, t) : null
  if (under(v).kind === 'interface') return 'need type assertion'
  return null
}

export function initConst(c: Checker, lhs: ConstObj, x: Operand, typeKnown: boolean): void {
  if (x.mode === 'invalid' || !isValid(x.type) || (typeKnown && !isValid(lhs.type))) {
    if (!typeKnown) lhs.type = Typ.invalid
    return
  }
  if (x.mode !== 'constant') {
    c.errorOperand(x, `${c.str(x)} is not constant`)
    if (!typeKnown) lhs.type = Typ.invalid
    return
  }
  if (!typeKnown) lhs.type = x.type
  assignment(c, x, lhs.type, 'constant declaration')
  if (isInvalid(x) || !x.val) return
  lhs.value = x.val
}

/** Initialises v with x; v's type is inferred from x when `typeKnown` is false. */
export function initVar(c: Checker, v: Var, x: Operand, context: string, typeKnown: boolean): void {
  if (x.mode === 'invalid' || !isValid(x.type) || (typeKnown && !isValid(v.type))) {
    if (!typeKnown) v.type = Typ.invalid
    x.mode = 'invalid'
    return
  }
  if (!typeKnown) {
    let t = x.type
    if (isUntyped(t)) {
      if (x.mode === 'nil') {
        c.errorOperand(x, `use of untyped nil in ${context}`)
        v.type = Typ.invalid
        x.mode = 'invalid'
        return
      }
      t = defaultType(t)
    }
    v.type = t
  }
  assignment(c, x, v.type, context)
}

/** The type of assignment target `lhs` (null for `_`); marks variables reassigned, not used. */
function lhsVar(c: Checker, lhs: A.Expr): Type | null {
  const id = unparen(lhs)
  if (id.kind === 'Ident' && id.name === '_') {
    c.recordDef(id, null)
    return null
  }
  let v: Var | undefined
  let wasUsed = false
  if (id.kind === 'Ident') {
    const obj = c.lookup(id.name)
    if (obj?.kind === 'var') {
      v = obj
      wasUsed = obj.used
    }
  }
  const x = expr(c, lhs)
  if (v) {
    v.used = wasUsed // assigning to a variable does not use it
    v.reassigned = true
    c.varMarks.push({ site: lhs, v, kind: 'reassign' })
  }
  if (x.mode === 'invalid' || !isValid(x.type)) return Typ.invalid
  if (x.mode === 'mapindex') return x.type
  if (x.mode !== 'variable') {
    if (isMapField(c, lhs)) {
      c.errorAt(lhs, `cannot assign to struct field ${exprString(lhs)} in map`)
      return Typ.invalid
    }
    c.errorOperand(x, `cannot assign to ${exprString(lhs)} (neither addressable nor a map index expression)`)
    return Typ.invalid
  }
  return x.type
}

/** `lhs = rhs` (x already checked, or rhs still to check). */
export function assignVar(c: Checker, lhs: A.Expr, rhs: A.Expr | null, x: Operand | null, context: string): void {
  const t = lhsVar(c, lhs)
  if (t && !isValid(t)) {
    if (x) x.mode = 'invalid'
    else if (rhs) use(c, [rhs])
    return
  }
  if (!x) x = expr(c, rhs!)
  if (!t && context === 'assignment') context = 'assignment to _ identifier'
  assignment(c, x, t, context)
}

/** `m[k].f` (types2 names it when refusing an assignment to it). */
function isMapField(c: Checker, e: A.Expr): boolean {
  const s = unparen(e)
  if (s.kind !== 'Selector') return false
  const x = unparen(s.x)
  return x.kind === 'Index' && c.info.types.get(x)?.mode === 'mapindex'
}

const isCall = (list: A.Expr[]): boolean => list.length === 1 && unparen(list[0]!).kind === 'Call'

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}

function assignError(c: Checker, rhs: A.Expr[], l: number, r: number): void {
  const vars = plural(l, 'variable')
  const vals = plural(r, 'value')
  const rhs0 = rhs[0]!
  const call = unparen(rhs0)
  if (rhs.length === 1 && call.kind === 'Call') c.errorAt(rhs0, `assignment mismatch: ${vars} but ${exprString(call.fun)} returns ${vals}`)
  else c.errorAt(rhs0, `assignment mismatch: ${vars} but ${vals}`)
}

/** `have (number, bool)` / `want (int, ...int)` in count mismatches. */
export function typesSummary(types: Type[], variadic: boolean, hasDots: boolean): string {
  const parts = types.map((t, i) => {
    let s: string
    if (!isValid(t)) s = 'unknown type'
    else if (isUntyped(t)) s = isNumeric(t) ? 'number' : (t as BasicType).name.replace('untyped ', '')
    else s = ts(t)
    if (i === types.length - 1) {
      if (variadic) s = '...' + (t.kind === 'slice' ? ts(t.elem) : s) // the element type, even if invalid
      else if (hasDots) s += '...'
    }
    return s
  })
  return `(${parts.join(', ')})`
}

function returnError(c: Checker, ret: A.Return, lhs: Var[], rhs: Operand[]): void {
  const l = lhs.length
  const r = rhs.length
  let at: A.Expr | null = null
  let qualifier = 'not enough'
  if (r > l) {
    at = rhs[l]!.expr
    qualifier = 'too many'
  } else if (r > 0) at = rhs[r - 1]!.expr
  const pos = at ? startPos(at, c.text) : ret.pos
  c.errorParts(pos, at?.end ?? ret.end, [
    { msg: `${qualifier} return values` },
    { msg: `have ${typesSummary(rhs.map((x) => x.type), false, false)}` },
    { msg: `want ${typesSummary(lhs.map((v) => v.type), false, false)}` },
  ])
}

/** `var a, b = …`, `a, b := …` and `return …`: initialise new (or result) variables. */
export function initVars(c: Checker, lhs: Var[], rhs: A.Expr[], ret: A.Return | null, typeKnown: boolean[]): void {
  const context = ret ? 'return statement' : 'assignment'
  const l = lhs.length
  let r = rhs.length
  const known = (i: number) => typeKnown[i] ?? false
  if (l === r && !isCall(rhs)) {
    lhs.forEach((v, i) => initVar(c, v, expr(c, rhs[i]!), context, known(i)))
    return
  }
  const invalidate = () => lhs.forEach((v, i) => !known(i) && (v.type = Typ.invalid))
  if (r !== 1) {
    const values = useValues(c, rhs)
    if (values.every((x) => x.mode !== 'invalid')) {
      if (ret) returnError(c, ret, lhs, values)
      else assignError(c, rhs, l, r)
    }
    invalidate()
    return
  }
  const values = (l === 2 ? commaOkValues(c, rhs[0]!) : null) ?? multiExpr(c, rhs[0]!, l === 2 && !ret)
  r = values.length
  if (l === r) {
    // types2 checks a comma-ok pair as an assignment, even in a declaration.
    const ctx = values[0]!.mode === 'mapindex' ? 'assignment' : context
    lhs.forEach((v, i) => initVar(c, v, values[i]!, ctx, known(i)))
    return
  }
  if (values[0]!.mode !== 'invalid') {
    if (ret) returnError(c, ret, lhs, values)
    else assignError(c, rhs, l, r)
  }
  invalidate()
}

/** `a, b = x, y` and `a, b = f()`. */
export function assignVars(c: Checker, lhs: A.Expr[], rhs: A.Expr[]): void {
  const l = lhs.length
  let r = rhs.length
  if (l === r && !isCall(rhs)) {
    lhs.forEach((e, i) => assignVar(c, e, rhs[i]!, null, 'assignment'))
    return
  }
  if (r !== 1) {
    const okLhs = use(c, lhs, true)
    const okRhs = use(c, rhs)
    if (okLhs && okRhs) assignError(c, rhs, l, r)
    return
  }
  const values = (l === 2 ? commaOkValues(c, rhs[0]!) : null) ?? multiExpr(c, rhs[0]!, l === 2)
  r = values.length
  if (l === r) {
    lhs.forEach((e, i) => assignVar(c, e, null, values[i]!, 'assignment'))
    return
  }
  if (values[0]!.mode !== 'invalid') assignError(c, rhs, l, r)
  use(c, lhs, true)
}

/** `a, b := …`: at least one new variable; the others are assigned. */
export function shortVarDecl(c: Checker, s: A.Assign): void {
  const scope = c.scope
  const seen = new Set<string>()
  const lhsVars: (Var | null)[] = []
  const newVars: Var[] = []
  const idents: (A.Ident | null)[] = []
  const existing = new Set<Var>()
  let hasErr = false
  for (const e of s.lhs) {
    if (e.kind !== 'Ident') {
      use(c, [e], true)
      c.errorAt(e, `non-name ${exprString(e)} on left side of :=`)
      hasErr = true
      lhsVars.push(null)
      idents.push(null)
      continue
    }
    const name = e.name
    if (name !== '_') {
      if (seen.has(name)) {
        c.errorAt(e, `${name} repeated on left side of :=`)
        hasErr = true
        lhsVars.push(null)
        idents.push(null)
        continue
      }
      seen.add(name)
    }
    const alt = scope.lookupLocal(name)
    if (alt && name !== '_') {
      c.recordUse(e, alt)
      if (alt.kind === 'var') {
        alt.reassigned = true
        c.varMarks.push({ site: e, v: alt, kind: 'reassign' })
        existing.add(alt)
        lhsVars.push(alt)
      } else {
        c.errorAt(e, `cannot assign to ${name}`)
        hasErr = true
        lhsVars.push(null)
      }
      idents.push(null)
      continue
    }
    const v = newVar(name, e.pos, 'local', Typ.invalid, c.fn?.node ?? null)
    lhsVars.push(v)
    idents.push(e)
    if (name !== '_') newVars.push(v)
    c.recordDef(e, v)
  }
  const vars = lhsVars.map((v, i) => v ?? newVar('_', s.lhs[i]!.pos, 'local', Typ.invalid, c.fn?.node ?? null))
  // Existing variables keep their types; new ones take the values' types.
  const typeKnown = vars.map((v) => existing.has(v))
  initVars(c, vars, s.rhs, null, typeKnown)
  if (s.rhs.length === 1 && vars.length === 1 && newVars.length === 1) noteStaticFunc(c, newVars[0]!, s.rhs[0]!)
  idents.forEach((id, i) => {
    if (id && id.name !== '_') declare(c, c.scope, id, vars[i]!)
  })
  if (newVars.length === 0 && !hasErr) c.errorAtPos(assignOpPos(s, c.text), 'no new variables on left side of :=')
}

