// loop rotate: the block that jumps back to a loop header moves in front of
// it (inner loops first, loop bodies following), on a hand-written function
// and against the real gc on amd64 and ppc64 (our pass on gc's function
// after regalloc must give gc's block order after loop rotate).

import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import { loopRotate } from '../../../src-main/compiler/ssa/passes/looprotate'
import { requireGo, skipDifferential } from '../../go-toolchain'

const order = (text: string): string => {
  const f = funcFromDump(text, 'amd64')
  loopRotate(f)
  checkFunc(f)
  return f.blocks.map((b) => b.ref).join(' ')
}

describe('loop rotate', () => {
  it('puts the back edge block before the header, inner loops first', () => {
    // b2: outer header, b3: inner header, b4: inner body, b5: outer latch, b6: exit.
    const text = `N func(int)
  b1:
    (+1) v2 = ArgIntReg <int> {n+0} [0] : AX
    (?) v1 = InitMem <mem>
    Plain -> b2
  b2: <- b1 b5
    (2) v3 = TESTQ <flags> v2 v2
    GT v3 -> b3 b6 (likely)
  b3: <- b2 b4
    (3) v4 = TESTQ <flags> v2 v2
    LT v4 -> b4 b5 (likely)
  b4: <- b3
    Plain -> b3
  b5: <- b3
    Plain -> b2
  b6: <- b2
    (5) v5 = MakeResult <mem> v1 : <>
    Ret v5
`
    // Inner loop: b4 moves before b3. Outer loop: b5 moves before b2, taking b2 and the rotated inner loop along.
    expect(order(text)).toBe('b1 b5 b2 b4 b3 b6')
  })

  it('leaves functions without loops alone', () => {
    expect(order(`S func()\n  b1:\n    (?) v1 = InitMem <mem>\n    (?) v2 = MakeResult <mem> v1 : <>\n    Ret v2\n`)).toBe('b1')
  })
})

const SOURCE = `package p

//go:noinline
func g(int) {}

func Sum(s []int) (n int) {
	for _, x := range s {
		n += x
	}
	return
}

func Nested(a [][]int) (n int) {
	for i := range a {
		for j := 0; j < len(a[i]); j++ {
			n += a[i][j]
		}
	}
	return
}

func WithCall(n int) {
	for i := 0; i < n; i++ {
		g(i)
	}
}

func Labeled(n int) (c int) {
outer:
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			if j*i > 10 {
				continue outer
			}
			if j == 3 {
				break outer
			}
			c++
		}
	}
	return
}

func While(x int) int {
	for x > 1 {
		if x%2 == 0 {
			x /= 2
		} else {
			x = 3*x + 1
		}
	}
	return x
}
`

describe.skipIf(skipDifferential)('loop rotate against gc', () => {
  const dumps = new Map<string, GcSsaDumps>()
  beforeAll(async () => {
    requireGo()
    const dir = mkdtempSync(join(tmpdir(), 'ssascope-looprotate-'))
    const file = join(dir, 'p.go')
    writeFileSync(file, SOURCE)
    for (const arch of ['amd64', 'ppc64']) dumps.set(arch, await gcSsaDumps(file, 'all', ['regalloc', 'loop rotate'], { goarch: arch }))
  }, 120_000)

  for (const arch of ['amd64', 'ppc64']) {
    it(`${arch}: gives gc's block order`, () => {
      let rotated = 0
      for (const [fn, d] of dumps.get(arch)!) {
        const before = d.get('regalloc')!
        const want = d.get('loop rotate')!.blocks.map((b) => b.id).join(' ')
        const f = funcFromDump(before, arch)
        loopRotate(f)
        checkFunc(f)
        expect(f.blocks.map((b) => b.ref).join(' '), fn).toBe(want)
        if (before.blocks.map((b) => b.id).join(' ') !== want) rotated++
      }
      expect(rotated).toBeGreaterThanOrEqual(4)
    })
  }
})
