// generic.rules, constant folding: conversions, negation, arithmetic,
// bit operations, division and shifts of constants at every width, and the
// comparisons of two constants. Results wrap at the op's width (toAuxInt).

import { op, rule, type RuleDef } from './dsl'
import { floatToInt, ntz, sar, shl, shr, uint } from './helpers'

const W = [64, 32, 16, 8] as const
const bits = (n: bigint): bigint => BigInt(n === 0n ? 0 : n.toString(2).length)
const ones = (n: bigint): bigint => BigInt([...n.toString(2)].filter((c) => c === '1').length)
function conversions(): RuleDef[] {
  const r: RuleDef[] = []
  for (const [from, to] of [[16, 8], [32, 8], [32, 16], [64, 8], [64, 16], [64, 32]] as const) {
    r.push(rule(`(Trunc${from}to${to} (Const${from} [c])) => (Const${to} [int${to}(c)])`, ({ c }) => op(`Const${to}`, { auxInt: c })))
  }
  r.push(
    rule('(Cvt64Fto32F (Const64F [c])) => (Const32F [float32(c)])', ({ c }) => op('Const32F', { auxInt: c })),
    rule('(Cvt32Fto64F (Const32F [c])) => (Const64F [float64(c)])', ({ c }) => op('Const64F', { auxInt: c })),
    rule('(Cvt32to32F (Const32 [c])) => (Const32F [float32(c)])', ({ c }) => op('Const32F', { auxInt: Number(c) })),
    rule('(Cvt32to64F (Const32 [c])) => (Const64F [float64(c)])', ({ c }) => op('Const64F', { auxInt: Number(c) })),
    rule('(Cvt64to32F (Const64 [c])) => (Const32F [float32(c)])', ({ c }) => op('Const32F', { auxInt: Number(c) })),
    rule('(Cvt64to64F (Const64 [c])) => (Const64F [float64(c)])', ({ c }) => op('Const64F', { auxInt: Number(c) })),
    rule('(Cvt32Fto32 (Const32F [c])) && c >= -1<<31 && c < 1<<31 => (Const32 [int32(c)])', ({ c }) => c >= -(2 ** 31) && c < 2 ** 31 && op('Const32', { auxInt: floatToInt(c) })),
    rule('(Cvt32Fto64 (Const32F [c])) && c >= -1<<63 && c < 1<<63 => (Const64 [int64(c)])', ({ c }) => c >= -(2 ** 63) && c < 2 ** 63 && op('Const64', { auxInt: floatToInt(c) })),
    rule('(Cvt64Fto32 (Const64F [c])) && c >= -1<<31 && c < 1<<31 => (Const32 [int32(c)])', ({ c }) => c >= -(2 ** 31) && c < 2 ** 31 && op('Const32', { auxInt: floatToInt(c) })),
    rule('(Cvt64Fto64 (Const64F [c])) && c >= -1<<63 && c < 1<<63 => (Const64 [int64(c)])', ({ c }) => c >= -(2 ** 63) && c < 2 ** 63 && op('Const64', { auxInt: floatToInt(c) })),
    rule('(Round32F x:(Const32F)) => x', ({ x }) => x),
    rule('(Round64F x:(Const64F)) => x', ({ x }) => x),
    rule('(CvtBoolToUint8 (ConstBool [false])) => (Const8 [0])', () => op('Const8', { auxInt: 0n })),
    rule('(CvtBoolToUint8 (ConstBool [true])) => (Const8 [1])', () => op('Const8', { auxInt: 1n })),
  )
  for (const w of W) {
    r.push(rule(`(BitLen${w} (Const${w} [c])) && config.PtrSize == 8 => (Const64 [int64(bits.Len${w}(uint${w}(c)))])`, ({ c }) => op('Const64', { auxInt: bits(uint(w, c)) })))
  }
  for (const w of W) {
    r.push(rule(`(PopCount${w} (Const${w} [c])) && config.PtrSize == 8 => (Const64 [int64(bits.OnesCount${w}(uint${w}(c)))])`, ({ c }) => op('Const64', { auxInt: ones(uint(w, c)) })))
  }
  return r
}

