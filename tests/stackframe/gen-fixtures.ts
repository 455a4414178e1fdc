// Regenerates tests/stackframe/fixtures (gc's trim dump and level-3 mergelocals trace of a few
// corpus functions). Run from the repo root: bundle with rolldown and run with node.
import { mkdirSync, writeFileSync } from 'node:fs'
import { gcSsaDumps } from '../../src-main/gcbridge/gcssa'
import { formatSsaDump } from '../../src-main/gcbridge/ssadump'
import { gcMergeTraces } from '../../src-main/gcbridge/mergelocals'
const cases: [string, string, string][] = [
  ['basic.go', 'Two', 'amd64'], ['basic.go', 'Two', 'ppc64'], ['later.go', 'Later', 'amd64'], ['later.go', 'Later', 'ppc64'],
  ['regions.go', 'Regions', 'amd64'], ['ranges.go', 'Range', 'amd64'], ['loops.go', 'Carried', 'ppc64'], ['pointers.go', 'Ptrs', 'amd64'],
]
mkdirSync('tests/stackframe/fixtures', { recursive: true })
for (const [file, fn, arch] of cases) {
  const path = `testdata/mergelocals/${file}`
  const d = (await gcSsaDumps(path, [fn], ['trim'], { goarch: arch })).get(fn)!.get('trim')!
  const t = (await gcMergeTraces(path, 3, { goarch: arch })).get(fn) ?? ''
  writeFileSync(`tests/stackframe/fixtures/${fn}.${arch}.trim`, formatSsaDump(d))
  writeFileSync(`tests/stackframe/fixtures/${fn}.${arch}.trace3`, t)
}
