// The clearing loop `for i := range a { a[i] = zero }`, as gc 1.26's walk
// replaces it (arrayRangeClear, arrayClear):
//   if len(a) != 0 { hp = &a[0]; hn = len(a)*sizeof(elem); memclr(hp, hn); i = len(a) - 1 }
// with runtime.memclrHasPointers when the element holds pointers, else
// memclrNoHeapPointers. gc's conditions: a key and no value; a body of just
// one plain assignment to an index by the key; the zero value; over a
// slice, the same (safe) expression as ranged over; over an array, a
// pointer to one or a constant count, any array of that many elements; a
// non-zero element size.

import type * as A from '../syntax/ast'
import type { Var } from '../types/objects'
import { under, type Type } from '../types/types'
import { walkCode } from '../syntax/children'
import type { Value } from '../ssa/func'
import { fromGo, ptrTo, results, T } from '../ssa/types'
import { argWidth } from './builder'
import { unparen, type FnBuilder } from './fn'
import { rangeWalkTemps } from './dcltemps'

interface Clear {
  /** The indexed array or slice (or pointer to an array). */
  x: A.Expr
  xt: Type
  at: Extract<Type, { kind: 'array' | 'slice' }>
}

/** gc's arrayRangeClear conditions: what s clears, or null for an ordinary loop. */
function clearOf(b: FnBuilder, s: A.Range): Clear | null {
  const info = b.cx.info
  const blank = (e: A.Expr | null): boolean => !e || (e.kind === 'Ident' && e.name === '_')
  if (blank(s.key) || !blank(s.value) || s.body.stmts.length !== 1) return null
  const st = s.body.stmts[0]!
  if (st.kind !== 'Assign' || st.op !== '=' || st.lhs.length !== 1 || st.rhs.length !== 1) return null
  const lhs = unparen(st.lhs[0]!)
  if (lhs.kind !== 'Index') return null
  const x = lhs.x
  const xt = under(b.typeOf(x))
  // The indexed thing as an array or slice type (a pointer to an array is indexed through it).
  const at = xt.kind === 'pointer' ? under(xt.elem) : xt
  if (at.kind !== 'array' && at.kind !== 'slice') return null
  const rt = under(b.typeOf(s.x))
  const count = info.types.get(s.x)?.value
  const n = count?.kind === 'int' ? Number(count.value) : rt.kind === 'array' ? rt.len : rt.kind === 'pointer' && under(rt.elem).kind === 'array' ? (under(rt.elem) as { len: number }).len : -1
  if (n >= 0) {
    if (at.kind !== 'array' || at.len !== n) return null
  } else if (!sameSafeExpr(b, x, s.x)) return null
  if (!sameSafeExpr(b, lhs.index, s.key!) || !isZero(b, st.rhs[0]!)) return null
  if (fromGo(at.elem).size <= 0) return null
  return { x, xt, at }
}

/**
 * The local variables whose address walk takes for a clear (`&a[0]` of an
 * array, or of an array inside one): gc marks them address-taken, so they
 * live in memory for the whole function.
 */
export function clearedVars(b: FnBuilder, body: A.Block): Set<Var> {
  const out = new Set<Var>()
  walkCode(body, (n) => {
    if (n.kind === 'FuncLit') return false
    if (n.kind !== 'Range') return
    const c = clearOf(b, n)
    if (!c || c.xt.kind !== 'array') return
    let e = unparen(c.x)
    for (;;) {
      if (e.kind === 'Index' && under(b.typeOf(e.x)).kind === 'array') e = unparen(e.x)
      else if (e.kind === 'Selector' && b.cx.info.selections.get(e)?.kind === 'field' && !(b.cx.info.selections.get(e) as { path: { deref: boolean }[] }).path.some((p) => p.deref)) e = unparen(e.x)
      else break
    }
    const o = e.kind === 'Ident' ? b.cx.info.uses.get(e) : undefined
    if (o?.kind === 'var' && o.varKind !== 'global') out.add(o)
  })
  return out
}

