// A small layered layout for flow graphs with groups (Sugiyama, simplified):
// cycles broken by a depth-first search, ranks by the longest path to a sink
// (so every sink lines up at the far end, where the flow goes), order in each
// rank by groups and then barycentres, and each group in its own band across
// the ranks so that groups (drawn as boxes around their nodes) never overlap.
// Deterministic: the same graph gets the same picture.

export interface LayoutNode {
  id: string
  /** The group (a box drawn around its nodes), or null. Groups get bands in the order they first appear; null comes first. */
  group: string | null
  width: number
  height: number
  /** Keep it with the sinks (rank 0) even when nothing flows into it. */
  sink?: boolean
}

export interface LayoutEdge {
  src: string
  dst: string
}

export interface LayoutOptions {
  /** LR: the flow goes left to right (ranks are columns); TB: top to bottom. */
  direction: 'LR' | 'TB'
  /** Between ranks. */
  rankGap?: number
  /** Between nodes of a rank. */
  nodeGap?: number
  /** Between two groups' bands: room for their boxes' padding and labels. */
  groupGap?: number
  /** The bands' order (null: the ungrouped nodes); groups not listed follow in order of appearance. */
  groups?: readonly (string | null)[]
}

export interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface LayoutResult {
  /** Node centres. */
  positions: Map<string, { x: number; y: number }>
  width: number
  height: number
  /** The bounding box of each group's nodes. */
  groups: Map<string, Box>
  /** Rank of each node: 0 at the sinks. */
  ranks: Map<string, number>
}

