// trim: plain jump blocks go, their values moving into the successor when
// it has no other predecessor, their phis merging into the successor's
// phis when they hold nothing else; hand-written functions, and the real gc
// on amd64 and ppc64 (our pass on gc's function after loop rotate must give
// gc's function after trim; statement marks are left out of the comparison
// because gc's dumps do not show block positions, which trim moves onto
// values).

import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { trim } from '../../../src-main/compiler/ssa/passes/trim'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { requireGo, skipDifferential } from '../../go-toolchain'

const text = (f: Func, stmts = true): string => {
  f.scheduled = true
  const t = printFunc(new Snapshotter().take(f).snapshot)
  return stmts ? t : t.replace(/^ {4}\([-+]?(\d+|\?)\)/gm, '($1)')
}

function trimmed(dump: string): Func {
  const f = funcFromDump(dump, 'amd64')
  trim(f)
  checkFunc(f)
  return f
}

describe('trim', () => {
  it('moves the values of a block into its only-predecessor successor', () => {
    const f = trimmed(`T func(int) int
  b1:
    (+1) v2 = ArgIntReg <int> {a+0} [0] : AX
    (?) v1 = InitMem <mem>
    (2) v3 = TESTQ <flags> v2 v2
    GT v3 -> b2 b3
  b2: <- b1
    (3) v4 = ADDQconst <int> [1] v2 : AX
    Plain -> b4
  b3: <- b1
    Plain -> b5
  b4: <- b2
    (4) v5 = SHLQconst <int> [1] v4 : AX
    Plain -> b5
  b5: <- b4 b3
    (5) v6 = Phi <int> v5 v2 : AX
    (5) v7 = MakeResult <int,mem> v6 v1 : <>
    Ret v7
`)
    // b2 merges into b4; b3 (empty) is bypassed, b1 jumping straight to b5.
    expect(f.blocks.map((b) => b.ref)).toEqual(['b1', 'b4', 'b5'])
    const b4 = f.blocks[1]!
    expect(b4.values.map((v) => v.ref)).toEqual(['v4', 'v5'])
    expect(b4.preds.map((b) => b.ref)).toEqual(['b1'])
    expect(f.blocks[0]!.succs.map((b) => b.ref)).toEqual(['b4', 'b5'])
    expect(f.blocks[2]!.preds.map((b) => b.ref)).toEqual(['b4', 'b1'])
  })

  it('merges the phis of an empty block into its successor', () => {
    const f = trimmed(`P func(int, int, bool) int
  b1:
    (+1) v2 = ArgIntReg <int> {a+0} [0] : AX
    (+1) v3 = ArgIntReg <int> {b+0} [1] : BX
    (+1) v4 = ArgIntReg <bool> {c+0} [2] : CX
    (?) v1 = InitMem <mem>
    (2) v5 = TESTB <flags> v4 v4
    NE v5 -> b2 b3
  b2: <- b1
    (2) v9 = TESTQ <flags> v2 v2
    GT v9 -> b4 b6
  b3: <- b1
    Plain -> b6
  b4: <- b2
    Plain -> b5
  b6: <- b2 b3
    (3) v6 = Phi <int> v2 v3 : AX
    Plain -> b5
  b5: <- b4 b6
    (4) v7 = Phi <int> v3 v6 : AX
    (5) v8 = MakeResult <int,mem> v7 v1 : <>
    Ret v8
`)
    // b3 and b4 are bypassed; then b6 holds only a phi: its edges go straight to b5, whose phi
    // takes b6's phi's inputs, and b6's phi, no longer used, goes.
    expect(f.blocks.map((b) => b.ref)).toEqual(['b1', 'b2', 'b5'])
    const b5 = f.blocks[2]!
    expect(b5.preds.map((b) => b.ref)).toEqual(['b2', 'b2', 'b1'])
    expect(f.blocks[1]!.succs.map((b) => b.ref)).toEqual(['b5', 'b5'])
    expect(b5.values.map((v) => v.ref)).toEqual(['v7', 'v8'])
    expect(b5.values[0]!.args.map((a) => a.ref)).toEqual(['v3', 'v2', 'v3'])
  })

  it('keeps the entry block and self loops', () => {
    const dump = `L func()
  b1:
    (?) v1 = InitMem <mem>
    Plain -> b2
  b2: <- b1 b2
    Plain -> b2
`
    expect(trimmed(dump).blocks.map((b) => b.ref)).toEqual(['b1', 'b2'])
  })
})

const SOURCE = `package p

//go:noinline
func g(int) int { return 0 }

func Abs(x int) int {
	if x < 0 {
		x = -x
	}
	return x
}

func Cond(a, b int, c bool) int {
	r := a
	if c {
		r = b
	} else if a > b {
		r = g(a)
	}
	return r + 1
}

func Loop(s []int) (n int) {
	for i, x := range s {
		if x > i {
			n += x
		} else {
			n -= g(i)
		}
	}
	return
}

func Div(a, b int64, c, d uint32) (int64, int64, uint32, uint32) { return a / b, a % b, c / d, c % d }

type I interface{ M(int) int }

func Iface(i I, n int) int {
	s := 0
	for j := 0; j < n; j++ {
		s += i.M(j)
		if s > 100 {
			break
		}
	}
	return s
}

func Maps(m map[string]int, k string) int {
	m[k]++
	v, ok := m[k+"x"]
	if !ok {
		delete(m, k)
	}
	return v + len(m)
}

func Sw(x int) int {
	switch x {
	case 1, 2:
		return g(x)
	case 3:
		return 7
	}
	return x
}
`

describe.skipIf(skipDifferential)('trim against gc', () => {
  const dumps = new Map<string, GcSsaDumps>()
  beforeAll(async () => {
    requireGo()
    const dir = mkdtempSync(join(tmpdir(), 'ssascope-trim-'))
    const file = join(dir, 'p.go')
    writeFileSync(file, SOURCE)
    for (const arch of ['amd64', 'ppc64']) dumps.set(arch, await gcSsaDumps(file, 'all', ['loop rotate', 'trim'], { goarch: arch }))
  }, 120_000)

  for (const arch of ['amd64', 'ppc64']) {
    it(`${arch}: gives gc's function`, () => {
      let trimmedAny = 0
      for (const [fn, d] of dumps.get(arch)!) {
        const f = funcFromDump(d.get('loop rotate')!, arch)
        trim(f)
        checkFunc(f)
        const want = funcFromDump(d.get('trim')!, arch)
        expect(text(f, false), fn).toBe(text(want, false))
        if (d.get('loop rotate')!.blocks.length !== want.blocks.length) trimmedAny++
      }
      expect(trimmedAny).toBeGreaterThanOrEqual(3)
    })
  }
})
