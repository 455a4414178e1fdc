// Differential: our stack frame phase against the real gc's
// -d=mergelocalstrace on testdata/mergelocals, amd64 and ppc64: on our whole
// pipeline (construction, every pass, the phase: the same merge decisions and
// saved bytes as gc), and on gc's own trim dumps (the phase alone: the whole
// trace text).

import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { gcMergeTraces, traceAtLevel } from '../../src-main/gcbridge/mergelocals'
import { requireGo, skipDifferential } from '../go-toolchain'
import { compareFile, ourFuncs, type FuncComparison } from './differential'

const DIR = join(__dirname, '..', '..', 'testdata', 'mergelocals')
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.go'))
  .map((f) => join(DIR, f))
const ARCHES = ['amd64', 'ppc64']

/** A compiler temporary's declaration position is not in the SSA: our candidate lines print `:0:0` there. */
const withoutTempPos = (t: string): string => t.replace(/^( \d+: )\S+:\d+:\d+( "\.autotmp_\d+")/gm, '$1:0:0$2')

describe.skipIf(skipDifferential)('mergelocals on our pipeline against gc', () => {
  const results = new Map<string, FuncComparison[]>()
  beforeAll(async () => {
    requireGo()
    for (const arch of ARCHES) for (const file of FILES) results.set(`${arch} ${file}`, await compareFile(file, arch, ourFuncs))
  }, 300_000)

  for (const arch of ARCHES) {
    it(`${arch}: the same merge decisions and saved bytes for every function`, () => {
      const fns = [...results].filter(([k]) => k.startsWith(arch + ' ')).flatMap(([, r]) => r)
      expect(fns.filter((r) => r.gc[0] !== '').length).toBeGreaterThan(5)
      for (const r of fns) {
        expect(r.error, r.func).toBeUndefined()
        expect(r.ours[0], r.func).toBe(r.gc[0])
        expect(r.sameDecisions, `${r.func}\n gc: ${r.gc[1]}\n us: ${r.ours[1]}`).toBe(true)
      }
    })
  }
})

describe.skipIf(skipDifferential)('the stack frame phase on gc\'s trim dumps against gc', () => {
  const results = new Map<string, FuncComparison[]>()
  beforeAll(async () => {
    requireGo()
    for (const arch of ARCHES) for (const file of FILES) results.set(`${arch} ${file}`, await compareFile(file, arch))
  }, 180_000)

  const all = (arch: string): FuncComparison[] => [...results].filter(([k]) => k.startsWith(arch + ' ')).flatMap(([, r]) => r)

  for (const arch of ARCHES) {
    it(`${arch}: the same merge decisions and savings line for every function`, () => {
      const fns = all(arch)
      expect(fns.filter((r) => r.gc[0] !== '').length).toBeGreaterThan(5)
      for (const r of fns) {
        expect(r.error, r.func).toBeUndefined()
        expect(r.sameDecisions, `${r.func}\n gc: ${r.gc[1]}\n us: ${r.ours[1]}`).toBe(true)
        expect(r.ours[0], r.func).toBe(r.gc[0])
      }
    })

    it(`${arch}: level 2 and 3 text identical (temporaries' positions aside)`, () => {
      for (const r of all(arch)) {
        expect(r.ours[1], r.func).toBe(withoutTempPos(r.gc[1]))
        expect(r.ours[2], r.func).toBe(withoutTempPos(r.gc[2]))
      }
    })
  }

  it('Later: evicted on ppc64, merged on amd64', () => {
    const later = (arch: string): FuncComparison => all(arch).find((r) => r.func === 'Later')!
    expect(later('ppc64').gc[2]).toContain('=-= evicting "t"')
    expect(later('ppc64').gc[0]).toBe('')
    expect(later('amd64').gc[0]).toContain('Later: 64 bytes of stack space saved')
  })

  it('the level filter reproduces gc at level 2', async () => {
    const file = join(DIR, 'later.go')
    const [two, three] = await Promise.all([gcMergeTraces(file, 2, { goarch: 'ppc64' }), gcMergeTraces(file, 3, { goarch: 'ppc64' })])
    expect(two.size).toBeGreaterThan(0)
    for (const [fn, text] of three) expect(traceAtLevel(text, 2)).toBe(two.get(fn))
  }, 60_000)
})
