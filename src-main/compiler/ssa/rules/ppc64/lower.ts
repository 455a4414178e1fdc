// PPC64.rules, the lowering half: every rule whose left side is a generic op,
// in the file's order (for one op, the first rule that matches wins, as in
// gc's generated rewritePPC64.go). GOARCH=ppc64 defaults to GOPPC64=power8,
// so rules for power9/power10 are kept only where they are one-liners of
// a choice (Mod, Ctz, Zero/Move strategies) and are guarded by GOPPC64.
// Not modelled (outside our Go subset): atomics, carry/borrow intrinsics,
// prefetch, Min/Max (power9 only). Byte swaps: byteswap.ts.

import type { Aux, Value } from '../../func'
import { isSigned, T, type SsaType } from '../../types'
import { op, type RuleDef } from '../dsl'
import { clobber, isInlinableMemmove, isPtrType, isSameCall, size } from '../helpers'
import { rules, same } from './dsl'
import { flagArg, shiftIsBounded } from './helpers'

/** buildcfg.GOPPC64 for GOARCH=ppc64 unless GOPPC64 is set (power8). */
export const GOPPC64 = 8

type I = bigint
const isInt = (t: SsaType, bytes: number): boolean => (t.kind === 'int' || t.kind === 'uint') && size(t) === bytes
const isFloat = (t: SsaType, bytes: number): boolean => t.kind === 'float' && size(t) === bytes

export function arithmetic(): RuleDef[] {
  return [
    ...same('(Add(Ptr|64|32|16|8) ...) => (ADD ...)'),
    ...same('(Add64F ...) => (FADD ...)'),
    ...same('(Add32F ...) => (FADDS ...)'),
    ...same('(Sub(Ptr|64|32|16|8) ...) => (SUB ...)'),
    ...same('(Sub32F ...) => (FSUBS ...)'),
    ...same('(Sub64F ...) => (FSUB ...)'),
    ...rules('(Mod(16|8) x y) => (Mod32 (SignExt(16|8)to32 x) (SignExt(16|8)to32 y))', ({ x, y }, [w]) =>
      op('Mod32', op(`SignExt${w}to32`, x), op(`SignExt${w}to32`, y)),
    ),
    ...rules('(Mod(16|8)u x y) => (Mod32u (ZeroExt(16|8)to32 x) (ZeroExt(16|8)to32 y))', ({ x, y }, [w]) =>
      op('Mod32u', op(`ZeroExt${w}to32`, x), op(`ZeroExt${w}to32`, y)),
    ),
    ...rules('(Mod64 x y) && buildcfg.GOPPC64 >=9 => (MODSD x y)', ({ x, y }) => GOPPC64 >= 9 && op('MODSD', x, y)),
    ...rules('(Mod64 x y) && buildcfg.GOPPC64 <=8 => (SUB x (MULLD y (DIVD x y)))', ({ x, y }) => GOPPC64 <= 8 && op('SUB', x, op('MULLD', y, op('DIVD', x, y)))),
    ...rules('(Mod64u x y) && buildcfg.GOPPC64 >= 9 => (MODUD x y)', ({ x, y }) => GOPPC64 >= 9 && op('MODUD', x, y)),
    ...rules('(Mod64u x y) && buildcfg.GOPPC64 <= 8 => (SUB x (MULLD y (DIVDU x y)))', ({ x, y }) => GOPPC64 <= 8 && op('SUB', x, op('MULLD', y, op('DIVDU', x, y)))),
    ...rules('(Mod32 x y) && buildcfg.GOPPC64 >= 9 => (MODSW x y)', ({ x, y }) => GOPPC64 >= 9 && op('MODSW', x, y)),
    ...rules('(Mod32 x y) && buildcfg.GOPPC64 <= 8 => (SUB x (MULLW y (DIVW x y)))', ({ x, y }) => GOPPC64 <= 8 && op('SUB', x, op('MULLW', y, op('DIVW', x, y)))),
    ...rules('(Mod32u x y) && buildcfg.GOPPC64 >= 9 => (MODUW x y)', ({ x, y }) => GOPPC64 >= 9 && op('MODUW', x, y)),
    ...rules('(Mod32u x y) && buildcfg.GOPPC64 <= 8 => (SUB x (MULLW y (DIVWU x y)))', ({ x, y }) => GOPPC64 <= 8 && op('SUB', x, op('MULLW', y, op('DIVWU', x, y)))),
    ...rules('(Avg64u <t> x y) => (ADD (SRDconst <t> (SUB <t> x y) [1]) y)', ({ t, x, y }) =>
      op('ADD', op('SRDconst', { type: t, auxInt: 1n }, op('SUB', { type: t }, x, y)), y),
    ),
    ...same('(Mul64 ...) => (MULLD ...)'),
    ...same('(Mul(32|16|8) ...) => (MULLW ...)'),
    ...rules('(Select0 (Mul64uhilo x y)) => (MULHDU x y)', ({ x, y }) => op('MULHDU', x, y)),
    ...rules('(Select1 (Mul64uhilo x y)) => (MULLD x y)', ({ x, y }) => op('MULLD', x, y)),
    ...rules('(Select0 (Mul64uover x y)) => (MULLD x y)', ({ x, y }) => op('MULLD', x, y)),
    ...rules('(Select1 (Mul64uover x y)) => (SETBCR [2] (CMPconst [0] (MULHDU <x.Type> x y)))', ({ x, y }) =>
      op('SETBCR', { auxInt: 2n }, op('CMPconst', { auxInt: 0n }, op('MULHDU', { type: x.type }, x, y))),
    ),
    ...rules('(Div64 [false] x y) => (DIVD x y)', ({ x, y }) => op('DIVD', x, y)),
    ...same('(Div64u ...) => (DIVDU ...)'),
    ...rules('(Div32 [false] x y) => (DIVW x y)', ({ x, y }) => op('DIVW', x, y)),
    ...same('(Div32u ...) => (DIVWU ...)'),
    ...rules('(Div16 [false] x y) => (DIVW (SignExt16to32 x) (SignExt16to32 y))', ({ x, y }) => op('DIVW', op('SignExt16to32', x), op('SignExt16to32', y))),
    ...rules('(Div16u x y) => (DIVWU (ZeroExt16to32 x) (ZeroExt16to32 y))', ({ x, y }) => op('DIVWU', op('ZeroExt16to32', x), op('ZeroExt16to32', y))),
    ...rules('(Div8 x y) => (DIVW (SignExt8to32 x) (SignExt8to32 y))', ({ x, y }) => op('DIVW', op('SignExt8to32', x), op('SignExt8to32', y))),
    ...rules('(Div8u x y) => (DIVWU (ZeroExt8to32 x) (ZeroExt8to32 y))', ({ x, y }) => op('DIVWU', op('ZeroExt8to32', x), op('ZeroExt8to32', y))),
    ...same('(Hmul(64|64u|32|32u) ...) => (MULH(D|DU|W|WU) ...)'),
    ...same('(Mul(32|64)F ...) => ((FMULS|FMUL) ...)'),
    ...same('(Div(32|64)F ...) => ((FDIVS|FDIV) ...)'),
  ]
}

