// Construction order of two of walk's and ssagen's expansions, which gc's
// value ids follow (and with them canonLessThan's operand order, cse and
// the scheduler's ties): walkRange's init assigns hv1 = 0 before hn =
// len(ha), and storeTypeScalars makes each part of a slice (len, cap)
// before its address. Expected orders are gc's -d=ssa/build/dump.

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { Value } from '../../src-main/compiler/ssa/func'

const SRC = `package p

var sink [][]int

func R(s []*int, p *int) {
	for i := range s {
		s[i] = p
	}
}

func A(a *[3]int) (n int) {
	for i := range *a {
		n += i
	}
	return
}

func S(q *[]int, s []int) {
	*q = s
}
`

async function made(name: string): Promise<Value[]> {
  const prog = await ssaProgram('p.go', SRC)
  const f = prog.compileFunc(name, 'amd64', { until: 'start' }).func
  return f.blocks.flatMap((b) => b.values).sort((x, y) => x.id - y.id)
}

describe("walk's expansions in gc's order", () => {
  it('range over a slice or an array: hv1 = 0, then hn = len(ha)', async () => {
    // gc: v8 = Const64 [0], v9 = SliceLen v6.
    const r = (await made('R')).filter((v) => v.op === 'Const64' || v.op === 'SliceLen').map((v) => `${v.op} ${v.auxInt}`)
    expect(r.slice(0, 2)).toEqual(['Const64 0', 'SliceLen 0'])
    // gc: Const64 [0] (hv1), then Const64 [3] (hn).
    const a = (await made('A')).filter((v) => v.op === 'Const64').map((v) => v.auxInt)
    expect(a.slice(0, 2)).toEqual([0n, 3n])
  })

  it("a slice stored through a pointer: len, its address, cap, its address, then the pointer's store", async () => {
    // gc: SliceLen, OffPtr [8], Store, SliceCap, OffPtr [16], Store, SlicePtr, Store.
    const ops = (await made('S')).map((v) => v.op).filter((o) => ['SliceLen', 'SliceCap', 'SlicePtr', 'OffPtr', 'Store'].includes(o))
    expect(ops).toEqual(['SliceLen', 'OffPtr', 'Store', 'SliceCap', 'OffPtr', 'Store', 'SlicePtr', 'Store'])
  })
})
