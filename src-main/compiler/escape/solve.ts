// The solver: from every location ("root"), find what flows into it and with
// how many dereferences (a Bellman-Ford relaxation over incoming edges), and
// derive attributes and parameter leaks. Roots are re-walked only when their
// attributes change, escaping ones first, as gc does: the order decides which
// path -m=2 prints.

import { ALL_ATTRS, Attr, containsClosure, flowStep, type Edge, type EscapeGraph, type Flow, type FuncScope, type Location } from './graph'
import { Leaks, NUM_RESULT_SLOTS } from './leaks'

/** The last walk from one root: how far every reached location is, and through which edge. */
export interface WalkRecord {
  root: Location
  reached: { loc: Location; derefs: number; parent: Location | null; parentEdge: number }[]
}

export interface SolveOptions {
  /** Keep each root's last walk (for the UI's "why" path). */
  recordWalks?: boolean
}

export function solve(g: EscapeGraph, options: SolveOptions = {}): Map<Location, WalkRecord> {
  const walks = new Map<Location, WalkRecord>()
  const todo = new Deque<Location>()
  const enqueue = (l: Location) => {
    if (l.queuedWalkAll) return
    l.queuedWalkAll = true
    if (l.has(Attr.Escapes)) todo.pushFront(l)
    else todo.pushBack(l)
  }
  for (const l of g.locations) {
    todo.pushFront(l)
    l.queuedWalkAll = true
  }
  for (const l of [g.mutator, g.callee, g.heap]) {
    todo.pushFront(l)
    l.queuedWalkAll = true
  }
  let walkgen = 0
  while (todo.length > 0) {
    const root = todo.popFront()!
    root.queuedWalkAll = false
    walkOne(g, root, ++walkgen, enqueue)
    if (options.recordWalks) walks.set(root, record(g, root, walkgen))
  }
  return walks
}

/** What the solver reads and writes in a graph: attributes, parameter leaks, lost closure results. */
export interface SolverState {
  attrs: number[]
  leaks: Leaks[]
  resultsLost: Map<FuncScope, boolean>
}

function everyLocation(g: EscapeGraph): Location[] {
  return [g.heap, g.mutator, g.callee, g.blank, ...g.locations]
}

/** The solver's inputs and outputs as they are now (take it before solve to run it again later). */
export function solverState(g: EscapeGraph): SolverState {
  const all = everyLocation(g)
  const resultsLost = new Map<FuncScope, boolean>()
  for (const l of all) for (const s of [l.fn, l.closure]) if (s) resultsLost.set(s, s.resultsLost)
  return { attrs: all.map((l) => l.attrs), leaks: all.map((l) => l.leaks.clone()), resultsLost }
}

function restoreSolverState(g: EscapeGraph, s: SolverState): void {
  everyLocation(g).forEach((l, i) => {
    l.attrs = s.attrs[i]!
    l.leaks.copyFrom(s.leaks[i]!)
    l.walkgen = 0
    l.derefs = 0
    l.parent = null
    l.parentEdge = -1
    l.queuedWalkAll = false
    l.queuedWalkOne = 0
  })
  for (const [scope, lost] of s.resultsLost) scope.resultsLost = lost
}

/**
 * Each root's last walk, as solve with recordWalks would have kept it, for a
 * graph already solved without: the solver runs again from the state it
 * started in (`before`), then the graph is put back as it was. The solver is
 * deterministic, so the walks are the ones the first run did; recording them
 * costs one more solve of this batch only.
 */
export function recordWalks(g: EscapeGraph, before: SolverState): Map<Location, WalkRecord> {
  const after = solverState(g)
  const explained = g.explanations.length
  restoreSolverState(g, before)
  try {
    return solve(g, { recordWalks: true })
  } finally {
    g.explanations.length = explained
    restoreSolverState(g, after)
  }
}