export function conversions(): RuleDef[] {
  return [
    ...rules('(Cvt32to(32|64)F x) => ((FCFIDS|FCFID) (MTVSRD (SignExt32to64 x)))', ({ x }, [, cf]) => op(cf!, op('MTVSRD', op('SignExt32to64', x)))),
    ...rules('(Cvt64to(32|64)F x) => ((FCFIDS|FCFID) (MTVSRD x))', ({ x }, [, cf]) => op(cf!, op('MTVSRD', x))),
    ...rules('(Cvt32Fto(32|64) x) => (MFVSRD (FCTI(W|D)Z x))', ({ x }, [, w]) => op('MFVSRD', op(`FCTI${w}Z`, x))),
    ...rules('(Cvt64Fto(32|64) x) => (MFVSRD (FCTI(W|D)Z x))', ({ x }, [, w]) => op('MFVSRD', op(`FCTI${w}Z`, x))),
    ...same('(Cvt32Fto64F ...) => (Copy ...)'),
    ...same('(Cvt64Fto32F ...) => (FRSP ...)'),
    ...same('(CvtBoolToUint8 ...) => (Copy ...)'),
    ...same('(Round(32|64)F ...) => (LoweredRound(32|64)F ...)'),
    ...same('(Sqrt ...) => (FSQRT ...)'),
    ...same('(Sqrt32 ...) => (FSQRTS ...)'),
    ...same('(Floor ...) => (FFLOOR ...)'),
    ...same('(Ceil ...) => (FCEIL ...)'),
    ...same('(Trunc ...) => (FTRUNC ...)'),
    ...same('(Round ...) => (FROUND ...)'),
    ...rules('(Copysign x y) => (FCPSGN y x)', ({ x, y }) => op('FCPSGN', y, x)),
    ...same('(Abs ...) => (FABS ...)'),
    ...same('(FMA ...) => (FMADD ...)'),
    ...same('(SignExt8to(16|32|64) ...) => (MOVBreg ...)'),
    ...same('(SignExt16to(32|64) ...) => (MOVHreg ...)'),
    ...same('(SignExt32to64 ...) => (MOVWreg ...)'),
    ...same('(ZeroExt8to(16|32|64) ...) => (MOVBZreg ...)'),
    ...same('(ZeroExt16to(32|64) ...) => (MOVHZreg ...)'),
    ...same('(ZeroExt32to64 ...) => (MOVWZreg ...)'),
    ...rules('(Trunc(16|32|64)to8 <t> x) && t.IsSigned() => (MOVBreg x)', ({ t, x }) => isSigned(t) && op('MOVBreg', x)),
    ...rules('(Trunc(16|32|64)to8 x) => (MOVBZreg x)', ({ x }) => op('MOVBZreg', x)),
    ...rules('(Trunc(32|64)to16 <t> x) && t.IsSigned() => (MOVHreg x)', ({ t, x }) => isSigned(t) && op('MOVHreg', x)),
    ...rules('(Trunc(32|64)to16 x) => (MOVHZreg x)', ({ x }) => op('MOVHZreg', x)),
    ...rules('(Trunc64to32 <t> x) && t.IsSigned() => (MOVWreg x)', ({ t, x }) => isSigned(t) && op('MOVWreg', x)),
    ...rules('(Trunc64to32 x) => (MOVWZreg x)', ({ x }) => op('MOVWZreg', x)),
    ...rules('(Const(64|32|16|8) [val]) => (MOVDconst [int64(val)])', ({ val }) => op('MOVDconst', { auxInt: val })),
    ...same('(Const(32|64)F ...) => (FMOV(S|D)const ...)'),
    ...rules('(ConstNil) => (MOVDconst [0])', () => op('MOVDconst', { auxInt: 0n })),
    ...rules('(ConstBool [t]) => (MOVDconst [b2i(t)])', ({ t }) => op('MOVDconst', { auxInt: t ? 1n : 0n })),
  ]
}

