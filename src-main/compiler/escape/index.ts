// Escape analysis of one Go file, as gc 1.26 does it: parse, type check,
// build the location graph function batch by function batch (callees
// first), solve, and report in gc's -m / -m=2 text.

import type { Diagnostic, EscapeResult } from '../../protocol/model'
import { escapeArtifact } from './artifact'
import { parseFile } from '../syntax'
import { checkFile } from '../types/check'
import { elidedBoundsChecks } from '../walk/bounds'
import { analyzeEscapes, type EscapeAnalysis } from './analyze'

export interface EscapeOptions {
  /** 1 for `-m`, 2 for `-m=2`. */
  level: 1 | 2
  /** Also return the escape graph of the batch holding this function (gc name). */
  graphOf?: string
  /** Print mutator and callee tags too, as `-d=escapemutationscalls` does. */
  mutationsCalls?: boolean
}

export interface EscapeReport {
  /** The lines gc prints, in gc's emission order; paths are `path` as given. */
  lines: string[]
  /** Syntax, type and `unsupported:` errors; when present, `lines` is empty. */
  diagnostics: Diagnostic[]
  /** The analysis itself (graph per batch, tags), when the file was clean. */
  analysis: EscapeAnalysis | null
}

export async function escapeSource(path: string, text: string, options: EscapeOptions): Promise<EscapeReport> {
  const parsed = await parseFile(path, text)
  if (parsed.diagnostics.length > 0) return { lines: [], diagnostics: parsed.diagnostics, analysis: null }
  const checked = checkFile(parsed.file, parsed.source)
  if (checked.diagnostics.length > 0) return { lines: [], diagnostics: checked.diagnostics, analysis: null }
  const analysis = analyzeEscapes(parsed.file, parsed.source, checked.info, { path, level: options.level, recordWalksOf: options.graphOf, mutationsCalls: options.mutationsCalls })
  // After escape analysis gc walks each function; at -m walk reports elided bounds checks.
  const walkLines = elidedBoundsChecks(parsed.file, checked.info, text).map((off) => {
    const p = parsed.source.position(off)
    return `${path}:${p.line}:${p.col}: index bounds check elided`
  })
  return { lines: [...analysis.lines, ...walkLines], diagnostics: analysis.diagnostics, analysis }
}

/** The API's answer: lines, diagnostics and, when asked for, one batch's graph. */
export async function escapeResult(path: string, text: string, options: EscapeOptions): Promise<EscapeResult> {
  const r = await escapeSource(path, text, options)
  const batch = options.graphOf ? r.analysis?.batches.find((b) => b.functions.includes(options.graphOf!)) : undefined
  return { file: path, lines: r.lines, diagnostics: r.diagnostics, graph: batch ? escapeArtifact(batch) : null }
}
