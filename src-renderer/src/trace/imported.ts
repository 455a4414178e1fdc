// An imported trace (gc's ssa.html) as the document the views expect: the
// sources column as a text whose lines sit at their own numbers (so gc's
// line positions point at them), and one function, the trace's.

import type { AnalyzeResult, FuncInfo, FuncKind, FuncTrace, ImportedSource, SourceFile } from '../../../src-main/protocol/model'

/** `F.func1` is a closure, `T.M` and `(*T).M` are methods. */
function kindOf(name: string): FuncKind {
  if (/\.func\d+(\.\d+)*$/.test(name)) return 'closure'
  return /^(\(\*?[\w[\],.]+\)|[\w[\],]+)\.\w+$/.test(name) ? 'method' : 'func'
}

export function importedDocument(name: string, trace: FuncTrace, sources: readonly ImportedSource[]): { source: SourceFile; analysis: AnalyzeResult } {
  const main = sources[0]
  const lines: string[] = []
  if (main && main.lines.length > 0) {
    for (const l of main.lines) {
      while (lines.length < l.line - 1) lines.push('')
      lines[l.line - 1] = l.text
    }
  } else lines.push(`// ${name}: the ssa.html has no sources column`)
  const text = lines.join('\n') + '\n'
  const first = main?.lines[0]?.line ?? 1
  const last = main?.lines[main.lines.length - 1]?.line ?? 1
  let from = 0
  for (let i = 0; i < first - 1; i++) from += lines[i]!.length + 1
  let to = from
  for (let i = first - 1; i < last; i++) to += (lines[i]?.length ?? 0) + 1
  const fn: FuncInfo = { name: trace.func, kind: kindOf(trace.func), line: first, col: 1, endLine: last, from, to: Math.max(from, to - 1), pragmas: [] }
  return {
    source: { path: main?.file ?? name, text, origin: 'import' },
    analysis: { file: main?.file ?? name, functions: [fn], diagnostics: [], timings: [] },
  }
}