/** Rotates, then shifts: constant amounts, bounded ones, and Go's saturating semantics with ISEL. */
export function shifts(): RuleDef[] {
  const r: RuleDef[] = [
    ...rules('(RotateLeft8 <t> x (MOVDconst [c])) => (Or8 (Lsh8x64 <t> x (MOVDconst [c&7])) (Rsh8Ux64 <t> x (MOVDconst [-c&7])))', ({ t, x, c }: { t: SsaType; x: Value; c: I }) =>
      op('Or8', op('Lsh8x64', { type: t }, x, op('MOVDconst', { auxInt: c & 7n })), op('Rsh8Ux64', { type: t }, x, op('MOVDconst', { auxInt: -c & 7n }))),
    ),
    ...rules('(RotateLeft16 <t> x (MOVDconst [c])) => (Or16 (Lsh16x64 <t> x (MOVDconst [c&15])) (Rsh16Ux64 <t> x (MOVDconst [-c&15])))', ({ t, x, c }: { t: SsaType; x: Value; c: I }) =>
      op('Or16', op('Lsh16x64', { type: t }, x, op('MOVDconst', { auxInt: c & 15n })), op('Rsh16Ux64', { type: t }, x, op('MOVDconst', { auxInt: -c & 15n }))),
    ),
    ...same('(RotateLeft(32|64) ...) => ((ROTLW|ROTL) ...)'),
    // Large constant signed right shifts keep the sign bit.
    ...rules('(Rsh64x64 x (MOVDconst [c])) && uint64(c) >= 64 => (SRADconst x [63])', ({ x, c }: { x: Value; c: I }) => BigInt.asUintN(64, c) >= 64n && op('SRADconst', { auxInt: 63n }, x)),
    ...rules('(Rsh32x64 x (MOVDconst [c])) && uint64(c) >= 32 => (SRAWconst x [63])', ({ x, c }: { x: Value; c: I }) => BigInt.asUintN(64, c) >= 32n && op('SRAWconst', { auxInt: 63n }, x)),
    ...rules('(Rsh16x64 x (MOVDconst [c])) && uint64(c) >= 16 => (SRAWconst (SignExt16to32 x) [63])', ({ x, c }: { x: Value; c: I }) =>
      BigInt.asUintN(64, c) >= 16n && op('SRAWconst', { auxInt: 63n }, op('SignExt16to32', x)),
    ),
    ...rules('(Rsh8x64 x (MOVDconst [c])) && uint64(c) >= 8 => (SRAWconst (SignExt8to32 x) [63])', ({ x, c }: { x: Value; c: I }) =>
      BigInt.asUintN(64, c) >= 8n && op('SRAWconst', { auxInt: 63n }, op('SignExt8to32', x)),
    ),
    // Constant shifts.
    ...rules('((Lsh64|Rsh64|Rsh64U)x64 x (MOVDconst [c])) && uint64(c) < 64 => (S(L|RA|R)Dconst x [c])', ({ x, c }: { x: Value; c: I }, [, s]) =>
      BigInt.asUintN(64, c) < 64n && op(`S${s}Dconst`, { auxInt: c }, x),
    ),
    ...rules('((Lsh32|Rsh32|Rsh32U)x64 x (MOVDconst [c])) && uint64(c) < 32 => (S(L|RA|R)Wconst x [c])', ({ x, c }: { x: Value; c: I }, [, s]) =>
      BigInt.asUintN(64, c) < 32n && op(`S${s}Wconst`, { auxInt: c }, x),
    ),
    ...rules('((Rsh16|Rsh16U)x64 x (MOVDconst [c])) && uint64(c) < 16 => (SR(AW|W)const ((Sign|Zero)Ext16to32 x) [c])', ({ x, c }: { x: Value; c: I }, [, s, e]) =>
      BigInt.asUintN(64, c) < 16n && op(`SR${s}const`, { auxInt: c }, op(`${e}Ext16to32`, x)),
    ),
    ...rules('(Lsh16x64 x (MOVDconst [c])) && uint64(c) < 16 => (SLWconst x [c])', ({ x, c }: { x: Value; c: I }) => BigInt.asUintN(64, c) < 16n && op('SLWconst', { auxInt: c }, x)),
    ...rules('((Rsh8|Rsh8U)x64 x (MOVDconst [c])) && uint64(c) < 8 => (SR(AW|W)const ((Sign|Zero)Ext8to32 x) [c])', ({ x, c }: { x: Value; c: I }, [, s, e]) =>
      BigInt.asUintN(64, c) < 8n && op(`SR${s}const`, { auxInt: c }, op(`${e}Ext8to32`, x)),
    ),
    ...rules('(Lsh8x64 x (MOVDconst [c])) && uint64(c) < 8 => (SLWconst x [c])', ({ x, c }: { x: Value; c: I }) => BigInt.asUintN(64, c) < 8n && op('SLWconst', { auxInt: c }, x)),
  ]
  // Bounded shifts need no check of the amount.
  const bounded: [string, string, string | null][] = [
    ['Lsh64', 'SLD', null], ['Lsh32', 'SLW', null], ['Lsh16', 'SLD', null], ['Lsh8', 'SLD', null],
    ['Rsh64U', 'SRD', null], ['Rsh32U', 'SRW', null], ['Rsh16U', 'SRD', 'MOVHZreg'], ['Rsh8U', 'SRD', 'MOVBZreg'],
    ['Rsh64', 'SRAD', null], ['Rsh32', 'SRAW', null], ['Rsh16', 'SRAD', 'MOVHreg'], ['Rsh8', 'SRAD', 'MOVBreg'],
  ]
  for (const [g, m, ext] of bounded) {
    const res = ext ? `(${m} (${ext} x) y)` : `(${m} x y)`
    r.push(...rules(`(${g}x(64|32|16|8) x y) && shiftIsBounded(v) => ${res}`, ({ v, x, y }) => shiftIsBounded(v) && op(m, ext ? op(ext, x) : x, y)))
  }
  // Unbounded shifts: Go saturates to 0 or -1, PPC64 shifts do not. ISEL picks
  // the saturated value when the amount is too large (ISELZ comes in late lower).
  const check = (by: string, w: number): { text: string; isel: number; make: (y: Value) => ReturnType<typeof op> } => {
    const hi: Record<string, bigint> = { 64: 0xffc0n, 32: 0xffe0n, 16: 0xfff0n, 8: 0xfff8n }
    switch (by) {
      case '64':
        return { text: `(CMPUconst y [${w}])`, isel: 0, make: (y) => op('CMPUconst', { auxInt: BigInt(w) }, y) }
      case '32':
        return { text: `(CMPWUconst y [${w}])`, isel: 0, make: (y) => op('CMPWUconst', { auxInt: BigInt(w) }, y) }
      default: {
        const mask = by === '16' ? hi[w]! : hi[w]! & 0xffn
        const hex = `0x${mask.toString(16).toUpperCase().padStart(4, '0')}`
        return { text: `(CMPconst [0] (ANDconst [${hex}] y))`, isel: 2, make: (y) => op('CMPconst', { auxInt: 0n }, op('ANDconst', { auxInt: mask }, y)) }
      }
    }
  }
  const wide: Record<number, { sh: (k: string) => string; ext: [string, string] | null }> = {
    64: { sh: (k) => `S${k}D`, ext: null },
    32: { sh: (k) => `S${k}W`, ext: null },
    16: { sh: (k) => `S${k}D`, ext: ['MOVHZreg', 'MOVHreg'] },
    8: { sh: (k) => `S${k}D`, ext: ['MOVBZreg', 'MOVBreg'] },
  }
  for (const w of [64, 32, 16, 8]) {
    const { sh, ext } = wide[w]!
    const sra = w === 32 ? 'SRAW' : 'SRAD'
    for (const by of ['64', '32', '16', '8']) {
      const c = check(by, w)
      for (const [g, k] of [[`Rsh${w}U`, 'R'], [`Lsh${w}`, 'L']] as const) {
        const xin = ext ? `(${ext[0]} x)` : 'x'
        r.push(
          ...rules(`(${g}x${by} <t> x y) => (ISEL [${c.isel}] (${sh(k)} <t> ${xin} y) (MOVDconst [0]) ${c.text})`, ({ t, x, y }) =>
            op('ISEL', { auxInt: BigInt(c.isel) }, op(sh(k), { type: t }, ext ? op(ext[0], x) : x, y), op('MOVDconst', { auxInt: 0n }), c.make(y)),
          ),
        )
      }
      const xs = ext ? `(${ext[1]} x)` : 'x'
      const sign = BigInt(w === 64 ? 63 : w === 32 ? 31 : w - 1)
      const sc = w === 32 ? 'SRAWconst' : 'SRADconst'
      r.push(
        ...rules(`(Rsh${w}x${by} <t> x y) => (ISEL [${c.isel}] (${sra} <t> ${xs} y) (${sc} <t> ${xs} [${sign}]) ${c.text})`, ({ t, x, y }) => {
          const xv = (): Value | ReturnType<typeof op> => (ext ? op(ext[1], x) : x)
          return op('ISEL', { auxInt: BigInt(c.isel) }, op(sra, { type: t }, xv(), y), op(sc, { type: t, auxInt: sign }, xv()), c.make(y))
        }),
      )
    }
  }
  return r
}

