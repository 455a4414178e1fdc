// Map forms escape analysis handles but SSA construction does not build yet
// (maps on the stack, map literals, range over maps) live outside
// testdata/escape, whose files are also the SSA corpus: the same multiset of
// -m and -m=2 lines as gc 1.26's saved output (made as testdata/escape's
// goldens are; see its README), and as the real go's when it is installed.

import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeSource } from '../../src-main/compiler/escape'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { multisetDiff } from './multiset'

const dir = join(projectRoot, 'testdata', 'escape-maps')
const text = readFileSync(join(dir, 'mapforms.go'), 'utf8')

describe('escape analysis of the map forms outside the SSA corpus', () => {
  for (const level of [1, 2] as const) {
    it(`mapforms.go -m=${level} equals gc's golden`, async () => {
      const golden = readFileSync(join(dir, `mapforms.m${level}.golden`), 'utf8').split('\n').filter((l) => l !== '')
      const ours = await escapeSource('./mapforms.go', text, { level })
      expect(ours.diagnostics).toEqual([])
      expect(golden.length).toBeGreaterThan(0)
      expect(multisetDiff(golden, ours.lines)).toEqual([])
    })
  }

  it.skipIf(skipDifferential)('mapforms.go -m=2 equals the real go', async () => {
    const go = requireGo()
    const work = mkdtempSync(join(tmpdir(), 'ssascope-mapforms-'))
    try {
      copyFileSync(join(dir, 'mapforms.go'), join(work, 'mapforms.go'))
      const out = execFileSync(go.bin, ['tool', 'compile', '-p', 'mapforms', '-m=2', '-l', '-o', join(work, 'out.o'), 'mapforms.go'], { cwd: work, encoding: 'utf8' })
      const gc = out.split('\n').filter((l) => l !== '').map((l) => l.split(`${work}/`).join('./'))
      const ours = await escapeSource('./mapforms.go', text, { level: 2 })
      expect(multisetDiff(gc, ours.lines)).toEqual([])
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
})
