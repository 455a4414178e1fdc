// prove's value ranges (gc's prove.go `limit`): signed and unsigned bounds
// of a value, kept as bigints in int64/uint64 range. Arithmetic follows gc
// bit for bit, including where Go's int64 arithmetic would wrap.

export interface Limit {
  readonly min: bigint
  readonly max: bigint
  readonly umin: bigint
  readonly umax: bigint
}

export const MIN_INT64 = -(1n << 63n)
export const MAX_INT64 = (1n << 63n) - 1n
export const MAX_UINT64 = (1n << 64n) - 1n

/** Go's int64(x) and uint64(x) of a wider integer: wrap around. */
export const s64 = (x: bigint): bigint => BigInt.asIntN(64, x)
export const u64 = (x: bigint): bigint => BigInt.asUintN(64, x)

export const NO_LIMIT: Limit = Object.freeze({ min: MIN_INT64, max: MAX_INT64, umin: 0n, umax: MAX_UINT64 })

export const limit = (min: bigint, max: bigint, umin: bigint, umax: bigint): Limit => ({ min, max, umin, umax })

export const sameLimit = (a: Limit, b: Limit): boolean => a.min === b.min && a.max === b.max && a.umin === b.umin && a.umax === b.umax

/** Every value in a is in b. */
export const within = (a: Limit, b: Limit): boolean => b.min <= a.min && a.max <= b.max && b.umin <= a.umin && a.umax <= b.umax

const bmax = (a: bigint, b: bigint): bigint => (a > b ? a : b)
const bmin = (a: bigint, b: bigint): bigint => (a < b ? a : b)

export function intersect(l: Limit, l2: Limit): Limit {
  return { min: bmax(l.min, l2.min), umin: bmax(l.umin, l2.umin), max: bmin(l.max, l2.max), umax: bmin(l.umax, l2.umax) }
}

export const signedMin = (l: Limit, m: bigint): Limit => ({ ...l, min: bmax(l.min, m) })
export const signedMinMax = (l: Limit, lo: bigint, hi: bigint): Limit => ({ ...l, min: bmax(l.min, lo), max: bmin(l.max, hi) })
export const unsignedMin = (l: Limit, m: bigint): Limit => ({ ...l, umin: bmax(l.umin, m) })
export const unsignedMax = (l: Limit, m: bigint): Limit => ({ ...l, umax: bmin(l.umax, m) })
export const unsignedMinMax = (l: Limit, lo: bigint, hi: bigint): Limit => ({ ...l, umin: bmax(l.umin, lo), umax: bmin(l.umax, hi) })

export const nonzero = (l: Limit): boolean => l.min > 0n || l.umin > 0n || l.max < 0n
export const maybeZero = (l: Limit): boolean => !nonzero(l)
export const nonnegative = (l: Limit): boolean => l.min >= 0n
export const unsat = (l: Limit): boolean => l.min > l.max || l.umin > l.umax

/** x fits in b bits, signed. */
export function fitsInBits(x: bigint, b: number): boolean {
  if (b >= 64) return true
  const m = -(1n << BigInt(b - 1))
  return x >= m && x <= -m - 1n
}

/** x fits in b bits, unsigned (Go's x>>b == 0; shifts of 64 or more give 0). */
export const fitsInBitsU = (x: bigint, b: number): boolean => b >= 64 || b < 0 || x >> BigInt(b) === 0n

export function safeAdd(x: bigint, y: bigint, b: number): bigint | null {
  const s = s64(x + y)
  if (x >= 0n && y >= 0n && s < 0n) return null
  if (x < 0n && y < 0n && s >= 0n) return null
  return fitsInBits(s, b) ? s : null
}

export function safeAddU(x: bigint, y: bigint, b: number): bigint | null {
  const s = u64(x + y)
  if (s < x || s < y) return null
  return fitsInBitsU(s, b) ? s : null
}

