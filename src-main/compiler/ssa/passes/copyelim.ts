// gc's copyelim and phielim (ssa/copyelim.go), one pass in gc since 1.22:
// every use of a Copy (value args, block controls, variable names) is
// replaced by the copy's source, and a phi whose arguments are all one
// value (ignoring the phi itself) becomes a Copy of it. Repeated until
// nothing changes. The Copies themselves stay until the next deadcode.

import type { Func, Value } from '../func'
import type { SsaType } from '../types'

/** gc's Type.Size()==0 for a struct or array: such values carry nothing and become Empty. */
export function isZeroSizedAggregate(t: SsaType): boolean {
  // A type read back from a dump by name only (`p.T`) has no layout; it reports
  // size 0 but hasPointers, so it is never taken for a zero-sized one.
  return (t.kind === 'struct' || t.kind === 'array') && t.size === 0 && !t.hasPointers
}

/**
 * The non-Copy value at the end of v's Copy chain; every Copy on the way is
 * pointed straight at it (no O(n²) on long chains). A Copy cycle, only
 * possible in unreachable code, is cut by turning one member into Unknown.
 */
export function copySource(v: Value, repointed?: (w: Value, c: Value) => void): Value {
  let w = v.args[0]!
  let slow = w
  let advance = false
  while (w.op === 'Copy') {
    w = w.args[0]!
    if (w === slow) {
      w.reset('Unknown')
      break
    }
    if (advance) slow = slow.args[0]!
    advance = !advance
  }
  for (let c = v; c !== w; ) {
    const next = c.args[0]!
    c.setArg(0, w)
    repointed?.(w, c)
    c = next
  }
  return w
}

/** Make sure no argument of v is a Copy. */
export function copyelimValue(v: Value): void {
  for (let i = 0; i < v.args.length; i++) {
    if (v.args[i]!.op !== 'Copy') continue
    const src = copySource(v.args[i]!)
    // Cutting a copy cycle may have reset v itself.
    if (i < v.args.length) v.setArg(i, src)
  }
}

/** Turn the phi v into a Copy when all its arguments but itself are one value; true if it did. */
export function phielimValue(v: Value): boolean {
  if (v.op !== 'Phi') return false
  let w: Value | null = null
  for (const x of v.args) {
    if (x === v || x === w) continue
    if (w !== null) return false
    w = x
  }
  // A phi of only itself sits in a dead loop: leave it for deadcode.
  if (w === null) return false
  v.op = 'Copy'
  v.setArgs([w])
  return true
}

/**
 * gc's phielim: also the place where zero-sized aggregates become Empty.
 * gc sweeps every value until a sweep turns no phi into a Copy; a chain of
 * phis each waiting on the next (5,000 nested ifs) takes one sweep per
 * link. Only a value with a Copy argument or a phi whose arguments changed
 * can do anything in a later sweep, and those are the users of a phi just
 * turned into a Copy: so the first sweep visits everything and later ones
 * only those users, in the same order (one sweep's visits in block order,
 * later positions still in this sweep, earlier ones in the next), which
 * gives exactly gc's result.
 */
export function phielim(f: Func): void {
  const order: Value[] = []
  for (const b of f.blocks) for (const v of b.values) order.push(v)
  const pos = new Int32Array(f.numValues).fill(-1)
  order.forEach((v, i) => (pos[v.id] = i))
  // Who has phi x as an argument (append-only: a stale entry costs one idle
  // visit). Most runs turn no phi into a Copy, so the index is made when the
  // first one does, from the arguments as they are then: until that moment no
  // phi argument was replaced, so it holds what building it up front and
  // keeping it up to date would (`fired`, already a Copy, is indexed too).
  let users: (Value[] | undefined)[] | null = null
  const addUser = (x: Value, u: Value): void => {
    if (users !== null && x.op === 'Phi') (users[x.id] ??= []).push(u)
  }
  const indexUsers = (fired: Value): (Value[] | undefined)[] => {
    const us = new Array<Value[] | undefined>(f.numValues)
    for (const v of order) for (const a of v.args) if (a.op === 'Phi' || a === fired) (us[a.id] ??= []).push(v)
    return us
  }

  // Queued for this sweep (a heap of positions) and for the next one.
  const heap: number[] = []
  const queued = new Int32Array(order.length).fill(-1)
  let next: number[] = []
  const queuedNext = new Int32Array(order.length).fill(-1)
  let round = 0
  let cur = -1
  const schedule = (u: Value): void => {
    const p = pos[u.id] ?? -1
    if (p < 0) return
    if (p > cur) {
      // The first sweep reaches every later position anyway.
      if (round > 0 && queued[p] !== round) {
        queued[p] = round
        heapPush(heap, p)
      }
    } else if (queuedNext[p] !== round + 1) {
      queuedNext[p] = round + 1
      next.push(p)
    }
  }
  const visit = (v: Value): void => {
    if (isZeroSizedAggregate(v.type) && v.op !== 'Empty') v.reset('Empty')
    for (let i = 0; i < v.args.length; i++) {
      const a = v.args[i]!
      if (a.op !== 'Copy') continue
      const src = copySource(a, addUser)
      // Cutting a copy cycle may have reset v itself.
      if (i < v.args.length) {
        v.setArg(i, src)
        addUser(src, v)
      }
    }
    if (phielimValue(v)) {
      if (users === null) users = indexUsers(v)
      addUser(v.args[0]!, v)
      for (const u of users[v.id] ?? []) schedule(u)
    }
  }

  for (cur = 0; cur < order.length; cur++) visit(order[cur]!)
  while (next.length) {
    round++
    if (round > f.numValues + 1) throw new Error('phielim did not converge')
    for (const p of next) {
      queued[p] = round
      heapPush(heap, p)
    }
    next = []
    while (heap.length) {
      cur = heapPop(heap)
      visit(order[cur]!)
    }
    cur = -1
  }
}

function heapPush(h: number[], x: number): void {
  let i = h.length
  h.push(x)
  while (i > 0) {
    const p = (i - 1) >> 1
    if (h[p]! <= x) break
    h[i] = h[p]!
    i = p
  }
  h[i] = x
}

function heapPop(h: number[]): number {
  const top = h[0]!
  const last = h.pop()!
  if (h.length) {
    let i = 0
    for (;;) {
      let c = 2 * i + 1
      if (c >= h.length) break
      if (c + 1 < h.length && h[c + 1]! < h[c]!) c++
      if (h[c]! >= last) break
      h[i] = h[c]!
      i = c
    }
    h[i] = last
  }
  return top
}

/** gc's copyelim: phielim, then controls and names stop referring to Copies. */
export function copyelim(f: Func): void {
  phielim(f)
  for (const b of f.blocks) {
    for (let i = 0; i < b.controls.length; i++) {
      const c = b.controls[i]!
      if (c.op !== 'Copy') continue
      // phielim left every Copy pointing at a non-Copy.
      const src = c.args[0]!
      c.uses--
      src.uses++
      b.controls[i] = src
    }
  }
  // Names keep their slots even when two become the same value (gc prints `[v7 v7]` until deadcode).
  for (const n of f.names) for (let i = 0; i < n.values.length; i++) if (n.values[i]!.op === 'Copy') n.values[i] = n.values[i]!.args[0]!
}
