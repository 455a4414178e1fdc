// End to end: testdata/ssa/directclosure.go through our whole pipeline
// against `go tool compile -l -S` on amd64 and ppc64. A function literal
// called where it is written is compiled as gc's walk rewrites it
// (directClosureCall): its captures are its first parameters and the call
// passes them — no closure record, no context register.

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { gcFacts, verdict, type Verdict } from '../../src-main/fuzz/compare'
import { gcBatch, type FuzzArch } from '../../src-main/fuzz/gcrun'
import { ours, type OurResult } from '../../src-main/fuzz/ours'
import { funcNames } from '../../src-main/fuzz/run'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'

const ARCHES: FuzzArch[] = ['amd64', 'ppc64']

/** Listings that differ from gc for reasons outside this rewrite. */
// (inLoop, a three-clause loop whose i the literal captures, is gc's since ssagen/loopvar.ts.)
const KNOWN: Record<string, string> = {}

describe.skipIf(skipDifferential)('directly called func literals end to end against go tool compile -l -S', () => {
  let us: OurResult
  let v: Verdict
  beforeAll(async () => {
    requireGo()
    const name = 'directclosure.go'
    const text = await readFile(join(projectRoot, 'testdata', 'ssa', name), 'utf8')
    const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!
    us = await ours(`./${name}`, text)
    v = verdict(gcFacts(gc), us)
  }, 300_000)

  it("every function's instructions are gc's on both arches", () => {
    expect(v.failures.filter((x) => x.category !== 'listing')).toEqual([])
    const pairs = v.pairs.filter((p) => p.listed)
    expect(pairs.length).toBeGreaterThanOrEqual(2 * 19)
    const differ = pairs.filter((p) => !p.sameListing).map((p) => `${p.arch} ${p.func}`)
    expect(differ.filter((k) => !KNOWN[k])).toEqual([])
    expect(differ.sort()).toEqual(Object.keys(KNOWN).sort())
  })

  const text = (func: string, arch: FuzzArch): string[] => {
    const listing = us.funcs.get(func)?.arches.get(arch)?.listing
    if (!listing) throw new Error(`no listing for ${func} on ${arch}`)
    return listing.map((l) => l.text)
  }

  it('captures arrive as parameters: no NEEDCTXT, the argument area holds them', () => {
    for (const arch of ARCHES) {
      // byValue.func1(x int) int, byRef.func1(&x *int), mixed.func1(&total *int, n int, k int) (int, int): 32 bytes of argument spill area (gc's).
      expect(text('byValue.func1', arch)[0], arch).toMatch(/^TEXT\tp\.byValue\.func1\(SB\), [A-Z|]*ABIInternal, \$\d+-8$/)
      expect(text('byRef.func1', arch)[0], arch).toMatch(/-8$/)
      expect(text('mixed.func1', arch)[0], arch).toMatch(/-32$/)
      expect(text('bigValue.func1', arch)[0], arch).toMatch(/-24$/)
      for (const f of ['byValue.func1', 'byRef.func1', 'mixed.func1', 'bigValue.func1', 'nested.func1', 'nested.func1.1']) {
        expect(text(f, arch)[0], `${arch} ${f}`).not.toContain('NEEDCTXT')
      }
      // A stored literal is still a closure reading its context.
      expect(text('stored.func1', arch)[0], arch).toContain('NEEDCTXT')
    }
  })

  it('the caller passes the captures and calls the literal by name, building no closure record', () => {
    const byRef = text('byRef', 'amd64')
    expect(byRef.some((l) => /^LEAQ\tp\.x\+\d+\(SP\), AX$/.test(l))).toBe(true)
    expect(byRef).toContain('CALL\tp.byRef.func1(SB)')
    for (const arch of ARCHES) {
      for (const f of ['byValue', 'byRef', 'mixed', 'bigValue', 'pointerCapture', 'nested']) {
        const l = text(f, arch)
        expect(l.filter((x) => x.includes(`p.${f}.func1(SB)`)), `${arch} ${f}`).toEqual([`CALL\tp.${f}.func1(SB)`])
        expect(l.some((x) => /newobject|CALL\t\(/.test(x)), `${arch} ${f}`).toBe(false)
      }
    }
  })
})
