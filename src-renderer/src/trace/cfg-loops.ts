// Loops of a control-flow graph, computed from the blocks alone as iongraph
// and gc's loopnest do: dominators (Cooper, Harvey, Kennedy), back edges (an
// edge to a block that dominates its source), natural loops (what reaches a
// back edge's source without passing its header), nested by containment.

/** A graph over blocks 0..n-1; `succs[b]` in gc's successor order. */
export interface Digraph {
  readonly succs: readonly (readonly number[])[]
}

export interface Loop {
  header: number
  /** Every block of the loop, nested loops' included, the header first. */
  blocks: number[]
  /** Sources of the back edges to the header. */
  latches: number[]
  /** Index of the innermost enclosing loop, or -1. */
  parent: number
  /** 1 for an outermost loop. */
  depth: number
}

export interface LoopInfo {
  /** Reverse postorder of the blocks reachable from the entry. */
  rpo: number[]
  /** Immediate dominator of each block; -1 for the entry and unreachable blocks. */
  idom: Int32Array
  reachable: Uint8Array
  /** Loops ordered by their header's place in the reverse postorder (outer before inner). */
  loops: Loop[]
  /** Innermost loop of each block, or -1. */
  loopOf: Int32Array
  /** Loop headed by each block, or -1. */
  headerOf: Int32Array
  /** Back edges `u→h` as u * n + h. */
  backEdges: Set<number>
}

export function predecessors(g: Digraph): number[][] {
  const preds: number[][] = g.succs.map(() => [])
  g.succs.forEach((ss, u) => {
    for (const v of ss) if (!preds[v]!.includes(u)) preds[v]!.push(u)
  })
  return preds
}

/** Reverse postorder from `entry`, iteratively (functions have thousands of blocks). */
export function reversePostorder(g: Digraph, entry: number): number[] {
  const n = g.succs.length
  const seen = new Uint8Array(n)
  const post: number[] = []
  if (entry < 0 || entry >= n) return post
  const stack: [number, number][] = [[entry, 0]]
  seen[entry] = 1
  while (stack.length) {
    const top = stack[stack.length - 1]!
    const ss = g.succs[top[0]]!
    if (top[1] < ss.length) {
      const v = ss[top[1]++]!
      if (!seen[v]) {
        seen[v] = 1
        stack.push([v, 0])
      }
    } else {
      post.push(top[0])
      stack.pop()
    }
  }
  return post.reverse()
}

export function computeLoops(g: Digraph, entry = 0): LoopInfo {
  const n = g.succs.length
  const rpo = reversePostorder(g, entry)
  const order = new Int32Array(n).fill(-1)
  rpo.forEach((b, i) => (order[b] = i))
  const reachable = new Uint8Array(n)
  for (const b of rpo) reachable[b] = 1
  const preds = predecessors(g)

  // Cooper, Harvey, Kennedy: "A Simple, Fast Dominance Algorithm".
  const idom = new Int32Array(n).fill(-1)
  if (rpo.length) idom[entry] = entry
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (order[a]! > order[b]!) a = idom[a]!
      while (order[b]! > order[a]!) b = idom[b]!
    }
    return a
  }
  for (let changed = true; changed; ) {
    changed = false
    for (let i = 1; i < rpo.length; i++) {
      const b = rpo[i]!
      let d = -1
      for (const p of preds[b]!) {
        if (!reachable[p] || idom[p] === -1) continue
        d = d === -1 ? p : intersect(p, d)
      }
      if (d !== -1 && idom[b] !== d) {
        idom[b] = d
        changed = true
      }
    }
  }
  // Dominance in O(1): a dominates b when b's interval of the dominator tree's DFS lies in a's.
  const kids: number[][] = Array.from({ length: n }, () => [])
  for (const b of rpo) if (b !== entry && idom[b]! >= 0) kids[idom[b]!]!.push(b)
  const pre = new Int32Array(n).fill(-1)
  const post = new Int32Array(n).fill(-1)
  if (rpo.length) {
    let clock = 0
    const stack: [number, number][] = [[entry, 0]]
    pre[entry] = clock++
    while (stack.length) {
      const top = stack[stack.length - 1]!
      const ks = kids[top[0]]!
      if (top[1] < ks.length) {
        const k = ks[top[1]++]!
        pre[k] = clock++
        stack.push([k, 0])
      } else {
        post[top[0]] = clock++
        stack.pop()
      }
    }
  }
  const dominates = (a: number, b: number): boolean => pre[a]! >= 0 && pre[b]! >= 0 && pre[a]! <= pre[b]! && post[b]! <= post[a]!

  // Back edges, then one natural loop per header (all its back edges together).
  const backEdges = new Set<number>()
  const latchesOf = new Map<number, number[]>()
  for (const u of rpo)
    for (const h of g.succs[u]!) {
      if (!dominates(h, u)) continue
      backEdges.add(u * n + h)
      const l = latchesOf.get(h)
      if (l) {
        if (!l.includes(u)) l.push(u)
      } else latchesOf.set(h, [u])
    }
  const loops: Loop[] = []
  const headers = [...latchesOf.keys()].sort((a, b) => order[a]! - order[b]!)
  for (const h of headers) {
    const latches = latchesOf.get(h)!
    const inLoop = new Set<number>([h])
    const blocks = [h]
    const work = latches.filter((u) => u !== h)
    for (const u of work) if (!inLoop.has(u)) inLoop.add(u), blocks.push(u)
    while (work.length) {
      const x = work.pop()!
      for (const p of preds[x]!) {
        if (!reachable[p] || inLoop.has(p)) continue
        inLoop.add(p)
        blocks.push(p)
        work.push(p)
      }
    }
    loops.push({ header: h, blocks, latches, parent: -1, depth: 1 })
  }

  // Nesting: natural loops with distinct headers are nested or disjoint, so
  // assigning bodies largest first leaves each block in its innermost loop.
  const loopOf = new Int32Array(n).fill(-1)
  const bySize = loops.map((_, i) => i).sort((a, b) => loops[b]!.blocks.length - loops[a]!.blocks.length || order[loops[a]!.header]! - order[loops[b]!.header]!)
  for (const i of bySize) {
    const l = loops[i]!
    l.parent = loopOf[l.header]!
    for (const b of l.blocks) loopOf[b] = i
  }
  // Parents come before children in `loops` (a header's RPO number is below its inner loops').
  for (const l of loops) l.depth = l.parent === -1 ? 1 : loops[l.parent]!.depth + 1
  const headerOf = new Int32Array(n).fill(-1)
  loops.forEach((l, i) => (headerOf[l.header] = i))
  return { rpo, idom, reachable, loops, loopOf, headerOf, backEdges }
}
