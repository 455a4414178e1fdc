// `append(s, x, y)` as gc 1.26's ssagen builds it (state.append, not in
// place), with its stack backing store: when the appended slice's storage
// does not escape (escape analysis, or the slice pass's move2heap made it
// so), the first such append of a variable may take a zeroed stack array of
// K elements (K = 32 bytes / element size) instead of calling growslice:
//   ptr, len, cap := s;  len += n
//   if uint(cap) < uint(len) {                       // grow (unlikely)
//     if len <= K && !used && oldLen == 0 {          // all likely
//       var store struct { _ [0]uintptr; _ [K]T }  // zeroed
//       ptr, cap = &store, K;  used = true
//     } else { ptr, len, cap = growslice(ptr, len, cap, n, T) }
//   }
//   ptr[len-n+i] = x_i
// `used` is a bool temporary, false from the entry block on; later appends of
// the same variable call growslice directly. When the slice pass also saw
// the capacity used (UseBuf), every append calls growsliceBuf with the store
// instead, the store zeroed once in the entry block.

import type * as A from '../syntax/ast'
import type { Value } from '../ssa/func'
import type { Var } from '../types/objects'
import { under } from '../types/types'
import { bytePtr, canSSA, fromGo, ptrTo, structOf, arrayOf, T, type SsaType } from '../ssa/types'
import { unparen, type FnBuilder } from './fn'
import { safeTemps } from './walkassign'
import { literalIntoCopy } from './dcltemps'

/** gc's base.Debug.VariableMakeThreshold: the largest stack backing store, in bytes. */
export const VARIABLE_MAKE_THRESHOLD = 32

/** One appended-to variable's backing store (gc's backingStoreInfo). */
export interface BackingStore {
  k: number
  /** The store temporary's name and type (struct { _ [0]uintptr; _ [K]T }). */
  store: string
  storeType: SsaType
  /** The `used` bool temporary: an SSA variable. */
  used: { name: string }
  /** The store has been claimed by an append already built (gc's usedStatic). */
  usedStatic: boolean
}

/** The slice pass's verdicts for one function (walk/slicestack.ts): appends it made non-escaping, and which use the buffer. */
export interface SliceStackPlan {
  /** Appends whose storage the slice pass made non-escaping. */
  noEscape: Set<A.Call>
  /** Of those, the ones that call growsliceBuf (the capacity is used). */
  useBuf: Set<A.Call>
  /** Statements that start with `s = move2heap(s)`, by statement. */
  moves: Map<A.Stmt, Move2Heap>
}

/** `s = move2heap(s)` before a statement where s stops being the only reference to its backing store. */
export interface Move2Heap {
  v: Var
  /** The capacity is used: moveSlice keeps it (else moveSliceNoCap picks one). */
  preserveCap: boolean
}

/** The key gc's backingStores uses: the variable for a name, else the expression itself. */
function storeKey(b: FnBuilder, e: A.Expr): object {
  const x = unparen(e)
  if (x.kind === 'Ident') {
    const v = b.cx.info.uses.get(x) ?? b.cx.info.defs.get(x)
    if (v?.kind === 'var') return v
  }
  return x
}

/** gc's getBackingStoreInfo: the store for appends to `first`, made on first request; null when the element does not qualify. */
export function backingStore(b: FnBuilder, first: A.Expr, et: SsaType): BackingStore | null {
  if (et.size === 0 || et.size > VARIABLE_MAKE_THRESHOLD) return null
  const key = storeKey(b, first)
  const known = b.backingStores.get(key)
  if (known) return known
  const k = Math.floor(VARIABLE_MAKE_THRESHOLD / et.size)
  const storeType = structOf([
    { name: '_', type: arrayOf(T.uintptr, 0) },
    { name: '_', type: arrayOf(et, k) },
  ])
  const store = b.autotmp(storeType, true, 'ssagen')
  const used = { name: b.autotmp(T.bool, false, 'ssagen') }
  // `used` is false from the end of the entry block on.
  b.writeVar(used, b.constBool(false), T.bool, b.f.entry)
  const info: BackingStore = { k, store, storeType, used, usedStatic: false }
  b.backingStores.set(key, info)
  return info
}

