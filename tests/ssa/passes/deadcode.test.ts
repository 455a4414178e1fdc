import { describe, expect, it } from 'vitest'
import { deadcode, removeEdge } from '../../../src-main/compiler/ssa/passes/deadcode'
import { GENERIC_PASSES } from '../../../src-main/compiler/ssa/passes'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import { runOnDump } from './cleanup-helpers'

// gc's andor after early phielim and copyelim, and after early deadcode.
const ANDOR_COPYELIM = `andor func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-6) v7 = Arg <int> {a} (a[int])
    (-6) v8 = Arg <int> {b} (b[int])
    (+7) v10 = Less64 <bool> v7 v8
    (?) v12 = Const64 <int> [3]
    (?) v16 = Const64 <int> [0]
    If v10 -> b3 b2
  b2: <- b1 b3
    (7) v14 = Phi <bool> v10 v13
    (-7) v21 = Copy <int> v7 (a[int])
    (-7) v22 = Copy <mem> v1
    If v14 -> b4 b5
  b3: <- b1
    (-7) v11 = Copy <int> v8 (b[int])
    (7) v13 = Less64 <bool> v12 v8
    Plain -> b2
  b4: <- b2 b5
    (7) v18 = Phi <bool> v14 v17
    (-7) v19 = Copy <mem> v1
    (7) v20 = MakeResult <bool,mem> v18 v1
    Ret v20
  b5: <- b2
    (-7) v15 = Copy <int> v7 (a[int])
    (7) v17 = Eq64 <bool> v7 v16
    Plain -> b4
name a[int]: [v7 v7 v7]
name b[int]: [v8 v8]
`
const ANDOR_DEADCODE = `andor func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-6) v7 = Arg <int> {a} (a[int])
    (-6) v8 = Arg <int> {b} (b[int])
    (+7) v10 = Less64 <bool> v7 v8
    (?) v12 = Const64 <int> [3]
    (?) v16 = Const64 <int> [0]
    If v10 -> b3 b2
  b2: <- b1 b3
    (7) v14 = Phi <bool> v10 v13
    If v14 -> b4 b5
  b3: <- b1
    (7) v13 = Less64 <bool> v12 v8
    Plain -> b2
  b4: <- b2 b5
    (7) v18 = Phi <bool> v14 v17
    (7) v20 = MakeResult <bool,mem> v18 v1
    Ret v20
  b5: <- b2
    (7) v17 = Eq64 <bool> v7 v16
    Plain -> b4
name a[int]: [v7]
name b[int]: [v8]
`

