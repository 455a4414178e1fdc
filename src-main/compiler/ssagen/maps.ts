// Maps at SSA construction, as gc 1.26's order and walk rewrite them into
// calls of internal/runtime/maps (Swiss tables) and ssagen builds those:
//  - m[k]               *mapaccess1_fast32/64(type:map[K]V, m, key)
//  - v, ok := m[k]      p, ok := mapaccess2_fast32/64(…); v := *p
//  - m[k] = v           *mapassign_fast32/64/64ptr(…) = v (NilCheck, Store)
//  - m[k] op= v, m[k]++ one mapassign, then *p = *p op v
//  - delete(m, k)       mapdelete_fast32/64(…)
//  - clear(m)           mapclear(type, m)
//  - len(m)             m == nil ? 0 : int(*(*uint64)m) (ssagen's referenceTypeBuiltin)
//  - make(map): makemap_small(), or makemap(type, int(hint), nil) when it
//    escapes; else the Map header (and a group, for small hints) on the stack
//  - map literals (up to 25 entries): make, then m[k] = v for each entry
//  - range over a map: mapIterStart, mapIterNext over a zeroed iterator
// The key goes by value, converted as order's mapKeyTemp does (uint32 or
// uint64; a pointer as unsafe.Pointer, then uint64 for access and delete; a
// string as a string: the _faststr functions).
// Everything else about maps is refused before any value is built
// (refuseMaps), with `unsupported: …`: escape analysis has run, and no wrong
// code is emitted.

import { rangeLoop, rangeVar } from './rangeloop'
import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import { under, type MapType, type Type } from '../types/types'
import { sizeof } from '../types/sizes'
import type { Value } from '../ssa/func'
import { bytePtr, canSSA, fromGo, mapGroupType, mapHeaderType, mapIterType, ptrTo, results, T, type SsaType } from '../ssa/types'
import { argWidth } from './builder'
import { Unsupported, unparen, type FnBuilder } from './fn'
import { fieldStoreTemp, mapAssignTemp, mapLiteralTarget, mapLiteralTemps, mapStoreValue, orderZeroedTemp, rangeOrderCopy } from './dcltemps'

type Fast = 'fast32' | 'fast64' | 'fast64ptr' | 'faststr'

/** walk's mapfast for the keys whose fast path takes the key by value without a memory cast; null otherwise. */
export function mapFast(m: MapType): Fast | null {
  if (sizeof(m.elem) > 128) return null
  const k = under(m.key)
  if (k.kind === 'pointer' || k.kind === 'map') return 'fast64ptr'
  if (k.kind !== 'basic') return null
  switch (k.basic) {
    case 'int32':
    case 'uint32':
      return 'fast32'
    case 'int':
    case 'int64':
    case 'uint':
    case 'uint64':
    case 'uintptr':
      return 'fast64'
    case 'string':
      return 'faststr'
    default:
      return null
  }
}

/** mapaccess and mapdelete have no pointer variants (walk's mkmapnames with an empty ptr suffix). */
const accessSuffix = (m: MapType): string => (mapFast(m) === 'fast64ptr' ? 'fast64' : mapFast(m)!)

const mapTypeOf = (b: FnBuilder, m: A.Expr): MapType => under(b.typeOf(m)) as MapType

/** The key as order's mapKeyTemp and walk's mapKeyArg pass it; `assign` keeps a pointer key an unsafe.Pointer. */
const keyArgOf = (b: FnBuilder, mt: MapType, key: A.Expr, assign: boolean) => keyArg(b, mt, key, assign)

