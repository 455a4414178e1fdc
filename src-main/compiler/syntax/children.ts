// The children of an AST node that hold code (expressions, statements,
// function literals), in source order. Type expressions and declared names
// are skipped. Later phases walk the tree with this instead of reflecting
// over every property, which is several times faster on big files.

import type * as A from './ast'

export type CodeNode = A.Expr | A.Stmt | A.VarDecl

export function forEachChild(n: CodeNode, f: (child: CodeNode) => void): void {
  switch (n.kind) {
    case 'CompositeLit':
      return n.elts.forEach(f)
    case 'KeyValue':
      f(n.key)
      return f(n.value)
    case 'FuncLit':
      return f(n.body)
    case 'Paren':
    case 'Selector':
    case 'Star':
    case 'Unary':
    case 'ExprStmt':
    case 'IncDec':
      return f(n.x)
    case 'Index':
      f(n.x)
      return f(n.index)
    case 'Slice':
      f(n.x)
      if (n.low) f(n.low)
      if (n.high) f(n.high)
      if (n.max) f(n.max)
      return
    case 'Binary':
      f(n.x)
      return f(n.y)
    case 'Call':
      f(n.fun)
      return n.args.forEach(f)
    case 'Block':
      return n.stmts.forEach(f)
    case 'Assign':
      n.lhs.forEach(f)
      return n.rhs.forEach(f)
    case 'DeclStmt':
      if (n.decl.kind === 'VarDecl') f(n.decl)
      return
    case 'VarDecl':
      for (const spec of n.specs) spec.values.forEach(f)
      return
    case 'If':
      if (n.init) f(n.init)
      f(n.cond)
      f(n.then)
      if (n.else) f(n.else)
      return
    case 'For':
      if (n.init) f(n.init)
      if (n.cond) f(n.cond)
      if (n.post) f(n.post)
      return f(n.body)
    case 'Range':
      if (n.key) f(n.key)
      if (n.value) f(n.value)
      f(n.x)
      return f(n.body)
    case 'Switch':
      if (n.init) f(n.init)
      if (n.tag) f(n.tag)
      for (const c of n.clauses) {
        c.list?.forEach(f)
        c.body.forEach(f)
      }
      return
    case 'TypeAssert':
      return f(n.x)
    case 'TypeSwitch':
      if (n.init) f(n.init)
      f(n.x)
      for (const c of n.clauses) c.body.forEach(f)
      return
    case 'Labeled':
      return f(n.stmt)
    case 'Return':
      return n.results.forEach(f)
    case 'GoDefer':
      return f(n.call)
    case 'Send':
      f(n.ch)
      return f(n.value)
    case 'Select':
      for (const c of n.clauses) {
        if (c.comm) f(c.comm)
        c.body.forEach(f)
      }
      return
    default:
      return
  }
}

/** Pre-order walk; `enter` returns false to skip a node's children. */
export function walkCode(root: CodeNode | null | undefined, enter: (n: CodeNode) => boolean | void): void {
  if (!root) return
  const visit = (n: CodeNode): void => {
    if (enter(n) === false) return
    forEachChild(n, visit)
  }
  visit(root)
}
