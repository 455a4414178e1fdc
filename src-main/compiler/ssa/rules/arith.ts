// generic.rules, algebra: truncations of extensions, identities (x+0, x*1,
// x*0, x-x, x&x, x|0, x^x, ^^x, --x), canonical forms (constants first,
// x-c as x+(-c)), shift simplifications, reassociation that pulls
// constants outwards, and the division/modulus strength reductions.

import { op, rule, type Match, type RuleDef } from './dsl'
import { canRotate, isNonNegative, isPowerOfTwo, isUnsignedPowerOfTwo, log2, nlz, ntz, reciprocalExact, shl, shr, uaddOvf, uint, wrap } from './helpers'
import type { Value } from '../func'
import { T, type SsaType } from '../types'

const W = [64, 32, 16, 8] as const
/** Integer bindings, typed (arithmetic on untyped bindings would type as number). */
type Ints<K extends string> = Record<K, bigint>

const notConst = (w: number, ...xs: Match[string][]): boolean => xs.every((x) => x.op !== `Const${w}`)

export function truncOfExt(): RuleDef[] {
  const r: RuleDef[] = []
  for (const ext of ['Zero', 'Sign']) {
    const cases: [number, number, number][] = [
      [16, 8, 8], [32, 8, 8], [32, 16, 8], [32, 16, 16], [64, 8, 8], [64, 16, 8], [64, 16, 16], [64, 32, 8], [64, 32, 16], [64, 32, 32],
    ]
    for (const [big, to, src] of cases) {
      const name = `(Trunc${big}to${to} (${ext}Ext${src}to${big} x))`
      if (src === to) r.push(rule(`${name} => x`, ({ x }) => x))
      else r.push(rule(`${name} => (${ext}Ext${src}to${to} x)`, ({ x }) => op(`${ext}Ext${src}to${to}`, x)))
    }
  }
  return r
}

/** Multiplication by 1, -1 and negated operands; DeMorgan. */
export function mulNeg(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Mul${w} (Const${w} [1]) x) => x`, ({ x }) => x))
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Mul${w} (Const${w} [-1]) x) => (Neg${w} x)`, ({ x }) => op(`Neg${w}`, x)))
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Mul${w} (Const${w} <t> [c]) (Neg${w} x)) => (Mul${w} x (Const${w} <t> [-c]))`, ({ t, c, x }) => op(`Mul${w}`, x, op(`Const${w}`, { type: t, auxInt: -c }))))
  }
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Mul${w} (Neg${w} x) (Neg${w} y)) => (Mul${w} x y)`, ({ x, y }) => op(`Mul${w}`, x, y)))
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Neg${w} (Mul${w} x (Const${w} <t> [c]))) => (Mul${w} x (Const${w} <t> [-c]))`, ({ t, c, x }) => op(`Mul${w}`, x, op(`Const${w}`, { type: t, auxInt: -c }))))
  }
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Neg${w} (Mul${w} x (Neg${w} y))) => (Mul${w} x y)`, ({ x, y }) => op(`Mul${w}`, x, y)))
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(And${w} <t> (Com${w} x) (Com${w} y)) => (Com${w} (Or${w} <t> x y))`, ({ t, x, y }) => op(`Com${w}`, op(`Or${w}`, { type: t }, x, y))))
  }
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Or${w} <t> (Com${w} x) (Com${w} y)) => (Com${w} (And${w} <t> x y))`, ({ t, x, y }) => op(`Com${w}`, op(`And${w}`, { type: t }, x, y))))
  }
  return r
}

/** `x - c` becomes `x + (-c)`, so only Add rules need to know about constants. */
export function subConst(): RuleDef[] {
  return W.map((w) =>
    rule(`(Sub${w} x (Const${w} <t> [c])) && x.Op != OpConst${w} => (Add${w} (Const${w} <t> [-c]) x)`, ({ x, t, c }) => notConst(w, x) && op(`Add${w}`, op(`Const${w}`, { type: t, auxInt: -c }), x)),
  )
}

/** c*(d+x) => c*d + c*x, and x*y ± x*z => x*(y±z). */
export function distribute(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of W) {
    r.push(
      rule(`(Mul${w} (Const${w} <t> [c]) (Add${w} <t> (Const${w} <t> [d]) x)) && !isPowerOfTwo(c) => (Add${w} (Const${w} <t> [c*d]) (Mul${w} <t> (Const${w} <t> [c]) x))`, ({ t, c, d, x }) =>
        !isPowerOfTwo(c) && op(`Add${w}`, op(`Const${w}`, { type: t, auxInt: c * d }), op(`Mul${w}`, { type: t }, op(`Const${w}`, { type: t, auxInt: c }), x)),
      ),
    )
  }
  for (const w of W) {
    r.push(rule(`(Add${w} <t> (Mul${w} x y) (Mul${w} x z)) => (Mul${w} x (Add${w} <t> y z))`, ({ t, x, y, z }) => op(`Mul${w}`, x, op(`Add${w}`, { type: t }, y, z))))
  }
  for (const w of W) {
    r.push(rule(`(Sub${w} <t> (Mul${w} x y) (Mul${w} x z)) => (Mul${w} x (Sub${w} <t> y z))`, ({ t, x, y, z }) => op(`Mul${w}`, x, op(`Sub${w}`, { type: t }, y, z))))
  }
  return r
}