function walkOne(g: EscapeGraph, root: Location, walkgen: number, enqueue: (l: Location) => void): void {
  root.walkgen = walkgen
  root.derefs = 0
  root.parent = null

  // A called closure of this batch: its results may now reach unknown places.
  const closure = root.closure
  if (root.has(Attr.Calls) && closure && !closure.resultsLost) {
    closure.resultsLost = true
    for (const r of root.closureResults) enqueue(r)
  }

  const todo = new Deque<Location>()
  todo.pushFront(root)
  while (todo.length > 0) {
    const l = todo.popFront()!
    l.queuedWalkOne = 0
    let derefs = l.derefs
    let newAttrs = 0

    if (derefs < 0) {
      // l's address flows to root.
      derefs = 0
      if (outlives(g, root, l)) {
        if (!l.has(Attr.Escapes)) {
          g.explanations.push({ kind: 'escapes', pos: l.pos, what: l.display, fn: l.fn?.name ?? '', ...explainPath(root, l) })
        }
        newAttrs |= ALL_ATTRS
      } else if (root.has(Attr.Persists)) {
        newAttrs |= Attr.Persists
      }
    }
    if (derefs === 0) newAttrs |= root.attrs & (Attr.Mutates | Attr.Calls)

    if (l.kind === 'param') {
      if (outlives(g, root, l)) {
        if (!l.has(Attr.Escapes)) {
          g.explanations.push({
            kind: 'leaks',
            pos: l.pos,
            param: l.display,
            to: root.explainName(),
            fn: l.fn?.name ?? '',
            derefs,
            ...explainPath(root, l),
          })
        }
        leakTo(l, root, derefs)
      }
      if (root.has(Attr.Mutates)) l.leaks.addMutator(derefs)
      if (root.has(Attr.Calls)) l.leaks.addCallee(derefs)
    }

    if ((newAttrs & ~l.attrs) !== 0) {
      l.attrs |= newAttrs
      enqueue(l)
      if (l.has(Attr.Escapes)) continue
    }

    l.edges.forEach((edge, i) => {
      const src = edge.src
      if (src.has(Attr.Escapes)) return
      const d = derefs + edge.derefs
      if (src.walkgen !== walkgen || src.derefs > d) {
        src.walkgen = walkgen
        src.derefs = d
        src.parent = l
        src.parentEdge = i
        if (src.queuedWalkOne !== walkgen) {
          src.queuedWalkOne = walkgen
          todo.pushBack(src)
        }
      }
    })
  }
}

/** A parameter reaching a non-escaping result of its own function is a result leak; anything else leaks to the heap. */
function leakTo(param: Location, sink: Location, derefs: number): void {
  if (!sink.has(Attr.Escapes) && sink.kind === 'result' && sink.fn === param.fn && sink.resultIndex - 1 < NUM_RESULT_SLOTS) {
    param.leaks.addResult(sink.resultIndex - 1, derefs)
  } else {
    param.leaks.addHeap(derefs)
  }
}

/** Whether l (a destination) may outlive other's address. */
export function outlives(g: EscapeGraph, l: Location, other: Location): boolean {
  if (l.has(Attr.Escapes)) return true
  if (l === g.mutator || l === g.callee) return false
  if (l.kind === 'result') {
    // A closure called in place returns to its caller's frame.
    if (containsClosure(other.fn, l.fn) && !l.fn!.resultsLost) return false
    return true
  }
  if (l.fn === other.fn && l.loopDepth < other.loopDepth) return true
  if (containsClosure(l.fn, other.fn)) return true
  return false
}

/** The flow steps from src up to root along the walk's parent edges. */
function explainPath(root: Location, src: Location): { flows: Flow[]; truncated: boolean; loc: Location; root: Location; edges: Edge[] } {
  const flows: Flow[] = []
  const edges: Edge[] = []
  const visited = new Set<Location>()
  const done = (truncated: boolean) => ({ flows, truncated, loc: start, root, edges })
  const start = src
  for (;;) {
    if (visited.has(src)) return done(true)
    visited.add(src)
    const dst = src.parent
    if (!dst) return done(false)
    const edge = dst.edges[src.parentEdge]!
    flows.push(flowStep(dst, src, edge.derefs, edge.notes))
    edges.push(edge)
    if (dst === root) return done(false)
    src = dst
  }
}

function record(g: EscapeGraph, root: Location, walkgen: number): WalkRecord {
  const reached = g.locations
    .concat([g.heap, g.mutator, g.callee])
    .filter((l) => l.walkgen === walkgen)
    .map((l) => ({ loc: l, derefs: l.derefs, parent: l.parent, parentEdge: l.parentEdge }))
  return { root, reached }
}

/** A double-ended queue on a growable ring buffer. */
class Deque<T> {
  private items: (T | undefined)[] = new Array(8)
  private head = 0
  length = 0

  pushFront(x: T): void {
    if (this.length === this.items.length) this.grow()
    this.head = (this.head - 1 + this.items.length) % this.items.length
    this.items[this.head] = x
    this.length++
  }

  pushBack(x: T): void {
    if (this.length === this.items.length) this.grow()
    this.items[(this.head + this.length) % this.items.length] = x
    this.length++
  }

  popFront(): T | undefined {
    if (this.length === 0) return undefined
    const x = this.items[this.head]
    this.items[this.head] = undefined
    this.head = (this.head + 1) % this.items.length
    this.length--
    return x
  }

  private grow(): void {
    const next: (T | undefined)[] = new Array(this.items.length * 2)
    for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) % this.items.length]
    this.items = next
    this.head = 0
  }
}
