// End to end against `go tool compile -l -S`: gc's s.check makes one panic
// block per runtime function and source line (its s.panics), so every divide
// (or shift) check on a line branches to the same `CALL runtime.panicdivide`.

import { beforeAll, describe, expect, it } from 'vitest'
import type { Verdict } from '../../src-main/fuzz/compare'
import type { FuzzArch } from '../../src-main/fuzz/gcrun'
import type { OurResult } from '../../src-main/fuzz/ours'
import { againstGc } from '../ssagen/walkdiff'
import { skipDifferential } from '../go-toolchain'

const SRC = `package p

// two divide checks and two shift checks on one line: one panic block each
func oneLine(a, b int, u, v uint, s int) int {
	return a/b + int(u%v) + a<<s + a>>s
}

// the same checks on two lines: two panic blocks each
func twoLines(a, b int, u, v uint, s, t int) int {
	x := a/b + a<<s
	y := int(u%v) + a>>t
	return x + y
}

// a function literal has panic blocks of its own
func lit(a, b int) func() int {
	q := a / b
	return func() int { return q / b }
}
`

describe.skipIf(skipDifferential)('shared panic blocks against go tool compile -l -S', () => {
  let us: OurResult
  let v: Verdict
  beforeAll(async () => {
    const r = await againstGc('panics.go', SRC)
    us = r.us
    v = r.v
  }, 300_000)

  it("every function's listing is gc's on both arches", () => {
    expect(v.failures.filter((x) => x.category !== 'listing')).toEqual([])
    const pairs = v.pairs.filter((p) => p.listed)
    expect(pairs.length).toBe(2 * 4) // with lit.func1
    expect(pairs.filter((p) => !p.sameListing).map((p) => `${p.arch} ${p.func}: ${p.listingDiff}`)).toEqual([])
  })

  it('one panic call per runtime function and line', () => {
    const calls = (f: string, arch: FuzzArch, fn: string) => us.funcs.get(f)!.arches.get(arch)!.listing!.filter((l) => l.text === `CALL\truntime.${fn}(SB)`).length
    for (const arch of ['amd64', 'ppc64'] as const) {
      expect(calls('oneLine', arch, 'panicdivide'), arch).toBe(1)
      expect(calls('oneLine', arch, 'panicshift'), arch).toBe(1)
      expect(calls('twoLines', arch, 'panicdivide'), arch).toBe(2)
      expect(calls('twoLines', arch, 'panicshift'), arch).toBe(2)
    }
  })
})
