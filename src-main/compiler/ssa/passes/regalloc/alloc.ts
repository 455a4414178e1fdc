// The greedy part of gc's register allocator (ssa/regalloc.go), one block at
// a time in layout order, as if the function were one long block:
//  - a block starts from the register state its (best) predecessor ended
//    with; at a merge, phis take the register their input already has;
//  - before each value its arguments are brought into allowed registers,
//    preferring registers later uses want (fixed inputs, two-operand ops,
//    ABI registers of calls and results);
//  - when registers run out, the value whose next use is farthest away is
//    evicted (moved with a Copy when a register is free, else dropped and
//    reloaded later with LoadReg from a StoreReg spill);
//  - constants and addresses are recomputed next to each use, never spilled.
// Spill placement, stack slots and the fix-up code on merge edges follow in
// spills.ts, stackalloc.ts and shuffle.ts.

import { NO_POS, type Block, type Func, type Pos, type Value } from '../../func'
import { opInfo } from '../../opinfo'
import { withStmt } from '../deadcode'
import { computeDesired, computeLive, Desired, NOREG, UNLIKELY, wantInputs } from './live'
import { gcPostorder, loopNest, type LoopNest } from './loopnest'
import type { Loc, StackSlot } from './locs'
import { bit, countRegs, has, isResultsValue, isTupleValue, Machine, needsRegister, pickReg, rematerializeable, type Mask } from './machine'
import { SparseTree } from './sdom'
import type { LiveEntry } from './sparse'

interface Use {
  dist: number
  pos: Pos
}

/** What regalloc knows about an original (pre-regalloc) value. */
export interface ValState {
  /** Registers holding the value (or a copy of it). */
  regs: Mask
  /** Uses still ahead in this block, farthest first (the next use is last). */
  uses: Use[]
  /** Its spill (a StoreReg, or the value itself for Args and stack phis). */
  spill: Value | null
  /** The dominator-tree range holding every restore of the spill. */
  restoreMin: number
  restoreMax: number
  needReg: boolean
  remat: boolean
}

export interface EndReg {
  r: number
  v: Value
  c: Value
}

export interface StartReg extends EndReg {
  pos: Pos
}

const MAX = Number.MAX_SAFE_INTEGER
const notStmt = (p: Pos): Pos => withStmt(p, '-')

export class RegAlloc {
  readonly m: Machine
  readonly arch: string
  readonly nest: LoopNest
  readonly sdom: SparseTree
  readonly visitOrder: Block[]
  readonly blockOrder: Int32Array
  /** Values live at each block's end, with distances (null for one-block functions, as gc). */
  readonly live: LiveEntry[][] | null
  readonly desiredAtEnd: Desired[] | null
  readonly vals: ValState[] = []
  /** Each value made during allocation → the original value it holds. */
  readonly orig = new Map<number, Value>()
  readonly home = new Map<number, Loc>()
  readonly regLocs: Loc[]
  /** Per register: the original value held and the copy of it actually in the register. */
  regs: ({ v: Value; c: Value } | null)[]
  used: Mask = 0n
  nospill: Mask = 0n
  tmpused: Mask = 0n
  usedSinceBlockStart: Mask = 0n
  startRegsMask: Mask = 0n
  endRegs: EndReg[][] = []
  startRegs: StartReg[][] = []
  /** Ids of spills live at each block's end. */
  spillLive: number[][] = []
  /** Copies made to dodge evictions: kept only when a merge edge uses them. */
  readonly copies = new Map<Value, boolean>()
  /** StoreRegs not yet placed in a block. */
  readonly unplaced = new Set<Value>()
  /** Rematerializeable values taken out of the schedule (re-created at their uses). */
  readonly dropped: Value[] = []
  /** The scratch register of each needIntTemp op (gc's f.tempRegs). */
  readonly temps = new Map<Value, number>()
  /** New stack slots (gc's f.NewLocal). */
  readonly newSlot: (pos: Pos, t: Value['type']) => StackSlot
  curBlock!: Block
  curIdx = 0
  nextCall: number[] = []
  spValue = 0
  sbValue = 0

