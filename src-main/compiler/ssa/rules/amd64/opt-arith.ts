// AMD64.rules, optimisations on arithmetic (in the file's order): constants
// fold into immediates, shift counts are masked like the hardware does,
// comparisons get a canonical operand order (InvertFlags), multiplies by
// small constants become LEA/shift/add recipes, and adds and shifts combine
// into LEAQ1/2/4/8.

import type { Value } from '../../func'
import { op, type RuleDef } from '../dsl'
import { canonLessThan, i16, i32, i8, is32Bit } from './helpers'
import { canMulStrengthReduce, mulStrengthReduce } from './mulrecipes'
import { resultOp, rules } from './notation'

const notSB = (x: Value): boolean => x.op !== 'SB'

export function immediates(): RuleDef[] {
  return [
    ...rules('(ADDQ x (MOVQconst <t> [c])) && is32Bit(c) && !t.IsPtr() => (ADDQconst [int32(c)] x)', ({ x, t, c }) => is32Bit(c) && t.kind !== 'ptr' && op('ADDQconst', { auxInt: c }, x)),
    ...rules('(ADDQ x (MOVLconst [c])) => (ADDQconst [c] x)', ({ x, c }) => op('ADDQconst', { auxInt: c }, x)),
    ...rules('(ADDL x (MOVLconst [c])) => (ADDLconst [c] x)', ({ x, c }) => op('ADDLconst', { auxInt: c }, x)),
    ...rules('(SUBQ x (MOVQconst [c])) && is32Bit(c) => (SUBQconst x [int32(c)])', ({ x, c }) => is32Bit(c) && op('SUBQconst', { auxInt: c }, x)),
    ...rules('(SUBQ (MOVQconst [c]) x) && is32Bit(c) => (NEGQ (SUBQconst <v.Type> x [int32(c)]))', ({ v, x, c }) => is32Bit(c) && op('NEGQ', op('SUBQconst', { type: v.type, auxInt: c }, x))),
    ...rules('(SUBL x (MOVLconst [c])) => (SUBLconst x [c])', ({ x, c }) => op('SUBLconst', { auxInt: c }, x)),
    ...rules('(SUBL (MOVLconst [c]) x) => (NEGL (SUBLconst <v.Type> x [c]))', ({ v, x, c }) => op('NEGL', op('SUBLconst', { type: v.type, auxInt: c }, x))),
    ...rules('(MULQ x (MOVQconst [c])) && is32Bit(c) => (MULQconst [int32(c)] x)', ({ x, c }) => is32Bit(c) && op('MULQconst', { auxInt: c }, x)),
    ...rules('(MULL x (MOVLconst [c])) => (MULLconst [c] x)', ({ x, c }) => op('MULLconst', { auxInt: c }, x)),
    ...rules('(ANDQ x (MOVQconst [c])) && is32Bit(c) => (ANDQconst [int32(c)] x)', ({ x, c }) => is32Bit(c) && op('ANDQconst', { auxInt: c }, x)),
    ...rules('(ANDL x (MOVLconst [c])) => (ANDLconst [c] x)', ({ x, c }) => op('ANDLconst', { auxInt: c }, x)),
    ...rules('(AND(L|Q)const [c] (AND(L|Q)const [d] x)) => (AND(L|Q)const [c & d] x)', ({ c, d, x }, _, t) => op(resultOp(t), { auxInt: c & d }, x)),
    ...rules('(XOR(L|Q)const [c] (XOR(L|Q)const [d] x)) => (XOR(L|Q)const [c ^ d] x)', ({ c, d, x }, _, t) => op(resultOp(t), { auxInt: c ^ d }, x)),
    ...rules('(OR(L|Q)const [c] (OR(L|Q)const [d] x)) => (OR(L|Q)const [c | d] x)', ({ c, d, x }, _, t) => op(resultOp(t), { auxInt: c | d }, x)),
    ...rules('(MULLconst [c] (MULLconst [d] x)) => (MULLconst [c * d] x)', ({ c, d, x }) => op('MULLconst', { auxInt: i32((c as bigint) * d) }, x)),
    ...rules('(MULQconst [c] (MULQconst [d] x)) && is32Bit(int64(c)*int64(d)) => (MULQconst [c * d] x)', ({ c, d, x }) => is32Bit((c as bigint) * d) && op('MULQconst', { auxInt: (c as bigint) * d }, x)),
    ...rules('(ORQ x (MOVQconst [c])) && is32Bit(c) => (ORQconst [int32(c)] x)', ({ x, c }) => is32Bit(c) && op('ORQconst', { auxInt: c }, x)),
    ...rules('(ORQ x (MOVLconst [c])) => (ORQconst [c] x)', ({ x, c }) => op('ORQconst', { auxInt: c }, x)),
    ...rules('(ORL x (MOVLconst [c])) => (ORLconst [c] x)', ({ x, c }) => op('ORLconst', { auxInt: c }, x)),
    ...rules('(XORQ x (MOVQconst [c])) && is32Bit(c) => (XORQconst [int32(c)] x)', ({ x, c }) => is32Bit(c) && op('XORQconst', { auxInt: c }, x)),
    ...rules('(XORL x (MOVLconst [c])) => (XORLconst [c] x)', ({ x, c }) => op('XORLconst', { auxInt: c }, x)),
  ]
}