function extensions(): RuleDef[] {
  const r: RuleDef[] = []
  for (const [from, to] of [[8, 16], [8, 32], [8, 64], [16, 32], [16, 64], [32, 64]] as const) {
    r.push(rule(`(ZeroExt${from}to${to} (Const${from} [c])) => (Const${to} [int${to}(uint${from}(c))])`, ({ c }) => op(`Const${to}`, { auxInt: uint(from, c) })))
  }
  for (const [from, to] of [[8, 16], [8, 32], [8, 64], [16, 32], [16, 64], [32, 64]] as const) {
    r.push(rule(`(SignExt${from}to${to} (Const${from} [c])) => (Const${to} [int${to}(c)])`, ({ c }) => op(`Const${to}`, { auxInt: c })))
  }
  return r
}

function arithmetic(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Neg${w} (Const${w} [c])) => (Const${w} [-c])`, ({ c }) => op(`Const${w}`, { auxInt: -c })))
  r.push(
    rule('(Neg32F (Const32F [c])) && c != 0 => (Const32F [-c])', ({ c }) => c !== 0 && op('Const32F', { auxInt: -c })),
    rule('(Neg64F (Const64F [c])) && c != 0 => (Const64F [-c])', ({ c }) => c !== 0 && op('Const64F', { auxInt: -c })),
  )
  const intOps: [string, string, (c: bigint, d: bigint) => bigint][] = [
    ['Add', '+', (c, d) => c + d],
    ['Sub', '-', (c, d) => c - d],
    ['Mul', '*', (c, d) => c * d],
  ]
  for (const [name, sym, fn] of intOps) {
    for (const w of [8, 16, 32, 64]) r.push(rule(`(${name}${w} (Const${w} [c]) (Const${w} [d])) => (Const${w} [c${sym}d])`, ({ c, d }) => op(`Const${w}`, { auxInt: fn(c, d) })))
    for (const w of [32, 64]) {
      const f = (c: number, d: number): number => (w === 32 ? Math.fround(sym === '+' ? c + d : sym === '-' ? c - d : c * d) : sym === '+' ? c + d : sym === '-' ? c - d : c * d)
      r.push(rule(`(${name}${w}F (Const${w}F [c]) (Const${w}F [d])) && c${sym}d == c${sym}d => (Const${w}F [c${sym}d])`, ({ c, d }) => !Number.isNaN(f(c, d)) && op(`Const${w}F`, { auxInt: f(c, d) })))
    }
    if (name === 'Add') {
      r.push(
        rule('(AddPtr <t> x (Const64 [c])) => (OffPtr <t> x [c])', ({ t, x, c }) => op('OffPtr', { type: t, auxInt: c }, x)),
        rule('(AddPtr <t> x (Const32 [c])) => (OffPtr <t> x [int64(c)])', ({ t, x, c }) => op('OffPtr', { type: t, auxInt: c }, x)),
      )
    }
  }
  const bitOps: [string, string, (c: bigint, d: bigint) => bigint][] = [
    ['And', '&', (c, d) => c & d],
    ['Or', '|', (c, d) => c | d],
    ['Xor', '^', (c, d) => c ^ d],
  ]
  for (const [name, sym, fn] of bitOps) {
    for (const w of [8, 16, 32, 64]) r.push(rule(`(${name}${w} (Const${w} [c]) (Const${w} [d])) => (Const${w} [c${sym}d])`, ({ c, d }) => op(`Const${w}`, { auxInt: fn(c, d) })))
  }
  for (const w of W) r.push(rule(`(Ctz${w} (Const${w} [c])) && config.PtrSize == 8 => (Const64 [int64(ntz${w}(c))])`, ({ c }) => op('Const64', { auxInt: BigInt(ntz(w, c)) })))
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Div${w} (Const${w} [c]) (Const${w} [d])) && d != 0 => (Const${w} [c/d])`, ({ c, d }) => d !== 0n && op(`Const${w}`, { auxInt: c / d })))
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Div${w}u (Const${w} [c]) (Const${w} [d])) && d != 0 => (Const${w} [int${w}(uint${w}(c)/uint${w}(d))])`, ({ c, d }) => d !== 0n && op(`Const${w}`, { auxInt: uint(w, c) / uint(w, d) })))
  }
  r.push(
    rule('(Div32F (Const32F [c]) (Const32F [d])) && c/d == c/d => (Const32F [c/d])', ({ c, d }) => !Number.isNaN(c / d) && op('Const32F', { auxInt: Math.fround(c / d) })),
    rule('(Div64F (Const64F [c]) (Const64F [d])) && c/d == c/d => (Const64F [c/d])', ({ c, d }) => !Number.isNaN(c / d) && op('Const64F', { auxInt: c / d })),
    rule('(Not (ConstBool [c])) => (ConstBool [!c])', ({ c }) => op('ConstBool', { auxInt: !c })),
    rule('(Floor (Const64F [c])) => (Const64F [math.Floor(c)])', ({ c }) => op('Const64F', { auxInt: Math.floor(c) })),
    rule('(Ceil (Const64F [c])) => (Const64F [math.Ceil(c)])', ({ c }) => op('Const64F', { auxInt: Math.ceil(c) })),
    rule('(Trunc (Const64F [c])) => (Const64F [math.Trunc(c)])', ({ c }) => op('Const64F', { auxInt: Math.trunc(c) })),
  )
  return r
}

function modsAndShifts(): RuleDef[] {
  const r: RuleDef[] = []
  for (const w of [8, 16, 32, 64]) r.push(rule(`(Mod${w} (Const${w} [c]) (Const${w} [d])) && d != 0 => (Const${w} [c % d])`, ({ c, d }) => d !== 0n && op(`Const${w}`, { auxInt: c % d })))
  for (const w of [8, 16, 32, 64]) {
    r.push(rule(`(Mod${w}u (Const${w} [c]) (Const${w} [d])) && d != 0 => (Const${w} [int${w}(uint${w}(c) % uint${w}(d))])`, ({ c, d }) => d !== 0n && op(`Const${w}`, { auxInt: uint(w, c) % uint(w, d) })))
  }
  for (const w of W) {
    r.push(
      rule(`(Lsh${w}x64 (Const${w} [c]) (Const64 [d])) => (Const${w} [c << uint64(d)])`, ({ c, d }) => op(`Const${w}`, { auxInt: shl(w, c, uint(64, d)) })),
      rule(`(Rsh${w}x64 (Const${w} [c]) (Const64 [d])) => (Const${w} [c >> uint64(d)])`, ({ c, d }) => op(`Const${w}`, { auxInt: sar(w, c, uint(64, d)) })),
      rule(`(Rsh${w}Ux64 (Const${w} [c]) (Const64 [d])) => (Const${w} [int${w}(uint${w}(c) >> uint64(d))])`, ({ c, d }) => op(`Const${w}`, { auxInt: shr(w, c, uint(64, d)) })),
    )
  }
  return r
}

/** `(Eq64 (Const64 [c]) (Const64 [d])) => (ConstBool [c == d])` and friends, after the shift section. */
export function constantComparisons(): RuleDef[] {
  const r: RuleDef[] = []
  const cmp: [string, string, (c: bigint, d: bigint) => boolean][] = [
    ['Eq', '==', (c, d) => c === d],
    ['Neq', '!=', (c, d) => c !== d],
    ['Less', '<', (c, d) => c < d],
    ['Leq', '<=', (c, d) => c <= d],
  ]
  for (const [name, sym, fn] of cmp) {
    for (const w of W) r.push(rule(`(${name}${w} (Const${w} [c]) (Const${w} [d])) => (ConstBool [c ${sym} d])`, ({ c, d }) => op('ConstBool', { auxInt: fn(c, d) })))
  }
  for (const [name, sym, fn] of cmp.slice(2)) {
    for (const w of W) {
      r.push(rule(`(${name}${w}U (Const${w} [c]) (Const${w} [d])) => (ConstBool [uint${w}(c) ${sym} uint${w}(d)])`, ({ c, d }) => op('ConstBool', { auxInt: fn(uint(w, c), uint(w, d)) })))
    }
  }
  return r
}

export function floatComparisons(): RuleDef[] {
  const r: RuleDef[] = []
  const cmp: [string, string, (c: number, d: number) => boolean][] = [
    ['Eq', '==', (c, d) => c === d],
    ['Neq', '!=', (c, d) => c !== d],
    ['Less', '<', (c, d) => c < d],
    ['Leq', '<=', (c, d) => c <= d],
  ]
  for (const [name, sym, fn] of cmp) {
    for (const w of [32, 64]) r.push(rule(`(${name}${w}F (Const${w}F [c]) (Const${w}F [d])) => (ConstBool [c ${sym} d])`, ({ c, d }) => op('ConstBool', { auxInt: fn(c, d) })))
  }
  return r
}

/** The constant-folding block at the top of generic.rules, in its order. */
export function constantFolding(): RuleDef[] {
  return [...conversions(), ...extensions(), ...arithmetic(), ...modsAndShifts()]
}