export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions): LayoutResult {
  const rankGap = options.rankGap ?? 60
  const nodeGap = options.nodeGap ?? 14
  const groupGap = options.groupGap ?? 40
  const lr = options.direction === 'LR'
  const n = nodes.length
  const index = new Map(nodes.map((x, i) => [x.id, i]))
  const out: number[][] = nodes.map(() => [])
  const nbrs: number[][] = nodes.map(() => [])
  const seenPair = new Set<string>()
  for (const e of edges) {
    const s = index.get(e.src)
    const d = index.get(e.dst)
    if (s === undefined || d === undefined || s === d || seenPair.has(`${s},${d}`)) continue
    seenPair.add(`${s},${d}`)
    out[s]!.push(d)
    nbrs[s]!.push(d)
    nbrs[d]!.push(s)
  }

  // Break cycles: drop the edges a depth-first search finds going back.
  const state = new Uint8Array(n) // 0 new, 1 on the stack, 2 done
  const dag: number[][] = nodes.map(() => [])
  for (let r = 0; r < n; r++) {
    if (state[r]) continue
    const stack: [number, number][] = [[r, 0]]
    state[r] = 1
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const [v, i] = top
      if (i < out[v]!.length) {
        top[1]++
        const w = out[v]![i]!
        if (state[w] === 0) {
          dag[v]!.push(w)
          state[w] = 1
          stack.push([w, 0])
        } else if (state[w] === 2) dag[v]!.push(w)
      } else {
        state[v] = 2
        stack.pop()
      }
    }
  }

  // Ranks: the longest path to a sink (memoised, iterative post-order).
  const rank = new Int32Array(n).fill(-1)
  for (let r = 0; r < n; r++) {
    if (rank[r]! >= 0) continue
    const stack: [number, number][] = [[r, 0]]
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const [v, i] = top
      if (i < dag[v]!.length) {
        top[1]++
        const w = dag[v]![i]!
        if (rank[w]! < 0) stack.push([w, 0])
      } else {
        let k = 0
        for (const w of dag[v]!) k = Math.max(k, rank[w]! + 1)
        rank[v] = k
        stack.pop()
      }
    }
  }
  // Bands: the order asked for, then groups in order of first appearance (the ungrouped first); only those with nodes.
  const present = new Set(nodes.map((x) => x.group))
  const groupOrder: (string | null)[] = (options.groups ?? []).filter((g) => present.has(g))
  if (present.has(null) && !groupOrder.includes(null)) groupOrder.unshift(null)
  for (const x of nodes) if (!groupOrder.includes(x.group)) groupOrder.push(x.group)
  const groupOf = nodes.map((x) => groupOrder.indexOf(x.group))

  // Nodes with no edges at all: out of the sinks' way, spread over the ranks from the sources on,
  // with more ranks when a group has many of them (a grid rather than one long column).
  const lone = (v: number) => nbrs[v]!.length === 0 && !nodes[v]!.sink
  let maxRank = 0
  for (let v = 0; v < n; v++) if (!lone(v)) maxRank = Math.max(maxRank, rank[v]!)
  for (let gi = 0; gi < groupOrder.length; gi++) {
    const mine: number[] = []
    for (let v = 0; v < n; v++) if (groupOf[v] === gi && lone(v)) mine.push(v)
    const cols = Math.max(maxRank + 1, Math.ceil(Math.sqrt(mine.length / 2)))
    mine.forEach((v, i) => (rank[v] = cols - 1 - (i % cols)))
  }
  maxRank = n > 0 ? Math.max(...rank) : 0

  // Order within ranks: by group, then barycentre of the neighbours' positions, a few sweeps.
  const layers: number[][] = Array.from({ length: maxRank + 1 }, () => [])
  for (let v = 0; v < n; v++) layers[maxRank - rank[v]!]!.push(v)
  const pos = new Float64Array(n)
  const place = () => layers.forEach((layer) => layer.forEach((v, i) => (pos[v] = i / Math.max(1, layer.length - 1))))
  for (const layer of layers) layer.sort((a, b) => groupOf[a]! - groupOf[b]! || a - b)
  place()
  for (let sweep = 0; sweep < 6; sweep++) {
    const order = sweep % 2 === 0 ? layers : [...layers].reverse()
    for (const layer of order) {
      const bary = new Map<number, number>()
      for (const v of layer) {
        const ns = nbrs[v]!
        bary.set(v, ns.length > 0 ? ns.reduce((s, w) => s + pos[w]!, 0) / ns.length : pos[v]!)
      }
      layer.sort((a, b) => groupOf[a]! - groupOf[b]! || bary.get(a)! - bary.get(b)! || a - b)
      layer.forEach((v, i) => (pos[v] = i / Math.max(1, layer.length - 1)))
    }
  }

  // Extents: along the rank axis (the flow) and across it.
  const along = (v: number) => (lr ? nodes[v]!.width : nodes[v]!.height)
  const across = (v: number) => (lr ? nodes[v]!.height : nodes[v]!.width)

  // Rank coordinates: each rank as thick as its thickest node.
  const rankStart: number[] = []
  const thick: number[] = []
  let at = 0
  for (const layer of layers) {
    rankStart.push(at)
    thick.push(layer.reduce((m, v) => Math.max(m, along(v)), 0))
    at += thick[thick.length - 1]! + rankGap
  }
  const rankCoord = (v: number) => {
    const r = maxRank - rank[v]!
    return rankStart[r]! + thick[r]! / 2
  }

  // Each layer's nodes by group (the sort keeps a group's nodes together, in order).
  const parts: { gi: number; vs: number[] }[][] = layers.map((layer) => {
    const out: { gi: number; vs: number[] }[] = []
    for (const v of layer) {
      const last = out[out.length - 1]
      if (last && last.gi === groupOf[v]) last.vs.push(v)
      else out.push({ gi: groupOf[v]!, vs: [v] })
    }
    return out
  })

  // Bands: each group as wide as its fullest rank needs.
  const bandSize: number[] = groupOrder.map(() => 0)
  for (const layer of parts) {
    for (const { gi, vs } of layer) bandSize[gi] = Math.max(bandSize[gi]!, vs.reduce((s, v) => s + across(v), 0) + nodeGap * (vs.length - 1))
  }
  const bandStart: number[] = []
  let b = 0
  for (let gi = 0; gi < groupOrder.length; gi++) {
    bandStart.push(b)
    b += bandSize[gi]! + groupGap
  }

  // Across coordinates: start centred in the band, then pull each node towards its neighbours, keeping order and gaps.
  const c = new Float64Array(n)
  for (const layer of parts) {
    for (const { gi, vs: mine } of layer) {
      const total = mine.reduce((s, v) => s + across(v), 0) + nodeGap * Math.max(0, mine.length - 1)
      let y = bandStart[gi]! + (bandSize[gi]! - total) / 2
      for (const v of mine) {
        c[v] = y + across(v) / 2
        y += across(v) + nodeGap
      }
    }
  }
  for (let iter = 0; iter < 8; iter++) {
    const order = iter % 2 === 0 ? parts : [...parts].reverse()
    for (const layer of order) {
      for (const { gi, vs: mine } of layer) {
        const lo = bandStart[gi]!
        const hi = bandStart[gi]! + bandSize[gi]!
        const want = mine.map((v) => {
          const ns = nbrs[v]!
          return ns.length > 0 ? ns.reduce((s, w) => s + c[w]!, 0) / ns.length : c[v]!
        })
        // Forward: each at its wish but after the previous one; backward: before the next one and inside the band.
        for (let i = 0; i < mine.length; i++) {
          const v = mine[i]!
          const min = i === 0 ? lo + across(v) / 2 : c[mine[i - 1]!]! + across(mine[i - 1]!) / 2 + nodeGap + across(v) / 2
          c[v] = Math.max(min, want[i]!)
        }
        for (let i = mine.length - 1; i >= 0; i--) {
          const v = mine[i]!
          const max = i === mine.length - 1 ? hi - across(v) / 2 : c[mine[i + 1]!]! - across(mine[i + 1]!) / 2 - nodeGap - across(v) / 2
          c[v] = Math.min(c[v]!, max)
        }
      }
    }
  }

  const positions = new Map<string, { x: number; y: number }>()
  const groups = new Map<string, Box>()
  let width = 0
  let height = 0
  for (let v = 0; v < n; v++) {
    const r = rankCoord(v)
    const p = lr ? { x: r, y: c[v]! } : { x: c[v]!, y: r }
    positions.set(nodes[v]!.id, p)
    const w = nodes[v]!.width / 2
    const h = nodes[v]!.height / 2
    width = Math.max(width, p.x + w)
    height = Math.max(height, p.y + h)
    const g = nodes[v]!.group
    if (g === null) continue
    const box = groups.get(g)
    if (!box) groups.set(g, { x1: p.x - w, y1: p.y - h, x2: p.x + w, y2: p.y + h })
    else {
      box.x1 = Math.min(box.x1, p.x - w)
      box.y1 = Math.min(box.y1, p.y - h)
      box.x2 = Math.max(box.x2, p.x + w)
      box.y2 = Math.max(box.y2, p.y + h)
    }
  }
  return { positions, width, height, groups, ranks: new Map(nodes.map((x, i) => [x.id, rank[i]!])) }
}
