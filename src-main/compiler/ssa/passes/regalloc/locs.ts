// Where regalloc puts values: a register, a stack slot, or for tuple and
// call-result values one register per part. Printed as gc prints them:
// `AX`, `x[int]`, `s+8[int]`, `.autotmp_5[float64]`, `<AX,DX>`, `<R5,nil>`.

import type { SsaType } from '../../types'

export interface StackSlot {
  /** The variable (gc's LocalSlot.N): `x`, `.autotmp_5`. */
  name: string
  type: SsaType
  /** Byte offset into the variable, for pieces of decomposed variables. */
  off: number
}

export type Loc =
  | { kind: 'reg'; r: number }
  | { kind: 'slot'; slot: StackSlot }
  | { kind: 'pair'; regs: [number, number] }
  | { kind: 'results'; regs: number[] }

export const slotText = (s: StackSlot): string => `${s.name}${s.off ? `+${s.off}` : ''}[${s.type.str}]`

/** Identity of a location: two slots are the same when name, offset and type agree. */
export function locKey(l: Loc): string {
  switch (l.kind) {
    case 'reg':
      return `r${l.r}`
    case 'slot':
      return `s${slotText(l.slot)}`
    case 'pair':
      return `p${l.regs.join(',')}`
    case 'results':
      return `R${l.regs.join(',')}`
  }
}

export function locText(l: Loc, names: readonly string[]): string {
  const reg = (r: number): string => (r < 0 ? 'nil' : names[r]!)
  switch (l.kind) {
    case 'reg':
      return names[l.r]!
    case 'slot':
      return slotText(l.slot)
    case 'pair':
      return `<${reg(l.regs[0])},${reg(l.regs[1])}>`
    case 'results':
      return `<${l.regs.map(reg).join(',')}>`
  }
}

/** `s+8` → {name s, off 8}: how gc prints a LocalSlot's variable and offset. */
export function parseSlotName(text: string, type: SsaType): StackSlot {
  const m = /^(.*)\+(\d+)$/.exec(text)
  return m ? { name: m[1]!, type, off: Number(m[2]) } : { name: text, type, off: 0 }
}
