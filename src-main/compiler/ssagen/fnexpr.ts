// Expressions as values: constants, operators, selectors and indexing,
// slicing, and conversions.
// Methods of FnBuilder (fn.ts), kept apart by gc's seams.

import { walkCode } from '../syntax/children'
import type * as A from '../syntax/ast'
import { toFloat, toInt } from '../types/constant'
import { under, type Type } from '../types/types'
import type { Value } from '../ssa/func'
import { canSSA, fromGo, funcType, isPtrShaped, ptrTo, T, type SsaType } from '../ssa/types'
import { exprPos, BOUNDS, unparen, Unsupported, type FnBuilder } from './fn'
import { isAggregateCompare } from './compare'
import { concatExpr, constString, isStringCompare, stringCond, stringIndex, stringSlice } from './strings'
import { isConcat } from '../escape/strings'
import { mapIndexRead, mapLiteral } from './maps'
import { isNilExpr } from './iface'
import { receive } from './concur'

export const exprMethods = {
  expr(this: FnBuilder, e: A.Expr): Value {
    const pre = this.prebuilt.get(e)
    if (pre) {
      this.prebuilt.delete(e)
      return pre
    }
    const copy = this.walkCopies.get(e)
    if (copy) return this.readVar(copy)
    // The value converted implicitly to an interface (walk's OCONVIFACE; iface.ts).
    const to = this.cx.info.ifaceConversions.get(e)
    if (to) return this.convIface(this.exprValue(e), this.typeOf(e), to, e)
    return this.exprValue(e)
  },

  exprValue(this: FnBuilder, e: A.Expr): Value {
    const tv = this.cx.info.types.get(e)
    if (tv?.value !== undefined && tv.mode === 'constant') return this.constant(fromGo(tv.type), tv.value, e)
    const saved = this.pos
    const r = this.exprInner(e)
    this.restorePos(saved)
    return r
  },

  constant(this: FnBuilder, t: SsaType, c: import('../types/constant').Constant, e: A.Expr): Value {
    switch (t.kind) {
      case 'bool':
        return this.constBool(c.kind === 'bool' && c.value)
      case 'int':
      case 'uint':
        return this.constInt(t, toInt(c)!)
      case 'float':
        return this.constFloat(t, toFloat(c)!)
      case 'string':
        return constString(this, t, c.kind === 'string' ? c.value : '', e)
      default:
        if (c.kind === 'int' || c.kind === 'float') throw new Unsupported(e.pos, `constant of type ${t.str}`)
        return this.zero(t)
    }
  },

  exprInner(this: FnBuilder, e: A.Expr): Value {
    const info = this.cx.info
    // gc's expr pushes every node's position but a name's (ONAME): a variable read takes its context's position.
    if (e.kind !== 'Ident' || info.uses.get(e)?.kind === 'nil') this.pos = this.at(exprPos(e))
    switch (e.kind) {
      case 'Paren':
        return this.expr(e.x)
      case 'Ident': {
        const o = info.uses.get(e)
        if (!o) throw new Unsupported(e.pos, `identifier ${e.name}`)
        if (o.kind === 'var') return this.readVarValue(o)
        if (o.kind === 'nil') return this.zero(fromGo(this.typeOf(e)))
        if (o.kind === 'func') return this.funcValue(o.gcName)
        throw new Unsupported(e.pos, `${o.kind} ${e.name} as a value`)
      }
      case 'Unary':
        return this.unary(e)
      case 'Binary':
        return this.binary(e)
      case 'Star': {
        const t = fromGo(this.typeOf(e))
        return this.loadOrDeref(t, this.nilCheck(this.expr(e.x)))
      }
      case 'Selector':
        return this.selector(e)
      case 'Index':
        return this.index(e)
      case 'Slice':
        return this.sliceExpr(e)
      case 'Call':
        return this.call(e)[0] ?? this.zero(T.bool)
      case 'CompositeLit': {
        if (under(this.typeOf(e)).kind === 'map') return mapLiteral(this, e)
        const t = fromGo(this.typeOf(e))
        if (info.implicitAddrLits.has(e)) return this.compositeAddr(e, t.elem!, e)
        return this.compositeValue(e, t)
      }
      case 'FuncLit':
        return this.closure(e)
      case 'TypeAssert':
        return this.typeAssert(e)
      default:
        throw new Unsupported(e.pos, `expression ${e.kind}`)
    }
  },

  funcValue(this: FnBuilder, gcName: string): Value {
    const t = funcType('func()')
    return this.entryV('Addr', t, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${gcName}·f` })
  },

  unary(this: FnBuilder, e: A.Unary): Value {
    const t = fromGo(this.typeOf(e))
    switch (e.op) {
      case '&':
        return this.addrOf(e.x, e)
      case '-':
        return this.v(t.kind === 'float' ? `Neg${t.size * 8}F` : `Neg${t.size * 8}`, t, [this.expr(e.x)])
      case '+':
        return this.expr(e.x)
      case '!':
        return this.v('Not', T.bool, [this.expr(e.x)])
      case '^':
        return this.v(`Com${t.size * 8}`, t, [this.expr(e.x)])
      case '<-':
        return receive(this, e)
      default:
        throw new Unsupported(e.pos, `operator ${e.op}`)
    }
  },

  /** &x: a variable's address, or a new (heap or stack) composite literal. */
  addrOf(this: FnBuilder, x: A.Expr, site: A.Unary): Value {
    const u = unparen(x)
    if (u.kind === 'CompositeLit') return this.compositeAddr(u, fromGo(this.typeOf(u)), site)
    return this.addr(u)
  },

  /**
   * order's rewrite of && and ||, in conditions too: `r = x; if r { r = y }`
   * (`if !r` for ||) with r an order temporary and y's temporaries freed
   * after it; ssagen's OIF makes the end block before the arm. Returns r,
   * read where the expression's value is used.
   */
  andorTemp(this: FnBuilder, e: A.Binary): { name: string } {
    const tmp = { name: '.andor' } // its number: orderInits' andOrTemp (dcltemps.ts), in order's evaluation order
    const l = this.expr(e.x)
    this.writeVar(tmp, l, T.bool)
    const done = this.newBlock()
    const right = this.newBlock()
    if (e.op === '&&') this.branch(l, right, done, 0)
    else this.branch(l, done, right, 0)
    this.seal(right)
    this.startBlock(right)
    const mark = this.orderHeld.length
    this.writeVar(tmp, this.expr(e.y), T.bool)
    this.releaseOrderTemps(mark)
    this.jump(done)
    this.seal(done)
    this.startBlock(done)
    return tmp
  },

  /** Every outermost && or || of e, in evaluation order, built now as order's temporary and read where e uses it. */
  prebuildAndOr(this: FnBuilder, e: A.Expr): void {
    walkCode(e, (n) => {
      if (n.kind === 'FuncLit') return false
      if (n.kind === 'Binary' && (n.op === '&&' || n.op === '||') && this.cx.info.types.get(n)?.value === undefined) {
        if (this.cur) this.prebuilt.set(n, this.expr(n))
        return false
      }
      return true
    })
  },

  binary(this: FnBuilder, e: A.Binary): Value {
    if (e.op === '&&' || e.op === '||') return this.readVar(this.andorTemp(e))
    if (isAggregateCompare(this, e)) return this.aggregateCompare(e)
    if (isStringCompare(this, e)) return this.condValue(stringCond(this, e as A.Binary))
    if (isConcat(this.cx.info, e)) return concatExpr(this, e as A.Binary)
    const xt = this.typeOf(e.x)
    if (this.isIfaceCompare(e)) return this.ifaceCompare(e)
    // x == nil on an interface (refuseInterfaces keeps other interface comparisons out).
    if (under(xt).kind === 'interface' || under(this.typeOf(e.y)).kind === 'interface') return this.ifaceNilCompare(e.op, this.expr(isNilExpr(this.cx.info, e.x) ? e.y : e.x))
    return this.binaryValue(e.op, this.expr(e.x), this.expr(e.y), this.typeOf(e), this.typeOf(e.y), e.opPos, xt)
  },

  binaryValue(this: FnBuilder, op: A.BinaryOp, x: Value, y: Value, rt: Type, yt: Type, at: number, xt: Type = rt): Value {
    if (['==', '!=', '<', '<=', '>', '>='].includes(op)) return this.compare(op, x, y, xt, at)
    const t = fromGo(rt)
    if (op === '<<' || op === '>>') return this.shift(op, x, y, t, fromGo(yt))
    return this.arith(op, x, y, t, at)
  },

  arith(this: FnBuilder, op: string, x: Value, y: Value, t: SsaType, at: number): Value {
    const w = t.size * 8
    if (t.kind === 'float') {
      const name = { '+': 'Add', '-': 'Sub', '*': 'Mul', '/': 'Div' }[op]
      if (!name) throw new Unsupported(at, `float operator ${op}`)
      return this.v(`${name}${w}F`, t, [x, y])
    }
    const signed = t.kind === 'int'
    switch (op) {
      case '+':
        return this.v(`Add${w}`, t, [x, y])
      case '-':
        return this.v(`Sub${w}`, t, [x, y])
      case '*':
        return this.v(`Mul${w}`, t, [x, y])
      case '&':
        return this.v(`And${w}`, t, [x, y])
      case '|':
        return this.v(`Or${w}`, t, [x, y])
      case '^':
        return this.v(`Xor${w}`, t, [x, y])
      case '&^':
        return this.v(`And${w}`, t, [x, this.v(`Com${w}`, t, [y])])
      case '/':
      case '%': {
        if (!(y.op.startsWith('Const') && y.auxInt !== 0n)) {
          this.checkShared(this.v(`Neq${w}`, T.bool, [y, this.zero(t)]), 'panicdivide')
        }
        const base = op === '/' ? 'Div' : 'Mod'
        return this.v(`${base}${w}${signed ? '' : 'u'}`, t, [x, y])
      }
      default:
        throw new Unsupported(at, `operator ${op}`)
    }
  },

  shift(this: FnBuilder, op: '<<' | '>>', x: Value, y: Value, t: SsaType, yt: SsaType): Value {
    if (yt.kind === 'int' && !y.op.startsWith('Const')) {
      this.checkShared(this.v(`Leq${yt.size * 8}`, T.bool, [this.zero(yt), y]), 'panicshift')
    }
    const w = t.size * 8
    const name = op === '<<' ? `Lsh${w}x${yt.size * 8}` : t.kind === 'uint' ? `Rsh${w}Ux${yt.size * 8}` : `Rsh${w}x${yt.size * 8}`
    return this.v(name, t, [x, y])
  },

  compare(this: FnBuilder, op: string, x: Value, y: Value, xt: Type, at: number): Value {
    let t = fromGo(xt)
    if (t.kind === 'slice' || (x.type.kind === 'slice')) {
      // s == nil is gc's EqSlice of s and the nil slice: opt compares the pointers, and late opt makes that an IsNonNil.
      // Not IsNonNil from the start: nilcheckelim takes any SlicePtr as non-nil (bounds checks guard its loads) and would fold it.
      return this.v(op === '==' ? 'EqSlice' : 'NeqSlice', T.bool, [x, y])
    }
    if (op === '>') [op, x, y] = ['<', y, x]
    if (op === '>=') [op, x, y] = ['<=', y, x]
    if (t.kind === 'bool') return this.v(op === '==' ? 'EqB' : 'NeqB', T.bool, [x, y])
    if (t.kind === 'ptr' || t.kind === 'func' || t.kind === 'unsafeptr') return this.v(op === '==' ? 'EqPtr' : 'NeqPtr', T.bool, [x, y])
    if (t.kind === 'struct' || t.kind === 'array') throw new Unsupported(at, `comparison of ${t.str}`)
    const w = t.size * 8
    const suffix = t.kind === 'float' ? `${w}F` : `${w}`
    const name = { '==': 'Eq', '!=': 'Neq', '<': 'Less', '<=': 'Leq' }[op]!
    const u = t.kind === 'uint' && (name === 'Less' || name === 'Leq') ? 'U' : ''
    t = T.bool
    return this.v(`${name}${suffix}${u}`, t, [x, y])
  },

  selector(this: FnBuilder, e: A.Selector): Value {
    const sel = this.cx.info.selections.get(e)
    const t = fromGo(this.typeOf(e))
    if (!sel) throw new Unsupported(e.pos, 'qualified identifier')
    if (sel.kind === 'field') {
      // After walk an SSA-able literal or call result is an SSA-able temporary: select from its value too.
      const ssaValue = sel.path.every((p) => !p.deref) && !this.addressable(e.x) && canSSA(fromGo(this.typeOf(e.x)))
      if (this.exprCanSSA(e) || ssaValue) {
        // Parts of SSA-able structs: StructSelect down the path.
        let v = this.expr(e.x)
        for (const step of sel.path) v = this.v('StructSelect', v.type.fields![step.index]!.type, [v], BigInt(step.index))
        return v
      }
      return this.loadOrDeref(t, this.addr(e))
    }
    if (sel.kind === 'methodValue') return this.methodValue(e, sel)
    if (sel.kind === 'methodExpr') return this.funcValue(sel.method.gcName)
    throw new Unsupported(e.pos, 'method selector')
  },

  index(this: FnBuilder, e: A.Index): Value {
    const xt = under(this.typeOf(e.x))
    if (xt.kind === 'basic') return stringIndex(this, e)
    if (xt.kind === 'map') return mapIndexRead(this, e)
    const t = fromGo(this.typeOf(e))
    if (xt.kind === 'array' && this.exprCanSSA(e.x)) {
      const a = this.expr(e.x)
      this.indexCheck(this.expr(e.index), this.constInt(T.int, xt.len), e.index)
      return this.v('ArraySelect', t, [a], 0n)
    }
    if (xt.kind === 'array' && !this.addressable(e.x)) {
      const a = this.spill(this.expr(e.x), fromGo(xt))
      const i = this.expr(e.index)
      return this.loadOrDeref(t, this.v('PtrIndex', ptrTo(t), [a, this.indexCheck(i, this.constInt(T.int, xt.len), e.index)]))
    }
    return this.loadOrDeref(t, this.addr(e))
  },

  sliceExpr(this: FnBuilder, e: A.SliceExpr): Value {
    const xt = under(this.typeOf(e.x))
    if (xt.kind === 'basic') return stringSlice(this, e)
    const t = fromGo(this.typeOf(e))
    const et = t.elem!
    let ptr: Value
    let len: Value
    let cap: Value
    if (xt.kind === 'slice') {
      const s = this.expr(e.x)
      ptr = this.v('SlicePtr', ptrTo(et), [s])
      len = this.v('SliceLen', T.int, [s])
      cap = this.v('SliceCap', T.int, [s])
    } else {
      const at = xt.kind === 'pointer' ? fromGo(under(xt.elem)) : fromGo(xt)
      const base = xt.kind === 'pointer' ? this.nilCheck(this.expr(e.x)) : this.addr(e.x)
      ptr = this.v('Copy', ptrTo(et), [base])
      len = cap = this.constInt(T.int, at.len!)
    }
    let i = e.low ? this.expr(e.low) : this.constInt(T.int, 0)
    let j = e.high ? this.expr(e.high) : len
    let k = e.max ? this.expr(e.max) : cap
    // gc checks k <= cap, j <= k, i <= j (each only when not trivially true); each check widens its index to int.
    if (e.max) k = this.boundsCheck(k, cap, BOUNDS.slice3Acap, e.max, true)
    if (e.high) j = this.boundsCheck(j, e.max ? k : cap, e.max ? BOUNDS.slice3B : BOUNDS.sliceAcap, e.high, true)
    if (e.low) i = this.boundsCheck(i, j, e.max ? BOUNDS.slice3C : BOUNDS.sliceB, e.low, true)
    const rlen = e.low ? this.v('Sub64', T.int, [j, i]) : j
    const rcap = e.low ? this.v('Sub64', T.int, [k, i]) : k
    let rptr = ptr
    if (e.low) {
      const stride = this.constInt(T.int, et.size)
      const delta = this.v('Mul64', T.int, [i, stride])
      const masked = this.v('And64', T.int, [delta, this.v('Slicemask', T.int, [rcap])])
      rptr = this.v('AddPtr', ptrTo(et), [ptr, masked])
    }
    return this.v('SliceMake', t, [rptr, rlen, rcap])
  },

  // ------------------------------------------------------------ composite literals

  convert(this: FnBuilder, x: Value, from: SsaType, to: SsaType, e: A.Span): Value {
    // uintptr <-> unsafe.Pointer: a Convert tied to memory, so no pointer is taken for an integer across a call (gc's OCONVNOP).
    if (isPtrShaped(from) !== isPtrShaped(to)) return this.v('Convert', to, [x, this.mem])
    if (isPtrShaped(from) && from.kind !== to.kind) return this.v('Copy', to, [x])
    if (from === to || (from.kind === to.kind && from.size === to.size && from.kind !== 'float')) return from === to ? x : this.v('Copy', to, [x])
    const fi = from.kind === 'int' || from.kind === 'uint'
    const ti = to.kind === 'int' || to.kind === 'uint'
    const fw = from.size * 8
    const tw = to.size * 8
    if (fi && ti) {
      if (fw === tw) return this.v('Copy', to, [x])
      if (fw > tw) return this.v(`Trunc${fw}to${tw}`, to, [x])
      return this.v(`${from.kind === 'int' ? 'SignExt' : 'ZeroExt'}${fw}to${tw}`, to, [x])
    }
    if (fi && to.kind === 'float') {
      let v = x
      let w = fw
      if (fw < 32 || (from.kind === 'uint' && fw === 32)) {
        w = from.kind === 'uint' && fw === 32 ? 64 : 32
        v = this.v(`${from.kind === 'int' ? 'SignExt' : 'ZeroExt'}${fw}to${w}`, w === 64 ? T.int64 : T.int32, [x])
      }
      if (from.kind === 'uint' && w === 64 && fw === 64) return this.uint64ToFloat(x, to)
      return this.v(`Cvt${w}to${tw}F`, to, [v])
    }
    if (from.kind === 'float' && ti) {
      if (to.kind === 'uint' && tw === 64) return this.floatToUint64(x, to)
      // gc 1.26 converts to uint32 through int64 (its new conversion is off by default).
      if (to.kind === 'uint' && tw === 32) return this.v('Trunc64to32', to, [this.v(`Cvt${fw}Fto64`, T.int64, [x])])
      const w = tw < 32 ? 32 : tw
      const c = this.v(`Cvt${fw}Fto${w}`, w === 64 ? T.int64 : T.int32, [x])
      return tw < 32 ? this.v(`Trunc32to${tw}`, to, [c]) : w === tw && c.type !== to ? this.v('Copy', to, [c]) : c
    }
    if (from.kind === 'float' && to.kind === 'float') return this.v(fw === tw ? 'Copy' : `Cvt${fw}Fto${tw}F`, to, [x])
    if (from.kind === to.kind) return this.v('Copy', to, [x])
    throw new Unsupported((e as A.Expr).pos, `conversion from ${from.str} to ${to.str}`)
  },

  /** An If whose arms each compute a value, joined by a phi (gc's branchy expansions): likely takes the first arm. */
  diamond(this: FnBuilder, cond: Value, type: SsaType, yes: () => Value, no: () => Value, likely: -1 | 0 | 1): Value {
    const key = { name: '.diamond' }
    const [bYes, bNo, after] = [this.newBlock(), this.newBlock(), this.newBlock()]
    this.branch(cond, bYes, bNo, likely)
    for (const [b, arm] of [[bYes, yes], [bNo, no]] as const) {
      this.seal(b)
      this.startBlock(b)
      this.writeVar(key, arm(), type)
      this.jump(after)
    }
    this.seal(after)
    this.startBlock(after)
    return this.readVar(key)
  },

  /** gc's uint64Tofloat: large values are halved (keeping the low bit), converted and doubled. */
  uint64ToFloat(this: FnBuilder, x: Value, to: SsaType): Value {
    const tw = to.size * 8
    const one = (): Value => this.constInt(x.type, 1)
    return this.diamond(this.v('Leq64', T.bool, [this.constInt(x.type, 0), x]), to, () => this.v(`Cvt64to${tw}F`, to, [x]), () => {
      const y = this.v('And64', x.type, [x, one()])
      const z = this.v('Or64', x.type, [this.v('Rsh64Ux64', x.type, [x, one()]), y])
      const a = this.v(`Cvt64to${tw}F`, to, [z])
      return this.v(`Add${tw}F`, to, [a, a])
    }, 1)
  },

  /** gc's floatToUint for 64-bit results: values from 2^63 up are shifted down first and the top bit set. */
  floatToUint64(this: FnBuilder, x: Value, to: SsaType): Value {
    const fw = x.type.size * 8
    const cutoff = this.constFloat(x.type, 2 ** 63)
    return this.diamond(this.v(`Less${fw}F`, T.bool, [x, cutoff]), to, () => this.v(`Cvt${fw}Fto64`, to, [x]), () => {
      const y = this.v(`Cvt${fw}Fto64`, to, [this.v(`Sub${fw}F`, x.type, [x, cutoff])])
      return this.v('Or64', to, [y, this.constInt(to, -(2n ** 63n))])
    }, 1)
  },
}
