// Comma-ok type assertions at SSA construction (ssagen/asserts.ts): the type
// or itab word compared, the data word on the likely branch, the zero value
// on the other, ok merged; to `any` a nil test of the type word. Then
// testdata/ssa/asserts.go against the real gc (-m=2 lines, allocation calls,
// op multisets, -S listings on both arches).

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { printFunc } from '../../src-main/compiler/ssa/print'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { expectBuiltAndListed, listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

const SRC = `package p

type I interface{ M() int }

type P struct{ n int }

func (p *P) M() int { return p.n }

type J interface{ N() }

func ptr(e any) (*P, bool) {
	p, ok := e.(*P)
	return p, ok
}

func num(i I) int {
	v, _ := i.(*P)
	return v.n
}

func word(e any) (int, bool) {
	v, ok := e.(int)
	return v, ok
}

func empty(e any) bool {
	_, ok := e.(any)
	return ok
}

func fromI(i I) (any, bool) {
	e, ok := i.(any)
	return e, ok
}

func nonEmpty(e any) bool {
	_, ok := e.(J)
	return ok
}

func big(e any) bool {
	_, ok := e.([4]int)
	return ok
}

func single(i I) any {
	return i.(any)
}

func conv(e any) any {
	var v any
	v, _ = e.(*P)
	return v
}
`

describe('comma-ok type assertions at SSA construction', () => {
  const start = async (fn: string) => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    return printFunc(prog.trace(fn, 'amd64', { until: 'start' }).passes[0]!.snapshot)
  }

  it('compares the type word with the wanted type, then a likely If: the data word or nil, ok true or false, merged by phis', async () => {
    const s = await start('ptr')
    expect(s).toMatch(/Addr <\*uint8> \{type:\*p\.P\}/)
    expect(s).toMatch(/EqPtr <bool> v\d+ v\d+/)
    expect(s).toMatch(/If v\d+ → b\d+ b\d+ \(likely\)|If v\d+ -> b\d+ b\d+ \(likely\)/)
    expect(s).toMatch(/IData <\*P> v\d+/)
    expect(s).toMatch(/ConstBool <bool> \[true\]/)
    expect(s).toMatch(/ConstBool <bool> \[false\]/)
    expect(s).toMatch(/Phi <\*P>/)
    expect(s).toMatch(/Phi <bool>/)
    expect(s).not.toMatch(/panicdottype/)
  })

  it('a non-empty interface compares its itab; a value type is loaded through the data word', async () => {
    expect(await start('num')).toMatch(/\{go:itab\.\*p\.P,p\.I\}/)
    expect(await start('word')).toMatch(/Load <int>/)
  })

  it('to any: the type word tested for nil; from a non-empty interface the type is read out of the itab', async () => {
    const e = await start('empty')
    expect(e).toMatch(/NeqPtr <bool> v\d+ v\d+/)
    expect(e).not.toMatch(/Phi/)
    const f = await start('fromI')
    expect(f).toMatch(/OffPtr <\*uint8> \[8\] v\d+/)
    expect(f).toMatch(/IMake <any> v\d+ v\d+/)
  })

  it('single-valued x.(any): a nil type word panics through runtime.panicnildottype(type:interface {})', async () => {
    const s = await start('single')
    expect(s).toMatch(/\{type:interface \{\}\}/)
    expect(s).toMatch(/runtime\.panicnildottype/)
    expect(s).toMatch(/IMake <any>/)
  })

  it('forms not built are refused with their name', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    expect(() => prog.trace('nonEmpty', 'amd64')).toThrow('./p.go:37:11: unsupported: comma-ok type assertion to a non-empty interface type (SSA construction of this interface form is not done)')
    expect(() => prog.trace('conv', 'amd64')).toThrow('./p.go:52:9: unsupported: comma-ok type assertion assigned to an interface of another type (SSA construction of this interface form is not done)')
    expect(() => prog.trace('big', 'amd64')).toThrow('./p.go:42:11: unsupported: comma-ok type assertion to [4]int (SSA construction of this interface form is not done)')
  })
})

const FILE = join(projectRoot, 'testdata', 'ssa', 'asserts.go')

describe.skipIf(skipDifferential)('testdata/ssa/asserts.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('same -m=2 lines, allocation calls and merge decisions; every function built and listed on both arches', () => {
    expectBuiltAndListed(d)
  })

  it('every listing identical to go tool compile -l -S on both arches', () => {
    expect(listingDiffers(d.verdict)).toEqual([])
  })

  it.each(['lower'])('op multisets after %s equal gc\'s for every function (amd64)', async (pass) => {
    expect(await opDiffs(FILE, d.prog, pass)).toEqual([])
  }, 60_000)
})
