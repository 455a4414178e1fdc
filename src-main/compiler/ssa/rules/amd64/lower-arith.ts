// AMD64.rules, lowering part 1: arithmetic, bit counting, extensions,
// truncations and float conversions (in the rules file's order). gc runs
// amd64 at GOAMD64=v1 by default, so the `buildcfg.GOAMD64 >= 3` variants
// (TZCNT, LZCNT, ANDN…) never apply and are left out.

import { op, type RuleDef } from '../dsl'
import { T } from '../../types'
import { is32Bit } from './helpers'
import { rules, same } from './notation'

const flags = T.flags

export function arithmetic(): RuleDef[] {
  return [
    ...same('(Add(64|32|16|8) ...) => (ADD(Q|L|L|L) ...)'),
    ...same('(AddPtr ...) => (ADDQ ...)'),
    ...same('(Add(32|64)F ...) => (ADDS(S|D) ...)'),
    ...same('(Sub(64|32|16|8) ...) => (SUB(Q|L|L|L) ...)'),
    ...same('(SubPtr ...) => (SUBQ ...)'),
    ...same('(Sub(32|64)F ...) => (SUBS(S|D) ...)'),
    ...same('(Mul(64|32|16|8) ...) => (MUL(Q|L|L|L) ...)'),
    ...same('(Mul(32|64)F ...) => (MULS(S|D) ...)'),
    ...rules('(Select0 (Mul64uover x y)) => (Select0 <typ.UInt64> (MULQU x y))', ({ x, y }) => op('Select0', { type: T.uint64 }, op('MULQU', x, y))),
    ...rules('(Select0 (Mul32uover x y)) => (Select0 <typ.UInt32> (MULLU x y))', ({ x, y }) => op('Select0', { type: T.uint32 }, op('MULLU', x, y))),
    ...rules('(Select1 (Mul(64|32)uover x y)) => (SETO (Select1 <types.TypeFlags> (MUL(Q|L)U x y)))', ({ x, y }, i) =>
      op('SETO', op('Select1', { type: flags }, op(['MULQU', 'MULLU'][i]!, x, y))),
    ),
    ...same('(Hmul(64|32) ...) => (HMUL(Q|L) ...)'),
    ...same('(Hmul(64|32)u ...) => (HMUL(Q|L)U ...)'),
    ...rules('(Div(64|32|16) [a] x y) => (Select0 (DIV(Q|L|W) [a] x y))', ({ a, x, y }, i) => op('Select0', op(['DIVQ', 'DIVL', 'DIVW'][i]!, { auxInt: a }, x, y))),
    ...rules('(Div8 x y) => (Select0 (DIVW (SignExt8to16 x) (SignExt8to16 y)))', ({ x, y }) => op('Select0', op('DIVW', op('SignExt8to16', x), op('SignExt8to16', y)))),
    ...rules('(Div(64|32|16)u x y) => (Select0 (DIV(Q|L|W)U x y))', ({ x, y }, i) => op('Select0', op(['DIVQU', 'DIVLU', 'DIVWU'][i]!, x, y))),
    ...rules('(Div8u x y) => (Select0 (DIVWU (ZeroExt8to16 x) (ZeroExt8to16 y)))', ({ x, y }) => op('Select0', op('DIVWU', op('ZeroExt8to16', x), op('ZeroExt8to16', y)))),
    ...same('(Div(32|64)F ...) => (DIVS(S|D) ...)'),
    ...same('(Mul64uhilo ...) => (MULQU2 ...)'),
    ...same('(Div128u ...) => (DIVQU2 ...)'),
    ...same('(Avg64u ...) => (AVGQU ...)'),
    ...rules('(Mod(64|32|16) [a] x y) => (Select1 (DIV(Q|L|W) [a] x y))', ({ a, x, y }, i) => op('Select1', op(['DIVQ', 'DIVL', 'DIVW'][i]!, { auxInt: a }, x, y))),
    ...rules('(Mod8 x y) => (Select1 (DIVW (SignExt8to16 x) (SignExt8to16 y)))', ({ x, y }) => op('Select1', op('DIVW', op('SignExt8to16', x), op('SignExt8to16', y)))),
    ...rules('(Mod(64|32|16)u x y) => (Select1 (DIV(Q|L|W)U x y))', ({ x, y }, i) => op('Select1', op(['DIVQU', 'DIVLU', 'DIVWU'][i]!, x, y))),
    ...rules('(Mod8u x y) => (Select1 (DIVWU (ZeroExt8to16 x) (ZeroExt8to16 y)))', ({ x, y }) => op('Select1', op('DIVWU', op('ZeroExt8to16', x), op('ZeroExt8to16', y)))),
    ...same('(And(64|32|16|8) ...) => (AND(Q|L|L|L) ...)'),
    ...same('(Or(64|32|16|8) ...) => (OR(Q|L|L|L) ...)'),
    ...same('(Xor(64|32|16|8) ...) => (XOR(Q|L|L|L) ...)'),
    ...same('(Com(64|32|16|8) ...) => (NOT(Q|L|L|L) ...)'),
    ...same('(Neg(64|32|16|8) ...) => (NEG(Q|L|L|L) ...)'),
    ...rules('(Neg32F x) => (PXOR x (MOVSSconst <typ.Float32> [float32(math.Copysign(0, -1))]))', ({ x }) => op('PXOR', x, op('MOVSSconst', { type: T.float32, auxInt: -0 }))),
    ...rules('(Neg64F x) => (PXOR x (MOVSDconst <typ.Float64> [math.Copysign(0, -1)]))', ({ x }) => op('PXOR', x, op('MOVSDconst', { type: T.float64, auxInt: -0 }))),
    ...same('(AndB ...) => (ANDL ...)'),
    ...same('(OrB ...) => (ORL ...)'),
    ...rules('(Not x) => (XORLconst [1] x)', ({ x }) => op('XORLconst', { auxInt: 1n }, x)),
    ...rules('(OffPtr [off] ptr) && is32Bit(off) => (ADDQconst [int32(off)] ptr)', ({ off, ptr }) => is32Bit(off) && op('ADDQconst', { auxInt: off }, ptr)),
    ...rules('(OffPtr [off] ptr) => (ADDQ (MOVQconst [off]) ptr)', ({ off, ptr }) => op('ADDQ', op('MOVQconst', { type: T.uint64, auxInt: off }), ptr)),
  ]
}

