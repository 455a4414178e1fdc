// Interfaces at SSA construction: not built yet. A function that touches an
// interface value in any way (conversions, assertions, type switches,
// interface calls, comparisons, panic/recover, interface-typed variables) is
// refused up front with the first such construct in source order, so no
// wrong code is ever emitted; escape analysis still runs on it.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { under, type Type } from '../types/types'
import { Unsupported } from './fn'

const isIface = (t: Type | undefined): boolean => t !== undefined && t.kind !== 'tuple' && under(t).kind === 'interface'

/** Throws Unsupported at the first interface construct of a function body (vars: its params, results and locals). */
export function refuseInterfaces(info: TypeInfo, body: A.Block, vars: Var[], at: number): void {
  for (const v of vars) if (containsIface(v.type)) throw new Unsupported(v.pos >= 0 ? v.pos : at, 'interface value (SSA construction of interfaces is not done)')
  let found: { pos: number; what: string } | null = null
  walkCode(body, (n) => {
    if (found) return false
    const what = ifaceConstruct(info, n)
    if (what) {
      found = { pos: n.pos, what }
      return false
    }
    return true
  })
  const f = found as { pos: number; what: string } | null
  if (f) throw new Unsupported(f.pos, `${f.what} (SSA construction of interfaces is not done)`)
}

function containsIface(t: Type, depth = 0): boolean {
  if (depth > 20) return false
  const u = under(t)
  switch (u.kind) {
    case 'interface':
      return true
    case 'pointer':
    case 'slice':
    case 'array':
      return containsIface(u.elem, depth + 1)
    case 'struct':
      return u.fields.some((f) => containsIface(f.type, depth + 1))
    case 'signature':
      return [...u.params, ...u.results].some((p) => containsIface(p.type, depth + 1))
    default:
      return false
  }
}

function ifaceConstruct(info: TypeInfo, n: import('../syntax/children').CodeNode): string | null {
  switch (n.kind) {
    case 'TypeAssert':
      return 'type assertion'
    case 'TypeSwitch':
      return 'type switch'
    case 'VarDecl':
      return null
    default:
      break
  }
  if (!('pos' in n) || n.kind === 'Block') return null
  const e = n as A.Expr
  if (info.ifaceConversions.has(e)) return 'conversion to an interface'
  if (e.kind === 'Call') {
    const ci = info.calls.get(e)
    if (ci?.kind === 'interface') return 'interface method call'
    if (ci?.kind === 'builtin' && (ci.id === 'panic' || ci.id === 'recover')) return `built-in ${ci.id}`
    if (ci?.kind === 'conversion' && isIface(ci.to)) return 'conversion to an interface'
  }
  const tv = info.types.get(e)
  if (tv && containsIface(tv.type.kind === 'tuple' ? { kind: 'struct', fields: tv.type.vars } : tv.type)) return 'interface value'
  return null
}