function keyArg(b: FnBuilder, mt: MapType, key: A.Expr, assign: boolean): { v: Value; t: SsaType } {
  const fast = mapFast(mt)!
  const c = b.cx.info.types.get(unparen(key))?.value
  const kt = fromGo(mt.key)
  if (fast === 'faststr') return { v: strKey(b, b.expr(key), kt), t: T.string }
  if (c?.kind === 'int' && fast !== 'fast64ptr') {
    const want = fast === 'fast32' ? T.uint32 : T.uint64
    return { v: b.constInt(want, c.value), t: want }
  }
  const x = b.expr(key)
  // order's conversion of the key (mapKeyTemp) is not a statement of its own.
  const saved = b.pos
  b.pos = { ...saved, stmt: '-' }
  try {
    if (fast === 'fast64ptr') {
      const p = b.v('Copy', T.unsafePointer, [x])
      if (assign) return { v: p, t: T.unsafePointer }
      b.pos = saved
      return { v: b.v('Convert', T.uint64, [p, b.mem]), t: T.uint64 }
    }
    const want = fast === 'fast32' ? T.uint32 : T.uint64
    return { v: b.convert(x, kt, want, key), t: want }
  } finally {
    b.pos = saved
  }
}

/** A string key as mapKeyTemp passes it: a named string type through an OCONVNOP (a Copy), else itself. */
function strKey(b: FnBuilder, x: Value, kt: SsaType): Value {
  if (kt === T.string) return x
  const saved = b.pos
  b.pos = { ...saved, stmt: '-' }
  const v = b.v('Copy', T.string, [x])
  b.pos = saved
  return v
}

/** The call's arguments: the map type's descriptor, the map, the key. */
function callArgs(b: FnBuilder, e: { x: A.Expr; index: A.Expr }, assign: boolean): { args: Value[]; types: SsaType[] } {
  const mt = mapTypeOf(b, e.x)
  const st = fromGo(b.typeOf(e.x))
  const typ = b.typeAddr(st)
  const m = b.expr(e.x)
  const k = keyArg(b, mt, e.index, assign)
  return { args: [typ, m, k.v], types: [bytePtr, st, k.t] }
}

/** `m[k]` read: the value mapaccess1 points at (never nil: no nil check). */
export function mapIndexRead(b: FnBuilder, e: A.Index): Value {
  const mt = mapTypeOf(b, e.x)
  const et = fromGo(mt.elem)
  const { args, types } = callArgs(b, e, false)
  const [p] = b.mkcall(`mapaccess1_${accessSuffix(mt)}`, [ptrTo(et)], args, types)
  return b.loadOrDeref(et, p!)
}

/** The element pointer mapassign returns for `m[k] = …` (walk's `*mapassign(…)`: the store nil-checks it). */
export function mapAssignPtr(b: FnBuilder, e: A.Index): Value {
  const mt = mapTypeOf(b, e.x)
  const fast = mapFast(mt)!
  const { args, types } = callArgs(b, e, true)
  mapAssignTemp(b)
  return b.mkcall(`mapassign_${fast}`, [ptrTo(fromGo(mt.elem))], args, types)[0]!
}

/** `m[k] op= v` and `m[k]++`: one mapassign, then *p = *p op v (walk's safeExpr keeps the pointer in a temporary). */
export function mapOpAssign(b: FnBuilder, e: A.Index, compute: (old: Value) => Value): void {
  const et = fromGo(b.typeOf(e))
  const p = mapAssignPtr(b, e)
  const old = b.load(et, b.nilCheck(p))
  const val = compute(old)
  b.store(et, b.nilCheck(p), val)
}

/** `v, ok = m[k]`: mapaccess2's pointer and flag (the pointer loaded when v is not _). */
export function mapCommaOk(b: FnBuilder, e: A.Index, wantValue: boolean): Value[] {
  const mt = mapTypeOf(b, e.x)
  const et = fromGo(mt.elem)
  const pt = ptrTo(et)
  const { args, types } = callArgs(b, e, false)
  // ssagen's OAS2FUNC: the call (its first result made and dropped), then each result.
  const call = b.v('StaticLECall', results([pt, T.bool, T.mem]), [...args, b.mem], BigInt(argWidth(types)), { kind: 'call', fn: `runtime.mapaccess2_${accessSuffix(mt)}` })
  b.mem = b.v('SelectN', T.mem, [call], 2n)
  b.v('SelectN', pt, [call], 0n)
  const p = b.v('SelectN', pt, [call], 0n)
  const ok = b.v('SelectN', T.bool, [call], 1n)
  return [wantValue ? b.load(et, p) : p, ok]
}

