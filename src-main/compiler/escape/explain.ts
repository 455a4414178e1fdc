// -m=2 explanation text, byte for byte as gc 1.26 prints it.

import type { Explanation } from './graph'

export function explanationLines(e: Explanation): string[] {
  if (e.kind === 'line') return [e.text]
  const head =
    e.kind === 'escapes'
      ? `${e.pos}: ${e.what} escapes to heap in ${e.fn}:`
      : `${e.pos}: parameter ${e.param} leaks to ${e.to} for ${e.fn} with derefs=${e.derefs}:`
  const lines = [head]
  for (const f of e.flows) {
    lines.push(`${e.pos}:   flow: ${f.dst} ← ${f.ops}${f.src}:`)
    for (const n of f.notes) lines.push(`${e.pos}:     from ${n.where} (${n.why}) at ${n.pos}`)
  }
  if (e.truncated) lines.push(`${e.pos}:   warning: truncated explanation due to assignment cycle; see golang.org/issue/35518`)
  return lines
}
