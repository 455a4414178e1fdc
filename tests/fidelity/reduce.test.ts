import { describe, expect, it } from 'vitest'
import { blank, leadingComments, reduceToSubset } from '../../src-main/fidelity/reduce'
import type { Diagnostic } from '../../src-main/protocol/model'

/** Every line of `reduced` is the original line or blank (same byte length, so columns hold). */
function expectSameShape(original: string, reduced: string): void {
  const a = original.split('\n')
  const b = reduced.split('\n')
  expect(b.length).toBe(a.length)
  for (let i = 0; i < a.length; i++) {
    if (b[i] === a[i]) continue
    expect(b[i]!.trim(), `line ${i + 1} is neither kept nor blanked`).toBe('')
    expect(Buffer.byteLength(b[i]!), `line ${i + 1} changed its byte length`).toBe(Buffer.byteLength(a[i]!))
  }
}

const MIXED = `// errorcheck -0 -m -l

package p

import "fmt"

import (
	"os"
)

var sink *int

type T struct{ p *int }

func leak(x *int) { sink = x }

func (t *T) Set(x *int) { t.p = x }

func show(x int) {
	fmt.Println(x)
}

func usesShow() { show(1) }

func usesUsesShow() int {
	usesShow()
	return 1
}

//go:noinline
func name() complex128 { return 1 }

func keep(x *int) int { return *x }

var _ = os.Args
`

