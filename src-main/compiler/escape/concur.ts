// go, defer, channels and select (gc's escape/call.go goDeferStmt and the
// OSEND/ORECV/OSELECT cases of stmt.go). gc's typecheck first rewrites
// `defer f(a, b)` into `t1, t2 := a, b; defer func() { f(t1, t2) }()`
// (normalizeGoDeferCall): the temporaries are declared where the statement
// is read, the wrapper (F.deferwrapN / F.gowrapN) captures them by value, and
// escape analysis sees a call of a parameterless closure. A defer at loop
// depth 1 keeps what it captures alive only until the function returns;
// anything else escapes. Methods of FnWalker (walker.ts), plus the
// frame-side rewrite.

import type * as A from '../syntax/ast'
import type { MethodSelection, TypeInfo } from '../types/info'
import { under, type Type } from '../types/types'
import type { TempVar } from './frames'
import { methodExprRecv, stripParens } from './gcfmt'
import { holeTo, note, type Hole } from './holes'
import type { FnUnit } from './units'
import { gcPos } from './utils'
import { assignOpPos } from '../types/positions'
import type { FnWalker, Named, StmtRef } from './walker'

/** What one temporary holds: an argument, the callee, or a method call's adjusted receiver. */
export type GoDeferSource = { arg: A.Expr } | { recv: A.Selector }

/** A go/defer call rewritten by normalizeGoDeferCall. */
export interface GoDeferRewrite {
  /** gc's name of the wrapper: `F.deferwrap1`, `F.gowrap2` (one counter per function). */
  name: string
  /** The temporaries in evaluation order (callee, receiver, arguments), each with what it holds. */
  temps: { temp: TempVar; src: GoDeferSource }[]
  /** The callee held in a temporary (func values and literals), else null. */
  fun: TempVar | null
  /** A method call's receiver temporary (the call becomes T.M(recv, …)). */
  recv: TempVar | null
  /** The wrapped call's arguments: a temporary, or an expression evaluated in the wrapper (constants, nil, func names). */
  args: (TempVar | A.Expr)[]
  /** The OAS2 defining the temporaries (their Name.Defn). */
  defn: object
}

/**
 * The temporaries normalizeGoDeferCall introduces for a call, or null when
 * the call is already parameterless (then nothing is rewritten). Only the
 * forms the checker admits reach here (types/chan.ts).
 */
export function goDeferRewrite(
  info: TypeInfo,
  s: A.GoDefer,
  temp: (t: Type, pos: number) => TempVar,
  text: string,
  owner: string,
  index: number,
): GoDeferRewrite | null {
  const call = stripParens(s.call) as A.Call
  const ci = info.calls.get(call)
  if (!ci || ci.kind === 'conversion' || ci.kind === 'builtin') return null
  const fun = stripParens(call.fun)
  const method = ci.kind === 'method'
  const iface = ci.kind === 'interface'
  if (!method && !iface && ci.signature.params.length === 0 && ci.signature.results.length === 0) return null
  const name = `${owner}.${s.tok === 'go' ? 'gowrap' : 'deferwrap'}${index}`
  const rw: GoDeferRewrite = { name, temps: [], fun: null, recv: null, args: [], defn: {} }
  // A name shares its position with every use (ir.HasUniquePos): its temporary takes the statement's.
  // An argument converted to an interface is an OCONVIFACE of its own (at the operand): it has one.
  const posOf = (e: A.Expr) => (stripParens(e).kind === 'Ident' && !converted(info, e) ? s.pos : gcPos(stripParens(e), text))
  const add = (type: Type, pos: number, src: GoDeferSource): TempVar => {
    const t = temp(type, pos)
    rw.temps.push({ temp: t, src })
    return t
  }
  if (method) {
    const sel = fun as A.Selector
    const ms = info.selections.get(sel) as MethodSelection
    const x = stripParens(sel.x)
    const plain = ms.recvAdjust === 'none' && ms.path.length === 0
    rw.recv = add(ms.method.type.recv!.type, plain && x.kind === 'Ident' ? s.pos : gcPos(sel, text), { recv: sel })
  } else if (iface) {
    // OCALLINTER: the interface value itself is the first temporary (then OCHECKNIL of its itab).
    const x = (fun as A.Selector).x
    rw.recv = add(info.types.get(stripParens(x))!.type, posOf(x), { arg: x })
  } else if (!calleeInWrapper(info, fun)) {
    rw.fun = add(info.types.get(fun)!.type, posOf(fun), { arg: fun })
  }
  const params = ci.signature.params
  call.args.forEach((arg, i) => {
    if (evaluatedInWrapper(info, arg)) return rw.args.push(arg)
    const p = params[Math.min(i, params.length - 1)]!
    const packed = ci.variadic.kind === 'pack' && i >= params.length - 1
    const type = packed && p.type.kind === 'slice' ? p.type.elem : p.type
    rw.args.push(add(type, posOf(arg), { arg }))
  })
  return rw
}

