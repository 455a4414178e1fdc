// AMD64.rules, optimisations on memory operations (in the file's order):
// extensions fold into the loads they extend, loads of just-stored values
// forward, constant offsets (ADDQconst) and symbol addresses (LEAQ) fold into
// the addressing of loads, stores and read-modify-write ops, constant
// stores become storeconst, and LEAQs merge.

import type { Aux, Value } from '../../func'
import { auxEqual, isSamePtr } from '../helpers'
import { op, type RuleDef } from '../dsl'
import { addOffset32, canAdd32, i16, i32, i8, is32Bit, makeValAndOff, u32, validVal } from './helpers'
import { resultOp, rules } from './notation'

const canMergeSym = (a: Aux | null, b: Aux | null): boolean => a === null || b === null
const mergeSym = (a: Aux | null, b: Aux | null): Aux | null => a ?? b
const notSB = (x: Value): boolean => x.op !== 'SB'

export function extensions(): RuleDef[] {
  /** (EXT x:(MOVxload [off] {sym} ptr mem)) && x.Uses == 1 && clobber(x) => @x.Block (LOAD <v.Type> [off] {sym} ptr mem) */
  const fold = (ext: string, loads: string, to: string): RuleDef[] =>
    rules(`(${ext} x:(MOV(${loads})load [off] {sym} ptr mem)) && x.Uses == 1 && clobber(x) => @x.Block (${to} <v.Type> [off] {sym} ptr mem)`, ({ v, x, off, sym, ptr, mem }) => {
      if (x.uses !== 1) return null
      const block = (x as Value).block
      x.reset('Invalid')
      return op(to, { type: v.type, auxInt: off, aux: sym, block }, ptr, mem)
    })
  const forward = (load: string, store: string, to: string | null): RuleDef[] =>
    rules(`(${load} [off] {sym} ptr (${store} [off2] {sym2} ptr2 x _)) && sym == sym2 && off == off2 && isSamePtr(ptr, ptr2) => ${to ? `(${to} x)` : 'x'}`, ({ off, sym, ptr, off2, sym2, ptr2, x }) =>
      auxEqual(sym, sym2) && off === off2 && isSamePtr(ptr, ptr2) && (to ? op(to, x) : x),
    )
  return [
    ...fold('MOVBQSX', 'B|W|L|Q', 'MOVBQSXload'),
    ...fold('MOVBQZX', 'B|W|L|Q', 'MOVBload'),
    ...fold('MOVWQSX', 'W|L|Q', 'MOVWQSXload'),
    ...fold('MOVWQZX', 'W|L|Q', 'MOVWload'),
    ...fold('MOVLQSX', 'L|Q', 'MOVLQSXload'),
    ...fold('MOVLQZX', 'L|Q', 'MOVLload'),
    // A load of what was just stored is the stored value, extended.
    ...forward('MOVBload', 'MOVBstore', 'MOVBQZX'),
    ...forward('MOVWload', 'MOVWstore', 'MOVWQZX'),
    ...forward('MOVLload', 'MOVLstore', 'MOVLQZX'),
    ...forward('MOVQload', 'MOVQstore', null),
    ...forward('MOVBQSXload', 'MOVBstore', 'MOVBQSX'),
    ...forward('MOVWQSXload', 'MOVWstore', 'MOVWQSX'),
    ...forward('MOVLQSXload', 'MOVLstore', 'MOVLQSX'),
    // Extensions and ANDs together.
    ...rules('(MOVBQZX (ANDLconst [c] x)) => (ANDLconst [c & 0xff] x)', ({ c, x }) => op('ANDLconst', { auxInt: c & 0xffn }, x)),
    ...rules('(MOVWQZX (ANDLconst [c] x)) => (ANDLconst [c & 0xffff] x)', ({ c, x }) => op('ANDLconst', { auxInt: c & 0xffffn }, x)),
    ...rules('(MOVLQZX (ANDLconst [c] x)) => (ANDLconst [c] x)', ({ c, x }) => op('ANDLconst', { auxInt: c }, x)),
    ...rules('(MOVBQSX (ANDLconst [c] x)) && c & 0x80 == 0 => (ANDLconst [c & 0x7f] x)', ({ c, x }) => (c & 0x80n) === 0n && op('ANDLconst', { auxInt: c & 0x7fn }, x)),
    ...rules('(MOVWQSX (ANDLconst [c] x)) && c & 0x8000 == 0 => (ANDLconst [c & 0x7fff] x)', ({ c, x }) => (c & 0x8000n) === 0n && op('ANDLconst', { auxInt: c & 0x7fffn }, x)),
    ...rules('(MOVLQSX (ANDLconst [c] x)) && uint32(c) & 0x80000000 == 0 => (ANDLconst [c & 0x7fffffff] x)', ({ c, x }) => (u32(c) & 0x80000000n) === 0n && op('ANDLconst', { auxInt: c & 0x7fffffffn }, x)),
    // Don't extend before storing.
    ...rules('(MOV(L|W|B)store [off] {sym} ptr (MOV(L|W|B)QSX x) mem) => (MOV(L|W|B)store [off] {sym} ptr x mem)', ({ off, sym, ptr, x, mem }, _, t) => op(resultOp(t), { auxInt: off, aux: sym }, ptr, x, mem)),
    ...rules('(MOV(L|W|B)store [off] {sym} ptr (MOV(L|W|B)QZX x) mem) => (MOV(L|W|B)store [off] {sym} ptr x mem)', ({ off, sym, ptr, x, mem }, _, t) => op(resultOp(t), { auxInt: off, aux: sym }, ptr, x, mem)),
  ]
}

