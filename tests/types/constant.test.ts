import { describe, expect, it } from 'vitest'
import {
  binaryOp, compare, constantString, formatG, makeFloat, makeInt, parseFloatLit, parseIntLit, parseRuneLit, representable, shift, unaryOp,
} from '../../src-main/compiler/types/constant'
import { diagnose, check } from './helpers'

describe('constant literals', () => {
  it('parses integer literals in every base', () => {
    expect(['42', '0x1F', '0X1f', '0o17', '017', '0b101', '1_000_000', '0'].map((s) => parseIntLit(s))).toEqual(
      [42, 31, 31, 15, 15, 5, 1_000_000, 0].map((n) => makeInt(n)),
    )
    expect(parseIntLit('123456789012345678901234567890')).toEqual(makeInt(123456789012345678901234567890n))
    expect(parseIntLit('0x')).toBeNull()
  })

  it('parses decimal and hexadecimal floats', () => {
    expect(['1.5', '.5', '1.', '1e3', '6.02e23', '0x1p-2', '0x1.8p1', '1_0.5'].map((s) => parseFloatLit(s))).toEqual(
      [1.5, 0.5, 1, 1000, 6.02e23, 0.25, 3, 10.5].map(makeFloat),
    )
    expect(parseFloatLit('0x1.8')).toBeNull()
  })

  it('parses rune literals with escapes', () => {
    expect(["'a'", "'\\n'", "'\\x41'", "'\\101'", "'\\u00e9'", "'\\U0001F600'", "'é'", "'😀'", "'\\''"].map((s) => parseRuneLit(s))).toEqual(
      [97, 10, 65, 65, 0xe9, 0x1f600, 0xe9, 0x1f600, 39].map((n) => makeInt(n)),
    )
    expect(parseRuneLit("'ab'")).toBeNull()
    expect(parseRuneLit("'\\uD800'")).toBeNull()
  })
})

describe('constant printing (go/constant String)', () => {
  it('prints floats like %.6g, with all digits for non-integers that would look integral', () => {
    // Expected strings from fmt.Sprintf("%.6g") and go/constant on go1.26.
    const cases: [number, string][] = [
      [1.5, '1.5'], [1e20, '1e+20'], [0.1, '0.1'], [1234567, '1.23457e+06'], [1e-5, '1e-05'], [123456, '123456'],
      [0.0001, '0.0001'], [1 / 3, '0.333333'], [100000.5, '100000.5'], [2.5e-7, '2.5e-07'], [-3.25, '-3.25'], [1e100, '1e+100'],
    ]
    for (const [v, s] of cases) expect(constantString(makeFloat(v)), String(v)).toBe(s)
    expect(formatG(123456789012)).toBe('1.23456789012e+11')
    expect(constantString(makeInt(-7))).toBe('-7')
    expect(constantString({ kind: 'bool', value: true })).toBe('true')
  })
})

describe('constant arithmetic', () => {
  it('is exact on integers and truncates integer division', () => {
    const big = makeInt(1n << 100n)
    expect(binaryOp(big, '*', big, true)).toEqual(makeInt(1n << 200n))
    expect(binaryOp(makeInt(-7), '/', makeInt(2), true)).toEqual(makeInt(-3))
    expect(binaryOp(makeInt(-7), '%', makeInt(2), true)).toEqual(makeInt(-1))
    expect(binaryOp(makeInt(7), '/', makeInt(2), false)).toEqual(makeFloat(3.5))
    expect(binaryOp(makeInt(12), '&^', makeInt(10), true)).toEqual(makeInt(4))
    expect(binaryOp(makeFloat(1.5), '+', makeInt(2), false)).toEqual(makeFloat(3.5))
  })

  it('shifts, complements and compares', () => {
    expect(shift(1n, '<<', 70)).toBe(1n << 70n)
    expect(shift(-8n, '>>', 1)).toBe(-4n)
    expect(unaryOp('^', makeInt(1))).toEqual(makeInt(-2))
    expect(unaryOp('^', makeInt(1), 8)).toEqual(makeInt(254)) // ^uint8(1)
    expect(unaryOp('-', makeFloat(2.5))).toEqual(makeFloat(-2.5))
    expect(compare(makeInt(2), '<', makeFloat(2.5))).toBe(true)
    expect(compare(makeFloat(2), '==', makeInt(2))).toBe(true)
  })

  it('checks representability and rounds to the target type', () => {
    expect(representable(makeInt(127), 'int8')).toEqual(makeInt(127))
    expect(representable(makeInt(128), 'int8')).toBeNull()
    expect(representable(makeInt(-1), 'uint')).toBeNull()
    expect(representable(makeInt((1n << 64n) - 1n), 'uint64')).not.toBeNull()
    expect(representable(makeFloat(3), 'int')).toEqual(makeInt(3))
    expect(representable(makeFloat(1.5), 'int')).toBeNull()
    expect(representable(makeFloat(0.1), 'float32')).toEqual(makeFloat(Math.fround(0.1)))
    expect(representable(makeFloat(1e40), 'float32')).toBeNull()
    expect(representable(makeInt(1), 'bool')).toBeNull()
  })
})

describe('constants in programs', () => {
  it('evaluates iota, typed constants and constant expressions', async () => {
    const { info, lines } = await check(`package p

const (
	A = iota * 10
	B
	C
	_
	E
)
const K int8 = -(1 << 7)
const F = 1.0 / 4
const S = 'a' + 1
const L = len([5]int{})
type Day uint8
const (
	Mon Day = iota + 1
	Tue
)
`)
    expect(lines).toEqual([])
    const consts = new Map([...info.defs].filter(([, o]) => o.kind === 'const').map(([id, o]) => [id.name, o]))
    const value = (n: string) => {
      const o = consts.get(n)
      return o?.kind === 'const' ? constantString(o.value) : undefined
    }
    expect(['A', 'B', 'C', 'E', 'K', 'F', 'S', 'L', 'Mon', 'Tue'].map(value)).toEqual(['0', '10', '20', '40', '-128', '0.25', '98', '5', '1', '2'])
  })

  it('reports overflow with gc wording', async () => {
    expect(await diagnose('var x int8 = 300\n')).toEqual(['./p.go:3:14: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)'])
    expect(await diagnose('func f() {\n\tvar x int8\n\tx = 300\n\t_ = x\n}\n')).toEqual([
      './p.go:5:6: cannot use 300 (untyped int constant) as int8 value in assignment (overflows)',
    ])
    expect(await diagnose('var b byte = 1.5\n')).toEqual(['./p.go:3:14: cannot use 1.5 (untyped float constant) as byte value in variable declaration (truncated)'])
    expect(await diagnose('const c int8 = 100\nvar d = c * 2\n')).toEqual(['./p.go:4:9: c * 2 (constant 200 of type int8) overflows int8'])
    expect(await diagnose('var e = int8(300)\n')).toEqual(['./p.go:3:14: constant 300 overflows int8'])
    expect(await diagnose('const big = 1 << 600 << 600\n')).toEqual(['./p.go:3:15: constant shift overflow'])
    expect(await diagnose('var u uint = -1\n')).toEqual(['./p.go:3:14: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)'])
    expect(await diagnose('var z = 1 / 0\n')).toEqual(['./p.go:3:13: invalid operation: division by zero'])
  })
})
