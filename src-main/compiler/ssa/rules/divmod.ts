// gc 1.26's divmod rules (ssa/_gen/divmod.rules): division by a constant
// becomes shifts (powers of two, signed) or a multiply by a magic number
// (magic.ts). The pass runs after prove (which reads Div/Mod directly) and
// after divisible; x%c was already x-(x/c)*c from opt, so only Div ops are
// left to rewrite. Unsigned division by a power of two is a generic rule.
//
// Both our targets have 8-byte registers, so gc's config.RegSize == 4
// variants (32-bit targets: Hmul32 forms, Avg32u) are not listed; for each op
// the rules keep divmod.rules' order, which decides which case applies.

import { T, isSigned, type SsaType } from '../types'
import { log2, isPowerOfTwo } from './helpers'
import { preorder } from './preorder'
import { op, rule, type Match, type RuleDef } from './dsl'
import type { Value } from '../func'
import { smagic, smagicOK, umagic, umagicOK } from './magic'

type M = Match & { t: SsaType; x: Value; c: bigint }
const u64 = (n: bigint | number) => op('Const64', { type: T.uint64, auxInt: BigInt(n) })

/** Signed division by a power of two: n/c = (n + (n<0 ? c-1 : 0)) >> log c, the bias from two shifts of the sign. */
function signedPowerOfTwo(): RuleDef[] {
  return [8, 16, 32, 64].map((w) =>
    rule(
      `(Div${w} <t> n (Const${w} [c])) && isPowerOfTwo(c) => (Rsh${w}x64 (Add${w} <t> n (Rsh${w}Ux64 <t> (Rsh${w}x64 <t> n (Const64 <typ.UInt64> [${w - 1}])) (Const64 <typ.UInt64> [int64(${w}-log${w}(c))]))) (Const64 <typ.UInt64> [int64(log${w}(c))]))`,
      ({ v, t, n, c }: M & { n: Value }) => {
        if (!isPowerOfTwo(c)) return null
        const k = log2(w, c)
        const bias = op(`Rsh${w}Ux64`, { type: t }, op(`Rsh${w}x64`, { type: t }, n, u64(w - 1)), u64(BigInt(w) - k))
        return preorder(op(`Rsh${w}x64`, op(`Add${w}`, { type: t }, n, bias), u64(k)), v)
      },
    ),
  )
}

/** Signed 8/16-bit division (case 1): a 32-bit product of the sign-extended dividend, shifted, minus the sign. */
function signedNarrow(w: 8 | 16): RuleDef {
  return rule(
    `(Div${w} <t> x (Const${w} [c])) && smagicOK${w}(c) => (Sub${w} <t> (Rsh32x64 <t> (Mul32 <typ.UInt32> (SignExt${w}to32 x) (Const32 <typ.UInt32> [int32(smagic${w}(c).m)])) (Const64 <typ.UInt64> [${w} + smagic${w}(c).s])) (Rsh32x64 <t> (SignExt${w}to32 x) (Const64 <typ.UInt64> [31])))`,
    ({ v, t, x, c }: M) => {
      if (!smagicOK(w, c)) return null
      const { m, s } = smagic(w, c)
      const ext = op(`SignExt${w}to32`, x)
      const prod = op('Mul32', { type: T.uint32 }, ext, op('Const32', { type: T.uint32, auxInt: m }))
      return preorder(op(`Sub${w}`, { type: t }, op('Rsh32x64', { type: t }, prod, u64(BigInt(w) + s)), op('Rsh32x64', { type: t }, ext, u64(31))), v)
    },
  )
}

function div32(): RuleDef[] {
  return [
    // Case 1 (2N ≤ register size): a 64-bit product.
    rule(
      '(Div32 <t> x (Const32 [c])) && smagicOK32(c) && config.RegSize == 8 => (Sub32 <t> (Rsh64x64 <t> (Mul64 <typ.UInt64> (SignExt32to64 x) (Const64 <typ.UInt64> [int64(smagic32(c).m)])) (Const64 <typ.UInt64> [32 + smagic32(c).s])) (Rsh64x64 <t> (SignExt32to64 x) (Const64 <typ.UInt64> [63])))',
      ({ v, t, x, c }: M) => {
        if (!smagicOK(32, c)) return null
        const { m, s } = smagic(32, c)
        const ext = op('SignExt32to64', x)
        const prod = op('Mul64', { type: T.uint64 }, ext, u64(m))
        return preorder(op('Sub32', { type: t }, op('Rsh64x64', { type: t }, prod, u64(32n + s)), op('Rsh64x64', { type: t }, ext, u64(63))), v)
      },
    ),
  ]
}

