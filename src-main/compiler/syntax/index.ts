import type { Diagnostic, FuncInfo } from '../../protocol/model'
import { listFunctions } from './functions'
import { SourceText } from './source'
import { syntaxErrors } from './syntax-errors'
import { parseGoTree } from './treesitter'

export { SourceText } from './source'

export interface ParsedOutline {
  functions: FuncInfo[]
  diagnostics: Diagnostic[]
}

/** Parse one Go file and return its function outline and syntax diagnostics. */
export async function parseOutline(path: string, text: string): Promise<ParsedOutline> {
  const src = new SourceText(path, text)
  const tree = await parseGoTree(text)
  try {
    return { functions: listFunctions(tree.rootNode, src), diagnostics: syntaxErrors(tree.rootNode, src) }
  } finally {
    tree.delete()
  }
}
