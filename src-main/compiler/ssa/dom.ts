// Dominators (Cooper, Harvey & Kennedy's iterative algorithm over reverse
// postorder) and a dominator tree with entry/exit numbers for O(1) queries.

import type { Block, Func } from './func'

/** Reachable blocks in postorder from the entry. First blocks only reach their first successor. */
export function postorder(f: Func): Block[] {
  const order: Block[] = []
  const seen = new Set<Block>()
  const stack: { b: Block; i: number }[] = [{ b: f.entry, i: 0 }]
  seen.add(f.entry)
  while (stack.length) {
    const top = stack[stack.length - 1]!
    const succs = top.b.kind === 'First' ? top.b.succs.slice(0, 1) : top.b.succs
    if (top.i < succs.length) {
      const s = succs[top.i++]!
      if (!seen.has(s)) {
        seen.add(s)
        stack.push({ b: s, i: 0 })
      }
    } else {
      order.push(top.b)
      stack.pop()
    }
  }
  return order
}

export class DomTree {
  readonly idom = new Map<Block, Block | null>()
  readonly children = new Map<Block, Block[]>()
  private entryNum = new Map<Block, number>()
  private exitNum = new Map<Block, number>()

  constructor(readonly f: Func) {
    const po = postorder(f)
    const num = new Map<Block, number>()
    po.forEach((b, i) => num.set(b, i))
    const idom = new Map<Block, Block>()
    idom.set(f.entry, f.entry)
    const rpo = [...po].reverse()
    let changed = true
    while (changed) {
      changed = false
      for (const b of rpo) {
        if (b === f.entry) continue
        let d: Block | undefined
        for (const p of b.preds) {
          if (!idom.has(p) || !num.has(p)) continue
          d = d === undefined ? p : intersect(p, d, idom, num)
        }
        if (d !== undefined && idom.get(b) !== d) {
          idom.set(b, d)
          changed = true
        }
      }
    }
    for (const b of po) {
      const d = b === f.entry ? null : idom.get(b) ?? null
      this.idom.set(b, d)
      if (d) {
        const c = this.children.get(d) ?? []
        c.push(b)
        this.children.set(d, c)
      }
    }
    for (const c of this.children.values()) c.sort((a, b) => a.id - b.id)
    let n = 0
    const stack: { b: Block; done: boolean }[] = [{ b: f.entry, done: false }]
    while (stack.length) {
      const top = stack.pop()!
      if (top.done) {
        this.exitNum.set(top.b, n++)
        continue
      }
      this.entryNum.set(top.b, n++)
      stack.push({ b: top.b, done: true })
      const kids = this.children.get(top.b) ?? []
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ b: kids[i]!, done: false })
    }
  }

  reachable(b: Block): boolean {
    return this.entryNum.has(b)
  }

  /** a dominates b (every block dominates itself). */
  dominates(a: Block, b: Block): boolean {
    const ea = this.entryNum.get(a)
    const eb = this.entryNum.get(b)
    if (ea === undefined || eb === undefined) return false
    return ea <= eb && this.exitNum.get(b)! <= this.exitNum.get(a)!
  }
}

function intersect(a: Block, b: Block, idom: Map<Block, Block>, num: Map<Block, number>): Block {
  while (a !== b) {
    while (num.get(a)! < num.get(b)!) a = idom.get(a)!
    while (num.get(b)! < num.get(a)!) b = idom.get(b)!
  }
  return a
}
