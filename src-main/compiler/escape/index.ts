// Escape analysis of one Go file, as gc 1.26 does it: parse, type check,
// build the location graph function batch by function batch (callees
// first), solve, and report in gc's -m / -m=2 text. One-shot forms of the
// pipeline's Program (../pipeline.ts), which does each step once.

import type { EscapeResult } from '../../protocol/model'
import { loadProgram, type EscapeOptions, type EscapeReport } from '../pipeline'

export type { EscapeOptions, EscapeReport } from '../pipeline'

export async function escapeSource(path: string, text: string, options: EscapeOptions): Promise<EscapeReport> {
  return (await loadProgram(path, text)).escapeReport(options)
}

/** The API's answer: lines, diagnostics and, when asked for, one batch's graph. */
export async function escapeResult(path: string, text: string, options: EscapeOptions): Promise<EscapeResult> {
  return (await loadProgram(path, text)).escapeResult(options)
}