/** Addresses, bit counting, logic and the boolean ops. */
export function addressesAndLogic(): RuleDef[] {
  return [
    ...rules('(Addr {sym} base) => (MOVDaddr {sym} [0] base)', ({ v, base }) => op('MOVDaddr', { aux: v.aux, auxInt: 0n }, base)),
    ...rules('(LocalAddr <t> {sym} base mem) && t.Elem().HasPointers() => (MOVDaddr {sym} (SPanchored base mem))', ({ v, t, base, mem }) =>
      elemHasPointers(t) && op('MOVDaddr', { aux: v.aux }, op('SPanchored', { type: T.uintptr }, base, mem)),
    ),
    ...rules('(LocalAddr <t> {sym} base _) && !t.Elem().HasPointers() => (MOVDaddr {sym} base)', ({ v, t, base }) => !elemHasPointers(t) && op('MOVDaddr', { aux: v.aux }, base)),
    ...rules('(OffPtr [off] ptr) => (ADD (MOVDconst <typ.Int64> [off]) ptr)', ({ off, ptr }) => op('ADD', op('MOVDconst', { type: T.int64, auxInt: off }), ptr)),
    ...same('(Ctz(64|32|16|8)NonZero ...) => (Ctz64 ...)'),
    ...rules('(Ctz64 x) && buildcfg.GOPPC64 <= 8 => (POPCNTD (ANDN <typ.Int64> (ADDconst <typ.Int64> [-1] x) x))', ({ x }) =>
      GOPPC64 <= 8 && op('POPCNTD', op('ANDN', { type: T.int64 }, op('ADDconst', { type: T.int64, auxInt: -1n }, x), x)),
    ),
    ...rules('(Ctz32 x) && buildcfg.GOPPC64 <= 8 => (POPCNTW (MOVWZreg (ANDN <typ.Int> (ADDconst <typ.Int> [-1] x) x)))', ({ x }) =>
      GOPPC64 <= 8 && op('POPCNTW', op('MOVWZreg', { type: T.int64 }, op('ANDN', { type: T.int }, op('ADDconst', { type: T.int, auxInt: -1n }, x), x))),
    ),
    ...rules('(Ctz16 x) && buildcfg.GOPPC64 <= 8 => (POPCNTW (MOVHZreg (ANDN <typ.Int16> (ADDconst <typ.Int16> [-1] x) x)))', ({ x }) =>
      GOPPC64 <= 8 && op('POPCNTW', op('MOVHZreg', { type: T.int64 }, op('ANDN', { type: T.int16 }, op('ADDconst', { type: T.int16, auxInt: -1n }, x), x))),
    ),
    ...rules('(Ctz8 x) && buildcfg.GOPPC64 <= 8 => (POPCNTB (MOVBZreg (ANDN <typ.UInt8> (ADDconst <typ.UInt8> [-1] x) x)))', ({ x }) =>
      GOPPC64 <= 8 && op('POPCNTB', op('MOVBZreg', { type: T.int64 }, op('ANDN', { type: T.uint8 }, op('ADDconst', { type: T.uint8, auxInt: -1n }, x), x))),
    ),
    ...rules('(BitLen64 x) => (SUBFCconst [64] (CNTLZD <typ.Int> x))', ({ x }) => op('SUBFCconst', { auxInt: 64n }, op('CNTLZD', { type: T.int }, x))),
    ...rules('(BitLen32 x) => (SUBFCconst [32] (CNTLZW <typ.Int> x))', ({ x }) => op('SUBFCconst', { auxInt: 32n }, op('CNTLZW', { type: T.int }, x))),
    ...rules('(BitLen(16|8) x) => (BitLen64 (ZeroExt(16|8)to64 x))', ({ x }, [w]) => op('BitLen64', op(`ZeroExt${w}to64`, x))),
    ...same('(PopCount64 ...) => (POPCNTD ...)'),
    ...rules('(PopCount(32|16|8) x) => (POPCNT(W|W|B) (MOV(W|H|B)Zreg x))', ({ x }, [, p, m]) => op(`POPCNT${p}`, op(`MOV${m}Zreg`, { type: T.int64 }, x))),
    ...same('(And(64|32|16|8) ...) => (AND ...)'),
    ...same('(Or(64|32|16|8) ...) => (OR ...)'),
    ...same('(Xor(64|32|16|8) ...) => (XOR ...)'),
    ...same('(Neg(64|32|16|8) ...) => (NEG ...)'),
    ...same('(Neg(64|32)F ...) => (FNEG ...)'),
    ...rules('(Com(64|32|16|8) x) => (NOR x x)', ({ x }) => op('NOR', x, x)),
    ...same('(AndB ...) => (AND ...)'),
    ...same('(OrB ...) => (OR ...)'),
    ...rules('(Not x) => (XORconst [1] x)', ({ x }) => op('XORconst', { auxInt: 1n }, x)),
  ]
}

