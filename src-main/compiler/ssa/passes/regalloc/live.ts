// What regalloc knows before it starts: for each block, the register values
// live at its end with the distance (in instructions) to their next use, and
// the registers those values would like to be in (gc's computeLive and
// computeDesired). Distances grow by 100 across a call and an unlikely
// branch, so values used only after a call or on a cold path are the first
// to be spilled.

import { NO_POS, type Block, type Func, type Value } from '../../func'
import { opInfo } from '../../opinfo'
import { succEdgeIndex } from '../deadcode'
import type { LoopNest } from './loopnest'
import { bit, countRegs, has, pickReg, type Machine, type Mask } from './machine'
import { SparseMap, type LiveEntry } from './sparse'

export const LIKELY = 1
export const NORMAL = 10
export const UNLIKELY = 100
export const NOREG = -1

/**
 * Registers that values would like to be in, each with up to four choices in
 * priority order (NOREG-padded, choices first). Every value regalloc passes
 * (twice: computeDesired, then each block) goes through it, so it works in
 * place with loops rather than finds and filters.
 */
export class Desired {
  entries: { id: number; regs: number[] }[] = []
  /** Registers some value wants: other values keep out of them when they can. */
  avoid: Mask = 0n

  private find(id: number): number {
    const es = this.entries
    for (let i = 0; i < es.length; i++) if (es[i]!.id === id) return i
    return -1
  }

  get(id: number): number[] {
    const i = this.find(id)
    return i < 0 ? [NOREG, NOREG, NOREG, NOREG] : this.entries[i]!.regs.slice()
  }

  add(id: number, r: number): void {
    this.avoid |= bit(r)
    const i = this.find(id)
    if (i < 0) {
      this.entries.push({ id, regs: [r, NOREG, NOREG, NOREG] })
      return
    }
    const regs = this.entries[i]!.regs
    const j = regs.indexOf(r)
    if (j === 0) return
    // Move r to the front; a new register pushes the last choice out.
    for (let k = j > 0 ? j : 3; k > 0; k--) regs[k] = regs[k - 1]!
    regs[0] = r
  }

  addList(id: number, regs: number[]): void {
    for (let i = regs.length - 1; i >= 0; i--) if (regs[i] !== NOREG) this.add(id, regs[i]!)
  }

  /** Forget wishes for registers in m. */
  clobber(m: Mask): void {
    const es = this.entries
    for (let i = 0; i < es.length; ) {
      const regs = es[i]!.regs
      let k = 0
      for (let j = 0; j < regs.length; j++) {
        const r = regs[j]!
        if (r !== NOREG && !has(m, r)) regs[k++] = r
      }
      if (k === 0) {
        es[i] = es[es.length - 1]!
        es.pop()
        continue
      }
      regs.length = k
      while (regs.length < 4) regs.push(NOREG)
      i++
    }
    this.avoid &= ~m
  }

  copy(x: Desired): void {
    const es: { id: number; regs: number[] }[] = new Array(x.entries.length)
    for (let i = 0; i < es.length; i++) {
      const e = x.entries[i]!
      es[i] = { id: e.id, regs: e.regs.slice() }
    }
    this.entries = es
    this.avoid = x.avoid
  }

  remove(id: number): number[] {
    const i = this.find(id)
    if (i < 0) return [NOREG, NOREG, NOREG, NOREG]
    const regs = this.entries[i]!.regs
    this.entries[i] = this.entries[this.entries.length - 1]!
    this.entries.pop()
    return regs
  }

  merge(x: Desired): boolean {
    const old = this.avoid
    this.avoid |= x.avoid
    for (let i = 0; i < x.entries.length; i++) {
      const e = x.entries[i]!
      this.addList(e.id, e.regs)
    }
    return old !== this.avoid
  }
}

/** Instructions between b's end and s's start: 1 likely, 100 unlikely, else 10. */
export function branchDistance(b: Block, s: Block): number {
  if (b.succs.length === 2) {
    if ((b.succs[0] === s && b.likely === 1) || (b.succs[1] === s && b.likely === -1)) return LIKELY
    if ((b.succs[0] === s && b.likely === -1) || (b.succs[1] === s && b.likely === 1)) return UNLIKELY
  }
  return NORMAL
}

export interface LiveInput {
  f: Func
  m: Machine
  nest: LoopNest
  po: Block[]
  needReg: (v: Value) => boolean
  remat: (id: number) => boolean
}

