// Strings at SSA construction: string values are (ptr, len) pairs
// (StringMake, StringPtr, StringLen; decompose builtin splits them),
// constants are ConstString (generic.rules turns them into their
// `go:string."…"` data symbol). Built here: constants, len, indexing,
// slicing; parameters, results, fields and variables go through the common
// paths. The forms walk rewrites into runtime calls are refused, at the
// first such node, with `unsupported: …` (escape analysis still runs).

import { rangeLoop, rangeVar } from './rangeloop'
import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { FnUnit } from '../escape/units'
import type { TypeInfo } from '../types/info'
import { under, type Type } from '../types/types'
import { BOUNDS, Unsupported, unparen, type FnBuilder } from './fn'
import type { Cond } from './compare'
import { concatOperands, isConcat, isStringConversion } from '../escape/strings'
import type { Value } from '../ssa/func'
import { arrayOf, bytePtr, fromGo, ptrTo, T, type SsaType } from '../ssa/types'
import { toInt } from '../types/constant'
import { quote } from '../types/strings'
import { constStringAux } from '../ssa/rules/strings'
import { bounded } from '../walk/bounds'
import { rangeOrderCopy, rangeWalkTemps } from './dcltemps'

/**
 * Throws Unsupported at the first string form SSA construction does not
 * build yet: concatenation of more than 5 strings, conversions to or from
 * strings, switch, copy/append/print of strings.
 */
export function refuseStrings(unit: FnUnit, info: TypeInfo): void {
  const isStr = (e: A.Expr | null | undefined): boolean => {
    const t = e ? info.types.get(unparen(e))?.type : undefined
    return !!t && isStringType(t)
  }
  const body = unit.decl?.body ?? unit.lit?.body
  walkCode(body, (n) => {
    if (n.kind === 'FuncLit' && n !== unit.lit) return false
    if (info.types.get(n as A.Expr)?.value !== undefined) return false // constants are folded
    switch (n.kind) {
      case 'Binary':
        if (isConcat(info, n) && concatOperands(info, n).length > 5) throw new Unsupported(n.opPos, 'concatenation of more than 5 strings')
        break
      case 'Switch':
        if (isStr(n.tag)) throw new Unsupported(n.tag!.pos, 'switch on a string')
        break
      case 'Call': {
        const ci = info.calls.get(n)
        if (ci?.kind === 'conversion' && isStringConversion(info, n) && info.types.get(unparen(n.args[0]!))?.value !== undefined) {
          throw new Unsupported(n.pos, 'conversion of a constant string to a slice')
        }
        // copy(b, s) is built (builtins.ts copySlices, the string's length and pointer).
        if (ci?.kind === 'builtin' && ci.id === 'append' && n.args.some(isStr)) throw new Unsupported(n.pos, `${ci.id} of a string`)
        break
      }
    }
    return true
  })
}

const isStringType = (t: Type): boolean => {
  const u = under(t)
  return u.kind === 'basic' && (u.basic === 'string' || u.basic === 'untyped string')
}

// ---------------------------------------------------------------- building

/** A constant string: gc's ConstString, one per use (the empty string is a cached constant). */
export function constString(s: FnBuilder, t: SsaType, bytes: string, at: A.Span): Value {
  if (bytes.length > 100) throw new Unsupported(at.pos, 'string constant longer than 100 bytes') // gc names those by a hash
  if (bytes === '') return s.constEmptyString(t)
  return s.entryV('ConstString', t, [], 0n, constStringAux(quote(bytes)))
}

/** len(s). */
export function stringLen(s: FnBuilder, x: A.Expr): Value {
  return s.v('StringLen', T.int, [s.expr(x)])
}

