// generic.rules, comparisons and booleans: bounds checks with constants and
// masked indexes, x==x, comparisons against numeric bounds, `Not` folded
// into the comparison it negates, pointer comparisons, nil checks of
// addresses, and the boolean identities.

import { op, rule, type Match, type RuleDef } from './dsl'
import type { Value } from '../func'
import { T, type SsaType } from '../types'
import { auxEqual, isNonNegative, isSamePtr, oneBit, uint, wrap } from './helpers'

const W = [64, 32, 16, 8] as const
const TRUE = () => op('ConstBool', { auxInt: true })
const FALSE = () => op('ConstBool', { auxInt: false })

export function bounds(): RuleDef[] {
  const r: RuleDef[] = []
  for (const [from, to] of [[8, 32], [8, 64], [16, 32], [16, 64]] as const) {
    r.push(rule(`(IsInBounds (ZeroExt${from}to${to} _) (Const${to} [c])) && (1 << ${from}) <= c => (ConstBool [true])`, ({ c }) => 1n << BigInt(from) <= c && TRUE()))
  }
  r.push(rule('(IsInBounds x x) => (ConstBool [false])', FALSE))
  const masked: [number, number][] = [[8, 8], [8, 16], [8, 32], [8, 64], [16, 16], [16, 32], [16, 64], [32, 32], [32, 64], [64, 64]]
  for (const [a, l] of masked) {
    const and = `(And${a} (Const${a} [c]) _)`
    const idx = a === l ? and : `(ZeroExt${a}to${l} ${and})`
    const cond = a === l ? 'c < d' : `int${l}(c) < d`
    r.push(rule(`(IsInBounds ${idx} (Const${l} [d])) && 0 <= c && ${cond} => (ConstBool [true])`, ({ c, d }) => c >= 0n && c < d && TRUE()))
  }
  for (const w of [32, 64]) r.push(rule(`(IsInBounds (Const${w} [c]) (Const${w} [d])) => (ConstBool [0 <= c && c < d])`, ({ c, d }) => op('ConstBool', { auxInt: c >= 0n && c < d })))
  for (const w of [32, 64]) r.push(rule(`(IsInBounds (Mod${w}u _ y) y) => (ConstBool [true])`, TRUE))
  const shifted: [number, number | null, number][] = [[8, 64, 64], [8, 32, 32], [8, 16, 16], [8, null, 64], [16, 64, 64], [16, 32, 64], [16, null, 64], [32, 64, 64], [32, null, 64], [64, null, 64]]
  for (const [w, ext, l] of shifted) {
    const sh = `(Rsh${w}Ux64 _ (Const64 [c]))`
    const idx = ext === null ? sh : `(ZeroExt${w}to${ext} ${sh})`
    const pad = w < 10 ? ' ' : ''
    r.push(
      rule(`(IsInBounds ${idx} (Const${l} [d])) && 0 < c && c < ${w} && 1<<uint(${pad}${w}-c)-1 < d => (ConstBool [true])`, ({ c, d }) => c > 0n && c < BigInt(w) && (1n << (BigInt(w) - c)) - 1n < d && TRUE()),
    )
  }
  r.push(rule('(IsSliceInBounds x x) => (ConstBool [true])', TRUE))
  for (const w of [32, 64]) r.push(rule(`(IsSliceInBounds (And${w} (Const${w} [c]) _) (Const${w} [d])) && 0 <= c && c <= d => (ConstBool [true])`, ({ c, d }) => c >= 0n && c <= d && TRUE()))
  for (const w of [32, 64]) r.push(rule(`(IsSliceInBounds (Const${w} [0]) _) => (ConstBool [true])`, TRUE))
  for (const w of [32, 64]) r.push(rule(`(IsSliceInBounds (Const${w} [c]) (Const${w} [d])) => (ConstBool [0 <= c && c <= d])`, ({ c, d }) => op('ConstBool', { auxInt: c >= 0n && c <= d })))
  r.push(rule('(IsSliceInBounds (SliceLen x) (SliceCap x)) => (ConstBool [true])', TRUE))
  return r
}

