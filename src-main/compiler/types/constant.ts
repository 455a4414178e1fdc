// Constant values and their arithmetic, after go/constant.
//
// Integers are exact (bigint). Floating-point constants are JavaScript
// numbers (IEEE float64): Go evaluates untyped float constants with at least
// 256 bits of mantissa, so results that depend on more than float64 precision
// (1e400, 1.0/3*3 compared exactly, integers above 2^53 written as floats)
// can differ from gc's. Integer-valued floats convert back to exact integers.

import { constStringValue } from './strings'
import type { BasicKind } from './types'

/** String values are byte strings (one char per byte, see strings.ts). */
export type Constant =
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'string'; value: string }

export const makeBool = (value: boolean): Constant => ({ kind: 'bool', value })
export const makeInt = (value: bigint | number): Constant => ({ kind: 'int', value: BigInt(value) })
export const makeFloat = (value: number): Constant => ({ kind: 'float', value })
export const makeString = (value: string): Constant => ({ kind: 'string', value })

/** Untyped integer constants wider than this are an error (gc's 512-bit limit). */
export const MAX_INT_BITS = 512

// ---------------------------------------------------------------- literals

/** The value of an integer literal as written (`0x1F`, `0o17`, `017`, `1_000`), or null if malformed. */
export function parseIntLit(raw: string): Constant | null {
  let s = raw.replace(/_/g, '').toLowerCase()
  if (/^0[0-7]+$/.test(s)) s = '0o' + s.slice(1) // legacy octal
  try {
    return makeInt(BigInt(s))
  } catch {
    return null
  }
}

/** The value of a floating-point literal, decimal or hexadecimal (`0x1.8p3`). */
export function parseFloatLit(raw: string): Constant | null {
  const s = raw.replace(/_/g, '').toLowerCase()
  if (s.startsWith('0x')) {
    const m = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/.exec(s)
    if (!m) return null
    const int = m[1] ?? ''
    const frac = m[2] ?? ''
    if (int + frac === '') return null
    const mantissa = Number(BigInt('0x' + (int + frac || '0')))
    return makeFloat(mantissa * 2 ** (Number(m[3]) - 4 * frac.length))
  }
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return null
  return makeFloat(Number(s))
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 }

/** The code point of a rune literal such as `'a'`, `'\n'`, `'\x41'`, `'\u00e9'`. */
export function parseRuneLit(raw: string): Constant | null {
  if (raw.length < 3 || !raw.startsWith("'") || !raw.endsWith("'")) return null
  const body = raw.slice(1, -1)
  if (!body.startsWith('\\')) {
    const cp = body.codePointAt(0)!
    return String.fromCodePoint(cp) === body ? makeInt(cp) : null
  }
  const esc = body.slice(1)
  if (esc.length === 1 && esc in SIMPLE_ESCAPES) return makeInt(SIMPLE_ESCAPES[esc]!)
  const hex = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))$/.exec(esc)
  if (hex) {
    const v = parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16)
    return v > 0x10ffff || (v >= 0xd800 && v < 0xe000 && !hex[1]) ? null : makeInt(v)
  }
  if (/^[0-7]{3}$/.test(esc)) {
    const v = parseInt(esc, 8)
    return v > 255 ? null : makeInt(v)
  }
  return null
}

// ---------------------------------------------------------------- printing

/** go/constant's Value.String(): integers in decimal, floats like `%.6g`. */
export function constantString(c: Constant): string {
  switch (c.kind) {
    case 'bool':
      return String(c.value)
    case 'string':
      return constStringValue(c.value)
    case 'int':
      return c.value.toString()
    case 'float': {
      const v = c.value
      if (!Number.isFinite(v)) return v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN'
      const s = formatG(v, 6)
      // A non-integer that prints like one gets all its digits (go.dev/issue/56220).
      return !Number.isInteger(v) && !s.includes('.') ? formatG(v) : s
    }
  }
}