/** s[i]: a bounds check against the length, then a byte load (a constant string at a constant index is that byte). */
export function stringIndex(s: FnBuilder, e: A.Index): Value {
  const info = s.cx.info
  const xv = info.types.get(unparen(e.x))?.value
  const iv = info.types.get(unparen(e.index))?.value
  if (xv?.kind === 'string' && iv !== undefined) {
    const i = Number(toInt(iv)!)
    return s.constInt(T.uint8, xv.value.charCodeAt(i))
  }
  const a = s.expr(e.x)
  let i = s.expr(e.index)
  const len = s.v('StringLen', T.int, [a])
  const isBounded = xv?.kind === 'string' && bounded(info, unparen(e.index), xv.value.length)
  i = isBounded ? s.extendIndex(i) : s.boundsCheck(i, len, BOUNDS.index, e.index)
  let ptr = s.v('StringPtr', bytePtr, [a])
  if (iv !== undefined) ptr = s.v('OffPtr', bytePtr, [ptr], toInt(iv)!)
  else ptr = s.v('AddPtr', bytePtr, [ptr, i])
  return s.load(T.uint8, ptr)
}

/** s[i:j] (gc's slice on a string: checks j <= len, then i <= j; the pointer moves only for a non-constant-zero i). */
export function stringSlice(s: FnBuilder, e: A.SliceExpr): Value {
  const t = fromGo(s.typeOf(e))
  const v = s.expr(e.x)
  let i = e.low ? s.expr(e.low) : null
  let j = e.high ? s.expr(e.high) : null
  const ptr = s.v('StringPtr', bytePtr, [v])
  const len = s.v('StringLen', T.int, [v])
  i ??= s.constInt(T.int, 0)
  j ??= len
  if (j !== len) j = s.boundsCheck(j, len, BOUNDS.sliceAlen, e.high ?? e, true)
  i = s.boundsCheck(i, j, BOUNDS.sliceB, e.low ?? e, true)
  const rlen = s.v('Sub64', T.int, [j, i])
  if (i.op === 'Const64' && i.auxInt === 0n) return s.v('StringMake', t, [ptr, rlen])
  const delta = s.v('Mul64', T.int, [i, s.constInt(T.int, 1)])
  const masked = s.v('And64', T.int, [delta, s.v('Slicemask', T.int, [rlen])])
  return s.v('StringMake', t, [s.v('AddPtr', bytePtr, [ptr, masked]), rlen])
}

// ---------------------------------------------------------------- comparison

const WORDS: Record<number, SsaType> = { 2: T.uint16, 4: T.uint32, 8: T.int64 }
const REVERSED: Record<string, string> = { '==': '==', '!=': '!=', '<': '>', '>': '<', '<=': '>=', '>=': '<=' }
const CMP_OPS: Record<string, [string, boolean]> = { '==': ['Eq', false], '!=': ['Neq', false], '<': ['Less', false], '<=': ['Leq', false], '>': ['Less', true], '>=': ['Leq', true] }

/** Whether e compares two strings (walk's walkCompareString rewrites those). */
export function isStringCompare(s: FnBuilder, e: A.Expr): boolean {
  if (e.kind !== 'Binary' || !(e.op in REVERSED)) return false
  if (s.cx.info.types.get(e)?.value !== undefined) return false
  return isStringType(s.typeOf(e.x))
}

/** An integer comparison x op y of type t (> and >= swap their operands, as ssagen does). */
function intCompare(s: FnBuilder, op: string, x: Value, y: Value, t: SsaType): Value {
  const [name, swap] = CMP_OPS[op]!
  const signed = t.kind === 'int' || op === '==' || op === '!=' ? '' : 'U'
  const [a, b] = swap ? [y, x] : [x, y]
  return s.v(`${name}${t.size * 8}${signed}`, T.bool, [a, b])
}

/** s[i] for a constant i, as walk's rewritten comparisons read it: a bounds check, then a byte load. */
function byteAt(s: FnBuilder, v: Value, i: number, at: A.Span): Value {
  const len = s.v('StringLen', T.int, [v])
  s.boundsCheck(s.constInt(T.int, i), len, BOUNDS.index, at)
  const ptr = s.v('OffPtr', bytePtr, [s.v('StringPtr', bytePtr, [v])], BigInt(i))
  return s.load(T.uint8, ptr)
}