export function equalities(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of W) r.push(rule(`(Eq${w} x x) => (ConstBool [true])`, TRUE))
  r.push(
    rule('(EqB (ConstBool [c]) (ConstBool [d])) => (ConstBool [c == d])', ({ c, d }) => op('ConstBool', { auxInt: c === d })),
    rule('(EqB (ConstBool [false]) x) => (Not x)', ({ x }) => op('Not', x)),
    rule('(EqB (ConstBool [true]) x) => x', ({ x }) => x),
  )
  for (const w of W) r.push(rule(`(Neq${w} x x) => (ConstBool [false])`, FALSE))
  r.push(
    rule('(NeqB (ConstBool [c]) (ConstBool [d])) => (ConstBool [c != d])', ({ c, d }) => op('ConstBool', { auxInt: c !== d })),
    rule('(NeqB (ConstBool [false]) x) => x', ({ x }) => x),
    rule('(NeqB (ConstBool [true]) x) => (Not x)', ({ x }) => op('Not', x)),
    rule('(NeqB (Not x) (Not y)) => (NeqB x y)', ({ x, y }) => op('NeqB', x, y)),
  )
  for (const cmp of ['Eq', 'Neq']) {
    for (const w of W) {
      r.push(rule(`(${cmp}${w} (Const${w} <t> [c]) (Add${w} (Const${w} <t> [d]) x)) => (${cmp}${w} (Const${w} <t> [c-d]) x)`, ({ t, c, d, x }) => op(`${cmp}${w}`, op(`Const${w}`, { type: t, auxInt: c - d }), x)))
    }
  }
  r.push(
    rule('(CondSelect x _ (ConstBool [true])) => x', ({ x }) => x),
    rule('(CondSelect _ y (ConstBool [false])) => y', ({ y }) => y),
    rule('(CondSelect x x _) => x', ({ x }) => x),
  )
  return r
}

/**
 * Two-sided range checks become one unsigned comparison:
 * `c <= x && x < d` is `uint(x-c) < uint(d-c)`; `c < x || x < d` likewise with OrB.
 */
