// An explicit conversion between float types of one size rounds (gc's
// tcConv keeps it an OCONV; ssagen builds Round32F/Round64F). On amd64 and
// ppc64 the rounding is free, but LoweredRoundNF wants its result in its
// argument's register: float32(a) returned next to float64(a) costs gc a
// copy of a, which we must make too.

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { ours } from '../../src-main/fuzz/ours'

const SRC = `package p

type F float64

func R32(a float32) (float32, float64) { return float32(a), float64(a) }

func R64(a float64) F { return F(a) * 2 }

func Widen(a float32) float64 { return float64(a) }
`

describe('explicit float conversions of one size', () => {
  it('build Round32F / Round64F, a widening conversion none', async () => {
    const prog = await ssaProgram('p.go', SRC)
    const ops = (name: string): string[] => prog.compileFunc(name, 'amd64', { until: 'start' }).func.blocks.flatMap((b) => b.values.map((v) => v.op))
    expect(ops('R32').filter((o) => o.startsWith('Round') || o.startsWith('Cvt'))).toEqual(['Round32F', 'Cvt32Fto64F'])
    expect(ops('R64').filter((o) => o.startsWith('Round'))).toEqual(['Round64F'])
    expect(ops('Widen').filter((o) => o.startsWith('Round'))).toEqual([])
  })

  it("give gc's listing (go tool compile -l -S): a copied to a third register around the widening", async () => {
    const us = await ours('./p.go', SRC)
    const body = (func: string, arch: 'amd64' | 'ppc64'): string[] => us.funcs.get(func)!.arches.get(arch)!.listing!.map((l) => l.text).filter((t) => !/^(TEXT|FUNCDATA|PCDATA)\t/.test(t))
    expect(body('R32', 'amd64')).toEqual(['MOVUPS\tX0, X2', 'CVTSS2SD\tX0, X1', 'MOVUPS\tX2, X0', 'RET'])
    expect(body('R32', 'ppc64')).toEqual(['FMOVD\tF1, F2', 'JMP\tLR'])
    expect(body('R64', 'amd64')).toEqual(['ADDSD\tX0, X0', 'RET'])
  })
})
