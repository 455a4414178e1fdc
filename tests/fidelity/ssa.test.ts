// SSA fidelity: op-multiset similarity, and a real run against gc.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMPARED_PASSES, formatSsaTable, similarity, ssaFidelity } from '../../src-main/fidelity/ssa'
import { examplesDir } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'

describe('op multiset similarity', () => {
  it('is 1 for equal multisets, the shared share otherwise', () => {
    const m = (o: Record<string, number>) => new Map(Object.entries(o))
    expect(similarity(m({ Add64: 2, Load: 1 }), m({ Load: 1, Add64: 2 }))).toBe(1)
    expect(similarity(m({ Add64: 2 }), m({ Add64: 1, Sub64: 1 }))).toBeCloseTo(1 / 3)
    expect(similarity(m({}), m({}))).toBe(1)
  })
})

describe.skipIf(skipDifferential)('ssaFidelity against the real go', () => {
  it('scores every function of a file after opt, generic cse, prove and late opt', async () => {
    requireGo()
    const r = await ssaFidelity([join(examplesDir, 'heapagg.go')])
    expect(r.files[0]!.error).toBeUndefined()
    expect(r.passes.map((p) => p.pass)).toEqual([...COMPARED_PASSES])
    for (const p of r.passes) {
      expect(p.functions).toBe(5)
      expect(p.similarity).toBeGreaterThan(0.5)
      expect(p.similarity).toBeLessThanOrEqual(1)
    }
    expect(formatSsaTable(r)).toMatch(/heapagg\.go\s+5\s+/)
  })
})
