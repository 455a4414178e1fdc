// Addresses (gc's s.addr and its canSSA/addressable tests) and composite
// literals: built in place through an address, as SSA values, or as slices.
// Methods of FnBuilder (fn.ts), kept apart by gc's seams.

import type * as A from '../syntax/ast'
import { toInt } from '../types/constant'
import { under } from '../types/types'
import type { Value } from '../ssa/func'
import { canSSA, fromGo, ptrTo, T, type SsaType } from '../ssa/types'
import { compositeTemp } from './complit'
import { bounded } from '../walk/bounds'
import { sliceOfArray } from './slicing'
import { arrayType, BOUNDS, unparen, LazyAggregate, Unsupported, type FnBuilder } from './fn'
import { orderStackTemp, ptrLitTemp, sliceLiteralTarget } from './dcltemps'

export const addrMethods = {
  /** The value to assign: aggregates that are not SSA-able stay lazy until we know where they go. */
  valueFor(this: FnBuilder, e: A.Expr): Value | LazyAggregate {
    const u = unparen(e)
    const t = fromGo(this.typeOf(u))
    if (u.kind === 'CompositeLit' && !canSSA(t) && !this.isConst(u) && !this.cx.info.ifaceConversions.has(u)) return new LazyAggregate(u)
    return this.expr(u)
  },

  isConst(this: FnBuilder, e: A.Expr): boolean {
    return this.cx.info.types.get(e)?.value !== undefined
  },

  /** gc's canSSA on an expression: a variable (or part of one) held in SSA values. */
  exprCanSSA(this: FnBuilder, e: A.Expr): boolean {
    e = unparen(e)
    if (e.kind === 'Ident') {
      const o = this.cx.info.uses.get(e) ?? this.cx.info.defs.get(e)
      return o?.kind === 'var' && this.home(o).kind === 'ssa'
    }
    if (e.kind === 'Selector') {
      const sel = this.cx.info.selections.get(e)
      return sel?.kind === 'field' && sel.path.every((p) => !p.deref) && this.exprCanSSA(e.x)
    }
    if (e.kind === 'Index') return under(this.typeOf(e.x)).kind === 'array' && this.exprCanSSA(e.x)
    return false
  },

  addressable(this: FnBuilder, e: A.Expr): boolean {
    e = unparen(e)
    switch (e.kind) {
      case 'Ident': {
        const o = this.cx.info.uses.get(e)
        return o?.kind === 'var' && this.home(o).kind !== 'ssa'
      }
      case 'Star':
        return true
      case 'Selector': {
        const sel = this.cx.info.selections.get(e)
        return sel?.kind === 'field' && (sel.path.some((p) => p.deref) || this.addressable(e.x))
      }
      case 'Index': {
        const k = under(this.typeOf(e.x)).kind
        return k === 'slice' || k === 'pointer' || (k === 'array' && this.addressable(e.x))
      }
      // After walk a literal is a temporary or static data, and ssagen takes a call's result where the call left it.
      case 'CompositeLit':
        return !canSSA(fromGo(this.typeOf(e))) && !this.cx.info.implicitAddrLits.has(e)
      case 'Call':
        return !canSSA(fromGo(this.typeOf(e))) && this.cx.info.calls.get(e)?.kind !== 'conversion' && this.cx.info.calls.get(e)?.kind !== 'builtin'
      default:
        return false
    }
  },

  /** The address of an addressable expression (gc's s.addr). */
  addr(this: FnBuilder, e: A.Expr): Value {
    e = unparen(e)
    const t = fromGo(this.typeOf(e))
    switch (e.kind) {
      case 'Ident': {
        const o = this.cx.info.uses.get(e) ?? this.cx.info.defs.get(e)
        if (o?.kind !== 'var') throw new Unsupported(e.pos, 'address of a non-variable')
        return this.addrOfVar(o)
      }
      case 'Star':
        return this.nilCheck(this.expr(e.x))
      case 'Selector': {
        const sel = this.cx.info.selections.get(e)
        if (sel?.kind !== 'field') throw new Unsupported(e.pos, 'address of a method')
        let base: Value
        const first = sel.path[0]!
        base = first.deref ? this.expr(e.x) : this.addressable(e.x) ? this.addr(e.x) : this.spill(this.expr(e.x), fromGo(this.typeOf(e.x)))
        return this.fieldPath(base, sel.path, t)
      }
      case 'Index': {
        // gc's s.addr: the slice, array address or pointer first, then the index.
        const xt = under(this.typeOf(e.x))
        if (xt.kind === 'slice') {
          const s = this.expr(e.x)
          const i = this.expr(e.index)
          const len = this.v('SliceLen', T.int, [s])
          return this.v('PtrIndex', ptrTo(t), [this.v('SlicePtr', ptrTo(t), [s]), this.indexCheck(i, len, e.index)])
        }
        if (xt.kind === 'pointer') {
          const at = fromGo(under(xt.elem))
          const p = this.nilCheck(this.expr(e.x))
          const i = this.expr(e.index)
          return this.v('PtrIndex', ptrTo(t), [p, this.indexCheck(i, this.constInt(T.int, at.len!), e.index)])
        }
        const at = fromGo(xt)
        const a = this.addr(e.x)
        const i = this.expr(e.index)
        return this.v('PtrIndex', ptrTo(t), [a, this.indexCheck(i, this.constInt(T.int, at.len!), e.index)])
      }
      case 'CompositeLit': {
        const pre = this.prebuilt.get(e)
        if (pre?.op === 'Dereference') {
          this.prebuilt.delete(e)
          return pre.args[0]!
        }
        return compositeTemp(this, e, t)
      }
      case 'Call': {
        // gc's callAddr: the result's own slot (the Dereference of SelectNAddr the call gives).
        const r = this.call(e)[0]
        if (r?.op !== 'Dereference') throw new Unsupported(e.pos, 'address of a call result')
        return r.args[0]!
      }
      default:
        throw new Unsupported(e.pos, `address of ${e.kind}`)
    }
  },

  /** The index widened to int (gc's extendIndex, even when no check is needed: a narrow register's upper bits are undefined). */
  indexCheck(this: FnBuilder, i: Value, len: Value, at: A.Expr): Value {
    const c = this.cx.info.types.get(at)?.value
    if (c !== undefined && len.op.startsWith('Const') && toInt(c)! < len.auxInt) return this.extendIndex(i)
    if (len.op.startsWith('Const') && bounded(this.cx.info, unparen(at), Number(len.auxInt))) return this.extendIndex(i)
    return this.boundsCheck(i, len, BOUNDS.index, at)
  },

  /** Follow a field path from a struct address (or a pointer for a deref step). */
  fieldPath(this: FnBuilder, base: Value, path: import('../types/info').FieldStep[], last: SsaType): Value {
    let p = base
    path.forEach((step, k) => {
      if (step.deref && k > 0) p = this.load(p.type.elem!, p)
      if (step.deref) p = this.nilCheck(p)
      const st = p.type.elem!
      const f = st.fields![step.index]!
      p = this.v('OffPtr', ptrTo(k === path.length - 1 ? last : f.type), [p], BigInt(f.offset))
    })
    return p
  },

  /** &T{…} or an implicit &: a new object, on the heap if it escapes, else a stack temporary. */
  compositeAddr(this: FnBuilder, e: A.CompositeLit, t: SsaType, site: object): Value {
    ptrLitTemp(this)
    if (this.cx.facts.escapingSites.has(site)) {
      const p = this.newObject(t)
      // walk's anylit: `*p = T{}` first when the literal leaves components out, then one
      // assignment `(*p).f = x` per element, each dereferencing p again (a NilCheck that
      // opt drops with the Zero, newobject's memory being zeroed: ids as gc's).
      if (t.size > 0 && (t.kind === 'struct' || t.kind === 'array')) {
        if (e.elts.length < (t.kind === 'struct' ? t.fields!.length : t.len!)) {
          // An SSA-able T is assigned its zero value (gc's zeroVal, made before the address); any other is a Zero.
          if (canSSA(t)) {
            const z = this.zero(t)
            this.storeInto(t, this.nilCheck(p), z)
          } else this.zeroMem(t, this.nilCheck(p))
        }
        this.fillComposite(e, t, p, () => this.nilCheck(p))
      } else this.fillComposite(e, t, p)
      return p
    }
    const a = this.stackTemp(t)
    this.fillComposite(e, t, a)
    return a
  },

  /** Store the literal's non-zero elements through p (memory already zeroed). */
  fillComposite(this: FnBuilder, e: A.CompositeLit, t: SsaType, p: Value, fresh?: () => Value): void {
    if (t.kind === 'struct') {
      e.elts.forEach((el, i) => {
        let idx = i
        let ve = el
        if (el.kind === 'KeyValue') {
          const name = (el.key as A.Ident).name
          idx = t.fields!.findIndex((f) => f.name === name)
          ve = el.value
        }
        const f = t.fields![idx]!
        if (this.isZeroConst(ve)) return
        const fp = this.v('OffPtr', ptrTo(f.type), [fresh ? fresh() : p], BigInt(f.offset))
        this.storeElem(f.type, fp, ve)
      })
      return
    }
    if (t.kind === 'array') return this.fillArrayElems(e, t, p, fresh)
    throw new Unsupported(e.pos, `composite literal of ${t.str}`)
  },

  /**
   * After a static template was copied to p: store the elements that are
   * not constants (gc's fixedlit, initKindDynamic). Nested array and
   * struct literals are walked the same way; nil is no constant there.
   */
  fillDynamic(this: FnBuilder, e: A.CompositeLit, t: SsaType, p: Value): void {
    const info = this.cx.info
    const one = (et: SsaType, addr: () => Value, ve: A.Expr): void => {
      const u = unparen(ve)
      if (u.kind === 'CompositeLit' && !info.implicitAddrLits.has(u) && (et.kind === 'struct' || et.kind === 'array')) return this.fillDynamic(u, et, addr())
      if (info.types.get(u)?.value !== undefined) return
      this.storeInto(et, addr(), this.valueFor(u))
    }
    if (t.kind === 'struct') {
      e.elts.forEach((el, i) => {
        const idx = el.kind === 'KeyValue' ? t.fields!.findIndex((f) => f.name === (el.key as A.Ident).name) : i
        const f = t.fields![idx]!
        one(f.type, () => this.v('OffPtr', ptrTo(f.type), [p], BigInt(f.offset)), el.kind === 'KeyValue' ? el.value : el)
      })
      return
    }
    if (t.kind !== 'array') throw new Unsupported(e.pos, `composite literal of ${t.str}`)
    let i = 0
    for (const el of e.elts) {
      if (el.kind === 'KeyValue') i = Number(toInt(info.types.get(el.key)!.value!)!)
      const k = i++
      one(t.elem!, () => this.v('PtrIndex', ptrTo(t.elem!), [p, this.constInt(T.int, k)]), el.kind === 'KeyValue' ? el.value : el)
    }
  },

  storeElem(this: FnBuilder, t: SsaType, addr: Value, ve: A.Expr): void {
    const u = unparen(ve)
    if (u.kind === 'CompositeLit' && !this.cx.info.implicitAddrLits.has(u) && !canSSA(t)) return this.fillComposite(u, t, addr)
    this.storeInto(t, addr, this.valueFor(u))
  },

  isZeroConst(this: FnBuilder, e: A.Expr): boolean {
    if (this.cx.info.ifaceConversions.has(unparen(e))) return false
    const v = this.cx.info.types.get(e)?.value
    if (!v) return false
    return (v.kind === 'int' && v.value === 0n) || (v.kind === 'float' && v.value === 0) || (v.kind === 'bool' && !v.value)
  },

  /** A composite literal as a value. */
  compositeValue(this: FnBuilder, e: A.CompositeLit, t: SsaType): Value {
    if (t.kind === 'slice') return this.sliceLiteral(e, t)
    if (canSSA(t)) {
      if (t.size === 0) return this.entryV('Empty', t)
      if (t.kind === 'struct') {
        const parts = t.fields!.map((f) => this.zero(f.type) as Value)
        e.elts.forEach((el, i) => {
          if (el.kind === 'KeyValue') parts[t.fields!.findIndex((f) => f.name === (el.key as A.Ident).name)] = this.expr(el.value)
          else parts[i] = this.expr(el)
        })
        return this.v('StructMake', t, parts)
      }
      if (t.kind === 'array') {
        const el = e.elts[0]
        const v = el ? this.expr(el.kind === 'KeyValue' ? el.value : el) : this.zero(t.elem!)
        return this.v('ArrayMake1', t, [v])
      }
    }
    return this.v('Dereference', t, [compositeTemp(this, e, t), this.mem])
  },

  sliceLiteral(this: FnBuilder, e: A.CompositeLit, t: SsaType): Value {
    let n = 0
    let i = 0
    for (const el of e.elts) {
      if (el.kind === 'KeyValue') i = Number(toInt(this.cx.info.types.get(el.key)!.value!)!)
      n = Math.max(n, ++i)
    }
    const at = arrayType(t.elem!, n)
    let p: Value
    // walk's slicelit: a pointer temporary to the array first (an SSA value here).
    sliceLiteralTarget(this, e)
    this.reserveTemp()
    if (this.cx.facts.escapingSites.has(e)) p = this.newObject(at)
    else if (this.cx.facts.transientSites?.has(e)) p = orderStackTemp(this, at)
    else {
      p = this.stackTemp(at)
    }
    this.fillArrayElems(e, at, p)
    return sliceOfArray(this, p, at, t, e)
  },

  fillArrayElems(this: FnBuilder, e: A.CompositeLit, at: SsaType, p: Value, fresh?: () => Value): void {
    let i = 0
    for (const el of e.elts) {
      let ve = el
      if (el.kind === 'KeyValue') {
        i = Number(toInt(this.cx.info.types.get(el.key)!.value!)!)
        ve = el.value
      }
      if (!this.isZeroConst(ve)) {
        if (!fresh) this.storeElem(at.elem!, this.v('PtrIndex', ptrTo(at.elem!), [p, this.constInt(T.int, i)]), ve)
        else {
          // gc's s.addr of a[i]: the array's address anew, the index, the length for the (elided) bounds check.
          const base = fresh()
          const idx = this.constInt(T.int, i)
          this.constInt(T.int, at.len!)
          this.storeElem(at.elem!, this.v('PtrIndex', ptrTo(at.elem!), [base, idx]), ve)
        }
      }
      i++
    }
  },

  // ------------------------------------------------------------ closures and method values
}
