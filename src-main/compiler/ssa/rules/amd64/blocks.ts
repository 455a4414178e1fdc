// AMD64.rules' block rules, in the file's order: If becomes a conditional
// branch on the flags its SETcc condition was computed from (else a TESTB of
// the boolean), boolean tests fold into branches, bit tests become BT, and
// known flags (InvertFlags, flag constants) turn branches around or into First.

import type { Block } from '../../func'
import { T } from '../../types'
import { op } from '../dsl'
import { isUnsignedPowerOfTwo, log2u, u32, u64 } from './helpers'
import { blockRules, type BlockDef } from './notation'

const SETS = ['SETL', 'SETLE', 'SETG', 'SETGE', 'SETEQ', 'SETNE', 'SETB', 'SETBE', 'SETA', 'SETAE', 'SETO']
const BRANCHES = ['LT', 'LE', 'GT', 'GE', 'EQ', 'NE', 'ULT', 'ULE', 'UGT', 'UGE', 'OS']

export function lowerBlocks(): BlockDef[] {
  const r: BlockDef[] = []
  for (let k = 0; k < SETS.length; k++) {
    r.push(...blockRules(`(If (${SETS[k]} cmp) yes no) => (${BRANCHES[k]} cmp yes no)`, ({ cmp }) => ({ kind: BRANCHES[k]!, controls: [cmp] })))
  }
  // Floating point: LF/LEF are not generated.
  const fsets = [['SETGF', 'UGT'], ['SETGEF', 'UGE'], ['SETEQF', 'EQF'], ['SETNEF', 'NEF']] as const
  for (const [set, kind] of fsets) r.push(...blockRules(`(If (${set} cmp) yes no) => (${kind} cmp yes no)`, ({ cmp }) => ({ kind, controls: [cmp] })))
  r.push(...blockRules('(If cond yes no) => (NE (TESTB cond cond) yes no)', ({ cond }) => ({ kind: 'NE', controls: [op('TESTB', cond, cond)] })))
  r.push(
    ...blockRules('(JumpTable idx) => (JUMPTABLE {makeJumpTableSym(b)} idx (LEAQ <typ.Uintptr> {makeJumpTableSym(b)} (SB)))', ({ idx, b }) => {
      const sym = jumpTableSym(b)
      return { kind: 'JUMPTABLE', aux: sym, controls: [idx, op('LEAQ', { type: T.uintptr, aux: sym }, op('SB', { type: T.uintptr }))] }
    }),
  )
  return r
}

/** gc's makeJumpTableSym: `<function symbol>.jump<block id>`, the function symbol qualified by the package when known. */
function jumpTableSym(b: Block) {
  const fn = b.func.pkg ? `${b.func.pkg}.${b.func.name}` : b.func.name
  return { kind: 'sym' as const, name: `${fn}.jump${b.id}` }
}

