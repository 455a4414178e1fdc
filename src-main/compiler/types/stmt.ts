// Statements. Branches and labels are checked separately (labels.ts), as gc
// does in its parser.

import type * as A from '../syntax/ast'
import { assignment, assignVar, assignVars, initVar, initVars, shortVarDecl } from './assign'
import type { Checker } from './checker'
import { makeBool, makeInt, type Constant } from './constant'
import { declare, declStmt } from './decls'
import { binary, comparison } from './binary'
import { expr, rawExpr } from './expr'
import { goDeferStmt, rangeChan, selectStmt, sendStmt } from './chan'
import { exprString } from './exprstring'
import { newVar, type Var } from './objects'
import { isInvalid, type Operand } from './operand'
import { assignOpPos, nodePos, startPos } from './positions'
import { diagnosticTypeString as ts } from './typestring'
import { hasNil, identical, isBoolean, isComparable, isInteger, isInterface, isNumeric, isString, isUntyped, isValid, Typ, under, type Type } from './types'
import { convertUntyped, updateExprType } from './untyped'
import { typeSwitchStmt } from './typeswitch'

export function stmtList(c: Checker, list: A.Stmt[]): void {
  for (const s of list) stmt(c, s)
}

function stmt(c: Checker, s: A.Stmt): void {
  switch (s.kind) {
    case 'Empty':
    case 'BadStmt':
    case 'Branch':
      return
    case 'DeclStmt':
      declStmt(c, s.decl)
      return
    case 'Labeled':
      stmt(c, s.stmt)
      return
    case 'ExprStmt':
      exprStmt(c, s)
      return
    case 'Assign':
      assignStmt(c, s)
      return
    case 'IncDec': {
      const x = expr(c, s.x)
      if (x.mode === 'invalid') return
      if (!isNumeric(x.type)) {
        const op = s.inc ? '++' : '--'
        c.errorAt(s.x, `invalid operation: ${exprString(s.x)}${op} (non-numeric type ${ts(x.type)})`)
        return
      }
      assignVar(c, s.x, null, x, 'assignment')
      return
    }
    case 'Return':
      returnStmt(c, s)
      return
    case 'Block':
      c.openScope()
      stmtList(c, s.stmts)
      c.closeScope()
      return
    case 'If': {
      c.openScope()
      if (s.init) stmt(c, s.init)
      const x = expr(c, s.cond)
      if (x.mode !== 'invalid' && !isBoolean(x.type)) c.errorAt(s.cond, 'non-boolean condition in if statement')
      stmt(c, s.then)
      if (s.else) stmt(c, s.else)
      c.closeScope()
      return
    }
    case 'TypeSwitch':
      typeSwitchStmt(c, s, stmtList)
      return
    case 'Switch':
      c.openScope()
      if (s.init) stmt(c, s.init)
      switchStmt(c, s)
      c.closeScope()
      return
    case 'For': {
      c.openScope()
      if (s.init) stmt(c, s.init)
      if (s.cond) {
        const x = expr(c, s.cond)
        if (x.mode !== 'invalid' && !isBoolean(x.type)) c.errorAt(s.cond, 'non-boolean condition in for statement')
      }
      if (s.post) stmt(c, s.post)
      stmt(c, s.body)
      c.closeScope()
      return
    }
    case 'Range':
      rangeStmt(c, s)
      return
    case 'Send':
      sendStmt(c, s)
      return
    case 'GoDefer':
      goDeferStmt(c, s)
      return
    case 'Select':
      selectStmt(c, s, (x) => stmt(c, x), (l) => stmtList(c, l))
      return
  }
}

function exprStmt(c: Checker, s: A.ExprStmt): void {
  const { x, kind } = rawExpr(c, s.x)
  let msg: string
  switch (x.mode) {
    case 'invalid':
      return
    case 'builtin':
      msg = 'must be called'
      break
    case 'type':
      msg = 'is not an expression'
      break
    default:
      if (kind === 'statement') return
      msg = 'is not used'
  }
  c.errorOperand(x, `${c.str(x)} ${msg}`)
}

