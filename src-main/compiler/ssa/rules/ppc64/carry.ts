// PPC64.rules: math/bits.Add64 / Sub64 (Add64carry, Sub64borrow) through the
// carry bit CA of XER: ADDCconst c [-1] sets CA = c != 0, ADDE/SUBE chain
// it, ADDZEzero / SUBZEzero read it back into a register.

import type { Value } from '../../func'
import { T } from '../../types'
import { op, type RuleDef } from '../dsl'
import { rules } from './dsl'
import { is16Bit } from './helpers'

const u64 = T.uint64

export function carries(): RuleDef[] {
  const carryIn = (c: Value) => op('Select1', { type: u64 }, op('ADDCconst', { auxInt: -1n }, c))
  const borrowIn = (c: Value) => op('Select1', { type: u64 }, op('SUBCconst', { auxInt: 0n }, c))
  return [
    ...rules('(Select0 (Add64carry x y c)) => (Select0 <typ.UInt64> (ADDE x y (Select1 <typ.UInt64> (ADDCconst c [-1]))))', ({ x, y, c }) => op('Select0', { type: u64 }, op('ADDE', x, y, carryIn(c)))),
    ...rules('(Select1 (Add64carry x y c)) => (ADDZEzero (Select1 <typ.UInt64> (ADDE x y (Select1 <typ.UInt64> (ADDCconst c [-1])))))', ({ x, y, c }) =>
      op('ADDZEzero', op('Select1', { type: u64 }, op('ADDE', x, y, carryIn(c)))),
    ),
    ...rules('(ADDE x y (Select1 <typ.UInt64> (ADDCconst (MOVDconst [0]) [-1]))) => (ADDC x y)', ({ x, y }) => op('ADDC', x, y)),
    ...rules('(Select1 (ADDCconst n:(ADDZEzero x) [-1])) && n.Uses <= 2 => x', ({ n, x }) => n.uses <= 2 && x),
    ...rules('(ADDE (MOVDconst [0]) y c) => (ADDZE y c)', ({ y, c }) => op('ADDZE', y, c)),
    ...rules('(ADDC x (MOVDconst [y])) && is16Bit(y) => (ADDCconst [y] x)', ({ x, y }) => is16Bit(y) && op('ADDCconst', { auxInt: y }, x)),
    ...rules('(Select0 (Sub64borrow x y c)) => (Select0 <typ.UInt64> (SUBE x y (Select1 <typ.UInt64> (SUBCconst c [0]))))', ({ x, y, c }) => op('Select0', { type: u64 }, op('SUBE', x, y, borrowIn(c)))),
    ...rules('(Select1 (Sub64borrow x y c)) => (NEG (SUBZEzero (Select1 <typ.UInt64> (SUBE x y (Select1 <typ.UInt64> (SUBCconst c [0]))))))', ({ x, y, c }) =>
      op('NEG', op('SUBZEzero', op('Select1', { type: u64 }, op('SUBE', x, y, borrowIn(c))))),
    ),
    ...rules('(SUBE x y (Select1 <typ.UInt64> (SUBCconst (MOVDconst [0]) [0]))) => (SUBC x y)', ({ x, y }) => op('SUBC', x, y)),
    ...rules('(Select1 (SUBCconst n:(NEG (SUBZEzero x)) [0])) && n.Uses <= 2 => x', ({ n, x }) => n.uses <= 2 && x),
  ]
}
