// generic.rules, Move and Zero: copies from known zeros become Zeros, stores
// that a Move/Zero overwrites go, a Zero or Move that later stores overwrite
// completely goes, small copies of values just stored are redone from the
// stored values, and A -> B -> C copies through a stack temporary read A.

import type { Value } from '../func'
import type { SsaType } from '../types'
import { op, rule, type Make, type RuleDef } from './dsl'
import { bsize, clobber, disjoint, isInlinableMemmove, isSamePtr, isStackPtr, isVolatile, registerizable, size } from './helpers'

const typ = (t: SsaType) => ({ kind: 'type' as const, type: t })
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i)
const big = (n: number): bigint => BigInt(n)

export function moves(): RuleDef[] {
  const r: RuleDef[] = [
    rule('(Move {t} [n] dst1 src mem:(Zero {t} [n] dst2 _)) && isSamePtr(src, dst2) => (Zero {t} [n] dst1 mem)', ({ t, n, dst1, src, mem, dst2 }) => isSamePtr(src, dst2) && op('Zero', { aux: typ(t), auxInt: n }, dst1, mem)),
    rule('(Move {t} [n] dst1 src mem:(VarDef (Zero {t} [n] dst0 _))) && isSamePtr(src, dst0) => (Zero {t} [n] dst1 mem)', ({ t, n, dst1, src, mem, dst0 }) => isSamePtr(src, dst0) && op('Zero', { aux: typ(t), auxInt: n }, dst1, mem)),
    rule('(Zero {t1} [n] p1 store:(Store {t2} (OffPtr [o2] p2) _ mem)) && isSamePtr(p1, p2) && store.Uses == 1 && n >= o2 + t2.Size() && clobber(store) => (Zero {t1} [n] p1 mem)', ({ t1, n, p1, store, t2, o2, p2, mem }) =>
      isSamePtr(p1, p2) && store.uses === 1 && n >= o2 + bsize(t2) && clobber(store) && op('Zero', { aux: typ(t1), auxInt: n }, p1, mem),
    ),
    rule('(Move {t1} [n] dst1 src1 store:(Store {t2} op:(OffPtr [o2] dst2) _ mem)) && isSamePtr(dst1, dst2) && store.Uses == 1 && n >= o2 + t2.Size() && disjoint(src1, n, op, t2.Size()) && clobber(store) => (Move {t1} [n] dst1 src1 mem)', ({ t1, n, dst1, src1, store, t2, o2, dst2, mem, op: o }) =>
      isSamePtr(dst1, dst2) && store.uses === 1 && n >= o2 + bsize(t2) && disjoint(src1, Number(n), o, size(t2)) && clobber(store) && op('Move', { aux: typ(t1), auxInt: n }, dst1, src1, mem),
    ),
    rule('(Zero {t} [n] dst1 move:(Move {t} [n] dst2 _ mem)) && move.Uses == 1 && isSamePtr(dst1, dst2) && clobber(move) => (Zero {t} [n] dst1 mem)', ({ t, n, dst1, move, dst2, mem }) =>
      move.uses === 1 && isSamePtr(dst1, dst2) && clobber(move) && op('Zero', { aux: typ(t), auxInt: n }, dst1, mem),
    ),
    rule('(Move {t} [n] dst1 src1 move:(Move {t} [n] dst2 _ mem)) && move.Uses == 1 && isSamePtr(dst1, dst2) && disjoint(src1, n, dst2, n) && clobber(move) => (Move {t} [n] dst1 src1 mem)', ({ t, n, dst1, src1, move, dst2, mem }) =>
      move.uses === 1 && isSamePtr(dst1, dst2) && disjoint(src1, Number(n), dst2, Number(n)) && clobber(move) && op('Move', { aux: typ(t), auxInt: n }, dst1, src1, mem),
    ),
    rule('(Zero {t} [n] dst1 vardef:(VarDef {x} move:(Move {t} [n] dst2 _ mem))) && move.Uses == 1 && vardef.Uses == 1 && isSamePtr(dst1, dst2) && clobber(move, vardef) => (Zero {t} [n] dst1 (VarDef {x} mem))', ({ t, n, dst1, vardef, x, move, dst2, mem }) =>
      move.uses === 1 && vardef.uses === 1 && isSamePtr(dst1, dst2) && clobber(move, vardef) && op('Zero', { aux: typ(t), auxInt: n }, dst1, op('VarDef', { aux: x }, mem)),
    ),
    rule('(Move {t} [n] dst1 src1 vardef:(VarDef {x} move:(Move {t} [n] dst2 _ mem))) && move.Uses == 1 && vardef.Uses == 1 && isSamePtr(dst1, dst2) && disjoint(src1, n, dst2, n) && clobber(move, vardef) => (Move {t} [n] dst1 src1 (VarDef {x} mem))', ({ t, n, dst1, src1, vardef, x, move, dst2, mem }) =>
      move.uses === 1 && vardef.uses === 1 && isSamePtr(dst1, dst2) && disjoint(src1, Number(n), dst2, Number(n)) && clobber(move, vardef) && op('Move', { aux: typ(t), auxInt: n }, dst1, src1, op('VarDef', { aux: x }, mem)),
    ),
    ...overwrittenBy('Move'),
    rule('(Move {t} [n] dst1 src1 zero:(Zero {t} [n] dst2 mem)) && zero.Uses == 1 && isSamePtr(dst1, dst2) && disjoint(src1, n, dst2, n) && clobber(zero) => (Move {t} [n] dst1 src1 mem)', ({ t, n, dst1, src1, zero, dst2, mem }) =>
      zero.uses === 1 && isSamePtr(dst1, dst2) && disjoint(src1, Number(n), dst2, Number(n)) && clobber(zero) && op('Move', { aux: typ(t), auxInt: n }, dst1, src1, mem),
    ),
    rule('(Move {t} [n] dst1 src1 vardef:(VarDef {x} zero:(Zero {t} [n] dst2 mem))) && zero.Uses == 1 && vardef.Uses == 1 && isSamePtr(dst1, dst2) && disjoint(src1, n, dst2, n) && clobber(zero, vardef) => (Move {t} [n] dst1 src1 (VarDef {x} mem))', ({ t, n, dst1, src1, vardef, x, zero, dst2, mem }) =>
      zero.uses === 1 && vardef.uses === 1 && isSamePtr(dst1, dst2) && disjoint(src1, Number(n), dst2, Number(n)) && clobber(zero, vardef) && op('Move', { aux: typ(t), auxInt: n }, dst1, src1, op('VarDef', { aux: x }, mem)),
    ),
    ...overwrittenBy('Zero'),
    ...fromRegisters(false),
    ...fromRegisters(true),
    ...zeroThenStore(false),
    ...zeroThenStore(true),
  ]
  return r
}

