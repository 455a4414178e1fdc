// Differential test of the cleanup passes against the real gc: one compile
// of testdata/ssa/cleanup.go dumps every function before and after each
// pass; our pass runs on gc's "before" and must give gc's "after".

import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { copyelim } from '../../../src-main/compiler/ssa/passes/copyelim'
import { cse } from '../../../src-main/compiler/ssa/passes/cse'
import { deadcode } from '../../../src-main/compiler/ssa/passes/deadcode'
import { fuseEarly, fuseLate } from '../../../src-main/compiler/ssa/passes/fuse'
import { numberLines } from '../../../src-main/compiler/ssa/passes/numberlines'
import { phiopt } from '../../../src-main/compiler/ssa/passes/phiopt'
import { shortcircuit } from '../../../src-main/compiler/ssa/passes/shortcircuit'
import { ssaProgram } from '../../../src-main/compiler/ssagen'
import { requireGo, skipDifferential } from '../../go-toolchain'
import { diffPass, summary, type DiffOptions } from './cleanup-helpers'

const FILE = 'testdata/ssa/cleanup.go'

/** Each pass with the one gc runs before it, so "before" is in the dumps. */
const PASSES = [
  'start', 'number lines', 'early phielim and copyelim', 'early deadcode', 'short circuit', 'decompose user', 'pre-opt deadcode',
  'zero arg cse', 'opt deadcode', 'generic cse', 'phiopt', 'gcse deadcode', 'middle opt', 'early fuse', 'sccp', 'generic deadcode', 'late fuse',
]

/** Functions whose text may differ, and why: what gc's dumps do not carry. */
const BLOCK_POS = 'block positions (a statement mark at a block end) are not in dumps'
const NAMES = 'reading a dump back merges repeated name entries'
const CHECKS: { pass: string; run: (f: Func) => void; opts?: DiffOptions; textMayDiffer?: Record<string, string> }[] = [
  { pass: 'number lines', run: numberLines, opts: { idOrder: true }, textMayDiffer: { boolChain: BLOCK_POS, phiLca: NAMES } },
  { pass: 'early phielim and copyelim', run: copyelim, textMayDiffer: { phiLca: NAMES } },
  { pass: 'early deadcode', run: deadcode },
  { pass: 'short circuit', run: shortcircuit },
  { pass: 'pre-opt deadcode', run: deadcode },
  { pass: 'opt deadcode', run: deadcode },
  { pass: 'generic cse', run: cse },
  { pass: 'phiopt', run: phiopt },
  { pass: 'gcse deadcode', run: deadcode },
  { pass: 'early fuse', run: fuseEarly, opts: { anyBlockOrder: true } },
  { pass: 'generic deadcode', run: deadcode },
  { pass: 'late fuse', run: fuseLate, opts: { anyBlockOrder: true }, textMayDiffer: { cseLoop: BLOCK_POS, divs: BLOCK_POS, orCallLoop: BLOCK_POS } },
]

describe.skipIf(skipDifferential)('cleanup passes against gc on cleanup.go', () => {
  let dumps: GcSsaDumps
  beforeAll(async () => {
    requireGo()
    dumps = await gcSsaDumps(FILE, 'all', PASSES)
  }, 120_000)

  for (const c of CHECKS) {
    it(c.pass, () => {
      const r = diffPass(dumps, c.pass, c.run, c.opts)
      expect(r.failures).toEqual([])
      expect(r.skipped).toEqual([])
      expect(r.funcs, summary(c.pass, r)).toBeGreaterThanOrEqual(32)
      expect(r.mismatches.map((m) => `${m.func}\n--- ours\n${m.ours}\n--- gc\n${m.gc}`)).toEqual([])
      const unexpected = r.textDiffs.filter((d) => !c.textMayDiffer?.[d.func])
      expect(unexpected.map((d) => `${d.func}\n--- ours\n${d.ours}\n--- gc\n${d.gc}`)).toEqual([])
    })
  }
})

describe('cleanup passes on our own SSA construction', () => {
  it('leave every function of cleanup.go passing the checker', async () => {
    const prog = await ssaProgram(FILE, readFileSync(FILE, 'utf8'), { pkgPath: 'p' })
    const mine = new Set(CHECKS.map((c) => c.pass))
    const failed: string[] = []
    for (const fn of prog.functions) {
      for (const r of prog.trace(fn, 'amd64').passes) if (mine.has(r.name) && r.status === 'failed') failed.push(`${fn} ${r.name}: ${r.error}`)
    }
    expect(failed).toEqual([])
  })
})