export function shiftOpts(): RuleDef[] {
  const r: RuleDef[] = [
    ...rules('(SHLQ x (MOV(Q|L)const [c])) => (SHLQconst [int8(c&63)] x)', ({ x, c }) => op('SHLQconst', { auxInt: c & 63n }, x)),
    ...rules('(SHLL x (MOV(Q|L)const [c])) => (SHLLconst [int8(c&31)] x)', ({ x, c }) => op('SHLLconst', { auxInt: c & 31n }, x)),
    ...rules('(SHRQ x (MOV(Q|L)const [c])) => (SHRQconst [int8(c&63)] x)', ({ x, c }) => op('SHRQconst', { auxInt: c & 63n }, x)),
    ...rules('(SHRL x (MOV(Q|L)const [c])) => (SHRLconst [int8(c&31)] x)', ({ x, c }) => op('SHRLconst', { auxInt: c & 31n }, x)),
    ...rules('(SHRW x (MOV(Q|L)const [c])) && c&31 < 16 => (SHRWconst [int8(c&31)] x)', ({ x, c }) => (c & 31n) < 16n && op('SHRWconst', { auxInt: c & 31n }, x)),
    ...rules('(SHRW _ (MOV(Q|L)const [c])) && c&31 >= 16 => (MOVLconst [0])', ({ c }) => (c & 31n) >= 16n && op('MOVLconst', { auxInt: 0n })),
    ...rules('(SHRB x (MOV(Q|L)const [c])) && c&31 < 8 => (SHRBconst [int8(c&31)] x)', ({ x, c }) => (c & 31n) < 8n && op('SHRBconst', { auxInt: c & 31n }, x)),
    ...rules('(SHRB _ (MOV(Q|L)const [c])) && c&31 >= 8 => (MOVLconst [0])', ({ c }) => (c & 31n) >= 8n && op('MOVLconst', { auxInt: 0n })),
    ...rules('(SARQ x (MOV(Q|L)const [c])) => (SARQconst [int8(c&63)] x)', ({ x, c }) => op('SARQconst', { auxInt: c & 63n }, x)),
    ...rules('(SARL x (MOV(Q|L)const [c])) => (SARLconst [int8(c&31)] x)', ({ x, c }) => op('SARLconst', { auxInt: c & 31n }, x)),
    ...rules('(SARW x (MOV(Q|L)const [c])) => (SARWconst [int8(min(int64(c)&31,15))] x)', ({ x, c }) => op('SARWconst', { auxInt: (c & 31n) < 15n ? c & 31n : 15n }, x)),
    ...rules('(SARB x (MOV(Q|L)const [c])) => (SARBconst [int8(min(int64(c)&31,7))] x)', ({ x, c }) => op('SARBconst', { auxInt: (c & 31n) < 7n ? c & 31n : 7n }, x)),
  ]
  // Adding a multiple of the width to a count, or masking it with width-1, changes nothing the hardware sees.
  const counts = (shifts: string, cop: string, neg: string, mask: bigint): void => {
    const pat = (inner: string): string => `((${shifts}) x ${inner})`
    const ops = shifts.split('|')
    const isAdd = cop.startsWith('ADD')
    const cond = isAdd ? `c & ${mask} == 0` : `c & ${mask} == ${mask}`
    const ok = (c: bigint): boolean => (isAdd ? (c & mask) === 0n : (c & mask) === mask)
    r.push(...rules(`${pat(`(${cop} [c] y)`)} && ${cond} => ((${shifts}) x y)`, ({ x, c, y }, i) => ok(c) && op(ops[i]!, x, y)))
    r.push(...rules(`${pat(`(${neg} <t> (${cop} [c] y))`)} && ${cond} => ((${shifts}) x (${neg} <t> y))`, ({ x, t, c, y }, i) => ok(c) && op(ops[i]!, x, op(neg, { type: t }, y))))
  }
  counts('SHLQ|SHRQ|SARQ', 'ADDQconst', 'NEGQ', 63n)
  counts('SHLQ|SHRQ|SARQ', 'ANDQconst', 'NEGQ', 63n)
  counts('SHLL|SHRL|SARL', 'ADDQconst', 'NEGQ', 31n)
  counts('SHLL|SHRL|SARL', 'ANDQconst', 'NEGQ', 31n)
  counts('SHLQ|SHRQ|SARQ', 'ADDLconst', 'NEGL', 63n)
  counts('SHLQ|SHRQ|SARQ', 'ANDLconst', 'NEGL', 63n)
  counts('SHLL|SHRL|SARL', 'ADDLconst', 'NEGL', 31n)
  counts('SHLL|SHRL|SARL', 'ANDLconst', 'NEGL', 31n)
  r.push(
    // Rotating by a negated count is rotating the other way.
    ...rules('(ROLQ x (NEG(Q|L) y)) => (RORQ x y)', ({ x, y }) => op('RORQ', x, y)),
    ...rules('(ROLL x (NEG(Q|L) y)) => (RORL x y)', ({ x, y }) => op('RORL', x, y)),
    ...rules('(ROLW x (NEG(Q|L) y)) => (RORW x y)', ({ x, y }) => op('RORW', x, y)),
    ...rules('(ROLB x (NEG(Q|L) y)) => (RORB x y)', ({ x, y }) => op('RORB', x, y)),
    ...rules('(RORQ x (NEG(Q|L) y)) => (ROLQ x y)', ({ x, y }) => op('ROLQ', x, y)),
    ...rules('(RORL x (NEG(Q|L) y)) => (ROLL x y)', ({ x, y }) => op('ROLL', x, y)),
    ...rules('(RORW x (NEG(Q|L) y)) => (ROLW x y)', ({ x, y }) => op('ROLW', x, y)),
    ...rules('(RORB x (NEG(Q|L) y)) => (ROLB x y)', ({ x, y }) => op('ROLB', x, y)),
    ...rules('(ROLQ x (MOV(Q|L)const [c])) => (ROLQconst [int8(c&63)] x)', ({ x, c }) => op('ROLQconst', { auxInt: c & 63n }, x)),
    ...rules('(ROLL x (MOV(Q|L)const [c])) => (ROLLconst [int8(c&31)] x)', ({ x, c }) => op('ROLLconst', { auxInt: c & 31n }, x)),
    ...rules('(ROLW x (MOV(Q|L)const [c])) => (ROLWconst [int8(c&15)] x)', ({ x, c }) => op('ROLWconst', { auxInt: c & 15n }, x)),
    ...rules('(ROLB x (MOV(Q|L)const [c])) => (ROLBconst [int8(c&7) ] x)', ({ x, c }) => op('ROLBconst', { auxInt: c & 7n }, x)),
    ...rules('(RORQ x (MOV(Q|L)const [c])) => (ROLQconst [int8((-c)&63)] x)', ({ x, c }) => op('ROLQconst', { auxInt: -(c as bigint) & 63n }, x)),
    ...rules('(RORL x (MOV(Q|L)const [c])) => (ROLLconst [int8((-c)&31)] x)', ({ x, c }) => op('ROLLconst', { auxInt: -(c as bigint) & 31n }, x)),
    ...rules('(RORW x (MOV(Q|L)const [c])) => (ROLWconst [int8((-c)&15)] x)', ({ x, c }) => op('ROLWconst', { auxInt: -(c as bigint) & 15n }, x)),
    ...rules('(RORB x (MOV(Q|L)const [c])) => (ROLBconst [int8((-c)&7) ] x)', ({ x, c }) => op('ROLBconst', { auxInt: -(c as bigint) & 7n }, x)),
    ...rules('((SHLQ|SHRQ|SARQ)const x [0]) => x', ({ x }) => x),
    ...rules('((SHLL|SHRL|SARL)const x [0]) => x', ({ x }) => x),
    ...rules('((SHRW|SARW)const x [0]) => x', ({ x }) => x),
    ...rules('((SHRB|SARB)const x [0]) => x', ({ x }) => x),
    ...rules('((ROLQ|ROLL|ROLW|ROLB)const x [0]) => x', ({ x }) => x),
    // Double-register shifts.
    ...rules('(ORQ (SH(R|L)Q lo bits) (SH(L|R)Q hi (NEGQ bits))) => (SH(R|L)DQ lo hi bits)', ({ lo, hi, bits }, _, t) => op(resultOp(t), lo, hi, bits)),
  )
  return r
}