/** Shifts: narrow constant counts widened to 64 bits, shifts by or of zero, too-large shifts, combined shifts. */
export function shifts(): RuleDef[] {
  const r: RuleDef[] = []
  const kinds = ['Lsh', 'Rsh', 'RshU'] as const
  const opName = (k: (typeof kinds)[number], w: number, by: number): string => (k === 'RshU' ? `Rsh${w}Ux${by}` : `${k}${w}x${by}`)
  for (const w of W) {
    for (const k of kinds) {
      for (const by of [32, 16, 8]) {
        r.push(rule(`(${opName(k, w, by)} <t> x (Const${by} [c])) => (${opName(k, w, 64)} x (Const64 <t> [int64(uint${by}(c))]))`, ({ t, x, c }) => op(opName(k, w, 64), x, op('Const64', { type: t, auxInt: uint(by, c) }))))
      }
    }
  }
  for (const k of kinds) for (const w of W) r.push(rule(`(${opName(k, w, 64)} x (Const64 [0])) => x`, ({ x }) => x))
  for (const w of W) r.push(rule(`(RotateLeft${w} x (Const${w} [c])) && c%${w} == 0 => x`, ({ x, c }) => c % BigInt(w) === 0n && x))
  for (const w of W) {
    for (const k of kinds) {
      for (const by of [64, 32, 16, 8]) r.push(rule(`(${opName(k, w, by)} (Const${w} [0]) _) => (Const${w} [0])`, () => op(`Const${w}`, { auxInt: 0n })))
    }
  }
  for (const w of W) {
    for (const k of ['Lsh', 'RshU'] as const) {
      r.push(rule(`(${opName(k, w, 64)} _ (Const64 [c])) && uint64(c) >= ${w} => (Const${w} [0])`, ({ c }) => uint(64, c) >= BigInt(w) && op(`Const${w}`, { auxInt: 0n })))
    }
  }
  for (const k of kinds) {
    for (const w of W) {
      const o = opName(k, w, 64)
      r.push(rule(`(${o} <t> (${o} x (Const64 [c])) (Const64 [d])) && !uaddOvf(c,d) => (${o} x (Const64 <t> [c+d]))`, ({ t, x, c, d }) => !uaddOvf(c, d) && op(o, x, op('Const64', { type: t, auxInt: c + d }))))
    }
  }
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Rsh${w}Ux64 (Rsh${w}x64 x _) (Const64 <t> [${w - 1}])) => (Rsh${w}Ux64 x (Const64 <t> [${w - 1}]))`, ({ t, x }) => op(`Rsh${w}Ux64`, x, op('Const64', { type: t, auxInt: BigInt(w - 1) }))))
  }
  for (const w of W) {
    for (const rsh of [`Rsh${w}x64`, `Rsh${w}Ux64`]) {
      r.push(
        rule(`(Lsh${w}x64 i:(${rsh} x (Const64 [c])) (Const64 [c])) && c >= 0 && c < ${w} && i.Uses == 1 => (And${w} x (Const${w} <v.Type> [int${w}(-1) << c]))`, ({ v, i, x, c }) =>
          c >= 0n && c < BigInt(w) && i.uses === 1 && op(`And${w}`, x, op(`Const${w}`, { type: v.type, auxInt: shl(w, -1n, c) })),
        ),
      )
    }
  }
  for (const w of W) {
    r.push(
      rule(`(Rsh${w}Ux64 i:(Lsh${w}x64 x (Const64 [c])) (Const64 [c])) && c >= 0 && c < ${w} && i.Uses == 1 => (And${w} x (Const${w} <v.Type> [int${w}(^uint${w}(0)>>c)]))`, ({ v, i, x, c }) =>
        c >= 0n && c < BigInt(w) && i.uses === 1 && op(`And${w}`, x, op(`Const${w}`, { type: v.type, auxInt: shr(w, -1n, c) })),
      ),
    )
  }
  for (const w of W) {
    r.push(
      rule(`(Rsh${w}Ux64 (Lsh${w}x64 (Rsh${w}Ux64 x (Const64 [c1])) (Const64 [c2])) (Const64 [c3])) && uint64(c1) >= uint64(c2) && uint64(c3) >= uint64(c2) && !uaddOvf(c1-c2, c3) => (Rsh${w}Ux64 x (Const64 <typ.UInt64> [c1-c2+c3]))`, ({ x, c1, c2, c3 }: Match & Ints<'c1' | 'c2' | 'c3'>) =>
        uint(64, c1) >= uint(64, c2) && uint(64, c3) >= uint(64, c2) && !uaddOvf(c1 - c2, c3) && op(`Rsh${w}Ux64`, x, op('Const64', { type: T.uint64, auxInt: c1 - c2 + c3 })),
      ),
    )
  }
  for (const w of W) {
    r.push(
      rule(`(Lsh${w}x64 (Rsh${w}Ux64 (Lsh${w}x64 x (Const64 [c1])) (Const64 [c2])) (Const64 [c3])) && uint64(c1) >= uint64(c2) && uint64(c3) >= uint64(c2) && !uaddOvf(c1-c2, c3) => (Lsh${w}x64 x (Const64 <typ.UInt64> [c1-c2+c3]))`, ({ x, c1, c2, c3 }: Match & Ints<'c1' | 'c2' | 'c3'>) =>
        uint(64, c1) >= uint(64, c2) && uint(64, c3) >= uint(64, c2) && !uaddOvf(c1 - c2, c3) && op(`Lsh${w}x64`, x, op('Const64', { type: T.uint64, auxInt: c1 - c2 + c3 })),
      ),
    )
  }
  for (const w of W) {
    r.push(rule(`(And${w} (Const${w} [m]) (Rsh${w}Ux64 _ (Const64 [c]))) && c >= int64(${w}-ntz${w}(m)) => (Const${w} [0])`, ({ m, c }) => c >= BigInt(w - ntz(w, m)) && op(`Const${w}`, { auxInt: 0n })))
  }
  for (const w of W) {
    r.push(rule(`(And${w} (Const${w} [m]) (Lsh${w}x64 _ (Const64 [c]))) && c >= int64(${w}-nlz${w}(m)) => (Const${w} [0])`, ({ m, c }) => c >= BigInt(w - nlz(w, m)) && op(`Const${w}`, { auxInt: 0n })))
  }
  const exts: [number, number, number][] = [[16, 8, 8], [32, 24, 8], [64, 56, 8], [32, 16, 16], [64, 48, 16], [64, 32, 32]]
  for (const [w, s, to] of exts) {
    const ut = ({ 8: T.uint8, 16: T.uint16, 32: T.uint32 } as const)[to as 8 | 16 | 32]
    r.push(rule(`(Rsh${w}Ux64 (Lsh${w}x64 x (Const64 [${s}])) (Const64 [${s}])) => (ZeroExt${to}to${w} (Trunc${w}to${to} <typ.UInt${to}> x))`, ({ x }) => op(`ZeroExt${to}to${w}`, op(`Trunc${w}to${to}`, { type: ut }, x))))
  }
  for (const [w, s, to] of exts) {
    const st = ({ 8: T.int8, 16: T.int16, 32: T.int32 } as const)[to as 8 | 16 | 32]
    r.push(rule(`(Rsh${w}x64 (Lsh${w}x64 x (Const64 [${s}])) (Const64 [${s}])) => (SignExt${to}to${w} (Trunc${w}to${to} <typ.Int${to}> x))`, ({ x }) => op(`SignExt${to}to${w}`, op(`Trunc${w}to${to}`, { type: st }, x))))
  }
  return r
}

/** The "simplifications" block: idempotence, identity and annihilator constants, complements. */
export function simplifications(): RuleDef[] {
  const r: RuleDef[] = []
  const each = (f: (w: number) => RuleDef): void => void W.forEach((w) => r.push(f(w)))
  const K = (w: number, c: bigint) => op(`Const${w}`, { auxInt: c })
  each((w) => rule(`(Or${w} x x) => x`, ({ x }) => x))
  each((w) => rule(`(Or${w} (Const${w} [0]) x) => x`, ({ x }) => x))
  each((w) => rule(`(Or${w} (Const${w} [-1]) _) => (Const${w} [-1])`, () => K(w, -1n)))
  each((w) => rule(`(Or${w} (Com${w} x) x) => (Const${w} [-1])`, () => K(w, -1n)))
  each((w) => rule(`(And${w} x x) => x`, ({ x }) => x))
  each((w) => rule(`(And${w} (Const${w} [-1]) x) => x`, ({ x }) => x))
  each((w) => rule(`(And${w} (Const${w} [0]) _) => (Const${w} [0])`, () => K(w, 0n)))
  each((w) => rule(`(And${w} (Com${w} x) x) => (Const${w} [0])`, () => K(w, 0n)))
  each((w) => rule(`(Xor${w} x x) => (Const${w} [0])`, () => K(w, 0n)))
  each((w) => rule(`(Xor${w} (Const${w} [0]) x) => x`, ({ x }) => x))
  each((w) => rule(`(Xor${w} (Com${w} x) x) => (Const${w} [-1])`, () => K(w, -1n)))
  each((w) => rule(`(Add${w} (Const${w} [0]) x) => x`, ({ x }) => x))
  each((w) => rule(`(Sub${w} x x) => (Const${w} [0])`, () => K(w, 0n)))
  each((w) => rule(`(Mul${w} (Const${w} [0]) _) => (Const${w} [0])`, () => K(w, 0n)))
  each((w) => rule(`(Com${w} (Com${w} x)) => x`, ({ x }) => x))
  each((w) => rule(`(Com${w} (Const${w} [c])) => (Const${w} [^c])`, ({ c }: Ints<'c'>) => K(w, ~c)))
  each((w) => rule(`(Neg${w} (Sub${w} x y)) => (Sub${w} y x)`, ({ x, y }) => op(`Sub${w}`, y, x)))
  each((w) => rule(`(Add${w} x (Neg${w} y)) => (Sub${w} x y)`, ({ x, y }) => op(`Sub${w}`, x, y)))
  each((w) => rule(`(Xor${w} (Const${w} [-1]) x) => (Com${w} x)`, ({ x }) => op(`Com${w}`, x)))
  each((w) => rule(`(Sub${w} (Neg${w} x) (Com${w} x)) => (Const${w} [1])`, () => K(w, 1n)))
  each((w) => rule(`(Sub${w} (Com${w} x) (Neg${w} x)) => (Const${w} [-1])`, () => K(w, -1n)))
  each((w) => rule(`(Add${w} (Com${w} x) x) => (Const${w} [-1])`, () => K(w, -1n)))
  each((w) => rule(`(Sub${w} (Add${w} t x) (Add${w} t y)) => (Sub${w} x y)`, ({ x, y }) => op(`Sub${w}`, x, y)))
  each((w) => rule(`(Add${w} (Sub${w} x t) (Add${w} t y)) => (Add${w} x y)`, ({ x, y }) => op(`Add${w}`, x, y)))
  each((w) => rule(`(Add${w} (Const${w} [1]) (Com${w} x)) => (Neg${w} x)`, ({ x }) => op(`Neg${w}`, x)))
  each((w) => rule(`(Com${w} (Add${w} (Const${w} [-1]) x)) => (Neg${w} x)`, ({ x }) => op(`Neg${w}`, x)))
  each((w) => rule(`(Neg${w} (Neg${w} x)) => x`, ({ x }) => x))
  each((w) => rule(`(Neg${w} <t> (Com${w} x)) => (Add${w} (Const${w} <t> [1]) x)`, ({ t, x }) => op(`Add${w}`, op(`Const${w}`, { type: t, auxInt: 1n }), x)))
  each((w) => rule(`(And${w} x (And${w} x y)) => (And${w} x y)`, ({ x, y }) => op(`And${w}`, x, y)))
  each((w) => rule(`(Or${w} x (Or${w} x y)) => (Or${w} x y)`, ({ x, y }) => op(`Or${w}`, x, y)))
  each((w) => rule(`(Xor${w} x (Xor${w} x y)) => y`, ({ y }) => y))
  return r
}

/** Ors that re-set every bit an And cleared; truncations of masks; extensions of shifted-down values. */
export function masks(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Or${w} (And${w} x (Const${w} [c2])) (Const${w} <t> [c1])) && ^(c1 | c2) == 0 => (Or${w} (Const${w} <t> [c1]) x)`, ({ x, c1, c2, t }: Ints<'c1' | 'c2'> & Match) => wrap(w, ~(c1 | c2)) === 0n && op(`Or${w}`, op(`Const${w}`, { type: t, auxInt: c1 }), x)))
  }
  const truncs: [number, number][] = [[64, 8], [64, 16], [64, 32], [32, 8], [32, 16], [16, 8]]
  for (const [from, to] of truncs) {
    const m = (1n << BigInt(to)) - 1n
    r.push(rule(`(Trunc${from}to${to} (And${from} (Const${from} [y]) x)) && y&0x${m.toString(16).toUpperCase()} == 0x${m.toString(16).toUpperCase()} => (Trunc${from}to${to} x)`, ({ y, x }) => (y & m) === m && op(`Trunc${from}to${to}`, x)))
  }
  for (const ext of ['Zero', 'Sign'] as const) {
    for (const [from, to] of truncs) {
      const sh = ext === 'Zero' ? `Rsh${from}Ux64` : `Rsh${from}x64`
      const s = from - to
      r.push(rule(`(${ext}Ext${to}to${from} (Trunc${from}to${to} x:(${sh} _ (Const64 [s])))) && s >= ${s} => x`, ({ x, s: by }) => by >= BigInt(s) && x))
    }
  }
  return r
}

