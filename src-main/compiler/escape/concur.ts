// go, defer, channels and select (gc's escape/call.go goDeferStmt and the
// OSEND/ORECV/OSELECT cases of stmt.go). gc's typecheck first rewrites
// `defer f(a, b)` into `t1, t2 := a, b; defer func() { f(t1, t2) }()`
// (normalizeGoDeferCall): the temporaries are declared where the statement
// is read, the wrapper captures them by value, and escape analysis sees a
// call of a parameterless closure. A defer at loop depth 1 keeps what it
// captures alive only until the function returns; anything else escapes.
// Methods of FnWalker (walker.ts), plus the frame-side rewrite.

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import { sizeof } from '../types/types'
import type { TempVar } from './frames'
import { stripParens } from './gcfmt'
import { holeTo, note, type Hole } from './holes'
import type { FnUnit } from './units'
import { gcPos } from './utils'
import { assignOpPos } from '../types/positions'
import type { FnWalker, Named, StmtRef } from './walker'

/** A go/defer call rewritten by normalizeGoDeferCall. */
export interface GoDeferRewrite {
  /** The temporaries, in argument order, each with the expression it holds. */
  temps: { temp: TempVar; arg: A.Expr }[]
  /** The wrapped call's arguments: a temporary, or an expression evaluated in the wrapper (constants, nil, func names). */
  args: (TempVar | A.Expr)[]
  /** The OAS2 defining the temporaries (their Name.Defn). */
  defn: object
}

/**
 * The temporaries normalizeGoDeferCall introduces for a call, or null when
 * the call is already parameterless (then nothing is rewritten). Only the
 * forms the checker admits reach here: plain calls, and calls of a named
 * function whose arguments are not composite literals or packed variadics.
 */
export function goDeferRewrite(info: TypeInfo, s: A.GoDefer, temp: (t: TempVar['type'], pos: number) => TempVar, text: string): GoDeferRewrite | null {
  const call = stripParens(s.call) as A.Call
  const ci = info.calls.get(call)
  if (!ci || ci.kind === 'conversion' || ci.kind === 'builtin') return null
  if (ci.signature.params.length === 0 && ci.signature.results.length === 0) return null
  const rw: GoDeferRewrite = { temps: [], args: [], defn: {} }
  ci.signature.params.forEach((p, i) => {
    const arg = call.args[i]
    if (!arg) return
    if (evaluatedInWrapper(info, arg)) return rw.args.push(arg)
    // A name shares its position with every use (ir.HasUniquePos): the temporary takes the statement's.
    const a = stripParens(arg)
    const pos = a.kind === 'Ident' ? s.pos : gcPos(a, text)
    const t = temp(p.type, pos)
    rw.temps.push({ temp: t, arg })
    rw.args.push(t)
  })
  return rw
}

/** Constants, nil, function names, method expressions and new(T) are evaluated inside the wrapper. */
function evaluatedInWrapper(info: TypeInfo, arg: A.Expr): boolean {
  const e = stripParens(arg)
  const tv = info.types.get(e)
  if (tv?.value || (e.kind === 'Ident' && e.name === 'nil' && info.uses.get(e)?.kind === 'nil')) return true
  if (e.kind === 'Ident') return info.uses.get(e)?.kind === 'func'
  if (e.kind === 'Selector') return info.selections.get(e)?.kind === 'methodExpr'
  if (e.kind === 'Call') {
    const ci = info.calls.get(e)
    return ci?.kind === 'builtin' && ci.id === 'new'
  }
  return false
}

