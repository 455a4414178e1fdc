// `-d=escapedebug=1`: walk's convert lines (walk/convertdebug.ts) and what is
// refused with the flag (lines gc prints with order's temporaries, other
// makers of .stmp_N). The lines themselves are checked against gc on
// testdata/escape/convert.go (corpus.test.ts) and escape_iface_data.go (fidelity).

import { describe, expect, it } from 'vitest'
import { escapeSource } from '../../src-main/compiler/escape'

const src = (body: string) => `package p\n\nvar sink any\n\nfunc f() int { return 1 }\n\n${body}\n`
const run = (body: string) => escapeSource('./p.go', src(body), { level: 1, escapeDebug: true })
const converts = (lines: string[]) => lines.filter((l) => l.includes(': convert: '))

describe('-d=escapedebug convert lines', () => {
  it('numbers read-only statics per package, in walk order', async () => {
    const r = await run('func a() { sink = 1 }\nfunc b() { v := "s"; sink = v }')
    expect(r.diagnostics).toEqual([])
    expect(converts(r.lines)).toEqual(['./p.go:7:19: convert: using global for interface value: .stmp_0', './p.go:8:29: convert: using global for interface value: .stmp_1'])
  })

  it('prints nothing without the flag', async () => {
    const r = await escapeSource('./p.go', src('func a() { sink = 1 }'), { level: 1 })
    expect(converts(r.lines)).toEqual([])
  })

  it('names a non-escaping parameter at its declaration', async () => {
    const r = await run('func a(x int) { var i any = x; _ = i }')
    expect(converts(r.lines)).toEqual(['./p.go:7:8: convert: using stack temporary for interface value: x'])
  })

  it("refuses a line gc prints with order's temporary (.autotmp_N)", async () => {
    for (const body of ['func a(x int) { b := x > 0; sink = b }', 'func a() { var i any = f(); _ = i }']) {
      const r = await run(body)
      expect(r.lines).toEqual([])
      expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^unsupported: .* with -d=escapedebug$/)])
    }
  })

  it('refuses the other makers of static data it does not number', async () => {
    const cases = [
      'type T struct{ a, b, c, d, e int }\nfunc a(t *T) { *t = T{1, 2, 3, 4, 5} }',
      'var g any = 1\nfunc a() {}',
      'func a(c chan int) { c <- 1 }',
    ]
    for (const body of cases) {
      const r = await run(body)
      expect(r.lines).toEqual([])
      expect(r.diagnostics.length).toBeGreaterThan(0)
      for (const d of r.diagnostics) expect(d.message).toMatch(/^unsupported: .* with -d=escapedebug$/)
    }
  })
})
