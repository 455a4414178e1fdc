// The escape graph as drawn: nodes and edges of a batch, labels for a root's
// walk, the why path's highlight, and the layered layout (no overlaps, groups
// apart, flows going one way) over every function of testdata/escape.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeResult } from '../../src-main/compiler/escape'
import { loadProgram } from '../../src-main/compiler/pipeline'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { walkFrom, whyPaths } from '../../src-renderer/src/trace/escape'
import { distanceText, escapeGraphModel, layoutToFit, nodeId, nodeLines, pathHighlight } from '../../src-renderer/src/trace/escape-graph'
import { layeredLayout, type LayoutResult } from '../../src-renderer/src/trace/layered-layout'

const heapagg = readFileSync(join(examplesDir, 'heapagg.go'), 'utf8')

function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w - 0.01 && Math.abs(a.y - b.y) * 2 < a.h + b.h - 0.01
}

function checkLayout(nodes: { id: string; width: number; height: number }[], r: LayoutResult, what: string): void {
  const boxes = nodes.map((n) => ({ ...r.positions.get(n.id)!, w: n.width, h: n.height, id: n.id }))
  for (let i = 0; i < boxes.length; i++) {
    expect(Number.isFinite(boxes[i]!.x) && Number.isFinite(boxes[i]!.y), `${what}: ${boxes[i]!.id} placed`).toBe(true)
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${what}: ${boxes[i]!.id} and ${boxes[j]!.id} overlap`).toBe(false)
  }
  const groups = [...r.groups.values()].map((b) => ({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2, w: b.x2 - b.x1 + 30, h: b.y2 - b.y1 + 30 }))
  for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) expect(overlaps(groups[i]!, groups[j]!), `${what}: group boxes overlap`).toBe(false)
}

describe('escape graph model', () => {
  it('draws the batch: locations with kind and loop depth, {heap}, edges labelled by derefs, functions as groups', async () => {
    const g = (await escapeResult('heapagg.go', heapagg, { level: 2, graphOf: 'closure' })).graph!
    const m = escapeGraphModel(g)
    // The pseudo-locations nothing touches stay out; {heap} is always there.
    expect(m.nodes.map((n) => n.loc.name)).toEqual(['{heap}', '~r0', 'a', 'b', 'c', 'd', 'func literal'])
    expect(m.edges.map((e) => e.label)).toEqual(['&', '&', '&', '&', '&'])
    expect(m.groups.map((x) => x.fn)).toEqual(['closure'])
    const a = m.nodes.find((n) => n.loc.name === 'a')!
    expect(a.group).toBe('f:closure')
    expect(nodeLines(a.loc, null)).toEqual(['a', 'var · depth 1', 'not reached'])
    const fl = g.locations.find((l) => l.name === 'func literal')!
    expect(nodeLines(a.loc, walkFrom(g, fl.id).get(a.loc.id))).toEqual(['a', 'var · depth 1', 'derefs −1 (&)'])
    expect(distanceText(2)).toBe('derefs 2 (**)')
    expect(distanceText(0)).toBe('derefs 0')
  })

  it('lights up the why path with gc’s notes on its edges', async () => {
    const g = (await escapeResult('heapagg.go', heapagg, { level: 2, graphOf: 'closure' })).graph!
    const a = g.locations.find((l) => l.name === 'a')!
    const hl = pathHighlight(whyPaths(g, a))
    const fl = g.locations.find((l) => l.name === 'func literal')!
    const r0 = g.locations.find((l) => l.name === '~r0')!
    expect([...hl.nodes].sort()).toEqual([nodeId(a.id), nodeId(fl.id), nodeId(r0.id)].sort())
    expect([...hl.edges.values()]).toEqual(['& captured by a closure, reference', '& spill, return'])
  })

  it('lays out every batch of testdata/escape without overlaps, groups apart, in the direction that fits the pane', async () => {
    const dir = join(projectRoot, 'testdata', 'escape')
    let batches = 0
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.go'))) {
      const text = readFileSync(join(dir, file), 'utf8')
      const funcs = (await (await loadProgram(`./${file}`, text)).analyze()).functions.map((f) => f.name)
      for (const func of funcs) {
        const g = (await escapeResult(`./${file}`, text, { level: 2, graphOf: func })).graph
        if (!g || g.functions[0] !== func) continue
        const m = escapeGraphModel(g)
        for (const [w, h] of [[600, 400], [400, 900]] as const) checkLayout(m.nodes, layoutToFit(m, w, h), `${file} ${func}`)
        batches++
      }
    }
    expect(batches).toBeGreaterThan(200)
  }, 60_000) // every function of the corpus, analysed again for its graph
})

describe('layered layout', () => {
  const node = (id: string, group: string | null = null, w = 40, h = 20) => ({ id, group, width: w, height: h })

  it('puts a chain in flow order, sinks last, in either direction', () => {
    const nodes = [node('a'), node('b'), node('c')]
    const edges = [
      { src: 'a', dst: 'b' },
      { src: 'b', dst: 'c' },
    ]
    const lr = layeredLayout(nodes, edges, { direction: 'LR' })
    expect(lr.positions.get('a')!.x).toBeLessThan(lr.positions.get('b')!.x)
    expect(lr.positions.get('b')!.x).toBeLessThan(lr.positions.get('c')!.x)
    expect([...lr.ranks.values()]).toEqual([2, 1, 0])
    const tb = layeredLayout(nodes, edges, { direction: 'TB' })
    expect(tb.positions.get('a')!.y).toBeLessThan(tb.positions.get('c')!.y)
  })

  it('breaks cycles, keeps sinks with the sinks and lone nodes with the sources', () => {
    const nodes = [node('p'), node('q'), node('r'), node('heap'), node('lone')]
    nodes[3] = { ...nodes[3]!, sink: true } as (typeof nodes)[number]
    const edges = [
      { src: 'p', dst: 'q' },
      { src: 'q', dst: 'p' },
      { src: 'q', dst: 'r' },
    ]
    const r = layeredLayout(nodes, edges, { direction: 'LR' })
    expect(r.ranks.get('heap')).toBe(0)
    expect(r.ranks.get('lone')).toBe(Math.max(...r.ranks.values()))
    checkLayout(nodes, r, 'cycle')
  })

  it('spreads many lone nodes over a grid rather than one long column', () => {
    const nodes = Array.from({ length: 18 }, (_, i) => node(`n${i}`, 'g'))
    const r = layeredLayout(nodes, [], { direction: 'LR' })
    expect(new Set(r.ranks.values()).size).toBe(3)
    checkLayout(nodes, r, 'lone')
  })

  it('gives each group its own band, in the order asked for, and is deterministic', () => {
    const nodes = [node('x', 'g2'), node('y', 'g1'), node('z', 'g1'), node('h', null)]
    const edges = [
      { src: 'x', dst: 'h' },
      { src: 'y', dst: 'x' },
      { src: 'z', dst: 'h' },
    ]
    const r = layeredLayout(nodes, edges, { direction: 'LR', groups: [null, 'g1', 'g2'] })
    checkLayout(nodes, r, 'groups')
    const g1 = r.groups.get('g1')!
    const g2 = r.groups.get('g2')!
    expect(g1.y2).toBeLessThan(g2.y1)
    expect(r.positions.get('h')!.y).toBeLessThan(g1.y1)
    expect(layeredLayout(nodes, edges, { direction: 'LR', groups: [null, 'g1', 'g2'] }).positions).toEqual(r.positions)
  })
})
