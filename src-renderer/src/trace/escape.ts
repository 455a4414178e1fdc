// The escape view's model, from the API's EscapeResult: gc's decisions, the
// locations of a batch by function, parameter tags in words, each root's walk
// (the derefs distance the solver computed to every location) and the "why"
// of a location: the path the solver explained it by, and why its end made
// the location escape or leak.

import type { EscapeEdge, EscapeGraphArtifact, EscapeLocation } from '../../../src-main/protocol/model'

/** gc's one-line decisions (the -m lines), not the -m=2 explanation blocks. */
export function decisionLines(lines: string[]): string[] {
  return lines.filter((l) => !/^\S+: {2}/.test(l) && !l.endsWith(':'))
}

/** gc's -m=2 lines about a location: the ones printed at its position. */
export function gcLinesAt(lines: string[], l: EscapeLocation): string[] {
  return l.pos ? lines.filter((line) => line.startsWith(`${l.pos}: `)) : []
}

const LISTED = new Set(['var', 'param', 'result', 'alloc'])

/** The listed locations of a batch (variables, parameters, results, allocation sites), by function in the batch's order. */
export function batchLocations(g: EscapeGraphArtifact): { fn: string; locations: EscapeLocation[] }[] {
  return g.functions.map((fn) => ({ fn, locations: g.locations.filter((l) => l.fn === fn && LISTED.has(l.kind)) }))
}

export const KIND_WORDS: Record<EscapeLocation['kind'], string> = {
  heap: 'heap',
  mutator: 'mutator',
  callee: 'callee',
  blank: 'blank',
  var: 'variable',
  param: 'parameter',
  result: 'result',
  alloc: 'allocation',
  temp: 'temporary',
}

/** `&` for an address (−1), nothing for a value (0), one `*` per dereference. */
export function derefsOps(derefs: number): string {
  return derefs < 0 ? '&' : '*'.repeat(derefs)
}

const stars = (n: number, name: string) => `${'*'.repeat(n)}${name}`
const times = (n: number) => (n === 1 ? 'one dereference' : `${n} dereferences`)

/** What gc's -m says about a location, without its name: `moved to heap`, `leaking param content; leaking param to result ~r0 level=0`. */
export function verdict(l: EscapeLocation): string {
  if (l.kind === 'alloc') return l.escapes ? 'escapes to heap' : 'does not escape'
  if (l.escapes) return 'moved to heap'
  if (l.kind === 'param') {
    const t = l.tag
    if (!t) return 'no pointers, no tag'
    const parts: string[] = []
    if (t.heap === 0) parts.push('leaking param')
    else if (t.heap > 0) parts.push('leaking param content')
    for (const r of t.results) parts.push(`leaking param to result ${r.name} level=${r.derefs}`)
    return parts.length > 0 ? parts.join('; ') : 'does not escape'
  }
  if (l.kind === 'heap') return 'the heap'
  if (l.kind === 'mutator' || l.kind === 'callee' || l.kind === 'blank' || l.kind === 'temp') return ''
  return 'stays on the stack'
}

/** A location escapes, or a parameter leaks somewhere that outlives the call. */
export function leaves(l: EscapeLocation): 'heap' | 'leak' | null {
  if (l.escapes && l.kind !== 'heap') return 'heap'
  if (l.tag && (l.tag.heap >= 0 || l.tag.results.length > 0)) return 'leak'
  return null
}

/** A parameter's tag in words: where it leaks, what the function writes through it or calls. */
export function tagWords(l: EscapeLocation): string[] {
  const t = l.tag
  if (!t) return []
  const p = l.name
  const out: string[] = []
  if (t.heap === 0) out.push(`${p} itself leaks to the heap: whatever a caller passes as ${p} must point to the heap`)
  else if (t.heap > 0) out.push(`its content leaks to the heap: ${stars(t.heap, p)} reaches it (${times(t.heap)}), so pointers read through ${p} escape; what ${p} points to need not`)
  for (const r of t.results) {
    out.push(
      r.derefs === 0
        ? `${p} flows to result ${r.name} as it is (level=0): at a call site the argument flows to that result`
        : `${stars(r.derefs, p)} flows to result ${r.name} (level=${r.derefs}, ${times(r.derefs)}): what ${stars(r.derefs - 1, p)} points to is returned`,
    )
  }
  if (t.mutator >= 0) out.push(`the function writes through ${stars(t.mutator, p)} (${stars(t.mutator + 1, p)} = …): mutator, derefs=${t.mutator}`)
  if (t.callee >= 0) out.push(`the function calls ${stars(t.callee, p)}: callee, derefs=${t.callee}`)
  if (out.length === 0) out.push(`${p} does not escape, is not written through and not called`)
  return out
}

export interface WhyStep {
  edge: EscapeEdge
  dst: EscapeLocation
  src: EscapeLocation
}

export interface WhyPath {
  /** escapes: the location's address outlived it; leaks: a parameter reached a root; flows: where the address of a location that stays goes. */
  kind: 'escapes' | 'leaks' | 'flows'
  loc: EscapeLocation
  root: EscapeLocation
  /** From loc to root. */
  steps: WhyStep[]
  /** Why reaching root decides it, in words. */
  reason: string
  truncated: boolean
}

/**
 * Why l is where it is, as the solver explained it (gc's -m=2 flows): for an
 * escaping location the path to the root whose outliving made it escape,
 * followed by that root's own path when the root escapes in turn; for a
 * parameter each leak; for anything else where its address goes, if anywhere.
 */
