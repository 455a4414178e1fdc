// Temporaries as gc's order and walk make them: order's pooled copies,
// walk's autotmps numbered by phase (autotmps.ts), zeroed stack temporaries,
// read-only static data.

import type { Value } from '../ssa/func'
import { canSSA, ptrTo, T, type SsaType } from '../ssa/types'
import type { TempPhase } from './autotmps'
import type { FnBuilder } from './fn'

/** Provisional temporaries' numbers start here, clear of gc's (autotmps.ts). */
const PROVISIONAL = 1_000_000

export const tempMethods = {
  orderTemp(this: FnBuilder, t: SsaType, addrTaken = false): string {
    const key = t.str
    const name = this.orderFree.get(key)?.pop() ?? this.autotmp(t, addrTaken, 'order')
    if (addrTaken) for (const l of this.temps) if (l.name === name) l.addrTaken = true
    this.orderHeld.push({ name, key })
    return name
  },

  /** order's copyExpr into a temporary that holds an SSA value: pooled by type like the others. */
  reserveOrderTemp(this: FnBuilder, t: SsaType): void {
    const key = t.str
    const name = this.orderFree.get(key)?.pop() ?? `.autotmp_${PROVISIONAL + this.tmpCount++}`
    if (!this.tempPhases.some((r) => r.name === name)) this.tempPhases.push({ name, phase: 'order' })
    this.orderHeld.push({ name, key })
  },

  releaseOrderTemps(this: FnBuilder, mark: number): void {
    for (const h of this.orderHeld.splice(mark)) {
      const free = this.orderFree.get(h.key) ?? []
      free.push(h.name)
      this.orderFree.set(h.key, free)
    }
  },

  /**
   * `tmp = f()`: a hoisted call's result that is not SSA-able moves into an
   * order temporary (address-taken when an equality call compares it). Its
   * VarDef follows gc's assign: pointers, or a merge candidate (over three
   * words, address not taken).
   */
  orderCopy(this: FnBuilder, vals: Value[], addrTaken = false): Value[] {
    const r = vals[0]
    if (vals.length === 1 && r?.op !== 'Dereference') this.reserveOrderTemp(r!.type)
    if (vals.length !== 1 || r?.op !== 'Dereference') return vals
    const name = this.orderTemp(r.type, addrTaken)
    if (r.type.hasPointers || (r.type.size > 24 && !addrTaken)) this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(r.type), [this.sp, this.mem], 0n, { kind: 'sym', name })
    this.move(r.type, a, r.args[0]!)
    return [this.v('Dereference', r.type, [a, this.mem])]
  },

  /** A stack temporary holding v; `addrTaken` when the program goes on to take its address (gc marks the temp). */
  spill(this: FnBuilder, v: Value, t: SsaType, addrTaken = false): Value {
    const name = this.autotmp(t, addrTaken)
    this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(t), [this.sp, this.mem], 0n, { kind: 'sym', name })
    this.storeInto(t, a, v)
    return a
  },

  /** spill into an order temporary (the range statement's copy of an array). */
  orderSpill(this: FnBuilder, v: Value, t: SsaType, addrTaken: boolean): Value {
    const name = this.orderTemp(t, addrTaken)
    this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(t), [this.sp, this.mem], 0n, { kind: 'sym', name })
    this.storeInto(t, a, v)
    return a
  },

  /**
   * A temporary gc makes that holds an SSA value or is never used (walk's
   * copyExpr of an argument, a slice literal's array pointer): no variable
   * of ours, but it takes its number in gc's Dcl.
   */
  reserveTemp(this: FnBuilder, phase: TempPhase = 'walk'): void {
    const name = `.autotmp_${PROVISIONAL + this.tmpCount++}`
    this.tempPhases.push({ name, phase })
    if (phase === 'ssagen') this.ssagenDcl.push({ temp: name })
  },

  /** A temporary, named provisionally until build() gives it gc's number. */
  autotmp(this: FnBuilder, t: SsaType, addrTaken = false, phase: TempPhase = 'walk'): string {
    const name = `.autotmp_${PROVISIONAL + this.tmpCount++}`
    this.temps.push({ name, type: t, class: 'auto', file: this.cx.file, line: this.pos.line, col: this.pos.col, addrTaken, temp: true })
    this.tempPhases.push({ name, phase })
    if (phase === 'ssagen') this.ssagenDcl.push({ temp: name })
    return name
  },

  /**
   * A fresh zeroed stack temporary of type t: its address. gc takes the
   * address of every such temporary (stackTempAddr, initStackTemp: `new`,
   * &T{}, slice literals, closure records), so none is a stack-slot merge
   * candidate, and its `tmp = nil` has a VarDef only when t holds pointers;
   * the zero is stored as a value when t is SSA-able (a later load of it
   * folds), else cleared with Zero.
   */
  stackTemp(this: FnBuilder, t: SsaType, phase: TempPhase = 'walk'): Value {
    const name = this.autotmp(t, true, phase)
    if (t.hasPointers) this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(t), [this.sp, this.mem], 0n, { kind: 'sym', name })
    if (canSSA(t)) this.store(t, a, this.zero(t))
    else this.zeroMem(t, a)
    return a
  },

  /** Read-only static data for a constant (gc's readonlystaticname), made by order or walk: its address. */
  staticData(this: FnBuilder, t: SsaType, phase: 'order' | 'walk' = 'walk'): Value {
    const n = phase === 'order' ? this.stmpCount++ : this.stmpWalkCount++
    return this.entryV('Addr', ptrTo(t), [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}..stmp_${n}` })
  },
}
