// gc's value ids beside ours (ssa/gcids.ts): the shadow allocator recycles
// ids as gc's f.freeValue/f.newValue do, and on real functions the ids it
// gives are the ones gc's own dumps show after pass after pass.

import { describe, expect, it } from 'vitest'
import { Func } from '../../src-main/compiler/ssa/func'
import { gcIdsUnique, renumberPreorder } from '../../src-main/compiler/ssa/gcids'
import { T } from '../../src-main/compiler/ssa/types'
import { gcSsaDumps } from '../../src-main/gcbridge/gcssa'
import { requireGo, skipDifferential } from '../go-toolchain'
import { gcIdMismatches, oursAfter } from './gcids-compare'

describe('the shadow allocator', () => {
  it('gives freed ids back last freed first, as gc does, and leaves our ids alone', () => {
    const f = new Func('F', 'func()')
    const b = f.newBlock('Plain')
    const vs = [1, 2, 3, 4].map(() => f.newValue(b, 'Const64', T.int))
    expect(vs.map((v) => v.gcId)).toEqual([1, 2, 3, 4])
    f.gcIds.sweep(b, (v) => v === vs[1] || v === vs[2])
    b.values = [vs[0]!, vs[3]!]
    const w = f.newValue(b, 'Const64', T.int)
    const x = f.newValue(b, 'Const64', T.int)
    const y = f.newValue(b, 'Const64', T.int)
    expect([w.gcId, x.gcId, y.gcId]).toEqual([3, 2, 5])
    expect([w.id, x.id, y.id]).toEqual([5, 6, 7])
    // Freeing a value twice gives its id back once.
    f.freeValue(y)
    f.freeValue(y)
    expect(f.gcIds.freeIds).toEqual([5])
  })

  it('frees ghosts at their places in a sweep; a sweep keeping dead values frees only the Invalid ones', () => {
    const f = new Func('F', 'func()')
    const b = f.newBlock('Plain')
    const [a, c, d] = [0, 1, 2].map(() => f.newValue(b, 'Const64', T.int)) as [ReturnType<Func['newValue']>, ReturnType<Func['newValue']>, ReturnType<Func['newValue']>]
    // gc's dead Copy after a, and a value a pass removed early after c (gc only reset it to Invalid).
    f.gcIds.addGhost(b, { id: 10, after: a, invalid: false })
    const gone = f.newValue(b, 'Const64', T.int)
    b.values = [a, c, gone, d]
    f.gcIds.dropLater(b, (v) => v === gone)
    b.values = [a, c, d]
    f.gcIds.sweep(b, () => false, true)
    expect(f.gcIds.freeIds).toEqual([gone.id])
    f.gcIds.sweep(b, (v) => v === c)
    expect(f.gcIds.freeIds).toEqual([gone.id, 10, c.id])
  })

  it('numbers a rule result parent first, arguments left to right, and moves it to that order in its block', () => {
    const f = new Func('F', 'func()')
    const b = f.newBlock('Plain')
    const x = f.newValue(b, 'Arg', T.int)
    // Made children first, as our rules build: Const64, then Mul64 (Const64 x).
    const k = f.newValue(b, 'Const64', T.int)
    const m = f.newValue(b, 'Mul64', T.int, [x, k])
    renumberPreorder([k, m], [m])
    expect([m.gcId, k.gcId]).toEqual([2, 3])
    expect(b.values).toEqual([x, m, k])
    expect(gcIdsUnique(f.blocks)).toBe(true)
  })
})

/** Functions whose gc ids we follow through the whole pipeline up to the scheduler. */
const CASES: { file: string; func: string; arch: string; passes?: number }[] = [
  { file: 'testdata/ssa/compare.go', func: 'eqPt', arch: 'amd64' },
  { file: 'testdata/ssa/compare.go', func: 'eqPt', arch: 'ppc64' },
  // Phis gc's phi insertion makes and deadcode frees: their ids come back in the order of their blocks
  // (up to lowered cse: the scheduler's dump then differs in a block id, gc recycles those too).
  { file: 'testdata/ssa/compare.go', func: 'eqMixed', arch: 'amd64', passes: 7 },
  { file: 'testdata/ssa/appendstack.go', func: 'buildCap', arch: 'amd64' },
  { file: 'testdata/ssa/divmod.go', func: 'divU64', arch: 'ppc64' },
  // Stack arrays zeroed (VarDef before the address), stored through indices walk copies before the right side
  // (a[i%25] = byte(i)), read with the array's address before the index.
  { file: 'testdata/mergelocals/mixed.go', func: 'Bytes', arch: 'ppc64' },
  { file: 'testdata/mergelocals/pointers.go', func: 'Ptrs', arch: 'amd64' },
  // Range loops: walk's hn and order's copy of the slice are variables, read back through FwdRefs (gc's
  // redundant loop-header Phis); the body reads ha then takes its length for the elided bounds check;
  // where a pointer walks the elements (ppc64 here, 24-byte rows), hp is made before hv1 is read.
  { file: 'testdata/ssa/checks.go', func: 'rangeLoop', arch: 'amd64' },
  { file: 'testdata/ssa/checks.go', func: 'rangeLoop', arch: 'ppc64' },
  { file: 'testdata/ssa/constructs.go', func: 'labels', arch: 'amd64' },
  // Over a string: ha and hv1t are variables too, the if's end block is made before its branches, and
  // `hv2, hv1 = decoderune(ha, hv1)` selects the first result twice (the call expression's own is dropped).
  { file: 'testdata/ssa/strings.go', func: 'SumRunes', arch: 'amd64' },
  { file: 'testdata/ssa/strings.go', func: 'SumRunes', arch: 'ppc64' },
  // append(s, t...): walk's s, newLen and t are variables read back in the blocks the expansion makes;
  // s[:newLen] is built as ssagen's slice (s, bound, ptr, len, cap), &s[idx] takes the length.
  { file: 'testdata/ssa/appendslice.go', func: 'cat', arch: 'amd64' },
  // append(s, make([]T, n)...) (walk's extendSlice): l1, l2, s and nn are variables the same way.
  { file: 'testdata/ssa/appendslice.go', func: 'ext', arch: 'amd64' },
  { file: 'testdata/ssa/appendslice.go', func: 'extU', arch: 'ppc64' },
]
const PASSES = ['early deadcode', 'opt', 'generic cse', 'prove', 'late opt', 'lower', 'lowered cse', 'schedule']

describe.skipIf(skipDifferential)('gc ids against gc dumps', () => {
  for (const c of CASES) {
    const passes = PASSES.slice(0, c.passes ?? PASSES.length)
    it(`${c.arch} ${c.func}: every value has gc's id, op and arguments after ${passes.length} passes`, async () => {
      requireGo()
      const dumps = await gcSsaDumps(c.file, [c.func], passes, { goarch: c.arch })
      const bad: string[] = []
      for (const p of passes) {
        const d = dumps.get(c.func)?.get(p)
        if (!d) throw new Error(`no gc dump of ${c.func} after ${p}`)
        for (const m of gcIdMismatches(await oursAfter(c.file, c.func, c.arch, p), d)) bad.push(`${p}: ${m}`)
      }
      expect(bad).toEqual([])
    }, 120_000)
  }
})
