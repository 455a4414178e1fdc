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
})
