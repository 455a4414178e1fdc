// decompose user and decompose builtin: phis of structs, arrays and slices
// split into phis of their parts, dec.rules on slice loads and stores, and
// the split names; differential against gc on testdata/ssa/opt_decompose.go.

import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { parseSsaDump, type DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { PassContext } from '../../../src-main/compiler/ssa/compile'
import type { Func, Value } from '../../../src-main/compiler/ssa/func'
import { slotString } from '../../../src-main/compiler/ssa/func'
import { decomposeBuiltin, decomposeUser } from '../../../src-main/compiler/ssa/passes/decompose'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { requireGo, skipDifferential } from '../../go-toolchain'

const ctx = (): PassContext => ({ arch: 'amd64', rules: [] })
const names = (f: Func): string[] => f.names.map((n) => `${slotString(n.slot)}: ${n.values.map(String).join(' ')}`)
const byRef = (f: Func, ref: string): Value => f.blocks.flatMap((b) => b.values).find((v) => v.ref === ref)!

const STRUCT_PHI = `t func(bool, int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <bool> {c}
    (?) v3 = Arg <int> {a}
    (?) v4 = Arg <int> {b}
    (?) v5 = StructMake <struct { x int; y int }> v3 v4 (v[struct { x int; y int }])
    If v2 -> b2 b3
  b2: <- b1
    (?) v6 = StructMake <struct { x int; y int }> v4 v3 (v[struct { x int; y int }])
    Plain -> b3
  b3: <- b1 b2
    (?) v7 = Phi <struct { x int; y int }> v5 v6 (v[struct { x int; y int }])
    (?) v8 = StructSelect <int> [0] v7
    (?) v9 = MakeResult <int,mem> v8 v1
    Ret v9
name v[struct { x int; y int }]: [v5 v6 v7]
`

describe('decompose user', () => {
  it('splits a struct phi into a StructMake of per-field phis of StructSelects made in the incoming blocks', () => {
    const f = funcFromDump(STRUCT_PHI)
    decomposeUser(f)
    checkFunc(f)
    const v7 = byRef(f, 'v7')
    expect(v7.op).toBe('StructMake')
    const [px, py] = v7.args as [Value, Value]
    expect([px.op, px.type.str, py.op, py.type.str]).toEqual(['Phi', 'int', 'Phi', 'int'])
    expect(px.args.map((a) => `${a.op} [${a.auxInt}] ${a.args[0]} in ${a.block}`)).toEqual(['StructSelect [0] v5 in b1', 'StructSelect [0] v6 in b2'])
    expect(py.args.map((a) => a.auxInt)).toEqual([1n, 1n])
    // A local's fields are new variables named by appending the field name (gc's SplitSlot).
    expect(names(f)).toEqual(['vx[int]: v3 v4 ' + px.ref, 'vy[int]: v4 v3 ' + py.ref])
  })

  it("names a parameter's parts by offset and splits nested structs and 1-element arrays all the way down", () => {
    const f = funcFromDump(`t func(struct { a int; b struct { c *int; d [1]int } }) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <int> {p}
    (?) v3 = Arg <*int> {p} [8]
    (?) v4 = Arg <int> {p} [16]
    (?) v5 = ArrayMake1 <[1]int> v4
    (?) v6 = StructMake <struct { c *int; d [1]int }> v3 v5
    (?) v7 = StructMake <struct { a int; b struct { c *int; d [1]int } }> v2 v6 (p[struct { a int; b struct { c *int; d [1]int } }])
    (?) v8 = MakeResult <int,mem> v2 v1
    Ret v8
name p[struct { a int; b struct { c *int; d [1]int } }]: [v7]
`)
    decomposeUser(f)
    checkFunc(f)
    expect(names(f)).toEqual(['p[int]: v2', 'p+8[*int]: v3', 'p+16[int]: v4'])
  })

  it('a zero-sized struct phi becomes Empty; array phis become ArrayMake1 of a phi', () => {
    const f = funcFromDump(`t func(bool) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <bool> {c}
    (?) v3 = StructMake <struct {}>
    (?) v4 = Const64 <int> [1]
    (?) v5 = ArrayMake1 <[1]int> v4
    If v2 -> b2 b3
  b2: <- b1
    Plain -> b3
  b3: <- b1 b2
    (?) v6 = Phi <struct {}> v3 v3
    (?) v7 = Phi <[1]int> v5 v5
    (?) v8 = ArraySelect <int> [0] v7
    (?) v9 = MakeResult <int,mem> v8 v1
    Ret v9
`)
    decomposeUser(f)
    checkFunc(f)
    expect(byRef(f, 'v6').op).toBe('Empty')
    const v7 = byRef(f, 'v7')
    expect(v7.op).toBe('ArrayMake1')
    expect(v7.args[0]!.op).toBe('Phi')
    expect(v7.args[0]!.args.map((a) => a.op)).toEqual(['ArraySelect', 'ArraySelect'])
  })
})

describe('decompose builtin', () => {
  it('splits a slice phi into pointer, length and capacity phis and names a local slice s.ptr, s.len, s.cap', () => {
    const f = funcFromDump(`t func(bool, *int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <bool> {c}
    (?) v3 = Arg <*int> {p}
    (?) v4 = Const64 <int> [1]
    (?) v5 = Const64 <int> [2]
    (?) v6 = SliceMake <[]int> v3 v4 v5 (s[[]int])
    If v2 -> b2 b3
  b2: <- b1
    (?) v7 = SliceMake <[]int> v3 v5 v5 (s[[]int])
    Plain -> b3
  b3: <- b1 b2
    (?) v8 = Phi <[]int> v6 v7 (s[[]int])
    (?) v9 = SliceLen <int> v8
    (?) v10 = MakeResult <int,mem> v9 v1
    Ret v10
name s[[]int]: [v6 v7 v8]
`)
    decomposeBuiltin(f, ctx())
    checkFunc(f)
    const ret = f.blocks.find((b) => b.kind === 'Ret')!.controls[0]!
    const len = ret.args[0]!
    expect(len.op).toBe('Phi')
    expect(len.args.map(String)).toEqual(['v4', 'v5'])
    const ns = names(f)
    expect(ns.map((n) => n.split(':')[0])).toEqual(['s.ptr[*int]', 's.len[int]', 's.cap[int]'])
    expect(ns[1]).toMatch(/^s\.len\[int\]: v4 v5 v\d+$/)
  })

  it('takes slice loads and stores apart into words', () => {
    const f = funcFromDump(`t func(*[]int, *[]int)
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <*[]int> {p}
    (?) v3 = Arg <*[]int> {q}
    (?) v4 = Load <[]int> v3 v1
    (?) v5 = Store <mem> {[]int} v2 v4 v1
    (?) v6 = MakeResult <mem> v5
    Ret v6
`)
    decomposeBuiltin(f, ctx())
    checkFunc(f)
    const text = printFunc(new Snapshotter().take(f).snapshot)
    const live = text.split('\n').filter((l) => /= (Load|Store|OffPtr)/.test(l) && !l.endsWith('DEAD'))
    expect(live.map((l) => l.replace(/^.*= /, '').replace(/ v\d+/g, ''))).toEqual(
      expect.arrayContaining(['Load <*int>', 'Load <int>', 'Load <int>', 'Store <mem> {*int}', 'Store <mem> {int}', 'Store <mem> {int}', 'OffPtr <*int> [8]', 'OffPtr <*int> [16]']),
    )
    expect(live.filter((l) => l.includes('Store')).length).toBe(3)
  })
})

// ---- differential: the real gc on testdata/ssa/opt_decompose.go ---------------

/** Live values, sorted, and the non-empty names in order with their live values' ops. */
function shape(d: DumpFunc): { values: string[]; names: string[] } {
  const live = new Map<string, string>()
  for (const b of d.blocks) if (!b.dead) for (const v of b.values) if (!v.dead) live.set(v.id, `${v.op} <${v.type}>${v.auxInt !== undefined ? ` [${v.auxInt}]` : ''}`)
  return {
    values: [...live.values()].sort(),
    names: d.names.filter((n) => n.values.some((v) => live.has(v))).map((n) => `${n.name}: ${n.values.filter((v) => live.has(v)).map((v) => live.get(v)).join(' | ')}`),
  }
}

describe.skipIf(skipDifferential)('differential against gc: decompose user and decompose builtin on testdata/ssa/opt_decompose.go', () => {
  let dumps: GcSsaDumps
  beforeAll(async () => {
    requireGo()
    dumps = await gcSsaDumps(join(__dirname, '../../../testdata/ssa/opt_decompose.go'), 'all', ['short circuit', 'decompose user', 'expand calls', 'decompose builtin'])
  }, 120_000)

  const stages: [string, string, (f: Func) => void][] = [
    ['short circuit', 'decompose user', (f) => decomposeUser(f)],
    ['expand calls', 'decompose builtin', (f) => decomposeBuiltin(f, ctx())],
  ]
  for (const [before, pass, run] of stages) {
    it(`${pass}: gc's values and names after it, from gc's function before it`, () => {
      let compared = 0
      for (const [name, passes] of dumps) {
        const from = passes.get(before)
        const want = passes.get(pass)
        if (!from || !want) continue
        let f: Func
        try {
          f = funcFromDump(from)
        } catch {
          continue // a dump naming a dead block it left out
        }
        run(f)
        checkFunc(f)
        expect(shape(parseSsaDump(printFunc(new Snapshotter().take(f).snapshot))), `${pass} of ${name}`).toEqual(shape(want))
        compared++
      }
      expect(compared).toBeGreaterThanOrEqual(9)
    })
  }
})
