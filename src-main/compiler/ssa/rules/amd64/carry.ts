// AMD64.rules: math/bits.Add64 / Sub64 (Add64carry, Sub64borrow). The carry
// in is turned into CF by NEGL (CF = c != 0), the carry out read back from
// CF by SBBQcarrymask and NEGQ; a chain of Add64 calls passes CF straight on.

import { T } from '../../types'
import { op, type Match, type RuleDef } from '../dsl'
import { is32Bit } from './helpers'
import { rules } from './notation'

const flags = T.flags
const u64 = T.uint64

export function carries(): RuleDef[] {
  const withCarry = (adc: string) => ({ x, y, c }: Match) => op(adc, x, y, op('Select1', { type: flags }, op('NEGLflags', c)))
  return [
    ...rules('(Select0 (Add64carry x y c)) => (Select0 <typ.UInt64> (ADCQ x y (Select1 <types.TypeFlags> (NEGLflags c))))', (m) => op('Select0', { type: u64 }, withCarry('ADCQ')(m))),
    ...rules('(Select1 (Add64carry x y c)) => (NEGQ <typ.UInt64> (SBBQcarrymask <typ.UInt64> (Select1 <types.TypeFlags> (ADCQ x y (Select1 <types.TypeFlags> (NEGLflags c))))))', (m) =>
      op('NEGQ', { type: u64 }, op('SBBQcarrymask', { type: u64 }, op('Select1', { type: flags }, withCarry('ADCQ')(m)))),
    ),
    ...rules('(Select0 (Sub64borrow x y c)) => (Select0 <typ.UInt64> (SBBQ x y (Select1 <types.TypeFlags> (NEGLflags c))))', (m) => op('Select0', { type: u64 }, withCarry('SBBQ')(m))),
    ...rules('(Select1 (Sub64borrow x y c)) => (NEGQ <typ.UInt64> (SBBQcarrymask <typ.UInt64> (Select1 <types.TypeFlags> (SBBQ x y (Select1 <types.TypeFlags> (NEGLflags c))))))', (m) =>
      op('NEGQ', { type: u64 }, op('SBBQcarrymask', { type: u64 }, op('Select1', { type: flags }, withCarry('SBBQ')(m)))),
    ),
    // Optimize ADCQ and friends.
    ...rules('(ADCQ x (MOVQconst [c]) carry) && is32Bit(c) => (ADCQconst x [int32(c)] carry)', ({ x, c, carry }) => is32Bit(c) && op('ADCQconst', { auxInt: BigInt.asIntN(32, c) }, x, carry)),
    ...rules('(ADCQ x y (FlagEQ)) => (ADDQcarry x y)', ({ x, y }) => op('ADDQcarry', x, y)),
    ...rules('(ADCQconst x [c] (FlagEQ)) => (ADDQconstcarry x [c])', ({ x, c }) => op('ADDQconstcarry', { auxInt: c }, x)),
    ...rules('(ADDQcarry x (MOVQconst [c])) && is32Bit(c) => (ADDQconstcarry x [int32(c)])', ({ x, c }) => is32Bit(c) && op('ADDQconstcarry', { auxInt: BigInt.asIntN(32, c) }, x)),
    ...rules('(SBBQ x (MOVQconst [c]) borrow) && is32Bit(c) => (SBBQconst x [int32(c)] borrow)', ({ x, c, borrow }) => is32Bit(c) && op('SBBQconst', { auxInt: BigInt.asIntN(32, c) }, x, borrow)),
    ...rules('(SBBQ x y (FlagEQ)) => (SUBQborrow x y)', ({ x, y }) => op('SUBQborrow', x, y)),
    ...rules('(SBBQconst x [c] (FlagEQ)) => (SUBQconstborrow x [c])', ({ x, c }) => op('SUBQconstborrow', { auxInt: c }, x)),
    ...rules('(SUBQborrow x (MOVQconst [c])) && is32Bit(c) => (SUBQconstborrow x [int32(c)])', ({ x, c }) => is32Bit(c) && op('SUBQconstborrow', { auxInt: BigInt.asIntN(32, c) }, x)),
    ...rules('(Select1 (NEGLflags (MOVQconst [0]))) => (FlagEQ)', () => op('FlagEQ')),
    ...rules('(Select1 (NEGLflags (NEGQ (SBBQcarrymask x)))) => x', ({ x }) => x),
  ]
}
