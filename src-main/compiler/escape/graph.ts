// The escape graph: locations (variables, allocation sites, temporaries and
// the four pseudo-locations) joined by incoming edges that carry a derefs
// count and the notes that explain them.

import { Leaks } from './leaks'

export const enum Attr {
  /** The location's address is reachable from the heap: it must live there. */
  Escapes = 1,
  /** Its address outlives the statement that creates it (not transient). */
  Persists = 2,
  /** Values flowing here may have their pointees written to. */
  Mutates = 4,
  /** Values flowing here may be called. */
  Calls = 8,
}
export const ALL_ATTRS = Attr.Escapes | Attr.Persists | Attr.Mutates | Attr.Calls

/** A function analysed in a batch; closures point at their enclosing function. */
export interface FuncScope {
  /** gc's name, e.g. `F` or `F.func1`. */
  name: string
  /** The enclosing function, for closures. */
  outer: FuncScope | null
  /** A closure whose results may flow to unknown places (set by the solver). */
  resultsLost: boolean
}

export type LocationKind = 'heap' | 'mutator' | 'callee' | 'blank' | 'var' | 'param' | 'result' | 'alloc' | 'temp'

/** Why a flow exists: `from <where> (<why>) at <pos>` in -m=2 output. */
export interface Note {
  where: string
  why: string
  pos: string
  /** The note as it prints now, without fixing its text for later (a lazy note's text may still change). */
  now?(): Note
}

/** One `flow:` step of an explanation. */
export interface Flow {
  dst: string
  /** `&` for an address flow, else `*` repeated derefs times. */
  ops: string
  src: string
  notes: readonly Note[]
}

/** A -m=2 explanation, recorded in the order gc prints it. */
export type Explanation =
  | ({ kind: 'escapes'; pos: string; what: string; fn: string; flows: Flow[]; truncated: boolean } & Explained)
  | ({ kind: 'leaks'; pos: string; param: string; to: string; fn: string; derefs: number; flows: Flow[]; truncated: boolean } & Explained)
  /** Any other line gc prints while analysing, from -m=`level` up (ignored self-assignments at 1, capture decisions at 2). */
  | { kind: 'line'; text: string; level: 1 | 2 }

/** What an explanation explains, for the UI: the location, the root it reached, and the edges between them (from the location on). */
export interface Explained {
  loc: Location
  root: Location
  edges: Edge[]
}

export function flowStep(dst: Location, src: Location, derefs: number, notes: readonly Note[], now = false): Flow {
  return { dst: dst.explainName(now), ops: derefs < 0 ? '&' : '*'.repeat(derefs), src: src.explainName(now), notes }
}

export interface Edge {
  src: Location
  derefs: number
  notes: readonly Note[]
}

export class Location {
  readonly edges: Edge[] = []
  attrs = 0
  /** Parameters only: where they leak, with derefs. */
  readonly leaks = new Leaks()
  /** Parameters without pointers: gc gives them no tag (nothing of a caller's can leak through them). */
  untagged = false
  /** For allocation sites of closures: the closure's own scope. */
  closure: FuncScope | null = null
  /** Result locations of a closure, re-walked when its results are lost. */
  closureResults: Location[] = []

  /** Builder facts for variables: captured by a closure, assigned after their definition, address taken. */
  captured = false
  reassigned = false
  addrtaken = false
  /** What the location stands for (a variable or an allocating expression), for reports. */
  ref: unknown = null
  /** Mutable for declarations: gc sets it at the variable's declaration statement. */
  loopDepth: number

  // Scratch of the current walk (walkOne).
  walkgen = 0
  derefs = 0
  parent: Location | null = null
  parentEdge = -1
  queuedWalkAll = false
  queuedWalkOne = 0

  private text: string | (() => string)

  constructor(
    readonly id: number,
    readonly kind: LocationKind,
    /** gc's `%v` of the node: a name, or an expression like `&T{...}` (computed on first use). */
    display: string | (() => string),
    /** Formatted position, e.g. `./p.go:20:6`; empty for pseudo-locations. */
    readonly pos: string,
    readonly fn: FuncScope | null,
    loopDepth: number,
    /** 1-based result index, for results. */
    public resultIndex = 0,
  ) {
    this.text = display
    this.loopDepth = loopDepth
  }

  get display(): string {
    if (typeof this.text === 'function') this.text = this.text()
    return this.text
  }

  /** The display as it prints now, without fixing it for later (see Note.now). */
  displayNow(): string {
    return typeof this.text === 'function' ? this.text() : this.text
  }

  has(a: Attr): boolean {
    return (this.attrs & a) !== 0
  }

  /** The name -m=2 uses for this location in flow lines. */
  explainName(now = false): string {
    const display = () => (now ? this.displayNow() : this.display)
    switch (this.kind) {
      case 'heap':
        return '{heap}'
      case 'temp':
      case 'mutator':
      case 'callee':
      case 'blank':
        return '{temp}'
      case 'alloc':
        return `{storage for ${display()}}`
      default:
        return display()
    }
  }
}

/** The locations of one batch of functions (a strongly connected part of the call graph). */
export class EscapeGraph {
  readonly locations: Location[] = []
  readonly heap: Location
  readonly mutator: Location
  readonly callee: Location
  readonly blank: Location
  /** Explanations in emission order: flow shortcuts while building, then the solver's. */
  readonly explanations: Explanation[] = []
  /** Address flows into a location that already escaped: gc adds no edge (src escapes at once), the UI still draws them. */
  readonly shortcuts: (Edge & { dst: Location })[] = []
  private nextId = 0

  constructor() {
    this.heap = this.pseudo('heap', ALL_ATTRS)
    this.mutator = this.pseudo('mutator', Attr.Mutates)
    this.callee = this.pseudo('callee', Attr.Calls)
    this.blank = this.pseudo('blank', 0)
  }

  newLocation(kind: LocationKind, display: string | (() => string), pos: string, fn: FuncScope | null, loopDepth: number, resultIndex = 0): Location {
    const l = new Location(this.nextId++, kind, display, pos, fn, loopDepth, resultIndex)
    this.locations.push(l)
    return l
  }

  /**
   * Adds the flow src → dst with derefs, as gc's flow does: flows into the
   * blank location are dropped, so are self-flows that are not address-of;
   * an address flowing into an escaping location makes src escape at once.
   */
  flow(dst: Location, src: Location, derefs: number, notes: readonly Note[] = []): void {
    if (dst === this.blank) return
    if (dst === src && derefs >= 0) return
    if (dst.has(Attr.Escapes) && derefs < 0) {
      const shortcut = { dst, src, derefs, notes }
      // gc prints this explanation at once, with the expressions as they are now.
      this.explanations.push({
        kind: 'escapes',
        pos: src.pos,
        what: src.displayNow(),
        fn: src.fn?.name ?? '',
        flows: [flowStep(dst, src, derefs, notes.map((n) => n.now?.() ?? n), true)],
        truncated: false,
        loc: src,
        root: dst,
        edges: [shortcut],
      })
      src.attrs |= ALL_ATTRS
      this.shortcuts.push(shortcut)
      return
    }
    dst.edges.push({ src, derefs, notes })
  }

  private pseudo(kind: LocationKind, attrs: number): Location {
    const l = new Location(this.nextId++, kind, kind, '', null, 0)
    l.attrs = attrs
    return l
  }
}

/** c is a closure nested (at any depth) inside f. */
export function containsClosure(f: FuncScope | null, c: FuncScope | null): boolean {
  if (!f || !c || f === c) return false
  for (let p = c.outer; p; p = p.outer) if (p === f) return true
  return false
}
