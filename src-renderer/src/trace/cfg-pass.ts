// What the CFG shows for one pass, over the function's fixed layout: the
// blocks present with their kind, value count and diff status, loop headers
// and depths of this pass's own loops, and every edge with its likelihood,
// whether it goes back to a loop header and whether it falls through in the
// block layout (after gc's `layout` pass); what the pass removed, for the
// diff mode.

import type { BlockRecord, FuncSnapshot, PassRecord } from '../../../src-main/protocol/model'
import { computeLoops } from './cfg-loops'
import { BLOCK_H, BLOCK_W, edgeKey, type CfgLayout } from './cfg-layout'

export type CfgStatus = 'same' | 'added' | 'changed' | 'removed'

export interface CfgBlock {
  id: string
  /** Index in the layout. */
  at: number
  block: BlockRecord
  status: CfgStatus
  /** Values the pass added, changed and removed in this block. */
  delta: { added: number; changed: number; removed: number }
  /** Heads a loop of this pass; `depth` counts the loops around the block (0: none). */
  loopHeader: boolean
  depth: number
  /** Not reachable from the entry (gc prints such blocks until deadcode removes them). */
  dead: boolean
  /** Position in gc's block order once blocks are laid out (`layout` and later), else -1. */
  order: number
}

export interface CfgEdge {
  /** `edgeKey` in the layout. */
  key: number
  src: string
  dst: string
  /** gc's successor index. */
  index: number
  likely?: 'likely' | 'unlikely'
  /** To a block that dominates its source: a loop's back edge. */
  back: boolean
  /** The target is the next block in the layout: no jump needed. */
  fallthrough: boolean
  status: 'same' | 'added' | 'removed'
  /**
   * Its route bends around blocks (of any pass) that are not there in this
   * one: a straight line is clear and draws it better.
   */
  straight: boolean
}

export interface CfgPass {
  blocks: CfgBlock[]
  edges: CfgEdge[]
  /** Blocks and edges of the previous pass this one removed. */
  removedBlocks: CfgBlock[]
  removedEdges: CfgEdge[]
  /** Layout indices of the headers of this pass's loops. */
  loopHeaders: Set<number>
  laidOut: boolean
  /** Consecutive blocks of the layout that no edge joins (gc draws these grey in ssa.html). */
  layoutChain: [string, string][]
}

/** Index of the successor gc marks unlikely (ssa/html.go unlikelyIndex), or -1. */
function unlikelyIndex(b: BlockRecord): number {
  return b.likely === 'likely' ? 1 : b.likely === 'unlikely' ? 0 : -1
}

function edgesOf(layout: CfgLayout, snap: FuncSnapshot, laidOut: boolean, backs: Set<number>): CfgEdge[] {
  const out: CfgEdge[] = []
  const blocks = snap.blocks
  blocks.forEach((b, i) => {
    const u = layout.index.get(b.id)
    if (u === undefined) return
    const unlikely = b.succs.length === 2 ? unlikelyIndex(b) : -1
    b.succs.forEach((s, k) => {
      const v = layout.index.get(s)
      if (v === undefined) return
      const e: CfgEdge = {
        key: edgeKey(layout.n, u, v),
        src: b.id,
        dst: s,
        index: k,
        back: backs.has(edgeKey(layout.n, u, v)),
        fallthrough: laidOut && blocks[i + 1]?.id === s,
        status: 'same',
        straight: false,
      }
      if (unlikely >= 0) e.likely = k === unlikely ? 'unlikely' : 'likely'
      out.push(e)
    })
  })
  return out
}

