// gc's loop rotate (ssa/looprotate.go): lay each loop out so that its
// header comes after the body. The block that jumps back to the header (the
// loop's "top") moves in front of the header, followed by the header and the
// loop blocks that came after it, so the loop ends in a conditional branch
// back to the top rather than an extra unconditional jump. Inner loops go
// first; an inner loop that starts at its top moves along with its outer
// loop. Only the block order changes.

import type { Block, Func } from '../func'
import { loopNest } from './regalloc/loopnest'

export function loopRotate(f: Func): void {
  const nest = loopNest(f)
  if (nest.hasIrreducible || nest.loops.length === 0) return
  const idx = new Map<Block, number>(f.blocks.map((b, i) => [b, i]))
  const move = new Set<Block>()
  const after = new Map<Block, Block[]>()
  const tops = new Map<Block, Block>()
  // Deepest loops first (a stable sort: gc's sort is stable at the sizes loops come in).
  const order = nest.loops.map((l, i) => ({ l, i })).sort((a, b) => b.l.depth - a.l.depth || a.i - b.i)
  for (const { l: loop } of order) {
    let b = loop.header
    // The last plain in-loop predecessor jumps back to the header.
    let p: Block | undefined
    for (const q of b.preds) if (q.kind === 'Plain' && nest.b2l[q.id] === loop) p = q
    if (!p) continue
    tops.set(loop.header, p)
    if (p === b) continue
    const follow = [b]
    after.set(p, follow)
    for (;;) {
      const next = f.blocks[idx.get(b)! + 1]
      if (!next || next === p) break
      const nl = nest.b2l[next.id]
      if (nl && (nl === loop || (nl.outer === loop && tops.get(nl.header) === next))) follow.push(next)
      b = next
    }
    const hi = idx.get(loop.header)!
    const pi = idx.get(p)!
    f.blocks[hi] = p
    f.blocks[pi] = loop.header
    idx.set(loop.header, pi)
    idx.set(p, hi)
    for (const x of follow) move.add(x)
  }
  const out: Block[] = []
  const place = (bs: Block[]): void => {
    for (const a of bs) {
      out.push(a)
      const more = after.get(a)
      if (more) place(more)
    }
  }
  for (const b of f.blocks) {
    if (move.has(b)) continue
    out.push(b)
    place(after.get(b) ?? [])
  }
  if (out.length !== f.blocks.length) throw new Error('loop rotate: bad reordering')
  f.blocks = out
}
