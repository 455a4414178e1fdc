// gc 1.26's aggregation of small heap-moved variables, on the seed example
// and the corner cases of testdata/ssa/allocs.go (expectations read off gc).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { examplesDir, projectRoot } from '../../src-main/service/paths'

async function allocs(file: string, fn: string): Promise<string[]> {
  const prog = await ssaProgram(file, readFileSync(file, 'utf8'))
  const t = prog.trace(fn, 'amd64', { until: 'start' })
  return t.allocs.map((a) => `${a.call.slice(8)} ${a.size} ${a.members.map((m) => `${m.name}@${m.offset}`).join(',')}`.trim())
}

const heapagg = join(examplesDir, 'heapagg.go')
const corner = join(projectRoot, 'testdata', 'ssa', 'allocs.go')

describe('heap allocation aggregation', () => {
  it('seed cases: locals, args and half make one mallocgc; closure two calls', async () => {
    const four = 'mallocgc 16 a@0,b@8,c@12,d@14'
    expect(await allocs(heapagg, 'locals')).toEqual([four])
    expect(await allocs(heapagg, 'args')).toEqual([four])
    expect(await allocs(heapagg, 'half')).toEqual([four])
    expect(await allocs(heapagg, 'closure')).toEqual([four, 'newobject 40'])
    expect(await allocs(heapagg, 'closure.func1')).toEqual([])
  })

  it('flushes when 16 bytes would overflow; a lone leftover keeps newobject', async () => {
    expect(await allocs(corner, 'overflow')).toEqual(['mallocgc 16 a@0,b@8', 'newobject 8 c@0'])
  })

  it('lays members out by decreasing alignment, stably', async () => {
    expect(await allocs(corner, 'reorder')).toEqual(['mallocgc 16 d@0,c@8,b@12,a@14'])
  })

  it('rounds the size up to the first member\'s alignment', async () => {
    expect(await allocs(corner, 'mixed')).toEqual(['mallocgc 16 f@0,b@8'])
  })

  it('flushes at every block end', async () => {
    expect(await allocs(corner, 'blocks')).toEqual(['newobject 4 a@0', 'newobject 4 c@0', 'newobject 4 b@0'])
  })

  it('pointerful, 16-byte and zero-sized variables are never aggregated', async () => {
    expect(await allocs(corner, 'pointers')).toEqual(['newobject 8 q@0', 'newobject 16 arr@0', 'newobject 1 s@0'])
  })

  it('the lone OffPtr becomes a Copy of the newobject result', async () => {
    const prog = await ssaProgram(corner, readFileSync(corner, 'utf8'))
    const start = prog.trace('single', 'amd64', { until: 'start' }).passes[0]!.snapshot
    const values = start.blocks.flatMap((b) => b.values)
    const call = values.find((v) => v.aux === 'AuxCall{runtime.newobject}')!
    const ptr = values.find((v) => v.op === 'SelectN' && v.args[0] === call.id && v.auxInt === '0')!
    const named = start.names.find((n) => n.name === '&x[*int32]')!
    const member = values.find((v) => v.id === named.values[0])!
    expect(member.op).toBe('Copy')
    expect(member.args).toEqual([ptr.id])
  })

  it('notes why: aggregated groups flushed at the block end, in pending order', async () => {
    const t = await trace(heapagg, 'half')
    const [g] = t.allocs
    expect(g).toMatchObject({ kind: 'aggregate', flush: { cause: 'block-end', bytes: 15 } })
    // Pending order is the order gc saw them (parameters a, c, then locals b, d); the layout sorts by alignment.
    expect(g!.members.map((m) => [m.name, m.order, m.pointers])).toEqual([
      ['a', 0, false],
      ['b', 2, false],
      ['c', 1, false],
      ['d', 3, false],
    ])
    const start = t.passes[0]!.snapshot.blocks.flatMap((b) => b.values)
    for (const m of g!.members) expect(start.find((v) => v.id === m.value)?.op).toBe('OffPtr')
  })

  it('notes why: an overflow names the variable that did not fit; a lone one keeps newobject', async () => {
    const t = await trace(corner, 'overflow')
    expect(t.allocs.map((a) => [a.kind, a.flush])).toEqual([
      ['aggregate', { cause: 'overflow', bytes: 16, next: 'c', nextSize: 8 }],
      ['lone', { cause: 'block-end', bytes: 8 }],
    ])
    const start = t.passes[0]!.snapshot.blocks.flatMap((b) => b.values)
    expect(start.find((v) => v.id === t.allocs[1]!.members[0]!.value)?.op).toBe('Copy')
  })

  it('notes why: pointerful and large variables get calls of their own; zero-sized ones none', async () => {
    const t = await trace(corner, 'pointers')
    expect(t.allocs.map((a) => [a.kind, a.type, a.members.map((m) => [m.name, m.pointers])])).toEqual([
      ['own', '*int', [['q', true]]],
      ['own', '[2]int64', [['arr', false]]],
      ['lone', 'int8', [['s', false]]],
    ])
    expect(t.zerobase?.map((z) => z.name)).toEqual(['z'])
  })

  it('an allocation that is not a moved variable is a site with its type', async () => {
    const t = await trace(heapagg, 'closure')
    expect(t.allocs.map((a) => [a.kind, a.type ?? null])).toEqual([
      ['aggregate', null],
      ['site', 'struct { F uintptr; X0 *int64; X1 *int32; X2 *int16; X3 *int8 }'],
    ])
  })
})

async function trace(file: string, fn: string) {
  const prog = await ssaProgram(file, readFileSync(file, 'utf8'))
  return prog.trace(fn, 'amd64', { until: 'start' })
}
