// The fuzzer against the real gc: the corpus goldens are what gc prints
// today, and a few fixed seeds go through the whole loop (generate, one gc
// compile per arch, our pipeline, compare) with nothing to report.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gcFacts } from '../../src-main/fuzz/compare'
import { gcBatch } from '../../src-main/fuzz/gcrun'
import { formatGolden } from '../../src-main/fuzz/golden'
import { figures } from '../../src-main/fuzz/report'
import { fuzz, funcNames } from '../../src-main/fuzz/run'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'

const dir = join(projectRoot, 'testdata', 'fuzz')
const files = readdirSync(dir).filter((f) => f.endsWith('.go')).sort()

/** Seeds whose programs we reproduce exactly (escape, allocations, merges); kept small so the test takes seconds. */
const SEEDS = [3, 5, 8]

describe.skipIf(skipDifferential)('fuzz corpus goldens are what gc prints', () => {
  it('every golden', async () => {
    requireGo()
    const batch = await Promise.all(files.map(async (f) => {
      const text = readFileSync(join(dir, f), 'utf8')
      return { name: f, text, funcs: await funcNames(f, text) }
    }))
    const gc = await gcBatch(batch, { parts: { listing: false } })
    for (const f of files) {
      expect(formatGolden(gcFacts(gc.get(f)!)), f).toBe(readFileSync(join(dir, f.replace(/\.go$/, '.golden')), 'utf8'))
    }
  }, 120_000)
})

describe.skipIf(skipDifferential)('fuzz: fixed seeds', () => {
  it(`seeds ${SEEDS.join(', ')}: nothing to report`, async () => {
    requireGo()
    const s = await fuzz(SEEDS, { batch: SEEDS.length })
    const f = figures(s.programs)
    expect(s.programs.flatMap((p) => p.verdict.failures.filter((x) => x.category !== 'listing').map((x) => `seed ${p.seed} ${x.category}: ${x.detail}`))).toEqual([])
    expect(f).toMatchObject({ programs: SEEDS.length, crashes: 0, refused: 0, internal: 0, failedPass: 0, escape: SEEDS.length, alloc: SEEDS.length, merge: SEEDS.length })
    expect(f.functions).toBeGreaterThan(10)
  }, 120_000)
})
