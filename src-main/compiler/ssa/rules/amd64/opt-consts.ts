// AMD64.rules, constants (in the file's order): comparisons with known
// outcomes become flag constants (FlagEQ, FlagLT_ULT…), which SBB masks and
// SETcc then absorb; redundant immediates go; constants fold; tests against
// zero become TEST.

import { T } from '../../types'
import { op, type RuleDef } from '../dsl'
import { i16, i32, i8, is32Bit, u64 } from './helpers'
import { resultOp, rules } from './notation'

type Flag = 'FlagEQ' | 'FlagLT_ULT' | 'FlagLT_UGT' | 'FlagGT_ULT' | 'FlagGT_UGT'

/** The flag constant of comparing x with y (signed, and unsigned at width w). */
function compare(x: bigint, y: bigint, w: number): Flag {
  if (x === y) return 'FlagEQ'
  const ux = BigInt.asUintN(w, x)
  const uy = BigInt.asUintN(w, y)
  if (x < y) return ux < uy ? 'FlagLT_ULT' : 'FlagLT_UGT'
  return ux < uy ? 'FlagGT_ULT' : 'FlagGT_UGT'
}

export function constantCompares(): RuleDef[] {
  const r: RuleDef[] = []
  // gc writes five rules per width, one per outcome; each fires only for its outcome.
  const five = (pattern: string, conds: string[], w: number, xOf: (x: bigint) => bigint): void => {
    const flags: Flag[] = ['FlagEQ', 'FlagLT_ULT', 'FlagLT_UGT', 'FlagGT_ULT', 'FlagGT_UGT']
    flags.forEach((flag, k) => r.push(...rules(`${pattern} && ${conds[k]} => (${flag})`, ({ x, y }) => compare(xOf(x), y, w) === flag && op(flag))))
  }
  five('(CMPQconst (MOVQconst [x]) [y])', ['x==int64(y)', 'x<int64(y) && uint64(x)<uint64(int64(y))', 'x<int64(y) && uint64(x)>uint64(int64(y))', 'x>int64(y) && uint64(x)<uint64(int64(y))', 'x>int64(y) && uint64(x)>uint64(int64(y))'], 64, (x) => x)
  five('(CMPLconst (MOVLconst [x]) [y])', ['x==y', 'x<y && uint32(x)<uint32(y)', 'x<y && uint32(x)>uint32(y)', 'x>y && uint32(x)<uint32(y)', 'x>y && uint32(x)>uint32(y)'], 32, (x) => x)
  five('(CMPWconst (MOVLconst [x]) [y])', ['int16(x)==y', 'int16(x)<y && uint16(x)<uint16(y)', 'int16(x)<y && uint16(x)>uint16(y)', 'int16(x)>y && uint16(x)<uint16(y)', 'int16(x)>y && uint16(x)>uint16(y)'], 16, i16)
  five('(CMPBconst (MOVLconst [x]) [y])', ['int8(x)==y', 'int8(x)<y && uint8(x)<uint8(y)', 'int8(x)<y && uint8(x)>uint8(y)', 'int8(x)>y && uint8(x)<uint8(y)', 'int8(x)>y && uint8(x)>uint8(y)'], 8, i8)
  five('(CMPQ (MOVQconst [x]) (MOVQconst [y]))', ['x==y', 'x<y && uint64(x)<uint64(y)', 'x<y && uint64(x)>uint64(y)', 'x>y && uint64(x)<uint64(y)', 'x>y && uint64(x)>uint64(y)'], 64, (x) => x)
  const ult = () => op('FlagLT_ULT')
  r.push(
    // Other known comparisons: the value is provably below the constant.
    ...rules('(CMPQconst (MOVBQZX _) [c]) && 0xFF < c => (FlagLT_ULT)', ({ c }) => 0xffn < c && ult()),
    ...rules('(CMPQconst (MOVWQZX _) [c]) && 0xFFFF < c => (FlagLT_ULT)', ({ c }) => 0xffffn < c && ult()),
    ...rules('(CMPLconst (SHRLconst _ [c]) [n]) && 0 <= n && 0 < c && c <= 32 && (1<<uint64(32-c)) <= uint64(n) => (FlagLT_ULT)', ({ c, n }) =>
      0n <= n && 0n < c && c <= 32n && 1n << (32n - c) <= u64(n) && ult(),
    ),
    ...rules('(CMPQconst (SHRQconst _ [c]) [n]) && 0 <= n && 0 < c && c <= 64 && (1<<uint64(64-c)) <= uint64(n) => (FlagLT_ULT)', ({ c, n }) =>
      0n <= n && 0n < c && c <= 64n && u64(1n << (64n - c)) <= u64(n) && ult(),
    ),
    ...rules('(CMPQconst (ANDQconst _ [m]) [n]) && 0 <= m && m < n => (FlagLT_ULT)', ({ m, n }) => 0n <= m && m < n && ult()),
    ...rules('(CMPQconst (ANDLconst _ [m]) [n]) && 0 <= m && m < n => (FlagLT_ULT)', ({ m, n }) => 0n <= m && m < n && ult()),
    ...rules('(CMPLconst (ANDLconst _ [m]) [n]) && 0 <= m && m < n => (FlagLT_ULT)', ({ m, n }) => 0n <= m && m < n && ult()),
    ...rules('(CMPWconst (ANDLconst _ [m]) [n]) && 0 <= int16(m) && int16(m) < n => (FlagLT_ULT)', ({ m, n }) => 0n <= i16(m) && i16(m) < n && ult()),
    ...rules('(CMPBconst (ANDLconst _ [m]) [n]) && 0 <= int8(m) && int8(m) < n => (FlagLT_ULT)', ({ m, n }) => 0n <= i8(m) && i8(m) < n && ult()),
    // TESTQ c c sets flags like CMPQ c 0.
    ...rules('(TESTQconst [c] (MOVQconst [d])) && int64(c) == d && c == 0 => (FlagEQ)', ({ c, d }) => c === d && c === 0n && op('FlagEQ')),
    ...rules('(TESTLconst [c] (MOVLconst [c])) && c == 0 => (FlagEQ)', ({ c }) => c === 0n && op('FlagEQ')),
    ...rules('(TESTQconst [c] (MOVQconst [d])) && int64(c) == d && c < 0 => (FlagLT_UGT)', ({ c, d }) => c === d && c < 0n && op('FlagLT_UGT')),
    ...rules('(TESTLconst [c] (MOVLconst [c])) && c < 0 => (FlagLT_UGT)', ({ c }) => c < 0n && op('FlagLT_UGT')),
    ...rules('(TESTQconst [c] (MOVQconst [d])) && int64(c) == d && c > 0 => (FlagGT_UGT)', ({ c, d }) => c === d && c > 0n && op('FlagGT_UGT')),
    ...rules('(TESTLconst [c] (MOVLconst [c])) && c > 0 => (FlagGT_UGT)', ({ c }) => c > 0n && op('FlagGT_UGT')),
  )
  // SBB carry masks of known flags: all ones when unsigned-below.
  for (const [q, c] of [['Q', 'MOVQconst'], ['L', 'MOVLconst']] as const) {
    for (const [flag, val] of [['FlagEQ', 0n], ['FlagLT_ULT', -1n], ['FlagLT_UGT', 0n], ['FlagGT_ULT', -1n], ['FlagGT_UGT', 0n]] as const) {
      r.push(...rules(`(SBB${q}carrymask (${flag})) => (${c} [${val}])`, () => op(c, { auxInt: val })))
    }
  }
  return r
}