export function ranges(): RuleDef[] {
  const r: RuleDef[] = []
  const LL = ['Less', 'Leq'] as const
  const sub = (w: number, x: Value, c: bigint) => op(`Sub${w}`, { type: x.type }, x, op(`Const${w}`, { type: x.type, auxInt: c }))
  const K = (w: number, x: Value, c: bigint) => op(`Const${w}`, { type: x.type, auxInt: c })
  type B = Match & { c: bigint; d: bigint }
  // AndB: lower bound (inclusive or not), then upper bound.
  for (const [lower, u] of [['Leq', ''], ['Less', ''], ['Leq', 'U'], ['Less', 'U']] as const) {
    for (const w of W) {
      for (const cmp of LL) {
        const lo = (c: bigint): bigint => (lower === 'Leq' ? c : wrap(w, c + 1n))
        const cc = lower === 'Leq' ? 'c' : 'c+1'
        const dc = lower === 'Leq' ? 'd-c' : 'd-c-1'
        const U = (x: string) => (u ? `uint${w}(${x})` : x)
        const cond = lower === 'Leq' ? `${U('d')} >= ${U('c')}` : `${U('d')} >= ${U('c+1')} && ${U('c+1')} > ${U('c')}`
        const ge = (a: bigint, b: bigint) => (u ? uint(w, a) >= uint(w, b) : a >= b)
        const gt = (a: bigint, b: bigint) => (u ? uint(w, a) > uint(w, b) : a > b)
        r.push(
          rule(`(AndB (${lower}${w}${u} (Const${w} [c]) x) (${cmp}${w}${u} x (Const${w} [d]))) && ${cond} => (${cmp}${w}U (Sub${w} <x.Type> x (Const${w} <x.Type> [${cc}])) (Const${w} <x.Type> [${dc}]))`, ({ c, d, x }: B) =>
            ge(d, lo(c)) && (lower === 'Leq' || gt(lo(c), c)) && op(`${cmp}${w}U`, sub(w, x, lo(c)), K(w, x, d - lo(c))),
          ),
        )
      }
    }
  }
  // OrB: below the range, or above it.
  for (const [upper, u] of [['Less', ''], ['Leq', ''], ['Less', 'U'], ['Leq', 'U']] as const) {
    for (const w of W) {
      for (const cmp of LL) {
        const hi = (d: bigint): bigint => (upper === 'Less' ? d : wrap(w, d + 1n))
        const cd = upper === 'Less' ? 'c-d' : 'c-d-1'
        const dd = upper === 'Less' ? 'd' : 'd+1'
        const U = (x: string) => (u ? `uint${w}(${x})` : x)
        const cond = upper === 'Less' ? `${U('c')} >= ${U('d')}` : `${U('c')} >= ${U('d+1')} && ${U('d+1')} > ${U('d')}`
        const ge = (a: bigint, b: bigint) => (u ? uint(w, a) >= uint(w, b) : a >= b)
        const gt = (a: bigint, b: bigint) => (u ? uint(w, a) > uint(w, b) : a > b)
        r.push(
          rule(`(OrB (${cmp}${w}${u} (Const${w} [c]) x) (${upper}${w}${u} x (Const${w} [d]))) && ${cond} => (${cmp}${w}U (Const${w} <x.Type> [${cd}]) (Sub${w} <x.Type> x (Const${w} <x.Type> [${dd}])))`, ({ c, d, x }: B) =>
            ge(c, hi(d)) && (upper === 'Less' || gt(hi(d), d)) && op(`${cmp}${w}U`, K(w, x, c - hi(d)), sub(w, x, hi(d))),
          ),
        )
      }
    }
  }
  return r
}

/** `x != x || x < c` (a NaN check plus a comparison) is one negated comparison. */
export function nanChecks(): RuleDef[] {
  const r: RuleDef[] = []
  const flip = { Less: 'Leq', Leq: 'Less' } as const
  const forms: [number, string, string][] = [
    [64, 'x', ''], [32, 'x', ''], [64, 'abs:(Abs x)', 'abs'], [64, 'neg:(Neg64F x)', 'neg'], [32, 'neg:(Neg32F x)', 'neg'],
  ]
  for (const [w, lhs, name] of forms) {
    const xv = name || 'x'
    for (const cmp of ['Less', 'Leq'] as const) {
      r.push(rule(`(OrB (Neq${w}F x x) (${cmp}${w}F ${lhs} y:(Const${w}F [c]))) => (Not (${flip[cmp]}${w}F y ${xv}))`, (m) => op('Not', op(`${flip[cmp]}${w}F`, m.y, m[xv]))))
    }
    for (const cmp of ['Less', 'Leq'] as const) {
      r.push(rule(`(OrB (Neq${w}F x x) (${cmp}${w}F y:(Const${w}F [c]) ${lhs})) => (Not (${flip[cmp]}${w}F ${xv} y))`, (m) => op('Not', op(`${flip[cmp]}${w}F`, m[xv], m.y))))
    }
  }
  return r
}

/** ( x != c && x != d ) -> ( x|(c^d) != c ) and its Or/Eq twin, when c and d differ in one bit. */
export function singleBit(): RuleDef[] {
  const r: RuleDef[] = []
  for (const [outer, cmp] of [['AndB', 'Neq'], ['OrB', 'Eq']] as const) {
    for (const w of W) {
      r.push(
        rule(`(${outer} (${cmp}${w} x cv:(Const${w} [c])) (${cmp}${w} x (Const${w} [d]))) && c|d == c && oneBit(c^d) => (${cmp}${w} (Or${w} <x.Type> x (Const${w} <x.Type> [c^d])) cv)`, ({ x, cv, c, d }: Match & { c: bigint; d: bigint }) =>
          (c | d) === c && oneBit(c ^ d) && op(`${cmp}${w}`, op(`Or${w}`, { type: x.type }, x, op(`Const${w}`, { type: x.type, auxInt: c ^ d })), cv),
        ),
      )
    }
  }
  return r
}

