import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { gcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func, Value } from '../../../src-main/compiler/ssa/func'
import { dse, elimDeadAutos, resultTypes } from '../../../src-main/compiler/ssa/passes/deadstore'
import { skipDifferential, requireGo } from '../../go-toolchain'
import { namedTypes, opDiff, runOn, viewOf, viewOfDump } from './checks-diff'

function run(text: string, pass: (f: Func) => void): Func {
  const f = funcFromDump(text)
  pass(f)
  checkFunc(f)
  return f
}

const value = (f: Func, id: string): Value => f.blocks.flatMap((b) => b.values).find((v) => v.ref === id)!
const desc = (v: Value): string => `${v.op} ${v.args.map((a) => a.ref).join(' ')}`.trim()

describe('dse', () => {
  it('drops a store overwritten later in the block with no read between', () => {
    const f = run(
      `overwrite func(*point)
  b1:
    (?) v1 = InitMem <mem>
    (261) v5 = ArgIntReg <*point> {p+0} [0] (p[*point])
    (?) v6 = Const64 <int> [1]
    (?) v10 = Const64 <int> [2]
    (?) v14 = Const64 <int> [3]
    (+258) v7 = NilCheck <*point> v5 v1
    (258) v8 = OffPtr <*int> [0] v7
    (258) v9 = Store <mem> {int} v8 v6 v1
    (+259) v12 = OffPtr <*int> [8] v7
    (+260) v16 = OffPtr <*int> [0] v7
    (+259) v13 = Store <mem> {int} v12 v10 v9
    (+260) v17 = Store <mem> {int} v16 v14 v13
    (+261) v18 = MakeResult <mem> v17
    Ret v18
`,
      dse,
    )
    expect(desc(value(f, 'v9'))).toBe('Copy v1')
    expect(desc(value(f, 'v13'))).toBe('Store v12 v10 v9')
    expect(desc(value(f, 'v17'))).toBe('Store v16 v14 v13')
  })

  it('drops a store whose bytes are covered by several later ones', () => {
    const f = run(
      `zeroThenSet func(*[2]int, int, int)
  b1:
    (?) v1 = InitMem <mem>
    (5) v7 = ArgIntReg <*[2]int> {p+0} [0] (p[*[2]int])
    (5) v8 = ArgIntReg <int> {a+0} [1] (a[int])
    (5) v9 = ArgIntReg <int> {b+0} [2] (b[int])
    (+6) v12 = NilCheck <*[2]int> v7 v1
    (6) v5 = Zero <mem> {[2]int} [16] v12 v1
    (+7) v15 = OffPtr <*int> [0] v12
    (+8) v18 = OffPtr <*int> [8] v12
    (+7) v16 = Store <mem> {int} v15 v8 v5
    (+8) v19 = Store <mem> {int} v18 v9 v16
    (+9) v20 = MakeResult <mem> v19
    Ret v20
`,
      dse,
    )
    expect(desc(value(f, 'v5'))).toBe('Copy v1')
  })

  it('keeps a store that a load or a call may read', () => {
    const f = run(
      `readBetween func(*point) int
  b1:
    (?) v1 = InitMem <mem>
    (5) v5 = ArgIntReg <*point> {p+0} [0] (p[*point])
    (?) v6 = Const64 <int> [1]
    (?) v10 = Const64 <int> [2]
    (+6) v7 = NilCheck <*point> v5 v1
    (6) v8 = OffPtr <*int> [0] v7
    (6) v9 = Store <mem> {int} v8 v6 v1
    (7) v11 = Load <int> v8 v9
    (8) v12 = Store <mem> {int} v8 v10 v9
    (+9) v13 = MakeResult <int,mem> v11 v12
    Ret v13
`,
      dse,
    )
    expect(value(f, 'v9').op).toBe('Store')
  })
})

const DEAD_ARRAY = `deadArray func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (+253) v6 = ArgIntReg <int> {x+0} [0] (x[int])
    (?) v11 = Const64 <int> [7]
    (-251) v8 = VarDef <mem> {a} v1
    (+252) v12 = And64 <int> v6 v11
    (251) v9 = LocalAddr <*[8]int> {a} v2 v8
    (+251) v10 = Zero <mem> {[8]int} [64] v9 v8
    (252) v13 = Const64 <uint64> [3]
    (252) v14 = Lsh64x64 <int> [true] v12 v13
    (252) v15 = AddPtr <*int> v9 v14
    (252) v16 = Store <mem> {int} v15 v6 v10
    (+253) v17 = MakeResult <int,mem> v6 v16
    Ret v17
`

