// Every Go file we ship or test the later phases with must type-check with
// no diagnostics at all: the escape corpus and the bundled examples.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFile } from '../../src-main/compiler/syntax/parse'
import { checkFile } from '../../src-main/compiler/types/check'
import { formatDiagnostic } from '../../src-main/protocol/model'
import { examplesDir, projectRoot } from '../../src-main/service/paths'

const dirs = [join(projectRoot, 'testdata', 'escape'), examplesDir]
const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.go')).map((f) => join(dir, f)))

describe('the corpus type-checks cleanly', () => {
  it('finds the escape corpus and the examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(18)
  })

  for (const path of files) {
    it(path.slice(projectRoot.length + 1), async () => {
      const { file, source, diagnostics } = await parseFile(path, readFileSync(path, 'utf8'))
      const all = [...diagnostics, ...checkFile(file, source).diagnostics]
      expect(all.map(formatDiagnostic)).toEqual([])
    })
  }
})
