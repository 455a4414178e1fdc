// gc's deadlocals pass (cmd/compile/internal/deadlocals), which runs before
// escape analysis: an assignment to a local variable or parameter that is
// never read, from something without effects (a name, a constant, nil, a
// function literal), goes, and with it a literal's closure: no escape line,
// no code. A read of the variable anywhere (a closure's body included, even
// `_ = v`, a closure capturing it) keeps every assignment to it. Functions keep their names (gc
// numbered the literals before), and a removed literal that captures
// nothing is still compiled as a function of its own.

import type * as A from '../syntax/ast'
import { walkCode, type CodeNode } from '../syntax/children'
import type { TypeInfo } from './info'
import type { Var } from './objects'
import { Typ } from './types'
import { isConstantExpr } from './constops'

interface Elem {
  stmt: A.Assign | A.ValueSpec
  index: number
}

/** Rewrites the function bodies; returns the literals whose statements went. */
export function deadLocals(file: A.File, info: TypeInfo): Set<A.FuncLit> {
  const removedLits = new Set<A.FuncLit>()
  const pass = (body: A.Block) => {
    const dead = deadElems(body, info)
    if (dead.length === 0) return
    for (const e of dead) {
      const rhs = rhsOf(e)
      const lit = rhs && unparen(rhs)
      if (lit?.kind === 'FuncLit') removedLits.add(lit)
    }
    rewrite(body, dead, info)
  }
  // gc runs the pass on every function that is not a closure, literals that capture nothing included:
  // inside one whose own assignment went (its body was never visited), assignments go too. They are
  // collected first: the functions' pass takes the removed ones out of the tree.
  const lits: A.FuncLit[] = []
  for (const d of file.decls) {
    const root = d.kind === 'FuncDecl' ? d.body : d.kind === 'VarDecl' ? d : null
    walkCode(root, (n) => {
      if (n.kind === 'FuncLit' && (info.functions.get(n)?.captures.length ?? 1) === 0) lits.push(n)
      return true
    })
  }
  for (const d of file.decls) if (d.kind === 'FuncDecl' && d.body) pass(d.body)
  for (const lit of lits) pass(lit.body)
  return removedLits
}

const unparen = (e: A.Expr): A.Expr => (e.kind === 'Paren' ? unparen(e.x) : e)

function rhsOf(e: Elem): A.Expr | null {
  return 'rhs' in e.stmt ? e.stmt.rhs[e.index]! : (e.stmt.values[e.index] ?? null)
}

/** The assignments deadlocals discards: per element, in visiting order. */
function deadElems(body: A.Block, info: TypeInfo): Elem[] {
  const defs = new Map<Var, Elem[] | null>()
  const order: Var[] = []
  const local = (v: Var | undefined): v is Var => !!v && v.kind === 'var' && (v.varKind === 'local' || v.varKind === 'param')
  const noEffects = (e: A.Expr | null): boolean => {
    if (!e) return true
    const x = unparen(e)
    if (info.types.get(x)?.value !== undefined) return true
    if (x.kind === 'FuncLit') return true
    if (x.kind === 'Ident') {
      const o = info.uses.get(x)
      return o?.kind === 'var' || o?.kind === 'func' || o?.kind === 'nil'
    }
    return false
  }
  const use = (v: Var): void => {
    const pending = defs.get(v)
    if (!defs.has(v)) order.push(v)
    defs.set(v, null)
    for (const el of pending ?? []) visit(rhsOf(el))
  }
  const assign = (stmt: Elem['stmt'], index: number, lhs: A.Ident | null, rhs: A.Expr | null, v: Var | undefined): void => {
    if (local(v) && noEffects(rhs)) {
      const s = defs.get(v)
      if (s !== null) {
        if (s === undefined) order.push(v)
        defs.set(v, [...(s ?? []), { stmt, index }])
        return // the right side is visited only if v turns out to be read
      }
    }
    if (lhs === null && 'lhs' in stmt) visit(stmt.lhs[index]!)
    visit(rhs)
  }
  const visit = (root: CodeNode | null): void => {
    if (!root) return
    walkCode(root, (n) => {
      if (isConstantExpr(info, n)) return false
      switch (n.kind) {
        // A closure's captured variables are read where it is made (gc visits its ClosureVars).
        case 'FuncLit':
          for (const v of info.functions.get(n)?.captures ?? []) if (local(v)) use(v)
          return true
        case 'Ident': {
          // Any other mention is a read for gc (a range variable, the left of `a, b := f()` too).
          const o = info.uses.get(n) ?? info.defs.get(n)
          if (o?.kind === 'var' && local(o)) use(o)
          return false
        }
        case 'Assign': {
          if (n.lhs.length !== n.rhs.length || (n.op !== '=' && n.op !== ':=')) return true
          n.lhs.forEach((l, i) => {
            const id = unparen(l)
            const v = id.kind === 'Ident' ? ((info.defs.get(id) ?? info.uses.get(id)) as Var | undefined) : undefined
            assign(n, i, id.kind === 'Ident' ? id : null, n.rhs[i]!, id.kind === 'Ident' && id.name !== '_' ? v : undefined)
          })
          return false
        }
        case 'VarDecl':
          for (const spec of n.specs) {
            if (spec.values.length > 0 && spec.values.length !== spec.names.length) {
              spec.values.forEach((x) => visit(x))
              continue
            }
            spec.names.forEach((id, i) => assign(spec, i, id, spec.values[i] ?? null, id.name === '_' ? undefined : (info.defs.get(id) as Var | undefined)))
          }
          return false
        default:
          return true
      }
    })
  }
  visit(body)
  return order.flatMap((v) => defs.get(v) ?? [])
}