/** SETcc of a flag constant is a constant; SETccstore of one stores it. */
export function constantSets(): RuleDef[] {
  const r: RuleDef[] = []
  const table: [string, string, bigint][] = [
    ['SETEQ|SETLE|SETGE|SETBE|SETAE', 'FlagEQ', 1n],
    ['SETNE|SETL|SETG|SETB|SETA', 'FlagEQ', 0n],
    ['SETNE|SETL|SETLE|SETB|SETBE', 'FlagLT_ULT', 1n],
    ['SETEQ|SETG|SETGE|SETA|SETAE', 'FlagLT_ULT', 0n],
    ['SETNE|SETL|SETLE|SETA|SETAE', 'FlagLT_UGT', 1n],
    ['SETEQ|SETG|SETGE|SETB|SETBE', 'FlagLT_UGT', 0n],
    ['SETNE|SETG|SETGE|SETB|SETBE', 'FlagGT_ULT', 1n],
    ['SETEQ|SETL|SETLE|SETA|SETAE', 'FlagGT_ULT', 0n],
    ['SETNE|SETG|SETGE|SETA|SETAE', 'FlagGT_UGT', 1n],
    ['SETEQ|SETL|SETLE|SETB|SETBE', 'FlagGT_UGT', 0n],
  ]
  for (const [sets, flag, val] of table) r.push(...rules(`((${sets}) (${flag})) => (MOVLconst [${val}])`, () => op('MOVLconst', { auxInt: val })))
  // Each SETccstore, in gc's order, with what it stores for each flag constant.
  const stores: [string, number[]][] = [
    ['SETEQstore', [1, 0, 0, 0, 0]],
    ['SETNEstore', [0, 1, 1, 1, 1]],
    ['SETLstore', [0, 1, 1, 0, 0]],
    ['SETLEstore', [1, 1, 1, 0, 0]],
    ['SETGstore', [0, 0, 0, 1, 1]],
    ['SETGEstore', [1, 0, 0, 1, 1]],
    ['SETBstore', [0, 1, 0, 1, 0]],
    ['SETBEstore', [1, 1, 0, 1, 0]],
    ['SETAstore', [0, 0, 1, 0, 1]],
    ['SETAEstore', [1, 0, 1, 0, 1]],
  ]
  const flags = ['FlagEQ', 'FlagLT_ULT', 'FlagLT_UGT', 'FlagGT_ULT', 'FlagGT_UGT']
  for (const [store, vals] of stores) {
    flags.forEach((flag, k) => {
      const val = BigInt(vals[k]!)
      r.push(
        ...rules(`(${store} [off] {sym} ptr (${flag}) mem) => (MOVBstore [off] {sym} ptr (MOVLconst <typ.UInt8> [${val}]) mem)`, ({ off, sym, ptr, mem }) =>
          op('MOVBstore', { auxInt: off, aux: sym }, ptr, op('MOVLconst', { type: T.uint8, auxInt: val }), mem),
        ),
      )
    })
  }
  return r
}

