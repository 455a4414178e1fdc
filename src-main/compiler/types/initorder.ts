// Package initialisation: reports initialisation cycles (through variables,
// constants and function bodies) and orders the variable initialisers the
// way the spec says: repeatedly the earliest variable whose dependencies are
// all initialised. Linear in the declarations and their dependencies (files
// with hundreds of thousands of globals exist): a ready heap in source order,
// and cycles searched only inside strongly connected components.

import type * as A from '../syntax/ast'
import type { Checker, DeclInfo } from './checker'
import type { Obj, Var } from './objects'

export function initOrder(c: Checker): void {
  const decls = [...c.declInfos.values()]
  reportCycles(c, decls)

  const vars = decls.filter((d) => d.obj.kind === 'var')
  // waiting[i]: how many of vars[i]'s variable dependencies are not initialised yet.
  const waiting = new Int32Array(vars.length)
  const dependents = new Map<Obj, number[]>()
  vars.forEach((d, i) => {
    c.tick()
    for (const v of varDeps(c, d)) {
      if (v === d.obj) continue
      waiting[i]!++
      let list = dependents.get(v)
      if (!list) dependents.set(v, (list = []))
      list.push(i)
    }
  })
  const ready = new MinHeap()
  vars.forEach((_, i) => {
    if (waiting[i] === 0) ready.push(i)
  })
  const taken = new Uint8Array(vars.length)
  const done = new Set<Obj>()
  let earliest = 0
  for (let left = vars.length; left > 0; left--) {
    c.tick()
    let i = ready.pop()
    while (i !== undefined && taken[i]) i = ready.pop()
    if (i === undefined) {
      // After a cycle error nothing may be ready: take the earliest then.
      while (taken[earliest]) earliest++
      i = earliest
    }
    taken[i] = 1
    const d = vars[i]!
    if (done.has(d.obj)) continue
    const lhs = d.lhs ?? [d.obj as Var]
    for (const v of lhs) {
      if (done.has(v)) continue
      done.add(v)
      for (const j of dependents.get(v) ?? []) if (--waiting[j]! === 0) ready.push(j)
    }
    const spec = d.node as A.ValueSpec
    const rhs = d.lhs ? spec.values[0] : spec.values[d.index]
    if (rhs) c.info.initOrder.push({ lhs, rhs })
  }
}

/** The variables d's initialiser reads, directly or through the functions it calls. */
function varDeps(c: Checker, d: DeclInfo): Set<Obj> {
  const out = new Set<Obj>()
  if (d.deps.size === 0) return out
  const seen = new Set<Obj>()
  const stack = [...d.deps].reverse()
  while (stack.length > 0) {
    const o = stack.pop()!
    if (seen.has(o)) continue
    seen.add(o)
    if (o.kind === 'var') out.add(o)
    else if (o.kind === 'func') {
      const deps = [...(c.declInfos.get(o)?.deps ?? [])]
      for (let k = deps.length - 1; k >= 0; k--) stack.push(deps[k]!)
    }
  }
  return out
}

function reportCycles(c: Checker, decls: DeclInfo[]): void {
  const component = cyclicComponents(c, decls)
  if (component.size === 0) return
  const reported = new Set<Obj>()
  for (const d of decls) {
    if ((d.obj.kind !== 'var' && d.obj.kind !== 'const') || reported.has(d.obj)) continue
    const scc = component.get(d.obj)
    if (scc === undefined) continue
    const cycle = findPath(c, d.obj, d.obj, component, scc)
    if (!cycle) continue
    // findPath returns the path reversed: [..., second, first-after-start].
    const path = [d.obj, ...cycle.reverse().slice(0, -1)]
    for (const o of path) reported.add(o)
    if (path.length === 1) {
      c.errorAtPos(d.obj.pos, `initialization cycle: ${d.obj.name} refers to itself`)
      continue
    }
    const parts = [{ pos: d.obj.pos, msg: `initialization cycle for ${d.obj.name}` }]
    path.forEach((o, i) => {
      const next = path[(i + 1) % path.length]!
      parts.push({ pos: o.pos, msg: `${o.name} refers to ${next.name}` })
    })
    c.errorParts(d.obj.pos, d.obj.pos, parts)
  }
}

