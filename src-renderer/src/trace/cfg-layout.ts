// The CFG's layout, computed once per function so that a block keeps its
// place in every pass: layered and loop-aware in iongraph's manner (entry on
// top, no crossing minimisation, every loop a box of its own with its exits
// below it), over the union of the blocks and edges of all passes, so that a
// block a pass adds already has its place near the blocks it connects.
//
// Each loop (and the function itself) is a level whose items are its own
// blocks and its inner loops' boxes. A level is layered by longest path over
// its forward edges, then its items are placed in topological order at the
// free spot nearest to where their predecessors point, an edge that skips
// rows getting a lane of its own. Inner levels are laid out first, so a box
// is one item of known size to its parent.

import type { PassRecord } from '../../../src-main/protocol/model'
import { computeLoops, type LoopInfo } from './cfg-loops'

export const BLOCK_W = 116
export const BLOCK_H = 38
/** Space between items of a row, and between rows. */
export const GAP_X = 24
export const GAP_Y = 42
export const ROW_H = BLOCK_H + GAP_Y
/** Width a long edge's lane takes. */
export const LANE_W = 10
/** Inner margin of a loop box. */
export const PAD = 9

export interface LayoutInput {
  /** Block ids; the index orders them (earlier blocks are placed first). Index 0 is the entry. */
  readonly ids: readonly string[]
  readonly succs: readonly (readonly number[])[]
  /** The port of each successor edge: gc's successor index where the edge first appeared. */
  readonly slots: readonly (readonly number[])[]
  /** How many ports each block has (the most successors it ever had). */
  readonly ports: readonly number[]
}

export type EdgeKind = 'forward' | 'back' | 'retreat'

export interface EdgeRoute {
  kind: EdgeKind
  /** From the source's port to the target's, absolute: x0, y0, x1, y1, … */
  points: number[]
}

export interface LoopBox {
  header: number
  depth: number
  parent: number
  x: number
  y: number
  w: number
  h: number
}

export interface CfgLayout {
  ids: readonly string[]
  index: ReadonlyMap<string, number>
  /** Block centres. */
  x: Float64Array
  y: Float64Array
  /** Absolute row of each block. */
  row: Int32Array
  loops: LoopInfo
  /** One per loop of `loops.loops`, same index. */
  boxes: LoopBox[]
  /** Keyed by `edgeKey(u, v)`. */
  routes: Map<number, EdgeRoute>
  width: number
  height: number
  n: number
}

export const edgeKey = (n: number, u: number, v: number): number => u * n + v

/** Blocks and edges of every pass, each block once, in the order they first appear; the entry first. */
export function unionGraph(passes: readonly PassRecord[]): LayoutInput {
  const ids: string[] = []
  const index = new Map<string, number>()
  const succs: number[][] = []
  const slots: number[][] = []
  const ports: number[] = []
  const id = (s: string): number => {
    let i = index.get(s)
    if (i === undefined) {
      i = ids.length
      index.set(s, i)
      ids.push(s)
      succs.push([])
      slots.push([])
      ports.push(0)
    }
    return i
  }
  const seen = new Set<object>()
  let last: unknown = null
  for (const p of passes) {
    const blocks = p.snapshot.blocks
    if (blocks === last) continue
    last = blocks
    for (const b of blocks) {
      // Records are shared while unchanged: each distinct one is read once.
      if (seen.has(b)) continue
      seen.add(b)
      const u = id(b.id)
      b.succs.forEach((s, i) => {
        const v = id(s)
        if (!succs[u]!.includes(v)) {
          succs[u]!.push(v)
          slots[u]!.push(i)
        }
      })
      ports[u] = Math.max(ports[u]!, b.succs.length)
    }
  }
  return { ids, succs, slots, ports }
}

/** Where a block's successor edge leaves it, from its centre. */
export function portOffset(slot: number, ports: number): number {
  return ports <= 1 ? 0 : (slot - (ports - 1) / 2) * (BLOCK_W / ports)
}

/** Rows of a level and the intervals taken in each, kept sorted (a row holds a handful). */
class Occupancy {
  private rows: number[][] = []

