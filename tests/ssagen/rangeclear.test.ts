// Clearing loops (walk's arrayRangeClear, ssagen/rangeclear.ts) on
// testdata/ssa/rangeclear.go against the real gc: the memclr calls built,
// -m=2 lines, allocation calls, merge decisions, op multisets after opt and
// lower, and -S listings on amd64 and ppc64.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

const FILE = join(projectRoot, 'testdata', 'ssa', 'rangeclear.go')

describe.skipIf(skipDifferential)('testdata/ssa/rangeclear.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('a clear is one memclr call, by whether the element holds pointers; the other loops stay loops', async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours, fn).toEqual(c.gc)
    const clr = (p: boolean) => [`AuxCall{runtime.${p ? 'memclrHasPointers' : 'memclrNoHeapPointers'}} [16]`]
    expect(calls.get('clrSlice')!.ours).toEqual(clr(false))
    expect(calls.get('clrPtrs')!.ours).toEqual(clr(true))
    expect(calls.get('clrStructs')!.ours).toEqual(clr(true))
    expect(calls.get('clrInt')!.ours).toEqual(clr(false))
    expect(calls.get('(*H).reset')!.ours).toEqual(clr(false))
    expect(calls.get('notClear')!.ours).toEqual([])
  }, 60_000)

  it('same -m=2 lines, allocation calls and merge decisions; listings identical on both arches', () => {
    const v = d.verdict
    expect(v.failures.filter((f) => f.category !== 'listing').map((f) => `${f.category}: ${f.detail}`)).toEqual([])
    expect(v.pairs.length).toBe(2 * d.prog.functions.length)
    expect(listingDiffers(v)).toEqual([])
  })

  // clrOne: gc builds `a := [1]int{x}` in place (walk meets the clear, which takes a's address, after it): a zero store more.
  it('op multisets after opt equal gc\'s (amd64)', async () => {
    expect(await opDiffs(FILE, d.prog, 'opt')).toEqual(['clrOne: LocalAddr-1 Store-1 OffPtr-1 Const64-1'])
  }, 60_000)

  it.each(['amd64', 'ppc64'])('op multisets after lower equal gc\'s (%s)', async (arch) => {
    expect(await opDiffs(FILE, d.prog, 'lower', arch)).toEqual([])
  }, 60_000)
})
