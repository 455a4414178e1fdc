// AMD64.rules, the last optimisations (in the file's order): adjacent zero
// stores pair into a 16-byte MOVOstoreconst, loads merge into the ops that
// use them (ADDQload, CMPQload, …) and load-op-store into read-modify-write
// ops, redundant extensions go, float/int moves through memory become
// register moves, and small constant-size memmove calls become Moves.
// (symIsRO loads from read-only data, atomics, GOAMD64=v3 and SIMD rules are left out.)

import type { Value } from '../../func'
import { floatBits } from '../../auxint'
import { isInlinableMemmove, isSameCall, isSamePtr } from '../helpers'
import { op, type RuleDef } from '../dsl'
import { canMergeLoad, canMergeLoadClobber, makeValAndOff, rematerializeable, sequentialAddresses, vaOff, vaVal, validVal } from './helpers'
import { resultOp, rules } from './notation'

/** clobber(vs…): the values are dead from now on (gc resets them to OpInvalid). */
function clobber(...vs: Value[]): true {
  for (const v of vs) v.reset('Invalid')
  return true
}

export function storePairs(): RuleDef[] {
  return [
    ...rules('(MOVQstoreconst [c] {s} p1 x:(MOVQstoreconst [a] {s} p0 mem)) && x.Uses == 1 && sequentialAddresses(p0, p1, int64(a.Off()+8-c.Off())) && a.Val() == 0 && c.Val() == 0 && setPos(v, x.Pos) && clobber(x) => (MOVOstoreconst [makeValAndOff(0,a.Off())] {s} p0 mem)', ({ v, c, s, p1, x, a, p0, mem }) => {
      if (!(x.uses === 1 && sequentialAddresses(p0, p1, vaOff(a) + 8n - vaOff(c)) && vaVal(a) === 0n && vaVal(c) === 0n)) return null
      v.pos = x.pos
      clobber(x)
      return op('MOVOstoreconst', { auxInt: makeValAndOff(0n, vaOff(a)), aux: s }, p0, mem)
    }),
    ...rules('(MOVQstoreconst [a] {s} p0 x:(MOVQstoreconst [c] {s} p1 mem)) && x.Uses == 1 && sequentialAddresses(p0, p1, int64(a.Off()+8-c.Off())) && a.Val() == 0 && c.Val() == 0 && setPos(v, x.Pos) && clobber(x) => (MOVOstoreconst [makeValAndOff(0,a.Off())] {s} p0 mem)', ({ v, c, s, p1, x, a, p0, mem }) => {
      if (!(x.uses === 1 && sequentialAddresses(p0, p1, vaOff(a) + 8n - vaOff(c)) && vaVal(a) === 0n && vaVal(c) === 0n)) return null
      v.pos = x.pos
      clobber(x)
      return op('MOVOstoreconst', { auxInt: makeValAndOff(0n, vaOff(a)), aux: s }, p0, mem)
    }),
  ]
}

