// Strings at SSA construction. The type checker and escape analysis handle
// strings; SSA construction (string values as (ptr, len) pairs, walk's
// runtime calls) handles the forms listed in docs/subset.md. A function that
// uses any other form is refused here, at the first such node, with
// `unsupported: …` — escape analysis still runs on it.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { FnUnit } from '../escape/units'
import type { TypeInfo } from '../types/info'
import { under, type Type } from '../types/types'
import { Unsupported } from './fn'

/** Whether values of t hold a string (directly, in fields or elements). */
export function containsString(t: Type, seen = new Set<Type>()): boolean {
  if (seen.has(t)) return false
  seen.add(t)
  const u = under(t)
  switch (u.kind) {
    case 'basic':
      return u.basic === 'string' || u.basic === 'untyped string'
    case 'array':
    case 'slice':
    case 'pointer':
      return containsString(u.elem, seen)
    case 'struct':
      return u.fields.some((f) => containsString(f.type, seen))
    case 'signature':
      return [...u.params, ...u.results].some((v) => containsString(v.type, seen))
    case 'tuple':
      return u.vars.some((v) => containsString(v.type, seen))
    default:
      return false
  }
}

/** Throws Unsupported at the first string-typed parameter, result or expression of the function. */
export function refuseStrings(unit: FnUnit, info: TypeInfo, locals: readonly { type: Type; pos: number }[] = []): void {
  const fnNode = (unit.decl ?? unit.lit)!
  const sig = unit.signature
  for (const v of [...(sig.recv ? [sig.recv] : []), ...sig.params, ...sig.results]) {
    if (containsString(v.type)) throw new Unsupported(v.pos >= 0 ? v.pos : fnNode.pos, 'string type')
  }
  for (const v of locals) if (containsString(v.type)) throw new Unsupported(v.pos >= 0 ? v.pos : fnNode.pos, 'string type')
  for (const v of unit.captures) if (containsString(v.type)) throw new Unsupported(v.pos, 'string type')
  const body = unit.decl?.body ?? unit.lit?.body
  walkCode(body, (n) => {
    if (n.kind === 'FuncLit' && n !== unit.lit) {
      const t = info.types.get(n)?.type
      if (t && containsString(t)) throw new Unsupported(n.pos, 'string type')
      return false
    }
    const tv = info.types.get(n as A.Expr)
    if (tv && containsString(tv.type)) throw new Unsupported(n.pos, tv.value?.kind === 'string' ? 'string constant' : 'string type')
    return true
  })
}