function elemHasPointers(t: SsaType): boolean {
  if (!t.elem) throw new Error(`LocalAddr of non-pointer type ${t.str}`)
  return t.elem.hasPointers
}

/** Comparisons become a compare (flags) and a pseudo-op reading them. */
export function comparisons(): RuleDef[] {
  const r: RuleDef[] = [
    ...rules('(EqB x y) => (ANDconst [1] (EQV x y))', ({ x, y }) => op('ANDconst', { auxInt: 1n }, op('EQV', x, y))),
  ]
  // Eq/Neq of narrow operands: sign extension when both are signed (so later rules can drop it).
  for (const [g, res] of [['Eq', 'Equal'], ['Neq', 'NotEqual']] as const) {
    if (g === 'Neq') r.push(...same('(NeqB ...) => (XOR ...)'))
    r.push(
      ...rules(`(${g}(8|16) x y) && x.Type.IsSigned() && y.Type.IsSigned() => (${res} (CMPW (SignExt(8|16)to32 x) (SignExt(8|16)to32 y)))`, ({ x, y }, [w]) =>
        isSigned(x.type) && isSigned(y.type) && op(res, op('CMPW', op(`SignExt${w}to32`, x), op(`SignExt${w}to32`, y))),
      ),
      ...rules(`(${g}(8|16) x y) => (${res} (CMPW (ZeroExt(8|16)to32 x) (ZeroExt(8|16)to32 y)))`, ({ x, y }, [w]) =>
        op(res, op('CMPW', op(`ZeroExt${w}to32`, x), op(`ZeroExt${w}to32`, y))),
      ),
      ...rules(`(${g}(32|64|Ptr) x y) => (${res} ((CMPW|CMP|CMP) x y))`, ({ x, y }, [, c]) => op(res, op(c!, x, y))),
      ...rules(`(${g}(32|64)F x y) => (${res} (FCMPU x y))`, ({ x, y }) => op(res, op('FCMPU', x, y))),
    )
  }
  r.push(
    ...rules('(Less(8|16) x y) => (LessThan (CMPW (SignExt(8|16)to32 x) (SignExt(8|16)to32 y)))', ({ x, y }, [w]) =>
      op('LessThan', op('CMPW', op(`SignExt${w}to32`, x), op(`SignExt${w}to32`, y))),
    ),
    ...rules('(Less(32|64) x y) => (LessThan ((CMPW|CMP) x y))', ({ x, y }, [, c]) => op('LessThan', op(c!, x, y))),
    ...rules('(Less(32|64)F x y) => (FLessThan (FCMPU x y))', ({ x, y }) => op('FLessThan', op('FCMPU', x, y))),
    ...rules('(Less(8|16)U x y) => (LessThan (CMPWU (ZeroExt(8|16)to32 x) (ZeroExt(8|16)to32 y)))', ({ x, y }, [w]) =>
      op('LessThan', op('CMPWU', op(`ZeroExt${w}to32`, x), op(`ZeroExt${w}to32`, y))),
    ),
    ...rules('(Less(32|64)U x y) => (LessThan ((CMPWU|CMPU) x y))', ({ x, y }, [, c]) => op('LessThan', op(c!, x, y))),
    ...rules('(Leq(8|16) x y) => (LessEqual (CMPW (SignExt(8|16)to32 x) (SignExt(8|16)to32 y)))', ({ x, y }, [w]) =>
      op('LessEqual', op('CMPW', op(`SignExt${w}to32`, x), op(`SignExt${w}to32`, y))),
    ),
    ...rules('(Leq(32|64) x y) => (LessEqual ((CMPW|CMP) x y))', ({ x, y }, [, c]) => op('LessEqual', op(c!, x, y))),
    ...rules('(Leq(32|64)F x y) => (FLessEqual (FCMPU x y))', ({ x, y }) => op('FLessEqual', op('FCMPU', x, y))),
    ...rules('(Leq(8|16)U x y) => (LessEqual (CMPWU (ZeroExt(8|16)to32 x) (ZeroExt(8|16)to32 y)))', ({ x, y }, [w]) =>
      op('LessEqual', op('CMPWU', op(`ZeroExt${w}to32`, x), op(`ZeroExt${w}to32`, y))),
    ),
    ...rules('(Leq(32|64)U x y) => (LessEqual (CMP(WU|U) x y))', ({ x, y }, [, c]) => op('LessEqual', op(`CMP${c}`, x, y))),
  )
  return r
}

/** CondSelect becomes ISEL on the flags its condition came from (once the condition is lowered). */
export function condSelects(): RuleDef[] {
  return [
    ...rules('(CondSelect x y (SETBC [a] cmp)) => (ISEL [a] x y cmp)', ({ x, y, a, cmp }) => op('ISEL', { auxInt: a }, x, y, cmp)),
    ...rules('(CondSelect x y (SETBCR [a] cmp)) => (ISEL [a+4] x y cmp)', ({ x, y, a, cmp }: { x: Value; y: Value; a: I; cmp: Value }) => op('ISEL', { auxInt: a + 4n }, x, y, cmp)),
    ...rules('(CondSelect x y bool) && flagArg(bool) == nil => (ISEL [6] x y (CMPconst [0] (ANDconst [1] bool)))', ({ x, y, bool }) =>
      flagArg(bool) === null && op('ISEL', { auxInt: 6n }, x, y, op('CMPconst', { auxInt: 0n }, op('ANDconst', { auxInt: 1n }, bool))),
    ),
  ]
}