  constructor(
    readonly f: Func,
    newSlot: (pos: Pos, t: Value['type']) => StackSlot,
  ) {
    this.m = new Machine(f)
    this.arch = f.arch
    this.newSlot = newSlot
    this.regLocs = this.m.names.map((_, r) => ({ kind: 'reg', r }) as Loc)
    this.regs = this.m.names.map(() => null)
    this.sdom = new SparseTree(f)
    this.nest = loopNest(f, this.sdom.dom)
    this.visitOrder = f.blocks.slice()
    this.blockOrder = new Int32Array(f.numBlocks)
    this.visitOrder.forEach((b, i) => (this.blockOrder[b.id] = i))
    for (const b of f.blocks) for (const v of b.values) {
      const needReg = needsRegister(v, this.arch)
      this.vals[v.id] = { regs: 0n, uses: [], spill: null, restoreMin: 0, restoreMax: 0, needReg, remat: needReg && rematerializeable(v, this.arch) }
      if (needReg) this.orig.set(v.id, v)
    }
    const input = { f, m: this.m, nest: this.nest, po: gcPostorder(f), needReg: (v: Value) => this.needReg(v), remat: (id: number) => this.vals[id]?.remat ?? false }
    this.live = f.blocks.length > 1 ? computeLive(input) : null
    this.desiredAtEnd = f.blocks.length > 1 ? computeDesired(input) : null
    for (const b of f.blocks) {
      this.endRegs[b.id] = []
      this.startRegs[b.id] = []
      this.spillLive[b.id] = []
    }
  }

  needReg(v: Value): boolean {
    return this.vals[v.id]?.needReg ?? false
  }

  val(v: Value): ValState {
    const s = this.vals[v.id]
    if (!s) throw new Error(`regalloc: ${v} is not an original value`)
    return s
  }

  origOf(id: number): Value | undefined {
    return this.orig.get(id)
  }

  setOrig(c: Value, v: Value): void {
    const o = this.orig.get(v.id)
    if (o) this.orig.set(c.id, o)
  }

  setHome(v: Value, l: Loc): void {
    this.home.set(v.id, l)
  }

  homeReg(v: Value): number {
    const h = this.home.get(v.id)
    if (h?.kind !== 'reg') throw new Error(`regalloc: ${v} is not in a register`)
    return h.r
  }

  isG(r: number): boolean {
    return r === this.m.g
  }

  private nextUse(v: Value): Use | undefined {
    const u = this.vals[v.id]!.uses
    return u[u.length - 1]
  }

  freeReg(r: number): void {
    if (!has(this.m.allocatable, r) && !this.isG(r)) return
    const s = this.regs[r]
    if (!s) throw new Error(`regalloc: freeing free register ${this.m.names[r]}`)
    this.regs[r] = null
    this.vals[s.v.id]!.regs &= ~bit(r)
    this.used &= ~bit(r)
  }

  freeRegs(m: Mask): void {
    while ((m & this.used) !== 0n) this.freeReg(pickReg(m & this.used))
  }

  /** Register r now holds c, a copy of original value v. */
  assignReg(r: number, v: Value, c: Value): void {
    this.vals[v.id]!.regs |= bit(r)
    this.setHome(c, this.regLocs[r]!)
    if (!has(this.m.allocatable, r) && !this.isG(r)) return
    if (this.regs[r]) throw new Error(`regalloc: ${this.m.names[r]} for ${c} is already used by ${this.regs[r]!.v}`)
    this.regs[r] = { v, c }
    this.used |= bit(r)
  }

  /** A register from mask, evicting the value used farthest in the future if none is free. */
  allocReg(mask: Mask, v: Value | null): number {
    mask &= this.m.allocatable & ~this.nospill
    if (mask === 0n) throw new Error(`regalloc: no register available for ${v ?? 'a temporary'}`)
    if ((mask & ~this.used) !== 0n) {
      const r = pickReg(mask & ~this.used)
      this.usedSinceBlockStart |= bit(r)
      return r
    }
    let r = -1
    let maxuse = -1
    for (let t = 0; t < this.regs.length; t++) {
      if (!has(mask, t)) continue
      const n = this.nextUse(this.regs[t]!.v)?.dist ?? MAX
      if (n > maxuse) {
        r = t
        maxuse = n
      }
    }
    if (r < 0) throw new Error('regalloc: no register to spill')
    // Move the evicted value to a free register rather than lose it, when it has no other copy.
    const v2 = this.regs[r]!.v
    const free = this.m.compatRegs(v2.type) & ~this.used & ~this.tmpused & ~bit(r)
    const vs = this.vals[v2.id]!
    if (free !== 0n && !vs.remat && countRegs(vs.regs) === 1) {
      this.usedSinceBlockStart |= bit(r)
      const c = this.newValue(this.curBlock, 'Copy', v2.type, [this.regs[r]!.c], v2.pos)
      this.copies.set(c, false)
      this.setOrig(c, v2)
      this.assignReg(pickReg(free), v2, c)
    }
    // gc only drops register 0 here (its mask test compares with 1): kept as is to match its choices.
    if ((this.usedSinceBlockStart & bit(r)) === 0n && (this.startRegsMask & bit(r)) === 1n) this.startRegsMask &= ~bit(r)
    this.freeReg(r)
    this.usedSinceBlockStart |= bit(r)
    return r
  }