export function loadOps(): RuleDef[] {
  const intOps = 'ADD|SUB|AND|OR|XOR'
  const mergeLoad = (text: string): RuleDef[] =>
    rules(text, ({ v, x, l, off, sym, ptr, mem }, _, t) => canMergeLoadClobber(v, l, x) && clobber(l) && op(resultOp(t), { auxInt: off, aux: sym }, x, ptr, mem))
  return [
    ...mergeLoad(`((${intOps})Q x l:(MOVQload [off] {sym} ptr mem)) && canMergeLoadClobber(v, l, x) && clobber(l) => ((${intOps})Qload x [off] {sym} ptr mem)`),
    ...mergeLoad(`((${intOps})L x l:(MOVLload [off] {sym} ptr mem)) && canMergeLoadClobber(v, l, x) && clobber(l) => ((${intOps})Lload x [off] {sym} ptr mem)`),
    ...mergeLoad('((ADD|SUB|MUL|DIV)SD x l:(MOVSDload [off] {sym} ptr mem)) && canMergeLoadClobber(v, l, x) && clobber(l) => ((ADD|SUB|MUL|DIV)SDload x [off] {sym} ptr mem)'),
    ...mergeLoad('((ADD|SUB|MUL|DIV)SS x l:(MOVSSload [off] {sym} ptr mem)) && canMergeLoadClobber(v, l, x) && clobber(l) => ((ADD|SUB|MUL|DIV)SSload x [off] {sym} ptr mem)'),
    // Load, op, store to the same place: one read-modify-write instruction.
    ...rules('(MOVLstore {sym} [off] ptr y:((ADD|AND|OR|XOR)Lload x [off] {sym} ptr mem) mem) && y.Uses==1 && clobber(y) => ((ADD|AND|OR|XOR)Lmodify [off] {sym} ptr x mem)', ({ sym, off, ptr, y, x, mem }, _, t) =>
      y.uses === 1 && clobber(y) && op(resultOp(t), { auxInt: off, aux: sym }, ptr, x, mem),
    ),
    ...rules(`(MOVLstore {sym} [off] ptr y:((${intOps})L l:(MOVLload [off] {sym} ptr mem) x) mem) && y.Uses==1 && l.Uses==1 && clobber(y, l) => ((${intOps})Lmodify [off] {sym} ptr x mem)`, ({ sym, off, ptr, y, l, x, mem }, _, t) =>
      y.uses === 1 && l.uses === 1 && clobber(y, l) && op(resultOp(t), { auxInt: off, aux: sym }, ptr, x, mem),
    ),
    ...rules('(MOVQstore {sym} [off] ptr y:((ADD|AND|OR|XOR)Qload x [off] {sym} ptr mem) mem) && y.Uses==1 && clobber(y) => ((ADD|AND|OR|XOR)Qmodify [off] {sym} ptr x mem)', ({ sym, off, ptr, y, x, mem }, _, t) =>
      y.uses === 1 && clobber(y) && op(resultOp(t), { auxInt: off, aux: sym }, ptr, x, mem),
    ),
    ...rules(`(MOVQstore {sym} [off] ptr y:((${intOps})Q l:(MOVQload [off] {sym} ptr mem) x) mem) && y.Uses==1 && l.Uses==1 && clobber(y, l) => ((${intOps})Qmodify [off] {sym} ptr x mem)`, ({ sym, off, ptr, y, l, x, mem }, _, t) =>
      y.uses === 1 && l.uses === 1 && clobber(y, l) && op(resultOp(t), { auxInt: off, aux: sym }, ptr, x, mem),
    ),
    ...rules('(MOVQstore {sym} [off] ptr x:(BT(S|R|C)Qconst [c] l:(MOVQload {sym} [off] ptr mem)) mem) && x.Uses == 1 && l.Uses == 1 && clobber(x, l) => (BT(S|R|C)Qconstmodify {sym} [makeValAndOff(int32(c),off)] ptr mem)', ({ sym, off, ptr, x, c, l, mem }, _, t) =>
      x.uses === 1 && l.uses === 1 && clobber(x, l) && op(resultOp(t), { auxInt: makeValAndOff(c, off), aux: sym }, ptr, mem),
    ),
  ]
}