const LOADS = 'Q|L|W|B|SS|SD|O'
const SETS = 'L|G|B|A|LE|GE|BE|AE|EQ|NE'

/** Constant offsets fold into memory operations' addressing (gc: "let's do it!"). */
export function offsets(): RuleDef[] {
  const off2 = (text: string, argsOf: (m: Record<string, any>) => Value[]): RuleDef[] =>
    rules(text, (m, _, t) => is32Bit(m.off1 + m.off2) && op(resultOp(t), { auxInt: m.off1 + m.off2, aux: m.sym }, ...argsOf(m)))
  const vo = (text: string, argsOf: (m: Record<string, any>) => Value[]): RuleDef[] =>
    rules(text, (m, _, t) => canAdd32(m.valoff1, m.off2) && op(resultOp(t), { auxInt: addOffset32(m.valoff1, m.off2), aux: m.sym }, ...argsOf(m)))
  return [
    ...off2(`(MOV(${LOADS})load [off1] {sym} (ADDQconst [off2] ptr) mem) && is32Bit(int64(off1)+int64(off2)) => (MOV(${LOADS})load [off1+off2] {sym} ptr mem)`, (m) => [m.ptr, m.mem]),
    ...off2(`(MOV(${LOADS})store [off1] {sym} (ADDQconst [off2] ptr) val mem) && is32Bit(int64(off1)+int64(off2)) => (MOV(${LOADS})store [off1+off2] {sym} ptr val mem)`, (m) => [m.ptr, m.val, m.mem]),
    ...off2(`(SET(${SETS})store [off1] {sym} (ADDQconst [off2] base) val mem) && is32Bit(int64(off1)+int64(off2)) => (SET(${SETS})store [off1+off2] {sym} base val mem)`, (m) => [m.base, m.val, m.mem]),
    ...off2('((ADD|SUB|AND|OR|XOR)Qload [off1] {sym} val (ADDQconst [off2] base) mem) && is32Bit(int64(off1)+int64(off2)) => ((ADD|SUB|AND|OR|XOR)Qload [off1+off2] {sym} val base mem)', (m) => [m.val, m.base, m.mem]),
    ...off2('((ADD|SUB|AND|OR|XOR)Lload [off1] {sym} val (ADDQconst [off2] base) mem) && is32Bit(int64(off1)+int64(off2)) => ((ADD|SUB|AND|OR|XOR)Lload [off1+off2] {sym} val base mem)', (m) => [m.val, m.base, m.mem]),
    ...off2('(CMP(Q|L|W|B)load [off1] {sym} (ADDQconst [off2] base) val mem) && is32Bit(int64(off1)+int64(off2)) => (CMP(Q|L|W|B)load [off1+off2] {sym} base val mem)', (m) => [m.base, m.val, m.mem]),
    ...vo('(CMP(Q|L|W|B)constload [valoff1] {sym} (ADDQconst [off2] base) mem) && ValAndOff(valoff1).canAdd32(off2) => (CMP(Q|L|W|B)constload [ValAndOff(valoff1).addOffset32(off2)] {sym} base mem)', (m) => [m.base, m.mem]),
    ...off2('((ADD|SUB|MUL|DIV)SSload [off1] {sym} val (ADDQconst [off2] base) mem) && is32Bit(int64(off1)+int64(off2)) => ((ADD|SUB|MUL|DIV)SSload [off1+off2] {sym} val base mem)', (m) => [m.val, m.base, m.mem]),
    ...off2('((ADD|SUB|MUL|DIV)SDload [off1] {sym} val (ADDQconst [off2] base) mem) && is32Bit(int64(off1)+int64(off2)) => ((ADD|SUB|MUL|DIV)SDload [off1+off2] {sym} val base mem)', (m) => [m.val, m.base, m.mem]),
    ...vo('((ADD|AND|OR|XOR)Qconstmodify [valoff1] {sym} (ADDQconst [off2] base) mem) && ValAndOff(valoff1).canAdd32(off2) => ((ADD|AND|OR|XOR)Qconstmodify [ValAndOff(valoff1).addOffset32(off2)] {sym} base mem)', (m) => [m.base, m.mem]),
    ...vo('((ADD|AND|OR|XOR)Lconstmodify [valoff1] {sym} (ADDQconst [off2] base) mem) && ValAndOff(valoff1).canAdd32(off2) => ((ADD|AND|OR|XOR)Lconstmodify [ValAndOff(valoff1).addOffset32(off2)] {sym} base mem)', (m) => [m.base, m.mem]),
    ...off2('((ADD|SUB|AND|OR|XOR)Qmodify [off1] {sym} (ADDQconst [off2] base) val mem) && is32Bit(int64(off1)+int64(off2)) => ((ADD|SUB|AND|OR|XOR)Qmodify [off1+off2] {sym} base val mem)', (m) => [m.base, m.val, m.mem]),
    ...off2('((ADD|SUB|AND|OR|XOR)Lmodify [off1] {sym} (ADDQconst [off2] base) val mem) && is32Bit(int64(off1)+int64(off2)) => ((ADD|SUB|AND|OR|XOR)Lmodify [off1+off2] {sym} base val mem)', (m) => [m.base, m.val, m.mem]),
    // Constant stores.
    ...rules('(MOVQstore [off] {sym} ptr (MOVQconst [c]) mem) && validVal(c) => (MOVQstoreconst [makeValAndOff(int32(c),off)] {sym} ptr mem)', ({ off, sym, ptr, c, mem }) =>
      validVal(c) && op('MOVQstoreconst', { auxInt: makeValAndOff(c, off), aux: sym }, ptr, mem),
    ),
    ...rules('(MOVLstore [off] {sym} ptr (MOV(L|Q)const [c]) mem) => (MOVLstoreconst [makeValAndOff(int32(c),off)] {sym} ptr mem)', ({ off, sym, ptr, c, mem }) =>
      op('MOVLstoreconst', { auxInt: makeValAndOff(i32(c), off), aux: sym }, ptr, mem),
    ),
    ...rules('(MOVWstore [off] {sym} ptr (MOV(L|Q)const [c]) mem) => (MOVWstoreconst [makeValAndOff(int32(int16(c)),off)] {sym} ptr mem)', ({ off, sym, ptr, c, mem }) =>
      op('MOVWstoreconst', { auxInt: makeValAndOff(i16(c), off), aux: sym }, ptr, mem),
    ),
    ...rules('(MOVBstore [off] {sym} ptr (MOV(L|Q)const [c]) mem) => (MOVBstoreconst [makeValAndOff(int32(int8(c)),off)] {sym} ptr mem)', ({ off, sym, ptr, c, mem }) =>
      op('MOVBstoreconst', { auxInt: makeValAndOff(i8(c), off), aux: sym }, ptr, mem),
    ),
    ...rules('(MOV(Q|L|W|B|O)storeconst [sc] {s} (ADDQconst [off] ptr) mem) && ValAndOff(sc).canAdd32(off) => (MOV(Q|L|W|B|O)storeconst [ValAndOff(sc).addOffset32(off)] {s} ptr mem)', ({ sc, s, off, ptr, mem }, _, t) =>
      canAdd32(sc, off) && op(resultOp(t), { auxInt: addOffset32(sc, off), aux: s }, ptr, mem),
    ),
  ]
}