describe('dead auto elim', () => {
  it('drops every store to a local that is never read', () => {
    const f = run(DEAD_ARRAY, elimDeadAutos)
    expect(['v8', 'v10', 'v16'].map((id) => desc(value(f, id)))).toEqual(['Copy v1', 'Copy v8', 'Copy v10'])
  })

  it('keeps a local that is loaded', () => {
    const f = run(DEAD_ARRAY.replace('(+253) v17 = MakeResult <int,mem> v6 v16', '(253) v18 = Load <int> v9 v16\n    (+253) v17 = MakeResult <int,mem> v18 v16'), elimDeadAutos)
    expect(value(f, 'v16').op).toBe('Store')
    expect(value(f, 'v8').op).toBe('VarDef')
  })

  it('keeps a local whose address reaches a call', () => {
    const f = run(
      DEAD_ARRAY.replace(
        '(+253) v17 = MakeResult <int,mem> v6 v16',
        '(253) v18 = StaticCall <mem> {AuxCall{p.use}} [8] v15 v16\n    (253) v19 = SelectN <mem> [0] v18\n    (+253) v17 = MakeResult <int,mem> v6 v19',
      ),
      elimDeadAutos,
    )
    expect(value(f, 'v16').op).toBe('Store')
  })

  it('keeps the stores to a result that lives in memory', () => {
    const f = run(
      `bigRes func(int) [10]int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (+5) v6 = ArgIntReg <int> {x+0} [0] (x[int])
    (?) v5 = LocalAddr <*[10]int> {r} v2 v1
    (+3) v7 = Zero <mem> {[10]int} [80] v5 v1
    (-4) v11 = OffPtr <*int> [24] v5
    (+4) v12 = Store <mem> {int} v11 v6 v7
    (+5) v15 = MakeResult <mem> v12
    Ret v15
`,
      elimDeadAutos,
    )
    expect(value(f, 'v12').op).toBe('Store')
    expect(value(f, 'v7').op).toBe('Zero')
  })

  it('reads result types from function types', () => {
    expect(resultTypes('func(int) [10]int').map((t) => t.str)).toEqual(['[10]int'])
    expect(resultTypes('func(func(int) int) (int, []*int)').map((t) => t.str)).toEqual(['int', '[]*int'])
    expect(resultTypes('method(T) func() *int').map((t) => t.str)).toEqual(['*int'])
    expect(resultTypes('func()')).toEqual([])
  })
})

describe.skipIf(skipDifferential)('dse and dead auto elim against gc', () => {
  const file = join(__dirname, '../../../testdata/ssa/checks.go')

  it('match gc on testdata/ssa/checks.go exactly', async () => {
    requireGo()
    const dumps = await gcSsaDumps(file, 'all', ['late opt', 'dead auto elim', 'check bce', 'dse'])
    const named = await namedTypes(file)
    const cases = [
      { before: 'late opt', after: 'dead auto elim', pass: elimDeadAutos },
      { before: 'check bce', after: 'dse', pass: dse },
    ]
    for (const c of cases) {
      let compared = 0
      let changed = 0
      const diffs: string[] = []
      for (const [fn, passes] of dumps) {
        const before = passes.get(c.before)
        const after = passes.get(c.after)
        if (!before || !after) continue
        const ours = runOn(before, c.pass, named)
        if (typeof ours === 'string') {
          diffs.push(`${fn}: ${ours}`)
          continue
        }
        compared++
        const o = viewOf(ours)
        const g = viewOfDump(after)
        if (g.text !== viewOfDump(before).text) changed++
        const d = opDiff(o.ops, g.ops)
        if (d.length) diffs.push(`${fn}: ${d.join(', ')}`)
        else if (o.text !== g.text) diffs.push(`${fn}: same ops, different text:\n${o.text}\n--- gc:\n${g.text}`)
      }
      expect(compared, c.after).toBeGreaterThan(40)
      expect(changed, c.after).toBeGreaterThan(1)
      expect(diffs, c.after).toEqual([])
    }
  }, 60_000)
})
