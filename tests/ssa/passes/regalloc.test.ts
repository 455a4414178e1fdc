// regalloc: hand-written functions (ABI registers, spills across calls,
// recomputed constants, tuples, merge edges), the allocation verifier
// (it accepts gc's own allocations and catches broken ones), and a
// differential test against the real gc on amd64 and ppc64: our regalloc on
// gc's function after flagalloc must give gc's function after regalloc
// (every location, the StoreReg/LoadReg/Copy counts, and the dump text with
// fresh value ids renamed in order).

import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import type { DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func, Value } from '../../../src-main/compiler/ssa/func'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { allocationTemps, regalloc } from '../../../src-main/compiler/ssa/passes/regalloc'
import { bit, countRegs, has, pickReg } from '../../../src-main/compiler/ssa/passes/regalloc/machine'
import { verifyAllocation } from '../../../src-main/compiler/ssa/passes/regalloc/verify'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { requireGo, skipDifferential } from '../../go-toolchain'

function allocate(text: string | DumpFunc, arch: string): Func {
  const f = funcFromDump(text, arch)
  f.scheduled = true
  regalloc(f)
  checkFunc(f)
  expect(verifyAllocation(f, allocationTemps(f))).toEqual([])
  return f
}

const values = (f: Func): Value[] => f.blocks.flatMap((b) => b.values)
const byId = (f: Func, id: number): Value => values(f).find((v) => v.id === id)!
const ops = (f: Func, op: string): Value[] => values(f).filter((v) => v.op === op)

/** The dump text with value ids renamed in order of appearance and autotmp numbers dropped. */
function canonical(f: Func): string {
  const names = new Map<string, string>()
  f.scheduled = true
  return printFunc(new Snapshotter().take(f).snapshot)
    .replace(/autotmp_\d+/g, 'autotmp')
    .replace(/\bv\d+\b/g, (v) => names.get(v) ?? (names.set(v, `v${names.size}`), `v${names.size - 1}`))
}

const CALL_AMD64 = `F func(int, int) int
  b1:
    (+3) v2 = ArgIntReg <int> {a+0} [0] (a[int])
    (+3) v3 = ArgIntReg <int> {b+0} [1] (b[int])
    (?) v1 = InitMem <mem>
    (+4) v4 = CALLstatic <int,mem> {AuxCall{p.g}} [8] v2 v1
    (4) v5 = SelectN <int> [0] v4
    (4) v6 = SelectN <mem> [1] v4
    (5) v7 = ADDQ <int> v5 v3
    (5) v8 = MakeResult <int,mem> v7 v6
    Ret v8
name a[int]: [v2]
name b[int]: [v3]
`

describe('regalloc on hand-written functions', () => {
  it('puts arguments and results in ABI registers and spills a value live across a call', () => {
    const f = allocate(CALL_AMD64, 'amd64')
    expect(byId(f, 2).loc).toBe('AX')
    expect(byId(f, 3).loc).toBe('BX')
    expect(byId(f, 4).loc).toBe('<AX>')
    expect(byId(f, 5).loc).toBe('AX')
    expect(byId(f, 7).loc).toBe('AX')
    expect(byId(f, 8).loc).toBe('<>')
    // b survives the call in its own parameter slot: stored before, loaded after.
    const [store] = ops(f, 'StoreReg')
    expect(store!.args[0]).toBe(byId(f, 3))
    expect(store!.loc).toBe('b[int]')
    const [load] = ops(f, 'LoadReg')
    expect(load!.args[0]).toBe(store)
    const b1 = f.blocks[0]!.values
    expect(b1.indexOf(store!)).toBeLessThan(b1.indexOf(byId(f, 4)))
    expect(b1.indexOf(load!)).toBeGreaterThan(b1.indexOf(byId(f, 4)))
    expect(byId(f, 7).args).toEqual([byId(f, 5), load])
  })

  it('uses the ppc64 ABI registers', () => {
    const f = allocate(CALL_AMD64.replace('ADDQ', 'ADD'), 'ppc64')
    expect([2, 3, 5, 7].map((id) => byId(f, id).loc)).toEqual(['R3', 'R4', 'R3', 'R3'])
    expect(byId(f, 4).loc).toBe('<R3>')
  })

  it('recomputes constants at their uses instead of spilling them, and gives tuples a register pair', () => {
    const f = allocate(
      `D func(int) (int, int)
  b1:
    (+2) v2 = ArgIntReg <int> {a+0} [0] (a[int])
    (?) v1 = InitMem <mem>
    (?) v3 = MOVQconst <int> [7]
    (+3) v4 = DIVQ <int64,int64> [false] v2 v3
    (3) v5 = Select0 <int> v4
    (3) v6 = Select1 <int> v4
    (+4) v7 = MakeResult <int,int,mem> v5 v6 v1
    Ret v7
`,
      'amd64',
    )
    expect(byId(f, 3)).toBeUndefined()
    const [k] = ops(f, 'MOVQconst')
    expect(k!.id).toBeGreaterThan(7)
    expect(byId(f, 4).loc).toBe('<AX,DX>')
    expect([byId(f, 5).loc, byId(f, 6).loc]).toEqual(['AX', 'DX'])
    // The second result must move from DX to the second result register.
    const copy = ops(f, 'Copy').find((c) => c.args[0] === byId(f, 6))!
    expect(copy.loc).toBe('BX')
  })

  it('shuffles values into place on merge edges', () => {
    const f = allocate(
      `M func(int, int, bool) int
  b1:
    (+2) v2 = ArgIntReg <int> {a+0} [0]
    (+2) v3 = ArgIntReg <int> {b+0} [1]
    (+2) v4 = ArgIntReg <bool> {c+0} [2]
    (?) v1 = InitMem <mem>
    (+3) v5 = TESTB <flags> v4 v4
    NE v5 -> b2 b3
  b2: <- b1
    Plain -> b4
  b3: <- b1
    Plain -> b4
  b4: <- b2 b3
    (4) v6 = Phi <int> v2 v3
    (5) v7 = MakeResult <int,mem> v6 v1
    Ret v7
`,
      'amd64',
    )
    // The phi takes AX from its first input; the edge from b3 moves b (BX) into AX.
    expect(byId(f, 6).loc).toBe('AX')
    const b3 = f.blocks.find((b) => b.id === 3)!
    expect(b3.values.map((v) => `${v.op} ${v.args[0]} : ${v.loc}`)).toEqual(['Copy v3 : AX'])
    expect(byId(f, 6).args[1]).toBe(b3.values[0])
  })

  it('refuses functions that are not lowered', () => {
    const f = funcFromDump('G func()\n  b1:\n    (?) v1 = InitMem <mem>\n    (?) v2 = MakeResult <mem> v1\n    Ret v2\n')
    expect(() => regalloc(f)).toThrow(/not lowered/)
  })
})

