// Fix-up code on merge edges (gc's shuffle and edgeState). Every edge into a
// block with several predecessors must deliver what that block expects: the
// values in the registers its allocation started from, and each phi's input
// in the phi's register or stack slot. The source block (it has one
// successor, critical edges being split) ends with the moves: Copy between
// registers, LoadReg / StoreReg between registers and slots, a recomputation
// for constants. Moves that form a cycle go through a free register.

import { NO_POS, type Block, type Pos, type Value } from '../../func'
import { opInfo } from '../../opinfo'
import { withStmt } from '../deadcode'
import type { EndReg, RegAlloc, StartReg } from './alloc'
import { locKey, type Loc } from './locs'
import { bit, has, pickReg, rematerializeable, type Mask } from './machine'

interface Content {
  vid: number
  c: Value
  final: boolean
  pos: Pos
}

interface Dest {
  loc: Loc
  vid: number
  /** The phi argument to point at the delivered copy. */
  splice: { phi: Value; i: number } | null
  pos: Pos
}

export function shuffle(s: RegAlloc, stackLive: number[][]): void {
  for (const b of s.visitOrder) {
    if (b.preds.length <= 1) continue
    b.preds.forEach((p, i) => new Edge(s, p, b).run(i, s.endRegs[p.id]!, s.startRegs[b.id]!, stackLive[p.id] ?? []))
  }
}

class Edge {
  private cache = new Map<number, Value[]>()
  private cachedVals: number[] = []
  private contents = new Map<string, Content>()
  private extra: Dest[] = []
  private usedRegs: Mask = 0n
  private uniqueRegs: Mask = 0n
  private finalRegs: Mask = 0n
  private rematRegs: Mask = 0n

  constructor(
    private readonly s: RegAlloc,
    private readonly p: Block,
    private readonly b: Block,
  ) {}

  run(idx: number, src: EndReg[], dst: StartReg[], stackLive: number[]): void {
    const s = this.s
    // Sources: the registers p ends with, and the spill slots that are filled on every path to this edge.
    for (const x of src) this.set(s.regLocs[x.r]!, x.v.id, x.c, false, NO_POS)
    for (const id of stackLive) {
      const v = s.origOf(id)
      const spill = v && s.vals[v.id]?.spill
      const h = s.home.get(id)
      if (!v || !spill || !h || !s.sdom.isAncestorEq(spill.block, this.p)) continue
      this.set(h, v.id, spill, false, NO_POS)
    }
    let dests: Dest[] = dst.map((x) => ({ loc: s.regLocs[x.r]!, vid: x.v.id, splice: null, pos: x.pos }))
    for (const v of this.b.values) {
      if (v.op !== 'Phi') break
      const loc = s.home.get(v.id)
      if (loc) dests.push({ loc, vid: v.args[idx]!.id, splice: { phi: v, i: idx }, pos: v.pos })
    }

    for (let guard = 0; dests.length; guard++) {
      if (guard > 10000) throw new Error(`regalloc: merge edge ${this.p} -> ${this.b} does not settle`)
      const left = dests.filter((d) => !this.processDest(d))
      if (left.length < dests.length) {
        dests = [...left, ...this.extra]
        this.extra = []
        continue
      }
      // Only cycles remain: copy one member to a free register to break it.
      const d = dests[0]!
      const cur = this.contents.get(locKey(d.loc))!
      const r = this.findRegFor(cur.c.type)
      this.erase(r)
      const pos = withStmt(d.pos, '-')
      const c = s.newValue(this.p, d.loc.kind === 'reg' ? 'Copy' : 'LoadReg', cur.c.type, [cur.c], pos)
      this.set(r, cur.vid, c, false, pos)
    }
  }

