// tree-sitter's statements → our AST's (the statement half of parse.ts's
// Converter, mixed into its prototype there): blocks, simple statements,
// if/for/range, switch and type switch, select and its communications.

import type * as A from './ast'
import type { CstNode as SyntaxNode } from './cst'
import { field, fieldAll, named, span } from './cstnodes'
import type { Converter } from './parse'

/** Statement kinds gc parses that the subset leaves out, by tree-sitter node type. */
const UNSUPPORTED_STATEMENTS: Record<string, string> = {
  fallthrough_statement: 'fallthrough',
}

export const stmtConversions = {
  block(this: Converter, n: SyntaxNode): A.Block {
    const list = named(n).find((c) => c.type === 'statement_list')
    return { kind: 'Block', ...span(n), stmts: this.stmtList(list ?? null) }
  },

  stmtList(this: Converter, list: SyntaxNode | null): A.Stmt[] {
    return named(list)
      .filter((c) => c.type !== 'empty_statement')
      .map((c) => this.stmt(c))
  },

  stmt(this: Converter, n: SyntaxNode): A.Stmt {
    switch (n.type) {
      case 'block':
        return this.block(n)
      case 'expression_statement':
        return { kind: 'ExprStmt', ...span(n), x: this.expr(named(n)[0] ?? n) }
      case 'short_var_declaration':
        return { kind: 'Assign', ...span(n), op: ':=', lhs: this.exprList(field(n, 'left')), rhs: this.exprList(field(n, 'right')) }
      case 'assignment_statement':
        return {
          kind: 'Assign',
          ...span(n),
          op: (field(n, 'operator')?.type ?? '=') as A.AssignOp,
          lhs: this.exprList(field(n, 'left')),
          rhs: this.exprList(field(n, 'right')),
        }
      case 'inc_statement':
      case 'dec_statement':
        return { kind: 'IncDec', ...span(n), x: this.expr(named(n)[0] ?? n), inc: n.type === 'inc_statement' }
      case 'var_declaration':
        return { kind: 'DeclStmt', ...span(n), decl: this.varDecl(n) }
      case 'const_declaration':
        return { kind: 'DeclStmt', ...span(n), decl: this.constDecl(n) }
      case 'type_declaration':
        return { kind: 'DeclStmt', ...span(n), decl: this.typeDecl(n) }
      case 'if_statement':
        return this.ifStmt(n)
      case 'for_statement':
        return this.forStmt(n)
      case 'expression_switch_statement':
        return this.switchStmt(n)
      case 'type_switch_statement':
        return this.typeSwitchStmt(n)
      case 'labeled_statement': {
        const inner = named(n).find((c) => c.type !== 'label_name')
        return {
          kind: 'Labeled',
          ...span(n),
          label: this.ident(field(n, 'label')),
          stmt: inner ? this.stmt(inner) : { kind: 'Empty', pos: n.endIndex, end: n.endIndex },
        }
      }
      case 'break_statement':
      case 'continue_statement':
      case 'goto_statement': {
        const label = named(n).find((c) => c.type === 'label_name')
        const tok = n.type.slice(0, n.type.indexOf('_')) as A.Branch['tok']
        return { kind: 'Branch', ...span(n), tok, label: label ? this.ident(label) : null }
      }
      case 'return_statement':
        return { kind: 'Return', ...span(n), results: this.exprList(named(n)[0] ?? null) }
      case 'empty_statement':
        return { kind: 'Empty', ...span(n) }
      case 'go_statement':
      case 'defer_statement':
        return { kind: 'GoDefer', ...span(n), tok: n.type === 'go_statement' ? 'go' : 'defer', call: this.expr(named(n)[0] ?? n) }
      case 'send_statement':
        return this.sendStmt(n)
      case 'select_statement':
        return this.selectStmt(n)
      case 'ERROR':
        return { kind: 'BadStmt', ...span(n) }
      default:
        this.unsupported(n, UNSUPPORTED_STATEMENTS[n.type] ?? `statement ${n.type.replace(/_/g, ' ')}`)
        return { kind: 'BadStmt', ...span(n) }
    }
  },

  /** An `if`/`for`/`switch` header statement (tree-sitter's _simple_statement). */
  simpleStmt(this: Converter, n: SyntaxNode | null): A.Stmt | null {
    return n ? this.stmt(n) : null
  },

  ifStmt(this: Converter, n: SyntaxNode): A.If {
    const alt = field(n, 'alternative')
    return {
      kind: 'If',
      ...span(n),
      init: this.simpleStmt(field(n, 'initializer')),
      cond: this.requiredExpr(n, 'condition'),
      then: this.block(field(n, 'consequence') ?? n),
      else: alt ? (alt.type === 'if_statement' ? this.ifStmt(alt) : this.block(alt)) : null,
    }
  },

  forStmt(this: Converter, n: SyntaxNode): A.For | A.Range {
    const body = this.block(field(n, 'body') ?? n)
    // web-tree-sitter returns fresh node objects, so find the header by type, not identity.
    const header = named(n).find((c) => c.type !== 'block')
    if (header?.type === 'range_clause') {
      const left = this.exprList(field(header, 'left'))
      const define = header.children.some((c) => c?.type === ':=')
      return {
        kind: 'Range',
        ...span(n),
        key: left[0] ?? null,
        value: left[1] ?? null,
        define,
        x: this.requiredExpr(header, 'right'),
        body,
      }
    }
    if (header?.type === 'for_clause') {
      const cond = field(header, 'condition')
      return {
        kind: 'For',
        ...span(n),
        init: this.simpleStmt(field(header, 'initializer')),
        cond: cond ? this.expr(cond) : null,
        post: this.simpleStmt(field(header, 'update')),
        body,
      }
    }
    return { kind: 'For', ...span(n), init: null, cond: header ? this.expr(header) : null, post: null, body }
  },

  switchStmt(this: Converter, n: SyntaxNode): A.Switch {
    const tag = field(n, 'value')
    const clauses: A.CaseClause[] = []
    for (const c of named(n)) {
      if (c.type !== 'expression_case' && c.type !== 'default_case') continue
      const body = named(c).find((x) => x.type === 'statement_list') ?? null
      clauses.push({ ...span(c), list: c.type === 'default_case' ? null : this.exprList(field(c, 'value')), body: this.stmtList(body) })
    }
    return { kind: 'Switch', ...span(n), init: this.simpleStmt(field(n, 'initializer')), tag: tag ? this.expr(tag) : null, clauses }
  },

  typeSwitchStmt(this: Converter, n: SyntaxNode): A.TypeSwitch {
    const clauses: A.CaseClause[] = []
    for (const c of named(n)) {
      if (c.type !== 'type_case' && c.type !== 'default_case') continue
      const body = named(c).find((x) => x.type === 'statement_list') ?? null
      const list = c.type === 'default_case' ? null : fieldAll(c, 'type').map((t): A.Expr => (t.type === 'type_identifier' && t.text === 'nil' ? { kind: 'Ident', ...span(t), name: 'nil' } : { kind: 'TypeExpr', ...span(t), type: this.type(t) }))
      clauses.push({ ...span(c), list, body: this.stmtList(body) })
    }
    const alias = field(n, 'alias')
    const dot = n.children.find((c) => c?.type === '.')
    return {
      kind: 'TypeSwitch',
      ...span(n),
      init: this.simpleStmt(field(n, 'initializer')),
      bind: alias ? this.ident(named(alias)[0] ?? alias) : null,
      x: this.requiredExpr(n, 'value'),
      dot: dot?.startIndex ?? n.startIndex,
      clauses,
    }
  },

  sendStmt(this: Converter, n: SyntaxNode): A.Send {
    const arrow = n.children.find((c) => c?.type === '<-')
    return { kind: 'Send', ...span(n), ch: this.requiredExpr(n, 'channel'), value: this.requiredExpr(n, 'value'), arrow: arrow?.startIndex ?? n.startIndex }
  },

  selectStmt(this: Converter, n: SyntaxNode): A.Select {
    const clauses: A.CommClause[] = []
    for (const c of named(n)) {
      if (c.type !== 'communication_case' && c.type !== 'default_case') continue
      const body = this.stmtList(named(c).find((x) => x.type === 'statement_list') ?? null)
      const comm = field(c, 'communication')
      clauses.push({ ...span(c), comm: comm ? this.commStmt(comm) : null, body })
    }
    return { kind: 'Select', ...span(n), clauses }
  },

  /** A select case's communication: a send, `<-ch`, or `v[, ok] =/:= <-ch`. */
  commStmt(this: Converter, n: SyntaxNode): A.Send | A.ExprStmt | A.Assign {
    if (n.type === 'send_statement') return this.sendStmt(n)
    const right = this.requiredExpr(n, 'right')
    const left = field(n, 'left')
    if (!left) return { kind: 'ExprStmt', ...span(n), x: right }
    const op = n.children.some((c) => c?.type === ':=') ? ':=' : '='
    return { kind: 'Assign', ...span(n), op, lhs: this.exprList(left), rhs: [right] }
  },

  // ------------------------------------------------------------ expressions
}
