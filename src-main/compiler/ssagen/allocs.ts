// The heap allocation calls of a function as built: each runtime.newobject
// or runtime.mallocgc call with its size and the heap-moved variables it
// holds (their OffPtr, or the Copy a lone variable's OffPtr became), and how
// gc's newHeapaddr decided it (the builder's notes, heapalloc.ts).

import type { AllocGroup, AllocMember } from '../../protocol/model'
import type { Func, Value } from '../ssa/func'
import type { AllocNote } from './heapalloc'

const ALLOC_FNS = new Set(['runtime.newobject', 'runtime.mallocgc'])

export function allocGroups(f: Func, notes: ReadonlyMap<Value, AllocNote> = new Map()): AllocGroup[] {
  const named = heapNames(f)
  const users = new Map<Value, Value[]>()
  for (const b of f.blocks) for (const v of b.values) for (const a of v.args) {
    const u = users.get(a)
    if (u) u.push(v)
    else users.set(a, [v])
  }
  const out: AllocGroup[] = []
  for (const b of f.blocks) {
    for (const call of b.values) {
      if (call.op !== 'StaticLECall' || call.aux?.kind !== 'call' || !ALLOC_FNS.has(call.aux.fn)) continue
      const ptr = (users.get(call) ?? []).find((u) => u.op === 'SelectN' && u.auxInt === 0n)
      const fn = call.aux.fn as AllocGroup['call']
      const size = fn === 'runtime.mallocgc' ? Number(call.args[0]!.auxInt) : (ptr?.type.elem?.size ?? 0)
      const note = notes.get(call)
      const members: AllocMember[] = (ptr ? [ptr, ...(users.get(ptr) ?? [])] : [])
        .filter((u) => (u === ptr || u.op === 'OffPtr' || u.op === 'Copy') && named.has(u))
        .map((u) => {
          const t = u.type.elem!
          const order = note?.order.indexOf(u) ?? -1
          return { name: named.get(u)!, offset: u.op === 'OffPtr' ? Number(u.auxInt) : 0, size: t.size, align: t.align, pointers: t.hasPointers, value: u.ref, ...(order >= 0 ? { order } : {}) }
        })
        .sort((x, y) => x.offset - y.offset)
      const g: AllocGroup = { call: fn, size, value: call.ref, block: b.ref, members, kind: note?.kind ?? (members.length ? 'own' : 'site') }
      if (note?.flush) {
        const next = note.flush.next
        g.flush = { cause: note.flush.cause, bytes: note.flush.bytes, ...(next ? { next: named.get(next) ?? next.ref, nextSize: next.type.elem!.size } : {}) }
      }
      if (fn === 'runtime.newobject' && ptr?.type.elem) g.type = ptr.type.elem.str
      out.push(g)
    }
  }
  return out
}

/** Heap-moved zero-sized variables: their address is runtime.zerobase, no call. */
export function zerobaseVars(f: Func): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = []
  for (const [v, name] of heapNames(f)) if (v.op === 'Addr' && v.aux?.kind === 'sym' && v.aux.name === 'runtime.zerobase') out.push({ name, value: v.ref })
  return out
}

/** The heap address of each moved variable (gc's `&x` names). */
function heapNames(f: Func): Map<Value, string> {
  const named = new Map<Value, string>()
  for (const n of f.names) if (n.slot.name.startsWith('&')) for (const v of n.values) named.set(v, n.slot.name.slice(1))
  return named
}
