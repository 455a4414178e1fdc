// The functions of a file, named the way gc names them (GOSSAFUNC spellings):
// `F`, `T.M`, `(*T).M`, closures `F.func1`, nested `F.func1.1`, and closures in
// package-level initialisers `init.func1`. Read from the AST (plain objects,
// cheap to walk) rather than from tree-sitter's nodes.

import type { FuncInfo } from '../../protocol/model'
import type * as A from './ast'
import { forEachChild, type CodeNode } from './children'
import type { SourceText } from './source'

export function listFunctions(file: A.File, src: SourceText): FuncInfo[] {
  const out: FuncInfo[] = []
  let initClosures = 0
  for (const decl of file.decls) {
    if (decl.kind === 'FuncDecl') {
      const info = declaredFunc(decl, src)
      if (!info) continue
      out.push(info)
      if (decl.body) collectClosures(decl.body, info.name, src, out)
    } else if (decl.kind === 'VarDecl') {
      initClosures = collectClosures(decl, 'init', src, out, initClosures)
    }
  }
  return out
}

function declaredFunc(decl: A.FuncDecl, src: SourceText): FuncInfo | undefined {
  const pos = src.position(decl.name.pos)
  const info: FuncInfo = {
    name: decl.name.name,
    kind: 'func',
    line: pos.line,
    col: pos.col,
    endLine: src.position(decl.end).line,
    from: decl.pos,
    to: decl.end,
    pragmas: decl.pragmas,
  }
  if (decl.recv) {
    const recv = receiverType(decl.recv.type)
    if (!recv) return undefined
    info.kind = 'method'
    info.receiver = recv.name
    info.pointerReceiver = recv.pointer
    info.name = recv.pointer ? `(*${recv.name}).${decl.name.name}` : `${recv.name}.${decl.name.name}`
  }
  return info
}

function receiverType(t: A.TypeExpr): { name: string; pointer: boolean } | undefined {
  const pointer = t.kind === 'PointerType'
  const base = t.kind === 'PointerType' ? t.elem : t
  // '_' is the converter's placeholder after an error (e.g. a generic receiver).
  if (base.kind !== 'TypeName' || base.name === '_') return undefined
  return { name: base.name, pointer }
}

/**
 * Numbers the func literals under `root` in source order; returns the next
 * free number. Iterative, so deep nesting cannot overflow the stack.
 */
function collectClosures(root: CodeNode, scopeName: string, src: SourceText, out: FuncInfo[], counter = 0): number {
  interface Scope {
    name: string
    nested: boolean
    count: number
  }
  const top: Scope = { name: scopeName, nested: false, count: counter }
  const stack: { node: CodeNode; scope: Scope }[] = [{ node: root, scope: top }]
  const children: CodeNode[] = []
  while (stack.length > 0) {
    const { node, scope } = stack.pop()!
    if (node !== root && node.kind === 'FuncLit') {
      scope.count++
      const name = scope.nested ? `${scope.name}.${scope.count}` : `${scope.name}.func${scope.count}`
      const pos = src.position(node.pos)
      out.push({
        name,
        kind: 'closure',
        parent: scope.name,
        line: pos.line,
        col: pos.col,
        endLine: src.position(node.end).line,
        from: node.pos,
        to: node.end,
        pragmas: [],
      })
      stack.push({ node: node.body, scope: { name, nested: true, count: 0 } })
      continue
    }
    children.length = 0
    forEachChild(node, (c) => children.push(c))
    // gc numbers literals in constant initialisers too (`unsafe.Sizeof(func() {…})`).
    if (node.kind === 'DeclStmt' && node.decl.kind === 'ConstDecl') for (const spec of node.decl.specs) children.push(...spec.values)
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, scope })
  }
  return top.count
}