  take(r0: number, r1: number, a: number, b: number): void {
    for (let r = r0; r < r1; r++) {
      const row = (this.rows[r] ??= [])
      let i = row.length
      while (i > 0 && row[i - 2]! > a) i -= 2
      row.splice(i, 0, a, b)
    }
  }

  /** The left edge nearest to `want` where [x, x + w) is free in rows [r0, r1). */
  place(r0: number, r1: number, w: number, want: number): number {
    let iv: number[] | undefined
    if (r1 - r0 === 1) iv = this.rows[r0]
    else {
      const all: [number, number][] = []
      for (let r = r0; r < r1; r++) {
        const row = this.rows[r]
        if (row) for (let i = 0; i < row.length; i += 2) all.push([row[i]!, row[i + 1]!])
      }
      all.sort((p, q) => p[0] - q[0])
      iv = all.flat()
    }
    if (!iv || iv.length === 0) return want
    let best = Number.NaN
    let bestD = Infinity
    let lo = -Infinity
    for (let i = 0; i < iv.length; i += 2) {
      const a = iv[i]!
      if (a - lo >= w) {
        const x = Math.min(Math.max(want, lo), a - w)
        const d = Math.abs(x - want)
        if (d < bestD) (best = x), (bestD = d)
      }
      lo = Math.max(lo, iv[i + 1]!)
    }
    const x = Math.max(want, lo)
    return Math.abs(x - want) < bestD ? x : best
  }
}

interface Waypoint {
  level: number
  item: number
  /** Local x where the edge reaches the level's bottom (a lane, or straight below its port). */
  x: number
  lane: boolean
}

interface Edge {
  u: number
  v: number
  slot: number
  kind: EdgeKind
  /** Levels the edge leaves on its way out of loops, innermost first. */
  waypoints: Waypoint[]
  /** The level where both ends meet, with the items holding them there. */
  level: number
  src: number
  dst: number
  /** Local x of its lane across skipped rows, or NaN. */
  lane: number
}

