// gc's storeType for an SSA-able value holding pointers stored outside the
// stack: scalar parts first (a slice's len and cap, a struct's non-pointer
// fields), then the pointers, so the stores needing write barriers come
// together and no scalar lives across the barrier call. Stack stores, and
// types without pointers, stay one Store of the whole value.

import type { Value } from '../ssa/func'
import { ptrTo, T, type SsaType } from '../ssa/types'
import type { Builder } from './builder'

/** gc's ssa.IsStackAddr: an address into this frame. */
export function isStackAddr(v: Value): boolean {
  while (v.op === 'OffPtr' || v.op === 'AddPtr' || v.op === 'PtrIndex' || v.op === 'Copy') v = v.args[0]!
  return v.op === 'SP' || v.op === 'LocalAddr' || v.op === 'SelectNAddr' || v.op === 'GetCallerSP'
}

/** Store `val` of SSA-able type t at addr as gc's storeType does (no parts skipped). */
export function storeType(b: Builder, t: SsaType, addr: Value, val: Value): void {
  if (!t.hasPointers || isStackAddr(addr)) return b.store(t, addr, val)
  storeScalars(b, t, addr, val)
  storePtrs(b, t, addr, val)
}

function storeScalars(b: Builder, t: SsaType, addr: Value, val: Value): void {
  switch (t.kind) {
    case 'ptr':
    case 'unsafeptr':
    case 'func':
      return
    case 'slice': {
      // Each part's value, then its address (gc's order: the ids follow it).
      const len = b.v('SliceLen', T.int, [val])
      b.store(T.int, b.v('OffPtr', ptrTo(T.int), [addr], 8n), len)
      const cap = b.v('SliceCap', T.int, [val])
      b.store(T.int, b.v('OffPtr', ptrTo(T.int), [addr], 16n), cap)
      return
    }
    case 'struct':
      t.fields!.forEach((f, i) => {
        storeScalars(b, f.type, b.v('OffPtr', ptrTo(f.type), [addr], BigInt(f.offset)), b.v('StructSelect', f.type, [val], BigInt(i)))
      })
      return
    case 'array':
      if (t.len === 1) storeScalars(b, t.elem!, addr, b.v('ArraySelect', t.elem!, [val], 0n))
      return
    default:
      b.store(t, addr, val)
  }
}

function storePtrs(b: Builder, t: SsaType, addr: Value, val: Value): void {
  switch (t.kind) {
    case 'ptr':
    case 'unsafeptr':
    case 'func':
      return b.store(t, addr, val)
    case 'slice': {
      const pt = ptrTo(t.elem!)
      return b.store(pt, addr, b.v('SlicePtr', pt, [val]))
    }
    case 'struct':
      t.fields!.forEach((f, i) => {
        if (!f.type.hasPointers) return
        storePtrs(b, f.type, b.v('OffPtr', ptrTo(f.type), [addr], BigInt(f.offset)), b.v('StructSelect', f.type, [val], BigInt(i)))
      })
      return
    case 'array':
      if (t.len === 1) storePtrs(b, t.elem!, addr, b.v('ArraySelect', t.elem!, [val], 0n))
      return
  }
}
