// The escape graph as the view draws it: which locations are nodes (every one
// of the batch except pseudo-locations nothing flows into or out of), their
// labels for a chosen root's walk, edges labelled by derefs, functions as
// groups, and a layered layout in whichever direction fits the pane.

import type { EscapeGraphArtifact, EscapeLocation } from '../../../src-main/protocol/model'
import { derefsOps, type Reach, type WhyPath } from './escape'
import { layeredLayout, type LayoutResult } from './layered-layout'

/** Node ids are `l<location id>`, edge ids `e<edge id>`, groups `f:<function>`. */
export const nodeId = (loc: number) => `l${loc}`
export const edgeId = (edge: number) => `e${edge}`
export const groupId = (fn: string) => `f:${fn}`

export interface EscapeNode {
  id: string
  loc: EscapeLocation
  group: string | null
  width: number
  height: number
}

export interface EscapeGraphModel {
  nodes: EscapeNode[]
  edges: { id: string; src: string; dst: string; derefs: number; label: string; shortcut: boolean }[]
  groups: { id: string; fn: string }[]
}

/** Monospace glyph width and line height the node sizes are estimated with (the style draws labels at this size). */
export const LABEL_FONT_PX = 12
const CHAR_PX = 7.3
const LINE_PX = 15.5
const PAD_X = 18
const PAD_Y = 10
const PSEUDO = new Set(['heap', 'mutator', 'callee', 'blank'])
export const SHORT_KINDS: Record<EscapeLocation['kind'], string> = { heap: 'heap', mutator: 'mutator', callee: 'callee', blank: 'blank', var: 'var', param: 'param', result: 'result', alloc: 'alloc', temp: 'temp' }

export function escapeGraphModel(g: EscapeGraphArtifact): EscapeGraphModel {
  const touched = new Set<number>()
  for (const e of g.edges) {
    touched.add(e.src)
    touched.add(e.dst)
  }
  const shown = g.locations.filter((l) => !PSEUDO.has(l.kind) || l.kind === 'heap' || touched.has(l.id))
  const nodes = shown.map((loc) => {
    const lines = nodeLines(loc, undefined)
    return {
      id: nodeId(loc.id),
      loc,
      group: loc.fn ? groupId(loc.fn) : null,
      width: Math.round(Math.max(...lines.map((s) => s.length)) * CHAR_PX + PAD_X),
      height: lines.length * LINE_PX + PAD_Y,
    }
  })
  const ids = new Set(nodes.map((x) => x.id))
  const edges = g.edges
    .filter((e) => ids.has(nodeId(e.src)) && ids.has(nodeId(e.dst)))
    .map((e) => ({ id: edgeId(e.id), src: nodeId(e.src), dst: nodeId(e.dst), derefs: e.derefs, label: derefsOps(e.derefs), shortcut: !!e.shortcut }))
  const groups = g.functions.filter((fn) => shown.some((l) => l.fn === fn)).map((fn) => ({ id: groupId(fn), fn }))
  return { nodes, edges, groups }
}

/**
 * A node's label: its name; kind and loop depth; and, once a root is picked,
 * the derefs distance its walk reached it at (`—` when it did not). Always
 * three lines, so switching roots does not move anything.
 */
export function nodeLines(loc: EscapeLocation, reach: Reach | null | undefined): string[] {
  const second = PSEUDO.has(loc.kind) ? 'pseudo' : `${SHORT_KINDS[loc.kind]} · depth ${loc.loopDepth}`
  const third = reach === undefined ? distanceText(-1) : reach === null ? 'not reached' : distanceText(reach.derefs)
  return [loc.name, second, third]
}

/** The walk's derefs distance as the view prints it: `derefs −1 (&)`. */
export function distanceText(derefs: number): string {
  const ops = derefsOps(derefs)
  return `derefs ${derefs < 0 ? '−' + -derefs : derefs}${ops ? ` (${ops})` : ''}`
}

export function nodeLabel(loc: EscapeLocation, reach: Reach | null): string {
  return nodeLines(loc, reach).join('\n')
}

/** The edges and nodes of why paths (to highlight), and each edge's label with gc's notes. */
export function pathHighlight(paths: readonly WhyPath[]): { nodes: Set<string>; edges: Map<string, string> } {
  const nodes = new Set<string>()
  const edges = new Map<string, string>()
  for (const p of paths) {
    nodes.add(nodeId(p.loc.id))
    nodes.add(nodeId(p.root.id))
    for (const s of p.steps) {
      nodes.add(nodeId(s.src.id))
      nodes.add(nodeId(s.dst.id))
      const whys = [...new Set(s.edge.notes.map((n) => n.why))].join(', ')
      const ops = derefsOps(s.edge.derefs)
      edges.set(edgeId(s.edge.id), [ops, whys].filter((x) => x).join(' '))
    }
  }
  return { nodes, edges }
}

/** Lays the graph out in the direction that lets it appear largest in a width × height pane. */
export function layoutToFit(m: EscapeGraphModel, width: number, height: number): LayoutResult & { direction: 'LR' | 'TB' } {
  const nodes = m.nodes.map((x) => ({ id: x.id, group: x.group, width: x.width, height: x.height, sink: PSEUDO.has(x.loc.kind) }))
  const groups = [null, ...m.groups.map((g) => g.id)]
  const edges = m.edges.map((e) => ({ src: e.src, dst: e.dst }))
  const margin = 60
  let best: (LayoutResult & { direction: 'LR' | 'TB' }) | null = null
  let bestZoom = -1
  for (const direction of ['LR', 'TB'] as const) {
    const r = layeredLayout(nodes, edges, { direction, groups, rankGap: direction === 'LR' ? 100 : 64, nodeGap: 14, groupGap: 70 })
    const zoom = Math.min(width / (r.width + margin), height / (r.height + margin))
    if (zoom > bestZoom + 1e-9) {
      best = { ...r, direction }
      bestZoom = zoom
    }
  }
  return best!
}
