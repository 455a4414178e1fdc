// The fuzz corpus (testdata/fuzz): every repro the fuzzer found, against
// what gc 1.26 printed for it (NAME.golden, written by `npm run fuzz --
// --golden`): no crash, refusal, internal error or failed pass, and the
// same -m=2 lines, allocation calls and merge decisions on both arches.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verdict } from '../../src-main/fuzz/compare'
import { parseGolden } from '../../src-main/fuzz/golden'
import { ours } from '../../src-main/fuzz/ours'
import { projectRoot } from '../../src-main/service/paths'

const dir = join(projectRoot, 'testdata', 'fuzz')
const files = readdirSync(dir).filter((f) => f.endsWith('.go')).sort()

describe('fuzz corpus against gc 1.26 goldens', () => {
  it('has repros', () => expect(files.length).toBeGreaterThan(0))
  for (const f of files) {
    it(f, async () => {
      const text = readFileSync(join(dir, f), 'utf8')
      const gc = parseGolden(readFileSync(join(dir, f.replace(/\.go$/, '.golden')), 'utf8'))
      const v = verdict(gc, await ours(`./${f}`, text))
      expect(v.failures.filter((x) => x.category !== 'listing').map((x) => `${x.category}: ${x.detail}`)).toEqual([])
      // The comparison really ran: every function compared on both arches.
      expect(v.pairs.length).toBeGreaterThan(0)
    })
  }
})
