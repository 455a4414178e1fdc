// `ssascope fidelity`'s one table: every figure in one place, and the
// corpus comparison behind its escape/alloc/merge/listing rows on real gc.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fidelityCorpus, formatFidelityTable, formatLineDiffs, type FidelityAll } from '../../src-main/cli/fidelity'
import { corpusFigures } from '../../src-main/fuzz/corpus'
import { projectRoot } from '../../src-main/service/paths'
import { skipDifferential } from '../go-toolchain'

const tally = (agree: number, total: number) => ({ agree, total })

describe('the fidelity table', () => {
  it('has one row per differential figure', () => {
    const r = {
      go: 'go version go1.26.8 linux/amd64',
      escape: { analysis: 'escape', go: 'x', files: [], total: { files: 2, functions: 10, inSubset: 5, gcLines: 40, reproduced: 39, extra: 0, exact: 4, errors: 0, share: 97.5 } },
      ssa: { files: [{ file: 'a.go', functions: 3, passes: [] }], passes: [{ pass: 'opt', functions: 3, exact: 2, similarity: 0.9 }, { pass: 'lower ppc64', functions: 3, exact: 3, similarity: 1 }] },
      corpus: { files: [{ file: 'a.go', escapeLines: tally(9, 10), allocFuncs: tally(3, 3), mergePairs: tally(1, 2), listingPairs: tally(5, 6), lineInstrs: tally(70, 72), linePairs: tally(4, 5), lineDiffs: ['f amd64: #3 JMP\t@1: line 4 | 3'], listingDiffs: ['g ppc64: #2: MOVD\tR3, R4 | MOVD\tR4, R3'], listingByArch: { ppc64: tally(3, 3), amd64: tally(2, 3) } }], escapeLines: tally(9, 10), allocFuncs: tally(3, 3), mergePairs: tally(1, 2), listingPairs: tally(5, 6), lineInstrs: tally(70, 72), linePairs: tally(4, 5), listingByArch: { ppc64: tally(3, 3), amd64: tally(2, 3) } },
    } as unknown as FidelityAll
    const t = formatFidelityTable(r)
    const rows = t.split('\n')
    expect(rows[0]).toBe('fidelity against go version go1.26.8 linux/amd64')
    expect(t).toMatch(/^escape lines \(-m, -m=2\) +gc's test suite \(2 files, 5\/10 funcs in subset\) +40 gc lines +39 +97\.5%$/m)
    expect(t).toMatch(/^escape lines \(-m=2\) +our corpus \(1\/1 files\) +10 lines +9 +90\.0%$/m)
    expect(t).toMatch(/^allocation calls .* 3 funcs +3 +100\.0%$/m)
    expect(t).toMatch(/^op similarity: opt .* 3 funcs +2 exact +90\.0% sim$/m)
    expect(t).toMatch(/^lowered ops: lower ppc64 .* 3 funcs +3 exact +100\.0% sim$/m)
    expect(t).toMatch(/^merge decisions \(amd64, ppc64\) .* 2 pairs +1 +50\.0%$/m)
    expect(t).toMatch(/^listing \(-S instructions\) .* 6 pairs +5 +83\.3%$/m)
    // and per arch, in arch order
    expect(t).toMatch(/^listing amd64 .* 3 funcs +2 +66\.7%\nlisting ppc64 .* 3 funcs +3 +100\.0%$/m)
    expect(t).toMatch(/^source lines \(-S\), per listing .* 5 pairs +4 +80\.0%$/m)
    expect(t).toMatch(/^source lines \(-S\), per instruction .* 72 instrs +70 +97\.2%$/m)
    expect(formatLineDiffs(r.corpus)).toContain('  a.go: f amd64: #3 JMP\t@1: line 4 | 3')
    expect(formatLineDiffs(r.corpus)).toMatch(/^listings: first differing instruction.*\n  a\.go: g ppc64: #2: MOVD\tR3, R4 \| MOVD\tR4, R3$/m)
  })

  it('takes its corpus from testdata and the examples', () => {
    const files = fidelityCorpus()
    expect(files).toContain(join(projectRoot, 'testdata', 'mergelocals', 'basic.go'))
    expect(files.some((f) => f.startsWith(join(projectRoot, 'testdata', 'fuzz')))).toBe(true)
  })
})

describe.skipIf(skipDifferential)('corpus figures against gc', () => {
  it('compares escape lines, allocation calls, merge decisions and listings of a file', async () => {
    const f = await corpusFigures([join(projectRoot, 'resources', 'examples', 'mergelocals.go')])
    const fig = f.files[0]!
    expect(fig.skipped).toBeUndefined()
    expect(fig.escapeLines.total).toBeGreaterThan(0)
    expect(fig.escapeLines.agree).toBe(fig.escapeLines.total)
    // Phases merges on amd64 (and is evicted on ppc64): at least that pair is compared.
    expect(fig.mergePairs.total).toBeGreaterThan(0)
    expect(fig.listingPairs.total).toBe(4)
    expect(fig.listingByArch.amd64!.total + fig.listingByArch.ppc64!.total).toBe(4)
    expect(f.listingByArch).toEqual(fig.listingByArch)
    expect(f.mergePairs).toEqual(fig.mergePairs)
  }, 120_000)
  it('attributes every instruction of an identical listing to gc\'s source line (block positions, statement marks, loops, gotos)', async () => {
    const files = [join('escape', 'control.go'), join('escape', 'loops.go'), join('ssa', 'checks.go'), join('ssa', 'cleanup.go'), join('fuzz', 'loopdepth.go')]
    const f = await corpusFigures(files.map((x) => join(projectRoot, 'testdata', x)))
    expect(f.linePairs.total).toBeGreaterThan(60)
    expect(f.files.flatMap((x) => x.lineDiffs)).toEqual([])
    expect(f.lineInstrs.agree).toBe(f.lineInstrs.total)
  }, 240_000)
  it('skips a file outside the subset, saying why', async () => {
    const f = await corpusFigures([join(projectRoot, 'testdata', 'gcpkg', 'shapes', 'shapes.go')])
    expect(f.files[0]!.skipped).toMatch(/^(refused|invalid):/)
    expect(f.escapeLines.total).toBe(0)
  }, 120_000)
})
