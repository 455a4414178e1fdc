// End to end: testdata/ssa/frames.go through our whole pipeline against
// `go tool compile -l -S` on amd64 and ppc64. Each function's frame size or
// a slot's name depends on one rule of which locals keep a stack slot and
// how temporaries are numbered (see the comments in frames.go).

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { gcFacts, verdict, type Verdict } from '../../src-main/fuzz/compare'
import { gcBatch, type FuzzArch } from '../../src-main/fuzz/gcrun'
import { ours, type OurResult } from '../../src-main/fuzz/ours'
import { funcNames } from '../../src-main/fuzz/run'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'

describe.skipIf(skipDifferential)('stack frames and slot names, against go tool compile -l -S', () => {
  let us: OurResult
  let v: Verdict
  beforeAll(async () => {
    requireGo()
    const name = 'frames.go'
    const text = await readFile(join(projectRoot, 'testdata', 'ssa', name), 'utf8')
    const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!
    us = await ours(`./${name}`, text)
    v = verdict(gcFacts(gc), us)
  }, 300_000)

  const text = (func: string, arch: FuzzArch): string[] => {
    const listing = us.funcs.get(func)?.arches.get(arch)?.listing
    if (!listing) throw new Error(`no listing for ${func} on ${arch}`)
    return listing.map((l) => l.text)
  }

  it("every function's listing is gc's on both arches", () => {
    expect(v.failures.filter((x) => x.category !== 'listing')).toEqual([])
    const pairs = v.pairs.filter((p) => p.listed)
    expect(pairs.length).toBe(2 * 9)
    expect(pairs.filter((p) => !p.sameListing).map((p) => `${p.arch} ${p.func}`)).toEqual([])
  })

  it('keeps a slot for a local read through a pointer stored after a VarDef', () => {
    expect(text('chainDeep', 'amd64')[0]).toBe('TEXT\tp.chainDeep(SB), NOSPLIT|ABIInternal, $16-0')
    expect(text('chainDeep', 'amd64')).toContain('MOVQ\tp.a(SP), AX')
  })

  it("numbers escape's rewriteWithLiterals temporaries before order's and walk's", () => {
    const temps = (func: string): string[] => [...new Set(text(func, 'amd64').flatMap((l) => [...l.matchAll(/p\.\.autotmp_(\d+)/g)].map((m) => m[1]!)))]
    // make's size n became the constant 8: a [8]int array, after the temporary holding n.
    expect(temps('makeKnown')).toEqual(['6', '7'])
    expect(text('makeKnown', 'amd64')[0]).toBe('TEXT\tp.makeKnown(SB), NOSPLIT|ABIInternal, $104-8')
    expect(temps('convKnown')).toEqual(['5'])
  })

  it('zeroes each variable of `var a, b, c T` right after its declaration', () => {
    // a and b are zeroed between the group's mallocgc and c's newobject (c's zeroing then goes: newobject's memory is zero).
    const l = text('declGroup', 'amd64')
    const malloc = l.indexOf('CALL\truntime.mallocgc(SB)')
    const newobj = l.indexOf('CALL\truntime.newobject(SB)')
    expect(malloc).toBeGreaterThan(0)
    expect(l.slice(malloc + 1, newobj)).toContain('MOVUPS\tX15, (AX)')
    expect(l.slice(newobj).some((x) => x.startsWith('MOVUPS\tX15') || x.startsWith('MOVQ\t$0,'))).toBe(false)
  })

  it('clears a destination assigned a zero literal instead of copying static zeros', () => {
    for (const arch of ['amd64', 'ppc64'] as const) {
      const l = text('clearBig', arch)
      expect(l.some((x) => x.includes('stmp'))).toBe(false)
      expect(l).toContain('CALL\truntime.wbZero(SB)')
    }
  })

  it("spills a named result's value to an unnamed slot", () => {
    expect(text('namedResult', 'amd64')).toContain('MOVQ\tAX, p..autotmp_4+16(SP)')
    expect(text('namedResult', 'ppc64').some((l) => l.includes('p.r-'))).toBe(false)
  })

  it("loads a method value's receiver after allocating its record", () => {
    expect(text('methodValue', 'amd64')[0]).toBe('TEXT\tp.methodValue(SB), ABIInternal, $24-8')
    expect(text('methodValue', 'ppc64')[0]).toBe('TEXT\tp.methodValue(SB), ABIInternal, $80-8')
  })
})
