// End to end against `go tool compile -l -S`: a range loop whose key is a
// per-iteration variable (Go 1.22 loopvar: captured by a closure or its
// address taken). gc's loopvar pass renames the key, then the value, to
// temporaries and prepends `k := tmp` and then `v := tmp` to the body, so
// the body starts `v := tmpV; k := tmpK` (loopvar.go maybeReplaceVar): the
// element is loaded and stored before the key is stored.

import { beforeAll, describe, expect, it } from 'vitest'
import type { Verdict } from '../../src-main/fuzz/compare'
import type { FuzzArch } from '../../src-main/fuzz/gcrun'
import type { OurResult } from '../../src-main/fuzz/ours'
import { againstGc } from '../ssagen/walkdiff'
import { skipDifferential } from '../go-toolchain'

const SRC = `package p

func use(f func() int) int { return f() }

func both(s []int) int {
	n := 0
	for i, v := range s {
		n += use(func() int { return v + i })
	}
	return n
}

func keyAddr(s []int) int {
	n := 0
	for i, v := range s {
		p := &i
		n += use(func() int { return *p + v })
	}
	return n
}

func nested(s []int) {
	for i, v := range s {
		for range 3 {
			f := func() int { return v + i }
			f()
		}
	}
}

func runes(s string) int {
	n := 0
	for i, r := range s {
		n += use(func() int { return i + int(r) })
	}
	return n
}

func runesAddr(s string) int {
	n := 0
	for i, r := range s {
		p, q := &i, &r
		n += use(func() int { return *p + int(*q) })
	}
	return n
}
`

describe.skipIf(skipDifferential)('per-iteration range keys against go tool compile -l -S', () => {
  let us: OurResult
  let v: Verdict
  beforeAll(async () => {
    const r = await againstGc('loopvarkey.go', SRC)
    us = r.us
    v = r.v
  }, 300_000)

  it("every function's listing is gc's on both arches", () => {
    expect(v.failures.filter((x) => x.category !== 'listing')).toEqual([])
    const pairs = v.pairs.filter((p) => p.listed && !p.func.includes('.func'))
    expect(pairs.map((p) => `${p.arch} ${p.func}`).sort()).toEqual(['both', 'keyAddr', 'nested', 'runes', 'runesAddr', 'use'].flatMap((f) => [`amd64 ${f}`, `ppc64 ${f}`]).sort())
    expect(pairs.filter((p) => !p.sameListing).map((p) => `${p.arch} ${p.func}`)).toEqual([])
  })

  it('stores the element before the key', () => {
    const text = (func: string, arch: FuzzArch): string[] => us.funcs.get(func)!.arches.get(arch)!.listing!.map((l) => l.text)
    const at = (l: string[], re: RegExp): number => l.findIndex((x) => re.test(x))
    for (const [arch, st] of [['amd64', 'MOVQ'], ['ppc64', 'MOVD']] as const) {
      const l = text('nested', arch)
      const key = at(l, new RegExp(`^${st}\\t\\w+, p\\.i[+-]\\d+\\((SP|R1)\\)$`))
      const val = at(l, new RegExp(`^${st}\\t\\w+, p\\.v[+-]?\\d*\\((SP|R1)\\)$`))
      expect(key, `${arch}: ${l.join('\n')}`).toBeGreaterThan(0)
      expect(val, arch).toBeGreaterThan(0)
      expect(val, arch).toBeLessThan(key)
    }
  })
})
