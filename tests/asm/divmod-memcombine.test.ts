// End to end on both arches: the whole embedded pipeline (divisible, divmod
// and memcombine included) on testdata/ssa/divmod.go and memcombine.go must
// print the instructions `go tool compile -l -S` prints, function by function:
// magic-number division, divisibility tests, merged loads and stores, and the
// byte-reversed forms (BSWAP on amd64; MOVHBR/MOVWBR/MOVDBR on ppc64).

import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compareListings } from '../../src-main/gcbridge/listing'
import { gcFacts } from '../../src-main/fuzz/compare'
import { ARCHES } from '../../src-main/fuzz/gcrun'
import { gcBatch } from '../../src-main/fuzz/gcrun'
import { ours, type OurResult } from '../../src-main/fuzz/ours'
import { funcNames } from '../../src-main/fuzz/run'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'

/**
 * Function×arch pairs whose listing still differs from gc's, and why (each a
 * known gap elsewhere in the pipeline). None now: the MULHD operands of the
 * divisions and memcombine.go's mixed ORL came out swapped while operands
 * were ordered by our ids rather than gc's recycled ones (ssa/gcids.ts).
 */
const KNOWN: Record<string, string> = {}

const FILES = ['divmod.go', 'memcombine.go'].map((f) => join(projectRoot, 'testdata', 'ssa', f))

interface Row {
  key: string
  same: boolean
  diff?: string
  listing?: string
}

describe.skipIf(skipDifferential)('listings of divmod.go and memcombine.go vs go tool compile -l -S', () => {
  const rows = new Map<string, Row[]>()
  beforeAll(async () => {
    requireGo()
    for (const path of FILES) {
      const name = basename(path)
      const text = readFileSync(path, 'utf8')
      const gc = gcFacts((await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!)
      const us: OurResult = await ours(`./${name}`, text)
      const out: Row[] = []
      for (const [fn, r] of us.funcs) {
        for (const arch of ARCHES) {
          const a = r.arches.get(arch)
          const gl = gc.listing.get(arch)?.get(fn)
          if (!gl) continue
          const key = `${fn} ${arch}`
          if (!a?.listing) {
            out.push({ key, same: false, diff: a?.buildError ?? a?.failed?.error ?? 'no listing on our side' })
            continue
          }
          const c = compareListings(a.listing, gl.lines)
          out.push({ key, same: c.sameInstructions, ...(c.diff ? { diff: c.diff } : {}), listing: a.listing.map((l) => l.text).join('\n') })
        }
      }
      rows.set(name, out)
    }
  }, 240_000)

  for (const path of FILES) {
    const name = basename(path)
    it(`${name}: every function on both arches`, () => {
      const r = rows.get(name)!
      expect(r.length).toBeGreaterThanOrEqual(30)
      const differ = r.filter((x) => !x.same && !KNOWN[x.key]).map((x) => `${x.key}: ${x.diff}`)
      expect(differ).toEqual([])
      // A known difference that went away is removed from KNOWN.
      expect(r.filter((x) => x.same && KNOWN[x.key]).map((x) => x.key)).toEqual([])
    })
  }

  it('the listings hold what the passes are for', () => {
    const listing = (file: string, key: string): string => rows.get(file)!.find((x) => x.key === key)?.listing ?? ''
    expect(listing('divmod.go', 'divU64 amd64')).toMatch(/MULQ/)
    expect(listing('divmod.go', 'divU64 amd64')).not.toMatch(/DIVQ/)
    expect(listing('divmod.go', 'divisibleU amd64')).toMatch(/ROL[BWLQ]/)
    expect(listing('divmod.go', 'divS64 ppc64')).toMatch(/MULHD/)
    expect(listing('divmod.go', 'divS64 ppc64')).not.toMatch(/DIVD/)
    expect(listing('memcombine.go', 'le64 amd64')).toMatch(/MOVQ\t\(/)
    expect(listing('memcombine.go', 'be64 amd64')).toMatch(/BSWAPQ/)
    expect(listing('memcombine.go', 'putBe32 amd64')).toMatch(/BSWAPL/)
    expect(listing('memcombine.go', 'le16 ppc64')).toMatch(/MOVHBR\t\(/)
    expect(listing('memcombine.go', 'le32 ppc64')).toMatch(/MOVWBR\t\(/)
    expect(listing('memcombine.go', 'le64 ppc64')).toMatch(/MOVDBR\t\(/)
    expect(listing('memcombine.go', 'putLe64 ppc64')).toMatch(/MOVDBR\tR\d+, \(/)
  })
})