/** `!(a < b)` is `b <= a`, and so on: Not disappears into the comparison. */
export function notComparisons(): RuleDef[] {
  const r: RuleDef[] = []
  const kinds = ['64', '32', '16', '8', 'B', 'Ptr', '64F', '32F']
  for (const k of kinds) r.push(rule(`(Not (Eq${k} x y)) => (Neq${k} x y)`, ({ x, y }) => op(`Neq${k}`, x, y)))
  for (const k of kinds) r.push(rule(`(Not (Neq${k} x y)) => (Eq${k} x y)`, ({ x, y }) => op(`Eq${k}`, x, y)))
  for (const [from, to] of [['Less', 'Leq'], ['Leq', 'Less']]) {
    for (const u of ['', 'U']) {
      for (const w of W) r.push(rule(`(Not (${from}${w}${u} x y)) => (${to}${w}${u} y x)`, ({ x, y }) => op(`${to}${w}${u}`, y, x)))
    }
  }
  return r
}

/** Comparisons whose answer the operand's form already gives, and the canonical "compare with zero". */
export function boundComparisons(): RuleDef[] {
  const r: RuleDef[] = []
  const K = (w: number, t: unknown, c: bigint) => op(`Const${w}`, { type: t as never, auxInt: c })
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Leq${w} (Const${w} [0]) (And${w} _ (Const${w} [c]))) && c >= 0 => (ConstBool [true])`, ({ c }) => c >= 0n && TRUE()))
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Leq${w} (Const${w} [0]) (Rsh${w}Ux64 _ (Const64 [c]))) && c > 0 => (ConstBool [true])`, ({ c }) => c > 0n && TRUE()))
  for (const w of W) r.push(rule(`(Less${w} (Const${w} <t> [0]) x) && isNonNegative(x) => (Neq${w} (Const${w} <t> [0]) x)`, ({ t, x }) => isNonNegative(x) && op(`Neq${w}`, K(w, t, 0n), x)))
  for (const w of W) r.push(rule(`(Less${w} x (Const${w} <t> [1])) && isNonNegative(x) => (Eq${w} (Const${w} <t> [0]) x)`, ({ t, x }) => isNonNegative(x) && op(`Eq${w}`, K(w, t, 0n), x)))
  for (const w of W) r.push(rule(`(Less${w}U x (Const${w} <t> [1])) => (Eq${w} (Const${w} <t> [0]) x)`, ({ t, x }) => op(`Eq${w}`, K(w, t, 0n), x)))
  for (const w of W) r.push(rule(`(Leq${w}U (Const${w} <t> [1]) x) => (Neq${w} (Const${w} <t> [0]) x)`, ({ t, x }) => op(`Neq${w}`, K(w, t, 0n), x)))
  for (const w of W) r.push(rule(`(Less${w} x (Const${w} <t> [1])) => (Leq${w} x (Const${w} <t> [0]))`, ({ t, x }) => op(`Leq${w}`, x, K(w, t, 0n))))
  for (const w of W) r.push(rule(`(Leq${w} x (Const${w} <t> [-1])) => (Less${w} x (Const${w} <t> [0]))`, ({ t, x }) => op(`Less${w}`, x, K(w, t, 0n))))
  for (const w of W) r.push(rule(`(Leq${w} (Const${w} <t> [1]) x) => (Less${w} (Const${w} <t> [0]) x)`, ({ t, x }) => op(`Less${w}`, K(w, t, 0n), x)))
  for (const w of W) r.push(rule(`(Less${w} (Const${w} <t> [-1]) x) => (Leq${w} (Const${w} <t> [0]) x)`, ({ t, x }) => op(`Leq${w}`, K(w, t, 0n), x)))
  return r
}

