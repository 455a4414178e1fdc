// Evaluation order gc's walk and ssagen give an assignment's destination:
// walkAssign's safeExpr copies every index on the destination's path that
// is not a name or constant into a temporary before the right side
// (ssagen/lhscopies.ts), s.addr takes the array's address (or the slice,
// or the pointer) before its index, and a zeroed stack variable gets its
// VarDef before its address. Value ids follow construction order, and gc
// breaks ties by id (canonLessThan, cse, the scheduler), so the order shows
// in the listing.

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { Func, Value } from '../../src-main/compiler/ssa/func'

const SRC = `package p

func F(i int, v byte) int {
	var a [25]byte
	a[i%25] = byte(i)
	a[i+1] += v
	a[i&7]++
	var t [4]int
	t[i&3] = int(a[(i+2)%25])
	return t[1]
}

func G(s []int, i int, p *[8]int) {
	s[i+1] = p[i-1]
}
`

async function start(name: string): Promise<Func> {
  const prog = await ssaProgram('p.go', SRC)
  return prog.compileFunc(name, 'amd64', { until: 'start' }).func
}

/** The function's values in construction order (our ids grow as values are made). */
const made = (f: Func): Value[] => f.blocks.flatMap((b) => b.values).sort((x, y) => x.id - y.id)
const str = (v: Value): string => `${v.op}${v.auxInt !== 0n && v.op.startsWith('Const') ? ` ${v.auxInt}` : ''}`

describe("an assignment's destination", () => {
  it('has its index computed before the right side, once for op=, and walk keeps a bounded index unchecked', async () => {
    const f = await start('F')
    const ops = made(f).map(str)
    // a[i%25] = byte(i): the Mod64 before the Trunc64to8 of the right side.
    expect(ops.indexOf('Mod64')).toBeGreaterThan(-1)
    expect(ops.indexOf('Mod64')).toBeLessThan(ops.indexOf('Trunc64to8'))
    // a[i+1] += v: one Add64 for the index, though the element is read and written.
    const adds = made(f).filter((v) => v.op === 'Add64' && v.args.some((a) => a.op === 'Const64' && a.auxInt === 1n))
    expect(adds).toHaveLength(1)
    // a[i%25], a[i+1] (read, then written: two checks) and a[(i+2)%25]; a[i&7] and t[i&3] were bounded before walk copied them.
    expect(made(f).filter((v) => v.op === 'IsInBounds')).toHaveLength(4)
  })

  it("takes the array's address, the slice or the pointer before the index, and a zeroed variable's VarDef before its address", async () => {
    const f = await start('F')
    // gc's build dump of F (go tool compile -d=ssa/build/dump=F), these ops in id order up to t's Zero:
    // var a: VarDef, LocalAddr, Zero; a[i%25] = byte(i): Mod64 (walk's copy), Trunc64to8 (the right side), LocalAddr, IsInBounds;
    // a[i+1] += v: Add64 (copy), LocalAddr, IsInBounds, Load, Add8, LocalAddr, IsInBounds; a[i&7]++: And64 (copy), LocalAddr, Load, Add8, LocalAddr;
    // var t: VarDef, LocalAddr, Zero; t[i&3] = int(a[(i+2)%25]): And64 (copy), then the right side's LocalAddr, Add64, Mod64, IsInBounds.
    const keep = ['VarDef', 'LocalAddr', 'Zero', 'Mod64', 'Trunc64to8', 'IsInBounds', 'Add64', 'Load', 'Add8', 'And64']
    const vs = made(f)
    const ops = vs.slice(vs.findIndex((v) => v.op === 'VarDef')).map((v) => v.op).filter((o) => keep.includes(o))
    expect(ops.slice(0, 27)).toEqual([
      'VarDef', 'LocalAddr', 'Zero', 'Mod64', 'Trunc64to8', 'LocalAddr', 'IsInBounds',
      'Add64', 'LocalAddr', 'IsInBounds', 'Load', 'Add8', 'LocalAddr', 'IsInBounds',
      'And64', 'LocalAddr', 'Load', 'Add8', 'LocalAddr',
      'VarDef', 'LocalAddr', 'Zero', 'And64', 'LocalAddr', 'Add64', 'Mod64', 'IsInBounds',
    ])

    // G: s[i+1] = p[i-1]: the copy of i+1, then p's nil check before i-1 (s.addr: the pointer, then the index).
    const g = made(await start('G'))
    expect(g.map((v) => v.op).filter((o) => ['Add64', 'Sub64', 'NilCheck', 'SliceLen', 'IsInBounds'].includes(o))).toEqual(['Add64', 'NilCheck', 'Sub64', 'IsInBounds', 'SliceLen', 'IsInBounds'])
  })
})