  /** The spill of v, made (without a block yet) on first need; b is where it is restored. */
  makeSpill(v: Value, b: Block): Value {
    const vi = this.val(v)
    const lo = this.sdom.entry[b.id]!
    const hi = this.sdom.exit[b.id]!
    if (vi.spill) {
      vi.restoreMin = Math.min(vi.restoreMin, lo)
      vi.restoreMax = Math.max(vi.restoreMax, hi)
      return vi.spill
    }
    const spill = this.newValue(this.curBlock, 'StoreReg', v.type, [], v.pos)
    this.curBlock.values.pop()
    this.unplaced.add(spill)
    this.setOrig(spill, v)
    vi.spill = spill
    vi.restoreMin = lo
    vi.restoreMax = hi
    return spill
  }

  /** A copy of v in a register from mask, made here: a Copy, a recomputation or a LoadReg. */
  allocValToReg(v: Value, mask: Mask, nospill: boolean, pos: Pos): Value {
    const vi = this.val(v)
    pos = notStmt(pos)
    if ((mask & vi.regs) !== 0n) {
      mask &= vi.regs
      let r = pickReg(mask)
      if (has(mask, this.m.sp)) r = this.m.sp
      if (!has(this.m.allocatable, r)) return v
      const s = this.regs[r]
      if (!s || s.v !== v) throw new Error(`regalloc: bad register state for ${v}`)
      if (nospill) this.nospill |= bit(r)
      this.usedSinceBlockStart |= bit(r)
      return s.c
    }
    const r = this.allocReg(mask, v)
    let c: Value
    if (vi.regs !== 0n) {
      let current = v
      if ((vi.regs & ~this.m.allocatable) === 0n) {
        const r2 = pickReg(vi.regs)
        current = this.regs[r2]!.c
        this.usedSinceBlockStart |= bit(r2)
      }
      c = this.newValue(this.curBlock, 'Copy', v.type, [current], pos)
    } else if (vi.remat) {
      c = this.copyInto(v, this.curBlock, pos)
      const out = this.m.regspec(c).outputs[0]?.regs ?? 0n
      if ((mask & out) === 0n) {
        this.setOrig(c, v)
        this.assignReg(this.allocReg(out, v), v, c)
        c = this.newValue(this.curBlock, 'Copy', v.type, [c], pos)
      }
    } else {
      c = this.newValue(this.curBlock, 'LoadReg', v.type, [this.makeSpill(v, this.curBlock)], pos)
    }
    this.setOrig(c, v)
    this.assignReg(r, v, c)
    if (c.op === 'LoadReg' && this.isG(r)) throw new Error(`regalloc: load into g: ${c}`)
    if (nospill) this.nospill |= bit(r)
    return c
  }

  /** A new value at the end of b; like gc's newValue, a Copy is never a statement. */
  newValue(b: Block, op: string, type: Value['type'], args: Value[], pos: Pos, auxInt = 0n, aux: Value['aux'] = null): Value {
    return this.f.newValue(b, op, type, args, auxInt, aux, op === 'Copy' ? notStmt(pos) : pos)
  }

  /**
   * A recomputation of v at the end of b. At pos (gc's copyIntoWithXPos)
   * it keeps v's statement mark when on v's line; without pos (gc's
   * copyInto) it is at v's position, never a statement.
   */
  copyInto(v: Value, b: Block, pos?: Pos): Value {
    if (!pos) pos = notStmt(v.pos)
    else if (v.pos.stmt === '+' && pos.stmt !== '+' && pos.line === v.pos.line) pos = withStmt(pos, '+')
    return this.newValue(b, v.op, v.type, v.args, pos, v.auxInt, v.aux)
  }

  addUse(id: number, dist: number, pos: Pos): void {
    this.vals[id]!.uses.push({ dist, pos })
  }

  /** Past v: its arguments' next uses come up; registers of values with no near use are freed. */
  advanceUses(v: Value): void {
    for (const a of v.args) {
      const ai = this.vals[a.id]
      if (!ai?.needReg) continue
      ai.uses.pop()
      const next = ai.uses[ai.uses.length - 1]
      if (!next || (!opInfo(a.op, this.arch).fixedReg && next.dist > this.nextCall[this.curIdx]!)) this.freeRegs(ai.regs)
    }
    this.dropIfUnused(v)
  }

  /** Free v's registers when it is never used, or only after the next call. */
  dropIfUnused(v: Value): void {
    const vi = this.vals[v.id]
    if (!vi?.needReg) return
    let nextCall = this.nextCall[this.curIdx]!
    if (opInfo(v.op, this.arch).call) nextCall = this.curIdx === this.nextCall.length - 1 ? MAX : this.nextCall[this.curIdx + 1]!
    const u = vi.uses[vi.uses.length - 1]
    if (!u || (!opInfo(v.op, this.arch).fixedReg && u.dist > nextCall)) this.freeRegs(vi.regs)
  }

