// s == nil is gc's EqSlice of s and the nil slice (ssaOp OEQ/TSLICE),
// which opt turns into a pointer comparison and late opt into IsNonNil —
// after nilcheckelim. Building IsNonNil(SlicePtr s) from the start is wrong
// code: nilcheckelim takes every SlicePtr as non-nil (gc's assumption,
// #30366: bounds checks guard the loads through it) and folds the test to
// a constant, so `s == nil` was always false.

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { ours } from '../../src-main/fuzz/ours'

const SRC = `package p

func Ptrs(p *int, s []int) (bool, bool) {
	var a, b int
	return &a == &b, s == nil
}

func NotNil(s []byte) bool { return nil != s }

func Both(s []int) int {
	if s != nil {
		return len(s)
	}
	return -1
}
`

describe('comparing a slice with nil', () => {
  it('builds EqSlice / NeqSlice, and no pass folds it to a constant', async () => {
    const prog = await ssaProgram('p.go', SRC)
    const ops = (name: string, until: string): string[] => prog.compileFunc(name, 'amd64', { until }).func.blocks.flatMap((b) => b.values.map((v) => v.op))
    expect(ops('Ptrs', 'start')).toContain('EqSlice')
    expect(ops('NotNil', 'start')).toContain('NeqSlice')
    for (const f of ['Ptrs', 'NotNil', 'Both']) expect(ops(f, 'late opt'), f).toContain('IsNonNil')
  })

  it("gives gc's listing (go tool compile -l -S): the pointer tested", async () => {
    const us = await ours('./p.go', SRC)
    const body = (func: string): string[] => us.funcs.get(func)!.arches.get('amd64')!.listing!.map((l) => l.text).filter((t) => !/^(TEXT|FUNCDATA|PCDATA)\t/.test(t))
    expect(body('Ptrs')).toEqual(['MOVQ\tBX, p.s+16(FP)', 'TESTQ\tBX, BX', 'SETEQ\tBL', 'XORL\tAX, AX', 'RET'])
    expect(body('NotNil')).toEqual(['MOVQ\tAX, p.s+8(FP)', 'TESTQ\tAX, AX', 'SETNE\tAL', 'RET'])
    expect(body('Both').slice(0, 3)).toEqual(['MOVQ\tAX, p.s+8(FP)', 'TESTQ\tAX, AX', 'JEQ\t14'])
  })
})
