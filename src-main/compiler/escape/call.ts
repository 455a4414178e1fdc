// Calls (gc's escape/call.go): arguments flow through the callee's parameter
// tags or, inside a recursive batch, straight into its parameters; builtins
// have their own rules. Methods of FnWalker (walker.ts).

import { isIntrinsicId } from '../types/mathpkgs'
import type * as A from '../syntax/ast'
import type { CallInfo, MethodSelection } from '../types/info'
import { isUintptr, isUnsafePointer, under, type Type } from '../types/types'
import { tupleType, type TempVar } from './frames'
import { stripParens } from './gcfmt'
import { deref, holeTo, note, shift, type Hole } from './holes'
import { NUM_RESULT_SLOTS } from './leaks'
import type { FnUnit } from './units'
import { hasPointers, recvParams } from './utils'
import { isStringConversion, isStringToBytes } from './strings'
import type { FnWalker, Named } from './walker'

/** A call inside a go/defer wrapper (concur.ts): its operands are the captured temporaries. */
export interface WrappedCall {
  args: (A.Expr | Named)[]
  /** The callee's temporary, or null when the wrapper names the function. */
  fun: Named | null
  /** A method call's receiver temporary. */
  recv: Named | null
  display: () => string
}

export const callMethods = {
  /** gc's escape.call: ks are the holes for the call's results (null when they are dropped). */
  callExpr(this: FnWalker, ks: Hole[] | null, e: A.Call, wrapped?: WrappedCall): void {
    const ci = this.info.calls.get(e)
    if (!ci) throw new Error(`escape: unclassified call at offset ${e.pos}`)
    if (ci.kind === 'conversion' && under(ci.to).kind === 'interface') return this.convIface(ks?.[0] ?? this.b.discard, e, e.args[0]!)
    if (ci.kind === 'conversion') {
      if (isStringConversion(this.info, e)) {
        // gc's OBYTES2STR & co.: the result is new storage; the operand is only read.
        this.spill(ks?.[0] ?? this.b.discard, { kind: 'strconv', node: e, toBytes: isStringToBytes(this.info, e) }, () => this.p.expr(e), this.pos(e.args[0]!))
        return this.discardExpr(e.args[0]!)
      }
      const k = ks?.[0] ?? this.b.discard
      const from = this.typeOf(e.args[0]!)
      if (isUnsafePointer(ci.to) && from && isUintptr(from)) return this.unsafeValue(k, e.args[0]!)
      // OSLICE2ARR: a copy of the elements, a deref (OSLICE2ARRPTR: the slice's pointer flows as is).
      if (from && under(from).kind === 'slice' && under(ci.to).kind === 'array') return this.expr(deref(k, this.exprNote('slice-to-array', e, this.pos(e.args[0]!))), e.args[0]!)
      return this.expr(k, e.args[0]!)
    }
    if (ci.kind === 'builtin') return this.builtin(ks, e, ci.id)
    // In a go/defer wrapper the arguments are the captured temporaries.
    const callNote = wrapped ? this.b.note('call parameter', e.lparen, wrapped.display) : this.exprNote('call parameter', e, e.lparen)
    const argument = (k: Hole, arg: A.Expr | Named) => this.exprOrNamed(note(k, callNote), arg)

    // g(f()) with f returning several values: temporaries first.
    const tupleArg = e.args.length === 1 && tupleType(this.info, e.args[0]!) ? (stripParens(e.args[0]!) as A.Call) : null
    const args: (A.Expr | Named)[] = wrapped ? wrapped.args : tupleArg ? this.tupleAssign(tupleArg).map((t) => ({ named: t })) : e.args

    const fn = this.staticCallee(ci)
    const sig = fn ? fn.signature : ci.signature
    if (ks && fn && fn.state === 1) {
      fn.signature.results.forEach((r, i) => {
        if (ks[i]) this.b.flow(ks[i]!, this.b.oldLoc(r))
      })
    }
    if (ci.kind !== 'method' && ci.kind !== 'interface') {
      let calleeK = this.b.discard
      if (!fn && ks?.some((k) => k.dst !== this.b.g.blank)) calleeK = note(this.b.callee, this.exprNote('callee operand', e, e.lparen))
      if (wrapped?.fun) this.exprOrNamed(calleeK, wrapped.fun)
      else if (!wrapped) this.expr(calleeK, e.fun)
    }
    let params = recvParams(sig)
    let first = 0
    if (ci.kind === 'interface') {
      // OCALLINTER: the receiver is the interface value; with no static callee it goes to the heap.
      if (wrapped?.recv) this.exprOrNamed(note(this.b.heap, callNote), wrapped.recv)
      else this.expr(note(this.b.heap, callNote), (stripParens(e.fun) as A.Selector).x)
      // An interface method's signature may carry no receiver: then params are the arguments already.
      if (sig.recv) {
        params = params.slice(1)
        first = 1
      }
    } else if (ci.kind === 'method') {
      const sel = stripParens(e.fun) as A.Selector
      const s = this.info.selections.get(sel) as MethodSelection
      if (wrapped?.recv) this.exprOrNamed(note(this.tagHole(ks, fn, 0), callNote), wrapped.recv)
      else this.receiver(note(this.tagHole(ks, fn, 0), callNote), sel, s)
      params = params.slice(1)
      first = 1
    }
    // Extra arguments of a variadic call are packed into one implicit slice literal.
    const packFrom = ci.variadic.kind === 'pack' ? params.length - 1 : -1
    params.forEach((_, i) => {
      const k = this.tagHole(ks, fn, first + i)
      if (i === packFrom) {
        const packed = args.slice(i)
        if (packed.length === 0) return
        const kk = this.spill(note(k, callNote), { kind: 'dotdotdot', node: e }, () => '... argument', e.lparen)
        const n = this.b.note('slice-literal-element', e.lparen, () => '... argument')
        for (const a of packed) this.exprOrNamed(note(kk, n), a)
        return
      }
      const a = args[i]
      if (a !== undefined) argument(k, a)
    })
  },

  /** The function a call statically reaches (gc's StaticCalleeName of the static value), or null. */
  staticCallee(this: FnWalker, ci: CallInfo): FnUnit | null {
    switch (ci.kind) {
      case 'direct':
      case 'method':
      case 'methodExpr':
        return this.b.env.units.ofFunc.get(ci.func) ?? null
      case 'closure':
        return this.b.env.units.ofLit.get(ci.closure) ?? null
      default:
        return null
    }
  },

  /** Where an argument for parameter i (receiver first) of fn flows. */
  tagHole(this: FnWalker, ks: Hole[] | null, fn: FnUnit | null, i: number): Hole {
    if (!fn) return this.b.heap
    const param = recvParams(fn.signature)[i]
    if (fn.state === 1) {
      if (!param || param.name === '' || param.name === '_') return this.b.discard
      return holeTo(this.b.oldLoc(param))
    }
    const tag = fn.tags[i]
    if (!tag) return this.b.heap
    const tagKs: Hole[] = []
    const x = tag.heap()
    if (x >= 0) tagKs.push(shift(this.b.heap, x))
    if (tag.mutator() >= 0) tagKs.push(shift(this.b.mutator, tag.mutator()))
    if (tag.callee() >= 0) tagKs.push(shift(this.b.callee, tag.callee()))
    if (ks) {
      for (let r = 0; r < NUM_RESULT_SLOTS && r < ks.length; r++) {
        const d = tag.result(r)
        if (d >= 0) tagKs.push(shift(ks[r]!, d))
      }
    }
    return this.tee(...tagKs)
  },

  builtin(this: FnWalker, ks: Hole[] | null, e: A.Call, id: string): void {
    const callNote = this.exprNote('call parameter', e, e.lparen)
    const argument = (k: Hole, a: A.Expr) => this.expr(note(k, callNote), a)
    const k0 = ks?.[0] ?? this.b.discard
    switch (id) {
      case 'len':
      case 'cap':
      case 'close':
      case 'print':
      case 'println':
      case 'delete':
        return e.args.forEach((a) => this.discardExpr(a))
      case 'clear':
        return argument(this.b.mutator, e.args[0]!)
      case 'recover':
        return e.args.forEach((a) => this.discardExpr(a))
      case 'panic':
        return argument(this.b.heap, e.args[0]!)
      case 'min':
      case 'max':
        // The result is one of the arguments (strings keep their data).
        return e.args.forEach((a) => argument(k0, a))
      case 'new': {
        const t = this.typeOf(e)!
        this.spill(k0, { kind: 'new', node: e, elem: (under(t) as { elem: Type }).elem }, () => this.p.expr(e), e.lparen)
        return
      }
      case 'make': {
        const t = this.typeOf(e)!
        if (under(t).kind === 'map') return this.makeMap(k0, e)
        // make(chan T, n) is a runtime call whose result is not an allocation escape analysis tracks.
        if (under(t).kind === 'chan') return e.args.slice(1).forEach((a) => this.discardExpr(a))
        const size = e.args[2] ?? e.args[1] ?? null
        this.spill(k0, { kind: 'make', node: e, elem: (under(t) as { elem: Type }).elem, size }, () => this.p.expr(e), e.lparen)
        for (const a of e.args.slice(1)) this.discardExpr(a)
        return
      }
      case 'append': {
        const s = e.args[0]!
        const st = this.typeOf(s)!
        let appendeeK = this.tee(k0, this.b.mutator)
        if (hasPointers((under(st) as { elem: Type }).elem)) appendeeK = this.tee(appendeeK, deref(this.b.heap, this.exprNote('appendee slice', e, e.lparen)))
        argument(appendeeK, s)
        if (e.ellipsis) {
          let appendedK = this.b.discard
          const t = this.typeOf(e.args[1]!)
          if (t && under(t).kind === 'slice' && hasPointers((under(t) as { elem: Type }).elem)) appendedK = deref(this.b.heap, this.exprNote('appended slice...', e, e.lparen))
          argument(appendedK, e.args[1]!)
        } else for (const a of e.args.slice(1)) argument(this.b.heap, a)
        const backing = this.spill(k0, { kind: 'append', node: e }, () => this.p.expr(e), e.lparen)
        backing.dst.loopDepth = 0
        return
      }
      case 'copy': {
        argument(this.b.mutator, e.args[0]!)
        let copiedK = this.b.discard
        const t = this.typeOf(e.args[1]!)
        if (t && under(t).kind === 'slice' && hasPointers((under(t) as { elem: Type }).elem)) copiedK = deref(this.b.heap, this.exprNote('copied slice', e, e.lparen))
        return argument(copiedK, e.args[1]!)
      }
      case 'unsafe.Add':
      case 'unsafe.Slice':
      case 'unsafe.String':
        argument(k0, e.args[0]!)
        return this.discardExpr(e.args[1]!)
      case 'unsafe.SliceData':
      case 'unsafe.StringData':
        return argument(k0, e.args[0]!)
      default:
        // math and math/bits intrinsics: scalar arguments, nothing flows (gc drops flows of pointer-free values).
        if (isIntrinsicId(id)) return e.args.forEach((a) => this.discardExpr(a))
        throw new Error(`escape: unexpected builtin ${id}`)
    }
  },

  /** `t1, t2 := f()` (gc's OAS2FUNC into the front end's temporaries); returns the temporaries. */
  tupleAssign(this: FnWalker, call: A.Call): TempVar[] {
    const temps = this.b.env.tuples.get(call)!
    for (const t of temps) this.dcl(t)
    const ks = temps.map((t) => holeTo(this.b.oldLoc(t)))
    this.callExpr(ks, call)
    this.reassigned(ks, { id: call })
    return temps
  },

  exprOrNamed(this: FnWalker, k: Hole, s: A.Expr | Named): void {
    if ('named' in s) this.b.flow(this.scalarCut(k, s.named.type), this.b.oldLoc(s.named))
    else this.expr(k, s)
  },
}
