// Dominators (Cooper, Harvey & Kennedy's iterative algorithm over reverse
// postorder) and a dominator tree with entry/exit numbers for O(1) queries.
// Indexed by block id: it runs after every pass.

import type { Block, Func } from './func'

/** Reachable blocks in postorder from the entry. First blocks only reach their first successor. */
export function postorder(f: Func): Block[] {
  const order: Block[] = []
  const seen = new Uint8Array(f.numBlocks)
  const stack: Block[] = [f.entry]
  const next: number[] = [0]
  seen[f.entry.id] = 1
  while (stack.length) {
    const b = stack[stack.length - 1]!
    const i = next[next.length - 1]!
    const n = b.kind === 'First' ? Math.min(1, b.succs.length) : b.succs.length
    if (i < n) {
      next[next.length - 1] = i + 1
      const s = b.succs[i]!
      if (!seen[s.id]) {
        seen[s.id] = 1
        stack.push(s)
        next.push(0)
      }
    } else {
      order.push(b)
      stack.pop()
      next.pop()
    }
  }
  return order
}

export class DomTree {
  /** Immediate dominators of reachable blocks (the entry's is null). */
  readonly idom = new Map<Block, Block | null>()
  /** Dominator-tree children, in id order. */
  readonly children = new Map<Block, Block[]>()
  private readonly entryNum: Int32Array
  private readonly exitNum: Int32Array

  constructor(readonly f: Func) {
    const n = f.numBlocks
    const po = postorder(f)
    const num = new Int32Array(n).fill(-1)
    po.forEach((b, i) => (num[b.id] = i))
    const idom: (Block | undefined)[] = new Array(n)
    idom[f.entry.id] = f.entry
    let changed = true
    while (changed) {
      changed = false
      for (let k = po.length - 1; k >= 0; k--) {
        const b = po[k]!
        if (b === f.entry) continue
        let d: Block | undefined
        for (const p of b.preds) {
          if (num[p.id]! < 0 || idom[p.id] === undefined) continue
          d = d === undefined ? p : intersect(p, d, idom, num)
        }
        if (d !== undefined && idom[b.id] !== d) {
          idom[b.id] = d
          changed = true
        }
      }
    }
    for (const b of po) {
      const d = b === f.entry ? null : idom[b.id] ?? null
      this.idom.set(b, d)
      if (d) {
        const c = this.children.get(d)
        if (c) c.push(b)
        else this.children.set(d, [b])
      }
    }
    // Most lists are short and already in order: sort (which copies) only the others.
    for (const c of this.children.values()) if (!inIdOrder(c)) c.sort((a, b) => a.id - b.id)
    this.entryNum = new Int32Array(n).fill(-1)
    this.exitNum = new Int32Array(n).fill(-1)
    let t = 0
    // Depth-first over the tree: a block is pushed once to enter it and once (done) to leave it.
    const stack: Block[] = [f.entry]
    const done: boolean[] = [false]
    while (stack.length) {
      const b = stack.pop()!
      if (done.pop()) {
        this.exitNum[b.id] = t++
        continue
      }
      this.entryNum[b.id] = t++
      stack.push(b)
      done.push(true)
      const kids = this.children.get(b)
      if (kids) for (let i = kids.length - 1; i >= 0; i--) {
        stack.push(kids[i]!)
        done.push(false)
      }
    }
  }

  reachable(b: Block): boolean {
    return b.id < this.entryNum.length && this.entryNum[b.id]! >= 0
  }

  /** a dominates b (every block dominates itself). */
  dominates(a: Block, b: Block): boolean {
    if (!this.reachable(a) || !this.reachable(b)) return false
    return this.entryNum[a.id]! <= this.entryNum[b.id]! && this.exitNum[b.id]! <= this.exitNum[a.id]!
  }
}

function inIdOrder(bs: readonly Block[]): boolean {
  for (let i = 1; i < bs.length; i++) if (bs[i - 1]!.id > bs[i]!.id) return false
  return true
}

function intersect(a: Block, b: Block, idom: (Block | undefined)[], num: Int32Array): Block {
  while (a !== b) {
    while (num[a.id]! < num[b.id]!) a = idom[a.id]!
    while (num[b.id]! < num[a.id]!) b = idom[b.id]!
  }
  return a
}