function assignStmt(c: Checker, s: A.Assign): void {
  switch (s.op) {
    case '=':
      assignVars(c, s.lhs, s.rhs)
      return
    case ':=':
      shortVarDecl(c, s)
      return
  }
  if (s.lhs.length !== 1 || s.rhs.length !== 1) {
    c.errorAtPos(assignOpPos(s, c.text), `assignment operation ${s.op} requires single-valued expressions`)
    return
  }
  const x = binary(c, null, s.lhs[0]!, s.rhs[0]!, s.op.slice(0, -1) as A.BinaryOp)
  assignVar(c, s.lhs[0]!, null, x, 'assignment')
}

function returnStmt(c: Checker, s: A.Return): void {
  const sig = c.fn!.sig
  const res = sig.results
  if (s.results.length === 0 && res.length > 0 && res[0]!.name !== '') {
    // A bare return needs every named result in scope.
    for (const v of res) {
      const alt = c.lookup(v.name)
      if (alt && alt !== v) {
        c.errorParts(s.pos, s.end, [
          { msg: `result parameter ${v.name} not in scope at return` },
          { pos: alt.pos, msg: `inner declaration of var ${v.name} ${ts(v.type)}` },
        ])
      }
    }
    return
  }
  initVars(c, res, s.results, s, res.map(() => true))
}

// ---------------------------------------------------------------- switch

function switchStmt(c: Checker, s: A.Switch): void {
  let x: Operand
  if (s.tag) {
    x = expr(c, s.tag)
    assignment(c, x, null, 'switch expression')
    if (x.mode !== 'invalid' && !isComparable(x.type) && !hasNil(x.type)) {
      c.errorOperand(x, `cannot switch on ${c.str(x)} (${ts(x.type)} is not comparable)`)
      x.mode = 'invalid'
    }
  } else {
    // `switch {` compares each case with true.
    x = { mode: 'constant', type: Typ.bool, val: makeBool(true), expr: null }
  }
  let firstDefault: A.CaseClause | null = null
  for (const cc of s.clauses) {
    if (cc.list !== null) continue
    if (firstDefault) c.errorAtPos(cc.pos, `multiple defaults (first at ${c.errors.where(firstDefault.pos)})`)
    else firstDefault = cc
  }
  const seen: CaseValues = new Map()
  for (const cc of s.clauses) {
    for (const e of cc.list ?? []) caseValue(c, x, e, seen)
    c.openScope()
    stmtList(c, cc.body)
    c.closeScope()
  }
}

/** The constant case values seen so far, by value (types2's valueMap): a switch may have many thousands. */
type CaseValues = Map<string, { type: Type; pos: number }[]>

/**
 * types2's goVal: the key duplicates are looked up by. As gc, only integer
 * (within 64 bits) and floating-point values are checked; booleans are not.
 * Values of one type have one kind, so an integral float may share the integer's key.
 */
function caseKey(v: Constant): string | null {
  switch (v.kind) {
    case 'bool':
      return null
    case 'int':
      return v.value >= -(2n ** 63n) && v.value < 2n ** 64n ? v.value.toString() : null
    case 'float':
      return Number.isInteger(v.value) ? BigInt(v.value).toString() : String(v.value)
    case 'string':
      return `"${v.value}` // never equal to a number's key
  }
}

function caseValue(c: Checker, x: Operand, e: A.Expr, seen: CaseValues): void {
  const v = expr(c, e)
  if (x.mode === 'invalid' || v.mode === 'invalid') return
  if (isInterface(x.type) || isInterface(v.type)) {
    // gc converts the tag and the cases to a common interface type; not modelled yet.
    c.unsupported(e.pos, e.end, 'switch case with an interface value')
    return
  }
  convertUntyped(c, v, x.type)
  if (isInvalid(v)) return
  const res = comparison(c, { ...v }, x, '==', true)
  if (res.mode === 'invalid' || v.mode !== 'constant' || !v.val) return
  const key = caseKey(v.val)
  if (key === null) return
  let same = seen.get(key)
  if (!same) seen.set(key, (same = []))
  const dup = same.find((p) => identical(p.type, v.type))
  if (dup) {
    c.errorParts(startPos(e, c.text), e.end, [
      { msg: `duplicate case ${c.str(v)} in expression switch` },
      { pos: dup.pos, msg: 'previous case' },
    ])
    return
  }
  same.push({ type: v.type, pos: nodePos(e, c.text) })
}

