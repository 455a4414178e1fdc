// End to end: three-clause loops whose variable gc's loopvar pass makes
// per-iteration (captured by a closure or address taken in the body),
// through our whole pipeline against `go tool compile -l -S` on amd64 and
// ppc64. gc builds the rewritten loop (`i := i'`, the `first` flag, `if
// !cond { break }`, the `next:` label, `i' = i`) as an OFOR with neither
// condition nor post: its block order decides layout, phi and spill order
// (ssagen/loopvar.ts).

import { beforeAll, describe, expect, it } from 'vitest'
import type { Verdict } from '../../src-main/fuzz/compare'
import type { OurResult } from '../../src-main/fuzz/ours'
import { againstGc } from '../ssagen/walkdiff'
import { skipDifferential } from '../go-toolchain'

const SRC = `package p

var sink *int
var g func() int

// a continue before the end: the next: label block is made at the continue
func cont(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		if i%3 == 0 {
			continue
		}
		sink = &i
		s += i
	}
	return s
}

// no post statement: no first flag
func noPost(n int) {
	for i := 0; i < n; {
		sink = &i
		i += 2
	}
}

// no condition: no break test
func noCond(n int) int {
	for i := 0; ; i++ {
		if i > n {
			return i
		}
		g = func() int { return i }
	}
}

// two variables, one captured by value
func two(n int) int {
	t := 0
	for i, j := 0, n; i < j; i, j = i+1, j-1 {
		g = func() int { return i }
		t += j
	}
	return t
}

// two variables, both moved to the heap
func both(n int) {
	for i, j := 0, n; i < j; i++ {
		sink = &i
		sink = &j
	}
}

// a break out of the body
func brk(n int) *int {
	for i := 0; i < n; i++ {
		sink = &i
		if i > 2 {
			break
		}
	}
	return nil
}

// a compound condition
func condAnd(n int, ok bool) {
	for i := 0; ok && i < n; i++ {
		g = func() int { return i }
	}
}

// a plain loop: not rewritten
func plain(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += i
	}
	return t
}
`

describe.skipIf(skipDifferential)('per-iteration three-clause loop variables against go tool compile -l -S', () => {
  let us: OurResult
  let v: Verdict
  beforeAll(async () => {
    const r = await againstGc('loopvar.go', SRC)
    us = r.us
    v = r.v
  }, 300_000)

  it("every function's listing is gc's on both arches", () => {
    expect(v.failures.filter((x) => x.category !== 'listing')).toEqual([])
    const pairs = v.pairs.filter((p) => p.listed)
    expect(pairs.length).toBe(2 * 11) // with the three func literals
    expect(pairs.filter((p) => !p.sameListing).map((p) => `${p.arch} ${p.func}: ${p.listingDiff}`)).toEqual([])
  })

  it('the first flag is set once before the loop and cleared on the first iteration', () => {
    const listing = (f: string) => us.funcs.get(f)!.arches.get('amd64')!.listing!.map((l) => l.text)
    // cont: first = true (MOVL $1) before the loop; the post statement runs only when it is false.
    expect(listing('cont')).toContain('MOVL\t$1, DX')
    // noPost has no post statement, so no flag: no byte-sized flag spill or test.
    expect(listing('noPost').some((l) => /^TESTB|^MOVB\t/.test(l))).toBe(false)
  })
})
