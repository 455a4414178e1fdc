// An imported ssa.html in the renderer's stores: the sources column as the
// document (lines at their own numbers, one function), the trace served
// without a request, no value history, selection dropped between passes.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import { importSsaHtml } from '../../src-main/gcbridge'
import type { SsascopeApi } from '../../src-main/protocol/api'
import { encodeTrace } from '../../src-main/protocol/trace-codec'
import { projectRoot } from '../../src-main/service/paths'
import { setApi } from '../../src-renderer/src/api/instance'
import { useDocument } from '../../src-renderer/src/stores/document'
import { useSelection } from '../../src-renderer/src/stores/selection'
import { useTraces } from '../../src-renderer/src/stores/traces'
import { importedDocument } from '../../src-renderer/src/trace/imported'

const file = join(projectRoot, 'testdata', 'ssahtml', 'sum-go1.26.html')
const imported = importSsaHtml(readFileSync(file, 'utf8'))

/** An API that answers importSsaHtml and counts every call. */
function fakeApi(calls: string[]): SsascopeApi {
  return {
    call: (async (method: string) => {
      calls.push(method)
      if (method === 'importSsaHtml') return { name: 'sum.html', trace: encodeTrace(imported.trace), sources: imported.sources, warnings: [] }
      throw new Error(`unexpected call ${method}`)
    }) as SsascopeApi['call'],
  }
}

beforeEach(() => setActivePinia(createPinia()))

describe('importedDocument', () => {
  it('puts the sources column at its line numbers and makes the trace’s function the only one', () => {
    const { source, analysis } = importedDocument('sum.html', imported.trace, imported.sources)
    const lines = source.text.split('\n')
    expect(lines[14]).toBe('func Sum(xs []int, s string) (int, string) {')
    expect(lines.slice(0, 14).every((l) => l === '')).toBe(true)
    expect(source.origin).toBe('import')
    expect(analysis.functions).toHaveLength(1)
    const f = analysis.functions[0]!
    expect(f).toMatchObject({ name: 'Sum', kind: 'func', line: 15, endLine: 21 })
    expect(source.text.slice(f.from, f.to)).toBe(lines.slice(14, 21).join('\n'))
    expect(importedDocument('m.html', { ...imported.trace, func: '(*T).M' }, []).analysis.functions[0]!.kind).toBe('method')
    expect(importedDocument('m.html', { ...imported.trace, func: 'F.func1' }, []).source.text).toBe('// m.html: the ssa.html has no sources column\n')
  })
})

describe('an imported trace in the stores', () => {
  it('is served without an ssa request, has no history, and a pass change drops the selection', async () => {
    const calls: string[] = []
    setApi(fakeApi(calls))
    const doc = useDocument()
    const sel = useSelection()
    const traces = useTraces()
    const r = await doc.importSsaHtml({ name: 'sum.html', text: '<html>' })
    expect(r?.trace.func).toBe('Sum')
    sel.selectFunc('Sum')
    await nextTick()
    await nextTick()
    expect(traces.trace?.func).toBe('Sum')
    expect(traces.current?.name).toBe('before insert phis')
    expect(calls).toEqual(['importSsaHtml'])
    expect(traces.historyIndex()).toBeNull()
    // Edits are ignored: the text is gc's copy.
    const text = doc.text
    doc.edit('package p')
    expect(doc.text).toBe(text)
    // The first record is reached with no pass named; `start` is the second.
    traces.goto(1)
    expect(sel.pass).toBe('start')
    traces.goto(0)
    expect(sel.pass).toBeNull()
    sel.selectValue('v8')
    expect(sel.pinned.has('v8')).toBe(true)
    traces.goto(5)
    await nextTick()
    expect(sel.value).toBeNull()
    expect(sel.pinned.size).toBe(0)
    // Another function or arch than the file's: no trace, and why.
    sel.arch = 'ppc64'
    await nextTick()
    await nextTick()
    expect(traces.trace).toBeNull()
    expect(traces.error).toBe('sum.html holds Sum for amd64 only.')
    expect(await traces.ensure('Sum', 'amd64')).toBe(r!.trace)
    expect(calls).toEqual(['importSsaHtml'])
    // The link does not claim the page can be reopened from the .go file.
    expect(sel.shareUrl()).not.toContain('file=')
  })

  it('a failed import keeps the open document and reports the error', async () => {
    setApi({ call: (async () => Promise.reject(new Error('junk.html: not a gc ssa.html file: no <h1> function name'))) as SsascopeApi['call'] })
    const doc = useDocument()
    expect(await doc.importSsaHtml({ name: 'junk.html', text: 'x' })).toBeNull()
    expect(doc.error).toContain('junk.html: not a gc ssa.html file')
    expect(doc.imported).toBeNull()
    expect(doc.importing).toBe(false)
  })
})
