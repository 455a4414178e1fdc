// Strings in the type checker: constant values (escapes, folding, len,
// comparison, conversions) and types2's messages for invalid uses,
// compared with the real go.

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { goUnavailable, requireGo, skipDifferential, type GoToolchain } from '../go-toolchain'
import { tempFiles } from '../helpers'
import { check, diagnose } from './helpers'
import { constantString } from '../../src-main/compiler/types/constant'
import { parseStringLit, quote } from '../../src-main/compiler/types/strings'

/** Programs with errors; every line gc prints must be ours. */
export const STRING_ERRORS: Record<string, string> = {
  'indexing and slicing': `func f(s string, i int) {
	_ = s[1.5]
	_ = "abc"[5]
	_ = "abc"[1:5]
	_ = s[1:2:3]
	_ = s[-1]
	s[0] = 'x'
	_ = &s[0]
	_ = "abc"[3:2]
	const k = "abc"[1]
}
`,
  'operators': `type N string

func f(s string, i int, n N, b []byte) {
	_ = s + 1
	_ = s + i
	_ = s - s
	_ = s == b
	_ = -s
	_ = s + n
	_ = n + "x" + s
	_ = s < 1
	_ = !s
	_ = s && s
	s += 1
	_ = "a" * 2
}
`,
  'conversions and assignments': `type B []byte

func f(s string, i int, f64 float64, bs []bool, b B) {
	_ = string(1.5)
	_ = int("a")
	var x int = "a"
	const c int = "x"
	var y string = 1
	_ = string(f64)
	_ = string(bs)
	_ = []int(s)
	_ = B(s)
	_ = string(b)
	_, _ = x, y
	const d = "x" + 1
	const e string = 'a'
	var t string = nil
	_ = t
}
`,
  'builtins': `func f(s string, b []byte, r []rune) {
	_ = cap(s)
	copy(s, b)
	copy(r, s)
	_ = append(r, s...)
	_ = append(b, s)
	_ = append(s, 'a')
	_ = append(b, s, s)
	_ = len(s, s)
	const n = len("héllo")
	var a [len("ab")]int
	var z [n]int = a
	_ = z
}
`,
  'range and switch': `func f(s string) {
	for i, c := range s {
		var x string = c
		_, _ = i, x
	}
	switch s {
	case "a", "a":
	case 1:
	}
	switch "x" {
	case "x", "x":
	}
}
`,
  'string constants in messages': `const long = "0123456789012345678901234567890123456789012345678901234567890123456789012345"
const raw = ` + '`a\\nb`' + `

func f() {
	var a int = long
	var b int = raw
	var c int = "\\xff\\u00e9\\t"
	var d uint8 = "é"[0] + 300
	_, _, _, _ = a, b, c, d
}
`,
}

/** Programs that must check cleanly: constant values are compared through panics in gc (array lengths). */
const VALID = `type N string

const (
	a = "abc" + "def"
	b = len(a)
	c = "\\x41\\101\\u0041\\U00000041"
	d = ` + '`\\x41`' + `
	e = "héllo"
	f = len(e)
	g = string(65) + string(0x1F600) + string(-1)
	h N = "named"
	i = a < "abd" && "b" > "a" && a == "abcdef"
)

var _ [b]int = [6]int{}
var _ [len(c)]int = [4]int{}
var _ [len(d)]int = [4]int{}
var _ [f]int = [6]int{}
var _ [len(g)]int = [8]int{}

type S struct {
	name string
	tags [2]string
}

func cat(x, y string) string { return x + y }

func use(s string, n N, bs []byte, rs []rune, r rune, p *S) (string, int) {
	s += "!"
	n += "?"
	t := s[1:] + s[:2] + s[1:3] + string(bs) + string(rs) + string(r) + string(n)
	bs = []byte(s)
	rs = []rune(t)
	bs = append(bs, s...)
	bs = append(bs, "lit"...)
	k := copy(bs, s) + copy(bs, "xy")
	for i, c := range s {
		k += i + int(c)
	}
	for i := range "abc" {
		k += i
	}
	switch s {
	case "a", "b":
		k++
	}
	if s == "" || s < t || s[0] == 'x' || n > "m" {
		k--
	}
	p.name = cat(p.tags[0], p.tags[1])
	println(s, len(s), "x", n, p.name)
	return t, k + len(bs) + len(rs) + len(p.name)
}
`

describe('string constants', () => {
  it('decode every escape to the bytes gc stores', () => {
    expect(parseStringLit('"\\x41\\101\\u00e9\\U0001F600\\a\\b\\f\\n\\r\\t\\v\\\\\\""')).toBe('AA\xc3\xa9\xf0\x9f\x98\x80\x07\x08\x0c\n\r\t\x0b\\"')
    expect(parseStringLit('`a\\n\r\nb`')).toBe('a\\n\nb')
    expect(parseStringLit('"é"')).toBe('\xc3\xa9')
    expect(parseStringLit('"\\q"')).toBeNull()
    expect(parseStringLit('"\\400"')).toBeNull()
    expect(parseStringLit('"\\uD800"')).toBeNull()
  })
  it("quote like strconv.Quote and cut like go/constant", () => {
    expect(quote('a\xc3\xa9\n\xff"\\\x7f')).toBe('"aé\\n\\xff\\"\\\\\\x7f"')
    expect(constantString({ kind: 'string', value: 'x'.repeat(80) })).toBe('"' + 'x'.repeat(68) + '...')
  })
  it('fold, measure, compare and convert constants without errors', async () => {
    const r = await check(`package p\n\n${VALID}`)
    expect(r.lines).toEqual([])
  })
})

const run = promisify(execFile)

async function gcDiagnostics(go: GoToolchain, src: string): Promise<string[]> {
  const dir = tempFiles({ 'go.mod': 'module p\n\ngo 1.26\n', 'p.go': src })
  let out = ''
  try {
    await run(go.bin, ['build', '-gcflags=-e', '-o', dir + '/out', '.'], { cwd: dir, env: { ...process.env, GOFLAGS: '', GOWORK: 'off' } })
  } catch (e) {
    out = (e as { stderr?: string }).stderr ?? ''
  }
  const lines: string[] = []
  for (const line of out.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    if (line.startsWith('\t') && lines.length > 0) lines[lines.length - 1] += '\n' + line
    else lines.push(line)
  }
  return lines
}

describe.skipIf(skipDifferential)(`string diagnostics equal the real go's${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('for every invalid program, and none for the valid one', async () => {
    const go = requireGo()
    const programs = [...Object.entries(STRING_ERRORS), ['valid', VALID] as const]
    const results = await Promise.all(
      programs.map(async ([name, body]) => {
        const src = `package p\n\n${body}`
        const [gc, ours] = await Promise.all([gcDiagnostics(go, src), diagnose(body)])
        return { name, gc, ours }
      }),
    )
    for (const r of results) {
      if (r.name !== 'valid') expect(r.gc.length, `${r.name}: gc reported nothing`).toBeGreaterThan(0)
      expect(r.ours, r.name).toEqual(r.gc)
    }
  }, 120_000)
})
