// Late fuse's branch redirection (gc's fuseBranchRedirect, ssa/fuse_branchredirect.go):
// an If block b that holds nothing but its control (or nothing at all) and is
// reached from an If block p along an edge whose condition decides b's
// branch — `if a == b {…}; if a != b && …` after CSE tests the same value
// twice — gets skipped: p goes straight to the successor of b that must be
// taken. Whether a branch of b is impossible is asked of prove's facts table
// with only p's edge assumed. Blocks are visited last to first, each
// predecessor in order; the redirected edge becomes the child's last
// predecessor, and b left without predecessors is dead.

import type { Block, Func } from '../func'
import { predEdgeIndex, redirectEdge, removePhiArg, removePred, succEdgeIndex } from './deadcode'
import { addBranchRestrictions } from './prove'
import { FactsTable } from './prove/facts'

const WAYS = ['positive', 'negative'] as const

/** Redirect what can be; `markDead` gets each block left unreachable (fuse drops it). */
export function fuseBranchRedirect(f: Func, markDead: (b: Block) => void): boolean {
  const ft = new FactsTable(f.blocks.flatMap((b) => b.values))
  ft.checkpoint()
  let changed = false
  for (let i = f.blocks.length - 1; i >= 0; i--) {
    const b = f.blocks[i]!
    if (b.kind !== 'If') continue
    // b is empty, or holds only its control value used by nothing else.
    const ctl = b.controls[0]!
    if (ctl.block === b ? b.values.length !== 1 || ctl.uses !== 1 : b.values.length !== 0) continue
    for (let k = 0; k < b.preds.length; k++) {
      const p = b.preds[k]!
      if (p.kind !== 'If' || p === b) continue
      const pi = predEdgeIndex(b, k)
      // Both ways of p into b: which edge is which cannot be told apart here (gc's edges can).
      if (p.succs[0] === p.succs[1]) continue
      ft.checkpoint()
      addBranchRestrictions(ft, p, WAYS[pi]!)
      for (let j = 0; j < 2; j++) {
        ft.checkpoint()
        addBranchRestrictions(ft, b, WAYS[j]!)
        const unsat = ft.unsat
        ft.restore()
        if (!unsat) continue
        // Way j cannot be taken after p's edge: p goes to b's other successor.
        const out = 1 ^ j
        const child = b.succs[out]!
        if (child === b) continue
        const ai = succEdgeIndex(b, out)
        removePred(b, k)
        for (const v of b.values) if (v.op === 'Phi') removePhiArg(v, k)
        redirectEdge(p, pi, child, (phi) => phi.args[ai]!)
        changed = true
        k--
        break
      }
      ft.restore()
    }
    if (b.preds.length === 0 && b !== f.entry) markDead(b)
  }
  ft.restore()
  return changed
}
