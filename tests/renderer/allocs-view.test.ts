// The allocation view's model on real traces: the calls of the heapagg
// example (1, 1, 1 and 2), byte layouts with padding, and why each heap-moved
// variable is or is not in an aggregated group (testdata/ssa/allocs.go).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { FuncTrace } from '../../src-main/protocol/model'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { allocsModel, allocsSummary, layoutOf } from '../../src-renderer/src/trace/allocs'

async function traces(file: string, arch = 'amd64'): Promise<(fn: string) => FuncTrace> {
  const prog = await ssaProgram(file, readFileSync(file, 'utf8'))
  return (fn) => prog.trace(fn, arch, { until: 'start' })
}

const heapagg = join(examplesDir, 'heapagg.go')
const corner = join(projectRoot, 'testdata', 'ssa', 'allocs.go')

describe('allocation view model', () => {
  it('heapagg: 1, 1, 1 and 2 calls; the four scalars share one mallocgc laid out a, b, c, d with one byte of padding', async () => {
    const t = await traces(heapagg)
    expect(['locals', 'args', 'half', 'closure'].map((f) => allocsModel(t(f)).cards.length)).toEqual([1, 1, 1, 2])
    const m = allocsModel(t('half'))
    const [card] = m.cards
    expect(card!.title).toBe('runtime.mallocgc(16, nil, true)')
    expect(card!.kindLabel).toBe('aggregated')
    expect(card!.layout.map((s) => [s.offset, s.size, s.member === null ? 'pad' : card!.group.members[s.member]!.name])).toEqual([
      [0, 8, 'a'],
      [8, 4, 'b'],
      [12, 2, 'c'],
      [14, 1, 'd'],
      [15, 1, 'pad'],
    ])
    expect(card!.padding).toBe(1)
    expect(card!.line).toBeGreaterThan(0)
    // The call first, then the members' OffPtr values: what clicking pins.
    const start = new Map(t('half').passes[0]!.snapshot.blocks.flatMap((b) => b.values).map((v) => [v.id, v]))
    expect(card!.pins.map((id) => start.get(id)!.op)).toEqual(['StaticLECall', 'OffPtr', 'OffPtr', 'OffPtr', 'OffPtr'])
    expect(card!.why).toMatch(/flushed at the end of b1 with 15 of 16 bytes pending/)
    expect(card!.why).toMatch(/declared a, c, b, d/)
    expect(m.vars.map((v) => [v.name, v.verdict, v.checks.every((c) => c.ok)])).toEqual([
      ['a', 'aggregated', true],
      ['b', 'aggregated', true],
      ['c', 'aggregated', true],
      ['d', 'aggregated', true],
    ])
    expect(m.vars[0]!.outcome).toMatch(/^shares v\d+ with b, c, d, at offset 0$/)
    expect(allocsSummary(m)).toBe('1 call · 4 heap-moved variables · 4 share 1 runtime.mallocgc')
  })

  it('closure: the scalars aggregated, the closure object an allocation site', async () => {
    const m = allocsModel((await traces(heapagg))('closure'))
    expect(m.cards.map((c) => c.kindLabel)).toEqual(['aggregated', 'allocation site'])
    expect(m.cards[1]!.bytewise).toBe(true)
    expect(m.cards[1]!.layout).toEqual([{ offset: 0, size: 40, member: null }])
    expect(m.cards[1]!.pins).toHaveLength(1)
  })

  it('overflow: the group names the variable that did not fit, which is alone in the next list', async () => {
    const m = allocsModel((await traces(corner))('overflow'))
    expect(m.cards.map((c) => c.kindLabel)).toEqual(['aggregated', 'alone'])
    expect(m.cards[0]!.why).toMatch(/flushed when c \(8 bytes\) would have made 24 > 16 bytes/)
    const c = m.vars.find((v) => v.name === 'c')!
    expect(c.verdict).toBe('alone')
    expect(c.outcome).toMatch(/^alone in b1's pending list, flushed at the end of b1 with 8 of 16 bytes pending: runtime.newobject v\d+ \(it did not fit in v\d+: 16 \+ 8 > 16 bytes\)$/)
  })

  it('pointers, ≥ 16 bytes and zero-sized: each rule that failed is named', async () => {
    const m = allocsModel((await traces(corner))('pointers'))
    const row = (n: string) => m.vars.find((v) => v.name === n)!
    expect(row('q')).toMatchObject({ verdict: 'own', outcome: expect.stringMatching(/^it has pointers: runtime.newobject v\d+ of its own$/) })
    expect(row('q').checks.map((c) => c.ok)).toEqual([false, true, true])
    expect(row('arr')).toMatchObject({ verdict: 'own', outcome: expect.stringMatching(/^16 bytes ≥ 16/) })
    expect(row('arr').checks.map((c) => c.ok)).toEqual([true, false, true])
    expect(row('z')).toMatchObject({ verdict: 'zero', card: null, outcome: 'zero-sized: no call, its address is runtime.zerobase' })
    expect(row('z').checks.map((c) => c.ok)).toEqual([true, true, false])
    expect(row('s').verdict).toBe('alone')
  })

  it('blocks: a block end flushes, so three lone newobject calls', async () => {
    const m = allocsModel((await traces(corner))('blocks'))
    expect(m.cards.map((c) => [c.kindLabel, c.group.flush?.cause])).toEqual([
      ['alone', 'block-end'],
      ['alone', 'block-end'],
      ['alone', 'block-end'],
    ])
    expect(new Set(m.cards.map((c) => c.group.block)).size).toBe(3)
  })

  it('reorder: the layout follows alignment, the note gives the declaration order; mixed pads to the first alignment', async () => {
    const t = await traces(corner)
    expect(allocsModel(t('reorder')).cards[0]!.why).toMatch(/Laid out by decreasing alignment \(declared a, b, c, d\), 16 bytes rounded to 8/)
    const mixed = allocsModel(t('mixed')).cards[0]!
    expect(mixed.layout.map((s) => [s.offset, s.size, s.member])).toEqual([
      [0, 8, 0],
      [8, 1, 1],
      [9, 7, null],
    ])
  })

  it('a group read from a dump (no decision) still lays out and says so', () => {
    const g = { call: 'runtime.newobject' as const, size: 8, value: 'v3', block: 'b1', members: [] }
    expect(layoutOf(g)).toEqual([{ offset: 0, size: 8, member: null }])
    const m = allocsModel({ func: 'f', arch: 'amd64', passes: [], allocs: [g] })
    expect(m.cards[0]!.why).toBe('Read from a dump: no decision recorded.')
  })
})
