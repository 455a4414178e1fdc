// branchelim against the real gc on both arches: gc's function before
// branchelim (dumped after softfloat) goes through our pass and must come
// out as gc's dump after it. Inline cases need no go; the differential part
// compiles testdata/ssa/branchelim.go (triangles, diamonds, and the shapes gc
// leaves as branches) and the rest of the SSA corpus for amd64 and ppc64.

import { beforeAll, describe, expect, it } from 'vitest'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { branchelim } from '../../../src-main/compiler/ssa/passes/branchelim'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { requireGo, skipDifferential } from '../../go-toolchain'
import { diffPass, gcText, liveText, runOnDump, summary } from './cleanup-helpers'

const on = (arch: string) => (f: Func): void => branchelim(f, { arch, rules: [] })

// gc's max (testdata/ssa/branchelim.go): a triangle whose arm is empty; the
// true way arrives second at the join, so the CondSelect's arguments swap.
const MAX_BEFORE = `max func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (10) v7 = ArgIntReg <int> {a+0} [0] (a[int], x[int])
    (10) v8 = ArgIntReg <int> {b+0} [1] (b[int], x[int])
    (+10) v10 = Less64 <bool> v7 v8
    If v10 -> b3 b2
  b2: <- b1 b3
    (13) v12 = Phi <int> v7 v8 (x[int])
    (+13) v14 = MakeResult <int,mem> v12 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[int]: [v7 v8 v12]
`
const MAX_AFTER = `max func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (10) v7 = ArgIntReg <int> {a+0} [0] (a[int], x[int])
    (10) v8 = ArgIntReg <int> {b+0} [1] (b[int], x[int])
    (+10) v10 = Less64 <bool> v7 v8
    (13) v12 = CondSelect <int> v8 v7 v10 (x[int])
    (+13) v14 = MakeResult <int,mem> v12 v1
    Ret v14
name a[int]: [v7]
name b[int]: [v8]
name x[int]: [v7 v8 v12]
`

// gc's diamond: one value in each arm, both hoisted into the If block.
const DIAMOND_BEFORE = `diamond func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (32) v7 = ArgIntReg <int> {a+0} [0] (a[int])
    (32) v8 = ArgIntReg <int> {b+0} [1] (b[int])
    (?) v12 = Const64 <int> [1]
    (?) v15 = Const64 <int> [3]
    (+32) v10 = Less64 <bool> v7 v8
    If v10 -> b3 b4
  b2: <- b3 b4
    (37) v17 = Phi <int> v13 v16 (x[int])
    (+37) v19 = MakeResult <int,mem> v17 v1
    Ret v19
  b3: <- b1
    (+33) v13 = Add64 <int> v7 v12 (x[int])
    Plain -> b2
  b4: <- b1
    (+35) v16 = Mul64 <int> v8 v15 (x[int])
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[int]: [v13 v16 v17]
`
const DIAMOND_AFTER = `diamond func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (32) v7 = ArgIntReg <int> {a+0} [0] (a[int])
    (32) v8 = ArgIntReg <int> {b+0} [1] (b[int])
    (?) v12 = Const64 <int> [1]
    (?) v15 = Const64 <int> [3]
    (+32) v10 = Less64 <bool> v7 v8
    (+33) v13 = Add64 <int> v7 v12 (x[int])
    (+35) v16 = Mul64 <int> v8 v15 (x[int])
    (37) v17 = CondSelect <int> v13 v16 v10 (x[int])
    (+37) v19 = MakeResult <int,mem> v17 v1
    Ret v19
name a[int]: [v7]
name b[int]: [v8]
name x[int]: [v13 v16 v17]
`

// gc's twoPhis: two phis on a diamond cost 2 CMOVs on amd64 (not below the
// limit of 2), so it stays a branch there; ppc64 has no cost rule.
const TWO_PHIS_BEFORE = `twoPhis func(int, int) (int, int)
  b1:
    (?) v1 = InitMem <mem>
    (42) v8 = ArgIntReg <int> {a+0} [0] (a[int], x[int], y[int])
    (42) v9 = ArgIntReg <int> {b+0} [1] (b[int], x[int], y[int])
    (+42) v11 = Eq64 <bool> v8 v9
    If v11 -> b3 b4
  b2: <- b3 b4
    (47) v16 = Phi <int> v8 v9 (x[int])
    (47) v17 = Phi <int> v9 v8 (y[int])
    (+47) v19 = MakeResult <int,int,mem> v16 v17 v1
    Ret v19
  b3: <- b1
    Plain -> b2
  b4: <- b1
    Plain -> b2
name a[int]: [v8]
name b[int]: [v9]
name x[int]: [v8 v9 v16]
name y[int]: [v9 v8 v17]
`
const TWO_PHIS_AFTER_PPC64 = `twoPhis func(int, int) (int, int)
  b1:
    (?) v1 = InitMem <mem>
    (42) v8 = ArgIntReg <int> {a+0} [0] (a[int], x[int], y[int])
    (42) v9 = ArgIntReg <int> {b+0} [1] (b[int], x[int], y[int])
    (+42) v11 = Eq64 <bool> v8 v9
    (47) v16 = CondSelect <int> v8 v9 v11 (x[int])
    (47) v17 = CondSelect <int> v9 v8 v11 (y[int])
    (+47) v19 = MakeResult <int,int,mem> v16 v17 v1
    Ret v19
name a[int]: [v8]
name b[int]: [v9]
name x[int]: [v8 v9 v16]
name y[int]: [v9 v8 v17]
`

