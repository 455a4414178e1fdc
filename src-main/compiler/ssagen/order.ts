// gc's order pass (walk/order.go) copies calls, new, make, append and copy
// out of a statement into temporaries evaluated before it, in evaluation
// order, innermost first. What is left (&T{} and slice literal
// allocations, closure records, `...` arrays, bounds checks) happens after,
// when walk reaches the statement. So in `&T{a: new(int)}` and
// `f(&T{}, g())` the new and g() come first; we evaluate them first.

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { under, type Type } from '../types/types'
import { isAppendOfMake } from './appendslice'
import { isIntrinsicId } from '../types/mathpkgs'
import { lhsIndexCopies } from './lhscopies'
import { noteSliceToName } from './sliceorder'

/**
 * The nodes order hoists out of a statement, in the order it evaluates them,
 * with the slice expressions (sliceorder.ts) and the && and || (each a bool
 * temporary: dcltemps.ts) it orders.
 */
export function hoisted(info: TypeInfo, s: A.Stmt): (A.Call | A.SliceExpr | A.Binary)[] {
  const out: (A.Call | A.SliceExpr | A.Binary)[] = []
  const visit = (e: A.Expr | null | undefined, top: boolean): void => {
    if (!e) return
    switch (e.kind) {
      case 'FuncLit':
        return // its own statements are ordered when its body is built
      case 'Paren':
        return visit(e.x, top)
      case 'Binary':
        // order's `var r bool; r = x; if r { r = y }`: the temporary comes before x is ordered.
        if (e.op === '&&' || e.op === '||') out.push(e)
        visit(e.x, false)
        // The right of && and || runs conditionally: order keeps its temporaries inside the branch.
        if (e.op !== '&&' && e.op !== '||') visit(e.y, false)
        return
      case 'Unary':
      case 'Star':
      case 'Selector':
        return visit(e.x, false)
      case 'Index':
        visit(e.x, false)
        return visit(e.index, false)
      case 'Slice':
        visit(e.x, false)
        visit(e.low, false)
        visit(e.high, false)
        visit(e.max, false)
        if (top) noteSliceToName(e)
        out.push(e)
        return
      case 'CompositeLit':
        for (const el of e.elts) visit(el.kind === 'KeyValue' ? el.value : el, false)
        return
      case 'KeyValue':
        return visit(e.value, false)
      case 'Call': {
        const ci = info.calls.get(e)
        if (ci?.kind !== 'conversion') visit(e.fun, false)
        // append(s, make([]T, n)...) makes no slice (walk's extendSlice): only n is ordered.
        if (isAppendOfMake(info, e)) {
          visit(e.args[0], false)
          visit((unparenE(e.args[1]!) as A.Call).args[1], false)
        } else if (isRuneCount(info, e)) {
          // len([]rune(s)) becomes countrunes(s): the conversion is never made (order's isRuneCount).
          visit((unparenE(e.args[0]!) as A.Call).args[0], false)
        } else for (const a of e.args) visit(a, false)
        // A call directly assigned or stated is evaluated in place (order leaves `x = f()` alone).
        if (!top && ci && hoists(ci)) out.push(e)
        else if (!top && copiedInPlace(info, e)) out.push(e)
        return
      }
      default:
        return
    }
  }
  switch (s.kind) {
    case 'ExprStmt':
      visit(s.x, true)
      break
    case 'Assign': {
      // `x = f()` stays; `a[i] = f()`, `x, y = f(), g()` and `x += f()` (order's OASOP) copy the calls out.
      const plain = (s.op === '=' || s.op === ':=') && s.rhs.length === 1 && s.lhs.length === 1 && s.lhs[0]!.kind === 'Ident'
      for (const l of s.lhs) if (l.kind !== 'Ident') visit(l, false)
      for (const r of s.rhs) visit(r, plain)
      break
    }
    case 'DeclStmt':
      if (s.decl.kind === 'VarDecl') for (const spec of s.decl.specs) for (const v of spec.values) visit(v, spec.values.length === 1)
      break
    case 'Return':
      for (const r of s.results) visit(r, false)
      break
    case 'Range':
      // order.stmt's ORANGE: the ranged-over expression is ordered like any other (`range f()` copies the call).
      visit(s.x, false)
      break
    default:
      break
  }
  return out
}

