// gc-style syntax diagnostics from tree-sitter's error recovery: an ERROR node
// is reported at its last token ("unexpected X"), a MISSING node as
// "unexpected <what follows>, expected <missing>". One error per line, at most
// ten, as gc does.

import type { Diagnostic } from '../../protocol/model'
import type { SourceText } from './source'
import type { SyntaxNode } from './treesitter'

const MAX_ERRORS = 10

export function syntaxErrors(root: SyntaxNode, src: SourceText): Diagnostic[] {
  const out: Diagnostic[] = []
  const seenLines = new Set<number>()
  const report = (offset: number, end: number, message: string) => {
    const { line, col } = src.position(offset)
    if (seenLines.has(line) || out.length >= MAX_ERRORS) return
    seenLines.add(line)
    out.push({ file: src.path, line, col, severity: 'error', message, from: offset, to: Math.max(end, offset) })
  }

  const first = root.namedChildren.find((c) => c && c.type !== 'comment')
  if (!first || first.type !== 'package_clause') {
    report(first?.startIndex ?? 0, first?.endIndex ?? 0, 'syntax error: package statement must be first')
  }
  if (!root.hasError) return out

  const visit = (node: SyntaxNode) => {
    if (out.length >= MAX_ERRORS) return
    if (node.isMissing) {
      const next = describeNext(src.text, node.startIndex)
      report(node.startIndex, node.startIndex, `syntax error: unexpected ${next}, expected ${describeMissing(node.type)}`)
      return
    }
    if (node.type === 'ERROR') {
      const tok = lastLeaf(node)
      if (tok && tok.endIndex > tok.startIndex) report(tok.startIndex, tok.endIndex, `syntax error: unexpected ${tokenText(tok)}`)
      else report(node.startIndex, node.startIndex, `syntax error: unexpected ${describeNext(src.text, node.startIndex)}`)
      return
    }
    for (const child of node.children) if (child && (child.hasError || child.isMissing)) visit(child)
  }
  visit(root)
  return out.sort((a, b) => a.from - b.from)
}

function lastLeaf(node: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | null = node
  while (n && n.childCount > 0) n = n.child(n.childCount - 1)
  return n
}

function tokenText(tok: SyntaxNode): string {
  if (tok.type === 'identifier' || tok.type === 'type_identifier' || tok.type === 'field_identifier') return `name ${tok.text}`
  if (/literal/.test(tok.type)) return `literal ${tok.text.length > 20 ? tok.text.slice(0, 20) + '…' : tok.text}`
  return tok.text.length > 20 ? tok.text.slice(0, 20) + '…' : tok.text
}

function describeMissing(type: string): string {
  if (type === 'identifier' || type === 'type_identifier' || type === 'field_identifier') return 'name'
  return type
}

/** What gc would name as the unexpected thing at offset: a token, newline or EOF. */
function describeNext(text: string, offset: number): string {
  let i = offset
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++
  if (i >= text.length) return 'EOF'
  if (text[i] === '\n') return 'newline'
  const word = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(i, i + 64))
  if (word) return `name ${word[0]}`
  return text[i]!
}