/** This pass's own loops (a pass may add or remove them), as layout indices. */
function passLoops(layout: CfgLayout, snap: FuncSnapshot): { headers: Set<number>; depth: Map<number, number>; backs: Set<number>; reachable: Set<number> } {
  const at = snap.blocks.map((b) => layout.index.get(b.id) ?? -1)
  const local = new Map(snap.blocks.map((b, i) => [b.id, i]))
  const succs = snap.blocks.map((b) => (b.kind === 'First' ? b.succs.slice(0, 1) : b.succs).map((s) => local.get(s)).filter((x): x is number => x !== undefined))
  const info = computeLoops({ succs }, 0)
  const headers = new Set<number>()
  const depth = new Map<number, number>()
  const backs = new Set<number>()
  const reachable = new Set<number>()
  for (const l of info.loops) headers.add(at[l.header]!)
  info.loopOf.forEach((k, i) => {
    if (k >= 0) depth.set(at[i]!, info.loops[k]!.depth)
  })
  const n = snap.blocks.length
  for (const e of info.backEdges) backs.add(edgeKey(layout.n, at[Math.floor(e / n)]!, at[e % n]!))
  info.reachable.forEach((r, i) => {
    if (r) reachable.add(at[i]!)
  })
  return { headers, depth, backs, reachable }
}

export function cfgPass(layout: CfgLayout, rec: PassRecord, prev: PassRecord | undefined, laidOut: boolean): CfgPass {
  const snap = rec.snapshot
  const marks = prev !== undefined
  const added = new Set(rec.diff.blocksAdded)
  const changed = new Set(rec.diff.blocksChanged)
  const loops = passLoops(layout, snap)

  // Value changes per block: added and changed ones where they are now, removed ones where they were.
  const delta = new Map<string, { added: number; changed: number; removed: number }>()
  const bump = (block: string, k: 'added' | 'changed' | 'removed') => {
    const d = delta.get(block) ?? { added: 0, changed: 0, removed: 0 }
    d[k]++
    delta.set(block, d)
  }
  if (marks) {
    const valueAdded = new Set(rec.diff.valuesAdded)
    const valueChanged = new Set(rec.diff.valuesChanged)
    for (const b of snap.blocks)
      for (const v of b.values) {
        if (valueAdded.has(v.id)) bump(b.id, 'added')
        else if (valueChanged.has(v.id)) bump(b.id, 'changed')
      }
    if (rec.diff.valuesRemoved.length) {
      const gone = new Set(rec.diff.valuesRemoved)
      for (const b of prev.snapshot.blocks) for (const v of b.values) if (gone.has(v.id)) bump(b.id, 'removed')
    }
  }

  const blocks: CfgBlock[] = []
  snap.blocks.forEach((b, i) => {
    const at = layout.index.get(b.id)
    if (at === undefined) return
    blocks.push({
      id: b.id,
      at,
      block: b,
      status: !marks ? 'same' : added.has(b.id) ? 'added' : changed.has(b.id) ? 'changed' : 'same',
      delta: delta.get(b.id) ?? { added: 0, changed: 0, removed: 0 },
      loopHeader: loops.headers.has(at),
      depth: loops.depth.get(at) ?? 0,
      dead: !loops.reachable.has(at),
      order: laidOut ? i : -1,
    })
  })
  const edges = edgesOf(layout, snap, laidOut, loops.backs)

  const removedBlocks: CfgBlock[] = []
  const removedEdges: CfgEdge[] = []
  if (prev) {
    const before = edgesOf(layout, prev.snapshot, false, new Set())
    const now = new Set(edges.map((e) => e.key))
    const then = new Set(before.map((e) => e.key))
    for (const e of edges) if (!then.has(e.key)) e.status = 'added'
    for (const e of before) if (!now.has(e.key)) removedEdges.push({ ...e, status: 'removed', fallthrough: false })
    const present = new Set(snap.blocks.map((b) => b.id))
    for (const b of prev.snapshot.blocks) {
      const at = layout.index.get(b.id)
      if (present.has(b.id) || at === undefined) continue
      removedBlocks.push({ id: b.id, at, block: b, status: 'removed', delta: { added: 0, changed: 0, removed: b.values.length }, loopHeader: false, depth: 0, dead: true, order: -1 })
    }
  }

  straighten(layout, [...blocks, ...removedBlocks], [...edges, ...removedEdges], loops.headers)

  const layoutChain: [string, string][] = []
  if (laidOut)
    for (let i = 1; i < snap.blocks.length; i++) {
      const a = snap.blocks[i - 1]!
      if (!a.succs.includes(snap.blocks[i]!.id)) layoutChain.push([a.id, snap.blocks[i]!.id])
    }
  return { blocks, edges, removedBlocks, removedEdges, loopHeaders: loops.headers, laidOut, layoutChain }
}

