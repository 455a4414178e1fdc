// The escape view's model over the real analysis of testdata/escape and the
// shipped examples: decisions, locations by function, verdicts in gc's words,
// parameter tags decoded, the "why" paths as the solver explained them
// (flow shortcuts included), root walks, and gc positions in the editor.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeResult } from '../../src-main/compiler/escape'
import type { EscapeGraphArtifact, EscapeLocation } from '../../src-main/protocol/model'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { batchLocations, decisionLines, flowText, gcLinesAt, tagWords, verdict, walkFrom, walkRoots, whyPaths } from '../../src-renderer/src/trace/escape'
import { offsetOfPosition, parsePos } from '../../src-renderer/src/trace/positions'

const testdata = (name: string) => readFileSync(join(projectRoot, 'testdata', 'escape', name), 'utf8')

async function graphOf(file: string, func: string): Promise<{ g: EscapeGraphArtifact; lines: string[] }> {
  const r = await escapeResult(`./${file}`, testdata(file), { level: 2, graphOf: func })
  return { g: r.graph!, lines: r.lines }
}

const loc = (g: EscapeGraphArtifact, name: string, fn?: string): EscapeLocation => {
  const l = g.locations.find((x) => x.name === name && (fn === undefined || x.fn === fn))
  if (!l) throw new Error(`no location ${name}`)
  return l
}
const flows = (g: EscapeGraphArtifact, l: EscapeLocation) => whyPaths(g, l).flatMap((p) => p.steps.map(flowText))

