// Interfaces at SSA construction, as gc's walk (convert.go, walkDotType,
// walkCompare) and ssagen (OMAKEFACE, ODOTTYPE, OCALLINTER) build them: an
// interface is two words, the type (eface) or itab (iface) word and the data
// word (IMake/ITab/IData, decomposed later like slices).
//
//   - conversions of a concrete value: a pointer-shaped value is the data
//     word itself; a zero-sized one points at runtime.zerobase; a bool or
//     single-byte integer at runtime.staticuint64s[x*8]; one that does not
//     escape at a stack temporary holding it; an escaping integer of 2, 4 or
//     8 bytes goes through runtime.convT16/convT32/convT64; a constant (or
//     a local bound once to one) is read-only static data (`..stmp_N`,
//     numbered per package in walk order). walk/convert.ts decides which, for
//     this and for the -d=escapedebug lines. The type word is
//     `type:T`, the itab `go:itab.T,I`.
//   - `x == nil` / `x != nil`: EqInter/NeqInter against the nil interface;
//     `a == b` between interface variables: the type words, then
//     runtime.efaceeq/ifaceeq on the data words (walkCompare's && / ||).
//   - `x.M(args)`: the itab's fun slot (24 + 8·index) called with the data
//     word as receiver (InterLECall).
//   - `x.(T)` for a concrete T: compare the type or itab word, panic through
//     runtime.panicdottypeE/panicdottypeI, else the data word (or a load
//     through it).
//   - `panic(x)`: runtime.gopanic with the interface.
//
// Every other interface form is refused up front (refuseInterfaces) with the
// construct it meets first, so no wrong code is emitted; escape analysis
// still runs on such functions.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { allMethods, under, type InterfaceType, type Type } from '../types/types'
import { qualifiedTypeString } from '../types/typestring'
import type { Value } from '../ssa/func'
import { bytePtr, canSSA, fromGo, ptrTo, results, T, type SsaType } from '../ssa/types'
import { isDirectIface } from '../escape/iface'
import { exprPos, unparen, Unsupported, type FnBuilder } from './fn'
import { dataWord, type ConvertEnv } from '../walk/convert'
import { assertToEmpty } from './asserts'

const isIface = (t: Type | undefined): boolean => t !== undefined && t.kind !== 'tuple' && under(t).kind === 'interface'
const SUFFIX = ' (SSA construction of this interface form is not done)'

/** gc's link name of a type descriptor (`type:` + this): `interface {}` for any. */
export function typeLinkName(t: Type, pkg: string): string {
  if (t.kind !== 'named' && under(t).kind === 'interface' && allMethods(under(t) as InterfaceType).length === 0) return 'interface {}'
  return qualifiedTypeString(t, pkg)
}

/** Throws Unsupported at the first interface form of a function body SSA construction does not build (vars: its params, results and locals). */
export function refuseInterfaces(info: TypeInfo, body: A.Block, vars: Var[], at: number, env: ConvertEnv): void {
  for (const v of vars) if (containsIfaceInside(v.type)) throw new Unsupported(v.pos >= 0 ? v.pos : at, `interface inside a struct or array${SUFFIX}`)
  let found: { pos: number; what: string } | null = null
  walkCode(body, (n) => {
    if (found) return false
    const what = unsupportedForm(info, env, n)
    if (what) {
      found = { pos: n.pos, what }
      return false
    }
    return true
  })
  const f = found as { pos: number; what: string } | null
  if (f) throw new Unsupported(f.pos, `${f.what}${SUFFIX}`)
}

/** An interface held inside a struct or array value (through pointers, slices and funcs it is only memory the dec rules split). */
function containsIfaceInside(t: Type): boolean {
  const u = under(t)
  if (u.kind === 'struct') return u.fields.some((f) => containsIface(f.type))
  if (u.kind === 'array') return containsIface(u.elem)
  return false
}