/** delete(m, k). */
export function mapDelete(b: FnBuilder, e: A.Call): void {
  const mt = mapTypeOf(b, e.args[0]!)
  const { args, types } = callArgs(b, { x: e.args[0]!, index: e.args[1]! }, false)
  b.mkcall(`mapdelete_${accessSuffix(mt)}`, [], args, types)
}

/** clear(m). */
export function mapClear(b: FnBuilder, e: A.Call): void {
  const st = fromGo(b.typeOf(e.args[0]!))
  const typ = b.typeAddr(st)
  b.mkcall('mapclear', [], [typ, b.expr(e.args[0]!)], [bytePtr, st])
}

/** len(m): 0 for a nil map, else the count in the map's first word (ssagen's referenceTypeBuiltin). */
export function mapLen(b: FnBuilder, e: A.Call): Value {
  const m = b.expr(e.args[0]!)
  const cmp = b.v('EqPtr', T.bool, [m, b.constNil(T.uintptr)])
  const zero = b.constInt(T.int, 0)
  const bThen = b.newBlock()
  const bElse = b.newBlock()
  const bAfter = b.newBlock()
  b.branch(cmp, bThen, bElse, -1)
  const key = {}
  b.startBlock(bThen)
  b.writeVar(key, zero, T.int)
  b.jump(bAfter)
  b.startBlock(bElse)
  const used = b.load(T.uint64, m)
  b.writeVar(key, b.convert(used, T.uint64, T.int, e), T.int)
  b.jump(bAfter)
  b.startBlock(bAfter)
  return b.readVar(key, bAfter, T.int)
}

/** make(map[K]V[, hint]). */
export function makeMap(b: FnBuilder, e: A.Call): Value {
  const hint = e.args[1] ?? null
  const c = hint ? b.cx.info.types.get(unparen(hint))?.value : undefined
  return buildMakeMap(b, b.typeOf(e), b.cx.facts.escapingSites.has(e), hint, c?.kind === 'int' ? c.value : hint ? null : 0n)
}

/** The hint as walk evaluates it (again for each use: order made it cheap): a constant, or the variable. */
function hintValue(b: FnBuilder, hint: A.Expr | null, c: bigint | null): Value {
  return c !== null || !hint ? b.constInt(T.int, c ?? 0n) : b.convert(b.expr(hint), fromGo(b.typeOf(hint)), T.int, hint)
}

/**
 * walk's walkMakeMap. A map that escapes: makemap_small for a constant hint
 * up to a group's 8 slots, else makemap(type, hint, nil) (every integer type
 * fits in uint on 64-bit targets: never makemap64). One that does not: its
 * Map header is a zeroed stack temporary; unless the hint is a constant
 * above 8, `if hint <= 8` also gives it a zeroed stack group with every
 * control byte empty; then a constant hint only needs the seed
 * (runtime.rand), any other hint goes to makemap with the header's address.
 */
