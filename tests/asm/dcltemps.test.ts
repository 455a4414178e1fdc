// End to end: testdata/ssa/dcltemps.go through our whole pipeline against
// `go tool compile -l -S` on amd64 and ppc64. gc numbers `.autotmp_N` by
// the length of fn.Dcl, and order and walk declare temporaries that hold
// SSA values in our construction (len and cap copies, range loops' hidden
// variables, map stores' element pointers, maplit's tmpkey and tmpelem):
// each function ends with a temporary or spill slot whose name shows
// whether every one of them was counted (ssagen/dcltemps.ts).

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { gcFacts, verdict, type Verdict } from '../../src-main/fuzz/compare'
import { gcBatch, type FuzzArch } from '../../src-main/fuzz/gcrun'
import { ours, type OurResult } from '../../src-main/fuzz/ours'
import { funcNames } from '../../src-main/fuzz/run'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'

describe.skipIf(skipDifferential)('temporaries numbered as gc numbers them, against go tool compile -l -S', () => {
  let us: OurResult
  let v: Verdict
  beforeAll(async () => {
    requireGo()
    const name = 'dcltemps.go'
    const text = await readFile(join(projectRoot, 'testdata', 'ssa', name), 'utf8')
    const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!
    us = await ours(`./${name}`, text)
    v = verdict(gcFacts(gc), us)
  }, 300_000)

  it("every function's listing is gc's on both arches", () => {
    expect(v.failures.filter((x) => x.category !== 'listing')).toEqual([])
    const pairs = v.pairs.filter((p) => p.listed)
    expect(pairs.length).toBe(2 * 14)
    expect(pairs.filter((p) => !p.sameListing).map((p) => `${p.arch} ${p.func}`)).toEqual([])
  })

  const text = (func: string, arch: FuzzArch): string[] => {
    const listing = us.funcs.get(func)?.arches.get(arch)?.listing
    if (!listing) throw new Error(`no listing for ${func} on ${arch}`)
    return listing.map((l) => l.text)
  }
  const temps = (func: string, arch: FuzzArch): string[] => [...new Set(text(func, arch).flatMap((l) => [...l.matchAll(/p\.\.autotmp_(\d+)/g)].map((m) => m[1]!)))]

  it('names the temporaries after every order and walk temporary before them', () => {
    // rangeWide: s r n m, order's copy of s and of len(m), hv1 hn hu hp, then the map (Dcl 11).
    expect(temps('rangeWide', 'amd64')[0]).toBe('11')
    // rangeString: ~r0 n i r m, the copy of text and of len(m), hv1 hv1t hv2, then the map (Dcl 10),
    // its group and three pointers, maplit's tmpkey and tmpelem, the store's pointer: the spills are Dcl 18 and 19.
    expect(temps('rangeString', 'amd64').sort()).toEqual(['10', '11', '18', '19'])
    // Both map loops use one iterator: order's temporaries are pooled by type.
    const iters = text('rangeMaps', 'amd64').filter((l) => /^LEAQ\tp\.\.autotmp_\d+\+\d+\(SP\), CX$/.test(l))
    expect(new Set(iters.map((l) => /autotmp_\d+/.exec(l)![0])).size).toBe(1)
  })
})
