// `append(s, t...)` as gc 1.26's walk expands it (appendSlice, and
// extendSlice for `append(s, make([]T, n)...)` below), not
// ssagen's append of items:
//   newLen := len(s) + len(t)
//   if uint(newLen) <= uint(cap(s)) { s = s[:newLen] } else { s = growslice(s.ptr, newLen, cap(s), len(t), T) }
//   memmove(&s[newLen-len(t)], t.ptr, uintptr(len(t))*sizeof(T))        (no pointers in T)
//   typedslicecopy(T, s[newLen-len(t):].ptr, len, t.ptr, len(t))         (pointers: write barriers)
// growslice and the copy are walk's calls (mkcall: the arguments' width).

import type * as A from '../syntax/ast'
import type { Value } from '../ssa/func'
import { bytePtr, fromGo, ptrTo, results, T } from '../ssa/types'
import type { FnBuilder } from './fn'

export function appendSlice(b: FnBuilder, e: A.Call): Value {
  const st = fromGo(b.typeOf(e))
  const et = st.elem!
  const pt = ptrTo(et)
  // walkAppendArgs: both operands once, before anything else (cheapExpr: a temporary unless cheap);
  // then walk's s and newLen, and the copy's cheapExpr of the tail slice or of the byte width;
  // memmove's first argument &s[len] may panic (mayCall): walkCall1 copies it into a temporary too.
  for (const a of e.args) if (!cheapArg(b, a)) b.reserveTemp()
  for (let i = 0; i < 3; i++) b.reserveTemp()
  if (!et.hasPointers) b.reserveTemp()
  const l1 = b.expr(e.args[0]!)
  const l2 = b.expr(e.args[1]!)
  const sv = { name: '.appendslice' }
  // walk's s and newLen, and l2 (a name or cheapExpr's temporary), are variables: read back
  // in the blocks the expansion makes, as gc reads them (its FwdRefs there).
  const nv = { name: '.appendslice.newLen' }
  const tv = { name: '.appendslice.l2' }
  b.writeVar(tv, l2, l2.type)
  b.writeVar(sv, l1, st)
  const s = (): Value => b.readVar(sv)
  const t = (): Value => b.readVar(tv)
  const nl = (): Value => b.readVar(nv)
  const num = (): Value => b.v('SliceLen', T.int, [l2])
  const newLen = b.v('Add64', T.int, [b.v('SliceLen', T.int, [s()]), num()])
  b.writeVar(nv, newLen, T.int)
  const cond = b.v('Leq64U', T.bool, [b.v('Copy', T.uint, [newLen]), b.v('Copy', T.uint, [b.v('SliceCap', T.int, [s()])])])
  const end = b.newBlock()
  const then = b.newBlock()
  const els = b.newBlock()
  b.branch(cond, then, els, 1)
  // then: s = s[:newLen] (bounded)
  b.seal(then)
  b.startBlock(then)
  // ssagen's slice of s: s, newLen, ptr, len (unused), cap, then the default low bound 0.
  const cur0 = s()
  const high = nl()
  const ptr = b.v('SlicePtr', pt, [cur0])
  b.v('SliceLen', T.int, [cur0])
  const cap = b.v('SliceCap', T.int, [cur0])
  const zero = b.constInt(T.int, 0)
  b.writeVar(sv, b.v('SliceMake', st, [ptr, b.v('Sub64', T.int, [high, zero]), b.v('Sub64', T.int, [cap, zero])]), st)
  b.jump(end)
  // else: s = growslice(oldPtr, newLen, oldCap, num, T)
  b.seal(els)
  b.startBlock(els)
  const old = s()
  const optr = b.v('SlicePtrUnchecked', pt, [old])
  const onl = nl()
  const ocap = b.v('SliceCap', T.int, [old])
  const args = [optr, onl, ocap, b.v('SliceLen', T.int, [t()]), b.typeAddr(et)]
  b.writeVar(sv, b.mkcall('growslice', [st], args, [pt, T.int, T.int, T.int, bytePtr])[0]!, st)
  b.jump(end)
  b.seal(end)
  b.startBlock(end)
  if (et.hasPointers) {
    // copy(s[idx:], t) with idx = newLen - len(t)
    const idx = b.v('Sub64', T.int, [newLen, num()])
    const cur = s()
    const p = b.v('SlicePtr', pt, [cur])
    const rlen = b.v('Sub64', T.int, [b.v('SliceLen', T.int, [cur]), idx])
    const rcap = b.v('Sub64', T.int, [b.v('SliceCap', T.int, [cur]), idx])
    const delta = b.v('And64', T.int, [b.v('Mul64', T.int, [idx, b.constInt(T.int, et.size)]), b.v('Slicemask', T.int, [rcap])])
    const tail = b.v('SliceMake', st, [b.v('AddPtr', pt, [p, delta]), rlen, rcap])
    const cargs = [b.typeAddr(et), b.v('SlicePtrUnchecked', pt, [tail]), b.v('SliceLen', T.int, [tail]), b.v('SlicePtrUnchecked', pt, [l2]), num()]
    b.mkcall('typedslicecopy', [T.int], cargs, [bytePtr, pt, T.int, pt, T.int])
  } else {
    // nwid (cheapExpr: a statement before the call), then memmove's arguments: &s[idx] (s, idx,
    // the length for the elided check), l2's pointer, nwid*size.
    const nwid = b.v('Copy', T.uintptr, [b.v('SliceLen', T.int, [t()])])
    const cur = s()
    const idx = b.v('Sub64', T.int, [nl(), b.v('SliceLen', T.int, [t()])])
    b.v('SliceLen', T.int, [cur])
    const dst = b.v('PtrIndex', pt, [b.v('SlicePtr', pt, [cur]), idx])
    const src = b.v('SlicePtrUnchecked', pt, [t()])
    b.mkcall('memmove', [], [dst, src, b.v('Mul64', T.uintptr, [nwid, b.constInt(T.uintptr, et.size)])], [pt, pt, T.uintptr])
  }
  return s()
}