/** Comparisons against the ends of a type's range fold or become equalities. */
export function numericBounds(): RuleDef[] {
  const r: RuleDef[] = []
  const K = (w: number, t: unknown, c: bigint) => op(`Const${w}`, { type: t as never, auxInt: c })
  const pad = (w: number) => (w === 8 ? ' ' : '')
  for (const w of W) r.push(rule(`(Less${w}U _ (Const${w} [0])) => (ConstBool [false])`, FALSE))
  for (const w of W) r.push(rule(`(Leq${w}U (Const${w} [0]) _) => (ConstBool [true])`, TRUE))
  for (const w of W) r.push(rule(`(Less${w}U (Const${w} [-1]) _) => (ConstBool [false])`, FALSE))
  for (const w of W) r.push(rule(`(Leq${w}U _ (Const${w} [-1])) => (ConstBool [true])`, TRUE))
  for (const w of W) r.push(rule(`(Less${w} _ (Const${w} [math.MinInt${w}${pad(w)}])) => (ConstBool [false])`, FALSE))
  for (const w of W) r.push(rule(`(Leq${w} (Const${w} [math.MinInt${w}${pad(w)}]) _) => (ConstBool [true])`, TRUE))
  for (const w of W) r.push(rule(`(Less${w} (Const${w} [math.MaxInt${w}${pad(w)}]) _) => (ConstBool [false])`, FALSE))
  for (const w of W) r.push(rule(`(Leq${w} _ (Const${w} [math.MaxInt${w}${pad(w)}])) => (ConstBool [true])`, TRUE))
  for (const w of W) r.push(rule(`(Leq${w}U x c:(Const${w} [0])) => (Eq${w} x c)`, ({ x, c }) => op(`Eq${w}`, x, c)))
  for (const w of W) r.push(rule(`(Leq${w}U c:(Const${w} [-1]) x) => (Eq${w} x c)`, ({ x, c }) => op(`Eq${w}`, x, c)))
  for (const w of W) r.push(rule(`(Less${w}U x (Const${w} <t> [1])) => (Eq${w} x (Const${w} <t> [0]))`, ({ t, x }) => op(`Eq${w}`, x, K(w, t, 0n))))
  for (const w of W) r.push(rule(`(Less${w}U (Const${w} <t> [-2]) x) => (Eq${w} x (Const${w} <t> [-1]))`, ({ t, x }) => op(`Eq${w}`, x, K(w, t, -1n))))
  const min = (w: number) => -(1n << BigInt(w - 1))
  const max = (w: number) => (1n << BigInt(w - 1)) - 1n
  for (const w of W) r.push(rule(`(Leq${w} x c:(Const${w} [math.MinInt${w}${pad(w)}])) => (Eq${w} x c)`, ({ x, c }) => op(`Eq${w}`, x, c)))
  for (const w of W) r.push(rule(`(Leq${w} c:(Const${w} [math.MaxInt${w}${pad(w)}]) x) => (Eq${w} x c)`, ({ x, c }) => op(`Eq${w}`, x, c)))
  for (const w of W) r.push(rule(`(Less${w} x (Const${w} <t> [math.MinInt${w}${pad(w)}+1])) => (Eq${w} x (Const${w} <t> [math.MinInt${w}${pad(w)}]))`, ({ t, x }) => op(`Eq${w}`, x, K(w, t, min(w)))))
  for (const w of W) r.push(rule(`(Less${w} (Const${w} <t> [math.MaxInt${w}${pad(w)}-1]) x) => (Eq${w} x (Const${w} <t> [math.MaxInt${w}${pad(w)}]))`, ({ t, x }) => op(`Eq${w}`, x, K(w, t, max(w)))))
  return r
}

