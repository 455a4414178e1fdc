// PPC64.rules, the optimisation half: rules whose left side is a PPC64 op
// (constant folding, rotate-and-mask merging, extension elimination, offset
// and symbol folding into loads and stores, indexed forms, compares against
// constants, flag constants, SETBC/ISEL folding). Listed in the file's order,
// which decides which rule wins for one op. Power9/10-only rules (MADDLD,
// EXTSWSLconst, PC-relative offsets, byte reversal) never fire at power8 and
// are left out, as are the carry-chain rules (math/bits is outside our subset).

import type { Value } from '../../func'
import { bitsFloat, floatBits } from '../../auxint'
import { T, type SsaType } from '../../types'
import { op, type Make, type RuleDef } from '../dsl'
import { clobber } from '../helpers'
import { rules } from './dsl'
import {
  canMergeSym, canonLessThan, encodePPC64RotateMask, getPPC64ShiftMaskLength, is16Bit, is32Bit, isPPC64ValidShiftMask,
  isPPC64WordRotateMask, isU16Bit, isU32Bit, mergePPC64AndRlwinm, mergePPC64AndSldi, mergePPC64AndSrdi, mergePPC64AndSrwi, mergePPC64ClrlsldiRlwinm,
  mergePPC64ClrlsldiSrd, mergePPC64ClrlsldiSrw, mergePPC64MovwzregRlwinm, mergePPC64RlwinmAnd, mergePPC64RShiftMask, mergePPC64SldiRlwinm,
  mergePPC64SldiSrw, mergeSym, newPPC64ShiftAuxInt, rotateLeft32,
} from './helpers'

type I = bigint
type V = Value
const u64 = (x: I): I => BigInt.asUintN(64, x)
const i32 = (x: I): I => BigInt.asIntN(32, x)
const u32 = (x: I): I => BigInt.asUintN(32, x)
const c0 = (auxInt: I): Make => op('MOVDconst', { auxInt })

