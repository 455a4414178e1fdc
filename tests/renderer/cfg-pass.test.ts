// What the CFG shows for a pass: loop headers and depths of that pass's own
// loops, likely/unlikely and back edges as gc's ssa.html marks them, the
// fall-through edges and block order once gc has laid the blocks out, and
// the diff against the previous pass (blocks, edges, values per block).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { FuncTrace } from '../../src-main/protocol/model'
import { BLOCK_H, BLOCK_W, traceLayout } from '../../src-renderer/src/trace/cfg-layout'
import { cfgPass, laidOutAt, type CfgPass } from '../../src-renderer/src/trace/cfg-pass'

const PHASES = `package p

type T struct {
	x [10]int
	f float64
}

func Phases(c bool, i, j int) int {
	var a T
	k, l, m, n := i&3, (i+1)&3, j&3, (j+1)&3
	a.x[k] = j
	if c {
		a.x[l] = 3
	}
	r := a.x[m]
	var b T
	b.x[k] = r
	return b.x[n]
}
`

let labels: FuncTrace
const at = (name: string) => labels.passes.findIndex((p) => p.name === name)
function view(name: string): CfgPass {
  const i = at(name)
  return cfgPass(traceLayout(labels.passes), labels.passes[i]!, labels.passes[i - 1], laidOutAt(labels.passes, i))
}
const edge = (p: CfgPass, src: string, dst: string) => p.edges.find((e) => e.src === src && e.dst === dst)

beforeAll(async () => {
  const file = join('testdata', 'ssa', 'constructs.go')
  labels = (await ssaProgram(file, readFileSync(file, 'utf8'))).trace('labels', 'amd64')
})

