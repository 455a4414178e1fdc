// Builtins as walk and ssagen expand them: len/cap read slice parts,
// new/make allocate (runtime calls when they escape or have a dynamic size,
// zeroed stack temporaries otherwise), append grows through
// runtime.growslice, copy calls runtime.memmove, print(ln) calls the
// runtime's print functions between printlock and printunlock.

import { isIntrinsicId } from '../types/mathpkgs'
import { intrinsicCall } from './intrinsics'
import type * as A from '../syntax/ast'
import type { BuiltinId } from '../types/objects'
import { under } from '../types/types'
import type { Value } from '../ssa/func'
import { arrayOf, bytePtr, fromGo, ptrTo, T, type SsaType } from '../ssa/types'
import { Unsupported, type FnBuilder } from './fn'
import { makeSizeLiteral, makeSliceCheck, makeSliceStack, sliceOfArray } from './slicing'
import { makeSliceTemps } from './maketemps'
import { makeSliceCopy } from './makecopy'
import { appendSlice, extendSlice, isAppendOfMake } from './appendslice'
import { unsafeCall } from './unsafe'
import { stringLen } from './strings'
import { makeMap, mapClear, mapDelete, mapLen } from './maps'
import { appendItems } from './appenditems'
import { chanLenCap, closeChan, isChan, makeChan } from './concur'
import { printArgs } from './print'

export function callBuiltin(s: FnBuilder, e: A.Call, id: BuiltinId): Value[] {
  if (isIntrinsicId(id)) return intrinsicCall(s, e, id)
  switch (id) {
    case 'len':
    case 'cap': {
      const xt = under(s.typeOf(e.args[0]!))
      if (xt.kind === 'basic' && id === 'len') return [stringLen(s, e.args[0]!)]
      if (xt.kind === 'map' && id === 'len') return [mapLen(s, e)]
      if (xt.kind === 'chan') return [chanLenCap(s, e, id)]
      if (xt.kind !== 'slice') throw new Unsupported(e.pos, `${id} of ${xt.kind}`)
      return [s.v(id === 'len' ? 'SliceLen' : 'SliceCap', T.int, [s.expr(e.args[0]!)])]
    }
    case 'new': {
      const t = fromGo(s.typeOf(e)).elem!
      if (s.cx.facts.escapingSites.has(e)) return [s.newObject(t)]
      const a = s.stackTemp(t)
      return [a]
    }
    case 'make':
      if (isChan(s.typeOf(e))) return [makeChan(s, e)]
      if (under(s.typeOf(e)).kind === 'map') return [makeMap(s, e)]
      return [makeSlice(s, e)]
    case 'append':
      return [append(s, e)]
    case 'copy':
      return [copySlices(s, e)]
    case 'print':
    case 'println':
      printArgs(s, e, id === 'println')
      return []
    case 'close':
      closeChan(s, e)
      return []
    case 'panic':
      s.gopanic(e)
      return []
    case 'recover':
      return [s.recover(e)]
    case 'min':
    case 'max':
      throw new Unsupported(e.pos, `built-in ${id} (SSA construction)`)
    case 'delete':
      mapDelete(s, e)
      return []
    case 'clear':
      if (under(s.typeOf(e.args[0]!)).kind !== 'map') throw new Unsupported(e.pos, 'clear of a slice at SSA construction')
      mapClear(s, e)
      return []
    default:
      return [unsafeCall(s, e, id)]
  }
}

function makeSlice(s: FnBuilder, e: A.Call): Value {
  const copy = s.makeCopies.get(e)
  if (copy) return makeSliceCopy(s, e, copy)
  const st = fromGo(s.typeOf(e))
  const et = st.elem!
  const capE = e.args[2] ?? e.args[1]!
  const capC = s.cx.info.types.get(capE)?.value
  const literal = makeSizeLiteral(s, e)
  // walkMakeSlice's result temporary, unless the make is a stack array of constant size (escape's literal rewrite included).
  makeSliceTemps(s, e, !s.cx.facts.escapingSites.has(e) && (capC !== undefined || !!literal))
  if (!s.cx.facts.escapingSites.has(e) && capC === undefined && !literal) {
    const v = makeSliceStack(s, st, e.args[1]!, e.args[2], e)
    if (v) return v
  }
  const len = literal && !e.args[2] ? literal : s.expr(e.args[1]!)
  const cap = literal ?? (e.args[2] ? s.expr(e.args[2]) : len)
  const constCap = cap.op.startsWith('Const') ? Number(cap.auxInt) : -1
  if (!s.cx.facts.escapingSites.has(e) && constCap >= 0) {
    makeSliceCheck(s, len, constCap)
    const at = arrayOf(et, constCap)
    return sliceOfArray(s, s.stackTemp(at), at, st, e, toInt(s, len))
  }
  const [p] = s.mkcall('makeslice', [T.unsafePointer], [s.typeAddr(et), toInt(s, len), toInt(s, cap)], [bytePtr, T.int, T.int])
  return s.v('SliceMake', st, [s.v('Copy', ptrTo(et), [p!]), len, cap])
}