function containsIface(t: Type, depth = 0): boolean {
  if (depth > 20) return false
  const u = under(t)
  switch (u.kind) {
    case 'interface':
      return true
    case 'array':
      return containsIface(u.elem, depth + 1)
    case 'struct':
      return u.fields.some((f) => containsIface(f.type, depth + 1))
    default:
      return false
  }
}

/** Why an expression's conversion to an interface is not built (null: it is); conv is the conversion, x its operand. */
function conversionRefusal(info: TypeInfo, env: ConvertEnv, conv: A.Expr, x: A.Expr): string | null {
  const tv = info.types.get(unparen(x))
  if (!tv) return 'conversion to an interface'
  const from = tv.type
  if (isIface(from)) return 'conversion between interface types'
  if (isDirectIface(from)) return null
  const t = fromGo(from)
  if (t.size === 0) return null
  // order makes a constant (or a local bound once to one) a read-only static (gc's addrTemp); a bool or byte one would then be loaded to index staticuint64s.
  if (dataWord(env, conv, x).stmp && (t.kind === 'bool' || t.size === 1 || t.kind === 'float')) return 'conversion of a constant to an interface'
  if (!canSSA(t) || t.kind === 'struct' || t.kind === 'array' || t.kind === 'float' || t.kind === 'slice') return `conversion of a value of type ${t.str} to an interface`
  return null
}

function unsupportedForm(info: TypeInfo, env: ConvertEnv, n: import('../syntax/children').CodeNode): string | null {
  switch (n.kind) {
    case 'TypeSwitch':
      return null // typeswitch.ts refuses the cases it does not build
    case 'TypeAssert': {
      const t = info.typeExprs.get(n.type)
      // asserts.ts refuses the forms it does not build; the conversion of the value to the destination's interface type is not built.
      if (info.commaOk.has(n)) return info.ifaceConversions.has(n) ? 'comma-ok type assertion assigned to an interface of another type' : null
      if (!t || (isIface(t) && !fromGo(t).empty)) return 'type assertion to an interface type'
      if (!isDirectIface(t) && !canSSA(fromGo(t))) return `type assertion to ${fromGo(t).str}`
      return null
    }
    case 'VarDecl':
      return null
    default:
      break
  }
  if (!('pos' in n) || n.kind === 'Block') return null
  const e = n as A.Expr
  const conv = info.ifaceConversions.get(e)
  if (conv) {
    const r = conversionRefusal(info, env, e, e)
    if (r) return r
  }
  if (e.kind === 'Call') {
    const ci = info.calls.get(e)
    if (ci?.kind === 'builtin' && !['panic', 'print', 'println'].includes(ci.id) && e.args.some((a) => isIface(info.types.get(unparen(a))?.type))) return `interface argument of built-in ${ci.id}`
    if (ci?.kind === 'conversion' && isIface(ci.to)) return conversionRefusal(info, env, e, e.args[0]!)
  }
  if (e.kind === 'Binary' && ['==', '!=', '<', '<=', '>', '>='].includes(e.op)) {
    const [xt, yt] = [info.types.get(unparen(e.x))?.type, info.types.get(unparen(e.y))?.type]
    if ((isIface(xt) || isIface(yt)) && !isNilExpr(info, e.x) && !isNilExpr(info, e.y)) {
      if (!isIface(xt) || !isIface(yt)) return 'comparison of an interface with a concrete value'
      if (e.op !== '==' && e.op !== '!=') return 'comparison of interface values'
      // walk's cheapExpr: variables are read again where the data words are compared; anything else would need a temporary.
      if (unparen(e.x).kind !== 'Ident' || unparen(e.y).kind !== 'Ident') return 'comparison of interface values other than variables'
    }
  }
  const tv = info.types.get(e)
  if (tv && tv.type.kind !== 'tuple' && containsIfaceInside(tv.type)) return 'interface inside a struct or array'
  return null
}

