// `defer` as gc 1.26's ssagen open-codes it (ssa.go openDeferRecord,
// openDeferSave, openDeferExit): a uint8 deferBits stack slot, set to 0 on
// entry and kept live; at each defer statement the deferred function value
// is saved in its own zeroed, always-live stack slot and bit i is or-ed into
// deferBits (and stored); every exit tests the bits in reverse order,
// clears each set bit (stored again, in case the call panics) and calls the
// function (directly when it is a declared function, through the closure
// otherwise). Results live in memory in such a function (canSSAName: a
// deferred call may read or, after recover, set them). The assembler adds
// the out-of-line `CALL runtime.deferreturn; <results into registers>; RET`
// that a recovering panic returns through (asm/deferreturn.ts).
//
// Only what gc open-codes, for calls walk leaves parameterless, is built
// here; the rest is refused before anything is built (refuseDefer).

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { FunctionInfo, TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import type { Value } from '../ssa/func'
import { canSSA, fromGo, ptrTo, results, T, type SsaType } from '../ssa/types'
import { MEM } from './builder'
import { Unsupported, unparen, type FnBuilder } from './fn'
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
  bitsName: string
  bitsAddr: Value
  bitsKey: object
  defers: OpenDefer[]
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

/**
 * Throws Unsupported unless every defer of the function is one gc
 * open-codes and this file builds: at most 8, none in a loop, no result
 * moved to the heap, returns × defers ≤ 15, each a call walk leaves as it
 * is (no arguments, no results) of a declared function, a function literal
 * or a func-typed variable.
 */
export function refuseDefers(info: TypeInfo, facts: EscapeFacts, fi: FunctionInfo, body: A.Block): void {
  const defers = ownDefers(body)
  if (defers.length === 0) return
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
  for (const d of defers) {
    const call = unparen(d.call)
    const what = deferredForm(info, call)
    if (what !== 'func' && what !== 'closure') throw new Unsupported(d.pos, `defer of ${what} (its wrapper closure is not built at SSA construction)`)
  }
  const first = defers[0]!
  if (inLoop.size) throw new Unsupported([...inLoop][0]!.pos, 'defer in a loop (runtime.deferproc) at SSA construction')
  if (gotos) throw new Unsupported(first.pos, 'defer in a function with goto at SSA construction')
  if (defers.length > MAX_OPEN_DEFERS) throw new Unsupported(defers[MAX_OPEN_DEFERS]!.pos, 'more than 8 defers in a function (runtime.deferprocStack) at SSA construction')
  if (returns * defers.length > 15) throw new Unsupported(first.pos, 'defers in a function with too many returns (runtime.deferprocStack) at SSA construction')
  const heapResult = fi.results.find((r) => facts.heap.has(r))
  if (heapResult) throw new Unsupported(first.pos, `defer in a function whose result ${heapResult.name} is moved to the heap (runtime.deferprocStack) at SSA construction`)
}

/** What a deferred call is: how its function value is made, or (a string) why it is not built here. */
function deferredForm(info: TypeInfo, call: A.Expr): string {
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
    if (ownDefers(body).length === 0) return
    const bitsName = this.autotmp(T.uint8, true, 'ssagen')
    const zero = this.constInt(T.uint8, 0)
    const bitsKey = { name: '.deferBits' }
    this.writeVar(bitsKey, zero, T.uint8)
    const bitsAddr = this.v('LocalAddr', ptrTo(T.uint8), [this.sp, this.mem], 0n, { kind: 'sym', name: bitsName })
    this.store(T.uint8, bitsAddr, zero)
    this.mem = this.v('VarLive', T.mem, [this.mem], 0n, { kind: 'sym', name: bitsName }, { ...this.pos, stmt: '-' })
    this.deferState = { bitsName, bitsAddr, bitsKey, defers: [] }
  },

  /** openDeferRecord: save the function value, then set its bit. */
  deferStmt(this: FnBuilder, s: A.GoDefer): void {
    const st = this.deferState!
    const call = unparen(s.call) as A.Call
    const fun = unparen(call.fun)
    const info = this.cx.info
    const o = fun.kind === 'Ident' ? info.uses.get(fun) : undefined
    // walkClosure turns a literal without captures into its function's name: called directly too.
    const trivialLit = fun.kind === 'FuncLit' && (this.cx.litUnits.get(fun)?.captures.length ?? 0) === 0
    const staticFn = o?.kind === 'func' ? `${this.cx.pkg}.${o.gcName}` : trivialLit ? `${this.cx.pkg}.${this.cx.litNames.get(fun)}` : null
    const type = fromGo(this.typeOf(fun))
    if (fun.kind === 'FuncLit') this.deferredLits.add(fun)
    const val = this.expr(fun)
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
    this.store(T.uint8, st.bitsAddr, bits)
  },

  /** openDeferExit: the deferred calls, last first, each only if its bit is set. */
  deferExit(this: FnBuilder): void {
    const st = this.deferState
    if (!st) return
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
      this.store(T.uint8, st.bitsAddr, masked)
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
    if (!this.deferState || this.block !== this.f.entry) return
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
