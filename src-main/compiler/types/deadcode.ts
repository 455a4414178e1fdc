// The dead code gc's front end never hands to escape analysis and SSA
// (noder/writer.go): the branch a static condition rules out (`if false`,
// `if x && false`), every case of a switch with a constant tag but the one
// it selects (a tagless switch's tag is `true`), and statements after a
// terminating one (return, goto, an if whose static branch terminates) that
// no later label can reach. The AST is rewritten in place, as gc's IR is
// built without them, and the checker's side tables that later phases
// iterate follow: closures, captures, locals, selections, and which
// variables are address-taken or reassigned.

import type * as A from '../syntax/ast'
import { walkCode, type CodeNode } from '../syntax/children'
import type { Checker } from './checker'
import { compare, type Constant } from './constant'
import type { Var } from './objects'

/** Where the checker marked a variable address-taken or reassigned; the mark holds only if its site is live. */
export interface VarMark {
  site: A.Expr
  v: Var
  kind: 'addr' | 'reassign'
}

/** Rewrites every function body; returns whether anything was removed. */
export function pruneDeadCode(c: Checker, file: A.File): boolean {
  const p = new Pruner(c)
  for (const d of file.decls) {
    if (d.kind === 'FuncDecl' && d.body) p.block(d.body)
    else if (d.kind === 'VarDecl') walkCode(d, (n) => p.literals(n))
  }
  if (!p.removed) return false
  fixTables(c, file)
  return true
}

class Pruner {
  removed = false

  constructor(private readonly c: Checker) {}

  private value(e: A.Expr): Constant | null {
    return this.c.info.types.get(e)?.value ?? null
  }

  /** gc's staticBool: +1 / -1 when the condition's value is known, 0 otherwise (`x && false` is -1). */
  staticBool(e: A.Expr): number {
    const v = this.value(e)
    if (v) return v.kind === 'bool' && v.value ? 1 : -1
    if (e.kind === 'Unary' && e.op === '!') return this.staticBool(e.x)
    if (e.kind === 'Binary' && e.op === '&&') {
      const x = this.staticBool(e.x)
      if (x < 0) return x
      const y = this.staticBool(e.y)
      if (x > 0 || y < 0) return y
    }
    if (e.kind === 'Binary' && e.op === '||') {
      const x = this.staticBool(e.x)
      if (x > 0) return x
      const y = this.staticBool(e.y)
      if (x < 0 || y > 0) return y
    }
    return 0
  }

  /**
   * The condition gc writes: staticBool narrows `false && x` to `false` and
   * `true && x` to `x` (so also `v && false`'s operands, in place).
   */
  private keptCond(e: A.Expr): A.Expr {
    if (e.kind === 'Unary' && e.op === '!') {
      e.x = this.keptCond(e.x)
      return e
    }
    if (e.kind !== 'Binary' || (e.op !== '&&' && e.op !== '||')) return e
    const and = e.op === '&&'
    const x = this.staticBool(e.x)
    e.x = this.keptCond(e.x)
    if (and ? x < 0 : x > 0) return e.x
    const y = this.staticBool(e.y)
    e.y = this.keptCond(e.y)
    if ((and ? x > 0 || y < 0 : x < 0 || y > 0) && this.value(e.x)) return e.y
    return e
  }

  private readonly terminating = new Map<A.Stmt, boolean>()

  /** gc's terminates: return, goto, an if whose statically taken branches all terminate, a block ending in one. */
  terminates(s: A.Stmt | null): boolean {
    if (!s) return false
    let t = this.terminating.get(s)
    if (t === undefined) this.terminating.set(s, (t = this.terminates1(s)))
    return t
  }

  private terminates1(s: A.Stmt): boolean {
    switch (s.kind) {
      case 'Branch':
        return s.tok === 'goto'
      case 'Return':
        return true
      case 'If': {
        const cond = this.staticBool(s.cond)
        return (cond < 0 || this.terminates(s.then)) && (cond > 0 || this.terminates(s.else))
      }
      case 'Block': {
        const last = [...s.stmts].reverse().find((x) => x.kind !== 'Empty')
        return this.terminates(last ?? null)
      }
      default:
        return false
    }
  }

  /** Prunes a statement list: statements after a terminating one go, unless a later label may be reached. */
  stmts(list: A.Stmt[]): A.Stmt[] {
    let lastLabel = -1
    list.forEach((s, i) => {
      if (s.kind === 'Labeled') lastLabel = i
    })
    const out: A.Stmt[] = []
    let dead = false
    for (const [i, s] of list.entries()) {
      if (dead && i > lastLabel && s.kind !== 'Labeled') {
        this.removed = true
        continue
      }
      dead = this.terminates(s)
      out.push(this.stmt(s))
    }
    return out
  }

  block(b: A.Block): void {
    b.stmts = this.stmts(b.stmts)
  }

  /** One statement, its nested code pruned; a static if becomes a block, as gc flattens it. */
  stmt(s: A.Stmt): A.Stmt {
    switch (s.kind) {
      case 'Block':
        this.block(s)
        return s
      case 'If':
        return this.ifStmt(s)
      case 'For':
        // A condition that is statically false leaves the loop without post statement and body.
        if (s.cond && this.staticBool(s.cond) < 0) {
          this.removed = true
          s.post = null
          s.body.stmts = []
        }
        if (s.init) s.init = this.stmt(s.init)
        if (s.cond) {
          s.cond = this.keptCond(s.cond)
          walkCode(s.cond, (n) => this.literals(n))
        }
        if (s.post) walkCode(s.post, (n) => this.literals(n))
        this.block(s.body)
        return s
      case 'Range':
        walkCode(s.x, (n) => this.literals(n))
        this.block(s.body)
        return s
      case 'Switch':
        this.switchStmt(s)
        return s
      case 'TypeSwitch':
        if (s.init) s.init = this.stmt(s.init)
        walkCode(s.x, (n) => this.literals(n))
        for (const cc of s.clauses) cc.body = this.stmts(cc.body)
        return s
      case 'Select':
        for (const cc of s.clauses) {
          if (cc.comm) walkCode(cc.comm, (n) => this.literals(n))
          cc.body = this.stmts(cc.body)
        }
        return s
      case 'Labeled':
        s.stmt = this.stmt(s.stmt)
        return s
      default:
        walkCode(s, (n) => this.literals(n))
        return s
    }
  }

