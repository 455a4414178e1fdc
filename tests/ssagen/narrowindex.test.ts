// A narrow integer index (uint8, int16, uint32…) is widened to int before it
// addresses memory (gc's extendIndex, applied by boundsCheck even when walk
// proved the index bounded). A narrow register argument's upper bits are
// undefined under the register ABI, so using it unextended as an address
// offset is wrong code: b[u] for u a byte must zero-extend u (MOVBLZX on
// amd64, CLRLSLDI folding the extension into the shift on ppc64).

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { ours } from '../../src-main/fuzz/ours'
import type { Value } from '../../src-main/compiler/ssa/func'

const SRC = `package p

var big [256]int
var table [8]int

func Bounded(b byte) int { return big[b] }

func Divided(b uint8) int { return table[b/32] }

func Checked(s []int, i int16) int { return s[i] }

func PtrArr(a *[10]int, i uint32) int { return a[i] }

func Store(s []int, i int8, v int) { s[i] = v }

func Slice(s []int, i uint8, j int16) []int { return s[i:j] }

func Slice3(s []int, i uint8, j uint16, k uint32) []int { return s[i:j:k] }
`

const values = (vs: { blocks: { values: Value[] }[] }): Value[] => vs.blocks.flatMap((b) => b.values)

describe('narrow indexes', () => {
  it('are widened to int before PtrIndex and slicing arithmetic', async () => {
    const prog = await ssaProgram('p.go', SRC)
    for (const name of ['Bounded', 'Divided', 'Checked', 'PtrArr', 'Store', 'Slice', 'Slice3']) {
      const { func } = prog.compileFunc(name, 'amd64', { until: 'start' })
      const vs = values(func)
      const idx = vs.filter((v) => v.op === 'PtrIndex').map((v) => v.args[1]!)
      const arith = vs.filter((v) => v.op === 'Sub64' || v.op === 'Mul64' || v.op === 'IsInBounds' || v.op === 'IsSliceInBounds').flatMap((v) => v.args)
      expect(idx.length + arith.length, name).toBeGreaterThan(0)
      for (const a of [...idx, ...arith]) expect(a.type.size, `${name}: ${a.op} v${a.id}`).toBe(8)
      expect(vs.some((v) => /^(Zero|Sign)Ext(8|16|32)to64$/.test(v.op)), name).toBe(true)
    }
  })

  it("give gc's listing: the byte zero-extended before it scales the address", async () => {
    const us = await ours('./p.go', SRC)
    const text = (func: string, arch: 'amd64' | 'ppc64'): string[] => us.funcs.get(func)!.arches.get(arch)!.listing!.map((l) => l.text)
    expect(text('Bounded', 'amd64').slice(2)).toEqual(['MOVBLZX\tAL, CX', 'LEAQ\tp.big(SB), DX', 'MOVQ\t(DX)(CX*8), AX', 'RET'])
    expect(text('Bounded', 'ppc64')).toContain('CLRLSLDI\t$56, R3, $3, R4')
    expect(text('Divided', 'amd64').slice(2, 4)).toEqual(['SHRB\t$5, AL', 'MOVBLZX\tAL, CX'])
    // b/32 of a zero-extended byte keeps 3 bits: gc's mask starts at bit 21 (not 2: the byte's high bits are not known to be zero without the extension).
    expect(text('Divided', 'ppc64')).toContain('RLWNM\t$30, R4, $21, $28, R4')
  })
})
