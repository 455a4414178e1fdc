// Invalid recursive types: a named type may refer to itself only through
// a pointer, slice or function (type T struct{ next *T }), never by value.

import type { Checker } from './checker'
import { cycleError } from './decls'
import { Typ, type NamedType, type Type } from './types'

/** Reports named types that contain themselves (not through a pointer, slice or func). */
export function validType(c: Checker, named: NamedType): void {
  const path: NamedType[] = []
  const visit = (t: Type): boolean => {
    switch (t.kind) {
      case 'array':
        return visit(t.elem)
      case 'struct':
        return t.fields.every((f) => visit(f.type))
      case 'named': {
        if (c.validTypes.has(t)) return true
        const i = path.indexOf(t)
        if (i >= 0) {
          const cycle = path.slice(i)
          cycleError(c, cycle.flatMap((n) => [n.obj, ...(c.namedAliases.get(n) ?? [])]))
          for (const n of cycle) {
            n.underlying = Typ.invalid
            c.validTypes.add(n)
            c.infiniteTypes.add(n)
          }
          return false
        }
        path.push(t)
        const rhs = c.namedRHS.get(t) ?? t.underlying
        const ok = visit(rhs)
        path.pop()
        if (ok) {
          c.validTypes.add(t)
          // A chain of named types (type A B) gets its final underlying type now.
          if (rhs.kind === 'named') t.underlying = rhs.underlying
        }
        return ok
      }
      default:
        return true
    }
  }
  visit(named)
}

/**
 * Whether values of t have a finite size: false for types that contain an
 * invalid recursive type by value. Operands of such types are dropped
 * silently, as types2's pendingType does, to avoid follow-on errors.
 */
export function finiteSize(c: Checker, t: Type, inProgress = new Set<NamedType>()): boolean {
  switch (t.kind) {
    case 'named': {
      if (c.infiniteTypes.has(t)) return false
      if (inProgress.has(t)) return true // reported by validType
      const rhs = c.namedRHS.get(t)
      if (!rhs) return true
      inProgress.add(t)
      const ok = finiteSize(c, rhs, inProgress)
      inProgress.delete(t)
      return ok
    }
    case 'array':
      return finiteSize(c, t.elem, inProgress)
    case 'struct':
      return t.fields.every((f) => finiteSize(c, f.type, inProgress))
    default:
      return true
  }
}
