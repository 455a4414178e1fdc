// The slices walk builds over a fresh array: a slice literal and a `...`
// pack (`vauto[:]`, slicelit) and a make with a constant capacity that does
// not escape (`arr[:len]` after walkMakeSlice's length check). ssagen slices
// a pointer to an array as for any slice expression: a nil check, then the
// bounds checks gc always emits (len <= cap unless they are the same value,
// 0 <= len), each a branch to a panic block that opt folds away later.

import type * as A from '../syntax/ast'
import type { Value } from '../ssa/func'
import { arrayOf, bytePtr, fromGo, ptrTo, structOf, T, type SsaType } from '../ssa/types'
import { BOUNDS, unparen, type FnBuilder } from './fn'
import { staticSize } from '../escape/static'

/** p[:j] for p a pointer to an array of type at (j defaults to its length), as a slice of type st. */
export function sliceOfArray(s: FnBuilder, p: Value, at: SsaType, st: SsaType, site: A.Span, j?: Value): Value {
  const ptr = s.v('Copy', ptrTo(at.elem!), [s.nilCheck(p)])
  const k = s.constInt(T.int, at.len!)
  const hi = j ?? k
  if (hi !== k) s.boundsCheck(hi, k, BOUNDS.sliceAlen, site, true)
  const zero = s.constInt(T.int, 0)
  s.boundsCheck(zero, hi, BOUNDS.sliceB, site, true)
  const rlen = s.v('Sub64', T.int, [hi, zero])
  return s.v('SliceMake', st, [ptr, rlen, hi !== k ? s.v('Sub64', T.int, [k, zero]) : rlen])
}

/**
 * walkMakeSlice's check before slicing a constant-capacity array:
 * `if uint64(len) > cap { if len < 0 { panicmakeslicelen() }; panicmakeslicecap() }`.
 */
export function makeSliceCheck(s: FnBuilder, len: Value, cap: number): void {
  const u = len.type.size === 8 ? s.v('Copy', T.uint64, [len]) : s.convert(len, len.type, T.uint64, { pos: 0, end: 0 } as A.Span)
  const end = s.newBlock()
  const then = s.newBlock()
  s.branch(s.v('Less64U', T.bool, [s.constInt(T.uint64, cap), u]), then, end, 0)
  s.seal(then)
  s.startBlock(then)
  const lenOk = s.newBlock()
  const neg = s.newBlock()
  const less = `Less${len.type.size * 8}${len.type.kind === 'uint' ? 'U' : ''}`
  s.branch(s.v(less, T.bool, [len, s.constInt(len.type, 0)]), neg, lenOk, 0)
  s.seal(neg)
  s.startBlock(neg)
  s.panicExit('panicmakeslicelen')
  s.seal(lenOk)
  s.startBlock(lenOk)
  s.panicExit('panicmakeslicecap')
  s.seal(end)
  s.startBlock(end)
}

/**
 * walkMakeSlice's stack buffer for a make that does not escape and whose
 * capacity is not constant (VariableMakeThreshold, 32 bytes):
 *   if uint64(cap) <= K { <length check>; var store struct{ _ [0]uintptr; arr [K]E }; s = store.arr[:len:cap] }
 *   else { s = makeslice(E, len, cap) }
 * len and cap are safeExpr'd: a field or element read again at every use.
 * Null when E is wider than the threshold.
 */
