// amd64 lowering (gc 1.26's AMD64.rules), addressing modes and late lower:
// the rule notation, lowering strategies rule family by rule family, the
// seed (mergelocals.go's ABC through our own pipeline), and a differential
// against the real gc over the SSA corpus plus an extra program with every
// width of arithmetic, shifts, compares, conversions, copies and zeroing:
// our pass on gc's function before it must give gc's function after it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import type { DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { PassContext } from '../../../src-main/compiler/ssa/compile'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { isKnownOp } from '../../../src-main/compiler/ssa/opinfo'
import { addressingModes } from '../../../src-main/compiler/ssa/passes/addressingmodes'
import { lateLower, lower } from '../../../src-main/compiler/ssa/passes/lower'
import { findLive } from '../../../src-main/compiler/ssa/print'
import { amd64LateLowerDefs, amd64LowerDefs } from '../../../src-main/compiler/ssa/rules/amd64'
import { variants } from '../../../src-main/compiler/ssa/rules/amd64/notation'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { ssaResult } from '../../../src-main/compiler/ssagen'
import { ssaCorpusFiles } from '../../../src-main/fidelity/ssa'
import { requireGo, skipDifferential } from '../../go-toolchain'
import { namedTypes, resolveTypes, withStubBlocks } from './checks-diff'

const ctx = (): PassContext => ({ arch: 'amd64', rules: [] })

/** Run passes on a dump (generic ops in, amd64 ops out), checked; returns the function and the rule log. */
function run(text: string, ...passes: ((f: Func, c: PassContext) => void)[]): { f: Func; log: string[] } {
  const f = funcFromDump(text, 'amd64')
  const c = ctx()
  for (const p of passes.length ? passes : [lower]) p(f, c)
  checkFunc(f)
  return { f, log: c.rules.map((r) => r.rule) }
}

/** Live values as `Op <type> [auxint] {aux}(args…)`, nested (phis cut), sorted; then block kinds with controls. */
function shape(f: Func): string[] {
  const snap = new Snapshotter().take(f).snapshot
  return deepShape(snap.blocks, findLive(snap))
}

type B = { id: string; kind: string; controls: string[]; succs: string[]; values: { id: string; op: string; type: string; auxInt?: string; aux?: string; args: string[] }[] }

function deepShape(blocks: B[], live?: { reachable: Set<string>; live: Set<string> }): string[] {
  const byId = new Map(blocks.flatMap((b) => b.values.map((v) => [v.id, v] as const)))
  const canon = (id: string, depth = 0): string => {
    const v = byId.get(id)
    if (!v) return '?'
    const head = `${v.op} <${v.type}>${v.auxInt !== undefined ? ` [${v.auxInt}]` : ''}${v.aux !== undefined ? ` {${v.aux}}` : ''}`
    return v.op === 'Phi' || depth > 6 ? head : `${head}(${v.args.map((a) => canon(a, depth + 1)).join(', ')})`
  }
  const out: string[] = []
  for (const b of blocks) {
    if (live && !live.reachable.has(b.id)) continue
    out.push(`${b.id} ${b.kind} [${b.controls.map((c) => canon(c)).join(', ')}] -> ${b.succs.join(' ')}`)
    for (const v of b.values) if (!live || live.live.has(v.id)) out.push(`${b.id}: ${canon(v.id)}`)
  }
  return out.sort()
}

/** Ops of the live values, sorted. */
const ops = (f: Func): string[] => {
  const snap = new Snapshotter().take(f).snapshot
  const { live } = findLive(snap)
  return snap.blocks.flatMap((b) => b.values.filter((v) => live.has(v.id)).map((v) => v.op)).sort()
}

/** A one-block function computing `body` (dump lines using v1 = mem, v2 = SP, v3..v6 = int args x, y, p, q) and returning `ret`. */
function fn(body: string, ret: string, resultType = 'int'): string {
  return `t func(int, int, *int, *int) ${resultType}
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (?) v3 = ArgIntReg <int> {x+0} [0]
    (?) v4 = ArgIntReg <int> {y+0} [1]
    (?) v5 = ArgIntReg <*int> {p+0} [2]
    (?) v6 = ArgIntReg <*int> {q+0} [3]
${body
  .trim()
  .split('\n')
  .map((l) => `    (?) ${l.trim()}`)
  .join('\n')}
    (?) v99 = MakeResult <${resultType},mem> ${ret}
    Ret v99
`
}

