// The embedded pipeline's entry point. Pure TypeScript: no Electron, Vue or DOM.

import type { AnalyzeResult, Progress } from '../protocol/model'
import { parseOutline } from './syntax'

export type ProgressSink = (p: Progress) => void

/** Throws when the caller has abandoned the work; checked between phases. */
export type CancelCheck = () => void

export async function analyzeSource(
  path: string,
  text: string,
  progress: ProgressSink = () => {},
  checkCancelled: CancelCheck = () => {},
): Promise<AnalyzeResult> {
  const timings: AnalyzeResult['timings'] = []
  progress({ phase: 'parse', fraction: 0 })
  const t0 = performance.now()
  const outline = await parseOutline(path, text)
  timings.push({ phase: 'parse', ms: performance.now() - t0 })
  checkCancelled()
  progress({ phase: 'parse', fraction: 1 })
  return { file: path, functions: outline.functions, diagnostics: outline.diagnostics, timings }
}
