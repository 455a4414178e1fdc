// Temporaries gc declares that hold SSA values (or nothing at all) in our
// construction. Each still takes a number in the function's Dcl and so
// shifts the `.autotmp_N` name of every later temporary and spill slot
// (autotmps.ts): we only take their numbers, in the phase gc makes them.
//
// Range loops:
//   - order (walk/order.go, ORANGE) copies the ranged-over value when the
//     loop reads it more than once: a string, a channel, a map, a slice or
//     array (or pointer to one) whose element values are read; a map also
//     gets its iterator, a zeroed order temporary;
//   - walk (walk/range.go) declares the loop's hidden variables: hv1 and hn
//     for an integer, slice or array; hu and hp as well when the elements are
//     walked by pointer (cheapComputableIndex); hv1, hv1t and hv2 for a
//     string; hp and hn for a loop rewritten into memclr (arrayClear).
// Map stores (`m[k] = v`, `m[k] op= v`, map literals, a map made on the stack):
//   - order's safeMapRHS copies a value that is not cheap (a name or a
//     constant) so it is computed before the insert starts;
//   - walkAssign's safeExpr keeps mapassign's element pointer in a
//     temporary, once per store;
//   - maplit (walk/complit.go) declares tmpkey and tmpelem for the constant
//     entries (or the index i of its loop over static arrays past 25);
//   - walkMakeMap's stores into the map and group it puts on the stack go
//     through pointer temporaries.

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { identical, under } from '../types/types'
import type { Value } from '../ssa/func'
import { canSSA, ptrTo, T, type SsaType } from '../ssa/types'
import { unparen, type FnBuilder } from './fn'
import { orderCopies } from './order'

export type RangeWalk = 'int' | 'slice' | 'slicePtr' | 'string' | 'clear'

const WALK_TEMPS: Record<RangeWalk, number> = { int: 2, slice: 2, slicePtr: 4, string: 3, clear: 2 }

/** order's copy of the ranged-over value into a temporary of type t (pooled by type like its other copies). */
export function rangeOrderCopy(b: FnBuilder, t: SsaType): void {
  b.reserveOrderTemp(t)
}

/** walk's hidden loop variables for a range of this kind. */
export function rangeWalkTemps(b: FnBuilder, kind: RangeWalk): void {
  for (let i = 0; i < WALK_TEMPS[kind]; i++) b.reserveTemp()
}

/** order's zeroed temporary (newTemp with clear): a map range's iterator. Its address. */
export function orderZeroedTemp(b: FnBuilder, t: SsaType): Value {
  const name = b.orderTemp(t, true)
  if (t.hasPointers) b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name })
  const a = b.v('LocalAddr', ptrTo(t), [b.sp, b.mem], 0n, { kind: 'sym', name })
  b.zeroMem(t, a)
  return a
}

/**
 * The stack object of a transient closure, method value or slice literal
 * (escape analysis: it lives only during its statement): order preallocates
 * it (Prealloc, pooled by type like its other temporaries) and walk zeroes
 * it as it would its own stack temporary (initStackTemp).
 */
export function orderStackTemp(b: FnBuilder, t: SsaType): Value {
  const name = b.orderTemp(t, true)
  if (t.hasPointers) b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name })
  const a = b.v('LocalAddr', ptrTo(t), [b.sp, b.mem], 0n, { kind: 'sym', name })
  if (canSSA(t)) b.store(t, a, b.zero(t))
  else b.zeroMem(t, a)
  return a
}

/**
 * order's OANDAND and OOROR: `x && y` becomes `r = x; if r { r = y }` with r
 * a bool temporary of its own (pooled), held while the statement is.
 */
export function andOrTemp(b: FnBuilder): void {
  b.reserveOrderTemp(T.bool)
}

/** order's cheapExpr: a name or a constant needs no copy, nor a value order already copied into a temporary. */
export function orderCheap(info: TypeInfo, e: A.Expr): boolean {
  const x = unparen(e)
  return x.kind === 'Ident' || info.types.get(x)?.value !== undefined || orderCopies(info, x)
}

/**
 * The value stored by `m[k] = v` or `m[k] op= v`: order's safeMapRHS copy
 * when it is not cheap. A map or slice literal is then built straight into
 * that temporary (walk's oaslit), not into walkCompLit's.
 */
export function mapStoreValue(b: FnBuilder, v: A.Expr, t: SsaType): void {
  if (orderCheap(b.cx.info, v)) return
  b.reserveOrderTemp(t)
  const lit = unparen(v)
  if (lit.kind === 'CompositeLit') inPlaceMapLits.add(lit)
}