  /** v (an argument of the current value) is used again after it. */
  liveAfterCurrent(v: Value): boolean {
    const u = this.vals[v.id]!.uses
    if (!u.length) throw new Error(`regalloc: ${v} has no uses left`)
    const d = u[u.length - 1]!.dist
    let i = u.length - 1
    while (i >= 0 && u[i]!.dist === d) i--
    return i >= 0 && u[i]!.dist > d
  }

  setState(regs: EndReg[]): void {
    this.freeRegs(this.used)
    for (const x of regs) this.assignReg(x.r, x.v, x.c)
  }

  /** Allocate every block (gc's main loop). */
  run(): void {
    if (this.f.entry !== this.f.blocks[0]) throw new Error('regalloc: entry block must be first')
    const desired = new Desired()
    for (const b of this.visitOrder) this.allocBlock(b, desired)
  }

  private allocBlock(b: Block, desired: Desired): void {
    const { m, f } = this
    this.curBlock = b
    this.startRegsMask = 0n
    this.usedSinceBlockStart = 0n
    const desiredSecondReg = new Map<number, number[]>()
    const n = b.values.length

    // Uses in this block, walking backwards: pseudo-uses past the end for live-out values.
    const liveSet = new Set<number>()
    for (const e of this.live?.[b.id] ?? []) {
      this.addUse(e.id, n + e.dist, e.pos)
      liveSet.add(e.id)
    }
    for (const c of b.controls) if (this.needReg(c)) {
      this.addUse(c.id, n, b.pos)
      liveSet.add(c.id)
    }
    this.nextCall = new Array<number>(n)
    let nextCall = MAX
    for (let i = n - 1; i >= 0; i--) {
      const v = b.values[i]!
      liveSet.delete(v.id)
      if (v.op === 'Phi') {
        this.nextCall[i] = nextCall
        continue
      }
      if (opInfo(v.op, this.arch).call) {
        // A call clobbers every register but SP and SB.
        liveSet.clear()
        if (this.spValue && this.vals[this.spValue]!.uses.length) liveSet.add(this.spValue)
        if (this.sbValue && this.vals[this.sbValue]!.uses.length) liveSet.add(this.sbValue)
        nextCall = i
      }
      for (const a of v.args) if (this.needReg(a)) {
        this.addUse(a.id, i, v.pos)
        liveSet.add(a.id)
      }
      this.nextCall[i] = nextCall
    }

    let nphi = 0
    while (nphi < n && b.values[nphi]!.op === 'Phi') nphi++
    const phis = b.values.slice(0, nphi)
    const oldSched = b.values.slice(nphi)
    b.values = []

    if (b === f.entry) {
      if (nphi) throw new Error(`regalloc: phis in entry block ${b}`)
    } else if (b.preds.length === 1) {
      this.setState(this.endRegs[b.preds[0]!.id]!)
      if (nphi) throw new Error(`regalloc: phis in single-predecessor block ${b}`)
      for (let r = 0; r < this.regs.length; r++) {
        const s = this.regs[r]
        if (s && !liveSet.has(s.v.id)) this.freeReg(r)
      }
    } else {
      this.startMerge(b, phis, liveSet)
    }

    for (let i = 0; i < phis.length; i++) {
      this.curIdx = i
      this.dropIfUnused(phis[i]!)
    }

    // Register wishes for each value's result and first three arguments.
    if (this.desiredAtEnd) desired.copy(this.desiredAtEnd[b.id]!)
    b.succs.forEach((succ, si) => {
      for (const x of this.startRegs[succ.id]!) desired.add(x.v.id, x.r)
      const k = succEdge(b, si)
      for (const v of succ.values) {
        if (v.op !== 'Phi') break
        if (!this.needReg(v) || k < 0) continue
        let h = this.home.get(v.id)
        if (h?.kind !== 'reg') {
          h = undefined
          for (const a of v.args) {
            const ha = this.home.get(a.id)
            if (ha?.kind === 'reg') {
              h = ha
              break
            }
          }
          if (!h) continue
        }
        desired.add(v.args[k]!.id, (h as { r: number }).r)
      }
    })
    const dinfo: { out: number[]; in: number[][] }[] = new Array(oldSched.length)
    for (let i = oldSched.length - 1; i >= 0; i--) {
      const v = oldSched[i]!
      const prefs = desired.remove(v.id)
      wantInputs(desired, v, prefs, m)
      dinfo[i] = { out: prefs, in: v.args.slice(0, 3).map((a) => desired.get(a.id)) }
      if (v.op === 'Select1' && prefs[0] !== NOREG) desiredSecondReg.set(v.args[0]!.id, prefs)
    }

    oldSched.forEach((v, idx) => {
      this.curIdx = nphi + idx
      this.allocValue(b, v, dinfo[idx]!, desired, desiredSecondReg)
    })

    // Control values go in any register of their type.
    const controls = b.controls.slice()
    b.controls.forEach((v, i) => {
      if (!this.needReg(v)) return
      const c = this.allocValToReg(v, m.compatRegs(v.type), false, b.pos)
      v.uses--
      c.uses++
      b.controls[i] = c
    })
    for (const v of controls) {
      const vi = this.vals[v.id]
      if (!vi?.needReg) continue
      vi.uses.pop()
      if (!vi.uses.length) this.freeRegs(vi.regs)
    }

    if (b.succs.length === 1) this.preloadLoopValues(b, desired)

    const end: EndReg[] = []
    this.regs.forEach((s, r) => {
      if (s) end.push({ r, v: s.v, c: s.c })
    })
    this.endRegs[b.id] = end

    if (this.live) {
      // A value live at the end but in no register must be in its spill slot.
      for (const e of this.live[b.id]!) {
        const vi = this.vals[e.id]!
        if (vi.regs !== 0n || vi.remat) continue
        this.spillLive[b.id]!.push(this.makeSpill(this.orig.get(e.id)!, b).id)
      }
      for (const e of this.live[b.id]!) this.vals[e.id]!.uses = []
    }
    if (countRegs(this.startRegsMask) !== this.startRegs[b.id]!.length) this.startRegs[b.id] = this.startRegs[b.id]!.filter((s) => has(this.startRegsMask, s.r))
  }