/** Lengths: (x+y)-x => y and friends. */
export function lengths(): RuleDef[] {
  const r: RuleDef[] = []
  const each = (f: (w: number) => RuleDef): void => void W.forEach((w) => r.push(f(w)))
  each((w) => rule(`(Sub${w} (Add${w} x y) x) => y`, ({ y }) => y))
  each((w) => rule(`(Sub${w} (Add${w} x y) y) => x`, ({ x }) => x))
  each((w) => rule(`(Sub${w} (Sub${w} x y) x) => (Neg${w} y)`, ({ y }) => op(`Neg${w}`, y)))
  each((w) => rule(`(Sub${w} x (Add${w} x y)) => (Neg${w} y)`, ({ y }) => op(`Neg${w}`, y)))
  each((w) => rule(`(Add${w} x (Sub${w} y x)) => y`, ({ y }) => y))
  each((w) => rule(`(Add${w} x (Add${w} y (Sub${w} z x))) => (Add${w} y z)`, ({ y, z }) => op(`Add${w}`, y, z)))
  return r
}

/** Division and modulus by constants that prove can still read (the rest is divmod's). */
export function divisions(): RuleDef[] {
  const r: RuleDef[] = []
  const min = (w: number): bigint => -(1n << BigInt(w - 1))
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Div${w} <t> n (Const${w} [c])) && c < 0 && c != -1<<${w - 1} => (Neg${w} (Div${w} <t> n (Const${w} <t> [-c])))`, ({ t, n, c }) => c < 0n && c !== min(w) && op(`Neg${w}`, op(`Div${w}`, { type: t }, n, op(`Const${w}`, { type: t, auxInt: -c })))))
  }
  r.push(rule('(Div64 x (Const64 [-1<<63])) && isNonNegative(x) => (Const64 [0])', ({ x }) => isNonNegative(x) && op('Const64', { auxInt: 0n })))
  for (const w of [8, 16, 32, 64]) {
    r.push(
      rule(`(Div${w} <t> x (Const${w} [-1<<${w - 1}])) => (Rsh${w}Ux64 (And${w} <t> x (Neg${w} <t> x)) (Const64 <typ.UInt64> [${w - 1}]))`, ({ t, x }) =>
        op(`Rsh${w}Ux64`, op(`And${w}`, { type: t }, x, op(`Neg${w}`, { type: t }, x)), op('Const64', { type: T.uint64, auxInt: BigInt(w - 1) })),
      ),
    )
  }
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Div${w}u n (Const${w} [c])) && isUnsignedPowerOfTwo(uint${w}(c)) => (Rsh${w}Ux64 n (Const64 <typ.UInt64> [log${w}u(uint${w}(c))]))`, ({ n, c }) => isUnsignedPowerOfTwo(w, c) && op(`Rsh${w}Ux64`, n, op('Const64', { type: T.uint64, auxInt: log2(w, c) }))))
  }
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Mul${w} <t> x (Const${w} [c])) && isPowerOfTwo(c) && v.Block.Func.pass.name != "opt" => (Lsh${w}x64 <t> x (Const64 <typ.UInt64> [log${w}(c)]))`, ({ env, t, x, c }) => isPowerOfTwo(c) && env.pass !== 'opt' && op(`Lsh${w}x64`, { type: t }, x, op('Const64', { type: T.uint64, auxInt: log2(w, c) }))))
  }
  for (const w of [8, 16, 32, 64]) {
    r.push(
      rule(`(Mul${w} <t> x (Const${w} [c])) && t.IsSigned() && isPowerOfTwo(-c) && v.Block.Func.pass.name != "opt" => (Neg${w} (Lsh${w}x64 <t> x (Const64 <typ.UInt64> [log${w}(-c)])))`, ({ env, t, x, c }: Ints<'c'> & Match) =>
        t.kind === 'int' && isPowerOfTwo(wrap(w, -c)) && env.pass !== 'opt' && op(`Neg${w}`, op(`Lsh${w}x64`, { type: t }, x, op('Const64', { type: T.uint64, auxInt: log2(w, -c) }))),
      ),
    )
  }
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Mod${w}u <t> n (Const${w} [c])) && isUnsignedPowerOfTwo(uint${w}(c)) => (And${w} n (Const${w} <t> [c-1]))`, ({ t, n, c }) => isUnsignedPowerOfTwo(w, c) && op(`And${w}`, n, op(`Const${w}`, { type: t, auxInt: c - 1n }))))
  }
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Mod${w} <t> n (Const${w} [c])) && isNonNegative(n) && isPowerOfTwo(c) => (And${w} n (Const${w} <t> [c-1]))`, ({ t, n, c }) => isNonNegative(n) && isPowerOfTwo(c) && op(`And${w}`, n, op(`Const${w}`, { type: t, auxInt: c - 1n }))))
  }
  r.push(rule('(Mod64 n (Const64 [-1<<63])) && isNonNegative(n) => n', ({ n }) => isNonNegative(n) && n))
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Mod${w} <t> n (Const${w} [c])) && c < 0 && c != -1<<${w - 1} => (Mod${w} <t> n (Const${w} <t> [-c]))`, ({ t, n, c }) => c < 0n && c !== min(w) && op(`Mod${w}`, { type: t }, n, op(`Const${w}`, { type: t, auxInt: -c }))))
  }
  for (const w of [8, 16, 32, 64]) {
    r.push(
      rule(`(Mod${w} <t> x (Const${w} [c])) && x.Op != OpConst${w} && (c > 0 || c == -1<<${w - 1}) => (Sub${w} x (Mul${w} <t> (Div${w} <t> x (Const${w} <t> [c])) (Const${w} <t> [c])))`, ({ t, x, c }) =>
        notConst(w, x) && (c > 0n || c === min(w)) && op(`Sub${w}`, x, op(`Mul${w}`, { type: t }, op(`Div${w}`, { type: t }, x, op(`Const${w}`, { type: t, auxInt: c })), op(`Const${w}`, { type: t, auxInt: c }))),
      ),
    )
  }
  for (const w of [8, 16, 32, 64]) {
    r.push(
      rule(`(Mod${w}u <t> x (Const${w} [c])) && x.Op != OpConst${w} && c != 0 => (Sub${w} x (Mul${w} <t> (Div${w}u <t> x (Const${w} <t> [c])) (Const${w} <t> [c])))`, ({ t, x, c }) =>
        notConst(w, x) && c !== 0n && op(`Sub${w}`, x, op(`Mul${w}`, { type: t }, op(`Div${w}u`, { type: t }, x, op(`Const${w}`, { type: t, auxInt: c })), op(`Const${w}`, { type: t, auxInt: c }))),
      ),
    )
  }
  return r
}