/** walk's isAppendOfMake: `append(s, make([]T, n)...)` with no capacity. */
export function isAppendOfMake(info: FnBuilder['cx']['info'], e: A.Call): boolean {
  const ci = info.calls.get(e)
  if (ci?.kind !== 'builtin' || ci.id !== 'append' || !e.ellipsis || e.args.length !== 2) return false
  const mk = unparenE(e.args[1]!)
  const mi = mk.kind === 'Call' ? info.calls.get(mk) : undefined
  return mk.kind === 'Call' && mi?.kind === 'builtin' && mi.id === 'make' && mk.args.length === 2
}

/** walk's cheapExpr leaves names and constants alone. */
function cheapArg(b: FnBuilder, e: A.Expr): boolean {
  const x = unparenE(e)
  // A slice expression is order's temporary by now (sliceorder.ts).
  return x.kind === 'Ident' || x.kind === 'Slice' || b.cx.info.types.get(e)?.value !== undefined
}

function unparenE(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}

/**
 * `append(s, make([]T, n)...)` as walk's extendSlice builds it: no slice is
 * made, s is grown in place and the new tail cleared.
 *   if n < 0 { panicmakeslicelen() }
 *   if n != 0 {
 *     nn := len(s) + n
 *     if uint(nn) <= uint(cap(s)) { s = s[:nn] } else { s = growslice(s.ptr, nn, cap(s), n, T) }
 *     memclr(&s[len(s)-n], n*sizeof(T))   // pointers: only when s was resliced (growslice clears)
 *   }
 */
