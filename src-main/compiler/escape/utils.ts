// Small facts escape analysis asks of types and expressions (gc's
// escape/utils.go and the helpers around it): whether a type holds pointers,
// gc's position of an expression, and isSelfAssign with its helpers.

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { under, type Signature, type Type } from '../types/types'
import { stripParens } from './gcfmt'
import { tokenAfter } from '../types/positions'

const hasPointersCache = new WeakMap<object, boolean>()

export function hasPointers(t: Type): boolean {
  const cached = hasPointersCache.get(t)
  if (cached !== undefined) return cached
  const u = under(t)
  let r: boolean
  switch (u.kind) {
    case 'pointer':
    case 'slice':
    case 'signature':
    case 'map':
    case 'interface':
    case 'chan':
      r = true
      break
    case 'array':
      r = u.len > 0 && hasPointers(u.elem)
      break
    case 'struct':
      r = u.fields.some((f) => hasPointers(f.type))
      break
    case 'basic':
      r = u.basic === 'string' || u.basic === 'unsafe.Pointer' // a string's data pointer
      break
    default:
      r = false
  }
  hasPointersCache.set(t, r)
  return r
}

export const isUntyped = (t: Type) => t.kind === 'basic' && t.basic.startsWith('untyped')

/** Receiver then parameters: gc's RecvParams. */
export const recvParams = (sig: Signature): Var[] => (sig.recv ? [sig.recv, ...sig.params] : sig.params)

/** gc's syntax positions for our nodes: `.` of a selector, `[` of an index, `(` of a call, `{` of a literal. */
export function gcPos(e: A.Expr, text: string): number {
  e = stripParens(e)
  switch (e.kind) {
    case 'CompositeLit':
      return e.type ? tokenAfter(text, e.type.end) : e.pos
    case 'Selector':
    case 'Index':
    case 'Slice':
      return tokenAfter(text, e.x.end)
    case 'Binary':
      return e.opPos
    case 'Call':
      return e.lparen
    case 'TypeAssert':
      // syntax.AssertExpr is positioned at its dot.
      return e.dot >= 0 ? e.dot : e.pos
    default:
      return e.pos
  }
}


/** gc's isSelfAssign: `x.f = x.g`, `a[i] = a[j]` and `p.s = p.s[1:]` store nothing new. */
export function isSelfAssign(info: TypeInfo, dst: A.Expr, src: A.Expr): boolean {
  dst = stripParens(dst)
  src = stripParens(src)
  if (isSliceSelfAssign(info, dst, src)) return true
  const op = (e: A.Expr) => exprOp(info, e)
  if (op(dst) !== op(src)) return false
  switch (op(dst)) {
    case 'DOT':
    case 'DOTPTR':
      return sameSafeExpr(info, selectorBase(info, dst as A.Selector), selectorBase(info, src as A.Selector))
    case 'INDEX': {
      const d = dst as A.Index
      const s = src as A.Index
      if (mayAffectMemory(info, d.index) || mayAffectMemory(info, s.index)) return false
      return sameSafeExpr(info, d.x, s.x)
    }
    default:
      return false
  }
}

/** The operand of the outermost dot of a field selector (x.a for x.a.b; x for promoted fields through their path). */
function selectorBase(info: TypeInfo, e: A.Selector): A.Expr | { path: A.Selector; upto: number } {
  const s = info.selections.get(e)
  if (s?.kind === 'field' && s.path.length > 1) return { path: e, upto: s.path.length - 1 }
  return e.x
}

function exprOp(info: TypeInfo, e: A.Expr): string {
  e = stripParens(e)
  if (info.types.get(e)?.value) return 'LITERAL'
  switch (e.kind) {
    case 'Ident':
      return 'NAME'
    case 'Selector': {
      const s = info.selections.get(e)
      if (s?.kind !== 'field') return 'OTHER'
      return s.path[s.path.length - 1]!.deref ? 'DOTPTR' : 'DOT'
    }
    case 'Index':
      return 'INDEX'
    case 'Star':
      return 'DEREF'
    case 'Slice':
      return 'SLICE'
    default:
      return e.kind.toUpperCase()
  }
}

