import { describe, expect, it } from 'vitest'
import { phiopt } from '../../../src-main/compiler/ssa/passes/phiopt'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import { runOnDump } from './cleanup-helpers'

// gc's functions from testdata/ssa/cleanup.go after generic cse and after phiopt.
const CASES: { name: string; why: string; before: string; after: string }[] = [
  {
    name: 'boolPhi',
    why: 'x := false; if a < b { x = true }: the phi is the condition',
    before: `boolPhi func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-24) v7 = Arg <int> {a} (a[int])
    (-24) v8 = Arg <int> {b} (b[int])
    (?) v9 = ConstBool <bool> [false] (x[bool])
    (+26) v10 = Less64 <bool> v7 v8
    (?) v11 = ConstBool <bool> [true] (x[bool])
    If v10 -> b3 b2
  b2: <- b1 b3
    (29) v12 = Phi <bool> v9 v11 (x[bool])
    (+29) v14 = MakeResult <bool,mem> v12 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v9 v11 v12]
`,
    after: `boolPhi func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-24) v7 = Arg <int> {a} (a[int])
    (-24) v8 = Arg <int> {b} (b[int])
    (+26) v10 = Less64 <bool> v7 v8
    If v10 -> b3 b2
  b2: <- b1 b3
    (29) v12 = Copy <bool> v10 (x[bool])
    (+29) v14 = MakeResult <bool,mem> v12 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v9 v11 v12]
`,
  },
  {
    name: 'notPhi',
    why: 'x := true; if a < b { x = false }: the phi is Not of the condition',
    before: `notPhi func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-32) v7 = Arg <int> {a} (a[int])
    (-32) v8 = Arg <int> {b} (b[int])
    (?) v9 = ConstBool <bool> [false] (x[bool])
    (?) v10 = ConstBool <bool> [true] (x[bool])
    (+34) v11 = Less64 <bool> v7 v8
    If v11 -> b3 b2
  b2: <- b1 b3
    (37) v12 = Phi <bool> v10 v9 (x[bool])
    (+37) v14 = MakeResult <bool,mem> v12 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v10 v9 v12]
`,
    after: `notPhi func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-32) v7 = Arg <int> {a} (a[int])
    (-32) v8 = Arg <int> {b} (b[int])
    (+34) v11 = Less64 <bool> v7 v8
    If v11 -> b3 b2
  b2: <- b1 b3
    (37) v12 = Not <bool> v11 (x[bool])
    (+37) v14 = MakeResult <bool,mem> v12 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v10 v9 v12]
`,
  },
  {
    name: 'orPhi',
    why: 'x := c; if a < b { x = true }: OrB',
    before: `orPhi func(int, int, bool) bool
  b1:
    (?) v1 = InitMem <mem>
    (-40) v8 = Arg <int> {a} (a[int])
    (-40) v9 = Arg <int> {b} (b[int])
    (-40) v10 = Arg <bool> {c} (c[bool], x[bool])
    (+42) v12 = Less64 <bool> v8 v9
    (?) v13 = ConstBool <bool> [true] (x[bool])
    If v12 -> b3 b2
  b2: <- b1 b3
    (45) v14 = Phi <bool> v10 v13 (x[bool])
    (+45) v16 = MakeResult <bool,mem> v14 v1
    Ret v16
  b3: <- b1
    Plain -> b2
name a[int]: [v8]
name b[int]: [v9]
name c[bool]: [v10]
name x[bool]: [v10 v13 v14]
`,
    after: `orPhi func(int, int, bool) bool
  b1:
    (?) v1 = InitMem <mem>
    (-40) v8 = Arg <int> {a} (a[int])
    (-40) v9 = Arg <int> {b} (b[int])
    (-40) v10 = Arg <bool> {c} (c[bool], x[bool])
    (+42) v12 = Less64 <bool> v8 v9
    If v12 -> b3 b2
  b2: <- b1 b3
    (45) v14 = OrB <bool> v12 v10 (x[bool])
    (+45) v16 = MakeResult <bool,mem> v14 v1
    Ret v16
  b3: <- b1
    Plain -> b2
name a[int]: [v8]
name b[int]: [v9]
name c[bool]: [v10]
name x[bool]: [v10 v13 v14]
`,
  },
  {
    name: 'andPhi',
    why: 'x := false; if a < b { x = c }: AndB',
    before: `andPhi func(int, int, bool) bool
  b1:
    (?) v1 = InitMem <mem>
    (-48) v8 = Arg <int> {a} (a[int])
    (-48) v9 = Arg <int> {b} (b[int])
    (-48) v10 = Arg <bool> {c} (c[bool], x[bool])
    (?) v11 = ConstBool <bool> [false] (x[bool])
    (+50) v12 = Less64 <bool> v8 v9
    If v12 -> b3 b2
  b2: <- b1 b3
    (53) v14 = Phi <bool> v11 v10 (x[bool])
    (+53) v16 = MakeResult <bool,mem> v14 v1
    Ret v16
  b3: <- b1
    Plain -> b2
name a[int]: [v8]
name b[int]: [v9]
name c[bool]: [v10]
name x[bool]: [v11 v10 v14]
`,
    after: `andPhi func(int, int, bool) bool
  b1:
    (?) v1 = InitMem <mem>
    (-48) v8 = Arg <int> {a} (a[int])
    (-48) v9 = Arg <int> {b} (b[int])
    (-48) v10 = Arg <bool> {c} (c[bool], x[bool])
    (+50) v12 = Less64 <bool> v8 v9
    If v12 -> b3 b2
  b2: <- b1 b3
    (53) v14 = AndB <bool> v12 v10 (x[bool])
    (+53) v16 = MakeResult <bool,mem> v14 v1
    Ret v16
  b3: <- b1
    Plain -> b2
name a[int]: [v8]
name b[int]: [v9]
name c[bool]: [v10]
name x[bool]: [v11 v10 v14]
`,
  },
  {
    name: 'boolToInt',
    why: 'x := 0; if a < b { x = 1 }: a zero-extended CvtBoolToUint8',
    before: `boolToInt func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-56) v7 = Arg <int> {a} (a[int])
    (-56) v8 = Arg <int> {b} (b[int])
    (?) v9 = Const64 <int> [0] (x[int])
    (+58) v10 = Less64 <bool> v7 v8
    (?) v11 = Const64 <int> [1] (x[int])
    If v10 -> b3 b2
  b2: <- b1 b3
    (61) v12 = Phi <int> v9 v11 (x[int])
    (+61) v14 = MakeResult <int,mem> v12 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[int]: [v9 v11 v12]
`,
    after: `boolToInt func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-56) v7 = Arg <int> {a} (a[int])
    (-56) v8 = Arg <int> {b} (b[int])
    (+58) v10 = Less64 <bool> v7 v8
    If v10 -> b3 b2
  b2: <- b1 b3
    (61) v13 = CvtBoolToUint8 <uint8> v10
    (61) v12 = ZeroExt8to64 <int> v13 (x[int])
    (+61) v14 = MakeResult <int,mem> v12 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[int]: [v9 v11 v12]
`,
  },
  {
    name: 'boolToInt8',
    why: 'int8 1/0 the other way round: Not, then CvtBoolToUint8, then a Copy',
    before: `boolToInt8 func(int, int) int8
  b1:
    (?) v1 = InitMem <mem>
    (-64) v7 = Arg <int> {a} (a[int])
    (-64) v8 = Arg <int> {b} (b[int])
    (?) v9 = Const8 <int8> [0] (x[int8])
    (?) v10 = Const8 <int8> [1] (x[int8])
    (+66) v11 = Less64 <bool> v7 v8
    If v11 -> b3 b2
  b2: <- b1 b3
    (69) v12 = Phi <int8> v10 v9 (x[int8])
    (+69) v14 = MakeResult <int8,mem> v12 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[int8]: [v10 v9 v12]
`,
    after: `boolToInt8 func(int, int) int8
  b1:
    (?) v1 = InitMem <mem>
    (-64) v7 = Arg <int> {a} (a[int])
    (-64) v8 = Arg <int> {b} (b[int])
    (+66) v11 = Less64 <bool> v7 v8
    If v11 -> b3 b2
  b2: <- b1 b3
    (69) v13 = Not <bool> v11
    (69) v6 = CvtBoolToUint8 <uint8> v13
    (69) v12 = Copy <int8> v6 (x[int8])
    (+69) v14 = MakeResult <int8,mem> v12 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[int8]: [v10 v9 v12]
`,
  },
  {
    name: 'phiDom',
    why: 'second sweep: the deciding If is the immediate dominator of the join',
    before: `phiDom func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-230) v7 = Arg <int> {a} (a[int])
    (-230) v8 = Arg <int> {b} (b[int])
    (?) v9 = ConstBool <bool> [false] (x[bool])
    (+232) v10 = Less64 <bool> v7 v8
    (?) v11 = ConstBool <bool> [true] (x[bool])
    (?) v13 = Const64 <int> [10]
    (?) v15 = Const64 <int> [1]
    If v10 -> b3 b2
  b2: <- b1 b4
    (238) v20 = Phi <bool> v9 v11 (x[bool])
    (238) v21 = Phi <mem> v1 v23
    (+238) v22 = MakeResult <bool,mem> v20 v21
    Ret v22
  b3: <- b1
    (+234) v14 = Less64 <bool> v13 v8
    If v14 -> b5 b4
  b4: <- b3 b5
    (?) v23 = Phi <mem> v1 v18
    Plain -> b2
  b5: <- b3
    (+235) v17 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v15 v1
    (235) v18 = SelectN <mem> [1] v17
    Plain -> b4
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v9 v11 v20]
`,
    after: `phiDom func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-230) v7 = Arg <int> {a} (a[int])
    (-230) v8 = Arg <int> {b} (b[int])
    (+232) v10 = Less64 <bool> v7 v8
    (?) v13 = Const64 <int> [10]
    (?) v15 = Const64 <int> [1]
    If v10 -> b3 b2
  b2: <- b1 b4
    (238) v21 = Phi <mem> v1 v23
    (238) v20 = Copy <bool> v10 (x[bool])
    (+238) v22 = MakeResult <bool,mem> v20 v21
    Ret v22
  b3: <- b1
    (+234) v14 = Less64 <bool> v13 v8
    If v14 -> b5 b4
  b4: <- b3 b5
    (?) v23 = Phi <mem> v1 v18
    Plain -> b2
  b5: <- b3
    (+235) v17 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v15 v1
    (235) v18 = SelectN <mem> [1] v17
    Plain -> b4
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v9 v11 v20]
`,
  },
  {
    name: 'phiLca',
    why: 'second sweep: the deciding If is the common dominator of the two ways',
    before: `phiLca func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-241) v7 = Arg <int> {a} (a[int])
    (-241) v8 = Arg <int> {b} (b[int])
    (?) v9 = ConstBool <bool> [false] (x[bool])
    (+243) v10 = Less64 <bool> v7 v8
    (?) v11 = ConstBool <bool> [true] (x[bool])
    (?) v13 = Const64 <int> [10]
    (?) v15 = Const64 <int> [1]
    (?) v22 = Const64 <int> [2]
    If v10 -> b3 b4
  b2: <- b5 b7
    (254) v27 = Phi <bool> v11 v9 (x[bool])
    (254) v28 = Phi <mem> v30 v31
    (+254) v29 = MakeResult <bool,mem> v27 v28
    Ret v29
  b3: <- b1
    (+245) v14 = Less64 <bool> v13 v8
    If v14 -> b6 b5
  b4: <- b1
    (+250) v21 = Less64 <bool> v13 v7
    If v21 -> b8 b7
  b5: <- b3 b6
    (?) v30 = Phi <mem> v1 v18
    Plain -> b2
  b6: <- b3
    (+246) v17 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v15 v1
    (246) v18 = SelectN <mem> [1] v17
    Plain -> b5
  b7: <- b4 b8
    (?) v31 = Phi <mem> v1 v25
    Plain -> b2
  b8: <- b4
    (+251) v24 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v22 v1
    (251) v25 = SelectN <mem> [1] v24
    Plain -> b7
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v9 v11 v27]
`,
    after: `phiLca func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-241) v7 = Arg <int> {a} (a[int])
    (-241) v8 = Arg <int> {b} (b[int])
    (+243) v10 = Less64 <bool> v7 v8
    (?) v13 = Const64 <int> [10]
    (?) v15 = Const64 <int> [1]
    (?) v22 = Const64 <int> [2]
    If v10 -> b3 b4
  b2: <- b5 b7
    (254) v28 = Phi <mem> v30 v31
    (254) v27 = Copy <bool> v10 (x[bool])
    (+254) v29 = MakeResult <bool,mem> v27 v28
    Ret v29
  b3: <- b1
    (+245) v14 = Less64 <bool> v13 v8
    If v14 -> b6 b5
  b4: <- b1
    (+250) v21 = Less64 <bool> v13 v7
    If v21 -> b8 b7
  b5: <- b3 b6
    (?) v30 = Phi <mem> v1 v18
    Plain -> b2
  b6: <- b3
    (+246) v17 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v15 v1
    (246) v18 = SelectN <mem> [1] v17
    Plain -> b5
  b7: <- b4 b8
    (?) v31 = Phi <mem> v1 v25
    Plain -> b2
  b8: <- b4
    (+251) v24 = StaticLECall <int,mem> {AuxCall{p.callee}} [8] v22 v1
    (251) v25 = SelectN <mem> [1] v24
    Plain -> b7
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v9 v11 v27]
`,
  },
]

describe('phiopt', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.why}`, () => {
      const { ours, want } = runOnDump(c.before, phiopt, c.after)
      expect(ours).toBe(want)
    })
  }

  it('leaves phi(true, x) alone when x does not dominate the join', () => {
    const f = funcFromDump(`o func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <int> {a} (a[int])
    (-3) v3 = Arg <int> {b} (b[int])
    (?) v4 = ConstBool <bool> [true]
    (4) v5 = Less64 <bool> v2 v3
    If v5 -> b3 b2
  b2: <- b1
    (5) v6 = Less64 <bool> v3 v2
    Plain -> b3
  b3: <- b1 b2
    (6) v7 = Phi <bool> v4 v6
    (+7) v8 = MakeResult <bool,mem> v7 v1
    Ret v8
`)
    phiopt(f)
    checkFunc(f)
    expect(f.blocks[2]!.values[0]!.op).toBe('Phi')
  })
})