/**
 * walkCompareString: against a constant of at most 16 bytes, `==` and `!=`
 * become a length test and byte or word tests joined by && or || (the words
 * built from byte loads that memcombine merges); against "" any comparison
 * is a length test; otherwise `==`/`!=` test the lengths, then
 * runtime.memequal, and the orderings compare runtime.cmpstring with 0.
 */
export function stringCond(s: FnBuilder, e: A.Binary): Cond {
  const info = s.cx.info
  const constOf = (x: A.Expr): string | null => {
    const v = info.types.get(unparen(x))?.value
    return v?.kind === 'string' ? v.value : null
  }
  const xc = constOf(e.x)
  const yc = constOf(e.y)
  const cs = xc ?? yc
  const op = xc !== null ? REVERSED[e.op]! : e.op
  const eqne = op === '==' || op === '!='
  if (cs !== null && cs.length <= (eqne ? 16 : 0)) {
    const v = operand(s, xc !== null ? e.y : e.x)
    s.pos = s.at(e.opPos)
    const andor = op === '==' ? '&&' : '||'
    let r: Cond = { k: 'leaf', build: () => intCompare(s, op, s.v('StringLen', T.int, [v]), s.constInt(T.int, cs.length), T.int) }
    for (let i = 0, remains = cs.length; remains > 0; ) {
      const at = i
      if (remains === 1) {
        r = { k: andor, x: r, y: { k: 'leaf', build: () => intCompare(s, op, byteAt(s, v, at, e), s.constInt(T.uint8, cs.charCodeAt(at)), T.uint8) } }
        remains--
        i++
        continue
      }
      const step = remains >= 8 ? 8 : remains >= 4 ? 4 : 2
      const word = WORDS[step]!
      let c = 0n
      for (let k = 0; k < step; k++) c |= BigInt(cs.charCodeAt(at + k)) << BigInt(8 * k)
      r = {
        k: andor,
        x: r,
        y: {
          k: 'leaf',
          build: () => {
            const part = (k: number): Value => s.convert(byteAt(s, v, at + k, e), T.uint8, word, e)
            let w = part(0)
            for (let k = 1; k < step; k++) w = s.v(`Or${step * 8}`, word, [w, s.shift('<<', part(k), s.constInt(T.uint, 8 * k), word, T.uint)])
            return intCompare(s, op, s.constInt(word, c), w, word)
          },
        },
      }
      remains -= step
      i += step
    }
    return r
  }
  const x = operand(s, e.x)
  const y = operand(s, e.y)
  s.pos = s.at(e.opPos)
  if (!eqne) {
    return { k: 'leaf', build: () => intCompare(s, e.op, s.mkcall('cmpstring', [T.int], [x, y])[0]!, s.constInt(T.int, 0), T.int) }
  }
  const ulen = (v: Value): Value => s.v('Copy', T.uintptr, [s.v('StringLen', T.int, [v])])
  const eqlen: Cond = { k: 'leaf', build: () => intCompare(s, op, ulen(x), ulen(y), T.uintptr) }
  const eqmem: Cond = {
    k: 'leaf',
    build: () => {
      // The length passed is the one more likely constant (compare.EqString).
      const n = probablyConstant(s, e.y) && !probablyConstant(s, e.x) ? ulen(y) : ulen(x)
      return s.mkcall('memequal', [T.bool], [s.v('StringPtr', bytePtr, [x]), s.v('StringPtr', bytePtr, [y]), n])[0]!
    },
  }
  return op === '==' ? { k: '&&', x: eqlen, y: eqmem } : { k: '||', x: eqlen, y: { k: '!', x: eqmem } }
}

/**
 * A compared or concatenated string: string(b) of a []byte is order's
 * OBYTES2STRTMP (b's own bytes). A comparison needs it cheap: walk copies it
 * into a temporary (walkCompareString's cheapExpr or safeExpr).
 */
function operand(s: FnBuilder, x: A.Expr, compared = true): Value {
  const u = unparen(x)
  if (u.kind === 'Call' && isStringConversion(s.cx.info, u) && isElem(s.typeOf(unparen(u.args[0]!)), 'uint8')) {
    if (compared) s.reserveTemp()
    return bytesToStringTmp(s, u.args[0]!, fromGo(s.typeOf(u)))
  }
  return s.expr(x)
}

