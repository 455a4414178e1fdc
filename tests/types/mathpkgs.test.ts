// Packages math and math/bits in the type checker: the intrinsified functions
// checked as calls with types2's messages (goldens from go1.26 `go build
// -gcflags=-e`, re-checked against the installed go), the packages'
// constants, and every other function refused with the reason.

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { goUnavailable, requireGo, skipDifferential } from '../go-toolchain'
import { tempFiles } from '../helpers'
import { check, diagnose } from './helpers'

const INVALID = `import (
	"math"
	"math/bits"
)

func f(x int, u uint64, f32 float32) {
	_ = bits.Len64(x)
	_ = bits.TrailingZeros32(u)
	_, _ = bits.Add64(u, u)
	a := bits.Mul64(u, u)
	_ = math.Floor(f32)
	_ = math.Floor(1, 2)
	_ = bits.Nope(u)
	_ = math.floor(1.5)
	var i8 int8 = math.MaxInt16
	_ = bits.RotateLeft64(u, u)
	_ = bits.Len(-1)
	_ = math.FMA(1, 2, "x")
	var c uint8 = bits.UintSize * 4
	bits.Len64(u)
	_, _, _ = a, i8, c
}
`

const INVALID_WANT = [
  './p.go:9:17: cannot use x (variable of type int) as uint64 value in argument to bits.Len64',
  './p.go:10:27: cannot use u (variable of type uint64) as uint32 value in argument to bits.TrailingZeros32',
  './p.go:11:23: not enough arguments in call to bits.Add64\n\thave (uint64, uint64)\n\twant (uint64, uint64, uint64)',
  './p.go:12:7: assignment mismatch: 1 variable but bits.Mul64 returns 2 values',
  './p.go:13:17: cannot use f32 (variable of type float32) as float64 value in argument to math.Floor',
  './p.go:14:20: too many arguments in call to math.Floor\n\thave (number, number)\n\twant (float64)',
  './p.go:15:11: undefined: bits.Nope',
  './p.go:16:11: undefined: math.floor (but have Floor)',
  './p.go:17:16: cannot use math.MaxInt16 (untyped int constant 32767) as int8 value in variable declaration (overflows)',
  './p.go:18:27: cannot use u (variable of type uint64) as int value in argument to bits.RotateLeft64',
  './p.go:19:15: cannot use -1 (untyped int constant) as uint value in argument to bits.Len (overflows)',
  './p.go:20:21: cannot use "x" (untyped string constant) as float64 value in argument to math.FMA',
  './p.go:21:16: cannot use bits.UintSize * 4 (untyped int constant 256) as uint8 value in variable declaration (overflows)',
]

const VALID = `import (
	"math"
	mb "math/bits"
)

const big = math.MaxUint32 + 1

func f(x uint64, y uint32, k int, a, b, c float64) (int, uint64, float64) {
	hi, lo := mb.Mul64(x, x)
	s, carry := mb.Add64(hi, lo, 0)
	d, _ := mb.Sub(uint(s), 1, uint(carry))
	n := mb.TrailingZeros64(x) + mb.Len32(y) + mb.OnesCount16(uint16(y)) + mb.Len(d)
	r := mb.RotateLeft64(x, -k) ^ uint64(mb.RotateLeft32(y, k))
	f := math.Floor(a) + math.Ceil(b) + math.Trunc(c) + math.FMA(a, b, c)
	var m int64 = math.MinInt64
	_ = m
	return n + mb.UintSize, r + big, f * math.Pi
}
`

describe('math and math/bits: types2 messages', () => {
  it('reports each misuse of an intrinsic or constant as gc does', async () => {
    expect(await diagnose(INVALID)).toEqual(INVALID_WANT)
  })

  it('accepts the intrinsics (renamed import too) and the constants', async () => {
    const r = await check(`package p\n\n${VALID}`)
    expect(r.lines).toEqual([])
    const builtins = [...r.info.calls.values()].filter((c) => c.kind === 'builtin').map((c) => (c as { id: string }).id)
    expect(builtins).toEqual(expect.arrayContaining(['math/bits.Mul64', 'math/bits.Add64', 'math/bits.Sub', 'math/bits.Len', 'math.FMA', 'math.Floor']))
  })

  it('reports an unused import with its path and name', async () => {
    expect(await diagnose('import "math/bits"\n\nfunc f() {}\n')).toEqual(['./p.go:3:8: "math/bits" imported and not used'])
    expect(await diagnose('import m "math"\n\nfunc f() {}\n')).toEqual(['./p.go:3:8: "math" imported as m and not used'])
  })
})

describe('what the subset does not model is refused', () => {
  const cases: [string, string, string][] = [
    ['a function gc calls (with -l nothing is inlined)', 'import "math"\n\nfunc f(x float64) float64 { return math.Sqrt(x) }\n', './p.go:5:36: unsupported: math.Sqrt (not an intrinsic of gc on amd64 and ppc64: calls into imported packages are not modelled)'],
    ['an intrinsic of amd64 only', 'import "math/bits"\n\nfunc f(x uint64) uint64 { return bits.ReverseBytes64(x) }\n', './p.go:5:34: unsupported: bits.ReverseBytes64 (an intrinsic on amd64 only (ppc64 needs GOPPC64=power10): calls into imported packages are not modelled)'],
    ['an intrinsic of ppc64 only', 'import "math"\n\nfunc f(x float64) float64 { return math.Abs(x) }\n', './p.go:5:36: unsupported: math.Abs (an intrinsic on ppc64 only: calls into imported packages are not modelled)'],
    ['go or defer of an intrinsic', 'import "math/bits"\n\nfunc f(x uint64) {\n\tdefer bits.Len64(x)\n}\n', './p.go:6:8: unsupported: defer of bits.Len64 (a call of an intrinsic)'],
    ['an intrinsic as a func value', 'import "math"\n\nvar g = math.Floor\n', './p.go:5:9: unsupported: math.Floor used as a function value (only calls of intrinsics are modelled)'],
  ]
  for (const [what, src, want] of cases) {
    it(what, async () => {
      expect(await diagnose(src)).toEqual([want])
    })
  }
})

const run = promisify(execFile)

describe.skipIf(skipDifferential)(`math and math/bits diagnostics equal the real go's${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('for the invalid program, and nothing for the valid one', async () => {
    const go = requireGo()
    const gc = async (body: string): Promise<string[]> => {
      const dir = tempFiles({ 'go.mod': 'module p\n\ngo 1.26\n', 'p.go': `package p\n\n${body}` })
      try {
        await run(go.bin, ['build', '-gcflags=-e', '-o', dir + '/out', '.'], { cwd: dir, env: { ...process.env, GOFLAGS: '', GOWORK: 'off' } })
        return []
      } catch (e) {
        return ((e as { stderr?: string }).stderr ?? '').split('\n').filter((l) => l !== '' && !l.startsWith('#'))
      }
    }
    expect(await gc(INVALID)).toEqual(INVALID_WANT.flatMap((l) => l.split('\n')))
    expect(await gc(VALID)).toEqual([])
  })
})
