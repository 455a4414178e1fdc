// gc's critical (ssa/critical.go): regalloc places phi moves at the end of
// predecessors, so no edge may go from a block with several successors to a
// block with several predecessors. Each such edge gets a new empty Plain
// block. When the target has exactly one phi, edges carrying the same phi
// argument share one new block (its phi loses the now-merged arguments).

import type { Block, Func, Value } from '../func'
import { predEdgeIndex, removePhiArg, removePred } from './deadcode'

export function critical(f: Func): void {
  // New blocks are appended to f.blocks and examined in turn, as in gc.
  for (let j = 0; j < f.blocks.length; j++) {
    const b = f.blocks[j]!
    if (b.preds.length <= 1) continue

    let phi: Value | null = null
    for (const v of b.values) {
      if (v.op !== 'Phi') continue
      if (phi) {
        phi = null
        break
      }
      phi = v
    }
    // The split block already made for each argument of the single phi.
    const byArg = new Map<Value, Block>()

    for (let i = 0; i < b.preds.length; ) {
      const p = b.preds[i]!
      if (p.kind === 'Plain') {
        i++
        continue
      }
      const pi = predEdgeIndex(b, i)
      // A phi that collapsed to a Copy (all arguments merged) no longer steers sharing.
      const arg = phi && phi.op === 'Phi' ? phi.args[i]! : null
      const shared = arg ? byArg.get(arg) : undefined
      if (shared) {
        // p now reaches b through the shared block: drop this edge's pred and phi argument.
        p.succs[pi] = shared
        shared.preds.push(p)
        removePred(b, i)
        removePhiArg(phi!, i)
        continue
      }
      const d = f.newBlock('Plain')
      d.pos = p.pos
      if (arg) byArg.set(arg, d)
      p.succs[pi] = d
      b.preds[i] = d
      d.preds.push(p)
      d.succs.push(b)
      i++
    }
  }
}
