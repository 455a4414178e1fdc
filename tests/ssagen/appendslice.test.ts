// append(s, t...) (walk's appendSlice and extendSlice, ssagen/appendslice.ts) on
// testdata/ssa/appendslice.go against the real gc: walk's growslice and
// then memmove or typedslicecopy as built, -m=2 lines, allocation calls,
// merge decisions, op multisets after opt and lower on both arches.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

const FILE = join(projectRoot, 'testdata', 'ssa', 'appendslice.go')

describe.skipIf(skipDifferential)('testdata/ssa/appendslice.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('walk\'s growslice (the arguments\' width), then memmove, or typedslicecopy for pointers', async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours, fn).toEqual(c.gc)
    // Sorted: in block order the copy's join block comes before growslice's.
    expect(calls.get('cat')!.ours.sort()).toEqual(['AuxCall{runtime.growslice} [40]', 'AuxCall{runtime.memmove} [24]'])
    expect(calls.get('catP')!.ours.sort()).toEqual(['AuxCall{runtime.growslice} [40]', 'AuxCall{runtime.typedslicecopy} [40]'])
    expect(calls.get('catT')!.ours.sort()).toEqual(['AuxCall{runtime.growslice} [40]', 'AuxCall{runtime.typedslicecopy} [40]'])
  }, 60_000)

  it('append(s, make([]T, n)...) makes no slice: growslice, then memclr (inside the reslice branch for pointers)', async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    const panic = 'AuxCall{runtime.panicmakeslicelen}'
    expect(calls.get('ext')!.ours.sort()).toEqual(['AuxCall{runtime.growslice} [40]', 'AuxCall{runtime.memclrNoHeapPointers} [16]', panic].sort())
    expect(calls.get('extP')!.ours.sort()).toEqual(['AuxCall{runtime.growslice} [40]', 'AuxCall{runtime.memclrHasPointers} [16]', panic].sort())
    expect(calls.get('ext4')!.ours).not.toContain('AuxCall{runtime.makeslice} [24]')
    // The make is still analysed by escape analysis (does not escape): no allocation of its own.
    expect(d.verdict.failures.filter((f) => f.category === 'escape' || f.category === 'alloc')).toEqual([])
  }, 60_000)

  it('listings identical to go tool compile -l -S where temporaries do not differ', () => {
    expect(d.verdict.pairs.filter((p) => p.func === 'ext4' && !p.sameListing).map((p) => p.arch)).toEqual([])
  })

  // Listings still differ where regalloc spills the slice words and in temporaries' numbers and slots.
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
})
