import { describe, expect, it } from 'vitest'
import { numberLines } from '../../../src-main/compiler/ssa/passes/numberlines'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import { runOnDump } from './cleanup-helpers'

// gc's functions from testdata/ssa/cleanup.go as built and after number lines. The
// dump prints phis first; ids give the order values were made in, which is what
// number lines walks. Dumps do not carry block positions, so these are functions
// where those do not matter.
const CASES: { name: string; why: string; before: string; after: string }[] = [
  {
    name: 'andor',
    why: 'the entry gets the first statement; branches on the same line add none',
    before: `andor func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (-6) v7 = Arg <int> {a} (a[int])
    (-6) v8 = Arg <int> {b} (b[int])
    (7) v10 = Less64 <bool> v7 v8
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
`,
    after: `andor func(int, int) bool
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
`,
  },
  {
    name: 'cseLoop',
    why: 'a loop: the header and body start statements where the line changes',
    before: `cseLoop func([]int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-79) v7 = Arg <[]int> {s} (s[[]int])
    (-79) v8 = Arg <int> {k} (k[int])
    (?) v9 = Const64 <int> [0] (i[int], t[int])
    (?) v42 = Const64 <int> [1]
    Plain -> b2
  b2: <- b1 b4
    (81) v10 = Phi <[]int> v7 v27 (s[[]int])
    (81) v12 = Phi <int> v9 v43 (i[int])
    (81) v47 = Phi <mem> v1 v35
    (81) v48 = Phi <int> v8 v37 (k[int])
    (81) v49 = Phi <int> v9 v40 (t[int])
    (81) v11 = SliceLen <int> v10
    (81) v13 = Less64 <bool> v12 v11
    If v13 -> b3 b5 (likely)
  b3: <- b2
    (-82) v14 = Copy <int> v49 (t[int])
    (-82) v15 = Copy <[]int> v10 (s[[]int])
    (-82) v16 = Copy <int> v12 (i[int])
    (82) v17 = SliceLen <int> v15
    (82) v18 = IsInBounds <bool> v16 v17
    If v18 -> b6 b7 (likely)
  b4: <- b8
    (-81) v41 = Copy <int> v28 (i[int])
    (81) v43 = Add64 <int> v41 v42 (i[int])
    Plain -> b2
  b5: <- b2
    (-84) v44 = Copy <int> v49 (t[int])
    (-84) v45 = Copy <mem> v47
    (84) v46 = MakeResult <int,mem> v44 v45
    Ret v46
  b6: <- b3
    (82) v21 = SlicePtr <*int> v15
    (82) v22 = PtrIndex <*int> v21 v16
    (-82) v23 = Copy <mem> v47
    (82) v24 = Load <int> v22 v23
    (-82) v25 = Copy <int> v48 (k[int])
    (82) v26 = Mul64 <int> v24 v25
    (-82) v27 = Copy <[]int> v15 (s[[]int])
    (-82) v28 = Copy <int> v16 (i[int])
    (82) v29 = SliceLen <int> v27
    (82) v30 = IsInBounds <bool> v28 v29
    If v30 -> b8 b9 (likely)
  b7: <- b3
    (-82) v19 = Copy <mem> v47
    (82) v20 = PanicBounds <mem> [0] v16 v17 v19
    Exit v20
  b8: <- b6
    (82) v33 = SlicePtr <*int> v27
    (82) v34 = PtrIndex <*int> v33 v28
    (-82) v35 = Copy <mem> v23
    (82) v36 = Load <int> v34 v35
    (-82) v37 = Copy <int> v25 (k[int])
    (82) v38 = Mul64 <int> v36 v37
    (82) v39 = Add64 <int> v26 v38
    (82) v40 = Add64 <int> v14 v39 (t[int])
    Plain -> b4
  b9: <- b6
    (-82) v31 = Copy <mem> v23
    (82) v32 = PanicBounds <mem> [0] v28 v29 v31
    Exit v32
name s[[]int]: [v7 v10 v15 v27]
name k[int]: [v8 v25 v37 v48]
name t[int]: [v9 v14 v40 v44 v49]
name i[int]: [v9 v12 v16 v28 v41 v43]
`,
    after: `cseLoop func([]int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-79) v7 = Arg <[]int> {s} (s[[]int])
    (-79) v8 = Arg <int> {k} (k[int])
    (?) v9 = Const64 <int> [0] (i[int], t[int])
    (?) v42 = Const64 <int> [1]
    Plain -> b2
  b2: <- b1 b4
    (81) v10 = Phi <[]int> v7 v27 (s[[]int])
    (81) v12 = Phi <int> v9 v43 (i[int])
    (81) v47 = Phi <mem> v1 v35
    (81) v48 = Phi <int> v8 v37 (k[int])
    (81) v49 = Phi <int> v9 v40 (t[int])
    (+81) v11 = SliceLen <int> v10
    (81) v13 = Less64 <bool> v12 v11
    If v13 -> b3 b5 (likely)
  b3: <- b2
    (-82) v14 = Copy <int> v49 (t[int])
    (-82) v15 = Copy <[]int> v10 (s[[]int])
    (-82) v16 = Copy <int> v12 (i[int])
    (+82) v17 = SliceLen <int> v15
    (82) v18 = IsInBounds <bool> v16 v17
    If v18 -> b6 b7 (likely)
  b4: <- b8
    (-81) v41 = Copy <int> v28 (i[int])
    (+81) v43 = Add64 <int> v41 v42 (i[int])
    Plain -> b2
  b5: <- b2
    (-84) v44 = Copy <int> v49 (t[int])
    (-84) v45 = Copy <mem> v47
    (+84) v46 = MakeResult <int,mem> v44 v45
    Ret v46
  b6: <- b3
    (82) v21 = SlicePtr <*int> v15
    (82) v22 = PtrIndex <*int> v21 v16
    (-82) v23 = Copy <mem> v47
    (82) v24 = Load <int> v22 v23
    (-82) v25 = Copy <int> v48 (k[int])
    (82) v26 = Mul64 <int> v24 v25
    (-82) v27 = Copy <[]int> v15 (s[[]int])
    (-82) v28 = Copy <int> v16 (i[int])
    (82) v29 = SliceLen <int> v27
    (82) v30 = IsInBounds <bool> v28 v29
    If v30 -> b8 b9 (likely)
  b7: <- b3
    (-82) v19 = Copy <mem> v47
    (82) v20 = PanicBounds <mem> [0] v16 v17 v19
    Exit v20
  b8: <- b6
    (82) v33 = SlicePtr <*int> v27
    (82) v34 = PtrIndex <*int> v33 v28
    (-82) v35 = Copy <mem> v23
    (82) v36 = Load <int> v34 v35
    (-82) v37 = Copy <int> v25 (k[int])
    (82) v38 = Mul64 <int> v36 v37
    (82) v39 = Add64 <int> v26 v38
    (82) v40 = Add64 <int> v14 v39 (t[int])
    Plain -> b4
  b9: <- b6
    (-82) v31 = Copy <mem> v23
    (82) v32 = PanicBounds <mem> [0] v28 v29 v31
    Exit v32
name s[[]int]: [v7 v10 v15 v27]
name k[int]: [v8 v25 v37 v48]
name t[int]: [v9 v14 v40 v44 v49]
name i[int]: [v9 v12 v16 v28 v41 v43]
`,
  },
  {
    name: 'loopFuse',
    why: 'continue and op-assign in a loop',
    before: `loopFuse func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-124) v6 = Arg <int> {n} (n[int])
    (?) v7 = Const64 <int> [0] (i[int], s[int])
    (?) v12 = Const64 <int> [3]
    (?) v19 = Const64 <int> [1]
    Plain -> b2
  b2: <- b1 b4
    (126) v8 = Phi <int> v7 v20 (i[int])
    (126) v9 = Phi <int> v6 v28 (n[int])
    (126) v24 = Phi <int> v7 v25 (s[int])
    (126) v26 = Phi <mem> v1 v27
    (126) v10 = Less64 <bool> v8 v9
    If v10 -> b3 b5 (likely)
  b3: <- b2
    (-127) v11 = Copy <int> v8 (i[int])
    (127) v13 = Mod64 <int> [false] v11 v12
    (127) v14 = Eq64 <bool> v13 v7
    If v14 -> b7 b6
  b4: <- b7 b6
    (126) v18 = Phi <int> v11 v16 (i[int])
    (126) v25 = Phi <int> v24 v17 (s[int])
    (126) v20 = Add64 <int> v18 v19 (i[int])
    (-132) v27 = Copy <mem> v26
    (-126) v28 = Copy <int> v9 (n[int])
    Plain -> b2
  b5: <- b2
    (-132) v21 = Copy <int> v24 (s[int])
    (-132) v22 = Copy <mem> v26
    (132) v23 = MakeResult <int,mem> v21 v22
    Ret v23
  b6: <- b3
    (-130) v15 = Copy <int> v24 (s[int])
    (-130) v16 = Copy <int> v11 (i[int])
    (130) v17 = Add64 <int> v15 v16 (s[int])
    Plain -> b4
  b7: <- b3
    Plain -> b4
name n[int]: [v6 v9 v28]
name s[int]: [v7 v15 v17 v21 v24 v25]
name i[int]: [v7 v8 v11 v16 v18 v20]
`,
    after: `loopFuse func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-124) v6 = Arg <int> {n} (n[int])
    (?) v7 = Const64 <int> [0] (i[int], s[int])
    (?) v12 = Const64 <int> [3]
    (?) v19 = Const64 <int> [1]
    Plain -> b2
  b2: <- b1 b4
    (126) v8 = Phi <int> v7 v20 (i[int])
    (126) v9 = Phi <int> v6 v28 (n[int])
    (126) v24 = Phi <int> v7 v25 (s[int])
    (126) v26 = Phi <mem> v1 v27
    (+126) v10 = Less64 <bool> v8 v9
    If v10 -> b3 b5 (likely)
  b3: <- b2
    (-127) v11 = Copy <int> v8 (i[int])
    (+127) v13 = Mod64 <int> [false] v11 v12
    (127) v14 = Eq64 <bool> v13 v7
    If v14 -> b7 b6
  b4: <- b7 b6
    (126) v18 = Phi <int> v11 v16 (i[int])
    (126) v25 = Phi <int> v24 v17 (s[int])
    (+126) v20 = Add64 <int> v18 v19 (i[int])
    (-132) v27 = Copy <mem> v26
    (-126) v28 = Copy <int> v9 (n[int])
    Plain -> b2
  b5: <- b2
    (-132) v21 = Copy <int> v24 (s[int])
    (-132) v22 = Copy <mem> v26
    (+132) v23 = MakeResult <int,mem> v21 v22
    Ret v23
  b6: <- b3
    (-130) v15 = Copy <int> v24 (s[int])
    (-130) v16 = Copy <int> v11 (i[int])
    (+130) v17 = Add64 <int> v15 v16 (s[int])
    Plain -> b4
  b7: <- b3
    Plain -> b4
name n[int]: [v6 v9 v28]
name s[int]: [v7 v15 v17 v21 v24 v25]
name i[int]: [v7 v8 v11 v16 v18 v20]
`,
  },
  {
    name: 'switchCases',
    why: 'constants hand the mark to a later value of the same line',
    before: `switchCases func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-106) v6 = Arg <int> {n} (n[int])
    (?) v7 = Const64 <int> [0]
    (?) v8 = Const64 <int> [1]
    (108) v9 = Leq64 <bool> v8 v6
    (?) v11 = Const64 <int> [3]
    (?) v14 = Const64 <int> [5]
    (?) v16 = Const64 <int> [4]
    (?) v19 = Const64 <int> [6]
    If v9 -> b6 b5
  b2: <- b3
    (-113) v22 = Copy <mem> v24
    (113) v23 = MakeResult <int,mem> v7 v22
    Ret v23
  b3: <- b8
    Plain -> b2
  b4: <- b6
    Plain -> b7
  b5: <- b1 b6
    (-107) v13 = Phi <int> v6 v10
    (110) v15 = Eq64 <bool> v13 v14
    (-111) v24 = Copy <mem> v1
    If v15 -> b9 b8
  b6: <- b1
    (-108) v10 = Copy <int> v6
    (108) v12 = Leq64 <bool> v10 v11
    If v12 -> b4 b5
  b7: <- b4
    (-109) v17 = Copy <mem> v1
    (109) v18 = MakeResult <int,mem> v16 v17
    Ret v18
  b8: <- b5
    Plain -> b3
  b9: <- b5
    Plain -> b10
  b10: <- b9
    (-111) v20 = Copy <mem> v24
    (111) v21 = MakeResult <int,mem> v19 v20
    Ret v21
name n[int]: [v6]
`,
    after: `switchCases func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-106) v6 = Arg <int> {n} (n[int])
    (?) v7 = Const64 <int> [0]
    (?) v8 = Const64 <int> [1]
    (+108) v9 = Leq64 <bool> v8 v6
    (?) v11 = Const64 <int> [3]
    (?) v14 = Const64 <int> [5]
    (?) v16 = Const64 <int> [4]
    (?) v19 = Const64 <int> [6]
    If v9 -> b6 b5
  b2: <- b3
    (-113) v22 = Copy <mem> v24
    (+113) v23 = MakeResult <int,mem> v7 v22
    Ret v23
  b3: <- b8
    Plain -> b2
  b4: <- b6
    Plain -> b7
  b5: <- b1 b6
    (-107) v13 = Phi <int> v6 v10
    (+110) v15 = Eq64 <bool> v13 v14
    (-111) v24 = Copy <mem> v1
    If v15 -> b9 b8
  b6: <- b1
    (-108) v10 = Copy <int> v6
    (108) v12 = Leq64 <bool> v10 v11
    If v12 -> b4 b5
  b7: <- b4
    (-109) v17 = Copy <mem> v1
    (+109) v18 = MakeResult <int,mem> v16 v17
    Ret v18
  b8: <- b5
    Plain -> b3
  b9: <- b5
    Plain -> b10
  b10: <- b9
    (-111) v20 = Copy <mem> v24
    (+111) v21 = MakeResult <int,mem> v19 v20
    Ret v21
name n[int]: [v6]
`,
  },
]

