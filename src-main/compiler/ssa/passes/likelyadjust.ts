// gc's likelyadjust (ssa/likelyadjust.go): branch predictions for two-way
// blocks that have none yet. In a loop, the edge that stays in the loop (or
// in the innermost loop) is likely. Elsewhere, successors are ranked by how
// bad the paths through them are sure to become: Exit (a panic) is worse
// than Ret, which is worse than a call; the less bad side is likely. Walks
// blocks in postorder so successors are ranked first (back edges count 0).

import type { Block, Func } from '../func'
import { opInfo } from '../opinfo'
import { gcPostorder, loopNest } from './regalloc/loopnest'

const DEFAULT = 0
const CALL = 1
const RET = 2
const EXIT = 3

export function likelyadjust(f: Func): void {
  // certain: how bad every path from the block is sure to be; local: the block itself.
  const certain = new Map<Block, number>()
  const local = new Map<Block, number>()
  const c = (b: Block): number => certain.get(b) ?? DEFAULT
  const l = (b: Block): number => local.get(b) ?? DEFAULT
  const nest = loopNest(f)
  const loopOf = (b: Block) => nest.b2l[b.id] ?? null

  for (const b of gcPostorder(f)) {
    switch (b.kind) {
      case 'Exit':
        local.set(b, EXIT)
        certain.set(b, EXIT)
        continue
      case 'Ret':
      case 'RetJmp':
        local.set(b, RET)
        certain.set(b, RET)
        continue
      case 'Defer':
        local.set(b, CALL)
        certain.set(b, Math.max(CALL, c(b.succs[0]!)))
        continue
    }
    if (b.succs.length === 1) certain.set(b, c(b.succs[0]!))
    else if (b.succs.length === 2) {
      const b0 = b.succs[0]!
      const b1 = b.succs[1]!
      certain.set(b, Math.min(c(b0), c(b1)))
      const lb = loopOf(b)
      const l0 = loopOf(b0)
      const l1 = loopOf(b1)
      let prediction = b.likely
      if (lb && l0 !== l1) {
        // Prefer not to leave the loop, and to stay in b's own loop.
        if (!l1) prediction = 1
        else if (!l0) prediction = -1
        else if (lb === l0) prediction = 1
        else if (lb === l1) prediction = -1
      } else if (c(b1) > c(b0)) prediction = 1
      else if (c(b0) > c(b1)) prediction = -1
      else if (l(b1) > l(b0)) prediction = 1
      else if (l(b0) > l(b1)) prediction = -1
      // An existing prediction (from the source or earlier passes) wins.
      if (b.likely === 0) b.likely = prediction
    }
    if (b.values.some((v) => opInfo(v.op, f.arch).call)) {
      local.set(b, CALL)
      certain.set(b, Math.max(CALL, b.succs.length ? c(b.succs[0]!) : DEFAULT))
    }
  }
}