function buildMakeMap(b: FnBuilder, t: Type, escapes: boolean, hint: A.Expr | null, c: bigint | null): Value {
  const st = fromGo(t)
  const small = c !== null && c <= 8n
  if (escapes) {
    if (small) return b.mkcall('makemap_small', [st], [])[0]!
    return b.mkcall('makemap', [st], [b.typeAddr(st), hintValue(b, hint, c), b.constNil(st)], [bytePtr, T.int, st])[0]!
  }
  const mt = MAP_HEADER
  const gt = groupType(under(t) as MapType)
  const hdr = b.stackTemp(mt)
  const name = (hdr.aux as { name: string }).name
  const mAddr = () => b.v('LocalAddr', ptrTo(mt), [b.sp, b.mem], 0n, { kind: 'sym', name })
  if (c === null || small) {
    const cond = b.v('Leq64', T.bool, [hintValue(b, hint, c), b.constInt(T.int, 8)])
    const bEnd = b.newBlock()
    const bThen = b.newBlock()
    b.branch(cond, bThen, bEnd, 1)
    b.startBlock(bThen)
    const g = b.stackTemp(gt)
    // g.ctrl = …; m.dirPtr = …: stores through the temporaries' addresses.
    fieldStoreTemp(b)
    fieldStoreTemp(b)
    const gname = (g.aux as { name: string }).name
    const gAddr = () => b.v('LocalAddr', ptrTo(gt), [b.sp, b.mem], 0n, { kind: 'sym', name: gname })
    // g.ctrl = abi.MapCtrlEmpty
    b.store(T.uint64, b.v('OffPtr', ptrTo(T.uint64), [b.nilCheck(gAddr())], 0n), b.constInt(T.uint64, 0x8080808080808080n))
    // m.dirPtr = unsafe.Pointer(g)
    const m1 = mAddr()
    const gp = b.v('Copy', T.unsafePointer, [gAddr()])
    b.store(T.unsafePointer, b.v('OffPtr', ptrTo(T.unsafePointer), [b.nilCheck(m1)], 16n), gp)
    b.jump(bEnd)
    b.startBlock(bEnd)
  }
  if (small) {
    // m.seed = uintptr(rand())
    fieldStoreTemp(b)
    const m2 = mAddr()
    const [r] = b.mkcall('rand', [T.uint64], [])
    const seed = b.v('Copy', T.uintptr, [r!])
    b.store(T.uintptr, b.v('OffPtr', ptrTo(T.uintptr), [b.nilCheck(m2)], 8n), seed)
    return b.v('Copy', st, [mAddr()])
  }
  const args = [b.typeAddr(st), hintValue(b, hint, c), mAddr()]
  return b.mkcall('makemap', [st], args, [bytePtr, T.int, ptrTo(mt)])[0]!
}

/**
 * `for k, v := range m` as walk's range over a map: order's zeroed iterator
 * (internal/runtime/maps.Iter) and copy of m; mapIterStart(type, m, &it);
 * loop while it.key != nil; the body reads *(*K)(it.key) and
 * *(*V)(it.elem); the increment is mapIterNext(&it).
 */
export function mapRange(b: FnBuilder, s: A.Range): void {
  const info = b.cx.info
  if (isMapClearLoop(b, s)) {
    const st = fromGo(b.typeOf(s.x))
    b.mkcall('mapclear', [], [b.typeAddr(st), b.expr(s.x)], [bytePtr, st])
    return
  }
  const t = b.typeOf(s.x)
  const mt = under(t) as MapType
  const st = fromGo(t)
  const blank = (e: A.Expr | null | undefined) => !e || (e.kind === 'Ident' && e.name === '_')
  const v2 = blank(s.value) ? null : s.value!
  const v1 = blank(s.key) && !v2 ? null : s.key!
  const varOf = (e: A.Expr | null) => rangeVar(info, s, e)
  const ha = b.expr(s.x)
  rangeOrderCopy(b, st)
  const hit = orderZeroedTemp(b, ITER)
  const name = (hit.aux as { name: string }).name
  const hitAddr = () => b.v('LocalAddr', ptrTo(ITER), [b.sp, b.mem], 0n, { kind: 'sym', name })
  b.mkcall('mapIterStart', [], [b.typeAddr(st), ha, hitAddr()], [bytePtr, st, ptrTo(ITER)])
  const field = (off: number) => b.load(T.unsafePointer, b.v('OffPtr', ptrTo(T.unsafePointer), [hitAddr()], BigInt(off)))
  const deref = (off: number, gt: Type) => {
    const et = fromGo(gt)
    return b.loadOrDeref(et, b.nilCheck(b.v('Copy', ptrTo(et), [field(off)])))
  }
  const assign = (lhs: A.Expr, val: Value) => {
    const v = varOf(lhs)
    if (v) {
      b.declareIf(s.define, v)
      b.setVar(v, val)
    } else b.assignTo(lhs, () => val)
  }
  rangeLoop(b, s, {
    test: () => b.v('NeqPtr', T.bool, [field(0), b.constNil(T.unsafePointer)]),
    bind: () => {
      if (!v1) return
      const k = deref(0, mt.key)
      if (!v2) assign(v1, k)
      else {
        const e = deref(8, mt.elem)
        assign(v1, k)
        assign(v2, e)
      }
    },
    increment: () => {
      b.pos = b.at(s.pos)
      b.mkcall('mapIterNext', [], [hitAddr()], [ptrTo(ITER)])
    },
  })
}