/** The live value that feeds the result (MakeResult's first arg), as a nested shape. */
function result(f: Func): string {
  const ret = f.blocks.find((b) => b.kind === 'Ret')!.controls[0]!
  const show = (v: Func['entry']['values'][number], d = 0): string =>
    d > 5 ? v.op : `${v.op}${v.args.length ? `(${v.args.map((a) => show(a, d + 1)).join(' ')})` : ''}`
  return show(ret.args[0]!)
}

describe('the rule notation', () => {
  it('expands gc alternations in lockstep, each variant named by its text', () => {
    expect(variants('(Add(64|32|16|8) ...) => (ADD(Q|L|L|L) ...)')).toEqual(['(Add64 ...) => (ADDQ ...)', '(Add32 ...) => (ADDL ...)', '(Add16 ...) => (ADDL ...)', '(Add8 ...) => (ADDL ...)'])
    expect(variants('(SETL c:(CMP(Q|L)const [128] x)) && c.Uses == 1 => (SETLE (CMP(Q|L)const [127] x))')).toHaveLength(2)
    expect(() => variants('(Add(64|32) x y) => (ADD(Q|L|W) x y)')).toThrow(/different lengths/)
  })

  it('every rule names an op gc has, once, and parses as gc writes it', () => {
    const { values, blocks } = amd64LowerDefs()
    expect(values.length).toBeGreaterThan(900)
    expect(blocks.length).toBeGreaterThan(100)
    for (const d of [...values, ...amd64LateLowerDefs()]) expect(isKnownOp(d.op, 'amd64'), d.text).toBe(true)
    const texts = values.map((d) => d.text)
    expect(new Set(texts).size).toBe(texts.length)
    expect(texts).toContain('(Lsh64x64 x y) && shiftIsBounded(v) => (SHLQ x y)')
    expect(texts).toContain('(ANDQconst [ 0xFF] x) => (MOVBQZX x)')
  })
})

