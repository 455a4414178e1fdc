// `for … range []byte(s)` walks the string's own bytes: order marks the
// conversion OSTR2BYTESTMP and non-nil (walk/order.go, ORANGE), so there is
// no runtime call and no nil-to-runtime.zerobase ternary, while a []byte(s)
// kept in a variable still gets one (or a stringtoslicebyte call).

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { ours } from '../../src-main/fuzz/ours'

const SRC = `package p

type S string

func Sum(s string) int {
	n := 0
	for _, c := range []byte(s) {
		n += int(c)
	}
	return n
}

func Named(s S) (n int) {
	for i := range []byte(s) {
		n += i
	}
	return
}

func Kept(s string) int {
	b := []byte(s)
	return len(b)
}
`

describe('range over []byte(s)', () => {
  it('ranges over the string bytes: no zerobase, no call', async () => {
    const prog = await ssaProgram('p.go', SRC)
    const vals = (name: string) => prog.compileFunc(name, 'amd64', { until: 'start' }).func.blocks.flatMap((b) => b.values)
    const zerobase = (name: string): number => vals(name).filter((v) => v.op === 'Addr' && v.aux?.kind === 'sym' && v.aux.name === 'runtime.zerobase').length
    for (const f of ['Sum', 'Named']) {
      expect(zerobase(f), f).toBe(0)
      expect(vals(f).filter((v) => v.op === 'StaticLECall'), f).toEqual([])
      expect(vals(f).some((v) => v.op === 'StringPtr'), f).toBe(true)
    }
    // Outside a range the empty string's nil pointer must still become zerobase.
    expect(zerobase('Kept')).toBe(1)
  })

  it("gives gc's listing (go tool compile -l -S)", async () => {
    const us = await ours('./p.go', SRC)
    const body = (func: string): string[] => us.funcs.get(func)!.arches.get('amd64')!.listing!.map((l) => l.text).filter((t) => !/^(TEXT|FUNCDATA|PCDATA)\t/.test(t))
    expect(body('Sum')).toEqual(['MOVQ\tAX, p.s+8(FP)', 'XORL\tCX, CX', 'XORL\tDX, DX', 'JMP\t21', 'MOVBLZX\t(AX)(CX*1), SI', 'ADDQ\tSI, DX', 'INCQ\tCX', 'CMPQ\tBX, CX', 'JGT\t11', 'MOVQ\tDX, AX', 'RET'])
    expect(body('Named')).toEqual(['MOVQ\tAX, p.s+8(FP)', 'XORL\tAX, AX', 'XORL\tCX, CX', 'JMP\t17', 'ADDQ\tAX, CX', 'INCQ\tAX', 'CMPQ\tBX, AX', 'JGT\t11', 'MOVQ\tCX, AX', 'RET'])
  })
})
