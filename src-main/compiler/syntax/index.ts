import type { Diagnostic, FuncInfo } from '../../protocol/model'
import { parseFile } from './parse'

export { SourceText } from './source'
export { parseFile, type ParsedFile } from './parse'

export interface ParsedOutline {
  functions: FuncInfo[]
  diagnostics: Diagnostic[]
}

/** Parse one Go file: its function outline and its syntax (or unsupported-construct) diagnostics. */
export async function parseOutline(path: string, text: string): Promise<ParsedOutline> {
  const { functions, diagnostics } = await parseFile(path, text)
  return { functions, diagnostics }
}
