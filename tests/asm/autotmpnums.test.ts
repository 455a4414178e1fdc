// End to end: small programs through our whole pipeline against
// `go tool compile -l -S` on amd64 and ppc64, each function ending in a
// temporary or spill slot whose number `.autotmp_N` (the length of gc's
// fn.Dcl when it was made) shows whether one rule of gc's numbering holds:
//   - decompose's SplitSlot declares every part of a split local (m.ptr,
//     m.len, m.cap) as a new variable before regalloc's spill slots;
//   - order copies a slice expression's bounds that are not cheap, and the
//     slice itself unless it is assigned straight to a variable;
//   - order's && and || each take a bool temporary;
//   - walk's safeExpr copies: the left side of an assignment (walkAssign),
//     make's len and cap, append's slice (walkAppend), then walkMakeSlice's
//     result temporary and appendSlice's four (or three with pointers);
//   - a map or slice literal stored into a map is built into order's copy;
//   - `.stmp_N` counts per package in walk order, order's before walk's in
//     a function; a result's values are never named (no spill into its slot).

import { describe, expect, it } from 'vitest'
import { gcFacts, verdict } from '../../src-main/fuzz/compare'
import { gcBatch, type FuzzArch } from '../../src-main/fuzz/gcrun'
import { ours, type OurResult } from '../../src-main/fuzz/ours'
import { funcNames } from '../../src-main/fuzz/run'
import { requireGo, skipDifferential } from '../go-toolchain'

async function both(name: string, text: string): Promise<{ us: OurResult; different: string[] }> {
  requireGo()
  const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!
  const us = await ours(`./${name}`, text)
  const v = verdict(gcFacts(gc), us)
  expect(v.failures.filter((x) => x.category !== 'listing')).toEqual([])
  expect(v.pairs.filter((p) => p.listed).length).toBeGreaterThan(0)
  return { us, different: v.pairs.filter((p) => p.listed && !p.sameListing).map((p) => `${p.arch} ${p.func}`) }
}

function temps(us: OurResult, func: string, arch: FuzzArch): string[] {
  const listing = us.funcs.get(func)?.arches.get(arch)?.listing
  if (!listing) throw new Error(`no listing for ${func} on ${arch}`)
  return [...new Set(listing.flatMap((l) => [...l.text.matchAll(/p\.\.autotmp_(\d+)/g)].map((m) => m[1]!)))]
}