/** walkAssign's safeExpr of `*mapassign(…)`: the element pointer's temporary. */
export function mapAssignTemp(b: FnBuilder): void {
  b.reserveTemp()
}

/**
 * walkAssign's safeExpr of `(&tmp).f = v`, a store walk itself writes into a
 * stack temporary (walkMakeMap's m.dirPtr, g.ctrl, m.seed): &tmp is no name,
 * so it is copied into a pointer temporary.
 */
export function fieldStoreTemp(b: FnBuilder): void {
  b.reserveTemp()
}

/**
 * walkCompLit's temporary for `&T{…}` (OPTRLIT, which oaslit never builds in
 * place), and so for the record of a closure or method value, which walk
 * builds as one: the pointer, made before the object it points to.
 */
export function ptrLitTemp(b: FnBuilder): void {
  b.reserveTemp()
}

/** maplit's tmpkey and tmpelem, declared even for no entry (or past 25 entries its loop index, then the loop's one store). */
export function mapLiteralTemps(b: FnBuilder, statics: number): void {
  if (statics > 25) {
    b.reserveTemp()
    mapAssignTemp(b)
    return
  }
  b.reserveTemp()
  b.reserveTemp()
}

/**
 * Map and slice literals walk builds straight into their variable (oaslit):
 * the right side of `x = lit`, `x := lit`, `var x = lit` or a returned
 * literal, where x is a local on the stack whose address is never taken and
 * of the very type of the literal. Any other is built into walkCompLit's
 * temporary first.
 */
const inPlaceMapLits = new WeakSet<A.CompositeLit>()

export function noteMapLitsInPlace(b: FnBuilder, s: A.Stmt): void {
  const info = b.cx.info
  const note = (lhs: Var | undefined, rhs: A.Expr): void => {
    const lit = unparen(rhs)
    if (!lhs || lit.kind !== 'CompositeLit' || (under(lhs.type).kind !== 'map' && under(lhs.type).kind !== 'slice')) return
    const lt = info.types.get(lit)?.type
    if (!lt || !identical(lt, lhs.type) || lhs.addrTaken || b.home(lhs).kind === 'heap' || lhs.owner !== (b.unit.decl ?? b.unit.lit)) return
    inPlaceMapLits.add(lit)
  }
  const varOf = (e: A.Expr): Var | undefined => {
    const x = unparen(e)
    if (x.kind !== 'Ident') return undefined
    const v = info.defs.get(x) ?? info.uses.get(x)
    return v?.kind === 'var' ? v : undefined
  }
  // `m[k] = lit`: order's safeMapRHS copies the literal into a temporary of its own type first (mapStoreValue).
  const toMap = (l: A.Expr, rhs: A.Expr): void => {
    const x = unparen(l)
    const lit = unparen(rhs)
    if (x.kind === 'Index' && under(b.typeOf(x.x)).kind === 'map' && lit.kind === 'CompositeLit') inPlaceMapLits.add(lit)
  }
  if (s.kind === 'Assign' && s.op === '=' && s.lhs.length === 1 && s.rhs.length === 1) toMap(s.lhs[0]!, s.rhs[0]!)
  if (s.kind === 'Assign' && (s.op === '=' || s.op === ':=') && s.lhs.length === s.rhs.length) s.lhs.forEach((l, i) => note(varOf(l), s.rhs[i]!))
  else if (s.kind === 'DeclStmt' && s.decl.kind === 'VarDecl') {
    for (const spec of s.decl.specs) if (spec.names.length === spec.values.length) spec.names.forEach((n, i) => note(varOf(n), spec.values[i]!))
  } else if (s.kind === 'Return' && s.results.length === b.results.length) s.results.forEach((r, i) => note(b.results[i], r))
}

/** walk copies the literal into a temporary of its own type (cheapExpr): it is built straight into it. */
export function literalIntoCopy(e: A.Expr): void {
  const lit = unparen(e)
  if (lit.kind === 'CompositeLit') inPlaceMapLits.add(lit)
}

/** A slice literal's walkCompLit temporary (the slice) unless it is built in place. */
export function sliceLiteralTarget(b: FnBuilder, e: A.CompositeLit): void {
  if (!inPlaceMapLits.has(e)) b.reserveTemp()
}

/**
 * A map literal's temporaries before its entries are stored: order's copy
 * of the whole map when an entry is not constant (it then stores those
 * entries one by one), else walkCompLit's unless it is built in place.
 */
export function mapLiteralTarget(b: FnBuilder, e: A.CompositeLit, dynamic: boolean, t: SsaType): void {
  if (dynamic) b.reserveOrderTemp(t)
  else if (!inPlaceMapLits.has(e)) b.reserveTemp()
}
