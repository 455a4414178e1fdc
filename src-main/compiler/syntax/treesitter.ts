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

/**
 * Parses `text`. `checkCancelled` is called as tree-sitter progresses (an
 * 8 MB file takes seconds); when it throws, the parse stops and that error
 * propagates.
 */
export async function parseGoTree(text: string, checkCancelled?: () => void): Promise<Tree> {
  const p = await loadParser()
  let stopped: unknown
  const tree = checkCancelled
    ? p.parse(text, null, {
        progressCallback: () => {
          try {
            checkCancelled()
            return false
          } catch (e) {
            stopped = e
            return true
          }
        },
      })
    : p.parse(text)
  if (stopped !== undefined) {
    tree?.delete()
    p.reset() // else the next parse would resume this one
    throw stopped
  }
  if (!tree) throw new Error('tree-sitter returned no tree')
  return tree
}