/** Mark constant shifts in range as bounded (their aux bool), so later passes need no masking. */
export function boundedShifts(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of W) {
    for (const k of ['Lsh', 'Rsh', 'RshU']) {
      for (const by of [8, 16, 32, 64]) {
        const o = k === 'RshU' ? `Rsh${w}Ux${by}` : `${k}${w}x${by}`
        r.push(rule(`(${o} [false] x con:(Const${by} [c])) && 0 < c && c < ${w} => (${o} [true] x con)`, ({ x, con, c }) => c > 0n && c < BigInt(w) && op(o, { auxInt: true }, x, con)))
      }
    }
  }
  return r
}

/** Reassociation: constants move outwards so they can fold. */
export function reassociate(): RuleDef[] {
  const r: RuleDef[] = []
  const inner = (w: number, name: string, t: SsaType, a: Value, b: Value) => op(`${name}${w}`, { type: t }, a, b)
  for (const w of W) {
    r.push(rule(`(Add${w} (Add${w} i:(Const${w} <t>) z) x) && (z.Op != OpConst${w} && x.Op != OpConst${w}) => (Add${w} i (Add${w} <t> z x))`, ({ x, i, t, z }) => notConst(w, z, x) && op(`Add${w}`, i, inner(w, 'Add', t, z, x))))
  }
  for (const w of W) {
    r.push(rule(`(Add${w} (Sub${w} i:(Const${w} <t>) z) x) && (z.Op != OpConst${w} && x.Op != OpConst${w}) => (Add${w} i (Sub${w} <t> x z))`, ({ x, i, t, z }) => notConst(w, z, x) && op(`Add${w}`, i, inner(w, 'Sub', t, x, z))))
  }
  for (const w of W) {
    r.push(rule(`(Sub${w} x (Sub${w} i:(Const${w} <t>) z)) && (z.Op != OpConst${w} && x.Op != OpConst${w}) => (Sub${w} (Add${w} <t> x z) i)`, ({ x, i, t, z }) => notConst(w, z, x) && op(`Sub${w}`, inner(w, 'Add', t, x, z), i)))
  }
  for (const w of W) {
    r.push(rule(`(Sub${w} x (Add${w} z i:(Const${w} <t>))) && (z.Op != OpConst${w} && x.Op != OpConst${w}) => (Sub${w} (Sub${w} <t> x z) i)`, ({ x, i, t, z }) => notConst(w, z, x) && op(`Sub${w}`, inner(w, 'Sub', t, x, z), i)))
  }
  for (const w of W) {
    r.push(rule(`(Sub${w} (Sub${w} i:(Const${w} <t>) z) x) && (z.Op != OpConst${w} && x.Op != OpConst${w}) => (Sub${w} i (Add${w} <t> z x))`, ({ x, i, t, z }) => notConst(w, z, x) && op(`Sub${w}`, i, inner(w, 'Add', t, z, x))))
  }
  for (const w of W) {
    r.push(rule(`(Sub${w} (Add${w} z i:(Const${w} <t>)) x) && (z.Op != OpConst${w} && x.Op != OpConst${w}) => (Add${w} i (Sub${w} <t> z x))`, ({ x, i, t, z }) => notConst(w, z, x) && op(`Add${w}`, i, inner(w, 'Sub', t, z, x))))
  }
  for (const name of ['And', 'Or', 'Xor']) {
    for (const w of W) {
      r.push(rule(`(${name}${w} (${name}${w} i:(Const${w} <t>) z) x) && (z.Op != OpConst${w} && x.Op != OpConst${w}) => (${name}${w} i (${name}${w} <t> z x))`, ({ x, i, t, z }) => notConst(w, z, x) && op(`${name}${w}`, i, inner(w, name, t, z, x))))
    }
  }
  for (const w of W) {
    r.push(rule(`(Mul${w} (Mul${w} i:(Const${w} <t>) z) x) && (z.Op != OpConst${w} && x.Op != OpConst${w}) => (Mul${w} i (Mul${w} <t> x z))`, ({ x, i, t, z }) => notConst(w, z, x) && op(`Mul${w}`, i, inner(w, 'Mul', t, x, z))))
  }
  const folds: [string, string, string, string, (c: bigint, d: bigint) => bigint][] = [
    ['Add', 'Add', 'Add', 'c+d', (c, d) => c + d],
    ['Add', 'Sub', 'Sub', 'c+d', (c, d) => c + d],
    ['Sub', 'Sub', 'Add', 'c-d', (c, d) => c - d],
    ['Sub', 'Add', 'Sub', 'c-d', (c, d) => c - d],
    ['And', 'And', 'And', 'c&d', (c, d) => c & d],
    ['Or', 'Or', 'Or', 'c|d', (c, d) => c | d],
    ['Xor', 'Xor', 'Xor', 'c^d', (c, d) => c ^ d],
    ['Mul', 'Mul', 'Mul', 'c*d', (c, d) => c * d],
  ]
  for (const [outer, inn, res, expr, fn] of folds) {
    for (const w of W) {
      r.push(rule(`(${outer}${w} (Const${w} <t> [c]) (${inn}${w} (Const${w} <t> [d]) x)) => (${res}${w} (Const${w} <t> [${expr}]) x)`, ({ t, c, d, x }) => op(`${res}${w}`, op(`Const${w}`, { type: t, auxInt: fn(c, d) }), x)))
    }
  }
  return r
}

