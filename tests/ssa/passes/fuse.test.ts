import { describe, expect, it } from 'vitest'
import { fuse, fuseEarly, fuseLate, FUSE_PLAIN } from '../../../src-main/compiler/ssa/passes/fuse'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import { runOnDump } from './cleanup-helpers'

// gc's functions from testdata/ssa/cleanup.go before and after early fuse (after middle opt)
// and late fuse (after generic deadcode). gc keeps fused-into entries in place; we move
// the entry first, so blocks are compared in id order.
const EARLY: { name: string; why: string; before: string; after: string }[] = [
  {
    name: 'switchCases',
    why: 'case 1, 2, 3: 0 < n && n <= 3 becomes one branch on AndB; the entry fuses into its successor',
    before: `switchCases func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-106) v6 = Arg <int> {n} (n[int])
    (?) v7 = Const64 <int> [0]
    (?) v11 = Const64 <int> [3]
    (?) v14 = Const64 <int> [5]
    (?) v16 = Const64 <int> [4]
    (?) v19 = Const64 <int> [6]
    (+108) v9 = Less64 <bool> v7 v6
    If v9 -> b6 b5
  b2: <- b5
    (+113) v23 = MakeResult <int,mem> v7 v1
    Ret v23
  b5: <- b1 b6
    (+110) v15 = Eq64 <bool> v6 v14
    If v15 -> b10 b2
  b6: <- b1
    (108) v12 = Leq64 <bool> v6 v11
    If v12 -> b7 b5
  b7: <- b6
    (+109) v18 = MakeResult <int,mem> v16 v1
    Ret v18
  b10: <- b5
    (+111) v21 = MakeResult <int,mem> v19 v1
    Ret v21
name n[int]: [v6]
`,
    after: `switchCases func(int) int
  b2: <- b5
    (+113) v23 = MakeResult <int,mem> v7 v1
    Ret v23
  b5: <- b6
    (+110) v15 = Eq64 <bool> v6 v14
    If v15 -> b10 b2
  b6:
    (?) v1 = InitMem <mem>
    (-106) v6 = Arg <int> {n} (n[int])
    (?) v7 = Const64 <int> [0]
    (?) v11 = Const64 <int> [3]
    (?) v14 = Const64 <int> [5]
    (?) v16 = Const64 <int> [4]
    (?) v19 = Const64 <int> [6]
    (+108) v9 = Less64 <bool> v7 v6
    (108) v12 = Leq64 <bool> v6 v11
    (108) v20 = AndB <bool> v9 v12
    If v20 -> b7 b5
  b7: <- b6
    (+109) v18 = MakeResult <int,mem> v16 v1
    Ret v18
  b10: <- b5
    (+111) v21 = MakeResult <int,mem> v19 v1
    Ret v21
name n[int]: [v6]
`,
  },
  {
    name: 'rangeIf',
    why: 'x >= 0 && x < 10: one branch on AndB, then plain fusion',
    before: `rangeIf func(int, []int) int
  b1:
    (?) v1 = InitMem <mem>
    (-139) v7 = Arg <int> {x} (x[int])
    (-139) v8 = Arg <[]int> {s} (s[[]int])
    (?) v9 = Const64 <int> [0]
    (?) v12 = Const64 <int> [10]
    (?) v26 = Const64 <int> [-1]
    (+140) v10 = Leq64 <bool> v9 v7
    If v10 -> b2 b4
  b2: <- b1
    (140) v13 = Less64 <bool> v7 v12
    If v13 -> b5 b4
  b4: <- b2 b1
    (+143) v28 = MakeResult <int,mem> v26 v1
    Ret v28
  b5: <- b2
    (+141) v17 = SliceLen <int> v8
    (141) v18 = IsInBounds <bool> v7 v17
    If v18 -> b6 b7 (likely)
  b6: <- b5
    (141) v21 = SlicePtr <*int> v8
    (141) v23 = Const64 <uint64> [3]
    (141) v14 = Lsh64x64 <int> [true] v7 v23
    (141) v22 = AddPtr <*int> v21 v14
    (141) v24 = Load <int> v22 v1
    (141) v25 = MakeResult <int,mem> v24 v1
    Ret v25
  b7: <- b5
    (141) v20 = PanicBounds <mem> [0] v7 v17 v1
    Exit v20
name x[int]: [v7]
name s[[]int]: [v8]
`,
    after: `rangeIf func(int, []int) int
  b2:
    (?) v1 = InitMem <mem>
    (-139) v7 = Arg <int> {x} (x[int])
    (-139) v8 = Arg <[]int> {s} (s[[]int])
    (?) v9 = Const64 <int> [0]
    (?) v12 = Const64 <int> [10]
    (?) v26 = Const64 <int> [-1]
    (+140) v10 = Leq64 <bool> v9 v7
    (140) v13 = Less64 <bool> v7 v12
    (140) v19 = AndB <bool> v10 v13
    If v19 -> b5 b4
  b4: <- b2
    (+143) v28 = MakeResult <int,mem> v26 v1
    Ret v28
  b5: <- b2
    (+141) v17 = SliceLen <int> v8
    (141) v18 = IsInBounds <bool> v7 v17
    If v18 -> b6 b7 (likely)
  b6: <- b5
    (141) v21 = SlicePtr <*int> v8
    (141) v23 = Const64 <uint64> [3]
    (141) v14 = Lsh64x64 <int> [true] v7 v23
    (141) v22 = AddPtr <*int> v21 v14
    (141) v24 = Load <int> v22 v1
    (141) v25 = MakeResult <int,mem> v24 v1
    Ret v25
  b7: <- b5
    (141) v20 = PanicBounds <mem> [0] v7 v17 v1
    Exit v20
name x[int]: [v7]
name s[[]int]: [v8]
`,
  },
]
const LATE: { name: string; why: string; before: string; after: string }[] = [
  {
    name: 'emptyElse',
    why: 'an If whose two edges reach the same block becomes Plain, and its dead compare goes',
    before: `emptyElse func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (118) v7 = ArgIntReg <int> {a+0} [0] (a[int], x[int])
    (118) v8 = ArgIntReg <int> {b+0} [1] (b[int])
    (+118) v10 = Less64 <bool> v8 v7
    If v10 -> b2 b2
  b2: <- b1 b1
    (+121) v13 = Add64 <int> v7 v8
    (121) v15 = MakeResult <int,mem> v13 v1
    Ret v15
name a[int]: [v7]
name b[int]: [v8]
name x[int]: [v7]
`,
    after: `emptyElse func(int, int) int
  b2:
    (?) v1 = InitMem <mem>
    (118) v7 = ArgIntReg <int> {a+0} [0] (a[int], x[int])
    (118) v8 = ArgIntReg <int> {b+0} [1] (b[int])
    (+121) v13 = Add64 <int> v7 v8
    (121) v15 = MakeResult <int,mem> v13 v1
    Ret v15
name a[int]: [v7]
name b[int]: [v8]
name x[int]: [v7]
`,
  },
  {
    name: 'boolPhi',
    why: 'a triangle left with no phi: If to Plain, then one block',
    before: `boolPhi func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (26) v7 = ArgIntReg <int> {a+0} [0] (a[int])
    (26) v8 = ArgIntReg <int> {b+0} [1] (b[int])
    (+26) v10 = Less64 <bool> v7 v8 (x[bool])
    If v10 -> b3 b2
  b2: <- b1 b3
    (+29) v14 = MakeResult <bool,mem> v10 v1
    Ret v14
  b3: <- b1
    Plain -> b2
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v10]
`,
    after: `boolPhi func(int, int) bool
  b2:
    (?) v1 = InitMem <mem>
    (26) v7 = ArgIntReg <int> {a+0} [0] (a[int])
    (26) v8 = ArgIntReg <int> {b+0} [1] (b[int])
    (+26) v10 = Less64 <bool> v7 v8 (x[bool])
    (+29) v14 = MakeResult <bool,mem> v10 v1
    Ret v14
name a[int]: [v7]
name b[int]: [v8]
name x[bool]: [v10]
`,
  },
  {
    name: 'sameCompare',
    why: 'plain runs fuse into their last block',
    before: `sameCompare func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (165) v7 = ArgIntReg <int> {a+0} [0] (a[int])
    (165) v8 = ArgIntReg <int> {b+0} [1] (b[int])
    (?) v14 = Const64 <int> [1]
    (?) v20 = Const64 <int> [3]
    (+165) v10 = Less64 <bool> v7 v8
    If v10 -> b3 b2
  b2: <- b1
    (+171) v22 = MakeResult <int,mem> v20 v1
    Ret v22
  b3: <- b1
    Plain -> b5
  b5: <- b3
    (+167) v16 = MakeResult <int,mem> v14 v1
    Ret v16
name a[int]: [v7]
name b[int]: [v8]
`,
    after: `sameCompare func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (165) v7 = ArgIntReg <int> {a+0} [0] (a[int])
    (165) v8 = ArgIntReg <int> {b+0} [1] (b[int])
    (?) v14 = Const64 <int> [1]
    (?) v20 = Const64 <int> [3]
    (+165) v10 = Less64 <bool> v7 v8
    If v10 -> b5 b2
  b2: <- b1
    (+171) v22 = MakeResult <int,mem> v20 v1
    Ret v22
  b5: <- b1
    (+167) v16 = MakeResult <int,mem> v14 v1
    Ret v16
name a[int]: [v7]
name b[int]: [v8]
`,
  },
  {
    name: 'branchRedirect',
    why: "`if a == b {…}; if a != b && x > 0`: b2 tests b1's v14 again, so b1's false edge goes straight to b2's false successor b7 (fuseBranchRedirect)",
    before: `branch func(Pt, Pt, int) int
  b1:
    (?) v1 = InitMem <mem>
    (66) v10 = ArgIntReg <int> {x+0} [4] (x[int])
    (?) v11 = Const64 <int> [0]
    (-66) v34 = ArgIntReg <int> {a+0} [0]
    (-66) v28 = ArgIntReg <int> {a+8} [1]
    (-66) v38 = ArgIntReg <int> {b+0} [2]
    (-66) v35 = ArgIntReg <int> {b+8} [3]
    (+66) v14 = Eq64 <bool> v38 v34
    If v14 -> b4 b2
  b2: <- b1 b4
    If v14 -> b6 b7
  b3: <- b4
    (+67) v22 = MakeResult <int,mem> v10 v1
    Ret v22
  b4: <- b1
    (66) v19 = Eq64 <bool> v35 v28
    If v19 -> b3 b2
  b6: <- b2
    (69) v33 = Eq64 <bool> v35 v28
    If v33 -> b9 b7
  b7: <- b6 b2
    (69) v37 = Less64 <bool> v11 v10
    If v37 -> b10 b9
  b9: <- b7 b6
    (+72) v44 = MakeResult <int,mem> v11 v1
    Ret v44
  b10: <- b7
    (+70) v40 = Neg64 <int> v10
    (70) v42 = MakeResult <int,mem> v40 v1
    Ret v42
name x[int]: [v10]
`,
    after: `branch func(Pt, Pt, int) int
  b1:
    (?) v1 = InitMem <mem>
    (66) v10 = ArgIntReg <int> {x+0} [4] (x[int])
    (?) v11 = Const64 <int> [0]
    (-66) v34 = ArgIntReg <int> {a+0} [0]
    (-66) v28 = ArgIntReg <int> {a+8} [1]
    (-66) v38 = ArgIntReg <int> {b+0} [2]
    (-66) v35 = ArgIntReg <int> {b+8} [3]
    (+66) v14 = Eq64 <bool> v38 v34
    If v14 -> b4 b7
  b2: <- b4
    If v14 -> b6 b7
  b3: <- b4
    (+67) v22 = MakeResult <int,mem> v10 v1
    Ret v22
  b4: <- b1
    (66) v19 = Eq64 <bool> v35 v28
    If v19 -> b3 b2
  b6: <- b2
    (69) v33 = Eq64 <bool> v35 v28
    If v33 -> b9 b7
  b7: <- b6 b2 b1
    (69) v37 = Less64 <bool> v11 v10
    If v37 -> b10 b9
  b9: <- b7 b6
    (+72) v44 = MakeResult <int,mem> v11 v1
    Ret v44
  b10: <- b7
    (+70) v40 = Neg64 <int> v10
    (70) v42 = MakeResult <int,mem> v40 v1
    Ret v42
name x[int]: [v10]
`,
  },
]

