// generic.rules, pointers and aggregates: OffPtr chains, PtrIndex as
// arithmetic, struct and 1-element array values taken apart (loads and
// stores of SSA-able aggregates become per-field ones), slices built by
// SliceMake read back, nil slices, and the Slicemask of constants.

import type { Value } from '../func'
import { ptrTo, T, type SsaType } from '../types'
import { op, rule, type Make, type RuleDef } from './dsl'
import { canSSA, isOpaque, size } from './helpers'

export function offPtr(): RuleDef[] {
  return [
    rule('(OffPtr (OffPtr p [y]) [x]) => (OffPtr p [x+y])', ({ p, x, y }) => op('OffPtr', { auxInt: x + y }, p)),
    rule('(OffPtr p [0]) && v.Type.Compare(p.Type) == types.CMPeq => p', ({ v, p }) => v.type === p.type && p),
    // The index is already bounds-checked: scale it by the element size.
    rule('(PtrIndex <t> ptr idx) && config.PtrSize == 8 => (AddPtr ptr (Mul64 <typ.Int> idx (Const64 <typ.Int> [t.Elem().Size()])))', ({ t, ptr, idx }) => {
      const elem = t.elem as SsaType | undefined
      if (!elem || isOpaque(elem)) return null
      return op('AddPtr', ptr, op('Mul64', { type: T.int }, idx, op('Const64', { type: T.int, auxInt: BigInt(elem.size) })))
    }),
  ]
}

/** v = StructMake(loads of each field): rewriteStructLoad. */
function structLoad(v: Value, t: SsaType): Make {
  const [ptr, mem] = v.args as [Value, Value]
  const fields = t.fields!.map((f) => op('Load', { type: f.type }, op('OffPtr', { type: ptrTo(f.type), auxInt: BigInt(f.offset) }, ptr), mem))
  return op('StructMake', ...fields)
}

/** A chain of per-field stores of x's fields, returning the last memory: rewriteStructStore. */
export function structStore(dst: Value, x: Value, mem: Value | Make): Value | Make {
  const t = x.type
  if (!t.fields || t.fields.length !== x.args.length) return mem
  x.args.forEach((a, i) => {
    const f = t.fields![i]!
    mem = op('Store', { aux: { kind: 'type', type: f.type } }, op('OffPtr', { type: ptrTo(f.type), auxInt: BigInt(f.offset) }, dst), a, mem)
  })
  return mem
}

export function aggregates(): RuleDef[] {
  return [
    rule('(StructSelect [i] x:(StructMake ___)) => x.Args[i]', ({ i, x }) => x.args[Number(i)] ?? null),
    rule('(Load <t> _ _) && t.IsStruct() && t.Size() > 0 && CanSSA(t) && !t.IsSIMD() => rewriteStructLoad(v)', ({ v, t }) => t.kind === 'struct' && size(t) > 0 && canSSA(t) && structLoad(v, t)),
    rule('(Store _ (StructMake ___) _) => rewriteStructStore(v)', ({ v }) => {
      const [dst, x, mem] = v.args as [Value, Value, Value]
      if (isOpaque(x.type) || x.type.fields?.length !== x.args.length) return null
      return structStore(dst, x, mem)
    }),
    rule('(StructSelect [i] x:(Load <t> ptr mem)) && !CanSSA(t) => @x.Block (Load <v.Type> (OffPtr <v.Type.PtrTo()> [t.FieldOff(int(i))] ptr) mem)', ({ v, i, x, t, ptr, mem }) => {
      const f = t.fields?.[Number(i)]
      if (isOpaque(t) || canSSA(t) || !f) return null
      return op('Load', { type: v.type, block: x.block }, op('OffPtr', { type: ptrTo(v.type), auxInt: BigInt(f.offset) }, ptr), mem)
    }),
    rule('(Store {t} dst (Load src mem) mem) && !CanSSA(t) => (Move {t} [t.Size()] dst src mem)', ({ t, dst, src, mem }) => !isOpaque(t) && !canSSA(t) && op('Move', { aux: { kind: 'type', type: t }, auxInt: BigInt(t.size) }, dst, src, mem)),
    rule('(Store {t} dst (Load src mem) (VarDef {x} mem)) && !CanSSA(t) => (Move {t} [t.Size()] dst src (VarDef {x} mem))', ({ t, dst, src, x, mem }) =>
      !isOpaque(t) && !canSSA(t) && op('Move', { aux: { kind: 'type', type: t }, auxInt: BigInt(t.size) }, dst, src, op('VarDef', { aux: x }, mem)),
    ),
    rule('(ArraySelect (ArrayMake1 x)) => x', ({ x }) => x),
    rule('(Load <t> ptr mem) && t.IsArray() && t.NumElem() == 1 && CanSSA(t) => (ArrayMake1 (Load <t.Elem()> ptr mem))', ({ t, ptr, mem }) => t.kind === 'array' && t.len === 1 && canSSA(t) && op('ArrayMake1', op('Load', { type: t.elem }, ptr, mem))),
    rule('(Store dst (ArrayMake1 e) mem) => (Store {e.Type} dst e mem)', ({ dst, e, mem }) => op('Store', { aux: { kind: 'type', type: e.type } }, dst, e, mem)),
    rule('(Load <t> _ _) && t.Size() == 0 => (Empty)', ({ t }) => size(t) === 0 && op('Empty')),
    rule('(Store _ (Empty) mem) => mem', ({ mem }) => mem),
  ]
}