/** (x-y == 0) => x == y, and single-bit tests written as x&y == y. */
export function zeroTests(): RuleDef[] {
  const r: RuleDef[] = []
  for (const cmp of ['Eq', 'Neq']) {
    for (const w of [8, 16, 32, 64]) r.push(rule(`(${cmp}${w} s:(Sub${w} x y) (Const${w} [0])) && s.Uses == 1 => (${cmp}${w} x y)`, ({ s, x, y }) => s.uses === 1 && op(`${cmp}${w}`, x, y)))
  }
  for (const [cmp, to] of [['Eq', 'Neq'], ['Neq', 'Eq']]) {
    for (const w of [8, 16, 32, 64]) {
      r.push(
        rule(`(${cmp}${w} (And${w} <t> x (Const${w} <t> [y])) (Const${w} <t> [y])) && oneBit(y) => (${to}${w} (And${w} <t> x (Const${w} <t> [y])) (Const${w} <t> [0]))`, ({ t, x, y }) =>
          oneBit(y) && op(`${to}${w}`, op(`And${w}`, { type: t }, x, op(`Const${w}`, { type: t, auxInt: y })), op(`Const${w}`, { type: t, auxInt: 0n })),
        ),
      )
    }
  }
  return r
}

/** Address comparisons: same symbol, same base with offsets, nil. */
export function pointerComparisons(): RuleDef[] {
  const same = auxEqual
  const r: RuleDef[] = [
    rule('(EqPtr x x) => (ConstBool [true])', TRUE),
    rule('(NeqPtr x x) => (ConstBool [false])', FALSE),
  ]
  for (const [base, args] of [['Addr', '_'], ['LocalAddr', '_ _']]) {
    r.push(
      rule(`(EqPtr (${base} {x} ${args}) (${base} {y} ${args})) => (ConstBool [x == y])`, ({ x, y }) => op('ConstBool', { auxInt: same(x, y) })),
      rule(`(EqPtr (${base} {x} ${args}) (OffPtr [o] (${base} {y} ${args}))) => (ConstBool [x == y && o == 0])`, ({ x, y, o }) => op('ConstBool', { auxInt: same(x, y) && o === 0n })),
      rule(`(EqPtr (OffPtr [o1] (${base} {x} ${args})) (OffPtr [o2] (${base} {y} ${args}))) => (ConstBool [x == y && o1 == o2])`, ({ x, y, o1, o2 }) => op('ConstBool', { auxInt: same(x, y) && o1 === o2 })),
      rule(`(NeqPtr (${base} {x} ${args}) (${base} {y} ${args})) => (ConstBool [x != y])`, ({ x, y }) => op('ConstBool', { auxInt: !same(x, y) })),
      rule(`(NeqPtr (${base} {x} ${args}) (OffPtr [o] (${base} {y} ${args}))) => (ConstBool [x != y || o != 0])`, ({ x, y, o }) => op('ConstBool', { auxInt: !same(x, y) || o !== 0n })),
      rule(`(NeqPtr (OffPtr [o1] (${base} {x} ${args})) (OffPtr [o2] (${base} {y} ${args}))) => (ConstBool [x != y || o1 != o2])`, ({ x, y, o1, o2 }) => op('ConstBool', { auxInt: !same(x, y) || o1 !== o2 })),
    )
  }
  r.push(
    rule('(EqPtr (OffPtr [o1] p1) p2) && isSamePtr(p1, p2) => (ConstBool [o1 == 0])', ({ o1, p1, p2 }) => isSamePtr(p1, p2) && op('ConstBool', { auxInt: o1 === 0n })),
    rule('(NeqPtr (OffPtr [o1] p1) p2) && isSamePtr(p1, p2) => (ConstBool [o1 != 0])', ({ o1, p1, p2 }) => isSamePtr(p1, p2) && op('ConstBool', { auxInt: o1 !== 0n })),
    rule('(EqPtr (OffPtr [o1] p1) (OffPtr [o2] p2)) && isSamePtr(p1, p2) => (ConstBool [o1 == o2])', ({ o1, o2, p1, p2 }) => isSamePtr(p1, p2) && op('ConstBool', { auxInt: o1 === o2 })),
    rule('(NeqPtr (OffPtr [o1] p1) (OffPtr [o2] p2)) && isSamePtr(p1, p2) => (ConstBool [o1 != o2])', ({ o1, o2, p1, p2 }) => isSamePtr(p1, p2) && op('ConstBool', { auxInt: o1 !== o2 })),
  )
  for (const w of [32, 64]) r.push(rule(`(EqPtr (Const${w} [c]) (Const${w} [d])) => (ConstBool [c == d])`, ({ c, d }) => op('ConstBool', { auxInt: c === d })))
  for (const w of [32, 64]) r.push(rule(`(NeqPtr (Const${w} [c]) (Const${w} [d])) => (ConstBool [c != d])`, ({ c, d }) => op('ConstBool', { auxInt: c !== d })))
  r.push(
    rule('(EqPtr (Convert (Addr {x} _) _) (Addr {y} _)) => (ConstBool [x==y])', ({ x, y }) => op('ConstBool', { auxInt: same(x, y) })),
    rule('(NeqPtr (Convert (Addr {x} _) _) (Addr {y} _)) => (ConstBool [x!=y])', ({ x, y }) => op('ConstBool', { auxInt: !same(x, y) })),
  )
  for (const [cmp, res] of [['EqPtr', FALSE], ['NeqPtr', TRUE]] as const) {
    r.push(
      rule(`(${cmp} (LocalAddr _ _) (Addr _)) => (ConstBool [${cmp === 'EqPtr' ? 'false' : 'true'}])`, res),
      rule(`(${cmp} (OffPtr (LocalAddr _ _)) (Addr _)) => (ConstBool [${cmp === 'EqPtr' ? 'false' : 'true'}])`, res),
      rule(`(${cmp} (LocalAddr _ _) (OffPtr (Addr _))) => (ConstBool [${cmp === 'EqPtr' ? 'false' : 'true'}])`, res),
      rule(`(${cmp} (OffPtr (LocalAddr _ _)) (OffPtr (Addr _))) => (ConstBool [${cmp === 'EqPtr' ? 'false' : 'true'}])`, res),
    )
  }
  r.push(
    rule('(EqPtr (AddPtr p1 o1) p2) && isSamePtr(p1, p2) => (Not (IsNonNil o1))', ({ p1, o1, p2 }) => isSamePtr(p1, p2) && op('Not', op('IsNonNil', o1))),
    rule('(NeqPtr (AddPtr p1 o1) p2) && isSamePtr(p1, p2) => (IsNonNil o1)', ({ p1, o1, p2 }) => isSamePtr(p1, p2) && op('IsNonNil', o1)),
  )
  for (const w of [32, 64]) r.push(rule(`(EqPtr (Const${w} [0]) p) => (Not (IsNonNil p))`, ({ p }) => op('Not', op('IsNonNil', p))))
  for (const w of [32, 64]) r.push(rule(`(NeqPtr (Const${w} [0]) p) => (IsNonNil p)`, ({ p }) => op('IsNonNil', p)))
  r.push(
    rule('(EqPtr (ConstNil) p) => (Not (IsNonNil p))', ({ p }) => op('Not', op('IsNonNil', p))),
    rule('(NeqPtr (ConstNil) p) => (IsNonNil p)', ({ p }) => op('IsNonNil', p)),
    rule('(IsNonNil (ConstNil)) => (ConstBool [false])', FALSE),
  )
  for (const w of [32, 64]) r.push(rule(`(IsNonNil (Const${w} [c])) => (ConstBool [c != 0])`, ({ c }) => op('ConstBool', { auxInt: c !== 0n })))
  r.push(
    rule('(IsNonNil (Addr _)) => (ConstBool [true])', TRUE),
    rule('(IsNonNil (Convert (Addr _) _)) => (ConstBool [true])', TRUE),
    rule('(IsNonNil (LocalAddr _ _)) => (ConstBool [true])', TRUE),
  )
  return r
}