/** Go's %g (shortest) or %.Ng formatting of a float64. */
export function formatG(v: number, precision?: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0'
  const e = precision === undefined ? v.toExponential() : v.toExponential(precision - 1)
  const [mant, expStr] = e.split('e') as [string, string]
  const exp = Number(expStr)
  const eprec = precision ?? 6
  const digits = mant.replace('-', '').replace('.', '')
  const sign = v < 0 ? '-' : ''
  if (exp < -4 || exp >= eprec) {
    const m = trimZeros(mant)
    const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp))
    return `${m}e${exp < 0 ? '-' : '+'}${es}`
  }
  // Fixed notation with the same significant digits.
  let s: string
  if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
    const frac = digits.slice(exp + 1)
    s = frac ? `${intPart}.${frac}` : intPart
  } else {
    s = `0.${'0'.repeat(-exp - 1)}${digits}`
  }
  return sign + trimZeros(s)
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
}

// ---------------------------------------------------------------- conversions

/** The exact integer value of c, or null when c is not an integer (1.5, true). */
export function toInt(c: Constant): bigint | null {
  if (c.kind === 'int') return c.value
  if (c.kind === 'float' && Number.isInteger(c.value)) return BigInt(c.value)
  return null
}

export function toFloat(c: Constant): number | null {
  if (c.kind === 'float') return c.value
  if (c.kind === 'int') return Number(c.value)
  return null
}

export function sign(c: Constant): number {
  if (c.kind === 'int') return c.value === 0n ? 0 : c.value < 0n ? -1 : 1
  if (c.kind === 'float') return Math.sign(c.value)
  return 0
}

export function bitLen(v: bigint): number {
  return (v < 0n ? -v : v).toString(2).length - (v === 0n ? 1 : 0)
}

const INT_RANGES: Partial<Record<BasicKind, [bigint, bigint]>> = {
  int8: [-(1n << 7n), (1n << 7n) - 1n],
  int16: [-(1n << 15n), (1n << 15n) - 1n],
  int32: [-(1n << 31n), (1n << 31n) - 1n],
  int64: [-(1n << 63n), (1n << 63n) - 1n],
  int: [-(1n << 63n), (1n << 63n) - 1n],
  uint8: [0n, (1n << 8n) - 1n],
  uint16: [0n, (1n << 16n) - 1n],
  uint32: [0n, (1n << 32n) - 1n],
  uint64: [0n, (1n << 64n) - 1n],
  uint: [0n, (1n << 64n) - 1n],
  uintptr: [0n, (1n << 64n) - 1n],
}

/**
 * c rounded to a value of basic kind `kind`, or null when it is not
 * representable (too large, not an integer, or the wrong kind).
 */
export function representable(c: Constant, kind: BasicKind): Constant | null {
  const range = INT_RANGES[kind]
  if (range || kind === 'untyped int' || kind === 'untyped rune') {
    const v = toInt(c)
    if (v === null) return null
    if (range && (v < range[0] || v > range[1])) return null
    return makeInt(v)
  }
  switch (kind) {
    case 'float32': {
      const v = toFloat(c)
      return v === null || !Number.isFinite(Math.fround(v)) ? null : makeFloat(Math.fround(v))
    }
    case 'float64': {
      const v = toFloat(c)
      return v === null || !Number.isFinite(v) ? null : makeFloat(v)
    }
    case 'untyped float':
      return c.kind === 'bool' || c.kind === 'string' ? null : c
    case 'string':
    case 'untyped string':
      return c.kind === 'string' ? c : null
    case 'bool':
    case 'untyped bool':
      return c.kind === 'bool' ? c : null
    default:
      return null
  }
}

// ---------------------------------------------------------------- arithmetic

export type ConstUnaryOp = '+' | '-' | '^' | '!'

