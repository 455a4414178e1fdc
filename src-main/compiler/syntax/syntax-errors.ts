// gc-style syntax diagnostics from tree-sitter's error recovery: an ERROR node
// is reported at the token it blames ("unexpected X"), a MISSING node as
// "unexpected <what follows>, expected <missing>". One error per line, at most
// ten, as gc does.

import type { Diagnostic } from '../../protocol/model'
import type { SourceText } from './source'
import type { SyntaxNode } from './treesitter'

const MAX_ERRORS = 10

/**
 * What gc's source reader refuses byte by byte before any token: NUL, invalid
 * UTF-8 (read into the text as U+FFFD, one per bad byte: see
 * service/files.ts) and a BOM past the start. Each is reported where it
 * stands (one of equal messages per line, as gc keeps), at most ten.
 */
export function encodingErrors(src: SourceText, root: SyntaxNode): Diagnostic[] {
  const out: Diagnostic[] = []
  // gc's parser gives up on a file whose package clause had an error, and the
  // token after `package p` is scanned as part of it: a bad byte up to there
  // (comments between the clause and the first declaration) hides every later one.
  const clause = root.namedChildren.find((c) => c && c.type === 'package_clause')
  const next = clause ? root.namedChildren.find((c) => c && c.type !== 'comment' && c.startIndex >= clause.endIndex) : undefined
  const header = next?.startIndex ?? src.text.length
  const re = /[\0\uFFFD\uFEFF]/g
  for (let m = re.exec(src.text); m && out.length < MAX_ERRORS; m = re.exec(src.text)) {
    if (m.index >= header && out.length > 0 && out[0]!.from < header) break
    const ch = m[0].charCodeAt(0)
    const message = ch === 0 ? 'invalid NUL character' : ch === 0xfffd ? 'invalid UTF-8 encoding' : m.index > 0 ? 'invalid BOM in the middle of the file' : null
    if (!message) continue
    const { line, col } = src.position(m.index)
    // base.ErrorfAt: one of several equal messages per line.
    const last = out[out.length - 1]
    if (last && last.line === line && last.message === message) continue
    out.push({ file: src.path, line, col, severity: 'error', message, from: m.index, to: m.index + 1 })
  }
  return out
}

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