/** Build s as a clear when gc would; false (nothing built) when it is an ordinary loop. */
export function rangeClear(b: FnBuilder, s: A.Range): boolean {
  const c = clearOf(b, s)
  if (!c) return false
  const { x, xt, at } = c
  const info = b.cx.info
  rangeWalkTemps(b, 'clear')
  const et = fromGo(at.elem)
  b.pos = b.at(s.pos)
  // len of an array is a constant, but walk still evaluates the array (`_ = a`): through a pointer, a nil check.
  const len = (): Value => {
    if (at.kind === 'slice') return b.v('SliceLen', T.int, [b.expr(x)])
    if (xt.kind === 'pointer') b.nilCheck(b.expr(x))
    else if (throughPointer(b, x)) b.addr(x)
    return b.constInt(T.int, at.len)
  }
  const end = b.newBlock()
  const then = b.newBlock()
  b.branch(b.v('Neq64', T.bool, [len(), b.constInt(T.int, 0)]), then, end, 0)
  b.seal(then)
  b.startBlock(then)
  const base = at.kind === 'slice' ? b.v('SlicePtr', ptrTo(et), [b.expr(x)]) : xt.kind === 'pointer' ? b.nilCheck(b.expr(x)) : b.addr(x)
  const hp = b.v('Copy', T.unsafePointer, [b.v('PtrIndex', ptrTo(et), [base, b.constInt(T.int, 0)])])
  const hn = b.v('Copy', T.uintptr, [b.v('Mul64', T.int, [len(), b.constInt(T.int, et.size)])])
  const fn = `runtime.${et.hasPointers ? 'memclrHasPointers' : 'memclrNoHeapPointers'}`
  const call = b.v('StaticLECall', results([T.mem]), [hp, hn, b.mem], BigInt(argWidth([T.unsafePointer, T.uintptr])), { kind: 'call', fn })
  b.callResults(call, [])
  // The key ends where the loop would have left it.
  const key = unparen(s.key!)
  const keyVar = key.kind === 'Ident' ? ((s.define ? info.defs.get(key) : info.uses.get(key)) as Var) : null
  const kt = fromGo(keyVar ? keyVar.type : b.typeOf(key))
  const last = b.v('Sub64', T.int, [len(), b.constInt(T.int, 1)])
  const kv = kt === T.int ? last : b.convert(last, T.int, kt, key)
  if (keyVar) {
    b.declareIf(s.define, keyVar)
    b.setVar(keyVar, kv)
  } else b.assignTo(key, () => kv)
  b.jump(end)
  b.seal(end)
  b.startBlock(end)
  return true
}

/** Whether reaching e dereferences a pointer (`*p`, `p.f` with p a pointer, `p[i]` with p a pointer to an array). */
function throughPointer(b: FnBuilder, e: A.Expr): boolean {
  e = unparen(e)
  switch (e.kind) {
    case 'Star':
      return true
    case 'Selector': {
      const sel = b.cx.info.selections.get(e)
      return (sel?.kind === 'field' && sel.path.some((p) => p.deref)) || throughPointer(b, e.x)
    }
    case 'Index':
      return under(b.typeOf(e.x)).kind === 'pointer' || (under(b.typeOf(e.x)).kind === 'array' && throughPointer(b, e.x))
    default:
      return false
  }
}

/** ir.SameSafeExpr: the same variable, or the same path of fields, dereferences and indices from it. */
export function sameSafeExpr(b: FnBuilder, l: A.Expr, r: A.Expr): boolean {
  l = unparen(l)
  r = unparen(r)
  const info = b.cx.info
  const lc = info.types.get(l)?.value
  const rc = info.types.get(r)?.value
  if (lc !== undefined || rc !== undefined) return lc !== undefined && rc !== undefined && lc.kind === rc.kind && String(lc.value) === String(rc.value)
  if (l.kind !== r.kind) return false
  switch (l.kind) {
    case 'Ident': {
      const o = info.uses.get(l) ?? info.defs.get(l)
      return o !== undefined && o.kind === 'var' && o === (info.uses.get(r as A.Ident) ?? info.defs.get(r as A.Ident))
    }
    case 'Star':
      return sameSafeExpr(b, l.x, (r as A.Star).x)
    case 'Selector': {
      const ls = info.selections.get(l)
      const rs = info.selections.get(r as A.Selector)
      if (ls?.kind !== 'field' || rs?.kind !== 'field' || ls.path.length !== rs.path.length) return false
      return ls.path.every((p, i) => p.field === rs.path[i]!.field && p.deref === rs.path[i]!.deref) && sameSafeExpr(b, l.x, (r as A.Selector).x)
    }
    case 'Index':
      return sameSafeExpr(b, l.x, (r as A.Index).x) && sameSafeExpr(b, l.index, (r as A.Index).index)
    default:
      return false
  }
}

/** ir.IsZero: a zero constant, nil, or an array or struct literal of zeros. */
export function isZero(b: FnBuilder, e: A.Expr): boolean {
  e = unparen(e)
  if (b.isZeroConst(e)) return true
  if (e.kind === 'Ident') return b.cx.info.uses.get(e)?.kind === 'nil'
  if (e.kind !== 'CompositeLit') return false
  const k = under(b.typeOf(e)).kind
  return (k === 'array' || k === 'struct') && e.elts.every((el) => isZero(b, el.kind === 'KeyValue' ? el.value : el))
}
