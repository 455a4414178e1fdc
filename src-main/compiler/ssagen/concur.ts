// Channels as walk and ssagen lower them: make(chan T[, n]) →
// runtime.makechan, close → closechan, len/cap → chanlen/chancap, a send
// → chansend1(c, &v) (order's addrTemp: a parameter in place, a constant as
// static data, other values through a copy), a receive → chanrecv1(c, &tmp)
// into a cleared order temporary, or chanrecv1(c, nil) when the value is
// dropped, ok = chanrecv2(c, &tmp) with comma-ok, range over a channel as
// walk's loop around chanrecv2. Not modelled yet, and refused here before
// anything is built rather than compiled wrongly: go, defer, select, a
// per-iteration range variable, sends of fields, elements and address-taken
// variables.

import { rangeLoop, rangeVar } from './rangeloop'
import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { FunctionInfo, TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { under, type Type } from '../types/types'
import type { Value } from '../ssa/func'
import { canSSA, fromGo, ptrTo, T } from '../ssa/types'
import { Unsupported, unparen, type FnBuilder } from './fn'
import { refuseSelect } from './selects'
import type { EscapeFacts } from './vars'

/** Throws Unsupported at the first construct SSA construction does not model, in the function's own code. */
export function refuseConcurrency(info: TypeInfo, facts: EscapeFacts, fi: FunctionInfo, body: A.Block): void {
  walkCode(body, (n) => {
    switch (n.kind) {
      case 'FuncLit':
        return false
      case 'GoDefer':
        return true // refuseDefers (defers.ts), refuseGo (gostmt.ts)
      case 'Select':
        refuseSelect(n)
        return true
      case 'Send':
        if (sendOperand(info, facts, fi, n) === 'addressable') throw new Unsupported(n.pos, 'channel send of this operand (SSA construction)')
        return true
      case 'Range':
        // Per-iteration copies of a captured or address-taken variable are not modelled for channels.
        if (isChan(info.types.get(unparen(n.x))?.type) && (n.key?.kind ?? 'Ident') !== 'Ident') throw new Unsupported(n.pos, 'range over a channel into this operand (SSA construction)')
        return true
      default:
        return true
    }
  })
}

/**
 * How order's addrTemp passes a sent value: a parameter in place, a constant
 * or nil as read-only static data, an SSA-able local or any other
 * non-addressable value through a copy. Other addressable operands (fields,
 * elements, address-taken variables) are passed in place too; not modelled.
 */
function sendOperand(info: TypeInfo, facts: EscapeFacts, fi: FunctionInfo, s: A.Send): 'param' | 'static' | 'copy' | 'addressable' {
  const x = unparen(s.value)
  const tv = info.types.get(x)
  if (tv?.value || (x.kind === 'Ident' && info.uses.get(x)?.kind === 'nil')) return 'static'
  if (sentParam(info, fi, s)) return 'param'
  if (x.kind === 'Ident') {
    const v = info.uses.get(x)
    // gc copies a PAUTO that is SSA-able and not address-taken (#63332).
    const ssaLocal = v?.kind === 'var' && fi.locals.includes(v) && !v.addrTaken && !facts.heap.has(v) && !facts.byRef.has(v) && canSSA(fromGo(v.type))
    return ssaLocal ? 'copy' : 'addressable'
  }
  if (x.kind === 'Star' || x.kind === 'Selector' || x.kind === 'Index') return 'addressable'
  return 'copy'
}

/** The parameter a send sends, if that is what it sends: order passes its address in place. */
function sentParam(info: TypeInfo, fi: FunctionInfo, s: A.Send): Var | null {
  const x = unparen(s.value)
  if (x.kind !== 'Ident') return null
  const v = info.uses.get(x)
  return v?.kind === 'var' && fi.params.includes(v) ? v : null
}

/** Parameters whose address a send takes (walk's NodAddr marks them address-taken: they live in their slots). */
export function sentParams(info: TypeInfo, fi: FunctionInfo, body: A.Block): Set<Var> {
  const out = new Set<Var>()
  walkCode(body, (n) => {
    if (n.kind === 'FuncLit') return false
    if (n.kind === 'Send') {
      const v = sentParam(info, fi, n)
      if (v) out.add(v)
    }
    return true
  })
  return out
}

export function isChan(t: Type | undefined): boolean {
  return !!t && under(t).kind === 'chan'
}

function elemOf(t: Type): Type {
  return (under(t) as { elem: Type }).elem
}

/**
 * make(chan T[, n]): runtime.makechan(type, int(n)). walk picks makechan64
 * only for a size wider than uint, which a 64-bit target never has.
 */
export function makeChan(b: FnBuilder, e: A.Call): Value {
  const ct = fromGo(b.typeOf(e))
  const sizeExpr = e.args[1]
  let size: Value = b.constInt(T.int, 0)
  if (sizeExpr) {
    const st = fromGo(b.typeOf(sizeExpr))
    const tv = b.cx.info.types.get(unparen(sizeExpr))
    if (tv?.value && tv.value.kind === 'int') size = b.constInt(T.int, Number(tv.value.value))
    else size = st === T.int ? b.expr(sizeExpr) : b.convert(b.expr(sizeExpr), st, T.int, sizeExpr)
  }
  return b.mkcall('makechan', [ct], [b.typeAddr(ct), size], [T.unsafePointer, T.int])[0]!
}

export function closeChan(b: FnBuilder, e: A.Call): void {
  b.mkcall('closechan', [], [b.expr(e.args[0]!)])
}

export function chanLenCap(b: FnBuilder, e: A.Call, id: 'len' | 'cap'): Value {
  return b.mkcall(id === 'len' ? 'chanlen' : 'chancap', [T.int], [b.expr(e.args[0]!)])[0]!
}

/** `c <- v`: chansend1(c, &v), v as order's addrTemp leaves it (sendOperand). */
export function sendStmt(b: FnBuilder, s: A.Send): void {
  const c = b.expr(s.ch)
  const et = fromGo(elemOf(b.typeOf(s.ch)))
  const how = sendOperand(b.cx.info, b.cx.facts, b.unit.info!, s)
  let addr: Value
  if (how === 'param') addr = b.addrOfVar(b.cx.info.uses.get(unparen(s.value) as A.Ident) as Var)
  else if (how === 'static') addr = b.staticData(et, 'order')
  else {
    const v = b.expr(s.value)
    const name = b.orderTemp(et, true)
    if (et.hasPointers) b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name })
    addr = b.v('LocalAddr', ptrTo(et), [b.sp, b.mem], 0n, { kind: 'sym', name })
    b.storeInto(et, addr, v)
  }
  b.mkcall('chansend1', [], [c, addr])
}

