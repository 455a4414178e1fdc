// prove's partial order of values (gc's poset.go), kept simple: a graph of
// `a <= b` and `a < b` edges; orders are paths, equality is a cycle of
// non-strict edges. gc merges equal nodes into one; asking the graph gives
// the same answers for the relations prove records. Every change can be
// undone back to the last checkpoint.

import type { Value } from '../../func'

interface Edge {
  to: Value
  strict: boolean
}

type Undo = { kind: 'edge'; from: Value } | { kind: 'neq'; a: Value; b: Value } | { kind: 'mark' }

export class Poset {
  private edges = new Map<Value, Edge[]>()
  /** Reverse edges (sources only), for finding a value's equality class. */
  private rev = new Map<Value, Value[]>()
  private neq = new Map<Value, Set<Value>>()
  private undo: Undo[] = []

  checkpoint(): void {
    this.undo.push({ kind: 'mark' })
  }

  restore(): void {
    for (;;) {
      const u = this.undo.pop()
      if (!u || u.kind === 'mark') return
      if (u.kind === 'edge') {
        const e = this.edges.get(u.from)!.pop()!
        this.rev.get(e.to)!.pop()
      }
      else {
        this.neq.get(u.a)!.delete(u.b)
        this.neq.get(u.b)!.delete(u.a)
      }
    }
  }

  /** True when nothing is recorded (all checkpoints restored). */
  isEmpty(): boolean {
    for (const e of this.edges.values()) if (e.length) return false
    for (const s of this.neq.values()) if (s.size) return false
    return true
  }

  private addEdge(from: Value, to: Value, strict: boolean): void {
    let l = this.edges.get(from)
    if (!l) this.edges.set(from, (l = []))
    l.push({ to, strict })
    let r = this.rev.get(to)
    if (!r) this.rev.set(to, (r = []))
    r.push(from)
    this.undo.push({ kind: 'edge', from })
  }

  private setNeq(a: Value, b: Value): void {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let s = this.neq.get(x)
      if (!s) this.neq.set(x, (s = new Set()))
      s.add(y)
    }
    this.undo.push({ kind: 'neq', a, b })
  }

  /** A path from a to b (through at least one strict edge when `strict`). */
  reaches(a: Value, b: Value, strict: boolean): boolean {
    // States: (node, whether a strict edge was crossed).
    const seen = [new Set<Value>(), new Set<Value>()]
    const stack: [Value, number][] = [[a, 0]]
    seen[0]!.add(a)
    while (stack.length) {
      const [x, s] = stack.pop()!
      for (const e of this.edges.get(x) ?? []) {
        const ns = s | (e.strict ? 1 : 0)
        if (e.to === b && (!strict || ns === 1)) return true
        if (!seen[ns]!.has(e.to)) {
          seen[ns]!.add(e.to)
          stack.push([e.to, ns])
        }
      }
    }
    return false
  }

  equal(a: Value, b: Value): boolean {
    return a === b || (this.reaches(a, b, false) && this.reaches(b, a, false))
  }

  ordered(a: Value, b: Value): boolean {
    return a !== b && this.reaches(a, b, true)
  }

  orderedOrEqual(a: Value, b: Value): boolean {
    return a === b || this.reaches(a, b, false)
  }

  /** Values reachable from a along edges (forward) or against them (backward). */
  private closure(a: Value, forward: boolean): Set<Value> {
    const seen = new Set([a])
    const stack = [a]
    while (stack.length) {
      const x = stack.pop()!
      const next = forward ? (this.edges.get(x) ?? []).map((e) => e.to) : this.rev.get(x) ?? []
      for (const y of next) {
        if (!seen.has(y)) {
          seen.add(y)
          stack.push(y)
        }
      }
    }
    return seen
  }

  /** The values known equal to a (a itself included): on a cycle through a. */
  private equalClass(a: Value): Value[] {
    if (!this.edges.get(a)?.length || !this.rev.get(a)?.length) return [a]
    const back = this.closure(a, false)
    return [...this.closure(a, true)].filter((x) => back.has(x))
  }

  /** A recorded a != b, between any values equal to a and b. */
  private isNeq(a: Value, b: Value): boolean {
    if (this.neq.get(a)?.has(b)) return true
    const classA = this.equalClass(a).filter((x) => this.neq.get(x)?.size)
    if (classA.length === 0) return false
    const classB = new Set(this.equalClass(b))
    return classA.some((x) => [...this.neq.get(x)!].some((y) => classB.has(y)))
  }

  /** Record a < b (strict) or a <= b; false when it contradicts what is known. */
  setOrder(a: Value, b: Value, strict: boolean): boolean {
    if (this.equal(a, b)) return !strict
    if (!strict && this.isNeq(a, b)) strict = true
    if (this.reaches(a, b, false)) {
      if (strict && !this.reaches(a, b, true)) this.addEdge(a, b, true)
      return true
    }
    if (this.reaches(b, a, false)) {
      // b <= … <= a and now a <= b: all equal, unless some step was strict.
      if (strict || this.reaches(b, a, true)) return false
    }
    this.addEdge(a, b, strict)
    return true
  }

  setEqual(a: Value, b: Value): boolean {
    if (this.equal(a, b)) return true
    if (this.isNeq(a, b)) return false
    if (this.reaches(a, b, true) || this.reaches(b, a, true)) return false
    this.addEdge(a, b, false)
    this.addEdge(b, a, false)
    return true
  }

  setNonEqual(a: Value, b: Value): boolean {
    if (this.isNeq(a, b)) return true
    if (this.equal(a, b)) return false
    this.setNeq(a, b)
    // a <= b and a != b: a < b.
    if (this.reaches(a, b, false) && !this.reaches(a, b, true)) this.addEdge(a, b, true)
    if (this.reaches(b, a, false) && !this.reaches(b, a, true)) this.addEdge(b, a, true)
    return true
  }
}