/** `op c`; for ^ on an unsigned type, `unsignedBits` is its width (^x flips only those bits). */
export function unaryOp(op: ConstUnaryOp, c: Constant, unsignedBits = 0): Constant {
  switch (op) {
    case '+':
      return c
    case '-':
      if (c.kind === 'int') return makeInt(-c.value)
      if (c.kind === 'float') return makeFloat(-c.value)
      break
    case '^':
      if (c.kind === 'int') {
        if (unsignedBits > 0) return makeInt(c.value ^ ((1n << BigInt(unsignedBits)) - 1n))
        return makeInt(~c.value)
      }
      break
    case '!':
      if (c.kind === 'bool') return makeBool(!c.value)
      break
  }
  throw new Error(`invalid constant operation ${op}${c.kind}`)
}

export type ConstBinaryOp = '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '&^' | '&&' | '||'

/** `x op y`; `/` truncates when `integerDivision` (integer-typed operands). The divisor is never zero here. */
export function binaryOp(x: Constant, op: ConstBinaryOp, y: Constant, integerDivision: boolean): Constant {
  if (x.kind === 'string' && y.kind === 'string' && op === '+') return makeString(x.value + y.value)
  if (x.kind === 'bool' && y.kind === 'bool') {
    if (op === '&&') return makeBool(x.value && y.value)
    if (op === '||') return makeBool(x.value || y.value)
  }
  if (x.kind === 'int' && y.kind === 'int') {
    const a = x.value
    const b = y.value
    switch (op) {
      case '+':
        return makeInt(a + b)
      case '-':
        return makeInt(a - b)
      case '*':
        return makeInt(a * b)
      case '/':
        return integerDivision ? makeInt(a / b) : makeFloat(Number(a) / Number(b))
      case '%':
        return makeInt(a % b)
      case '&':
        return makeInt(a & b)
      case '|':
        return makeInt(a | b)
      case '^':
        return makeInt(a ^ b)
      case '&^':
        return makeInt(a & ~b)
    }
  }
  const a = toFloat(x)
  const b = toFloat(y)
  if (a !== null && b !== null) {
    if (integerDivision && op === '/') {
      const ai = toInt(x)
      const bi = toInt(y)
      if (ai !== null && bi !== null) return makeInt(ai / bi)
    }
    switch (op) {
      case '+':
        return makeFloat(a + b)
      case '-':
        return makeFloat(a - b)
      case '*':
        return makeFloat(a * b)
      case '/':
        return makeFloat(a / b)
    }
  }
  throw new Error(`invalid constant operation ${x.kind} ${op} ${y.kind}`)
}

/** `x << s` or `x >> s` on an integer value (>> rounds toward negative infinity). */
export function shift(x: bigint, op: '<<' | '>>', s: number): bigint {
  return op === '<<' ? x << BigInt(s) : x >> BigInt(s)
}

export type ConstCompareOp = '==' | '!=' | '<' | '<=' | '>' | '>='

export function compare(x: Constant, op: ConstCompareOp, y: Constant): boolean {
  let cmp: number
  if (x.kind === 'bool' || y.kind === 'bool') {
    if (op === '==') return x.value === y.value
    if (op === '!=') return x.value !== y.value
    throw new Error('ordered comparison of booleans')
  }
  if (x.kind === 'string' || y.kind === 'string') {
    const a = x.value as string
    const b = y.value as string
    cmp = a < b ? -1 : a > b ? 1 : 0 // byte strings: code units are bytes
    return compareResult(cmp, op)
  }
  const xi = toInt(x)
  const yi = toInt(y)
  if (xi !== null && yi !== null) cmp = xi < yi ? -1 : xi > yi ? 1 : 0
  else {
    const a = toFloat(x)!
    const b = toFloat(y)!
    cmp = a < b ? -1 : a > b ? 1 : 0
  }
  return compareResult(cmp, op)
}

function compareResult(cmp: number, op: ConstCompareOp): boolean {
  switch (op) {
    case '==':
      return cmp === 0
    case '!=':
      return cmp !== 0
    case '<':
      return cmp < 0
    case '<=':
      return cmp <= 0
    case '>':
      return cmp > 0
    case '>=':
      return cmp >= 0
  }
}