/**
 * `(Store {t1} op1:(OffPtr [o1] p1) d1 m2:(Store … m3:(Move [n] p3 _ mem)))`: k stores that
 * together cover what a Move (or Zero) just wrote make it dead.
 */
function overwrittenBy(kind: 'Move' | 'Zero'): RuleDef[] {
  const r: RuleDef[] = []
  for (const k of [2, 3, 4]) {
    const last = k + 1
    let pat = kind === 'Move' ? `m${last}:(Move [n] p${last} _ mem)` : `m${last}:(Zero [n] p${last} mem)`
    for (let i = k; i >= 2; i--) pat = `m${i}:(Store {t${i}} op${i}:(OffPtr [${i === k ? '0' : `o${i}`}] p${i}) d${i} ${pat})`
    pat = `(Store {t1} op1:(OffPtr [o1] p1) d1 ${pat})`
    const ms = range(2, last)
    const conds = [
      ms.map((i) => `m${i}.Uses == 1`).join(' && '),
      ...range(1, k - 1).reverse().map((i) => (i === k - 1 ? `o${i} == t${k}.Size()` : `o${i}-o${i + 1} == t${i + 1}.Size()`)),
      `n == ${range(1, k).reverse().map((i) => `t${i}.Size()`).join(' + ')}`,
      range(1, k).map((i) => `isSamePtr(p${i}, p${i + 1})`).join(' && '),
      `clobber(${ms.map((i) => `m${i}`).join(', ')})`,
    ]
    let res = 'mem'
    for (let i = k; i >= 1; i--) res = `(Store {t${i}} op${i} d${i} ${res})`
    r.push(
      rule(`${pat} && ${conds.join(' && ')} => ${res}`, (m) => {
        if (!ms.every((i) => m[`m${i}`].uses === 1)) return null
        for (let i = 1; i < k; i++) {
          const next = i === k - 1 ? 0n : m[`o${i + 1}`]
          if ((m[`o${i}`] as bigint) - (next as bigint) !== bsize(m[`t${i + 1}`])) return null
        }
        if (m.n !== big(range(1, k).reduce((a, i) => a + size(m[`t${i}`]), 0))) return null
        if (!range(1, k).every((i) => isSamePtr(m[`p${i}`], m[`p${i + 1}`]))) return null
        clobber(...ms.map((i) => m[`m${i}`] as Value))
        let out: Value | Make = m.mem
        for (let i = k; i >= 1; i--) out = op('Store', { aux: typ(m[`t${i}`]) }, m[`op${i}`], m[`d${i}`], out)
        return out
      }),
    )
  }
  return r
}