describe('the CFG of a pass', () => {
  it('marks the two loops of labels(): headers, depths, back edges', () => {
    const p = view('start')
    const outer = p.blocks.find((b) => b.id === 'b3')!
    const inner = p.blocks.find((b) => b.id === 'b7')!
    expect([outer.loopHeader, outer.depth, inner.loopHeader, inner.depth]).toEqual([true, 1, true, 2])
    expect(p.loopHeaders.size).toBe(2)
    expect(p.blocks.find((b) => b.id === 'b6')).toMatchObject({ loopHeader: false, depth: 0 })
    expect(p.edges.filter((e) => e.back).map((e) => `${e.src}>${e.dst}`).sort()).toEqual(['b5>b3', 'b9>b7'])
  })

  it('marks likely and unlikely successors as gc does (unlikely: dashed in ssa.html)', () => {
    const p = view('start')
    // b3: If → b4 b6 (likely): the loop body is likely, the exit unlikely.
    expect(edge(p, 'b3', 'b4')!.likely).toBe('likely')
    expect(edge(p, 'b3', 'b6')!.likely).toBe('unlikely')
    expect(edge(p, 'b1', 'b2')!.likely).toBeUndefined()
  })

  it('has no block order or fall-through before gc lays the blocks out, and both after', () => {
    const before = view('late lower')
    expect(before.laidOut).toBe(false)
    expect(before.blocks.every((b) => b.order === -1)).toBe(true)
    expect(before.edges.some((e) => e.fallthrough)).toBe(false)
    const after = view('layout')
    expect(after.laidOut).toBe(true)
    const order = labels.passes[at('layout')]!.snapshot.blocks.map((b) => b.id)
    expect(after.blocks.map((b) => [b.id, b.order])).toEqual(order.map((id, i) => [id, i]))
    for (const e of after.edges) expect(e.fallthrough, `${e.src}>${e.dst}`).toBe(order[order.indexOf(e.src) + 1] === e.dst)
    expect(after.edges.filter((e) => e.fallthrough).length).toBeGreaterThan(0)
    // gc's grey layout edges: consecutive blocks no edge joins.
    for (const [a, b] of after.layoutChain) {
      expect(order.indexOf(b)).toBe(order.indexOf(a) + 1)
      expect(labels.passes[at('layout')]!.snapshot.blocks.find((x) => x.id === a)!.succs).not.toContain(b)
    }
  })

  it('diffs against the previous pass: short circuit removes b1 and b13 and sends b11 straight to b9', () => {
    const p = view('short circuit')
    expect(p.removedBlocks.map((b) => b.id).sort()).toEqual(['b1', 'b13'])
    expect(p.blocks.some((b) => b.id === 'b1' || b.id === 'b13')).toBe(false)
    expect(edge(p, 'b11', 'b9')!.status).toBe('added')
    expect(p.removedEdges.map((e) => `${e.src}>${e.dst}`).sort()).toEqual(['b11>b13', 'b13>b9', 'b1>b2'])
    expect(p.blocks.find((b) => b.id === 'b11')!.status).toBe('changed')
    // The values that moved or went: counted per block.
    const rec = labels.passes[at('short circuit')]!
    const added = p.blocks.reduce((n, b) => n + b.delta.added, 0)
    const changed = p.blocks.reduce((n, b) => n + b.delta.changed, 0)
    const removed = [...p.blocks, ...p.removedBlocks].reduce((n, b) => n + b.delta.removed, 0)
    expect([added, changed]).toEqual([rec.diff.valuesAdded.length, rec.diff.valuesChanged.length])
    expect(removed).toBeGreaterThanOrEqual(rec.diff.valuesRemoved.length)
    // The first record has nothing to be compared with.
    const start = view('start')
    expect(start.blocks.every((b) => b.status === 'same')).toBe(true)
    expect(start.removedBlocks).toEqual([])
  })

  it('draws an edge straight where the blocks its route avoids are gone, and never through a block shown', async () => {
    // The mergelocals example's Phases with its indexes in variables: walk cannot see they are bounded
    // (`a.x[i&3]` has no bounds check), so the checks are built and prove and early fuse remove their blocks.
    const phases = (await ssaProgram('phases.go', PHASES)).trace('Phases', 'amd64')
    const l = traceLayout(phases.passes)
    let straight = 0
    for (const t of [labels, phases]) {
      const lay = traceLayout(t.passes)
      t.passes.forEach((rec, i) => {
        const p = cfgPass(lay, rec, t.passes[i - 1], laidOutAt(t.passes, i))
        for (const e of p.edges.filter((x) => x.straight)) {
          straight++
          const pts = lay.routes.get(e.key)!.points
          const [sx, sy, tx, ty] = [pts[0]!, pts[1]!, pts[pts.length - 2]!, pts[pts.length - 1]!]
          for (const b of p.blocks) {
            if (b.id === e.src || b.id === e.dst) continue
            const top = lay.y[b.at]! - BLOCK_H / 2
            const bottom = lay.y[b.at]! + BLOCK_H / 2
            if (bottom < sy || top > ty) continue
            const at = (y: number) => sx + ((tx - sx) * (Math.min(Math.max(y, sy), ty) - sy)) / (ty - sy)
            const [x1, x2] = [at(top), at(bottom)].sort((a, b) => a - b)
            const clear = x2! < lay.x[b.at]! - BLOCK_W / 2 || x1! > lay.x[b.at]! + BLOCK_W / 2
            expect(clear, `${t.func} ${rec.name} ${e.src}>${e.dst} past ${b.id}`).toBe(true)
          }
        }
      })
    }
    expect(straight).toBeGreaterThan(0)
    // Phases after early fuse: three blocks left; the edges between them no longer bend around the ones that went
    // (the one from the entry to the return still passes close by the middle block: it keeps its lane).
    const i = phases.passes.findIndex((p) => p.name === 'lower')
    const lower = cfgPass(l, phases.passes[i]!, phases.passes[i - 1], false)
    expect(lower.blocks.length).toBe(3)
    const bent = lower.edges.filter((e) => l.routes.get(e.key)!.points.length > 4)
    expect(bent.length).toBeGreaterThan(0)
    expect(bent.filter((e) => e.straight).length).toBeGreaterThanOrEqual(2)
    // At start the blocks in between are there: the same edges keep their lanes.
    const start = cfgPass(l, phases.passes[0]!, undefined, false)
    expect(start.edges.filter((e) => e.straight).length).toBeLessThan(start.edges.filter((e) => l.routes.get(e.key)!.points.length > 4).length)
  })

  it('marks blocks not reachable from the entry', () => {
    for (const [i, p] of labels.passes.entries()) {
      const v = cfgPass(traceLayout(labels.passes), p, labels.passes[i - 1], laidOutAt(labels.passes, i))
      expect(v.blocks[0]!.dead).toBe(false)
      expect(v.blocks.length).toBe(p.snapshot.blocks.length)
    }
  })
})
