// gc's layout (ssa/layout.go): the order blocks appear in the assembly.
// A depth-first topological walk from the entry: after a block, its likely
// successor if it has one; else the most recent block whose predecessors
// are all placed; else the most recently seen unplaced successor; else any
// block. Blocks that can only end in Exit (panics) go last. The set and
// stack behaviours (LIFO pops, swap-on-remove) are gc's, so ties fall the
// same way.

import type { Block, Func } from '../func'

/** gc's sparseSet: insertion-ordered ids; remove swaps the last id into the hole; pop takes the last. */
class SparseSet {
  private dense: number[] = []
  private index = new Map<number, number>()
  has(x: number): boolean {
    return this.index.has(x)
  }
  add(x: number): void {
    if (this.index.has(x)) return
    this.index.set(x, this.dense.length)
    this.dense.push(x)
  }
  remove(x: number): void {
    const i = this.index.get(x)
    if (i === undefined) return
    const y = this.dense[this.dense.length - 1]!
    this.dense[i] = y
    this.index.set(y, i)
    this.dense.pop()
    this.index.delete(x)
  }
  pop(): number {
    const x = this.dense.pop()!
    this.index.delete(x)
    return x
  }
  get size(): number {
    return this.dense.length
  }
  /** The ids now in the set (a copy: gc's range over contents() sees a fixed slice). */
  contents(): number[] {
    return this.dense.slice()
  }
}

export function layout(f: Func): void {
  f.blocks = layoutOrder(f)
}

export function layoutOrder(f: Func): Block[] {
  const byId = new Map<number, Block>(f.blocks.map((b) => [b.id, b]))
  const order: Block[] = []
  const scheduled = new Set<number>()
  const indegree = new Map<number, number>()
  const posdegree = new SparseSet()
  const zerodegree: number[] = []
  const succs: number[] = []
  const exit = new SparseSet()

  for (const b of f.blocks) if (b.kind === 'Exit') exit.add(b.id)
  // Blocks all of whose successors lead to exits are exits too.
  for (let changed = true; changed; ) {
    changed = false
    for (const id of exit.contents()) {
      for (const p of byId.get(id)!.preds) {
        if (exit.has(p.id) || !p.succs.every((s) => exit.has(s.id))) continue
        exit.add(p.id)
        changed = true
      }
    }
  }

  for (const b of f.blocks) {
    if (exit.has(b.id)) continue // placed last
    indegree.set(b.id, b.preds.length)
    if (b.preds.length === 0) zerodegree.push(b.id)
    else posdegree.add(b.id)
  }

  let bid = f.entry.id
  for (;;) {
    const b = byId.get(bid)!
    order.push(b)
    scheduled.add(bid)
    if (order.length === f.blocks.length) break

    // Successors in reverse, so the first successor is explored first (gc measured this as better).
    for (let i = b.succs.length - 1; i >= 0; i--) {
      const c = b.succs[i]!
      const d = (indegree.get(c.id) ?? 0) - 1
      indegree.set(c.id, d)
      if (d === 0) {
        posdegree.remove(c.id)
        zerodegree.push(c.id)
      } else succs.push(c.id)
    }

    const likely = b.likely === 1 ? b.succs[0] : b.likely === -1 ? b.succs[1] : undefined
    if (likely && !scheduled.has(likely.id)) {
      bid = likely.id
      continue
    }
    const next = popUnscheduled(zerodegree, scheduled) ?? popUnscheduled(succs, scheduled) ?? popSet(posdegree, scheduled) ?? popSet(exit, scheduled)
    if (next === undefined) throw new Error(`layout: ${order.length} of ${f.blocks.length} blocks placed and none left to place`)
    bid = next
  }
  return order
}

function popUnscheduled(stack: number[], scheduled: Set<number>): number | undefined {
  while (stack.length) {
    const id = stack.pop()!
    if (!scheduled.has(id)) return id
  }
  return undefined
}

function popSet(set: SparseSet, scheduled: Set<number>): number | undefined {
  while (set.size) {
    const id = set.pop()
    if (!scheduled.has(id)) return id
  }
  return undefined
}
