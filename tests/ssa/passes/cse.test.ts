import { describe, expect, it } from 'vitest'
import { cse, compareTypes } from '../../../src-main/compiler/ssa/passes/cse'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import { ptrTo, T } from '../../../src-main/compiler/ssa/types'
import { runOnDump } from './cleanup-helpers'

// gc's functions from testdata/ssa/cleanup.go after opt deadcode and after generic cse.
const CASES: { name: string; why: string; before: string; after: string }[] = [
  {
    name: 'cse',
    why: 'a*b+3 three times: one survivor per class, commutative args put in class order, statement mark handed on',
    before: `cse func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-72) v7 = Arg <int> {a} (a[int])
    (-72) v8 = Arg <int> {b} (b[int])
    (+73) v10 = Mul64 <int> v7 v8
    (?) v11 = Const64 <int> [3]
    (+74) v13 = Mul64 <int> v8 v7
    (74) v14 = Add64 <int> v13 v11 (y[int])
    (+75) v15 = Mul64 <int> v7 v8
    (75) v16 = Add64 <int> v15 v11 (z[int])
    (+76) v17 = Mul64 <int> v14 v16
    (76) v9 = Add64 <int> v10 v17
    (76) v18 = Add64 <int> v11 v9
    (76) v19 = MakeResult <int,mem> v18 v1
    Ret v19
name a[int]: [v7]
name b[int]: [v8]
name y[int]: [v14]
name z[int]: [v16]
`,
    after: `cse func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-72) v7 = Arg <int> {a} (a[int])
    (-72) v8 = Arg <int> {b} (b[int])
    (+73) v10 = Mul64 <int> v8 v7
    (?) v11 = Const64 <int> [3]
    (+74) v14 = Add64 <int> v11 v10 (y[int])
    (+76) v17 = Mul64 <int> v14 v14
    (76) v9 = Add64 <int> v10 v17
    (76) v18 = Add64 <int> v11 v9
    (76) v19 = MakeResult <int,mem> v18 v1
    Ret v19
name a[int]: [v7]
name b[int]: [v8]
name y[int]: [v14]
name z[int]: [v16]
`,
  },
  {
    name: 'cseLoop',
    why: 'values in dominated blocks use the dominating copy (bounds checks, slice loads)',
    before: `cseLoop func([]int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-79) v7 = Arg <[]int> {s} (s[[]int])
    (-79) v8 = Arg <int> {k} (k[int])
    (?) v9 = Const64 <int> [0] (i[int], t[int])
    (?) v42 = Const64 <int> [1]
    (82) v37 = Const64 <int> [8]
    Plain -> b2
  b2: <- b1 b4
    (81) v12 = Phi <int> v9 v43 (i[int])
    (81) v49 = Phi <int> v9 v40 (t[int])
    (+81) v11 = SliceLen <int> v7
    (81) v13 = Less64 <bool> v12 v11
    If v13 -> b3 b5 (likely)
  b3: <- b2
    (+82) v17 = SliceLen <int> v7
    (82) v18 = IsInBounds <bool> v12 v17
    If v18 -> b6 b7 (likely)
  b4: <- b6
    (82) v33 = SlicePtr <*int> v7
    (+81) v43 = Add64 <int> v12 v42 (i[int])
    (82) v31 = Mul64 <int> v12 v37
    (82) v34 = AddPtr <*int> v33 v31
    (82) v36 = Load <int> v34 v1
    (82) v35 = Add64 <int> v24 v36
    (82) v39 = Mul64 <int> v8 v35
    (82) v40 = Add64 <int> v49 v39 (t[int])
    Plain -> b2
  b5: <- b2
    (+84) v46 = MakeResult <int,mem> v49 v1
    Ret v46
  b6: <- b3
    (82) v21 = SlicePtr <*int> v7
    (82) v29 = SliceLen <int> v7
    (82) v30 = IsInBounds <bool> v12 v29
    (82) v19 = Mul64 <int> v12 v37
    (82) v22 = AddPtr <*int> v21 v19
    (82) v24 = Load <int> v22 v1
    If v30 -> b4 b9 (likely)
  b7: <- b3
    (82) v20 = PanicBounds <mem> [0] v12 v17 v1
    Exit v20
  b9: <- b6
    (82) v32 = PanicBounds <mem> [0] v12 v29 v1
    Exit v32
name s[[]int]: [v7]
name k[int]: [v8]
name t[int]: [v9 v49 v40]
name i[int]: [v9 v12 v43]
`,
    after: `cseLoop func([]int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-79) v7 = Arg <[]int> {s} (s[[]int])
    (-79) v8 = Arg <int> {k} (k[int])
    (?) v9 = Const64 <int> [0] (i[int], t[int])
    (?) v42 = Const64 <int> [1]
    (82) v37 = Const64 <int> [8]
    Plain -> b2
  b2: <- b1 b4
    (81) v12 = Phi <int> v9 v43 (i[int])
    (81) v49 = Phi <int> v9 v40 (t[int])
    (+81) v11 = SliceLen <int> v7
    (81) v13 = Less64 <bool> v12 v11
    If v13 -> b3 b5 (likely)
  b3: <- b2
    (+82) v18 = IsInBounds <bool> v12 v11
    If v18 -> b6 b7 (likely)
  b4: <- b6
    (+81) v43 = Add64 <int> v42 v12 (i[int])
    (82) v35 = Add64 <int> v24 v24
    (82) v39 = Mul64 <int> v35 v8
    (82) v40 = Add64 <int> v39 v49 (t[int])
    Plain -> b2
  b5: <- b2
    (+84) v46 = MakeResult <int,mem> v49 v1
    Ret v46
  b6: <- b3
    (82) v21 = SlicePtr <*int> v7
    (82) v19 = Mul64 <int> v37 v12
    (82) v22 = AddPtr <*int> v21 v19
    (82) v24 = Load <int> v22 v1
    If v18 -> b4 b9 (likely)
  b7: <- b3
    (82) v20 = PanicBounds <mem> [0] v12 v11 v1
    Exit v20
  b9: <- b6
    (82) v32 = PanicBounds <mem> [0] v12 v11 v1
    Exit v32
name s[[]int]: [v7]
name k[int]: [v8]
name t[int]: [v9 v49 v40]
name i[int]: [v9 v12 v43]
`,
  },
  {
    name: 'fields',
    why: 'repeated nil checks and field loads merge; the nil checks themselves stay',
    before: `fields func(*pair, *pair) int
  b1:
    (?) v1 = InitMem <mem>
    (-160) v7 = Arg <*pair> {p} (p[*pair])
    (-160) v8 = Arg <*pair> {q} (q[*pair])
    (+161) v10 = NilCheck <*pair> v7 v1
    (161) v11 = OffPtr <*int> [0] v10
    (161) v12 = Load <int> v11 v1
    (161) v13 = NilCheck <*pair> v8 v1
    (161) v14 = OffPtr <*int> [0] v13
    (161) v15 = Load <int> v14 v1
    (161) v16 = Add64 <int> v12 v15
    (161) v17 = NilCheck <*pair> v7 v1
    (161) v18 = OffPtr <*int> [0] v17
    (161) v19 = Load <int> v18 v1
    (161) v20 = Add64 <int> v16 v19
    (161) v21 = NilCheck <*pair> v7 v1
    (161) v22 = OffPtr <*int> [8] v21
    (161) v23 = Load <int> v22 v1
    (161) v24 = Add64 <int> v20 v23
    (161) v25 = MakeResult <int,mem> v24 v1
    Ret v25
name p[*pair]: [v7]
name q[*pair]: [v8]
`,
    after: `fields func(*pair, *pair) int
  b1:
    (?) v1 = InitMem <mem>
    (-160) v7 = Arg <*pair> {p} (p[*pair])
    (-160) v8 = Arg <*pair> {q} (q[*pair])
    (+161) v10 = NilCheck <*pair> v7 v1
    (161) v11 = OffPtr <*int> [0] v10
    (161) v12 = Load <int> v11 v1
    (161) v13 = NilCheck <*pair> v8 v1
    (161) v14 = OffPtr <*int> [0] v13
    (161) v15 = Load <int> v14 v1
    (161) v16 = Add64 <int> v12 v15
    (161) v17 = NilCheck <*pair> v7 v1
    (161) v20 = Add64 <int> v16 v12
    (161) v21 = NilCheck <*pair> v7 v1
    (161) v22 = OffPtr <*int> [8] v10
    (161) v23 = Load <int> v22 v1
    (161) v24 = Add64 <int> v23 v20
    (161) v25 = MakeResult <int,mem> v24 v1
    Ret v25
name p[*pair]: [v7]
name q[*pair]: [v8]
`,
  },
]

