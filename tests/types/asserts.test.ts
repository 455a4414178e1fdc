// Comma-ok type assertions `v, ok := x.(T)` in the type checker: types2's
// messages and positions (goldens from go1.26 `go build -gcflags=-e`,
// re-checked against the installed go), valid forms recorded as comma-ok
// expressions.

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { goUnavailable, requireGo, skipDifferential } from '../go-toolchain'
import { tempFiles } from '../helpers'
import { check, diagnose } from './helpers'

const INVALID = `type I interface{ M() }

type T struct{}

func (*T) M() {}

func f(x any, i I, n int) {
	var b, ok2 int = x.(int)
	var s string
	var ok bool
	s, ok = x.(int)
	var c, d string = x.(int)
	a, ok3 := n.(int)
	v, ok4 := i.(T)
	w, ok5, z := x.(int)
	_, _ = x.(int), 1
	_, _, _, _, _, _, _, _, _, _, _, _ = b, ok2, s, ok, c, d, a, ok3, v, ok4, w, ok5
	_ = z
	var e int
	e, ok = x.(int)
	return
}
`

const INVALID_WANT = [
  './p.go:10:19: cannot use x.(int) (untyped bool value) as int value in assignment',
  './p.go:13:10: cannot use x.(int) (comma, ok expression of type int) as string value in assignment',
  './p.go:14:20: cannot use x.(int) (comma, ok expression of type int) as string value in assignment',
  './p.go:14:20: cannot use x.(int) (untyped bool value) as string value in assignment',
  './p.go:15:12: invalid operation: n (variable of type int) is not an interface',
  './p.go:16:12: impossible type assertion: i.(T)\n\tT does not implement I (method M has pointer receiver)',
  './p.go:17:15: assignment mismatch: 3 variables but 1 value',
  './p.go:21:6: declared and not used: e',
]

const VALID = `type I interface{ M() }

type T struct{}

func (*T) M() {}

type B bool

func f(x any, i I) (*T, bool) {
	p, ok := i.(*T)
	var q, ok2 = x.(int)
	var r int
	var nb B
	r, nb = x.(int)
	if s, ok3 := x.(string); ok3 {
		_ = s
	}
	_, ok = x.(I)
	j, _ := x.(I)
	_, _, _, _, _ = q, ok2, r, nb, j
	return p, ok
}
`

describe('comma-ok type assertions: types2 messages', () => {
  it('reports each invalid form as gc does', async () => {
    expect(await diagnose(INVALID)).toEqual(INVALID_WANT)
  })

  it('accepts the valid forms and records them as comma-ok expressions', async () => {
    const r = await check(`package p\n\n${VALID}`)
    expect(r.lines).toEqual([])
    expect([...r.info.commaOk].map((e) => e.kind)).toEqual(Array(6).fill('TypeAssert'))
  })

  it('the single-value form is no comma-ok expression', async () => {
    const r = await check('package p\n\nfunc f(x any) int {\n\treturn x.(int)\n}\n')
    expect(r.lines).toEqual([])
    expect(r.info.commaOk.size).toBe(0)
  })

  it('accepts the value assigned to an interface of another type (escape analysis converts the temporary at the copy)', async () => {
    expect(await diagnose('func f(x any) any {\n\tvar v any\n\tv, _ = x.(*int)\n\treturn v\n}\n')).toEqual([])
    expect(await diagnose('type I interface{ M() }\n\nfunc f(x I) any {\n\tvar v any\n\tv, _ = x.(I)\n\treturn v\n}\n')).toEqual([])
  })
})

const run = promisify(execFile)

describe.skipIf(skipDifferential)(`comma-ok assertion diagnostics equal the real go's${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('for the invalid program, and nothing for the valid one', async () => {
    const go = requireGo()
    const gc = async (body: string): Promise<string[]> => {
      const dir = tempFiles({ 'go.mod': 'module p\n\ngo 1.26\n', 'p.go': `package p\n\n${body}` })
      try {
        await run(go.bin, ['build', '-gcflags=-e', '-o', dir + '/out', '.'], { cwd: dir, env: { ...process.env, GOFLAGS: '', GOWORK: 'off' } })
        return []
      } catch (e) {
        const lines: string[] = []
        for (const l of ((e as { stderr?: string }).stderr ?? '').split('\n')) {
          if (l === '' || l.startsWith('#')) continue
          if (l.startsWith('\t') && lines.length > 0) lines[lines.length - 1] += '\n' + l
          else lines.push(l)
        }
        return lines
      }
    }
    expect(await gc(INVALID)).toEqual(INVALID_WANT)
    expect(await gc(VALID)).toEqual([])
  }, 60_000)
})
