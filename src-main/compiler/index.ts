// The embedded pipeline's entry point. Pure TypeScript: no Electron, Vue or DOM.

import type { AnalyzeResult, Progress } from '../protocol/model'
import { parseFile } from './syntax'
import { checkFile } from './types/check'

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
  const timed = async <T>(phase: string, run: () => T | Promise<T>): Promise<T> => {
    progress({ phase, fraction: 0 })
    const t0 = performance.now()
    const result = await run()
    timings.push({ phase, ms: performance.now() - t0 })
    checkCancelled()
    return result
  }

  const parsed = await timed('parse', () => parseFile(path, text))
  // Like gc, type checking waits for a file that parses within the subset.
  const diagnostics =
    parsed.diagnostics.length > 0 ? parsed.diagnostics : (await timed('typecheck', () => checkFile(parsed.file, parsed.source))).diagnostics
  progress({ phase: 'done', fraction: 1 })
  return { file: path, functions: parsed.functions, diagnostics, timings }
}
