import { describe, expect, it } from 'vitest'
import { shortcircuit } from '../../../src-main/compiler/ssa/passes/shortcircuit'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import { T } from '../../../src-main/compiler/ssa/types'
import { runOnDump } from './cleanup-helpers'

// gc's functions from testdata/ssa/cleanup.go after early deadcode and after short circuit.
const CASES: { name: string; why: string; before: string; after: string }[] = [
  {
    name: 'andor',
    why: 'a < b && b > 3 || a == 0: each constant edge goes straight to its target, blocks fuse',
    before: `andor func(int, int) bool
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
`,
    after: `andor func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-6) v7 = Arg <int> {a} (a[int])
    (-6) v8 = Arg <int> {b} (b[int])
    (+7) v10 = Less64 <bool> v7 v8
    (?) v12 = Const64 <int> [3]
    (?) v16 = Const64 <int> [0]
    (?) v19 = ConstBool <bool> [true]
    If v10 -> b2 b5
  b2: <- b1
    (7) v13 = Less64 <bool> v12 v8
    (7) v14 = Copy <bool> v13
    If v14 -> b4 b5
  b4: <- b2 b5
    (7) v18 = Phi <bool> v19 v17
    (7) v20 = MakeResult <bool,mem> v18 v1
    Ret v20
  b5: <- b2 b1
    (7) v17 = Eq64 <bool> v7 v16
    Plain -> b4
name a[int]: [v7]
name b[int]: [v8]
`,
  },
  {
    name: 'boolChain',
    why: 'a && b || c && !a: both constants, one phi left of constants',
    before: `boolChain func(bool, bool, bool) bool
  b1:
    (?) v1 = InitMem <mem>
    (-174) v8 = Arg <bool> {a} (a[bool])
    (-174) v9 = Arg <bool> {b} (b[bool])
    (-174) v10 = Arg <bool> {c} (c[bool])
    If v8 -> b3 b2
  b2: <- b1 b3
    (175) v13 = Phi <bool> v8 v9
    If v13 -> b4 b5
  b3: <- b1
    Plain -> b2
  b4: <- b2 b6
    (175) v18 = Phi <bool> v13 v17
    (175) v20 = MakeResult <bool,mem> v18 v1
    Ret v20
  b5: <- b2
    If v10 -> b7 b6
  b6: <- b5 b7
    (175) v17 = Phi <bool> v10 v16
    Plain -> b4
  b7: <- b5
    (175) v16 = Not <bool> v8
    Plain -> b6
name a[bool]: [v8]
name b[bool]: [v9]
name c[bool]: [v10]
`,
    after: `boolChain func(bool, bool, bool) bool
  b1:
    (?) v1 = InitMem <mem>
    (-174) v8 = Arg <bool> {a} (a[bool])
    (-174) v9 = Arg <bool> {b} (b[bool])
    (-174) v10 = Arg <bool> {c} (c[bool])
    (?) v15 = ConstBool <bool> [false]
    (?) v24 = ConstBool <bool> [true]
    If v8 -> b2 b5
  b2: <- b1
    (175) v13 = Copy <bool> v9
    If v13 -> b4 b5
  b4: <- b2 b6
    (175) v18 = Phi <bool> v24 v17
    (175) v20 = MakeResult <bool,mem> v18 v1
    Ret v20
  b5: <- b2 b1
    If v10 -> b7 b6
  b6: <- b5 b7
    (175) v17 = Phi <bool> v15 v16
    Plain -> b4
  b7: <- b5
    (175) v16 = Not <bool> v8
    Plain -> b6
name a[bool]: [v8]
name b[bool]: [v9]
name c[bool]: [v10]
`,
  },
  {
    name: 'andCall',
    why: 'a < b && callee(a) > 0 with a memory phi: t is a return, so the phi moves to u (plan "t exits")',
    before: `andCall func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-199) v7 = Arg <int> {a} (a[int])
    (-199) v8 = Arg <int> {b} (b[int])
    (?) v9 = Const64 <int> [0]
    (+200) v10 = Less64 <bool> v7 v8
    (?) v18 = Const64 <int> [1]
    (?) v21 = Const64 <int> [2]
    If v10 -> b3 b2
  b2: <- b1 b3
    (200) v17 = Phi <bool> v10 v16
    (200) v24 = Phi <mem> v1 v14
    If v17 -> b5 b4
  b3: <- b1
    (200) v13 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v7 v1
    (200) v14 = SelectN <mem> [1] v13
    (200) v15 = SelectN <int> [0] v13
    (200) v16 = Less64 <bool> v9 v15
    Plain -> b2
  b4: <- b2
    (+203) v23 = MakeResult <int,mem> v21 v24
    Ret v23
  b5: <- b2
    (+201) v20 = MakeResult <int,mem> v18 v24
    Ret v20
name a[int]: [v7]
name b[int]: [v8]
`,
    after: `andCall func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-199) v7 = Arg <int> {a} (a[int])
    (-199) v8 = Arg <int> {b} (b[int])
    (?) v9 = Const64 <int> [0]
    (+200) v10 = Less64 <bool> v7 v8
    (?) v18 = Const64 <int> [1]
    (?) v21 = Const64 <int> [2]
    If v10 -> b2 b4
  b2: <- b1
    (200) v13 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v7 v1
    (200) v14 = SelectN <mem> [1] v13
    (200) v15 = SelectN <int> [0] v13
    (200) v16 = Less64 <bool> v9 v15
    (200) v17 = Copy <bool> v16
    If v17 -> b5 b4
  b4: <- b2 b1
    (-200) v22 = Phi <mem> v14 v1
    (+203) v23 = MakeResult <int,mem> v21 v22
    Ret v23
  b5: <- b2
    (200) v24 = Copy <mem> v14
    (+201) v20 = MakeResult <int,mem> v18 v24
    Ret v20
name a[int]: [v7]
name b[int]: [v8]
`,
  },
  {
    name: 'andCallJoin',
    why: 'memory phi where the untaken way flows back into t (plan \'U flows into t\')',
    before: `andCallJoin func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-210) v7 = Arg <int> {a} (a[int], r[int])
    (-210) v8 = Arg <int> {b} (b[int], r[int])
    (?) v9 = Const64 <int> [0]
    (+212) v10 = Less64 <bool> v7 v8
    (?) v20 = Const64 <int> [1]
    If v10 -> b3 b2
  b2: <- b1 b3
    (212) v17 = Phi <bool> v10 v16
    (212) v25 = Phi <mem> v1 v14
    If v17 -> b5 b4
  b3: <- b1
    (212) v13 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v7 v1
    (212) v14 = SelectN <mem> [1] v13
    (212) v15 = SelectN <int> [0] v13
    (212) v16 = Less64 <bool> v9 v15
    Plain -> b2
  b4: <- b2 b5
    (215) v19 = Phi <int> v7 v8 (r[int])
    (+215) v21 = Add64 <int> v19 v20
    (215) v23 = MakeResult <int,mem> v21 v25
    Ret v23
  b5: <- b2
    Plain -> b4
name a[int]: [v7]
name b[int]: [v8]
name r[int]: [v7 v8 v19]
`,
    after: `andCallJoin func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-210) v7 = Arg <int> {a} (a[int], r[int])
    (-210) v8 = Arg <int> {b} (b[int], r[int])
    (?) v9 = Const64 <int> [0]
    (+212) v10 = Less64 <bool> v7 v8
    (?) v20 = Const64 <int> [1]
    If v10 -> b2 b4
  b2: <- b1
    (212) v13 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v7 v1
    (212) v14 = SelectN <mem> [1] v13
    (212) v15 = SelectN <int> [0] v13
    (212) v16 = Less64 <bool> v9 v15
    (212) v17 = Copy <bool> v16
    If v17 -> b5 b4
  b4: <- b2 b5 b1
    (215) v19 = Phi <int> v7 v8 v7 (r[int])
    (212) v25 = Phi <mem> v14 v14 v1
    (+215) v21 = Add64 <int> v19 v20
    (215) v23 = MakeResult <int,mem> v21 v25
    Ret v23
  b5: <- b2
    Plain -> b4
name a[int]: [v7]
name b[int]: [v8]
name r[int]: [v7 v8 v19]
`,
  },
]