export function whyPaths(g: EscapeGraphArtifact, l: EscapeLocation): WhyPath[] {
  const out: WhyPath[] = []
  const seen = new Set<number>()
  for (let cur: EscapeLocation | null = l; cur && !seen.has(cur.id); ) {
    seen.add(cur.id)
    const e = g.explanations.find((x) => x.kind === 'escapes' && x.loc === cur!.id)
    if (!e) break
    const root = g.locations[e.root]!
    const steps = stepsOf(g, e.edges)
    out.push({ kind: 'escapes', loc: cur, root, steps, reason: escapeReason(cur, root, steps), truncated: e.truncated })
    cur = root.escapes && root.kind !== 'heap' ? root : null
  }
  if (out.length === 0) {
    for (const e of g.explanations) {
      if (e.kind !== 'leaks' || e.loc !== l.id) continue
      const root = g.locations[e.root]!
      out.push({ kind: 'leaks', loc: l, root, steps: stepsOf(g, e.edges), reason: leakReason(l, root, e.derefs ?? 0), truncated: e.truncated })
    }
  }
  if (out.length === 0 && !l.escapes) {
    const f = addressFlow(g, l)
    if (f) out.push(f)
  }
  return out
}

function stepsOf(g: EscapeGraphArtifact, edges: number[]): WhyStep[] {
  return edges.map((id) => {
    const edge = g.edges[id]!
    return { edge, dst: g.locations[edge.dst]!, src: g.locations[edge.src]! }
  })
}

/** f is a closure nested (at any depth) inside outer: gc names it `outer.funcN…`. */
export function nestedIn(f: string, outer: string): boolean {
  return f !== outer && f.startsWith(`${outer}.`)
}

function escapeReason(l: EscapeLocation, root: EscapeLocation, steps: WhyStep[]): string {
  const last = steps[steps.length - 1]
  if (last?.edge.shortcut) {
    return root.kind === 'heap'
      ? `its address flows straight to the heap: gc marks ${l.name} escaping as it builds the graph`
      : `its address flows into ${root.name}, which had already escaped: gc marks ${l.name} escaping at once`
  }
  if (root.kind === 'heap') return `its address reaches the heap`
  if (root.escapes) return `its address reaches ${root.name}, which escapes`
  if (root.kind === 'result') return `its address reaches ${root.name}, a result of ${root.fn}: results outlive the call`
  if (root.fn === l.fn && root.loopDepth < l.loopDepth) {
    return `its address reaches ${root.name} (loop depth ${root.loopDepth}), declared outside the loop of ${l.name} (loop depth ${l.loopDepth}): ${root.name} outlives every iteration`
  }
  if (nestedIn(l.fn, root.fn)) return `its address reaches ${root.name} of ${root.fn}, which outlives the closure ${l.fn}`
  return `its address reaches ${root.name}, which outlives it`
}

function leakReason(l: EscapeLocation, root: EscapeLocation, derefs: number): string {
  const what = stars(derefs, l.name)
  if (root.kind === 'heap') return `${what} reaches the heap (derefs=${derefs})`
  if (root.kind === 'result' && root.fn === l.fn && !root.escapes) return `${what} reaches ${root.name}, a result of its own function: a result leak, level=${derefs}`
  if (root.kind === 'result') return `${what} reaches ${root.name}, a result of ${root.fn}: in a recursive batch that counts as a heap leak`
  return `${what} reaches ${root.name}, which escapes: a heap leak (derefs=${derefs})`
}

/** Where the address of a location that stays put goes (a walk that reached it at derefs −1), from the solver's last walks. */
function addressFlow(g: EscapeGraphArtifact, l: EscapeLocation): WhyPath | null {
  for (const w of g.walks) {
    if (w.root === l.id) continue
    const root = g.locations[w.root]!
    if (root.kind === 'temp' || root.kind === 'blank') continue
    const at = new Map(w.reached.map((r) => [r.loc, r]))
    const r = at.get(l.id)
    if (!r || r.edge === null || r.derefs >= 0) continue
    const ids: number[] = []
    const seen = new Set<number>()
    for (let cur = r; cur && cur.edge !== null && !seen.has(cur.loc); cur = at.get(g.edges[cur.edge]!.dst)!) {
      seen.add(cur.loc)
      ids.push(cur.edge)
      if (g.edges[cur.edge]!.dst === w.root) break
    }
    return { kind: 'flows', loc: l, root, steps: stepsOf(g, ids), reason: `its address reaches ${root.name}, which does not outlive it`, truncated: false }
  }
  return null
}

/** `dst ← &src` as gc's flow lines spell it. */
export function flowText(s: WhyStep): string {
  return `${s.dst.name} ← ${derefsOps(s.edge.derefs)}${s.src.name}`
}

/** The roots the solver walked from, {heap} first, then in location order. */
export function walkRoots(g: EscapeGraphArtifact): EscapeLocation[] {
  return g.walks.map((w) => g.locations[w.root]!).sort((a, b) => a.id - b.id)
}

export interface Reach {
  derefs: number
  /** The edge the walk reached it through (null for the root). */
  edge: number | null
}

/** The last walk from root: each reached location's derefs distance and parent edge. */
export function walkFrom(g: EscapeGraphArtifact, root: number): Map<number, Reach> {
  const w = g.walks.find((x) => x.root === root)
  return new Map((w?.reached ?? []).map((r) => [r.loc, { derefs: r.derefs, edge: r.edge }]))
}
