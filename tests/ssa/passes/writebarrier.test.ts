import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { gcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { structOf, ptrTo, arrayOf, T } from '../../../src-main/compiler/ssa/types'
import { linkName, writebarrier } from '../../../src-main/compiler/ssa/passes/writebarrier'
import { skipDifferential, requireGo } from '../../go-toolchain'
import { namedTypes, namedTypesOf, opDiff, resolveTypes, runOn, viewOf, viewOfDump } from './checks-diff'

/** Our writebarrier on a dump (named types given), printed; the entry block at `entryLine` as gc had it. */
function run(text: string, entryLine = 0, named = new Map()): string {
  const f: Func = funcFromDump(text)
  resolveTypes(f, named)
  f.entry.pos = { line: entryLine, col: 0, stmt: '' }
  writebarrier(f)
  checkFunc(f)
  return printFunc(new Snapshotter().take(f).snapshot)
}

/** Value ids renamed in order of appearance: gc reuses freed ids, we never do. */
function norm(t: string): string {
  const ids = new Map<string, string>()
  return t.replace(/\bv\d+\b/g, (m) => {
    if (!ids.has(m)) ids.set(m, `v${ids.size + 1}`)
    return ids.get(m)!
  })
}

describe('writebarrier', () => {
  it('expands two pointer stores through a pointer into one barrier test, as gc does', () => {
    const ours = run(
      `storeTwo func(*pair, *int, *int)
  b1:
    (?) v1 = InitMem <mem>
    (317) v7 = ArgIntReg <*pair> {q+0} [0] (q[*pair])
    (317) v8 = ArgIntReg <*int> {p+0} [1] (p[*int])
    (317) v9 = ArgIntReg <*int> {r+0} [2] (r[*int])
    (+315) v10 = NilCheck <*pair> v7 v1
    (315) v11 = OffPtr <**int> [0] v10
    (315) v12 = Store <mem> {*int} v11 v8 v1
    (+316) v14 = OffPtr <**int> [8] v10
    (+316) v15 = Store <mem> {*int} v14 v9 v12
    (+317) v16 = MakeResult <mem> v15
    Ret v16
`,
      317,
    )
    // gc 1.26's dump after writebarrier (names left out).
    const gc = `storeTwo func(*pair, *int, *int)
  b1:
    (317) v7 = ArgIntReg <*pair> {q+0} [0] (q[*pair])
    (317) v8 = ArgIntReg <*int> {p+0} [1] (p[*int])
    (317) v9 = ArgIntReg <*int> {r+0} [2] (r[*int])
    (?) v4 = SB <uintptr>
    (317) v6 = Addr <*uint32> {runtime.writeBarrier} v4
    (?) v13 = Const32 <uint32> [0]
    (?) v1 = InitMem <mem>
    (+315) v10 = NilCheck <*pair> v7 v1
    (315) v11 = OffPtr <**int> [0] v10
    (+316) v14 = OffPtr <**int> [8] v10
    (315) v3 = Load <uint32> v6 v1
    (315) v2 = Neq32 <bool> v3 v13
    If v2 -> b2 b3 (unlikely)
  b2: <- b1
    (315) v17 = Load <uintptr> v11 v1
    (+316) v18 = Load <uintptr> v14 v1
    (315) v19 = WB <*uintptr,mem> [4] v1
    (315) v20 = Select0 <*uintptr> v19
    (315) v21 = Select1 <mem> v19
    (315) v22 = OffPtr <*uintptr> [0] v20
    (315) v23 = Store <mem> {uintptr} v22 v8 v21
    (315) v24 = OffPtr <*uintptr> [8] v20
    (315) v25 = Store <mem> {uintptr} v24 v17 v23
    (+316) v26 = OffPtr <*uintptr> [16] v20
    (+316) v27 = Store <mem> {uintptr} v26 v9 v25
    (+316) v28 = OffPtr <*uintptr> [24] v20
    (+316) v29 = Store <mem> {uintptr} v28 v18 v27
    Plain -> b3
  b3: <- b1 b2
    (-315) v30 = Phi <mem> v1 v29
    (315) v31 = Store <mem> {*int} v11 v8 v30
    (+316) v32 = Store <mem> {*int} v14 v9 v31
    (-316) v15 = WBend <mem> v32
    (+317) v16 = MakeResult <mem> v15
    Ret v16
`
    const withoutNames = (t: string): string => t.replace(/ \([a-z]\[[^\]]*\]\)$/gm, '').replace(/^name .*\n/gm, '')
    expect(norm(withoutNames(ours))).toBe(norm(withoutNames(gc)))
  })

  it('calls wbZero for a pointer-containing Zero, with the nil check repeated in both branches', async () => {
    const named = await namedTypesOf('package p\n\ntype ptrs struct{ p [10]*int }\n')
    const ours = run(
      `zeroPtrs func(*ptrs)
  b1:
    (?) v1 = InitMem <mem>
    (356) v5 = ArgIntReg <*ptrs> {d+0} [0] (d[*ptrs])
    (+355) v6 = NilCheck <*ptrs> v5 v1
    (355) v7 = Zero <mem> {ptrs} [80] v6 v1
    (+356) v8 = MakeResult <mem> v7
    Ret v8
`,
      356,
      named,
    )
    expect(ours).toContain('StaticCall <mem> {AuxCall{runtime.wbZero}} [16]')
    expect(ours).toMatch(/Addr <uintptr> \{type:p\.ptrs\}/)
    expect(ours.match(/NilCheck/g)?.length).toBe(2) // the original one is gone
    expect(ours).toMatch(/Zero <mem> \{ptrs\} \[80\] v\d+ v\d+\n\s+\(-355\) v7 = WBend <mem>/)
  })

  it('needs no old value for a store into a fresh object, and no barrier for nil there', async () => {
    const fresh = `linkFresh func(*node) *node
  b1:
    (?) v1 = InitMem <mem>
    (?) v3 = SB <uintptr>
    (+336) v6 = ArgIntReg <*node> {next+0} [0] (next[*node])
    (?) v7 = ConstNil <*node>
    (?) v8 = Addr <*uint8> {type:p.node} v3
    (+334) v9 = StaticCall <*node,mem> {AuxCall{runtime.newobject}} [16] v8 v1
    (334) v10 = SelectN <mem> [1] v9
    (+334) v11 = SelectN <*node> [0] v9 (n[*node])
    (+335) v13 = OffPtr <**node> [8] v11
    (335) v14 = Store <mem> {*node} v13 VAL v10
    (+336) v15 = MakeResult <*node,mem> v11 v14
    Ret v15
`
    const named = await namedTypesOf('package p\n\ntype node struct {\n\tval  int\n\tnext *node\n}\n')
    const withVal = run(fresh.replace('VAL', 'v6'), 0, named)
    expect(withVal).toContain('WB <*uintptr,mem> [1]') // only the new value goes in the buffer
    expect(withVal).not.toContain('Load <uintptr>')
    const withNil = run(fresh.replace('VAL', 'v7'), 0, named)
    expect(withNil).not.toContain('WB')
  })

  it('leaves stores of scalars and stores to the stack alone', () => {
    const text = `storeLocal func(*int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (+365) v6 = ArgIntReg <*int> {p+0} [0] (p[*int])
    (?) v7 = Const64 <int> [3]
    (-361) v8 = VarDef <mem> {a} v1
    (361) v9 = LocalAddr <*[4]*int> {a} v2 v8
    (+361) v10 = Zero <mem> {[4]*int} [32] v9 v8
    (-362) v13 = OffPtr <**int> [0] v9
    (+362) v14 = Store <mem> {*int} v13 v6 v10
    (+363) v15 = Store <mem> {int} v6 v7 v14
    (365) v27 = MakeResult <int,mem> v7 v15
    Ret v27
`
    expect(run(text)).toBe(printFunc(new Snapshotter().take(funcFromDump(text)).snapshot))
  })

  it('spells type symbols as the linker does', () => {
    const named = structOf([{ name: 'x', type: T.int }])
    expect(linkName(T.int)).toBe('int')
    expect(linkName(ptrTo(T.int))).toBe('*int')
    expect(linkName(arrayOf(ptrTo(T.int), 3))).toBe('[3]*int')
    expect(linkName(named)).toBe('struct { x int }')
  })
})