const depsOf = (c: Checker, o: Obj): Set<Obj> | undefined => c.declInfos.get(o)?.deps

/**
 * The objects that lie on a dependency cycle, each mapped to its strongly
 * connected component (Tarjan's algorithm, iterative: chains of thousands of
 * declarations must not overflow the stack).
 */
function cyclicComponents(c: Checker, decls: DeclInfo[]): Map<Obj, number> {
  const index = new Map<Obj, number>()
  const low = new Map<Obj, number>()
  const onStack = new Set<Obj>()
  const stack: Obj[] = []
  const out = new Map<Obj, number>()
  let next = 0
  let components = 0
  for (const root of decls) {
    c.tick()
    if (index.has(root.obj)) continue
    const frames: { obj: Obj; deps: Iterator<Obj> }[] = []
    const enter = (o: Obj) => {
      index.set(o, next)
      low.set(o, next++)
      stack.push(o)
      onStack.add(o)
      frames.push({ obj: o, deps: (depsOf(c, o) ?? new Set<Obj>()).values() })
    }
    enter(root.obj)
    while (frames.length > 0) {
      const f = frames[frames.length - 1]!
      const step = f.deps.next()
      if (!step.done) {
        const w = step.value
        if (!index.has(w)) enter(w)
        else if (onStack.has(w)) low.set(f.obj, Math.min(low.get(f.obj)!, index.get(w)!))
        continue
      }
      frames.pop()
      const parent = frames[frames.length - 1]
      if (parent) low.set(parent.obj, Math.min(low.get(parent.obj)!, low.get(f.obj)!))
      if (low.get(f.obj) !== index.get(f.obj)) continue
      const members: Obj[] = []
      let w: Obj
      do {
        w = stack.pop()!
        onStack.delete(w)
        members.push(w)
      } while (w !== f.obj)
      const cyclic = members.length > 1 || (depsOf(c, f.obj)?.has(f.obj) ?? false)
      if (!cyclic) continue
      for (const m of members) out.set(m, components)
      components++
    }
  }
  return out
}

/**
 * A dependency path from `from` to `to` (types2's findPath: last hop first).
 * Only objects of `to`'s component can lead back to it, so the search stays
 * inside it; the path found is the one the unrestricted depth-first search finds.
 */
function findPath(c: Checker, from: Obj, to: Obj, component: Map<Obj, number>, scc: number): Obj[] | null {
  const seen = new Set<Obj>([from])
  const frames: { obj: Obj; deps: Iterator<Obj> }[] = [{ obj: from, deps: (depsOf(c, from) ?? new Set<Obj>()).values() }]
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!
    const step = f.deps.next()
    if (step.done) {
      frames.pop()
      continue
    }
    const d = step.value
    if (d === to) return [d, ...frames.slice(1).map((x) => x.obj).reverse()]
    if (seen.has(d) || component.get(d) !== scc) continue
    seen.add(d)
    frames.push({ obj: d, deps: (depsOf(c, d) ?? new Set<Obj>()).values() })
  }
  return null
}

/** A binary min-heap of indices. */
class MinHeap {
  private readonly a: number[] = []

  push(x: number): void {
    const a = this.a
    let i = a.length
    a.push(x)
    while (i > 0) {
      const p = (i - 1) >> 1
      if (a[p]! <= x) break
      a[i] = a[p]!
      i = p
    }
    a[i] = x
  }

  pop(): number | undefined {
    const a = this.a
    if (a.length === 0) return undefined
    const top = a[0]!
    const last = a.pop()!
    if (a.length === 0) return top
    let i = 0
    for (;;) {
      let m = 2 * i + 1
      if (m >= a.length) break
      if (m + 1 < a.length && a[m + 1]! < a[m]!) m++
      if (a[m]! >= last) break
      a[i] = a[m]!
      i = m
    }
    a[i] = last
    return top
  }
}
