// sccp against the real gc: gc's function before sccp (dumped after dead
// auto elim) goes through our sccp and must come out as gc's dump after
// sccp. Inline cases need no go; the differential part compiles
// testdata/ssa/sccp.go (loops whose phis only sccp can fold) and the rest of
// the SSA corpus.

import { beforeAll, describe, expect, it } from 'vitest'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { sccp } from '../../../src-main/compiler/ssa/passes/sccp'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { requireGo, skipDifferential } from '../../go-toolchain'
import { diffPass, gcText, runOnDump, summary, valueOrderFree } from './cleanup-helpers'

const run = (f: Func): void => sccp(f, { arch: 'amd64', rules: [] })

// gc's deadArm (testdata/ssa/sccp.go): x is 1 on every way round the loop, so
// x == 1 is true, the else arm (b8) becomes unreachable and its phi argument goes.
const DEAD_ARM_BEFORE = `deadArm func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (+5) v6 = ArgIntReg <int> {n+0} [0] (n[int])
    (?) v7 = Const64 <int> [0] (i[int])
    (?) v8 = Const64 <int> [1] (x[int])
    (?) v14 = Const64 <int> [3] (x[int])
    Plain -> b2
  b2: <- b1 b4
    (5) v9 = Phi <int> v7 v18 (i[int])
    (5) v10 = Phi <int> v6 v27 (n[int])
    (5) v24 = Phi <int> v8 v25 (x[int])
    (+5) v11 = Less64 <bool> v9 v10
    If v11 -> b3 b5 (likely)
  b3: <- b2
    (+6) v13 = Eq64 <bool> v24 v8
    If v13 -> b7 b8
  b4: <- b7 b8
    (?) v25 = Phi <int> v8 v14 (x[int])
    (?) v27 = Phi <int> v10 v16 (n[int])
    (+5) v18 = Add64 <int> v9 v8 (i[int])
    Plain -> b2
  b5: <- b2
    (+13) v21 = MakeResult <int,mem> v24 v1
    Ret v21
  b7: <- b3
    Plain -> b4
  b8: <- b3
    (+10) v16 = Add64 <int> v10 v8 (n[int])
    Plain -> b4
name n[int]: [v6 v10 v16 v27]
name x[int]: [v8 v24 v14 v25]
name i[int]: [v7 v9 v18]
`
const DEAD_ARM_AFTER = `deadArm func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (+5) v6 = ArgIntReg <int> {n+0} [0] (n[int])
    (?) v7 = Const64 <int> [0] (i[int])
    (?) v8 = Const64 <int> [1] (x[int])
    Plain -> b2
  b2: <- b1 b4
    (5) v9 = Phi <int> v7 v18 (i[int])
    (5) v10 = Phi <int> v6 v27 (n[int])
    (5) v24 = Const64 <int> [1] (x[int])
    (+5) v11 = Less64 <bool> v9 v10
    If v11 -> b3 b5 (likely)
  b3: <- b2
    Plain -> b7
  b4: <- b7 b8
    (?) v27 = Phi <int> v10 v16 (n[int])
    (+5) v18 = Add64 <int> v9 v8 (i[int])
    Plain -> b2
  b5: <- b2
    (+13) v21 = MakeResult <int,mem> v24 v1
    Ret v21
  b7: <- b3
    Plain -> b4
name n[int]: [v6 v10 v16 v27]
name x[int]: [v8 v24 v14 v25]
name i[int]: [v7 v9 v18]
`

