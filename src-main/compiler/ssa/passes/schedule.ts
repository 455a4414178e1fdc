// gc's schedule (ssa/schedule.go): the order of values inside each block,
// which from now on is the instruction order. Each value gets a score (phis
// and args first, then tuple selectors, nil checks, stores, flag readers,
// ordinary values, induction-variable increments, flag makers, and the
// block's control last); a priority queue then repeatedly emits the best
// value whose in-block arguments are all emitted. A load must come before
// the store that follows its memory. Ties are broken as gc does: values
// used in their own block first, then source position, more arguments,
// more uses, smaller auxInt, type order and finally id.
//
// Afterwards SPanchored values go and nil checks are unlinked: their users
// take the checked pointer directly and the check's type becomes void.

import type { Block, Func, Pos, Value } from '../func'
import { opInfo } from '../opinfo'
import { T } from '../types'
import { compareTypes } from './cse'
import { succEdgeIndex } from './deadcode'
import { isMem } from './storeorder'
import { isTupleType } from './tuple'

const SCORE_PHI = 0
const SCORE_ARG = 1
const SCORE_INIT_MEM = 2
const SCORE_READ_TUPLE = 3
const SCORE_NIL_CHECK = 4
const SCORE_MEMORY = 5
const SCORE_READ_FLAGS = 6
const SCORE_DEFAULT = 7
const SCORE_INDUCTION_INC = 8
const SCORE_FLAGS = 9
const SCORE_CONTROL = 10

/** ppc64 carry makers and users: the carry is in a register gc treats as flags. */
const PPC64_CARRY_MAKERS = new Set(['SUBC', 'ADDC', 'SUBCconst', 'ADDCconst'])
const PPC64_CARRY_USERS = new Set(['SUBE', 'ADDE', 'SUBZEzero', 'ADDZE', 'ADDZEzero'])

/** gc's isFlagOp: makes flags (or a tuple whose second part is flags). */
export function isFlagOp(v: Value): boolean {
  if (v.type.kind === 'flags' || (isTupleType(v.type) && v.type.parts?.[1]?.kind === 'flags')) return true
  return v.block.func.arch === 'ppc64' && PPC64_CARRY_MAKERS.has(v.op)
}

/** gc's hasFlagInput. */
export function hasFlagInput(v: Value): boolean {
  if (v.args.some(isFlagOp)) return true
  return v.block.func.arch === 'ppc64' && PPC64_CARRY_USERS.has(v.op)
}

const isNilCheck = (v: Value): boolean => opInfo(v.op, v.block.func.arch).nilCheck === true

/** gc's MemoryArg. */
function memArg(v: Value): Value | null {
  const a = v.args[v.args.length - 1]
  return a && isMem(a.type) ? a : null
}

/** gc's XPos order: unknown first, then line, column (gc keeps 8 bits), statement mark (default < is < not). */
const STMT_RANK = { '': 0, '+': 1, '-': 2 } as const
export function posCompare(a: Pos, b: Pos): number {
  const ka = a.line === 0 ? -1 : a.line
  const kb = b.line === 0 ? -1 : b.line
  if (ka !== kb) return ka - kb
  if (a.line === 0) return 0
  const ca = Math.min(a.col, 255)
  const cb = Math.min(b.col, 255)
  if (ca !== cb) return ca - cb
  return STMT_RANK[a.stmt] - STMT_RANK[b.stmt]
}

function scoreValue(v: Value, b: Block, f: Func): number {
  if (v.op === 'LoweredGetClosurePtr') {
    if (b !== f.entry) throw new Error(`LoweredGetClosurePtr appeared outside of entry block, b=${b}`)
    return SCORE_PHI
  }
  if (isNilCheck(v)) return SCORE_NIL_CHECK
  if (v.op === 'Phi') return SCORE_PHI
  if (v.op === 'ArgIntReg' || v.op === 'ArgFloatReg') {
    if (b !== f.entry) throw new Error(`${v.op} appeared outside of entry block, b=${b}`)
    return SCORE_PHI
  }
  if (v.op === 'Arg' || v.op === 'SP' || v.op === 'SB') return SCORE_ARG
  if (v.op === 'InitMem') return SCORE_INIT_MEM
  if (isMem(v.type)) return SCORE_MEMORY
  if (v.op === 'Select0' || v.op === 'Select1' || v.op === 'SelectN') return SCORE_READ_TUPLE
  if (hasFlagInput(v)) return SCORE_READ_FLAGS
  if (isFlagOp(v)) return SCORE_FLAGS
  // v = p+1 feeding the loop phi p: after p's other uses, so p and v can share a register.
  const p = v.args[0]
  if (v.args.length === 1 && p!.op === 'Phi' && p!.uses > 1 && b.succs.length === 1 && b.succs[0] === p!.block && p!.args[succEdgeIndex(b, 0)] === v) {
    return SCORE_INDUCTION_INC
  }
  return SCORE_DEFAULT
}

/** gc's ValHeap.Less: true when x goes before y. */
function makeLess(score: Map<Value, number>, inBlockUses: Set<Value>) {
  return (x: Value, y: Value): boolean => {
    const sx = score.get(x)!
    const sy = score.get(y)!
    if (sx !== sy) return sx < sy
    const ix = inBlockUses.has(x)
    if (ix !== inBlockUses.has(y)) return ix
    const pc = posCompare(x.pos, y.pos)
    if (pc !== 0) return pc < 0
    if (x.op !== 'Phi' && x.args.length !== y.args.length) return x.args.length > y.args.length
    if (x.uses !== y.uses) return x.uses > y.uses
    if (x.auxInt !== y.auxInt) return x.auxInt < y.auxInt
    const tc = compareTypes(x.type, y.type)
    if (tc !== 0) return tc < 0
    return x.gcId < y.gcId
  }
}

