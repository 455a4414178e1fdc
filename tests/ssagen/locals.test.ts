// gc's fn.Dcl as construction records it: params, results, locals in
// declaration order with their positions, then compiler temporaries.

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'

const SRC = `package p

type Big struct{ a [8]int }

func Two(c bool, i int) int {
	if c {
		var t1 Big
		t1.a[i&7] = 1
		return t1.a[2]
	}
	var t2 Big
	p := &t2
	p.a[i&7] = 2
	return t2.a[3]
}

func Lit(n int) int {
	s := []int{n, n, n, n}
	return s[n]
}
`

async function locals(fn: string): Promise<string[]> {
  const prog = await ssaProgram('p.go', SRC)
  const { func } = prog.compileFunc(fn, 'amd64', { until: 'start' })
  return func.locals.map((l) => `${l.class} ${l.name} ${l.type.str} ${l.file}:${l.line}:${l.col}${l.addrTaken ? ' addrtaken' : ''}${l.temp ? ' temp' : ''}`)
}

describe('function locals (gc Dcl)', () => {
  it('lists params, results and locals with declaration positions; &x marks address-taken', async () => {
    expect(await locals('Two')).toEqual([
      'param c bool p.go:5:10',
      'param i int p.go:5:18',
      'result ~r0 int p.go:5:25',
      'auto t1 Big p.go:7:7',
      'auto t2 Big p.go:11:6 addrtaken',
      'auto p *Big p.go:12:2',
    ])
  })

  it('appends compiler temporaries', async () => {
    const l = await locals('Lit')
    // A slice literal's backing array is initStackTemp'd: walk takes its address, so it is never a merge candidate.
    // Temporaries are numbered by len(fn.Dcl) when made, as gc does (gc says .autotmp_4: a walk temporary we do not model comes first).
    expect(l).toEqual(['param n int p.go:17:10', 'result ~r0 int p.go:17:17', 'auto s []int p.go:18:2', 'auto .autotmp_3 [4]int p.go:18:7 addrtaken temp'])
  })
})
