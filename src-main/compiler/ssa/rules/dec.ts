// gc's dec.rules (run by "decompose builtin"): slices and small aggregates
// are taken apart into their words. A slice load becomes three loads, a
// slice store three stores, SlicePtr/SliceLen/SliceCap read the SliceMake
// or load their word directly, and struct/array selects of loads load the
// field; strings likewise (two words). Interfaces and complex numbers are
// outside our subset: only their type-free rules are here.

import { ruleSet, type RuleSet } from '../rewrite'
import { bytePtr, isPtrShaped, ptrTo, T, type SsaType } from '../types'
import { op, rule, valueRule, type RuleDef } from './dsl'
import { bsize, size } from './helpers'
import { structStore } from './pointers'
import type { Value } from '../func'

const intPtr = ptrTo(T.int)
const typ = (t: SsaType) => ({ kind: 'type' as const, type: t })

export function decRuleDefs(): RuleDef[] {
  return [
    rule('(Store {t} _ _ mem) && t.Size() == 0 => mem', ({ t, mem }) => size(t) === 0 && mem),
    rule('(StringPtr (StringMake ptr _)) => ptr', ({ ptr }) => ptr),
    rule('(StringLen (StringMake _ len)) => len', ({ len }) => len),
    rule('(SlicePtr (SliceMake ptr _ _ )) => ptr', ({ ptr }) => ptr),
    rule('(SliceLen (SliceMake _ len _)) => len', ({ len }) => len),
    rule('(SliceCap (SliceMake _ _ cap)) => cap', ({ cap }) => cap),
    rule('(SlicePtrUnchecked (SliceMake ptr _ _ )) => ptr', ({ ptr }) => ptr),
    rule('(Load <t> ptr mem) && t.IsSlice() => (SliceMake (Load <t.Elem().PtrTo()> ptr mem) (Load <typ.Int> (OffPtr <typ.IntPtr> [config.PtrSize] ptr) mem) (Load <typ.Int> (OffPtr <typ.IntPtr> [2*config.PtrSize] ptr) mem))', ({ t, ptr, mem }) =>
      t.kind === 'slice' &&
      op('SliceMake', op('Load', { type: ptrTo(t.elem) }, ptr, mem), op('Load', { type: T.int }, op('OffPtr', { type: intPtr, auxInt: 8n }, ptr), mem), op('Load', { type: T.int }, op('OffPtr', { type: intPtr, auxInt: 16n }, ptr), mem)),
    ),
    rule('(Store {t} dst (SliceMake ptr len cap) mem) => (Store {typ.Int} (OffPtr <typ.IntPtr> [2*config.PtrSize] dst) cap (Store {typ.Int} (OffPtr <typ.IntPtr> [config.PtrSize] dst) len (Store {t.Elem().PtrTo()} dst ptr mem)))', ({ t, dst, ptr, len, cap, mem }) =>
      t.elem !== undefined &&
      op('Store', { aux: typ(T.int) }, op('OffPtr', { type: intPtr, auxInt: 16n }, dst), cap, op('Store', { aux: typ(T.int) }, op('OffPtr', { type: intPtr, auxInt: 8n }, dst), len, op('Store', { aux: typ(ptrTo(t.elem)) }, dst, ptr, mem))),
    ),
    rule('(Load <t> ptr mem) && t.IsString() => (StringMake (Load <typ.BytePtr> ptr mem) (Load <typ.Int> (OffPtr <typ.IntPtr> [config.PtrSize] ptr) mem))', ({ t, ptr, mem }) =>
      t.kind === 'string' && op('StringMake', op('Load', { type: bytePtr }, ptr, mem), op('Load', { type: T.int }, op('OffPtr', { type: intPtr, auxInt: 8n }, ptr), mem)),
    ),
    rule('(Store dst (StringMake ptr len) mem) => (Store {typ.Int} (OffPtr <typ.IntPtr> [config.PtrSize] dst) len (Store {typ.BytePtr} dst ptr mem))', ({ dst, ptr, len, mem }) =>
      op('Store', { aux: typ(T.int) }, op('OffPtr', { type: intPtr, auxInt: 8n }, dst), len, op('Store', { aux: typ(bytePtr) }, dst, ptr, mem)),
    ),
    rule('(ITab (IMake itab _)) => itab', ({ itab }) => itab),
    rule('(Load <t> ptr mem) && t.IsInterface() => (IMake (Load <typ.Uintptr> ptr mem) (Load <typ.BytePtr> (OffPtr <typ.BytePtrPtr> [config.PtrSize] ptr) mem))', ({ t, ptr, mem }) =>
      t.kind === 'interface' && op('IMake', op('Load', { type: T.uintptr }, ptr, mem), op('Load', { type: bytePtr }, op('OffPtr', { type: ptrTo(bytePtr), auxInt: 8n }, ptr), mem)),
    ),
    rule('(Store dst (IMake itab data) mem) => (Store {typ.BytePtr} (OffPtr <typ.BytePtrPtr> [config.PtrSize] dst) data (Store {typ.Uintptr} dst itab mem))', ({ dst, itab, data, mem }) =>
      op('Store', { aux: typ(bytePtr) }, op('OffPtr', { type: ptrTo(bytePtr), auxInt: 8n }, dst), data, op('Store', { aux: typ(T.uintptr) }, dst, itab, mem)),
    ),
    rule('(IData (IMake _ data)) && data.Op != OpStructMake && data.Op != OpArrayMake1 => data', ({ data }) => data.op !== 'StructMake' && data.op !== 'ArrayMake1' && data),
    rule('(StructSelect [i] x:(StructMake ___)) => x.Args[i]', ({ i, x }) => x.args[Number(i)] ?? null),
    rule('(StructSelect x) && x.Type.IsPtrShaped() => x', ({ x }) => isPtrShaped(x.type) && x),
    rule('(ArraySelect [0] x) && x.Type.IsPtrShaped() => x', ({ x }) => isPtrShaped(x.type) && x),
    rule('(ArrayMake1 x) && x.Type.IsPtrShaped() => x', ({ x }) => isPtrShaped(x.type) && x),
    rule('(StructMake x) && x.Type.IsPtrShaped() => x', ({ x }) => isPtrShaped(x.type) && x),
    rule('(Store _ (StructMake ___) _) => rewriteStructStore(v)', ({ v }) => {
      const [dst, x, mem] = v.args as [Value, Value, Value]
      return x.type.fields?.length === x.args.length ? structStore(dst, x, mem) : null
    }),
    rule('(IMake _typ (ArrayMake1 val)) => (IMake _typ val)', ({ _typ, val }) => op('IMake', _typ, val)),
    rule('(ArraySelect (ArrayMake1 x)) => x', ({ x }) => x),
    rule('(ArraySelect [0] (IData x)) => (IData x)', ({ x }) => op('IData', x)),
    rule('(Store dst (ArrayMake1 e) mem) => (Store {e.Type} dst e mem)', ({ dst, e, mem }) => op('Store', { aux: typ(e.type) }, dst, e, mem)),
    rule('(ArraySelect [i] x:(Load <t> ptr mem)) => @x.Block (Load <v.Type> (OffPtr <v.Type.PtrTo()> [t.Elem().Size()*i] ptr) mem)', ({ v, i, x, t, ptr, mem }) =>
      t.elem !== undefined && op('Load', { type: v.type, block: x.block }, op('OffPtr', { type: ptrTo(v.type), auxInt: bsize(t.elem) * i }, ptr), mem),
    ),
    rule('(StructSelect [i] x:(Load <t> ptr mem)) => @x.Block (Load <v.Type> (OffPtr <v.Type.PtrTo()> [t.FieldOff(int(i))] ptr) mem)', ({ v, i, x, t, ptr, mem }) => {
      const f = t.fields?.[Number(i)]
      return f !== undefined && op('Load', { type: v.type, block: x.block }, op('OffPtr', { type: ptrTo(v.type), auxInt: BigInt(f.offset) }, ptr), mem)
    }),
    rule('(SlicePtr x:(Load <t> ptr mem)) && t.IsSlice() => @x.Block (Load <t.Elem().PtrTo()> ptr mem)', ({ x, t, ptr, mem }) => t.kind === 'slice' && op('Load', { type: ptrTo(t.elem), block: x.block }, ptr, mem)),
    rule('(SliceLen x:(Load <t> ptr mem)) && t.IsSlice() => @x.Block (Load <typ.Int> (OffPtr <typ.IntPtr> [config.PtrSize] ptr) mem)', ({ x, t, ptr, mem }) =>
      t.kind === 'slice' && op('Load', { type: T.int, block: x.block }, op('OffPtr', { type: intPtr, auxInt: 8n }, ptr), mem),
    ),
    rule('(StringPtr x:(Load <t> ptr mem)) && t.IsString() => @x.Block (Load <typ.BytePtr> ptr mem)', ({ x, t, ptr, mem }) => t.kind === 'string' && op('Load', { type: bytePtr, block: x.block }, ptr, mem)),
    rule('(StringLen x:(Load <t> ptr mem)) && t.IsString() => @x.Block (Load <typ.Int> (OffPtr <typ.IntPtr> [config.PtrSize] ptr) mem)', ({ x, t, ptr, mem }) =>
      t.kind === 'string' && op('Load', { type: T.int, block: x.block }, op('OffPtr', { type: intPtr, auxInt: 8n }, ptr), mem),
    ),
    rule('(SliceCap x:(Load <t> ptr mem)) && t.IsSlice() => @x.Block (Load <typ.Int> (OffPtr <typ.IntPtr> [2*config.PtrSize] ptr) mem)', ({ x, t, ptr, mem }) =>
      t.kind === 'slice' && op('Load', { type: T.int, block: x.block }, op('OffPtr', { type: intPtr, auxInt: 16n }, ptr), mem),
    ),
  ]
}

let dec: RuleSet | null = null

/** The dec rule set (it depends on nothing but the 64-bit pointer size). */
export function decRules(): RuleSet {
  dec ??= ruleSet(decRuleDefs().map((d) => ({ op: d.op, rule: valueRule(d, { pass: 'decompose builtin', arch: '' }) })))
  return dec
}
