// `defer` as gc 1.26's ssagen builds it. Open-coded (ssa.go openDeferRecord,
// openDeferSave, openDeferExit): a uint8 deferBits stack slot, set to 0 on
// entry and kept live; at each defer statement the deferred function value
// is saved in its own zeroed, always-live stack slot and bit i is or-ed into
// deferBits (and stored); every exit tests the bits in reverse order,
// clears each set bit (stored again, in case the call panics) and calls the
// function (directly when it is a declared function, through the closure
// otherwise). The assembler adds the out-of-line `CALL runtime.deferreturn;
// <results into registers>; RET` a recovering panic returns through
// (asm/deferreturn.ts). When gc does not open-code (a defer in a loop, more
// than 8, too many returns, a result on the heap), each defer calls
// runtime.deferprocStack with a _defer record on the stack, or
// runtime.deferproc in a loop, and ends a Defer block whose other edge is
// the shared exit; every exit calls runtime.deferreturn. Either way results
// live in memory (canSSAName: a deferred call may read or, after recover,
// set them).
//
// A call with arguments is gc's wrapper closure F.deferwrapN
// (normalizeGoDeferCall): its record holds the evaluated operands; the
// wrapper function itself is not built (not listed). Method calls (the
// adjusted receiver) and operands of another type than their temporary are
// refused before anything is built.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { FunctionInfo, TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import type { Block, Value } from '../ssa/func'
import { canSSA, deferRecordType, fromGo, ptrTo, results, T, type SsaType } from '../ssa/types'
import { MEM } from './builder'
import { closureRecordType, exprPos, Unsupported, unparen, type FnBuilder } from './fn'
import type { GoDeferRewrite } from '../escape/concur'
import { under } from '../types/types'
import type { EscapeFacts } from './vars'

/** walk's maxOpenDefers: deferBits is one byte. */
const MAX_OPEN_DEFERS = 8

/** One open-coded defer: its saved function value's slot, and the function to call directly if it is a declared one. */
export interface OpenDefer {
  slot: string
  addr: Value
  type: SsaType
  staticFn: string | null
}

/** The function's open-coded defer state (null when it has no defer). */
export interface DeferState {
  plan: DeferPlan
  /** The closing brace: where the exits call deferreturn. */
  end: number
  bitsName: string
  bitsAddr: Value | null
  bitsKey: object
  defers: OpenDefer[]
  /** The exit a recovered panic returns through (gc's f.DeferReturn), shared by every deferproc call. */
  deferReturn: Block | null
}

/** The defer statements of a function's own code (not of the literals inside it). */
export function ownDefers(body: A.Block): A.GoDefer[] {
  const out: A.GoDefer[] = []
  walkCode(body, (n) => {
    if (n.kind === 'FuncLit') return false
    if (n.kind === 'GoDefer' && n.tok === 'defer') out.push(n)
    return true
  })
  return out
}

/** How the function's defers are built: open-coded, or each through the runtime (deferprocStack, or deferproc in a loop). */
export interface DeferPlan {
  defers: A.GoDefer[]
  open: boolean
  inLoop: Set<A.GoDefer>
}

/**
 * walk's and buildssa's decisions: a defer in a loop (escape analysis's
 * loop depth > 1) is never EscNever, so it goes through deferproc and the
 * function has no open-coded defers; neither has one with more than 8
 * defers, with returns × defers > 15, or with a result moved to the heap.
 * Throws Unsupported at a defer this file does not build: a call that
 * needs gc's wrapper closure (arguments, results, methods, built-ins), or
 * any defer in a function with goto (a backward goto makes a loop for
 * escape analysis).
 */
