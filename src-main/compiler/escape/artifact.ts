// The escape graph as plain data for the UI and `ssascope escape --json`
// (DESIGN §3): locations, edges with derefs and notes, and each root's last
// walk, from which the "why" path of any location can be drawn.

import type { EscapeGraphArtifact, EscapeLocation } from '../../protocol/model'
import type { EscapeBatch } from './analyze'
import { Attr, type Location } from './graph'

export function escapeArtifact(batch: EscapeBatch): EscapeGraphArtifact {
  const g = batch.graph
  const all = [g.heap, g.mutator, g.callee, g.blank, ...g.locations]
  const index = new Map<Location, number>(all.map((l, i) => [l, i]))
  const edgeIds = new Map<Location, number[]>()
  const edges: EscapeGraphArtifact['edges'] = []
  for (const dst of all) {
    edgeIds.set(
      dst,
      dst.edges.map((e) => {
        const id = edges.length
        edges.push({ id, src: index.get(e.src)!, dst: index.get(dst)!, derefs: e.derefs, notes: e.notes.map((n) => ({ where: n.where, why: n.why, pos: n.pos })) })
        return id
      }),
    )
  }
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
    ...(l.kind === 'param' ? { leaks: leakWords(l) } : {}),
  }))
  const walks = [...batch.walks.values()].map((w) => ({
    root: index.get(w.root)!,
    reached: w.reached.map((r) => ({ loc: index.get(r.loc)!, derefs: r.derefs, edge: r.parent ? edgeIds.get(r.parent)![r.parentEdge]! : null })),
  }))
  return { functions: batch.functions, recursive: batch.recursive, locations, edges, walks }
}

const PSEUDO_NAMES: Partial<Record<Location['kind'], string>> = { heap: '{heap}', mutator: '{mutator}', callee: '{callee}', blank: '{blank}', temp: '{temp}' }

function leakWords(l: Location): string[] {
  const out: string[] = []
  const heap = l.leaks.heap()
  if (heap >= 0) out.push(heap === 0 ? 'leaks to heap' : `content leaks to heap (derefs=${heap})`)
  for (let i = 0; i < 5; i++) if (l.leaks.result(i) >= 0) out.push(`to result ${i} level=${l.leaks.result(i)}`)
  if (l.leaks.mutator() >= 0) out.push(`mutated (derefs=${l.leaks.mutator()})`)
  if (l.leaks.callee() >= 0) out.push(`called (derefs=${l.leaks.callee()})`)
  return out
}
