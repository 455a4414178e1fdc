// gc-style syntax diagnostics from tree-sitter's error recovery: an ERROR node
// is reported at the token it blames ("unexpected X"), a MISSING node as
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

  // The first declaration, without materialising all of them (a file can hold hundreds of thousands).
  let first: SyntaxNode | null = null
  for (let i = 0, n = root.namedChildCount; i < n && !first; i++) {
    const c = root.namedChild(i)
    if (c && c.type !== 'comment') first = c
  }
  if (!first || first.type !== 'package_clause') {
    report(first?.startIndex ?? 0, first?.endIndex ?? 0, 'syntax error: package statement must be first')
  }
  if (!root.hasError) return out

  // Iterative pre-order walk over the subtrees that contain errors.
  const stack: SyntaxNode[] = [root]
  while (stack.length > 0 && out.length < MAX_ERRORS) {
    const node = stack.pop()!
    if (node.isMissing) {
      const next = nextToken(src.text, node.startIndex)
      report(next.offset, next.offset, `syntax error: unexpected ${next.what}, expected ${describeMissing(node.type)}`)
    } else if (node.type === 'ERROR') {
      const tok = offendingToken(node)
      if (tok && tok.endIndex > tok.startIndex) report(tok.startIndex, tok.endIndex, `syntax error: unexpected ${tokenText(tok)}`)
      else {
        const next = nextToken(src.text, node.startIndex)
        report(next.offset, next.offset, `syntax error: unexpected ${next.what}`)
      }
    } else {
      const children = node.children
      for (let i = children.length - 1; i >= 0; i--) {
        const c = children[i]
        if (c && (c.hasError || c.isMissing)) stack.push(c)
      }
    }
  }
  return out.sort((a, b) => a.from - b.from)
}

/**
 * The token to blame inside an ERROR node: a stray closing bracket if there is
 * one, else the first token directly inside it, else its last leaf.
 */
function offendingToken(error: SyntaxNode): SyntaxNode | null {
  const tokens = error.children.filter((c): c is SyntaxNode => c !== null && c.childCount === 0 && c.endIndex > c.startIndex)
  return tokens.find((t) => t.type === ')' || t.type === ']' || t.type === '}') ?? tokens[0] ?? lastLeaf(error)
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

/** What gc would name as the unexpected thing at offset (a token, newline or EOF), and where it is. */
function nextToken(text: string, offset: number): { what: string; offset: number } {
  let i = offset
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++
  if (i >= text.length) return { what: 'EOF', offset: i }
  if (text[i] === '\n') return { what: 'newline', offset: i }
  const word = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(i, i + 64))
  return { what: word ? `name ${word[0]}` : text[i]!, offset: i }
}
