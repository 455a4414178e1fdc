// gc's storeOrder (schedule.go): a block's values ordered so that every
// value comes after the latest store of the block it depends on, nil checks
// first among the values that follow a store. nilcheckelim and writebarrier
// walk blocks in this order, which is program order for memory.

import type { Value } from '../func'
import type { SsaType } from '../types'

export function storeOrder(values: Value[], onlyWithNilCheck = false): Value[] {
  if (values.length === 0) return values
  const stores: Value[] = []
  const usedAsMem = new Set<Value>()
  let hasNilCheck = false
  for (const v of values) {
    if (isMem(v.type)) {
      stores.push(v)
      if (v.op !== 'InitMem' && v.op !== 'Phi') {
        const m = memoryArg(v)
        if (m) usedAsMem.add(m)
      }
    }
    if (v.op === 'NilCheck') hasNilCheck = true
  }
  if (stores.length === 0 || (!hasNilCheck && onlyWithNilCheck)) return values

  const lasts = stores.filter((s) => !usedAsMem.has(s))
  if (lasts.length !== 1) throw new Error(`storeOrder: ${lasts.length} stores live at the end of ${values[0]!.block}`)

  // Store number: the i-th store of the block gets 3i, a nil check after it 3i+1,
  // other values after it 3i+2; 1 or 2 when the latest store is in another block.
  const num = new Map<Value, number>()
  const inBlock = new Set(values)
  let w: Value | null = lasts[0]!
  for (let n = stores.length; n > 0 && w; n--) {
    num.set(w, 3 * n)
    if (w.op === 'InitMem' || w.op === 'Phi') break
    const m = memoryArg(w)
    w = m && inBlock.has(m) ? m : null
  }
  const seen = new Set<Value>(num.keys())
  for (const v of values) {
    if (seen.has(v)) continue
    const stack = [v]
    seen.add(v)
    while (stack.length) {
      const x = stack[stack.length - 1]!
      if (num.has(x)) {
        stack.pop()
        continue
      }
      if (x.op === 'Phi') {
        num.set(x, 2)
        stack.pop()
        continue
      }
      let max = 0
      let done = true
      for (const a of x.args) {
        if (a.block !== x.block) continue
        if (!seen.has(a)) {
          stack.push(a)
          seen.add(a)
          done = false
          break
        }
        max = Math.max(max, Math.floor((num.get(a) ?? 0) / 3))
      }
      if (!done) continue
      num.set(x, 3 * max + (x.op === 'NilCheck' ? 1 : 2))
      stack.pop()
    }
  }
  // A stable sort by store number is gc's bucket placement.
  const order = values.map((v, i) => ({ v, i, n: num.get(v) ?? 2 })).sort((a, b) => a.n - b.n || a.i - b.i).map((x) => x.v)
  // Runs of nil checks in source order: the first in the source should fault.
  for (let i = 0; i < order.length; ) {
    if (order[i]!.op !== 'NilCheck') {
      i++
      continue
    }
    let j = i
    while (j < order.length && order[j]!.op === 'NilCheck') j++
    const run = order.slice(i, j).sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col)
    order.splice(i, j - i, ...run)
    i = j
  }
  return order
}

/** The memory argument of a value (gc's MemoryArg): its last argument when that is memory. */
export function memoryArg(v: Value): Value | null {
  if (v.op === 'Phi') return null
  const last = v.args[v.args.length - 1]
  return last && isMem(last.type) ? last : null
}

/** gc's IsMemory: memory, or a tuple/call result whose last part is memory. */
export function isMem(t: SsaType): boolean {
  if (t.kind === 'mem') return true
  if (t.kind === 'tuple' || t.kind === 'results') return t.parts?.[t.parts.length - 1]?.kind === 'mem'
  return false
}
