// The Go programs SSA construction is tested on: the escape corpus, the SSA
// corpus and the bundled examples.

import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { examplesDir, projectRoot } from '../../src-main/service/paths'

const goFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.go')).sort().map((f) => join(dir, f))

export const ssaCorpus: string[] = [
  ...goFiles(join(projectRoot, 'testdata', 'escape')),
  ...goFiles(join(projectRoot, 'testdata', 'ssa')),
  ...goFiles(examplesDir),
]