/** walk's isMapClear: `for k := range m { delete(m, k) }` with a reflexive key type is one mapclear call. */
function isMapClearLoop(b: FnBuilder, s: A.Range): boolean {
  if (!s.define || !s.key || s.value || s.body.stmts.length !== 1) return false
  const st = s.body.stmts[0]!
  if (st.kind !== 'ExprStmt' || st.x.kind !== 'Call') return false
  const ci = b.cx.info.calls.get(st.x)
  if (ci?.kind !== 'builtin' || ci.id !== 'delete') return false
  const [m, k] = st.x.args.map((a) => unparen(a))
  const x = unparen(s.x)
  const same = (a: A.Expr | undefined, e: A.Expr) => a?.kind === 'Ident' && e.kind === 'Ident' && b.cx.info.uses.get(a) !== undefined && b.cx.info.uses.get(a) === (b.cx.info.uses.get(e) ?? b.cx.info.defs.get(e))
  return same(m, x) && same(k, s.key) && reflexive((under(b.typeOf(s.x)) as MapType).key)
}

/** types.IsReflexive: == is reflexive for the key (no floats inside). */
function reflexive(t: Type): boolean {
  const u = under(t)
  if (u.kind === 'basic') return !u.basic.startsWith('float')
  if (u.kind === 'array') return reflexive(u.elem)
  if (u.kind === 'struct') return u.fields.every((f) => reflexive(f.type))
  return true
}

const ITER = mapIterType()

const MAP_HEADER = mapHeaderType()

/** The map's group type (fast-path keys and elements are stored inline). */
const groupType = (m: MapType): SsaType => mapGroupType(fromGo(m.key), fromGo(m.elem))

/**
 * A map literal as order and walk's maplit (small form) build it: make with
 * a hint of every entry; the constant entries through walk's temporaries
 * (`tmpkey = k; tmpelem = v; m[tmpkey] = tmpelem`); then order's `m[k] = v`
 * for each other entry, its value first.
 */
export function mapLiteral(b: FnBuilder, e: A.CompositeLit): Value {
  const t = b.typeOf(e)
  const mt = under(t) as MapType
  const st = fromGo(t)
  const kt = fromGo(mt.key)
  const et = fromGo(mt.elem)
  const fast = mapFast(mt)!
  const entries = e.elts as A.KeyValue[]
  const statics = entries.filter((kv) => isStaticEntry(b.cx.info, kv))
  mapLiteralTarget(b, e, statics.length < entries.length, st)
  const m = buildMakeMap(b, t, b.cx.facts.escapingSites.has(e), null, BigInt(e.elts.length))
  mapLiteralTemps(b, statics.length)
  for (const el of statics) {
    const kv = el
    // tmpkey = k; tmpelem = v; m[tmpkey] = tmpelem: the key is a variable to mapKeyTemp, so it is converted.
    const key = b.expr(kv.key)
    const val = b.expr(kv.value)
    const saved = b.pos
    b.pos = { ...saved, stmt: '-' }
    const k = fast === 'faststr' ? strKey(b, key, kt) : fast === 'fast64ptr' ? b.v('Copy', T.unsafePointer, [key]) : b.convert(key, kt, fast === 'fast32' ? T.uint32 : T.uint64, kv.key)
    b.pos = saved
    const p = b.mkcall(`mapassign_${fast}`, [ptrTo(et)], [b.typeAddr(st), m, k], [bytePtr, st, k.type])[0]!
    mapAssignTemp(b)
    b.store(et, b.nilCheck(p), val)
  }
  for (const kv of entries) {
    if (statics.includes(kv)) continue
    mapStoreValue(b, kv.value, et)
    const val = b.expr(kv.value)
    const key = keyArgOf(b, mt, kv.key, true)
    const p = b.mkcall(`mapassign_${fast}`, [ptrTo(et)], [b.typeAddr(st), m, key.v], [bytePtr, st, key.t])[0]!
    mapAssignTemp(b)
    b.store(et, b.nilCheck(p), val)
  }
  return m
}

