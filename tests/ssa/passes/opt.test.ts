// opt, middle opt and late opt: the generic rules family by family, the rule
// language itself, the rule log, and a differential test against the real gc
// on testdata/ssa/opt.go (our opt on gc's function before opt must give gc's
// function after it).

import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { parseSsaDump, type DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { auxIntText, floatBits } from '../../../src-main/compiler/ssa/auxint'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { PassContext } from '../../../src-main/compiler/ssa/compile'
import { Func, type Value } from '../../../src-main/compiler/ssa/func'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { lateOpt, middleOpt, opt } from '../../../src-main/compiler/ssa/passes/opt'
import { PHIELIM } from '../../../src-main/compiler/ssa/rewrite'
import { op, rule, ruleName, valueRule } from '../../../src-main/compiler/ssa/rules/dsl'
import { genericRuleDefs } from '../../../src-main/compiler/ssa/rules/generic'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { opaque, ptrTo, results, T, type SsaType } from '../../../src-main/compiler/ssa/types'
import { requireGo, skipDifferential } from '../../go-toolchain'

type Pass = (f: Func, ctx: PassContext) => void

function run(f: Func, pass: Pass = opt): PassContext {
  const ctx: PassContext = { arch: 'amd64', rules: [] }
  pass(f, ctx)
  checkFunc(f)
  return ctx
}

const desc = (v: Value): string => {
  const ai = auxIntText(v.op, v.auxInt)
  return `${v.op} <${v.type.str}>${ai === undefined ? '' : ` [${ai}]`}${v.args.map((a) => ' ' + a.op).join('')}`
}

/** The value f returns (its MakeResult's first argument), after the pass. */
function returned(f: Func): Value {
  const ret = f.blocks.find((b) => b.kind === 'Ret')!
  return ret.controls[0]!.args[0]!
}

type Arg = [op: string, type: SsaType, auxInt?: bigint | number]

/** A function computing `op` of the given constants (or Arg values, for op 'Arg'), returning it. */
function expr(opName: string, type: SsaType, args: Arg[], auxInt = 0n): Func {
  const f = new Func('t', 'func()')
  const b = f.newBlock('Ret')
  f.entry = b
  const mem = f.newValue(b, 'InitMem', T.mem)
  const vs = args.map(([o, t, a], i) =>
    o === 'Arg' ? f.newValue(b, 'Arg', t, [], 0n, { kind: 'sym', name: `a${i}` }) : f.newValue(b, o, t, [], typeof a === 'number' ? floatBits(a) : (a ?? 0n)),
  )
  const v = f.newValue(b, opName, type, vs, auxInt)
  b.setControl(f.newValue(b, 'MakeResult', results([type, T.mem]), [v, mem]))
  return f
}

const fold = (opName: string, type: SsaType, args: Arg[], pass: Pass = opt): string => {
  const f = expr(opName, type, args)
  run(f, pass)
  return desc(returned(f))
}

describe('constant folding', () => {
  it.each(([
    ['Add64', T.int, [['Const64', T.int, (1n << 63n) - 1n], ['Const64', T.int, 1n]], 'Const64 <int> [-9223372036854775808]'],
    ['Add8', T.int8, [['Const8', T.int8, 100n], ['Const8', T.int8, 100n]], 'Const8 <int8> [-56]'],
    ['Add8', T.uint8, [['Const8', T.uint8, -6n], ['Const8', T.uint8, 10n]], 'Const8 <uint8> [4]'],
    ['Mul16', T.int16, [['Const16', T.int16, 300n], ['Const16', T.int16, 200n]], 'Const16 <int16> [-5536]'],
    ['Sub32', T.int32, [['Const32', T.int32, -(1n << 31n)], ['Const32', T.int32, 1n]], 'Const32 <int32> [2147483647]'],
    ['Div64', T.int, [['Const64', T.int, -7n], ['Const64', T.int, 2n]], 'Const64 <int> [-3]'],
    ['Mod64', T.int, [['Const64', T.int, -7n], ['Const64', T.int, 2n]], 'Const64 <int> [-1]'],
    ['Div8', T.int8, [['Const8', T.int8, -128n], ['Const8', T.int8, -1n]], 'Const8 <int8> [-128]'],
    ['Div8u', T.uint8, [['Const8', T.uint8, -2n], ['Const8', T.uint8, 3n]], 'Const8 <uint8> [84]'],
    ['Mod32u', T.uint32, [['Const32', T.uint32, -1n], ['Const32', T.uint32, 10n]], 'Const32 <uint32> [5]'],
    ['And16', T.int16, [['Const16', T.int16, 0xf0n], ['Const16', T.int16, 0x3cn]], 'Const16 <int16> [48]'],
    ['Xor64', T.int, [['Const64', T.int, -1n], ['Const64', T.int, 5n]], 'Const64 <int> [-6]'],
    ['Lsh8x64', T.int8, [['Const8', T.int8, 1n], ['Const64', T.uint64, 7n]], 'Const8 <int8> [-128]'],
    ['Lsh32x64', T.int32, [['Const32', T.int32, 1n], ['Const64', T.uint64, 40n]], 'Const32 <int32> [0]'],
    ['Rsh16x64', T.int16, [['Const16', T.int16, -8n], ['Const64', T.uint64, 100n]], 'Const16 <int16> [-1]'],
    ['Rsh8Ux64', T.uint8, [['Const8', T.uint8, -128n], ['Const64', T.uint64, 1n]], 'Const8 <uint8> [64]'],
    ['Rsh64Ux64', T.uint64, [['Const64', T.uint64, -1n], ['Const64', T.uint64, -1n]], 'Const64 <uint64> [0]'],
    ['Neg64', T.int, [['Const64', T.int, -(1n << 63n)]], 'Const64 <int> [-9223372036854775808]'],
    ['Com32', T.int32, [['Const32', T.int32, 0n]], 'Const32 <int32> [-1]'],
    ['Trunc64to8', T.int8, [['Const64', T.int, 300n]], 'Const8 <int8> [44]'],
    ['ZeroExt8to64', T.uint64, [['Const8', T.uint8, -1n]], 'Const64 <uint64> [255]'],
    ['SignExt16to64', T.int, [['Const16', T.int16, -2n]], 'Const64 <int> [-2]'],
    ['Cvt64to64F', T.float64, [['Const64', T.int, 3n]], 'Const64F <float64> [3]'],
    ['Cvt64Fto64', T.int, [['Const64F', T.float64, -2.75]], 'Const64 <int> [-2]'],
    ['Add32F', T.float32, [['Const32F', T.float32, 0.1], ['Const32F', T.float32, 0.2]], `Const32F <float32> [${Math.fround(Math.fround(0.1) + Math.fround(0.2))}]`],
    ['Less64', T.bool, [['Const64', T.int, -1n], ['Const64', T.int, 0n]], 'ConstBool <bool> [true]'],
    ['Less64U', T.bool, [['Const64', T.int, -1n], ['Const64', T.int, 0n]], 'ConstBool <bool> [false]'],
    ['Leq8U', T.bool, [['Const8', T.uint8, -1n], ['Const8', T.uint8, 1n]], 'ConstBool <bool> [false]'],
    ['Eq32', T.bool, [['Const32', T.int32, 7n], ['Const32', T.int32, 7n]], 'ConstBool <bool> [true]'],
    ['Not', T.bool, [['ConstBool', T.bool, 1n]], 'ConstBool <bool> [false]'],
  ] as [string, SsaType, Arg[], string][]).map(([o, t, args, want]) => ({ name: `${o} => ${want}`, o, t, args, want })))('$name', ({ o, t, args, want }) => {
    expect(fold(o, t, args)).toBe(want)
  })

  it('leaves what gc leaves: division by zero, out-of-range float conversions, NaN results', () => {
    expect(fold('Div64', T.int, [['Const64', T.int, 1n], ['Const64', T.int, 0n]])).toBe('Div64 <int> [false] Const64 Const64')
    expect(fold('Cvt64Fto64', T.int, [['Const64F', T.float64, 1e300]])).toBe('Cvt64Fto64 <int> Const64F')
    expect(fold('Div64F', T.float64, [['Const64F', T.float64, 0], ['Const64F', T.float64, 0]])).toBe('Div64F <float64> Const64F Const64F')
  })
})

describe('algebraic identities and canonical forms', () => {
  const x: Arg = ['Arg', T.int]
  it.each(([
    ['Add64', [x, ['Const64', T.int, 0n]], 'Arg <int>'],
    ['Mul64', [['Const64', T.int, 1n], x], 'Arg <int>'],
    ['Mul64', [x, ['Const64', T.int, 0n]], 'Const64 <int> [0]'],
    ['Or64', [x, ['Const64', T.int, -1n]], 'Const64 <int> [-1]'],
    ['And64', [['Const64', T.int, -1n], x], 'Arg <int>'],
    ['Xor64', [x, ['Const64', T.int, -1n]], 'Com64 <int> Arg'],
    ['Mul64', [x, ['Const64', T.int, -1n]], 'Neg64 <int> Arg'],
  ] as [string, Arg[], string][]).map(([o, args, want], i) => ({ name: `${o} #${i} => ${want}`, o, args, want })))('$name (constants match in either argument)', ({ o, args, want }) => {
    expect(fold(o, T.int, args)).toBe(want)
  })

  it('x-x, x&x, x^x, --x and ^^x', () => {
    const f = funcFromDump(`t func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <int> {x}
    (?) v3 = Sub64 <int> v2 v2
    (?) v4 = And64 <int> v2 v2
    (?) v5 = Xor64 <int> v2 v2
    (?) v6 = Neg64 <int> v2
    (?) v7 = Neg64 <int> v6
    (?) v8 = Com64 <int> v2
    (?) v9 = Com64 <int> v8
    (?) v10 = Add64 <int> v3 v4
    (?) v11 = Add64 <int> v10 v5
    (?) v12 = Add64 <int> v11 v7
    (?) v13 = Add64 <int> v12 v9
    (?) v14 = MakeResult <int,mem> v13 v1
    Ret v14
`)
    run(f)
    // 0 + x + 0 + x + x: Sub, And, Xor, Neg, Com all gone.
    const ops = f.blocks[0]!.values.map((v) => v.op)
    expect(ops.filter((o) => ['Sub64', 'And64', 'Xor64', 'Neg64', 'Com64'].includes(o))).toEqual([])
    expect(ops.filter((o) => o === 'Add64')).toHaveLength(2)
  })

  it('x - c becomes (-c) + x, constant first, as gc canonicalises', () => {
    expect(fold('Sub64', T.int, [['Arg', T.int], ['Const64', T.int, 5n]])).toBe('Add64 <int> Const64 Arg')
    const f = expr('Sub64', T.int, [['Arg', T.int], ['Const64', T.int, 5n]])
    run(f)
    expect(desc(returned(f).args[0]!)).toBe('Const64 <int> [-5]')
  })

  it('reassociates constants outwards and folds them: (x+3)+4 => 7+x', () => {
    const f = funcFromDump(`t func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <int> {x}
    (?) v3 = Const64 <int> [3]
    (?) v4 = Const64 <int> [4]
    (?) v5 = Add64 <int> v2 v3
    (?) v6 = Add64 <int> v5 v4
    (?) v7 = MakeResult <int,mem> v6 v1
    Ret v7
`)
    run(f)
    expect(desc(returned(f))).toBe('Add64 <int> Const64 Arg')
    expect(desc(returned(f).args[0]!)).toBe('Const64 <int> [7]')
  })

  it('multiplies by powers of two with shifts only after opt (middle opt, late opt)', () => {
    const args: Arg[] = [['Arg', T.int], ['Const64', T.int, 8n]]
    expect(fold('Mul64', T.int, args, opt)).toBe('Mul64 <int> Arg Const64')
    expect(fold('Mul64', T.int, args, middleOpt)).toBe('Lsh64x64 <int> [true] Arg Const64')
    expect(fold('Mul64', T.int, args, lateOpt)).toBe('Lsh64x64 <int> [true] Arg Const64')
  })

  it('a Phi of two equal constants is that constant; a Phi of one value is a Copy (phielim in the engine)', () => {
    const f = funcFromDump(`t func(bool) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <bool> {c}
    (?) v3 = Const64 <int> [5]
    (?) v4 = Const64 <int> [5]
    (?) v9 = Arg <int> {y}
    If v2 -> b2 b3
  b2: <- b1
    Plain -> b3
  b3: <- b1 b2
    (?) v5 = Phi <int> v3 v4
    (?) v6 = Phi <int> v9 v9
    (?) v7 = Add64 <int> v5 v6
    (?) v8 = MakeResult <int,mem> v7 v1
    Ret v8
`)
    const ctx = run(f)
    expect(desc(returned(f))).toBe('Add64 <int> Const64 Arg')
    expect(ctx.rules.map((r) => r.rule)).toContain(PHIELIM)
  })
})

describe('comparisons, booleans and branches', () => {
  it('folds Not into the comparison it negates, swapping operands', () => {
    const f = funcFromDump(`t func(int, int) bool
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <int> {x}
    (?) v3 = Arg <int> {y}
    (?) v4 = Less64 <bool> v2 v3
    (?) v5 = Not <bool> v4
    (?) v6 = MakeResult <bool,mem> v5 v1
    Ret v6
`)
    run(f)
    const r = returned(f)
    expect(r.op).toBe('Leq64')
    expect(r.args.map(String)).toEqual(['v3', 'v2'])
  })

  it('(If (Not c) yes no) swaps the successors and the likely hint', () => {
    const f = funcFromDump(`t func(bool) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <bool> {c}
    (?) v3 = Not <bool> v2
    If v3 -> b2 b3 (likely)
  b2: <- b1
    (?) v4 = Const64 <int> [1]
    (?) v5 = MakeResult <int,mem> v4 v1
    Ret v5
  b3: <- b1
    (?) v6 = Const64 <int> [2]
    (?) v7 = MakeResult <int,mem> v6 v1
    Ret v7
`)
    const ctx = run(f)
    const b1 = f.entry
    expect(b1.controls[0]!.op).toBe('Arg')
    expect(b1.succs.map(String)).toEqual(['b3', 'b2'])
    expect(b1.likely).toBe(-1)
    expect(ctx.rules.map((r) => r.rule)).toContain('(If (Not cond) yes no) => (If cond no yes)')
  })

  it('an If on a constant becomes First, taken edge first', () => {
    for (const [c, first] of [['true', 'b2'], ['false', 'b3']]) {
      const f = funcFromDump(`t func() int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = ConstBool <bool> [${c}]
    If v2 -> b2 b3
  b2: <- b1
    (?) v4 = Const64 <int> [1]
    (?) v5 = MakeResult <int,mem> v4 v1
    Ret v5
  b3: <- b1
    (?) v6 = Const64 <int> [2]
    (?) v7 = MakeResult <int,mem> v6 v1
    Ret v7
`)
      run(f)
      expect(f.entry.kind).toBe('First')
      expect(f.entry.controls).toEqual([])
      expect(String(f.entry.succs[0])).toBe(first)
    }
  })

  it('x == x, bound checks of masked indexes and of constants', () => {
    const x: Arg = ['Arg', T.int]
    expect(fold('IsInBounds', T.bool, [['Const64', T.int, 3n], ['Const64', T.int, 3n]])).toBe('ConstBool <bool> [false]')
    expect(fold('IsSliceInBounds', T.bool, [['Const64', T.int, 3n], ['Const64', T.int, 3n]])).toBe('ConstBool <bool> [true]')
    expect(fold('IsSliceInBounds', T.bool, [['Const64', T.int, 0n], x])).toBe('ConstBool <bool> [true]')
    const f = funcFromDump(`t func(int) bool
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <int> {i}
    (?) v3 = Const64 <int> [7]
    (?) v4 = And64 <int> v2 v3
    (?) v5 = Const64 <int> [8]
    (?) v6 = IsInBounds <bool> v4 v5
    (?) v7 = MakeResult <bool,mem> v6 v1
    Ret v7
`)
    const ctx = run(f)
    expect(desc(returned(f))).toBe('ConstBool <bool> [true]')
    expect(ctx.rules.map((r) => r.rule)).toContain('(IsInBounds (And64 (Const64 [c]) _) (Const64 [d])) && 0 <= c && c < d => (ConstBool [true])')
  })

  it('a two-sided range check becomes one unsigned comparison', () => {
    const f = funcFromDump(`t func(int) bool
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <int> {x}
    (?) v3 = Const64 <int> [3]
    (?) v4 = Const64 <int> [10]
    (?) v5 = Leq64 <bool> v3 v2
    (?) v6 = Less64 <bool> v2 v4
    (?) v7 = AndB <bool> v5 v6
    (?) v8 = MakeResult <bool,mem> v7 v1
    Ret v8
`)
    run(f)
    const r = returned(f)
    expect(desc(r)).toBe('Less64U <bool> Add64 Const64')
    expect(desc(r.args[1]!)).toBe('Const64 <int> [7]')
  })
})

describe('pointers and slices', () => {
  it('folds OffPtr chains, drops OffPtr [0] of the same type, and turns PtrIndex into arithmetic', () => {
    const f = funcFromDump(`t func(*[4]int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <*[4]int> {p}
    (?) v3 = OffPtr <*[4]int> [8] v2
    (?) v4 = OffPtr <*int> [16] v3
    (?) v5 = OffPtr <*int> [0] v4
    (?) v6 = Const64 <int> [1]
    (?) v7 = PtrIndex <*int> v2 v6
    (?) v8 = Load <int> v5 v1
    (?) v9 = Load <int> v7 v1
    (?) v10 = Add64 <int> v8 v9
    (?) v11 = MakeResult <int,mem> v10 v1
    Ret v11
`)
    run(f)
    const loads = f.entry.values.filter((v) => v.op === 'Load')
    expect(loads.map((l) => desc(l.args[0]!))).toEqual(['OffPtr <*int> [24] Arg', 'OffPtr <*int> [8] Arg'])
  })

  it('reads SliceMake back and makes nil slices', () => {
    const f = funcFromDump(`t func(*int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <*int> {p}
    (?) v3 = Const64 <int> [2]
    (?) v4 = Const64 <int> [5]
    (?) v5 = SliceMake <[]int> v2 v3 v4
    (?) v6 = SliceLen <int> v5
    (?) v7 = SliceCap <int> v5
    (?) v8 = Add64 <int> v6 v7
    (?) v9 = MakeResult <int,mem> v8 v1
    Ret v9
`)
    run(f)
    expect(desc(returned(f))).toBe('Const64 <int> [7]')
  })

  it('ConstSlice: one Const64 [0] for both length and capacity, as rulegen shares equal subexpressions', () => {
    const f = funcFromDump(`t func() []int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = ConstSlice <[]int>
    (?) v3 = MakeResult <[]int,mem> v2 v1
    Ret v3
`)
    const ctx = run(f)
    const s = returned(f)
    expect(desc(s)).toBe('SliceMake <[]int> ConstNil Const64 Const64')
    expect(s.args[1]).toBe(s.args[2])
    expect(ctx.rules[0]!.created).toHaveLength(2)
  })
})

describe('memory', () => {
  const loadAfterStores = (between: string) =>
    funcFromDump(`t func(*[2]int, *int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <*[2]int> {p}
    (?) v3 = Arg <*int> {q}
    (?) v4 = Const64 <int> [7]
    (?) v5 = OffPtr <*int> [8] v2
    (?) v6 = Store <mem> {int} v5 v4 v1
${between}
    (?) v9 = OffPtr <*int> [8] v2
    (?) v10 = Load <int> v9 v8
    (?) v11 = MakeResult <int,mem> v10 v8
    Ret v11
`)

  it('a load after a store to the same address (isSamePtr) takes the stored value', () => {
    const f = loadAfterStores(`    (?) v7 = Const64 <int> [1]
    (?) v12 = OffPtr <*int> [0] v2
    (?) v8 = Store <mem> {int} v12 v7 v6`)
    run(f)
    // The store to p[0] is disjoint from p[1], so the load looks past it.
    expect(desc(returned(f))).toBe('Const64 <int> [7]')
  })

  it('does not look past a store that may alias', () => {
    const f = loadAfterStores(`    (?) v7 = Const64 <int> [1]
    (?) v8 = Store <mem> {int} v3 v7 v6`)
    run(f)
    expect(returned(f).op).toBe('Load')
  })

  it('a store of what was just loaded from the same place goes', () => {
    const f = funcFromDump(`t func(*int)
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <*int> {p}
    (?) v3 = Load <int> v2 v1
    (?) v4 = Store <mem> {int} v2 v3 v1
    (?) v5 = MakeResult <mem> v4
    Ret v5
`)
    run(f)
    expect(f.entry.values.map((v) => v.op)).not.toContain('Store')
  })

  it('loads of zeroed memory are zero', () => {
    const f = funcFromDump(`t func() int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (?) v3 = LocalAddr <*[2]int> {a} v2 v1
    (?) v4 = Zero <mem> {[2]int} [16] v3 v1
    (?) v5 = OffPtr <*int> [8] v3
    (?) v6 = Load <int> v5 v4
    (?) v7 = MakeResult <int,mem> v6 v4
    Ret v7
`)
    run(f)
    expect(desc(returned(f))).toBe('Const64 <int> [0]')
  })

  it('types without layout (named types read from a dump) make layout rules not fire, never crash', () => {
    const t = opaque('pt')
    const f = new Func('t', 'func()')
    const b = f.newBlock('Ret')
    f.entry = b
    const mem = f.newValue(b, 'InitMem', T.mem)
    const p = f.newValue(b, 'Arg', ptrTo(t), [], 0n, { kind: 'sym', name: 'p' })
    const l = f.newValue(b, 'Load', t, [p, mem])
    b.setControl(f.newValue(b, 'MakeResult', results([t, T.mem]), [l, mem]))
    run(f)
    expect(returned(f).op).toBe('Load')
  })
})

describe('the rule log', () => {
  it('names each application in gc notation with the matched value and the values it created, which record their origin', () => {
    const f = funcFromDump(`t func(*[4]int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = Arg <*[4]int> {p}
    (?) v3 = Arg <int> {i}
    (?) v4 = PtrIndex <*int> v2 v3
    (?) v5 = Load <int> v4 v1
    (?) v6 = MakeResult <int,mem> v5 v1
    Ret v6
`)
    const ctx = run(f)
    const app = ctx.rules.find((r) => r.value === 'v4')!
    expect(app.rule).toBe('(PtrIndex <t> ptr idx) && config.PtrSize == 8 => (AddPtr ptr (Mul64 <typ.Int> idx (Const64 <typ.Int> [t.Elem().Size()])))')
    expect(app.created).toHaveLength(2)
    const all = f.blocks.flatMap((b) => b.values)
    const created = app.created.map((ref) => all.find((v) => v.ref === ref)!)
    expect(created.map(desc).sort()).toEqual(['Const64 <int> [8]', 'Mul64 <int> Arg Const64'])
    for (const c of created) expect(c.origin?.ref).toBe('v4')
    // The matched value itself became the AddPtr.
    expect(desc(all.find((v) => v.ref === 'v4')!)).toBe('AddPtr <*int> Arg Mul64')
    // Values are never given a reused id.
    expect(Math.min(...created.map((c) => c.id))).toBeGreaterThan(6)
  })
})

describe('the rule language', () => {
  it('every generic rule parses, and its name is its gc text on one line', () => {
    const defs = genericRuleDefs()
    expect(defs.length).toBeGreaterThan(1000)
    for (const d of defs) expect(d.text).toBe(ruleName(d.text))
    expect(defs.map((d) => d.text)).toContain('(Add64 (Const64 [c]) (Const64 [d])) => (Const64 [c+d])')
  })

  it('binds repeated variables only to the same value and literals only to equal auxints', () => {
    const r = rule('(Sub64 x x) => (Const64 [0])', () => op('Const64', { auxInt: 0n }))
    expect(r.op).toBe('Sub64')
    expect(() => rule('(Add64 x', () => null)).toThrow(/rule/)
    expect(() => rule('x => x', () => null)).toThrow(/left side/)
    expect(fold('Sub64', T.int, [['Arg', T.int], ['Arg', T.int]])).toBe('Sub64 <int> Arg Arg')
    expect(fold('Leq64', T.bool, [['Const64', T.int, -(1n << 63n)], ['Arg', T.int]])).toBe('ConstBool <bool> [true]')
  })
})

describe('the rule matcher', () => {
  it('tries commutative orders as rulegen does (outer order last to change), skips orders whose ops differ, and keeps trying after a refusal', () => {
    const f = new Func('m', 'func()')
    const b = f.newBlock('Plain')
    f.entry = b
    const a = f.newValue(b, 'Arg', T.int, [], 0n, { kind: 'sym', name: 'a' })
    const c = f.newValue(b, 'Arg', T.int, [], 0n, { kind: 'sym', name: 'c' })
    const m1 = f.newValue(b, 'Mul64', T.int, [a, c])
    const m2 = f.newValue(b, 'Mul64', T.int, [c, a])
    const add = f.newValue(b, 'Add64', T.int, [m1, m2])
    const seen: string[] = []
    const def = rule('(Add64 (Mul64 x y) z)', ({ x, y, z }) => {
      seen.push(`${x} ${y} ${z}`)
      return seen.length === 4 ? op('Const64', { type: T.int, auxInt: 7n }) : null
    })
    const r = valueRule(def, { pass: 'opt', arch: 'amd64' })
    expect(r.apply(add, f)).toBe(true)
    // (Mul64 x y) is arg 0 then arg 1 of the Add64; inside it, x is its arg 0 then arg 1.
    expect(seen).toEqual([`${a} ${c} ${m2}`, `${c} ${a} ${m2}`, `${c} ${a} ${m1}`, `${a} ${c} ${m1}`])
    expect(add.op).toBe('Const64')
    // A pattern whose ops fit neither order is refused without calling build.
    const sub = f.newValue(b, 'Sub64', T.int, [a, c])
    const none = f.newValue(b, 'Add64', T.int, [sub, a])
    const before = seen.length
    expect(r.apply(none, f)).toBe(false)
    const swapped = f.newValue(b, 'Add64', T.int, [sub, m1])
    expect(r.apply(swapped, f)).toBe(false)
    expect(seen.slice(before)).toEqual([`${a} ${c} ${sub}`, `${c} ${a} ${sub}`])
    // Repeated variables still have to be the same value in every order.
    const same = valueRule(rule('(Add64 (Mul64 x y) (Mul64 y x)) => x', ({ x }) => x), { pass: 'opt', arch: 'amd64' })
    const pair = f.newValue(b, 'Add64', T.int, [m1, m2])
    expect(same.apply(pair, f)).toBe(true)
    expect(pair.op).toBe('Copy')
    expect(pair.args[0]).toBe(a)
  })
})

// ---- differential: the real gc on testdata/ssa/opt.go -------------------------

const GO_FILES = ['opt.go', 'opt_widths.go'].map((n) => join(__dirname, '../../../testdata/ssa', n))
const STAGES: [before: string, pass: string, run: Pass][] = [
  ['pre-opt deadcode', 'opt', opt],
  ['divmod', 'middle opt', middleOpt],
  ['branchelim', 'late opt', lateOpt],
]

/** Live values as `Op <type> [auxint] {aux}` plus reachable blocks as `bN Kind -> succs`, sorted. */
function shape(d: DumpFunc): string[] {
  const out: string[] = []
  for (const b of d.blocks) {
    if (b.dead) continue
    out.push(`${b.id} ${b.kind} -> ${b.succs.join(' ')}`)
    for (const v of b.values) if (!v.dead) out.push(`${v.op} <${v.type}>${v.auxInt !== undefined ? ` [${v.auxInt}]` : ''}${v.aux !== undefined ? ` {${v.aux}}` : ''}`)
  }
  return out.sort()
}

describe.skipIf(skipDifferential)('differential against gc: opt, middle opt, late opt on testdata/ssa/opt*.go', () => {
  const dumps: GcSsaDumps = new Map()
  beforeAll(async () => {
    requireGo()
    const runs = await Promise.all(GO_FILES.map((file) => gcSsaDumps(file, 'all', STAGES.flatMap(([b, p]) => [b, p]))))
    for (const r of runs) for (const [name, passes] of r) dumps.set(name, passes)
  }, 120_000)

  for (const [before, pass, runPass] of STAGES) {
    it(`${pass}: our pass on gc's function before it gives gc's values and blocks after it`, () => {
      let compared = 0
      const unreadable: string[] = []
      for (const [name, passes] of dumps) {
        const from = passes.get(before)
        const want = passes.get(pass)
        if (!from || !want) continue
        let f: Func
        try {
          f = funcFromDump(from)
        } catch {
          // gc's dump files leave out dead blocks that live ones still name as successors.
          unreadable.push(name)
          continue
        }
        run(f, runPass)
        const ours = parseSsaDump(printFunc(new Snapshotter().take(f).snapshot))
        expect(shape(ours), `${pass} of ${name}`).toEqual(shape(want))
        compared++
      }
      expect(compared).toBeGreaterThanOrEqual(100)
      expect(unreadable.length).toBeLessThan(compared)
    })
  }
})