describe('lowering', () => {
  it('renames what maps one to one and logs each rule in gc notation', () => {
    const { f, log } = run(fn('v7 = Add64 <int> v3 v4\nv8 = Sub64 <int> v7 v3\nv9 = Mul64 <int> v8 v4', 'v9 v1'))
    expect(result(f)).toBe('MULQ(SUBQ(ADDQ(ArgIntReg ArgIntReg) ArgIntReg) ArgIntReg)')
    expect(log).toEqual(expect.arrayContaining(['(Add64 ...) => (ADDQ ...)', '(Sub64 ...) => (SUBQ ...)', '(Mul64 ...) => (MULQ ...)']))
  })

  it('bounded shifts are one instruction; others mask (unsigned) or saturate the count (signed)', () => {
    expect(result(run(fn('v7 = Lsh64x64 <int> [true] v3 v4', 'v7 v1')).f)).toBe('SHLQ(ArgIntReg ArgIntReg)')
    expect(result(run(fn('v7 = Lsh64x64 <int> [false] v3 v4', 'v7 v1')).f)).toBe('ANDQ(SHLQ(ArgIntReg ArgIntReg) SBBQcarrymask(CMPQconst(ArgIntReg)))')
    expect(result(run(fn('v7 = Rsh64x64 <int> [false] v3 v4', 'v7 v1')).f)).toBe('SARQ(ArgIntReg ORQ(ArgIntReg NOTQ(SBBQcarrymask(CMPQconst(ArgIntReg)))))')
    // A constant count folds: x >> 3 is SARQconst [3].
    const { f } = run(fn('v7 = Const64 <uint64> [3]\nv8 = Rsh64x64 <int> [true] v3 v7', 'v8 v1'))
    expect(result(f)).toBe('SARQconst(ArgIntReg)')
    expect(f.blocks[0]!.values.find((v) => v.op === 'SARQconst')!.auxInt).toBe(3n)
  })

  it('zeroes by size as 1.26 does: storeconst, MOVO pairs, LoweredZero, LoweredZeroLoop, REP STOSQ', () => {
    const zero = (n: number) => ops(run(fn(`v7 = Zero <mem> {[${n}]byte} [${n}] v5 v1`, 'v3 v7')).f).filter((o) => !['InitMem', 'SP', 'ArgIntReg', 'MakeResult'].includes(o))
    expect(zero(8)).toEqual(['MOVQstoreconst'])
    expect(zero(3)).toEqual(['MOVBstoreconst', 'MOVWstoreconst'])
    expect(zero(13)).toEqual(['MOVQstoreconst', 'MOVQstoreconst'])
    expect(zero(16)).toEqual(['LoweredZero'])
    expect(zero(191)).toEqual(['LoweredZero'])
    expect(zero(192)).toEqual(['LoweredZeroLoop'])
    expect(zero(1408)).toEqual(['LoweredZeroLoop'])
    expect(zero(1416)).toEqual(['MOVQconst', 'MOVQconst', 'REPSTOSQ'])
    // Odd sizes beyond the threshold peel the odd bytes off with a 16-byte store, then zero the rest.
    expect(zero(1421)).toEqual(['ADDQconst', 'MOVOstoreconst', 'MOVQconst', 'MOVQconst', 'REPSTOSQ'])
    expect(zero(1413)).toEqual(['ADDQconst', 'LoweredZeroLoop', 'MOVOstoreconst'])
  })

  it('copies by size: loads and stores, LoweredMove, LoweredMoveLoop, REP MOVSQ', () => {
    const move = (n: number) => ops(run(fn(`v7 = Move <mem> {[${n}]byte} [${n}] v5 v6 v1`, 'v3 v7')).f).filter((o) => !['InitMem', 'SP', 'ArgIntReg', 'MakeResult'].includes(o))
    expect(move(3)).toEqual(['MOVBload', 'MOVBstore', 'MOVWload', 'MOVWstore'])
    expect(move(16)).toEqual(['MOVOload', 'MOVOstore'])
    expect(move(24)).toEqual(['LoweredMove'])
    expect(move(200)).toEqual(['LoweredMoveLoop'])
    expect(move(1600)).toEqual(['MOVQconst', 'REPMOVSQ'])
  })

  it('branches on the flags of the comparison, canonicalising operand order with InvertFlags', () => {
    const text = `t func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v3 = ArgIntReg <int> {x+0} [0]
    (?) v4 = Const64 <int> [5]
    (?) v5 = Less64 <bool> v4 v3
    If v5 -> b2 b3
  b2: <- b1
    (?) v6 = MakeResult <int,mem> v3 v1
    Ret v6
  b3: <- b1
    (?) v7 = MakeResult <int,mem> v4 v1
    Ret v7
`
    const { f, log } = run(text)
    // 5 < x: compare x with 5 (InvertFlags), then the branch turns around: GT.
    expect(f.entry.kind).toBe('GT')
    expect(f.entry.controls[0]!.op).toBe('CMPQconst')
    // As in gc, block rules run before the block's values: If tests the boolean first, which folds back into LT.
    expect(log).toEqual(expect.arrayContaining(['(If cond yes no) => (NE (TESTB cond cond) yes no)', '(NE (TESTB (SETL cmp) (SETL cmp)) yes no) => (LT cmp yes no)', '(LT (InvertFlags cmp) yes no) => (GT cmp yes no)']))
    // A plain boolean is tested against itself.
    const g = run(text.replace('(?) v5 = Less64 <bool> v4 v3', '(?) v5 = ArgIntReg <bool> {c+0} [1]')).f
    expect(g.entry.kind).toBe('NE')
    expect(g.entry.controls[0]!.op).toBe('TESTB')
  })

  it('folds constants, address arithmetic and loads into instructions', () => {
    // (ADDQ x (SHLQconst [3] y)) is LEAQ8; p + 8*i then loads are MOVQload of LEAQ8.
    const { f } = run(fn('v7 = Const64 <uint64> [3]\nv8 = Lsh64x64 <int> [true] v4 v7\nv9 = AddPtr <*int> v5 v8\nv10 = Load <int> v9 v1', 'v10 v1'))
    expect(result(f)).toBe('MOVQload(LEAQ8(ArgIntReg ArgIntReg) InitMem)')
    // x + *p: the load merges into the add.
    expect(result(run(fn('v7 = Load <int> v5 v1\nv8 = Add64 <int> v3 v7', 'v8 v1')).f)).toBe('ADDQload(ArgIntReg ArgIntReg InitMem)')
    // Multiplying by 9 is a LEAQ8 of x and x; by 1000 stays a multiply.
    expect(result(run(fn('v7 = Const64 <int> [9]\nv8 = Mul64 <int> v3 v7', 'v8 v1')).f)).toBe('LEAQ8(ArgIntReg ArgIntReg)')
    expect(result(run(fn('v7 = Const64 <int> [1000]\nv8 = Mul64 <int> v3 v7', 'v8 v1')).f)).toBe('MULQconst(ArgIntReg)')
    // A constant stored is a storeconst.
    expect(ops(run(fn('v7 = Const64 <int> [42]\nv8 = Store <mem> {int} v5 v7 v1', 'v3 v8')).f)).toContain('MOVQstoreconst')
  })

  it('CondSelect is a CMOV on the condition flags', () => {
    const { f, log } = run(fn('v7 = Less64 <bool> v3 v4\nv8 = CondSelect <int> v3 v4 v7', 'v8 v1'))
    // x < y ? x : y is CMOVQLT y x (CMPQ x y); canonical operand order makes it CMOVQGT y x (CMPQ y x).
    expect(log).toEqual(expect.arrayContaining(['(CondSelect <t> x y (SETL cond)) && (is64BitInt(t) || isPtr(t)) => (CMOVQLT y x cond)', '(CMOVQLT x y (InvertFlags cond)) => (CMOVQGT x y cond)']))
    const cmov = f.blocks[0]!.values.find((v) => v.op === 'CMOVQGT')!
    expect(cmov.args.map((a) => a.ref)).toEqual(['v4', 'v3', cmov.args[2]!.ref])
    expect(cmov.args[2]!.args.map((a) => a.ref)).toEqual(['v4', 'v3'])
  })

  it('bounds panics keep constant operands in the aux, as gc prints them', () => {
    const { f } = run(fn('v7 = Const64 <int> [5]\nv8 = Const64 <int> [3]\nv9 = PanicBounds <mem> [0] v7 v8 v1', 'v3 v9'))
    const p = f.blocks[0]!.values.find((v) => v.op.startsWith('LoweredPanicBounds'))!
    expect(p.op).toBe('LoweredPanicBoundsCC')
    expect(p.aux).toEqual({ kind: 'sym', name: '{5 3}' })
  })

  it('late lower drops zero extensions of values whose upper bits are known zero', () => {
    const text = fn('v7 = Load <uint32> v5 v1\nv8 = ZeroExt32to64 <uint64> v7', 'v8 v1', 'uint64')
    // MOVLQZX of a single-use MOVLload folds into the load already in lower; a second use keeps it.
    const twice = fn('v7 = Load <uint32> v5 v1\nv8 = ZeroExt32to64 <uint64> v7\nv9 = ZeroExt32to64 <uint64> v7\nv10 = Add64 <uint64> v8 v9', 'v10 v1', 'uint64')
    expect(ops(run(twice).f)).toContain('MOVLQZX')
    expect(ops(run(twice, lower, addressingModes, lateLower).f)).not.toContain('MOVLQZX')
    expect(ops(run(text, lower, addressingModes, lateLower).f)).not.toContain('MOVLQZX')
  })
})

