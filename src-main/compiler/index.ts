// The embedded pipeline's entry point. Pure TypeScript: no Electron, Vue or DOM.
// Everything goes through one Program (./pipeline.ts); these functions are its
// one-shot forms for callers that do not keep the program.

import type { AnalyzeResult } from '../protocol/model'
import { loadProgram, type CancelCheck, type ProgressSink } from './pipeline'

export { Program, loadProgram, pipelineCounters, type CancelCheck, type ProgressSink, type RunContext } from './pipeline'

export async function analyzeSource(
  path: string,
  text: string,
  progress: ProgressSink = () => {},
  checkCancelled: CancelCheck = () => {},
): Promise<AnalyzeResult> {
  const result = (await loadProgram(path, text, {}, { progress, checkCancelled })).analyze()
  progress({ phase: 'done', fraction: 1 })
  return result
}