/** LEAQs fold into memory operations, so liveness knows which variable they touch. */
export function symbols(): RuleDef[] {
  const merge = (text: string, argsOf: (m: Record<string, any>) => Value[]): RuleDef[] =>
    rules(text, (m, _, t) => is32Bit(m.off1 + m.off2) && canMergeSym(m.sym1, m.sym2) && op(resultOp(t), { auxInt: m.off1 + m.off2, aux: mergeSym(m.sym1, m.sym2) }, ...argsOf(m)))
  /** The same for ValAndOff auxints: `vo` and `off` name the bindings of the op's and the LEAQ's offsets. */
  const mergeVO = (text: string, vo: string, off: string, argsOf: (m: Record<string, any>) => Value[]): RuleDef[] =>
    rules(text, (m, _, t) => canMergeSym(m.sym1, m.sym2) && canAdd32(m[vo], m[off]) && op(resultOp(t), { auxInt: addOffset32(m[vo], m[off]), aux: mergeSym(m.sym1, m.sym2) }, ...argsOf(m)))
  const cond = 'is32Bit(int64(off1)+int64(off2)) && canMergeSym(sym1, sym2)'
  return [
    ...merge(`(MOV(${LOADS}|BQSX|WQSX|LQSX)load [off1] {sym1} (LEAQ [off2] {sym2} base) mem) && ${cond} => (MOV(${LOADS}|BQSX|WQSX|LQSX)load [off1+off2] {mergeSym(sym1,sym2)} base mem)`, (m) => [m.base, m.mem]),
    ...merge(`(MOV(${LOADS})store [off1] {sym1} (LEAQ [off2] {sym2} base) val mem) && ${cond} => (MOV(${LOADS})store [off1+off2] {mergeSym(sym1,sym2)} base val mem)`, (m) => [m.base, m.val, m.mem]),
    ...mergeVO('(MOV(Q|L|W|B|O)storeconst [sc] {sym1} (LEAQ [off] {sym2} ptr) mem) && canMergeSym(sym1, sym2) && ValAndOff(sc).canAdd32(off) => (MOV(Q|L|W|B|O)storeconst [ValAndOff(sc).addOffset32(off)] {mergeSym(sym1, sym2)} ptr mem)', 'sc', 'off', (m) => [m.ptr, m.mem]),
    ...merge(`(SET(${SETS})store [off1] {sym1} (LEAQ [off2] {sym2} base) val mem) && ${cond} => (SET(${SETS})store [off1+off2] {mergeSym(sym1,sym2)} base val mem)`, (m) => [m.base, m.val, m.mem]),
    ...merge(`((ADD|SUB|AND|OR|XOR)Qload [off1] {sym1} val (LEAQ [off2] {sym2} base) mem) && ${cond} => ((ADD|SUB|AND|OR|XOR)Qload [off1+off2] {mergeSym(sym1,sym2)} val base mem)`, (m) => [m.val, m.base, m.mem]),
    ...merge(`((ADD|SUB|AND|OR|XOR)Lload [off1] {sym1} val (LEAQ [off2] {sym2} base) mem) && ${cond} => ((ADD|SUB|AND|OR|XOR)Lload [off1+off2] {mergeSym(sym1,sym2)} val base mem)`, (m) => [m.val, m.base, m.mem]),
    ...merge(`(CMP(Q|L|W|B)load [off1] {sym1} (LEAQ [off2] {sym2} base) val mem) && ${cond} => (CMP(Q|L|W|B)load [off1+off2] {mergeSym(sym1,sym2)} base val mem)`, (m) => [m.base, m.val, m.mem]),
    ...mergeVO('(CMP(Q|L|W|B)constload [valoff1] {sym1} (LEAQ [off2] {sym2} base) mem) && ValAndOff(valoff1).canAdd32(off2) && canMergeSym(sym1, sym2) => (CMP(Q|L|W|B)constload [ValAndOff(valoff1).addOffset32(off2)] {mergeSym(sym1,sym2)} base mem)', 'valoff1', 'off2', (m) => [m.base, m.mem]),
    ...merge(`((ADD|SUB|MUL|DIV)SSload [off1] {sym1} val (LEAQ [off2] {sym2} base) mem) && ${cond} => ((ADD|SUB|MUL|DIV)SSload [off1+off2] {mergeSym(sym1,sym2)} val base mem)`, (m) => [m.val, m.base, m.mem]),
    ...merge(`((ADD|SUB|MUL|DIV)SDload [off1] {sym1} val (LEAQ [off2] {sym2} base) mem) && ${cond} => ((ADD|SUB|MUL|DIV)SDload [off1+off2] {mergeSym(sym1,sym2)} val base mem)`, (m) => [m.val, m.base, m.mem]),
    ...mergeVO('((ADD|AND|OR|XOR)Qconstmodify [valoff1] {sym1} (LEAQ [off2] {sym2} base) mem) && ValAndOff(valoff1).canAdd32(off2) && canMergeSym(sym1, sym2) => ((ADD|AND|OR|XOR)Qconstmodify [ValAndOff(valoff1).addOffset32(off2)] {mergeSym(sym1,sym2)} base mem)', 'valoff1', 'off2', (m) => [m.base, m.mem]),
    ...mergeVO('((ADD|AND|OR|XOR)Lconstmodify [valoff1] {sym1} (LEAQ [off2] {sym2} base) mem) && ValAndOff(valoff1).canAdd32(off2) && canMergeSym(sym1, sym2) => ((ADD|AND|OR|XOR)Lconstmodify [ValAndOff(valoff1).addOffset32(off2)] {mergeSym(sym1,sym2)} base mem)', 'valoff1', 'off2', (m) => [m.base, m.mem]),
    ...merge(`((ADD|SUB|AND|OR|XOR)Qmodify [off1] {sym1} (LEAQ [off2] {sym2} base) val mem) && ${cond} => ((ADD|SUB|AND|OR|XOR)Qmodify [off1+off2] {mergeSym(sym1,sym2)} base val mem)`, (m) => [m.base, m.val, m.mem]),
    ...merge(`((ADD|SUB|AND|OR|XOR)Lmodify [off1] {sym1} (LEAQ [off2] {sym2} base) val mem) && ${cond} => ((ADD|SUB|AND|OR|XOR)Lmodify [off1+off2] {mergeSym(sym1,sym2)} base val mem)`, (m) => [m.base, m.val, m.mem]),
    // LEAQs together.
    ...merge(`(LEAQ [off1] {sym1} (LEAQ [off2] {sym2} x)) && ${cond} => (LEAQ [off1+off2] {mergeSym(sym1,sym2)} x)`, (m) => [m.x]),
    ...rules(`(LEAQ1 [off1] {sym1} (LEAQ [off2] {sym2} x) y) && ${cond} && x.Op != OpSB => (LEAQ1 [off1+off2] {mergeSym(sym1,sym2)} x y)`, ({ off1, sym1, off2, sym2, x, y }) =>
      is32Bit(off1 + off2) && canMergeSym(sym1, sym2) && notSB(x) && op('LEAQ1', { auxInt: off1 + off2, aux: mergeSym(sym1, sym2) }, x, y),
    ),
    ...merge(`(LEAQ [off1] {sym1} (LEAQ1 [off2] {sym2} x y)) && ${cond} => (LEAQ1 [off1+off2] {mergeSym(sym1,sym2)} x y)`, (m) => [m.x, m.y]),
    ...rules(`(LEAQ(2|4|8) [off1] {sym1} (LEAQ [off2] {sym2} x) y) && ${cond} && x.Op != OpSB => (LEAQ(2|4|8) [off1+off2] {mergeSym(sym1,sym2)} x y)`, ({ off1, sym1, off2, sym2, x, y }, _, t) =>
      is32Bit(off1 + off2) && canMergeSym(sym1, sym2) && notSB(x) && op(resultOp(t), { auxInt: off1 + off2, aux: mergeSym(sym1, sym2) }, x, y),
    ),
    ...merge(`(LEAQ [off1] {sym1} (LEAQ(2|4|8) [off2] {sym2} x y)) && ${cond} => (LEAQ(2|4|8) [off1+off2] {mergeSym(sym1,sym2)} x y)`, (m) => [m.x, m.y]),
    ...rules(`(LEAQ1 [off1] {sym1} x (LEAQ1 [off2] {sym2} y y)) && ${cond} => (LEAQ2 [off1+off2] {mergeSym(sym1, sym2)} x y)`, ({ off1, sym1, off2, sym2, x, y }) =>
      is32Bit(off1 + off2) && canMergeSym(sym1, sym2) && op('LEAQ2', { auxInt: off1 + off2, aux: mergeSym(sym1, sym2) }, x, y),
    ),
    ...rules(`(LEAQ1 [off1] {sym1} x (LEAQ1 [off2] {sym2} x y)) && ${cond} => (LEAQ2 [off1+off2] {mergeSym(sym1, sym2)} y x)`, ({ off1, sym1, off2, sym2, x, y }) =>
      is32Bit(off1 + off2) && canMergeSym(sym1, sym2) && op('LEAQ2', { auxInt: off1 + off2, aux: mergeSym(sym1, sym2) }, y, x),
    ),
    ...rules('(LEAQ2 [off1] {sym1} x (LEAQ1 [off2] {sym2} y y)) && is32Bit(int64(off1)+2*int64(off2)) && sym2 == nil => (LEAQ4 [off1+2*off2] {sym1} x y)', ({ off1, sym1, off2, sym2, x, y }) =>
      is32Bit(off1 + 2n * off2) && sym2 === null && op('LEAQ4', { auxInt: off1 + 2n * off2, aux: sym1 }, x, y),
    ),
    ...rules('(LEAQ4 [off1] {sym1} x (LEAQ1 [off2] {sym2} y y)) && is32Bit(int64(off1)+4*int64(off2)) && sym2 == nil => (LEAQ8 [off1+4*off2] {sym1} x y)', ({ off1, sym1, off2, sym2, x, y }) =>
      is32Bit(off1 + 4n * off2) && sym2 === null && op('LEAQ8', { auxInt: off1 + 4n * off2, aux: sym1 }, x, y),
    ),
    // A constant index is an offset.
    ...[2n, 4n, 8n].flatMap((k) =>
      rules(`(LEAQ${k} [off] {sym} x (MOV(Q|L)const [scale])) && is32Bit(int64(off)+int64(scale)*${k}) => (LEAQ [off+int32(scale)*${k}] {sym} x)`, ({ off, sym, x, scale }) =>
        is32Bit(off + scale * k) && op('LEAQ', { auxInt: off + i32(scale) * k, aux: sym }, x),
      ),
    ),
  ]
}