export function layoutCfg(g: LayoutInput): CfgLayout {
  const n = g.ids.length
  const info = computeLoops(g, 0)
  const loops = info.loops
  const L = loops.length
  // Level 0 is the function; level k + 1 is loop k. Items: blocks 0..n-1, then loop k's box is n + k.
  const levelOfBlock = (b: number): number => info.loopOf[b]! + 1
  const parentLevel = (lv: number): number => loops[lv - 1]!.parent + 1
  const depth = (lv: number): number => (lv === 0 ? 0 : loops[lv - 1]!.depth)
  const box = (lv: number): number => n + lv - 1
  const nItems = n + L
  const key = (it: number): number => (it < n ? it : loops[it - n]!.header)
  const levelItems: number[][] = Array.from({ length: L + 1 }, () => [])
  for (let b = 0; b < n; b++) levelItems[levelOfBlock(b)]!.push(b)
  for (let k = 0; k < L; k++) levelItems[loops[k]!.parent + 1]!.push(n + k)
  for (const items of levelItems) items.sort((a, b) => key(a) - key(b))

  const itemIn = (lv: number, b: number): number => {
    let x = levelOfBlock(b)
    if (x === lv) return b
    while (parentLevel(x) !== lv) x = parentLevel(x)
    return box(x)
  }
  const meet = (a: number, b: number): number => {
    while (depth(a) > depth(b)) a = parentLevel(a)
    while (depth(b) > depth(a)) b = parentLevel(b)
    while (a !== b) (a = parentLevel(a)), (b = parentLevel(b))
    return a
  }

  const isAncestorLevel = (a: number, b: number): boolean => {
    for (let x = b; depth(x) > depth(a); x = parentLevel(x)) if (parentLevel(x) === a) return true
    return false
  }

  const edges: Edge[] = []
  const levelEdges: number[][] = Array.from({ length: L + 1 }, () => [])
  const waypointsAt: { edge: number; waypoint: Waypoint }[][] = Array.from({ length: L + 1 }, () => [])
  for (let u = 0; u < n; u++)
    g.succs[u]!.forEach((v, i) => {
      const e: Edge = { u, v, slot: g.slots[u]![i]!, kind: 'forward', waypoints: [], level: 0, src: u, dst: v, lane: Number.NaN }
      const ei = edges.push(e) - 1
      if (info.backEdges.has(u * n + v)) {
        e.kind = 'back'
        e.level = levelOfBlock(u)
        return
      }
      const c = meet(levelOfBlock(u), levelOfBlock(v))
      for (let x = levelOfBlock(u); x !== c; x = parentLevel(x)) {
        const waypoint: Waypoint = { level: x, item: itemIn(x, u), x: 0, lane: false }
        e.waypoints.push(waypoint)
        waypointsAt[x]!.push({ edge: ei, waypoint })
      }
      e.level = c
      e.src = itemIn(c, u)
      e.dst = itemIn(c, v)
      if (e.src === e.dst) e.kind = 'retreat' // a cycle outside any natural loop (unreachable blocks)
      else levelEdges[c]!.push(ei)
    })

  // The slot of a block's one successor that goes on (not a dead end like a panic), or -1 when there are several.
  const mainSuccSlot = new Int32Array(n).fill(-1)
  for (let u = 0; u < n; u++) {
    let main = -1
    let count = 0
    g.succs[u]!.forEach((v, i) => {
      if (g.succs[v]!.length === 0 || info.backEdges.has(u * n + v)) return
      const s = g.slots[u]![i]!
      if (s !== main) count++, (main = s)
    })
    if (count === 1) mainSuccSlot[u] = main
  }

  const layer = new Int32Array(nItems)
  const itemH = new Int32Array(nItems).fill(1)
  const itemW = new Float64Array(nItems).fill(BLOCK_W)
  const itemX = new Float64Array(nItems)
  const height = new Int32Array(L + 1)
  const backLane = new Float64Array(L + 1).fill(Number.NaN)
  const retreatLane = new Float64Array(L + 1).fill(Number.NaN)
  const hasRetreat = new Uint8Array(L + 1)

  // Deepest levels first: a box's size is known before its parent places it.
  const levelOrder = Array.from({ length: L + 1 }, (_, i) => i).sort((a, b) => depth(b) - depth(a) || b - a)
  for (const lv of levelOrder) {
    const items = levelItems[lv]!
    const order = topoOrder(items, levelEdges[lv]!, edges, key)
    for (const ei of levelEdges[lv]!) if (edges[ei]!.kind === 'retreat') hasRetreat[lv] = 1
    const incoming = new Map<number, number[]>()
    const outgoing = new Map<number, number[]>()
    for (const ei of levelEdges[lv]!) {
      const e = edges[ei]!
      if (e.kind === 'retreat') continue
      ;(incoming.get(e.dst) ?? incoming.set(e.dst, []).get(e.dst)!).push(ei)
      ;(outgoing.get(e.src) ?? outgoing.set(e.src, []).get(e.src)!).push(ei)
    }
    let h = 1
    for (const it of order) {
      let l = 0
      for (const ei of incoming.get(it) ?? []) {
        const s = edges[ei]!.src
        l = Math.max(l, layer[s]! + itemH[s]!)
      }
      layer[it] = l
      h = Math.max(h, l + itemH[it]!)
    }
    height[lv] = h
    if (lv > 0) itemH[box(lv)] = h

    const waypointsFrom = new Map<number, { edge: number; waypoint: Waypoint }[]>()
    for (const s of waypointsAt[lv]!) (waypointsFrom.get(s.waypoint.item) ?? waypointsFrom.set(s.waypoint.item, []).get(s.waypoint.item)!).push(s)
    const occ = new Occupancy()
    let minX = Infinity
    let maxX = -Infinity
    const lane = (r0: number, r1: number, want: number): number => {
      const x = occ.place(r0, r1, LANE_W, want - LANE_W / 2) + LANE_W / 2
      occ.take(r0, r1, x - LANE_W / 2, x + LANE_W / 2)
      minX = Math.min(minX, x - LANE_W / 2)
      maxX = Math.max(maxX, x + LANE_W / 2)
      return x
    }
    /** Local x of edge `ei`'s port on the item that holds its source in this level. */
    const portX = (ei: number): number => {
      const e = edges[ei]!
      const k = e.waypoints.findIndex((s) => s.level === lv)
      const inner = k === -1 ? e.waypoints[e.waypoints.length - 1] : e.waypoints[k - 1]
      if (!inner) return itemX[e.u]! + BLOCK_W / 2 + portOffset(e.slot, g.ports[e.u]!)
      return itemX[box(inner.level)]! + inner.x
    }
    /** Where a successor goes beside its siblings: spread by port, except that the one successor going on stays below its block and dead ends go aside. */
    const spread = (ei: number): number => {
      const e = edges[ei]!
      if (e.src !== e.u || e.waypoints.length) return 0
      const p = g.ports[e.u]!
      if (p <= 1) return 0
      const step = (BLOCK_W + GAP_X) / 2
      const main = mainSuccSlot[e.u]!
      if (main < 0) return (e.slot - (p - 1) / 2) * 2 * step
      return e.slot === main ? 0 : e.slot < main ? -2 * step : 2 * step
    }
    const placed = new Set<number>()
    /** The item of this level holding the immediate dominator of `it` (its header's, for a box), if placed. */
    const dominatorHere = (it: number, lv: number): number => {
      const d = info.idom[key(it)]!
      if (d < 0 || d === key(it)) return -1
      const lvOfD = levelOfBlock(d)
      if (lvOfD !== lv && !isAncestorLevel(lv, lvOfD)) return -1
      const item = itemIn(lv, d)
      return placed.has(item) ? item : -1
    }
    /** Local x of an item's centre line: a block's, or a box's header's. */
    const centreOf = (it: number): number => (it < n ? itemX[it]! + BLOCK_W / 2 : itemX[it]! + itemX[loops[it - n]!.header]! + BLOCK_W / 2)
    for (const it of order) {
      const w = itemW[it]!
      const wants: number[] = []
      for (const ei of incoming.get(it) ?? []) {
        const e = edges[ei]!
        // Below the block's centre (not its port, or chains of branches would drift sideways), or at the lane's end.
        if (!Number.isNaN(e.lane)) wants.push(e.lane)
        else if (e.src === e.u && !e.waypoints.length) wants.push(itemX[e.u]! + BLOCK_W / 2 + spread(ei))
        else wants.push(portX(ei))
      }
      // A join lines up with the block that dominates it (the branch it closes): averaging its predecessors would drift.
      const dom = wants.length > 1 ? dominatorHere(it, lv) : -1
      const want =
        dom >= 0 ? centreOf(dom) : wants.length ? wants.reduce((s, x) => s + x, 0) / wants.length : Number.isFinite(maxX) ? maxX + GAP_X + w / 2 : 0
      const r0 = layer[it]!
      const r1 = r0 + itemH[it]!
      // A box lines up by its header, where its edges come in.
      const anchor = it < n ? w / 2 : itemX[loops[it - n]!.header]! + BLOCK_W / 2
      const left = occ.place(r0, r1, w + GAP_X, want - anchor - GAP_X / 2) + GAP_X / 2
      occ.take(r0, r1, left - GAP_X / 2, left + w + GAP_X / 2)
      itemX[it] = left
      placed.add(it)
      minX = Math.min(minX, left)
      maxX = Math.max(maxX, left + w)
      for (const ei of outgoing.get(it) ?? []) {
        const e = edges[ei]!
        const from = r1
        const to = layer[e.dst]!
        if (to > from) e.lane = lane(from, to, portX(ei) + spread(ei))
      }
      for (const { edge, waypoint } of waypointsFrom.get(it) ?? []) {
        const x = portX(edge)
        waypoint.lane = r1 < h
        waypoint.x = waypoint.lane ? lane(r1, h, x) : x
      }
    }
    // Upward edges run in lanes at the right of the level: back edges to the loop's header, then the others.
    let right = maxX
    if (lv > 0) backLane[lv] = right += GAP_X / 2
    if (hasRetreat[lv]) retreatLane[lv] = right += LANE_W + (lv > 0 ? 0 : GAP_X / 2)
    const dx = (lv > 0 ? PAD : 0) - minX
    for (const it of items) itemX[it] += dx
    for (const ei of levelEdges[lv]!) if (!Number.isNaN(edges[ei]!.lane)) edges[ei]!.lane += dx
    for (const { waypoint } of waypointsAt[lv]!) waypoint.x += dx
    backLane[lv]! += dx
    retreatLane[lv]! += dx
    if (lv > 0) itemW[box(lv)] = right + dx + (right > maxX ? GAP_X / 2 : 0) + PAD
  }

  // Absolute places, outer levels first.
  const originX = new Float64Array(L + 1)
  const originRow = new Int32Array(L + 1)
  for (let k = 0; k < L; k++) {
    // `loops` lists outer loops before inner ones.
    const p = loops[k]!.parent + 1
    originX[k + 1] = originX[p]! + itemX[n + k]!
    originRow[k + 1] = originRow[p]! + layer[n + k]!
  }
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  const row = new Int32Array(n)
  let width = 0
  for (let b = 0; b < n; b++) {
    const lv = levelOfBlock(b)
    x[b] = originX[lv]! + itemX[b]! + BLOCK_W / 2
    row[b] = originRow[lv]! + layer[b]!
    y[b] = row[b]! * ROW_H + BLOCK_H / 2
    width = Math.max(width, x[b]! + BLOCK_W / 2)
  }
  const boxes: LoopBox[] = loops.map((l, k) => ({
    header: l.header,
    depth: l.depth,
    parent: l.parent,
    x: originX[k + 1]!,
    y: originRow[k + 1]! * ROW_H - PAD,
    w: itemW[n + k]!,
    h: 0,
  }))
  // A box ends below its last row and below the boxes inside it.
  const bottom = new Float64Array(L + 1)
  for (const lv of levelOrder) {
    if (lv === 0) continue
    const k = lv - 1
    bottom[lv] = Math.max(bottom[lv]!, (originRow[lv]! + height[lv]!) * ROW_H - GAP_Y) + PAD
    const p = loops[k]!.parent + 1
    if (p > 0) bottom[p] = Math.max(bottom[p]!, bottom[lv]!)
    boxes[k]!.h = bottom[lv]! - boxes[k]!.y
  }
  for (const b of boxes) width = Math.max(width, b.x + b.w)
  const heightPx = height[0]! * ROW_H - GAP_Y

  const routes = new Map<number, EdgeRoute>()
  const top = (b: number): number => y[b]! - BLOCK_H / 2
  for (const e of edges) {
    const sx = x[e.u]! + portOffset(e.slot, g.ports[e.u]!)
    const sy = y[e.u]! + BLOCK_H / 2
    const pts = [sx, sy]
    if (e.kind === 'back' || e.kind === 'retreat' || row[e.v]! <= row[e.u]!) {
      const upward = e.kind === 'back' ? originX[info.headerOf[e.v]! + 1]! + backLane[info.headerOf[e.v]! + 1]! : originX[e.level]! + retreatLane[e.level]!
      const laneX = Number.isNaN(upward) ? Math.max(x[e.u]!, x[e.v]!) + BLOCK_W / 2 + GAP_X / 2 : upward
      const turn = sy + GAP_Y * 0.4
      if (e.kind === 'back') {
        pts.push(sx, turn, laneX, turn, laneX, y[e.v]!, x[e.v]! + BLOCK_W / 2, y[e.v]!)
      } else {
        const above = top(e.v) - GAP_Y * 0.4
        pts.push(sx, turn, laneX, turn, laneX, above, x[e.v]!, above, x[e.v]!, top(e.v))
      }
      if (e.kind === 'forward') e.kind = 'retreat'
      routes.set(edgeKey(n, e.u, e.v), { kind: e.kind, points: pts })
      continue
    }
    for (const s of e.waypoints) {
      const ox = originX[s.level]!
      const from = originRow[s.level]! + layer[s.item]! + itemH[s.item]!
      if (s.lane) pts.push(ox + s.x, from * ROW_H)
      pts.push(ox + s.x, bottom[s.level]!)
    }
    if (!Number.isNaN(e.lane)) {
      const ox = originX[e.level]!
      const r0 = originRow[e.level]! + layer[e.src]! + itemH[e.src]!
      const r1 = originRow[e.level]! + layer[e.dst]!
      pts.push(ox + e.lane, r0 * ROW_H, ox + e.lane, (r1 - 1) * ROW_H + BLOCK_H)
    }
    pts.push(x[e.v]!, top(e.v))
    routes.set(edgeKey(n, e.u, e.v), { kind: 'forward', points: simplify(pts) })
  }
  const index = new Map(g.ids.map((id, i) => [id, i]))
  return { ids: g.ids, index, x, y, row, loops: info, boxes, routes, width, height: heightPx, n }
}

