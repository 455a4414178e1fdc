// The loop nest as gc's likelyadjust.go finds it (loopnestfor): a block is a
// loop header when it dominates one of its predecessors; each block belongs
// to its innermost loop; depths count from 1. regalloc uses it to keep
// spills out of loops and to preload loop values, loop rotate to reorder
// blocks. Irreducible control flow is only flagged, as gc does.

import { DomTree } from '../../dom'
import type { Block, Func } from '../../func'
import { opInfo } from '../../opinfo'

export interface Loop {
  header: Block
  outer: Loop | null
  depth: number
  isInner: boolean
  /** Every way around the loop passes a call (gc's containsUnavoidableCall). */
  containsUnavoidableCall: boolean
}

export interface LoopNest {
  loops: Loop[]
  /** Innermost loop of each block, by block id. */
  b2l: (Loop | undefined)[]
  hasIrreducible: boolean
}

/** gc's f.postorder(): depth first from the entry, successors in order. */
export function gcPostorder(f: Func): Block[] {
  const order: Block[] = []
  const seen = new Uint8Array(f.numBlocks)
  const stack: { b: Block; i: number }[] = [{ b: f.entry, i: 0 }]
  seen[f.entry.id] = 1
  while (stack.length) {
    const top = stack[stack.length - 1]!
    if (top.i < top.b.succs.length) {
      const s = top.b.succs[top.i++]!
      if (!seen[s.id]) {
        seen[s.id] = 1
        stack.push({ b: s, i: 0 })
      }
      continue
    }
    stack.pop()
    order.push(top.b)
  }
  return order
}

export function loopNest(f: Func, dom: DomTree = new DomTree(f)): LoopNest {
  const domEq = (a: Block, b: Block): boolean => dom.dominates(a, b)
  const strict = (a: Block, b: Block): boolean => a !== b && dom.dominates(a, b)
  const b2l: (Loop | undefined)[] = new Array(f.numBlocks)
  const loops: Loop[] = []
  const visited = new Uint8Array(f.numBlocks)
  let irreducible = false

  // Place outer around inner, keeping any loops already known to sit between them.
  const outerInner = (outer: Loop, inner: Loop): void => {
    let old = inner.outer
    while (old && strict(outer.header, old.header)) {
      inner = old
      old = inner.outer
    }
    if (outer === old) return
    if (old) outerInner(old, outer)
    inner.outer = outer
    outer.isInner = false
  }

  for (const b of gcPostorder(f)) {
    let innermost: Loop | undefined
    for (const s of b.succs) {
      let l = b2l[s.id]
      if (domEq(s, b)) {
        if (!l) {
          l = { header: s, outer: null, depth: 0, isInner: true, containsUnavoidableCall: false }
          loops.push(l)
          b2l[s.id] = l
        }
      } else if (!visited[s.id]) {
        irreducible = true
      } else if (l && !domEq(l.header, b)) {
        // s's loop does not contain b: the nearest enclosing loop that does.
        let o = l.outer
        while (o && !domEq(o.header, b)) o = o.outer
        l = o ?? undefined
      }
      if (!l || innermost === l) continue
      if (!innermost) {
        innermost = l
        continue
      }
      if (strict(innermost.header, l.header)) {
        outerInner(innermost, l)
        innermost = l
      } else if (strict(l.header, innermost.header)) outerInner(l, innermost)
    }
    if (innermost) b2l[b.id] = innermost
    visited[b.id] = 1
  }

  for (const l of loops) {
    if (l.depth) continue
    let d = 0
    for (let x: Loop | null = l; x; x = x.outer) {
      if (x.depth) {
        d += x.depth
        break
      }
      d++
    }
    for (let x: Loop | null = l; x && !x.depth; x = x.outer) x.depth = d--
  }
  const nest = { loops, b2l, hasIrreducible: irreducible }
  markUnavoidableCalls(f, nest)
  return nest
}

/** A loop contains an unavoidable call when no call-free path leads around or out of it. */
function markUnavoidableCalls(f: Func, nest: LoopNest): void {
  const hasCall = new Uint8Array(f.numBlocks)
  for (const b of f.blocks) if (b.kind === 'Defer' || b.values.some((v) => opInfo(v.op, f.arch).call)) hasCall[b.id] = 1
  next: for (const l of nest.loops) {
    const found = new Set<Block>()
    const work: Block[] = [l.header]
    while (work.length) {
      const cur = work.pop()!
      if (hasCall[cur.id]) continue
      for (const s of cur.succs) {
        if (s === l.header) continue next
        if (found.has(s)) continue
        const sl = nest.b2l[s.id]
        if (!sl || (sl.depth <= l.depth && sl !== l)) continue
        work.push(s)
        found.add(s)
      }
    }
    l.containsUnavoidableCall = true
  }
}