/** Bit counting, byte swaps, square roots and rounding (the GOAMD64=v1 forms). */
export function bits(): RuleDef[] {
  const u64 = T.uint64
  const u32 = T.uint32
  return [
    ...rules('(Ctz64 <t> x) && buildcfg.GOAMD64 < 3 => (CMOVQEQ (Select0 <t> (BSFQ x)) (MOVQconst <t> [64]) (Select1 <types.TypeFlags> (BSFQ x)))', ({ t, x }) =>
      op('CMOVQEQ', op('Select0', { type: t }, op('BSFQ', x)), op('MOVQconst', { type: t, auxInt: 64n }), op('Select1', { type: flags }, op('BSFQ', x))),
    ),
    ...rules('(Ctz32 x) && buildcfg.GOAMD64 < 3 => (Select0 (BSFQ (BTSQconst <typ.UInt64> [32] x)))', ({ x }) => op('Select0', op('BSFQ', op('BTSQconst', { type: u64, auxInt: 32n }, x)))),
    ...rules('(Ctz16 x) => (BSFL (ORLconst <typ.UInt32> [1<<16] x))', ({ x }) => op('BSFL', op('ORLconst', { type: u32, auxInt: 1n << 16n }, x))),
    ...rules('(Ctz8 x) => (BSFL (ORLconst <typ.UInt32> [1<<8 ] x))', ({ x }) => op('BSFL', op('ORLconst', { type: u32, auxInt: 1n << 8n }, x))),
    ...rules('(Ctz64NonZero x) && buildcfg.GOAMD64 < 3 => (Select0 (BSFQ x))', ({ x }) => op('Select0', op('BSFQ', x))),
    ...rules('(Ctz(32|16|8)NonZero x) && buildcfg.GOAMD64 < 3 => (BSFL x)', ({ x }) => op('BSFL', x)),
    ...rules('(BitLen64 <t> x) && buildcfg.GOAMD64 < 3 => (ADDQconst [1] (CMOVQEQ <t> (Select0 <t> (BSRQ x)) (MOVQconst <t> [-1]) (Select1 <types.TypeFlags> (BSRQ x))))', ({ t, x }) =>
      op('ADDQconst', { auxInt: 1n }, op('CMOVQEQ', { type: t }, op('Select0', { type: t }, op('BSRQ', x)), op('MOVQconst', { type: t, auxInt: -1n }), op('Select1', { type: flags }, op('BSRQ', x)))),
    ),
    ...rules('(BitLen32 x) && buildcfg.GOAMD64 < 3 => (Select0 (BSRQ (LEAQ1 <typ.UInt64> [1] (MOVLQZX <typ.UInt64> x) (MOVLQZX <typ.UInt64> x))))', ({ x }) =>
      op('Select0', op('BSRQ', op('LEAQ1', { type: u64, auxInt: 1n }, op('MOVLQZX', { type: u64 }, x), op('MOVLQZX', { type: u64 }, x)))),
    ),
    ...rules('(BitLen(16|8) x) && buildcfg.GOAMD64 < 3 => (BSRL (LEAL1 <typ.UInt32> [1] (MOV(W|B)QZX <typ.UInt32> x) (MOV(W|B)QZX <typ.UInt32> x)))', ({ x }, i) => {
      const ext = ['MOVWQZX', 'MOVBQZX'][i]!
      return op('BSRL', op('LEAL1', { type: u32, auxInt: 1n }, op(ext, { type: u32 }, x), op(ext, { type: u32 }, x)))
    }),
    ...same('(Bswap(64|32) ...) => (BSWAP(Q|L) ...)'),
    ...rules('(Bswap16 x) => (ROLWconst [8] x)', ({ x }) => op('ROLWconst', { auxInt: 8n }, x)),
    ...same('(PopCount(64|32) ...) => (POPCNT(Q|L) ...)'),
    ...rules('(PopCount(16|8) x) => (POPCNTL (MOV(W|B)QZX <typ.UInt32> x))', ({ x }, i) => op('POPCNTL', op(['MOVWQZX', 'MOVBQZX'][i]!, { type: u32 }, x))),
    ...same('(Sqrt ...) => (SQRTSD ...)'),
    ...same('(Sqrt32 ...) => (SQRTSS ...)'),
    ...rules('(RoundToEven x) => (ROUNDSD [0] x)', ({ x }) => op('ROUNDSD', { auxInt: 0n }, x)),
    ...rules('(Floor x) => (ROUNDSD [1] x)', ({ x }) => op('ROUNDSD', { auxInt: 1n }, x)),
    ...rules('(Ceil x) => (ROUNDSD [2] x)', ({ x }) => op('ROUNDSD', { auxInt: 2n }, x)),
    ...rules('(Trunc x) => (ROUNDSD [3] x)', ({ x }) => op('ROUNDSD', { auxInt: 3n }, x)),
    ...rules('(FMA x y z) => (VFMADD231SD z x y)', ({ x, y, z }) => op('VFMADD231SD', z, x, y)),
  ]
}

