// Liveness of a set of stack variables over the CFG, as gc's liveness/plive.go
// computes it for mergelocals (newliveness + prologue + solve with
// conservativeWrites): per block the upward-exposed uses and kills, then the
// live-out sets by iterating the dataflow equations to a fixed point. A
// partial write to a "fat" variable (array, struct, slice) counts as a use:
// for merging, a variable written but never read still occupies its slot.

import type { Block, Func, Value } from '../ssa/func'
import { postorder } from '../ssa/dom'
import { isFat, symEffect, type Dcl, type DclVar } from './dcl'

export const SYM_READ = 1
export const SYM_WRITE = 2
export const SYM_ADDR = 4

const EFFECT_BITS: Record<string, number> = { Read: SYM_READ, Write: SYM_WRITE, Addr: SYM_ADDR, RdWr: SYM_READ | SYM_WRITE, None: 0 }

/** gc's affectedVar: the variable v touches and how (a SymRead/SymWrite/SymAddr mask). */
export function affectedVar(v: Value, dcl: Dcl): { n: DclVar | undefined; e: number } {
  switch (v.op) {
    case 'LoadReg':
      return { n: dcl.ofSlot(v.args[0]?.loc), e: SYM_READ }
    case 'StoreReg':
      return { n: dcl.ofSlot(v.loc), e: SYM_WRITE }
    case 'ArgIntReg':
    case 'ArgFloatReg':
      // gc's AutoVar: the register argument's spill slot, i.e. the parameter itself.
      return { n: dcl.ofSlot(v.loc) ?? argName(v, dcl), e: SYM_READ }
    case 'VarLive':
      return { n: dcl.ofAux(v), e: SYM_READ }
    case 'VarDef':
      return { n: dcl.ofAux(v), e: SYM_WRITE }
    case 'KeepAlive':
      return { n: dcl.ofSlot(v.args[0]?.loc), e: SYM_READ }
  }
  const e = EFFECT_BITS[symEffect(v) ?? 'None'] ?? 0
  if (e === 0) return { n: undefined, e: 0 }
  return { n: dcl.ofAux(v), e }
}

function argName(v: Value, dcl: Dcl): DclVar | undefined {
  if (v.aux?.kind !== 'sym') return undefined
  const name = v.aux.name.replace(/\+-?\d+$/, '')
  return dcl.vars.find((x) => x.name === name && x.class !== 'auto')
}

export const UEVAR = 1
export const VARKILL = 2

/**
 * gc's valueEffects over the tracked variables `idx` (variable → index):
 * the index of the variable v affects and whether v uses or kills it.
 */
export function valueEffects(v: Value, dcl: Dcl, idx: Map<DclVar, number>): { pos: number; effect: number } {
  const { n, e } = affectedVar(v, dcl)
  if (e === 0 || !n) return { pos: -1, effect: 0 }
  if ((v.op === 'VarDef' || v.op === 'VarLive' || v.op === 'KeepAlive') && !n.used) return { pos: -1, effect: 0 }
  let effect = 0
  // Taking the address is a use: later holders of the pointer see everything written so far.
  if (e & (SYM_READ | SYM_ADDR)) effect |= UEVAR
  if (e & SYM_WRITE) {
    if (!isFat(n.type) || v.op === 'VarDef') effect |= VARKILL
    else effect |= UEVAR // conservativeWrites
  }
  if (effect === 0) return { pos: -1, effect: 0 }
  const pos = idx.get(n)
  return pos === undefined ? { pos: -1, effect: 0 } : { pos, effect }
}

export interface BlockEffects {
  uevar: boolean[]
  varkill: boolean[]
  livein: boolean[]
  liveout: boolean[]
}

/** Block effects (prologue) and the fixed point of live-in/live-out (solve), keyed by block. */
export function solveLiveness(f: Func, dcl: Dcl, vars: DclVar[], idx: Map<DclVar, number>): Map<Block, BlockEffects> {
  const nv = vars.length
  const be = new Map<Block, BlockEffects>()
  for (const b of f.blocks) {
    const e: BlockEffects = { uevar: new Array(nv).fill(false), varkill: new Array(nv).fill(false), livein: new Array(nv).fill(false), liveout: new Array(nv).fill(false) }
    for (let j = b.values.length - 1; j >= 0; j--) {
      const { pos, effect } = valueEffects(b.values[j]!, dcl, idx)
      if (effect & VARKILL) {
        e.varkill[pos] = true
        e.uevar[pos] = false
      }
      if (effect & UEVAR) e.uevar[pos] = true
    }
    be.set(b, e)
  }
  // Every candidate is a PAUTO: nothing is live at returns (gc's retuevar/tailuevar hold only params and results).
  const po = postorder(f)
  for (let change = true; change; ) {
    change = false
    for (const b of po) {
      const e = be.get(b)!
      const out = new Array(nv).fill(false)
      if (b.kind !== 'Ret' && b.kind !== 'RetJmp' && b.kind !== 'Exit') {
        for (const s of b.succs) {
          const sin = be.get(s)!.livein
          for (let i = 0; i < nv; i++) if (sin[i]) out[i] = true
        }
      }
      for (let i = 0; i < nv; i++) {
        if (e.liveout[i] !== out[i]) change = true
        e.liveout[i] = out[i]
        e.livein[i] = e.uevar[i]! || (out[i] && !e.varkill[i])
      }
    }
  }
  return be
}
