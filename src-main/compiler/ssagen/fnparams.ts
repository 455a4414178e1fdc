// Parameters and captured variables at a function's entry: register
// parameters stored to their slots, a directly called literal's captures as
// leading parameters, a closure's captures loaded from its record.

import type { Var } from '../types/objects'
import type { Value } from '../ssa/func'
import { bytePtr, canSSA, fromGo, ptrTo, type SsaType } from '../ssa/types'
import { abiConfig, argOpFor, registerParts, type AbiParam } from '../ssa/abi'
import { captureParams } from './directclosure'
import { closureRecordType, type FnBuilder } from './fn'

export const paramMethods = {
  /**
   * A parameter that lives in memory but arrives in registers is stored to its
   * slot at entry (gc's buildssa): whole from its Arg when SSA-able, else part
   * by part from the registers (storeParameterRegsToStack).
   */
  storeRegisterParam(this: FnBuilder, p: Var, type: SsaType, assigned: AbiParam, addr: Value): void {
    if (assigned.regs.length === 0) return
    const argPos = this.pos
    if (canSSA(type)) {
      const v = this.v('Arg', type, [], 0n, { kind: 'sym', name: p.irName })
      this.pos = { ...argPos, stmt: '' }
      this.store(type, addr, v)
      this.restorePos(argPos)
      return
    }
    const config = abiConfig(this.arch)
    for (const part of registerParts(assigned)) {
      const { op, index } = argOpFor(config, part.reg)
      const v = this.v(op, part.type, [], BigInt(index), { kind: 'sym', name: `${p.irName}+${part.offset}` }, argPos)
      // gc's stores carry the position without a statement mark.
      this.pos = { ...argPos, stmt: '' }
      this.store(part.type, this.v('OffPtr', ptrTo(part.type), [addr], BigInt(part.offset)), v)
      this.restorePos(argPos)
    }
  },

  /** A literal walk calls directly: its captures are its first parameters (directclosure.ts); none otherwise. */
  capturesAsParams(this: FnBuilder): ReturnType<typeof captureParams> {
    const lit = this.unit.lit
    if (!lit || !this.cx.directClosures.has(lit)) return []
    return captureParams(this.unit.captures, this.cx.facts.byRef)
  },

  /**
   * The captured variables of a directly called literal, read from its
   * leading parameters: `&x` is the address of a by-reference capture; a
   * by-value capture is a parameter like any other (in its slot when gc
   * cannot SSA it).
   */
  argCaptures(this: FnBuilder, params: ReturnType<typeof captureParams>, abi: AbiParam[], addrs: Value[]): void {
    const pos = this.pos
    params.forEach((p, i) => {
      this.pos = this.at(this.unit.info!.node.pos, '-')
      if (p.byRef) {
        const home = this.home(p.v)
        if (home.kind !== 'captured') throw new Error(`internal: ${p.v.name} captured by reference has home ${home.kind}`)
        this.setHeapAddr(home, this.v('Arg', p.type, [], 0n, { kind: 'sym', name: p.name }))
      } else if (canSSA(p.type)) {
        this.homes.set(p.v, { kind: 'ssa', type: p.type })
        this.assignVar(p.v, this.v('Arg', p.type, [], 0n, { kind: 'sym', name: p.name }))
      } else {
        this.homes.set(p.v, { kind: 'stack', type: p.type, name: p.name })
        this.storeRegisterParam(p.v, p.type, abi[i]!, addrs[i]!)
      }
    })
    this.pos = pos
  },

  loadCaptures(this: FnBuilder): void {
    const caps = this.unit.captures
    this.f.needCtxt = true
    this.closurePtr = this.entryV('GetClosurePtr', bytePtr)
    const rec = closureRecordType(caps.map((c) => ({ type: fromGo(c.type), byRef: this.cx.facts.byRef.has(c) })))
    caps.forEach((c, i) => {
      const field = rec.fields![i + 1]!
      const home = this.home(c)
      const p = this.v('OffPtr', ptrTo(field.type), [this.closurePtr!], BigInt(field.offset))
      if (home.kind === 'captured') this.setHeapAddr(home, this.cx.facts.byRef.has(c) ? this.load(field.type, p) : p)
      else if (home.kind === 'ssa') this.assignVar(c, this.load(field.type, p))
    })
  },
}