function div64(): RuleDef[] {
  return [
    // Case 2: m even, a signed high multiply by m/2 and one shift less.
    rule(
      '(Div64 <t> x (Const64 [c])) && smagicOK64(c) && smagic64(c).m&1 == 0 => (Sub64 <t> (Rsh64x64 <t> (Hmul64 <t> x (Const64 <typ.UInt64> [int64(smagic64(c).m/2)])) (Const64 <typ.UInt64> [smagic64(c).s - 1])) (Rsh64x64 <t> x (Const64 <typ.UInt64> [63])))',
      ({ v, t, x, c }: M) => {
        if (!smagicOK(64, c)) return null
        const { m, s } = smagic(64, c)
        if ((m & 1n) !== 0n) return null
        return preorder(op('Sub64', { type: t }, op('Rsh64x64', { type: t }, op('Hmul64', { type: t }, x, u64(m / 2n)), u64(s - 1n)), op('Rsh64x64', { type: t }, x, u64(63))), v)
      },
    ),
    // Case 3: m odd, x·m = hmul(x, m-2^64) + x.
    rule(
      '(Div64 <t> x (Const64 [c])) && smagicOK64(c) && smagic64(c).m&1 != 0 => (Sub64 <t> (Rsh64x64 <t> (Add64 <t> x (Hmul64 <t> x (Const64 <typ.UInt64> [int64(smagic64(c).m)]))) (Const64 <typ.UInt64> [smagic64(c).s])) (Rsh64x64 <t> x (Const64 <typ.UInt64> [63])))',
      ({ v, t, x, c }: M) => {
        if (!smagicOK(64, c)) return null
        const { m, s } = smagic(64, c)
        if ((m & 1n) === 0n) return null
        return preorder(op('Sub64', { type: t }, op('Rsh64x64', { type: t }, op('Add64', { type: t }, x, op('Hmul64', { type: t }, x, u64(m))), u64(s)), op('Rsh64x64', { type: t }, x, u64(63))), v)
      },
    ),
  ]
}

/** Case 4: an unsigned division whose type is signed (prove made it unsigned, so x < 1<<(N-1)): the signed magic without fix-up. */
const provenNonNegative = (t: SsaType, w: number, c: bigint): boolean => isSigned(t) && smagicOK(w, c)

function div8u(): RuleDef[] {
  return [
    // Case 5 (2N+1 ≤ register size): the N+1-bit multiplier in a 32-bit product.
    rule(
      '(Div8u <t> x (Const8 [c])) && umagicOK8(c) => (Trunc32to8 <t> (Rsh32Ux64 <typ.UInt32> (Mul32 <typ.UInt32> (ZeroExt8to32 x) (Const32 <typ.UInt32> [int32(1<<8 + umagic8(c).m)])) (Const64 <typ.UInt64> [8 + umagic8(c).s])))',
      ({ v, t, x, c }: M) => {
        if (!umagicOK(8, c)) return null
        const { m, s } = umagic(8, c)
        const prod = op('Mul32', { type: T.uint32 }, op('ZeroExt8to32', x), op('Const32', { type: T.uint32, auxInt: (1n << 8n) + m }))
        return preorder(op('Trunc32to8', { type: t }, op('Rsh32Ux64', { type: T.uint32 }, prod, u64(8n + s))), v)
      },
    ),
  ]
}

function div16u(): RuleDef[] {
  return [
    rule(
      '(Div16u <t> x (Const16 [c])) && t.IsSigned() && smagicOK16(c) => (Rsh32Ux64 <t> (Mul32 <typ.UInt32> (SignExt16to32 x) (Const32 <typ.UInt32> [int32(smagic16(c).m)])) (Const64 <typ.UInt64> [16 + smagic16(c).s]))',
      ({ v, t, x, c }: M) => {
        if (!provenNonNegative(t, 16, c)) return null
        const { m, s } = smagic(16, c)
        return preorder(op('Rsh32Ux64', { type: t }, op('Mul32', { type: T.uint32 }, op('SignExt16to32', x), op('Const32', { type: T.uint32, auxInt: m })), u64(16n + s)), v)
      },
    ),
    rule(
      '(Div16u <t> x (Const16 [c])) && umagicOK16(c) && config.RegSize == 8 => (Trunc64to16 <t> (Rsh64Ux64 <typ.UInt64> (Mul64 <typ.UInt64> (ZeroExt16to64 x) (Const64 <typ.UInt64> [int64(1<<16 + umagic16(c).m)])) (Const64 <typ.UInt64> [16 + umagic16(c).s])))',
      ({ v, t, x, c }: M) => {
        if (!umagicOK(16, c)) return null
        const { m, s } = umagic(16, c)
        const prod = op('Mul64', { type: T.uint64 }, op('ZeroExt16to64', x), u64((1n << 16n) + m))
        return preorder(op('Trunc64to16', { type: t }, op('Rsh64Ux64', { type: T.uint64 }, prod, u64(16n + s))), v)
      },
    ),
  ]
}