describe('fuse', () => {
  for (const c of EARLY) {
    it(`early fuse, ${c.name}: ${c.why}`, () => {
      const { ours, want } = runOnDump(c.before, fuseEarly, c.after, { anyBlockOrder: true })
      expect(ours).toBe(want)
    })
  }
  for (const c of LATE) {
    it(`late fuse, ${c.name}: ${c.why}`, () => {
      const { ours, want } = runOnDump(c.before, fuseLate, c.after, { anyBlockOrder: true })
      expect(ours).toBe(want)
    })
  }

  it('keeps the entry block first when it is fused into its successor', () => {
    const f = funcFromDump(EARLY[0]!.before)
    fuseEarly(f)
    checkFunc(f)
    expect(f.blocks[0]).toBe(f.entry)
    expect(f.entry.ref).toBe('b6')
    expect(f.entry.preds).toEqual([])
  })

  it('fuses a chain into its last block, keeping value order and statement marks at block ends', () => {
    const f = funcFromDump(`c func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <int> {x} (x[int])
    Plain -> b2
  b2: <- b1
    (4) v3 = Neg64 <int> v2
    Plain -> b3
  b3: <- b2
    (5) v4 = Neg64 <int> v3
    (+6) v5 = MakeResult <int,mem> v4 v1
    Ret v5
`)
    // b2 ends on a statement at line 5: the mark moves to b3's first value on that line.
    f.blocks[1]!.pos = { line: 5, col: 1, stmt: '+' }
    fuse(f, FUSE_PLAIN)
    checkFunc(f)
    expect(f.blocks.map((b) => b.ref)).toEqual(['b3'])
    expect(f.entry.values.map((v) => v.ref)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5'])
    expect(f.entry.values[3]!.pos.stmt).toBe('+')
  })

  it('leaves a self loop alone and terminates', () => {
    const f = funcFromDump(`l func()
  b1:
    (?) v1 = InitMem <mem>
    Plain -> b2
  b2: <- b1 b2
    Plain -> b2
`)
    fuseLate(f)
    checkFunc(f)
    // b2 has two predecessors (b1 and itself): nothing to fuse.
    expect(f.blocks.map((b) => b.ref)).toEqual(['b1', 'b2'])
    expect(f.blocks[1]!.succs.map((b) => b.ref)).toEqual(['b2'])
  })
})
