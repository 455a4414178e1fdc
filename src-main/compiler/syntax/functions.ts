// The functions of a file, named the way gc names them (GOSSAFUNC spellings):
// `F`, `T.M`, `(*T).M`, closures `F.func1`, nested `F.func1.1`, and closures in
// package-level initialisers `init.func1`. Read from the AST (plain objects,
// cheap to walk) rather than from tree-sitter's nodes.

import type { FuncInfo } from '../../protocol/model'
import type * as A from './ast'
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
 * free number. Iterative, so deep nesting cannot overflow the stack. AST
 * objects list their children in source order, which this walk relies on.
 */
function collectClosures(root: object, scopeName: string, src: SourceText, out: FuncInfo[], counter = 0): number {
  interface Scope {
    name: string
    nested: boolean
    count: number
  }
  const top: Scope = { name: scopeName, nested: false, count: counter }
  const stack: { node: object; scope: Scope }[] = [{ node: root, scope: top }]
  while (stack.length > 0) {
    const { node, scope } = stack.pop()!
    if (node !== root && (node as { kind?: string }).kind === 'FuncLit') {
      const lit = node as A.FuncLit
      scope.count++
      const name = scope.nested ? `${scope.name}.${scope.count}` : `${scope.name}.func${scope.count}`
      const pos = src.position(lit.pos)
      out.push({
        name,
        kind: 'closure',
        parent: scope.name,
        line: pos.line,
        col: pos.col,
        endLine: src.position(lit.end).line,
        from: lit.pos,
        to: lit.end,
        pragmas: [],
      })
      stack.push({ node: lit.body, scope: { name, nested: true, count: 0 } })
      continue
    }
    const children = childObjects(node)
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, scope })
  }
  return top.count
}

/** The AST objects directly under a node (array items flattened), in source order. */
function childObjects(node: object): object[] {
  const out: object[] = []
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) {
      for (const item of v) if (item && typeof item === 'object') out.push(item)
    } else if (v && typeof v === 'object') out.push(v)
  }
  return out
}
