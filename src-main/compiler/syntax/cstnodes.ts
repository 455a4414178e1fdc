// Small readers of tree-sitter's concrete syntax nodes shared by the converters.

import type * as A from './ast'
import type { CstNode as SyntaxNode } from './cst'

export function span(n: SyntaxNode): A.Span {
  return { pos: n.startIndex, end: n.endIndex }
}

/** Named children without comments. */
export function named(n: SyntaxNode | null): SyntaxNode[] {
  if (!n) return []
  return n.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment')
}

export function field(n: SyntaxNode, name: string): SyntaxNode | null {
  return n.childForFieldName(name)
}

export function fieldAll(n: SyntaxNode, name: string): SyntaxNode[] {
  return n.childrenForFieldName(name).filter((c): c is SyntaxNode => c !== null && c.isNamed)
}