/** Room kept between a straightened edge and a block it passes. */
const CLEARANCE = 8

/**
 * Marks the forward edges whose fixed route bends around places where the
 * blocks shown leave a straight line clear: no block in the rows between its
 * ends comes near it, and it crosses no loop box its ends are not in.
 */
function straighten(layout: CfgLayout, shown: readonly CfgBlock[], edges: CfgEdge[], headers: ReadonlySet<number>): void {
  const byRow = new Map<number, number[]>()
  for (const b of shown) {
    const r = layout.row[b.at]!
    const l = byRow.get(r)
    if (l) l.push(b.at)
    else byRow.set(r, [b.at])
  }
  const boxes = layout.boxes.filter((b) => headers.has(b.header))
  for (const e of edges) {
    const route = layout.routes.get(e.key)
    if (!route || route.kind !== 'forward' || route.points.length <= 4) continue
    const u = layout.index.get(e.src)!
    const v = layout.index.get(e.dst)!
    if (layout.loops.loopOf[u] !== layout.loops.loopOf[v]) continue
    const p = route.points
    const sx = p[0]!
    const sy = p[1]!
    const tx = p[p.length - 2]!
    const ty = p[p.length - 1]!
    /** Whether the segment passes through the rectangle (grown by the clearance). */
    const hits = (x1: number, y1: number, x2: number, y2: number): boolean => {
      const a = Math.max(sy, y1 - CLEARANCE)
      const b = Math.min(ty, y2 + CLEARANCE)
      if (a > b) return false
      const xa = sx + ((tx - sx) * (a - sy)) / (ty - sy)
      const xb = sx + ((tx - sx) * (b - sy)) / (ty - sy)
      return Math.max(xa, xb) >= x1 - CLEARANCE && Math.min(xa, xb) <= x2 + CLEARANCE
    }
    let clear = true
    for (let r = layout.row[u]! + 1; clear && r < layout.row[v]!; r++)
      for (const b of byRow.get(r) ?? []) {
        const x = layout.x[b]!
        const y = layout.y[b]!
        if (hits(x - BLOCK_W / 2, y - BLOCK_H / 2, x + BLOCK_W / 2, y + BLOCK_H / 2)) clear = false
      }
    const ux = layout.x[u]!
    const uy = layout.y[u]!
    for (const b of boxes) {
      if (!clear) break
      const holds = ux >= b.x && ux <= b.x + b.w && uy >= b.y && uy <= b.y + b.h
      if (!holds && hits(b.x, b.y, b.x + b.w, b.y + b.h)) clear = false
    }
    e.straight = clear
  }
}

/** Whether gc has laid the blocks out by pass `index` (its `layout` pass ran): from then on the order of blocks is the code's. */
export function laidOutAt(passes: readonly PassRecord[], index: number): boolean {
  const at = passes.findIndex((p) => p.name === 'layout')
  return at >= 0 && index >= at
}

/** The source line of a block: gc's own when it has one, else its control's, else its first value's that has one (0: none). */
export function blockLine(b: BlockRecord): number {
  if (b.line) return b.line
  for (const c of b.controls) {
    const v = b.values.find((x) => x.id === c)
    if (v?.line) return v.line
  }
  return b.values.find((v) => v.line)?.line ?? 0
}
