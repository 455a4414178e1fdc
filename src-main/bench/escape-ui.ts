// The escape view's and the editor gutter's own work, as `npm run bench`
// figures: what the renderer computes when a function is opened (the
// escape graph's model, its layout in both directions, every location's why
// path) on a batch of a thousand locations, and the gutter's marks of the
// 10,000-value function. Pure renderer logic, timed in Node.

import { escapeResult } from '../compiler/escape'
import { ssaProgram } from '../compiler/ssagen'
import { whyPaths } from '../../src-renderer/src/trace/escape'
import { escapeGraphModel, layoutToFit } from '../../src-renderer/src/trace/escape-graph'
import { lineMarks } from '../../src-renderer/src/trace/gutter-marks'
import { bigFunctionProgram } from './programs'

/**
 * One function whose batch holds about `groups` × 5 locations: chains of
 * pointers, some stored in globals, linked nodes, and closures capturing
 * by reference (so the batch has closures too).
 */
export function escapeGraphProgram(groups: number): string {
  const out = ['package bench', '', 'var sink *int', 'var sinkP **int', 'var sinkF func() int', '', 'type node struct {', '\tnext *node', '\tv    int', '}', '', 'func big(n int) int {', '\tt0 := &node{v: 0}']
  for (let i = 1; i <= groups; i++) {
    out.push(`\tv${i} := ${i}`, `\tp${i} := &v${i}`, `\tt${i} := &node{v: *p${i}}`, `\tt${i}.next = t${i - 1}`)
    if (i % 7 === 0) out.push(`\tif n > ${i} {`, `\t\tsink = p${i}`, `\t}`)
    if (i % 11 === 0) out.push(`\tq${i} := &p${i}`, `\tif n == ${i} {`, `\t\tsinkP = q${i}`, `\t}`)
    if (i % 13 === 0) out.push(`\tsinkF = func() int {`, `\t\tv${i}++`, `\t\treturn v${i} + n`, `\t}`)
  }
  out.push(`\treturn t${groups}.v`, '}', '')
  return out.join('\n')
}

type Median = (runs: number, f: () => unknown) => Promise<number>

export async function escapeUiFigures(emit: (o: object) => void, median: Median): Promise<void> {
  const round = (x: number) => Math.round(x * 100) / 100
  const text = escapeGraphProgram(300)
  const r = await escapeResult('graph.go', text, { level: 2, graphOf: 'big' })
  const g = r.graph
  if (!g) throw new Error(`escape-graph bench program is refused: ${r.diagnostics[0]?.message}`)
  const model = escapeGraphModel(g)
  const layoutMs = await median(7, () => layoutToFit(escapeGraphModel(g), 900, 600))
  const whyMs = await median(7, () => g.locations.forEach((l) => whyPaths(g, l)))
  emit({ bench: 'escape-graph-view', locations: g.locations.length, nodes: model.nodes.length, edges: model.edges.length, functions: g.functions.length, modelAndLayoutMs: round(layoutMs), allWhyPathsMs: round(whyMs) })

  const big = bigFunctionProgram(10_000)
  const trace = (await ssaProgram('big.go', big)).trace('big', 'amd64')
  const lines = (await escapeResult('big.go', big, { level: 2 })).lines
  const marks = lineMarks(lines, trace)
  const marksMs = await median(7, () => lineMarks(lines, trace))
  emit({ bench: 'gutter-marks-10k', lines: big.split('\n').length, markedLines: marks.size, marks: [...marks.values()].reduce((n, m) => n + m.length, 0), ms: round(marksMs) })
}
