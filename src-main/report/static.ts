// The report's static part, for readers without JavaScript and for print:
// per arch, the pass table (name, status, #values, #blocks, time) and the
// function after the last pass in gc's text dump format. Every piece of
// program text goes through escapeHtml; nothing here is markup from input.

import type { Arch, FuncTrace } from '../protocol/model'
import { printFunc } from '../compiler/ssa/print'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as HTML text or attribute value (quoted): the five characters that can end either are replaced. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

export interface StaticArch {
  arch: Arch
  trace: FuncTrace | null
  /** Why there is no trace (the diagnostics' text). */
  why?: string
}

export function staticSection(func: string, path: string, arches: StaticArch[]): string {
  const out: string[] = ['<section id="static-report" class="static-report">']
  out.push(`<h1>ssascope report: <code>${escapeHtml(func)}</code> in <code>${escapeHtml(path)}</code></h1>`)
  out.push('<p class="static-note">This is the report\'s static part (the pass table and the final listing). With JavaScript, the file opens as the ssascope app, read-only.</p>')
  for (const a of arches) {
    out.push(`<h2>${escapeHtml(a.arch)}</h2>`)
    if (!a.trace) {
      out.push(`<p>No SSA: <code>${escapeHtml(a.why ?? 'the function could not be built')}</code></p>`)
      continue
    }
    out.push('<table class="static-passes"><thead><tr><th>pass</th><th>status</th><th>values</th><th>blocks</th><th>ms</th></tr></thead><tbody>')
    for (const p of a.trace.passes) {
      const values = p.snapshot.blocks.reduce((n, b) => n + b.values.length, 0)
      const status = p.status === 'failed' ? `failed: ${p.error ?? ''}` : p.status
      out.push(
        `<tr class="s-${escapeHtml(p.status)}"><td>${escapeHtml(p.name)}</td><td>${escapeHtml(status)}</td><td>${values}</td><td>${p.snapshot.blocks.length}</td><td>${p.ms.toFixed(2)}</td></tr>`,
      )
    }
    out.push('</tbody></table>')
    const last = a.trace.passes[a.trace.passes.length - 1]
    if (last) {
      out.push(`<h3>after ${escapeHtml(last.name)}</h3>`)
      out.push(`<pre class="static-listing">${escapeHtml(printFunc(last.snapshot))}</pre>`)
    }
  }
  out.push('</section>')
  return out.join('\n')
}
