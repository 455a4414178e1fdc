// Differential test of the passes between late lower and regalloc, on amd64
// and ppc64: each of our passes runs on gc's own function before that pass
// (its dump read back) and must give gc's function after it. The scheduler
// breaks ties by source column, which gc's dumps do not print; so schedule
// is checked twice: exactly, with gc's order among values of one line
// standing in for the columns, and as the same values in the same blocks.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import type { DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { BACKEND_PASSES } from '../../../src-main/compiler/ssa/passes/backend'
import { requireGo, skipDifferential } from '../../go-toolchain'
import { canonical, dumpOf, entryFirst } from './lowered-canon'

const PASSES = ['pair', 'lowered deadcode for cse', 'lowered cse', 'elim unread autos', 'tighten tuple selectors', 'lowered deadcode', 'checkLower', 'late phielim and copyelim', 'tighten', 'late deadcode', 'critical', 'phi tighten', 'likelyadjust', 'layout', 'schedule', 'late nilcheck', 'flagalloc']
const ORDER = ['late lower', ...PASSES]
const SCHEDULED = new Set(['schedule', 'late nilcheck', 'flagalloc'])

const SOURCE = `package p

type S struct {
	a, b int
	p    *int
	arr  [8]int
}

//go:noinline
func g() {}

func divmod(x, y int) (int, int) {
	q := x / y
	if q > 10 {
		return q, x % y
	}
	return 0, x % y
}

func flagsAcrossLoop(a, b int, s []int) int {
	c := a < b
	n := 0
	for i := range s {
		n += s[i]
	}
	if c {
		n++
	}
	if a < b {
		n += 2
	}
	return n
}

func cmpMem(p *S, q *int) int {
	if p.a == 7 {
		return 1
	}
	if *q < p.b {
		return 2
	}
	if p.arr[3] != 0 {
		return 3
	}
	return 4
}

func cmpMemAcrossCall(p *int, x int) int {
	c := *p < x
	g()
	if c {
		return 1
	}
	return 0
}

func nils(p *S) int {
	return p.a + p.b + *p.p
}

func nilsLoop(ps []*S) int {
	t := 0
	for _, p := range ps {
		t += p.a + p.arr[2]
	}
	return t
}

func phis(c bool, n int) int {
	x := 5
	if c {
		x = 77
	}
	for i := 0; i < n; i++ {
		x += i * 3
	}
	return x
}

func nested(m [][]int) int {
	s := 0
	for i := 0; i < len(m); i++ {
		for j := 0; j < len(m[i]); j++ {
			if m[i][j] < 0 {
				continue
			}
			s += m[i][j]
		}
	}
	return s
}

func panicky(a []int, i int) int {
	if i > 100 {
		panic("big")
	}
	return a[i] + a[i+1]
}

func shifts(x uint64, s uint) uint64 {
	return x<<s | x>>(64-s)
}

func floats(a, b float64) float64 {
	if a < b && b < 10 {
		return a
	}
	return b
}

func carry(a, b uint64) uint64 {
	s := a + b
	if s < a {
		return 1
	}
	return s
}

func closure(n int) func() int {
	return func() int { n++; return n }
}

func local(x int) S {
	var s S
	s.a = x
	s.arr[x&7] = x
	return s
}

func switchy(x int) int {
	switch x {
	case 1, 2, 3:
		return 10
	case 4, 5, 6, 7:
		return 20
	case 8, 9, 10, 11, 12:
		return 30
	}
	return 0
}
`

const passRun = (name: string): ((f: Func) => void) => {
  const p = BACKEND_PASSES.find((x) => x.name === name)
  if (!p?.run) throw new Error(`pass ${name} is not modelled`)
  return (f) => p.run!(f, { arch: f.arch, rules: [] })
}

/** gc's order among the values of one line in a block, as columns (gc's dumps print none). */
function columnOracle(f: Func, after: DumpFunc): void {
  const rank = new Map<string, number>()
  for (const b of after.blocks) {
    const perLine = new Map<number | null, number>()
    for (const v of b.values) {
      const k = (perLine.get(v.line) ?? 0) + 1
      perLine.set(v.line, k)
      rank.set(v.id, k)
    }
  }
  for (const b of f.blocks) for (const v of b.values) v.pos = { ...v.pos, col: rank.get(v.ref) ?? 0 }
}