function div32u(): RuleDef[] {
  return [
    rule(
      '(Div32u <t> x (Const32 [c])) && t.IsSigned() && smagicOK32(c) && config.RegSize == 8 => (Rsh64Ux64 <t> (Mul64 <typ.UInt64> (SignExt32to64 x) (Const64 <typ.UInt64> [int64(smagic32(c).m)])) (Const64 <typ.UInt64> [32 + smagic32(c).s]))',
      ({ v, t, x, c }: M) => {
        if (!provenNonNegative(t, 32, c)) return null
        const { m, s } = smagic(32, c)
        return preorder(op('Rsh64Ux64', { type: t }, op('Mul64', { type: T.uint64 }, op('SignExt32to64', x), u64(m)), u64(32n + s)), v)
      },
    ),
    // Case 6: the N+1-bit multiplier is even: N bits of m/2, one shift less.
    rule(
      '(Div32u <t> x (Const32 [c])) && umagicOK32(c) && umagic32(c).m&1 == 0 && config.RegSize == 8 => (Trunc64to32 <t> (Rsh64Ux64 <typ.UInt64> (Mul64 <typ.UInt64> (ZeroExt32to64 x) (Const64 <typ.UInt64> [int64(1<<31 + umagic32(c).m/2)])) (Const64 <typ.UInt64> [32 + umagic32(c).s - 1])))',
      ({ v, t, x, c }: M) => {
        if (!umagicOK(32, c)) return null
        const { m, s } = umagic(32, c)
        if ((m & 1n) !== 0n) return null
        const prod = op('Mul64', { type: T.uint64 }, op('ZeroExt32to64', x), u64((1n << 31n) + m / 2n))
        return preorder(op('Trunc64to32', { type: t }, op('Rsh64Ux64', { type: T.uint64 }, prod, u64(32n + s - 1n))), v)
      },
    ),
    // Case 7: c even: halve x first, then divide by c/2 with (m+1)/2.
    rule(
      '(Div32u <t> x (Const32 [c])) && umagicOK32(c) && config.RegSize == 8 && c&1 == 0 => (Trunc64to32 <t> (Rsh64Ux64 <typ.UInt64> (Mul64 <typ.UInt64> (Rsh64Ux64 <typ.UInt64> (ZeroExt32to64 x) (Const64 <typ.UInt64> [1])) (Const64 <typ.UInt64> [int64(1<<31 + (umagic32(c).m+1)/2)])) (Const64 <typ.UInt64> [32 + umagic32(c).s - 2])))',
      ({ v, t, x, c }: M) => {
        if (!umagicOK(32, c) || (c & 1n) !== 0n) return null
        const { m, s } = umagic(32, c)
        const half = op('Rsh64Ux64', { type: T.uint64 }, op('ZeroExt32to64', x), u64(1))
        const prod = op('Mul64', { type: T.uint64 }, half, u64((1n << 31n) + (m + 1n) / 2n))
        return preorder(op('Trunc64to32', { type: t }, op('Rsh64Ux64', { type: T.uint64 }, prod, u64(32n + s - 2n))), v)
      },
    ),
    // Case 8: avg(x<<32, x·m) >> (s-1) is (x·(2^32+m)) >> (32+s) without overflowing.
    // (gc types the multiplier's Const64 as uint32; kept, since dumps print it.)
    rule(
      '(Div32u <t> x (Const32 [c])) && umagicOK32(c) && config.RegSize == 8 => (Trunc64to32 <t> (Rsh64Ux64 <typ.UInt64> (Avg64u (Lsh64x64 <typ.UInt64> (ZeroExt32to64 x) (Const64 <typ.UInt64> [32])) (Mul64 <typ.UInt64> (ZeroExt32to64 x) (Const64 <typ.UInt32> [int64(umagic32(c).m)]))) (Const64 <typ.UInt64> [32 + umagic32(c).s - 1])))',
      ({ v, t, x, c }: M) => {
        if (!umagicOK(32, c)) return null
        const { m, s } = umagic(32, c)
        const ext = op('ZeroExt32to64', x)
        const hi = op('Lsh64x64', { type: T.uint64 }, ext, u64(32))
        const prod = op('Mul64', { type: T.uint64 }, ext, op('Const64', { type: T.uint32, auxInt: m }))
        return preorder(op('Trunc64to32', { type: t }, op('Rsh64Ux64', { type: T.uint64 }, op('Avg64u', hi, prod), u64(32n + s - 1n))), v)
      },
    ),
  ]
}