/**
 * A small Move from memory the previous stores just filled is redone as stores of
 * the same (register) values: `(Move {t1} [n] dst p1 mem:(Store {t2} op2:(OffPtr <tt2> [o2] p2) d1 …))`.
 */
function fromRegisters(vardef: boolean): RuleDef[] {
  const r: RuleDef[] = []
  for (const k of [2, 3, 4]) {
    const ids = range(2, k + 1)
    let chain = '_'
    for (let j = ids.length - 1; j >= 0; j--) {
      const i = ids[j]!
      chain = `(Store {t${i}} op${i}:(OffPtr <tt${i}> [${j === ids.length - 1 ? '0' : `o${i}`}] p${i}) d${i - 1} ${chain})`
    }
    const memPat = vardef ? `(VarDef ${chain})` : chain
    const conds = [
      range(1, k).map((i) => `isSamePtr(p${i}, p${i + 1})`).join(' && '),
      ...ids.map((i) => `t${i}.Alignment() <= t1.Alignment()`),
      ...ids.map((i) => `registerizable(b, t${i})`),
      ...ids.slice(0, -1).reverse().map((i) => (i === k ? `o${i} == t${i + 1}.Size()` : `o${i}-o${i + 1} == t${i + 1}.Size()`)),
      `n == ${ids.map((i) => `t${i}.Size()`).join(' + ')}`,
    ]
    let res = 'mem'
    for (let j = ids.length - 1; j >= 0; j--) {
      const i = ids[j]!
      res = `(Store {t${i}} (OffPtr <tt${i}> [${j === ids.length - 1 ? '0' : `o${i}`}] dst) d${i - 1} ${res})`
    }
    r.push(
      rule(`(Move {t1} [n] dst p1 mem:${memPat}) && ${conds.join(' && ')} => ${res}`, (m) => {
        const t1: SsaType = m.t1
        if (!range(1, k).every((i) => isSamePtr(m[`p${i}`], m[`p${i + 1}`]))) return null
        if (!ids.every((i) => m[`t${i}`].align <= t1.align && registerizable(m[`t${i}`]))) return null
        const off = (i: number): bigint => (i === k + 1 ? 0n : m[`o${i}`])
        for (const i of ids.slice(0, -1)) if (off(i) - off(i + 1) !== bsize(m[`t${i + 1}`])) return null
        if (m.n !== big(ids.reduce((a, i) => a + size(m[`t${i}`]), 0))) return null
        // The copy's bytes are the stored values: store them again, after the matched stores.
        let out: Value | Make = m.mem
        for (let j = ids.length - 1; j >= 0; j--) {
          const i = ids[j]!
          out = op('Store', { aux: typ(m[`t${i}`]) }, op('OffPtr', { type: m[`tt${i}`], auxInt: off(i) }, m.dst), m[`d${i - 1}`], out)
        }
        return out
      }),
    )
  }
  return r
}

