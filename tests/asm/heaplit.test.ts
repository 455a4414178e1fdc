// End to end against `go tool compile -l -S`: `&T{…}` on the heap as gc's
// walk (complit.go anylit, OPTRLIT) builds it — `p := new(T)`, then
// `*p = T{}` when the literal leaves components out (an SSA-able T gets its
// zero value stored, any other a Zero), then one `(*p).f = x` per element,
// each dereferencing p anew (a NilCheck). opt drops the NilChecks and the
// zeroing (newobject's memory is zeroed), so only gc's value ids tell —
// and through them which word of a parameter regalloc spills first.

import { beforeAll, describe, expect, it } from 'vitest'
import type { Verdict } from '../../src-main/fuzz/compare'
import { againstGc } from '../ssagen/walkdiff'
import { loadProgram } from '../../src-main/compiler/pipeline'
import { skipDifferential } from '../go-toolchain'

const SRC = `package p

type person struct {
	name string
	age  int
	tags []string
	next *person
}

type box struct{ p *int }

var sinkP *person
var sinkA *[4]*int
var sinkS *[3]string

func named(name string) {
	sinkP = &person{name: name}
}

func empty(x any) *box {
	b := &box{}
	b.p, _ = x.(*int)
	return b
}

func full(name string, tags []string) {
	sinkP = &person{name, 3, tags, nil}
}

func arr(p *int) {
	sinkA = &[4]*int{1: p, 3: p}
}

func strs(a, b string) {
	sinkS = &[3]string{a, b}
}
`

describe.skipIf(skipDifferential)('heap composite literals against go tool compile -l -S', () => {
  let v: Verdict
  beforeAll(async () => {
    v = (await againstGc('heaplit.go', SRC)).v
  }, 300_000)

  it("every function's listing is gc's on both arches", () => {
    expect(v.failures.filter((x) => x.category !== 'listing')).toEqual([])
    const pairs = v.pairs.filter((p) => p.listed)
    expect(pairs.map((p) => `${p.arch} ${p.func}`).sort()).toEqual(['arr', 'empty', 'full', 'named', 'strs'].flatMap((f) => [`amd64 ${f}`, `ppc64 ${f}`]).sort())
    expect(pairs.filter((p) => !p.sameListing).map((p) => `${p.arch} ${p.func}`)).toEqual([])
  })
})

describe('heap composite literals in SSA construction', () => {
  const built = async (fn: string) => {
    const prog = await loadProgram('heaplit.go', SRC, { pkgPath: 'p' })
    const f = prog.ssa().compileFunc(fn, 'amd64', { until: 'number lines' }).func
    return f.blocks.flatMap((b) => b.values.map((x) => x.op))
  }

  it('zeroes a partly given literal through a NilCheck, then dereferences p again for each element', async () => {
    const named = await built('named')
    const call = named.indexOf('StaticLECall')
    expect(named.slice(call, call + 5)).toEqual(['StaticLECall', 'SelectN', 'SelectN', 'NilCheck', 'Zero'])
    expect(named.filter((o) => o === 'NilCheck')).toHaveLength(2)
    // All given: no zeroing, one NilCheck per element.
    const full = await built('full')
    expect(full).not.toContain('Zero')
    expect(full.filter((o) => o === 'NilCheck')).toHaveLength(4)
    // SSA-able: its zero value is stored, not a Zero.
    const empty = await built('empty')
    expect(empty).not.toContain('Zero')
    expect(empty).toContain('StructMake')
    // One for the zeroing, one for `b.p` in the next statement.
    expect(empty.filter((o) => o === 'NilCheck')).toHaveLength(2)
  })
})