  /** A merge block starts from its best predecessor's end state; phis take their inputs' registers. */
  private startMerge(b: Block, phis: Value[], liveSet: Set<number>): void {
    const { m } = this
    // The visited predecessor with the fewest live spills; ties go to the likely or earlier one.
    let idx = -1
    b.preds.forEach((p, i) => {
      if (this.blockOrder[p.id]! >= this.blockOrder[b.id]!) return
      if (idx < 0) {
        idx = i
        return
      }
      const sel = b.preds[idx]!
      const np = this.spillLive[p.id]!.length
      const ns = this.spillLive[sel.id]!.length
      if (np < ns) idx = i
      else if (np === ns && ((likelyBranch(p) && !likelyBranch(sel)) || this.blockOrder[p.id]! < this.blockOrder[sel.id]!)) idx = i
    })
    if (idx < 0) throw new Error(`regalloc: no predecessor of ${b} is allocated before it`)
    const p = b.preds[idx]!
    this.setState(this.endRegs[p.id]!)

    const phiRegs: number[] = []
    let phiUsed = 0n
    for (const v of phis) {
      if (!this.needReg(v)) {
        phiRegs.push(NOREG)
        continue
      }
      const mm = this.vals[v.args[idx]!.id]!.regs & ~phiUsed & m.allocatable
      if (mm !== 0n) {
        const r = pickReg(mm)
        phiUsed |= bit(r)
        phiRegs.push(r)
      } else phiRegs.push(NOREG)
    }
    // The phis take over their inputs' registers; inputs still live elsewhere move to a free one.
    phis.forEach((v, i) => {
      const r = phiRegs[i]!
      if (!this.needReg(v) || r === NOREG) return
      const a = v.args[idx]!
      const ai = this.vals[a.id]!
      if (liveSet.has(a.id)) {
        const free = m.compatRegs(a.type) & ~this.used & ~phiUsed
        if (free !== 0n && !ai.remat && countRegs(ai.regs) === 1) {
          const r2 = pickReg(free)
          const c = this.newValue(p, 'Copy', a.type, [this.regs[r]!.c], a.pos)
          this.copies.set(c, false)
          this.setOrig(c, a)
          this.assignReg(r2, a, c)
          this.endRegs[p.id]!.push({ r: r2, v: a, c })
        }
      }
      this.freeReg(r)
    })
    b.values.push(...phis)
    // Phis whose input had no register: prefer a register another input ends in.
    phis.forEach((v, i) => {
      if (!this.needReg(v) || phiRegs[i] !== NOREG) return
      let mm = m.compatRegs(v.type) & ~phiUsed & ~this.used
      for (let j = 0; j < b.preds.length; j++) {
        if (j === idx) continue
        const want = this.orig.get(v.args[j]!.id)
        const er = this.endRegs[b.preds[j]!.id]!.find((e) => e.v === want)
        if (er && has(mm, er.r)) {
          mm = bit(er.r)
          break
        }
      }
      if (mm !== 0n) {
        const r = pickReg(mm)
        phiRegs[i] = r
        phiUsed |= bit(r)
      }
    })
    phis.forEach((v, i) => {
      if (!this.needReg(v)) return
      const r = phiRegs[i]!
      // A phi with no register lives in its stack slot: its inputs are stored there on each edge.
      if (r === NOREG) this.vals[v.id]!.spill = v
      else this.assignReg(r, v, v)
    })
    for (let r = 0; r < this.regs.length; r++) {
      const s = this.regs[r]
      if (has(phiUsed, r) || !s || liveSet.has(s.v.id)) continue
      this.freeReg(r)
    }
    const start: StartReg[] = []
    this.regs.forEach((s, r) => {
      if (!s || has(phiUsed, r)) return
      start.push({ r, v: s.v, c: s.c, pos: this.nextUse(s.v)?.pos ?? NO_POS })
      this.startRegsMask |= bit(r)
    })
    this.startRegs[b.id] = start
  }

