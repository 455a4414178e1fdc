// Magic numbers for division by a constant (the values gc 1.26's divmod and
// divisible rules take from ssa/magic.go), with bigints for the n+1 and 2n-bit
// intermediate products. c is the divisor as the rule binds it: the auxint
// sign-extended at width n; the unsigned helpers read its n-bit pattern.
//
// Unsigned division (Granlund–Montgomery): with s = ⌈log2 c⌉,
//   x/c = ⌊x·M / 2^(n+s)⌋ where M = ⌈2^(n+s)/c⌉ has n+1 bits;
// umagic returns M without its top bit (m = M - 2^n), as the rules add it back.
// Signed division: with s = ⌈log2 c⌉-1, M = ⌈2^(n+s)/c⌉ fits n bits and
//   x/c = ⌊x·M / 2^(n+s)⌋ - (x < 0 ? -1 : 0).
// Divisibility (x%c == 0) uses the inverse of c's odd part modulo 2^n:
// x is a multiple of c exactly when rotr(x·m, k) ≤ max (unsigned), or
// rotr(x·m + a, k) ≤ max (signed, with the bias a moving the range).

const mask = (n: number): bigint => (1n << BigInt(n)) - 1n
const bits = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length)
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b

/** The n-bit unsigned pattern of c. */
const unsigned = (n: number, c: bigint): bigint => BigInt.asUintN(n, c)

/** c's pattern is not 0 and not a power of two (those have shifts or no rule). */
export function umagicOK(n: number, c: bigint): boolean {
  const d = unsigned(n, c)
  return (d & (d - 1n)) !== 0n
}

export interface UMagic {
  /** ⌈log2 c⌉ */
  s: bigint
  /** ⌈2^(n+s)/c⌉ - 2^n: the n+1-bit multiplier without its top bit */
  m: bigint
}

export function umagic(n: number, c: bigint): UMagic {
  const d = unsigned(n, c)
  const s = bits(d)
  const M = ceilDiv(1n << BigInt(n + s), d)
  if (M >> BigInt(n) !== 1n) throw new Error(`umagic(${n}, ${c}): the multiplier does not have n+1 bits`)
  return { s: BigInt(s), m: M & mask(n) }
}

/** A positive divisor that is not a power of two. */
export function smagicOK(_n: number, c: bigint): boolean {
  return c > 0n && (c & (c - 1n)) !== 0n
}

export interface SMagic {
  /** ⌈log2 c⌉ - 1 */
  s: bigint
  /** ⌈2^(n+s)/c⌉, an n-bit unsigned multiplier with its top bit set */
  m: bigint
}

export function smagic(n: number, c: bigint): SMagic {
  const s = bits(c) - 1
  const M = ceilDiv(1n << BigInt(n + s), c)
  if (M >> BigInt(n) !== 0n || ((M >> BigInt(n - 1)) & 1n) !== 1n) throw new Error(`smagic(${n}, ${c}): the multiplier is not an n-bit number with its top bit set`)
  return { s: BigInt(s), m: M }
}

/** The inverse of an odd d modulo 2^n (Newton's iteration doubles the correct bits each step). */
export function inverseOdd(n: number, d: bigint): bigint {
  if ((d & 1n) === 0n) throw new Error(`inverseOdd: ${d} is even`)
  const mod = mask(n)
  let m = d // right to 3 bits: d·d ≡ 1 (mod 8) for odd d
  for (let good = 3; good < n; good *= 2) m = (m * (2n - m * d)) & mod
  return m & mod
}

export const udivisibleOK = umagicOK

export interface UDivisible {
  /** trailing zeros of c */
  k: bigint
  /** the inverse of c's odd part modulo 2^n */
  m: bigint
  /** ⌊(2^n-1)/c⌋: the largest quotient of an exact division */
  max: bigint
}

export function udivisible(n: number, c: bigint): UDivisible {
  const d = unsigned(n, c)
  const k = trailingZeros(d)
  return { k: BigInt(k), m: inverseOdd(n, d >> BigInt(k)), max: mask(n) / d }
}

export const sdivisibleOK = smagicOK

export interface SDivisible {
  /** trailing zeros of c */
  k: bigint
  /** the inverse of c's odd part modulo 2^n */
  m: bigint
  /** ⌊(2^(n-1)-1)/(c>>k)⌋ rounded down to a multiple of 2^k: the bias that makes the range start at 0 */
  a: bigint
  /** ⌊2a / 2^k⌋ */
  max: bigint
}

export function sdivisible(n: number, c: bigint): SDivisible {
  const k = trailingZeros(c)
  const d0 = c >> BigInt(k)
  const a = (mask(n) >> 1n) / d0 & ~((1n << BigInt(k)) - 1n)
  return { k: BigInt(k), m: inverseOdd(n, d0), a, max: (2n * a) >> BigInt(k) }
}

function trailingZeros(x: bigint): number {
  if (x === 0n) throw new Error('trailingZeros(0)')
  let k = 0
  while (((x >> BigInt(k)) & 1n) === 0n) k++
  return k
}