describe('the seed: mergelocals.go ABC through our pipeline', () => {
  it('lowers to LEAQ-based addressing, LoweredZero and indexed 8-byte loads and stores, as gc 1.26 does', async () => {
    const path = join(__dirname, '../../../resources/examples/mergelocals.go')
    const r = await ssaResult(path, await readFile(path, 'utf8'), { func: 'ABC', arch: 'amd64' })
    expect(r.trace, JSON.stringify(r.diagnostics)).not.toBeNull()
    const at = (name: string): string[] => {
      const p = r.trace!.passes.find((x) => x.name === name)!
      expect(p.status, `${name}: ${p.error ?? ''}`).not.toBe('failed')
      const { live } = findLive(p.snapshot)
      return p.snapshot.blocks.flatMap((b) => b.values.filter((v) => live.has(v.id)).map((v) => `${v.op}${v.aux ? ` {${v.aux}}` : ''}${v.auxInt ? ` [${v.auxInt}]` : ''}`)).sort()
    }
    // gc 1.26's lower dump of ABC on amd64.
    expect(at('lower')).toEqual(
      ['ANDQconst [3]', 'ANDQconst [3]', 'ArgIntReg {i+0} [0]', 'ArgIntReg {j+0} [1]', 'InitMem', 'LEAQ {t}', 'LEAQ8 {t}', 'LEAQ8 {t}', 'LoweredZero [88]', 'MOVQload', 'MOVQstore', 'MakeResult', 'SP', 'VarDef {t}'].sort(),
    )
    expect(at('addressing modes')).toEqual(
      ['ANDQconst [3]', 'ANDQconst [3]', 'ArgIntReg {i+0} [0]', 'ArgIntReg {j+0} [1]', 'InitMem', 'LEAQ {t}', 'LoweredZero [88]', 'MOVQloadidx8 {t}', 'MOVQstoreidx8 {t}', 'MakeResult', 'SP', 'VarDef {t}'].sort(),
    )
  })
})