/** Does the append's result stay in this frame (gc's n.Esc() == EscNone, after the slice pass)? */
function appendDoesNotEscape(b: FnBuilder, e: A.Call): boolean {
  return !b.cx.facts.escapingSites.has(e) || b.sliceStack.noEscape.has(e)
}

/** `append(s, items...)` with individual items (gc's state.append, inplace = false). */
export function appendItems(b: FnBuilder, e: A.Call): Value {
  const st = fromGo(b.typeOf(e))
  const et = st.elem!
  const pt = ptrTo(et)
  appendBaseTemps(b, e)
  const base = b.expr(e.args[0]!)
  // walkAppend evaluates every item that is not cheap before anything else (cheapExpr): one that is
  // not a name, a literal (built in a temporary or static data) or a call order copied out goes into
  // a temporary of its own; names and constants are read where they are stored.
  const late = (a: A.Expr): boolean => unparen(a).kind === 'Ident' || b.cx.info.types.get(a)?.value !== undefined
  const copied = (a: A.Expr): boolean => !['Ident', 'CompositeLit', 'Call'].includes(unparen(a).kind) && b.cx.info.types.get(a)?.value === undefined
  const early = e.args.slice(1).map((a) => {
    if (late(a)) return null
    // cheapExpr's copy of an SSA-able item is an SSA value (a call or a slice expression is already order's
    // temporary, a slice or map literal walkCompLit's, which it counts itself).
    if (canSSA(et) && !['Call', 'Slice'].includes(unparen(a).kind) && !isSliceOrMapLit(b, a)) b.reserveTemp()
    return canSSA(et) || !copied(a) ? b.expr(a) : b.walkTemp(b.expr(a))
  })

  const p = b.v('SlicePtr', pt, [base])
  const oldLen = b.v('SliceLen', T.int, [base])
  const c = b.v('SliceCap', T.int, [base])
  const nargs = b.constInt(T.int, e.args.length - 1)
  const l = b.v('Add64', T.int, [oldLen, nargs])
  const cmp = b.v('Less64U', T.bool, [c, l])
  const vars = { ptr: { name: '.appendptr' }, len: { name: '.appendlen' }, cap: { name: '.appendcap' } }
  b.writeVar(vars.ptr, p, pt)
  b.writeVar(vars.len, l, T.int)
  b.writeVar(vars.cap, c, T.int)
  let grow = b.newBlock()
  const assign = b.newBlock()
  b.branch(cmp, grow, assign, -1)
  b.seal(grow)

  const info = appendDoesNotEscape(b, e) ? backingStore(b, e.args[0]!, et) : null
  const useBuf = b.sliceStack.useBuf.has(e)
  if (info && !useBuf && !info.usedStatic) {
    info.usedStatic = true
    const usedTest = b.newBlock()
    const oldLenTest = b.newBlock()
    const body = b.newBlock()
    const growSlice = b.newBlock()
    b.startBlock(grow)
    b.branch(b.v('Leq64', T.bool, [l, b.constInt(T.int, info.k)]), usedTest, growSlice, 1)
    b.seal(usedTest)
    b.startBlock(usedTest)
    b.branch(b.v('Not', T.bool, [b.readVar(info.used)]), oldLenTest, growSlice, 1)
    b.seal(oldLenTest)
    b.startBlock(oldLenTest)
    b.branch(b.v('Eq64', T.bool, [oldLen, b.constInt(T.int, 0)]), body, growSlice, 1)
    b.seal(body)
    b.seal(growSlice)
    b.startBlock(body)
    if (et.hasPointers) b.mem = b.v('VarDef', T.mem, [b.mem], 0n, { kind: 'sym', name: info.store })
    const addr = b.v('LocalAddr', ptrTo(info.storeType), [b.sp, b.mem], 0n, { kind: 'sym', name: info.store })
    b.zeroMem(info.storeType, addr)
    b.writeVar(vars.ptr, addr, pt)
    b.writeVar(vars.len, l, T.int)
    b.writeVar(vars.cap, b.constInt(T.int, info.k), T.int)
    b.writeVar(info.used, b.constBool(true), T.bool)
    b.jump(assign)
    grow = growSlice
  }

  b.startBlock(grow)
  const taddr = b.typeAddr(et)
  let r: Value
  if (info && useBuf) {
    if (et.hasPointers && !info.usedStatic) {
      // Zeroed in the entry block, so the collector never scans it uninitialised.
      zeroInEntry(b, info)
      info.usedStatic = true
    }
    const storeAddr = b.v('LocalAddr', ptrTo(info.storeType), [b.sp, b.mem], 0n, { kind: 'sym', name: info.store })
    r = b.rtcall('growsliceBuf', [st], [p, l, c, nargs, taddr, storeAddr, b.constInt(T.int, info.k)], [pt, T.int, T.int, T.int, bytePtr, ptrTo(info.storeType), T.int])[0]!
  } else {
    r = b.rtcall('growslice', [st], [p, l, c, nargs, taddr], [pt, T.int, T.int, T.int, bytePtr])[0]!
  }
  b.writeVar(vars.ptr, b.v('SlicePtr', pt, [r]), pt)
  b.writeVar(vars.len, b.v('SliceLen', T.int, [r]), T.int)
  b.writeVar(vars.cap, b.v('SliceCap', T.int, [r]), T.int)
  b.jump(assign)
  b.seal(assign)

  b.startBlock(assign)
  const ptr = b.readVar(vars.ptr)
  const len = b.readVar(vars.len)
  const cap = b.readVar(vars.cap)
  // Temporaries are read from their address here (gc's s.addr of the temporary).
  const items = e.args.slice(1).map((a, i) => (early[i] ? rereadTemp(b, early[i]) : b.expr(a)))
  const p2 = b.v('PtrIndex', pt, [ptr, b.v('Sub64', T.int, [len, nargs])])
  items.forEach((v, i) => b.storeInto(et, b.v('PtrIndex', pt, [p2, b.constInt(T.int, i)]), v))
  return b.v('SliceMake', st, [ptr, len, cap])
}