/** Extensions, truncations (just copies: high register bits are ignored) and conversions. */
export function conversions(): RuleDef[] {
  return [
    ...same('(SignExt8to(16|32|64) ...) => (MOVBQSX ...)'),
    ...same('(SignExt16to(32|64) ...) => (MOVWQSX ...)'),
    ...same('(SignExt32to64 ...) => (MOVLQSX ...)'),
    ...same('(ZeroExt8to(16|32|64) ...) => (MOVBQZX ...)'),
    ...same('(ZeroExt16to(32|64) ...) => (MOVWQZX ...)'),
    ...same('(ZeroExt32to64 ...) => (MOVLQZX ...)'),
    ...rules('(Slicemask <t> x) => (SARQconst (NEGQ <t> x) [63])', ({ t, x }) => op('SARQconst', { auxInt: 63n }, op('NEGQ', { type: t }, x))),
    ...rules('(SpectreIndex <t> x y) => (CMOVQCC x (MOVQconst [0]) (CMPQ x y))', ({ x, y }) => op('CMOVQCC', x, op('MOVQconst', { type: T.uint64, auxInt: 0n }), op('CMPQ', x, y))),
    ...rules('(SpectreSliceIndex <t> x y) => (CMOVQHI x (MOVQconst [0]) (CMPQ x y))', ({ x, y }) => op('CMOVQHI', x, op('MOVQconst', { type: T.uint64, auxInt: 0n }), op('CMPQ', x, y))),
    ...same('(Trunc(16to8|32to8|32to16|64to8|64to16|64to32) ...) => (Copy ...)'),
    ...same('(Cvt(32to32F|32to64F|64to32F|64to64F) ...) => (CVTS(L2SS|L2SD|Q2SS|Q2SD) ...)'),
    // base.ConvertHash is a debugging hash, off by default: conversions truncate plainly.
    ...rules('(Cvt(32Fto32|32Fto64|64Fto32|64Fto64) <t> x) && !base.ConvertHash.MatchPos(v.Pos, nil) => (CVTT(SS2SL|SS2SQ|SD2SL|SD2SQ) <t> x)', ({ t, x }, i) =>
      op(['CVTTSS2SL', 'CVTTSS2SQ', 'CVTTSD2SL', 'CVTTSD2SQ'][i]!, { type: t }, x),
    ),
    ...same('(Cvt32Fto64F ...) => (CVTSS2SD ...)'),
    ...same('(Cvt64Fto32F ...) => (CVTSD2SS ...)'),
    ...same('(Round(32|64)F ...) => (LoweredRound(32|64)F ...)'),
    ...rules('(Min(64|32)F <t> x y) => (POR (MINS(D|S) <t> (MINS(D|S) <t> x y) x) (MINS(D|S) <t> x y))', ({ t, x, y }, i) => {
      const min = ['MINSD', 'MINSS'][i]!
      return op('POR', op(min, { type: t }, op(min, { type: t }, x, y), x), op(min, { type: t }, x, y))
    }),
    ...rules('(Max(64|32)F <t> x y) => (Neg(64|32)F <t> (Min(64|32)F <t> (Neg(64|32)F <t> x) (Neg(64|32)F <t> y)))', ({ t, x, y }, i) => {
      const w = ['64', '32'][i]!
      return op(`Neg${w}F`, { type: t }, op(`Min${w}F`, { type: t }, op(`Neg${w}F`, { type: t }, x), op(`Neg${w}F`, { type: t }, y)))
    }),
    ...same('(CvtBoolToUint8 ...) => (Copy ...)'),
  ]
}
