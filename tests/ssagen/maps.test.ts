// Maps at SSA construction (ssagen/maps.ts) on testdata/ssa/maps.go against
// the real gc: the runtime calls walk makes (mapaccess1/2, mapassign,
// mapdelete, mapclear, makemap_small/makemap), -m=2 lines, allocation calls,
// op multisets after opt and lower, and -S listings on amd64 and ppc64; and
// the forms still refused, with their messages.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

const FILE = join(projectRoot, 'testdata', 'ssa', 'maps.go')

describe.skipIf(skipDifferential)('testdata/ssa/maps.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('the runtime calls are walk\'s: fast variants by key, no pointer variant for access and delete', async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours, fn).toEqual(c.gc)
    expect(calls.get('get')!.ours).toEqual(['AuxCall{runtime.mapaccess1_fast64} [24]'])
    expect(calls.get('get32')!.ours).toEqual(['AuxCall{runtime.mapaccess1_fast32} [24]'])
    expect(calls.get('getPtrKey')!.ours).toEqual(['AuxCall{runtime.mapaccess1_fast64} [24]'])
    expect(calls.get('putPtr')!.ours).toEqual(['AuxCall{runtime.mapassign_fast64ptr} [24]'])
    expect(calls.get('inc')!.ours).toEqual(Array(3).fill('AuxCall{runtime.mapassign_fast64} [24]'))
    expect(calls.get('lookup')!.ours).toEqual(['AuxCall{runtime.mapaccess2_fast32} [24]'])
    expect(calls.get('del')!.ours).toEqual(['AuxCall{runtime.mapdelete_fast64} [24]'])
    expect(calls.get('clr')!.ours).toEqual(['AuxCall{runtime.mapclear} [16]'])
    expect(calls.get('size')!.ours).toEqual([])
    expect(calls.get('makeSmall')!.ours).toEqual(['AuxCall{runtime.makemap_small}'])
    expect(calls.get('makeBig')!.ours).toEqual(['AuxCall{runtime.makemap} [24]'])
    expect(calls.get('makeHint64')!.ours).toEqual(['AuxCall{runtime.makemap} [24]'])
  }, 60_000)

  // The maps made on the stack, map literals and the iterators of range loops are numbered as gc
  // numbers its temporaries (order's copy of `len(m)` and of the ranged-over map, the iterator an
  // order temporary, walk's element pointer of each store, maplit's tmpkey and tmpelem). In rangeKV,
  // rangeKeys and rangeAssign a named result's value is spilled to a temporary: gc names no result's values.
  it('same -m=2 lines and allocation calls; listings identical on both arches', () => {
    const v = d.verdict
    expect(v.failures.filter((f) => f.category !== 'listing').map((f) => `${f.category}: ${f.detail}`)).toEqual([])
    expect(v.pairs.length).toBe(2 * d.prog.functions.length)
    expect(listingDiffers(v)).toEqual([])
  })

  it.each(['opt', 'lower'])('op multisets after %s equal gc\'s (amd64)', async (pass) => {
    expect(await opDiffs(FILE, d.prog, pass)).toEqual([])
  }, 60_000)

  it('op multisets after lower equal gc\'s (ppc64)', async () => {
    expect(await opDiffs(FILE, d.prog, 'lower', 'ppc64')).toEqual([])
  }, 60_000)
})

describe('map forms refused at SSA construction', () => {
  const cases: [string, string, string][] = [
    ['a map literal with a call', 'func g() int { return 1 }\n\nfunc f() map[int]int { return map[int]int{g(): 2} }', './p.go:5:31: unsupported: map literal with a call in a key or value at SSA construction'],
    ['a map literal with a struct literal value', 'type T struct{ a int }\n\nfunc f() map[int]T { return map[int]T{1: {2}} }', './p.go:5:29: unsupported: map literal with a struct or array literal entry at SSA construction'],
    ['a hint computed by a call', 'func g() int { return 1 }\n\nfunc f() int { m := make(map[int]int, g()); return len(m) }', './p.go:5:21: unsupported: make(map) with a hint other than a constant or a 64-bit integer variable at SSA construction'],
    ['range over a map a call returns', 'func g() map[int]int { return nil }\n\nfunc f() (s int) {\n\tfor k := range g() {\n\t\ts += k\n\t}\n\treturn\n}', './p.go:6:2: unsupported: range over a map computed by a call at SSA construction'],
    ['a key without a fast path', 'func f(m map[[2]int]int) int { return m[[2]int{}] }', './p.go:3:39: unsupported: map access without a fast path (key or element type) at SSA construction'],
    ['a field of a map element', 'type T struct{ a int }\n\nfunc f(m map[int]T) int { return m[1].a }', './p.go:5:34: unsupported: part of a map element at SSA construction'],
    ['a call in the key', 'func g() int { return 1 }\n\nfunc f(m map[int]int) int { return m[g()] }', './p.go:5:36: unsupported: map index with a call in the map or key at SSA construction'],
    ['m[k] /= v', 'func f(m map[int]int) { m[1] /= 2 }', './p.go:3:25: unsupported: /= on a map element at SSA construction'],
    ['append to a map element', 'func f(m map[int][]int) { m[1] = append(m[1], 2) }', './p.go:3:27: unsupported: append to a map element at SSA construction'],
  ]
  for (const [what, body, want] of cases) {
    it(what, async () => {
      const prog = await ssaProgram('./p.go', `package p\n\n${body}\n`)
      expect(prog.diagnostics).toEqual([])
      expect(() => prog.trace('f', 'amd64')).toThrow(want)
    })
  }
})
