// gc 1.26's slice pass (cmd/compile/internal/slice), run after escape
// analysis: a slice variable built by appends whose backing store escapes
// only at one place (a `return s`, an `x = s`) outside any loop deeper than
// its declaration gets `s = move2heap(s)` just before that place, and its
// appends are then treated as not escaping, so they may use a stack backing
// store (ssagen/appenditems.ts). It pays only for at least two appends
// (weighted by loop depth). Every use of the variable must be one the pass
// understands (declaration, `s = nil`, `s = []T{…}`, `s = s[i:j]`,
// `s = append(s, …)`, s[i], len, cap, range, passing s to a parameter that
// does not leak, the one transition); anything else leaves it alone.

import type * as A from '../syntax/ast'
import { forEachChild, type CodeNode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { sizeof, under } from '../types/types'
import type { FnUnit, Units } from '../escape/units'

/** gc's base.Debug.VariableMakeThreshold: the largest element the pass tracks, in bytes. */
const MAX_STACK_SIZE = 32

export interface SliceStackDecision {
  v: Var
  /** Where s stops being exclusive: `s = move2heap(s)` goes first in it. */
  transition: A.Stmt
  /** The capacity (or the elements past the length) is observed: keep it on the move, grow through the buffer. */
  capUsed: boolean
  appends: A.Call[]
}

interface Tracked {
  v: Var
  ok: number
  all: number
  transition: A.Stmt | null
  appends: A.Call[]
  weight: number
  declDepth: number
  capUsed: boolean
  dead: boolean
}

const unparen = (e: A.Expr): A.Expr => {
  while (e.kind === 'Paren') e = e.x
  return e
}

/** The decisions of the slice pass for one function, in declaration order. */
export function sliceStackDecisions(unit: FnUnit, info: TypeInfo, units: Units): SliceStackDecision[] {
  const fi = unit.info
  if (!fi) return []
  const body = unit.decl?.body ?? unit.lit?.body
  if (!body) return []
  const tracked = new Map<Var, Tracked>()
  const dcl = [...fi.params, ...fi.results, ...fi.locals.filter((v) => !unit.captures.includes(v))]
  for (const v of dcl) {
    const t = under(v.type)
    if (t.kind !== 'slice' || v.name === '_' || v.name === '') continue
    if (sizeof(t.elem) > MAX_STACK_SIZE) continue
    tracked.set(v, { v, ok: 0, all: 0, transition: null, appends: [], weight: 0, declDepth: 0, capUsed: false, dead: false })
  }
  if (tracked.size === 0) return []
  const namedRets = fi.results.filter((r) => tracked.has(r))
  let loopDepth = 0

  const varOf = (e: A.Expr | null): Var | null => {
    if (!e) return null
    const x = unparen(e)
    if (x.kind !== 'Ident') return null
    const v = info.uses.get(x) ?? info.defs.get(x)
    return v?.kind === 'var' ? v : null
  }
  const tracking = (e: A.Expr | null): Tracked | null => {
    const v = varOf(e)
    const t = v ? tracked.get(v) : undefined
    return t && !t.dead ? t : null
  }
  const addTransition = (t: Tracked, at: A.Stmt): void => {
    // One transition only, and not inside a loop deeper than the declaration.
    if (t.transition || loopDepth > t.declDepth) t.dead = true
    else t.transition = at
  }
  const isCall = (e: A.Expr, id: string): e is A.Call => e.kind === 'Call' && (info.calls.get(e) as { id?: string } | undefined)?.id === id && info.calls.get(e)?.kind === 'builtin'

  /** An `x = y` inside statement `stmt`. */
  const assign = (x: A.Expr, y: A.Expr | null, stmt: A.Stmt): void => {
    const tx = tracking(x)
    if (tx) {
      const ry = y ? unparen(y) : null
      if (!ry || (ry.kind === 'Ident' && info.uses.get(ry)?.kind === 'nil')) tx.ok++
      else if (ry.kind === 'CompositeLit') {
        tx.ok++
        tx.capUsed = true
      } else if (ry.kind === 'Slice' && varOf(ry.x) === tx.v) {
        tx.ok += 2
        tx.capUsed = true
      } else if (isCall(ry, 'append') && varOf(ry.args[0]!) === tx.v) {
        tx.ok += 2
        tx.appends.push(ry)
        tx.weight += 1 + (loopDepth - tx.declDepth)
      }
    }
    const ty = y ? tracking(y) : null
    if (ty) {
      ty.ok++
      addTransition(ty, stmt)
    }
  }

  /** A declaration (gc's ODCL): its own use, understood. */
  const declare = (id: A.Expr): void => {
    const t = tracking(id)
    if (!t) return
    t.all++
    t.ok++
    t.declDepth = loopDepth
  }

  const argLeaks = (call: A.Call, idx: number): boolean => {
    const ci = info.calls.get(call)
    let fn: FnUnit | undefined
    if (ci?.kind === 'direct' || ci?.kind === 'method' || ci?.kind === 'methodExpr') fn = units.ofFunc.get(ci.func)
    else if (ci?.kind === 'closure') fn = units.ofLit.get(ci.closure)
    if (!fn || fn.state !== 2) return true
    if (ci!.kind !== 'method' && 'variadic' in ci! && ci.variadic.kind === 'pack' && idx >= ci.variadic.from) return true
    const tag = fn.tags[ci!.kind === 'method' ? idx + 1 : idx]
    return !tag || tag.any()
  }

  const visit = (n: CodeNode): void => {
    switch (n.kind) {
      case 'Ident': {
        const t = tracking(n)
        if (t) t.all++
        return
      }
      case 'FuncLit': {
        // The closure's captured variables are uses gc does not understand; its body is not walked.
        const lu = units.ofLit.get(n)
        for (const v of lu?.captures ?? []) {
          const t = tracked.get(v)
          if (t) t.all++
        }
        return
      }
      case 'Index': {
        const t = tracking(n.x)
        if (t) t.ok++
        break
      }
      case 'Unary':
        if (n.op === '&' && unparen(n.x).kind === 'Index') {
          const t = tracking((unparen(n.x) as A.Index).x)
          if (t) t.dead = true
        }
        break
      case 'Selector': {
        // s[i].M() with a pointer receiver takes &s[i].
        const sel = info.selections.get(n)
        const x = unparen(n.x)
        if (sel && sel.kind !== 'field' && sel.kind !== 'methodExpr' && sel.recvAdjust === 'addr' && x.kind === 'Index') {
          const t = tracking(x.x)
          if (t) t.dead = true
        }
        break
      }
      case 'Call': {
        const ci = info.calls.get(n)
        if (ci?.kind === 'builtin' && (ci.id === 'len' || ci.id === 'cap')) {
          const t = tracking(n.args[0]!)
          if (t) {
            t.ok++
            if (ci.id === 'cap') t.capUsed = true
          }
        } else if (ci && ci.kind !== 'builtin' && ci.kind !== 'conversion') {
          // A value receiver of a method call is its first argument.
          const fun = unparen(n.fun)
          const sel = fun.kind === 'Selector' ? info.selections.get(fun) : undefined
          const rt = ci.kind === 'method' && sel && sel.kind !== 'field' && sel.kind !== 'methodExpr' && sel.recvAdjust !== 'addr' ? tracking((fun as A.Selector).x) : null
          if (rt && !argLeaks(n, -1)) {
            rt.ok++
            rt.capUsed = true
          }
          n.args.forEach((a, i) => {
            const t = tracking(a)
            if (t && !argLeaks(n, i)) {
              t.ok++
              t.capUsed = true
            }
          })
        }
        break
      }
      case 'Return': {
        for (const r of n.results) {
          const t = tracking(r)
          if (t) {
            t.ok++
            addTransition(t, n)
          }
        }
        if (n.results.length === 0) for (const r of namedRets) {
          const t = tracked.get(r)!
          if (!t.dead) addTransition(t, n)
        }
        break
      }
      case 'Assign':
        if (n.op === ':=') {
          n.lhs.forEach((l) => {
            if (info.defs.get(l as A.Ident)) declare(l)
          })
        }
        if (n.op === '=' || n.op === ':=') {
          if (n.lhs.length === n.rhs.length) n.lhs.forEach((l, i) => assign(l, n.rhs[i]!, n))
        }
        break
      case 'DeclStmt':
        if (n.decl.kind === 'VarDecl') {
          for (const spec of n.decl.specs) {
            spec.names.forEach(declare)
            if (spec.values.length === 0) spec.names.forEach((id) => assign(id, null, n))
            else if (spec.values.length === spec.names.length) spec.names.forEach((id, i) => assign(id, spec.values[i]!, n))
            // The assignment's own use of each name (the children below are the values only).
            spec.names.forEach((id) => visit(id))
          }
        }
        break
      case 'Range': {
        const t = tracking(n.x)
        if (t) t.ok++
        if (n.define) {
          for (const k of [n.key, n.value]) if (k && info.defs.get(k as A.Ident)) declare(k)
        }
        loopDepth++
        forEachChild(n, visit)
        loopDepth--
        return
      }
      case 'For':
        loopDepth++
        forEachChild(n, visit)
        loopDepth--
        return
    }
    forEachChild(n, visit)
  }
  visit(body)

  const out: SliceStackDecision[] = []
  for (const t of tracked.values()) {
    if (t.dead || t.ok !== t.all || !t.transition || t.weight < 2) continue
    out.push({ v: t.v, transition: t.transition, capUsed: t.capUsed, appends: t.appends })
  }
  return out
}