function isConversionCall(info: TypeInfo, e: A.Expr): boolean {
  const u = unparen(e)
  return u.kind === 'Call' && info.calls.get(u)?.kind === 'conversion'
}

/** walk's isStaticCompositeLiteral for an entry: constants and nil (of the subset's literals). */
function isStaticEntry(info: TypeInfo, kv: A.KeyValue): boolean {
  const constant = (x: A.Expr) => info.types.get(unparen(x))?.value !== undefined || (unparen(x).kind === 'Ident' && info.uses.get(unparen(x) as A.Ident)?.kind === 'nil')
  return constant(kv.key) && constant(kv.value)
}


// ---------------------------------------------------------------- what is refused

/** Whether t is a map or holds one (fields, elements, pointers, signatures). */
export function mentionsMap(t: Type, seen = new Set<Type>()): boolean {
  if (seen.has(t)) return false
  seen.add(t)
  switch (t.kind) {
    case 'map':
      return true
    case 'named':
      return mentionsMap(t.underlying, seen)
    case 'pointer':
    case 'slice':
    case 'array':
    case 'chan':
      return mentionsMap(t.elem, seen)
    case 'struct':
      return t.fields.some((f) => mentionsMap(f.type, seen))
    case 'signature':
      return [...t.params, ...t.results].some((v) => mentionsMap(v.type, seen))
    case 'tuple':
      return t.vars.some((v) => mentionsMap(v.type, seen))
    case 'basic':
    case 'interface':
      return false
  }
}

const hasCall = (e: A.Expr): boolean => {
  let found = false
  walkCode(e, (n) => {
    if (n.kind === 'Call' || n.kind === 'FuncLit') found = true
    return !found
  })
  return found
}

/**
 * Throws `unsupported: …` at the first map form of fn this file does not
 * build (see the header).
 */
