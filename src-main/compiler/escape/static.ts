// The static value of a make size, as escape's rewriteWithLiterals sees it
// through ir.ReassignOracle: a constant, or a local defined once by a
// constant (or by len of a slice literal) and never reassigned.

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import { identical, under, type Type } from '../types/types'
import { constantText, stripParens } from './gcfmt'
import type { BuildEnv } from './build'

/**
 * The value a make size has after escape's rewriteWithLiterals: a constant,
 * or a local defined once by a constant (or by len of a slice literal) and
 * never reassigned or address-taken.
 */
export function staticSize(env: Pick<BuildEnv, 'info' | 'defn' | 'byRef'>, e: A.Expr): { value: bigint; type: Type } | null {
  const info = env.info
  let x = stripParens(e)
  const type = info.types.get(x)?.type
  if (!type) return null
  for (let guard = 0; guard < 1000; guard++) {
    const tv = info.types.get(x)
    if (tv?.value) return tv.value.kind === 'int' && tv.value.value >= 0n ? { value: tv.value.value, type } : null
    if (x.kind === 'Call') {
      const ci = info.calls.get(x)
      if (ci?.kind === 'conversion' && x.args.length === 1 && sameUnder(ci.to, info.types.get(stripParens(x.args[0]!))?.type)) {
        x = stripParens(x.args[0]!)
        continue
      }
      if (ci?.kind === 'builtin' && ci.id === 'len' && x.args.length === 1) {
        const lit = staticExpr(env, stripParens(x.args[0]!))
        if (lit?.kind === 'CompositeLit' && under(info.types.get(lit)!.type).kind === 'slice') return { value: BigInt(sliceLitLen(info, lit)), type }
      }
      return null
    }
    if (x.kind !== 'Ident') return null
    const next = singleDefValue(env, x)
    if (!next) return null
    x = stripParens(next)
  }
  return null
}

function staticExpr(env: Pick<BuildEnv, 'info' | 'defn' | 'byRef'>, e: A.Expr): A.Expr | null {
  let x = e
  for (let guard = 0; guard < 1000 && x.kind === 'Ident'; guard++) {
    const next = singleDefValue(env, x)
    if (!next) return x
    x = stripParens(next)
  }
  return x
}

/** What ir.ReassignOracle needs: the checker's facts, each local's definition, the variables closures capture by reference. */
export type StaticEnv = Pick<BuildEnv, 'info' | 'defn' | 'byRef'>

/** ir.ReassignOracle's staticValue1: the value a local defined exactly once was given. */
export function singleDefValue(env: StaticEnv, id: A.Ident): A.Expr | null {
  const v = env.info.uses.get(id)
  if (v?.kind !== 'var' || v.varKind !== 'local' || v.addrTaken || v.reassigned || env.byRef.has(v)) return null
  const d = env.defn.get(v) as A.Assign | A.ValueSpec | undefined
  if (!d) return null
  const lhs: readonly A.Expr[] = 'lhs' in d && d.kind === 'Assign' ? d.lhs : 'names' in d ? d.names : []
  const rhs: readonly A.Expr[] = 'rhs' in d && d.kind === 'Assign' ? d.rhs : 'values' in d ? d.values : []
  if (rhs.length !== lhs.length) return null
  const i = lhs.findIndex((l) => l.kind === 'Ident' && (env.info.defs.get(l) === v || env.info.uses.get(l) === v))
  return i >= 0 ? rhs[i]! : null
}

function sameUnder(a: Type, b: Type | undefined): boolean {
  if (!b) return false
  const ua = under(a)
  const ub = under(b)
  return ua === ub || (ua.kind === 'basic' && ub.kind === 'basic' && ua.basic === ub.basic)
}

function sliceLitLen(info: TypeInfo, lit: A.CompositeLit): number {
  let n = 0
  let max = 0
  for (const e of lit.elts) {
    if (e.kind === 'KeyValue') {
      const k = info.types.get(stripParens(e.key))?.value
      n = k?.kind === 'int' ? Number(k.value) : n
    }
    n++
    max = Math.max(max, n)
  }
  return max
}

/**
 * What escape's rewriteWithLiterals turns an interface conversion's operand
 * into when it is a local bound once to a constant (`x := 5; sink = x` reports
 * `5 escapes to heap`; `sink = MyInt(x)` reports `MyInt(5)`): that constant as gc prints it, or null.
 */
export function staticConstantText(env: StaticEnv, e: A.Expr): string | null {
  const x = stripParens(e)
  const c = rewrittenConstant(env, x)
  const type = env.info.types.get(x)?.type
  const tv = c ? env.info.types.get(c) : undefined
  if (!type || !tv?.value) return null
  return constantText(tv.value, type)
}

/** An explicit conversion gc types as OCONVNOP (identical underlying types) that is not a constant. */
export function convNopOperand(info: TypeInfo, e: A.Expr): A.Expr | null {
  const x = stripParens(e)
  if (x.kind !== 'Call' || x.args.length !== 1 || info.types.get(x)?.value !== undefined) return null
  const ci = info.calls.get(x)
  const from = info.types.get(stripParens(x.args[0]!))?.type
  if (ci?.kind !== 'conversion' || !from || from.kind === 'tuple') return null
  return identical(under(ci.to), under(from)) ? x.args[0]! : null
}

/** ir.ReassignOracle.StaticValue: through OCONVNOPs and locals defined once, the expression e always evaluates to. */
export function staticValue(env: StaticEnv, e: A.Expr): A.Expr {
  let x = stripParens(e)
  for (let guard = 0; guard < 1000; guard++) {
    const nop = convNopOperand(env.info, x)
    if (nop) {
      x = stripParens(nop)
      continue
    }
    if (x.kind !== 'Ident' || env.info.types.get(x)?.value !== undefined) return x
    const next = singleDefValue(env, x)
    if (!next) return x
    x = stripParens(next)
  }
  return x
}

const isIface = (t: Type | undefined): boolean => t !== undefined && t.kind !== 'tuple' && under(t).kind === 'interface'

/** escape's rewriteWithLiterals: the constant a non-constant operand is replaced by, or null. */
export function rewrittenConstant(env: StaticEnv, x: A.Expr): A.Expr | null {
  const u = stripParens(x)
  const tv = env.info.types.get(u)
  if (!tv || tv.value !== undefined || tv.type.kind === 'tuple' || isIface(tv.type)) return null
  const v = staticValue(env, u)
  const c = v !== u ? env.info.types.get(v)?.value : undefined
  return c && validForConst(tv.type, c.kind) ? v : null
}

/** ir.ValidTypeForConst. */
function validForConst(t: Type, kind: string): boolean {
  const u = under(t)
  if (u.kind !== 'basic') return false
  const b = u.basic
  switch (kind) {
    case 'int':
      return /^(u?int(8|16|32|64)?|uintptr|float(32|64)|complex(64|128)|untyped (int|rune|float))$/.test(b)
    case 'float':
      return /^(float(32|64)|complex(64|128)|untyped float)$/.test(b)
    case 'string':
      return b === 'string' || b === 'untyped string'
    case 'bool':
      return b === 'bool' || b === 'untyped bool'
    default:
      return false
  }
}