/**
 * Kahn's algorithm over a level's items, the smallest key first among the
 * ready ones; on a cycle outside any natural loop the smallest remaining item
 * goes next and its unfinished incoming edges become `retreat` edges.
 */
function topoOrder(items: readonly number[], levelEdges: readonly number[], edges: Edge[], key: (it: number) => number): number[] {
  const indeg = new Map<number, number>()
  const out = new Map<number, number[]>()
  const inc = new Map<number, number[]>()
  for (const it of items) indeg.set(it, 0)
  for (const ei of levelEdges) {
    const e = edges[ei]!
    indeg.set(e.dst, indeg.get(e.dst)! + 1)
    ;(out.get(e.src) ?? out.set(e.src, []).get(e.src)!).push(ei)
    ;(inc.get(e.dst) ?? inc.set(e.dst, []).get(e.dst)!).push(ei)
  }
  const heap = new MinHeap(key)
  for (const it of items) if (indeg.get(it) === 0) heap.push(it)
  const done = new Set<number>()
  const order: number[] = []
  let next = 0 // items are sorted by key: the smallest not yet done is found from here
  while (order.length < items.length) {
    let it = heap.pop()
    if (it === undefined) {
      while (done.has(items[next]!)) next++
      it = items[next]!
      for (const ei of inc.get(it) ?? []) if (!done.has(edges[ei]!.src)) edges[ei]!.kind = 'retreat'
    } else if (done.has(it)) continue
    done.add(it)
    order.push(it)
    for (const ei of out.get(it) ?? []) {
      const e = edges[ei]!
      if (e.kind === 'retreat') continue
      const d = indeg.get(e.dst)! - 1
      indeg.set(e.dst, d)
      if (d === 0 && !done.has(e.dst)) heap.push(e.dst)
    }
  }
  return order
}