// ---------------------------------------------------------------- range

function rangeStmt(c: Checker, s: A.Range): void {
  c.hasCallOrRecv = false
  const x = expr(c, s.x)
  let key: Type | null = null
  let val: Type | null = null
  let rangeOverInt = false
  if (x.mode !== 'invalid') {
    let u = under(x.type)
    if (u.kind === 'pointer' && under(u.elem).kind === 'array') u = under(u.elem)
    if (u.kind === 'basic' && isInteger(u)) {
      key = x.type
      rangeOverInt = true
    } else if (u.kind === 'array' || u.kind === 'slice') {
      key = Typ.int
      val = u.elem
    } else if (isString(u)) {
      key = Typ.int
      val = Typ.rune
      if (isUntyped(x.type) && x.expr) updateExprType(c, x.expr, Typ.string, true)
    } else if (u.kind === 'map') {
      key = u.key
      val = u.elem
    } else if (u.kind === 'chan') {
      key = rangeChan(c, x, u)
      if (!key) key = Typ.invalid
    } else if (u.kind === 'signature') {
      c.unsupported(s.x.pos, s.x.end, 'range over function')
    } else {
      c.errorOperand(x, `cannot range over ${c.str(x)}`)
    }
    if (key && !val && s.value) c.errorAt(s.value, `range over ${c.str(x)} permits only one iteration variable`)
    // With no value variable and no call or receive, an array (or pointer to one) is not evaluated:
    // types2 records the operand as the constant length, which is what gc compiles.
    if (!s.value && !c.hasCallOrRecv && u.kind === 'array') {
      let inner = s.x
      while (inner.kind === 'Paren') inner = inner.x
      c.recordTypeAndValue(inner, 'constant', Typ.int, makeInt(u.len))
    }
  }
  c.openScope()
  const lhs = [s.key, s.value]
  const rhs = [key, val]
  if (s.define && s.key) {
    const vars: Var[] = []
    const owner = c.fn?.node ?? null
    const all: { id: A.Ident; v: Var }[] = []
    lhs.forEach((e, i) => {
      if (!e) return
      const id = e.kind === 'Ident' ? e : null
      if (!id) c.errorAt(e, `invalid syntax tree: cannot declare ${exprString(e)}`)
      const v = newVar(id?.name ?? '_', e.pos, 'local', Typ.invalid, owner)
      c.rangeVars.add(v)
      if (id) {
        c.recordDef(id, v)
        if (id.name !== '_') {
          vars.push(v)
          all.push({ id, v })
        }
      }
      const t = rhs[i]
      if (!t || !isValid(t)) {
        v.type = Typ.invalid
        v.used = true // no follow-on "declared and not used"
        return
      }
      if (rangeOverInt) initVar(c, v, x, 'range clause', false)
      else initVar(c, v, { mode: 'value', type: t, expr: e }, 'assignment', false)
    })
    for (const { id, v } of all) declare(c, c.scope, id, v)
    if (vars.length === 0) c.errorAtPos(s.pos, 'no new variables on left side of :=')
  } else if (s.key) {
    lhs.forEach((e, i) => {
      const t = rhs[i]
      if (!e || !t || !isValid(t)) return
      if (rangeOverInt) {
        assignVar(c, e, null, x, 'range clause')
        if (x.mode !== 'invalid' && !isInteger(x.type)) c.errorAt(e, `cannot use iteration variable of type ${ts(x.type)}`)
      } else assignVar(c, e, null, { mode: 'value', type: t, expr: e }, 'assignment')
    })
  } else if (rangeOverInt) {
    assignment(c, x, null, 'range clause')
  }
  stmt(c, s.body)
  c.closeScope()
}

