import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { funcFromDump } from '../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../src-main/compiler/ssa/check'
import { printFunc } from '../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../src-main/compiler/ssa/snapshot'

const LOOP = `loop func([]int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-12) v7 = Arg <[]int> {s} (s[[]int])
    (-12) v8 = Arg <int> {n} (n[int])
    (?) v9 = Const64 <int> [0] (i[int], t[int])
    (?) v26 = Const64 <int> [1]
    Plain -> b2
  b2: <- b1 b4
    (14) v10 = Phi <int> v9 v27 (i[int])
    (14) v31 = Phi <mem> v1 v22
    (14) v32 = Phi <int> v9 v24 (t[int])
    (14) v12 = Less64 <bool> v10 v8
    If v12 -> b3 b5 (likely)
  b3: <- b2
    (15) v16 = SliceLen <int> v7
    (15) v17 = IsInBounds <bool> v10 v16
    If v17 -> b6 b7 (likely)
  b4: <- b6
    (14) v27 = Add64 <int> v10 v26 (i[int])
    Plain -> b2
  b5: <- b2
    (17) v30 = MakeResult <int,mem> v32 v31
    Ret v30
  b6: <- b3
    (15) v20 = SlicePtr <*int> v7
    (15) v21 = PtrIndex <*int> v20 v10
    (15) v22 = Copy <mem> v31
    (15) v23 = Load <int> v21 v22
    (15) v24 = Add64 <int> v32 v23 (t[int])
    Plain -> b4
  b7: <- b3
    (15) v19 = PanicBounds <mem> [0] v10 v16 v31
    Exit v19
name s[[]int]: [v7]
name n[int]: [v8]
name t[int]: [v9 v24 v32]
name i[int]: [v9 v10 v27]
`

describe('gc dumps read back into functions', () => {
  it('round-trips a dump through our printer and passes the checker', () => {
    const f = funcFromDump(LOOP)
    checkFunc(f)
    expect(printFunc(new Snapshotter().take(f).snapshot)).toBe(LOOP)
  })

  it('reads every captured real fixture and checks it', () => {
    const dir = join(__dirname, '../gcbridge/fixtures')
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.dump'))) {
      const f = funcFromDump(readFileSync(join(dir, name), 'utf8'))
      expect(() => checkFunc(f), name).not.toThrow()
    }
  })
})