// gc's divZero: a and d swap constants through the loop; a / 3 (already
// strength-reduced by divmod) and a % (d + 1) fold, the division by a
// constant zero check does not (Neq64 is not an op sccp evaluates).
const DIV_ZERO_BEFORE = `divZero func(int) (int, int)
  b1:
    (?) v1 = InitMem <mem>
    (+18) v7 = ArgIntReg <int> {n+0} [0] (n[int])
    (?) v8 = Const64 <int> [0] (d[int], i[int])
    (?) v9 = Const64 <int> [10] (a[int])
    (?) v18 = Const64 <int> [1]
    (21) v26 = Const64 <int> [-1]
    (+19) v28 = Const64 <int> [-10]
    Plain -> b2
  b2: <- b1 b4
    (18) v10 = Phi <int> v8 v19 (i[int])
    (18) v34 = Phi <int> v8 v14 (d[int])
    (18) v35 = Phi <int> v9 v16 (a[int])
    (+18) v12 = Less64 <bool> v10 v7
    If v12 -> b4 b5 (likely)
  b4: <- b2
    (+19) v14 = Add64 <int> v28 v35 (d[int])
    (19) v16 = Add64 <int> v9 v34 (a[int])
    (+18) v19 = Add64 <int> v18 v10 (i[int])
    Plain -> b2
  b5: <- b2
    (21) v24 = Add64 <int> v34 v18
    (21) v25 = Neq64 <bool> v26 v34
    (+21) v20 = Const64 <uint64> [-6148914691236517205]
    (+21) v17 = Const64 <uint64> [1]
    (+21) v13 = Const64 <uint64> [63]
    (+21) v23 = Hmul64 <int> v35 v20
    (+21) v15 = Rsh64x64 <int> [true] v35 v13
    (+21) v30 = Add64 <int> v35 v23
    (+21) v31 = Rsh64x64 <int> [true] v30 v17
    (+21) v22 = Sub64 <int> v31 v15
    If v25 -> b6 b7 (likely)
  b6: <- b5
    (21) v29 = Mod64 <int> [false] v35 v24
    (21) v32 = MakeResult <int,int,mem> v22 v29 v1
    Ret v32
  b7: <- b5
    (21) v27 = StaticCall <mem> {AuxCall{runtime.panicdivide}} v1
    Exit v27
name n[int]: [v7]
name a[int]: [v9 v35 v16]
name d[int]: [v8 v34 v14]
name i[int]: [v8 v10 v19]
`
const DIV_ZERO_AFTER = `divZero func(int) (int, int)
  b1:
    (?) v1 = InitMem <mem>
    (+18) v7 = ArgIntReg <int> {n+0} [0] (n[int])
    (?) v8 = Const64 <int> [0] (d[int], i[int])
    (?) v18 = Const64 <int> [1]
    (21) v26 = Const64 <int> [-1]
    Plain -> b2
  b2: <- b1 b4
    (18) v10 = Phi <int> v8 v19 (i[int])
    (18) v34 = Const64 <int> [0] (d[int])
    (18) v35 = Const64 <int> [10] (a[int])
    (+18) v12 = Less64 <bool> v10 v7
    If v12 -> b4 b5 (likely)
  b4: <- b2
    (+18) v19 = Add64 <int> v18 v10 (i[int])
    Plain -> b2
  b5: <- b2
    (21) v25 = Neq64 <bool> v26 v34
    (+21) v20 = Const64 <uint64> [-6148914691236517205]
    (+21) v17 = Const64 <uint64> [1]
    (+21) v15 = Const64 <int> [0]
    (+21) v23 = Hmul64 <int> v35 v20
    (+21) v30 = Add64 <int> v35 v23
    (+21) v31 = Rsh64x64 <int> [true] v30 v17
    (+21) v22 = Sub64 <int> v31 v15
    If v25 -> b6 b7 (likely)
  b6: <- b5
    (21) v29 = Const64 <int> [0]
    (21) v32 = MakeResult <int,int,mem> v22 v29 v1
    Ret v32
  b7: <- b5
    (21) v27 = StaticCall <mem> {AuxCall{runtime.panicdivide}} v1
    Exit v27
name n[int]: [v7]
name a[int]: [v9 v35 v16]
name d[int]: [v8 v34 v14]
name i[int]: [v8 v10 v19]
`

