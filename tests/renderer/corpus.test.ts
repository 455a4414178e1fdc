// The pass debugger's models over the SSA corpus (testdata/ssa and the
// examples), both arches, through the wire encoding as the renderer gets it:
// every pass lists each of its values once, removed values are exactly the
// diff's, every rule step resolves, every value has a history.

import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { ssaCorpusFiles } from '../../src-main/fidelity/ssa'
import { decodeTrace, encodeTrace } from '../../src-main/protocol/trace-codec'
import { HistoryIndex } from '../../src-renderer/src/trace/history'
import { buildListing } from '../../src-renderer/src/trace/listing'
import { ruleListing } from '../../src-renderer/src/trace/rulestep'

const files = ssaCorpusFiles().filter((f) => f.includes(`${join('testdata', 'ssa')}`) || f.includes('examples'))

describe.each(['amd64', 'ppc64'])('renderer models on the corpus (%s)', (arch) => {
  it.each(files.map((f) => [basename(f), f]))('%s', async (_name, file) => {
    const prog = await ssaProgram(file, readFileSync(file, 'utf8'))
    expect(prog.diagnostics).toEqual([])
    for (const fn of prog.functions) {
      const trace = decodeTrace(JSON.parse(JSON.stringify(encodeTrace(prog.trace(fn, arch)))))
      const effectOps = new Set(trace.effectOps)
      trace.passes.forEach((p, i) => {
        const prev = trace.passes[i - 1]
        const l = buildListing(p, prev, { showRemoved: true, effectOps })
        const shown = l.rows.filter((r) => r.kind === 'value' && r.status !== 'removed').map((r) => (r.kind === 'value' ? r.value.id : ''))
        const values = p.snapshot.blocks.flatMap((b) => b.values.map((v) => v.id))
        expect(shown.sort(), `${fn} ${p.name}`).toEqual(values.sort())
        const removed = l.rows.filter((r) => r.status === 'removed' && r.kind === 'value').length
        if (prev) {
          const before = new Set(prev.snapshot.blocks.flatMap((b) => b.values.map((v) => v.id)))
          expect(removed, `${fn} ${p.name} removed`).toBe(p.diff.valuesRemoved.filter((id) => before.has(id)).length)
        }
        const rules = p.rules ?? []
        if (rules.length && prev) {
          const before = buildListing(prev, undefined, { showRemoved: false, effectOps })
          for (const k of [0, rules.length >> 1, rules.length - 1]) expect(ruleListing(before, p, k)?.state.app).toBe(rules[k])
        }
      })
      const history = new HistoryIndex(trace)
      const last = trace.passes[trace.passes.length - 1]!
      for (const b of last.snapshot.blocks) for (const v of b.values) {
        const h = history.history(v.id)
        expect(h?.events[0]?.kind, `${fn} ${v.id}`).toBe('created')
        expect(h?.events.some((e) => e.kind === 'removed')).toBe(false)
      }
    }
  })
})
