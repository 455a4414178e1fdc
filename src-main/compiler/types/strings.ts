// String constants. A Go string is a sequence of bytes, not of UTF-16 code
// units, so constant strings are kept as "byte strings": JavaScript strings
// whose every char code is one byte (0–255). len, indexing, slicing,
// concatenation and ordering are then plain string operations, and the
// bytes are exactly those gc writes into the `go:string."…"` symbol.

/** The UTF-8 bytes of a JavaScript (UTF-16) string, as a byte string. */
export function utf8Bytes(s: string): string {
  let out = ''
  for (const ch of s) out += encodeRune(ch.codePointAt(0)!)
  return out
}

/** UTF-8 of one code point (invalid ones, like surrogates, become U+FFFD as Go's string(rune) does). */
export function encodeRune(r: number): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r < 0xe000)) r = 0xfffd
  if (r < 0x80) return String.fromCharCode(r)
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 0x3f))
  if (r < 0x10000) return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f))
  return String.fromCharCode(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 0x3f), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f))
}

/** utf8.DecodeRuneInString on a byte string: the rune at i and its width (U+FFFD, 1 when invalid). */
export function decodeRune(b: string, i: number): { r: number; size: number } {
  const c0 = b.charCodeAt(i)
  if (c0 < 0x80) return { r: c0, size: 1 }
  const cont = (k: number): number => {
    const c = b.charCodeAt(i + k)
    return Number.isNaN(c) || (c & 0xc0) !== 0x80 ? -1 : c & 0x3f
  }
  const bad = { r: 0xfffd, size: 1 }
  if (c0 >= 0xc2 && c0 < 0xe0) {
    const c1 = cont(1)
    return c1 < 0 ? bad : { r: ((c0 & 0x1f) << 6) | c1, size: 2 }
  }
  if (c0 >= 0xe0 && c0 < 0xf0) {
    const c1 = cont(1)
    const c2 = cont(2)
    if (c1 < 0 || c2 < 0) return bad
    const r = ((c0 & 0x0f) << 12) | (c1 << 6) | c2
    return r < 0x800 || (r >= 0xd800 && r < 0xe000) ? bad : { r, size: 3 }
  }
  if (c0 >= 0xf0 && c0 < 0xf5) {
    const c1 = cont(1)
    const c2 = cont(2)
    const c3 = cont(3)
    if (c1 < 0 || c2 < 0 || c3 < 0) return bad
    const r = ((c0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
    return r < 0x10000 || r > 0x10ffff ? bad : { r, size: 4 }
  }
  return bad
}

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34 }

/**
 * The bytes of a string literal as written: `"…"` with Go's escapes
 * (\x and octal give bytes, \u and \U give UTF-8), or a raw `` `…` ``
 * literal (carriage returns dropped). null when malformed.
 */
export function parseStringLit(raw: string): string | null {
  if (raw.length >= 2 && raw.startsWith('`') && raw.endsWith('`')) return utf8Bytes(raw.slice(1, -1).replace(/\r/g, ''))
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) return null
  const body = raw.slice(1, -1)
  let out = ''
  for (let i = 0; i < body.length; ) {
    const ch = body[i]!
    if (ch === '\n') return null
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!
      out += encodeRune(cp)
      i += cp > 0xffff ? 2 : 1
      continue
    }
    const e = body[i + 1]
    if (e === undefined) return null
    if (e in SIMPLE) {
      out += String.fromCharCode(SIMPLE[e]!)
      i += 2
      continue
    }
    if (e === 'x') {
      const h = body.slice(i + 2, i + 4)
      if (!/^[0-9a-fA-F]{2}$/.test(h)) return null
      out += String.fromCharCode(parseInt(h, 16))
      i += 4
      continue
    }
    if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8
      const h = body.slice(i + 2, i + 2 + n)
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) return null
      const v = parseInt(h, 16)
      if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return null
      out += encodeRune(v)
      i += 2 + n
      continue
    }
    if (/[0-7]/.test(e)) {
      const o = body.slice(i + 1, i + 4)
      if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) return null
      out += String.fromCharCode(parseInt(o, 8))
      i += 4
      continue
    }
    return null
  }
  return out
}

/** unicode.IsPrint for the runes strconv.Quote keeps as they are (a close approximation outside ASCII). */
function isPrint(r: number): boolean {
  if (r < 0x20 || r === 0x7f) return false
  if (r < 0x7f) return true
  if (r >= 0x80 && r < 0xa0) return false
  if (r === 0xad || r === 0xfffd + 1 || r === 0xfeff) return false
  if (r >= 0x2028 && r <= 0x2029) return false
  if (r >= 0xe000 && r <= 0xf8ff) return false // private use
  if (r >= 0xfff9 && r <= 0xfffb) return false
  if (r >= 0x200b && r <= 0x200f) return false
  if (r >= 0x202a && r <= 0x202e) return false
  if (r >= 0x2060 && r <= 0x206f) return false
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(r)) || r === 0x20
}

const hex = (v: number, n: number): string => v.toString(16).padStart(n, '0')

/** strconv.Quote of a byte string. */
export function quote(b: string): string {
  let out = '"'
  for (let i = 0; i < b.length; ) {
    const { r, size } = decodeRune(b, i)
    if (size === 1 && r === 0xfffd) {
      out += `\\x${hex(b.charCodeAt(i), 2)}`
      i++
      continue
    }
    i += size
    if (r === 0x22 || r === 0x5c) out += '\\' + String.fromCharCode(r)
    else if (isPrint(r)) out += String.fromCodePoint(r)
    else {
      const named: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' }
      if (named[r]) out += named[r]
      else if (r < 0x20 || r === 0x7f) out += `\\x${hex(r, 2)}`
      else if (r < 0x10000) out += `\\u${hex(r, 4)}`
      else out += `\\U${hex(r, 8)}`
    }
  }
  return out + '"'
}

/** go/constant's String() of a string value: quoted, cut to 72 runes with `...`. */
export function constStringValue(b: string): string {
  const s = quote(b)
  const runes = [...s]
  return runes.length > 72 ? runes.slice(0, 69).join('') + '...' : s
}

/** A byte string as JavaScript text (UTF-8 decoded, invalid bytes as U+FFFD). */
export function bytesToText(b: string): string {
  let out = ''
  for (let i = 0; i < b.length; ) {
    const { r, size } = decodeRune(b, i)
    out += String.fromCodePoint(r)
    i += size
  }
  return out
}
