import { describe, expect, it } from 'vitest'
import { copyelim } from '../../../src-main/compiler/ssa/passes/copyelim'
import { Func } from '../../../src-main/compiler/ssa/func'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import { structOf, T } from '../../../src-main/compiler/ssa/types'
import { runOnDump } from './cleanup-helpers'

// gc's andor as built (after number lines) and after early phielim and copyelim.
const ANDOR_LINES = `andor func(int, int) bool
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
    (7) v13 = Less64 <bool> v12 v11
    Plain -> b2
  b4: <- b2 b5
    (7) v18 = Phi <bool> v14 v17
    (-7) v19 = Copy <mem> v22
    (7) v20 = MakeResult <bool,mem> v18 v19
    Ret v20
  b5: <- b2
    (-7) v15 = Copy <int> v21 (a[int])
    (7) v17 = Eq64 <bool> v15 v16
    Plain -> b4
name a[int]: [v7 v15 v21]
name b[int]: [v8 v11]
`
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
name a[int]: [v7 v7 v7]
name b[int]: [v8 v8]
`

describe('early phielim and copyelim', () => {
  it('bypasses copies in args and names, keeping duplicate name entries as gc prints them (andor)', () => {
    const { ours, want, f } = runOnDump(ANDOR_LINES, copyelim, ANDOR_COPYELIM)
    expect(ours).toBe(want)
    // The copies stay (dead) until deadcode, as in gc.
    expect(f.blocks.flatMap((b) => b.values).filter((v) => v.op === 'Copy').length).toBe(5)
  })

  it('turns phis of one value (or of themselves) into copies, repeatedly', () => {
    const before = `loop func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <int> {x} (x[int])
    Plain -> b2
  b2: <- b1 b3
    (4) v3 = Phi <int> v2 v4
    (4) v5 = Phi <mem> v1 v5
    (4) v6 = Less64 <bool> v3 v2
    If v6 -> b3 b4
  b3: <- b2
    (5) v4 = Copy <int> v3
    Plain -> b2
  b4: <- b2
    (+6) v7 = MakeResult <int,mem> v3 v5
    Ret v7
name x[int]: [v2]
`
    const after = `loop func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <int> {x} (x[int])
    Plain -> b2
  b2: <- b1 b3
    (4) v6 = Less64 <bool> v2 v2
    If v6 -> b3 b4
  b3: <- b2
    Plain -> b2
  b4: <- b2
    (+6) v7 = MakeResult <int,mem> v2 v1
    Ret v7
name x[int]: [v2]
`
    const { ours, want, f } = runOnDump(before, copyelim, after)
    expect(ours).toBe(want)
    expect(f.blocks[1]!.values.find((v) => v.ref === 'v3')!.op).toBe('Copy')
  })

  it('replaces a Copy control by its source', () => {
    const f = new Func('c', 'func(bool)')
    const b = f.newBlock('If')
    f.entry = b
    const t = f.newBlock('Ret')
    const mem = f.newValue(b, 'InitMem', T.mem)
    const arg = f.newValue(b, 'Arg', T.bool, [], 0n, { kind: 'sym', name: 'c' })
    const cp = f.newValue(b, 'Copy', T.bool, [arg])
    b.setControl(cp)
    b.addEdgeTo(t)
    b.addEdgeTo(t)
    t.setControl(f.newValue(t, 'MakeResult', T.mem, [mem]))
    copyelim(f)
    checkFunc(f)
    expect(b.controls[0]).toBe(arg)
    expect(cp.uses).toBe(0)
  })

  it('makes zero-sized structs Empty, and cuts a copy cycle in dead code instead of looping', () => {
    const f = new Func('z', 'func()')
    const b = f.newBlock('Ret')
    f.entry = b
    const mem = f.newValue(b, 'InitMem', T.mem)
    const sp = f.newValue(b, 'SP', T.uintptr)
    const empty = structOf([])
    const load = f.newValue(b, 'Load', empty, [sp, mem])
    b.setControl(f.newValue(b, 'MakeResult', T.mem, [mem]))
    const dead = f.newBlock('Exit')
    const c1 = f.newValue(dead, 'Copy', T.mem, [mem])
    const c2 = f.newValue(dead, 'Copy', T.mem, [c1])
    c1.setArg(0, c2)
    dead.setControl(f.newValue(dead, 'Copy', T.mem, [c1]))
    copyelim(f)
    checkFunc(f)
    expect(load.op).toBe('Empty')
    expect(load.args).toEqual([])
    expect([c1.op, c2.op].includes('Unknown')).toBe(true)
  })
})