describe('escape view model', () => {
  it('keeps gc’s one-line decisions and drops the explanation blocks', async () => {
    const r = await escapeResult('./loops.go', testdata('loops.go'), { level: 2 })
    const m1 = testdata('loops.m1.golden').split('\n').filter((l) => l)
    expect(decisionLines(r.lines).sort()).toEqual(m1.sort())
  })

  it('explains a loop variable kept by an outer pointer: p ← &x, with gc’s notes, because p is outside the loop', async () => {
    const { g } = await graphOf('loops.go', 'outerKeepsInner')
    const x = loc(g, 'x')
    expect(verdict(x)).toBe('moved to heap')
    const [path, ...more] = whyPaths(g, x)
    expect(more).toEqual([])
    expect(path!.steps.map(flowText)).toEqual(['p ← &x'])
    expect(path!.steps[0]!.edge.notes.map((n) => `${n.where} (${n.why}) at ${n.pos}`)).toEqual(['&x (address-of) at ./loops.go:20:7', 'p = &x (assign) at ./loops.go:20:5'])
    expect(path!.reason).toMatch(/p \(loop depth 1\), declared outside the loop of x \(loop depth 2\)/)
  })

  it('a variable whose address goes straight to the heap is explained by the flow gc never added to the graph', async () => {
    // The fault this mends: "Nothing flows out of it" for a variable moved to the heap.
    const { g, lines } = await graphOf('addr.go', 'toGlobal')
    const x = loc(g, 'x')
    const [path] = whyPaths(g, x)
    expect(path!.kind).toBe('escapes')
    expect(path!.steps.map(flowText)).toEqual(['{heap} ← &x'])
    expect(path!.steps[0]!.edge.shortcut).toBe(true)
    expect(path!.steps[0]!.edge.notes.map((n) => n.why)).toEqual(['address-of', 'assign'])
    expect(gcLinesAt(lines, x)).toEqual([
      './addr.go:30:2: x escapes to heap in toGlobal:',
      './addr.go:30:2:   flow: {heap} ← &x:',
      './addr.go:30:2:     from &x (address-of) at ./addr.go:31:9',
      './addr.go:30:2:     from sink = &x (assign) at ./addr.go:31:7',
      './addr.go:30:2: moved to heap: x',
    ])
    const big = await graphOf('large.go', 'varOverLimit')
    expect(whyPaths(big.g, loc(big.g, 'a'))[0]!.steps[0]!.edge.notes.map((n) => n.why)).toEqual(['too large for stack'])
  })

  it('follows an escape to the location that made it escape, and on to the heap', async () => {
    const { g } = await graphOf('addr.go', 'twoLevels')
    const paths = whyPaths(g, loc(g, 'x'))
    expect(paths.map((p) => [p.loc.name, p.root.name, p.steps.map(flowText)])).toEqual([
      ['x', 'p', ['p ← &x']],
      ['p', '{heap}', ['{heap} ← &p']],
    ])
    expect(paths[0]!.reason).toBe('its address reaches p, which escapes')
  })

  it('explains a closure capture: a is captured by reference by a closure that is returned', async () => {
    const text = readFileSync(join(examplesDir, 'heapagg.go'), 'utf8')
    const g = (await escapeResult('heapagg.go', text, { level: 2, graphOf: 'closure' })).graph!
    const a = loc(g, 'a', 'closure')
    expect(flows(g, a)).toEqual(['func literal ← &a', '~r0 ← &func literal'])
    const [, second] = whyPaths(g, a)
    expect(second!.reason).toBe('its address reaches ~r0, a result of closure: results outlive the call')
    expect(whyPaths(g, a)[0]!.steps[0]!.edge.notes.map((n) => n.why)).toEqual(['captured by a closure', 'reference'])
  })

  it('lists a batch’s locations by function, closures in their own group', async () => {
    const { g } = await graphOf('closures.go', 'nestedClosures')
    expect(g.functions).toEqual(['nestedClosures', 'nestedClosures.func1', 'nestedClosures.func1.1'])
    const groups = batchLocations(g).map((x) => [x.fn, x.locations.map((l) => `${l.name}:${l.kind}`)])
    expect(groups).toEqual([
      ['nestedClosures', ['x:var', 'func literal:alloc']],
      ['nestedClosures.func1', ['func literal:alloc']],
      ['nestedClosures.func1.1', ['~r0:result']],
    ])
  })

  it('words a parameter’s verdict as gc’s -m lines do, for every parameter of params.go and calls.go', async () => {
    for (const file of ['params.go', 'calls.go']) {
      const r = await escapeResult(`./${file}`, testdata(file), { level: 1 })
      let checked = 0
      const funcs = [...testdata(file).matchAll(/^func (\w+)\(/gm)].map((m) => m[1]!)
      for (const func of funcs) {
        const { g } = await graphOf(file, func)
        for (const p of g.locations.filter((l) => l.kind === 'param' && l.fn === func)) {
          const said = r.lines.filter((l) => l.startsWith(`${p.pos}: `)).map((l) => l.slice(p.pos.length + 2).replace(`: ${p.name}`, '').replace(`${p.name} does not escape`, 'does not escape'))
          if (said.length === 0) continue // gc says nothing about parameters without pointers
          expect(verdict(p), `${file} ${func} ${p.name}`).toBe(said.join('; '))
          checked++
        }
      }
      expect(checked).toBeGreaterThan(10)
    }
  })

  it('decodes parameter tags in words: heap, content, result levels, mutator and callee', async () => {
    const words = async (file: string, func: string, param: string) => tagWords(loc((await graphOf(file, func)).g, param, func))
    expect(await words('params.go', 'leakContent', 'pp')).toEqual([expect.stringMatching(/^its content leaks to the heap: \*pp reaches it \(one dereference\)/)])
    expect(await words('params.go', 'toResult1', 'pp')).toEqual([expect.stringMatching(/^\*pp flows to result ~r0 \(level=1, one dereference\)/)])
    expect(await words('tags.go', 'mutates', 'p')).toEqual([expect.stringMatching(/^the function writes through p \(\*p = …\): mutator, derefs=0/)])
    expect(await words('tags.go', 'mutatesDeep', 'pp')).toEqual([expect.stringMatching(/writes through \*pp \(\*\*pp = …\): mutator, derefs=1/)])
    expect(await words('tags.go', 'calls', 'f')).toEqual([expect.stringMatching(/^the function calls f: callee, derefs=0/)])
  })

  it('explains the leaks of mutually recursive functions: a parameter reaching the other one’s result is a heap leak', async () => {
    const { g } = await graphOf('calls.go', 'ping')
    expect(g.recursive).toBe(true)
    expect(g.functions).toEqual(['ping', 'pong'])
    const paths = whyPaths(g, loc(g, 'p', 'ping'))
    expect(paths.map((p) => [p.kind, `${p.root.name}@${p.root.fn}`, p.steps.map(flowText)])).toEqual([
      ['leaks', '~r0@pong', ['~r0 ← p', '~r0 ← ~r0']],
      ['leaks', '~r0@ping', ['~r0 ← p']],
    ])
    expect(paths[0]!.reason).toMatch(/a result of pong: in a recursive batch that counts as a heap leak/)
    expect(verdict(loc(g, 'p', 'ping'))).toBe('leaking param')
    // gc tags no pointer-free parameter.
    expect(loc(g, 'n', 'ping').tag).toBeUndefined()
    expect(verdict(loc(g, 'n', 'ping'))).toBe('no pointers, no tag')
  })

  it('gives each root’s walk: every location it reached with the derefs distance the solver computed', async () => {
    const { g } = await graphOf('addr.go', 'deref2ToGlobal')
    expect(walkRoots(g)[0]!.name).toBe('{heap}')
    const fromHeap = walkFrom(g, 0)
    expect(fromHeap.get(loc(g, 'x').id)?.derefs).toBe(2)
    expect(fromHeap.get(0)).toEqual({ derefs: 0, edge: null })
    const two = await graphOf('addr.go', 'twoLevels')
    const p = loc(two.g, 'p')
    const fromP = walkFrom(two.g, p.id)
    expect(fromP.get(loc(two.g, 'x').id)?.derefs).toBe(-1)
  })

  it('maps gc byte columns to editor offsets', () => {
    const text = 'package p\n\nvar é, x = 1, 2\n'
    expect(offsetOfPosition(text, 3, 9)).toBe(text.indexOf('x'))
    expect(offsetOfPosition(text, 1, 1)).toBe(0)
    expect(offsetOfPosition(text, 99, 1)).toBe(text.length)
    expect(parsePos('./a.go:3:9')).toEqual({ line: 3, col: 9 })
  })
})
