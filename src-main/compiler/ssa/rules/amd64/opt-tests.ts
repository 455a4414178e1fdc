// AMD64.rules, optimisations on conditions (value rules, in the file's
// order): unsigned tests against 0, x<128 as x<=127, bit tests as BT, bit
// set/clear/toggle as BTS/BTR/BTC, first/last-bit tests, and boolean
// negation folded into SETcc. (GOAMD64=v3-only forms such as ANDN and SHRX are left out.)

import { T } from '../../types'
import { op, type RuleDef } from '../dsl'
import { isUnsignedPowerOfTwo, log2u, u32, u64 } from './helpers'
import { rules } from './notation'

const pick = <X>(xs: X[], i: number): X => xs[i]!

export function conditionRules(): RuleDef[] {
  const valueOnly = (i: number): boolean => i < 2
  const setOf = (i: number): string => pick(['SETB', 'SETAE'], i)
  return [
    ...rules('(SETB (TEST(Q|L|W|B) x x)) => (ConstBool [false])', () => op('ConstBool', { auxInt: false })),
    ...rules('(SETAE (TEST(Q|L|W|B) x x)) => (ConstBool [true])', () => op('ConstBool', { auxInt: true })),
    ...rules('(SETNE (TEST(B|W)const [1] x)) => (AND(L|L)const [1] x)', ({ x }) => op('ANDLconst', { auxInt: 1n }, x)),
    ...rules('(SETB (BT(L|Q)const [0] x)) => (AND(L|Q)const [1] x)', ({ x }, i) => op(pick(['ANDLconst', 'ANDQconst'], i), { auxInt: 1n }, x)),
    ...rules('(SETAE (BT(L|Q)const [0] x)) => (XORLconst [1] (ANDLconst <typ.Bool> [1] x))', ({ x }) => op('XORLconst', { auxInt: 1n }, op('ANDLconst', { type: T.bool, auxInt: 1n }, x))),
    ...cmp128('SETL', 'SETLE'),
    ...cmp128('SETB', 'SETBE'),
    ...cmp128('SETGE', 'SETG'),
    ...cmp128('SETAE', 'SETA'),
    ...cmov128('CMOVQLT', 'CMOVQLE'),
    ...cmov128('CMOVLLT', 'CMOVLLE'),
    ...cmov128('CMOVQGE', 'CMOVQGT'),
    ...cmov128('CMOVLGE', 'CMOVLGT'),
    ...rules('(SET(NE|EQ) (TESTL (SHLL (MOVLconst [1]) x) y)) => (SET(B|AE) (BTL x y))', ({ x, y }, i) => op(setOf(i), op('BTL', x, y))),
    ...rules('(SET(NE|EQ) (TESTQ (SHLQ (MOVQconst [1]) x) y)) => (SET(B|AE) (BTQ x y))', ({ x, y }, i) => op(setOf(i), op('BTQ', x, y))),
    ...rules('(SET(NE|EQ) (TESTLconst [c] x)) && isUnsignedPowerOfTwo(uint32(c)) => (SET(B|AE) (BTLconst [int8(log32u(uint32(c)))] x))', ({ c, x }, i) =>
      isUnsignedPowerOfTwo(u32(c)) && op(setOf(i), op('BTLconst', { auxInt: log2u(u32(c)) }, x)),
    ),
    ...rules('(SET(NE|EQ) (TESTQconst [c] x)) && isUnsignedPowerOfTwo(uint64(c)) => (SET(B|AE) (BTQconst [int8(log32u(uint32(c)))] x))', ({ c, x }, i) =>
      isUnsignedPowerOfTwo(u64(c)) && op(setOf(i), op('BTQconst', { auxInt: log2u(u32(c)) }, x)),
    ),
    ...rules('(SET(NE|EQ) (TESTQ (MOVQconst [c]) x)) && isUnsignedPowerOfTwo(uint64(c)) => (SET(B|AE) (BTQconst [int8(log64u(uint64(c)))] x))', ({ c, x }, i) =>
      isUnsignedPowerOfTwo(u64(c)) && op(setOf(i), op('BTQconst', { auxInt: log2u(u64(c)) }, x)),
    ),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTL (SHLL (MOVLconst [1]) x) y) mem) => (SET(B|AE)store [off] {sym} ptr (BTL x y) mem)', ({ x, y }) => op('BTL', x, y)),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTQ (SHLQ (MOVQconst [1]) x) y) mem) => (SET(B|AE)store [off] {sym} ptr (BTQ x y) mem)', ({ x, y }) => op('BTQ', x, y)),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTLconst [c] x) mem) && isUnsignedPowerOfTwo(uint32(c)) => (SET(B|AE)store [off] {sym} ptr (BTLconst [int8(log32u(uint32(c)))] x) mem)', ({ c, x }) =>
      isUnsignedPowerOfTwo(u32(c)) && op('BTLconst', { auxInt: log2u(u32(c)) }, x),
    ),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTQconst [c] x) mem) && isUnsignedPowerOfTwo(uint64(c)) => (SET(B|AE)store [off] {sym} ptr (BTQconst [int8(log32u(uint32(c)))] x) mem)', ({ c, x }) =>
      isUnsignedPowerOfTwo(u64(c)) && op('BTQconst', { auxInt: log2u(u32(c)) }, x),
    ),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTQ (MOVQconst [c]) x) mem) && isUnsignedPowerOfTwo(uint64(c)) => (SET(B|AE)store [off] {sym} ptr (BTQconst [int8(log64u(uint64(c)))] x) mem)', ({ c, x }) =>
      isUnsignedPowerOfTwo(u64(c)) && op('BTQconst', { auxInt: log2u(u64(c)) }, x),
    ),
    // (a>>b)&1 != 0 as bit tests, folding the shifts.
    ...rules('(BT(Q|L)const [c] (SHRQconst [d] x)) && (c+d)<64 => (BTQconst [c+d] x)', ({ c, d, x }) => c + d < 64n && op('BTQconst', { auxInt: c + d }, x)),
    ...rules('(BT(Q|L)const [c] (ADDQ x x)) && c>1 => (BT(Q|L)const [c-1] x)', ({ c, x }, i) => c > 1n && op(pick(['BTQconst', 'BTLconst'], i), { auxInt: c - 1n }, x)),
    ...rules('(BT(Q|L)const [c] (SHLQconst [d] x)) && c>d => (BT(Q|L)const [c-d] x)', ({ c, d, x }, i) => c > d && op(pick(['BTQconst', 'BTLconst'], i), { auxInt: c - d }, x)),
    ...rules('(BT(Q|L)const [0] s:(SHRQ x y)) => (BTQ y x)', ({ x, y }) => op('BTQ', y, x)),
    ...rules('(BTLconst [c] (SHRLconst [d] x)) && (c+d)<32 => (BTLconst [c+d] x)', ({ c, d, x }) => c + d < 32n && op('BTLconst', { auxInt: c + d }, x)),
    ...rules('(BTLconst [c] (ADDL x x)) && c>1 => (BTLconst [c-1] x)', ({ c, x }) => c > 1n && op('BTLconst', { auxInt: c - 1n }, x)),
    ...rules('(BTLconst [c] (SHLLconst [d] x)) && c>d => (BTLconst [c-d] x)', ({ c, d, x }) => c > d && op('BTLconst', { auxInt: c - d }, x)),
    ...rules('(BTLconst [0] s:(SHR(L|XL) x y)) => (BTL y x)', ({ x, y }) => op('BTL', y, x), (i) => i === 0),
    // a&1 != 1 as a&1 == 0.
    ...rules('(SET(NE|EQ) (CMPLconst [1] s:(ANDLconst [1] _))) => (SET(EQ|NE) (CMPLconst [0] s))', ({ s }, i) => op(pick(['SETEQ', 'SETNE'], i), op('CMPLconst', { auxInt: 0n }, s))),
    ...setStoreSwap('(SET(NE|EQ)store [off] {sym} ptr (CMPLconst [1] s:(ANDLconst [1] _)) mem) => (SET(EQ|NE)store [off] {sym} ptr (CMPLconst [0] s) mem)', 'CMPLconst'),
    ...rules('(SET(NE|EQ) (CMPQconst [1] s:(ANDQconst [1] _))) => (SET(EQ|NE) (CMPQconst [0] s))', ({ s }, i) => op(pick(['SETEQ', 'SETNE'], i), op('CMPQconst', { auxInt: 0n }, s))),
    ...setStoreSwap('(SET(NE|EQ)store [off] {sym} ptr (CMPQconst [1] s:(ANDQconst [1] _)) mem) => (SET(EQ|NE)store [off] {sym} ptr (CMPQconst [0] s) mem)', 'CMPQconst'),
    // Bit set, toggle and clear.
    ...rules('(OR(Q|L) (SHL(Q|L) (MOV(Q|L)const [1]) y) x) => (BTS(Q|L) x y)', ({ x, y }, i) => op(pick(['BTSQ', 'BTSL'], i), x, y)),
    ...rules('(XOR(Q|L) (SHL(Q|L) (MOV(Q|L)const [1]) y) x) => (BTC(Q|L) x y)', ({ x, y }, i) => op(pick(['BTCQ', 'BTCL'], i), x, y)),
    ...rules('((OR|XOR)Q (MOVQconst [c]) x) && isUnsignedPowerOfTwo(uint64(c)) && uint64(c) >= 1<<31 => (BT(S|C)Qconst [int8(log64u(uint64(c)))] x)', ({ c, x }, i) =>
      isUnsignedPowerOfTwo(u64(c)) && u64(c) >= 1n << 31n && op(pick(['BTSQconst', 'BTCQconst'], i), { auxInt: log2u(u64(c)) }, x),
    ),
    ...rules('(AND(Q|L) (NOT(Q|L) (SHL(Q|L) (MOV(Q|L)const [1]) y)) x) => (BTR(Q|L) x y)', ({ x, y }, i) => op(pick(['BTRQ', 'BTRL'], i), x, y)),
    ...rules('(ANDQ (MOVQconst [c]) x) && isUnsignedPowerOfTwo(uint64(^c)) && uint64(^c) >= 1<<31 => (BTRQconst [int8(log64u(uint64(^c)))] x)', ({ c, x }) =>
      isUnsignedPowerOfTwo(u64(~(c as bigint))) && u64(~(c as bigint)) >= 1n << 31n && op('BTRQconst', { auxInt: log2u(u64(~(c as bigint))) }, x),
    ),
    ...rules('(ADD(L|Q) (SHR(L|Q)const [1] x) (SHR(L|Q)const [1] x)) => (AND(L|Q)const [-2] x)', ({ x }, i) => op(pick(['ANDLconst', 'ANDQconst'], i), { auxInt: -2n }, x)),
    ...rules('(SHRLconst [1] (ADDL x x)) => (ANDLconst [0x7fffffff] x)', ({ x }) => op('ANDLconst', { auxInt: 0x7fffffffn }, x)),
    ...rules('(SHRQconst [1] (ADDQ x x)) => (BTRQconst [63] x)', ({ x }) => op('BTRQconst', { auxInt: 63n }, x)),
    // First/last bit tests through generic.rules' double shifts (the branch variants are block rules).
    ...rules('((SETNE|SETEQ|NE|EQ) (TESTQ z1:(SHLQconst [63] (SHRQconst [63] x)) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTQconst [63] x))', ({ z1, z2, x }, i) =>
      z1 === z2 && op(setOf(i), op('BTQconst', { auxInt: 63n }, x)), valueOnly),
    ...rules('((SETNE|SETEQ|NE|EQ) (TESTL z1:(SHLLconst [31] (SHRQconst [31] x)) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTQconst [31] x))', ({ z1, z2, x }, i) =>
      z1 === z2 && op(setOf(i), op('BTQconst', { auxInt: 31n }, x)), valueOnly),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTQ z1:(SHLQconst [63] (SHRQconst [63] x)) z2) mem) && z1==z2 => (SET(B|AE)store [off] {sym} ptr (BTQconst [63] x) mem)', ({ z1, z2, x }) =>
      z1 === z2 && op('BTQconst', { auxInt: 63n }, x),
    ),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTL z1:(SHLLconst [31] (SHRLconst [31] x)) z2) mem) && z1==z2 => (SET(B|AE)store [off] {sym} ptr (BTLconst [31] x) mem)', ({ z1, z2, x }) =>
      z1 === z2 && op('BTLconst', { auxInt: 31n }, x),
    ),
    ...rules('((SETNE|SETEQ|NE|EQ) (TESTQ z1:(SHRQconst [63] (SHLQconst [63] x)) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTQconst [0] x))', ({ z1, z2, x }, i) =>
      z1 === z2 && op(setOf(i), op('BTQconst', { auxInt: 0n }, x)), valueOnly),
    ...rules('((SETNE|SETEQ|NE|EQ) (TESTL z1:(SHRLconst [31] (SHLLconst [31] x)) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTLconst [0] x))', ({ z1, z2, x }, i) =>
      z1 === z2 && op(setOf(i), op('BTLconst', { auxInt: 0n }, x)), valueOnly),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTQ z1:(SHRQconst [63] (SHLQconst [63] x)) z2) mem) && z1==z2 => (SET(B|AE)store [off] {sym} ptr (BTQconst [0] x) mem)', ({ z1, z2, x }) =>
      z1 === z2 && op('BTQconst', { auxInt: 0n }, x),
    ),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTL z1:(SHRLconst [31] (SHLLconst [31] x)) z2) mem) && z1==z2 => (SET(B|AE)store [off] {sym} ptr (BTLconst [0] x) mem)', ({ z1, z2, x }) =>
      z1 === z2 && op('BTLconst', { auxInt: 0n }, x),
    ),
    ...rules('((SETNE|SETEQ|NE|EQ) (TESTQ z1:(SHRQconst [63] x) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTQconst [63] x))', ({ z1, z2, x }, i) =>
      z1 === z2 && op(setOf(i), op('BTQconst', { auxInt: 63n }, x)), valueOnly),
    ...rules('((SETNE|SETEQ|NE|EQ) (TESTL z1:(SHRLconst [31] x) z2)) && z1==z2 => ((SETB|SETAE|ULT|UGE) (BTLconst [31] x))', ({ z1, z2, x }, i) =>
      z1 === z2 && op(setOf(i), op('BTLconst', { auxInt: 31n }, x)), valueOnly),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTQ z1:(SHRQconst [63] x) z2) mem) && z1==z2 => (SET(B|AE)store [off] {sym} ptr (BTQconst [63] x) mem)', ({ z1, z2, x }) =>
      z1 === z2 && op('BTQconst', { auxInt: 63n }, x),
    ),
    ...setStore('(SET(NE|EQ)store [off] {sym} ptr (TESTL z1:(SHRLconst [31] x) z2) mem) && z1==z2 => (SET(B|AE)store [off] {sym} ptr (BTLconst [31] x) mem)', ({ z1, z2, x }) =>
      z1 === z2 && op('BTLconst', { auxInt: 31n }, x),
    ),
    ...rules('(BTSQconst [c] (BTRQconst [c] x)) => (BTSQconst [c] x)', ({ c, x }) => op('BTSQconst', { auxInt: c }, x)),
    ...rules('(BTSQconst [c] (BTCQconst [c] x)) => (BTSQconst [c] x)', ({ c, x }) => op('BTSQconst', { auxInt: c }, x)),
    ...rules('(BTRQconst [c] (BTSQconst [c] x)) => (BTRQconst [c] x)', ({ c, x }) => op('BTRQconst', { auxInt: c }, x)),
    ...rules('(BTRQconst [c] (BTCQconst [c] x)) => (BTRQconst [c] x)', ({ c, x }) => op('BTRQconst', { auxInt: c }, x)),
    // Boolean negation folded into the condition.
    ...rules('(XORLconst [1] (SET(NE|EQ|L|GE|LE|G|B|AE|BE|A) x)) => (SET(EQ|NE|GE|L|G|LE|AE|B|A|BE) x)', ({ x }, i) => op(pick(['SETEQ', 'SETNE', 'SETGE', 'SETL', 'SETG', 'SETLE', 'SETAE', 'SETB', 'SETA', 'SETBE'], i), x)),
  ]
}