/**
 * What else order's expr1 copies into a temporary when it is not assigned
 * straight to a variable: a non-constant len or cap, and []byte(s) or
 * []rune(s) of a string. The temporary holds an SSA value, so we build the
 * value where it is used and only take the temporary's number.
 */
export function copiedInPlace(info: TypeInfo, e: A.Call): boolean {
  const ci = info.calls.get(e)
  if (!ci || info.types.get(e)?.value !== undefined) return false
  if (ci.kind === 'builtin') return ci.id === 'len' || ci.id === 'cap'
  if (ci.kind !== 'conversion' || under(ci.to).kind !== 'slice') return false
  const from = info.types.get(unparenE(e.args[0]!))?.type
  return !!from && isStringType(from)
}

/** len([]rune(s)): walk counts the runes without converting. */
function isRuneCount(info: TypeInfo, e: A.Call): boolean {
  const ci = info.calls.get(e)
  if (ci?.kind !== 'builtin' || ci.id !== 'len') return false
  const x = unparenE(e.args[0]!)
  return x.kind === 'Call' && copiedInPlace(info, x) && info.calls.get(x)?.kind === 'conversion' && isRuneSlice(info.types.get(x)?.type)
}

function isStringType(t: Type): boolean {
  const u = under(t)
  return u.kind === 'basic' && (u.basic === 'string' || u.basic === 'untyped string')
}

function isRuneSlice(t: Type | undefined): boolean {
  if (!t) return false
  const u = under(t)
  if (u.kind !== 'slice') return false
  const e = under(u.elem)
  return e.kind === 'basic' && e.basic === 'int32'
}

/** Whether order has already copied e (not assigned straight to a variable) into a temporary: a call, len, a receive. */
export function orderCopies(info: TypeInfo, e: A.Expr): boolean {
  const x = unparenE(e)
  if (x.kind === 'Unary') return x.op === '<-'
  if (x.kind === 'Slice') return true
  if (x.kind !== 'Call') return false
  const ci = info.calls.get(x)
  return (!!ci && hoists(ci)) || copiedInPlace(info, x)
}

function hoists(ci: NonNullable<ReturnType<TypeInfo['calls']['get']>>): boolean {
  if (ci.kind === 'conversion') return false
  // An intrinsic is still a call to order (OCALLFUNC): copied out like any other.
  if (ci.kind === 'builtin') return isIntrinsicId(ci.id) || ci.id === 'new' || ci.id === 'make' || ci.id === 'append' || ci.id === 'copy'
  return true
}

/** The variables a `var` or `:=` statement declares (in order), which gc declares before ordering its right side. */
export function definedVars(info: TypeInfo, s: A.Stmt): Var[] {
  // `var a, b T` is an ODCL and a zeroing per name, in turn (declStmt): not declared up front.
  const declared = (sp: A.ValueSpec): boolean => sp.values.length > 0 || sp.declOnly === true
  const ids: A.Expr[] = s.kind === 'DeclStmt' && s.decl.kind === 'VarDecl' ? s.decl.specs.filter(declared).flatMap((sp) => sp.names) : s.kind === 'Assign' && s.op === ':=' ? s.lhs : []
  const out: Var[] = []
  for (const id of ids) {
    const v = id.kind === 'Ident' ? info.defs.get(id) : undefined
    if (v?.kind === 'var') out.push(v)
  }
  return out
}

/**
 * What walk builds into a statement's init, after order's copies and before
 * the statement itself reads its operands (and, as a marker, each append of
 * items whose slice walkAppend makes safe first: appenditems.ts): composite literals that become
 * temporaries or allocations (`T{…}` not SSA-able, `&T{…}`, slice
 * literals), closures that capture and method values. In evaluation order,
 * outermost only (walk builds the inner ones while filling the outer), not
 * inside calls order already copied out, and not a literal assigned
 * straight to a variable (built in place) or returned, nor inside a `...`
 * pack (built when the pack's array is filled).
 */
