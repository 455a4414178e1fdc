// make+copy pairs (order's orderMakeSliceCopy, walk's walkMakeSliceCopy;
// ssagen/makecopy.ts) on testdata/ssa/makecopy.go against the real gc: the
// calls built, -m=2 lines, allocation calls, merge decisions, op multisets
// after opt and lower, and -S listings.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

const FILE = join(projectRoot, 'testdata', 'ssa', 'makecopy.go')

describe.skipIf(skipDifferential)('testdata/ssa/makecopy.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('an escaping make followed by its copy is one makeslicecopy, or mallocgc+memmove when bounded and pointer-free', async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours, fn).toEqual(c.gc)
    const msc = ['AuxCall{runtime.makeslicecopy} [32]']
    const bounded = ['AuxCall{runtime.mallocgc} [24]', 'AuxCall{runtime.memmove} [24]']
    expect(calls.get('dup')!.ours).toEqual(bounded)
    expect(calls.get('dupVar')!.ours).toEqual(bounded)
    expect(calls.get('dupN')!.ours).toEqual(msc)
    expect(calls.get('dupPtrs')!.ours).toEqual(msc)
    expect(calls.get('narrow')!.ours).toEqual(msc)
    // A make and a copy of their own: makeslice, then memmove behind copy's checks.
    for (const fn of ['between', 'withCap', 'counted']) expect(calls.get(fn)!.ours[0], fn).toBe('AuxCall{runtime.makeslice} [24]')
  }, 60_000)

  it('same -m=2 lines, allocation calls and merge decisions', () => {
    const v = d.verdict
    expect(v.failures.filter((f) => f.category !== 'listing').map((f) => `${f.category}: ${f.detail}`)).toEqual([])
    expect(v.pairs.length).toBe(2 * d.prog.functions.length)
  })

  // The others differ in where regalloc spills the parameter's words, and in temporaries' numbers.
  it('listings identical to go tool compile -l -S for the rewritten pairs', () => {
    expect(listingDiffers(d.verdict).filter((f) => ['dupN', 'dupPtrs', 'narrow'].includes(f))).toEqual([])
  })

  // noEscape: gc's stack buffer for a non-constant make that stays (makeSliceStack) has two results more.
  it('op multisets after opt equal gc\'s (amd64)', async () => {
    expect(await opDiffs(FILE, d.prog, 'opt')).toEqual(['noEscape: SelectN-2 LocalAddr-1'])
  }, 60_000)

  it.each(['amd64', 'ppc64'])('op multisets after lower equal gc\'s (%s)', async (arch) => {
    expect(await opDiffs(FILE, d.prog, 'lower', arch)).toEqual([])
  }, 60_000)
})
