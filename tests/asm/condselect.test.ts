// End to end: testdata/ssa/branchelim.go and sccp.go through our whole
// pipeline (construction, every pass, regalloc, frame, listing) against
// `go tool compile -l -S`, on amd64 and ppc64: the same instructions for
// every function, CondSelects as CMOVQcc/CMOVLcc/CMOVWcc and ISEL where gc
// made them, and the code sccp proved dead gone on both sides.

import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { gcFacts, verdict, type Verdict } from '../../src-main/fuzz/compare'
import { gcBatch, type FuzzArch } from '../../src-main/fuzz/gcrun'
import { ours, type OurResult } from '../../src-main/fuzz/ours'
import { funcNames } from '../../src-main/fuzz/run'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'

const ARCHES: FuzzArch[] = ['amd64', 'ppc64']

/** Listings that differ from gc for reasons outside these passes. */
// None now: ppc64 deadArm's two ISELs were scheduled the other way round while the scheduler broke ties by our ids rather than gc's (ssa/gcids.ts).
const KNOWN: Record<string, string> = {}

interface FileRun {
  us: OurResult
  v: Verdict
}

async function compare(file: string): Promise<FileRun> {
  const name = basename(file)
  const text = await readFile(file, 'utf8')
  const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!
  const us = await ours(`./${name}`, text)
  return { us, v: verdict(gcFacts(gc), us) }
}

/** Our listing's instruction mnemonics for a function on an arch. */
function mnemonics(r: FileRun, func: string, arch: FuzzArch): string[] {
  const listing = r.us.funcs.get(func)?.arches.get(arch)?.listing
  if (!listing) throw new Error(`no listing for ${func} on ${arch}`)
  return listing.map((l) => l.text.split('\t')[0]!)
}

describe.skipIf(skipDifferential)('branchelim and sccp end to end against go tool compile -l -S', () => {
  const runs = new Map<string, FileRun>()
  beforeAll(async () => {
    requireGo()
    for (const f of ['branchelim.go', 'sccp.go']) runs.set(f, await compare(join(projectRoot, 'testdata', 'ssa', f)))
  }, 300_000)

  for (const f of ['branchelim.go', 'sccp.go']) {
    it(`${f}: every function's instructions are gc's on both arches`, () => {
      const { v } = runs.get(f)!
      expect(v.failures.filter((x) => x.category !== 'listing')).toEqual([])
      const pairs = v.pairs.filter((p) => p.listed)
      expect(pairs.length).toBeGreaterThanOrEqual(2 * 14)
      const differ = pairs.filter((p) => !p.sameListing).map((p) => `${p.arch} ${p.func}`)
      expect(differ.filter((k) => !KNOWN[k])).toEqual([])
      // The known differences still differ; when one goes, drop it from KNOWN.
      expect(differ.sort()).toEqual(Object.keys(KNOWN).filter((k) => runs.get(f)!.us.funcs.has(k.split(' ')[1]!)).sort())
    })
  }

  it('CondSelects become conditional moves: CMOVQ, CMOVL, CMOVW on amd64 (none for bytes), ISEL on ppc64', () => {
    const r = runs.get('branchelim.go')!
    const cmov = (func: string): string[] => mnemonics(r, func, 'amd64').filter((m) => m.startsWith('CMOV'))
    const isel = (func: string): number => mnemonics(r, func, 'ppc64').filter((m) => m === 'ISEL' || m === 'ISELZ').length
    expect(cmov('max')).toEqual(['CMOVQGT'])
    expect(cmov('umin')).toHaveLength(1)
    expect(cmov('narrow32')[0]).toMatch(/^CMOVL/)
    expect(cmov('narrow16')[0]).toMatch(/^CMOVW/)
    // Float equality needs two moves: ZF and PF.
    expect(cmov('floatEq')).toHaveLength(2)
    expect(cmov('byteSel')).toEqual([])
    expect(cmov('twoPhis')).toEqual([])
    for (const func of ['max', 'umin', 'abs', 'diamond', 'ptrSel', 'boolCond', 'byteSel', 'twoPhis']) expect(isel(func), func).toBeGreaterThan(0)
    // Branches gc keeps: a load address, a long arm, a division, a load.
    for (const func of ['loadAddr', 'longArm', 'divArm', 'loadArm']) {
      expect(cmov(func), func).toEqual([])
      expect(isel(func), func).toBe(0)
    }
  })

  it('code behind a branch sccp decides is gone: no call to sink in deadCall', () => {
    const r = runs.get('sccp.go')!
    for (const arch of ARCHES) {
      const calls = r.us.funcs.get('deadCall')!.arches.get(arch)!.listing!.filter((l) => /^CALL\t/.test(l.text))
      expect(calls, arch).toEqual([])
    }
  })
})
