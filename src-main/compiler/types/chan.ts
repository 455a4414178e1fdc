// Channels, select, go and defer (types2's chanElem, SendStmt, SelectStmt
// and suspendedCall), with the refusals of the forms later phases do not
// model yet.

import type * as A from '../syntax/ast'
import { assignment } from './assign'
import type { Checker } from './checker'
import { expr, rawExpr, unparen, use } from './expr'
import { exprString } from './exprstring'
import { invalidOperand, type Operand } from './operand'
import { assignOpPos, nodePos } from './positions'
import { diagnosticTypeString as ts } from './typestring'
import { isValid, under, type ChanType, type Type } from './types'
import { isIntrinsicId } from './mathpkgs'

/** The element type of x for a receive (recv) or a send, or null after reporting why not. */
export function chanElem(c: Checker, at: A.Expr | number, x: Operand, recv: boolean): Type | null {
  const u = under(x.type)
  let cause = ''
  if (u.kind !== 'chan') cause = `non-channel ${ts(x.type)} ${c.str(x)}`
  else if (recv && u.dir === 'send') cause = `send-only channel ${ts(x.type)} ${c.str(x)}`
  else if (!recv && u.dir === 'recv') cause = `receive-only channel ${ts(x.type)} ${c.str(x)}`
  else return u.elem
  const msg = `invalid operation: cannot ${recv ? 'receive from' : 'send to'} ${cause}`
  if (typeof at === 'number') c.errorAtPos(at, msg)
  else c.errorAt(at, msg)
  return null
}

/** `<-x`: a value that may also be used with comma-ok (`v, ok := <-c`). */
export function receive(c: Checker, e: A.Unary, x: Operand): Operand {
  const elem = chanElem(c, e.x, x, true)
  if (!elem) return invalidOperand(e)
  c.hasCallOrRecv = true
  return { mode: 'value', type: elem, expr: e }
}

/** Whether e is a receive `<-ch` (possibly parenthesised). */
export function isReceive(e: A.Expr): e is A.Unary {
  const x = unparen(e)
  return x.kind === 'Unary' && x.op === '<-'
}

export function sendStmt(c: Checker, s: A.Send): void {
  const ch = expr(c, s.ch)
  const val = expr(c, s.value)
  if (ch.mode === 'invalid' || val.mode === 'invalid') return
  // types2 reports at the send statement, which starts with the channel.
  const elem = chanElem(c, s.ch, ch, false)
  if (elem) assignment(c, val, elem, 'send')
}

/** `select { … }`: every case a send or a receive (possibly with assignment). */
export function selectStmt(c: Checker, s: A.Select, stmt: (s: A.Stmt) => void, stmtList: (l: A.Stmt[]) => void): void {
  let first: A.CommClause | null = null
  for (const cc of s.clauses) {
    if (cc.comm !== null) continue
    if (first) c.errorAtPos(cc.pos, `multiple defaults (first at ${c.errors.where(first.pos)})`)
    else first = cc
  }
  for (const cc of s.clauses) {
    const comm = cc.comm
    let valid = comm === null || comm.kind === 'Send'
    if (comm?.kind === 'ExprStmt') valid = isReceive(comm.x)
    if (comm?.kind === 'Assign') valid = comm.rhs.length === 1 && isReceive(comm.rhs[0]!)
    if (!valid) {
      const msg = 'select case must be send or receive (possibly with assignment)'
      // A statement's position is its node's (a call's is its parenthesis), not its start.
      if (comm!.kind === 'ExprStmt') c.errorAtPos(nodePos(comm!.x, c.text), msg, comm!.end)
      else c.errorAtPos(comm!.kind === 'Assign' ? assignOpPos(comm!, c.text) : comm!.pos, msg, comm!.end)
      continue
    }
    c.openScope()
    if (comm) stmt(comm)
    stmtList(cc.body)
    c.closeScope()
  }
}

/** `go`/`defer` (types2's suspendedCall), then the forms escape analysis does not model. */
export function goDeferStmt(c: Checker, s: A.GoDefer): void {
  const call = unparen(s.call)
  if (s.call.kind !== 'Call') {
    c.errorAt(s.call, `expression in ${s.tok} must be function call`)
    use(c, [s.call])
    return
  }
  const { x, kind } = rawExpr(c, s.call)
  if (x.mode === 'invalid') return
  if (kind === 'conversion' || kind === 'expression') {
    const msg = kind === 'conversion' ? 'requires function call, not conversion' : 'discards result of'
    c.errorOperand(x, `${s.tok} ${msg} ${c.str(x)}`)
    return
  }
  const why = unmodelled(c, call as A.Call)
  if (why) c.unsupported(s.call.pos, s.call.end, `${s.tok} ${why}`)
}

/**
 * gc rewrites `defer f(a, b)` into `t1, t2 := a, b; defer func() { f(t1, t2) }()`
 * (escape/concur.ts). Not modelled yet: builtins (walk wraps them
 * differently), `f(g())` with several results (gc's temporaries carry
 * positions we do not reproduce) and composite literal arguments (built in
 * the wrapper) but those converted to an interface.
 */
function unmodelled(c: Checker, call: A.Call): string {
  const ci = c.info.calls.get(call)
  if (!ci || ci.kind === 'conversion') return ''
  if (ci.kind === 'builtin' && isIntrinsicId(ci.id)) return `of ${exprString(call.fun)} (a call of an intrinsic)`
  if (ci.kind === 'builtin') return `of built-in ${ci.id}`
  if (call.args.length === 1 && c.info.types.get(unparen(call.args[0]!))?.type.kind === 'tuple') return 'of a call with a multi-value argument'
  // A literal converted to an interface is an OCONVIFACE: evaluated into a temporary like any other argument.
  for (const a of call.args) if (unparen(a).kind === 'CompositeLit' && !c.info.ifaceConversions.has(unparen(a))) return 'of a call with a composite literal argument'
  return ''
}

/** make(chan T[, n]): the size is optional. */
export function makeChanArgs(c: Checker, call: A.Call, nargs: number): boolean {
  if (nargs < 1 || nargs > 2) {
    c.errorAt(call, `invalid operation: ${exprString(call)} expects 1 or 2 arguments; found ${nargs}`)
    use(c, call.args.slice(1))
    return false
  }
  return true
}

/** close(ch). */
export function checkClose(c: Checker, x: Operand): boolean {
  const u = under(x.type)
  if (u.kind !== 'chan') {
    if (isValid(u)) c.errorOperand(x, `invalid operation: cannot close non-channel ${c.str(x)}`)
    return false
  }
  if (u.dir === 'recv') {
    c.errorOperand(x, `invalid operation: cannot close receive-only channel ${c.str(x)}`)
    return false
  }
  return true
}

/** Key type of `range ch`, or null after reporting a send-only channel. */
export function rangeChan(c: Checker, x: Operand, u: ChanType): Type | null {
  if (u.dir === 'send') {
    c.errorOperand(x, `cannot range over ${c.str(x)}: receive from send-only channel ${ts(x.type)}`)
    return null
  }
  return u.elem
}