describe('generic cse', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.why}`, () => {
      const { ours, want } = runOnDump(c.before, cse, c.after)
      expect(ours).toBe(want)
    })
  }

  it('never merges memory values, nor phis of different blocks, nor values of different types', () => {
    const f = funcFromDump(`m func(*int, bool) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <*int> {p} (p[*int])
    (-3) v3 = Arg <bool> {c} (c[bool])
    (?) v4 = Const64 <int> [1]
    (?) v5 = Const32 <int32> [1]
    (4) v6 = Store <mem> {int} v2 v4 v1
    (4) v7 = Store <mem> {int} v2 v4 v1
    (5) v8 = Neg64 <int> v4
    (5) v9 = Neg64 <int> v4
    If v3 -> b2 b3
  b2: <- b1
    Plain -> b4
  b3: <- b1
    Plain -> b4
  b4: <- b2 b3
    (6) v10 = Phi <mem> v6 v7
    (6) v11 = Phi <int> v8 v9
    (6) v12 = Phi <int> v8 v9
    (7) v13 = Add64 <int> v11 v12
    (7) v14 = MakeResult <int,mem> v13 v10
    Ret v14
`)
    cse(f)
    checkFunc(f)
    const b4 = f.blocks[3]!
    const [memPhi, p1, , add] = b4.values
    expect(memPhi!.args.map((a) => a.ref)).toEqual(['v6', 'v7'])
    // v9 merges into v8, then the two int phis of b4 become one.
    expect(p1!.args.map((a) => a.ref)).toEqual(['v8', 'v8'])
    expect(add!.args.map((a) => a.ref)).toEqual(['v11', 'v11'])
  })

  it('points uses of a repeated nil check at the first one (the check itself stays for nilcheckelim)', () => {
    const f = funcFromDump(`n func(*int) *int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <*int> {p} (p[*int])
    (4) v3 = NilCheck <*int> v2 v1
    (5) v4 = NilCheck <*int> v2 v1
    (5) v5 = IsNonNil <bool> v4
    If v5 -> b2 b3
  b2: <- b1
    (6) v6 = MakeResult <*int,mem> v3 v1
    Ret v6
  b3: <- b1
    (7) v7 = MakeResult <*int,mem> v4 v1
    Ret v7
`)
    cse(f)
    checkFunc(f)
    expect(f.blocks[0]!.values.map((v) => v.ref)).toContain('v4')
    expect(f.blocks[0]!.values[4]!.args[0]!.ref).toBe('v3')
    expect(f.blocks[2]!.values[0]!.args[0]!.ref).toBe('v3')
  })

  it('orders types like gc: by kind first, then name and structure', () => {
    expect(compareTypes(T.int8, T.int64)).toBeLessThan(0)
    expect(compareTypes(T.int, T.int64)).toBeGreaterThan(0)
    expect(compareTypes(T.bool, ptrTo(T.int))).toBeLessThan(0)
    expect(compareTypes(ptrTo(T.int), ptrTo(T.int))).toBe(0)
    expect(compareTypes(ptrTo(T.int8), ptrTo(T.int))).toBeLessThan(0)
  })
})
