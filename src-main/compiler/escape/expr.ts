// Expressions (gc's escape/expr.go): each is evaluated into a hole; the
// allocating ones (pointer, slice and function literals, method values) get
// a location of their own. Methods of FnWalker (walker.ts).

import type * as A from '../syntax/ast'
import type { FieldStep, MethodSelection } from '../types/info'
import { under, type Type } from '../types/types'
import { concatOperands, isString } from './strings'
import { stripParens } from './gcfmt'
import { addr, deref, note, type Hole } from './holes'
import { isMapIndex } from './maps'
import { isClosure, methodValueRecvType } from './units'
import { FnWalker } from './walker'

export const exprMethods = {
  /** noConv: e's implicit conversion to an interface was already applied (iface.ts). */
  expr(this: FnWalker, k: Hole, e: A.Expr | null, noConv = false): void {
    if (!e) return
    e = stripParens(e)
    if (!noConv && this.info.ifaceConversions.has(e)) return this.convIface(k, e, e)
    const tv = this.info.types.get(e)
    k = this.scalarCut(k, tv?.type)
    if (tv?.value) return
    switch (e.kind) {
      case 'Ident': {
        const v = this.localVar(e)
        if (v) this.b.flow(k, this.b.oldLoc(v))
        return
      }
      case 'BasicLit':
      case 'TypeExpr':
      case 'BadExpr':
        return
      case 'CompositeLit':
        return this.compositeLit(k, e)
      case 'FuncLit':
        return this.closure(k, e)
      case 'Selector':
        return this.selector(k, e)
      case 'Index': {
        if (isMapIndex(this, e)) return this.mapIndexExpr(e)
        const xt = this.typeOf(e.x)
        const u = xt && under(xt)
        if (u?.kind === 'slice' || isString(u)) this.expr(deref(k, this.exprNote('dot of pointer', e)), e.x)
        else if (u?.kind === 'pointer') {
          // p[i] on a pointer to an array: an implicit *p.
          const kk = note(k, this.exprNote('fixed-array-index-of', e))
          this.expr(deref(kk, this.b.note('indirection', this.pos(e), () => this.p.expr(e.x))), e.x)
        } else this.expr(note(k, this.exprNote('fixed-array-index-of', e)), e.x)
        return this.discardExpr(e.index)
      }
      case 'Slice': {
        const xt = this.typeOf(e.x)
        let kk = note(k, this.exprNote('slice', e))
        // Slicing an addressable array takes its address implicitly.
        if (xt && under(xt).kind === 'array') kk = addr(kk, this.b.note('address-of', this.pos(e), () => this.p.expr(e.x)))
        this.expr(kk, e.x)
        this.discardExpr(e.low)
        this.discardExpr(e.high)
        return this.discardExpr(e.max)
      }
      case 'Star':
        return this.expr(deref(k, this.exprNote('indirection', e)), e.x)
      case 'Unary': {
        const x = stripParens(e.x)
        if (e.op === '&' && x.kind === 'CompositeLit') {
          const t = this.typeOf(x)!
          const kk = this.spill(k, { kind: 'ptrlit', node: e, elem: t }, () => this.p.expr(e), e.pos)
          return this.expr(kk, x)
        }
        if (e.op === '&') return this.expr(addr(k, this.exprNote('address-of', e)), e.x)
        return this.discardExpr(e.x)
      }
      case 'Binary':
        if (isString(tv?.type) && e.op === '+') return this.addString(k, e)
        this.discardExpr(e.x)
        return this.discardExpr(e.y)
      case 'Call':
        return this.callExpr([k], e)
      case 'KeyValue':
        return this.expr(k, e.value)
      case 'TypeAssert':
        return this.typeAssert(k, e)
    }
  },

  /** gc's OADDSTR: the result is a new allocation; the operands never escape (concatstrings copies them). */
  addString(this: FnWalker, k: Hole, e: A.Binary): void {
    this.spill(k, { kind: 'addstr', node: e }, () => this.p.expr(e), e.opPos)
    for (const x of concatOperands(this.info, e)) this.discardExpr(x)
  },

  discardExpr(this: FnWalker, e: A.Expr | null): void {
    this.expr(this.b.discard, e)
  },

  compositeLit(this: FnWalker, k: Hole, e: A.CompositeLit): void {
    const t = this.typeOf(e)!
    if (this.info.implicitAddrLits.has(e)) {
      // An elided &T{…} inside []*T{{…}}: an implicit pointer literal.
      const elem = (under(t).kind === 'pointer' ? (under(t) as { elem: Type }).elem : t) as Type
      const pos = this.pos(e)
      k = this.spill(k, { kind: 'ptrlit', node: e, elem }, () => this.p.expr(e), pos)
      k = this.scalarCut(k, elem)
      return this.literalElements(k, e, under(elem).kind, () => `${this.p.expr(e).slice(1)}`)
    }
    const kind = under(t).kind
    if (kind === 'map') return this.mapLit(k, e)
    if (kind === 'slice') k = this.spill(k, { kind: 'slicelit', node: e }, () => this.p.expr(e), this.pos(e))
    this.literalElements(k, e, kind, () => this.p.expr(e))
  },

  literalElements(this: FnWalker, k: Hole, e: A.CompositeLit, kind: string, where: () => string): void {
    const why = kind === 'struct' ? 'struct literal element' : kind === 'array' ? 'array literal element' : 'slice-literal-element'
    const n = this.b.note(why, this.pos(e), where)
    for (const elt of e.elts) this.expr(note(k, n), elt.kind === 'KeyValue' ? elt.value : elt)
  },

  closure(this: FnWalker, k: Hole, lit: A.FuncLit): void {
    const unit = this.b.env.units.ofLit.get(lit)!
    const kk = this.spill(k, { kind: 'closure', node: lit, unit }, () => 'func literal', lit.pos)
    if (unit.state === 1) {
      kk.dst.closure = unit.scope
      kk.dst.closureResults = unit.signature.results.map((r) => this.b.oldLoc(r))
    }
    this.b.closures.push({ k: kk, unit })
    if (!isClosure(unit)) return
    for (const cv of unit.captures) {
      const loc = this.b.oldLoc(cv)
      if (!loc.captured) {
        loc.captured = true
        // Assignments before the closure, at its loop depth, do not count.
        if (loc.loopDepth === this.loopDepth) loc.reassigned = false
      }
    }
    this.child(unit).walkFunc()
  },

  selector(this: FnWalker, k: Hole, e: A.Selector): void {
    const s = this.info.selections.get(e)
    if (!s) return this.expr(k, e.x)
    switch (s.kind) {
      case 'field':
        return this.fieldPath(k, e, s.path, s.path.length)
      case 'methodExpr':
        return
      case 'methodValue': {
        const recv = methodValueRecvType(this.info, e, s)
        const closureK = this.spill(k, { kind: 'methodValue', node: e, recv }, () => this.p.expr(e), this.pos(e))
        const unit = this.b.env.units.ofFunc.get(s.method) ?? null
        // Its results are assumed to reach the heap: the later call is unknown.
        const ks = s.method.type.results.map(() => this.b.heap)
        const paramK = this.tagHole(ks, unit, 0)
        return this.receiver(this.tee(paramK, closureK), e, s)
      }
      case 'methodCall':
        return this.expr(k, e.x)
    }
  },

  /** x.f1.….fn (steps[0..upto)), each step a dot or, through a pointer, a dot of pointer. */
  fieldPath(this: FnWalker, k: Hole, e: A.Selector, steps: FieldStep[], upto: number): void {
    const pos = this.pos(e)
    for (let j = upto - 1; j >= 0; j--) {
      const step = steps[j]!
      k = this.scalarCut(k, step.field.type)
      const where = () => this.p.expr(e.x, 8) + steps.slice(0, j + 1).map((s) => `.${s.field.name}`).join('')
      k = step.deref ? deref(k, this.b.note('dot of pointer', pos, where)) : note(k, this.b.note('dot', pos, where))
    }
    this.expr(k, e.x)
  },

  /** The receiver argument of a method call or method value: path, then the implicit & or *. */
  receiver(this: FnWalker, k: Hole, sel: A.Selector, s: MethodSelection): void {
    const pos = this.pos(sel)
    const recvType = s.method.type.recv!.type
    k = this.scalarCut(k, recvType)
    const where = () => this.p.receiver(sel)
    if (s.recvAdjust === 'addr') k = addr(k, this.b.note('address-of', pos, where))
    else if (s.recvAdjust === 'deref') k = deref(k, this.b.note('indirection', pos, where))
    this.fieldPath(k, sel, s.path, s.path.length)
  },
}