interface Outcome {
  exact: string[]
  differ: string[]
}

function runPass(dumps: GcSsaDumps, arch: string, name: string, oracle = false): Outcome {
  const prev = ORDER[ORDER.indexOf(name) - 1]!
  const out: Outcome = { exact: [], differ: [] }
  for (const [fn, m] of dumps) {
    const before = m.get(prev)
    const after = m.get(name)
    if (!before || !after) continue
    const f = funcFromDump(entryFirst(before), arch)
    if (SCHEDULED.has(prev)) f.scheduled = true
    if (oracle) columnOracle(f, after)
    try {
      passRun(name)(f)
      checkFunc(f)
    } catch (e) {
      out.differ.push(`${fn}: ${(e as Error).message}`)
      continue
    }
    const sched = SCHEDULED.has(name)
    const same = canonical(dumpOf(f), entryFirst(before), sched) === canonical(entryFirst(after), entryFirst(before), sched)
    ;(same ? out.exact : out.differ).push(fn)
  }
  return out
}

/** The same values in each block, in any order. */
function sameBlocks(dumps: GcSsaDumps, arch: string, name: string): string[] {
  const bad: string[] = []
  for (const [fn, m] of dumps) {
    const before = m.get(ORDER[ORDER.indexOf(name) - 1]!)
    const after = m.get(name)
    if (!before || !after) continue
    const f = funcFromDump(before, arch)
    passRun(name)(f)
    const key = (d: DumpFunc) => d.blocks.map((b) => `${b.id}:${b.values.map((v) => v.id).sort()}`).join(' ')
    if (key(dumpOf(f)) !== key(after)) bad.push(fn)
  }
  return bad
}

describe.skipIf(skipDifferential)('differential against gc: lowered passes from pair to flagalloc', () => {
  const dumps = new Map<string, GcSsaDumps>()
  let dir = ''
  beforeAll(async () => {
    requireGo()
    dir = await mkdtemp(join(tmpdir(), 'ssascope-lowered-'))
    const file = join(dir, 'lowered.go')
    await writeFile(file, SOURCE)
    for (const arch of ['amd64', 'ppc64']) dumps.set(arch, await gcSsaDumps(file, 'all', ORDER, { goarch: arch }))
  }, 120_000)
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  for (const arch of ['amd64', 'ppc64']) {
    it.each(PASSES.filter((p) => p !== 'schedule'))(`${arch} %s gives gc's function`, (name) => {
      const d = dumps.get(arch)!
      expect(d.size).toBeGreaterThan(15)
      const r = runPass(d, arch, name)
      expect(r.differ).toEqual([])
      expect(r.exact.length).toBe(d.size)
    })

    it(`${arch} schedule gives gc's value order, given gc's same-line order for the missing columns`, () => {
      const d = dumps.get(arch)!
      const r = runPass(d, arch, 'schedule', true)
      expect(r.differ).toEqual([])
      expect(r.exact.length).toBe(d.size)
      expect(sameBlocks(d, arch, 'schedule')).toEqual([])
    })
  }

  it('the passes do change these functions (the test is not vacuous)', () => {
    const d = dumps.get('amd64')!
    const changed = (a: string, b: string) => [...d.values()].filter((m) => JSON.stringify(m.get(a)) !== JSON.stringify(m.get(b))).length
    expect(changed('late phielim and copyelim', 'tighten')).toBeGreaterThan(0)
    expect(changed('late deadcode', 'critical')).toBeGreaterThan(0)
    expect(changed('phi tighten', 'likelyadjust')).toBeGreaterThan(0)
    expect(changed('likelyadjust', 'layout')).toBeGreaterThan(0)
    expect(changed('schedule', 'late nilcheck')).toBeGreaterThan(0)
    expect(changed('late nilcheck', 'flagalloc')).toBeGreaterThan(0)
    expect(changed('elim unread autos', 'tighten tuple selectors')).toBeGreaterThan(0)
  })
})