export function extensionsAndMoves(): RuleDef[] {
  return [
    // The CMOV is not needed when BSF/BSR's argument is known non-zero.
    ...rules('(CMOVQEQ x _ (Select1 (BS(F|R)Q (ORQconst [c] _)))) && c != 0 => x', ({ x, c }) => c !== 0n && x),
    ...rules('(BSFQ (ORQconst <t> [1<<8] (MOVBQZX x))) => (BSFQ (ORQconst <t> [1<<8] x))', ({ t, x }) => op('BSFQ', op('ORQconst', { type: t, auxInt: 1n << 8n }, x))),
    ...rules('(BSFQ (ORQconst <t> [1<<16] (MOVWQZX x))) => (BSFQ (ORQconst <t> [1<<16] x))', ({ t, x }) => op('BSFQ', op('ORQconst', { type: t, auxInt: 1n << 16n }, x))),
    // Redundant sign and zero extensions (the outer type stays).
    ...rules('(MOVLQSX (MOV(L|W|B)QSX x)) => (MOV(L|W|B)QSX x)', ({ x }, _, t) => op(resultOp(t), x)),
    ...rules('(MOVWQSX (MOV(W|B)QSX x)) => (MOV(W|B)QSX x)', ({ x }, _, t) => op(resultOp(t), x)),
    ...rules('(MOVBQSX (MOVBQSX x)) => (MOVBQSX x)', ({ x }) => op('MOVBQSX', x)),
    ...rules('(MOVLQZX (MOV(L|W|B)QZX x)) => (MOV(L|W|B)QZX x)', ({ x }, _, t) => op(resultOp(t), x)),
    ...rules('(MOVWQZX (MOV(W|B)QZX x)) => (MOV(W|B)QZX x)', ({ x }, _, t) => op(resultOp(t), x)),
    ...rules('(MOVBQZX (MOVBQZX x)) => (MOVBQZX x)', ({ x }) => op('MOVBQZX', x)),
    ...rules('(MOVQstore [off] {sym} ptr a:((ADD|AND|OR|XOR)Qconst [c] l:(MOVQload [off] {sym} ptr2 mem)) mem) && isSamePtr(ptr, ptr2) && a.Uses == 1 && l.Uses == 1 && clobber(l, a) => ((ADD|AND|OR|XOR)Qconstmodify {sym} [makeValAndOff(int32(c),off)] ptr mem)', ({ off, sym, ptr, a, c, l, ptr2, mem }, _, t) =>
      isSamePtr(ptr, ptr2) && a.uses === 1 && l.uses === 1 && clobber(l, a) && op(resultOp(t), { auxInt: makeValAndOff(c, off), aux: sym }, ptr, mem),
    ),
    ...rules('(MOVLstore [off] {sym} ptr a:((ADD|AND|OR|XOR)Lconst [c] l:(MOVLload [off] {sym} ptr2 mem)) mem) && isSamePtr(ptr, ptr2) && a.Uses == 1 && l.Uses == 1 && clobber(l, a) => ((ADD|AND|OR|XOR)Lconstmodify {sym} [makeValAndOff(int32(c),off)] ptr mem)', ({ off, sym, ptr, a, c, l, ptr2, mem }, _, t) =>
      isSamePtr(ptr, ptr2) && a.uses === 1 && l.uses === 1 && clobber(l, a) && op(resultOp(t), { auxInt: makeValAndOff(c, off), aux: sym }, ptr, mem),
    ),
    // Float <-> int moves through memory are register moves.
    ...rules('(MOVQload [off] {sym} ptr (MOVSDstore [off] {sym} ptr val _)) => (MOVQf2i val)', ({ val }) => op('MOVQf2i', val)),
    ...rules('(MOVLload [off] {sym} ptr (MOVSSstore [off] {sym} ptr val _)) => (MOVLf2i val)', ({ val }) => op('MOVLf2i', val)),
    ...rules('(MOVSDload [off] {sym} ptr (MOVQstore [off] {sym} ptr val _)) => (MOVQi2f val)', ({ val }) => op('MOVQi2f', val)),
    ...rules('(MOVSSload [off] {sym} ptr (MOVLstore [off] {sym} ptr val _)) => (MOVLi2f val)', ({ val }) => op('MOVLi2f', val)),
    ...(['ADD', 'SUB', 'AND', 'OR', 'XOR'] as const).flatMap((o) => [
      ...rules(`(${o}Qload x [off] {sym} ptr (MOVSDstore [off] {sym} ptr y _)) => (${o}Q x (MOVQf2i y))`, ({ x, y }) => op(`${o}Q`, x, op('MOVQf2i', y))),
      ...rules(`(${o}Lload x [off] {sym} ptr (MOVSSstore [off] {sym} ptr y _)) => (${o}L x (MOVLf2i y))`, ({ x, y }) => op(`${o}L`, x, op('MOVLf2i', y))),
    ]),
    ...(['ADD', 'SUB', 'MUL'] as const).flatMap((o) => [
      ...rules(`(${o}SDload x [off] {sym} ptr (MOVQstore [off] {sym} ptr y _)) => (${o}SD x (MOVQi2f y))`, ({ x, y }) => op(`${o}SD`, x, op('MOVQi2f', y))),
      ...rules(`(${o}SSload x [off] {sym} ptr (MOVLstore [off] {sym} ptr y _)) => (${o}SS x (MOVLi2f y))`, ({ x, y }) => op(`${o}SS`, x, op('MOVLi2f', y))),
    ]),
    // Stores use the other register set directly.
    ...rules('(MOVQstore [off] {sym} ptr (MOVQf2i val) mem) => (MOVSDstore [off] {sym} ptr val mem)', ({ off, sym, ptr, val, mem }) => op('MOVSDstore', { auxInt: off, aux: sym }, ptr, val, mem)),
    ...rules('(MOVLstore [off] {sym} ptr (MOVLf2i val) mem) => (MOVSSstore [off] {sym} ptr val mem)', ({ off, sym, ptr, val, mem }) => op('MOVSSstore', { auxInt: off, aux: sym }, ptr, val, mem)),
    ...rules('(MOVSDstore [off] {sym} ptr (MOVQi2f val) mem) => (MOVQstore [off] {sym} ptr val mem)', ({ off, sym, ptr, val, mem }) => op('MOVQstore', { auxInt: off, aux: sym }, ptr, val, mem)),
    ...rules('(MOVSSstore [off] {sym} ptr (MOVLi2f val) mem) => (MOVLstore [off] {sym} ptr val mem)', ({ off, sym, ptr, val, mem }) => op('MOVLstore', { auxInt: off, aux: sym }, ptr, val, mem)),
    ...rules('(MOVSDstore [off] {sym} ptr (MOVSDconst [f]) mem) && f == f => (MOVQstore [off] {sym} ptr (MOVQconst [int64(math.Float64bits(f))]) mem)', ({ off, sym, ptr, f, mem }) =>
      !Number.isNaN(f) && op('MOVQstore', { auxInt: off, aux: sym }, ptr, op('MOVQconst', { auxInt: floatBits(f) }), mem),
    ),
    ...rules('(MOVSSstore [off] {sym} ptr (MOVSSconst [f]) mem) && f == f => (MOVLstore [off] {sym} ptr (MOVLconst [int32(math.Float32bits(f))]) mem)', ({ off, sym, ptr, f, mem }) =>
      !Number.isNaN(f) && op('MOVLstore', { auxInt: off, aux: sym }, ptr, op('MOVLconst', { auxInt: float32Bits(f) }), mem),
    ),
    // Args load straight into the register class that uses them.
    ...(['MOVQf2i', 'MOVLf2i', 'MOVQi2f', 'MOVLi2f'] as const).flatMap((o) =>
      rules(`(${o} <t> (Arg <u> [off] {sym})) && t.Size() == u.Size() => @b.Func.Entry (Arg <t> [off] {sym})`, ({ b, t, u, off, sym }) =>
        t.size === u.size && op('Arg', { type: t, auxInt: off, aux: sym, block: b.func.entry }),
      ),
    ),
    // LEAQ is rematerializeable: fewer spills.
    ...rules('(ADD(Q|L)const [off] x:(SP)) => (LEA(Q|L) [off] x)', ({ off, x }, _, t) => op(resultOp(t), { auxInt: off }, x)),
    // HMUL's first argument goes in AX: prefer a rematerializeable one there.
    ...rules('(HMUL(Q|L) x y) && !x.rematerializeable() && y.rematerializeable() => (HMUL(Q|L) y x)', ({ x, y }, _, t) => !rematerializeable(x) && rematerializeable(y) && op(resultOp(t), y, x)),
    ...rules('(HMUL(Q|L)U x y) && !x.rematerializeable() && y.rematerializeable() => (HMUL(Q|L)U y x)', ({ x, y }, _, t) => !rematerializeable(x) && rematerializeable(y) && op(resultOp(t), y, x)),
  ]
}