// ---- differential: the real gc --------------------------------------------------

/** Everything our Go subset lowers, at every width (one extra program besides the corpus). */
const EXTRA = `package p

type S3 struct{ a, b, c byte }
type Big struct{ x [40]int }
type Huge struct{ x [200]int }
type Odd struct {
	x [201]int
	b byte
}
type F struct {
	a, b float64
	c    float32
	d    int16
	e    bool
}

var g int

func divs(a, b int64, c, d int32, e, f int16, h, i int8) (int64, int32, int16, int8) { return a / b, c % d, e / f, h % i }
func udivs(a, b uint64, c, d uint32, e, f uint16, h, i uint8) (uint64, uint32, uint16, uint8) { return a % b, c / d, e % f, h / i }
func consts(a int64, b uint32, c int16, d uint8) (int64, uint32, int16, uint8) { return a/7 + a%10, b/3 + b%5, c / 9, d % 3 }
func floats(x, y float64, a, b float32) (float64, float32, bool, bool, bool) { return x*y - x/y, -a*b + a/b, x < y, x <= y, a != b }
func conv(x float64, y float32, i int64, j int32, u uint8) (int64, int32, float64, float32, float32, float64) {
	return int64(x), int32(y), float64(i), float32(j) + float32(u), float32(x), float64(y)
}
func shifts(x int64, y uint32, z int16, w uint8, s uint, t uint8, v int32) (int64, uint32, int16, uint8, int64) {
	return x << s, y >> t, z >> v, w << s, x>>3 | x<<60
}
func cmps(a, b int8, c, d uint16, e, f int32, g, h uint64) (bool, bool, bool, bool, bool, bool) {
	return a < b, c <= d, e > f, g >= h, a == b, c != d
}
func sel(c bool, a, b int, x, y int32) (int, int32) {
	r, s := a, x
	if c {
		r = b
	}
	if x < y {
		s = y
	}
	return r, s
}
func zeros(a *S3, c *Big, d *Huge, e *Odd) { *a = S3{}; *c = Big{}; *d = Huge{}; *e = Odd{} }
func moves(a, a2 *S3, c, c2 *Big, d, d2 *Huge, e, e2 *Odd) { *a = *a2; *c = *c2; *d = *d2; *e = *e2 }
func bits(p *[16]byte, i int, x uint64) (byte, bool, bool, uint64) {
	p[i&15] = byte(x)
	return p[3] + p[i&7], x&8 != 0, x&(1<<40) == 0, x &^ (1 << 45)
}
func muls(x int64, y int32) (int64, int64, int32, int64) { return x * 3, x * 9 * 2, y * 10, x * 1000 }
func fstore(p *F, x float64) { p.a = 1.5; p.b = x; p.c = 2.25; p.d = -3; p.e = true }
func rmw(p *[4]int, q *[4]int32, i int) bool {
	p[1] += 5
	q[i&3] += int32(i)
	g++
	return p[2] < 10 || q[i&3] == 4
}
func loop(s []int32) (t int32) {
	for i := range s {
		t += s[i] * 3
	}
	return
}
`

