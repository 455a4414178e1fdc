// generic.rules, memory: a load after a store to the same address takes the
// stored value (looking past up to three disjoint stores), loads from freshly
// zeroed memory are constants, stores that rewrite what was just loaded (or
// zeros into zeroed memory) disappear, nil checks of addresses that cannot be
// nil go, and Move/Zero pairs simplify.

import type { Value } from '../func'
import { T } from '../types'
import { op, rule, type Match, type RuleDef } from './dsl'
import {
  canSSA, clobber, copyCompatible, disjoint, isConstZero, isInlinableMemclr, isInlinableMemmove, isMalloc, isSameCall, isSamePtr, bsize, size,
} from './helpers'

/** `(Store {t2} p2 _ (Store {t3} p3 _ … inner))`: the stores from..to wrapped around inner. */
function stores(from: number, to: number, inner: string): string {
  let s = inner
  for (let i = to; i >= from; i--) s = `(Store {t${i}} p${i} _ ${s})`
  return s
}

/** p's region of size n is disjoint from each store p_i of the chain (i = 2..upto). */
function disjointFromStores(m: Match, p: Value, n: number, upto: number): boolean {
  for (let i = 2; i <= upto; i++) if (!disjoint(p, n, m[`p${i}`], size(m[`t${i}`]))) return false
  return true
}

export function loadForwarding(): RuleDef[] {
  const r: RuleDef[] = [
    rule('(Load <t1> p1 (Store {t2} p2 x _)) && isSamePtr(p1, p2) && copyCompatibleType(t1, x.Type) && t1.Size() == t2.Size() => x', ({ t1, p1, t2, p2, x }) =>
      isSamePtr(p1, p2) && copyCompatible(t1, x.type) && size(t1) === size(t2) && x,
    ),
  ]
  for (let k = 3; k <= 5; k++) {
    const pattern = `(Load <t1> p1 ${stores(2, k - 1, `(Store {t${k}} p${k} x _)`)})`
    const conds = [`isSamePtr(p1, p${k})`, `copyCompatibleType(t1, x.Type)`, `t1.Size() == t${k}.Size()`, ...Array.from({ length: k - 2 }, (_, i) => `disjoint(p${k}, t${k}.Size(), p${i + 2}, t${i + 2}.Size())`)]
    r.push(
      rule(`${pattern} && ${conds.join(' && ')} => x`, (m) => {
        const pk: Value = m[`p${k}`]
        const tk = m[`t${k}`]
        return isSamePtr(m.p1, pk) && copyCompatible(m.t1, m.x.type) && size(m.t1) === size(tk) && disjointFromStores(m, pk, size(tk), k - 1) && m.x
      }),
    )
  }
  return r
}

/** Loads from memory that a Zero just cleared are zero constants. */
export function zeroForwarding(): RuleDef[] {
  const r: RuleDef[] = []
  for (let k = 2; k <= 5; k++) {
    const z = k + 1
    const chain = stores(2, k, `mem:(Zero [n] p${z} _)`)
    const conds = [`o1 >= 0 && o1+t1.Size() <= n && isSamePtr(p1, p${z})`, 'CanSSA(t1)', ...Array.from({ length: k - 1 }, (_, i) => `disjoint(op, t1.Size(), p${i + 2}, t${i + 2}.Size())`)]
    r.push(
      rule(`(Load <t1> op:(OffPtr [o1] p1) ${chain}) && ${conds.join(' && ')} => @mem.Block (Load <t1> (OffPtr <op.Type> [o1] p${z}) mem)`, (m) => {
        const { t1, o1, n, op: o, mem } = m
        const pz: Value = m[`p${z}`]
        return o1 >= 0n && o1 + bsize(t1) <= n && isSamePtr(m.p1, pz) && canSSA(t1) && disjointFromStores(m, o, size(t1), k) && op('Load', { type: t1, block: mem.block }, op('OffPtr', { type: o.type, auxInt: o1 }, pz), mem)
      }),
    )
  }
  const zeros: [string, string, number, (t: Match[string]) => boolean][] = [
    ['t1.IsBoolean()', 'ConstBool [false]', 1, (t) => t.kind === 'bool'],
    ['is8BitInt(t1)', 'Const8 [0]', 1, (t) => isInt(t, 1)],
    ['is16BitInt(t1)', 'Const16 [0]', 2, (t) => isInt(t, 2)],
    ['is32BitInt(t1)', 'Const32 [0]', 4, (t) => isInt(t, 4)],
    ['is64BitInt(t1)', 'Const64 [0]', 8, (t) => isInt(t, 8)],
    ['is32BitFloat(t1)', 'Const32F [0]', 4, (t) => t.kind === 'float' && t.size === 4],
    ['is64BitFloat(t1)', 'Const64F [0]', 8, (t) => t.kind === 'float' && t.size === 8],
  ]
  for (const [cond, res, n, test] of zeros) {
    const resOp = res.split(' ')[0]!
    r.push(
      rule(`(Load <t1> (OffPtr [o] p1) (Zero [n] p2 _)) && ${cond} && isSamePtr(p1, p2) && n >= o + ${n} => (${res})`, ({ t1, o, p1, n: zn, p2 }) =>
        test(t1) && isSamePtr(p1, p2) && zn >= o + BigInt(n) && op(resOp, { auxInt: resOp === 'ConstBool' ? false : 0 }),
      ),
    )
  }
  return r
}

