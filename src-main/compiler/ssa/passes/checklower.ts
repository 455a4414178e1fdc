// gc's checkLower (ssa/lower.go): after lowering and a deadcode, only
// machine ops and a few generic ops that need no lowering may remain. Any
// other generic op means a lowering rule is missing: the pass fails, naming
// the value, its op and its argument types (gc's message).

import type { Func } from '../func'
import { GENERIC_OPS } from '../ops.generic'

const GENERIC = new Set(GENERIC_OPS.map((o) => o.name))

/** Generic ops that survive lowering on purpose (regalloc or genssa handle them). */
const OK_UNLOWERED = new Set([
  'SP', 'SPanchored', 'SB', 'InitMem', 'Arg', 'ArgIntReg', 'ArgFloatReg', 'Phi', 'VarDef', 'VarLive', 'KeepAlive',
  'Select0', 'Select1', 'SelectN', 'Convert', 'InlMark', 'WBend',
  // Both amd64 and ppc64 keep g in a register (gc's hasGReg): regalloc takes care of GetG.
  'GetG',
])

export function checkLower(f: Func): void {
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (!GENERIC.has(v.op) || OK_UNLOWERED.has(v.op)) continue
      if (v.op === 'MakeResult' && b.controls[0] === v) continue
      const argTypes = v.args.map((a) => ' ' + a.type.str).join('')
      throw new Error(`not lowered: ${v}, ${v.op} ${v.type.str}${argTypes}`)
    }
  }
}