function div64u(): RuleDef[] {
  return [
    rule(
      '(Div64u <t> x (Const64 [c])) && t.IsSigned() && smagicOK64(c) => (Rsh64Ux64 <t> (Hmul64u <typ.UInt64> x (Const64 <typ.UInt64> [int64(smagic64(c).m)])) (Const64 <typ.UInt64> [smagic64(c).s]))',
      ({ v, t, x, c }: M) => {
        if (!provenNonNegative(t, 64, c)) return null
        const { m, s } = smagic(64, c)
        return preorder(op('Rsh64Ux64', { type: t }, op('Hmul64u', { type: T.uint64 }, x, u64(m)), u64(s)), v)
      },
    ),
    rule(
      '(Div64u <t> x (Const64 [c])) && umagicOK64(c) && umagic64(c).m&1 == 0 => (Rsh64Ux64 <t> (Hmul64u <typ.UInt64> x (Const64 <typ.UInt64> [int64(1<<63 + umagic64(c).m/2)])) (Const64 <typ.UInt64> [umagic64(c).s - 1]))',
      ({ v, t, x, c }: M) => {
        if (!umagicOK(64, c)) return null
        const { m, s } = umagic(64, c)
        if ((m & 1n) !== 0n) return null
        return preorder(op('Rsh64Ux64', { type: t }, op('Hmul64u', { type: T.uint64 }, x, u64((1n << 63n) + m / 2n)), u64(s - 1n)), v)
      },
    ),
    rule(
      '(Div64u <t> x (Const64 [c])) && umagicOK64(c) && c&1 == 0 => (Rsh64Ux64 <t> (Hmul64u <typ.UInt64> (Rsh64Ux64 <typ.UInt64> x (Const64 <typ.UInt64> [1])) (Const64 <typ.UInt64> [int64(1<<63 + (umagic64(c).m+1)/2)])) (Const64 <typ.UInt64> [umagic64(c).s - 2]))',
      ({ v, t, x, c }: M) => {
        if (!umagicOK(64, c) || (c & 1n) !== 0n) return null
        const { m, s } = umagic(64, c)
        const half = op('Rsh64Ux64', { type: T.uint64 }, x, u64(1))
        return preorder(op('Rsh64Ux64', { type: t }, op('Hmul64u', { type: T.uint64 }, half, u64((1n << 63n) + (m + 1n) / 2n)), u64(s - 2n)), v)
      },
    ),
    rule(
      '(Div64u <t> x (Const64 [c])) && umagicOK64(c) => (Rsh64Ux64 <t> (Avg64u x (Hmul64u <typ.UInt64> x (Const64 <typ.UInt64> [int64(umagic64(c).m)]))) (Const64 <typ.UInt64> [umagic64(c).s - 1]))',
      ({ v, t, x, c }: M) => {
        if (!umagicOK(64, c)) return null
        const { m, s } = umagic(64, c)
        return preorder(op('Rsh64Ux64', { type: t }, op('Avg64u', x, op('Hmul64u', { type: T.uint64 }, x, u64(m))), u64(s - 1n)), v)
      },
    ),
  ]
}

let defs: RuleDef[] | null = null

/** divmod.rules, each op's rules in the file's order. */
export function divmodRuleDefs(): RuleDef[] {
  if (!defs) {
    const [p8, p16, p32, p64] = signedPowerOfTwo()
    defs = [p8!, signedNarrow(8), p16!, signedNarrow(16), p32!, ...div32(), p64!, ...div64(), ...div8u(), ...div16u(), ...div32u(), ...div64u()]
  }
  return defs
}
