// Composite literals used as values, as gc's walk lowers them (walkCompLit,
// oaslit): a literal whose elements are all constants and whose type is not
// SSA-able is read-only static data (`p..stmp_N`); any other becomes a fresh
// temporary, zeroed and filled (past 4 elements: a static template copied,
// then the non-constant elements stored). Only `x = T{…}` into a plain stack variable
// that is not address-taken and not used by the literal is built in place.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { under } from '../types/types'
import type { Value } from '../ssa/func'
import { ptrTo, T, type SsaType } from '../ssa/types'
import type { FnBuilder } from './fn'

/** gc's isStaticCompositeLiteral: array and struct literals of constants (nested), no slices. */
export function isStaticComposite(info: TypeInfo, e: A.Expr): boolean {
  while (e.kind === 'Paren') e = e.x
  if (info.types.get(e)?.value !== undefined) return true
  if (e.kind === 'Ident' && info.uses.get(e)?.kind === 'nil') return true
  if (e.kind !== 'CompositeLit' || info.implicitAddrLits.has(e)) return false
  const t = info.types.get(e)?.type
  if (!t || under(t).kind === 'slice') return false
  return e.elts.every((el) => isStaticComposite(info, el.kind === 'KeyValue' ? el.value : el))
}

/** The address of a non-SSA-able literal's value: static data, or a filled temporary (a merge candidate). */
export function compositeTemp(b: FnBuilder, e: A.CompositeLit, t: SsaType): Value {
  if (isStaticComposite(b.cx.info, e)) return b.staticData(t)
  const name = b.autotmp(t)
  b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name })
  const a = b.v('LocalAddr', ptrTo(t), [b.sp, b.mem], 0n, { kind: 'sym', name })
  fillNamed(b, e, t, a)
  return a
}

/**
 * Fill a literal into a stack variable or temporary, zeroed memory
 * behind a (gc's anylit with a simple name). Past 4 elements gc copies a
 * read-only template holding the constant elements and then stores only
 * the others, so reads of constant fields load from the variable instead
 * of folding, and the variable stays a live merge candidate.
 */
export function fillNamed(b: FnBuilder, e: A.CompositeLit, t: SsaType, a: Value): void {
  if (e.elts.length > 4) {
    b.move(t, a, b.staticData(t))
    b.fillDynamic(e, t, a)
    return
  }
  b.zeroMem(t, a)
  // Each field's assignment takes the variable's address anew (gc's s.addr of temp.f).
  const fresh = a.op === 'LocalAddr' ? (): Value => b.v('LocalAddr', a.type, [b.sp, b.mem], 0n, a.aux) : undefined
  b.fillComposite(e, t, a, fresh)
}

/** ir.Uses over the literal: does it mention v? */
export function literalUses(info: TypeInfo, e: A.Expr, v: Var): boolean {
  let found = false
  walkCode(e, (n) => {
    if (found) return false
    if (n.kind === 'Ident' && info.uses.get(n) === v) found = true
    return !found
  })
  return found
}
