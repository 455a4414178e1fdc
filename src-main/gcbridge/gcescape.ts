// gc's -m=2 output read back as decisions. gc prints, per location, first the
// explanations its solver made ("X escapes to heap in F:", "parameter p
// leaks to {heap} for F with derefs=0:", each followed by indented `flow:`
// and `from … at …` lines), then the verdicts ("moved to heap: x",
// "leaking param: p", "x does not escape"), and the inliner's lines. Each
// verdict keeps the explanations printed at its position: its flow text.

import type { GcEscapeDecision, GcEscapeKind } from '../protocol/model'
import type { GcLine } from './toolchain'

const EXPLANATION = /^(?:.+ escapes to heap in (.+)|parameter \S+ leaks to .+ for (.+) with derefs=-?\d+):$/

function kindOf(message: string): GcEscapeKind {
  if (/^(moved to heap: |.+ escapes to heap$)/.test(message)) return 'heap'
  if (/^leaking (param|param content|closure|result)\b/.test(message)) return 'leak'
  if (/ does not escape( content)?$/.test(message)) return 'stays'
  if (/ capturing by (value|ref): /.test(message)) return 'capture'
  if (/^(can inline |cannot inline |inlining call to |inlining call |.*devirtualizing )/.test(message)) return 'inline'
  return 'other'
}

/** The decisions in gc's -m=2 lines, in gc's order; explanation lines attach to the verdicts at their position. */
export function escapeDecisions(lines: GcLine[]): GcEscapeDecision[] {
  const flows = new Map<string, { fn: string; text: string[] }[]>()
  const out: GcEscapeDecision[] = []
  let open: { text: string[] } | null = null
  for (const l of lines) {
    const pos = `${l.file}:${l.line}:${l.col ?? 0}`
    if (l.message.startsWith(' ')) {
      // A flow line of the explanation above (same position).
      open?.text.push(l.message)
      continue
    }
    const ex = EXPLANATION.exec(l.message)
    if (ex) {
      open = { text: [l.message] }
      const list = flows.get(pos) ?? []
      list.push({ fn: ex[1] ?? ex[2]!, ...open })
      flows.set(pos, list)
      continue
    }
    open = null
    const kind = kindOf(l.message)
    const d: GcEscapeDecision = { file: l.file, line: l.line, col: l.col ?? 0, kind, message: l.message, flow: [] }
    if (kind === 'heap' || kind === 'leak') {
      const ex = flows.get(pos) ?? []
      d.flow = ex.flatMap((e) => e.text)
      if (ex[0]) d.fn = ex[0].fn
    }
    out.push(d)
  }
  return out
}