export function extendSlice(b: FnBuilder, e: A.Call): Value {
  const st = fromGo(b.typeOf(e))
  const et = st.elem!
  const pt = ptrTo(et)
  const mk = unparenE(e.args[1]!) as A.Call
  // walkAppendArgs' cheapExpr of s and of int(n), then walk's s and nn, and the copy walkCall1
  // makes of memclr's first argument &s[len(s)-n] (an index may panic: mayCall).
  if (!cheapArg(b, e.args[0]!)) b.reserveTemp()
  if (!cheapArg(b, mk.args[1]!) || fromGo(b.typeOf(mk.args[1]!)) !== T.int) b.reserveTemp()
  for (let i = 0; i < 3; i++) b.reserveTemp()
  const l1 = b.expr(e.args[0]!)
  const n0 = b.expr(mk.args[1]!)
  const l2 = n0.type === T.int ? n0 : b.convert(n0, n0.type, T.int, mk.args[1]!)
  // walk's l1 and l2 (names or cheapExpr's temporaries), s and nn are variables, read back in the
  // blocks the expansion makes, as gc reads them (its FwdRefs there).
  const v1 = { name: '.extendslice.l1' }
  const v2 = { name: '.extendslice.l2' }
  const nv = { name: '.extendslice.nn' }
  b.writeVar(v1, l1, st)
  b.writeVar(v2, l2, T.int)
  const n = (): Value => b.readVar(v2)
  const zero = b.constInt(T.int, 0)
  // if n >= 0 {} else { panicmakeslicelen() }
  const okNeg = b.newBlock()
  const neg = b.newBlock()
  b.branch(b.v('Leq64', T.bool, [zero, l2]), okNeg, neg, 1)
  b.seal(neg)
  b.startBlock(neg)
  b.endPanic(b.v('SelectN', T.mem, [b.v('StaticLECall', results([T.mem]), [b.mem], 0n, { kind: 'call', fn: 'runtime.panicmakeslicelen' })], 0n))
  b.seal(okNeg)
  b.startBlock(okNeg)
  const sv = { name: '.extendslice' }
  b.writeVar(sv, b.readVar(v1), st)
  const s = (): Value => b.readVar(sv)
  const endNz = b.newBlock()
  const nz = b.newBlock()
  b.branch(b.v('Neq64', T.bool, [n(), zero]), nz, endNz, 1)
  b.seal(nz)
  b.startBlock(nz)
  const cur = s()
  const nn = b.v('Add64', T.int, [b.v('SliceLen', T.int, [cur]), n()])
  b.writeVar(nv, nn, T.int)
  const cond = b.v('Leq64U', T.bool, [b.v('Copy', T.uint, [nn]), b.v('Copy', T.uint, [b.v('SliceCap', T.int, [cur])])])
  const end = b.newBlock()
  const then = b.newBlock()
  const els = b.newBlock()
  b.branch(cond, then, els, 1)
  // memclr(unsafe.Pointer(&s[len(s)-l2]), uintptr(l2*size)): s, the index, the length for the elided check, the element.
  const clear = (): void => {
    const t = s()
    const i = b.v('Sub64', T.int, [b.v('SliceLen', T.int, [t]), n()])
    b.v('SliceLen', T.int, [t])
    const hp = b.v('Copy', T.unsafePointer, [b.v('PtrIndex', pt, [b.v('SlicePtr', pt, [t]), i])])
    const hn = b.v('Copy', T.uintptr, [b.v('Mul64', T.int, [n(), b.constInt(T.int, et.size)])])
    b.mkcall(et.hasPointers ? 'memclrHasPointers' : 'memclrNoHeapPointers', [], [hp, hn], [T.unsafePointer, T.uintptr])
  }
  b.seal(then)
  b.startBlock(then)
  // ssagen's s[:nn]: s, nn, ptr, len (unused), cap, then the default low bound 0.
  const old = s()
  const high = b.readVar(nv)
  const ptr = b.v('SlicePtr', pt, [old])
  b.v('SliceLen', T.int, [old])
  const cap = b.v('SliceCap', T.int, [old])
  b.writeVar(sv, b.v('SliceMake', st, [ptr, b.v('Sub64', T.int, [high, zero]), b.v('Sub64', T.int, [cap, zero])]), st)
  if (et.hasPointers) clear()
  b.jump(end)
  b.seal(els)
  b.startBlock(els)
  const g = s()
  const gptr = b.v('SlicePtrUnchecked', pt, [g])
  const gnn = b.readVar(nv)
  const gcap = b.v('SliceCap', T.int, [g])
  const args = [gptr, gnn, gcap, n(), b.typeAddr(et)]
  b.writeVar(sv, b.mkcall('growslice', [st], args, [pt, T.int, T.int, T.int, bytePtr])[0]!, st)
  b.jump(end)
  b.seal(end)
  b.startBlock(end)
  if (!et.hasPointers) clear()
  b.jump(endNz)
  b.seal(endNz)
  b.startBlock(endNz)
  return s()
}
