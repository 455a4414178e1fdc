// `v, ok := x.(T)` at SSA construction, as gc builds OAS2DOTTYPE (order's
// as2ok, then ssagen's dottype1 with commaok): order gives the value and ok
// temporaries of their own (SSA-held here: only their numbers show), then the
// type or itab word is compared with the wanted one; the likely branch reads
// the data word (directly, or loads through it), the other yields the zero
// value, and both merge with ok true or false. Asserting to an empty
// interface only tests the type word for nil.

import type * as A from '../syntax/ast'
import { under, type Type } from '../types/types'
import type { Value } from '../ssa/func'
import { bytePtr, canSSA, fromGo, ptrTo, T } from '../ssa/types'
import { isDirectIface } from '../escape/iface'
import type { FnBuilder } from './fn'
import { Unsupported } from './fn'

const VAL = { name: 'val' }
const OK = { name: 'ok' }

/** The value and ok of `x.(T)` in a comma-ok assignment. */
export function commaOkAssert(b: FnBuilder, e: A.TypeAssert): Value[] {
  const target = b.cx.info.typeExprs.get(e.type)
  if (!target) throw new Unsupported(e.pos, 'type assertion')
  const xt = b.typeOf(e.x)
  const t = fromGo(target)
  const iface = under(target).kind === 'interface'
  if (iface && !t.empty) throw new Unsupported(e.pos, 'comma-ok type assertion to a non-empty interface type (SSA construction of this interface form is not done)')
  if (!canSSA(t)) throw new Unsupported(e.pos, `comma-ok type assertion to ${t.str} (SSA construction of this interface form is not done)`)
  // order's as2ok: a temporary for the value and one for ok (the reader's own two are the front end's),
  // the value's cleared first when it holds pointers (its zero value made, before x is read).
  b.reserveOrderTemp(t)
  if (t.hasPointers) b.zero(t)
  b.reserveOrderTemp(T.bool)
  const x = b.expr(e.x)
  b.pos = b.at(e.dot >= 0 ? e.dot : e.pos)
  if (iface) {
    b.typeWord(target) // dottype's reflectType(T), made whatever the case
    return toEmpty(b, x, xt, t)
  }
  return dotTypeOk(b, x, xt, target)
}

/** ssagen's dottype1 with commaok for a concrete, SSA-able target: the value (or zero) and ok, merged after the If. */
export function dotTypeOk(b: FnBuilder, x: Value, xt: Type, target: Type): Value[] {
  const t = fromGo(target)
  const empty = fromGo(xt).empty
  const want = b.typeWord(target)
  const expect = empty ? want : b.itabWord(target, xt)
  const have = b.v('ITab', bytePtr, [x])
  const cond = b.v('EqPtr', T.bool, [have, expect])
  const ok = b.newBlock()
  const fail = b.newBlock()
  b.branch(cond, ok, fail, 1)
  const end = b.newBlock()
  b.seal(ok)
  b.startBlock(ok)
  b.writeVar(VAL, isDirectIface(target) ? b.v('IData', t, [x]) : b.load(t, b.v('IData', ptrTo(t), [x])), t)
  b.writeVar(OK, b.constBool(true), T.bool)
  b.jump(end)
  b.seal(fail)
  b.startBlock(fail)
  b.writeVar(VAL, b.zero(t), t)
  b.writeVar(OK, b.constBool(false), T.bool)
  b.jump(end)
  b.seal(end)
  b.startBlock(end)
  return [b.readVar(VAL, b.block, t), b.readVar(OK, b.block, T.bool)]
}

/** x.(any) / x.(interface{}) with ok: the type word non-nil (from an empty interface, x itself); from a non-empty one the type read out of the itab. */
function toEmpty(b: FnBuilder, x: Value, xt: Type, t: import('../ssa/types').SsaType): Value[] {
  const itab = b.v('ITab', bytePtr, [x])
  const cond = b.v('NeqPtr', T.bool, [itab, b.constNil(bytePtr)])
  if (fromGo(xt).empty) return [x, cond]
  const ok = b.newBlock()
  const fail = b.newBlock()
  b.branch(cond, ok, fail, 1)
  b.seal(ok)
  b.startBlock(ok)
  const TYP = { name: 'typ' }
  b.writeVar(TYP, b.load(bytePtr, b.v('OffPtr', bytePtr, [itab], 8n)), bytePtr)
  const okEnd = b.endBlock()
  b.seal(fail)
  b.startBlock(fail)
  b.writeVar(TYP, itab, bytePtr)
  const failEnd = b.endBlock()
  // gc makes the merge block only now.
  const end = b.newBlock()
  for (const blk of [okEnd, failEnd]) {
    if (!blk) continue
    blk.kind = 'Plain'
    blk.addEdgeTo(end)
  }
  b.seal(end)
  b.startBlock(end)
  const data = b.v('IData', bytePtr, [x])
  return [b.v('IMake', t, [b.readVar(TYP, b.block, bytePtr), data]), cond]
}

/**
 * `x.(any)` (single-valued): the type word must be non-nil, else
 * runtime.panicnildottype(type:T); from a non-empty interface the type is
 * read out of the itab and joined with the data word.
 */
export function assertToEmpty(b: FnBuilder, e: A.TypeAssert): Value {
  const target = b.cx.info.typeExprs.get(e.type)!
  const xt = b.typeOf(e.x)
  const x = b.expr(e.x)
  b.pos = b.at(e.dot >= 0 ? e.dot : e.pos)
  const want = b.typeWord(target)
  const itab = b.v('ITab', bytePtr, [x])
  const cond = b.v('NeqPtr', T.bool, [itab, b.constNil(bytePtr)])
  b.check(cond, () => b.panicExit('panicnildottype', [want]))
  if (fromGo(xt).empty) return x
  const typ = b.load(bytePtr, b.v('OffPtr', bytePtr, [itab], 8n))
  return b.v('IMake', fromGo(target), [typ, b.v('IData', bytePtr, [x])])
}
