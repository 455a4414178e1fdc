// Stack slots for everything regalloc left out of registers: spills
// (StoreReg), stack phis and stack arguments (gc's stackalloc.go). A spill
// of a named variable uses that variable's own slot (`n[int]`) unless a
// value live at the same time already lives there; parameters' slots are
// only for their incoming values. Everything else shares `.autotmp_N`
// slots by type, two values sharing a slot only when their live ranges do
// not overlap. Returns the slot values live at each block's end, which the
// merge-edge fix-up reads its sources from.

import type { Block, Func, Value } from '../../func'
import { isMemoryType } from '../deadcode'
import type { RegAlloc } from './alloc'
import { parseSlotName, type StackSlot } from './locs'
import { rematerializeable } from './machine'

interface SlotState {
  needSlot: boolean
  isArg: boolean
  defBlock: Block
  spill: Value | null
  useBlocks: { b: Block; liveout: boolean }[]
}

const NO_USES: SlotState['useBlocks'] = []
const isArgOp = (v: Value): boolean => v.op === 'Arg' || v.op === 'ArgIntReg' || v.op === 'ArgFloatReg'
const sameType = (a: Value['type'], b: Value['type']): boolean => a === b || a.str === b.str

export function stackalloc(s: RegAlloc, params: Set<string>): number[][] {
  const f = s.f
  // Indexed by value id and presized (filled in block order, not id order).
  const st: (SlotState | undefined)[] = new Array<SlotState | undefined>(f.numValues).fill(undefined)
  for (const b of f.blocks) for (const v of b.values) {
    const t = v.type
    const needSlot = !isMemoryType(t) && t.kind !== 'void' && t.kind !== 'flags' && !s.home.has(v.id) && !rematerializeable(v, f.arch)
    // Only values that need a slot collect uses (most do not: one shared empty list).
    st[v.id] = { needSlot, isArg: isArgOp(v), defBlock: b, spill: null, useBlocks: needSlot ? [] : NO_USES }
  }
  for (const b of f.blocks) for (const v of b.values) if (v.op === 'StoreReg') st[v.args[0]!.id]!.spill = v

  const live = computeStackLive(f, s, st)
  const interfere = interference(f, st, live)

  // Named slots: each value's first name, except that parameters' names belong to their incoming values.
  const names = new Map<number, StackSlot>()
  for (const n of f.names) {
    const slot = parseSlotName(n.slot.name, n.slot.type)
    for (const v of n.values) {
      if (v.op === 'ArgIntReg' || v.op === 'ArgFloatReg') {
        // A register argument's name must be the piece of the parameter it carries.
        const piece = v.aux?.kind === 'sym' ? parseSlotName(v.aux.name, v.type) : null
        if (!piece || piece.name !== slot.name || piece.off !== slot.off) continue
      } else if (params.has(slot.name) && v.op !== 'Arg') continue
      if (!names.has(v.id)) names.set(v.id, slot)
    }
  }
  for (const v of f.entry.values) {
    if (v.op !== 'Arg') continue
    if (v.aux?.kind !== 'sym') throw new Error(`regalloc: ${v} Arg has no variable`)
    s.setHome(v, { kind: 'slot', slot: { name: v.aux.name, type: v.type, off: Number(v.auxInt) } })
  }

  const byType = new Map<string, StackSlot[]>()
  const slotIndex = new Map<number, number>()
  for (const b of f.blocks) for (const v of b.values) {
    if (!st[v.id]!.needSlot || isArgOp(v)) continue
    const name = v.op === 'StoreReg' ? names.get(v.args[0]!.id) : names.get(v.id)
    if (name && sameType(v.type, name.type)) {
      const taken = (interfere[v.id] ?? []).some((id) => {
        const h = s.home.get(id)
        return h?.kind === 'slot' && h.slot.name === name.name && h.slot.off === name.off
      })
      if (!taken) {
        s.setHome(v, { kind: 'slot', slot: name })
        continue
      }
    }
    const locs = byType.get(v.type.str) ?? []
    byType.set(v.type.str, locs)
    const used = new Set<number>()
    for (const id of interfere[v.id] ?? []) {
      const k = slotIndex.get(id)
      if (k !== undefined) used.add(k)
    }
    let i = 0
    while (i < locs.length && used.has(i)) i++
    if (i === locs.length) locs.push(s.newSlot(v.pos, v.type))
    s.setHome(v, { kind: 'slot', slot: locs[i]! })
    slotIndex.set(v.id, i)
  }
  return live
}

/** Slot values live at each block's end: from their uses back to their definition. */
function computeStackLive(f: Func, s: RegAlloc, st: (SlotState | undefined)[]): number[][] {
  const addUse = (x: SlotState, b: Block, liveout: boolean): void => {
    // Only slot values' uses are read below.
    if (!x.needSlot) return
    const last = x.useBlocks[x.useBlocks.length - 1]
    if (!last || last.b !== b || last.liveout !== liveout) x.useBlocks.push({ b, liveout })
  }
  for (const b of f.blocks) {
    for (const id of s.spillLive[b.id] ?? []) if (st[id]) addUse(st[id]!, b, true)
    for (const v of b.values) for (let i = 0; i < v.args.length; i++) {
      const a = v.args[i]!
      const x = st[a.id]
      if (!x) continue
      let useBlock = b
      let liveout = false
      if (v.op === 'Phi') {
        // A phi input is used at the end of its predecessor.
        useBlock = b.preds[i]!
        liveout = true
        if (x.spill) addUse(st[x.spill.id]!, useBlock, true)
      }
      if (x.needSlot) addUse(x, useBlock, liveout)
    }
  }
  const live: number[][] = Array.from({ length: f.numBlocks }, () => [])
  const push = (b: Block, id: number): void => {
    const l = live[b.id]!
    if (l[l.length - 1] !== id) l.push(id)
  }
  st.forEach((x, id) => {
    if (!x?.needSlot) return
    const seen = new Set<Block>()
    const queue: Block[] = []
    for (const u of x.useBlocks) {
      if (u.liveout) push(u.b, id)
      queue.push(u.b)
    }
    while (queue.length) {
      const w = queue.pop()!
      if (seen.has(w) || w === x.defBlock) continue
      seen.add(w)
      for (const p of w.preds) {
        push(p, id)
        queue.push(p)
      }
    }
  })
  return live
}

/** Pairs of slot values live at once (same type, or either is an argument). */
function interference(f: Func, st: (SlotState | undefined)[], live: number[][]): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = new Array<number[] | undefined>(f.numValues).fill(undefined)
  const add = (a: number, b: number): void => {
    ;(out[a] ??= []).push(b)
  }
  const types: (Value['type'] | undefined)[] = new Array<Value['type'] | undefined>(f.numValues).fill(undefined)
  for (const b of f.blocks) for (const v of b.values) types[v.id] = v.type
  for (const b of f.blocks) {
    const now = new Set(live[b.id])
    for (let i = b.values.length - 1; i >= 0; i--) {
      const v = b.values[i]!
      const x = st[v.id]!
      if (x.needSlot) {
        now.delete(v.id)
        for (const id of now) if (sameType(v.type, types[id]!) || x.isArg || st[id]!.isArg) {
          add(v.id, id)
          add(id, v.id)
        }
      }
      for (const a of v.args) if (st[a.id]?.needSlot) now.add(a.id)
      // Arguments live from the function's start.
      if (x.isArg && x.needSlot) now.add(v.id)
    }
  }
  return out
}
