// gc's SparseTree: the dominator tree with entry/exit numbers, children
// listed in reverse block order as gc links them. Spill placement walks it
// down from a value's block towards the blocks that restore the value.

import { DomTree } from '../../dom'
import type { Block, Func } from '../../func'

export class SparseTree {
  readonly entry: Int32Array
  readonly exit: Int32Array
  private readonly kids = new Map<Block, Block[]>()

  constructor(f: Func, readonly dom: DomTree = new DomTree(f)) {
    this.entry = new Int32Array(f.numBlocks)
    this.exit = new Int32Array(f.numBlocks)
    for (const b of f.blocks) {
      const p = dom.idom.get(b)
      if (!p) continue
      const list = this.kids.get(p) ?? []
      list.unshift(b)
      this.kids.set(p, list)
    }
    let n = 1
    const stack: { b: Block; done: boolean }[] = [{ b: f.entry, done: false }]
    while (stack.length) {
      const top = stack.pop()!
      if (top.done) {
        this.exit[top.b.id] = n += 1
        n += 2
        continue
      }
      this.entry[top.b.id] = n += 1
      n += 2
      stack.push({ b: top.b, done: true })
      const kids = this.children(top.b)
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ b: kids[i]!, done: false })
    }
  }

  children(b: Block): Block[] {
    return this.kids.get(b) ?? []
  }

  /** a dominates b (or is b). */
  isAncestorEq(a: Block, b: Block): boolean {
    return this.entry[a.id]! <= this.entry[b.id]! && this.exit[b.id]! <= this.exit[a.id]!
  }
}
