// Package initialisation: reports initialisation cycles (through variables,
// constants and function bodies) and orders the variable initialisers the
// way the spec says: repeatedly the earliest variable whose dependencies are
// all initialised.

import type * as A from '../syntax/ast'
import type { Checker, DeclInfo } from './checker'
import type { Obj, Var } from './objects'

export function initOrder(c: Checker): void {
  const decls = [...c.declInfos.values()]
  reportCycles(c, decls)

  const vars = decls.filter((d) => d.obj.kind === 'var')
  const done = new Set<Obj>()
  const pending = [...vars]
  while (pending.length > 0) {
    // After a cycle error nothing may be ready: take the earliest then.
    let i = pending.findIndex((d) => [...varDeps(c, d)].every((v) => v === d.obj || done.has(v)))
    if (i < 0) i = 0
    const d = pending.splice(i, 1)[0]!
    if (done.has(d.obj)) continue
    const lhs = d.lhs ?? [d.obj as Var]
    for (const v of lhs) done.add(v)
    const spec = d.node as A.ValueSpec
    const rhs = d.lhs ? spec.values[0] : spec.values[d.index]
    if (rhs) c.info.initOrder.push({ lhs, rhs })
  }
}

/** The variables d's initialiser reads, directly or through the functions it calls. */
function varDeps(c: Checker, d: DeclInfo): Set<Obj> {
  const out = new Set<Obj>()
  const seen = new Set<Obj>()
  const walk = (deps: Set<Obj>) => {
    for (const o of deps) {
      if (seen.has(o)) continue
      seen.add(o)
      if (o.kind === 'var') out.add(o)
      else if (o.kind === 'func') walk(c.declInfos.get(o)?.deps ?? new Set())
    }
  }
  walk(d.deps)
  return out
}

function reportCycles(c: Checker, decls: DeclInfo[]): void {
  const reported = new Set<Obj>()
  for (const d of decls) {
    if ((d.obj.kind !== 'var' && d.obj.kind !== 'const') || reported.has(d.obj)) continue
    const cycle = findPath(c, d.obj, d.obj, new Set())
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

/** A dependency path from `from` to `to` (types2's findPath: last hop first). */
function findPath(c: Checker, from: Obj, to: Obj, seen: Set<Obj>): Obj[] | null {
  if (seen.has(from)) return null
  seen.add(from)
  for (const d of c.declInfos.get(from)?.deps ?? []) {
    if (d === to) return [d]
    const p = findPath(c, d, to, seen)
    if (p) return [...p, d]
  }
  return null
}