class MinHeap {
  private a: number[] = []
  constructor(private key: (x: number) => number) {}
  push(x: number): void {
    const a = this.a
    a.push(x)
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1
      if (this.key(a[p]!) <= this.key(a[i]!)) break
      ;[a[p], a[i]] = [a[i]!, a[p]!]
      i = p
    }
  }
  pop(): number | undefined {
    const a = this.a
    if (a.length === 0) return undefined
    const top = a[0]!
    const last = a.pop()!
    if (a.length) {
      a[0] = last
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < a.length && this.key(a[l]!) < this.key(a[m]!)) m = l
        if (r < a.length && this.key(a[r]!) < this.key(a[m]!)) m = r
        if (m === i) break
        ;[a[m], a[i]] = [a[i]!, a[m]!]
        i = m
      }
    }
    return top
  }
}

/** Drops repeated points and the middle of three points on one vertical or horizontal line. */
function simplify(p: number[]): number[] {
  const out: number[] = []
  for (let i = 0; i < p.length; i += 2) {
    const x = p[i]!
    const y = p[i + 1]!
    const k = out.length
    if (k >= 2 && out[k - 2] === x && out[k - 1] === y) continue
    if (k >= 4 && ((out[k - 4] === out[k - 2] && out[k - 2] === x) || (out[k - 3] === out[k - 1] && out[k - 1] === y))) {
      out[k - 2] = x
      out[k - 1] = y
      continue
    }
    out.push(x, y)
  }
  return out
}

const layouts = new WeakMap<readonly PassRecord[], CfgLayout>()

/** The layout of a trace's blocks over all its passes, computed on first use. */
export function traceLayout(passes: readonly PassRecord[]): CfgLayout {
  let l = layouts.get(passes)
  if (!l) layouts.set(passes, (l = layoutCfg(unionGraph(passes))))
  return l
}