/** The optimisation part's block rules, before the InvertFlags and flag-constant ones. */
export function testBlocks(): BlockDef[] {
  const r: BlockDef[] = []
  for (let k = 0; k < SETS.length; k++) {
    const set = SETS[k]!
    r.push(...blockRules(`(NE (TESTB (${set} cmp) (${set} cmp)) yes no) => (${BRANCHES[k]} cmp yes no)`, ({ cmp }) => ({ kind: BRANCHES[k]!, controls: [cmp] })))
  }
  // Unsigned comparisons to 0: never below, always above or equal.
  r.push(...blockRules('(ULT (TEST(Q|L|W|B) x x) yes no) => (First no yes)', () => ({ first: true, swap: true })))
  r.push(...blockRules('(UGE (TEST(Q|L|W|B) x x) yes no) => (First yes no)', () => ({ first: true, swap: false })))
  // x < 128 as x <= 127: a one-byte immediate.
  r.push(...blockRules('(LT c:(CMP(Q|L)const [128] z) yes no) && c.Uses == 1 => (LE (CMP(Q|L)const [127] z) yes no)', ({ c, z }, i) => c.uses === 1 && { kind: 'LE', controls: [op(['CMPQconst', 'CMPLconst'][i]!, { auxInt: 127n }, z)] }))
  r.push(...blockRules('(GE c:(CMP(Q|L)const [128] z) yes no) && c.Uses == 1 => (GT (CMP(Q|L)const [127] z) yes no)', ({ c, z }, i) => c.uses === 1 && { kind: 'GT', controls: [op(['CMPQconst', 'CMPLconst'][i]!, { auxInt: 127n }, z)] }))
  // Bit tests: ZF tests become carry tests of BT.
  const bt = (kind: 'ULT' | 'UGE', o: string, ...args: Parameters<typeof op>[1][]) => ({ kind, controls: [op(o, ...args)] })
  r.push(...blockRules('((NE|EQ) (TESTL (SHLL (MOVLconst [1]) x) y)) => ((ULT|UGE) (BTL x y))', ({ x, y }, i) => bt(i ? 'UGE' : 'ULT', 'BTL', x, y)))
  r.push(...blockRules('((NE|EQ) (TESTQ (SHLQ (MOVQconst [1]) x) y)) => ((ULT|UGE) (BTQ x y))', ({ x, y }, i) => bt(i ? 'UGE' : 'ULT', 'BTQ', x, y)))
  r.push(...blockRules('((NE|EQ) (TESTLconst [c] x)) && isUnsignedPowerOfTwo(uint32(c)) => ((ULT|UGE) (BTLconst [int8(log32u(uint32(c)))] x))', ({ c, x }, i) =>
    isUnsignedPowerOfTwo(u32(c)) && bt(i ? 'UGE' : 'ULT', 'BTLconst', { auxInt: log2u(u32(c)) }, x),
  ))
  r.push(...blockRules('((NE|EQ) (TESTQconst [c] x)) && isUnsignedPowerOfTwo(uint64(c)) => ((ULT|UGE) (BTQconst [int8(log32u(uint32(c)))] x))', ({ c, x }, i) =>
    isUnsignedPowerOfTwo(u64(c)) && bt(i ? 'UGE' : 'ULT', 'BTQconst', { auxInt: log2u(u32(c)) }, x),
  ))
  r.push(...blockRules('((NE|EQ) (TESTQ (MOVQconst [c]) x)) && isUnsignedPowerOfTwo(uint64(c)) => ((ULT|UGE) (BTQconst [int8(log64u(uint64(c)))] x))', ({ c, x }, i) =>
    isUnsignedPowerOfTwo(u64(c)) && bt(i ? 'UGE' : 'ULT', 'BTQconst', { auxInt: log2u(u64(c)) }, x),
  ))
  // First/last bit tests through the double shifts generic.rules makes (SETcc variants are value rules).
  const isBlock = (i: number): boolean => i >= 2
  const kindOf = (i: number): 'ULT' | 'UGE' => (i === 2 ? 'ULT' : 'UGE')
  const same = (z1: unknown, z2: unknown): boolean => z1 === z2
  r.push(...blockRules('((SETNE|SETEQ|NE|EQ) (TESTQ z1:(SHLQconst [63] (SHRQconst [63] x)) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTQconst [63] x))', ({ z1, z2, x }, i) =>
    same(z1, z2) && bt(kindOf(i), 'BTQconst', { auxInt: 63n }, x), isBlock))
  r.push(...blockRules('((SETNE|SETEQ|NE|EQ) (TESTL z1:(SHLLconst [31] (SHRQconst [31] x)) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTQconst [31] x))', ({ z1, z2, x }, i) =>
    same(z1, z2) && bt(kindOf(i), 'BTQconst', { auxInt: 31n }, x), isBlock))
  r.push(...blockRules('((SETNE|SETEQ|NE|EQ) (TESTQ z1:(SHRQconst [63] (SHLQconst [63] x)) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTQconst [0] x))', ({ z1, z2, x }, i) =>
    same(z1, z2) && bt(kindOf(i), 'BTQconst', { auxInt: 0n }, x), isBlock))
  r.push(...blockRules('((SETNE|SETEQ|NE|EQ) (TESTL z1:(SHRLconst [31] (SHLLconst [31] x)) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTLconst [0] x))', ({ z1, z2, x }, i) =>
    same(z1, z2) && bt(kindOf(i), 'BTLconst', { auxInt: 0n }, x), isBlock))
  r.push(...blockRules('((SETNE|SETEQ|NE|EQ) (TESTQ z1:(SHRQconst [63] x) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTQconst [63] x))', ({ z1, z2, x }, i) =>
    same(z1, z2) && bt(kindOf(i), 'BTQconst', { auxInt: 63n }, x), isBlock))
  r.push(...blockRules('((SETNE|SETEQ|NE|EQ) (TESTL z1:(SHRLconst [31] x) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTLconst [31] x))', ({ z1, z2, x }, i) =>
    same(z1, z2) && bt(kindOf(i), 'BTLconst', { auxInt: 31n }, x), isBlock))
  // Floating point: LF/LEF are not generated.
  const fsets = [['SETGF', 'UGT'], ['SETGEF', 'UGE'], ['SETEQF', 'EQF'], ['SETNEF', 'NEF']] as const
  for (const [set, kind] of fsets) r.push(...blockRules(`(NE (TESTB (${set} cmp) (${set} cmp)) yes no) => (${kind} cmp yes no)`, ({ cmp }) => ({ kind, controls: [cmp] })))
  return r
}

/** InvertFlags (swapped compare operands) turn branches around; flag constants decide them. */
export function flagBlocks(): BlockDef[] {
  const r: BlockDef[] = []
  const inv = [['LT', 'GT'], ['GT', 'LT'], ['LE', 'GE'], ['GE', 'LE'], ['ULT', 'UGT'], ['UGT', 'ULT'], ['ULE', 'UGE'], ['UGE', 'ULE'], ['EQ', 'EQ'], ['NE', 'NE']] as const
  for (const [from, to] of inv) r.push(...blockRules(`(${from} (InvertFlags cmp) yes no) => (${to} cmp yes no)`, ({ cmp }) => ({ kind: to, controls: [cmp] })))
  return r
}

export function constantBlocks(): BlockDef[] {
  const r: BlockDef[] = []
  const table: [string, string, boolean][] = [
    ['EQ|LE|GE|ULE|UGE', 'FlagEQ', true],
    ['NE|LT|GT|ULT|UGT', 'FlagEQ', false],
    ['NE|LT|LE|ULT|ULE', 'FlagLT_ULT', true],
    ['EQ|GT|GE|UGT|UGE', 'FlagLT_ULT', false],
    ['NE|LT|LE|UGT|UGE', 'FlagLT_UGT', true],
    ['EQ|GT|GE|ULT|ULE', 'FlagLT_UGT', false],
    ['NE|GT|GE|ULT|ULE', 'FlagGT_ULT', true],
    ['EQ|LT|LE|UGT|UGE', 'FlagGT_ULT', false],
    ['NE|GT|GE|UGT|UGE', 'FlagGT_UGT', true],
    ['EQ|LT|LE|ULT|ULE', 'FlagGT_UGT', false],
  ]
  for (const [kinds, flag, taken] of table) {
    r.push(...blockRules(`((${kinds}) (${flag}) yes no) => (First ${taken ? 'yes no' : 'no yes'})`, () => ({ first: true, swap: !taken })))
  }
  return r
}