describe.skipIf(skipDifferential)('autotmp numbers as gc gives them, against go tool compile -l -S', () => {
  it("counts the parts of split locals before regalloc's spill slots", async () => {
    const src = `package p

func g() []int
func h()
func k(int) int

// n, ~r0, m; walk's copies of k(n*5) and n*5 and the slice; m.ptr, m.len, m.cap: the spill is Dcl 9.
func sliced(n int) []int {
	m := g()
	h()
	return m[n*5 : k(n*5)]
}
`
    const { us, different } = await both('splitslots.go', src)
    expect(different).toEqual([])
    expect(temps(us, 'sliced', 'amd64')).toEqual(['9'])
  }, 300_000)

  it("counts order's copies of a slice expression's bounds and of the slice", async () => {
    const src = `package p

func g() []int
func h()
func k(int) int
func use([]int, []int)

// s i j ~r0 t x; s[i+1:]'s bound copied, t[j:] kept (assigned to a name), s[:] copied
// (not walk's argument temporary), k(i*7) reuses the int: t.ptr, t.len, t.cap, then the spill is Dcl 11.
func args(s []int, i, j int) int {
	t := s[i+1:]
	t = t[j:]
	use(t, s[:])
	x := i * 7
	h()
	return x + j*9 + k(i*7)
}

type T struct{ s []int }

// p q n ~r0 x; p.s = p.s[:2] stays in place (SameSafeExpr), q[0] = p.s[2:] is copied, then k's int: the spill is Dcl 7.
func fields(p *T, q [][]int, n int) int {
	p.s = p.s[:2]
	q[0] = p.s[2:]
	x := n * 7
	h()
	return x + k(n*7)
}
`
    const { us, different } = await both('slices.go', src)
    expect(different).toEqual([])
    expect(temps(us, 'args', 'amd64')).toEqual(['11'])
    expect(temps(us, 'fields', 'amd64')).toEqual(['7'])
  }, 300_000)

  it("counts order's && temporaries and walk's safeExpr, make and append temporaries", async () => {
    const src = `package p

func h()
func k(int) int

// walkAssign's safeExpr of the left side: a[i+1]'s index, p.q's pointer.
type Q struct{ f int }
type P struct{ q *Q }

func lhs(a []int, p *P, i int) int {
	a[i+1] = 3
	p.q.f = i
	x := i * 7
	h()
	return x + k(i*7)
}

// order's bool temporary for && (pooled: the second reuses it).
func andand(a, b int) int {
	if a > 1 && b > 2 {
		h()
	}
	if a > 3 || b > 4 {
		h()
	}
	x := a * 7
	h()
	return x + k(a*7)
}

// walkMakeSlice's slice temporary and its len copy; then copy's four.
func makes(s []int, n int) []int {
	m := make([]int, n+1)
	copy(m, s)
	x := n * 7
	h()
	return m[:x+k(n*7)]
}

// appendSlice's memmove branch: s, newLen, the width and &s[len]; walkAppend's safeExpr of []int(nil).
func appends(s, t []int, n int) int {
	u := append(s, t...)
	v := append([]int(nil), n)
	x := n * 7
	h()
	return x + k(n*7) + len(u) + len(v)
}

// m[1] = map literal: order's safeMapRHS copy, which the literal is built into.
func nested() int {
	m := map[int]map[int]int{1: {2: 3}}
	return len(m[1])
}
`
    const { us, different } = await both('walktemps.go', src)
    // andand and appends differ from gc elsewhere (a jump target, a line): their temporaries' numbers are gc's.
    expect(different.filter((d) => !/ (andand|appends)$/.test(d))).toEqual([])
    // lhs: a p i ~r0 x; a[i+1]'s index (p.q.f is safe), k's int: the spill is Dcl 7.
    expect(temps(us, 'lhs', 'amd64')).toEqual(['7'])
    // andand: a b ~r0 x; one bool for both (pooled), k's int: the spill is Dcl 6.
    expect(temps(us, 'andand', 'amd64')).toEqual(['6'])
    // The numbers gc gives (go tool compile -S) to spill slots and stack buffers after all of them.
    expect(temps(us, 'makes', 'amd64')).toEqual(['11', '12'])
    expect(temps(us, 'appends', 'amd64')).toEqual(['20'])
    expect(temps(us, 'nested', 'amd64')).toEqual(['5', '6', '16'])
  }, 300_000)

  it('numbers read-only statics per package, order before walk, and names no result', async () => {
    const src = `package p

type T struct {
	a   int
	arr [8]int
}

// walkCompLit: an all-constant literal used as a value is read-only data.
func first(i int) int {
	return T{}.arr[i]
}

// Built in place: no static data below 5 elements; the indexed one is.
func second(i int) int {
	x := [8]int{1, 2}
	y := [8]int{3, 4}[i]
	return x[i] + y
}

// Past 4 elements, a template (walk), after order's static for the constant converted to an interface.
func third(i int) (int, any) {
	x := [8]int{1, 2, 3, 4, i}
	return x[i&7], 1000
}

// n is a result: gc names none of its values, so its spill goes to a fresh slot.
func keys(m map[*int]int) (n int) {
	for k := range m {
		n += *k
	}
	return
}
`
    const { us, different } = await both('statics.go', src)
    expect(different).toEqual([])
    const stmps = (f: string): string[] => [...new Set((us.funcs.get(f)?.arches.get('amd64')?.listing ?? []).flatMap((l) => [...l.text.matchAll(/\.stmp_(\d+)/g)].map((m) => m[1]!)))]
    expect(stmps('first')).toEqual(['0'])
    expect(stmps('second')).toEqual(['1'])
    // The template (walk) is .stmp_3 though its literal comes first: order made .stmp_2 for the 1000.
    expect(stmps('third').sort()).toEqual(['2', '3'])
    expect(temps(us, 'keys', 'amd64')).toEqual(['4', '5'])
  }, 300_000)
})