  private allocValue(b: Block, v: Value, dinfo: { out: number[]; in: number[][] }, desired: Desired, desiredSecondReg: Map<number, number[]>): void {
    const { m, arch } = this
    const info = opInfo(v.op, arch)
    const spec = m.regspec(v)
    if (v.op === 'Phi') throw new Error(`regalloc: phi ${v} not at start of ${b}`)
    const issue = (): void => {
      b.values.push(v)
      this.advanceUses(v)
    }
    if (info.fixedReg) {
      if (v.op === 'SP') {
        this.assignReg(m.sp, v, v)
        this.spValue = v.id
      } else if (v.op === 'SB') {
        this.assignReg(m.sb, v, v)
        this.sbValue = v.id
      } else {
        const out = spec.outputs[0]?.regs ?? 0n
        if (countRegs(out) !== 1) throw new Error(`regalloc: bad fixed-register op ${v}`)
        this.assignReg(pickReg(out), v, v)
      }
      return issue()
    }
    if (v.op === 'Select0' || v.op === 'Select1' || v.op === 'SelectN') {
      if (this.needReg(v)) {
        const h = this.home.get(v.args[0]!.id)
        const r = v.op === 'SelectN' ? (h?.kind === 'results' ? h.regs[Number(v.auxInt)] : undefined) : h?.kind === 'pair' ? h.regs[v.op === 'Select0' ? 0 : 1] : undefined
        if (r === undefined || r < 0) throw new Error(`regalloc: ${v} selects a part of ${v.args[0]} that has no register`)
        this.assignReg(r, v, v)
      }
      return issue()
    }
    if (v.op === 'GetG' && m.g >= 0) {
      if (this.regs[m.g]) this.freeReg(m.g)
      this.assignReg(m.g, v, v)
      return issue()
    }
    if (v.op === 'Arg') {
      // Stack arguments start life spilled: users load them from their slot.
      this.vals[v.id]!.spill = v
      return issue()
    }
    if (v.op === 'KeepAlive') {
      this.advanceUses(v)
      const a = v.args[0]!
      const ai = this.val(a)
      if (ai.regs === 0n && !ai.remat) v.setArg(0, this.makeSpill(a, b))
      else if (ai.remat && a.aux?.kind === 'sym' && isLocalName(a.aux.name)) {
        // The address of a stack object: keep the object itself live.
        v.op = 'VarLive'
        v.setArgs([v.args[1]!])
        v.aux = a.aux
      } else {
        v.op = 'Copy'
        v.setArgs([v.args[1]!])
      }
      b.values.push(v)
      return
    }
    if (spec.inputs.length === 0 && spec.outputs.length === 0) {
      this.freeRegs(spec.clobbers)
      return issue()
    }
    if (this.vals[v.id]!.remat) {
      // Recomputed next to each use instead.
      this.advanceUses(v)
      this.dropped.push(v)
      return
    }

    // Arguments into registers: fixed registers already holding them, then free fixed registers, then the rest.
    const args: (Value | null)[] = v.args.map((a) => (this.needReg(a) ? null : a))
    for (const i of spec.inputs) {
      const a = v.args[i.idx]!
      if (countRegs(i.regs) === 1 && (i.regs & this.vals[a.id]!.regs) !== 0n) args[i.idx] = this.allocValToReg(a, i.regs, true, v.pos)
    }
    for (let freed = true; freed; ) {
      freed = false
      for (const i of spec.inputs) {
        if (args[i.idx]) continue
        if (countRegs(i.regs) !== 1 || (i.regs & ~this.used) === 0n) continue
        const a = v.args[i.idx]!
        args[i.idx] = this.allocValToReg(a, i.regs, true, v.pos)
        const old = this.vals[a.id]!.regs
        if ((old & ~spec.clobbers) === 0n || !this.liveAfterCurrent(a)) {
          this.freeRegs(old & ~i.regs & ~this.nospill)
          freed = true
        }
      }
    }
    for (const i of spec.inputs) {
      if (args[i.idx]) continue
      const a = v.args[i.idx]!
      const ai = this.vals[a.id]!
      let mask = i.regs
      if ((mask & ai.regs) === 0n) {
        mask &= m.allocatable & ~this.nospill
        if (i.idx < 3) {
          const want = dinfo.in[i.idx]!.find((r) => r !== NOREG && has(mask & ~this.used, r))
          if (want !== undefined) mask = bit(want)
        }
        if ((mask & ~desired.avoid) !== 0n) mask &= ~desired.avoid
      }
      // Locals are addressed from SP itself, never from a copy of it.
      if ((mask & ai.regs & bit(m.sp)) !== 0n) mask = bit(m.sp)
      args[i.idx] = this.allocValToReg(a, mask, true, v.pos)
    }

    if (info.resultInArg0) this.keepArg0(v, args, dinfo, desired, spec.outputs[0]?.regs ?? 0n)

    // An input the op destroys must survive elsewhere when still needed.
    for (let i = 0; i < 2; i++) {
      if (!(i === 0 ? spec.clobbersArg0 : spec.clobbersArg1)) continue
      const a = v.args[i]!
      const ai = this.vals[a.id]!
      if (!this.liveAfterCurrent(a) || ai.remat || countRegs(ai.regs) >= 2) continue
      const free = m.compatRegs(a.type) & ~this.used
      if (free === 0n) continue
      this.copies.set(this.allocValToReg(a, free, true, v.pos), false)
    }

    let tmpReg = NOREG
    if (info.needIntTemp) {
      let mm = m.allocatable & m.gp
      for (const o of spec.outputs) if (countRegs(o.regs) === 1) mm &= ~o.regs
      if ((mm & ~desired.avoid & ~this.nospill) !== 0n) mm &= ~desired.avoid
      tmpReg = this.allocReg(mm, null)
      this.temps.set(v, tmpReg)
      this.nospill |= bit(tmpReg)
      this.tmpused |= bit(tmpReg)
    }

    if (spec.clobbersArg0) this.freeReg(this.homeReg(args[0]!))
    if (spec.clobbersArg1 && !(spec.clobbersArg0 && this.homeReg(args[0]!) === this.homeReg(args[1]!))) this.freeReg(this.homeReg(args[1]!))

    // Dying inputs free their registers first, so the result can reuse one.
    if (!info.resultNotInArgs) {
      this.tmpused = this.nospill
      this.nospill = 0n
      this.advanceUses(v)
    }
    this.freeRegs(spec.clobbers)
    this.tmpused |= spec.clobbers

    const outRegs: number[] = []
    let maxOut = -1
    let usedOut = tmpReg !== NOREG ? bit(tmpReg) : 0n
    for (const out of spec.outputs) {
      if (out.regs === 0n) continue
      let mask = out.regs & m.allocatable & ~usedOut
      if (mask === 0n) throw new Error(`regalloc: no output register for ${v}`)
      if (info.resultInArg0 && out.idx === 0) {
        const r0 = this.homeReg(args[0]!)
        if (!info.commutative) {
          if (!has(mask, r0)) throw new Error(`regalloc: ${v}'s input register ${m.names[r0]} cannot be its output`)
          mask = bit(r0)
        } else {
          const r1 = this.homeReg(args[1]!)
          const want = dinfo.out.find((r) => (r === r0 || r === r1) && has(mask & ~this.used, r))
          if (want !== undefined) {
            mask = bit(want)
            if (want === r1) [args[0], args[1]] = [args[1]!, args[0]!]
          } else mask = bit(r0)
        }
      }
      const prefs = out.idx === 0 ? dinfo.out : out.idx === 1 ? desiredSecondReg.get(v.id) : undefined
      const want = prefs?.find((r) => r !== NOREG && has(mask & ~this.used, r))
      if (want !== undefined) mask = bit(want)
      if ((mask & ~desired.avoid & ~this.nospill & ~this.used) !== 0n) mask &= ~desired.avoid
      const r = this.allocReg(mask, v)
      maxOut = Math.max(maxOut, out.idx)
      outRegs[out.idx] = r
      usedOut |= bit(r)
      this.tmpused |= bit(r)
    }
    if (isTupleValue(v, arch)) this.setHome(v, { kind: 'pair', regs: [outRegs[0] ?? NOREG, outRegs[1] ?? NOREG] })
    else if (isResultsValue(v, arch)) this.setHome(v, { kind: 'results', regs: Array.from({ length: maxOut + 1 }, (_, i) => outRegs[i] ?? NOREG) })
    else if (outRegs[0] !== undefined) this.assignReg(outRegs[0], v, v)

    if (info.resultNotInArgs) {
      this.nospill = 0n
      this.advanceUses(v)
    }
    this.tmpused = 0n
    args.forEach((a, i) => {
      if (a && a !== v.args[i]) v.setArg(i, a)
    })
    b.values.push(v)
    this.dropIfUnused(v)
  }