/** compare.EqString's probablyConstant: a literal, or a local never assigned anything but a constant. */
function probablyConstant(s: FnBuilder, e: A.Expr): boolean {
  const u = unparen(e)
  if (s.cx.info.types.get(u)?.value !== undefined) return true
  return false
}

// ---------------------------------------------------------------- stores

/** gc's IsStackAddr: an address into the frame (no write barrier needed). */
export function isStackAddr(v: Value): boolean {
  while (v.op === 'OffPtr' || v.op === 'AddPtr' || v.op === 'PtrIndex' || v.op === 'Copy') v = v.args[0]!
  return v.op === 'SP' || v.op === 'LocalAddr' || v.op === 'SelectNAddr'
}

/** ssagen's storeType for a string outside the frame: the length first, then the pointer (under a write barrier). */
export function storeStringParts(s: FnBuilder, addr: Value, val: Value): void {
  const len = s.v('StringLen', T.int, [val])
  s.store(T.int, s.v('OffPtr', ptrTo(T.int), [addr], 8n), len)
  s.store(bytePtr, addr, s.v('StringPtr', bytePtr, [val]))
}

// ---------------------------------------------------------------- concatenation

/** runtime.tmpBuf: the 32-byte stack buffer a result that does not escape may use. */
const TMP_BUF = 32

/**
 * walkAddString: `a + b + …` (up to 5 operands) is runtime.concatstringN(buf,
 * a, b, …); buf is a fresh [32]byte stack buffer when the result does not
 * escape and the constant parts are shorter than it, else nil. `s += t` is
 * walk's own `s = s + t`, a node escape analysis never saw: nil.
 */
export function concatStrings(s: FnBuilder, operands: A.Expr[], onStack: boolean, at: A.Span & { opPos?: number }): Value {
  if (operands.length > 5) throw new Unsupported(at.opPos ?? at.pos, 'concatenation of more than 5 strings')
  const info = s.cx.info
  // order's OBYTES2STRTMP: with a non-empty literal among the operands, string(b) is b's own bytes (concatstrings copies them).
  const hasLit = operands.some((x) => {
    const c = info.types.get(unparen(x))?.value
    return c?.kind === 'string' && c.value.length > 0
  })
  const vals = operands.map((x) => {
    const v = hasLit ? operand(s, x, false) : s.expr(x)
    return s.convert(v, v.type, T.string, x)
  })
  const bufType = ptrTo(arrayOf(T.uint8, TMP_BUF))
  let lits = 0
  for (const x of operands) {
    const c = info.types.get(unparen(x))?.value
    if (c?.kind === 'string') lits += c.value.length
  }
  if (at.opPos !== undefined) s.pos = s.at(at.opPos)
  let buf: Value
  if (onStack && lits < TMP_BUF) {
    buf = stackBuf(s, bufType)
  } else buf = s.constNil(bufType)
  return s.mkcall(`concatstring${operands.length}`, [T.string], [buf, ...vals])[0]!
}

/** `a + b + …` on strings. */
export function concatExpr(s: FnBuilder, e: A.Binary): Value {
  return concatStrings(s, concatOperands(s.cx.info, e), !s.cx.facts.escapingSites.has(e), e)
}

/** A fresh stack buffer walk allocates (stackBufAddr): its address, no zeroing. */
function stackBuf(s: FnBuilder, bufType: SsaType): Value {
  const name = s.autotmp(bufType.elem!, true, 'walk')
  return s.v('LocalAddr', bufType, [s.sp, s.mem], 0n, { kind: 'sym', name })
}

// ---------------------------------------------------------------- conversions

const isElem = (t: Type, basic: string): boolean => {
  const u = under(t)
  if (u.kind !== 'slice') return false
  const e = under(u.elem)
  return e.kind === 'basic' && e.basic === basic
}

