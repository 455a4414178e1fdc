// End to end: copy(dst, src) of pointer-free elements as gc's walkCopy
// lowers it — temporaries nl, nr, n (and the width) that are variables, so
// each read in another block is one of gc's FwdRefs, and ssagen's if
// statements, whose join block is made before the body's — through our
// whole pipeline against `go tool compile -l -S` on amd64 and ppc64. Value
// and block ids decide operand order (canonLessThan) and the scheduler's
// ties, so a copy built in another order lists `CMPQ DI, AX` for gc's
// `CMPQ AX, DI`.

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { gcFacts, verdict, type Verdict } from '../../src-main/fuzz/compare'
import { gcBatch } from '../../src-main/fuzz/gcrun'
import { ours } from '../../src-main/fuzz/ours'
import { funcNames } from '../../src-main/fuzz/run'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { gcSsaDumps } from '../../src-main/gcbridge/gcssa'
import { gcIdMismatches, oursAfter } from '../ssa/gcids-compare'

describe.skipIf(skipDifferential)('copy as walkCopy builds it, against go tool compile -l -S', () => {
  let v: Verdict
  beforeAll(async () => {
    requireGo()
    const name = 'strcopy.go'
    const text = await readFile(join(projectRoot, 'testdata', 'ssa', name), 'utf8')
    const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!
    v = verdict(gcFacts(gc), await ours(`./${name}`, text))
  }, 300_000)

  it("copy into a slice from a string, its result used, dropped or named: gc's listing on both arches", () => {
    const same = new Set(v.pairs.filter((p) => p.listed && p.sameListing).map((p) => `${p.arch} ${p.func}`))
    for (const f of ['copyStr', 'copyDrop', 'copyNamed']) for (const arch of ['amd64', 'ppc64']) expect(same, `${arch} ${f}`).toContain(`${arch} ${f}`)
  })

  it('a dropped result is not read after the copy: every value has gc’s id up to the scheduler', async () => {
    const file = 'testdata/ssa/strcopy.go'
    const passes = ['early deadcode', 'opt', 'generic cse', 'lower', 'schedule']
    const dumps = await gcSsaDumps(file, ['copyDrop'], passes, { goarch: 'ppc64' })
    const bad: string[] = []
    for (const p of passes) for (const m of gcIdMismatches(await oursAfter(file, 'copyDrop', 'ppc64', p), dumps.get('copyDrop')!.get(p)!)) bad.push(`${p}: ${m}`)
    expect(bad).toEqual([])
  }, 120_000)
})
