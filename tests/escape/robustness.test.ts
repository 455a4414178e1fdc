// A failure inside escape analysis is ours, not the program's: it is reported
// at the function as an internal error, and every other batch still runs.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { escapeSource } from '../../src-main/compiler/escape'
import { BatchBuilder } from '../../src-main/compiler/escape/build'

const program = `package p

var sink *int

func leaf(p *int) *int { return p }

func broken(p *int) { sink = leaf(p) }

func caller() {
	x := 1
	broken(&x)
}
`

afterEach(() => vi.restoreAllMocks())

describe('escape analysis robustness', () => {
  it('reports a failing batch at its function and analyses the others', async () => {
    const build = BatchBuilder.prototype.build
    vi.spyOn(BatchBuilder.prototype, 'build').mockImplementation(function (this: BatchBuilder) {
      if (this.batch.some((u) => u.name === 'broken')) throw new Error('boom')
      return build.call(this)
    })
    const r = await escapeSource('./p.go', program, { level: 1 })
    expect(r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual(['7:6: internal error: escape analysis of broken failed: boom'])
    // leaf was analysed before; caller assumes the worst about broken's parameter.
    expect(r.lines).toContain('./p.go:5:11: leaking param: p to result ~r0 level=0')
    expect(r.lines).toContain('./p.go:10:2: moved to heap: x')
  })

  it('handles programs with nothing to analyse and deep nesting without throwing', async () => {
    expect((await escapeSource('./p.go', 'package p\n', { level: 2 })).lines).toEqual([])
    const deep = `package p\n\nfunc f(p *int) *int {\n\treturn ${'*&'.repeat(400)}p\n}\n`
    const r = await escapeSource('./p.go', deep, { level: 1 })
    expect(r.lines).toEqual(['./p.go:3:8: leaking param: p to result ~r0 level=0'])
  })
})