/**
 * walk's string conversions, each a runtime call with a stack buffer when
 * the result does not escape (nil otherwise): slicebytetostring,
 * slicerunetostring, intstring ([4]byte), stringtoslicebyte,
 * stringtoslicerune ([32]rune). A []byte(s) nobody writes through shares
 * the string's bytes (escape analysis's zero-copy OSTR2BYTESTMP).
 */
export function stringConversion(s: FnBuilder, e: A.Call): Value {
  const arg = e.args[0]!
  const from = s.typeOf(unparen(arg))
  const rt = fromGo(s.typeOf(e))
  const x = s.expr(arg)
  s.pos = s.at(gcConvPos(arg))
  const onStack = !s.cx.facts.escapingSites.has(e)
  const buf = (t: SsaType): Value => (onStack ? stackBuf(s, ptrTo(t)) : s.constNil(ptrTo(t)))
  if (isStringType(rt.go ?? s.typeOf(e))) {
    if (isElem(from, 'uint8')) {
      const b = buf(arrayOf(T.uint8, TMP_BUF))
      return s.mkcall('slicebytetostring', [rt], [b, s.v('SlicePtr', bytePtr, [x]), s.v('SliceLen', T.int, [x])])[0]!
    }
    if (isElem(from, 'int32')) return s.mkcall('slicerunetostring', [rt], [buf(arrayOf(T.uint8, TMP_BUF)), x])[0]!
    const b = buf(arrayOf(T.uint8, 4))
    return s.mkcall('intstring', [rt], [b, s.convert(x, x.type, T.int64, arg)])[0]!
  }
  const str = s.convert(x, x.type, T.string, arg)
  if (isElem(s.typeOf(e), 'uint8')) {
    if (s.cx.facts.zeroCopy?.has(e)) return zeroCopyBytes(s, str, rt)
    return s.mkcall('stringtoslicebyte', [rt], [buf(arrayOf(T.uint8, TMP_BUF)), str])[0]!
  }
  return s.mkcall('stringtoslicerune', [rt], [buf(arrayOf(T.int32, TMP_BUF)), str])[0]!
}

/** gc's position of a conversion: its operand's. */
export function gcConvPos(arg: A.Expr): number {
  const u = unparen(arg)
  if (u.kind === 'Binary') return u.opPos
  if (u.kind === 'Call') return u.lparen
  return u.pos
}

/** ssagen's OSTR2BYTESTMP: the string's own bytes; an empty string's nil pointer becomes runtime.zerobase. */
function zeroCopyBytes(s: FnBuilder, str: Value, t: SsaType): Value {
  let ptr = s.v('StringPtr', bytePtr, [str])
  const cond = s.v('NeqPtr', T.bool, [ptr, s.constNil(bytePtr)])
  const zerobase = s.v('Addr', bytePtr, [s.sb], 0n, { kind: 'sym', name: 'runtime.zerobase' })
  ptr = ternary(s, cond, ptr, zerobase)
  const len = s.v('StringLen', T.int, [str])
  return s.v('SliceMake', t, [ptr, len, len])
}

/** order's OBYTES2STRTMP: string(b) that a comparison only reads is b's own bytes. */
export function bytesToStringTmp(s: FnBuilder, arg: A.Expr, t: SsaType): Value {
  const b = s.expr(arg)
  return s.v('StringMake', t, [s.v('SlicePtr', bytePtr, [b]), s.v('SliceLen', T.int, [b])])
}

/** ssagen's ternary: cond ? x : y through a variable written in two blocks. */
function ternary(s: FnBuilder, cond: Value, x: Value, y: Value): Value {
  const key = { name: '.ternary' }
  const then = s.newBlock()
  const els = s.newBlock()
  const end = s.newBlock()
  s.branch(cond, then, els, 0)
  s.seal(then)
  s.startBlock(then)
  s.writeVar(key, x, x.type)
  s.jump(end)
  s.seal(els)
  s.startBlock(els)
  s.writeVar(key, y, x.type)
  s.jump(end)
  s.seal(end)
  s.startBlock(end)
  return s.readVar(key)
}

// ---------------------------------------------------------------- range