describe('number lines', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.why}`, () => {
      const { ours, want } = runOnDump(c.before, numberLines, c.after, { idOrder: true })
      expect(ours).toBe(want)
    })
  }

  it('marks an effectively empty block by its own position when its predecessors end elsewhere', () => {
    const f = funcFromDump(`e func(bool) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <bool> {c} (c[bool])
    (?) v3 = Const64 <int> [1]
    If v2 -> b2 b3
  b2: <- b1
    Plain -> b3
  b3: <- b1 b2
    (7) v4 = MakeResult <int,mem> v3 v1
    Ret v4
`)
    const [b1, b2, b3] = f.blocks
    b1!.pos = { line: 4, col: 2, stmt: '' }
    b2!.pos = { line: 5, col: 3, stmt: '' }
    numberLines(f)
    checkFunc(f)
    // b1 has no statement value: its end is the statement. b2 is empty, on another line: marked.
    expect(b1!.pos.stmt).toBe('+')
    expect(b2!.pos.stmt).toBe('+')
    // b3 starts a new line relative to both predecessors.
    expect(b3!.values[0]!.pos.stmt).toBe('+')
  })

  it('never marks values without a position or marked not-a-statement', () => {
    const f = funcFromDump(`n func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <int> {x} (x[int])
    (?) v3 = Const64 <int> [1]
    (-4) v4 = Add64 <int> v2 v3
    (5) v5 = MakeResult <int,mem> v4 v1
    Ret v5
`)
    numberLines(f)
    expect(f.entry.values.map((v) => v.pos.stmt)).toEqual(['', '-', '', '-', '+'])
  })
})