export function compareOpts(): RuleDef[] {
  return [
    ...rules('(CMPQ x (MOVQconst [c])) && is32Bit(c) => (CMPQconst x [int32(c)])', ({ x, c }) => is32Bit(c) && op('CMPQconst', { auxInt: c }, x)),
    ...rules('(CMPQ (MOVQconst [c]) x) && is32Bit(c) => (InvertFlags (CMPQconst x [int32(c)]))', ({ x, c }) => is32Bit(c) && op('InvertFlags', op('CMPQconst', { auxInt: c }, x))),
    ...rules('(CMPL x (MOVLconst [c])) => (CMPLconst x [c])', ({ x, c }) => op('CMPLconst', { auxInt: c }, x)),
    ...rules('(CMPL (MOVLconst [c]) x) => (InvertFlags (CMPLconst x [c]))', ({ x, c }) => op('InvertFlags', op('CMPLconst', { auxInt: c }, x))),
    ...rules('(CMPW x (MOVLconst [c])) => (CMPWconst x [int16(c)])', ({ x, c }) => op('CMPWconst', { auxInt: i16(c) }, x)),
    ...rules('(CMPW (MOVLconst [c]) x) => (InvertFlags (CMPWconst x [int16(c)]))', ({ x, c }) => op('InvertFlags', op('CMPWconst', { auxInt: i16(c) }, x))),
    ...rules('(CMPB x (MOVLconst [c])) => (CMPBconst x [int8(c)])', ({ x, c }) => op('CMPBconst', { auxInt: i8(c) }, x)),
    ...rules('(CMPB (MOVLconst [c]) x) => (InvertFlags (CMPBconst x [int8(c)]))', ({ x, c }) => op('InvertFlags', op('CMPBconst', { auxInt: i8(c) }, x))),
    // A canonical operand order helps CSE.
    ...rules('(CMP(Q|L|W|B) x y) && canonLessThan(x,y) => (InvertFlags (CMP(Q|L|W|B) y x))', ({ x, y }, _, t) => canonLessThan(x, y) && op('InvertFlags', op(resultOp(t, 1), y, x))),
  ]
}