const isInt = (t: Match[string], n: number): boolean => (t.kind === 'int' || t.kind === 'uint') && t.size === n

/** Stores of what was just loaded from the same place, and stores of zero into zeroed memory. */
export function storeElimination(): RuleDef[] {
  const r: RuleDef[] = [
    rule('(Store {t1} p1 (Load <t2> p2 mem) mem) && isSamePtr(p1, p2) && t2.Size() == t1.Size() => mem', ({ t1, p1, t2, p2, mem }) => isSamePtr(p1, p2) && size(t2) === size(t1) && mem),
  ]
  for (let k = 3; k <= 5; k++) {
    const chain = `mem:${stores(3, k, 'oldmem')}`
    const conds = ['isSamePtr(p1, p2)', 't2.Size() == t1.Size()', ...Array.from({ length: k - 2 }, (_, i) => `disjoint(p1, t1.Size(), p${i + 3}, t${i + 3}.Size())`)]
    r.push(
      rule(`(Store {t1} p1 (Load <t2> p2 oldmem) ${chain}) && ${conds.join(' && ')} => mem`, (m) => {
        if (!isSamePtr(m.p1, m.p2) || size(m.t2) !== size(m.t1)) return null
        for (let i = 3; i <= k; i++) if (!disjoint(m.p1, size(m.t1), m[`p${i}`], size(m[`t${i}`]))) return null
        return m.mem
      }),
    )
  }
  r.push(
    rule('(Store {t} (OffPtr [o] p1) x mem:(Zero [n] p2 _)) && isConstZero(x) && o >= 0 && t.Size() + o <= n && isSamePtr(p1, p2) => mem', ({ t, o, p1, x, mem, n, p2 }) =>
      isConstZero(x) && o >= 0n && bsize(t) + o <= n && isSamePtr(p1, p2) && mem,
    ),
  )
  for (let k = 2; k <= 4; k++) {
    const chain = `mem:${stores(2, k, `(Zero [n] p${k + 1} _)`)}`
    const conds = ['isConstZero(x)', `o1 >= 0 && t1.Size() + o1 <= n && isSamePtr(p1, p${k + 1})`, ...Array.from({ length: k - 1 }, (_, i) => `disjoint(op, t1.Size(), p${i + 2}, t${i + 2}.Size())`)]
    r.push(
      rule(`(Store {t1} op:(OffPtr [o1] p1) x ${chain}) && ${conds.join(' && ')} => mem`, (m) => {
        const { t1, o1, x, n, mem } = m
        return isConstZero(x) && o1 >= 0n && bsize(t1) + o1 <= n && isSamePtr(m.p1, m[`p${k + 1}`]) && disjointFromStores(m, m.op, size(t1), k) && mem
      }),
    )
  }
  return r
}