export function floats(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of [32, 64]) r.push(rule(`(Mul${w}F x (Const${w}F [1])) => x`, ({ x }) => x))
  for (const w of [32, 64]) r.push(rule(`(Mul${w}F x (Const${w}F [-1])) => (Neg${w}F x)`, ({ x }) => op(`Neg${w}F`, x)))
  for (const w of [32, 64]) r.push(rule(`(Mul${w}F x (Const${w}F [2])) => (Add${w}F x x)`, ({ x }) => op(`Add${w}F`, x, x)))
  for (const w of [32, 64]) {
    r.push(rule(`(Div${w}F x (Const${w}F <t> [c])) && reciprocalExact${w}(c) => (Mul${w}F x (Const${w}F <t> [1/c]))`, ({ x, t, c }) => reciprocalExact(c, w === 32) && op(`Mul${w}F`, x, op(`Const${w}F`, { type: t, auxInt: 1 / c }))))
  }
  r.push(rule('(Sqrt (Const64F [c])) && !math.IsNaN(math.Sqrt(c)) => (Const64F [math.Sqrt(c)])', ({ c }) => !Number.isNaN(Math.sqrt(c)) && op('Const64F', { auxInt: Math.sqrt(c) })))
  return r
}

/** Rotates: (x<<c) | (x>>(w-c)) with constant or bounded shift counts, and simpler rotate amounts. */
export function rotates(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of W) {
    for (const o of ['Add', 'Or', 'Xor']) {
      r.push(
        rule(`(${o}${w} (Lsh${w}x64 x z:(Const64 <t> [c])) (Rsh${w}Ux64 x (Const64 [d]))) && c < ${w} && d == ${w}-c && canRotate(config, ${w}) => (RotateLeft${w} x z)`, ({ env, x, z, c, d }) =>
          c < BigInt(w) && d === BigInt(w) - c && canRotate(env.arch, w) && op(`RotateLeft${w}`, x, z),
        ),
      )
    }
  }
  // Non-constant counts: one of the two shifts must be known in range (prove marks it bounded).
  const bounded = (s: Value): boolean => s.auxInt !== 0n
  for (const w of W) {
    for (const first of ['left', 'right'] as const) {
      for (const by of [64, 32, 16, 8]) {
        for (const o of ['Add', 'Or', 'Xor']) {
          const lsh = `Lsh${w}x${by}`
          const rsh = `Rsh${w}Ux${by}`
          const text =
            first === 'left'
              ? `(${o}${w} left:(${lsh} x y) right:(${rsh} x (Sub${by} (Const${by} [${w}]) y))) && (shiftIsBounded(left) || shiftIsBounded(right)) && canRotate(config, ${w}) => (RotateLeft${w} x y)`
              : `(${o}${w} right:(${rsh} x y) left:(${lsh} x z:(Sub${by} (Const${by} [${w}]) y))) && (shiftIsBounded(left) || shiftIsBounded(right)) && canRotate(config, ${w}) => (RotateLeft${w} x z)`
          r.push(rule(text, ({ env, left, right, x, y, z }) => (bounded(left) || bounded(right)) && canRotate(env.arch, w) && op(`RotateLeft${w}`, x, first === 'left' ? y : z)))
        }
      }
    }
  }
  const mask = (w: number) => BigInt(w - 1)
  for (const w of W) {
    for (const by of W) {
      r.push(rule(`(RotateLeft${w} x (And${by} y (Const${by} [c]))) && c&${w - 1} == ${w - 1} => (RotateLeft${w} x y)`, ({ x, y, c }) => (c & mask(w)) === mask(w) && op(`RotateLeft${w}`, x, y)))
    }
  }
  for (const w of W) {
    for (const by of W) {
      r.push(
        rule(`(RotateLeft${w} x (Neg${by} (And${by} y (Const${by} [c])))) && c&${w - 1} == ${w - 1} => (RotateLeft${w} x (Neg${by} <y.Type> y))`, ({ x, y, c }) =>
          (c & mask(w)) === mask(w) && op(`RotateLeft${w}`, x, op(`Neg${by}`, { type: y.type }, y)),
        ),
      )
    }
  }
  for (const w of W) {
    for (const by of W) r.push(rule(`(RotateLeft${w} x (Add${by} y (Const${by} [c]))) && c&${w - 1} == 0 => (RotateLeft${w} x y)`, ({ x, y, c }) => (c & mask(w)) === 0n && op(`RotateLeft${w}`, x, y)))
  }
  for (const w of W) {
    for (const by of W) {
      r.push(rule(`(RotateLeft${w} x (Sub${by} (Const${by} [c]) y)) && c&${w - 1} == 0 => (RotateLeft${w} x (Neg${by} <y.Type> y))`, ({ x, y, c }) => (c & mask(w)) === 0n && op(`RotateLeft${w}`, x, op(`Neg${by}`, { type: y.type }, y))))
    }
  }
  for (const [n, add] of [[8, 'Add64'], [4, 'Add32'], [2, 'Add16'], [1, 'Add8']] as const) {
    for (const w of W) {
      r.push(
        rule(`(RotateLeft${w} (RotateLeft${w} x c) d) && c.Type.Size() == ${n} && d.Type.Size() == ${n} => (RotateLeft${w} x (${add} <c.Type> c d))`, ({ x, c, d }) =>
          c.type.size === n && d.type.size === n && op(`RotateLeft${w}`, x, op(add, { type: c.type }, c, d)),
        ),
      )
    }
  }
  return r
}