function isSliceSelfAssign(info: TypeInfo, dst: A.Expr, src: A.Expr): boolean {
  const base = (e: A.Expr): A.Expr | null => {
    e = stripParens(e)
    if (e.kind === 'Star') return stripParens(e.x)
    if (e.kind === 'Selector' && exprOp(info, e) === 'DOTPTR') {
      const s = info.selections.get(e)
      return s && s.kind === 'field' && s.path.length === 1 ? stripParens(e.x) : null
    }
    return null
  }
  const dx = base(dst)
  if (!dx || dx.kind !== 'Ident' || src.kind !== 'Slice') return false
  const xt = info.types.get(stripParens(src.x))?.type
  if (xt && under(xt).kind === 'array') return false // slicing an array takes its address
  const bx = base(src.x)
  if (!bx || bx.kind !== 'Ident') return false
  return info.uses.get(dx) === info.uses.get(bx)
}

function sameSafeExpr(info: TypeInfo, l: A.Expr | { path: A.Selector; upto: number }, r: A.Expr | { path: A.Selector; upto: number }): boolean {
  if ('path' in l || 'path' in r) {
    if (!('path' in l) || !('path' in r)) return false
    const sl = info.selections.get(l.path)!
    const sr = info.selections.get(r.path)!
    if (sl.kind !== 'field' || sr.kind !== 'field' || l.upto !== r.upto) return false
    for (let i = 0; i < l.upto; i++) if (sl.path[i]!.field !== sr.path[i]!.field) return false
    return sameSafeExpr(info, l.path.x, r.path.x)
  }
  l = stripParens(l)
  r = stripParens(r)
  const lc = info.types.get(l)?.value
  const rc = info.types.get(r)?.value
  if (lc || rc) return !!lc && !!rc && lc.kind === rc.kind && lc.value === rc.value
  if (l.kind !== r.kind) return false
  switch (l.kind) {
    case 'Ident':
      return info.uses.get(l) === info.uses.get(r as A.Ident) && info.uses.get(l) !== undefined
    case 'Selector': {
      const rs = r as A.Selector
      const a = info.selections.get(l)
      const b = info.selections.get(rs)
      if (a?.kind !== 'field' || b?.kind !== 'field' || a.field !== b.field) return false
      return sameSafeExpr(info, l.x, rs.x)
    }
    case 'Star':
      return sameSafeExpr(info, l.x, (r as A.Star).x)
    case 'Index':
      return sameSafeExpr(info, l.x, (r as A.Index).x) && sameSafeExpr(info, l.index, (r as A.Index).index)
    case 'Unary':
      return l.op === (r as A.Unary).op && l.op !== '&' && sameSafeExpr(info, l.x, (r as A.Unary).x)
    case 'Binary':
      return l.op === (r as A.Binary).op && sameSafeExpr(info, l.x, (r as A.Binary).x) && sameSafeExpr(info, l.y, (r as A.Binary).y)
    default:
      return false
  }
}

function mayAffectMemory(info: TypeInfo, e: A.Expr): boolean {
  e = stripParens(e)
  if (info.types.get(e)?.value) return false
  switch (e.kind) {
    case 'Ident':
      return false
    case 'Binary':
      return ['&&', '||', '==', '!=', '<', '<=', '>', '>='].includes(e.op) || mayAffectMemory(info, e.x) || mayAffectMemory(info, e.y)
    case 'Index':
      return mayAffectMemory(info, e.x) || mayAffectMemory(info, e.index)
    case 'Unary':
      return e.op === '&' || mayAffectMemory(info, e.x)
    case 'Selector':
      return info.selections.get(e)?.kind !== 'field' || mayAffectMemory(info, e.x)
    case 'Star':
      return mayAffectMemory(info, e.x)
    case 'Call': {
      const ci = info.calls.get(e)
      if (ci?.kind === 'conversion') return mayAffectMemory(info, e.args[0]!)
      if (ci?.kind === 'builtin' && (ci.id === 'len' || ci.id === 'cap')) return mayAffectMemory(info, e.args[0]!)
      return true
    }
    default:
      return true
  }
}
