// Statements (gc's escape/stmt.go): declarations set a variable's loop
// depth, loops deepen it (three-clause loops with per-iteration variables
// as the front end rewrites them), range flows its operand into the key and
// value, return assigns the results. Methods of FnWalker (walker.ts).

import type * as A from '../syntax/ast'
import type { Var } from '../types/objects'
import { under } from '../types/types'
import type { TempVar, VarKey } from './frames'
import { isBlank, stripParens } from './gcfmt'
import { deref, holeTo, note } from './holes'
import { tokenAfter, assignOpPos } from '../types/positions'
import type { Dst, FnWalker, StmtRef } from './walker'

export const stmtMethods = {
  stmts(this: FnWalker, list: readonly A.Stmt[]): void {
    for (const s of list) this.stmt(s)
  },

  block(this: FnWalker, list: readonly A.Stmt[]): void {
    const old = this.loopDepth
    this.stmts(list)
    this.loopDepth = old
  },

  ownDefs(this: FnWalker, lhs: readonly A.Expr[]): Var[] {
    const out: Var[] = []
    for (const l of lhs) {
      if (l.kind !== 'Ident') continue
      const v = this.info.defs.get(l)
      if (v?.kind === 'var') out.push(v)
    }
    return out
  },

  isLoopCopy(this: FnWalker, v: VarKey): boolean {
    return 'loopCopy' in ((this.b.env.defn.get(v) ?? {}) as object)
  },

  stmt(this: FnWalker, s: A.Stmt | null): void {
    if (!s) return
    switch (s.kind) {
      // A `{ … }` is flattened in gc's IR: a looping label inside deepens the loop depth for what follows it.
      case 'Block':
        return s.ofStaticIf ? this.block(s.stmts) : this.stmts(s.stmts)
      case 'ExprStmt': {
        const x = stripParens(s.x)
        if (x.kind === 'Call') return this.callExpr(null, x)
        return this.discardExpr(x)
      }
      case 'Assign':
        return this.assign(s)
      case 'IncDec': {
        return this.assignList([s.x], [null], 'assign', { id: s, pos: assignOpPos(s, this.text), print: () => this.p.incDec(s) })
      }
      case 'DeclStmt':
        if (s.decl.kind === 'VarDecl') for (const spec of s.decl.specs) this.varSpec(spec)
        return
      case 'If': {
        this.stmt(s.init)
        const c = this.info.types.get(stripParens(s.cond))?.value
        if (c?.kind === 'bool') {
          // The front end keeps only the branch a constant condition selects.
          if (c.value) this.stmts(s.then.stmts)
          else if (s.else) this.stmts(s.else.kind === 'Block' ? s.else.stmts : [s.else])
          return
        }
        this.discardExpr(s.cond)
        this.block(s.then.stmts)
        this.block(s.else ? (s.else.kind === 'Block' ? s.else.stmts : [s.else]) : [])
        return
      }
      case 'For':
        return this.forStmt(s)
      case 'Range':
        return this.rangeStmt(s)
      case 'Switch':
        this.stmt(s.init)
        this.discardExpr(s.tag)
        for (const c of s.clauses) {
          for (const x of c.list ?? []) this.discardExpr(x)
          this.block(c.body)
        }
        return
      case 'TypeSwitch':
        return this.typeSwitch(s)
      case 'Labeled':
        if (this.labels.get(s) === 'looping') this.loopDepth++
        return this.stmt(s.stmt)
      case 'Return':
        return this.returnStmt(s)
      case 'GoDefer':
        return this.goDeferStmt(s)
      case 'Send':
        return this.sendStmt(s)
      case 'Select':
        return this.selectStmt(s)
      default:
        return
    }
  },

  assign(this: FnWalker, s: A.Assign): void {
    const where: StmtRef = { id: s, pos: assignOpPos(s, this.text), print: () => this.p.assign(s) }
    if (s.op === ':=') for (const v of this.ownDefs(s.lhs)) if (!this.isLoopCopy(v)) this.dcl(v)
    if (s.lhs.length === 2 && s.rhs.length === 1 && this.isCommaOkMapIndex(s.rhs[0]!)) {
      return this.assignList(s.lhs.map((l) => this.loopTemp(l)), s.rhs, 'assign-pair-mapr', where)
    }
    if (s.rhs.length === 1 && this.isCommaOkDotType(s.rhs[0]!)) return this.dotTypeInto(s.lhs, s.rhs[0]!, where, s.op === '=' ? '=' : ':=')
    if (s.rhs.length === 1 && this.info.commaOk.has(stripParens(s.rhs[0]!))) return this.receiveAssign(s)
    if (s.lhs.length > 1 && s.rhs.length === 1) {
      const ks = s.lhs.map((l) => this.addrOf(this.loopTemp(l)))
      const temps = this.tupleAssign(stripParens(s.rhs[0]!) as A.Call)
      const n = this.stmtNote('assign-pair', where)
      ks.forEach((k, i) => this.b.flow(this.scalarCut(note(k, n), temps[i]!.type), this.b.oldLoc(temps[i]!)))
      return this.reassigned(ks, where)
    }
    const why = s.lhs.length === 1 ? 'assign' : 'assign-pair'
    this.assignList(s.lhs.map((l) => this.loopTemp(l)), s.rhs, why, where)
  },

  /** In a rewritten three-clause loop, the init statement assigns the temporaries instead of the loop variables. */
  loopTemp(this: FnWalker, l: A.Expr): Dst {
    const v = this.localVar(l) ?? (l.kind === 'Ident' ? (this.info.defs.get(l) as Var | undefined) : undefined)
    if (v && this.loopInitTemps.has(v)) return { named: this.loopInitTemps.get(v)! }
    return l
  },

  varSpec(this: FnWalker, spec: A.ValueSpec): void {
    const vars = spec.names.map((n) => this.info.defs.get(n) as Var | undefined)
    for (const v of vars) if (v) this.dcl(v)
    if (spec.values.length === 0) return
    const names = spec.names.map((n) => n.name)
    const dsts: Dst[] = spec.names.map((n) => (isBlank(n) ? null : n))
    if (spec.names.length === 2 && spec.values.length === 1 && this.isCommaOkMapIndex(spec.values[0]!)) {
      const where: StmtRef = { id: spec, pos: spec.pos, print: () => this.p.varSpec(names, spec.values) }
      return this.assignList(dsts, spec.values, 'assign-pair-mapr', where)
    }
    if (spec.names.length > 1 && spec.values.length === 1 && this.info.commaOk.has(stripParens(spec.values[0]!))) {
      const where: StmtRef = { id: spec, pos: spec.pos, print: () => this.p.varSpec(names, spec.values) }
      if (this.isCommaOkDotType(spec.values[0]!)) return this.dotTypeInto(dsts.map((d) => d as A.Expr | null), spec.values[0]!, where, ':=')
      return this.receiveInto(dsts.map((d) => d as A.Expr | null), spec.values[0]!, where, ':=')
    }
    if (spec.names.length > 1 && spec.values.length === 1) {
      const call = stripParens(spec.values[0]!) as A.Call
      const temps = this.b.env.tuples.get(call)!
      const where: StmtRef = { id: spec, pos: spec.pos, print: () => this.p.varSpecTuple(names, temps.map((t) => t.name), call) }
      const ks = dsts.map((d) => this.addrOf(d))
      this.tupleAssign(call)
      const n = this.stmtNote('assign-pair', where)
      ks.forEach((k, i) => this.b.flow(this.scalarCut(note(k, n), temps[i]!.type), this.b.oldLoc(temps[i]!)))
      return this.reassigned(ks, where)
    }
    const where: StmtRef = { id: spec, pos: spec.pos, print: () => this.p.varSpec(names, spec.values) }
    this.assignList(dsts, spec.values, spec.names.length === 1 ? 'assign' : 'assign-pair', where)
  },

  returnStmt(this: FnWalker, s: A.Return): void {
    const results = this.unit.signature.results
    const dsts: Dst[] = results.map((r) => ({ named: r }))
    const where: StmtRef = { id: s, pos: s.pos, print: () => this.p.return(s.results) }
    if (s.results.length === 1 && results.length > 1) {
      const ks = dsts.map((d) => this.addrOf(d))
      const temps = this.tupleAssign(stripParens(s.results[0]!) as A.Call)
      const n = this.stmtNote('return', where)
      ks.forEach((k, i) => this.b.flow(this.scalarCut(note(k, n), temps[i]!.type), this.b.oldLoc(temps[i]!)))
      return this.reassigned(ks, where)
    }
    this.assignList(dsts, s.results, 'return', where)
  },

  forStmt(this: FnWalker, s: A.For): void {
    const rw = this.frame.fors.get(s)
    if (rw) rw.vars.forEach((v, i) => this.loopInitTemps.set(v, rw.temps[i]!))
    this.stmt(s.init)
    if (rw) rw.vars.forEach((v) => this.loopInitTemps.delete(v))
    const c = s.cond ? this.info.types.get(stripParens(s.cond))?.value : undefined
    if (c?.kind === 'bool' && !c.value) return
    this.loopDepth++
    if (!rw) {
      this.discardExpr(s.cond)
      this.stmt(s.post)
      this.block(s.body.stmts)
    } else {
      const old = this.loopDepth
      // z := z' for each per-iteration variable, then post (not on the first iteration), the exit test, the body, z' = z.
      rw.vars.forEach((v, i) => this.loopCopy(v, rw.temps[i]!, s.pos))
      this.stmt(s.post)
      this.discardExpr(s.cond)
      this.stmts(s.body.stmts)
      rw.vars.forEach((v, i) => this.loopCopyBack(v, rw.temps[i]!, s.pos))
      this.loopDepth = old
    }
    this.loopDepth--
  },

  /**
   * `v := tmp`, the per-iteration copy at the top of a rewritten loop body.
   * A range loop's copy counts as a reassignment (loopvar leaves v's Defn
   * the range statement): a closure capturing v at the same loop depth
   * forgives it, one inside a nested loop captures v by reference.
   */
  loopCopy(this: FnWalker, v: Var, t: TempVar, pos: number, range = false): void {
    this.dcl(v)
    const where: StmtRef = { id: range ? {} : this.b.env.defn.get(v)!, pos, print: () => `${v.name} := ${t.name}` }
    this.assignList([{ named: v }], [{ named: t }], 'assign', where)
  },

  loopCopyBack(this: FnWalker, v: Var, t: TempVar, pos: number): void {
    const where: StmtRef = { id: {}, pos, print: () => `${t.name} = ${v.name}` }
    this.assignList([{ named: t }], [{ named: v }], 'assign', where)
  },

  rangeStmt(this: FnWalker, s: A.Range): void {
    const rw = this.frame.ranges.get(s)
    const keyVar = s.key && s.define ? this.localVar(s.key) : null
    const valueVar = s.value && s.define ? this.localVar(s.value) : null
    if (s.define) {
      if (keyVar && !rw?.key) this.dcl(keyVar)
      if (valueVar && !rw?.value) this.dcl(valueVar)
    }
    const tmp = this.b.tempLoc(this.unit, this.loopDepth, true)
    this.expr(holeTo(tmp), s.x)
    this.loopDepth++
    const rangePos = this.rangeKeywordPos(s)
    const key: Dst = rw?.key ? { named: rw.key } : s.key
    const value: Dst = rw?.value ? { named: rw.value } : s.value
    const ks = [this.addrOf(key), this.addrOf(value)]
    const xt = this.typeOf(s.x)
    const isArray = !!xt && under(xt).kind === 'array'
    const n = this.b.note(isArray ? 'range' : 'range-deref', rangePos, () => 'for loop')
    this.b.flow(isArray ? note(ks[1]!, n) : deref(ks[1]!, n), tmp)
    this.reassigned(ks, { id: s, range: true })
    const old = this.loopDepth
    if (rw?.value && valueVar) this.loopCopy(valueVar, rw.value, rangePos, true)
    if (rw?.key && keyVar) this.loopCopy(keyVar, rw.key, rangePos, true)
    this.stmts(s.body.stmts)
    this.loopDepth = old
    this.loopDepth--
  },

  rangeKeywordPos(this: FnWalker, s: A.Range): number {
    let i = s.pos + 3
    for (;;) {
      i = tokenAfter(this.text, i)
      if (i >= this.text.length || this.text.startsWith('range', i)) return i
      i++
      while (i < this.text.length && /[\w]/.test(this.text[i]!)) i++
    }
  },
}