const f32 = new Float32Array(1)
const i32view = new Int32Array(f32.buffer)
function float32Bits(f: number): bigint {
  f32[0] = f
  return BigInt(i32view[0]!)
}

/** Loads fold into compares (flagalloc may undo it), and TEST of a load into a compare with 0. */
export function loadCompares(): RuleDef[] {
  const W = 'Q|L|W|B'
  return [
    ...rules(`(CMP(${W}) l:(MOV(${W})load {sym} [off] ptr mem) x) && canMergeLoad(v, l) && clobber(l) => (CMP(${W})load {sym} [off] ptr x mem)`, ({ v, l, sym, off, ptr, mem, x }, _, t) =>
      canMergeLoad(v, l) && clobber(l) && op(resultOp(t), { auxInt: off, aux: sym }, ptr, x, mem),
    ),
    ...rules(`(CMP(${W}) x l:(MOV(${W})load {sym} [off] ptr mem)) && canMergeLoad(v, l) && clobber(l) => (InvertFlags (CMP(${W})load {sym} [off] ptr x mem))`, ({ v, l, sym, off, ptr, mem, x }, _, t) =>
      canMergeLoad(v, l) && clobber(l) && op('InvertFlags', op(resultOp(t, 1), { auxInt: off, aux: sym }, ptr, x, mem)),
    ),
    ...rules('(CMP(Q|L)const l:(MOV(Q|L)load {sym} [off] ptr mem) [c]) && l.Uses == 1 && clobber(l) => @l.Block (CMP(Q|L)constload {sym} [makeValAndOff(c,off)] ptr mem)', ({ l, sym, off, ptr, mem, c }, _, t) => {
      if (l.uses !== 1) return null
      const block = (l as Value).block
      clobber(l)
      return op(resultOp(t), { auxInt: makeValAndOff(c, off), aux: sym, block }, ptr, mem)
    }),
    ...rules('(CMP(W|B)const l:(MOV(W|B)load {sym} [off] ptr mem) [c]) && l.Uses == 1 && clobber(l) => @l.Block (CMP(W|B)constload {sym} [makeValAndOff(int32(c),off)] ptr mem)', ({ l, sym, off, ptr, mem, c }, _, t) => {
      if (l.uses !== 1) return null
      const block = (l as Value).block
      clobber(l)
      return op(resultOp(t), { auxInt: makeValAndOff(c, off), aux: sym, block }, ptr, mem)
    }),
    ...rules('(CMPQload {sym} [off] ptr (MOVQconst [c]) mem) && validVal(c) => (CMPQconstload {sym} [makeValAndOff(int32(c),off)] ptr mem)', ({ sym, off, ptr, c, mem }) =>
      validVal(c) && op('CMPQconstload', { auxInt: makeValAndOff(c, off), aux: sym }, ptr, mem),
    ),
    ...rules('(CMPLload {sym} [off] ptr (MOVLconst [c]) mem) => (CMPLconstload {sym} [makeValAndOff(c,off)] ptr mem)', ({ sym, off, ptr, c, mem }) => op('CMPLconstload', { auxInt: makeValAndOff(c, off), aux: sym }, ptr, mem)),
    ...rules('(CMPWload {sym} [off] ptr (MOVLconst [c]) mem) => (CMPWconstload {sym} [makeValAndOff(int32(int16(c)),off)] ptr mem)', ({ sym, off, ptr, c, mem }) =>
      op('CMPWconstload', { auxInt: makeValAndOff(BigInt.asIntN(16, c), off), aux: sym }, ptr, mem),
    ),
    ...rules('(CMPBload {sym} [off] ptr (MOVLconst [c]) mem) => (CMPBconstload {sym} [makeValAndOff(int32(int8(c)),off)] ptr mem)', ({ sym, off, ptr, c, mem }) =>
      op('CMPBconstload', { auxInt: makeValAndOff(BigInt.asIntN(8, c), off), aux: sym }, ptr, mem),
    ),
    ...rules(`(TEST(${W}) l:(MOV(${W})load {sym} [off] ptr mem) l2) && l == l2 && l.Uses == 2 && clobber(l) => @l.Block (CMP(${W})constload {sym} [makeValAndOff(0, off)] ptr mem)`, ({ l, l2, sym, off, ptr, mem }, _, t) => {
      if (l !== l2 || l.uses !== 2) return null
      const block = (l as Value).block
      clobber(l)
      return op(resultOp(t), { auxInt: makeValAndOff(0n, off), aux: sym, block }, ptr, mem)
    }),
    // ANDload back to a load when a TEST in the same block can do the AND (issue 44228).
    ...rules('(TEST(Q|L) a:(AND(Q|L)load [off] {sym} x ptr mem) a) && a.Uses == 2 && a.Block == v.Block && clobber(a) => (TEST(Q|L) (MOV(Q|L)load <a.Type> [off] {sym} ptr mem) x)', ({ v, a, off, sym, x, ptr, mem }, _, t) =>
      a.uses === 2 && a.block === v.block && clobber(a) && op(resultOp(t), op(resultOp(t, 1), { type: a.type, auxInt: off, aux: sym }, ptr, mem), x),
    ),
  ]
}

/** A memmove call with a constant size that can be inlined (register ABI form) becomes a Move. */
export function memmoves(): RuleDef[] {
  return rules('(SelectN [0] call:(CALLstatic {sym} dst src (MOVQconst [sz]) mem)) && sz >= 0 && isSameCall(sym, "runtime.memmove") && call.Uses == 1 && isInlinableMemmove(dst, src, sz, config) && clobber(call) => (Move [sz] dst src mem)', ({ call, sym, dst, src, sz, mem }) =>
    sz >= 0n && isSameCall(sym, 'runtime.memmove') && call.uses === 1 && isInlinableMemmove(dst, src, sz, 'amd64') && clobber(call) && op('Move', { auxInt: sz }, dst, src, mem),
  )
}