export function slices(): RuleDef[] {
  return [
    rule('(SliceLen (SliceMake _ (Const64 <t> [c]) _)) => (Const64 <t> [c])', ({ t, c }) => op('Const64', { type: t, auxInt: c })),
    rule('(SliceCap (SliceMake _ _ (Const64 <t> [c]))) => (Const64 <t> [c])', ({ t, c }) => op('Const64', { type: t, auxInt: c })),
    rule('(SliceLen (SliceMake _ (Const32 <t> [c]) _)) => (Const32 <t> [c])', ({ t, c }) => op('Const32', { type: t, auxInt: c })),
    rule('(SliceCap (SliceMake _ _ (Const32 <t> [c]))) => (Const32 <t> [c])', ({ t, c }) => op('Const32', { type: t, auxInt: c })),
    rule('(SlicePtr (SliceMake (SlicePtr x) _ _)) => (SlicePtr x)', ({ x }) => op('SlicePtr', x)),
    rule('(SliceLen (SliceMake _ (SliceLen x) _)) => (SliceLen x)', ({ x }) => op('SliceLen', x)),
    rule('(SliceCap (SliceMake _ _ (SliceCap x))) => (SliceCap x)', ({ x }) => op('SliceCap', x)),
    rule('(SliceCap (SliceMake _ _ (SliceLen x))) => (SliceLen x)', ({ x }) => op('SliceLen', x)),
    rule('(ConstSlice) && config.PtrSize == 8 => (SliceMake (ConstNil <v.Type.Elem().PtrTo()>) (Const64 <typ.Int> [0]) (Const64 <typ.Int> [0]))', ({ v }) => {
      const elem = v.type.elem as SsaType | undefined
      if (!elem) return null
      return op('SliceMake', op('ConstNil', { type: ptrTo(elem) }), op('Const64', { type: T.int, auxInt: 0n }), op('Const64', { type: T.int, auxInt: 0n }))
    }),
    // len > 0 implies cap > 0, so the mask that keeps s[len:] in bounds is all ones.
    rule('(SliceMake (AddPtr <t> x (And64 y (Slicemask _))) w:(Const64 [c]) z) && c > 0 => (SliceMake (AddPtr <t> x y) w z)', ({ t, x, y, w, c, z }) => c > 0n && op('SliceMake', op('AddPtr', { type: t }, x, y), w, z)),
  ]
}

export function slicemask(): RuleDef[] {
  return [
    rule('(Slicemask (Const32 [x])) && x > 0 => (Const32 [-1])', ({ x }) => x > 0n && op('Const32', { auxInt: -1n })),
    rule('(Slicemask (Const32 [0])) => (Const32 [0])', () => op('Const32', { auxInt: 0n })),
    rule('(Slicemask (Const64 [x])) && x > 0 => (Const64 [-1])', ({ x }) => x > 0n && op('Const64', { auxInt: -1n })),
    rule('(Slicemask (Const64 [0])) => (Const64 [0])', () => op('Const64', { auxInt: 0n })),
  ]
}

/** Slices compare only against nil, so comparing their pointers is enough. */
export function sliceComparisons(): RuleDef[] {
  return [
    rule('(EqSlice x y) => (EqPtr (SlicePtr x) (SlicePtr y))', ({ x, y }) => op('EqPtr', op('SlicePtr', x), op('SlicePtr', y))),
    rule('(NeqSlice x y) => (NeqPtr (SlicePtr x) (SlicePtr y))', ({ x, y }) => op('NeqPtr', op('SlicePtr', x), op('SlicePtr', y))),
  ]
}

/** Interfaces: EqInter/NeqInter compare the itab (type) words (walk compares the data words itself), nil is two nil words. */
export function interfaces(): RuleDef[] {
  return [
    rule('(EqInter x y) => (EqPtr (ITab x) (ITab y))', ({ x, y }) => op('EqPtr', op('ITab', x), op('ITab', y))),
    rule('(NeqInter x y) => (NeqPtr (ITab x) (ITab y))', ({ x, y }) => op('NeqPtr', op('ITab', x), op('ITab', y))),
    rule('(ConstInterface) => (IMake (ConstNil <typ.Uintptr>) (ConstNil <typ.BytePtr>))', () => op('IMake', op('ConstNil', { type: T.uintptr }), op('ConstNil', { type: ptrTo(T.uint8) }))),
  ]
}

/** unsafe.Pointer arithmetic through Convert. */
export function converts(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of [64, 32]) r.push(rule(`(Convert (Add${w} (Convert ptr mem) off) mem) => (AddPtr ptr off)`, ({ ptr, off }) => op('AddPtr', ptr, off)))
  r.push(rule('(Convert (Convert ptr mem) mem) => ptr', ({ ptr }) => ptr))
  for (const w of [64, 32]) {
    r.push(rule(`(Convert a:(Add${w} (Add${w} (Convert ptr mem) off1) off2) mem) => (AddPtr ptr (Add${w} <a.Type> off1 off2))`, ({ a, ptr, off1, off2 }) => op('AddPtr', ptr, op(`Add${w}`, { type: a.type }, off1, off2))))
  }
  return r
}
