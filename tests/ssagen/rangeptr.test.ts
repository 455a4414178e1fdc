// Ranging over a pointer to an array with the values read: walk turns the
// loop into `v = ha[hv1]` through the pointer when the element is cheap to
// index, so the nil check happens at every access, inside the body (gc's
// listing: TESTB AL, (AX) at the top of the loop). For an element walked by
// pointer walk slices the array first (OSLICEARR): one check before the loop.

import { describe, expect, it } from 'vitest'
import { ours } from '../../src-main/fuzz/ours'

const SRC = `package p

type Big struct{ a, b, c, d, e int }

func Small(p *[4]int) (t int) {
	for i, v := range p {
		t += i * v
	}
	return
}

func Large(p *[3]Big) (t int) {
	for _, v := range p {
		t += v.c
	}
	return
}
`

describe('range over a pointer to an array', () => {
  it("checks the pointer where gc does (go tool compile -l -S)", async () => {
    const us = await ours('./p.go', SRC)
    const body = (func: string, arch: 'amd64' | 'ppc64'): string[] => us.funcs.get(func)!.arches.get(arch)!.listing!.map((l) => l.text).filter((t) => !/^(TEXT|FUNCDATA|PCDATA)\t/.test(t))
    // JLT 6 goes back to the check: it runs every iteration.
    expect(body('Small', 'amd64')).toEqual(['XORL\tCX, CX', 'XORL\tDX, DX', 'JMP\t22', 'TESTB\tAL, (AX)', 'MOVQ\t(AX)(CX*8), BX', 'IMULQ\tCX, BX', 'ADDQ\tBX, DX', 'INCQ\tCX', 'CMPQ\tCX, $4', 'JLT\t6', 'MOVQ\tDX, AX', 'NOP', 'RET'])
    // One check, before the loop.
    const large = body('Large', 'amd64')
    expect(large.slice(3, 7)).toEqual(['TESTB\tAL, (AX)', 'XORL\tCX, CX', 'XORL\tDX, DX', 'JMP\t64'])
    expect(large.filter((l) => l.startsWith('TESTB'))).toHaveLength(1)
  })
})
