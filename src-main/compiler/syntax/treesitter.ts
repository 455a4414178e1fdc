// The only module that talks to web-tree-sitter. It loads the Go grammar once
// per process and hands out trees; callers must delete() them (wasm memory).

import { createRequire } from 'node:module'
import { Language, Parser, type Tree } from 'web-tree-sitter'

export type { Node as SyntaxNode, Tree as SyntaxTree } from 'web-tree-sitter'

const requireHere = createRequire(import.meta.url)
let parser: Promise<Parser> | undefined

function loadParser(): Promise<Parser> {
  parser ??= (async () => {
    const runtimeWasm = requireHere.resolve('web-tree-sitter/web-tree-sitter.wasm')
    await Parser.init({ locateFile: () => runtimeWasm })
    const go = await Language.load(requireHere.resolve('tree-sitter-go/tree-sitter-go.wasm'))
    const p = new Parser()
    p.setLanguage(go)
    return p
  })()
  return parser
}

export async function parseGoTree(text: string): Promise<Tree> {
  const p = await loadParser()
  const tree = p.parse(text)
  if (!tree) throw new Error('tree-sitter returned no tree')
  return tree
}