export function walkInits(info: TypeInfo, s: A.Stmt, done: { has(e: A.Expr): boolean }, ssaAble: (e: A.CompositeLit) => boolean, copies?: Set<A.Expr>): A.Expr[] {
  const out: A.Expr[] = []
  const visit = (e: A.Expr | null | undefined): void => {
    if (!e || done.has(e)) return
    switch (e.kind) {
      case 'FuncLit':
        if ((info.functions.get(e)?.captures.length ?? 0) > 0) out.push(e)
        return
      case 'CompositeLit':
        if (info.types.get(e)?.type && (info.implicitAddrLits.has(e) || isSliceLit(info, e) || !ssaAble(e))) out.push(e)
        else for (const el of e.elts) visit(el.kind === 'KeyValue' ? el.value : el)
        return
      case 'Unary':
        if (e.op === '&' && unparenE(e.x).kind === 'CompositeLit') {
          out.push(e)
          return
        }
        return visit(e.x)
      case 'Paren':
        return visit(e.x)
      case 'Binary':
        visit(e.x)
        if (e.op !== '&&' && e.op !== '||') visit(e.y)
        return
      case 'Star':
        return visit(e.x)
      case 'Selector':
        if (info.selections.get(e)?.kind === 'methodValue') {
          out.push(e)
          return
        }
        return visit(e.x)
      case 'Index':
        visit(e.x)
        return visit(e.index)
      case 'Slice':
        visit(e.x)
        visit(e.low)
        visit(e.high)
        return visit(e.max)
      case 'KeyValue':
        return visit(e.value)
      case 'Call': {
        const ci = info.calls.get(e)
        // walkAppend makes the slice appended to safe before it walks the items: the call marks the spot.
        if (ci?.kind === 'builtin' && ci.id === 'append' && !e.ellipsis && e.args.length > 1) out.push(e)
        // A literal called where it is written becomes a direct call (walk's directClosureCall): nothing to build.
        if (ci?.kind !== 'conversion' && !(ci?.kind === 'closure' && unparenE(e.fun) === ci.closure)) visit(e.fun)
        // A `...` pack is a slice literal: its array is zeroed first, then each element is walked and stored.
        const fixed = ci && 'variadic' in ci && ci.variadic.kind === 'pack' ? ci.variadic.from : e.args.length
        for (const a of e.args.slice(0, fixed)) visit(a)
        return
      }
      default:
        return
    }
  }
  // A slice literal's backing array is built into the init even then, in its turn among the others.
  const inPlace = (e: A.Expr): boolean => {
    const x = unparenE(e)
    return x.kind === 'CompositeLit' && !isSliceLit(info, x)
  }
  // walkAssign's safeExpr of `x = y` and `x op= y`: the destination's indices go to temporaries (lhscopies.ts).
  const copyIndices = (lhs: A.Expr): void => {
    for (const i of lhsIndexCopies(info, lhs)) {
      if (done.has(i)) continue
      out.push(i)
      copies?.add(i)
    }
  }
  switch (s.kind) {
    case 'ExprStmt':
      visit(s.x)
      break
    case 'IncDec':
      copyIndices(s.x)
      break
    case 'Assign': {
      for (const l of s.lhs) if (l.kind !== 'Ident') visit(l)
      if (s.lhs.length === 1 && s.rhs.length === 1) copyIndices(s.lhs[0]!)
      const plain = s.rhs.length === 1 && s.lhs.length === 1 && s.lhs[0]!.kind === 'Ident'
      for (const r of s.rhs) if (!(plain && inPlace(r))) visit(r)
      break
    }
    case 'DeclStmt':
      if (s.decl.kind === 'VarDecl') for (const spec of s.decl.specs) for (const v of spec.values) if (!inPlace(v)) visit(v)
      break
    case 'Return':
      for (const r of s.results) if (!inPlace(r)) visit(r)
      break
    default:
      break
  }
  return out
}

/** A slice literal: walk builds its backing array into the statement's init like any allocation. */
function isSliceLit(info: TypeInfo, e: A.CompositeLit): boolean {
  const t = info.types.get(e)?.type
  return !!t && under(t).kind === 'slice'
}

function unparenE(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}
