// The CFG's loops and layout: loops from dominators and back edges, nested as
// they are in the source; one layout per function over all its passes, the
// same every time, every block of every pass placed (so it keeps its place
// while stepping), no two blocks on top of each other, every loop a box that
// holds its blocks and its inner loops and nothing else, the entry on top.

import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bigFunctionProgram } from '../../src-main/bench/programs'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { ssaCorpusFiles } from '../../src-main/fidelity/ssa'
import type { FuncTrace } from '../../src-main/protocol/model'
import { decodeTrace, encodeTrace } from '../../src-main/protocol/trace-codec'
import { computeLoops } from '../../src-renderer/src/trace/cfg-loops'
import { BLOCK_H, BLOCK_W, edgeKey, layoutCfg, traceLayout, unionGraph, type CfgLayout } from '../../src-renderer/src/trace/cfg-layout'
import { traceOrRefusal } from '../ssagen/corpus'

const trace = async (file: string, func: string, arch = 'amd64'): Promise<FuncTrace> =>
  (await ssaProgram(file, readFileSync(file, 'utf8'))).trace(func, arch)

/** Checks what every layout must satisfy, for every pass of the trace. */
function checkLayout(t: FuncTrace, l: CfgLayout): void {
  const where = (id: string) => `${t.func} ${id}`
  // Every block of every pass has a place (the renderer never places one itself).
  for (const p of t.passes) for (const b of p.snapshot.blocks) expect(l.index.has(b.id), where(b.id)).toBe(true)
  // No two blocks overlap.
  const rows = new Map<number, number[]>()
  l.ids.forEach((_, i) => (rows.get(l.row[i]!) ?? rows.set(l.row[i]!, []).get(l.row[i]!)!).push(i))
  for (const r of rows.values()) {
    r.sort((a, b) => l.x[a]! - l.x[b]!)
    for (let k = 1; k < r.length; k++) expect(l.x[r[k]!]! - l.x[r[k - 1]!]!, where(l.ids[r[k]!]!)).toBeGreaterThanOrEqual(BLOCK_W)
  }
  // The entry is on top, and every edge but the loops' back edges goes down.
  for (let i = 1; i < l.ids.length; i++) expect(l.y[i]!).toBeGreaterThanOrEqual(l.y[0]!)
  for (const [key, r] of l.routes) {
    const u = Math.floor(key / l.n)
    const v = key % l.n
    if (r.kind === 'forward') expect(l.row[v]!, `${where(l.ids[u]!)} → ${l.ids[v]}`).toBeGreaterThan(l.row[u]!)
    if (r.kind === 'back') expect(l.loops.headerOf[v], `${where(l.ids[u]!)} → ${l.ids[v]}`).toBeGreaterThanOrEqual(0)
  }
  // A loop's box holds its blocks and inner boxes, and no other block.
  const inside = (x: number, y: number, b: { x: number; y: number; w: number; h: number }) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h
  l.loops.loops.forEach((loop, k) => {
    const box = l.boxes[k]!
    const members = new Set(loop.blocks)
    l.ids.forEach((id, i) => {
      const corners = [
        [l.x[i]! - BLOCK_W / 2, l.y[i]! - BLOCK_H / 2],
        [l.x[i]! + BLOCK_W / 2, l.y[i]! + BLOCK_H / 2],
      ]
      const held = corners.map(([x, y]) => inside(x!, y!, box))
      if (members.has(i)) expect(held, `${where(id)} in loop ${l.ids[loop.header]}`).toEqual([true, true])
      else expect(held, `${where(id)} outside loop ${l.ids[loop.header]}`).toEqual([false, false])
    })
    if (loop.parent >= 0) {
      const outer = l.boxes[loop.parent]!
      expect(inside(box.x, box.y, outer) && inside(box.x + box.w, box.y + box.h, outer), `${where(l.ids[loop.header]!)} nested`).toBe(true)
    }
    // The header is the loop's top row.
    for (const b of loop.blocks) expect(l.row[b]!).toBeGreaterThanOrEqual(l.row[loop.header]!)
  })
}

describe('loops from the blocks', () => {
  it('finds nested natural loops, their depths and back edges', () => {
    // 0 → 1 (outer header) → 2 (inner header) → 3 → 2 (back), 3 → 4 → 1 (back), 1 → 5 (exit)
    const g = { succs: [[1], [2, 5], [3], [2, 4], [1], []] }
    const info = computeLoops(g)
    expect(info.loops.map((l) => [l.header, l.depth, l.parent, [...l.blocks].sort()])).toEqual([
      [1, 1, -1, [1, 2, 3, 4]],
      [2, 2, 0, [2, 3]],
    ])
    expect([...info.loopOf]).toEqual([-1, 0, 1, 1, 0, -1])
    expect([...info.backEdges].sort()).toEqual([3 * 6 + 2, 4 * 6 + 1].sort())
    expect(info.idom[5]).toBe(1)
  })

  it('gives a self loop a loop of one block, and none to a cycle entered twice (irreducible)', () => {
    expect(computeLoops({ succs: [[1], [1, 2], []] }).loops).toMatchObject([{ header: 1, blocks: [1], latches: [1] }])
    // 0 → 1, 0 → 2, 1 ⇄ 2: neither dominates the other.
    expect(computeLoops({ succs: [[1, 2], [2], [1]] }).loops).toEqual([])
  })
})