export function planDefers(info: TypeInfo, facts: EscapeFacts, fi: FunctionInfo, body: A.Block, rewrites?: Map<A.GoDefer, GoDeferRewrite>): DeferPlan | null {
  const defers = ownDefers(body)
  if (defers.length === 0) return null
  let returns = 0
  let gotos = false
  const inLoop = new Set<A.GoDefer>()
  const visit = (n: import('../syntax/children').CodeNode, depth: number): void => {
    walkCode(n, (c) => {
      if (c === n) return true
      if (c.kind === 'FuncLit') return false
      if (c.kind === 'Return') returns++
      if (c.kind === 'Branch' && c.tok === 'goto') gotos = true
      if (c.kind === 'GoDefer' && c.tok === 'defer' && depth > 0) inLoop.add(c)
      if (c.kind === 'For' || c.kind === 'Range') {
        visit(c, depth + 1)
        return false
      }
      return true
    })
  }
  visit(body, 0)
  for (const d of defers) refuseGoDefer(info, d, rewrites?.get(d))
  if (gotos) throw new Unsupported(defers[0]!.pos, 'defer in a function with goto at SSA construction')
  const open = inLoop.size === 0 && defers.length <= MAX_OPEN_DEFERS && returns * defers.length <= 15 && !fi.results.some((r) => facts.heap.has(r))
  return { defers, open, inLoop }
}

/** Throws Unsupported at the first defer of the function not built here (planDefers). */
export function refuseDefers(info: TypeInfo, facts: EscapeFacts, fi: FunctionInfo, body: A.Block, rewrites?: Map<A.GoDefer, GoDeferRewrite>): void {
  planDefers(info, facts, fi, body, rewrites)
}

/**
 * Throws Unsupported unless the go/defer call is one built here: a call
 * walk leaves parameterless, or one gc wraps (normalizeGoDeferCall) whose
 * temporaries hold arguments or the callee of their own type (no method
 * receiver, no conversion). The wrapper function itself is not built.
 */
export function refuseGoDefer(info: TypeInfo, s: A.GoDefer, rw: GoDeferRewrite | undefined): void {
  const call = unparen(s.call)
  const what = deferredForm(info, call)
  if (what === 'func' || what === 'closure') return
  const ci = call.kind === 'Call' ? info.calls.get(call) : undefined
  const plainCall = !!ci && (ci.kind === 'direct' || ci.kind === 'closure' || ci.kind === 'funcValue')
  const sameTypes = !!rw && !rw.recv && rw.temps.every(({ temp, src }) => 'arg' in src && identicalSsa(info, src.arg, temp.type))
  if (!plainCall || !sameTypes) throw new Unsupported(s.pos, `${s.tok} of ${what} (its wrapper closure is not built at SSA construction)`)
}

function identicalSsa(info: TypeInfo, e: A.Expr, t: import('../types/types').Type): boolean {
  const et = info.types.get(unparen(e))?.type
  return !!et && fromGo(et).key === fromGo(t).key && !isIfaceType(t)
}

const isIfaceType = (t: import('../types/types').Type): boolean => under(t).kind === 'interface'

/** The runtime's _defer record deferprocStack takes (ssagen's deferstruct). */
const DEFER_TYPE = deferRecordType()
const DEFER_FN_OFFSET = 24

/** func(): the type of a wrapper closure. */
const FUNC0 = fromGo({ kind: 'signature', recv: null, params: [], results: [], variadic: false })

/** What a deferred call is: how its function value is made, or (a string) why it is not built here. */
export function deferredForm(info: TypeInfo, call: A.Expr): string {
  if (call.kind !== 'Call') return 'this expression'
  const ci = info.calls.get(call)
  if (!ci) return 'this call'
  if (ci.kind === 'builtin') return `built-in ${ci.id}`
  if (ci.kind === 'conversion') return 'a conversion'
  if (ci.kind === 'method') return 'a method call'
  if (call.args.length || ci.signature.params.length || ci.signature.results.length) return 'a call with arguments or results'
  const fun = unparen(call.fun)
  if (fun.kind === 'Ident') {
    const o = info.uses.get(fun)
    if (o?.kind === 'func') return 'func'
    if (o?.kind === 'var') return 'closure'
  }
  if (fun.kind === 'FuncLit') return 'closure'
  if (fun.kind === 'Selector' && info.selections.get(fun)?.kind === 'field') return 'closure'
  return 'this function value'
}