/** Go's container/heap over an array, so pops happen in exactly gc's order. */
class Heap {
  a: Value[] = []
  constructor(private less: (x: Value, y: Value) => boolean) {}
  push(v: Value): void {
    this.a.push(v)
    this.up(this.a.length - 1)
  }
  pop(): Value {
    const n = this.a.length - 1
    this.swap(0, n)
    this.down(0, n)
    return this.a.pop()!
  }
  private swap(i: number, j: number): void {
    const t = this.a[i]!
    this.a[i] = this.a[j]!
    this.a[j] = t
  }
  private up(j: number): void {
    while (j > 0) {
      const i = (j - 1) >> 1
      if (i === j || !this.less(this.a[j]!, this.a[i]!)) break
      this.swap(i, j)
      j = i
    }
  }
  private down(i0: number, n: number): void {
    let i = i0
    for (;;) {
      const j1 = 2 * i + 1
      if (j1 >= n || j1 < 0) break
      let j = j1
      const j2 = j1 + 1
      if (j2 < n && this.less(this.a[j2]!, this.a[j1]!)) j = j2
      if (!this.less(this.a[j]!, this.a[i]!)) break
      this.swap(i, j)
      i = j
    }
  }
}

export function schedule(f: Func): void {
  const inBlockUses = new Set<Value>()
  for (const b of f.blocks) for (const v of b.values) for (const a of v.args) if (a.block === b) inBlockUses.add(a)

  const score = new Map<Value, number>()
  for (const b of f.blocks) {
    for (const v of b.values) score.set(v, scoreValue(v, b, f))
    // The control goes last, unless it must be early anyway; for a tuple selector, its tuple.
    for (const c of b.controls) {
      const s = score.get(c)
      if (c.block !== b || s === undefined || s < SCORE_READ_TUPLE) continue
      if (s === SCORE_READ_TUPLE) score.set(c.args[0]!, SCORE_CONTROL)
      else score.set(c, SCORE_CONTROL)
    }
  }
  const less = makeLess(score, inBlockUses)

  for (const b of f.blocks) {
    // Edges x → y: x must come before y.
    const out = new Map<Value, Value[]>()
    const inEdges = new Map<Value, number>()
    const edge = (x: Value, y: Value): void => {
      const l = out.get(x)
      if (l) l.push(y)
      else out.set(x, [y])
      inEdges.set(y, (inEdges.get(y) ?? 0) + 1)
    }
    for (const v of b.values) {
      if (v.op === 'Phi') continue // its arguments come from the previous iteration
      for (const a of v.args) if (a.block === b) edge(a, v)
    }
    // A load of memory m comes before the store that consumes m.
    const nextMem = new Map<Value, Value>()
    for (const v of b.values) {
      if (v.op !== 'Phi' && v.op !== 'InitMem' && isMem(v.type)) {
        const m = memArg(v)
        if (!m) throw new Error(`schedule: memory value ${v} has no memory argument`)
        nextMem.set(m, v)
      }
    }
    for (const v of b.values) {
      if (v.op === 'Phi' || isMem(v.type)) continue
      const w = memArg(v)
      const s = w && nextMem.get(w)
      if (s && s.block === b) edge(v, s)
    }

    const heap = new Heap(less)
    for (const v of b.values) if (!inEdges.get(v)) heap.push(v)
    const order: Value[] = []
    while (heap.a.length) {
      const v = heap.pop()
      order.push(v)
      // gc walks v's edges sorted by source id; the targets' order only matters through the heap.
      for (const y of out.get(v) ?? []) {
        const n = inEdges.get(y)! - 1
        inEdges.set(y, n)
        if (n === 0) heap.push(y)
      }
    }
    if (order.length !== b.values.length) throw new Error(`schedule does not include all values in block ${b} (dependency cycle)`)
    b.values = order
  }

  // Users of SPanchored and nil checks take their argument directly.
  const unlink = (a: Value): Value => {
    while (a.op === 'SPanchored' || isNilCheck(a)) a = a.args[0]!
    return a
  }
  for (const b of f.blocks) {
    for (const v of b.values) {
      v.args.forEach((a, i) => {
        const x = unlink(a)
        if (x !== a) v.setArg(i, x)
      })
    }
    b.controls.forEach((c, i) => {
      const x = unlink(c)
      if (x === c) return
      c.uses--
      x.uses++
      b.controls[i] = x
    })
  }
  for (const b of f.blocks) {
    b.values = b.values.filter((v) => {
      if (v.op === 'SPanchored') {
        if (v.uses !== 0) throw new Error(`SPanchored ${v} still has ${v.uses} uses`)
        v.setArgs([])
        return false
      }
      if (isNilCheck(v)) {
        if (v.uses !== 0) throw new Error(`nilcheck ${v} still has ${v.uses} uses`)
        // Kept for its fault; void so regalloc gives it no register.
        v.type = T.void
      }
      return true
    })
  }
  f.scheduled = true
}