describe('CFG layout', () => {
  let labels: FuncTrace
  let nested: FuncTrace
  beforeAll(async () => {
    labels = await trace(join('testdata', 'ssa', 'constructs.go'), 'labels')
    nested = await trace(join('testdata', 'escape', 'loops.go'), 'nestedLoops')
  })

  it('is the same every time, for the same trace sent over the wire', () => {
    const a = layoutCfg(unionGraph(labels.passes))
    const b = layoutCfg(unionGraph(decodeTrace(JSON.parse(JSON.stringify(encodeTrace(labels)))).passes))
    expect([...b.x]).toEqual([...a.x])
    expect([...b.y]).toEqual([...a.y])
    expect(b.ids).toEqual(a.ids)
    expect([...b.routes]).toEqual([...a.routes])
  })

  it('is computed once per trace: every pass is shown on the same positions', () => {
    const l = traceLayout(labels.passes)
    expect(traceLayout(labels.passes)).toBe(l)
    // Blocks a pass adds (critical edges) and blocks a pass removes (short circuit, trim) all have their one place.
    const first = labels.passes[0]!.snapshot.blocks.map((b) => b.id)
    const last = labels.passes[labels.passes.length - 1]!.snapshot.blocks.map((b) => b.id)
    expect(last.some((id) => !first.includes(id)) || first.some((id) => !last.includes(id))).toBe(true)
    checkLayout(labels, l)
  })

  it('puts the entry on top, nests the loops of labels(): outer header above its inner loop', () => {
    const l = traceLayout(labels.passes)
    expect(l.loops.loops.map((x) => x.depth)).toEqual([1, 2])
    const [outer, inner] = l.boxes
    expect(inner!.parent).toBe(0)
    expect(l.y[outer!.header]!).toBeLessThan(l.y[inner!.header]!)
    // The return is below both loops.
    const ret = l.index.get(labels.passes[0]!.snapshot.blocks.find((b) => b.kind === 'Ret')!.id)!
    expect(l.y[ret]! - BLOCK_H / 2).toBeGreaterThan(outer!.y + outer!.h)
  })

  it('routes a back edge up the right of its loop into the header, and a loop exit out of the bottom of its box', () => {
    const l = traceLayout(nested.passes)
    expect(l.boxes.map((b) => b.depth)).toEqual([1, 2])
    for (const [k, loop] of l.loops.loops.entries()) {
      const box = l.boxes[k]!
      for (const latch of loop.latches) {
        const r = l.routes.get(edgeKey(l.n, latch, loop.header))!
        expect(r.kind).toBe('back')
        const xs = r.points.filter((_, i) => i % 2 === 0)
        // It runs right of every block of the loop, inside the box.
        const right = Math.max(...loop.blocks.map((b) => l.x[b]! + BLOCK_W / 2))
        expect(Math.max(...xs)).toBeGreaterThan(right)
        expect(Math.max(...xs)).toBeLessThan(box.x + box.w)
        // And ends on the header's right side.
        expect(r.points.slice(-2)).toEqual([l.x[loop.header]! + BLOCK_W / 2, l.y[loop.header]!])
      }
    }
    const outer = l.loops.loops[0]!
    const members = new Set(outer.blocks)
    for (const [key, r] of l.routes) {
      const u = Math.floor(key / l.n)
      const v = key % l.n
      if (!members.has(u) || members.has(v)) continue
      // An exit: it crosses the box's bottom edge, not its sides.
      const box = l.boxes[0]!
      const bottom = box.y + box.h
      const crossings: number[] = []
      for (let i = 2; i < r.points.length; i += 2) {
        const [x0, y0, x1, y1] = r.points.slice(i - 2, i + 2) as [number, number, number, number]
        if (y0 < bottom && y1 >= bottom) crossings.push(x0 + ((x1 - x0) * (bottom - y0)) / (y1 - y0))
      }
      expect(crossings).toHaveLength(1)
      expect(crossings[0]!).toBeGreaterThan(box.x)
      expect(crossings[0]!).toBeLessThan(box.x + box.w)
    }
  })

  it('keeps a long chain of branches in one column instead of drifting sideways', async () => {
    const text = bigFunctionProgram(1500)
    const t = (await ssaProgram('big.go', text)).trace('big', 'amd64')
    const l = traceLayout(t.passes)
    checkLayout(t, l)
    // Blocks that every path goes through (dominating the return) line up.
    const ret = l.ids.findIndex((id) => t.passes[0]!.snapshot.blocks.some((b) => b.id === id && b.kind === 'Ret'))
    const spine: number[] = []
    for (let b = ret; b > 0; b = l.loops.idom[b]!) spine.push(b)
    const xs = new Set(spine.filter((b) => l.loops.loopOf[b] === -1).map((b) => l.x[b]))
    expect(xs.size).toBeLessThanOrEqual(2)
    expect(l.width).toBeLessThan(12 * BLOCK_W)
  })
})

describe('CFG layout over the corpus', () => {
  const files = ssaCorpusFiles().filter((f) => f.includes(join('testdata', 'ssa')) || f.includes(join('testdata', 'escape')) || f.includes('examples'))
  it.each(files.map((f) => [basename(f), f]))('%s', async (_name, file) => {
    const prog = await ssaProgram(file, readFileSync(file, 'utf8'))
    for (const fn of prog.functions) {
      const t = traceOrRefusal(prog, fn, 'amd64')
      if (!t) continue
      checkLayout(t, layoutCfg(unionGraph(t.passes)))
    }
  })
})
