// `==` and `!=` on arrays and structs (walk's walkCompare, ssagen/compare.ts):
// gc's choice between inline comparisons and equality calls, then the
// corpus program testdata/ssa/compare.go against the real gc — -m=2 lines,
// allocation calls, merge decisions, the calls built (memequal, type:.eq.T),
// op multisets after opt and generic cse, and -S listings on both arches.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { algOf, compareInline, eqStructCost } from '../../src-main/compiler/ssagen/alg'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { arrayOf, structOf, T } from '../../src-main/compiler/ssa/types'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, expectBuiltAndListed, listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

describe('walkCompare: inline or an equality call', () => {
  const pt = structOf([{ name: 'X', type: T.int }, { name: 'Y', type: T.int }])
  const padded = structOf([{ name: 'A', type: T.int8 }, { name: 'B', type: T.int64 }])
  const blank = structOf([{ name: 'A', type: T.int32 }, { name: '_', type: T.int32 }, { name: 'B', type: T.int64 }])

  it('arrays: up to 4 simple elements or 16 bytes, or one element of anything', () => {
    expect(compareInline(arrayOf(T.int64, 4))).toBe(true)
    expect(compareInline(arrayOf(T.uint8, 16))).toBe(true)
    expect(compareInline(arrayOf(T.uint8, 17))).toBe(false)
    expect(compareInline(arrayOf(T.int64, 5))).toBe(false)
    expect(compareInline(arrayOf(T.float64, 3))).toBe(true)
    expect(compareInline(arrayOf(pt, 1))).toBe(true)
    expect(compareInline(arrayOf(pt, 2))).toBe(false)
  })

  it('structs: memory runs cost a compare per 8 bytes, at most 4 inline', () => {
    expect(eqStructCost(pt)).toBe(2)
    expect(eqStructCost(padded)).toBe(2)
    expect(eqStructCost(structOf([{ name: 'A', type: arrayOf(T.int64, 5) }]))).toBe(5)
    // A float breaks no run that starts with it: f and the memory after it are one run.
    expect(eqStructCost(structOf([{ name: 'F', type: T.float64 }, { name: 'A', type: arrayOf(T.int64, 4) }]))).toBe(5)
    expect(eqStructCost(blank)).toBe(2)
  })

  it('plain memory (memequal) against the generated type:.eq.T: floats, padding, blank fields', () => {
    expect(algOf(arrayOf(T.int64, 10))).toBe('mem')
    expect(algOf(pt)).toBe('mem')
    expect(algOf(padded)).toBe('special')
    expect(algOf(blank)).toBe('special')
    expect(algOf(arrayOf(T.float64, 3))).toBe('special')
    expect(algOf(arrayOf(T.float64, 1))).toBe('float')
    expect(algOf(structOf([{ name: 'F', type: T.float64 }]))).toBe('float')
  })
})

describe('operands walk cannot take as they are', () => {
  it('are refused where they are, not compiled wrongly', async () => {
    const text = `package p

type P struct{ x, y int }

func lit(a P) bool { return a == P{1, 2} }
func ok(a, b P) bool { return a == b }
`
    const prog = await ssaProgram('./p.go', text, { pkgPath: 'p' })
    expect(() => prog.trace('lit', 'amd64')).toThrow('./p.go:5:34: unsupported: comparison with a composite literal')
    expect(prog.trace('ok', 'amd64').passes.every((p) => p.status !== 'failed')).toBe(true)
  })
})

const FILE = join(projectRoot, 'testdata', 'ssa', 'compare.go')

/**
 * Functions whose listing is gc's on both arches. The others differ for
 * reasons outside walk: the order of compare operands and loads (gc reuses value ids in
 * expand calls; statement marks steer its scheduler), order's temporary
 * for a comparison inside a user `&&` (gc evaluates `a == b && c` as a
 * value), division by a constant, conditional moves, temporaries' numbers.
 */
// eqInner: walk's a[i] with a constant i still makes its index and length constants (ids); locals: zeroing VarDef first.
const SAME_LISTING = ['eqBytes2', 'eqInt64s', 'eqWide', 'eqFloats', 'neFloats', 'eqFlags', 'eqEmpty', 'neBig', 'neOuter', 'eqMixeds', 'fields', 'mk', 'pt', 'escaped', 'phases', 'eqInner', 'locals']

describe.skipIf(skipDifferential)('testdata/ssa/compare.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('same -m=2 lines, allocation calls and merge decisions; every function built and listed on both arches', () => {
    expectBuiltAndListed(d)
    const v = d.verdict
    // phases: the two phases' inline-compared arrays share slots, as in gc.
    expect(v.pairs.filter((p) => p.func === 'phases').every((p) => p.merged && p.sameMerge)).toBe(true)
  })

  it('listings identical to go tool compile -l -S where nothing but walk decides', () => {
    expect(listingDiffers(d.verdict).filter((f) => SAME_LISTING.includes(f))).toEqual([])
  })

  it('the calls built are gc\'s: runtime.memequal with the size, type:.eq.T, nothing for inline ones', async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours, fn).toEqual(c.gc)
    expect(calls.get('eqWide')!.ours).toEqual(['AuxCall{runtime.memequal} [24]'])
    expect(calls.get('eqBig')!.ours).toEqual(['AuxCall{type:.eq.p.Big} [16]'])
    expect(calls.get('eqMixeds')!.ours).toEqual(['AuxCall{type:.eq.[3]p.Mixed} [16]'])
    expect(calls.get('eqPt')!.ours).toEqual([])
  }, 60_000)

  it.each(['opt', 'generic cse'])('op multisets after %s equal gc\'s for every function (amd64)', async (pass) => {
    expect(await opDiffs(FILE, d.prog, pass)).toEqual([])
  }, 60_000)
})