  /**
   * A two-operand op overwrites its first input: when that input is still
   * needed afterwards, swap commutative inputs or copy it first (gc's
   * resultInArg0 handling).
   */
  private keepArg0(v: Value, args: (Value | null)[], dinfo: { out: number[]; in: number[][] }, desired: Desired, outMask: Mask): void {
    const info = opInfo(v.op, this.arch)
    const [a0, a1] = v.args as [Value, Value]
    const swap = (): void => {
      ;[args[0], args[1]] = [args[1]!, args[0]!]
    }
    if (!this.liveAfterCurrent(a0)) return
    if (info.commutative && !this.liveAfterCurrent(a1)) return swap()
    const s0 = this.vals[a0.id]!
    const s1 = info.commutative ? this.vals[a1.id]! : null
    if (s0.remat) return
    if (s1?.remat) return swap()
    if (countRegs(s0.regs) >= 2) return
    if (s1 && countRegs(s1.regs) >= 2) return swap()
    let mm = this.m.compatRegs(a0.type) & ~this.used
    if (mm === 0n) return
    // Copy the input into the result's desired register and compute there.
    for (const r of dinfo.out) if (r !== NOREG && has(mm & outMask, r)) {
      args[0] = this.allocValToReg(a0, bit(r), true, v.pos)
      return
    }
    // Or move the input to where it wants to be and compute in its old register.
    for (const r of dinfo.in[0]!) if (r !== NOREG && has(mm, r)) {
      this.copies.set(this.allocValToReg(a0, bit(r), true, v.pos), false)
      return
    }
    if (info.commutative) for (const r of dinfo.in[1]!) if (r !== NOREG && has(mm, r)) {
      this.copies.set(this.allocValToReg(a1, bit(r), true, v.pos), false)
      swap()
      return
    }
    if ((mm & ~desired.avoid) !== 0n) mm &= ~desired.avoid
    const c = this.allocValToReg(a0, mm, true, v.pos)
    this.copies.set(c, false)
    // Normally compute in the old copy's register; but if that one is where arg 0 wants to stay, use the new copy.
    if (has(outMask, this.homeReg(c))) {
      const h = this.home.get(args[0]!.id)
      if (h?.kind === 'reg' && dinfo.in[0]!.includes(h.r)) args[0] = c
    }
  }