export const deferMethods = {
  /** buildssa's entry: deferBits = 0 in its address-taken slot, kept live for panics. */
  startDefers(this: FnBuilder, body: A.Block): void {
    const plan = planDefers(this.cx.info, this.cx.facts, this.unit.info!, body, this.cx.frames.get(this.unit)?.goDefers)
    if (!plan) return
    if (!plan.open) {
      this.deferState = { plan, end: body.end - 1, bitsName: '', bitsAddr: null, bitsKey: {}, defers: [], deferReturn: null }
      return
    }
    const bitsName = this.autotmp(T.uint8, true, 'ssagen')
    const zero = this.constInt(T.uint8, 0)
    const bitsKey = { name: '.deferBits' }
    this.writeVar(bitsKey, zero, T.uint8)
    const bitsAddr = this.v('LocalAddr', ptrTo(T.uint8), [this.sp, this.mem], 0n, { kind: 'sym', name: bitsName })
    this.store(T.uint8, bitsAddr, zero)
    this.mem = this.v('VarLive', T.mem, [this.mem], 0n, { kind: 'sym', name: bitsName }, { ...this.pos, stmt: '-' })
    this.deferState = { plan, end: body.end - 1, bitsName, bitsAddr, bitsKey, defers: [], deferReturn: null }
  },

  /** openDeferRecord: save the function value, then set its bit. */
  deferStmt(this: FnBuilder, s: A.GoDefer): void {
    const st = this.deferState!
    if (!st.plan.open) return this.deferCall(s)
    const call = unparen(s.call) as A.Call
    const fun = unparen(call.fun)
    const info = this.cx.info
    const rw = this.cx.frames.get(this.unit)?.goDefers?.get(s)
    const wrapped = !!rw
    const o = fun.kind === 'Ident' && !wrapped ? info.uses.get(fun) : undefined
    // walkClosure turns a literal without captures into its function's name: called directly too.
    const trivialLit = !wrapped && fun.kind === 'FuncLit' && (this.cx.litUnits.get(fun)?.captures.length ?? 0) === 0
    const staticFn = o?.kind === 'func' ? `${this.cx.pkg}.${o.gcName}` : trivialLit ? `${this.cx.pkg}.${this.cx.litNames.get(fun)}` : rw && rw.temps.length === 0 ? `${this.cx.pkg}.${rw.name}` : null
    const type = wrapped ? FUNC0 : fromGo(this.typeOf(fun))
    const val = this.goDeferValue(s)
    const index = st.defers.length
    const slot = this.autotmp(type, false, 'ssagen')
    const l = this.temps.find((t) => t.name === slot)!
    l.openDeferSlot = index
    l.needZero = true
    const noStmt = { ...val.pos, stmt: '-' as const }
    let addr: Value
    if (this.block !== this.f.entry) {
      // The slot is declared in the entry block, so it is live (and zeroed) on every exit.
      this.extendEntryMem((m) => {
        const def = this.f.newValue(this.f.entry, 'VarDef', T.mem, [m], 0n, { kind: 'sym', name: slot })
        return this.f.newValue(this.f.entry, 'VarLive', T.mem, [def], 0n, { kind: 'sym', name: slot })
      })
      addr = this.f.newValue(this.f.entry, 'LocalAddr', ptrTo(type), [this.sp, this.readVar(MEM, this.f.entry)], 0n, { kind: 'sym', name: slot })
    } else {
      this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name: slot }, noStmt)
      this.mem = this.v('VarLive', T.mem, [this.mem], 0n, { kind: 'sym', name: slot }, noStmt)
      addr = this.v('LocalAddr', ptrTo(type), [this.sp, this.mem], 0n, { kind: 'sym', name: slot }, noStmt)
    }
    this.store(type, addr, val)
    st.defers.push({ slot, addr, type, staticFn })
    const bits = this.v('Or8', T.uint8, [this.readVar(st.bitsKey), this.constInt(T.uint8, 1 << index)])
    this.writeVar(st.bitsKey, bits, T.uint8)
    this.store(T.uint8, st.bitsAddr!, bits)
  },

  /**
   * A defer through the runtime (ssagen's call with callDeferStack or
   * callDefer): the function value in a stack _defer record passed to
   * deferprocStack, or passed to deferproc itself in a loop; the block ends
   * as a Defer block whose second edge goes to the shared deferreturn exit.
   */
  deferCall(this: FnBuilder, s: A.GoDefer): void {
    const st = this.deferState!
    const call = unparen(s.call) as A.Call
    const fnType = this.cx.frames.get(this.unit)?.goDefers?.has(s) ? FUNC0 : fromGo(this.typeOf(unparen(call.fun)))
    const fv = this.goDeferValue(s)
    this.pos = this.at(exprPos(call))
    let c: Value
    if (!st.plan.inLoop.has(s)) {
      // Not merged with other slots (gc's NonMergeable); no pointers, so no VarDef.
      const name = this.autotmp(DEFER_TYPE, true, 'ssagen')
      const addr = this.v('LocalAddr', ptrTo(DEFER_TYPE), [this.sp, this.mem], 0n, { kind: 'sym', name })
      this.store(fnType, this.v('OffPtr', ptrTo(fnType), [addr], BigInt(DEFER_FN_OFFSET)), fv)
      c = this.v('StaticLECall', results([T.mem]), [addr, this.mem], 8n, { kind: 'call', fn: 'runtime.deferprocStack' })
    } else c = this.v('StaticLECall', results([T.mem]), [fv, this.mem], 8n, { kind: 'call', fn: 'runtime.deferproc' })
    this.mem = this.v('SelectN', T.mem, [c], 0n)
    const b = this.endBlock()!
    b.kind = 'Defer'
    b.setControl(c)
    const next = this.newBlock()
    b.addEdgeTo(next)
    let r = st.deferReturn
    if (!r) {
      r = st.deferReturn = this.newBlock()
      this.startBlock(r)
      this.exit()
    }
    b.addEdgeTo(r)
    b.likely = 1
    this.startBlock(next)
  },

  /**
   * The function value a go or defer statement passes on: the callee as
   * walk leaves it, or for a call gc wraps, its temporaries' values (the
   * arguments, evaluated here) in the wrapper's closure record
   * {F: F.deferwrapN / F.gowrapN, X0…}, on the stack for a defer at loop
   * depth 1 and on the heap otherwise, as escape analysis decided.
   */
  goDeferValue(this: FnBuilder, s: A.GoDefer): Value {
    const fun = unparen((unparen(s.call) as A.Call).fun)
    const rw = this.cx.frames.get(this.unit)?.goDefers?.get(s)
    if (!rw) {
      if (fun.kind === 'FuncLit' && s.tok === 'defer') this.deferredLits.add(fun)
      return this.expr(fun)
    }
    // A wrapper capturing nothing (constant arguments) is a trivial closure: its ·f symbol.
    if (rw.temps.length === 0) return this.entryV('Addr', FUNC0, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${rw.name}·f` })
    const vals = rw.temps.map(({ src }) => this.materialize(this.valueFor((src as { arg: A.Expr }).arg)))
    const rec = closureRecordType(rw.temps.map(({ temp }) => ({ type: fromGo(temp.type), byRef: false })))
    this.pos = this.at(s.pos)
    const fn = this.entryV('Addr', T.uintptr, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${rw.name}` })
    if (s.tok === 'defer') this.deferredLits.add(s)
    const p = this.newRecord(s, rec)
    ;[fn, ...vals].forEach((v, i) => {
      const f = rec.fields![i]!
      this.storeInto(f.type, this.v('OffPtr', ptrTo(f.type), [this.nilCheck(p)], BigInt(f.offset)), v)
    })
    return this.v('Copy', FUNC0, [p], 0n, null, { ...this.pos, stmt: '-' })
  },

  /** openDeferExit: the deferred calls, last first, each only if its bit is set. */
  deferExit(this: FnBuilder): void {
    const st = this.deferState
    if (!st) return
    if (!st.plan.open) {
      // One deferreturn call for all the runtime's defers, on the closing brace's line.
      const saved = this.pos
      this.pos = this.at(st.end)
      this.rtcall('deferreturn', [], [])
      this.restorePos(saved)
      return
    }
    const exit = this.newBlock()
    this.jump(exit)
    this.startBlock(exit)
    const zero = this.constInt(T.uint8, 0)
    for (let i = st.defers.length - 1; i >= 0; i--) {
      const d = st.defers[i]!
      const bCond = this.newBlock()
      const bEnd = this.newBlock()
      const bits = this.readVar(st.bitsKey)
      const bit = this.constInt(T.uint8, 1 << i)
      const and = this.v('And8', T.uint8, [bits, bit])
      this.branch(this.v('Eq8', T.bool, [and, zero]), bEnd, bCond)
      this.startBlock(bCond)
      const masked = this.v('And8', T.uint8, [bits, this.v('Com8', T.uint8, [bit])])
      this.store(T.uint8, st.bitsAddr!, masked)
      this.writeVar(st.bitsKey, masked, T.uint8)
      let call: Value
      if (d.staticFn) call = this.v('StaticLECall', results([T.mem]), [this.mem], 0n, { kind: 'call', fn: d.staticFn })
      else {
        const fv = this.load(d.type, d.addr)
        const code = this.v('Load', T.uintptr, [fv, this.mem])
        call = this.v('ClosureLECall', results([T.mem]), [code, fv, this.mem], 0n)
      }
      this.mem = this.v('SelectN', T.mem, [call], 0n)
      this.mem = this.v('VarLive', T.mem, [this.mem], 0n, { kind: 'sym', name: d.slot }, { ...this.pos, stmt: '-' })
      this.jump(bEnd)
      this.startBlock(bEnd)
    }
  },

  /**
   * In a function with open-coded defers gc splits the entry block before a
   * call's arguments (#49282: a later openDeferSave extends the entry's memory).
   */
  splitEntryForDefers(this: FnBuilder): void {
    if (!this.deferState?.plan.open || this.block !== this.f.entry) return
    const next = this.newBlock()
    this.jump(next)
    this.startBlock(next)
  },

  /** A result of a function with defers lives in memory (canSSAName): gc's assign stores it, after a VarDef when it holds pointers. */
  storeResult(this: FnBuilder, r: Var, val: Value): void {
    const t = fromGo(r.type)
    if (t.hasPointers) this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name: r.irName })
    this.storeInto(t, this.addrOfVar(r), val)
  },

  /**
   * `return a, b, …` with defers (walk's ascompatee): once a result is
   * assigned, a deferred call could see it if a later operand panics, so
   * every later operand is copied to a temporary first (evaluated before
   * the first). A result returned as itself is skipped.
   */
  deferReturnValues(this: FnBuilder, s: A.Return): Value[] {
    const info = this.cx.info
    const same = (i: number) => {
      const e = unparen(s.results[i]!)
      return e.kind === 'Ident' && info.uses.get(e) === this.results[i]
    }
    const late: number[] = []
    const early: number[] = []
    for (let i = 0; i < s.results.length; i++) {
      if (same(i)) continue
      ;(late.length || early.length ? early : late).push(i)
    }
    const vals: Value[] = []
    for (const i of early) {
      const t = fromGo(this.results[i]!.type)
      if (!canSSA(t)) throw new Unsupported(s.results[i]!.pos, 'returning a value too big for SSA after another result in a function with defers')
      this.reserveTemp()
      vals[i] = this.materialize(this.valueFor(s.results[i]!))
    }
    for (const i of late) vals[i] = this.materialize(this.valueFor(s.results[i]!))
    return vals
  },

  /** `recover()`: walk's mkcall of runtime.gorecover. */
  recover(this: FnBuilder, e: A.Call): Value {
    return this.mkcall('gorecover', [fromGo(this.typeOf(e))], [])[0]!
  },
}