/** Constant folding of float ops, constant rotates, and rotate/shift-and-mask merging into RLWINM. */
export function rotatesAndMasks(): RuleDef[] {
  const rlwinm = (aux: I, x: V): Make => op('RLWINM', { auxInt: aux }, x)
  const fconst = (x: number): Make => op('FMOVDconst', { auxInt: x })
  return [
    ...rules('(FABS (FMOVDconst [x])) => (FMOVDconst [math.Abs(x)])', ({ x }) => fconst(Math.abs(x))),
    ...rules('(FSQRT (FMOVDconst [x])) && x >= 0 => (FMOVDconst [math.Sqrt(x)])', ({ x }) => x >= 0 && fconst(Math.sqrt(x))),
    ...rules('(FFLOOR (FMOVDconst [x])) => (FMOVDconst [math.Floor(x)])', ({ x }) => fconst(Math.floor(x))),
    ...rules('(FCEIL (FMOVDconst [x])) => (FMOVDconst [math.Ceil(x)])', ({ x }) => fconst(Math.ceil(x))),
    ...rules('(FTRUNC (FMOVDconst [x])) => (FMOVDconst [math.Trunc(x)])', ({ x }) => fconst(Math.trunc(x))),
    ...rules('(ROTLW x (MOVDconst [c])) => (ROTLWconst x [c&31])', ({ x, c }: { x: V; c: I }) => op('ROTLWconst', { auxInt: c & 31n }, x)),
    ...rules('(ROTL x (MOVDconst [c])) => (ROTLconst x [c&63])', ({ x, c }: { x: V; c: I }) => op('ROTLconst', { auxInt: c & 63n }, x)),
    ...rules('(ANDconst [m] (ROTLWconst [r] x)) && isPPC64WordRotateMask(m) => (RLWINM [encodePPC64RotateMask(r,m,32)] x)', ({ m, r, x }) =>
      isPPC64WordRotateMask(m) && rlwinm(encodePPC64RotateMask(r, m, 32n), x),
    ),
    ...rules('(AND (MOVDconst [m]) (ROTLWconst [r] x)) && isPPC64WordRotateMask(m) => (RLWINM [encodePPC64RotateMask(r,m,32)] x)', ({ m, r, x }) =>
      isPPC64WordRotateMask(m) && rlwinm(encodePPC64RotateMask(r, m, 32n), x),
    ),
    ...rules('(ANDconst [m] (ROTLW x r)) && isPPC64WordRotateMask(m) => (RLWNM [encodePPC64RotateMask(0,m,32)] x r)', ({ m, x, r }) =>
      isPPC64WordRotateMask(m) && op('RLWNM', { auxInt: encodePPC64RotateMask(0n, m, 32n) }, x, r),
    ),
    ...rules('(AND (MOVDconst [m]) (ROTLW x r)) && isPPC64WordRotateMask(m) => (RLWNM [encodePPC64RotateMask(0,m,32)] x r)', ({ m, x, r }) =>
      isPPC64WordRotateMask(m) && op('RLWNM', { auxInt: encodePPC64RotateMask(0n, m, 32n) }, x, r),
    ),
    ...rules('(ROTLWconst [r] (AND (MOVDconst [m]) x)) && isPPC64WordRotateMask(m) => (RLWINM [encodePPC64RotateMask(r,rotateLeft32(m,r),32)] x)', ({ r, m, x }) =>
      isPPC64WordRotateMask(m) && rlwinm(encodePPC64RotateMask(r, rotateLeft32(m, r), 32n), x),
    ),
    ...rules('(ROTLWconst [r] (ANDconst [m] x)) && isPPC64WordRotateMask(m) => (RLWINM [encodePPC64RotateMask(r,rotateLeft32(m,r),32)] x)', ({ r, m, x }) =>
      isPPC64WordRotateMask(m) && rlwinm(encodePPC64RotateMask(r, rotateLeft32(m, r), 32n), x),
    ),
    ...rules('(ANDconst [m] (SRWconst x [s])) && mergePPC64RShiftMask(m,s,32) == 0 => (MOVDconst [0])', ({ m, s }) => mergePPC64RShiftMask(m, s, 32n) === 0n && c0(0n)),
    ...rules('(ANDconst [m] (SRWconst x [s])) && mergePPC64AndSrwi(m,s) != 0 => (RLWINM [mergePPC64AndSrwi(m,s)] x)', ({ m, s, x }) => {
      const k = mergePPC64AndSrwi(m, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(ANDconst [m] (SRDconst x [s])) && mergePPC64AndSrdi(m,s) != 0 => (RLWINM [mergePPC64AndSrdi(m,s)] x)', ({ m, s, x }) => {
      const k = mergePPC64AndSrdi(m, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(AND (MOVDconst [m]) (SRWconst x [s])) && mergePPC64RShiftMask(m,s,32) == 0 => (MOVDconst [0])', ({ m, s }) => mergePPC64RShiftMask(m, s, 32n) === 0n && c0(0n)),
    ...rules('(AND (MOVDconst [m]) (SRWconst x [s])) && mergePPC64AndSrwi(m,s) != 0 => (RLWINM [mergePPC64AndSrwi(m,s)] x)', ({ m, s, x }) => {
      const k = mergePPC64AndSrwi(m, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(AND (MOVDconst [m]) (SRDconst x [s])) && mergePPC64AndSrdi(m,s) != 0 => (RLWINM [mergePPC64AndSrdi(m,s)] x)', ({ m, s, x }) => {
      const k = mergePPC64AndSrdi(m, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(SRWconst (ANDconst [m] x) [s]) && mergePPC64RShiftMask(m>>uint(s),s,32) == 0 => (MOVDconst [0])', ({ m, s }: { m: I; s: I }) =>
      mergePPC64RShiftMask(m >> s, s, 32n) === 0n && c0(0n),
    ),
    ...rules('(SRWconst (ANDconst [m] x) [s]) && mergePPC64AndSrwi(m>>uint(s),s) != 0 => (RLWINM [mergePPC64AndSrwi(m>>uint(s),s)] x)', ({ m, s, x }: { m: I; s: I; x: V }) => {
      const k = mergePPC64AndSrwi(m >> s, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(SRWconst (AND (MOVDconst [m]) x) [s]) && mergePPC64RShiftMask(m>>uint(s),s,32) == 0 => (MOVDconst [0])', ({ m, s }: { m: I; s: I }) =>
      mergePPC64RShiftMask(m >> s, s, 32n) === 0n && c0(0n),
    ),
    ...rules('(SRWconst (AND (MOVDconst [m]) x) [s]) && mergePPC64AndSrwi(m>>uint(s),s) != 0 => (RLWINM [mergePPC64AndSrwi(m>>uint(s),s)] x)', ({ m, s, x }: { m: I; s: I; x: V }) => {
      const k = mergePPC64AndSrwi(m >> s, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(ANDconst [m] (SLDconst x [s])) && mergePPC64AndSldi(m,s) != 0 => (RLWINM [mergePPC64AndSldi(m,s)] x)', ({ m, s, x }) => {
      const k = mergePPC64AndSldi(m, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(AND (MOVDconst [m]) (SLDconst x [s])) && mergePPC64AndSldi(m,s) != 0 => (RLWINM [mergePPC64AndSldi(m,s)] x)', ({ m, s, x }) => {
      const k = mergePPC64AndSldi(m, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(CLRLSLDI [c] (SRWconst [s] x)) && mergePPC64ClrlsldiSrw(int64(c),s) != 0 => (RLWINM [mergePPC64ClrlsldiSrw(int64(c),s)] x)', ({ c, s, x }) => {
      const k = mergePPC64ClrlsldiSrw(c, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(CLRLSLDI [c] (SRDconst [s] x)) && mergePPC64ClrlsldiSrd(int64(c),s) != 0 => (RLWINM [mergePPC64ClrlsldiSrd(int64(c),s)] x)', ({ c, s, x }) => {
      const k = mergePPC64ClrlsldiSrd(c, s)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(SLDconst [l] (SRWconst [r] x)) && mergePPC64SldiSrw(l,r) != 0 => (RLWINM [mergePPC64SldiSrw(l,r)] x)', ({ l, r, x }) => {
      const k = mergePPC64SldiSrw(l, r)
      return k !== 0n && rlwinm(k, x)
    }),
    ...rules('(CLRLSLDI [c] i:(RLWINM [s] x)) && mergePPC64ClrlsldiRlwinm(c,s) != 0 => (RLWINM [mergePPC64ClrlsldiRlwinm(c,s)] x)', ({ c, s, x }) => {
      const k = mergePPC64ClrlsldiRlwinm(c, s)
      return k !== 0n && rlwinm(k, x)
    }),
  ]
}

/** Bounded-shift checks, constant shift amounts, addresses that are plain adds, AND/OR of a NOR. */
export function shiftsAndAddresses(): RuleDef[] {
  return [
    ...rules('(CMP(U|WU)const [d] (ANDconst z [c])) && uint64(d) > uint64(c) => (FlagLT)', ({ d, c }: { d: I; c: I }) => u64(d) > u64(c) && op('FlagLT')),
    ...rules('(ORN x (MOVDconst [-1])) => x', ({ x }) => x),
    ...rules('(S(RAD|RD|LD) x (MOVDconst [c])) => (S(RAD|RD|LD)const [c&63 | (c>>6&1*63)] x)', ({ x, c }: { x: V; c: I }, [s]) =>
      op(`S${s}const`, { auxInt: (c & 63n) | (((c >> 6n) & 1n) * 63n) }, x),
    ),
    ...rules('(S(RAW|RW|LW) x (MOVDconst [c])) => (S(RAW|RW|LW)const [c&31 | (c>>5&1*31)] x)', ({ x, c }: { x: V; c: I }, [s]) =>
      op(`S${s}const`, { auxInt: (c & 31n) | (((c >> 5n) & 1n) * 31n) }, x),
    ),
    ...rules('(MOVDaddr {sym} [n] p:(ADD x y)) && sym == nil && n == 0 => p', ({ sym, n, p }) => sym === null && n === 0n && p),
    ...rules('(MOVDaddr {sym} [n] ptr) && sym == nil && n == 0 && (ptr.Op == OpArgIntReg || ptr.Op == OpPhi) => ptr', ({ sym, n, ptr }) =>
      sym === null && n === 0n && (ptr.op === 'ArgIntReg' || ptr.op === 'Phi') && ptr,
    ),
    ...rules('(AND x (NOR y y)) => (ANDN x y)', ({ x, y }) => op('ANDN', x, y)),
    ...rules('(OR x (NOR y y)) => (ORN x y)', ({ x, y }) => op('ORN', x, y)),
  ]
}

/** Compares of constants become flag constants; pseudo-ops of flag constants become 0/1. */
export function flagConstants(): RuleDef[] {
  const r: RuleDef[] = []
  const cmp: [string, (x: I, y: I) => [boolean, boolean, boolean], string[]][] = [
    ['CMPWconst', (x, y) => [i32(x) === i32(y), i32(x) < i32(y), i32(x) > i32(y)], ['int32(x)==int32(y)', 'int32(x)<int32(y) ', 'int32(x)>int32(y) ']],
    ['CMPconst', (x, y) => [x === y, x < y, x > y], ['x==y', 'x<y ', 'x>y ']],
    ['CMPWUconst', (x, y) => [i32(x) === i32(y), u32(x) < u32(y), u32(x) > u32(y)], ['int32(x)==int32(y) ', 'uint32(x)<uint32(y)', 'uint32(x)>uint32(y)']],
    ['CMPUconst', (x, y) => [x === y, u64(x) < u64(y), u64(x) > u64(y)], ['x==y ', 'uint64(x)<uint64(y)', 'uint64(x)>uint64(y)']],
  ]
  const flags = ['FlagEQ', 'FlagLT', 'FlagGT']
  for (const [o, test, conds] of cmp) {
    for (let i = 0; i < 3; i++) {
      r.push(...rules(`(${o} (MOVDconst [x]) [y]) && ${conds[i]!.trim()} => (${flags[i]})`, ({ x, y }) => test(x, y)[i]! && op(flags[i]!)))
    }
  }
  const table: [string, number[]][] = [
    ['Equal', [1, 0, 0]], ['NotEqual', [0, 1, 1]], ['LessThan', [0, 1, 0]], ['LessEqual', [1, 1, 0]], ['GreaterThan', [0, 0, 1]], ['GreaterEqual', [1, 0, 1]],
  ]
  for (const [o, vals] of table) {
    flags.forEach((fl, i) => r.push(...rules(`(${o} (${fl})) => (MOVDconst [${vals[i]}])`, () => c0(BigInt(vals[i]!)))))
  }
  r.push(
    ...rules('((Equal|NotEqual|LessThan|GreaterThan|LessEqual|GreaterEqual) (InvertFlags x)) => ((Equal|NotEqual|GreaterThan|LessThan|GreaterEqual|LessEqual) x)', ({ x }, [, to]) =>
      op(to!, x),
    ),
  )
  return r
}

/** CondSelect's ISEL on a re-tested boolean reads the original flags. */
export function iselOfSetbc(): RuleDef[] {
  return [
    ...rules('(ISEL [6] x y (CMPconst [0] (ANDconst [1] (SETBC [c] cmp)))) => (ISEL [c] x y cmp)', ({ x, y, c, cmp }) => op('ISEL', { auxInt: c }, x, y, cmp)),
    ...rules('(ISEL [6] x y ((CMP|CMPW)const [0] (SETBC [c] cmp))) => (ISEL [c] x y cmp)', ({ x, y, c, cmp }) => op('ISEL', { auxInt: c }, x, y, cmp)),
    ...rules('(ISEL [6] x y ((CMP|CMPW)const [0] (SETBCR [c] cmp))) => (ISEL [c+4] x y cmp)', ({ x, y, c, cmp }: { x: V; y: V; c: I; cmp: V }) =>
      op('ISEL', { auxInt: c + 4n }, x, y, cmp),
    ),
  ]
}

/** Constant operands: folding, immediate forms, and what masks and extensions make redundant. */
export function constantsAndExtensions(): RuleDef[] {
  return [
    ...rules('(AND (MOVDconst [c]) (MOVDconst [d])) => (MOVDconst [c&d])', ({ c, d }: { c: I; d: I }) => c0(c & d)),
    ...rules('(OR (MOVDconst [c]) (MOVDconst [d])) => (MOVDconst [c|d])', ({ c, d }: { c: I; d: I }) => c0(c | d)),
    ...rules('(XOR (MOVDconst [c]) (MOVDconst [d])) => (MOVDconst [c^d])', ({ c, d }: { c: I; d: I }) => c0(c ^ d)),
    ...rules('(ORN (MOVDconst [c]) (MOVDconst [d])) => (MOVDconst [c|^d])', ({ c, d }: { c: I; d: I }) => c0(c | ~d)),
    ...rules('(ANDN (MOVDconst [c]) (MOVDconst [d])) => (MOVDconst [c&^d])', ({ c, d }: { c: I; d: I }) => c0(c & ~d)),
    ...rules('(NOR (MOVDconst [c]) (MOVDconst [d])) => (MOVDconst [^(c|d)])', ({ c, d }: { c: I; d: I }) => c0(~(c | d))),
    ...rules('(AND x (MOVDconst [-1])) => x', ({ x }) => x),
    ...rules('(AND x (MOVDconst [c])) && isU16Bit(c) => (ANDconst [c] x)', ({ x, c }) => isU16Bit(c) && op('ANDconst', { auxInt: c }, x)),
    ...rules('(XOR x (MOVDconst [c])) && isU32Bit(c) => (XORconst [c] x)', ({ x, c }) => isU32Bit(c) && op('XORconst', { auxInt: c }, x)),
    ...rules('(OR x (MOVDconst [c])) && isU32Bit(c) => (ORconst [c] x)', ({ x, c }) => isU32Bit(c) && op('ORconst', { auxInt: c }, x)),
    ...rules('(ANDconst [c] (ANDconst [d] x)) => (ANDconst [c&d] x)', ({ c, d, x }: { c: I; d: I; x: V }) => op('ANDconst', { auxInt: c & d }, x)),
    ...rules('(ORconst [c] (ORconst [d] x)) => (ORconst [c|d] x)', ({ c, d, x }: { c: I; d: I; x: V }) => op('ORconst', { auxInt: c | d }, x)),
    ...rules('(XORconst [c] (XORconst [d] x)) => (XORconst [c^d] x)', ({ c, d, x }: { c: I; d: I; x: V }) => op('XORconst', { auxInt: c ^ d }, x)),
    ...rules('(ANDconst [-1] x) => x', ({ x }) => x),
    ...rules('(ANDconst [0] _) => (MOVDconst [0])', () => c0(0n)),
    ...rules('(XORconst [0] x) => x', ({ x }) => x),
    ...rules('(ORconst [-1] _) => (MOVDconst [-1])', () => c0(-1n)),
    ...rules('(ORconst [0] x) => x', ({ x }) => x),
    // Extending a small AND is the AND; ANDing an extension is the extension or a smaller AND.
    ...rules('(MOVBZreg y:(ANDconst [c] _)) && uint64(c) <= 0xFF => y', ({ y, c }) => u64(c) <= 0xffn && y),
    ...rules('(MOVHZreg y:(ANDconst [c] _)) && uint64(c) <= 0xFFFF => y', ({ y, c }) => u64(c) <= 0xffffn && y),
    ...rules('(MOVWZreg y:(ANDconst [c] _)) && uint64(c) <= 0xFFFFFFFF => y', ({ y, c }) => u64(c) <= 0xffffffffn && y),
    ...rules('(MOVWZreg y:(AND (MOVDconst [c]) _)) && uint64(c) <= 0xFFFFFFFF => y', ({ y, c }) => u64(c) <= 0xffffffffn && y),
    ...rules('(MOVBreg y:(ANDconst [c] _)) && uint64(c) <= 0x7F => y', ({ y, c }) => u64(c) <= 0x7fn && y),
    ...rules('(MOVHreg y:(ANDconst [c] _)) && uint64(c) <= 0x7FFF => y', ({ y, c }) => u64(c) <= 0x7fffn && y),
    ...rules('(MOVWreg y:(ANDconst [c] _)) && uint64(c) <= 0xFFFF => y', ({ y, c }) => u64(c) <= 0xffffn && y),
    ...rules('(MOVWreg y:(AND (MOVDconst [c]) _)) && uint64(c) <= 0x7FFFFFFF => y', ({ y, c }) => u64(c) <= 0x7fffffffn && y),
    ...rules('(ANDconst [c] y:(MOVBZreg _)) && c&0xFF == 0xFF => y', ({ c, y }: { c: I; y: V }) => (c & 0xffn) === 0xffn && y),
    ...rules('(ANDconst [0xFF] (MOVBreg x)) => (MOVBZreg x)', ({ x }) => op('MOVBZreg', x)),
    ...rules('(ANDconst [c] y:(MOVHZreg _)) && c&0xFFFF == 0xFFFF => y', ({ c, y }: { c: I; y: V }) => (c & 0xffffn) === 0xffffn && y),
    ...rules('(ANDconst [0xFFFF] (MOVHreg x)) => (MOVHZreg x)', ({ x }) => op('MOVHZreg', x)),
    ...rules('(AND (MOVDconst [c]) y:(MOVWZreg _)) && c&0xFFFFFFFF == 0xFFFFFFFF => y', ({ c, y }: { c: I; y: V }) => (c & 0xffffffffn) === 0xffffffffn && y),
    ...rules('(AND (MOVDconst [0xFFFFFFFF]) y:(MOVWreg x)) => (MOVWZreg x)', ({ x }) => op('MOVWZreg', x)),
    ...rules('(ANDconst [c] (MOVBZreg x)) => (ANDconst [c&0xFF] x)', ({ c, x }: { c: I; x: V }) => op('ANDconst', { auxInt: c & 0xffn }, x)),
    ...rules('(ANDconst [c] (MOVHZreg x)) => (ANDconst [c&0xFFFF] x)', ({ c, x }: { c: I; x: V }) => op('ANDconst', { auxInt: c & 0xffffn }, x)),
    ...rules('(ANDconst [c] (MOVWZreg x)) => (ANDconst [c&0xFFFFFFFF] x)', ({ c, x }: { c: I; x: V }) => op('ANDconst', { auxInt: c & 0xffffffffn }, x)),
    // A right shift already extends.
    ...rules('(MOV(B|H|W)Zreg (SRWconst [c] (MOVBZreg x))) => (SRWconst [c] (MOVBZreg x))', ({ c, x }) => op('SRWconst', { auxInt: c }, op('MOVBZreg', x))),
    ...rules('(MOV(H|W)Zreg (SRWconst [c] (MOVHZreg x))) => (SRWconst [c] (MOVHZreg x))', ({ c, x }) => op('SRWconst', { auxInt: c }, op('MOVHZreg', x))),
    ...rules('(MOVWZreg (SRWconst [c] (MOVWZreg x))) => (SRWconst [c] (MOVWZreg x))', ({ c, x }) => op('SRWconst', { auxInt: c }, op('MOVWZreg', x))),
    ...rules('(MOV(B|H|W)reg (SRAWconst [c] (MOVBreg x))) => (SRAWconst [c] (MOVBreg x))', ({ c, x }) => op('SRAWconst', { auxInt: c }, op('MOVBreg', x))),
    ...rules('(MOV(H|W)reg (SRAWconst [c] (MOVHreg x))) => (SRAWconst [c] (MOVHreg x))', ({ c, x }) => op('SRAWconst', { auxInt: c }, op('MOVHreg', x))),
    ...rules('(MOVWreg (SRAWconst [c] (MOVWreg x))) => (SRAWconst [c] (MOVWreg x))', ({ c, x }) => op('SRAWconst', { auxInt: c }, op('MOVWreg', x))),
    ...rules('(MOV(WZ|W)reg (S(R|RA)Wconst [c] x)) && x.Type.Size() <= 32 => (S(R|RA)Wconst [c] x)', ({ c, x }, [, s]) => x.type.size <= 32 && op(`S${s}Wconst`, { auxInt: c }, x)),
    ...rules('(MOV(HZ|H)reg (S(R|RA)Wconst [c] x)) && x.Type.Size() <= 16 => (S(R|RA)Wconst [c] x)', ({ c, x }, [, s]) => x.type.size <= 16 && op(`S${s}Wconst`, { auxInt: c }, x)),
    ...rules('(MOV(BZ|B)reg (S(R|RA)Wconst [c] x)) && x.Type.Size() == 8 => (S(R|RA)Wconst [c] x)', ({ c, x }, [, s]) => x.type.size === 8 && op(`S${s}Wconst`, { auxInt: c }, x)),
    ...shiftExtends(),
    ...rules('(MOVBZreg y:(MOVBZreg _)) => y', ({ y }) => y),
    ...rules('(MOVBreg y:(MOVBreg _)) => y', ({ y }) => y),
    ...rules('(MOVBreg (MOVBZreg x)) => (MOVBreg x)', ({ x }) => op('MOVBreg', x)),
    ...rules('(MOVBZreg (MOVBreg x)) => (MOVBZreg x)', ({ x }) => op('MOVBZreg', x)),
    ...rules('(MOVBZreg (SRWconst x [s])) && mergePPC64AndSrwi(0xFF,s) != 0 => (RLWINM [mergePPC64AndSrwi(0xFF,s)] x)', ({ x, s }) => {
      const k = mergePPC64AndSrwi(0xffn, s)
      return k !== 0n && op('RLWINM', { auxInt: k }, x)
    }),
    ...rules('(MOVBZreg (RLWINM [r] y)) && mergePPC64AndRlwinm(0xFF,r) != 0 => (RLWINM [mergePPC64AndRlwinm(0xFF,r)] y)', ({ r, y }) => {
      const k = mergePPC64AndRlwinm(0xffn, r)
      return k !== 0n && op('RLWINM', { auxInt: k }, y)
    }),
    ...rules('(MOVHZreg (RLWINM [r] y)) && mergePPC64AndRlwinm(0xFFFF,r) != 0 => (RLWINM [mergePPC64AndRlwinm(0xFFFF,r)] y)', ({ r, y }) => {
      const k = mergePPC64AndRlwinm(0xffffn, r)
      return k !== 0n && op('RLWINM', { auxInt: k }, y)
    }),
    ...rules('(MOVWZreg (RLWINM [r] y)) && mergePPC64MovwzregRlwinm(r) != 0 => (RLWINM [mergePPC64MovwzregRlwinm(r)] y)', ({ r, y }) => {
      const k = mergePPC64MovwzregRlwinm(r)
      return k !== 0n && op('RLWINM', { auxInt: k }, y)
    }),
    ...rules('(ANDconst [m] (RLWINM [r] y)) && mergePPC64AndRlwinm(uint32(m),r) != 0 => (RLWINM [mergePPC64AndRlwinm(uint32(m),r)] y)', ({ m, r, y }) => {
      const k = mergePPC64AndRlwinm(u32(m), r)
      return k !== 0n && op('RLWINM', { auxInt: k }, y)
    }),
    ...rules('(SLDconst [s] (RLWINM [r] y)) && mergePPC64SldiRlwinm(s,r) != 0 => (RLWINM [mergePPC64SldiRlwinm(s,r)] y)', ({ s, r, y }) => {
      const k = mergePPC64SldiRlwinm(s, r)
      return k !== 0n && op('RLWINM', { auxInt: k }, y)
    }),
    ...rules('(RLWINM [r] (MOVHZreg u)) && mergePPC64RlwinmAnd(r,0xFFFF) != 0 => (RLWINM [mergePPC64RlwinmAnd(r,0xFFFF)] u)', ({ r, u }) => {
      const k = mergePPC64RlwinmAnd(r, 0xffffn)
      return k !== 0n && op('RLWINM', { auxInt: k }, u)
    }),
    ...rules('(RLWINM [r] (ANDconst [a] u)) && mergePPC64RlwinmAnd(r,uint32(a)) != 0 => (RLWINM [mergePPC64RlwinmAnd(r,uint32(a))] u)', ({ r, a, u }) => {
      const k = mergePPC64RlwinmAnd(r, u32(a))
      return k !== 0n && op('RLWINM', { auxInt: k }, u)
    }),
    ...rules('(SLWconst [s] (MOVWZreg w)) => (SLWconst [s] w)', ({ s, w }) => op('SLWconst', { auxInt: s }, w)),
    ...rules('(MOVWZreg w:(SLWconst u)) => w', ({ w }) => w),
    ...rules('(MOVHZreg y:(MOV(H|B)Zreg _)) => y', ({ y }) => y),
    ...rules('(MOVHZreg y:(MOVHBRload _ _)) => y', ({ y }) => y),
    ...rules('(MOVHreg y:(MOV(H|B)reg _)) => y', ({ y }) => y),
    ...rules('(MOV(H|HZ)reg y:(MOV(HZ|H)reg x)) => (MOV(H|HZ)reg x)', ({ x }, [, , to]) => op(`MOV${to}reg`, x)),
    ...rules('(MOV(WZ|WZ|WZ|W|W|W)reg y:(MOV(WZ|HZ|BZ|W|H|B)reg _)) => y', ({ y }) => y),
    ...rules('(MOVWZreg y:(MOV(H|W)BRload _ _)) => y', ({ y }) => y),
    ...rules('(MOV(W|WZ)reg y:(MOV(WZ|W)reg x)) => (MOV(W|WZ)reg x)', ({ x }, [, , to]) => op(`MOV${to}reg`, x)),
    // Truncate, logic op, truncate: the inner truncation is not needed.
    ...rules('(MOVWZreg ((OR|XOR|AND) <t> x (MOVWZreg y))) => (MOVWZreg ((OR|XOR|AND) <t> x y))', ({ t, x, y }, [o]) => op('MOVWZreg', op(o!, { type: t }, x, y))),
    ...rules('(MOVHZreg ((OR|XOR|AND) <t> x (MOVWZreg y))) => (MOVHZreg ((OR|XOR|AND) <t> x y))', ({ t, x, y }, [o]) => op('MOVHZreg', op(o!, { type: t }, x, y))),
    ...rules('(MOVHZreg ((OR|XOR|AND) <t> x (MOVHZreg y))) => (MOVHZreg ((OR|XOR|AND) <t> x y))', ({ t, x, y }, [o]) => op('MOVHZreg', op(o!, { type: t }, x, y))),
    ...rules('(MOVBZreg ((OR|XOR|AND) <t> x (MOVWZreg y))) => (MOVBZreg ((OR|XOR|AND) <t> x y))', ({ t, x, y }, [o]) => op('MOVBZreg', op(o!, { type: t }, x, y))),
    ...rules('(MOVBZreg ((OR|XOR|AND) <t> x (MOVHZreg y))) => (MOVBZreg ((OR|XOR|AND) <t> x y))', ({ t, x, y }, [o]) => op('MOVBZreg', op(o!, { type: t }, x, y))),
    ...rules('(MOVBZreg ((OR|XOR|AND) <t> x (MOVBZreg y))) => (MOVBZreg ((OR|XOR|AND) <t> x y))', ({ t, x, y }, [o]) => op('MOVBZreg', op(o!, { type: t }, x, y))),
    ...rules('(MOV(B|H|W)Zreg z:(ANDconst [c] (MOVBZload ptr x))) => z', ({ z }) => z),
    ...rules('(MOV(B|H|W)Zreg z:(AND y (MOV(B|H|W)Zload ptr x))) => z', ({ z }) => z),
    ...rules('(MOV(H|W)Zreg z:(ANDconst [c] (MOVHZload ptr x))) => z', ({ z }) => z),
    ...rules('(MOVWZreg z:(ANDconst [c] (MOVWZload ptr x))) => z', ({ z }) => z),
  ]
}

/** "initial right shift will handle sign/zero extend". */
function shiftExtends(): RuleDef[] {
  const same = (o: string) => ({ c, x }: { c: I; x: V }) => op(o, { auxInt: c }, x)
  const r: RuleDef[] = []
  const add = (text: string, cond: (c: I) => boolean, res: string): void => {
    const mk = same(res)
    r.push(...rules(text, (m: { c: I; x: V }) => cond(m.c) && mk(m)))
  }
  add('(MOVBZreg (SRDconst [c] x)) && c>=56 => (SRDconst [c] x)', (c) => c >= 56n, 'SRDconst')
  add('(MOVBreg (SRDconst [c] x)) && c>56 => (SRDconst [c] x)', (c) => c > 56n, 'SRDconst')
  add('(MOVBreg (SRDconst [c] x)) && c==56 => (SRADconst [c] x)', (c) => c === 56n, 'SRADconst')
  add('(MOVBreg (SRADconst [c] x)) && c>=56 => (SRADconst [c] x)', (c) => c >= 56n, 'SRADconst')
  add('(MOVBZreg (SRWconst [c] x)) && c>=24 => (SRWconst [c] x)', (c) => c >= 24n, 'SRWconst')
  add('(MOVBreg (SRWconst [c] x)) && c>24 => (SRWconst [c] x)', (c) => c > 24n, 'SRWconst')
  add('(MOVBreg (SRWconst [c] x)) && c==24 => (SRAWconst [c] x)', (c) => c === 24n, 'SRAWconst')
  add('(MOVBreg (SRAWconst [c] x)) && c>=24 => (SRAWconst [c] x)', (c) => c >= 24n, 'SRAWconst')
  add('(MOVHZreg (SRDconst [c] x)) && c>=48 => (SRDconst [c] x)', (c) => c >= 48n, 'SRDconst')
  add('(MOVHreg (SRDconst [c] x)) && c>48 => (SRDconst [c] x)', (c) => c > 48n, 'SRDconst')
  add('(MOVHreg (SRDconst [c] x)) && c==48 => (SRADconst [c] x)', (c) => c === 48n, 'SRADconst')
  add('(MOVHreg (SRADconst [c] x)) && c>=48 => (SRADconst [c] x)', (c) => c >= 48n, 'SRADconst')
  add('(MOVHZreg (SRWconst [c] x)) && c>=16 => (SRWconst [c] x)', (c) => c >= 16n, 'SRWconst')
  add('(MOVHreg (SRWconst [c] x)) && c>16 => (SRWconst [c] x)', (c) => c > 16n, 'SRWconst')
  add('(MOVHreg (SRAWconst [c] x)) && c>=16 => (SRAWconst [c] x)', (c) => c >= 16n, 'SRAWconst')
  add('(MOVHreg (SRWconst [c] x)) && c==16 => (SRAWconst [c] x)', (c) => c === 16n, 'SRAWconst')
  add('(MOVWZreg (SRDconst [c] x)) && c>=32 => (SRDconst [c] x)', (c) => c >= 32n, 'SRDconst')
  add('(MOVWreg (SRDconst [c] x)) && c>32 => (SRDconst [c] x)', (c) => c > 32n, 'SRDconst')
  add('(MOVWreg (SRADconst [c] x)) && c>=32 => (SRADconst [c] x)', (c) => c >= 32n, 'SRADconst')
  add('(MOVWreg (SRDconst [c] x)) && c==32 => (SRADconst [c] x)', (c) => c === 32n, 'SRADconst')
  return r
}

/** Immediate adds and subtracts, multiplies by small constants, negations. */
export function arithmeticConstants(): RuleDef[] {
  return [
    ...rules('(ADD x (MOVDconst <t> [c])) && is32Bit(c) && !t.IsPtr() => (ADDconst [c] x)', ({ x, t, c }) => is32Bit(c) && t.kind !== 'ptr' && op('ADDconst', { auxInt: c }, x)),
    ...rules('(ADDconst [c] (ADDconst [d] x)) && is32Bit(c+d) => (ADDconst [c+d] x)', ({ c, d, x }: { c: I; d: I; x: V }) => is32Bit(c + d) && op('ADDconst', { auxInt: c + d }, x)),
    ...rules('(ADDconst [0] x) => x', ({ x }) => x),
    ...rules('(SUB x (MOVDconst [c])) && is32Bit(-c) => (ADDconst [-c] x)', ({ x, c }: { x: V; c: I }) => is32Bit(-c) && op('ADDconst', { auxInt: -c }, x)),
    ...rules('(ADDconst [c] (MOVDaddr [d] {sym} x)) && is32Bit(c+int64(d)) => (MOVDaddr [int32(c+int64(d))] {sym} x)', ({ v, c, d, x }: { v: V; c: I; d: I; x: V }) =>
      is32Bit(c + d) && op('MOVDaddr', { auxInt: i32(c + d), aux: v.args[0]!.aux }, x),
    ),
    ...rules('(ADDconst [c] x:(SP)) && is32Bit(c) => (MOVDaddr [int32(c)] x)', ({ c, x }) => is32Bit(c) && op('MOVDaddr', { auxInt: i32(c) }, x)),
    ...rules('(MULL(W|D) x (MOVDconst [c])) && is16Bit(c) => (MULL(W|D)const [int32(c)] x)', ({ x, c }, [w]) => is16Bit(c) && op(`MULL${w}const`, { auxInt: i32(c) }, x)),
    ...rules('(SUB (MOVDconst [c]) x) && is32Bit(c) => (SUBFCconst [c] x)', ({ c, x }) => is32Bit(c) && op('SUBFCconst', { auxInt: c }, x)),
    ...rules('(SUBFCconst [c] (NEG x)) => (ADDconst [c] x)', ({ c, x }) => op('ADDconst', { auxInt: c }, x)),
    ...rules('(SUBFCconst [c] (SUBFCconst [d] x)) && is32Bit(c-d) => (ADDconst [c-d] x)', ({ c, d, x }: { c: I; d: I; x: V }) => is32Bit(c - d) && op('ADDconst', { auxInt: c - d }, x)),
    ...rules('(SUBFCconst [0] x) => (NEG x)', ({ x }) => op('NEG', x)),
    ...rules('(ADDconst [c] (SUBFCconst [d] x)) && is32Bit(c+d) => (SUBFCconst [c+d] x)', ({ c, d, x }: { c: I; d: I; x: V }) => is32Bit(c + d) && op('SUBFCconst', { auxInt: c + d }, x)),
    ...rules('(NEG (ADDconst [c] x)) && is32Bit(-c) => (SUBFCconst [-c] x)', ({ c, x }: { c: I; x: V }) => is32Bit(-c) && op('SUBFCconst', { auxInt: -c }, x)),
    ...rules('(NEG (SUBFCconst [c] x)) && is32Bit(-c) => (ADDconst [-c] x)', ({ c, x }: { c: I; x: V }) => is32Bit(-c) && op('ADDconst', { auxInt: -c }, x)),
    ...rules('(NEG (SUB x y)) => (SUB y x)', ({ x, y }) => op('SUB', y, x)),
    ...rules('(NEG (NEG x)) => x', ({ x }) => x),
  ]
}

/** Int<->float moves through memory become register moves. */
export function registerMoves(): RuleDef[] {
  return [
    ...rules('(MOVDload [off] {sym} ptr (FMOVDstore [off] {sym} ptr x _)) => (MFVSRD x)', ({ x }) => op('MFVSRD', x)),
    ...rules('(FMOVDload [off] {sym} ptr (MOVDstore [off] {sym} ptr x _)) => (MTVSRD x)', ({ x }) => op('MTVSRD', x)),
    ...rules('(FMOVDstore [off] {sym} ptr (MTVSRD x) mem) => (MOVDstore [off] {sym} ptr x mem)', ({ v, off, ptr, x, mem }) => op('MOVDstore', { auxInt: off, aux: v.aux }, ptr, x, mem)),
    ...rules('(MOVDstore [off] {sym} ptr (MFVSRD x) mem) => (FMOVDstore [off] {sym} ptr x mem)', ({ v, off, ptr, x, mem }) => op('FMOVDstore', { auxInt: off, aux: v.aux }, ptr, x, mem)),
    ...rules('(MTVSRD (MOVDconst [c])) && !math.IsNaN(math.Float64frombits(uint64(c))) => (FMOVDconst [math.Float64frombits(uint64(c))])', ({ c }) => {
      const f = bitsFloat(c)
      return !Number.isNaN(f) && op('FMOVDconst', { auxInt: f })
    }),
    ...rules('(MFVSRD (FMOVDconst [c])) => (MOVDconst [int64(math.Float64bits(c))])', ({ c }) => c0(BigInt.asIntN(64, floatBits(c)))),
    ...rules('(MTVSRD x:(MOVDload [off] {sym} ptr mem)) && x.Uses == 1 && clobber(x) => @x.Block (FMOVDload [off] {sym} ptr mem)', ({ x, off, ptr, mem }) => {
      const aux = x.aux
      return x.uses === 1 && clobber(x) && op('FMOVDload', { block: x.block, type: T.float64, auxInt: off, aux }, ptr, mem)
    }
    ),
    ...rules('(MFVSRD x:(FMOVDload [off] {sym} ptr mem)) && x.Uses == 1 && clobber(x) => @x.Block (MOVDload [off] {sym} ptr mem)', ({ x, off, ptr, mem }) => {
      const aux = x.aux
      return x.uses === 1 && clobber(x) && op('MOVDload', { block: x.block, type: T.int64, auxInt: off, aux }, ptr, mem)
    }
    ),
  ]
}

/** Offsets and symbols folded into loads and stores; indexed forms for (ADD ptr idx) addresses. */
export function addressing(): RuleDef[] {
  // Power8 has no PC-relative prefixed forms: offsets must fit 16 bits (supportsPPC64PCRel() is false).
  const fits = (off: I): boolean => is16Bit(off)
  const symOK = (off1: I, off2: I, ptr: V, p: V): boolean => fits(i32(off1 + off2)) && (ptr.op !== 'SB' || p.uses === 1)
  const dsForm = (c: I): boolean => is16Bit(c) && c % 4n === 0n
  return [
    ...rules('(MOV(D|W|H|B)store [off1] {sym} (ADDconst [off2] x) val mem) && (is16Bit(int64(off1)+off2) || (supportsPPC64PCRel() && is32Bit(int64(off1)+off2))) => (MOV(D|W|H|B)store [off1+int32(off2)] {sym} x val mem)', ({ v, off1, off2, x, val, mem }: { v: V; off1: I; off2: I; x: V; val: V; mem: V }, [w]) =>
      fits(off1 + off2) && op(`MOV${w}store`, { auxInt: i32(off1 + off2), aux: v.aux }, x, val, mem),
    ),
    ...rules('(FMOV(S|D)store [off1] {sym} (ADDconst [off2] ptr) val mem) && (is16Bit(int64(off1)+off2) || (supportsPPC64PCRel() && is32Bit(int64(off1)+off2))) => (FMOV(S|D)store [off1+int32(off2)] {sym} ptr val mem)', ({ v, off1, off2, ptr, val, mem }: { v: V; off1: I; off2: I; ptr: V; val: V; mem: V }, [w]) =>
      fits(off1 + off2) && op(`FMOV${w}store`, { auxInt: i32(off1 + off2), aux: v.aux }, ptr, val, mem),
    ),
    ...rules('(MOV(B|H|W|D)store [off1] {sym1} p:(MOVDaddr [off2] {sym2} ptr) val mem) && canMergeSym(sym1,sym2) && ((is16Bit(int64(off1+off2)) && (ptr.Op != OpSB || p.Uses == 1)) || (supportsPPC64PCRel() && is32Bit(int64(off1+off2)))) => (MOV(B|H|W|D)store [off1+off2] {mergeSym(sym1,sym2)} ptr val mem)', ({ v, off1, sym1, p, off2, sym2, ptr, val, mem }, [w]) =>
      canMergeSym(sym1, sym2) && symOK(off1, off2, ptr, p) && op(`MOV${w}store`, { auxInt: i32(off1 + off2), aux: mergeSym(v.aux, p.aux) }, ptr, val, mem),
    ),
    ...rules('(FMOV(S|D)store [off1] {sym1} p:(MOVDaddr [off2] {sym2} ptr) val mem) && canMergeSym(sym1,sym2) && ((is16Bit(int64(off1+off2)) && (ptr.Op != OpSB || p.Uses == 1)) || (supportsPPC64PCRel() && is32Bit(int64(off1+off2)))) => (FMOV(S|D)store [off1+off2] {mergeSym(sym1,sym2)} ptr val mem)', ({ v, off1, sym1, p, off2, sym2, ptr, val, mem }, [w]) =>
      canMergeSym(sym1, sym2) && symOK(off1, off2, ptr, p) && op(`FMOV${w}store`, { auxInt: i32(off1 + off2), aux: mergeSym(v.aux, p.aux) }, ptr, val, mem),
    ),
    ...rules('(MOV(B|H|W)Zload [off1] {sym1} p:(MOVDaddr [off2] {sym2} ptr) mem) && canMergeSym(sym1,sym2) && ((is16Bit(int64(off1+off2)) && (ptr.Op != OpSB || p.Uses == 1)) || (supportsPPC64PCRel() && is32Bit(int64(off1+off2)))) => (MOV(B|H|W)Zload [off1+off2] {mergeSym(sym1,sym2)} ptr mem)', ({ v, off1, sym1, p, off2, sym2, ptr, mem }, [w]) =>
      canMergeSym(sym1, sym2) && symOK(off1, off2, ptr, p) && op(`MOV${w}Zload`, { auxInt: i32(off1 + off2), aux: mergeSym(v.aux, p.aux) }, ptr, mem),
    ),
    ...rules('(MOV(H|W|D)load [off1] {sym1} p:(MOVDaddr [off2] {sym2} ptr) mem) && canMergeSym(sym1,sym2) && ((is16Bit(int64(off1+off2)) && (ptr.Op != OpSB || p.Uses == 1)) || (supportsPPC64PCRel() && is32Bit(int64(off1+off2)))) => (MOV(H|W|D)load [off1+off2] {mergeSym(sym1,sym2)} ptr mem)', ({ v, off1, sym1, p, off2, sym2, ptr, mem }, [w]) =>
      canMergeSym(sym1, sym2) && symOK(off1, off2, ptr, p) && op(`MOV${w}load`, { auxInt: i32(off1 + off2), aux: mergeSym(v.aux, p.aux) }, ptr, mem),
    ),
    ...rules('(FMOV(S|D)load [off1] {sym1} p:(MOVDaddr [off2] {sym2} ptr) mem) && canMergeSym(sym1,sym2) && ((is16Bit(int64(off1+off2)) && (ptr.Op != OpSB || p.Uses == 1)) || (supportsPPC64PCRel() && is32Bit(int64(off1+off2)))) => (FMOV(S|D)load [off1+off2] {mergeSym(sym1,sym2)} ptr mem)', ({ v, off1, sym1, p, off2, sym2, ptr, mem }, [w]) =>
      canMergeSym(sym1, sym2) && symOK(off1, off2, ptr, p) && op(`FMOV${w}load`, { auxInt: i32(off1 + off2), aux: mergeSym(v.aux, p.aux) }, ptr, mem),
    ),
    ...rules('(FMOV(S|D)load [off1] {sym} (ADDconst [off2] ptr) mem) && (is16Bit(int64(off1)+off2) || (supportsPPC64PCRel() && is32Bit(int64(off1)+off2))) => (FMOV(S|D)load [off1+int32(off2)] {sym} ptr mem)', ({ v, off1, off2, ptr, mem }: { v: V; off1: I; off2: I; ptr: V; mem: V }, [w]) =>
      fits(off1 + off2) && op(`FMOV${w}load`, { auxInt: i32(off1 + off2), aux: v.aux }, ptr, mem),
    ),
    ...rules('(MOV(D|W|WZ|H|HZ|BZ)load [off1] {sym} (ADDconst [off2] x) mem) && (is16Bit(int64(off1)+off2) || (supportsPPC64PCRel() && is32Bit(int64(off1)+off2))) => (MOV(D|W|WZ|H|HZ|BZ)load [off1+int32(off2)] {sym} x mem)', ({ v, off1, off2, x, mem }: { v: V; off1: I; off2: I; x: V; mem: V }, [w]) =>
      fits(off1 + off2) && op(`MOV${w}load`, { auxInt: i32(off1 + off2), aux: v.aux }, x, mem),
    ),
    ...rules('(MOV(D|W|WZ|H|HZ|BZ)load [0] {sym} p:(ADD ptr idx) mem) && sym == nil && p.Uses == 1 => (MOV(D|W|WZ|H|HZ|BZ)loadidx ptr idx mem)', ({ sym, p, ptr, idx, mem }, [w]) =>
      sym === null && p.uses === 1 && op(`MOV${w}loadidx`, ptr, idx, mem),
    ),
    ...rules('(MOV(D|W)loadidx ptr (MOVDconst [c]) mem) && ((is16Bit(c) && c%4 == 0) || (buildcfg.GOPPC64 >= 10 && is32Bit(c))) => (MOV(D|W)load [int32(c)] ptr mem)', ({ ptr, c, mem }, [w]) =>
      dsForm(c) && op(`MOV${w}load`, { auxInt: i32(c) }, ptr, mem),
    ),
    ...rules('(MOV(WZ|H|HZ|BZ)loadidx ptr (MOVDconst [c]) mem) && (is16Bit(c) || (buildcfg.GOPPC64 >= 10 && is32Bit(c))) => (MOV(WZ|H|HZ|BZ)load [int32(c)] ptr mem)', ({ ptr, c, mem }, [w]) =>
      is16Bit(c) && op(`MOV${w}load`, { auxInt: i32(c) }, ptr, mem),
    ),
    ...rules('(MOV(D|W)loadidx (MOVDconst [c]) ptr mem) && ((is16Bit(c) && c%4 == 0) || (buildcfg.GOPPC64 >= 10 && is32Bit(c))) => (MOV(D|W)load [int32(c)] ptr mem)', ({ ptr, c, mem }, [w]) =>
      dsForm(c) && op(`MOV${w}load`, { auxInt: i32(c) }, ptr, mem),
    ),
    ...rules('(MOV(WZ|H|HZ|BZ)loadidx (MOVDconst [c]) ptr mem) && (is16Bit(c) || (buildcfg.GOPPC64 >= 10 && is32Bit(c))) => (MOV(WZ|H|HZ|BZ)load [int32(c)] ptr mem)', ({ ptr, c, mem }, [w]) =>
      is16Bit(c) && op(`MOV${w}load`, { auxInt: i32(c) }, ptr, mem),
    ),
    ...rules('(MOV(D|W|H|B)store [off] {sym} ptr (MOVDconst [0]) mem) => (MOV(D|W|H|B)storezero [off] {sym} ptr mem)', ({ v, off, ptr, mem }, [w]) =>
      op(`MOV${w}storezero`, { auxInt: off, aux: v.aux }, ptr, mem),
    ),
    ...rules('(MOV(D|W|H|B)storezero [off1] {sym} (ADDconst [off2] x) mem) && ((supportsPPC64PCRel() && is32Bit(int64(off1)+off2)) || (is16Bit(int64(off1)+off2))) => (MOV(D|W|H|B)storezero [off1+int32(off2)] {sym} x mem)', ({ v, off1, off2, x, mem }: { v: V; off1: I; off2: I; x: V; mem: V }, [w]) =>
      fits(off1 + off2) && op(`MOV${w}storezero`, { auxInt: i32(off1 + off2), aux: v.aux }, x, mem),
    ),
    ...rules('(MOV(D|W|H|B)store [0] {sym} p:(ADD ptr idx) val mem) && sym == nil && p.Uses == 1 => (MOV(D|W|H|B)storeidx ptr idx val mem)', ({ sym, p, ptr, idx, val, mem }, [w]) =>
      sym === null && p.uses === 1 && op(`MOV${w}storeidx`, ptr, idx, val, mem),
    ),
    ...rules('(MOVDstoreidx ptr (MOVDconst [c]) val mem) && ((is16Bit(c) && c%4 == 0) || (buildcfg.GOPPC64 >= 10 && is32Bit(c))) => (MOVDstore [int32(c)] ptr val mem)', ({ ptr, c, val, mem }) =>
      dsForm(c) && op('MOVDstore', { auxInt: i32(c) }, ptr, val, mem),
    ),
    ...rules('(MOV(W|H|B)storeidx ptr (MOVDconst [c]) val mem) && (is16Bit(c) || (buildcfg.GOPPC64 >= 10 && is32Bit(c))) => (MOV(W|H|B)store [int32(c)] ptr val mem)', ({ ptr, c, val, mem }, [w]) =>
      is16Bit(c) && op(`MOV${w}store`, { auxInt: i32(c) }, ptr, val, mem),
    ),
    ...rules('(MOVDstoreidx (MOVDconst [c]) ptr val mem) && ((is16Bit(c) && c%4 == 0) || (buildcfg.GOPPC64 >= 10 && is32Bit(c))) => (MOVDstore [int32(c)] ptr val mem)', ({ ptr, c, val, mem }) =>
      dsForm(c) && op('MOVDstore', { auxInt: i32(c) }, ptr, val, mem),
    ),
    ...rules('(MOV(W|H|B)storeidx (MOVDconst [c]) ptr val mem) && (is16Bit(c) || (buildcfg.GOPPC64 >= 10 && is32Bit(c))) => (MOV(W|H|B)store [int32(c)] ptr val mem)', ({ ptr, c, val, mem }, [w]) =>
      is16Bit(c) && op(`MOV${w}store`, { auxInt: i32(c) }, ptr, val, mem),
    ),
    ...rules('(MOV(D|W|H|B)storezero [off1] {sym1} p:(MOVDaddr [off2] {sym2} x) mem) && canMergeSym(sym1,sym2) && ((is16Bit(int64(off1+off2)) && (x.Op != OpSB || p.Uses == 1)) || (supportsPPC64PCRel() && is32Bit(int64(off1+off2)))) => (MOV(D|W|H|B)storezero [off1+off2] {mergeSym(sym1,sym2)} x mem)', ({ v, off1, sym1, p, off2, sym2, x, mem }, [w]) =>
      canMergeSym(sym1, sym2) && symOK(off1, off2, x, p) && op(`MOV${w}storezero`, { auxInt: i32(off1 + off2), aux: mergeSym(v.aux, p.aux) }, x, mem),
    ),
  ]
}

/** Extensions of what is already extended, CLRLSLDI/CLRLSLWI, narrow stores of wide values, compares. */
export function extensionsAndCompares(): RuleDef[] {
  const isIntN = (t: SsaType, n: number): boolean => (t.kind === 'int' || t.kind === 'uint') && t.size === n
  const signed = (t: SsaType): boolean => t.kind === 'int'
  return [
    ...rules('(ANDconst [1] z:(SRADconst [63] x)) && z.Uses == 1 => (SRDconst [63] x)', ({ z, x }) => z.uses === 1 && op('SRDconst', { auxInt: 63n }, x)),
    ...rules('(MOV(B|H|W)Zreg x:(MOVBZload _ _)) => x', ({ x }) => x),
    ...rules('(MOV(B|H|W)Zreg x:(MOVBZloadidx _ _ _)) => x', ({ x }) => x),
    ...rules('(MOV(H|W)Zreg x:(MOVHZload _ _)) => x', ({ x }) => x),
    ...rules('(MOV(H|W)Zreg x:(MOVHZloadidx _ _ _)) => x', ({ x }) => x),
    ...rules('(MOV(H|W)reg x:(MOVHload _ _)) => x', ({ x }) => x),
    ...rules('(MOV(H|W)reg x:(MOVHloadidx _ _ _)) => x', ({ x }) => x),
    ...rules('(MOV(WZ|W)reg x:(MOV(WZ|W)load _ _)) => x', ({ x }) => x),
    ...rules('(MOV(WZ|W)reg x:(MOV(WZ|W)loadidx _ _ _)) => x', ({ x }) => x),
    ...rules('(MOV(B|W)Zreg x:(Select0 (LoweredAtomicLoad(8|32) _ _))) => x', ({ x }) => x),
    ...rules('(MOVBreg x:(Arg <t>)) && is8BitInt(t) && t.IsSigned() => x', ({ x, t }) => isIntN(t, 1) && signed(t) && x),
    ...rules('(MOVBZreg x:(Arg <t>)) && is8BitInt(t) && !t.IsSigned() => x', ({ x, t }) => isIntN(t, 1) && !signed(t) && x),
    ...rules('(MOVHreg x:(Arg <t>)) && (is8BitInt(t) || is16BitInt(t)) && t.IsSigned() => x', ({ x, t }) => (isIntN(t, 1) || isIntN(t, 2)) && signed(t) && x),
    ...rules('(MOVHZreg x:(Arg <t>)) && (is8BitInt(t) || is16BitInt(t)) && !t.IsSigned() => x', ({ x, t }) => (isIntN(t, 1) || isIntN(t, 2)) && !signed(t) && x),
    ...rules('(MOVWreg x:(Arg <t>)) && (is8BitInt(t) || is16BitInt(t) || is32BitInt(t)) && t.IsSigned() => x', ({ x, t }) =>
      (isIntN(t, 1) || isIntN(t, 2) || isIntN(t, 4)) && signed(t) && x,
    ),
    ...rules('(MOVWZreg x:(Arg <t>)) && (is8BitInt(t) || is16BitInt(t) || is32BitInt(t)) && !t.IsSigned() => x', ({ x, t }) =>
      (isIntN(t, 1) || isIntN(t, 2) || isIntN(t, 4)) && !signed(t) && x,
    ),
    ...rules('(MOVBZreg (MOVDconst [c])) => (MOVDconst [int64(uint8(c))])', ({ c }) => c0(BigInt.asUintN(8, c))),
    ...rules('(MOVBreg (MOVDconst [c])) => (MOVDconst [int64(int8(c))])', ({ c }) => c0(BigInt.asIntN(8, c))),
    ...rules('(MOVHZreg (MOVDconst [c])) => (MOVDconst [int64(uint16(c))])', ({ c }) => c0(BigInt.asUintN(16, c))),
    ...rules('(MOVHreg (MOVDconst [c])) => (MOVDconst [int64(int16(c))])', ({ c }) => c0(BigInt.asIntN(16, c))),
    ...rules('(MOVWreg (MOVDconst [c])) => (MOVDconst [int64(int32(c))])', ({ c }) => c0(BigInt.asIntN(32, c))),
    ...rules('(MOVWZreg (MOVDconst [c])) => (MOVDconst [int64(uint32(c))])', ({ c }) => c0(BigInt.asUintN(32, c))),
    // clrlsldi/clrlslwi (ISA 3.0 C.8): clear the high bits, then shift left, in one instruction.
    ...rules('(SLDconst [c] z:(MOVBZreg x)) && c < 8 && z.Uses == 1 => (CLRLSLDI [newPPC64ShiftAuxInt(c,56,63,64)] x)', ({ c, z, x }) =>
      c < 8n && z.uses === 1 && op('CLRLSLDI', { auxInt: newPPC64ShiftAuxInt(c, 56n, 63n, 64n) }, x),
    ),
    ...rules('(SLDconst [c] z:(MOVHZreg x)) && c < 16 && z.Uses == 1 => (CLRLSLDI [newPPC64ShiftAuxInt(c,48,63,64)] x)', ({ c, z, x }) =>
      c < 16n && z.uses === 1 && op('CLRLSLDI', { auxInt: newPPC64ShiftAuxInt(c, 48n, 63n, 64n) }, x),
    ),
    ...rules('(SLDconst [c] z:(MOVWZreg x)) && c < 32 && z.Uses == 1 => (CLRLSLDI [newPPC64ShiftAuxInt(c,32,63,64)] x)', ({ c, z, x }) =>
      c < 32n && z.uses === 1 && op('CLRLSLDI', { auxInt: newPPC64ShiftAuxInt(c, 32n, 63n, 64n) }, x),
    ),
    ...rules('(SLDconst [c] z:(ANDconst [d] x)) && z.Uses == 1 && isPPC64ValidShiftMask(d) && c <= (64-getPPC64ShiftMaskLength(d)) => (CLRLSLDI [newPPC64ShiftAuxInt(c,64-getPPC64ShiftMaskLength(d),63,64)] x)', ({ c, z, d, x }: { c: I; z: V; d: I; x: V }) =>
      z.uses === 1 && isPPC64ValidShiftMask(d) && c <= 64n - getPPC64ShiftMaskLength(d) &&
      op('CLRLSLDI', { auxInt: newPPC64ShiftAuxInt(c, 64n - getPPC64ShiftMaskLength(d), 63n, 64n) }, x),
    ),
    ...rules('(SLDconst [c] z:(AND (MOVDconst [d]) x)) && z.Uses == 1 && isPPC64ValidShiftMask(d) && c<=(64-getPPC64ShiftMaskLength(d)) => (CLRLSLDI [newPPC64ShiftAuxInt(c,64-getPPC64ShiftMaskLength(d),63,64)] x)', ({ c, z, d, x }: { c: I; z: V; d: I; x: V }) =>
      z.uses === 1 && isPPC64ValidShiftMask(d) && c <= 64n - getPPC64ShiftMaskLength(d) &&
      op('CLRLSLDI', { auxInt: newPPC64ShiftAuxInt(c, 64n - getPPC64ShiftMaskLength(d), 63n, 64n) }, x),
    ),
    ...rules('(SLWconst [c] z:(MOVBZreg x)) && z.Uses == 1 && c < 8 => (CLRLSLWI [newPPC64ShiftAuxInt(c,24,31,32)] x)', ({ c, z, x }) =>
      z.uses === 1 && c < 8n && op('CLRLSLWI', { auxInt: newPPC64ShiftAuxInt(c, 24n, 31n, 32n) }, x),
    ),
    ...rules('(SLWconst [c] z:(MOVHZreg x)) && z.Uses == 1 && c < 16 => (CLRLSLWI [newPPC64ShiftAuxInt(c,16,31,32)] x)', ({ c, z, x }) =>
      z.uses === 1 && c < 16n && op('CLRLSLWI', { auxInt: newPPC64ShiftAuxInt(c, 16n, 31n, 32n) }, x),
    ),
    ...rules('(SLWconst [c] z:(ANDconst [d] x)) && z.Uses == 1 && isPPC64ValidShiftMask(d) && c<=(32-getPPC64ShiftMaskLength(d)) => (CLRLSLWI [newPPC64ShiftAuxInt(c,32-getPPC64ShiftMaskLength(d),31,32)] x)', ({ c, z, d, x }: { c: I; z: V; d: I; x: V }) =>
      z.uses === 1 && isPPC64ValidShiftMask(d) && c <= 32n - getPPC64ShiftMaskLength(d) &&
      op('CLRLSLWI', { auxInt: newPPC64ShiftAuxInt(c, 32n - getPPC64ShiftMaskLength(d), 31n, 32n) }, x),
    ),
    ...rules('(SLWconst [c] z:(AND (MOVDconst [d]) x)) && z.Uses == 1 && isPPC64ValidShiftMask(d) && c<=(32-getPPC64ShiftMaskLength(d)) => (CLRLSLWI [newPPC64ShiftAuxInt(c,32-getPPC64ShiftMaskLength(d),31,32)] x)', ({ c, z, d, x }: { c: I; z: V; d: I; x: V }) =>
      z.uses === 1 && isPPC64ValidShiftMask(d) && c <= 32n - getPPC64ShiftMaskLength(d) &&
      op('CLRLSLWI', { auxInt: newPPC64ShiftAuxInt(c, 32n - getPPC64ShiftMaskLength(d), 31n, 32n) }, x),
    ),
    // Narrow stores ignore the high bits: no need to extend first.
    ...rules('(MOVBstore [off] {sym} ptr (MOV(B|BZ|H|HZ|W|WZ)reg x) mem) => (MOVBstore [off] {sym} ptr x mem)', ({ v, off, ptr, x, mem }) => op('MOVBstore', { auxInt: off, aux: v.aux }, ptr, x, mem)),
    ...rules('(MOVHstore [off] {sym} ptr (MOV(H|HZ|W|WZ)reg x) mem) => (MOVHstore [off] {sym} ptr x mem)', ({ v, off, ptr, x, mem }) => op('MOVHstore', { auxInt: off, aux: v.aux }, ptr, x, mem)),
    ...rules('(MOVWstore [off] {sym} ptr (MOV(W|WZ)reg x) mem) => (MOVWstore [off] {sym} ptr x mem)', ({ v, off, ptr, x, mem }) => op('MOVWstore', { auxInt: off, aux: v.aux }, ptr, x, mem)),
    ...rules('(MOVBstore [off] {sym} ptr (SRWconst (MOV(H|HZ)reg x) [c]) mem) && c <= 8 => (MOVBstore [off] {sym} ptr (SRWconst <typ.UInt32> x [c]) mem)', ({ v, off, ptr, x, c, mem }) =>
      c <= 8n && op('MOVBstore', { auxInt: off, aux: v.aux }, ptr, op('SRWconst', { type: T.uint32, auxInt: c }, x), mem),
    ),
    ...rules('(MOVBstore [off] {sym} ptr (SRWconst (MOV(W|WZ)reg x) [c]) mem) && c <= 24 => (MOVBstore [off] {sym} ptr (SRWconst <typ.UInt32> x [c]) mem)', ({ v, off, ptr, x, c, mem }) =>
      c <= 24n && op('MOVBstore', { auxInt: off, aux: v.aux }, ptr, op('SRWconst', { type: T.uint32, auxInt: c }, x), mem),
    ),
    ...rules('(MOVBstoreidx ptr idx (MOV(B|BZ|H|HZ|W|WZ)reg x) mem) => (MOVBstoreidx ptr idx x mem)', ({ ptr, idx, x, mem }) => op('MOVBstoreidx', ptr, idx, x, mem)),
    ...rules('(MOVHstoreidx ptr idx (MOV(H|HZ|W|WZ)reg x) mem) => (MOVHstoreidx ptr idx x mem)', ({ ptr, idx, x, mem }) => op('MOVHstoreidx', ptr, idx, x, mem)),
    ...rules('(MOVWstoreidx ptr idx (MOV(W|WZ)reg x) mem) => (MOVWstoreidx ptr idx x mem)', ({ ptr, idx, x, mem }) => op('MOVWstoreidx', ptr, idx, x, mem)),
    ...rules('(MOVBstoreidx ptr idx (SRWconst (MOV(H|HZ)reg x) [c]) mem) && c <= 8 => (MOVBstoreidx ptr idx (SRWconst <typ.UInt32> x [c]) mem)', ({ ptr, idx, x, c, mem }) =>
      c <= 8n && op('MOVBstoreidx', ptr, idx, op('SRWconst', { type: T.uint32, auxInt: c }, x), mem),
    ),
    ...rules('(MOVBstoreidx ptr idx (SRWconst (MOV(W|WZ)reg x) [c]) mem) && c <= 24 => (MOVBstoreidx ptr idx (SRWconst <typ.UInt32> x [c]) mem)', ({ ptr, idx, x, c, mem }) =>
      c <= 24n && op('MOVBstoreidx', ptr, idx, op('SRWconst', { type: T.uint32, auxInt: c }, x), mem),
    ),
    ...rules('(MOVHBRstore ptr (MOV(H|HZ|W|WZ)reg x) mem) => (MOVHBRstore ptr x mem)', ({ ptr, x, mem }) => op('MOVHBRstore', ptr, x, mem)),
    ...rules('(MOVWBRstore ptr (MOV(W|WZ)reg x) mem) => (MOVWBRstore ptr x mem)', ({ ptr, x, mem }) => op('MOVWBRstore', ptr, x, mem)),
    // Word compares ignore the high word.
    ...rules('(CMP(W|WU) x (MOV(W|WZ)reg y)) => (CMP(W|WU) x y)', ({ x, y }, [w]) => op(`CMP${w}`, x, y)),
    ...rules('(CMP(W|WU) (MOV(W|WZ)reg x) y) => (CMP(W|WU) x y)', ({ x, y }, [w]) => op(`CMP${w}`, x, y)),
    ...rules('(CMP x (MOVDconst [c])) && is16Bit(c) => (CMPconst x [c])', ({ x, c }) => is16Bit(c) && op('CMPconst', { auxInt: c }, x)),
    ...rules('(CMP (MOVDconst [c]) y) && is16Bit(c) => (InvertFlags (CMPconst y [c]))', ({ c, y }) => is16Bit(c) && op('InvertFlags', op('CMPconst', { auxInt: c }, y))),
    ...rules('(CMPW x (MOVDconst [c])) && is16Bit(c) => (CMPWconst x [int32(c)])', ({ x, c }) => is16Bit(c) && op('CMPWconst', { auxInt: i32(c) }, x)),
    ...rules('(CMPW (MOVDconst [c]) y) && is16Bit(c) => (InvertFlags (CMPWconst y [int32(c)]))', ({ c, y }) => is16Bit(c) && op('InvertFlags', op('CMPWconst', { auxInt: i32(c) }, y))),
    ...rules('(CMPU x (MOVDconst [c])) && isU16Bit(c) => (CMPUconst x [c])', ({ x, c }) => isU16Bit(c) && op('CMPUconst', { auxInt: c }, x)),
    ...rules('(CMPU (MOVDconst [c]) y) && isU16Bit(c) => (InvertFlags (CMPUconst y [c]))', ({ c, y }) => isU16Bit(c) && op('InvertFlags', op('CMPUconst', { auxInt: c }, y))),
    ...rules('(CMPWU x (MOVDconst [c])) && isU16Bit(c) => (CMPWUconst x [int32(c)])', ({ x, c }) => isU16Bit(c) && op('CMPWUconst', { auxInt: i32(c) }, x)),
    ...rules('(CMPWU (MOVDconst [c]) y) && isU16Bit(c) => (InvertFlags (CMPWUconst y [int32(c)]))', ({ c, y }) => isU16Bit(c) && op('InvertFlags', op('CMPWUconst', { auxInt: i32(c) }, y))),
    // Canonical operand order helps CSE.
    ...rules('((CMP|CMPW|CMPU|CMPWU) x y) && canonLessThan(x,y) => (InvertFlags ((CMP|CMPW|CMPU|CMPWU) y x))', ({ x, y }, [o]) =>
      canonLessThan(x, y) && op('InvertFlags', op(o!, y, x)),
    ),
    ...rules('(CMP(W|U|WU)const [0] a:(ANDconst [n] z)) => (CMPconst [0] a)', ({ a }) => op('CMPconst', { auxInt: 0n }, a)),
  ]
}

/** The boolean pseudo-ops become SETBC/SETBCR (crbit 0=LT 1=GT 2=EQ), then fold with constants and inversions. */
export function setbcAndIsel(): RuleDef[] {
  const s = (o: string, n: I, cmp: V | Make): Make => op(o, { auxInt: n }, cmp)
  const r: RuleDef[] = [
    ...rules('(Equal cmp) => (SETBC [2] cmp)', ({ cmp }) => s('SETBC', 2n, cmp)),
    ...rules('(NotEqual cmp) => (SETBCR [2] cmp)', ({ cmp }) => s('SETBCR', 2n, cmp)),
    ...rules('(LessThan cmp) => (SETBC [0] cmp)', ({ cmp }) => s('SETBC', 0n, cmp)),
    ...rules('(FLessThan cmp) => (SETBC [0] cmp)', ({ cmp }) => s('SETBC', 0n, cmp)),
    ...rules('(FLessEqual cmp) => (OR (SETBC [2] cmp) (SETBC [0] cmp))', ({ cmp }) => op('OR', s('SETBC', 2n, cmp), s('SETBC', 0n, cmp))),
    ...rules('(GreaterEqual cmp) => (SETBCR [0] cmp)', ({ cmp }) => s('SETBCR', 0n, cmp)),
    ...rules('(GreaterThan cmp) => (SETBC [1] cmp)', ({ cmp }) => s('SETBC', 1n, cmp)),
    ...rules('(FGreaterEqual cmp) => (OR (SETBC [2] cmp) (SETBC [1] cmp))', ({ cmp }) => op('OR', s('SETBC', 2n, cmp), s('SETBC', 1n, cmp))),
    ...rules('(FGreaterThan cmp) => (SETBC [1] cmp)', ({ cmp }) => s('SETBC', 1n, cmp)),
    ...rules('(LessEqual cmp) => (SETBCR [1] cmp)', ({ cmp }) => s('SETBCR', 1n, cmp)),
  ]
  // SETBC [bit] of a flag constant is 1 when that bit is set; SETBCR the opposite.
  const bits = ['LT', 'GT', 'EQ']
  for (const [o, t, f] of [['SETBC', 1n, 0n], ['SETBCR', 0n, 1n]] as const) {
    bits.forEach((bit, n) => {
      const others = bits.filter((x) => x !== bit)
      r.push(...rules(`(${o} [${n}] (Flag${bit})) => (MOVDconst [${t}])`, () => c0(t)))
      r.push(...rules(`(${o} [${n}] (Flag(${others.join('|')}))) => (MOVDconst [${f}])`, () => c0(f)))
    })
  }
  for (const o of ['SETBC', 'SETBCR']) {
    r.push(
      ...rules(`(${o} [0] (InvertFlags bool)) => (${o} [1] bool)`, ({ bool }) => s(o, 1n, bool)),
      ...rules(`(${o} [1] (InvertFlags bool)) => (${o} [0] bool)`, ({ bool }) => s(o, 0n, bool)),
      ...rules(`(${o} [2] (InvertFlags bool)) => (${o} [2] bool)`, ({ bool }) => s(o, 2n, bool)),
    )
  }
  // ISEL auxInt: 0=LT 1=GT 2=EQ (arg2 ? arg0 : arg1); 4=GE 5=LE 6=NE (!arg2 ? arg1 : arg0).
  r.push(
    ...rules('(ISEL [2] x _ (FlagEQ)) => x', ({ x }) => x),
    ...rules('(ISEL [2] _ y (Flag(LT|GT))) => y', ({ y }) => y),
    ...rules('(ISEL [6] _ y (FlagEQ)) => y', ({ y }) => y),
    ...rules('(ISEL [6] x _ (Flag(LT|GT))) => x', ({ x }) => x),
    ...rules('(ISEL [0] _ y (Flag(EQ|GT))) => y', ({ y }) => y),
    ...rules('(ISEL [0] x _ (FlagLT)) => x', ({ x }) => x),
    ...rules('(ISEL [5] _ x (Flag(EQ|LT))) => x', ({ x }) => x),
    ...rules('(ISEL [5] y _ (FlagGT)) => y', ({ y }) => y),
    ...rules('(ISEL [1] _ y (Flag(EQ|LT))) => y', ({ y }) => y),
    ...rules('(ISEL [1] x _ (FlagGT)) => x', ({ x }) => x),
    ...rules('(ISEL [4] x _ (Flag(EQ|GT))) => x', ({ x }) => x),
    ...rules('(ISEL [4] _ y (FlagLT)) => y', ({ y }) => y),
    ...rules('(SETBC [n] (InvertFlags bool)) => (SETBCR [n] bool)', ({ n, bool }) => s('SETBCR', n, bool)),
    ...rules('(SETBCR [n] (InvertFlags bool)) => (SETBC [n] bool)', ({ n, bool }) => s('SETBC', n, bool)),
    ...rules('(ISEL [n] x y (InvertFlags bool)) && n%4 == 0 => (ISEL [n+1] x y bool)', ({ n, x, y, bool }: { n: I; x: V; y: V; bool: V }) => n % 4n === 0n && op('ISEL', { auxInt: n + 1n }, x, y, bool)),
    ...rules('(ISEL [n] x y (InvertFlags bool)) && n%4 == 1 => (ISEL [n-1] x y bool)', ({ n, x, y, bool }: { n: I; x: V; y: V; bool: V }) => n % 4n === 1n && op('ISEL', { auxInt: n - 1n }, x, y, bool)),
    ...rules('(ISEL [n] x y (InvertFlags bool)) && n%4 == 2 => (ISEL [n] x y bool)', ({ n, x, y, bool }: { n: I; x: V; y: V; bool: V }) => n % 4n === 2n && op('ISEL', { auxInt: n }, x, y, bool)),
    ...rules('(XORconst [1] (SETBCR [n] cmp)) => (SETBC [n] cmp)', ({ n, cmp }) => s('SETBC', n, cmp)),
    ...rules('(XORconst [1] (SETBC [n] cmp)) => (SETBCR [n] cmp)', ({ n, cmp }) => s('SETBCR', n, cmp)),
    ...rules('(SETBC [2] (CMPconst [0] a:(ANDconst [1] _))) => (XORconst [1] a)', ({ a }) => op('XORconst', { auxInt: 1n }, a)),
    ...rules('(SETBCR [2] (CMPconst [0] a:(ANDconst [1] _))) => a', ({ a }) => a),
  )
  // Only CMPconst: an AND/OR/XOR result may be wider than 32 bits.
  for (const [o, cc] of [['AND', 'ANDCC'], ['OR', 'ORCC'], ['XOR', 'XORCC']] as const) {
    const nm = o === 'OR' ? 'o' : 'a'
    for (const sb of ['SETBC', 'SETBCR']) {
      r.push(
        ...rules(`(${sb} [2] (CMPconst [0] ${nm}:(${o} y z))) && ${nm}.Uses == 1 => (${sb} [2] (Select1 <types.TypeFlags> (${cc} y z )))`, (m) =>
          m[nm].uses === 1 && s(sb, 2n, op('Select1', { type: T.flags }, op(cc, m.y, m.z))),
        ),
      )
    }
  }
  return r
}

/** The last section: cgo byte masks, FNEG of FABS, fused multiply-add. */
export function tail(): RuleDef[] {
  return [
    ...rules('(AND (MOVDconst [c]) x:(MOVBZload _ _)) => (ANDconst [c&0xFF] x)', ({ c, x }: { c: I; x: V }) => op('ANDconst', { auxInt: c & 0xffn }, x)),
    ...rules('(FNEG (F(ABS|NABS) x)) => (F(NABS|ABS) x)', ({ x }, [, to]) => op(`F${to}`, x)),
    // useFMA is true unless the fmahash debug flag is set.
    ...rules('(F(ADD|SUB) (FMUL x y) z) && x.Block.Func.useFMA(v) => (FM(ADD|SUB) x y z)', ({ x, y, z }, [o]) => op(`FM${o}`, x, y, z)),
    ...rules('(F(ADDS|SUBS) (FMULS x y) z) && x.Block.Func.useFMA(v) => (FM(ADDS|SUBS) x y z)', ({ x, y, z }, [o]) => op(`FM${o}`, x, y, z)),
  ]
}