export const concurMethods = {
  goDeferStmt(this: FnWalker, s: A.GoDefer): void {
    const call = stripParens(s.call) as A.Call
    const rw = this.frame.goDefers?.get(s) ?? null
    if (rw) {
      for (const { temp } of rw.temps) this.dcl(temp)
      const names = rw.temps.map((t) => t.temp.name)
      const where: StmtRef = { id: rw.defn, pos: s.pos, print: () => `${names.join(', ')} = ${this.p.list(rw.temps.map((t) => t.arg))}` }
      this.assignList(rw.temps.map((t) => ({ named: t.temp })), rw.temps.map((t) => t.arg), 'assign-pair', where)
    }
    let k = this.b.heap
    if (s.tok === 'defer' && this.loopDepth === 1) {
      // e.later: the arguments live until the function returns.
      const loc = this.b.tempLoc(this.unit, this.loopDepth, true)
      this.b.flow(this.b.discard, loc)
      k = holeTo(loc)
    }
    if (!rw) return this.expr(k, call.fun)
    this.goDeferWrapper(k, s, call, rw)
  },

  /** The wrapper closure: its storage, the captured temporaries, and its body (the call) walked where it appears. */
  goDeferWrapper(this: FnWalker, k: Hole, s: A.GoDefer, call: A.Call, rw: GoDeferRewrite): void {
    const unit = wrapperUnit(this.unit, s, rw)
    this.b.env.frames.set(unit, { dcl: [], defn: new Map(), ranges: new Map(), fors: new Map() })
    const kk = this.spill(k, { kind: 'goDefer', node: s, unit }, () => 'func literal', s.pos)
    kk.dst.closure = unit.scope
    this.b.closures.push({ k: kk, unit })
    for (const { temp } of rw.temps) {
      const loc = this.b.oldLoc(temp)
      if (!loc.captured) {
        loc.captured = true
        if (loc.loopDepth === this.loopDepth) loc.reassigned = false
      }
    }
    const args: (A.Expr | Named)[] = rw.args.map((a) => ('kind' in a && a.kind === 'temp' ? { named: a } : (a as A.Expr)))
    const display = () => `${this.p.expr(call.fun, 8)}(${rw.args.map((a) => ('kind' in a && a.kind === 'temp' ? a.name : this.p.expr(a as A.Expr))).join(', ')})`
    this.child(unit).callExpr(null, call, { args, display })
  },

  sendStmt(this: FnWalker, s: A.Send): void {
    this.discardExpr(s.ch)
    this.expr(note(this.b.heap, this.b.note('send', s.arrow, () => `${this.p.expr(s.ch)} <- ${this.p.expr(s.value)}`)), s.value)
  },

  selectStmt(this: FnWalker, s: A.Select): void {
    for (const cc of s.clauses) {
      if (cc.comm) this.commStmt(cc.comm)
      this.block(cc.body)
    }
  },

  /** A select case: `v := <-c` is OSELRECV2 (`v, _ = <-c`), a send or a bare receive as statements. */
  commStmt(this: FnWalker, comm: A.Send | A.ExprStmt | A.Assign): void {
    if (comm.kind !== 'Assign') return this.stmt(comm)
    if (comm.op === ':=') for (const v of this.ownDefs(comm.lhs)) this.dcl(v)
    this.receiveAssign(comm)
  },

  /** `v, ok = <-c` (OAS2RECV, OSELRECV2): the value comes from the channel, nothing flows from c. */
  receiveAssign(this: FnWalker, s: A.Assign): void {
    const where: StmtRef = { id: s, pos: assignOpPos(s, this.text), print: () => this.p.assign(s) }
    const dsts = s.lhs.length === 1 ? [s.lhs[0]!, null] : s.lhs
    this.assignList(dsts, [s.rhs[0]!], 'assign-pair-receive', where)
  },
}

function wrapperUnit(parent: FnUnit, s: A.GoDefer, rw: GoDeferRewrite): FnUnit {
  const name = `${parent.name}.${s.tok === 'go' ? 'gowrap' : 'deferwrap'}`
  return {
    name,
    decl: null,
    lit: null,
    wrapper: null,
    info: null,
    signature: { kind: 'signature', recv: null, params: [], results: [], variadic: false },
    parent,
    captures: [],
    goDefer: rw.temps.map((t) => t.temp),
    refs: [],
    scope: { name, outer: parent.scope, resultsLost: false },
    state: 1,
    tags: [],
  }
}

/** A captured temporary's width, as the capture line prints it. */
export function tempWidth(t: TempVar): number {
  return sizeof(t.type)
}