describe('register masks', () => {
  it('bit, has, pickReg and countRegs agree with bit-by-bit arithmetic over all 64 registers (ppc64 has 64)', () => {
    const slow = (m: bigint) => [...Array(64).keys()].filter((r) => ((m >> BigInt(r)) & 1n) === 1n)
    const masks = [0n, 1n, 1n << 31n, 1n << 32n, 1n << 63n, (1n << 64n) - 1n, 0xffff0000n, 0x8000000100000000n, 0x00ff00ff00ff00f0n]
    for (let r = 0; r < 64; r++) masks.push(1n << BigInt(r), (1n << BigInt(r)) | (1n << 63n))
    for (const m of masks) {
      const regs = slow(m)
      expect(countRegs(m), m.toString(16)).toBe(regs.length)
      expect(pickReg(m), m.toString(16)).toBe(regs[0] ?? -1)
      for (let r = 0; r < 64; r++) expect(has(m, r)).toBe(regs.includes(r))
    }
    for (let r = 0; r < 64; r++) expect(bit(r)).toBe(1n << BigInt(r))
  })
})

describe('the allocation verifier', () => {
  const good = (): Func => allocate(CALL_AMD64, 'amd64')
  it('catches a value read from a register a call clobbered', () => {
    const f = good()
    const load = ops(f, 'LoadReg')[0]!
    byId(f, 7).setArg(1, byId(f, 3)) // read b from BX after the call instead of reloading it
    load.block.values.splice(load.block.values.indexOf(load), 1)
    load.setArgs([])
    expect(verifyAllocation(f).join('\n')).toMatch(/reads v3 from BX, which holds nothing/)
  })
  it('catches a result in a register its op does not allow and an argument in the wrong ABI register', () => {
    const f = good()
    byId(f, 2).loc = 'CX'
    expect(verifyAllocation(f).join('\n')).toMatch(/v2 = ArgIntReg result in CX, not allowed/)
    expect(verifyAllocation(f).join('\n')).toMatch(/v4 = CALLstatic takes argument 0 \(v2\) in CX, not allowed/)
  })
  it('catches a phi whose input does not reach its register', () => {
    const f = allocate(
      `P func(int, int, bool) int
  b1:
    (+2) v2 = ArgIntReg <int> {a+0} [0]
    (+2) v3 = ArgIntReg <int> {b+0} [1]
    (+2) v4 = ArgIntReg <bool> {c+0} [2]
    (?) v1 = InitMem <mem>
    (+3) v5 = TESTB <flags> v4 v4
    NE v5 -> b2 b3
  b2: <- b1
    Plain -> b4
  b3: <- b1
    Plain -> b4
  b4: <- b2 b3
    (4) v6 = Phi <int> v2 v3
    (5) v7 = MakeResult <int,mem> v6 v1
    Ret v7
`,
      'amd64',
    )
    const copy = f.blocks.find((b) => b.id === 3)!.values[0]!
    copy.loc = 'DX'
    expect(verifyAllocation(f).join('\n')).toMatch(/phi v6 in AX does not get v\d+ from b3/)
  })
  it('catches a value with no location', () => {
    const f = good()
    byId(f, 7).loc = undefined
    expect(verifyAllocation(f).join('\n')).toMatch(/v7 = ADDQ has no location/)
  })
})