/**
 * walkRange over a string:
 *   ha := a
 *   for hv1 := 0; hv1 < len(ha); {
 *     hv1t := hv1
 *     hv2 := rune(ha[hv1])
 *     if hv2 <= 127 { hv1++ } else { hv2, hv1 = decoderune(ha, hv1) }
 *     k, v = hv1t, hv2
 *     body
 *   }
 */
export function rangeString(s: FnBuilder, r: A.Range): void {
  const info = s.cx.info
  const keyVar = rangeVar(info, r, r.key)
  const valVar = rangeVar(info, r, r.value)
  const ha = s.convert(s.expr(r.x), fromGo(s.typeOf(r.x)), T.string, r.x)
  rangeOrderCopy(s, T.string)
  rangeWalkTemps(s, 'string')
  s.pos = s.at(r.pos)
  const hv1 = { name: '.hv1' }
  const hv2 = { name: '.hv2' }
  // order's copy of the string and walk's hv1t are variables: gc reads them back through FwdRefs.
  const HA = { name: '.ha' }
  const HV1T = { name: '.hv1t' }
  s.writeVar(HA, ha, T.string)
  s.writeVar(hv1, s.constInt(T.int, 0), T.int)
  // walk assigns hv1t only with a key (`_` counts), and the value only when it is not blank.
  const hasKey = !!r.key
  const hasValue = hasKey && !!r.value && !(r.value.kind === 'Ident' && r.value.name === '_')
  rangeLoop(s, r, {
    test: () => s.v('Less64', T.bool, [s.readVar(hv1), s.v('StringLen', T.int, [s.readVar(HA)])]),
    bind: () => {
      if (hasKey) s.writeVar(HV1T, s.readVar(hv1), T.int)
      // hv2 := rune(ha[hv1]): ha, hv1, the length for the (bounded, elided) check, the byte.
      const a = s.readVar(HA)
      const at = s.readVar(hv1)
      s.v('StringLen', T.int, [a])
      const b = s.load(T.uint8, s.v('AddPtr', bytePtr, [s.v('StringPtr', bytePtr, [a]), at]))
      s.writeVar(hv2, s.v('ZeroExt8to32', T.int32, [b]), T.int32)
      // gc's if: its end block first, then then and else.
      const join = s.newBlock()
      const ascii = s.newBlock()
      const multi = s.newBlock()
      s.branch(s.v('Leq32', T.bool, [s.readVar(hv2), s.constInt(T.int32, 127)]), ascii, multi, 0)
      s.seal(ascii)
      s.startBlock(ascii)
      s.writeVar(hv1, s.v('Add64', T.int, [s.readVar(hv1), s.constInt(T.int, 1)]), T.int)
      s.jump(join)
      s.seal(multi)
      s.startBlock(multi)
      const [rv, pos] = s.mkcallResults('decoderune', [T.int32, T.int], [s.readVar(HA), s.readVar(hv1)])
      s.writeVar(hv2, rv!, T.int32)
      s.writeVar(hv1, pos!, T.int)
      s.jump(join)
      s.seal(join)
      s.startBlock(join)
      if (r.key) {
        const k = s.readVar(HV1T)
        const v = hasValue ? s.readVar(hv2) : null!
        // A per-iteration key (gc's loopvar) is assigned after the value, as in rangeStmt.
        const keyLast = !!s.cx.frames.get(s.unit)?.ranges.get(r)?.key && keyVar !== undefined
        if (keyVar && !keyLast) {
          s.declareIf(r.define, keyVar)
          s.setVar(keyVar, k)
        } else if (r.key.kind !== 'Ident') s.assignTo(r.key, () => k)
        if (valVar) {
          s.declareIf(r.define, valVar)
          s.setVar(valVar, v)
        } else if (r.value && r.value.kind !== 'Ident') s.assignTo(r.value, () => v)
        if (keyLast) {
          s.declareIf(r.define, keyVar!)
          s.setVar(keyVar!, k)
        }
      }
    },
    increment: () => {
      s.pos = s.at(r.pos)
    },
  })
}