  /** Function literals inside an expression or simple statement: their bodies are pruned too. */
  literals(n: CodeNode): boolean {
    if (n.kind !== 'FuncLit') return true
    this.block(n.body)
    return false
  }

  private ifStmt(s: A.If): A.Stmt {
    const cond = this.staticBool(s.cond)
    if (cond === 0) {
      if (s.init) s.init = this.stmt(s.init)
      s.cond = this.keptCond(s.cond)
      walkCode(s.cond, (n) => this.literals(n))
      this.block(s.then)
      if (s.else) s.else = this.stmt(s.else) as A.If | A.Block
      return s
    }
    // gc: init; the condition for its side effects unless constant; the branch it selects.
    this.removed = true
    const kept = this.keptCond(s.cond)
    const stmts: A.Stmt[] = []
    if (s.init) stmts.push(this.stmt(s.init))
    if (!this.value(kept)) {
      walkCode(kept, (n) => this.literals(n))
      stmts.push({ kind: 'ExprStmt', x: kept, pos: kept.pos, end: kept.end })
    }
    if (cond > 0) {
      this.block(s.then)
      stmts.push(...s.then.stmts)
    } else if (s.else) stmts.push(this.stmt(s.else))
    return { kind: 'Block', stmts, pos: s.pos, end: s.end, ofStaticIf: true }
  }

  private switchStmt(s: A.Switch): void {
    if (s.init) s.init = this.stmt(s.init)
    const tag: Constant | null = s.tag ? this.value(s.tag) : { kind: 'bool', value: true }
    if (tag) {
      const target = this.constantTarget(s, tag)
      if (target !== undefined) {
        this.removed = true
        s.tag = null
        if (target) target.list = null
        s.clauses = target ? [target] : []
      }
    }
    if (s.tag) walkCode(s.tag, (n) => this.literals(n))
    for (const cc of s.clauses) {
      for (const e of cc.list ?? []) walkCode(e, (n) => this.literals(n))
      cc.body = this.stmts(cc.body)
    }
  }

  /** The clause a constant tag always selects (null: none); undefined when a case is not constant. */
  private constantTarget(s: A.Switch, tag: Constant): A.CaseClause | null | undefined {
    let target: A.CaseClause | null = null
    for (const cc of s.clauses) {
      if (cc.list === null) target = cc
      for (const e of cc.list ?? []) {
        const v = this.value(e)
        if (!v) return undefined
        const eq = tag.kind === 'bool' || v.kind === 'bool' ? tag.kind === v.kind && tag.value === v.value : compare(tag, '==', v)
        if (eq) return cc
      }
    }
    return target
  }
}

/** After pruning: the side tables later phases iterate, restricted to live code. */
function fixTables(c: Checker, file: A.File): void {
  const info = c.info
  const liveLits = new Set<A.FuncLit>()
  const liveSels = new Set<A.Selector>()
  const liveVars = new Set<Var>()
  const liveExprs = new Set<A.Expr>()
  const usedIn = new Map<A.FuncLit, Set<Var>>()
  const visit = (root: CodeNode, lits: A.FuncLit[]): void => {
    walkCode(root, (n) => {
      liveExprs.add(n as A.Expr)
      if (n.kind === 'FuncLit') {
        liveLits.add(n)
        usedIn.set(n, new Set())
        visit(n.body, [...lits, n])
        return false
      }
      if (n.kind === 'Selector') liveSels.add(n)
      if (n.kind === 'Ident') {
        const def = info.defs.get(n)
        if (def?.kind === 'var') liveVars.add(def)
        const use = info.uses.get(n)
        if (use?.kind === 'var') for (const l of lits) usedIn.get(l)!.add(use)
      }
      if (n.kind === 'DeclStmt' && n.decl.kind === 'VarDecl') {
        for (const spec of n.decl.specs) for (const id of spec.names) {
          const def = info.defs.get(id)
          if (def?.kind === 'var') liveVars.add(def)
        }
      }
      return true
    })
  }
  for (const d of file.decls) {
    if (d.kind === 'FuncDecl' && d.body) visit(d.body, [])
    else if (d.kind === 'VarDecl') visit(d, [])
  }
  for (const [node, fi] of info.functions) {
    fi.closures = fi.closures.filter((l) => liveLits.has(l))
    fi.locals = fi.locals.filter((v) => liveVars.has(v))
    if (node.kind === 'FuncLit' && liveLits.has(node)) {
      const used = usedIn.get(node)!
      fi.captures = fi.captures.filter((v) => used.has(v))
    }
  }
  for (const sel of [...info.selections.keys()]) if (!liveSels.has(sel)) info.selections.delete(sel)
  const marked = new Set(c.varMarks.map((m) => m.v))
  for (const v of marked) {
    v.addrTaken = false
    v.reassigned = false
  }
  for (const m of c.varMarks) {
    if (!liveExprs.has(m.site)) continue
    if (m.kind === 'addr') m.v.addrTaken = true
    else m.v.reassigned = true
  }
}