/** gc's dump lists f.Blocks, whose first is not always the entry: the block without predecessors goes first. */
function entryFirst(d: DumpFunc): DumpFunc {
  const i = d.blocks.findIndex((b) => b.preds.length === 0)
  return i <= 0 ? d : { ...d, blocks: [d.blocks[i]!, ...d.blocks.filter((_, k) => k !== i)] }
}

const STAGES: [before: string, after: string, run: (f: Func) => void][] = [
  ['writebarrier', 'lower', (f) => lower(f, ctx())],
  ['lower', 'addressing modes', addressingModes],
  ['addressing modes', 'late lower', (f) => lateLower(f, ctx())],
]

/** Generic ops gc's checkLower lets through. */
const UNLOWERED_OK = new Set(['SP', 'SPanchored', 'SB', 'InitMem', 'Arg', 'ArgIntReg', 'ArgFloatReg', 'Phi', 'VarDef', 'VarLive', 'KeepAlive', 'Select0', 'Select1', 'SelectN', 'Convert', 'InlMark', 'WBend', 'GetG', 'MakeResult'])

describe.skipIf(skipDifferential)('differential against gc (GOARCH=amd64): lower, addressing modes, late lower', () => {
  const inputs: { file: string; named: Awaited<ReturnType<typeof namedTypes>>; dumps: Map<string, Map<string, DumpFunc>> }[] = []
  let dir = ''
  beforeAll(async () => {
    requireGo()
    dir = await mkdtemp(join(tmpdir(), 'ssascope-amd64-'))
    const extra = join(dir, 'lower.go')
    await writeFile(extra, EXTRA)
    const files = [...ssaCorpusFiles(), extra]
    const passes = ['writebarrier', 'lower', 'addressing modes', 'late lower']
    for (const file of files) inputs.push({ file, named: await namedTypes(file), dumps: await gcSsaDumps(file, 'all', passes, { goarch: 'amd64' }) })
  }, 300_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  for (const [before, after, pass] of STAGES) {
    it(`${after}: our pass on gc's ${before} dump gives gc's ${after} dump on (nearly) every function`, () => {
      let n = 0
      let sameOps = 0
      let sameDeep = 0
      const diffs: string[] = []
      for (const { named, dumps } of inputs) {
        for (const [name, ps] of dumps) {
          const from = ps.get(before)
          const want = ps.get(after)
          if (!from || !want) continue
          n++
          const f = funcFromDump(withStubBlocks(entryFirst(from)), 'amd64')
          resolveTypes(f, named)
          pass(f)
          checkFunc(f)
          if (after === 'lower') {
            const left = f.blocks.flatMap((b) => b.values).filter((v) => isKnownOp(v.op) && !UNLOWERED_OK.has(v.op) && v.uses > 0)
            expect(left.map((v) => `${v} = ${v.op}`), `${name}: generic ops left after lower`).toEqual([])
          }
          const ours = shape(f)
          const theirs = deepShape(want.blocks)
          const opsOf = (s: string[]) => s.map((l) => l.replace(/ <.*$/, '').replace(/\(.*$/, '')).sort()
          if (opsOf(ours).join() === opsOf(theirs).join()) sameOps++
          if (ours.join('\n') === theirs.join('\n')) sameDeep++
          else if (diffs.length < 5) diffs.push(`${name}:\n  ours ${ours.filter((l) => !theirs.includes(l)).join('\n  ours ')}\n  gc   ${theirs.filter((l) => !ours.includes(l)).join('\n  gc   ')}`)
        }
      }
      expect(n).toBeGreaterThan(500)
      // Measured: every function identical, down to types, aux, auxint and arguments.
      expect(sameOps / n, diffs.join('\n')).toBeGreaterThanOrEqual(0.98)
      expect(sameDeep / n, diffs.join('\n')).toBeGreaterThanOrEqual(0.95)
    })
  }
})
