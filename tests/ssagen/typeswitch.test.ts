// Type switches at SSA construction (ssagen/typeswitch.ts): the nil test of
// the type word, the hash load, the search over type hashes (chain, binary
// search, jump table on amd64), the comma-ok confirmation of each match, the
// clause variables; the forms not built refused. Then
// testdata/ssa/typeswitch.go against the real gc (-m=2 lines, allocation
// calls, -S listings on both arches).

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { printFunc } from '../../src-main/compiler/ssa/print'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { expectBuiltAndListed, listingDiffers, walkDiff, type WalkDiff } from './walkdiff'

const SRC = `package p

type I interface{ M() int }

type P struct{ n int }

func (p *P) M() int { return p.n }

func one(e any) int {
	switch e.(type) {
	case int:
		return 1
	}
	return 0
}

func four(e any) int {
	switch e.(type) {
	case int:
		return 1
	case int8:
		return 2
	case uint16:
		return 3
	case *P:
		return 4
	}
	return 0
}

func five(e any) int {
	switch e.(type) {
	case int, int8, uint16, *P, bool:
		return 1
	}
	return 0
}

func bound(i I) int {
	switch v := i.(type) {
	case *P:
		return v.n
	case nil:
		return 0
	}
	return 1
}

func ifaceCase(e any) int {
	switch e.(type) {
	case I:
		return 1
	}
	return 0
}

func big(e any) int {
	switch e.(type) {
	case [4]int:
		return 1
	}
	return 0
}
`

describe('type switches at SSA construction', () => {
  const start = async (fn: string, arch = 'amd64') => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    return printFunc(prog.trace(fn, arch, { until: 'start' }).passes[0]!.snapshot)
  }

  it("tests the type word for nil, loads the descriptor's hash and compares it with int's (types.TypeHash), then confirms with the type word", async () => {
    const s = await start('one')
    expect(s).toMatch(/EqPtr <bool> v\d+ v\d+/)
    expect(s).toMatch(/ConstNil <\*uintptr>/)
    expect(s).toMatch(/OffPtr <\*uint32> \[16\] v\d+/)
    expect(s).toMatch(/Const32 <uint32> \[881633426\]/)
    expect(s).toMatch(/Eq32 <bool> v\d+ v\d+/)
    expect(s).toMatch(/\{type:int\}/)
  })

  it('four hashes: a binary search (Leq32U) on the pivot; five distinct hashes: a jump table on amd64, a binary search on ppc64', async () => {
    expect(await start('four')).toMatch(/Leq32U <bool> v\d+ v\d+/)
    const jt = await start('five')
    expect(jt).toMatch(/JumpTable v\d+/)
    expect(jt).toMatch(/And32 <uint32>/)
    const ppc = await start('five', 'ppc64')
    expect(ppc).not.toMatch(/JumpTable/)
    expect(ppc).toMatch(/Leq32U/)
  })

  it("a non-empty interface compares itabs; the clause variable is the data word", async () => {
    const s = await start('bound')
    expect(s).toMatch(/\{go:itab\.\*p\.P,p\.I\}/)
    expect(s).toMatch(/IData <\*P> v\d+ \(v\[\*P\]\)/)
  })

  it('forms not built are refused with their name', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    const suffix = ' (SSA construction of this interface form is not done)'
    expect(() => prog.trace('ifaceCase', 'amd64')).toThrow(`./p.go:51:7: unsupported: type switch case of a non-empty interface type${suffix}`)
    expect(() => prog.trace('big', 'amd64')).toThrow(`./p.go:59:7: unsupported: type switch case of type [4]int${suffix}`)
  })
})

const FILE = join(projectRoot, 'testdata', 'ssa', 'typeswitch.go')

/** bind on ppc64 loads V's two fields in the other order (value numbering: gc's FwdRef copies of the switch's temporaries). */
const DIFFERS = ['bind']

describe.skipIf(skipDifferential)('testdata/ssa/typeswitch.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('same -m=2 lines, allocation calls and merge decisions; every function built and listed on both arches', () => {
    expectBuiltAndListed(d)
  })

  it('listings identical to go tool compile -l -S (amd64: every function)', () => {
    expect(listingDiffers(d.verdict).filter((f) => !DIFFERS.includes(f))).toEqual([])
    expect(d.verdict.pairs.filter((p) => p.arch === 'amd64' && !p.sameListing).map((p) => p.func)).toEqual([])
  })
})
