// zero arg cse: equal argument-free values merge into the first one, which
// moves to the entry block; differential against gc on testdata/ssa/opt.go.

import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { parseSsaDump, type DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { opt } from '../../../src-main/compiler/ssa/passes/opt'
import { zcse } from '../../../src-main/compiler/ssa/passes/zcse'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { requireGo, skipDifferential } from '../../go-toolchain'

const TWO_BLOCKS = `t func(bool) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <bool> {c}
    (?) v3 = Const64 <int> [1]
    (?) v4 = Const64 <uint64> [1]
    If v2 -> b2 b3
  b2: <- b1
    (?) v5 = Const64 <int> [7]
    (?) v6 = Const64 <int> [1]
    (?) v7 = Add64 <int> v5 v6
    (?) v8 = ConstBool <bool> [true]
    If v8 -> b3 b4
  b3: <- b1 b2
    (?) v9 = Const64 <int> [7]
    (?) v10 = Phi <int> v3 v9
    (?) v11 = MakeResult <int,mem> v10 v1
    Ret v11
  b4: <- b2
    (?) v12 = MakeResult <int,mem> v7 v1
    Ret v12
`

const valueById = (f: Func, id: number) => f.blocks.flatMap((b) => b.values).find((v) => v.id === id)!

describe('zero arg cse', () => {
  it('keeps the first of equal values, moves it to the entry block and points every argument at it', () => {
    const f = funcFromDump(TWO_BLOCKS)
    zcse(f)
    checkFunc(f)
    const v5 = valueById(f, 5)
    expect(v5.block).toBe(f.entry)
    expect(valueById(f, 7).args.map(String)).toEqual(['v5', 'v3'])
    // v9 (another 7) is left in place for deadcode, with no uses.
    expect(valueById(f, 10).args.map(String)).toEqual(['v3', 'v5'])
    expect(valueById(f, 9).uses).toBe(0)
  })

  it('tells values apart by type and leaves block controls and values with arguments alone', () => {
    const f = funcFromDump(TWO_BLOCKS)
    zcse(f)
    expect(valueById(f, 4).uses).toBe(0) // Const64 <uint64> [1] is not Const64 <int> [1]
    const b2 = f.blocks.find((b) => b.id === 2)!
    expect(b2.controls[0]!.ref).toBe('v8')
    expect(valueById(f, 8).block).toBe(f.entry) // first ConstBool [true]: moved, still the control
    expect(valueById(f, 7).block).toBe(b2)
  })

  it('makes no new values and changes nothing the second time', () => {
    const f = funcFromDump(TWO_BLOCKS)
    const before = f.numValues
    zcse(f)
    const once = printFunc(new Snapshotter().take(f).snapshot)
    zcse(f)
    expect(f.numValues).toBe(before)
    expect(printFunc(new Snapshotter().take(f).snapshot)).toBe(once)
  })
})

/** Live values with their block, sorted: zcse decides where values live. */
function placed(d: DumpFunc): string[] {
  return d.blocks
    .filter((b) => !b.dead)
    .flatMap((b) => b.values.filter((v) => !v.dead).map((v) => `${b.id} ${v.op} <${v.type}>${v.auxInt !== undefined ? ` [${v.auxInt}]` : ''}${v.aux !== undefined ? ` {${v.aux}}` : ''}`))
    .sort()
}

describe.skipIf(skipDifferential)('differential against gc: zero arg cse on testdata/ssa/opt.go', () => {
  let dumps: GcSsaDumps
  beforeAll(async () => {
    requireGo()
    dumps = await gcSsaDumps(join(__dirname, '../../../testdata/ssa/opt.go'), 'all', ['pre-opt deadcode', 'zero arg cse'])
  }, 120_000)

  it("our opt then zcse on gc's function before opt gives gc's values, block by block, after zero arg cse", () => {
    let compared = 0
    for (const [name, passes] of dumps) {
      const from = passes.get('pre-opt deadcode')
      const want = passes.get('zero arg cse')
      if (!from || !want) continue
      const f = funcFromDump(from)
      const ctx = { arch: 'amd64', rules: [] }
      opt(f, ctx)
      zcse(f)
      checkFunc(f)
      expect(placed(parseSsaDump(printFunc(new Snapshotter().take(f).snapshot))), name).toEqual(placed(want))
      compared++
    }
    expect(compared).toBeGreaterThanOrEqual(25)
  })
})