/** A value in a stack temporary (a walk temporary, a literal order built), read again from its address here (gc's s.addr). */
function rereadTemp(b: FnBuilder, v: Value): Value {
  const a = v.args[0]
  if (v.op !== 'Dereference' || a?.op !== 'LocalAddr') return v
  return b.v('Dereference', v.type, [b.v('LocalAddr', a.type, [b.sp, b.mem], 0n, a.aux), b.mem])
}

/** The store's VarDef and Zero at the end of the entry block's memory (gc's defvars of the entry). */
function zeroInEntry(b: FnBuilder, info: BackingStore): void {
  const entry = b.f.entry
  const pos = b.pos
  b.extendEntryMem((mem) => {
    const def = b.f.newValue(entry, 'VarDef', T.mem, [mem], 0n, { kind: 'sym', name: info.store }, pos)
    const addr = b.f.newValue(entry, 'LocalAddr', ptrTo(info.storeType), [b.sp, def], 0n, { kind: 'sym', name: info.store }, pos)
    return b.f.newValue(entry, 'Zero', T.mem, [addr, def], BigInt(info.storeType.size), { kind: 'type', type: info.storeType }, pos)
  })
}

/**
 * `s = move2heap(s)` (gc's state.move2heap): when s's backing store lies in
 * this frame (callerSP - SP > ptr - SP, unsigned), a runtime call copies it
 * to the heap — keeping the capacity when it is observed.
 */