/** Values live at each block's end (by block id) with distances to their next use. */
export function computeLive(x: LiveInput): LiveEntry[][] {
  const { f, nest, po, needReg } = x
  const liveOut: LiveEntry[][] = Array.from({ length: f.numBlocks }, () => [])
  const isCall = (v: Value): boolean => !!opInfo(v.op, f.arch).call
  const irreducibleOrFlat = nest.loops.length === 0 || nest.hasIrreducible
  const loopLiveIn = irreducibleOrFlat ? null : new Map<object, LiveEntry[]>()
  const numCalls = new Int32Array(f.numBlocks)
  const live = new SparseMap()
  const t = new SparseMap()
  const load = (m: SparseMap, es: LiveEntry[]): void => {
    m.clear()
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!
      m.set(e.id, e.dist, e.pos)
    }
  }

  for (let iter = 0; ; iter++) {
    if (iter > f.numBlocks + 10) throw new Error('regalloc: liveness does not converge')
    let changed = false
    for (const b of po) {
      load(live, liveOut[b.id]!)
      let update = false
      b.succs.forEach((s, i) => {
        const delta = branchDistance(b, s)
        const k = succEdgeIndex(b, i)
        for (const v of s.values) {
          if (v.op !== 'Phi') break
          const a = v.args[k]!
          if (needReg(a) && (!live.contains(a.id) || delta < live.get(a.id))) {
            live.set(a.id, delta, v.pos)
            update = true
          }
        }
      })
      if (update) liveOut[b.id] = live.contents()
      live.shift(b.values.length)
      for (const c of b.controls) if (needReg(c)) live.set(c.id, b.values.length, b.pos)
      for (let i = b.values.length - 1; i >= 0; i--) {
        const v = b.values[i]!
        live.remove(v.id)
        if (v.op === 'Phi') continue
        if (isCall(v)) {
          numCalls[b.id]!++
          // Everything live crosses the call; rematerializeable values are not kept across it.
          live.shift(100)
          for (const e of live.contents()) if (x.remat(e.id)) live.remove(e.id)
        }
        for (const a of v.args) if (needReg(a)) live.set(a.id, i, v.pos)
      }
      if (loopLiveIn) {
        const l = nest.b2l[b.id]
        if (l && l.header === b) loopLiveIn.set(l, live.contents())
      }
      b.preds.forEach((p) => {
        const delta = branchDistance(p, b)
        load(t, liveOut[p.id]!)
        let upd = false
        for (let i = 0; i < live.size; i++) {
          const id = live.idAt(i)
          const d = live.distAt(i) + delta
          if (!t.contains(id) || d < t.get(id)) {
            upd = true
            t.set(id, d, live.posAt(i))
          }
        }
        if (!upd) return
        liveOut[p.id] = t.contents()
        changed = true
      })
    }
    // One pass is exact without loops; with reducible loops the loop pass below finishes the job.
    if (!changed || loopLiveIn || nest.loops.length === 0) break
  }
  if (!loopLiveIn) return liveOut

  // Values live into a loop are live throughout it, and inner loops inherit their outer loops' sets.
  const byDepth = nest.loops.slice().sort((a, b) => a.depth - b.depth)
  for (const l of byDepth) {
    if (!l.outer) continue
    const set = new SparseMap()
    const own = loopLiveIn.get(l) ?? []
    load(set, own)
    let update = false
    for (const e of loopLiveIn.get(l.outer) ?? []) if (!set.contains(e.id)) {
      set.set(e.id, e.dist, e.pos)
      update = true
    }
    if (update) loopLiveIn.set(l, set.contents())
  }
  const UNKNOWN = -1
  for (const b of po) {
    const l = nest.b2l[b.id]
    if (!l) continue
    load(t, liveOut[b.id]!)
    let update = false
    for (const e of loopLiveIn.get(l) ?? []) if (!t.contains(e.id)) {
      t.set(e.id, UNKNOWN, NO_POS)
      update = true
    }
    if (update) liveOut[b.id] = t.contents()
  }
  // Fill in the unknown distances from the successors.
  let unfinished = po.slice()
  for (let iter = 0; unfinished.length; iter++) {
    if (iter > f.numBlocks + 10) break
    const next: Block[] = []
    for (const b of unfinished) {
      let missing = 0
      load(live, liveOut[b.id]!)
      for (const e of liveOut[b.id]!) if (e.dist === UNKNOWN) missing++
      let update = false
      for (const s of b.succs) {
        for (const e of liveOut[s.id]!) {
          if (!live.contains(e.id) || e.dist === UNKNOWN) continue
          const dist = s.values.length + e.dist + branchDistance(b, s) + numCalls[s.id]! * UNLIKELY
          const val = live.get(e.id)
          if (val === UNKNOWN) missing--
          if (val === UNKNOWN || dist < val) {
            update = true
            live.set(e.id, dist, e.pos)
          }
        }
      }
      if (update) liveOut[b.id] = live.contents()
      if (missing > 0) next.push(b)
    }
    unfinished = next
  }
  return liveOut
}

/** The registers values want at each block's end (gc's computeDesired: fixed inputs, two-operand ops). */
export function computeDesired(x: LiveInput): Desired[] {
  const { f, m, nest, po } = x
  const out = Array.from({ length: f.numBlocks }, () => new Desired())
  const d = new Desired()
  for (let iter = 0; ; iter++) {
    if (iter > f.numBlocks + 10) throw new Error('regalloc: desired registers do not converge')
    let changed = false
    for (const b of po) {
      d.copy(out[b.id]!)
      for (let i = b.values.length - 1; i >= 0; i--) {
        const v = b.values[i]!
        const prefs = d.remove(v.id)
        if (v.op === 'Phi') continue
        wantInputs(d, v, prefs, m)
      }
      for (const p of b.preds) changed = out[p.id]!.merge(d) || changed
    }
    if (!changed || (!nest.hasIrreducible && nest.loops.length === 0)) break
  }
  return out
}

/** Walking backwards over v: fixed-register inputs, and two-operand ops want their result's register for arg 0. */
export function wantInputs(d: Desired, v: Value, prefs: number[], m: Machine): void {
  const spec = m.regspec(v)
  d.clobber(spec.clobbers)
  for (const j of spec.inputs) {
    if (countRegs(j.regs) !== 1) continue
    d.clobber(j.regs)
    d.add(v.args[j.idx]!.id, pickReg(j.regs))
  }
  if (twoOperand(v, m.f.arch)) {
    if (opInfo(v.op, m.f.arch).commutative) d.addList(v.args[1]!.id, prefs)
    d.addList(v.args[0]!.id, prefs)
  }
}

/** gc treats ADDQconst/ADDLconst and Select0 like resultInArg0 ops for register wishes. */
export function twoOperand(v: Value, arch: string): boolean {
  return !!opInfo(v.op, arch).resultInArg0 || v.op === 'Select0' || (arch === 'amd64' && (v.op === 'ADDQconst' || v.op === 'ADDLconst'))
}