/** Redundant immediates, constant folding and generic simplifications. */
export function folding(): RuleDef[] {
  return [
    ...rules('(ADDQconst [0] x) => x', ({ x }) => x),
    ...rules('(ADDLconst [c] x) && c==0 => x', ({ c, x }) => c === 0n && x),
    ...rules('(SUBQconst [0] x) => x', ({ x }) => x),
    ...rules('(SUBLconst [c] x) && c==0 => x', ({ c, x }) => c === 0n && x),
    ...rules('(ANDQconst [0] _) => (MOVQconst [0])', () => op('MOVQconst', { auxInt: 0n })),
    ...rules('(ANDLconst [c] _) && c==0 => (MOVLconst [0])', ({ c }) => c === 0n && op('MOVLconst', { auxInt: 0n })),
    ...rules('(ANDQconst [-1] x) => x', ({ x }) => x),
    ...rules('(ANDLconst [c] x) && c==-1 => x', ({ c, x }) => c === -1n && x),
    ...rules('(ORQconst [0] x) => x', ({ x }) => x),
    ...rules('(ORLconst [c] x) && c==0 => x', ({ c, x }) => c === 0n && x),
    ...rules('(ORQconst [-1] _) => (MOVQconst [-1])', () => op('MOVQconst', { auxInt: -1n })),
    ...rules('(ORLconst [c] _) && c==-1 => (MOVLconst [-1])', ({ c }) => c === -1n && op('MOVLconst', { auxInt: -1n })),
    ...rules('(XORQconst [0] x) => x', ({ x }) => x),
    ...rules('(XORLconst [c] x) && c==0 => x', ({ c, x }) => c === 0n && x),
    ...rules('(NEG(Q|L) (NEG(Q|L) x)) => x', ({ x }) => x),
    ...rules('(NEG(Q|L) s:(SUB(Q|L) x y)) && s.Uses == 1 => (SUB(Q|L) y x)', ({ s, x, y }, _, t) => s.uses === 1 && op(resultOp(t), y, x)),
    ...rules('(SUBQconst [c] x) && c != -(1<<31) => (ADDQconst [-c] x)', ({ c, x }) => c !== -(1n << 31n) && op('ADDQconst', { auxInt: -c }, x)),
    ...rules('(SUBLconst [c] x) => (ADDLconst [-c] x)', ({ c, x }) => op('ADDLconst', { auxInt: -c }, x)),
    ...rules('(ADDQconst [c] (MOVQconst [d])) => (MOVQconst [int64(c)+d])', ({ c, d }) => op('MOVQconst', { auxInt: c + d })),
    ...rules('(ADDLconst [c] (MOVLconst [d])) => (MOVLconst [c+d])', ({ c, d }) => op('MOVLconst', { auxInt: c + d })),
    ...rules('(ADDQconst [c] (ADDQconst [d] x)) && is32Bit(int64(c)+int64(d)) => (ADDQconst [c+d] x)', ({ c, d, x }) => is32Bit(c + d) && op('ADDQconst', { auxInt: c + d }, x)),
    ...rules('(ADDLconst [c] (ADDLconst [d] x)) => (ADDLconst [c+d] x)', ({ c, d, x }) => op('ADDLconst', { auxInt: c + d }, x)),
    ...rules('(SUBQconst (MOVQconst [d]) [c]) => (MOVQconst [d-int64(c)])', ({ c, d }) => op('MOVQconst', { auxInt: d - c })),
    ...rules('(SUBQconst (SUBQconst x [d]) [c]) && is32Bit(int64(-c)-int64(d)) => (ADDQconst [-c-d] x)', ({ c, d, x }) => is32Bit(-(c as bigint) - d) && op('ADDQconst', { auxInt: -(c as bigint) - d }, x)),
    ...rules('(SARQconst [c] (MOVQconst [d])) => (MOVQconst [d>>uint64(c)])', ({ c, d }) => op('MOVQconst', { auxInt: d >> c })),
    ...rules('(SARLconst [c] (MOVQconst [d])) => (MOVQconst [int64(int32(d))>>uint64(c)])', ({ c, d }) => op('MOVQconst', { auxInt: i32(d) >> c })),
    ...rules('(SARWconst [c] (MOVQconst [d])) => (MOVQconst [int64(int16(d))>>uint64(c)])', ({ c, d }) => op('MOVQconst', { auxInt: i16(d) >> c })),
    ...rules('(SARBconst [c] (MOVQconst [d])) => (MOVQconst [int64(int8(d))>>uint64(c)])', ({ c, d }) => op('MOVQconst', { auxInt: i8(d) >> c })),
    ...rules('(NEGQ (MOVQconst [c])) => (MOVQconst [-c])', ({ c }) => op('MOVQconst', { auxInt: -c })),
    ...rules('(NEGL (MOVLconst [c])) => (MOVLconst [-c])', ({ c }) => op('MOVLconst', { auxInt: -c })),
    ...rules('(MULQconst [c] (MOVQconst [d])) => (MOVQconst [int64(c)*d])', ({ c, d }) => op('MOVQconst', { auxInt: c * d })),
    ...rules('(MULLconst [c] (MOVLconst [d])) => (MOVLconst [c*d])', ({ c, d }) => op('MOVLconst', { auxInt: c * d })),
    ...rules('(ANDQconst [c] (MOVQconst [d])) => (MOVQconst [int64(c)&d])', ({ c, d }) => op('MOVQconst', { auxInt: c & d })),
    ...rules('(ANDLconst [c] (MOVLconst [d])) => (MOVLconst [c&d])', ({ c, d }) => op('MOVLconst', { auxInt: c & d })),
    ...rules('(ORQconst [c] (MOVQconst [d])) => (MOVQconst [int64(c)|d])', ({ c, d }) => op('MOVQconst', { auxInt: c | d })),
    ...rules('(ORLconst [c] (MOVLconst [d])) => (MOVLconst [c|d])', ({ c, d }) => op('MOVLconst', { auxInt: c | d })),
    ...rules('(XORQconst [c] (MOVQconst [d])) => (MOVQconst [int64(c)^d])', ({ c, d }) => op('MOVQconst', { auxInt: c ^ d })),
    ...rules('(XORLconst [c] (MOVLconst [d])) => (MOVLconst [c^d])', ({ c, d }) => op('MOVLconst', { auxInt: c ^ d })),
    ...rules('(NOTQ (MOVQconst [c])) => (MOVQconst [^c])', ({ c }) => op('MOVQconst', { auxInt: ~c })),
    ...rules('(NOTL (MOVLconst [c])) => (MOVLconst [^c])', ({ c }) => op('MOVLconst', { auxInt: ~c })),
    ...rules('(BTSQconst [c] (MOVQconst [d])) => (MOVQconst [d|(1<<uint32(c))])', ({ c, d }) => op('MOVQconst', { auxInt: d | (1n << c) })),
    ...rules('(BTRQconst [c] (MOVQconst [d])) => (MOVQconst [d&^(1<<uint32(c))])', ({ c, d }) => op('MOVQconst', { auxInt: d & ~(1n << c) })),
    ...rules('(BTCQconst [c] (MOVQconst [d])) => (MOVQconst [d^(1<<uint32(c))])', ({ c, d }) => op('MOVQconst', { auxInt: d ^ (1n << c) })),
    ...rules('(ORQ (MOVQconst [c]) (MOVQconst [d])) => (MOVQconst [c|d])', ({ c, d }) => op('MOVQconst', { auxInt: c | d })),
    ...rules('(ADDQ x (NEGQ y)) => (SUBQ x y)', ({ x, y }) => op('SUBQ', x, y)),
    ...rules('(ADDL x (NEGL y)) => (SUBL x y)', ({ x, y }) => op('SUBL', x, y)),
    ...rules('(SUBQ x x) => (MOVQconst [0])', () => op('MOVQconst', { auxInt: 0n })),
    ...rules('(SUBL x x) => (MOVLconst [0])', () => op('MOVLconst', { auxInt: 0n })),
    ...rules('(ANDQ x x) => x', ({ x }) => x),
    ...rules('(ANDL x x) => x', ({ x }) => x),
    ...rules('(ORQ x x) => x', ({ x }) => x),
    ...rules('(ORL x x) => x', ({ x }) => x),
    ...rules('(XORQ x x) => (MOVQconst [0])', () => op('MOVQconst', { auxInt: 0n })),
    ...rules('(XORL x x) => (MOVLconst [0])', () => op('MOVLconst', { auxInt: 0n })),
    ...rules('(SHLLconst [d] (MOVLconst [c])) => (MOVLconst [c << uint64(d)])', ({ c, d }) => op('MOVLconst', { auxInt: c << d })),
    ...rules('(SHLQconst [d] (MOVQconst [c])) => (MOVQconst [c << uint64(d)])', ({ c, d }) => op('MOVQconst', { auxInt: c << d })),
    ...rules('(SHLQconst [d] (MOVLconst [c])) => (MOVQconst [int64(c) << uint64(d)])', ({ c, d }) => op('MOVQconst', { auxInt: c << d })),
    ...rules('(NEGQ (ADDQconst [c] (NEGQ x))) && c != -(1<<31) => (ADDQconst [-c] x)', ({ c, x }) => c !== -(1n << 31n) && op('ADDQconst', { auxInt: -c }, x)),
    ...rules('(MULQconst [c] (NEGQ x)) && c != -(1<<31) => (MULQconst [-c] x)', ({ c, x }) => c !== -(1n << 31n) && op('MULQconst', { auxInt: -c }, x)),
  ]
}