/** math.MulUintptr's intrinsic folded (generic.rules): two constants, or a factor of 1 or 0, never overflow-checked at run time. */
export function mulOverflow(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of [32, 64] as const) {
    r.push(
      rule(`(Mul${w}uover (Const${w} [c]) (Const${w} [d])) => (MakeTuple (Const${w} <typ.UInt${w}> [lo]) (ConstBool <typ.Bool> [hi != 0]))`, ({ c, d }) => {
        const p = uint(w, c) * uint(w, d)
        return op('MakeTuple', op(`Const${w}`, { type: w === 64 ? T.uint64 : T.uint32, auxInt: wrap(w, p) }), op('ConstBool', { type: T.bool, auxInt: p >> BigInt(w) !== 0n }))
      }),
    )
  }
  for (const w of [32, 64] as const) {
    r.push(rule(`(Mul${w}uover <t> (Const${w} [1]) x) => (MakeTuple x (ConstBool <t.FieldType(1)> [false]))`, ({ t, x }) => op('MakeTuple', x, op('ConstBool', { type: t.parts![1]!, auxInt: false }))))
  }
  for (const w of [64, 32] as const) {
    r.push(
      rule(`(Mul${w}uover <t> (Const${w} [0]) x) => (MakeTuple (Const${w} <t.FieldType(0)> [0]) (ConstBool <t.FieldType(1)> [false]))`, ({ t }) =>
        op('MakeTuple', op(`Const${w}`, { type: t.parts![0]!, auxInt: 0n }), op('ConstBool', { type: t.parts![1]!, auxInt: false })),
      ),
    )
  }
  return r
}
