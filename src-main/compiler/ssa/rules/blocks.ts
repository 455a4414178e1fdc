// generic.rules, the If block rules: a negated condition swaps the
// successors, a constant condition turns the block into First (whose second
// edge the next deadcode removes).

import type { Block } from '../func'
import { blockRule } from './dsl'

/** gc's swapSuccessors: exchange the two edges and flip the likely hint. */
function swapSuccessors(b: Block): void {
  b.succs.reverse()
  b.likely = (b.likely === 0 ? 0 : -b.likely) as Block['likely']
}

export function ifRules() {
  return [
    blockRule('(If (Not cond) yes no) => (If cond no yes)', (b) => {
      const c = b.controls[0]
      if (!c || c.op !== 'Not') return false
      b.setControl(c.args[0]!)
      swapSuccessors(b)
      return true
    }),
    blockRule('(If (ConstBool [c]) yes no) && c => (First yes no)', (b) => {
      const c = b.controls[0]
      if (!c || c.op !== 'ConstBool' || c.auxInt === 0n) return false
      b.kind = 'First'
      b.setControl(null)
      return true
    }),
    blockRule('(If (ConstBool [c]) yes no) && !c => (First no yes)', (b) => {
      const c = b.controls[0]
      if (!c || c.op !== 'ConstBool' || c.auxInt !== 0n) return false
      b.kind = 'First'
      b.setControl(null)
      swapSuccessors(b)
      return true
    }),
  ]
}
