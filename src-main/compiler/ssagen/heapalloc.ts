// gc 1.26's aggregation of small heap-moved variables (ssagen newHeapaddr /
// flushPendingHeapAllocations): a variable without pointers, non-zero and
// smaller than 16 bytes does not get its own runtime.newobject. Pending ones
// in the same block share one allocation: when the next would overflow 16
// bytes, and at every block end, the group is flushed. A group of one keeps
// its newobject call (its OffPtr becomes a Copy); a larger group is sorted by
// decreasing alignment (stably), laid out in that order, rounded up to the
// first member's alignment, and the call becomes runtime.mallocgc(size, nil, true).
// Each decision is noted on the builder (allocNotes) for the allocation view.

import type { Value } from '../ssa/func'
import { ptrTo, results, T, type SsaType } from '../ssa/types'
import type { Builder } from './builder'

const MAX_AGGREGATED = 16

/** Why a call holds what it holds, keyed by the call value. */
export interface AllocNote {
  kind: 'aggregate' | 'lone' | 'own'
  /** The members' address values in pending order (before the sort by alignment). */
  order: Value[]
  flush?: { cause: 'block-end' | 'overflow'; bytes: number; next?: Value }
}

/** Heap memory for a moved variable of type t: its address. */
export function newHeapAddr(s: Builder, t: SsaType): Value {
  if (t.hasPointers || t.size >= MAX_AGGREGATED || t.size === 0) {
    const p = s.newObject(t)
    if (p.op === 'SelectN') s.allocNotes.set(p.args[0]!, { kind: 'own', order: [p] })
    return p
  }
  const used = s.pending.reduce((n, v) => n + v.type.elem!.size, 0)
  const overflowed = used + t.size > MAX_AGGREGATED ? flushPendingAllocations(s, 'overflow') : null
  // The first pending variable makes the call (for its own type, for now); later ones share it.
  const base = s.pending.length === 0 ? s.rtcall('newobject', [ptrTo(t)], [s.typeAddr(t)])[0]! : s.pending[0]!.args[0]!
  const off = s.v('OffPtr', ptrTo(t), [base], 0n)
  if (overflowed?.flush) overflowed.flush.next = off
  s.pending.push(off)
  return off
}

export function flushPendingAllocations(s: Builder, cause: 'block-end' | 'overflow' = 'block-end'): AllocNote | null {
  const pending = s.pending
  if (pending.length === 0) return null
  s.pending = []
  const ptr = pending[0]!.args[0]!
  const call = ptr.args[0]!
  const note: AllocNote = {
    kind: pending.length === 1 ? 'lone' : 'aggregate',
    order: [...pending],
    flush: { cause, bytes: pending.reduce((n, v) => n + v.type.elem!.size, 0) },
  }
  s.allocNotes.set(call, note)
  if (pending.length === 1) {
    const only = pending[0]!
    only.copyOf(ptr)
    return note
  }
  const align = (v: Value): number => v.type.elem!.align
  const sorted = [...pending].sort((x, y) => align(y) - align(x)) // Array.prototype.sort is stable
  let size = 0
  for (const v of sorted) {
    v.auxInt = BigInt(size)
    size += v.type.elem!.size
  }
  const first = align(sorted[0]!)
  size = Math.ceil(size / first) * first
  const mem = call.args[1]!
  call.setArgs([s.constInt(T.uintptr, size), s.constNil(call.args[0]!.type), s.constBool(true), mem])
  call.aux = { kind: 'call', fn: 'runtime.mallocgc' }
  call.auxInt = 32n
  call.type = results([T.unsafePointer, T.mem])
  ptr.type = T.unsafePointer
  return note
}