describe('deadcode', () => {
  it('removes dead copies and collapses duplicate names as gc does (andor, early deadcode)', () => {
    const { ours, want, f } = runOnDump(ANDOR_COPYELIM, deadcode, ANDOR_DEADCODE)
    expect(ours).toBe(want)
    // Dead values are gone from the blocks, not just unprinted.
    expect(f.blocks.flatMap((b) => b.values).some((v) => v.op === 'Copy')).toBe(false)
  })

  it('cuts edges from unreachable blocks with gc\'s edge order (last pred moves into the hole)', () => {
    const before = `f func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <int> {x} (x[int])
    (?) v3 = Const64 <int> [1]
    (?) v4 = Const64 <int> [2]
    (?) v5 = Const64 <int> [3]
    (4) v6 = Less64 <bool> v2 v3
    If v6 -> b3 b4
  b2:
    (5) v9 = Neg64 <int> v2
    Plain -> b5
  b3: <- b1
    Plain -> b5
  b4: <- b1
    Plain -> b5
  b5: <- b2 b3 b4
    (6) v7 = Phi <int> v9 v4 v5 (y[int])
    (+7) v8 = MakeResult <int,mem> v7 v1
    Ret v8
name x[int]: [v2]
name y[int]: [v7 v9]
`
    const after = `f func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <int> {x} (x[int])
    (?) v3 = Const64 <int> [1]
    (?) v4 = Const64 <int> [2]
    (?) v5 = Const64 <int> [3]
    (4) v6 = Less64 <bool> v2 v3
    If v6 -> b3 b4
  b3: <- b1
    Plain -> b5
  b4: <- b1
    Plain -> b5
  b5: <- b4 b3
    (6) v7 = Phi <int> v5 v4 (y[int])
    (+7) v8 = MakeResult <int,mem> v7 v1
    Ret v8
name x[int]: [v2]
name y[int]: [v7]
`
    const { ours, want, f } = runOnDump(before, deadcode, after)
    expect(ours).toBe(want)
    expect(f.blocks.map((b) => b.ref)).toEqual(['b1', 'b3', 'b4', 'b5'])
  })

  it('turns a reachable First block Plain and drops what only its second successor needed', () => {
    const before = `h func() int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Const64 <int> [7]
    (?) v4 = Const64 <int> [0]
    First -> b2 b3 (likely)
  b2: <- b1
    (+3) v3 = MakeResult <int,mem> v2 v1
    Ret v3
  b3: <- b1
    (+4) v5 = PanicBounds <mem> [0] v4 v4 v1
    Exit v5
`
    const f = funcFromDump(before)
    deadcode(f)
    checkFunc(f)
    expect(f.entry.kind).toBe('Plain')
    expect(f.entry.likely).toBe(0)
    expect(f.blocks.map((b) => b.ref)).toEqual(['b1', 'b2'])
    expect(f.entry.values.map((v) => v.ref)).toEqual(['v1', 'v2'])
  })

  it('keeps unused calls, side effects and nil checks; drops what only dead values use; moves statement marks', () => {
    const before = `g func(*int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <*int> {p} (p[*int])
    (+4) v3 = Load <int> v2 v1 (y[int])
    (4) v4 = Add64 <int> v3 v3 (z[int])
    (5) v5 = Mul64 <int> v4 v4
    (5) v6 = NilCheck <*int> v2 v1
    (+6) v9 = Neg64 <int> v5
    (6) v7 = Load <int> v2 v1
    (6) v8 = MakeResult <int,mem> v7 v1
    Ret v8
name p[*int]: [v2]
name y[int]: [v3]
name z[int]: [v4]
`
    const after = `g func(*int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <*int> {p} (p[*int])
    (5) v6 = NilCheck <*int> v2 v1
    (+6) v7 = Load <int> v2 v1
    (6) v8 = MakeResult <int,mem> v7 v1
    Ret v8
name p[*int]: [v2]
`
    const { ours, want } = runOnDump(before, deadcode, after)
    expect(ours).toBe(want)
  })

  it('removeEdge keeps phi arguments aligned and turns a one-argument phi into a Copy', () => {
    const f = funcFromDump(`e func(bool, int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <bool> {c} (c[bool])
    (-3) v3 = Arg <int> {x} (x[int])
    (-3) v4 = Arg <int> {y} (y[int])
    If v2 -> b2 b3
  b2: <- b1
    Plain -> b3
  b3: <- b1 b2
    (4) v5 = Phi <int> v3 v4
    (+5) v6 = MakeResult <int,mem> v5 v1
    Ret v6
`)
    const b1 = f.entry
    removeEdge(b1, 1)
    const b3 = f.blocks[2]!
    expect(b3.preds.map((b) => b.ref)).toEqual(['b2'])
    const phi = b3.values[0]!
    expect(phi.op).toBe('Copy')
    expect(phi.args.map((a) => a.ref)).toEqual(['v4'])
    expect(f.blocks[0]!.values[2]!.uses).toBe(0)
  })

  it('is the pass behind every generic deadcode entry', () => {
    for (const name of ['early deadcode', 'pre-opt deadcode', 'opt deadcode', 'gcse deadcode', 'generic deadcode']) {
      expect(GENERIC_PASSES.find((p) => p.name === name)?.run).toBe(deadcode)
    }
  })
})