/** Drops whole statements whose every element went; a partly dead assignment gets `_ = 0` there, as gc writes it. */
function rewrite(body: A.Block, dead: Elem[], info: TypeInfo): void {
  const byStmt = new Map<Elem['stmt'], Set<number>>()
  for (const e of dead) {
    const s = byStmt.get(e.stmt) ?? new Set<number>()
    s.add(e.index)
    byStmt.set(e.stmt, s)
  }
  /** A declaration whose initialisation went (gc keeps the ODCL): names declared, nothing assigned. */
  const declOnly = (names: A.Ident[], at: A.Span): A.DeclStmt => ({
    kind: 'DeclStmt',
    pos: at.pos,
    end: at.end,
    decl: { kind: 'VarDecl', pos: at.pos, end: at.end, specs: [{ names, type: null, values: [], declOnly: true, pos: at.pos, end: at.end }] },
  })
  /** The statements a statement becomes: dead elements blanked (`_ = 0`), their new names declared alone. */
  const rewritten = (s: A.Stmt): A.Stmt[] => {
    if (s.kind === 'Assign') {
      const idx = byStmt.get(s)
      if (!idx) return [s]
      const defined = [...idx].map((i) => s.lhs[i]!).filter((l): l is A.Ident => l.kind === 'Ident' && s.op === ':=' && info.defs.get(l) !== undefined)
      const decl = defined.length > 0 ? [declOnly(defined, s)] : []
      if (idx.size === s.lhs.length) return decl
      for (const i of idx) {
        const at = s.lhs[i]!
        s.lhs[i] = { kind: 'Ident', name: '_', pos: at.pos, end: at.end }
        s.rhs[i] = zeroLit(info, s.rhs[i]!)
      }
      return [...decl, s]
    }
    if (s.kind === 'DeclStmt' && s.decl.kind === 'VarDecl') {
      s.decl.specs = s.decl.specs.flatMap((spec) => {
        const idx = byStmt.get(spec)
        if (!idx) return [spec]
        const dead = spec.names.filter((_, i) => idx.has(i))
        const keep = spec.names.map((n, i) => ({ n, v: spec.values[i] })).filter((_, i) => !idx.has(i))
        const out: A.ValueSpec[] = [{ names: dead, type: spec.type, values: [], declOnly: true, pos: spec.pos, end: spec.end }]
        if (keep.length > 0) out.push({ ...spec, names: keep.map((k) => k.n), values: spec.values.length > 0 ? keep.map((k) => k.v!) : [] })
        return out
      })
      return [s]
    }
    return [s]
  }
  const list = (stmts: A.Stmt[]): A.Stmt[] =>
    stmts.flatMap((s) => {
      const out = rewritten(s)
      for (const x of out) inner(x)
      return out
    })
  const inner = (s: A.Stmt): void => {
    switch (s.kind) {
      case 'Block':
        s.stmts = list(s.stmts)
        break
      case 'If':
        s.then.stmts = list(s.then.stmts)
        if (s.else) inner(s.else)
        break
      case 'For':
      case 'Range':
        s.body.stmts = list(s.body.stmts)
        break
      case 'Switch':
      case 'TypeSwitch':
      case 'Select':
        for (const cc of s.clauses) cc.body = list(cc.body)
        break
      case 'Labeled': {
        const out = rewritten(s.stmt)
        s.stmt = out.length === 1 ? out[0]! : { kind: 'Block', stmts: out, pos: s.stmt.pos, end: s.stmt.end }
        inner(s.stmt)
        break
      }
      default:
        break
    }
    // Literals in the statement's own expressions (nested statements were done above): their bodies hold assignments too.
    walkCode(s, (n) => {
      if (n.kind === 'FuncLit') {
        n.body.stmts = list(n.body.stmts)
        return false
      }
      return n === s || !STATEMENTS.has(n.kind)
    })
  }
  body.stmts = list(body.stmts)
}

const STATEMENTS = new Set(['Block', 'If', 'For', 'Range', 'Switch', 'TypeSwitch', 'Labeled', 'Assign', 'ExprStmt', 'IncDec', 'DeclStmt', 'Return', 'Branch', 'Empty', 'Select', 'Send', 'GoDefer'])

function zeroLit(info: TypeInfo, at: A.Expr): A.Expr {
  const lit: A.BasicLit = { kind: 'BasicLit', litKind: 'int', raw: '0', pos: at.pos, end: at.end }
  info.types.set(lit, { mode: 'constant', type: Typ.int, value: { kind: 'int', value: 0n } })
  return lit
}