export function nilChecks(): RuleDef[] {
  return [rule('(NilCheck ptr:(GetG mem) mem) => ptr', ({ ptr }) => ptr)]
}

/** Late-expanded calls: tuples and results read back, fresh allocations known zero and non-nil. */
export function calls(): RuleDef[] {
  const call = '(StaticLECall ___)'
  return [
    rule('(Select0 (MakeTuple x y)) => x', ({ x }) => x),
    rule('(Select1 (MakeTuple x y)) => y', ({ y }) => y),
    rule('(SelectN [n] m:(MakeResult ___)) => m.Args[n]', ({ n, m }) => m.args[Number(n)] ?? null),
    rule(`(Zero (SelectN [0] call:${call}) mem:(SelectN [1] call)) && isMalloc(call.Aux) => mem`, ({ call: c, mem }) => isMalloc(c.aux) && mem),
    rule(`(Store (SelectN [0] call:${call}) x mem:(SelectN [1] call)) && isConstZero(x) && isMalloc(call.Aux) => mem`, ({ call: c, x, mem }) => isConstZero(x) && isMalloc(c.aux) && mem),
    rule(`(Store (OffPtr (SelectN [0] call:${call})) x mem:(SelectN [1] call)) && isConstZero(x) && isMalloc(call.Aux) => mem`, ({ call: c, x, mem }) => isConstZero(x) && isMalloc(c.aux) && mem),
    rule(`(NilCheck ptr:(SelectN [0] call:${call}) _) && isMalloc(call.Aux) && warnRule(fe.Debug_checknil(), v, "removed nil check") => ptr`, ({ call: c, ptr }) => isMalloc(c.aux) && ptr),
    rule(`(NilCheck ptr:(OffPtr (SelectN [0] call:${call})) _) && isMalloc(call.Aux) && warnRule(fe.Debug_checknil(), v, "removed nil check") => ptr`, ({ call: c, ptr }) => isMalloc(c.aux) && ptr),
    rule('(NilCheck ptr:(Addr {_} (SB)) _) => ptr', ({ ptr }) => ptr),
    rule('(NilCheck ptr:(Convert (Addr {_} (SB)) _) _) => ptr', ({ ptr }) => ptr),
    rule('(NilCheck ptr:(LocalAddr _ _) _) && warnRule(fe.Debug_checknil(), v, "removed nil check") => ptr', ({ ptr }) => ptr),
    rule('(NilCheck ptr:(Arg {sym}) _) && isDictArgSym(sym) => ptr', ({ ptr, sym }) => sym?.kind === 'sym' && sym.name === '.dict' && ptr),
    rule('(NilCheck ptr:(NilCheck _ _) _) => ptr', ({ ptr }) => ptr),
  ]
}