export function strengthReduction(): RuleDef[] {
  return [
    // MOVZX is cheaper than AND.
    ...rules('(AND(Q|L)const [ 0xFF] x) => (MOVBQZX x)', ({ x }) => op('MOVBQZX', x)),
    ...rules('(AND(Q|L)const [0xFFFF] x) => (MOVWQZX x)', ({ x }) => op('MOVWQZX', x)),
    ...rules('(MUL(Q|L)const [ 0] _) => (MOV(Q|L)const [0])', (_, __, t) => op(resultOp(t), { auxInt: 0n })),
    ...rules('(MUL(Q|L)const [ 1] x) => x', ({ x }) => x),
    ...rules('(MULQconst [c] x) && canMulStrengthReduce(config, int64(c)) => {mulStrengthReduce(v, x, int64(c))}', ({ v, c, x }) => canMulStrengthReduce(c) && mulStrengthReduce(v, x, c)),
    ...rules('(MULLconst [c] x) && v.Type.Size() <= 4 && canMulStrengthReduce32(config, c) => {mulStrengthReduce32(v, x, c)}', ({ v, c, x }) =>
      v.type.size <= 4 && canMulStrengthReduce(c) && mulStrengthReduce(v, x, c),
    ),
    ...rules('(SHL(Q|L)const [1] x) => (ADD(Q|L) x x)', ({ x }, _, t) => op(resultOp(t), x, x)),
  ]
}