/** A function name or a method expression is called directly from the wrapper. */
function calleeInWrapper(info: TypeInfo, fun: A.Expr): boolean {
  if (fun.kind === 'Ident') return info.uses.get(fun)?.kind === 'func'
  return fun.kind === 'Selector' && info.selections.get(fun)?.kind === 'methodExpr'
}

/** The argument is converted to an interface (an OCONVIFACE, evaluated before the statement even for a constant). */
function converted(info: TypeInfo, arg: A.Expr): boolean {
  const e = stripParens(arg)
  const t = info.types.get(e)?.type
  return info.ifaceConversions.has(e) && t !== undefined && t.kind !== 'tuple' && under(t).kind !== 'interface' && !(t.kind === 'basic' && t.basic === 'untyped nil')
}

/** Constants, nil, function names, method expressions and new(T) are evaluated inside the wrapper. */
function evaluatedInWrapper(info: TypeInfo, arg: A.Expr): boolean {
  const e = stripParens(arg)
  if (converted(info, arg)) return false
  if (info.types.get(e)?.value) return true
  if (e.kind === 'Ident') {
    const k = info.uses.get(e)?.kind
    return k === 'func' || k === 'nil'
  }
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
    if (rw) this.goDeferTemps(s, rw)
    let k = this.b.heap
    if (s.tok === 'defer' && this.loopDepth === 1) {
      // e.later: what the deferred call needs lives until the function returns.
      const loc = this.b.tempLoc(this.unit, this.loopDepth, true)
      this.b.flow(this.b.discard, loc)
      k = holeTo(loc)
    }
    if (!rw) return this.expr(k, call.fun)
    this.goDeferWrapper(k, s, call, rw)
  },

  /** `t1, t2 := a, b` (ODCLs, then one OAS2): the operands evaluated at the statement. */
  goDeferTemps(this: FnWalker, s: A.GoDefer, rw: GoDeferRewrite): void {
    for (const { temp } of rw.temps) this.dcl(temp)
    const srcText = (src: GoDeferSource) => ('arg' in src ? this.p.expr(src.arg) : receiverText(this, src.recv))
    const where: StmtRef = {
      id: rw.defn,
      pos: s.pos,
      print: () => `${rw.temps.map((t) => t.temp.name).join(', ')} = ${rw.temps.map((t) => srcText(t.src)).join(', ')}`,
    }
    const ks = rw.temps.map((t) => this.addrOf({ named: t.temp }))
    const n = this.stmtNote('assign-pair', where)
    rw.temps.forEach(({ src }, i) => {
      const k = note(ks[i]!, n)
      if ('arg' in src) return this.expr(k, src.arg)
      const sel = src.recv
      this.receiver(k, sel, this.info.selections.get(sel) as MethodSelection)
    })
    this.reassigned(ks, where)
  },

  /** The wrapper closure: its storage, the captured temporaries, and its body (the call) walked where it appears. */
  goDeferWrapper(this: FnWalker, k: Hole, s: A.GoDefer, call: A.Call, rw: GoDeferRewrite): void {
    const unit = wrapperUnit(this.unit, rw)
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
    const isTemp = (a: TempVar | A.Expr): a is TempVar => a.kind === 'temp'
    const args: (A.Expr | Named)[] = rw.args.map((a) => (isTemp(a) ? { named: a } : a))
    this.child(unit).callExpr(null, call, {
      args,
      fun: rw.fun ? { named: rw.fun } : null,
      recv: rw.recv ? { named: rw.recv } : null,
      display: () => wrappedCallText(this, call, rw),
    })
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

  /** A select case: `v := <-c` is OSELRECV2 (`v, _ = <-c`); a send or a bare receive are statements. */
  commStmt(this: FnWalker, comm: A.Send | A.ExprStmt | A.Assign): void {
    if (comm.kind !== 'Assign') return this.stmt(comm)
    if (comm.op === ':=') for (const v of this.ownDefs(comm.lhs)) this.dcl(v)
    this.receiveAssign(comm)
  },

  /**
   * `v, ok = <-c` (OAS2RECV, OSELRECV2): the value comes from the channel,
   * nothing flows from c. With ok (in a select case too) the reader receives
   * into its temporaries first: `t1, t2 = <-c; v, ok = t1, t2`.
   */
  receiveAssign(this: FnWalker, s: A.Assign): void {
    this.receiveInto(s.lhs, s.rhs[0]!, { id: s, pos: assignOpPos(s, this.text), print: () => this.p.assign(s) }, s.op === '=' ? '=' : ':=')
  },

  receiveInto(this: FnWalker, lhs: readonly (A.Expr | null)[], rhs: A.Expr, where: StmtRef, op: string): void {
    const temps = this.frame.commaOk?.get(stripParens(rhs))
    if (!temps) {
      const dsts = lhs.length === 1 ? [lhs[0]!, null] : [...lhs]
      return this.assignList(dsts, [rhs], 'assign-pair-receive', where)
    }
    for (const t of temps) this.dcl(t)
    const recv: StmtRef = { id: stripParens(rhs), pos: where.pos, print: () => `${temps.map((t) => t.name).join(', ')} = ${this.p.expr(rhs)}` }
    this.assignList(temps.map((t) => ({ named: t })), [rhs], 'assign-pair-receive', recv)
    const copy: StmtRef = { ...where, print: () => `${lhs.map((l) => (l ? this.p.expr(l) : '_')).join(', ')} ${op} ${temps.map((t) => t.name).join(', ')}` }
    this.assignList([...lhs], temps.map((t) => ({ named: t })), 'assign-pair', copy)
  },
}

