// The solver on hand-built graphs that mirror functions of testdata/escape,
// checked against the lines gc 1.26 printed for them (the .m2.golden files).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { explanationLines } from '../../src-main/compiler/escape/explain'
import { Attr, EscapeGraph, type FuncScope } from '../../src-main/compiler/escape/graph'
import { Leaks } from '../../src-main/compiler/escape/leaks'
import { outlives, solve } from '../../src-main/compiler/escape/solve'
import { projectRoot } from '../../src-main/service/paths'

const golden = (name: string) => readFileSync(join(projectRoot, 'testdata', 'escape', `${name}.m2.golden`), 'utf8').split('\n')
const fn = (name: string, outer: FuncScope | null = null): FuncScope => ({ name, outer, resultsLost: false })
const note = (where: string, why: string, pos: string) => ({ where, why, pos })
const lines = (g: EscapeGraph) => g.explanations.flatMap(explanationLines)

describe('escape solver', () => {
  it('explains &x flowing to the heap while the graph is built (flow shortcut)', () => {
    // addr.go toGlobal: sink = &x
    const g = new EscapeGraph()
    const f = fn('toGlobal')
    const x = g.newLocation('var', 'x', './addr.go:30:2', f, 1)
    g.flow(g.heap, x, -1, [note('&x', 'address-of', './addr.go:31:9'), note('sink = &x', 'assign', './addr.go:31:7')])
    solve(g)
    expect(x.has(Attr.Escapes)).toBe(true)
    const want = golden('addr').filter((l) => l.startsWith('./addr.go:30:2:') && !l.includes('moved to heap'))
    expect(lines(g)).toEqual(want)
  })

  it('lets a loop variable escape to an outer variable (loop depth)', () => {
    // loops.go outerKeepsInner: var p *int (depth 1); for { x := i (depth 2); p = &x }
    const g = new EscapeGraph()
    const f = fn('outerKeepsInner')
    const p = g.newLocation('var', 'p', './loops.go:16:6', f, 1)
    const x = g.newLocation('var', 'x', './loops.go:19:3', f, 2)
    g.flow(p, x, -1, [note('&x', 'address-of', './loops.go:20:7'), note('p = &x', 'assign', './loops.go:20:5')])
    solve(g)
    expect(x.has(Attr.Escapes)).toBe(true)
    expect(p.has(Attr.Escapes)).toBe(false)
    expect(lines(g)).toEqual(golden('loops').slice(0, 4))
  })

  it('keeps &x on the stack when the holder does not outlive it', () => {
    const g = new EscapeGraph()
    const f = fn('local')
    const p = g.newLocation('var', 'p', './a.go:1:1', f, 1)
    const x = g.newLocation('var', 'x', './a.go:2:1', f, 1)
    g.flow(p, x, -1)
    solve(g)
    expect(x.has(Attr.Escapes)).toBe(false)
    expect(g.explanations).toEqual([])
  })

  it('computes parameter leaks to the heap and to results with derefs, and explains them', () => {
    const g = new EscapeGraph()
    const heapF = fn('leakHeap')
    const p = g.newLocation('param', 'p', './params.go:23:15', heapF, 1)
    g.flow(g.heap, p, 0, [note('sink = p', 'assign', './params.go:24:7')])
    const contentF = fn('leakContent')
    const pp = g.newLocation('param', 'pp', './params.go:28:18', contentF, 1)
    g.flow(g.heap, pp, 1, [note('*pp', 'indirection', './params.go:29:9'), note('sink = *pp', 'assign', './params.go:29:7')])
    const r2 = fn('toResult2')
    const ppp = g.newLocation('param', 'ppp', './params.go:43:16', r2, 1)
    const res = g.newLocation('result', '~r0', './params.go:43:29', r2, 0, 1)
    g.flow(res, ppp, 2, [
      note('*ppp', 'indirection', './params.go:44:10'),
      note('*(*ppp)', 'indirection', './params.go:44:9'),
      note('return *(*ppp)', 'return', './params.go:44:2'),
    ])
    solve(g)
    expect([p.leaks.heap(), pp.leaks.heap(), ppp.leaks.heap(), ppp.leaks.result(0)]).toEqual([0, 1, -1, 2])
    const want = golden('params').filter((l) => /params\.go:(23|28|43):/.test(l) && !/leaking param/.test(l))
    // gc walks the heap first, then the other roots: same order as the golden here.
    expect(lines(g)).toEqual(want)
  })

  it('re-walks roots whose attributes change, escaping ones first', () => {
    // a = &b; heap = a (content): b escapes only once a is known to escape.
    const g = new EscapeGraph()
    const f = fn('chain')
    const a = g.newLocation('var', 'a', './c.go:1:1', f, 1)
    const b = g.newLocation('var', 'b', './c.go:2:1', f, 1)
    const c = g.newLocation('var', 'c', './c.go:3:1', f, 1)
    g.flow(a, b, -1)
    g.flow(b, c, -1)
    g.flow(g.heap, a, -1)
    solve(g)
    expect([a, b, c].map((l) => l.has(Attr.Escapes))).toEqual([true, true, true])
  })

  it('clamps derefs through address flows: &*p is p', () => {
    // q = &x; h = *q  → x's address does not reach h (derefs -1 + 1 = 0 → value of x)
    const g = new EscapeGraph()
    const f = fn('f')
    const q = g.newLocation('var', 'q', './d.go:1:1', f, 1)
    const x = g.newLocation('var', 'x', './d.go:2:1', f, 1)
    g.flow(q, x, -1)
    g.flow(g.heap, q, 1)
    solve(g)
    expect(x.has(Attr.Escapes)).toBe(false)
    expect(q.has(Attr.Escapes)).toBe(false)
  })

  it('truncates explanations around assignment cycles', () => {
    const g = new EscapeGraph()
    const f = fn('cyc')
    const a = g.newLocation('var', 'a', './e.go:1:1', f, 1)
    const b = g.newLocation('var', 'b', './e.go:2:1', f, 1)
    const x = g.newLocation('var', 'x', './e.go:3:1', f, 2)
    g.flow(a, b, 0)
    g.flow(b, a, 0)
    g.flow(b, x, -1)
    solve(g)
    expect(x.has(Attr.Escapes)).toBe(true)
    expect(lines(g)[0]).toBe('./e.go:3:1: x escapes to heap in cyc:')
  })

  it('records the why-path of every root for the UI', () => {
    const g = new EscapeGraph()
    const f = fn('w')
    const p = g.newLocation('var', 'p', './w.go:1:1', f, 1)
    const x = g.newLocation('var', 'x', './w.go:2:1', f, 2)
    g.flow(p, x, -1)
    const walks = solve(g, { recordWalks: true })
    const fromP = walks.get(p)!
    expect(fromP.reached.map((r) => [r.loc.display, r.derefs, r.parent?.display ?? null])).toEqual([
      ['p', 0, null],
      ['x', -1, 'p'],
    ])
  })

  it('decides outlives like gc: results, closures, loop depth', () => {
    const g = new EscapeGraph()
    const outer = fn('F')
    const clo = fn('F.func1', outer)
    const res = g.newLocation('result', '~r0', '', clo, 0, 1)
    const inOuter = g.newLocation('var', 'v', '', outer, 1)
    const inClo = g.newLocation('var', 'w', '', clo, 1)
    const outerVar = g.newLocation('var', 'o', '', outer, 1)
    // A closure's result returns into its enclosing function's frame while its results are not lost.
    expect(outlives(g, res, inOuter)).toBe(false)
    clo.resultsLost = true
    expect(outlives(g, res, inOuter)).toBe(true)
    // An enclosing function's variable outlives the closure's.
    expect(outlives(g, outerVar, inClo)).toBe(true)
    expect(outlives(g, inClo, outerVar)).toBe(false)
    expect(outlives(g, g.mutator, inOuter)).toBe(false)
    expect(outlives(g, g.heap, inOuter)).toBe(true)
  })
})

describe('leak tags', () => {
  it('encodes like gc: empty for a heap leak at derefs 0, else esc: bytes', () => {
    const l = new Leaks()
    l.addResult(0, 1)
    expect(l.encode()).toBe('esc:\x00\x00\x00\x02')
    l.addHeap(0)
    expect(l.encode()).toBe('')
    const m = new Leaks()
    m.addHeap(2)
    m.addResult(1, 1)
    m.addMutator(3)
    m.optimize() // the mutator flow (3 ≥ 2) is implied by the heap flow
    expect([m.heap(), m.mutator(), m.result(1)]).toEqual([2, -1, 1])
    expect(Leaks.decode(m.encode()).result(1)).toBe(1)
    expect(Leaks.decode('').heap()).toBe(0)
  })

  it('keeps the minimum derefs and saturates at 254', () => {
    const l = new Leaks()
    l.addHeap(5)
    l.addHeap(3)
    l.addHeap(4)
    expect(l.heap()).toBe(3)
    const big = new Leaks()
    big.addCallee(1000)
    expect(big.callee()).toBe(254)
  })
})
