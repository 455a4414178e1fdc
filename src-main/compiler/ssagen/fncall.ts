// Calls and closures: walkCall1's argument temporaries, `...` packs, static
// and closure calls and their results, closure records, method values.
// Methods of FnBuilder (fn.ts), kept apart by gc's seams.

import type * as A from '../syntax/ast'
import { under, type Type } from '../types/types'
import type { Value } from '../ssa/func'
import { canSSA, fromGo, ptrTo, results, structOf, T, type SsaType } from '../ssa/types'
import { abiAnalyze } from '../ssa/abi'
import { callBuiltin } from './builtins'
import { builtByWalk, mayCall } from './walkcall'
import { sliceOfArray } from './slicing'
import { arrayType, exprPos, closureRecordType, unparen, Unsupported, type FnBuilder } from './fn'
import { orderStackTemp, ptrLitTemp } from './dcltemps'
import { goCallWidth } from './callwidth'
import { stringConversion } from './strings'
import { isStringConversion } from '../escape/strings'
import { commaOkReceive } from './concur'
import { commaOkAssert } from './asserts'
import { explicitFloatRound } from './floatconv'

export const callMethods = {
  closure(this: FnBuilder, e: A.FuncLit): Value {
    const unit = this.cx.litUnits.get(e)
    const name = this.cx.litNames.get(e) ?? '?'
    const ft = fromGo(this.typeOf(e))
    if (!unit || unit.captures.length === 0) return this.entryV('Addr', ft, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${name}·f` })
    const rec = closureRecordType(unit.captures.map((c) => ({ type: fromGo(c.type), byRef: this.cx.facts.byRef.has(c) })))
    const vals: Value[] = unit.captures.map((c) => (this.cx.facts.byRef.has(c) ? this.addrOfVar(c) : this.readVarValue(c)))
    const fn = this.entryV('Addr', T.uintptr, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${name}` })
    const p = this.newRecord(e, rec)
    ;[fn, ...vals].forEach((v, i) => {
      const f = rec.fields![i]!
      const q = this.v('OffPtr', ptrTo(f.type), [this.nilCheck(p)], BigInt(f.offset))
      // A by-value capture too big for SSA is a Dereference: copied with a Move.
      this.storeInto(f.type, q, v)
    })
    return this.v('Copy', ft, [p], 0n, null, { ...this.pos, stmt: '-' })
  },

  newRecord(this: FnBuilder, site: object, rec: SsaType): Value {
    ptrLitTemp(this)
    if (this.cx.facts.escapingSites.has(site)) return this.newObject(rec, true)
    if (this.cx.facts.transientSites?.has(site)) return orderStackTemp(this, rec)
    const a = this.stackTemp(rec)
    return a
  },

  methodValue(this: FnBuilder, e: A.Selector, sel: import('../types/info').MethodSelection): Value {
    const recvT = fromGo(sel.recvAdjust === 'addr' ? { kind: 'pointer', elem: this.typeOf(e.x) } as Type : sel.recvAdjust === 'deref' ? (under(this.typeOf(e.x)) as { elem: Type }).elem : this.typeOf(e.x))
    // walkMethodValue builds &struct{F; R}{T.M-fm, x}: the record, then its fields in order, so the
    // receiver (a load through a pointer, say) is read only when R is stored. An interface's is
    // evaluated first (cheapExpr, for the nil check it triggers at once).
    const early = under(this.typeOf(e.x)).kind === 'interface' ? this.receiver(e.x, sel) : null
    const rec = structOf([{ name: 'F', type: T.uintptr }, { name: 'R', type: recvT }])
    const p = this.newRecord(e, rec)
    const fn = this.entryV('Addr', T.uintptr, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${sel.method.gcName}-fm` })
    this.store(T.uintptr, this.v('OffPtr', ptrTo(T.uintptr), [this.nilCheck(p)], 0n), fn)
    const recv = early ?? this.receiver(e.x, sel)
    this.storeInto(recvT, this.v('OffPtr', ptrTo(recvT), [this.nilCheck(p)], 8n), recv)
    return this.v('Copy', fromGo(this.typeOf(e)), [p])
  },

  /** The receiver value for a method call or value: through embedded fields, then & or *. */
  receiver(this: FnBuilder, x: A.Expr, sel: import('../types/info').MethodSelection): Value {
    if (sel.path.length === 0) {
      if (sel.recvAdjust === 'addr') return this.addr(x)
      const v = this.expr(x)
      if (sel.recvAdjust === 'deref') return this.loadOrDeref(v.type.elem!, this.nilCheck(v))
      return v
    }
    const base = sel.path[0]!.deref ? this.expr(x) : this.addressable(x) ? this.addr(x) : this.spill(this.expr(x), fromGo(this.typeOf(x)))
    const lastField = sel.path[sel.path.length - 1]!.field
    const ft = fromGo(lastField.type)
    const fp = this.fieldPath(base, sel.path, ft)
    if (sel.recvAdjust === 'addr') return fp
    const v = this.loadOrDeref(ft, fp)
    if (sel.recvAdjust === 'deref') return this.loadOrDeref(v.type.elem!, this.nilCheck(v))
    return v
  },

  // ------------------------------------------------------------ calls

  /** The results of a call with several results. */
  multiValue(this: FnBuilder, e: A.Expr): Value[] {
    const u = unparen(e)
    if (u.kind === 'Unary' && u.op === '<-') return commaOkReceive(this, u)
    if (u.kind === 'TypeAssert') return commaOkAssert(this, u)
    if (u.kind !== 'Call') throw new Unsupported(e.pos, 'multi-value expression')
    return this.call(u)
  },

  call(this: FnBuilder, e: A.Call): Value[] {
    const done = this.hoistedCalls.get(e)
    if (done) {
      this.hoistedCalls.delete(e)
      return done
    }
    const ci = this.cx.info.calls.get(e)
    if (!ci) throw new Unsupported(e.pos, 'call')
    switch (ci.kind) {
      case 'conversion':
        if (isStringConversion(this.cx.info, e)) return [stringConversion(this, e)]
        if (under(ci.to).kind === 'interface') return [this.convIface(this.expr(e.args[0]!), this.typeOf(e.args[0]!), ci.to, e, e.args[0]!)]
        return [explicitFloatRound(this, e, ci.to) ?? this.convert(this.expr(e.args[0]!), fromGo(this.typeOf(e.args[0]!)), fromGo(ci.to), e)]
      case 'builtin':
        return callBuiltin(this, e, ci.id)
      case 'direct':
        return this.staticCall(`${this.cx.pkg}.${ci.func.gcName}`, [], e.args, ci.signature, ci.variadic, e)
      case 'method': {
        const sel = this.cx.info.selections.get(unparen(e.fun) as A.Selector) as import('../types/info').MethodSelection
        const x = (unparen(e.fun) as A.Selector).x
        // The receiver is argument 0 for walkCall1: literal arguments are built first, then a receiver
        // that may panic (through a pointer, an index) goes into a temporary like any such argument.
        const recvMayCall = sel.recvAdjust === 'deref' || sel.path.some((p) => p.deref) || mayCall(this.cx.info, x, this.hoistedCalls)
        if (recvMayCall) for (const a of e.args) if (builtByWalk(this.cx.info, a) && !this.prebuilt.has(a)) this.prebuilt.set(a, this.expr(a))
        let recv = this.receiver(x, sel)
        if (recvMayCall && sel.recvAdjust !== 'addr' && !canSSA(recv.type)) recv = this.walkTemp(recv)
        return this.staticCall(`${this.cx.pkg}.${ci.func.gcName}`, [recv], e.args, ci.signature, ci.variadic, e)
      }
      // Without inlining, gc calls through a func variable even when it knows what the
      // variable holds: only a literal or a method expression written at the call is static.
      case 'methodExpr':
        if (unparen(e.fun).kind !== 'Selector') return this.closureCall(this.expr(e.fun), e.args, ci.signature, ci.variadic, e)
        return this.staticCall(`${this.cx.pkg}.${ci.func.gcName}`, [], e.args, ci.signature, ci.variadic, e)
      case 'closure': {
        const unit = this.cx.litUnits.get(ci.closure)
        const direct = unparen(e.fun).kind === 'FuncLit'
        if (direct && (!unit || unit.captures.length === 0)) return this.staticCall(`${this.cx.pkg}.${this.cx.litNames.get(ci.closure)}`, [], e.args, ci.signature, ci.variadic, e)
        if (direct && this.cx.directClosures.has(ci.closure)) {
          // walk's directClosureCall: the captured variables (or their addresses) go first.
          const pre = unit!.captures.map((c) => (this.cx.facts.byRef.has(c) ? this.addrOfVar(c) : this.readVarValue(c)))
          return this.staticCall(`${this.cx.pkg}.${this.cx.litNames.get(ci.closure)}`, pre, e.args, ci.signature, ci.variadic, e)
        }
        return this.closureCall(this.expr(e.fun), e.args, ci.signature, ci.variadic, e)
      }
      case 'methodValue':
      case 'funcValue':
        return this.closureCall(this.expr(e.fun), e.args, ci.signature, ci.variadic, e)
      case 'interface':
        return this.interfaceCall(e, ci.signature, ci.variadic)
    }
  },

  /** Argument values in order, packing variadic ones into a slice as walk does. */
  args(this: FnBuilder, pre: Value[], args: A.Expr[], sig: import('../types/types').Signature, variadic: import('../types/info').VariadicCall, call: A.Call): { vals: Value[]; types: SsaType[] } {
    const params = sig.params
    const fixed = variadic.kind === 'pack' ? variadic.from : args.length
    const out: (Value | undefined)[] = new Array(fixed)
    const types = [...pre.map((v) => v.type), ...args.slice(0, fixed).map((_, i) => fromGo(params[i]!.type))]
    // walkCall1: walk builds literal arguments (and the `...` slice) into init first; then every argument
    // that might panic or call (an index, a dereference, a division) goes into a temporary, in order; the
    // rest are read when the call marshals them.
    const built = args.slice(0, fixed).map((a) => builtByWalk(this.cx.info, a))
    for (let i = 0; i < fixed; i++) if (built[i]) out[i] = this.expr(args[i]!)
    let packed: Value | undefined
    if (variadic.kind === 'pack') packed = this.packVariadic(args.slice(fixed), fromGo(params[params.length - 1]!.type), call)
    for (let i = 0; i < fixed; i++) {
      if (built[i] || !mayCall(this.cx.info, args[i]!, this.hoistedCalls)) continue
      const v = this.expr(args[i]!)
      if (canSSA(types[pre.length + i]!)) this.reserveTemp()
      out[i] = canSSA(types[pre.length + i]!) ? v : this.walkTemp(v)
    }
    for (let i = 0; i < fixed; i++) out[i] ??= this.expr(args[i]!)
    const vals = [...pre, ...(out as Value[])].map((v) => this.reread(v))
    if (packed) {
      vals.push(packed)
      types.push(packed.type)
    }
    return { vals, types }
  },

  /** A fresh temporary holding v (walk's TempAt for an argument; not pooled). */
  walkTemp(this: FnBuilder, v: Value): Value {
    const name = this.autotmp(v.type)
    this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(v.type), [this.sp, this.mem], 0n, { kind: 'sym', name })
    this.storeInto(v.type, a, v)
    const r = this.v('Dereference', v.type, [a, this.mem])
    this.walkTemps.set(r, name)
    return r
  },

  /** A walk temporary is read where the call marshals it (after the later arguments' temporaries). */
  reread(this: FnBuilder, v: Value): Value {
    const name = this.walkTemps.get(v)
    if (name === undefined || v.args[1] === this.mem) return v
    return this.v('Dereference', v.type, [this.v('LocalAddr', ptrTo(v.type), [this.sp, this.mem], 0n, { kind: 'sym', name }), this.mem])
  },

  packVariadic(this: FnBuilder, rest: A.Expr[], st: SsaType, call: A.Call): Value {
    if (rest.length === 0) return this.zero(st)
    const at = arrayType(st.elem!, rest.length)
    let p: Value
    // A pack that does not escape is transient: order makes its array (pooled by type), walk
    // the slice literal's temporary (walkCompLit) and its pointer temporary.
    const transient = !this.cx.facts.escapingSites.has(call)
    this.reserveTemp()
    this.reserveTemp()
    if (!transient) p = this.newObject(at)
    else {
      p = orderStackTemp(this, at)
    }
    rest.forEach((r, i) => {
      if (this.isZeroConst(r)) return
      this.storeElem(at.elem!, this.v('PtrIndex', ptrTo(at.elem!), [p, this.constInt(T.int, i)]), r)
    })
    return sliceOfArray(this, p, at, st, call)
  },

  staticCall(this: FnBuilder, fn: string, pre: Value[], args: A.Expr[], sig: import('../types/types').Signature, variadic: import('../types/info').VariadicCall, e: A.Call): Value[] {
    this.splitEntryForDefers()
    const { vals, types } = this.args(pre, args, sig, variadic, e)
    const rts = sig.results.map((r) => fromGo(r.type))
    this.pos = this.at(e.lparen >= 0 ? exprPos(e) : e.pos)
    const call = this.v('StaticLECall', results([...rts, T.mem]), [...vals, this.mem], BigInt(goCallWidth(this.arch, types, rts)), { kind: 'call', fn })
    return this.callResults(call, rts)
  },

  closureCall(this: FnBuilder, fv: Value, args: A.Expr[], sig: import('../types/types').Signature, variadic: import('../types/info').VariadicCall, e: A.Call): Value[] {
    this.splitEntryForDefers()
    const { vals, types } = this.args([], args, sig, variadic, e)
    const rts = sig.results.map((r) => fromGo(r.type))
    this.pos = this.at(exprPos(e))
    const code = this.v('Load', T.uintptr, [fv, this.mem])
    const call = this.v('ClosureLECall', results([...rts, T.mem]), [code, fv, ...vals, this.mem], BigInt(goCallWidth(this.arch, types, rts)))
    return this.callResults(call, rts)
  },

  /** A result too big for SSA is read from its stack slot, or (gc's resultAddrOfCall) stored from its registers to a temporary. */
  callResults(this: FnBuilder, call: Value, rts: SsaType[]): Value[] {
    this.mem = this.v('SelectN', T.mem, [call], BigInt(rts.length))
    const inRegs = (i: number): boolean => abiAnalyze(this.arch, [], rts.map((type) => ({ type }))).results[i]!.regs.length > 0
    return rts.map((t, i) => {
      if (canSSA(t)) return this.v('SelectN', t, [call], BigInt(i))
      if (!inRegs(i)) return this.v('Dereference', t, [this.v('SelectNAddr', ptrTo(t), [call], BigInt(i)), this.mem])
      const name = this.autotmp(t, false, 'ssagen')
      this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
      const a = this.v('LocalAddr', ptrTo(t), [this.sp, this.mem], 0n, { kind: 'sym', name })
      this.store(t, a, this.v('SelectN', t, [call], BigInt(i)))
      return this.v('Dereference', t, [a, this.mem])
    })
  },
}