describe.skipIf(skipDifferential)('writebarrier against gc', () => {
  const file = join(__dirname, '../../../testdata/ssa/checks.go')

  it('expands the same stores as gc on testdata/ssa/checks.go', async () => {
    requireGo()
    const dumps = await gcSsaDumps(file, 'all', ['memcombine', 'writebarrier'])
    const named = await namedTypes(file)
    let compared = 0
    let expanded = 0
    const diffs: string[] = []
    for (const [fn, passes] of dumps) {
      const before = passes.get('memcombine')
      const after = passes.get('writebarrier')
      if (!before || !after) continue
      const ours = runOn(before, writebarrier, named)
      if (typeof ours === 'string') {
        diffs.push(`${fn}: ${ours}`)
        continue
      }
      compared++
      const o = viewOf(ours)
      const g = viewOfDump(after)
      if (g.ops.some((x) => x.startsWith('WBend '))) expanded++
      const d = opDiff(o.ops, g.ops)
      if (d.length || o.kinds.join() !== g.kinds.join()) diffs.push(`${fn}: ${d.join(', ')} blocks ${o.kinds.join()} vs ${g.kinds.join()}`)
    }
    expect(compared).toBeGreaterThan(40)
    expect(expanded).toBeGreaterThan(8)
    expect(diffs).toEqual([])
  }, 60_000)
})