const SOURCE = `package p

//go:noinline
func h(a, b, c, d, e, f, g, h, i, j, k int) int { return a + b + c + d + e + f + g + h + i + j + k }

//go:noinline
func hf(a float64, b int, c float32, d string) (float64, int, string) { return a, b, d }

func Pressure(a, b, c, d, e, f, g, x, y, z int) int {
	t1 := a*b + c
	t2 := d*e + f
	t3 := g*x + y
	t4 := z*a + b
	t5 := t1*t2 + t3
	t6 := t4*t5 + a
	t7 := t6 - t1*t3
	r := h(t1, t2, t3, t4, t5, t6, t7, a, b, c, d)
	return r + t1 + t2 + t3 + t4 + t5 + t6 + t7 + e + f + g + x + y + z
}

func Floats(xs []float64, k float32) (float64, int, string) {
	s := 0.0
	for i, x := range xs {
		if i%3 == 0 {
			s += x * float64(k)
		} else {
			s -= x / 2
		}
	}
	a, b, c := hf(s, len(xs), k, "x")
	return a + s, b, c
}

func Div(a, b int64, c, d uint32) (int64, int64, uint32, uint32) { return a / b, a % b, c / d, c % d }

type I interface{ M(int) int }

func Iface(i I, n int) int {
	s := 0
	for j := 0; j < n; j++ {
		s += i.M(j)
		if s > 100 {
			break
		}
	}
	return s
}

func Closure(n int) func() int {
	c := 0
	return func() int { c += n; return c }
}

func Maps(m map[string]int, k string) int {
	m[k]++
	v, ok := m[k+"x"]
	if !ok {
		delete(m, k)
	}
	return v + len(m)
}

func Defer(p *int) (r int) {
	defer func() { r = *p }()
	*p++
	return 0
}

func Nested(a [][]int) int {
	s := 0
	for i := range a {
		for j := range a[i] {
			for k := 0; k < j; k++ {
				s += a[i][j] * k
			}
		}
	}
	return s
}

func Phis(a, b, c int, f bool) (int, int, int) {
	for i := 0; i < a; i++ {
		if f {
			a, b = b, a
		} else {
			b, c = c, b
		}
		if i > c {
			a, b, c = c, a, b
		}
	}
	return a, b, c
}

func Big(a [8]int) [8]int {
	var b [8]int
	for i := range a {
		b[7-i] = a[i] * 3
	}
	return b
}

func Select(c chan int, d chan string) int {
	select {
	case x := <-c:
		return x
	case s := <-d:
		return len(s)
	default:
		return -1
	}
}

func Many(a, b, c, d, e, f, g, h, i, j, k, l, m int, x, y float64) (int, float64) {
	return a + b + c + d + e + f + g + h + i + j + k + l + m, x * y
}

func CallMany() (int, float64) {
	r, f := Many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 1.5, 2.5)
	return r + 1, f
}
`

describe.skipIf(skipDifferential)('regalloc against gc', () => {
  const dumps = new Map<string, GcSsaDumps>()
  beforeAll(async () => {
    requireGo()
    const dir = mkdtempSync(join(tmpdir(), 'ssascope-regalloc-'))
    const file = join(dir, 'p.go')
    writeFileSync(file, SOURCE)
    for (const arch of ['amd64', 'ppc64']) dumps.set(arch, await gcSsaDumps(file, 'all', ['flagalloc', 'regalloc'], { goarch: arch }))
  }, 120_000)

  for (const arch of ['amd64', 'ppc64']) {
    it(`${arch}: every function gets gc's allocation`, () => {
      const d = dumps.get(arch)!
      expect(d.size).toBeGreaterThan(15)
      const wrong: string[] = []
      for (const [fn, passes] of d) {
        const before = passes.get('flagalloc')!
        const want = funcFromDump(passes.get('regalloc')!, arch)
        expect(verifyAllocation(want), `gc's own ${fn}`).toEqual([])
        const f = allocate(before, arch)
        const gcLoc = new Map(values(want).map((v) => [v.id, v.loc]))
        const inputIds = new Set(before.blocks.flatMap((b) => b.values.map((v) => Number(v.id.slice(1)))))
        for (const v of values(f)) {
          if (inputIds.has(v.id) && gcLoc.has(v.id) && gcLoc.get(v.id)?.replace(/autotmp_\d+/, '') !== v.loc?.replace(/autotmp_\d+/, '')) wrong.push(`${fn} ${v}: ${v.loc} vs gc ${gcLoc.get(v.id)}`)
        }
        for (const op of ['StoreReg', 'LoadReg', 'Copy']) if (ops(f, op).length !== ops(want, op).length) wrong.push(`${fn}: ${ops(f, op).length} ${op} vs gc ${ops(want, op).length}`)
        if (canonical(f) !== canonical(want)) wrong.push(`${fn}: dump differs\n${canonical(f)}\n${canonical(want)}`)
      }
      expect(wrong).toEqual([])
    })
  }
})