describe('short circuit', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.why}`, () => {
      const { ours, want } = runOnDump(c.before, shortcircuit, c.after)
      expect(ours).toBe(want)
    })
  }

  it('reuses the entry block\'s cached ConstBool', () => {
    const f = funcFromDump(CASES[0]!.before)
    const cached = f.newValue(f.entry, 'ConstBool', T.bool, [], 1n)
    shortcircuit(f)
    checkFunc(f)
    expect(f.entry.values.filter((v) => v.op === 'ConstBool' && v.auxInt === 1n)).toEqual([cached])
    expect(cached.uses).toBe(1)
  })

  it('leaves an If alone when its block computes something besides the phi', () => {
    const text = `k func(bool, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <bool> {c} (c[bool])
    (-3) v3 = Arg <int> {x} (x[int])
    If v2 -> b3 b2
  b2: <- b1 b3
    (4) v4 = Phi <bool> v2 v2
    (4) v5 = Neg64 <int> v3
    If v4 -> b4 b5
  b3: <- b1
    Plain -> b2
  b4: <- b2
    (+5) v6 = MakeResult <int,mem> v5 v1
    Ret v6
  b5: <- b2
    (+6) v7 = MakeResult <int,mem> v3 v1
    Ret v7
`
    const f = funcFromDump(text)
    shortcircuit(f)
    checkFunc(f)
    const b2 = f.blocks.find((b) => b.ref === 'b2')!
    expect(b2.kind).toBe('If')
    // The arg from b1 (b2 is b1's false edge) became false, but b2 still computes v5: the CFG stays.
    expect(b2.values[0]!.args.map((a) => a.op)).toEqual(['ConstBool', 'Arg'])
    expect(b2.values[0]!.args[0]!.auxInt).toBe(0n)
    expect(b2.preds.map((b) => b.ref)).toEqual(['b1', 'b3'])
  })
})