/** An itab's methods in gc's order (types.Sym.Less): exported names before unexported ones, then by name. */
export function itabOrder(it: InterfaceType): ReturnType<typeof allMethods> {
  const exported = (n: string) => /^\p{Lu}/u.test(n)
  return [...allMethods(it)].sort((a, b) => Number(exported(b.name)) - Number(exported(a.name)) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The predeclared nil (types2 records it with the type it is compared to). */
export function isNilExpr(info: TypeInfo, x: A.Expr): boolean {
  const u = unparen(x)
  return u.kind === 'Ident' && info.uses.get(u)?.kind === 'nil'
}

export const ifaceMethods = {
  /** The type word of a concrete type: its descriptor's address. */
  typeWord(this: FnBuilder, t: Type): Value {
    return this.entryV('Addr', bytePtr, [this.sb], 0n, { kind: 'sym', name: `type:${typeLinkName(t, this.cx.pkg)}` })
  },

  /** The itab of concrete type t for non-empty interface i (`go:itab.T,I`). */
  itabWord(this: FnBuilder, t: Type, i: Type): Value {
    return this.entryV('Addr', bytePtr, [this.sb], 0n, { kind: 'sym', name: `go:itab.${typeLinkName(t, this.cx.pkg)},${typeLinkName(i, this.cx.pkg)}` })
  },

  /** The first word of an interface of type to holding a value of concrete type from. */
  ifaceTypeWord(this: FnBuilder, from: Type, to: Type): Value {
    const it = fromGo(to)
    return it.empty ? this.typeWord(from) : this.itabWord(from, to)
  },

  /** The value v of concrete type `from` converted to interface type `to` (walk's OCONVIFACE, then OMAKEFACE). `site`: escape analysis's allocation site (the conversion), x the value converted. */
  convIface(this: FnBuilder, v: Value, from: Type, to: Type, site: A.Expr, x: A.Expr = site): Value {
    const it = fromGo(to)
    const ft = fromGo(from)
    let data: Value
    // walk's decision (walk/convert.ts), the one the -d=escapedebug lines print.
    const dw = dataWord(this.cx.convert, site, x)
    // escape's rewriteWithLiterals kept the operand in a temporary before replacing it with the constant.
    if (dw.constant) this.literalTemps.add(site)
    if (dw.kind === 'direct') data = v
    else if (dw.kind === 'global') {
      // order's addrTemp: a constant (or a local bound once to one) becomes read-only static data (`..stmp_N`), its address the data word.
      data = this.staticData(ft, 'order')
    } else if (dw.kind === 'zero-sized') {
      if (dw.stmp) this.stmpCount++ // order made the static all the same
      data = this.entryV('Addr', ptrTo(T.uintptr), [this.sb], 0n, { kind: 'sym', name: 'runtime.zerobase' })
    } else if (dw.kind === 'zero value' || dw.stmp) throw new Unsupported(site.pos, `conversion of a constant to an interface${SUFFIX}`)
    else if (ft.kind === 'bool' || (ft.size === 1 && (ft.kind === 'int' || ft.kind === 'uint'))) {
      // &staticuint64s[x*8]: the byte widened (byteindex), shifted by 3, indexing a [2048]uint8.
      let idx = this.v('Lsh64x64', T.int, [this.v('ZeroExt8to64', T.int, [ft.kind === 'bool' ? this.v('Copy', T.uint8, [v]) : v]), this.constInt(T.uint64, 3)])
      // The value's byte of the little-endian uint64: the last one on a big-endian target (ppc64).
      if (this.arch === 'ppc64') idx = this.v('Add64', T.int, [idx, this.constInt(T.int, 7)])
      const arr = this.entryV('Addr', ptrTo(T.uint8), [this.sb], 0n, { kind: 'sym', name: 'runtime.staticuint64s' })
      data = this.v('PtrIndex', ptrTo(T.uint8), [arr, idx])
    } else if (dw.kind === 'stack') {
      // Does not escape: a stack temporary holding the value.
      const name = this.autotmp(ft, true)
      if (ft.hasPointers) this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
      const a = this.v('LocalAddr', ptrTo(ft), [this.sp, this.mem], 0n, { kind: 'sym', name })
      this.store(ft, a, v)
      data = this.v('LocalAddr', ptrTo(ft), [this.sp, this.mem], 0n, { kind: 'sym', name })
    } else {
      const argType = ft.size === 2 ? T.uint16 : ft.size === 4 ? T.uint32 : T.uint64
      if (ft.hasPointers || (ft.kind !== 'int' && ft.kind !== 'uint') || ![2, 4, 8].includes(ft.size)) throw new Unsupported(site.pos, `conversion of a value of type ${ft.str} to an interface${SUFFIX}`)
      const arg = ft === argType ? v : this.v('Copy', argType, [v])
      data = this.mkcall(`convT${ft.size * 8}`, [T.unsafePointer], [arg])[0]!
    }
    return this.v('IMake', it, [this.ifaceTypeWord(from, to), data])
  },

  /** `x == nil` / `x != nil` on an interface. */
  ifaceNilCompare(this: FnBuilder, op: string, x: Value): Value {
    return this.v(op === '==' ? 'EqInter' : 'NeqInter', T.bool, [x, this.zero(x.type)])
  },

  /** Both sides of `a == b` / `a != b` are interfaces (walkCompare: the type words, then runtime.efaceeq/ifaceeq on the data words). */
  isIfaceCompare(this: FnBuilder, e: A.Expr): boolean {
    const u = unparen(e)
    return u.kind === 'Binary' && (u.op === '==' || u.op === '!=') && !isNilExpr(this.cx.info, u.x) && !isNilExpr(this.cx.info, u.y) && isIface(this.typeOf(u.x)) && isIface(this.typeOf(u.y))
  },

  /** The type words compared (EqPtr for ==, NeqPtr for !=). */
  ifaceTabCompare(this: FnBuilder, e: A.Binary): Value {
    const tab = ptrTo(T.uintptr)
    const a = this.v('ITab', tab, [this.expr(e.x)])
    const b = this.v('ITab', tab, [this.expr(e.y)])
    return this.v(e.op === '==' ? 'EqPtr' : 'NeqPtr', T.bool, [a, b])
  },

  /** runtime.efaceeq/ifaceeq(tab, a.data, b.data), the operands read again. */
  ifaceDataEqual(this: FnBuilder, e: A.Binary): Value {
    const x = this.expr(e.x)
    const tab = this.v('ITab', ptrTo(T.uintptr), [x])
    const da = this.v('IData', T.unsafePointer, [x])
    const db = this.v('IData', T.unsafePointer, [this.expr(e.y)])
    return this.mkcall(fromGo(this.typeOf(e.x)).empty ? 'efaceeq' : 'ifaceeq', [T.bool], [tab, da, db])[0]!
  },

  /** `a == b` as walk writes it: `tab(a) == tab(b) && eq(…)`; `a != b`: `tab(a) != tab(b) || !eq(…)`. As a value: */
  ifaceCompare(this: FnBuilder, e: A.Binary): Value {
    this.pos = this.at(e.opPos)
    const tmp = { name: '.andor' }
    const l = this.ifaceTabCompare(e)
    this.writeVar(tmp, l, T.bool)
    const right = this.newBlock()
    const done = this.newBlock()
    if (e.op === '==') this.branch(l, right, done, 0)
    else this.branch(l, done, right, 0)
    this.seal(right)
    this.startBlock(right)
    const eq = this.ifaceDataEqual(e)
    this.writeVar(tmp, e.op === '==' ? eq : this.v('Not', T.bool, [eq]), T.bool)
    this.jump(done)
    this.seal(done)
    this.startBlock(done)
    return this.readVar(tmp)
  },

  /** …and as a condition (condBranch of the && or ||). */
  ifaceCompareBranch(this: FnBuilder, e: A.Binary, yes: import('../ssa/func').Block, no: import('../ssa/func').Block, likely: -1 | 0 | 1): void {
    this.pos = this.at(e.opPos)
    const mid = this.newBlock()
    const l = this.ifaceTabCompare(e)
    if (e.op === '==') this.branch(l, mid, no, Math.max(likely, 0) as 0 | 1)
    else this.branch(l, yes, mid, Math.min(likely, 0) as -1 | 0)
    this.seal(mid)
    this.startBlock(mid)
    const eq = this.ifaceDataEqual(e)
    if (e.op === '==') this.branch(eq, yes, no, likely)
    else this.branch(eq, no, yes, (-likely) as -1 | 0 | 1)
  },

  /** `x.M(args)` through the itab (OCALLINTER). */
  interfaceCall(this: FnBuilder, e: A.Call, sig: import('../types/types').Signature, variadic: import('../types/info').VariadicCall): Value[] {
    const sel = unparen(e.fun) as A.Selector
    // gc evaluates the receiver with the call's position pushed: a variable receiver's load is at the call.
    this.pos = this.at(exprPos(e))
    const iv = this.expr(sel.x)
    const it = under(this.typeOf(sel.x)) as InterfaceType
    const index = itabOrder(it).findIndex((m) => m.name === sel.sel.name)
    if (index < 0) throw new Unsupported(e.pos, 'interface method call')
    const { vals, types } = this.args([], e.args, sig, variadic, e)
    const rts = sig.results.map((r) => fromGo(r.type))
    this.pos = this.at(exprPos(e))
    const itab = this.v('ITab', T.uintptr, [iv])
    this.nilCheck(itab)
    const slot = this.v('OffPtr', ptrTo(T.uintptr), [itab], BigInt(24 + 8 * index))
    const data = this.v('IData', bytePtr, [iv])
    const code = this.v('Load', T.uintptr, [slot, this.mem])
    const width = (() => {
      let off = 8
      for (const t of types) off = Math.ceil(off / t.align) * t.align + t.size
      return Math.ceil(off / 8) * 8
    })()
    const call = this.v('InterLECall', results([...rts, T.mem]), [code, data, ...vals, this.mem], BigInt(width))
    return this.callResults(call, rts)
  },

  /** `x.(T)` for a concrete T: the type or itab word checked, then the data word. */
  typeAssert(this: FnBuilder, e: A.TypeAssert): Value {
    const target = this.cx.info.typeExprs.get(e.type)!
    if (isIface(target)) return assertToEmpty(this, e)
    const xt = this.typeOf(e.x)
    const x = this.expr(e.x)
    this.pos = this.at(e.dot >= 0 ? e.dot : e.pos)
    const empty = fromGo(xt).empty
    const want = this.typeWord(target)
    const expect = empty ? want : this.itabWord(target, xt)
    const have = this.v('ITab', bytePtr, [x])
    const ok = this.v('EqPtr', T.bool, [have, expect])
    const ifaceType = this.typeWord(xt)
    this.check(ok, () => {
      const call = this.v('StaticLECall', T.mem, [have, want, ifaceType, this.mem], 24n, { kind: 'call', fn: `runtime.${empty ? 'panicdottypeE' : 'panicdottypeI'}` })
      this.endPanic(call)
    })
    const t = fromGo(target)
    if (isDirectIface(target)) return this.v('IData', t, [x])
    return this.load(t, this.v('IData', ptrTo(t), [x]))
  },

  /** panic(x): runtime.gopanic with the interface value. */
  gopanic(this: FnBuilder, e: A.Call): void {
    const v = this.expr(e.args[0]!)
    this.pos = this.at(exprPos(e))
    const call = this.v('StaticLECall', T.mem, [v, this.mem], 16n, { kind: 'call', fn: 'runtime.gopanic' })
    const mem = this.v('SelectN', T.mem, [call], 0n)
    this.mem = mem
    this.endPanic(mem)
  },
}

export type IfaceSsaType = SsaType
