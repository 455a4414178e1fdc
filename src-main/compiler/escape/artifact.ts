// The escape graph as plain data for the UI and `ssascope escape --json`
// (DESIGN §3): locations, edges with derefs and notes, each root's last
// walk, and the path behind each -m=2 explanation, from which the "why" of
// any location can be drawn.

import type { EscapeGraphArtifact, EscapeLocation } from '../../protocol/model'
import type { EscapeBatch } from './analyze'
import { Attr, type Edge, type Location } from './graph'
import { NUM_RESULT_SLOTS } from './leaks'

export function escapeArtifact(batch: EscapeBatch): EscapeGraphArtifact {
  const g = batch.graph
  const all = [g.heap, g.mutator, g.callee, g.blank, ...g.locations]
  const index = new Map<Location, number>(all.map((l, i) => [l, i]))
  const edgeId = new Map<Edge, number>()
  const edges: EscapeGraphArtifact['edges'] = []
  const addEdge = (e: Edge, dst: Location, shortcut: boolean) => {
    edgeId.set(e, edges.length)
    edges.push({
      id: edges.length,
      src: index.get(e.src)!,
      dst: index.get(dst)!,
      derefs: e.derefs,
      notes: e.notes.map((n) => ({ where: n.where, why: n.why, pos: n.pos })),
      ...(shortcut ? { shortcut: true as const } : {}),
    })
  }
  for (const dst of all) for (const e of dst.edges) addEdge(e, dst, false)
  for (const e of g.shortcuts) addEdge(e, e.dst, true)
  const locations: EscapeLocation[] = all.map((l, id) => ({
    id,
    kind: l.kind,
    name: PSEUDO_NAMES[l.kind] ?? l.display,
    pos: l.pos,
    fn: l.fn?.name ?? '',
    loopDepth: l.loopDepth,
    escapes: l.has(Attr.Escapes),
    persists: l.has(Attr.Persists),
    mutates: l.has(Attr.Mutates),
    calls: l.has(Attr.Calls),
    ...(l.kind === 'param' && !l.untagged ? { leaks: leakWords(l), tag: leakTag(g.locations, l) } : {}),
  }))
  const walks = [...batch.walks.values()].map((w) => ({
    root: index.get(w.root)!,
    reached: w.reached.map((r) => ({ loc: index.get(r.loc)!, derefs: r.derefs, edge: r.parent ? edgeId.get(r.parent.edges[r.parentEdge]!)! : null })),
  }))
  const explanations: EscapeGraphArtifact['explanations'] = []
  for (const e of g.explanations) {
    if (e.kind === 'line') continue
    explanations.push({
      kind: e.kind,
      loc: index.get(e.loc)!,
      root: index.get(e.root)!,
      edges: e.edges.map((x) => edgeId.get(x)!),
      ...(e.kind === 'leaks' ? { derefs: e.derefs } : {}),
      truncated: e.truncated,
    })
  }
  return { functions: batch.functions, recursive: batch.recursive, locations, edges, walks, explanations }
}

const PSEUDO_NAMES: Partial<Record<Location['kind'], string>> = { heap: '{heap}', mutator: '{mutator}', callee: '{callee}', blank: '{blank}', temp: '{temp}' }

/** The parameter's tag slots, with the result slots named as the function names its results. */
function leakTag(locs: Location[], l: Location): NonNullable<EscapeLocation['tag']> {
  const results: { index: number; name: string; derefs: number }[] = []
  for (let i = 0; i < NUM_RESULT_SLOTS; i++) {
    const derefs = l.leaks.result(i)
    if (derefs < 0) continue
    const r = locs.find((x) => x.kind === 'result' && x.fn === l.fn && x.resultIndex === i + 1)
    results.push({ index: i, name: r?.display ?? `~r${i}`, derefs })
  }
  return { heap: l.leaks.heap(), mutator: l.leaks.mutator(), callee: l.leaks.callee(), results }
}

function leakWords(l: Location): string[] {
  const out: string[] = []
  const heap = l.leaks.heap()
  if (heap >= 0) out.push(heap === 0 ? 'leaks to heap' : `content leaks to heap (derefs=${heap})`)
  for (let i = 0; i < 5; i++) if (l.leaks.result(i) >= 0) out.push(`to result ${i} level=${l.leaks.result(i)}`)
  if (l.leaks.mutator() >= 0) out.push(`mutated (derefs=${l.leaks.mutator()})`)
  if (l.leaks.callee() >= 0) out.push(`called (derefs=${l.leaks.callee()})`)
  return out
}