/** A method call's receiver as gc passes it: the embedded fields, then the implicit & or *. */
function receiverText(w: FnWalker, sel: A.Selector): string {
  const s = w.info.selections.get(sel) as MethodSelection
  const r = w.p.receiver(sel)
  return s.recvAdjust === 'addr' ? `&${r}` : s.recvAdjust === 'deref' ? `*${r}` : r
}

/** gc's %v of the call inside the wrapper: temporaries for the operands, packed extras as `... argument`. */
function wrappedCallText(w: FnWalker, call: A.Call, rw: GoDeferRewrite): string {
  const ci = w.info.calls.get(call)!
  const argText = (a: TempVar | A.Expr) => (a.kind === 'temp' ? a.name : w.p.expr(a))
  let head: string
  const args: string[] = []
  if (rw.recv && ci.kind === 'interface') head = `${rw.recv.name}.${(stripParens(call.fun) as A.Selector).sel.name}`
  else if (rw.recv) {
    const sel = stripParens(call.fun) as A.Selector
    const m = (w.info.selections.get(sel) as MethodSelection).method
    head = `${methodExprRecv(m.type.recv!.type)}.${m.name}`
    args.push(rw.recv.name)
  } else head = rw.fun ? rw.fun.name : w.p.expr(call.fun, 8)
  let ddd = call.ellipsis ? '...' : ''
  if (ci.kind !== 'conversion' && ci.kind !== 'builtin' && ci.variadic.kind === 'pack') {
    const from = ci.variadic.from
    args.push(...rw.args.slice(0, from).map(argText), rw.args.length > from ? '... argument' : 'nil')
    ddd = '...'
  } else args.push(...rw.args.map(argText))
  return `${head}(${args.join(', ')}${ddd})`
}

function wrapperUnit(parent: FnUnit, rw: GoDeferRewrite): FnUnit {
  return {
    name: rw.name,
    decl: null,
    lit: null,
    wrapper: null,
    info: null,
    signature: { kind: 'signature', recv: null, params: [], results: [], variadic: false },
    parent,
    captures: [],
    goDefer: rw.temps.map((t) => t.temp),
    refs: [],
    scope: { name: rw.name, outer: parent.scope, resultsLost: false },
    state: 1,
    tags: [],
  }
}