/** (SETcc c:(CMP(Q|L)const [128] x)) && c.Uses == 1 => (SETcc' (CMP(Q|L)const [127] x)) */
function cmp128(from: string, to: string): RuleDef[] {
  return rules(`(${from} c:(CMP(Q|L)const [128] x)) && c.Uses == 1 => (${to} (CMP(Q|L)const [127] x))`, ({ c, x }, i) => c.uses === 1 && op(to, op(pick(['CMPQconst', 'CMPLconst'], i), { auxInt: 127n }, x)))
}

function cmov128(from: string, to: string): RuleDef[] {
  return rules(`(${from} x y c:(CMP(Q|L)const [128] z)) && c.Uses == 1 => (${to} x y (CMP(Q|L)const [127] z))`, ({ x, y, c, z }, i) =>
    c.uses === 1 && op(to, x, y, op(pick(['CMPQconst', 'CMPLconst'], i), { auxInt: 127n }, z)),
  )
}

/** `(SET(NE|EQ)store [off] {sym} ptr <flags> mem) => (SET(B|AE)store [off] {sym} ptr <new flags> mem)`. */
function setStore(text: string, flags: (m: Record<string, any>) => ReturnType<typeof op> | false): RuleDef[] {
  return rules(text, (m, i) => {
    const f = flags(m)
    return f && op(pick(['SETBstore', 'SETAEstore'], i), { auxInt: m.off, aux: m.sym }, m.ptr, f, m.mem)
  })
}

function setStoreSwap(text: string, cmp: string): RuleDef[] {
  return rules(text, ({ off, sym, ptr, s, mem }, i) => op(pick(['SETEQstore', 'SETNEstore'], i), { auxInt: off, aux: sym }, ptr, op(cmp, { auxInt: 0n }, s), mem))
}