function toInt(s: FnBuilder, v: Value): Value {
  return v.type === T.int ? v : s.convert(v, v.type, T.int, { pos: 0, end: 0 } as A.Span)
}

function append(s: FnBuilder, e: A.Call): Value {
  // append(s, t...) is walk's (appendSlice); append(s, x, y) ssagen's.
  if (e.ellipsis) return isAppendOfMake(s.cx.info, e) ? extendSlice(s, e) : appendSlice(s, e)
  return appendItems(s, e)
}

/**
 * copy as gc's walkCopy lowers it: typedslicecopy for pointerful elements;
 * otherwise n = min(len(dst), len(src)) by a branch, and memmove only when the
 * backing arrays differ. Its pointers are unchecked OSPTRs (SlicePtrUnchecked)
 * and its calls are walk's (mkcall: the arguments' width).
 */
function copySlices(s: FnBuilder, e: A.Call): Value {
  const dst = s.expr(e.args[0]!)
  const src = s.expr(e.args[1]!)
  const et: SsaType = dst.type.elem!
  const ptrT = ptrTo(et)
  // copy(b, s) from a string: its length and data pointer (OLEN, OSPTR of a string).
  const fromString = src.type.kind === 'string'
  if (et.hasPointers) {
    const args = [s.typeAddr(et), s.v('SlicePtrUnchecked', ptrT, [dst]), s.v('SliceLen', T.int, [dst]), s.v('SlicePtrUnchecked', ptrT, [src]), s.v('SliceLen', T.int, [src])]
    return s.mkcall('typedslicecopy', [T.int], args, [bytePtr, bytePtr, T.int, bytePtr, T.int])[0]!
  }
  // walkCopy's temporaries, SSA variables read where its statements read them (gc's FwdRefs follow the reads):
  //   nl, nr = dst, src; n = len(nl); if n > len(nr) { n = len(nr) }
  //   if nl.ptr != nr.ptr (likely) { w = uintptr(n); memmove(nl.ptr, nr.ptr, w*size) }
  const [nl, nr, n, w] = [{ name: '.copyto' }, { name: '.copyfrom' }, { name: '.copylen' }, { name: '.copywidth' }]
  for (let i = 0; i < 4; i++) s.reserveTemp()
  s.writeVar(nl, dst, dst.type)
  s.writeVar(nr, src, src.type)
  const srcLen = (): Value => s.v(fromString ? 'StringLen' : 'SliceLen', T.int, [s.readVar(nr)])
  const srcPtr = (): Value => s.v(fromString ? 'StringPtr' : 'SlicePtrUnchecked', ptrT, [s.readVar(nr)])
  const dstPtr = (): Value => s.v('SlicePtrUnchecked', ptrT, [s.readVar(nl)])
  s.writeVar(n, s.v('SliceLen', T.int, [s.readVar(nl)]), T.int)
  // ssagen's OIF makes the join block before the body's.
  const [lenDone, shorter] = [s.newBlock(), s.newBlock()]
  const cur = s.readVar(n)
  s.branch(s.v('Less64', T.bool, [srcLen(), cur]), shorter, lenDone)
  s.seal(shorter)
  s.startBlock(shorter)
  s.writeVar(n, srcLen(), T.int)
  s.jump(lenDone)
  s.seal(lenDone)
  s.startBlock(lenDone)
  const [done, move] = [s.newBlock(), s.newBlock()]
  s.branch(s.v('NeqPtr', T.bool, [dstPtr(), srcPtr()]), move, done, 1)
  s.seal(move)
  s.startBlock(move)
  s.writeVar(w, s.v('Copy', T.uintptr, [s.readVar(n)]), T.uintptr)
  const to = dstPtr()
  const from = srcPtr()
  const bytes = s.v('Mul64', T.uintptr, [s.readVar(w), s.constInt(T.uintptr, et.size)])
  s.mkcall('memmove', [], [to, from, bytes], [bytePtr, bytePtr, T.uintptr])
  s.jump(done)
  s.seal(done)
  s.startBlock(done)
  // copy as a statement reads n no more (the value returned then is never used).
  return s.unusedResults.has(e) ? dst : s.readVar(n)
}
