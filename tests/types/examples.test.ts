import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { examplesDir } from '../../src-main/service/paths'
import { goUnavailable, requireGo, skipDifferential } from '../go-toolchain'
import { tempFiles } from '../helpers'
import { check } from './helpers'
import { LEVEL1_TOUR, LEVEL1_TOUR_2 } from './programs'

describe('programs of the subset check cleanly', () => {
  for (const name of readdirSync(examplesDir).filter((f) => f.endsWith('.go'))) {
    it(`resources/examples/${name}`, async () => {
      const { lines } = await check(readFileSync(join(examplesDir, name), 'utf8'))
      expect(lines).toEqual([])
    })
  }

  it('the level-1 tours', async () => {
    for (const tour of [LEVEL1_TOUR, LEVEL1_TOUR_2]) {
      const { lines, info } = await check(tour)
      expect(lines).toEqual([])
      expect(info.funcs.length).toBeGreaterThan(10)
    }
  })

  it.skipIf(skipDifferential)(`the level-1 tours compile with the real go${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
    const go = requireGo()
    for (const tour of [LEVEL1_TOUR, LEVEL1_TOUR_2]) {
      const dir = tempFiles({ 'go.mod': 'module p\n\ngo 1.26\n', 'p.go': tour })
      expect(() => execFileSync(go.bin, ['build', '-o', '/dev/null', '.'], { cwd: dir, stdio: 'pipe' })).not.toThrow()
    }
  })
})
