// The slices walk builds over a fresh array: a slice literal and a `...`
// pack (`vauto[:]`, slicelit) and a make with a constant capacity that does
// not escape (`arr[:len]` after walkMakeSlice's length check). ssagen slices
// a pointer to an array as for any slice expression: a nil check, then the
// bounds checks gc always emits (len <= cap unless they are the same value,
// 0 <= len), each a branch to a panic block that opt folds away later.

import type * as A from '../syntax/ast'
import type { Value } from '../ssa/func'
import { ptrTo, T, type SsaType } from '../ssa/types'
import { BOUNDS, type FnBuilder } from './fn'

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
