// The heap allocation calls of a function as built: each runtime.newobject
// or runtime.mallocgc call with its size and the heap-moved variables it
// holds (their OffPtr, or the Copy a lone variable's OffPtr became).

import type { AllocGroup } from '../../protocol/model'
import type { Func, Value } from '../ssa/func'

const ALLOC_FNS = new Set(['runtime.newobject', 'runtime.mallocgc'])

export function allocGroups(f: Func): AllocGroup[] {
  const named = new Map<Value, string>()
  for (const n of f.names) if (n.slot.name.startsWith('&')) for (const v of n.values) named.set(v, n.slot.name.slice(1))
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
      const members = (ptr ? [ptr, ...(users.get(ptr) ?? [])] : [])
        .filter((u) => (u === ptr || u.op === 'OffPtr' || u.op === 'Copy') && named.has(u))
        .map((u) => ({ name: named.get(u)!, offset: u.op === 'OffPtr' ? Number(u.auxInt) : 0, size: u.type.elem!.size, align: u.type.elem!.align }))
        .sort((x, y) => x.offset - y.offset)
      out.push({ call: fn, size, value: call.ref, block: b.ref, members })
    }
  }
  return out
}
