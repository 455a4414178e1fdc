import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { gcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import { Func, type Block, type Value } from '../../../src-main/compiler/ssa/func'
import { T } from '../../../src-main/compiler/ssa/types'
import { prove } from '../../../src-main/compiler/ssa/passes/prove'
import { Poset } from '../../../src-main/compiler/ssa/passes/prove/poset'
import * as L from '../../../src-main/compiler/ssa/passes/prove/limit'
import { skipDifferential, requireGo } from '../../go-toolchain'
import { boundsChecks, namedTypes, opDiff, runOn, viewOf, viewOfDump } from './checks-diff'

function run(text: string): Func {
  const f = funcFromDump(text)
  prove(f, { arch: 'amd64' })
  checkFunc(f)
  return f
}

const block = (f: Func, id: string): Block => f.blocks.find((b) => b.ref === id)!
const value = (f: Func, id: string): Value => f.blocks.flatMap((b) => b.values).find((v) => v.ref === id)!
const end = (b: Block): string => `${b.kind}${b.controls.map((c) => ' ' + c.ref).join('')} -> ${b.succs.map((s) => s.ref).join(' ')}`

// gc's function before prove (dumped after nilcheckelim), testdata/ssa/checks.go sumLoop.
const SUM_LOOP = `sumLoop func([]int) int
  b1:
    (?) v1 = InitMem <mem>
    (-91) v6 = Arg <[]int> {s} (s[[]int])
    (?) v7 = Const64 <int> [0] (i[int], t[int])
    (?) v25 = Const64 <int> [1]
    (94) v21 = Const64 <int> [8]
    Plain -> b2
  b2: <- b1 b4
    (93) v10 = Phi <int> v7 v26 (i[int])
    (93) v31 = Phi <int> v7 v23 (t[int])
    (+93) v9 = SliceLen <int> v6
    (93) v11 = Less64 <bool> v10 v9
    If v11 -> b3 b5 (likely)
  b3: <- b2
    (+94) v16 = IsInBounds <bool> v10 v9
    If v16 -> b4 b7 (likely)
  b4: <- b3
    (94) v19 = SlicePtr <*int> v6
    (+93) v26 = Add64 <int> v25 v10 (i[int])
    (94) v17 = Mul64 <int> v10 v21
    (94) v20 = AddPtr <*int> v19 v17
    (94) v22 = Load <int> v20 v1
    (94) v23 = Add64 <int> v22 v31 (t[int])
    Plain -> b2
  b5: <- b2
    (+96) v29 = MakeResult <int,mem> v31 v1
    Ret v29
  b7: <- b3
    (94) v18 = PanicBounds <mem> [0] v10 v9 v1
    Exit v18
`

describe('prove', () => {
  it('proves the index of an i < len(s) loop in bounds: the check block becomes First', () => {
    const f = run(SUM_LOOP)
    expect(end(block(f, 'b3'))).toBe('First -> b4 b7')
    expect(end(block(f, 'b2'))).toBe('If v11 -> b3 b5')
    expect(value(f, 'v16').uses).toBe(0)
  })

  it('proves a masked index in bounds of an array', () => {
    const f = run(`masked func(*[8]int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-5) v7 = Arg <*[8]int> {a}
    (-5) v8 = Arg <int> {i}
    (?) v9 = Const64 <int> [7]
    (?) v10 = Const64 <int> [8]
    (6) v11 = And64 <int> v8 v9
    (6) v12 = IsInBounds <bool> v11 v10
    If v12 -> b2 b3 (likely)
  b2: <- b1
    (6) v13 = NilCheck <*[8]int> v7 v1
    (6) v14 = Mul64 <int> v11 v10
    (6) v15 = AddPtr <*int> v13 v14
    (6) v16 = Load <int> v15 v1
    (6) v17 = MakeResult <int,mem> v16 v1
    Ret v17
  b3: <- b1
    (6) v18 = PanicBounds <mem> [0] v11 v10 v1
    Exit v18
`)
    expect(end(block(f, 'b1'))).toBe('First -> b2 b3')
    expect(block(f, 'b1').likely).toBe(1)
  })

  it('leaves a check it cannot prove', () => {
    const f = run(`unproved func([]int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-5) v6 = Arg <[]int> {s}
    (-5) v7 = Arg <int> {i}
    (6) v8 = SliceLen <int> v6
    (6) v9 = IsInBounds <bool> v7 v8
    If v9 -> b2 b3 (likely)
  b2: <- b1
    (6) v10 = MakeResult <int,mem> v7 v1
    Ret v10
  b3: <- b1
    (6) v11 = PanicBounds <mem> [0] v7 v8 v1
    Exit v11
`)
    expect(end(block(f, 'b1'))).toBe('If v9 -> b2 b3')
  })

  it('removes the impossible side of a contradicting branch, swapping the successors', () => {
    const f = run(`impossible func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (-204) v6 = Arg <int> {i} (i[int])
    (?) v8 = Const64 <int> [10]
    (+205) v9 = Less64 <bool> v6 v8
    (?) v11 = Const64 <int> [20]
    (?) v13 = Const64 <int> [1]
    (?) v16 = Const64 <int> [2]
    (?) v19 = Const64 <int> [3]
    If v9 -> b3 b2
  b2: <- b1
    (+211) v21 = MakeResult <int,mem> v19 v1
    Ret v21
  b3: <- b1
    (+206) v12 = Less64 <bool> v11 v6
    If v12 -> b5 b4
  b4: <- b3
    (+209) v18 = MakeResult <int,mem> v16 v1
    Ret v18
  b5: <- b3
    (+207) v15 = MakeResult <int,mem> v13 v1
    Ret v15
`)
    // 20 < i under i < 10: the true edge (to b5) is impossible.
    expect(end(block(f, 'b3'))).toBe('First -> b4 b5')
  })

  it('folds a value known to be one constant into its uses', () => {
    const f = run(`knownConst func(*[8]int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (-215) v7 = Arg <*[8]int> {a} (a[*[8]int])
    (-215) v8 = Arg <int> {i} (i[int])
    (?) v9 = Const64 <int> [0]
    (?) v10 = Const64 <int> [5]
    (+216) v11 = Eq64 <bool> v8 v10
    (?) v16 = Const64 <int> [8]
    If v11 -> b3 b2
  b2: <- b1
    (+219) v27 = MakeResult <int,mem> v9 v1
    Ret v27
  b3: <- b1
    (+217) v14 = NilCheck <*[8]int> v7 v1
    (217) v17 = IsInBounds <bool> v8 v16
    If v17 -> b4 b5 (likely)
  b4: <- b3
    (217) v18 = Mul64 <int> v8 v16
    (217) v20 = AddPtr <*int> v14 v18
    (217) v22 = Load <int> v20 v1
    (217) v24 = Add64 <int> v22 v8
    (217) v25 = MakeResult <int,mem> v24 v1
    Ret v25
  b5: <- b3
    (217) v19 = PanicBounds <mem> [0] v8 v16 v1
    Exit v19
`)
    expect(end(block(f, 'b3'))).toBe('First -> b4 b5')
    expect(value(f, 'v24').args[1]!.ref).toBe('v10') // i is the constant 5 here
    const off = value(f, 'v20').args[1]!
    expect([off.op, off.auxInt, off.block.ref]).toEqual(['Const64', 40n, 'b1']) // 5*8, a new constant in the entry block
  })

  it('marks shifts by a masked count bounded and makes non-negative signed shifts unsigned', () => {
    const f = run(`shifts func(int, uint) int
  b1:
    (?) v1 = InitMem <mem>
    (-5) v6 = Arg <int> {x}
    (-5) v7 = Arg <uint> {y}
    (?) v8 = Const64 <uint> [63]
    (6) v9 = And64 <uint> v7 v8
    (6) v10 = Lsh64x64 <int> [false] v6 v9
    (?) v11 = Const64 <int> [1]
    (6) v12 = Rsh64x64 <int> [false] v9 v11
    (6) v13 = Add64 <int> v10 v12
    (6) v14 = MakeResult <int,mem> v13 v1
    Ret v14
`)
    expect(value(f, 'v10').auxInt).toBe(1n)
    expect(value(f, 'v12').op).toBe('Rsh64Ux64')
    expect(value(f, 'v12').auxInt).toBe(1n)
  })
})

describe('prove facts', () => {
  const f = new Func('x', 'func()')
  const b = f.newBlock('Plain')
  const [a, bb, c, d] = [0, 1, 2, 3].map(() => f.newValue(b, 'Arg', T.int))

  it('poset: orders are transitive, contradictions are refused, checkpoints undo', () => {
    const p = new Poset()
    p.checkpoint()
    expect(p.setOrder(a!, bb!, true)).toBe(true) // a < b
    expect(p.setOrder(bb!, c!, false)).toBe(true) // b <= c
    expect(p.ordered(a!, c!)).toBe(true)
    expect(p.setOrder(c!, a!, false)).toBe(false) // c <= a contradicts a < c
    expect(p.setEqual(a!, c!)).toBe(false)
    p.checkpoint()
    expect(p.setNonEqual(bb!, c!)).toBe(true) // b <= c and b != c: b < c
    expect(p.ordered(bb!, c!)).toBe(true)
    p.restore()
    expect(p.ordered(bb!, c!)).toBe(false)
    expect(p.orderedOrEqual(bb!, c!)).toBe(true)
    expect(p.setOrder(c!, bb!, false)).toBe(true) // b <= c <= b: equal
    expect(p.equal(bb!, c!)).toBe(true)
    expect(p.setNonEqual(bb!, c!)).toBe(false)
    p.restore()
    expect(p.isEmpty()).toBe(true)
    expect(d).toBeDefined()
  })

  it('limits: arithmetic saturates to no limit on overflow, as gc does', () => {
    const k = (x: bigint): L.Limit => L.limit(x, x, L.u64(x), L.u64(x))
    expect(L.add(k(3n), k(4n), 64)).toEqual(k(7n))
    expect(L.add(k(L.MAX_INT64), k(1n), 64)).toEqual(k(L.MIN_INT64)) // constants wrap
    const small = L.limit(0n, 10n, 0n, 10n)
    expect(L.add(small, small, 8)).toEqual(L.limit(0n, 20n, 0n, 20n))
    expect(L.add(L.limit(0n, 100n, 0n, 100n), L.limit(0n, 100n, 0n, 100n), 8)).toEqual({ ...L.NO_LIMIT, umin: 0n, umax: 200n })
    expect(L.sub(small, small, 64)).toEqual({ ...L.NO_LIMIT, min: -10n, max: 10n })
    expect(L.com(k(0n), 64)).toEqual(k(-1n))
    expect(L.neg(k(5n), 32)).toEqual({ min: -5n, max: -5n, umin: 4294967291n, umax: 4294967291n })
  })
})

describe.skipIf(skipDifferential)('prove against gc', () => {
  const root = join(__dirname, '../../..')

  /** Our prove on gc's dump before it vs gc's after it, with the bounds checks left on each side. */
  async function compare(file: string) {
    const dumps = await gcSsaDumps(file, 'all', ['nilcheckelim', 'prove'])
    const named = await namedTypes(file)
    const out = { funcs: 0, before: 0, ours: 0, gc: 0, diffs: [] as string[] }
    for (const [fn, passes] of dumps) {
      const before = passes.get('nilcheckelim')
      const after = passes.get('prove')
      if (!before || !after) continue
      const ours = runOn(before, (f) => prove(f, { arch: 'amd64' }), named)
      if (typeof ours === 'string') {
        out.diffs.push(`${fn}: ${ours}`)
        continue
      }
      out.funcs++
      const o = viewOf(ours)
      const g = viewOfDump(after)
      out.before += boundsChecks(viewOfDump(before))
      out.ours += boundsChecks(o)
      out.gc += boundsChecks(g)
      const d = opDiff(o.ops, g.ops)
      if (d.length || o.kinds.join() !== g.kinds.join()) out.diffs.push(`${fn}: ${d.join(', ')} blocks ${o.kinds.join()} vs ${g.kinds.join()}`)
    }
    return out
  }

  it('removes the same bounds checks as gc on testdata/ssa/checks.go, with the same ops and blocks', async () => {
    requireGo()
    const r = await compare(join(root, 'testdata/ssa/checks.go'))
    expect(r.funcs).toBeGreaterThan(40)
    expect(r.before - r.gc).toBeGreaterThan(30) // the file exercises the pass
    expect(r.diffs).toEqual([])
    expect(r.ours).toBe(r.gc)
  }, 60_000)

  it('leaves as many bounds checks as gc on the corpus', async () => {
    requireGo()
    const files = [
      ...readdirSync(join(root, 'testdata/escape')).filter((n) => n.endsWith('.go')).map((n) => join(root, 'testdata/escape', n)),
      ...readdirSync(join(root, 'resources/examples')).filter((n) => n.endsWith('.go')).map((n) => join(root, 'resources/examples', n)),
    ]
    const results = await Promise.all(files.map(compare))
    const sum = (k: 'funcs' | 'before' | 'ours' | 'gc'): number => results.reduce((n, r) => n + r[k], 0)
    expect(sum('funcs')).toBeGreaterThan(250)
    expect(results.flatMap((r) => r.diffs)).toEqual([])
    expect(sum('ours')).toBe(sum('gc'))
    expect(sum('before')).toBeGreaterThan(sum('gc'))
  }, 120_000)
})