export function refuseMaps(fn: A.FuncDecl | A.FuncLit, info: TypeInfo): void {
  const isMap = (e: A.Expr): boolean => {
    const t = info.types.get(unparen(e))?.type
    return !!t && under(t).kind === 'map'
  }
  const isMapIndex = (e: A.Expr): e is A.Index => {
    const x = unparen(e)
    return x.kind === 'Index' && isMap(x.x)
  }
  const checkIndex = (e: A.Index): void => {
    const mt = under(info.types.get(unparen(e.x))!.type) as MapType
    if (!mapFast(mt)) throw new Unsupported(e.pos, 'map access without a fast path (key or element type) at SSA construction')
    if (hasCall(e.x) || hasCall(e.index)) throw new Unsupported(e.pos, 'map index with a call in the map or key at SSA construction')
    // order's mapKeyReplaceStrConv makes m[string(b)] a non-allocating slicebytetostringtmp.
    if (mapFast(mt) === 'faststr' && isConversionCall(info, e.index)) throw new Unsupported(e.pos, 'map index with a string conversion key at SSA construction')
  }
  walkCode(fn.body ?? null, (n) => {
    switch (n.kind) {
      case 'FuncLit':
        return false // built (and checked) on its own
      case 'Index':
        if (isMap(n.x)) checkIndex(n)
        else if (isMapIndex(n.x)) throw new Unsupported(n.pos, 'element of a map element at SSA construction')
        return
      case 'Selector':
      case 'Slice':
        if (isMapIndex(n.x)) throw new Unsupported(n.pos, 'part of a map element at SSA construction')
        return
      case 'CompositeLit': {
        const t = info.types.get(n)?.type
        if (!t || under(t).kind !== 'map') return
        const mt = under(t) as MapType
        const calls = n.elts.some((el) => el.kind === 'KeyValue' && (hasCall(el.key) || hasCall(el.value)))
        if (calls) throw new Unsupported(n.pos, 'map literal with a call in a key or value at SSA construction')
        const aggregate = (x: A.Expr) => unparen(x).kind === 'CompositeLit' && under(info.types.get(unparen(x))!.type).kind !== 'map'
        if (n.elts.some((el) => el.kind === 'KeyValue' && (aggregate(el.key) || aggregate(el.value)))) throw new Unsupported(n.pos, 'map literal with a struct or array literal entry at SSA construction')
        if (n.elts.length > 25) throw new Unsupported(n.pos, 'map literal of more than 25 entries at SSA construction')
        if (!mapFast(mt) || !canSSA(fromGo(mt.elem))) throw new Unsupported(n.pos, 'map literal without a fast path (key or element type) at SSA construction')
        return
      }
      case 'Range':
        if (isMap(n.x) && hasCall(n.x)) throw new Unsupported(n.pos, 'range over a map computed by a call at SSA construction')
        return
      case 'Call': {
        const ci = info.calls.get(n)
        if (ci?.kind === 'builtin' && ci.id === 'make' && isMap(n) && n.args[1]) {
          const h = unparen(n.args[1])
          const c = info.types.get(h)?.value
          const t = info.types.get(h)?.type
          const plain = c !== undefined || (h.kind === 'Ident' && !!t && sizeof(t) === 8 && under(t).kind === 'basic')
          if (!plain) throw new Unsupported(n.pos, 'make(map) with a hint other than a constant or a 64-bit integer variable at SSA construction')
        }
        if (ci?.kind === 'builtin' && (ci.id === 'delete' || ci.id === 'clear') && n.args.some(hasCall)) throw new Unsupported(n.pos, `${ci.id} with a call in its arguments at SSA construction`)
        return
      }
      case 'Assign': {
        const l0 = n.lhs[0]!
        if (n.op !== '=' && n.op !== ':=' && isMapIndex(l0)) {
          if (n.op === '/=' || n.op === '%=') throw new Unsupported(n.pos, `${n.op} on a map element at SSA construction`)
          if (hasCall(n.rhs[0]!)) throw new Unsupported(n.pos, 'op-assignment to a map element with a call at SSA construction')
        }
        if (n.lhs.length === 2 && n.rhs.length === 1 && isMapIndex(n.rhs[0]!)) {
          const et = fromGo(info.types.get(unparen(n.rhs[0]!))!.type)
          if (!canSSA(et) || n.lhs.some((l) => !(unparen(l).kind === 'Ident'))) throw new Unsupported(n.pos, 'this comma-ok map read at SSA construction')
        }
        if (n.lhs.length > 1 && n.lhs.some(isMapIndex)) throw new Unsupported(n.pos, 'map element in a multiple assignment at SSA construction')
        if (n.lhs.length === 1 && isMapIndex(l0) && n.rhs.length === 1) {
          const r = unparen(n.rhs[0]!)
          if (r.kind === 'Call' && info.calls.get(r)?.kind === 'builtin') {
            const ci = info.calls.get(r)!
            if (ci.kind === 'builtin' && ci.id === 'append') throw new Unsupported(n.pos, 'append to a map element at SSA construction')
          }
          if (!canSSA(fromGo(info.types.get(unparen(l0))!.type))) throw new Unsupported(n.pos, 'assignment of a large map element at SSA construction')
        }
        return
      }
      case 'VarDecl':
        for (const spec of n.specs) {
          if (spec.names.length === 2 && spec.values.length === 1 && isMapIndex(spec.values[0]!)) {
            const et = fromGo(info.types.get(unparen(spec.values[0]!))!.type)
            if (!canSSA(et)) throw new Unsupported(spec.pos, 'this comma-ok map read at SSA construction')
          }
        }
        return
      default:
        return
    }
  })
}

/** Whether e is a comma-ok map read (`v, ok = m[k]`) on the right of a two-value assignment. */
export function isCommaOkMapRead(b: FnBuilder, lhs: number, rhs: A.Expr[]): boolean {
  if (lhs !== 2 || rhs.length !== 1) return false
  const x = unparen(rhs[0]!)
  return x.kind === 'Index' && under(b.typeOf(x.x)).kind === 'map'
}
