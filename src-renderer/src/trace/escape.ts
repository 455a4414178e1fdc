// What the escape pane shows, computed from the API's EscapeResult: the
// decisions gc reports, the locations of one function, and the "why" path of
// a location (the chain of edges its address or value took to the root that
// made it escape), read from the solver's recorded walks.

import type { EscapeEdge, EscapeGraphArtifact, EscapeLocation } from '../../src-main/protocol/model'

/** gc's one-line decisions (the -m lines), not the -m=2 explanation blocks. */
export function decisionLines(lines: string[]): string[] {
  return lines.filter((l) => !/^\S+: {2}/.test(l) && !l.endsWith(':'))
}

/** The locations a function's pane lists: its variables and allocation sites, closures' included. */
export function functionLocations(g: EscapeGraphArtifact, func: string): EscapeLocation[] {
  const mine = (fn: string) => fn === func || fn.startsWith(`${func}.func`)
  return g.locations.filter((l) => mine(l.fn) && (l.kind === 'var' || l.kind === 'param' || l.kind === 'result' || l.kind === 'alloc'))
}

export function verdict(l: EscapeLocation): string {
  if (l.kind === 'alloc') return l.escapes ? 'escapes to heap' : 'does not escape'
  if (l.escapes) return 'moved to heap'
  if (l.kind === 'param' && l.leaks && l.leaks.length > 0) return l.leaks.join(', ')
  return l.kind === 'param' ? 'does not escape' : 'stack'
}

export interface WhyStep {
  edge: EscapeEdge
  dst: EscapeLocation
  src: EscapeLocation
}

/**
 * The path that explains l: from the heap if l escapes or leaks there,
 * else from any root l's address reaches. Steps run from l to the root;
 * when that root escapes in turn (a closure capturing l is returned), its
 * own path follows.
 */
export function whyPath(g: EscapeGraphArtifact, l: EscapeLocation, seen = new Set<number>()): WhyStep[] {
  seen.add(l.id)
  const steps = directPath(g, l)
  const root = steps.length > 0 ? steps[steps.length - 1]!.dst : null
  if (root && root.escapes && root.kind !== 'heap' && !seen.has(root.id)) return [...steps, ...whyPath(g, root, seen)]
  return steps
}

function directPath(g: EscapeGraphArtifact, l: EscapeLocation): WhyStep[] {
  const candidates = [...g.walks].sort((a, b) => (a.root === 0 ? -1 : b.root === 0 ? 1 : 0))
  for (const w of candidates) {
    const root = g.locations[w.root]!
    const at = new Map(w.reached.map((r) => [r.loc, r]))
    const r = at.get(l.id)
    if (!r || r.edge === null || w.root === l.id) continue
    const wanted = l.kind === 'param' ? root.escapes || root.kind === 'result' : r.derefs < 0 && (root.escapes || root.kind !== 'temp')
    if (!wanted) continue
    const steps: WhyStep[] = []
    const seen = new Set<number>()
    for (let cur = r; cur && cur.edge !== null && !seen.has(cur.loc); cur = at.get(g.edges[cur.edge]!.dst)!) {
      seen.add(cur.loc)
      const edge = g.edges[cur.edge]!
      steps.push({ edge, dst: g.locations[edge.dst]!, src: g.locations[edge.src]! })
      if (edge.dst === w.root) break
    }
    return steps
  }
  return []
}

/** `dst ← &src` as gc's flow lines spell it. */
export function flowText(s: WhyStep): string {
  const ops = s.edge.derefs < 0 ? '&' : '*'.repeat(s.edge.derefs)
  return `${s.dst.name} ← ${ops}${s.src.name}`
}

/** UTF-16 offset of a gc position (1-based line, byte column) in text. */
export function offsetOfPosition(text: string, line: number, byteCol: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset)
    if (nl < 0) return text.length
    offset = nl + 1
  }
  let bytes = 1
  while (offset < text.length && bytes < byteCol) {
    const c = text.codePointAt(offset)!
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
    offset += c >= 0x10000 ? 2 : 1
  }
  return offset
}

/** Line and column of a `file:line:col` position, or null. */
export function parsePos(pos: string): { line: number; col: number } | null {
  const m = /:(\d+):(\d+)$/.exec(pos)
  return m ? { line: Number(m[1]), col: Number(m[2]) } : null
}
