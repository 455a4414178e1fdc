// The editor's marker gutter and the allocation links, on real traces: escape
// decisions by line, heap allocation calls with their members' lines, bounds
// checks left after prove, merged stack slots; and which SSA call an escape
// location became.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeResult } from '../../src-main/compiler/escape'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { allocOf, allocSites } from '../../src-renderer/src/trace/alloc-sites'
import { allocMarks, boundsMarks, escapeMarks, lineMarks, slotMarks, toneOf, type LineMarks } from '../../src-renderer/src/trace/gutter-marks'

const example = (name: string) => readFileSync(join(examplesDir, name), 'utf8')
const testdata = (name: string) => readFileSync(join(projectRoot, 'testdata', 'escape', name), 'utf8')
const texts = (m: LineMarks, line: number) => (m.get(line) ?? []).map((x) => `${x.kind}: ${x.text}`)

describe('gutter marks', () => {
  it('marks gc’s escape decisions at their lines: heap, leak or stack', async () => {
    const r = await escapeResult('./params.go', testdata('params.go'), { level: 2 })
    const m = escapeMarks(r.lines)
    expect(texts(m, 23)).toEqual(['escape: leaking param: p'])
    expect(toneOf(m.get(23)!, 'escape')).toBe('leak')
    const heapagg = await escapeResult('examples/heapagg.go', example('heapagg.go'), { level: 2 })
    const h = escapeMarks(heapagg.lines)
    // args: four parameters on one line, all moved.
    expect(texts(h, 30)).toEqual(['escape: moved to heap: a', 'escape: moved to heap: b', 'escape: moved to heap: c', 'escape: moved to heap: d'])
    expect(h.get(58)![0]).toMatchObject({ tone: 'heap', text: 'func literal escapes to heap', target: { view: 'escape', pos: 'examples/heapagg.go:58:9' } })
    // -m=2's explanation lines are not decisions.
    expect([...h.values()].flat().every((x) => !x.text.startsWith('flow:') && !x.text.includes('capturing'))).toBe(true)
    const closures = await escapeResult('examples/closures.go', example('closures.go'), { level: 2 })
    expect(toneOf(escapeMarks(closures.lines).get(17)!, 'escape')).toBe('stack')
  })

  it('marks heap allocation calls of the function, an aggregated one at each member’s line too', async () => {
    const t = (await ssaProgram('examples/heapagg.go', example('heapagg.go'))).trace('closure', 'amd64')
    const m = allocMarks(t)
    expect(texts(m, 53)).toEqual(['alloc: v7 = runtime.mallocgc(16 bytes): a@0 b@8 c@12 d@14, one allocation for 4 variables'])
    expect(texts(m, 54)).toEqual(['alloc: b at offset 8 of v7 = runtime.mallocgc(16 bytes) at line 53, with a, c, d'])
    expect(texts(m, 58)).toEqual(['alloc: v28 = runtime.newobject(40 bytes)'])
    expect(m.get(53)![0]!.target).toEqual({ view: 'allocs', value: 'v7' })
  })

  it('marks bounds checks still there after prove, and only those', async () => {
    const prog = await ssaProgram('./bounds.go', testdata('bounds.go'))
    const wide = boundsMarks(prog.trace('tooWide', 'amd64'))
    expect([...wide.keys()]).toEqual([21])
    expect(wide.get(21)![0]!.text).toMatch(/^index bounds check left after prove: v\d+ = IsInBounds v\d+ v\d+$/)
    expect(wide.get(21)![0]!.target).toMatchObject({ view: 'ssa', pass: 'prove' })
    expect(boundsMarks(prog.trace('sliceIndex', 'amd64')).size).toBe(1)
    // masked: i&7 always fits [8]int, prove removes the check.
    expect(boundsMarks(prog.trace('masked', 'amd64')).size).toBe(0)
  })

  it('marks the stack slots mergelocals merged: the leader and the variable sharing its slot', async () => {
    const prog = await ssaProgram('examples/mergelocals.go', example('mergelocals.go'))
    const m = slotMarks(prog.trace('Phases', 'amd64'))
    expect(texts(m, 35)).toEqual([expect.stringMatching(/^slot: a \(88 bytes\) leads a merged stack slot at frame offset -?\d+: shared with b$/)])
    expect(texts(m, 41)).toEqual([expect.stringMatching(/^slot: b \(88 bytes\) shares a's stack slot at frame offset -?\d+$/)])
    expect(m.get(41)![0]!.target).toEqual({ view: 'liveness', name: 'b' })
    // On ppc64 a is evicted (its address is still pending at a block end): nothing merges.
    expect(slotMarks(prog.trace('Phases', 'ppc64')).size).toBe(0)
  })

  it('puts a file’s escape lines and a function’s trace together', async () => {
    const r = await escapeResult('examples/heapagg.go', example('heapagg.go'), { level: 2 })
    const t = (await ssaProgram('examples/heapagg.go', example('heapagg.go'))).trace('closure', 'amd64')
    const m = lineMarks(r.lines, t)
    expect(m.get(53)!.map((x) => x.kind)).toEqual(['escape', 'alloc'])
    expect(lineMarks(null, null).size).toBe(0)
  })
})

describe('allocation sites', () => {
  it('links an escaping location to the call that allocates it: a member by name, an allocation site by position', async () => {
    const text = example('heapagg.go')
    const t = (await ssaProgram('examples/heapagg.go', text)).trace('closure', 'amd64')
    const g = (await escapeResult('examples/heapagg.go', text, { level: 2, graphOf: 'closure' })).graph!
    const sites = allocSites(t)
    const of = (name: string) => allocOf(sites, g.locations.find((l) => l.name === name && l.fn === 'closure')!)?.group.value ?? null
    expect(of('a')).toBe('v7')
    expect(of('d')).toBe('v7')
    expect(of('func literal')).toBe('v28')
    expect(of('~r0')).toBe(null)
    expect(sites.find((s) => s.group.value === 'v7')!.memberLines).toEqual([53, 54, 55, 56])
  })

  it('links new(T) and a moved parameter to their runtime.newobject calls, and nothing that stays', async () => {
    const alloc = testdata('alloc.go')
    const prog = await ssaProgram('./alloc.go', alloc)
    const g = (await escapeResult('./alloc.go', alloc, { level: 2, graphOf: 'newToGlobal' })).graph!
    const site = allocOf(allocSites(prog.trace('newToGlobal', 'amd64')), g.locations.find((l) => l.kind === 'alloc')!)
    expect(site?.group).toMatchObject({ call: 'runtime.newobject', value: 'v5' })
    const local = (await escapeResult('./alloc.go', alloc, { level: 2, graphOf: 'newLocal' })).graph!
    expect(allocOf(allocSites(prog.trace('newLocal', 'amd64')), local.locations.find((l) => l.kind === 'alloc')!)).toBe(null)
    const addr = testdata('addr.go')
    const pa = (await escapeResult('./addr.go', addr, { level: 2, graphOf: 'paramAddr' })).graph!
    const v = pa.locations.find((l) => l.name === 'v')!
    expect(allocOf(allocSites((await ssaProgram('./addr.go', addr)).trace('paramAddr', 'amd64')), v)?.group.value).toBe('v8')
  })
})
