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
export function copySource(v: Value): Value {
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

/** gc's phielim: also the place where zero-sized aggregates become Empty. */
export function phielim(f: Func): void {
  for (let round = 0; ; round++) {
    if (round > f.numValues + 1) throw new Error('phielim did not converge')
    let change = false
    for (const b of f.blocks) {
      for (const v of b.values) {
        if (isZeroSizedAggregate(v.type) && v.op !== 'Empty') v.reset('Empty')
        copyelimValue(v)
        if (phielimValue(v)) change = true
      }
    }
    if (!change) return
  }
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