export function makeSliceStack(s: FnBuilder, st: SsaType, lenE: A.Expr, capE: A.Expr | undefined, site: A.Span): Value | null {
  const et = st.elem!
  const k = et.size === 0 ? 0 : Math.floor(32 / et.size)
  if (k === 0) return null
  const len = reader(s, lenE)
  const cap = capE ? reader(s, capE) : len
  const u64 = (v: Value): Value => (v.type.size === 8 ? s.v('Copy', T.uint64, [v]) : s.convert(v, v.type, T.uint64, site))
  const slot = { name: '.makeslice' }
  const end = s.newBlock()
  const then = s.newBlock()
  const els = s.newBlock()
  s.branch(s.v('Leq64U', T.bool, [u64(cap()), s.constInt(T.uint64, k)]), then, els, 0)
  s.seal(then)
  s.startBlock(then)
  const fits = s.newBlock()
  const tooLong = s.newBlock()
  const l0 = u64(len())
  s.branch(s.v('Less64U', T.bool, [u64(cap()), l0]), tooLong, fits, 0)
  s.seal(tooLong)
  s.startBlock(tooLong)
  const notNeg = s.newBlock()
  const neg = s.newBlock()
  const l = len()
  s.branch(s.v(`Less${l.type.size * 8}${l.type.kind === 'uint' ? 'U' : ''}`, T.bool, [l, s.constInt(l.type, 0)]), neg, notNeg, 0)
  s.seal(neg)
  s.startBlock(neg)
  s.panicExit('panicmakeslicelen')
  s.seal(notNeg)
  s.startBlock(notNeg)
  s.panicExit('panicmakeslicecap')
  s.seal(fits)
  s.startBlock(fits)
  const at = arrayOf(et, k)
  const store = structOf([{ name: '_', type: arrayOf(T.uintptr, 0) }, { name: 'arr', type: at }])
  const arr = s.v('OffPtr', ptrTo(at), [s.stackTemp(store)], 0n)
  s.writeVar(slot, sliceOfArray3(s, arr, at, st, site, toInt(s, len()), toInt(s, cap())), st)
  s.jump(end)
  s.seal(els)
  s.startBlock(els)
  const [p] = s.mkcall('makeslice', [T.unsafePointer], [s.typeAddr(et), toInt(s, len()), toInt(s, cap())], [bytePtr, T.int, T.int])
  s.writeVar(slot, s.v('SliceMake', st, [s.v('Copy', ptrTo(et), [p!]), toInt(s, len()), toInt(s, cap())]), st)
  s.jump(end)
  s.seal(end)
  s.startBlock(end)
  return s.readVar(slot)
}

/** A safeExpr'd operand: a value read once, or a field or element of memory loaded again at every use. */
export function reader(s: FnBuilder, e: A.Expr): () => Value {
  const u = unparen(e)
  if ((u.kind === 'Selector' || u.kind === 'Index') && s.addressable(u) && s.cx.info.types.get(u)?.value === undefined) {
    const t = fromGo(s.typeOf(u))
    const addr = s.addr(u)
    return () => s.load(t, addr)
  }
  const v = s.expr(u)
  return () => v
}

const toInt = (s: FnBuilder, v: Value): Value => (v.type === T.int ? v : s.convert(v, v.type, T.int, { pos: 0, end: 0 } as A.Span))

/** p[:j:k] for p a pointer to an array (gc's slice with three indices, i = 0). */
function sliceOfArray3(s: FnBuilder, p: Value, at: SsaType, st: SsaType, site: A.Span, j: Value, k: Value): Value {
  const ptr = s.v('Copy', ptrTo(at.elem!), [s.nilCheck(p)])
  const n = s.constInt(T.int, at.len!)
  if (k !== n) s.boundsCheck(k, n, BOUNDS.slice3Alen, site, true)
  if (j !== k) s.boundsCheck(j, k, BOUNDS.slice3B, site, true)
  const zero = s.constInt(T.int, 0)
  s.boundsCheck(zero, j, BOUNDS.slice3C, site, true)
  const rlen = s.v('Sub64', T.int, [j, zero])
  return s.v('SliceMake', st, [ptr, rlen, j !== k ? s.v('Sub64', T.int, [k, zero]) : rlen])
}

/**
 * escape's rewriteWithLiterals on `make([]E, len[, cap])`: a size (the cap,
 * else the len) that is not a constant but always holds one (a local bound
 * once to it, or len of a slice literal) is replaced by that constant, so
 * walk sees a constant-capacity make (a stack array when it does not
 * escape). gc keeps the original expression in a temporary first, for its
 * side effects: it is evaluated here and takes its number in the Dcl.
 * The constant, or null when there is no rewrite.
 */
export function makeSizeLiteral(s: FnBuilder, e: A.Call): Value | null {
  const r = e.args[2] ?? e.args[1]!
  if (s.cx.info.types.get(unparen(r))?.value !== undefined) return null
  const size = staticSize(s.cx.convert, r)
  if (!size) return null
  s.literalTemps.add(e)
  s.expr(r)
  return s.constInt(fromGo(size.type), size.value)
}