export function leaOpts(): RuleDef[] {
  const sum = (c: bigint, d: bigint, k = 1n): bigint | null => (is32Bit(c + k * d) ? c + k * d : null)
  const r: RuleDef[] = [
    ...rules('(ADD(L|Q) x (SHL(L|Q)const [3] y)) => (LEA(L|Q)8 x y)', ({ x, y }, _, t) => op(resultOp(t), x, y)),
    ...rules('(ADD(L|Q) x (SHL(L|Q)const [2] y)) => (LEA(L|Q)4 x y)', ({ x, y }, _, t) => op(resultOp(t), x, y)),
    ...rules('(ADD(L|Q) x (ADD(L|Q) y y)) => (LEA(L|Q)2 x y)', ({ x, y }, _, t) => op(resultOp(t), x, y)),
    ...rules('(ADD(L|Q) x (ADD(L|Q) x y)) => (LEA(L|Q)2 y x)', ({ x, y }, _, t) => op(resultOp(t), y, x)),
    ...rules('(ADD(Q|L)const [c] (ADD(Q|L) x y)) => (LEA(Q|L)1 [c] x y)', ({ c, x, y }, _, t) => op(resultOp(t), { auxInt: c }, x, y)),
    ...rules('(ADD(Q|L) (ADD(Q|L)const [c] x) y) => (LEA(Q|L)1 [c] x y)', ({ c, x, y }, _, t) => op(resultOp(t), { auxInt: c }, x, y)),
    ...rules('(ADD(Q|L)const [c] (ADD(Q|L) x x)) => (LEA(Q|L)1 [c] x x)', ({ c, x }, _, t) => op(resultOp(t), { auxInt: c }, x, x)),
    ...rules('(ADD(Q|L)const [c] (LEA(Q|L) [d] {s} x)) && is32Bit(int64(c)+int64(d)) => (LEA(Q|L) [c+d] {s} x)', ({ c, d, s, x }, _, t) => sum(c, d) !== null && op(resultOp(t), { auxInt: c + d, aux: s }, x)),
    ...rules('(LEA(Q|L) [c] {s} (ADD(Q|L)const [d] x)) && is32Bit(int64(c)+int64(d)) => (LEA(Q|L) [c+d] {s} x)', ({ c, d, s, x }, _, t) => sum(c, d) !== null && op(resultOp(t), { auxInt: c + d, aux: s }, x)),
    ...rules('(LEA(Q|L) [c] {s} (ADD(Q|L) x y)) && x.Op != OpSB && y.Op != OpSB => (LEA(Q|L)1 [c] {s} x y)', ({ c, s, x, y }, _, t) => notSB(x) && notSB(y) && op(resultOp(t), { auxInt: c, aux: s }, x, y)),
    ...rules('(ADD(Q|L) x (LEA(Q|L) [c] {s} y)) && x.Op != OpSB && y.Op != OpSB => (LEA(Q|L)1 [c] {s} x y)', ({ c, s, x, y }, _, t) => notSB(x) && notSB(y) && op(resultOp(t), { auxInt: c, aux: s }, x, y)),
  ]
  for (const k of ['1', '2', '4', '8']) {
    r.push(...rules(`(ADD(Q|L)const [c] (LEA(Q|L)${k} [d] {s} x y)) && is32Bit(int64(c)+int64(d)) => (LEA(Q|L)${k} [c+d] {s} x y)`, ({ c, d, s, x, y }, _, t) => sum(c, d) !== null && op(resultOp(t), { auxInt: c + d, aux: s }, x, y)))
  }
  r.push(...rules('(LEA(Q|L)1 [c] {s} (ADD(Q|L)const [d] x) y) && is32Bit(int64(c)+int64(d)) && x.Op != OpSB => (LEA(Q|L)1 [c+d] {s} x y)', ({ c, d, s, x, y }, _, t) => sum(c, d) !== null && notSB(x) && op(resultOp(t), { auxInt: c + d, aux: s }, x, y)))
  for (const k of [2n, 4n, 8n]) {
    r.push(
      ...rules(`(LEA(Q|L)${k} [c] {s} (ADD(Q|L)const [d] x) y) && is32Bit(int64(c)+int64(d)) && x.Op != OpSB => (LEA(Q|L)${k} [c+d] {s} x y)`, ({ c, d, s, x, y }, _, t) =>
        sum(c, d) !== null && notSB(x) && op(resultOp(t), { auxInt: c + d, aux: s }, x, y),
      ),
      ...rules(`(LEA(Q|L)${k} [c] {s} x (ADD(Q|L)const [d] y)) && is32Bit(int64(c)+${k}*int64(d)) && y.Op != OpSB => (LEA(Q|L)${k} [c+${k}*d] {s} x y)`, ({ c, d, s, x, y }, _, t) =>
        sum(c, d, k) !== null && notSB(y) && op(resultOp(t), { auxInt: c + k * d, aux: s }, x, y),
      ),
    )
  }
  r.push(
    // Shifts fold into the scale.
    ...rules('(LEA(Q|L)1 [c] {s} x z:(ADD(Q|L) y y)) && x != z => (LEA(Q|L)2 [c] {s} x y)', ({ c, s, x, z, y }, _, t) => x !== z && op(resultOp(t), { auxInt: c, aux: s }, x, y)),
    ...rules('(LEA(Q|L)1 [c] {s} x (SHL(Q|L)const [2] y)) => (LEA(Q|L)4 [c] {s} x y)', ({ c, s, x, y }, _, t) => op(resultOp(t), { auxInt: c, aux: s }, x, y)),
    ...rules('(LEA(Q|L)1 [c] {s} x (SHL(Q|L)const [3] y)) => (LEA(Q|L)8 [c] {s} x y)', ({ c, s, x, y }, _, t) => op(resultOp(t), { auxInt: c, aux: s }, x, y)),
    ...rules('(LEA(Q|L)2 [c] {s} x z:(ADD(Q|L) y y)) && x != z => (LEA(Q|L)4 [c] {s} x y)', ({ c, s, x, z, y }, _, t) => x !== z && op(resultOp(t), { auxInt: c, aux: s }, x, y)),
    ...rules('(LEA(Q|L)2 [c] {s} x (SHL(Q|L)const [2] y)) => (LEA(Q|L)8 [c] {s} x y)', ({ c, s, x, y }, _, t) => op(resultOp(t), { auxInt: c, aux: s }, x, y)),
    ...rules('(LEA(Q|L)4 [c] {s} x z:(ADD(Q|L) y y)) && x != z => (LEA(Q|L)8 [c] {s} x y)', ({ c, s, x, z, y }, _, t) => x !== z && op(resultOp(t), { auxInt: c, aux: s }, x, y)),
    ...rules('(LEA(Q|L)2 [0] {s} (ADD(Q|L) x x) x) && s == nil => (SHL(Q|L)const [2] x)', ({ s, x }, _, t) => s === null && op(resultOp(t), { auxInt: 2n }, x)),
    ...rules('(SHLQconst [c] (ADDQ x x)) && c < 63 => (SHLQconst [c+1] x)', ({ c, x }) => c < 63n && op('SHLQconst', { auxInt: c + 1n }, x)),
    ...rules('(SHLLconst [c] (ADDL x x)) && c < 31 => (SHLLconst [c+1] x)', ({ c, x }) => c < 31n && op('SHLLconst', { auxInt: c + 1n }, x)),
  )
  return r
}

/** Swapped comparison operands flip the condition of SETcc and SETccstore. */
export function invertFlags(): RuleDef[] {
  const from = 'L|G|B|A|LE|GE|BE|AE|EQ|NE'
  const to = ['G', 'L', 'A', 'B', 'GE', 'LE', 'AE', 'BE', 'EQ', 'NE']
  return [
    ...rules(`(SET(${from}) (InvertFlags x)) => (SET(${to.join('|')}) x)`, ({ x }, i) => op(`SET${to[i]}`, x)),
    ...rules(`(SET(${from})store [off] {sym} ptr (InvertFlags x) mem) => (SET(${to.join('|')})store [off] {sym} ptr x mem)`, ({ off, sym, ptr, x, mem }, i) =>
      op(`SET${to[i]}store`, { auxInt: off, aux: sym }, ptr, x, mem),
    ),
  ]
}
