import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func, Value } from '../../../src-main/compiler/ssa/func'
import { nilcheckelim } from '../../../src-main/compiler/ssa/passes/nilcheck'
import { skipDifferential, requireGo } from '../../go-toolchain'
import { namedTypes, opDiff, runOn, viewOf, viewOfDump } from './checks-diff'

function run(text: string): Func {
  const f = funcFromDump(text)
  nilcheckelim(f)
  checkFunc(f)
  return f
}

const value = (f: Func, id: string): Value => {
  for (const b of f.blocks) for (const v of b.values) if (v.ref === id) return v
  throw new Error(`no ${id}`)
}
const desc = (v: Value): string => `${v.op} ${v.args.map((a) => a.ref).join(' ')}`.trim()

describe('nilcheckelim', () => {
  it('removes a second check of the same pointer, which becomes a copy of the first', () => {
    const f = run(`fields func(*point) int
  b1:
    (?) v1 = InitMem <mem>
    (-5) v6 = Arg <*point> {p}
    (+6) v7 = NilCheck <*point> v6 v1
    (6) v8 = OffPtr <*int> [0] v7
    (6) v9 = Load <int> v8 v1
    (6) v10 = NilCheck <*point> v6 v1
    (6) v11 = OffPtr <*int> [8] v10
    (6) v12 = Load <int> v11 v1
    (6) v13 = Add64 <int> v9 v12
    (6) v14 = MakeResult <int,mem> v13 v1
    Ret v14
`)
    expect(desc(value(f, 'v7'))).toBe('NilCheck v6 v1')
    expect(desc(value(f, 'v10'))).toBe('Copy v7')
  })

  it('uses checks in dominating blocks only', () => {
    const f = run(`twice func(*point, bool) int
  b1:
    (?) v1 = InitMem <mem>
    (-5) v6 = Arg <*point> {p}
    (-5) v7 = Arg <bool> {c}
    If v7 -> b2 b3
  b2: <- b1
    (7) v8 = NilCheck <*point> v6 v1
    Plain -> b4
  b3: <- b1
    Plain -> b4
  b4: <- b2 b3
    (9) v9 = NilCheck <*point> v6 v1
    (9) v10 = NilCheck <*point> v6 v1
    (9) v11 = OffPtr <*int> [0] v10
    (9) v12 = Load <int> v11 v1
    (9) v13 = MakeResult <int,mem> v12 v1
    Ret v13
`)
    expect(desc(value(f, 'v9'))).toBe('NilCheck v6 v1') // b2 does not dominate b4
    expect(desc(value(f, 'v10'))).toBe('Copy v9')
  })

  it('knows addresses, offsets of them and phis of them are not nil', () => {
    const f = run(`addrs func(bool) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (?) v3 = SB <uintptr>
    (-5) v4 = Arg <bool> {c}
    (?) v5 = Addr <*int> {p.g} v3
    (?) v6 = LocalAddr <*[4]int> {a} v2 v1
    (6) v7 = OffPtr <*int> [8] v6
    If v4 -> b2 b3
  b2: <- b1
    Plain -> b3
  b3: <- b1 b2
    (8) v8 = Phi <*int> v5 v7
    (8) v9 = NilCheck <*int> v8 v1
    (8) v10 = NilCheck <*int> v5 v1
    (8) v11 = Load <int> v9 v1
    (8) v12 = Load <int> v10 v1
    (8) v13 = Add64 <int> v11 v12
    (8) v14 = MakeResult <int,mem> v13 v1
    Ret v14
`)
    expect(desc(value(f, 'v9'))).toBe('Copy v8')
    expect(desc(value(f, 'v10'))).toBe('Copy v5')
  })

  it('learns from the true edge of an explicit p != nil test', () => {
    const f = run(`guarded func(*point) int
  b1:
    (?) v1 = InitMem <mem>
    (-5) v6 = Arg <*point> {p}
    (?) v7 = Const64 <int> [0]
    (+6) v8 = IsNonNil <bool> v6
    If v8 -> b2 b3
  b2: <- b1
    (7) v9 = NilCheck <*point> v6 v1
    (7) v10 = OffPtr <*int> [0] v9
    (7) v11 = Load <int> v10 v1
    (+7) v12 = IsNonNil <bool> v6
    (7) v13 = MakeResult <int,mem> v11 v1
    Ret v13
  b3: <- b1
    (9) v14 = NilCheck <*point> v6 v1
    (9) v15 = MakeResult <int,mem> v7 v1
    Ret v15
`)
    expect(desc(value(f, 'v9'))).toBe('Copy v6')
    // A redundant explicit test folds to true; its statement mark moves to the next value on the line.
    expect(value(f, 'v12').op).toBe('ConstBool')
    expect(value(f, 'v12').auxInt).toBe(1n)
    expect(value(f, 'v12').pos.stmt).toBe('-')
    expect(value(f, 'v13').pos.stmt).toBe('+')
    expect(value(f, 'v10').pos.stmt).toBe('') // offsets are poor statements
    // The false edge says nothing.
    expect(desc(value(f, 'v14'))).toBe('NilCheck v6 v1')
  })

  it('checks in source order within a block, whatever the value order', () => {
    const f = run(`order func(*point) int
  b1:
    (?) v1 = InitMem <mem>
    (-5) v6 = Arg <*point> {p}
    (?) v7 = Const64 <int> [1]
    (8) v10 = NilCheck <*point> v6 v8
    (+7) v9 = NilCheck <*point> v6 v1
    (7) v11 = OffPtr <*int> [0] v9
    (7) v8 = Store <mem> {int} v11 v7 v1
    (8) v12 = OffPtr <*int> [8] v10
    (8) v13 = Load <int> v12 v8
    (8) v14 = MakeResult <int,mem> v13 v8
    Ret v14
`)
    expect(desc(value(f, 'v9'))).toBe('NilCheck v6 v1')
    expect(desc(value(f, 'v10'))).toBe('Copy v9')
  })
})

describe.skipIf(skipDifferential)('nilcheckelim against gc', () => {
  const file = join(__dirname, '../../../testdata/ssa/checks.go')
  let dumps: GcSsaDumps

  it('matches gc on testdata/ssa/checks.go', async () => {
    requireGo()
    dumps = await gcSsaDumps(file, 'all', ['gcse deadcode', 'nilcheckelim'])
    const named = await namedTypes(file)
    let compared = 0
    let removed = 0
    const diffs: string[] = []
    for (const [fn, passes] of dumps) {
      const before = passes.get('gcse deadcode')
      const after = passes.get('nilcheckelim')
      if (!before || !after) continue
      const ours = runOn(before, nilcheckelim, named)
      if (typeof ours === 'string') {
        diffs.push(`${fn}: ${ours}`)
        continue
      }
      compared++
      const o = viewOf(ours)
      const g = viewOfDump(after)
      removed += viewOfDump(before).ops.filter((x) => x.startsWith('NilCheck ')).length - g.ops.filter((x) => x.startsWith('NilCheck ')).length
      const d = opDiff(o.ops, g.ops)
      if (d.length) diffs.push(`${fn}: ${d.join(', ')}`)
    }
    expect(compared).toBeGreaterThan(40)
    expect(removed).toBeGreaterThan(5) // the file exercises the pass
    expect(diffs).toEqual([])
  }, 60_000)
})