/** Loads and stores by type; Zero and Move by size, as power8 does them. */
export function memory(): RuleDef[] {
  const r: RuleDef[] = []
  const loads: [cond: string, test: (t: SsaType) => boolean, result: string][] = [
    ['(is64BitInt(t) || isPtr(t))', (t) => isInt(t, 8) || isPtrType(t), 'MOVDload'],
    ['is32BitInt(t) &&  t.IsSigned()', (t) => isInt(t, 4) && isSigned(t), 'MOVWload'],
    ['is32BitInt(t) && !t.IsSigned()', (t) => isInt(t, 4) && !isSigned(t), 'MOVWZload'],
    ['is16BitInt(t) &&  t.IsSigned()', (t) => isInt(t, 2) && isSigned(t), 'MOVHload'],
    ['is16BitInt(t) && !t.IsSigned()', (t) => isInt(t, 2) && !isSigned(t), 'MOVHZload'],
    ['t.IsBoolean()', (t) => t.kind === 'bool', 'MOVBZload'],
    ['is8BitInt(t) &&  t.IsSigned()', (t) => isInt(t, 1) && isSigned(t), 'MOVBreg'],
    ['is8BitInt(t) && !t.IsSigned()', (t) => isInt(t, 1) && !isSigned(t), 'MOVBZload'],
    ['is32BitFloat(t)', (t) => isFloat(t, 4), 'FMOVSload'],
    ['is64BitFloat(t)', (t) => isFloat(t, 8), 'FMOVDload'],
  ]
  for (const [cond, test, res] of loads) {
    // PPC64 has no sign-extending byte load.
    const text = res === 'MOVBreg' ? '(MOVBreg (MOVBZload ptr mem))' : `(${res} ptr mem)`
    r.push(...rules(`(Load <t> ptr mem) && ${cond} => ${text}`, ({ t, ptr, mem }) => test(t) && (res === 'MOVBreg' ? op(res, op('MOVBZload', ptr, mem)) : op(res, ptr, mem))))
  }
  const stores: [string, (t: SsaType) => boolean, string][] = [
    ['t.Size() == 8 &&  t.IsFloat()', (t) => size(t) === 8 && t.kind === 'float', 'FMOVDstore'],
    ['t.Size() == 4 &&  t.IsFloat()', (t) => size(t) === 4 && t.kind === 'float', 'FMOVSstore'],
    ['t.Size() == 8 && !t.IsFloat()', (t) => size(t) === 8 && t.kind !== 'float', 'MOVDstore'],
    ['t.Size() == 4 && !t.IsFloat()', (t) => size(t) === 4 && t.kind !== 'float', 'MOVWstore'],
    ['t.Size() == 2', (t) => size(t) === 2, 'MOVHstore'],
    ['t.Size() == 1', (t) => size(t) === 1, 'MOVBstore'],
  ]
  for (const [cond, test, res] of stores) {
    r.push(...rules(`(Store {t} ptr val mem) && ${cond} => (${res} ptr val mem)`, ({ t, ptr, val, mem }) => test(t) && op(res, ptr, val, mem)))
  }
  // Zero: store chains up to 32 bytes (offsets folded later), then the short and looping forms.
  const z = (o: string, off: bigint, p: Value, m: Value | ReturnType<typeof op>): ReturnType<typeof op> => op(o, { auxInt: off }, p, m)
  r.push(
    ...rules('(Zero [0] _ mem) => mem', ({ mem }) => mem),
    ...rules('(Zero [1] destptr mem) => (MOVBstorezero destptr mem)', ({ destptr: p, mem }) => z('MOVBstorezero', 0n, p, mem)),
    ...rules('(Zero [2] destptr mem) => (MOVHstorezero destptr mem)', ({ destptr: p, mem }) => z('MOVHstorezero', 0n, p, mem)),
    ...rules('(Zero [3] destptr mem) => (MOVBstorezero [2] destptr (MOVHstorezero destptr mem))', ({ destptr: p, mem }) =>
      z('MOVBstorezero', 2n, p, z('MOVHstorezero', 0n, p, mem)),
    ),
    ...rules('(Zero [4] destptr mem) => (MOVWstorezero destptr mem)', ({ destptr: p, mem }) => z('MOVWstorezero', 0n, p, mem)),
    ...rules('(Zero [5] destptr mem) => (MOVBstorezero [4] destptr (MOVWstorezero destptr mem))', ({ destptr: p, mem }) =>
      z('MOVBstorezero', 4n, p, z('MOVWstorezero', 0n, p, mem)),
    ),
    ...rules('(Zero [6] destptr mem) => (MOVHstorezero [4] destptr (MOVWstorezero destptr mem))', ({ destptr: p, mem }) =>
      z('MOVHstorezero', 4n, p, z('MOVWstorezero', 0n, p, mem)),
    ),
    ...rules('(Zero [7] destptr mem) => (MOVBstorezero [6] destptr (MOVHstorezero [4] destptr (MOVWstorezero destptr mem)))', ({ destptr: p, mem }) =>
      z('MOVBstorezero', 6n, p, z('MOVHstorezero', 4n, p, z('MOVWstorezero', 0n, p, mem))),
    ),
    ...rules('(Zero [8] {t} destptr mem) => (MOVDstorezero destptr mem)', ({ destptr: p, mem }) => z('MOVDstorezero', 0n, p, mem)),
    ...rules('(Zero [12] {t} destptr mem) => (MOVWstorezero [8] destptr (MOVDstorezero [0] destptr mem))', ({ destptr: p, mem }) =>
      z('MOVWstorezero', 8n, p, z('MOVDstorezero', 0n, p, mem)),
    ),
    ...rules('(Zero [16] {t} destptr mem) => (MOVDstorezero [8] destptr (MOVDstorezero [0] destptr mem))', ({ destptr: p, mem }) =>
      z('MOVDstorezero', 8n, p, z('MOVDstorezero', 0n, p, mem)),
    ),
    ...rules('(Zero [24] {t} destptr mem) => (MOVDstorezero [16] destptr (MOVDstorezero [8] destptr (MOVDstorezero [0] destptr mem)))', ({ destptr: p, mem }) =>
      z('MOVDstorezero', 16n, p, z('MOVDstorezero', 8n, p, z('MOVDstorezero', 0n, p, mem))),
    ),
    ...rules(
      '(Zero [32] {t} destptr mem) => (MOVDstorezero [24] destptr (MOVDstorezero [16] destptr (MOVDstorezero [8] destptr (MOVDstorezero [0] destptr mem))))',
      ({ destptr: p, mem }) => z('MOVDstorezero', 24n, p, z('MOVDstorezero', 16n, p, z('MOVDstorezero', 8n, p, z('MOVDstorezero', 0n, p, mem)))),
    ),
    ...rules('(Zero [s] ptr mem) && buildcfg.GOPPC64 <= 8 && s < 64 => (LoweredZeroShort [s] ptr mem)', ({ s, ptr, mem }: { s: I; ptr: Value; mem: Value }) =>
      GOPPC64 <= 8 && s < 64n && op('LoweredZeroShort', { auxInt: s }, ptr, mem),
    ),
    ...rules('(Zero [s] ptr mem) && buildcfg.GOPPC64 <= 8 => (LoweredZero [s] ptr mem)', ({ s, ptr, mem }) => GOPPC64 <= 8 && op('LoweredZero', { auxInt: s }, ptr, mem)),
    ...rules('(Zero [s] ptr mem) && s < 128 && buildcfg.GOPPC64 >= 9 => (LoweredQuadZeroShort [s] ptr mem)', ({ s, ptr, mem }: { s: I; ptr: Value; mem: Value }) =>
      s < 128n && GOPPC64 >= 9 && op('LoweredQuadZeroShort', { auxInt: s }, ptr, mem),
    ),
    ...rules('(Zero [s] ptr mem) && buildcfg.GOPPC64 >= 9 => (LoweredQuadZero [s] ptr mem)', ({ s, ptr, mem }) => GOPPC64 >= 9 && op('LoweredQuadZero', { auxInt: s }, ptr, mem)),
  )
  // Move: one load/store pair per piece up to 8 bytes, then a loop.
  const mv = (st: string, ld: string, off: bigint, d: Value, s: Value, m: Value | ReturnType<typeof op>, mem: Value): ReturnType<typeof op> =>
    op(st, { auxInt: off }, d, op(ld, { auxInt: off }, s, mem), m)
  r.push(
    // The type-assertion and interface-switch caches are read with an atomic load (gc's dottype1, interfaceSwitch).
    ...rules('(AtomicLoadPtr ptr mem) => (LoweredAtomicLoadPtr [1] ptr mem)', ({ ptr, mem }) => op('LoweredAtomicLoadPtr', { auxInt: 1n }, ptr, mem)),
    ...rules('(Move [0] _ _ mem) => mem', ({ mem }) => mem),
    ...rules('(Move [1] dst src mem) => (MOVBstore dst (MOVBZload src mem) mem)', ({ dst, src, mem }) => mv('MOVBstore', 'MOVBZload', 0n, dst, src, mem, mem)),
    ...rules('(Move [2] dst src mem) => (MOVHstore dst (MOVHZload src mem) mem)', ({ dst, src, mem }) => mv('MOVHstore', 'MOVHZload', 0n, dst, src, mem, mem)),
    ...rules('(Move [4] dst src mem) => (MOVWstore dst (MOVWZload src mem) mem)', ({ dst, src, mem }) => mv('MOVWstore', 'MOVWZload', 0n, dst, src, mem, mem)),
    ...rules('(Move [8] {t} dst src mem) => (MOVDstore dst (MOVDload src mem) mem)', ({ dst, src, mem }) => mv('MOVDstore', 'MOVDload', 0n, dst, src, mem, mem)),
    ...rules('(Move [3] dst src mem) => (MOVBstore [2] dst (MOVBZload [2] src mem) (MOVHstore dst (MOVHload src mem) mem))', ({ dst, src, mem }) =>
      mv('MOVBstore', 'MOVBZload', 2n, dst, src, mv('MOVHstore', 'MOVHload', 0n, dst, src, mem, mem), mem),
    ),
    ...rules('(Move [5] dst src mem) => (MOVBstore [4] dst (MOVBZload [4] src mem) (MOVWstore dst (MOVWZload src mem) mem))', ({ dst, src, mem }) =>
      mv('MOVBstore', 'MOVBZload', 4n, dst, src, mv('MOVWstore', 'MOVWZload', 0n, dst, src, mem, mem), mem),
    ),
    ...rules('(Move [6] dst src mem) => (MOVHstore [4] dst (MOVHZload [4] src mem) (MOVWstore dst (MOVWZload src mem) mem))', ({ dst, src, mem }) =>
      mv('MOVHstore', 'MOVHZload', 4n, dst, src, mv('MOVWstore', 'MOVWZload', 0n, dst, src, mem, mem), mem),
    ),
    ...rules(
      '(Move [7] dst src mem) => (MOVBstore [6] dst (MOVBZload [6] src mem) (MOVHstore [4] dst (MOVHZload [4] src mem) (MOVWstore dst (MOVWZload src mem) mem)))',
      ({ dst, src, mem }) => mv('MOVBstore', 'MOVBZload', 6n, dst, src, mv('MOVHstore', 'MOVHZload', 4n, dst, src, mv('MOVWstore', 'MOVWZload', 0n, dst, src, mem, mem), mem), mem),
    ),
    ...rules('(Move [s] dst src mem) && s > 8 && buildcfg.GOPPC64 <= 8 && logLargeCopy(v, s) => (LoweredMove [s] dst src mem)', ({ s, dst, src, mem }: { s: I; dst: Value; src: Value; mem: Value }) =>
      s > 8n && GOPPC64 <= 8 && op('LoweredMove', { auxInt: s }, dst, src, mem),
    ),
    ...rules('(Move [s] dst src mem) && s > 8 && s <= 64 && buildcfg.GOPPC64 >= 9 => (LoweredQuadMoveShort [s] dst src mem)', ({ s, dst, src, mem }: { s: I; dst: Value; src: Value; mem: Value }) =>
      s > 8n && s <= 64n && GOPPC64 >= 9 && op('LoweredQuadMoveShort', { auxInt: s }, dst, src, mem),
    ),
    ...rules('(Move [s] dst src mem) && s > 8 && buildcfg.GOPPC64 >= 9 && logLargeCopy(v, s) => (LoweredQuadMove [s] dst src mem)', ({ s, dst, src, mem }: { s: I; dst: Value; src: Value; mem: Value }) =>
      s > 8n && GOPPC64 >= 9 && op('LoweredQuadMove', { auxInt: s }, dst, src, mem),
    ),
  )
  return r
}