  /**
   * At the end of a loop entry's only edge, load values the loop uses soon
   * into registers now, so the loop does not reload them every iteration.
   */
  private preloadLoopValues(b: Block, desired: Desired): void {
    const { m } = this
    if (this.regs[m.g]) this.freeReg(m.g)
    const top = b.succs[0]!
    if (this.blockOrder[b.id]! > this.blockOrder[top.id]!) return
    const loop = this.nest.b2l[top.id]
    if (!loop || loop.header !== top || loop.containsUnavoidableCall) return
    for (const e of this.live?.[b.id] ?? []) {
      if (e.dist >= UNLIKELY) continue
      const vi = this.vals[e.id]!
      if (vi.regs !== 0n || vi.remat) continue
      const v = this.orig.get(e.id)!
      let mm = m.compatRegs(v.type) & ~this.used
      const want = desired.entries.find((d) => d.id === v.id)?.regs.find((r) => r !== NOREG && has(mm, r))
      if (want !== undefined) mm = bit(want)
      if ((mm & ~desired.avoid) !== 0n) mm &= ~desired.avoid
      if (mm !== 0n) this.allocValToReg(v, mm, false, b.pos)
    }
  }
}

/** The index in b.succs[i].preds of that edge. */
function succEdge(b: Block, i: number): number {
  const t = b.succs[i]!
  let k = 0
  for (let x = 0; x < i; x++) if (b.succs[x] === t) k++
  for (let j = 0; j < t.preds.length; j++) if (t.preds[j] === b && k-- === 0) return j
  return -1
}

/** gc's likelyBranch: every way into b is an unconditional or likely edge. */
function likelyBranch(b: Block): boolean {
  if (!b.preds.length) return false
  return b.preds.every((p) => p.succs.length === 1 || (p.succs.length === 2 && ((p.likely === 1 && p.succs[0] === b) || (p.likely === -1 && p.succs[1] === b))))
}

/** A local variable (gc's *ir.Name) rather than a global symbol such as `p.x` or `type:int`. */
const isLocalName = (name: string): boolean => name.startsWith('.') || !/[.:]/.test(name)

