// The functions of a file, named the way gc names them (GOSSAFUNC spellings):
// `F`, `T.M`, `(*T).M`, closures `F.func1`, nested `F.func1.1`, and closures in
// package-level initialisers `init.func1`.

import type { FuncInfo } from '../../protocol/model'
import type { SourceText } from './source'
import type { SyntaxNode } from './treesitter'

export function listFunctions(root: SyntaxNode, src: SourceText): FuncInfo[] {
  const out: FuncInfo[] = []
  let initClosures = 0
  for (const decl of root.namedChildren) {
    if (!decl) continue
    if (decl.type === 'function_declaration' || decl.type === 'method_declaration') {
      const info = declaredFunc(decl, src)
      if (!info) continue
      out.push(info)
      const body = decl.childForFieldName('body')
      if (body) collectClosures(body, info.name, src, out)
    } else if (decl.type === 'var_declaration' || decl.type === 'const_declaration') {
      initClosures = collectClosures(decl, 'init', src, out, initClosures)
    }
  }
  return out
}

function declaredFunc(decl: SyntaxNode, src: SourceText): FuncInfo | undefined {
  const nameNode = decl.childForFieldName('name')
  if (!nameNode || nameNode.isMissing) return undefined
  const pos = src.position(nameNode.startIndex)
  const info: FuncInfo = {
    name: nameNode.text,
    kind: 'func',
    line: pos.line,
    col: pos.col,
    endLine: src.position(decl.endIndex).line,
    from: decl.startIndex,
    to: decl.endIndex,
    pragmas: pragmasAbove(decl),
  }
  if (decl.type === 'method_declaration') {
    const recv = receiverType(decl.childForFieldName('receiver'))
    if (!recv) return undefined
    info.kind = 'method'
    info.receiver = recv.name
    info.pointerReceiver = recv.pointer
    info.name = recv.pointer ? `(*${recv.name}).${nameNode.text}` : `${recv.name}.${nameNode.text}`
  }
  return info
}

function receiverType(params: SyntaxNode | null): { name: string; pointer: boolean } | undefined {
  const param = params?.namedChildren.find((c) => c?.type === 'parameter_declaration')
  let type = param?.childForFieldName('type') ?? null
  let pointer = false
  if (type?.type === 'pointer_type') {
    pointer = true
    type = type.namedChildren[0] ?? null
  }
  if (type?.type === 'generic_type') type = type.childForFieldName('type')
  if (!type || type.type !== 'type_identifier') return undefined
  return { name: type.text, pointer }
}

/**
 * Numbers the func literals under `node` in source order. Iterative: deeply
 * nested expressions must not overflow the JavaScript stack.
 */
function collectClosures(node: SyntaxNode, scopeName: string, src: SourceText, out: FuncInfo[], counter = 0): number {
  interface Scope {
    name: string
    nested: boolean
    count: number
  }
  const top: Scope = { name: scopeName, nested: false, count: counter }
  const stack: { node: SyntaxNode; scope: Scope }[] = [{ node, scope: top }]
  while (stack.length > 0) {
    const { node: n, scope } = stack.pop()!
    if (n === node || n.type !== 'func_literal') {
      const children = n.namedChildren
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i]
        if (child) stack.push({ node: child, scope })
      }
      continue
    }
    scope.count++
    const name = scope.nested ? `${scope.name}.${scope.count}` : `${scope.name}.func${scope.count}`
    const pos = src.position(n.startIndex)
    out.push({
      name,
      kind: 'closure',
      parent: scope.name,
      line: pos.line,
      col: pos.col,
      endLine: src.position(n.endIndex).line,
      from: n.startIndex,
      to: n.endIndex,
      pragmas: [],
    })
    const body = n.childForFieldName('body')
    if (body) stack.push({ node: body, scope: { name, nested: true, count: 0 } })
  }
  return top.count
}

/** `//go:` directives in the comment block directly above a declaration. */
export function pragmasAbove(decl: SyntaxNode): string[] {
  const pragmas: string[] = []
  let expectedRow = decl.startPosition.row - 1
  for (let c = decl.previousSibling; c?.type === 'comment' && c.endPosition.row === expectedRow; c = c.previousSibling) {
    const m = /^\/\/(go:\w+)/.exec(c.text)
    if (m) pragmas.unshift(m[1]!)
    expectedRow = c.startPosition.row - 1
  }
  return pragmas
}