/** Calls, runtime helpers, checks and panics. */
export function callsAndChecks(): RuleDef[] {
  return [
    ...same('(StaticCall ...) => (CALLstatic ...)'),
    ...same('(ClosureCall ...) => (CALLclosure ...)'),
    ...same('(InterCall ...) => (CALLinter ...)'),
    ...same('(TailCall ...) => (CALLtail ...)'),
    ...same('(GetClosurePtr ...) => (LoweredGetClosurePtr ...)'),
    ...same('(GetCallerSP ...) => (LoweredGetCallerSP ...)'),
    ...same('(GetCallerPC ...) => (LoweredGetCallerPC ...)'),
    ...rules('(IsNonNil ptr) => (NotEqual (CMPconst [0] ptr))', ({ ptr }) => op('NotEqual', op('CMPconst', { auxInt: 0n }, ptr))),
    ...rules('(IsInBounds idx len) => (LessThan (CMPU idx len))', ({ idx, len }) => op('LessThan', op('CMPU', idx, len))),
    ...rules('(IsSliceInBounds idx len) => (LessEqual (CMPU idx len))', ({ idx, len }) => op('LessEqual', op('CMPU', idx, len))),
    ...same('(NilCheck ...) => (LoweredNilCheck ...)'),
    ...same('(WB ...) => (LoweredWB ...)'),
    ...same('(PubBarrier ...) => (LoweredPubBarrier ...)'),
    ...same('(PanicBounds ...) => (LoweredPanicBoundsRR ...)'),
  ]
}