/** A Move from memory that is a Zero plus a few stores becomes that Zero plus the stores. */
function zeroThenStore(vardef: boolean): RuleDef[] {
  const r: RuleDef[] = []
  for (const k of [1, 2, 3, 4]) {
    const ids = range(2, k + 1)
    const z = k + 2
    let chain = `(Zero {t${z}} [n] p${z} _)`
    for (let j = ids.length - 1; j >= 0; j--) {
      const i = ids[j]!
      const bind = k === 1 ? `op${i}:` : ''
      chain = `(Store {t${i}} ${bind}(OffPtr <tt${i}> [o${i}] p${i}) d${i - 1} ${chain})`
    }
    const memPat = vardef ? `(VarDef ${chain})` : chain
    const conds = [
      range(1, z - 1).map((i) => `isSamePtr(p${i}, p${i + 1})`).join(' && '),
      ...[...ids, z].map((i) => `t${i}.Alignment() <= t1.Alignment()`),
      ...ids.map((i) => `registerizable(b, t${i})`),
      ...ids.map((i) => `n >= o${i} + t${i}.Size()`),
    ]
    let res = `(Zero {t1} [n] dst mem)`
    for (let j = ids.length - 1; j >= 0; j--) {
      const i = ids[j]!
      res = `(Store {t${i}} (OffPtr <tt${i}> [o${i}] dst) d${i - 1} ${res})`
    }
    r.push(
      rule(`(Move {t1} [n] dst p1 mem:${memPat}) && ${conds.join(' && ')} => ${res}`, (m) => {
        const t1: SsaType = m.t1
        if (!range(1, z - 1).every((i) => isSamePtr(m[`p${i}`], m[`p${i + 1}`]))) return null
        if (![...ids, z].every((i) => m[`t${i}`].align <= t1.align)) return null
        if (!ids.every((i) => registerizable(m[`t${i}`]) && m.n >= m[`o${i}`] + bsize(m[`t${i}`]))) return null
        let out: Value | Make = op('Zero', { aux: typ(t1), auxInt: m.n }, m.dst, m.mem)
        for (let j = ids.length - 1; j >= 0; j--) {
          const i = ids[j]!
          out = op('Store', { aux: typ(m[`t${i}`]) }, op('OffPtr', { type: m[`tt${i}`], auxInt: m[`o${i}`] }, m.dst), m[`d${i - 1}`], out)
        }
        return out
      }),
    )
  }
  return r
}

/** Later in generic.rules: A -> B -> C copies, double zeroing, self-moves. */
export function moveChains(): RuleDef[] {
  return [
    rule('(Move {t1} [s] dst tmp1 midmem:(Move {t2} [s] tmp2 src _)) && t1.Compare(t2) == types.CMPeq && isSamePtr(tmp1, tmp2) && isStackPtr(src) && !isVolatile(src) && disjoint(src, s, tmp2, s) && (disjoint(src, s, dst, s) || isInlinableMemmove(dst, src, s, config)) => (Move {t1} [s] dst src midmem)', ({ env, t1, t2, s, dst, tmp1, tmp2, src, midmem }) =>
      t1 === t2 && isSamePtr(tmp1, tmp2) && isStackPtr(src) && !isVolatile(src) && disjoint(src, Number(s), tmp2, Number(s)) && (disjoint(src, Number(s), dst, Number(s)) || isInlinableMemmove(dst, src, s, env.arch)) && op('Move', { aux: typ(t1), auxInt: s }, dst, src, midmem),
    ),
    rule('(Move {t1} [s] dst tmp1 midmem:(VarDef (Move {t2} [s] tmp2 src _))) && t1.Compare(t2) == types.CMPeq && isSamePtr(tmp1, tmp2) && isStackPtr(src) && !isVolatile(src) && disjoint(src, s, tmp2, s) && (disjoint(src, s, dst, s) || isInlinableMemmove(dst, src, s, config)) => (Move {t1} [s] dst src midmem)', ({ env, t1, t2, s, dst, tmp1, tmp2, src, midmem }) =>
      t1 === t2 && isSamePtr(tmp1, tmp2) && isStackPtr(src) && !isVolatile(src) && disjoint(src, Number(s), tmp2, Number(s)) && (disjoint(src, Number(s), dst, Number(s)) || isInlinableMemmove(dst, src, s, env.arch)) && op('Move', { aux: typ(t1), auxInt: s }, dst, src, midmem),
    ),
    rule('(Zero {t} [s] dst1 zero:(Zero {t} [s] dst2 _)) && isSamePtr(dst1, dst2) => zero', ({ dst1, dst2, zero }) => isSamePtr(dst1, dst2) && zero),
    rule('(Zero {t} [s] dst1 vardef:(VarDef (Zero {t} [s] dst2 _))) && isSamePtr(dst1, dst2) => vardef', ({ dst1, dst2, vardef }) => isSamePtr(dst1, dst2) && vardef),
    rule('(Move dst src mem) && isSamePtr(dst, src) => mem', ({ dst, src, mem }) => isSamePtr(dst, src) && mem),
  ]
}