  /** Put value vid in loc; false when loc holds the last copy of a value still to be delivered. */
  private processDest(d: Dest): boolean {
    const s = this.s
    const { loc, vid } = d
    const pos = withStmt(d.pos, '-')
    const occ = this.contents.get(locKey(loc))
    if (occ && occ.vid === vid) {
      this.contents.set(locKey(loc), { vid, c: occ.c, final: true, pos })
      if (d.splice) d.splice.phi.setArg(d.splice.i, occ.c)
      if (s.copies.has(occ.c)) s.copies.set(occ.c, true)
      return true
    }
    if (occ && (this.cache.get(occ.vid)?.length ?? 0) === 1 && !s.vals[occ.vid]!.remat && !opInfo(s.origOf(occ.vid)!.op, s.arch).fixedReg) return false

    const v = s.origOf(vid)
    if (!v) throw new Error(`regalloc: no value v${vid} for ${this.p} -> ${this.b}`)
    let c: Value | null = null
    let src: Loc | undefined
    if (opInfo(v.op, s.arch).fixedReg) {
      c = v
      src = s.home.get(v.id)
    } else {
      for (const w of this.cache.get(vid) ?? []) {
        const h = s.home.get(w.id)
        if (!src || h?.kind === 'reg') {
          c = w
          src = h
        }
      }
    }
    const dstReg = loc.kind === 'reg'
    const srcReg = src?.kind === 'reg'
    // Clear the destination first so it is not picked as a temporary.
    this.erase(loc)
    const p = this.p
    let x: Value
    if (!c || s.vals[vid]!.remat) {
      if (!s.vals[vid]!.remat) throw new Error(`regalloc: no source for ${v} on ${this.p} -> ${this.b}`)
      if (dstReg) {
        const out = s.m.regspec(v).outputs[0]?.regs ?? 0n
        if (!has(out, (loc as { r: number }).r)) {
          if (srcReg) x = s.newValue(p, 'Copy', c!.type, [c!], pos)
          else {
            x = s.copyInto(v, p)
            const r = this.findRegFor(x.type)
            this.erase(r)
            this.set(r, vid, x, false, pos)
            x = s.newValue(p, 'Copy', x.type, [x], pos)
          }
        } else x = s.copyInto(v, p)
      } else {
        // Recompute into a register, then store it.
        const r = this.findRegFor(v.type)
        this.erase(r)
        x = s.copyInto(v, p, pos)
        this.set(r, vid, x, false, pos)
        x = s.newValue(p, 'StoreReg', slotType(loc), [x], pos)
      }
    } else if (srcReg) {
      x = s.newValue(p, dstReg ? 'Copy' : 'StoreReg', dstReg ? c.type : slotType(loc), [c], pos)
    } else if (dstReg) {
      x = s.newValue(p, 'LoadReg', c.type, [c], pos)
    } else {
      // Slot to slot goes through a register.
      const r = this.findRegFor(c.type)
      this.erase(r)
      const t = s.newValue(p, 'LoadReg', c.type, [c], pos)
      this.set(r, vid, t, false, pos)
      x = s.newValue(p, 'StoreReg', slotType(loc), [t], pos)
    }
    this.set(loc, vid, x, true, pos)
    if (x.op === 'LoadReg' && loc.kind === 'reg' && s.isG(loc.r)) throw new Error(`regalloc: load into g on ${this.p} -> ${this.b}`)
    if (d.splice) d.splice.phi.setArg(d.splice.i, x)
    return true
  }

  private set(loc: Loc, vid: number, c: Value, final: boolean, pos: Pos): void {
    const s = this.s
    s.setHome(c, loc)
    this.contents.set(locKey(loc), { vid, c, final, pos })
    let a = this.cache.get(vid)
    if (!a) this.cache.set(vid, (a = []))
    if (a.length === 0) this.cachedVals.push(vid)
    a.push(c)
    if (loc.kind !== 'reg') return
    const m = bit(loc.r)
    if (this.usedRegs & m) throw new Error(`regalloc: ${s.m.names[loc.r]} is already set on ${this.p} -> ${this.b}`)
    this.usedRegs |= m
    if (final) this.finalRegs |= m
    if (a.length === 1) this.uniqueRegs |= m
    if (a.length === 2) {
      const h = s.home.get(a[0]!.id)
      if (h?.kind === 'reg') this.uniqueRegs &= ~bit(h.r)
    }
    if (s.vals[vid]?.remat) this.rematRegs |= m
  }

  /** Forget loc's content; a delivered value that is overwritten must be delivered again. */
  private erase(loc: Loc): void {
    const s = this.s
    const key = locKey(loc)
    const cr = this.contents.get(key)
    if (!cr) return
    if (cr.final) this.extra.push({ loc, vid: cr.vid, splice: null, pos: cr.pos })
    const a = this.cache.get(cr.vid) ?? []
    const i = a.findIndex((c) => {
      const h = s.home.get(c.id)
      return h !== undefined && locKey(h) === key
    })
    if (i >= 0) {
      a[i] = a[a.length - 1]!
      a.pop()
    }
    if (loc.kind === 'reg') {
      const m = bit(loc.r)
      this.usedRegs &= ~m
      if (cr.final) this.finalRegs &= ~m
      this.rematRegs &= ~m
    }
    if (a.length === 1) {
      const h = s.home.get(a[0]!.id)
      if (h?.kind === 'reg') this.uniqueRegs |= bit(h.r)
    }
  }

  /** A register for a temporary: free, else one whose value has another copy, else spill one. */
  private findRegFor(t: Value['type']): Loc {
    const s = this.s
    const m = s.m.compatRegs(t)
    for (const x of [m & ~this.usedRegs, m & ~this.uniqueRegs & ~this.finalRegs, m & ~this.uniqueRegs, m & this.rematRegs]) {
      if (x !== 0n) return s.regLocs[pickReg(x)]!
    }
    for (const vid of this.cachedVals) {
      for (const c of this.cache.get(vid) ?? []) {
        const h = s.home.get(c.id)
        if (h?.kind !== 'reg' || !has(m, h.r)) continue
        if (!rematerializeable(c, s.arch)) {
          const x = s.newValue(this.p, 'StoreReg', c.type, [c], c.pos)
          this.set({ kind: 'slot', slot: s.newSlot(c.pos, c.type) }, vid, x, false, c.pos)
        }
        return h
      }
    }
    throw new Error(`regalloc: no free register on edge ${this.p} -> ${this.b}`)
  }
}

function slotType(l: Loc): Value['type'] {
  if (l.kind !== 'slot') throw new Error('regalloc: store to a non-slot location')
  return l.slot.type
}