/** Tests against zero: AND then compare with 0 is TEST; CMP with 0 is TEST x x. */
export function tests(): RuleDef[] {
  return [
    ...rules('(CMPQconst a:(ANDQ x y) [0]) && a.Uses == 1 => (TESTQ x y)', ({ a, x, y }) => a.uses === 1 && op('TESTQ', x, y)),
    ...rules('(CMPLconst a:(ANDL x y) [0]) && a.Uses == 1 => (TESTL x y)', ({ a, x, y }) => a.uses === 1 && op('TESTL', x, y)),
    ...rules('(CMPWconst a:(ANDL x y) [0]) && a.Uses == 1 => (TESTW x y)', ({ a, x, y }) => a.uses === 1 && op('TESTW', x, y)),
    ...rules('(CMPBconst a:(ANDL x y) [0]) && a.Uses == 1 => (TESTB x y)', ({ a, x, y }) => a.uses === 1 && op('TESTB', x, y)),
    ...rules('(CMPQconst a:(ANDQconst [c] x) [0]) && a.Uses == 1 => (TESTQconst [c] x)', ({ a, c, x }) => a.uses === 1 && op('TESTQconst', { auxInt: c }, x)),
    ...rules('(CMPLconst a:(ANDLconst [c] x) [0]) && a.Uses == 1 => (TESTLconst [c] x)', ({ a, c, x }) => a.uses === 1 && op('TESTLconst', { auxInt: c }, x)),
    ...rules('(CMPWconst a:(ANDLconst [c] x) [0]) && a.Uses == 1 => (TESTWconst [int16(c)] x)', ({ a, c, x }) => a.uses === 1 && op('TESTWconst', { auxInt: i16(c) }, x)),
    ...rules('(CMPBconst a:(ANDLconst [c] x) [0]) && a.Uses == 1 => (TESTBconst [int8(c)] x)', ({ a, c, x }) => a.uses === 1 && op('TESTBconst', { auxInt: i8(c) }, x)),
    ...rules('(TESTQ (MOVQconst [c]) x) && is32Bit(c) => (TESTQconst [int32(c)] x)', ({ c, x }) => is32Bit(c) && op('TESTQconst', { auxInt: c }, x)),
    ...rules('(TESTL (MOVLconst [c]) x) => (TESTLconst [c] x)', ({ c, x }) => op('TESTLconst', { auxInt: c }, x)),
    ...rules('(TESTW (MOVLconst [c]) x) => (TESTWconst [int16(c)] x)', ({ c, x }) => op('TESTWconst', { auxInt: i16(c) }, x)),
    ...rules('(TESTB (MOVLconst [c]) x) => (TESTBconst [int8(c)] x)', ({ c, x }) => op('TESTBconst', { auxInt: i8(c) }, x)),
    // TEST %reg,%reg is shorter than CMP.
    ...rules('(CMP(Q|L|W|B)const x [0]) => (TEST(Q|L|W|B) x x)', ({ x }, _, t) => op(resultOp(t), x, x)),
    ...rules('(TESTQconst [-1] x) && x.Op != OpAMD64MOVQconst => (TESTQ x x)', ({ x }) => x.op !== 'MOVQconst' && op('TESTQ', x, x)),
    ...rules('(TEST(L|W|B)const [-1] x) && x.Op != OpAMD64MOVLconst => (TEST(L|W|B) x x)', ({ x }, _, t) => x.op !== 'MOVLconst' && op(resultOp(t), x, x)),
    // LEAQ1 back to ADDQ when it has nothing else to add.
    ...rules('(LEAQ1 [0] x y) && v.Aux == nil => (ADDQ x y)', ({ v, x, y }) => v.aux === null && op('ADDQ', x, y)),
  ]
}
