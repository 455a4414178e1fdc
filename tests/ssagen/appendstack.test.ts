// append's stack backing store (ssagen/appenditems.ts) and the slice pass's
// move2heap (walk/slicestack.ts) on testdata/ssa/appendstack.go against the
// real gc: the runtime calls as built (growslice, growsliceBuf, moveSlice*),
// -m=2 lines (the slice pass runs after escape analysis and prints nothing),
// op multisets after opt and lower on both arches, and listings.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

const FILE = join(projectRoot, 'testdata', 'ssa', 'appendstack.go')

describe.skipIf(skipDifferential)('testdata/ssa/appendstack.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('builds gc\'s runtime calls: growslice behind the stack array, growsliceBuf when the capacity is observed, moveSlice* before the escape', async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours.sort(), fn).toEqual(c.gc.sort())
    const names = (fn: string): string[] => [...new Set(calls.get(fn)!.ours.map((c) => c.replace(/^AuxCall\{runtime\.(\w+)\}.*$/, '$1')))].sort()
    expect(names('count')).toEqual(['growslice'])
    expect(names('build')).toEqual(['growslice', 'moveSliceNoCapNoScan'])
    expect(names('buildPtrs')).toEqual(['growslice', 'moveSliceNoCap'])
    expect(names('buildCap')).toEqual(['growsliceBuf', 'moveSliceNoScan'])
    expect(names('buildPtrsCap')).toEqual(['growsliceBuf', 'moveSlice'])
    expect(names('twoExits')).toEqual(['growslice'])
    expect(names('assigned')).toEqual(['growslice', 'moveSliceNoCapNoScan'])
  }, 60_000)

  it('the stack array: LocalAddr of struct { _ [0]uintptr; _ [K]T } zeroed, K = 32 bytes / element', () => {
    const start = (fn: string): string => JSON.stringify(d.prog.trace(fn, 'amd64', { until: 'start' }).passes[0]!.snapshot)
    expect(start('count')).toContain('*struct { _ [0]uintptr; _ [4]int }')
    expect(start('three')).toContain('*struct { _ [0]uintptr; _ [32]uint8 }')
    expect(start('bigs')).not.toContain('[0]uintptr')
  })

  it('same -m=2 lines, allocation calls and merge decisions', () => {
    const v = d.verdict
    expect(v.failures.filter((f) => f.category !== 'listing').map((f) => `${f.category}: ${f.detail}`)).toEqual([])
    expect(v.pairs.length).toBe(2 * d.prog.functions.length)
  })

  it('op multisets after opt equal gc\'s (amd64)', async () => {
    expect(await opDiffs(FILE, d.prog, 'opt')).toEqual([])
  }, 60_000)

  it.each(['amd64', 'ppc64'])('op multisets after lower equal gc\'s (%s)', async (arch) => {
    expect(await opDiffs(FILE, d.prog, 'lower', arch)).toEqual([])
  }, 60_000)

  // Still different: temporaries' numbers (gc numbers them across order, walk and ssagen) and
  // register choices that follow gc's value order in loops.
  it('listings identical to go tool compile -l -S where temporaries and loop registers do not differ', () => {
    const differ = listingDiffers(d.verdict)
    for (const fn of ['sink', 'sum', 'once', 'twoExits', 'passed']) expect(differ, fn).not.toContain(fn)
  })
})