export function move2heap(b: FnBuilder, m: Move2Heap): void {
  const st = fromGo(m.v.type)
  const et = st.elem!
  const pt = ptrTo(et)
  const slice = b.readVarValue(m.v)
  // gc asks for a backing store keyed by the move itself: two temporaries nothing uses.
  if (et.size === 0 || et.size > VARIABLE_MAKE_THRESHOLD) return
  b.autotmp(structOf([{ name: '_', type: arrayOf(T.uintptr, 0) }, { name: '_', type: arrayOf(et, Math.floor(VARIABLE_MAKE_THRESHOLD / et.size)) }]), true, 'ssagen')
  const used = { name: b.autotmp(T.bool, false, 'ssagen') }
  b.writeVar(used, b.constBool(false), T.bool, b.f.entry)
  const p = b.v('SlicePtr', pt, [slice])
  const l = b.v('SliceLen', T.int, [slice])
  const c = b.v('SliceCap', T.int, [slice])
  const move = b.newBlock()
  const merge = b.newBlock()
  const vars = { ptr: { name: '.moveptr' }, len: { name: '.movelen' }, cap: { name: '.movecap' } }
  b.writeVar(vars.ptr, p, pt)
  b.writeVar(vars.len, l, T.int)
  b.writeVar(vars.cap, c, T.int)
  const callerSP = b.v('GetCallerSP', T.uintptr, [b.mem])
  const frameSize = b.v('Sub64', T.uintptr, [callerSP, b.sp])
  const pInt = b.v('Convert', T.uintptr, [p, b.mem])
  const off = b.v('Sub64', T.uintptr, [pInt, b.sp])
  b.branch(b.v('Less64U', T.bool, [off, frameSize]), move, merge, -1)
  b.seal(move)
  b.startBlock(move)
  let r: Value
  if (et.hasPointers) {
    const typ = b.typeAddr(et)
    r = m.preserveCap
      ? b.rtcall('moveSlice', [st], [typ, p, l, c], [bytePtr, bytePtr, T.int, T.int])[0]!
      : b.rtcall('moveSliceNoCap', [st], [typ, p, l], [bytePtr, bytePtr, T.int])[0]!
  } else {
    const size = b.constInt(T.uintptr, et.size)
    r = m.preserveCap
      ? b.rtcall('moveSliceNoScan', [st], [size, p, l, c], [T.uintptr, bytePtr, T.int, T.int])[0]!
      : b.rtcall('moveSliceNoCapNoScan', [st], [size, p, l], [T.uintptr, bytePtr, T.int])[0]!
  }
  b.writeVar(vars.ptr, b.v('SlicePtr', pt, [r]), pt)
  b.writeVar(vars.len, b.v('SliceLen', T.int, [r]), T.int)
  b.writeVar(vars.cap, b.v('SliceCap', T.int, [r]), T.int)
  b.jump(merge)
  b.seal(merge)
  b.startBlock(merge)
  b.assignVar(m.v, b.v('SliceMake', st, [b.readVar(vars.ptr), b.readVar(vars.len), b.readVar(vars.cap)]))
}

function isSliceOrMapLit(b: FnBuilder, e: A.Expr): boolean {
  const x = unparen(e)
  if (x.kind !== 'CompositeLit') return false
  const k = under(b.typeOf(x)).kind
  return k === 'slice' || k === 'map'
}

/** Per function being built (each arch builds it anew): the appends whose slice is made safe already. */
const baseSafe = new WeakMap<FnBuilder, WeakSet<A.Call>>()

/**
 * walkAppend: the slice appended to goes through safeExpr (its destination
 * is never SameSafeExpr: it is handed the assignment itself), before the
 * items are walked (a literal item's temporary comes after). Once per call.
 */
export function appendBaseTemps(b: FnBuilder, e: A.Call): void {
  let done = baseSafe.get(b)
  if (!done) baseSafe.set(b, (done = new WeakSet()))
  if (done.has(e)) return
  done.add(e)
  safeTemps(b, e.args[0]!)
  // A slice literal appended to is safeExpr's copy itself (oaslit), not walkCompLit's temporary too.
  literalIntoCopy(e.args[0]!)
}
