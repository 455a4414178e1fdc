// expand calls and the register ABI: ABI assignment as gc's abiutils does it
// (registers, stack offsets, argument width on amd64 and ppc64), the pass on
// hand-written functions and through our pipeline, and a differential test
// against the real gc: its function after early fuse, expanded by us, must
// have the same values (op, type, aux, auxInt, argument count) as its
// function after expand calls, on both architectures.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { abiAnalyze, argRegName, argWidth, frameOffset, parseSignature, registerParts, registerTypes, resultRegName, type AbiInfo } from '../../../src-main/compiler/ssa/abi'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func, LocalVar, Value } from '../../../src-main/compiler/ssa/func'
import { expandCalls } from '../../../src-main/compiler/ssa/passes/expandcalls'
import { findLive } from '../../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { arrayOf, ptrTo, sliceOf, structOf, T, type SsaType } from '../../../src-main/compiler/ssa/types'
import { ssaProgram } from '../../../src-main/compiler/ssagen'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import type { DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import type { FuncSnapshot } from '../../../src-main/protocol/model'
import { requireGo, skipDifferential } from '../../go-toolchain'
import { namedTypes, opDiff, resolveTypes, withStubBlocks } from './checks-diff'
import { signatures, withSignature } from './expandcalls-setup'

const S = structOf([
  { name: 'a', type: T.int },
  { name: 'b', type: T.float64 },
  { name: 'c', type: T.bool },
  { name: 'd', type: ptrTo(T.int) },
])
const ints = (n: number): { type: SsaType }[] => Array.from({ length: n }, () => ({ type: T.int }))
const regsOf = (info: AbiInfo): number[][] => info.params.map((p) => p.regs)
const local = (name: string, type: SsaType, cls: LocalVar['class']): LocalVar => ({ name, type, class: cls, file: 'p.go', line: 0, col: 0, addrTaken: false, temp: false })
const values = (f: Func): Value[] => f.blocks.flatMap((b) => b.values)

describe('the register ABI (abiutils)', () => {
  it('gives integer registers in order and float registers after them (RegIndex nInt+i)', () => {
    const info = abiAnalyze('amd64', [{ type: T.float64 }, { type: T.float32 }, { type: T.int }, { type: T.bool }, { type: ptrTo(T.int) }], [{ type: T.float64 }, { type: T.int }])
    expect(regsOf(info)).toEqual([[9], [10], [0], [1], [2]])
    expect(info.results.map((r) => r.regs)).toEqual([[9], [0]])
    expect([info.inRegsUsed, info.outRegsUsed]).toEqual([5, 2])
    expect(registerTypes(info.results).map((t) => t.str)).toEqual(['float64', 'int'])
  })

  it('splits structs and slices into one register per scalar part, with their offsets', () => {
    const info = abiAnalyze('amd64', [{ type: S }, { type: sliceOf(T.int) }], [])
    expect(regsOf(info)).toEqual([[0, 9, 1, 2], [3, 4, 5]])
    expect(registerParts(info.params[0]!).map((p) => `${p.type.str}@${p.offset}:${p.reg}`)).toEqual(['int@0:0', 'float64@8:9', 'bool@16:1', '*int@24:2'])
    // A slice travels as gc's synthetic struct { ptr *uint8; len, cap int }.
    expect(registerTypes(info.params.slice(1)).map((t) => t.str)).toEqual(['*uint8', 'int', 'int'])
  })

  it('passes arrays of more than one element and zero-sized values on the stack, 1-element arrays in registers', () => {
    const info = abiAnalyze('amd64', [{ type: arrayOf(T.int, 0) }, { type: arrayOf(T.int, 1) }, { type: arrayOf(T.int, 2) }], [{ type: arrayOf(T.int, 2) }])
    expect(regsOf(info)).toEqual([[], [0], []])
    expect(info.params.map((p) => p.offset)).toEqual([0, 0, 0])
    // The result follows the stack parameters; the spill area follows both.
    expect(info.results[0]!.offset).toBe(16)
    expect([info.spillAreaOffset, info.spillAreaSize, argWidth(info)]).toEqual([32, 8, 40])
  })

  it('puts a parameter on the stack as a whole when its registers do not all fit, and goes on with the next ones', () => {
    const info = abiAnalyze('amd64', [...ints(8), { type: structOf([{ name: 'x', type: T.int }, { name: 'y', type: T.int }]) }, { type: T.int }, { type: T.float64 }], [])
    expect(regsOf(info).slice(7)).toEqual([[7], [], [8], [9]])
    expect(info.params[8]!.offset).toBe(0)
    // gc's [argsize] of many(a…k int, x float64): 2 stack words + 10 spilled registers.
    expect(argWidth(abiAnalyze('amd64', [...ints(11), { type: T.float64 }], [{ type: T.int }]))).toBe(96)
  })

  it('on ppc64 has 12 integer registers R3–R10, R14–R17 and stack slots above the 32-byte linkage area', () => {
    const info = abiAnalyze('ppc64', [...ints(13), { type: T.float64 }], [{ type: arrayOf(T.int, 2) }])
    expect(regsOf(info).slice(10)).toEqual([[10], [11], [], [12]])
    expect(info.params[12]!.offset).toBe(32)
    expect(frameOffset(info, info.params[12]!)).toBe(0)
    expect(info.results[0]!.offset).toBe(40)
    expect(argRegName('ppc64', 'ArgIntReg', 8)).toBe('R14')
    expect(argRegName('ppc64', 'ArgFloatReg', 0)).toBe('F1')
    expect(resultRegName(abiAnalyze('ppc64', [], [{ type: T.int }, { type: T.float64 }]), 1)).toBe('F1')
  })

  it('names amd64 argument registers AX BX CX DI SI R8 R9 R10 R11 and X0–X14', () => {
    expect([0, 1, 2, 3, 4, 8].map((i) => argRegName('amd64', 'ArgIntReg', i))).toEqual(['AX', 'BX', 'CX', 'DI', 'SI', 'R11'])
    expect(argRegName('amd64', 'ArgFloatReg', 14)).toBe('X14')
    expect(() => argRegName('amd64', 'ArgIntReg', 9)).toThrow(/no register/)
    expect(resultRegName(abiAnalyze('amd64', [], [{ type: sliceOf(T.int) }]), 2)).toBe('CX')
  })

  it("reads gc's function headers, methods included", () => {
    const m = parseSignature('method(*T) func(int, []int, func(int) (int, bool)) (int, bool)')
    expect(m.params.map((t) => t.str)).toEqual(['*T', 'int', '[]int', 'func(int) (int, bool)'])
    expect(m.results.map((t) => t.str)).toEqual(['int', 'bool'])
    expect(parseSignature('func()').params).toEqual([])
    expect(parseSignature('func(...int) func() int').results.map((t) => t.str)).toEqual(['func() int'])
  })
})

describe('expand calls', () => {
  it('turns parameters into register args, calls into StaticCall with stack args stored, results into SelectNs', () => {
    const f = funcFromDump(
      `f func(struct { a int; b float64 }, int, int, int, int, int, int, int, int, int) (int, [2]int)
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <struct { a int; b float64 }> {s}
    (-3) v3 = Arg <int> {k}
    (?) v4 = Const64 <int> [7]
    (+4) v5 = StaticLECall <int,[2]int,mem> {AuxCall{p.g}} [56] v2 v4 v4 v4 v4 v4 v4 v4 v4 v4 v4 v3 v1
    (4) v6 = SelectN <mem> [2] v5
    (4) v7 = SelectN <int> [0] v5
    (4) v8 = SelectNAddr <*[2]int> [1] v5
    (4) v9 = Dereference <[2]int> v8 v6
    (4) v10 = StructSelect <int> [0] v2
    (4) v11 = Add64 <int> v7 v10
    (4) v12 = MakeResult <int,[2]int,mem> v11 v9 v6
    Ret v12
`,
      'amd64',
    )
    // gc's fn.Dcl names the dead parameters too (a dump cannot).
    const sig = parseSignature(f.typeStr)
    const names = ['s', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'k']
    f.locals = [
      ...sig.params.map((type, i) => local(names[i]!, type, 'param')),
      ...sig.results.map((type, i) => local(`~r${i}`, type, 'result')),
    ]
    expandCalls(f)
    checkFunc(f)
    const byOp = (op: string) => values(f).filter((v) => v.op === op)
    // s takes AX and X0; k is the 10th integer: on the stack, it stays an Arg.
    expect(byOp('ArgIntReg').map((v) => `${v.aux?.kind === 'sym' && v.aux.name} [${v.auxInt}]`)).toEqual(['s+0 [0]'])
    expect(byOp('ArgFloatReg').map((v) => `${v.aux?.kind === 'sym' && v.aux.name} [${v.auxInt}]`)).toEqual(['s+8 [0]'])
    expect(byOp('Arg').map((v) => v.ref)).toEqual(['v3'])
    const call = values(f).find((v) => v.ref === 'v5')!
    expect(call.op).toBe('StaticCall')
    expect(call.type.str).toBe('int,mem')
    // Two register parts of the struct, eight ints in registers, then memory after the three stack stores.
    expect(call.args.map((a) => a.op)).toEqual(['StructSelect', 'StructSelect', ...Array(8).fill('Const64'), 'Store'])
    const stores = byOp('Store').map((s) => `${s.args[0]!.op} [${s.args[0]!.auxInt}] ${s.args[0]!.args[0]!.op} <- ${s.args[1]!.ref}`)
    expect(stores).toEqual(['OffPtr [0] SP <- v4', 'OffPtr [8] SP <- v4', 'OffPtr [16] SP <- v3'])
    // Memory comes after the one result register; the [2]int result is read from its stack slot.
    expect(values(f).find((v) => v.ref === 'v6')!.auxInt).toBe(1n)
    expect(values(f).find((v) => v.ref === 'v8')!.op).toBe('Copy')
    expect(values(f).find((v) => v.ref === 'v8')!.args[0]!.auxInt).toBe(24n)
    // f's own [2]int result is stored to its slot ~r1; MakeResult keeps the register result.
    const ret = values(f).find((v) => v.ref === 'v12')!
    expect(ret.type.str).toBe('int,mem')
    expect(ret.args[1]!.op).toBe('Move')
    expect(ret.args[1]!.args[0]!.op).toBe('LocalAddr')
  })

  it('stores a too-big result in registers part by part where the program stores it', () => {
    const big = '{ a int; b int; c int; d int; e int }'
    const f = funcFromDump(
      `f func(*struct ${big})
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <*struct ${big}> {p}
    (+4) v3 = StaticLECall <struct ${big},mem> {AuxCall{p.g}} [0] v1
    (4) v4 = SelectN <mem> [1] v3
    (4) v5 = SelectN <struct ${big}> [0] v3
    (4) v6 = Store <mem> {struct ${big}} v2 v5 v4
    (4) v7 = MakeResult <mem> v6
    Ret v7
`,
      'amd64',
    )
    expandCalls(f)
    checkFunc(f)
    const parts = values(f).filter((v) => v.op === 'SelectN' && v.type === T.int)
    expect(parts.map((v) => v.auxInt)).toEqual([0n, 1n, 2n, 3n, 4n])
    expect(values(f).find((v) => v.ref === 'v4')!.auxInt).toBe(5n)
    expect(values(f).find((v) => v.ref === 'v6')!.op).toBe('Copy')
    expect(values(f).some((v) => v.ref === 'v5')).toBe(false)
  })

  it("refuses a parameter the function's signature does not have", () => {
    const f = funcFromDump(`f func(int)
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <int> {nope}
    (?) v3 = Arg <bool> {nope2}
    (4) v4 = MakeResult <mem> v1
    Ret v4
`)
    f.arch = 'amd64'
    expect(() => expandCalls(f)).toThrow(/not a parameter/)
  })
})

describe('expand calls in our pipeline', () => {
  const after = async (src: string, fn: string, arch: string): Promise<FuncSnapshot> => {
    const prog = await ssaProgram('p.go', src, { pkgPath: 'p' })
    expect(prog.diagnostics).toEqual([])
    const rec = prog.trace(fn, arch, { until: 'expand calls' }).passes.at(-1)!
    expect([rec.name, rec.status, rec.error]).toEqual(['expand calls', 'changed', undefined])
    return rec.snapshot
  }
  const live = (s: FuncSnapshot) => {
    const { live } = findLive(s)
    return s.blocks.flatMap((b) => b.values).filter((v) => live.has(v.id))
  }

  it('names parameters by declaration, so a dead first parameter still takes its register', async () => {
    const s = await after('package p\n\nfunc f(a, b int, x float64) float64 { return float64(b) + x }\n', 'f', 'amd64')
    const args = live(s).filter((v) => v.op.startsWith('Arg'))
    expect(args.map((v) => `${v.op} {${v.aux}} [${v.auxInt}]`).sort()).toEqual(['ArgFloatReg {x+0} [0]', 'ArgIntReg {b+0} [1]'])
  })

  it('expands calls, slices and results on ppc64', async () => {
    const src = 'package p\n\n//go:noinline\nfunc g(s []int, n int) ([]int, int) { return s, n }\n\nfunc f(s []int) int {\n\tt, n := g(s, 3)\n\treturn len(t) + n\n}\n'
    const s = await after(src, 'f', 'ppc64')
    const ops = live(s).map((v) => v.op)
    expect(ops.filter((o) => /LECall|^Arg$|Dereference/.test(o))).toEqual([])
    const call = live(s).find((v) => v.op === 'StaticCall')!
    expect(call.type).toBe('*uint8,int,int,int,mem')
    expect(call.args.length).toBe(5)
    // ptr, len, cap and n in registers 0–3, memory after them.
    expect(live(s).filter((v) => v.op === 'SelectN').map((v) => v.auxInt).sort()).toEqual(['0', '1', '2', '3', '4'])
  })
})

// ---- differential against gc -----------------------------------------------

/** `Op <type> {aux} [auxInt] nargs` of each live value: registers and offsets must agree, not just op names. */
function valuesOf(s: FuncSnapshot): string[] {
  const { live } = findLive(s)
  const out: string[] = []
  for (const b of s.blocks) for (const v of b.values) if (live.has(v.id)) out.push(`${v.op} <${v.type}>${v.aux !== undefined ? ` {${v.aux}}` : ''}${v.auxInt !== undefined ? ` [${v.auxInt}]` : ''} ${v.args.length}`)
  return out
}

function valuesOfDump(d: DumpFunc): string[] {
  return d.blocks.flatMap((b) => b.values.map((v) => `${v.op} <${v.type}>${v.aux !== undefined ? ` {${v.aux}}` : ''}${v.auxInt !== undefined ? ` [${v.auxInt}]` : ''} ${v.args.length}`))
}

const SOURCE = `package p

type S struct {
	a int
	b float64
	c bool
	d *int
}

type Big struct{ a, b, c, d, e int }

type T struct{ x, y int }

func (t T) M(a int) int     { return t.x + a }
func (t *T) PM(a int) int   { return t.y + a }

//go:noinline
func ints(a, b int, c bool, p *int) (int, bool) { return a + b + *p, !c }

//go:noinline
func floats(a float64, b float32, c int) (float64, float32) { return a + float64(c), b }

func structs(s S, t T) S {
	s.a += t.x
	return s
}

func arrays(a [0]int, b [1]int, c [2]int) [2]int {
	c[0] += b[0]
	return c
}

func slices(s []int, x int) []int {
	return append(s, x)
}

func many(a, b, c, d, e, f, g, h, i, j, k int, x float64) int {
	return a + b + c + d + e + f + g + h + i + j + k + int(x)
}

func bigp(b Big) int { return b.a + b.e }

func callmany() int { return many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1.5) }

func callstructs(s S) S { return structs(s, T{1, 2}) }

func callarr() int {
	r := arrays([0]int{}, [1]int{1}, [2]int{2, 3})
	return r[0]
}

func closures(x int) int {
	f := func(y int) int { return x + y }
	return f(3)
}

func methods(t T, p *T) int { return t.M(1) + p.PM(2) }

func newobj() *int { return new(int) }

func unused() { ints(1, 2, true, nil) }

func bounds(s []int, i int) int { return s[i] }

func callbig() int { return bigp(Big{1, 2, 3, 4, 5}) }
func fv(f func(int) int) int { return f(1) }



type F struct {
	x [1]float64
	y float32
	z [0]int
	w struct{}
}

type E struct{}

type Inner struct{ p *int; q [1]int8 }
type Outer struct{ i Inner; s []int }

//go:noinline
func bigret(x int) Big { return Big{x, x, x, x, x} }

func usebig() int {
	r := bigret(3)
	return r.a + r.e
}

//go:noinline
func tenres() (a, b, c, d, e int, f, g, h, i, j int) { return }

func usetenres() int {
	a, _, _, _, _, _, _, _, i, j := tenres()
	return a + i + j
}

//go:noinline
func stackstruct(a, b, c, d, e, f, g, h, i int, s S) int { return a + s.a + i }

func callstackstruct(s S) int { return stackstruct(1, 2, 3, 4, 5, 6, 7, 8, 9, s) }

//go:noinline
func manyf(a, b, c, d, e, f, g, h float64, i, j, k, l, m, n, o, p float64) float64 {
	return a + p
}

func callmanyf(x float64) float64 { return manyf(x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x) }

//go:noinline
func zs(e E, a int, f F) (E, F) { return e, f }

func callzs(f F) F {
	_, r := zs(E{}, 1, f)
	return r
}

//go:noinline
func nested(o Outer) Outer { return o }

func callnested(o Outer) *int {
	r := nested(o)
	return r.i.p
}

//go:noinline
func arr2(a [2]int) [2]int { return a }

func callarr2(a [2]int) int {
	r := arr2(a)
	return r[1]
}

func clo(s S) S {
	f := func(t S, n int) S { t.a += n; return t }
	return f(s, 2)
}

func slicesOf(a [][]int, b []S) ([]S, [][]int) { return b, a }

func callslices(a [][]int, b []S) int {
	x, y := slicesOf(a, b)
	return len(x) + len(y)
}

type node struct {
	next *node
	v    int
}

func (n node) val() int    { return n.v }
func (n *node) pval() int  { return n.v }

type wrap struct{ node }

func usewrap(w wrap, p *wrap) int { return w.val() + p.pval() }

func mixed(a int8, b uint16, c float32, d int32, e uintptr, f bool) (int8, float32, bool) {
	return a + int8(b) + int8(d) + int8(e), c, f
}

func callmixed() int8 {
	a, _, _ := mixed(1, 2, 3, 4, 5, true)
	return a
}

func stackret(a, b, c, d, e, f, g, h, i int) (r1, r2, r3, r4, r5, r6, r7, r8, r9 int, s S) {
	s.a = a
	return
}

func callstackret() int {
	_, _, _, _, _, _, _, _, _, s := stackret(1, 2, 3, 4, 5, 6, 7, 8, 9)
	return s.a
}

func grow(s []int) []int {
	for i := 0; i < 10; i++ {
		s = append(s, i)
	}
	return s
}

func mk(n int) []int { return make([]int, n) }

func escapes(x int) *int { return &x }

func bigarg(b Big) Big { b.a++; return b }

func (n *node) lots(a, b, c, d, e int, f, g, h, i, j int) int { return a + j + n.v }

type pw struct{ *node }

func usepw(p pw) int { return p.lots(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) }
`

describe.skipIf(skipDifferential)('differential against gc: early fuse → expand calls', () => {
  const dumps = new Map<string, GcSsaDumps>()
  let file = ''
  let dir = ''
  beforeAll(async () => {
    requireGo()
    dir = await mkdtemp(join(tmpdir(), 'ssascope-expandcalls-'))
    file = join(dir, 'calls.go')
    await writeFile(file, SOURCE)
    const [amd64, ppc64] = await Promise.all(['amd64', 'ppc64'].map((goarch) => gcSsaDumps(file, 'all', ['early fuse', 'expand calls'], { goarch })))
    dumps.set('amd64', amd64!)
    dumps.set('ppc64', ppc64!)
  }, 120_000)
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  for (const arch of ['amd64', 'ppc64']) {
    it(`${arch}: every function gets gc's values`, async () => {
      const named = await namedTypes(file)
      const sigs = await signatures(file)
      const d = dumps.get(arch)!
      expect(d.size).toBeGreaterThan(55)
      const differ: string[] = []
      for (const [fn, passes] of d) {
        const before = passes.get('early fuse')
        const gcAfter = passes.get('expand calls')
        if (!before || !gcAfter) {
          differ.push(`${fn}: missing dump`)
          continue
        }
        const f = withSignature(funcFromDump(withStubBlocks(before), arch), sigs)
        resolveTypes(f, named)
        expandCalls(f, { arch, rules: [] })
        checkFunc(f)
        const diff = opDiff(valuesOf(new Snapshotter().take(f).snapshot), valuesOfDump(gcAfter))
        if (diff.length) differ.push(`${fn}: ${diff.join(' | ')}`)
      }
      expect(differ).toEqual([])
    })
  }
})
