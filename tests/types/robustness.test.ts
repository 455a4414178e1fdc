import { describe, expect, it } from 'vitest'
import { parseFile } from '../../src-main/compiler/syntax/parse'
import { checkFile } from '../../src-main/compiler/types/check'
import { GOLDEN, LEVEL1_TOUR, LEVEL1_TOUR_2 } from './programs'

describe('the checker on malformed input', () => {
  it('never throws, whatever the parser recovered', async () => {
    const sources = [LEVEL1_TOUR, LEVEL1_TOUR_2, ...GOLDEN.map((g) => `package p\n\n${g.src}`)]
    // A fixed-seed token shuffler: deletes, duplicates and replaces tokens.
    let seed = 42
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let iter = 0; iter < 300; iter++) {
      const toks = sources[rnd(sources.length)]!.split(/(\b|\s+)/).filter((t) => t !== '')
      for (let k = 1 + rnd(3); k > 0; k--) {
        const i = rnd(toks.length)
        const op = rnd(3)
        if (op === 0) toks.splice(i, 1)
        else if (op === 1) toks.splice(i, 0, toks[rnd(toks.length)]!)
        else toks[i] = toks[rnd(toks.length)]!
      }
      const { file, source } = await parseFile('./p.go', toks.join(''))
      expect(() => checkFile(file, source)).not.toThrow()
    }
  })
})