/** memclr/memmove calls of known size become Zero/Move; make([]T, 0) points at zerobase. */
export function runtimeCalls(): RuleDef[] {
  const r: RuleDef[] = []
  const u8 = { kind: 'type' as const, type: T.uint8 }
  for (const w of [64, 32]) {
    r.push(
      rule(`(SelectN [0] call:(StaticCall {sym} sptr (Const${w} [c]) mem)) && isInlinableMemclr(config, int64(c)) && isSameCall(sym, "runtime.memclrNoHeapPointers") && call.Uses == 1 && clobber(call) => (Zero {types.Types[types.TUINT8]} [int64(c)] sptr mem)`, ({ env, call: cl, sym, sptr, c, mem }) =>
        isInlinableMemclr(env.arch, c) && isSameCall(sym, 'runtime.memclrNoHeapPointers') && cl.uses === 1 && clobber(cl) && op('Zero', { aux: u8, auxInt: c }, sptr, mem),
      ),
    )
  }
  for (const w of [64, 32]) {
    r.push(
      rule(`(StaticLECall {callAux} _ (Const${w} [0]) (Const${w} [0]) mem) && isSameCall(callAux, "runtime.makeslice") => (MakeResult (Addr <v.Type.FieldType(0)> {ir.Syms.Zerobase} (SB)) mem)`, ({ v, callAux, mem }) => {
        const t0 = v.type.parts?.[0]
        return isSameCall(callAux, 'runtime.makeslice') && t0 !== undefined && op('MakeResult', op('Addr', { type: t0, aux: { kind: 'sym', name: 'runtime.zerobase' } }, op('SB')), mem)
      }),
    )
  }
  for (const w of [64, 32]) {
    r.push(
      rule(`(SelectN [0] call:(StaticCall {sym} s1:(Store _ (Const${w} [sz]) s2:(Store _ src s3:(Store {t} _ dst mem))))) && sz >= 0 && isSameCall(sym, "runtime.memmove") && s1.Uses == 1 && s2.Uses == 1 && s3.Uses == 1 && isInlinableMemmove(dst, src, int64(sz), config) && clobber(s1, s2, s3, call) => (Move {types.Types[types.TUINT8]} [int64(sz)] dst src mem)`, ({ env, call: cl, sym, s1, s2, s3, dst, src, sz, mem }) =>
        sz >= 0n && isSameCall(sym, 'runtime.memmove') && s1.uses === 1 && s2.uses === 1 && s3.uses === 1 && isInlinableMemmove(dst, src, sz, env.arch) && clobber(s1, s2, s3, cl) && op('Move', { aux: u8, auxInt: sz }, dst, src, mem),
      ),
    )
  }
  for (const w of [64, 32]) {
    r.push(
      rule(`(SelectN [0] call:(StaticCall {sym} dst src (Const${w} [sz]) mem)) && sz >= 0 && call.Uses == 1 && isSameCall(sym, "runtime.memmove") && isInlinableMemmove(dst, src, int64(sz), config) && clobber(call) => (Move {types.Types[types.TUINT8]} [int64(sz)] dst src mem)`, ({ env, call: cl, sym, dst, src, sz, mem }) =>
        sz >= 0n && cl.uses === 1 && isSameCall(sym, 'runtime.memmove') && isInlinableMemmove(dst, src, sz, env.arch) && clobber(cl) && op('Move', { aux: u8, auxInt: sz }, dst, src, mem),
      ),
    )
  }
  for (const w of [64, 32]) {
    r.push(
      rule(`(SelectN [0] call:(StaticLECall {sym} dst src (Const${w} [sz]) mem)) && sz >= 0 && call.Uses == 1 && isSameCall(sym, "runtime.memmove") && isInlinableMemmove(dst, src, int64(sz), config) && clobber(call) => (Move {types.Types[types.TUINT8]} [int64(sz)] dst src mem)`, ({ env, call: cl, sym, dst, src, sz, mem }) =>
        sz >= 0n && cl.uses === 1 && isSameCall(sym, 'runtime.memmove') && isInlinableMemmove(dst, src, sz, env.arch) && clobber(cl) && op('Move', { aux: u8, auxInt: sz }, dst, src, mem),
      ),
    )
  }
  return r
}

/** append's growslice: a constant new length need not come back from the call. */
export function growslice(): RuleDef[] {
  const isGrow = (sym: Match[string]): boolean => isSameCall(sym, 'runtime.growslice') || isSameCall(sym, 'runtime.growsliceNoAlias')
  return [
    ...[64, 32].map((w) =>
      rule(`(SliceLen (SelectN [0] (StaticLECall {sym} _ newLen:(Const${w}) _ _ _ _))) && (isSameCall(sym, "runtime.growslice") || isSameCall(sym, "runtime.growsliceNoAlias")) => newLen`, ({ sym, newLen }) => isGrow(sym) && newLen),
    ),
    ...[64, 32].map((w) =>
      rule(`(SelectN [1] (StaticCall {sym} _ newLen:(Const${w}) _ _ _ _)) && v.Type.IsInteger() && (isSameCall(sym, "runtime.growslice") || isSameCall(sym, "runtime.growsliceNoAlias")) => newLen`, ({ v, sym, newLen }) =>
        (v.type.kind === 'int' || v.type.kind === 'uint') && isGrow(sym) && newLen,
      ),
    ),
  ]
}