/** `<-c` as a statement: chanrecv1(c, nil). */
export function drain(b: FnBuilder, e: A.Unary): void {
  const c = b.expr(e.x)
  b.mkcall('chanrecv1', [], [c, b.constNil(ptrTo(fromGo(elemOf(b.typeOf(e.x)))))])
}

/**
 * `v, ok = <-c`: order's as2ok gives the value a temporary (cleared when it
 * holds pointers) and ok one more (it stays SSA), walk calls
 * ok = chanrecv2(c, &tmp); the value is then read from the temporary.
 */
export function commaOkReceive(b: FnBuilder, e: A.Unary): Value[] {
  const t = fromGo(b.typeOf(e))
  const c = b.expr(e.x)
  const name = b.orderTemp(t, true)
  b.orderTemp(T.bool)
  let a = b.v('LocalAddr', ptrTo(t), [b.sp, b.mem], 0n, { kind: 'sym', name })
  if (t.hasPointers) {
    b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name })
    a = b.v('LocalAddr', ptrTo(t), [b.sp, b.mem], 0n, { kind: 'sym', name })
    b.storeInto(t, a, b.zero(t))
  }
  const [ok] = b.mkcall('chanrecv2', [T.bool], [c, a])
  const v = b.loadOrDeref(t, b.v('LocalAddr', ptrTo(t), [b.sp, b.mem], 0n, { kind: 'sym', name }))
  return [v, ok!]
}

/**
 * `for v := range c` as order and walk rewrite it: ha := c (order's copy),
 * then hv1 (the element, cleared first when it holds pointers) and hb:
 *   for { hb = chanrecv2(ha, &hv1); if !hb { break }; v = hv1; hv1 = zero; body }
 */
export function rangeChan(b: FnBuilder, s: A.Range): void {
  const info = b.cx.info
  const et = fromGo(elemOf(b.typeOf(s.x)))
  const ha = b.expr(s.x)
  b.orderTemp(fromGo(b.typeOf(s.x)))
  const hv1 = b.autotmp(et, true)
  b.autotmp(T.bool)
  const hv1Addr = () => b.v('LocalAddr', ptrTo(et), [b.sp, b.mem], 0n, { kind: 'sym', name: hv1 })
  const clear = () => {
    if (et.hasPointers) b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name: hv1 })
    b.storeInto(et, hv1Addr(), b.zero(et))
  }
  if (et.hasPointers) clear()
  const rw = b.cx.frames.get(b.unit)?.ranges.get(s)
  if (rw?.key) throw new Unsupported(s.pos, 'range over a channel with a per-iteration variable (SSA construction)')
  const key = rangeVar(info, s, s.key)
  rangeLoop(b, s, {
    test: () => b.mkcall('chanrecv2', [T.bool], [ha, hv1Addr()])[0]!,
    bind: () => {
      if (key) {
        const v = b.loadOrDeref(et, hv1Addr())
        b.declareIf(s.define, key)
        b.setVar(key, v)
      }
      // walk's body comes before the user's: a continue does not skip the clearing.
      clear()
    },
  })
}

/** `<-c` as a value: order's cleared temporary, chanrecv1(c, &tmp), then the temporary's value. */
export function receive(b: FnBuilder, e: A.Unary): Value {
  const t = fromGo(b.typeOf(e))
  const c = b.expr(e.x)
  const name = b.orderTemp(t, true)
  if (t.hasPointers) b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name })
  const a = b.v('LocalAddr', ptrTo(t), [b.sp, b.mem], 0n, { kind: 'sym', name })
  b.storeInto(t, a, b.zero(t))
  b.mkcall('chanrecv1', [], [c, a])
  return b.loadOrDeref(t, b.v('LocalAddr', ptrTo(t), [b.sp, b.mem], 0n, { kind: 'sym', name }))
}