export function safeSub(x: bigint, y: bigint, b: number): bigint | null {
  if (y === MIN_INT64) {
    if (x === MAX_INT64) return null
    x++
    y++
  }
  return safeAdd(x, -y, b)
}

export function safeSubU(x: bigint, y: bigint, b: number): bigint | null {
  if (x < y) return null
  const s = x - y
  return fitsInBitsU(s, b) ? s : null
}

export function noLimitForBitsize(b: number): Limit {
  const B = BigInt(b)
  return { min: -(1n << (B - 1n)), max: (1n << (B - 1n)) - 1n, umin: 0n, umax: (1n << B) - 1n }
}

/** Go's Target(intN(x)) for a b-bit size: truncate and sign-extend. */
const signedOfBits = (x: bigint, b: number): bigint => BigInt.asIntN(b, x)

export function add(l: Limit, l2: Limit, b: number): Limit {
  let lc: bigint | null = null
  let l2c: bigint | null = null
  if (l.min === l.max) lc = u64(signedOfBits(l.min, b))
  else if (l.umin === l.umax) lc = l.umin
  if (l2.min === l2.max) l2c = u64(signedOfBits(l2.min, b))
  else if (l2.umin === l2.umax) l2c = l2.umin
  if (lc !== null && l2c !== null) {
    const r = BigInt.asUintN(b, lc + l2c)
    const sr = signedOfBits(r, b)
    return { min: sr, max: sr, umin: r, umax: r }
  }
  let r: Limit = NO_LIMIT
  const mn = safeAdd(l.min, l2.min, b)
  const mx = safeAdd(l.max, l2.max, b)
  if (mn !== null && mx !== null) r = { ...r, min: mn, max: mx }
  const umn = safeAddU(l.umin, l2.umin, b)
  const umx = safeAddU(l.umax, l2.umax, b)
  if (umn !== null && umx !== null) r = { ...r, umin: umn, umax: umx }
  return r
}

export function sub(l: Limit, l2: Limit, b: number): Limit {
  let r: Limit = NO_LIMIT
  const mn = safeSub(l.min, l2.max, b)
  const mx = safeSub(l.max, l2.min, b)
  if (mn !== null && mx !== null) r = { ...r, min: mn, max: mx }
  const umn = safeSubU(l.umin, l2.umax, b)
  const umx = safeSubU(l.umax, l2.umin, b)
  if (umn !== null && umx !== null) r = { ...r, umin: umn, umax: umx }
  return r
}

export function mul(l: Limit, l2: Limit, b: number): Limit {
  const p = l.umax * l2.umax
  if (p >> 64n === 0n && fitsInBitsU(p, b)) return { ...NO_LIMIT, umax: p, umin: u64(l.umin * l2.umin) }
  return NO_LIMIT
}

/** 1 << l, when it fits in b bits. */
export function exp2(l: Limit, b: number): Limit {
  if (l.umax < BigInt(b)) return { ...NO_LIMIT, umin: u64(1n << l.umin), umax: u64(1n << l.umax) }
  return NO_LIMIT
}

/** The bitwise complement, at b bits. */
export function com(l: Limit, b: number): Limit {
  return {
    min: signedOfBits(~l.max, b),
    max: signedOfBits(~l.min, b),
    umin: BigInt.asUintN(b, ~l.umax),
    umax: BigInt.asUintN(b, ~l.umin),
  }
}

export const neg = (l: Limit, b: number): Limit => add(com(l, b), { min: 1n, max: 1n, umin: 1n, umax: 1n }, b)

/** Go's bits.Len64. */
export const bitLen = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length)

/** Go's bits.OnesCount64. */
export function onesCount(x: bigint): number {
  let n = 0
  for (const c of x.toString(2)) if (c === '1') n++
  return n
}

export const limitString = (l: Limit): string => `sm,SM=${l.min},${l.max} um,UM=${l.umin},${l.umax}`
