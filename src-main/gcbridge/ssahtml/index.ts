// gc's ssa.html (GOSSAFUNC=F) read into our FuncTrace: every pass column
// (merged `a  +  b` columns split back into their passes), blocks and values
// with lines, registers and names, the genssa listing and the sources.

import type { FuncTrace } from '../../protocol/model'
import type { DumpFunc } from '../ssadump'
import { buildTrace, type SourceLines } from './build'
import { scanSsaHtml, SsaHtmlError } from './scan'

export { SsaHtmlError } from './scan'
export type { SourceLines } from './build'

export interface ImportedTrace {
  /** Marked idsReusedAcrossPasses; `origin` says what the file does not hold. */
  trace: FuncTrace
  /** The sources column: the function's file and the files of what was inlined into it. */
  sources: SourceLines[]
  /** The AST column's lines, as gc printed them. */
  ast: string[]
  /** Each SSA column in gc's dump form, with the passes it stands for. */
  dumps: { passes: string[]; func: DumpFunc }[]
  /** Same as trace.origin.warnings. */
  warnings: string[]
}

export interface ImportOptions {
  /** The GOARCH the file was made for; default: guessed from the lowered ops (amd64, ppc64), else `unknown`. */
  arch?: string
}

/** Reads an ssa.html text. Throws SsaHtmlError (with the line and column) on a file it cannot read. */
export function importSsaHtml(text: string, opts: ImportOptions = {}): ImportedTrace {
  if (typeof text !== 'string' || !/\S/.test(text)) throw new SsaHtmlError('the file is empty', 0, 0)
  const built = buildTrace(text, scanSsaHtml(text), opts)
  return { ...built, warnings: built.trace.origin!.warnings }
}