describe('sccp', () => {
  it('folds a constant loop phi and removes the branch it decides', () => {
    const { ours, want } = runOnDump(DEAD_ARM_BEFORE, run, DEAD_ARM_AFTER)
    expect(ours).toBe(want)
  })

  it('folds arithmetic on constants found through phis, but not what the rules refuse', () => {
    const { ours, want } = runOnDump(DIV_ZERO_BEFORE, run, DIV_ZERO_AFTER)
    // gc's printer puts v15, now a constant, before the values it no longer depends on.
    expect(valueOrderFree(ours)).toBe(valueOrderFree(want))
  })

  it('leaves no scratch values behind', () => {
    const { f } = runOnDump(DIV_ZERO_BEFORE, run, DIV_ZERO_AFTER)
    const before = new Set([...DIV_ZERO_BEFORE.matchAll(/ (v\d+) = /g)].map((m) => m[1]!))
    // The scratch constants gc leaves in the entry for deadcode are not kept.
    expect(f.numValues).toBeGreaterThan(36)
    expect(f.blocks.flatMap((b) => b.values.map((v) => v.ref)).filter((id) => !before.has(id))).toEqual([])
  })

  it('keeps a division by a constant zero as it is', () => {
    const f = funcFromDump(`dz func() int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Const64 <int> [7]
    (?) v3 = Const64 <int> [0]
    Plain -> b2
  b2: <- b1
    (3) v4 = Div64 <int> [false] v2 v3
    (+3) v5 = MakeResult <int,mem> v4 v1
    Ret v5
`)
    run(f)
    checkFunc(f)
    expect(f.blocks[1]!.values.map((v) => v.op)).toEqual(['Div64', 'MakeResult'])
  })

  it('keeps only the taken edge of a jump table on a constant', () => {
    const f = funcFromDump(`jt func() int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Const64 <int> [1]
    (?) v3 = Phi <int> v2
    JumpTable v3 -> b2 b3 b4
  b2: <- b1
    (+3) v4 = MakeResult <int,mem> v2 v1
    Ret v4
  b3: <- b1
    (+4) v5 = MakeResult <int,mem> v2 v1
    Ret v5
  b4: <- b1
    (+5) v6 = MakeResult <int,mem> v2 v1
    Ret v6
`)
    run(f)
    checkFunc(f)
    const b1 = f.blocks[0]!
    expect([b1.kind, b1.succs.map(String)]).toEqual(['Plain', ['b3']])
    expect(f.blocks.filter((b) => b.preds.length > 0).map(String)).toEqual(['b3'])
  })
})

const FILES = ['testdata/ssa/sccp.go', 'testdata/ssa/cleanup.go', 'testdata/ssa/opt.go', 'testdata/ssa/opt_widths.go', 'testdata/ssa/wide.go', 'testdata/ssa/checks.go']

/** Functions whose text may differ, and why. */
const NAMES = 'reading a dump back merges repeated name entries'
const TEXT_MAY_DIFFER: Record<string, string> = { loops: NAMES }

describe.skipIf(skipDifferential)('sccp against gc on the SSA corpus', () => {
  const dumps = new Map<string, GcSsaDumps>()
  beforeAll(async () => {
    requireGo()
    for (const f of FILES) dumps.set(f, await gcSsaDumps(f, 'all', ['dead auto elim', 'sccp']))
  }, 300_000)

  for (const file of FILES) {
    it(file, () => {
      const r = diffPass(dumps.get(file)!, 'sccp', run)
      expect(r.failures).toEqual([])
      expect(r.skipped).toEqual([])
      expect(r.funcs, summary(file, r)).toBeGreaterThanOrEqual(14)
      expect(r.mismatches.map((m) => `${m.func}\n--- ours\n${m.ours}\n--- gc\n${m.gc}`)).toEqual([])
      const unexpected = r.textDiffs.filter((d) => !TEXT_MAY_DIFFER[d.func])
      expect(unexpected.map((d) => `${d.func}\n--- ours\n${d.ours}\n--- gc\n${d.gc}`)).toEqual([])
    })
  }

  it('sccp.go exercises the pass: gc changes most of its functions', () => {
    const changed = [...dumps.get('testdata/ssa/sccp.go')!].filter(([, p]) => gcText(p.get('dead auto elim')!) !== gcText(p.get('sccp')!)).map(([f]) => f)
    expect(changed.length, changed.join(' ')).toBeGreaterThanOrEqual(9)
  })
})
