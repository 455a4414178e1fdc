// Package unsafe's calls as walk and ssagen lower them. Sizeof, Alignof and
// Offsetof never get here: the type checker made them constants.

import type * as A from '../syntax/ast'
import type { UnsafeBuiltinId } from '../types/objects'
import type { Value } from '../ssa/func'
import { fromGo, T, tuple } from '../ssa/types'
import type { FnBuilder } from './fn'
import { reader } from './slicing'
import { ifStmt } from './switch'

export function unsafeCall(s: FnBuilder, e: A.Call, id: UnsafeBuiltinId): Value {
  switch (id) {
    case 'unsafe.Add': {
      const ptr = s.expr(e.args[0]!)
      const n = s.expr(e.args[1]!)
      // gc widens the length to uintptr first, so no garbage upper bits reach the address (#48536).
      const off = s.convert(n, n.type, T.uintptr, e.args[1]!)
      return s.v('AddPtr', fromGo(s.typeOf(e)), [ptr, off])
    }
    case 'unsafe.SliceData':
      return s.v('SlicePtrUnchecked', fromGo(s.typeOf(e)), [s.expr(e.args[0]!)]) // walk's OSPTR, not bounded
    case 'unsafe.Slice':
      return unsafeSlice(s, e)
    case 'unsafe.StringData':
      return s.v('StringPtr', fromGo(s.typeOf(e)), [s.expr(e.args[0]!)]) // walk's OSPTR of a string
    case 'unsafe.String':
      return unsafeString(s, e)
    default:
      throw new Error(`ssagen: ${id} is a constant the type checker folds`)
  }
}

/**
 * walk's open-coded unsafe.Slice(ptr, len) (checkptr off), each `if` as
 * ssagen builds it:
 *   if int(len) < 0 { panicunsafeslicelen() }
 *   mem, overflow := math.MulUintptr(sizeof(E), uintptr(int(len)))   // an intrinsic: Mul64uover
 *   if overflow || mem > -uintptr(ptr) { if ptr == nil { panicunsafeslicenilptr() }; panicunsafeslicelen() }
 *   []E{ptr, int(len), int(len)}
 * A zero-sized E checks `ptr == nil && len > 0` instead of the size.
 */
function unsafeSlice(s: FnBuilder, e: A.Call): Value {
  const st = fromGo(s.typeOf(e))
  const ptr = reader(s, e.args[0]!)
  const len = reader(s, e.args[1]!)
  const unsafePtr = () => s.v('Copy', T.unsafePointer, [ptr()])
  const intLen = () => {
    const l = len()
    return l.type === T.int ? l : s.convert(l, l.type, T.int, e)
  }
  const ifThen = (cond: Parameters<typeof ifStmt>[1], body: () => void) => ifStmt(s, cond, body, null)
  ifThen((yes, no) => s.branch(s.v('Less64', T.bool, [intLen(), s.constInt(T.int, 0)]), yes, no), () => panic(s, 'panicunsafeslicelen'))
  const elemSize = st.elem!.size
  if (elemSize === 0) {
    ifThen(
      (yes, no) => {
        const mid = s.newBlock()
        s.branch(s.v('EqPtr', T.bool, [unsafePtr(), s.constNil(T.unsafePointer)]), mid, no)
        s.seal(mid)
        s.startBlock(mid)
        s.branch(s.v('Less64', T.bool, [s.constInt(T.int, 0), intLen()]), yes, no)
      },
      () => panic(s, 'panicunsafeslicenilptr'),
    )
  } else {
    const l = intLen()
    const prod = s.v('Mul64uover', tuple(T.uint, T.uint), [s.constInt(T.uintptr, elemSize), s.v('Copy', T.uintptr, [l])])
    const mem = s.v('Select0', T.uintptr, [prod])
    const overflow = s.v('Select1', T.bool, [prod])
    ifThen(
      (yes, no) => {
        const mid = s.newBlock()
        s.branch(overflow, yes, mid)
        s.seal(mid)
        s.startBlock(mid)
        const neg = s.v('Neg64', T.uintptr, [s.v('Convert', T.uintptr, [unsafePtr(), s.mem])])
        s.branch(s.v('Less64U', T.bool, [neg, mem]), yes, no)
      },
      () => {
        ifThen((yes, no) => s.branch(s.v('EqPtr', T.bool, [unsafePtr(), s.constNil(T.unsafePointer)]), yes, no), () => panic(s, 'panicunsafeslicenilptr'))
        panic(s, 'panicunsafeslicelen')
      },
    )
  }
  return s.v('SliceMake', st, [unsafePtr(), intLen(), intLen()])
}

/**
 * walk's open-coded unsafe.String(ptr, len) (checkptr off; len fits an int on
 * both 64-bit arches, so no int64 round trip):
 *   if int(len) < 0 { panicunsafestringlen() }
 *   if uintptr(len) > -uintptr(ptr) { if ptr == nil { panicunsafestringnilptr() }; panicunsafestringlen() }
 *   string{ptr, int(len)}
 */
function unsafeString(s: FnBuilder, e: A.Call): Value {
  const ptr = reader(s, e.args[0]!)
  const len = reader(s, e.args[1]!)
  const unsafePtr = () => s.v('Copy', T.unsafePointer, [ptr()])
  const as = (t: typeof T.int) => {
    const l = len()
    return l.type === t ? l : s.convert(l, l.type, t, e)
  }
  const ifThen = (cond: Parameters<typeof ifStmt>[1], body: () => void) => ifStmt(s, cond, body, null)
  ifThen((yes, no) => s.branch(s.v('Less64', T.bool, [as(T.int), s.constInt(T.int, 0)]), yes, no), () => panic(s, 'panicunsafestringlen'))
  ifThen(
    (yes, no) => {
      const neg = s.v('Neg64', T.uintptr, [s.v('Convert', T.uintptr, [unsafePtr(), s.mem])])
      s.branch(s.v('Less64U', T.bool, [neg, as(T.uintptr)]), yes, no)
    },
    () => {
      ifThen((yes, no) => s.branch(s.v('EqPtr', T.bool, [unsafePtr(), s.constNil(T.unsafePointer)]), yes, no), () => panic(s, 'panicunsafestringnilptr'))
      panic(s, 'panicunsafestringlen')
    },
  )
  return s.v('StringMake', T.string, [ptr(), as(T.int)])
}

/** walk's mkcall of a runtime function that does not return: an ordinary call, then the block exits. */
function panic(s: FnBuilder, fn: string): void {
  s.mkcall(fn, [], [])
  s.endPanic(s.mem)
}