describe('reduceToSubset', () => {
  it('removes imports and declarations outside the subset, keeping every position', async () => {
    const r = await reduceToSubset('m.go', MIXED)
    expectSameShape(MIXED, r.text)
    expect(r.global).toBeNull()
    expect(r.totalFunctions).toBe(7)
    expect(r.functions).toEqual([
      { name: 'leak', line: 15, endLine: 15 },
      { name: '(*T).Set', line: 17, endLine: 17 },
      { name: 'keep', line: 33, endLine: 33 },
    ])
    expect(r.text).not.toContain('import')
    expect(r.text).not.toContain('fmt')
    expect(r.text).not.toContain('complex128')
    // The directive goes with its function (gc rejects a directive above nothing).
    expect(r.text).not.toContain('go:noinline')
    // Kept lines are byte-identical, so gc's line:col for them is unchanged.
    const lines = r.text.split('\n')
    expect(lines[14]).toBe('func leak(x *int) { sink = x }')
    expect(lines[32]).toBe('func keep(x *int) int { return *x }')
  })

  it('removes callers of removed functions, round after round', async () => {
    const r = await reduceToSubset('m.go', MIXED)
    const byWhat = Object.fromEntries(r.removed.map((x) => [x.what, x]))
    expect(byWhat['func show']).toMatchObject({ round: 2, line: 19, endLine: 21, reason: { message: 'undefined: fmt' } })
    expect(byWhat['func usesShow']).toMatchObject({ round: 3, reason: { message: 'undefined: show' } })
    expect(byWhat['func usesUsesShow']).toMatchObject({ round: 4, reason: { message: 'undefined: usesShow' } })
    expect(byWhat['func name']).toMatchObject({ round: 2, reason: { message: expect.stringMatching(/^unsupported: complex/) } })
    expect(byWhat['var _']).toMatchObject({ reason: { message: 'undefined: os' } })
    expect(r.removed.filter((x) => x.what === 'import')).toHaveLength(2)
    expect(r.rounds).toBe(5)
  })

  it('records one removal per declaration, for its first diagnostic', async () => {
    const src = 'package p\n\nfunc f() {}\n\nfunc many() {\n\t_ = real(1)\n\tgo f()\n\t_ = real(1)\n}\n'
    const r = await reduceToSubset('d.go', src)
    expect(r.removed).toEqual([
      { what: 'func many', line: 5, endLine: 9, round: 1, reason: expect.objectContaining({ line: 6, col: 6, message: 'unsupported: built-in real' }) },
    ])
    expect(r.functions.map((f) => f.name)).toEqual(['f'])
  })

  it('leaves a file that is entirely in the subset unchanged', async () => {
    const src = `package p

var sink *int

type T struct{ p *int }

//go:noinline
func leak(x *int) { sink = x }

func (t T) Get() *int { return t.p }

func caller() {
	y := 1
	leak(&y)
	f := func() int { return y }
	_ = f()
}
`
    const r = await reduceToSubset('ok.go', src)
    expect(r.text).toBe(src)
    expect(r.removed).toEqual([])
    expect(r.rounds).toBe(1)
    expect(r.functions.map((f) => f.name)).toEqual(['leak', 'T.Get', 'caller'])
    expect(r.functions[0]).toEqual({ name: 'leak', line: 8, endLine: 8 })
    expect(r.functions[2]).toEqual({ name: 'caller', line: 12, endLine: 17 })
  })

  it('removes one spec of a var or type group, but a const group whole', async () => {
    const src = `package p

var (
	a int
	b complex128
	c *int
)

type (
	S struct{ s complex128 }
	U struct{ x int }
)

const (
	x = iota
	y complex128 = 1
	z
)

func f() int { return a + U{}.x }
func g() int { return x }
`
    const r = await reduceToSubset('g.go', src)
    expectSameShape(src, r.text)
    expect(r.text).toContain('\ta int\n')
    expect(r.text).toContain('\tc *int\n')
    expect(r.text).not.toContain('b complex128')
    expect(r.text).toContain('\tU struct{ x int }\n')
    expect(r.text).not.toContain('S struct')
    expect(r.text).not.toContain('iota')
    expect(r.functions.map((f) => f.name)).toEqual(['f'])
    expect(r.removed.map((x) => x.what).sort()).toEqual(['const x, y, z', 'func g', 'type S', 'var b'])
  })

  it('keeps byte columns after a blanked multi-byte character on the same line', async () => {
    const src = "package p\n\nvar s = 'é' + 1i + '€'; var k int\n\nfunc f() int { return k }\n"
    const r = await reduceToSubset('u.go', src)
    const line = r.text.split('\n')[2]!
    expect(Buffer.byteLength(line)).toBe(Buffer.byteLength(src.split('\n')[2]!))
    expect(line.indexOf('var k')).toBe(Buffer.byteLength("var s = 'é' + 1i + '€'; "))
    expect(r.functions.map((f) => f.name)).toEqual(['f'])
  })

  it('puts nothing in the subset when something outside every declaration fails', async () => {
    const r = await reduceToSubset('bad.go', 'package p\n\n)))\n\nfunc f() {}\n')
    expect(r.global).not.toBeNull()
    expect(r.functions).toEqual([])
    expect(r.totalFunctions).toBe(1)
  })

  it('runs a last stage on the clean file and removes what it refuses', async () => {
    const src = 'package p\n\nfunc a() {}\n\nfunc b() { a() }\n\nfunc c() {}\n'
    const seen: string[] = []
    const r = await reduceToSubset('s.go', src, async (path, text) => {
      seen.push(text)
      const at = text.indexOf('func a')
      const diagnostics: Diagnostic[] =
        at < 0 ? [] : [{ file: path, line: 3, col: 1, severity: 'error', message: 'unsupported: something in a', from: at, to: at + 6 }]
      return { diagnostics, lines: diagnostics.length === 0 ? ['ok'] : [] }
    })
    expect(r.functions.map((f) => f.name)).toEqual(['c'])
    expect(r.stage?.lines).toEqual(['ok'])
    expect(seen).toHaveLength(2)
    expect(r.removed.map((x) => [x.what, x.round])).toEqual([
      ['func a', 1],
      ['func b', 2],
    ])
  })

  it('reports a stage that throws, with the functions it was given', async () => {
    const r = await reduceToSubset('s.go', 'package p\n\nfunc a() {}\n', () => Promise.reject(new Error('boom')))
    expect(r.stageError).toBe('boom')
    expect(r.stage).toBeUndefined()
    expect(r.functions.map((f) => f.name)).toEqual(['a'])
  })
})

describe('blank and leadingComments', () => {
  it('blanks ranges by UTF-8 bytes and keeps line breaks', () => {
    expect(blank('ab\ncé€😀d', [{ from: 1, to: 8 }])).toBe('a \n' + ' '.repeat(1 + 2 + 3 + 4) + 'd')
    expect(blank('abcdef', [{ from: 3, to: 5 }, { from: 1, to: 4 }])).toBe('a    f')
  })

  it('takes whole comment lines (and blank lines among them) directly above a declaration', () => {
    const text = 'x := 1\n\n// doc\n//go:noinline\n\nfunc f() {}\n'
    expect(leadingComments(text, text.indexOf('func'))).toBe(text.indexOf('// doc'))
    expect(leadingComments('a; func f()', 3)).toBe(3)
  })
})
