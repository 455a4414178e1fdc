// gc's ssagen pushes each expression's position while it builds it, except
// a name's (ONAME): reading a variable takes the position of the expression
// around it. A global passed as an argument on its own line is loaded at the
// call's line in gc's listing, and the loads' positions decide how the
// scheduler breaks ties between otherwise equal values.

import { describe, expect, it } from 'vitest'
import { ours } from '../../src-main/fuzz/ours'

const SRC = `package p

var g, h int

func Call(x int) int {
	return use(x,
		g,
		h)
}

//go:noinline
func use(a, b, c int) int { return a + b + c }

type I interface{ M() int }

var sinkI I

func CallGlobal() int { return sinkI.M() }
`

describe('a variable read', () => {
  it("is at its context's position, not the name's (go tool compile -l -S)", async () => {
    const us = await ours('./p.go', SRC)
    const listing = us.funcs.get('Call')!.arches.get('amd64')!.listing!
    const loads = listing.filter((l) => /^MOVQ\tp\.[gh]\(SB\)/.test(l.text))
    // gc: MOVQ p.h(SB), CX then MOVQ p.g(SB), BX, both on line 6 (the call's).
    expect(loads.map((l) => [l.text, l.line])).toEqual([
      ['MOVQ\tp.h(SB), CX', 6],
      ['MOVQ\tp.g(SB), BX', 6],
    ])
  })

  it('of an interface receiver is at the call: the data word loads after the method (gc -S)', async () => {
    const us = await ours('./p.go', SRC)
    const text = us.funcs.get('CallGlobal')!.arches.get('amd64')!.listing!.map((l) => l.text)
    const at = text.indexOf('MOVQ\tp.sinkI(SB), CX')
    expect(text.slice(at, at + 4)).toEqual(['MOVQ\tp.sinkI(SB), CX', 'MOVQ\t24(CX), CX', 'MOVQ\tp.sinkI+8(SB), AX', 'CALL\tCX'])
  })
})
