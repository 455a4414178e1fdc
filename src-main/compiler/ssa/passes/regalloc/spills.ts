// Where each StoreReg goes (gc's placeSpills). A spill must dominate all
// restores of its value and sit where the value is still in a register:
// start right after the value, then walk down the dominator tree towards the
// restores, taking each block that still has the value in a register at its
// start, but never moving into a deeper loop.

import type { Block, Value } from '../../func'
import type { RegAlloc } from './alloc'
import { forEachInGcIdOrder } from '../../gcids'

const MAX_SEARCH = 100

/** Ops that must stay at the top of their block: spills go after them. */
export const mustBeFirst = (op: string): boolean => op === 'Phi' || op === 'ArgIntReg' || op === 'ArgFloatReg' || op === 'LoweredGetClosurePtr'

export function placeSpills(s: RegAlloc): void {
  const start = new Map<Block, Value[]>()
  const after = new Map<Value, Value[]>()
  const depth = (b: Block): number => s.nest.b2l[b.id]?.depth ?? 0
  // gc walks its values by id: spills at the start of one block land in that order (gcids.ts).
  forEachInGcIdOrder(s.vals, (id) => s.origOf(id)?.gcId ?? 0, (vi, id) => {
    const spill = vi?.spill
    if (!spill || !s.unplaced.has(spill)) return
    const v = s.origOf(id)
    if (!v) throw new Error(`regalloc: spill ${spill} of unknown value v${id}`)
    let best = v.block
    let bestArg = v
    let bestDepth = depth(best)
    let b: Block | null = best
    for (let i = 0; i < MAX_SEARCH; i++) {
      // The child of b that dominates every restore, if any.
      const p: Block = b!
      b = null
      const kids = s.sdom.children(p)
      for (let k = 0; k < kids.length && i < MAX_SEARCH; k++, i++) {
        const c = kids[k]!
        if (s.sdom.entry[c.id]! <= vi.restoreMin && s.sdom.exit[c.id]! >= vi.restoreMax) {
          b = c
          break
        }
      }
      if (!b) break
      const d = depth(b)
      if (d > bestDepth) continue
      // v must still be in a register where b starts.
      const held = b.preds.length === 1 ? s.endRegs[b.preds[0]!.id]! : s.startRegs[b.id]!
      const e = held.find((x) => x.v === v)
      if (e) {
        best = b
        bestArg = e.c
        bestDepth = d
      }
    }
    spill.block = best
    spill.addArg(bestArg)
    s.unplaced.delete(spill)
    if (best === v.block && !mustBeFirst(v.op)) after.set(v, [...(after.get(v) ?? []), spill])
    else start.set(best, [...(start.get(best) ?? []), spill])
  })
  for (const b of s.visitOrder) {
    let nfirst = 0
    while (nfirst < b.values.length && mustBeFirst(b.values[nfirst]!.op)) nfirst++
    const rest = b.values.slice(nfirst)
    b.values = [...b.values.slice(0, nfirst), ...(start.get(b) ?? [])]
    for (const v of rest) b.values.push(v, ...(after.get(v) ?? []))
  }
}
