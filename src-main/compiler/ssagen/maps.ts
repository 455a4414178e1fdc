// Maps at SSA construction. Until walk's map forms (runtime.makemap*,
// mapaccess*, mapassign*, mapdelete*, mapclear, the iterator) are built here,
// a function that touches a map value is refused before any value is made,
// at the first expression or variable of a map type: escape analysis has
// already run on it, and no wrong code is emitted.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import type { Type } from '../types/types'
import { Unsupported } from './fn'

/** Whether t is a map or holds one (fields, elements, pointers, signatures). */
export function mentionsMap(t: Type, seen = new Set<Type>()): boolean {
  if (seen.has(t)) return false
  seen.add(t)
  switch (t.kind) {
    case 'map':
      return true
    case 'named':
      return mentionsMap(t.underlying, seen)
    case 'pointer':
    case 'slice':
    case 'array':
      return mentionsMap(t.elem, seen)
    case 'struct':
      return t.fields.some((f) => mentionsMap(f.type, seen))
    case 'signature':
      return [...t.params, ...t.results].some((v) => mentionsMap(v.type, seen))
    case 'tuple':
      return t.vars.some((v) => mentionsMap(v.type, seen))
    case 'basic':
      return false
  }
}

/** Throws `unsupported: map … at SSA construction` at the first map-typed parameter, result or expression of fn. */
export function refuseMaps(fn: A.FuncDecl | A.FuncLit, vars: { type: Type }[], info: TypeInfo): void {
  if (vars.some((v) => mentionsMap(v.type))) throw new Unsupported(fn.type.pos, 'map-typed parameter or result at SSA construction')
  const body = fn.body
  walkCode(body ?? null, (n) => {
    if (n.kind === 'FuncLit') return false // a closure is built (and refused) on its own
    if (n.kind === 'VarDecl') {
      for (const spec of n.specs) {
        for (const id of spec.names) {
          const obj = info.defs.get(id)
          if (obj && 'type' in obj && obj.type && mentionsMap(obj.type)) throw new Unsupported(id.pos, 'map value at SSA construction')
        }
      }
      return
    }
    const t = info.types.get(n as A.Expr)?.type
    if (t && mentionsMap(t)) throw new Unsupported(n.pos, 'map value at SSA construction')
  })
}
