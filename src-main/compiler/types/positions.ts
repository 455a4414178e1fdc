// Where gc reports errors. types2 reports most errors at syntax.StartPos of
// the offending expression, which is the leftmost token except for slice
// expressions (their `[`); constant overflow goes at the operator. Tokens
// our AST does not record (`:=`, `[`, `.`) are found by scanning the text.

import type * as A from '../syntax/ast'

/** syntax.StartPos: where types2 reports an error about expression e. */
export function startPos(e: A.Expr, text: string): number {
  for (;;) {
    switch (e.kind) {
      case 'Binary':
        e = e.x
        continue
      case 'Call':
      case 'Selector':
      case 'Index':
        e = e.kind === 'Call' ? e.fun : e.x
        continue
      case 'KeyValue':
        e = e.key
        continue
      case 'Slice':
        return tokenAfter(text, e.x.end)
      default:
        return e.pos
    }
  }
}

/** The operator of a binary or unary expression, else its start (types2's opPos). */
export function opPos(e: A.Expr, text: string): number {
  if (e.kind === 'Binary') return e.opPos
  return startPos(e, text)
}

/**
 * syntax.Node.Pos(): the position gc records for an expression (where it
 * points back to, as in "previous case"): a binary expression's operator,
 * a call's `(`, a selector's `.`, an index or slice expression's `[`.
 */
export function nodePos(e: A.Expr, text: string): number {
  switch (e.kind) {
    case 'Binary':
      return e.opPos
    case 'Call':
      return e.lparen
    case 'Selector':
    case 'Index':
    case 'Slice':
      return tokenAfter(text, e.x.end)
    default:
      return e.pos
  }
}

/** The offset of the first token at or after `offset`, skipping blanks and comments. */
export function tokenAfter(text: string, offset: number): number {
  let i = offset
  while (i < text.length) {
    const c = text[i]!
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++
    else if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i)
      i = nl < 0 ? text.length : nl
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2)
      i = close < 0 ? text.length : close + 2
    } else break
  }
  return i
}

/** The operator of an assignment or `x++` (gc's AssignStmt position). */
export function assignOpPos(s: A.Assign | A.IncDec, text: string): number {
  const last = s.kind === 'IncDec' ? s.x : s.lhs[s.lhs.length - 1]
  return last ? tokenAfter(text, last.end) : s.pos
}

/** The closing brace of a block. */
export const rbracePos = (b: A.Block): number => b.end - 1
