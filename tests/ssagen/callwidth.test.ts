// The width a Go call carries (its AuxInt, which sizes the caller's outgoing
// argument area) is gc's ArgWidth: stack-assigned arguments and results
// count alike. gc's dumps of testdata/fuzz/ordertemps.go F1: `CALLstatic
// {AuxCall{p.F1}} [88]` (a float32 in a register, spilled: 8, and an
// 80-byte result on the stack) and `CALLstatic {AuxCall{p.F3}} [160]`.

import { describe, expect, it } from 'vitest'
import { goCallWidth } from '../../src-main/compiler/ssagen/callwidth'
import { arrayOf, structOf, T } from '../../src-main/compiler/ssa/types'

// ordertemps.go's T (80 bytes; its [4]int field keeps it out of registers), f2 a 24-byte stand-in for its slice.
const big = structOf([
  { name: 'f0', type: T.int },
  { name: 'f1', type: arrayOf(T.int, 4) },
  { name: 'f2', type: arrayOf(T.int, 3) },
  { name: 'f3', type: T.int },
  { name: 'f4', type: T.int },
])

describe('goCallWidth', () => {
  it('counts stack results like stack arguments (gc: F1 [88], F3 [160])', () => {
    expect(big.size).toBe(80)
    for (const arch of ['amd64', 'ppc64']) {
      expect(goCallWidth(arch, [T.float32], [big]), arch).toBe(88)
      expect(goCallWidth(arch, [big], [big]), arch).toBe(160)
    }
  })

  it('is the spill area alone when everything fits in registers', () => {
    expect(goCallWidth('amd64', [T.int, T.int8, T.int], [T.int])).toBe(24)
    expect(goCallWidth('amd64', [], [T.int])).toBe(0)
  })
})