describe('branchelim', () => {
  it('turns a triangle into a CondSelect, arguments in the If\'s order', () => {
    for (const arch of ['amd64', 'ppc64']) {
      const { ours, want } = runOnDump(MAX_BEFORE, on(arch), MAX_AFTER)
      expect(ours, arch).toBe(want)
    }
  })

  it('turns a diamond into a CondSelect and moves both arms into the If block', () => {
    const { ours, want } = runOnDump(DIAMOND_BEFORE, on('amd64'), DIAMOND_AFTER)
    expect(ours).toBe(want)
  })

  it('applies amd64\'s cost rule to diamonds, not ppc64\'s', () => {
    const amd64 = runOnDump(TWO_PHIS_BEFORE, on('amd64'), TWO_PHIS_BEFORE)
    expect(amd64.ours).toBe(amd64.want)
    const ppc64 = runOnDump(TWO_PHIS_BEFORE, on('ppc64'), TWO_PHIS_AFTER_PPC64)
    expect(ppc64.ours).toBe(ppc64.want)
  })

  it('does nothing on an architecture without conditional moves', () => {
    const f = funcFromDump(MAX_BEFORE)
    const before = liveText(f)
    on('386')(f)
    expect(liveText(f)).toBe(before)
  })

  // Block positions are not in dumps: these set them by hand, as gc's construction would.
  describe('keeps the statement marks of the blocks it removes', () => {
    const triangle = (mark: string): Func => {
      const f = funcFromDump(MAX_BEFORE.replace('(+13) v14', `(${mark}13) v14`))
      const [b1, b2, b3] = f.blocks
      b1!.pos = { line: 10, col: 2, stmt: '' }
      b2!.pos = { line: 13, col: 2, stmt: '+' }
      b3!.pos = { line: 11, col: 3, stmt: '' }
      return f
    }
    const pos = (f: Func, ref: string) => f.blocks.flatMap((b) => b.values).find((v) => v.ref === ref)!.pos

    it('a value of the join already marked on that line: nothing to do', () => {
      const f = triangle('+')
      on('amd64')(f)
      expect([pos(f, 'v12').stmt, pos(f, 'v14').stmt, f.entry.pos.line]).toEqual(['', '+', 10])
    })

    it('else the first value of that line that is not a poor statement (the CondSelect)', () => {
      const f = triangle('')
      on('amd64')(f)
      expect([pos(f, 'v12').stmt, pos(f, 'v14').stmt, f.entry.pos.line]).toEqual(['+', '', 10])
    })

    it('else the If block\'s end, when it is not a statement itself', () => {
      const f = triangle('')
      f.blocks[1]!.pos = { line: 14, col: 2, stmt: '+' }
      on('amd64')(f)
      expect([pos(f, 'v12').stmt, pos(f, 'v14').stmt, f.entry.pos]).toEqual(['', '', { line: 14, col: 2, stmt: '+' }])
    })
  })

  it('leaves a branch marked likely alone', () => {
    const { ours, want } = runOnDump(MAX_BEFORE.replace('If v10 -> b3 b2', 'If v10 -> b3 b2 (likely)'), on('amd64'), MAX_BEFORE.replace('If v10 -> b3 b2', 'If v10 -> b3 b2 (likely)'))
    expect(ours).toBe(want)
  })
})

const ARCHES = ['amd64', 'ppc64']
const FILES = ['testdata/ssa/branchelim.go', 'testdata/ssa/cleanup.go', 'testdata/ssa/opt.go', 'testdata/ssa/opt_widths.go', 'testdata/ssa/wide.go', 'testdata/ssa/checks.go', 'testdata/ssa/sccp.go']

/** Functions whose text may differ, and why. */
const TEXT_MAY_DIFFER: Record<string, string> = { loops: 'reading a dump back merges repeated name entries' }

/** The functions of branchelim.go gc converts, per arch (amd64: no byte CMOV, and twoPhis costs too much). */
const CONVERTED = 'abs boolCond countIf diamond floatCond floatEq maxLoop max narrow16 narrow32 ptrSel sum3 twoPhisTriangle umin'
const CONVERTED_BY_ARCH: Record<string, string> = { amd64: CONVERTED, ppc64: `${CONVERTED} byteSel twoPhis` }

describe.skipIf(skipDifferential)('branchelim against gc on the SSA corpus', () => {
  const dumps = new Map<string, GcSsaDumps>()
  beforeAll(async () => {
    requireGo()
    for (const arch of ARCHES) for (const f of FILES) dumps.set(`${arch} ${f}`, await gcSsaDumps(f, 'all', ['softfloat', 'branchelim'], { goarch: arch }))
  }, 300_000)

  for (const arch of ARCHES) {
    for (const file of FILES) {
      it(`${arch}: ${file}`, () => {
        const r = diffPass(dumps.get(`${arch} ${file}`)!, 'branchelim', on(arch))
        expect(r.failures).toEqual([])
        expect(r.skipped).toEqual([])
        expect(r.funcs, summary(file, r)).toBeGreaterThanOrEqual(14)
        expect(r.mismatches.map((m) => `${m.func}\n--- ours\n${m.ours}\n--- gc\n${m.gc}`)).toEqual([])
        const unexpected = r.textDiffs.filter((d) => !TEXT_MAY_DIFFER[d.func])
        expect(unexpected.map((d) => `${d.func}\n--- ours\n${d.ours}\n--- gc\n${d.gc}`)).toEqual([])
      })
    }

    it(`${arch}: branchelim.go exercises the pass where gc does`, () => {
      const changed = [...dumps.get(`${arch} testdata/ssa/branchelim.go`)!].filter(([, p]) => gcText(p.get('softfloat')!) !== gcText(p.get('branchelim')!)).map(([f]) => f)
      expect(changed.sort()).toEqual(CONVERTED_BY_ARCH[arch]!.split(' ').sort())
    })
  }
})
