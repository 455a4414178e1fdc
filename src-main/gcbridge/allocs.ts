// Heap allocation calls in a gc SSA dump (ssagen's newHeapaddr/flushPendingHeapAllocations):
// small escaping scalars of one block share one `runtime.mallocgc(size, nil, true)`
// and each gets `OffPtr [off]` of its result; a lone one keeps
// `runtime.newobject(type)` and its OffPtr [0] becomes a Copy.

import type { DumpFunc, DumpValue } from './ssadump'

export interface AllocMember {
  /** The variable (`a` from the LocalSlot `&a[*int64]`). */
  name: string
  offset: number
  /** The member's type (`int64` from `*int64`), when the value's type is a pointer. */
  type?: string
}

export interface AllocCall {
  call: 'runtime.newobject' | 'runtime.mallocgc'
  value: string
  block: string
  /** mallocgc: its constant size argument; newobject: the size of a basic `type`, else null. */
  size: number | null
  /** newobject: T of its `Addr {type:T}` argument. */
  type?: string
  /** Named pointers into the result, by offset. */
  members: AllocMember[]
}

const CALLS = new Map<string, AllocCall['call']>([
  ['AuxCall{runtime.newobject}', 'runtime.newobject'],
  ['AuxCall{runtime.mallocgc}', 'runtime.mallocgc'],
])

/** Sizes of basic types on gc's 64-bit targets (amd64, arm64, ppc64…). */
const BASIC_SIZE: Record<string, number> = {
  bool: 1, int8: 1, uint8: 1, byte: 1,
  int16: 2, uint16: 2,
  int32: 4, uint32: 4, rune: 4, float32: 4,
  int: 8, uint: 8, int64: 8, uint64: 8, uintptr: 8, float64: 8, complex64: 8,
  complex128: 16,
}

/** Constant ops whose auxInt is the value, generic and lowered. */
const CONST_OP = /^(Const(8|16|32|64)|MOV[A-Z]*const)$/

/** Address arithmetic that keeps pointing into the same object: generic, then lowered forms. */
const OFFSET_OPS = new Set(['OffPtr', 'ADDQconst', 'ADDconst', 'ADDVconst'])

/** The allocation calls of `f` in program order (blocks, then values, as printed). */
export function allocationCalls(f: DumpFunc): AllocCall[] {
  const byId = new Map<string, DumpValue>()
  for (const b of f.blocks) for (const v of b.values) byId.set(v.id, v)
  const calls: AllocCall[] = []
  for (const b of f.blocks) {
    for (const v of b.values) {
      const call = v.aux === undefined ? undefined : CALLS.get(v.aux)
      if (!call) continue
      const arg0 = byId.get(v.args[0] ?? '')
      const a: AllocCall = { call, value: v.id, block: b.id, size: null, members: members(f, v.id) }
      if (call === 'runtime.mallocgc') {
        if (arg0 && CONST_OP.test(arg0.op) && /^\d+$/.test(arg0.auxInt ?? '')) a.size = Number(arg0.auxInt)
      } else if (arg0?.aux?.startsWith('type:')) {
        a.type = arg0.aux.slice('type:'.length)
        a.size = BASIC_SIZE[a.type] ?? null
      }
      calls.push(a)
    }
  }
  return calls
}

/** Offsets from the call's result (`SelectN [0]`) through OffPtr/Copy chains, and the names on them. */
function members(f: DumpFunc, call: string): AllocMember[] {
  const off = new Map<string, number>()
  for (const b of f.blocks) for (const v of b.values) if (v.op === 'SelectN' && v.auxInt === '0' && v.args[0] === call) off.set(v.id, 0)
  // Values are printed in dependency order only within a block, so iterate to a fixpoint.
  for (let changed = off.size > 0; changed; ) {
    changed = false
    for (const b of f.blocks) {
      for (const v of b.values) {
        const base = off.get(v.args[0] ?? '')
        if (base === undefined || off.has(v.id)) continue
        let d: number | null = null
        if (v.op === 'Copy') d = 0
        else if (OFFSET_OPS.has(v.op) && /^-?\d+$/.test(v.auxInt ?? '')) d = Number(v.auxInt)
        if (d === null) continue
        off.set(v.id, base + d)
        changed = true
      }
    }
  }
  const out: AllocMember[] = []
  const seen = new Set<string>()
  for (const b of f.blocks) {
    for (const v of b.values) {
      const o = off.get(v.id)
      if (o === undefined) continue
      for (const slot of v.names) {
        // Members are heap-moved variables: their address slots `&x[*T]`. A plain variable
        // that happens to hold the pointer (`r = &x`) is not a member.
        const m = /^&([^+[]+)(?:\+\d+)?\[(.*)\]$/.exec(slot)
        if (!m) continue
        const key = `${m[1]}@${o}`
        if (seen.has(key)) continue
        seen.add(key)
        const mem: AllocMember = { name: m[1]!, offset: o }
        const t = /^\*(.+)$/.exec(v.type)
        if (t) mem.type = t[1]!
        out.push(mem)
      }
    }
  }
  return out.sort((x, y) => x.offset - y.offset || x.name.localeCompare(y.name))
}