/** The Phi rules of generic.rules (Phi of identical args is phielimValue's, in the engine). */
export function phis(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Phi (Const${w} [c]) (Const${w} [c])) => (Const${w} [c])`, ({ c }) => op(`Const${w}`, { auxInt: c })))
  return r
}

export function notPhi(): RuleDef[] {
  return [rule('(Phi <t> nx:(Not x) ny:(Not y)) && nx.Uses == 1 && ny.Uses == 1 => (Not (Phi <t> x y))', ({ t, nx, ny, x, y }) => nx.uses === 1 && ny.uses === 1 && op('Not', op('Phi', { type: t }, x, y)))]
}

/** CondSelects of x and x±1 (or x shifted by 1) become arithmetic on the condition, and back: bool(int(b)) is b. */
export function condSelects(): RuleDef[] {
  const r: RuleDef[] = []
  const u8 = T.uint8
  const asInt = (w: number, t: SsaType, b: Value) => (w === 8 ? op('CvtBoolToUint8', { type: t }, b) : op(`ZeroExt8to${w}`, { type: t }, op('CvtBoolToUint8', { type: u8 }, b)))
  const inc = (w: number) => (w === 8 ? '(CvtBoolToUint8 <t> bool)' : `(ZeroExt8to${w} <t> (CvtBoolToUint8 <types.Types[types.TUINT8]> bool))`)
  for (const w of [8, 64, 32, 16]) {
    r.push(rule(`(CondSelect (Add${w} <t> x (Const${w} [1])) x bool) && config.arch != "arm64" => (Add${w} x ${inc(w)})`, ({ env, t, x, bool }) => env.arch !== 'arm64' && op(`Add${w}`, x, asInt(w, t, bool))))
  }
  for (const w of [8, 64, 32, 16]) {
    r.push(rule(`(CondSelect (Add${w} <t> x (Const${w} [-1])) x bool) => (Sub${w} x ${inc(w)})`, ({ t, x, bool }) => op(`Sub${w}`, x, asInt(w, t, bool))))
  }
  for (const sh of ['Lsh', 'Rsh', 'RshU']) {
    for (const w of W) {
      const name = (by: number) => (sh === 'RshU' ? `Rsh${w}Ux${by}` : `${sh}${w}x${by}`)
      r.push(
        rule(`(CondSelect (${name(64)} x (Const64 [1])) x bool) => (${name(8)} [true] x (CvtBoolToUint8 <types.Types[types.TUINT8]> bool))`, ({ x, bool }) =>
          op(name(8), { auxInt: true }, x, op('CvtBoolToUint8', { type: u8 }, bool)),
        ),
      )
    }
  }
  r.push(
    rule('(Neq8 (CvtBoolToUint8 x) (Const8 [0])) => x', ({ x }) => x),
    rule('(Neq8 (CvtBoolToUint8 x) (Const8 [1])) => (Not x)', ({ x }) => op('Not', x)),
    rule('(Eq8 (CvtBoolToUint8 x) (Const8 [1])) => x', ({ x }) => x),
    rule('(Eq8 (CvtBoolToUint8 x) (Const8 [0])) => (Not x)', ({ x }) => op('Not', x)),
  )
  for (const ext of ['Zero', 'Sign']) {
    for (const [cmp, c, not] of [['Neq', 0, false], ['Neq', 1, true], ['Eq', 1, false], ['Eq', 0, true]] as const) {
      for (const w of [64, 32, 16]) {
        r.push(rule(`(${cmp}${w} (${ext}Ext8to${w} (CvtBoolToUint8 x)) (Const${w} [${c}])) => ${not ? '(Not x)' : 'x'}`, ({ x }) => (not ? op('Not', x) : x)))
      }
    }
  }
  return r
}