// A constant operand of a bounds panic moves into the aux (PanicBoundsC{C} / PanicBoundsCC{Cx Cy}),
// kept here as a symbol spelled the way gc prints the struct: `{8}`, `{0 5}`.
const boundsC = (c: bigint): Aux => ({ kind: 'sym', name: `{${c}}` })
const boundsCC = (cx: bigint, cy: bigint): Aux => ({ kind: 'sym', name: `{${cx} ${cy}}` })
function boundsConst(p: Aux | null): bigint | null {
  const m = p?.kind === 'sym' ? /^\{(-?\d+)\}$/.exec(p.name) : null
  return m ? BigInt(m[1]!) : null
}

/** Lowered bounds panics (their ops are in PPC64.rules' optimisation section, after the calls). */
export function panicBounds(): RuleDef[] {
  return [
    ...rules('(LoweredPanicBoundsRR [kind] x (MOVDconst [c]) mem) => (LoweredPanicBoundsRC [kind] x {PanicBoundsC{C:c}} mem)', ({ kind, x, c, mem }) =>
      op('LoweredPanicBoundsRC', { auxInt: kind, aux: boundsC(c) }, x, mem),
    ),
    ...rules('(LoweredPanicBoundsRR [kind] (MOVDconst [c]) y mem) => (LoweredPanicBoundsCR [kind] {PanicBoundsC{C:c}} y mem)', ({ kind, c, y, mem }) =>
      op('LoweredPanicBoundsCR', { auxInt: kind, aux: boundsC(c) }, y, mem),
    ),
    ...rules('(LoweredPanicBoundsRC [kind] {p} (MOVDconst [c]) mem) => (LoweredPanicBoundsCC [kind] {PanicBoundsCC{Cx:c, Cy:p.C}} mem)', ({ kind, p, c, mem }) => {
      const pc = boundsConst(p)
      return pc !== null && op('LoweredPanicBoundsCC', { auxInt: kind, aux: boundsCC(c, pc) }, mem)
    }),
    ...rules('(LoweredPanicBoundsCR [kind] {p} (MOVDconst [c]) mem) => (LoweredPanicBoundsCC [kind] {PanicBoundsCC{Cx:p.C, Cy:c}} mem)', ({ kind, p, c, mem }) => {
      const pc = boundsConst(p)
      return pc !== null && op('LoweredPanicBoundsCC', { auxInt: kind, aux: boundsCC(pc, c) }, mem)
    }),
  ]
}

export function slicemask(): RuleDef[] {
  return rules('(Slicemask <t> x) => (SRADconst (NEG <t> x) [63])', ({ t, x }) => op('SRADconst', { auxInt: 63n }, op('NEG', { type: t }, x)))
}

/** copy() of a small or disjoint constant size: runtime.memmove becomes a Move again (and is lowered). */
export function memmove(): RuleDef[] {
  return [
    ...rules(
      '(SelectN [0] call:(CALLstatic {sym} s1:(MOVDstore _ (MOVDconst [sz]) s2:(MOVDstore _ src s3:(MOVDstore {t} _ dst mem))))) && sz >= 0 && isSameCall(sym, "runtime.memmove") && s1.Uses == 1 && s2.Uses == 1 && s3.Uses == 1 && isInlinableMemmove(dst, src, sz, config) && clobber(s1, s2, s3, call) => (Move [sz] dst src mem)',
      ({ call, sym, s1, sz, s2, src, s3, dst, mem, env }) =>
        sz >= 0n && isSameCall(sym, 'runtime.memmove') && s1.uses === 1 && s2.uses === 1 && s3.uses === 1 && isInlinableMemmove(dst, src, sz, env.arch) &&
        clobber(s1, s2, s3, call) && op('Move', { auxInt: sz }, dst, src, mem),
    ),
    ...rules(
      '(SelectN [0] call:(CALLstatic {sym} dst src (MOVDconst [sz]) mem)) && sz >= 0 && isSameCall(sym, "runtime.memmove") && call.Uses == 1 && isInlinableMemmove(dst, src, sz, config) && clobber(call) => (Move [sz] dst src mem)',
      ({ call, sym, dst, src, sz, mem, env }) =>
        sz >= 0n && isSameCall(sym, 'runtime.memmove') && call.uses === 1 && isInlinableMemmove(dst, src, sz, env.arch) && clobber(call) && op('Move', { auxInt: sz }, dst, src, mem),
    ),
  ]
}
