// The escape pane's model: decisions, a function's locations, the "why" path
// read from the solver's walks, and gc positions mapped into the editor.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeResult } from '../../src-main/compiler/escape'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { decisionLines, flowText, functionLocations, offsetOfPosition, verdict, whyPath } from '../../src-renderer/src/escape-view'

const loops = readFileSync(join(projectRoot, 'testdata', 'escape', 'loops.go'), 'utf8')

describe('escape view model', () => {
  it('keeps gc’s one-line decisions and drops the explanation blocks', async () => {
    const r = await escapeResult('./loops.go', loops, { level: 2 })
    const m1 = readFileSync(join(projectRoot, 'testdata', 'escape', 'loops.m1.golden'), 'utf8').split('\n').filter((l) => l)
    expect(decisionLines(r.lines).sort()).toEqual(m1.sort())
  })

  it('explains a loop variable kept by an outer pointer: p ← &x, with gc’s notes', async () => {
    const r = await escapeResult('./loops.go', loops, { level: 2, graphOf: 'outerKeepsInner' })
    const g = r.graph!
    const x = functionLocations(g, 'outerKeepsInner').find((l) => l.name === 'x')!
    expect(verdict(x)).toBe('moved to heap')
    const path = whyPath(g, x)
    expect(path.map(flowText)).toEqual(['p ← &x'])
    expect(path[0]!.edge.notes.map((n) => `${n.where} (${n.why}) at ${n.pos}`)).toEqual(['&x (address-of) at ./loops.go:20:7', 'p = &x (assign) at ./loops.go:20:5'])
  })

  it('follows a path of several steps to the heap, closures included', async () => {
    const text = readFileSync(join(examplesDir, 'heapagg.go'), 'utf8')
    const r = await escapeResult('heapagg.go', text, { level: 2, graphOf: 'closure' })
    const g = r.graph!
    const names = functionLocations(g, 'closure').map((l) => l.name)
    expect(names).toEqual(expect.arrayContaining(['a', 'b', 'c', 'd', 'func literal']))
    const a = g.locations.find((l) => l.name === 'a' && l.fn === 'closure')!
    // a is captured by reference by the closure, which is returned.
    expect(whyPath(g, a).map(flowText)).toEqual(['func literal ← &a', '~r0 ← &func literal'])
  })

  it('maps gc byte columns to editor offsets', () => {
    const text = 'package p\n\nvar é, x = 1, 2\n'
    expect(offsetOfPosition(text, 3, 9)).toBe(text.indexOf('x'))
    expect(offsetOfPosition(text, 1, 1)).toBe(0)
    expect(offsetOfPosition(text, 99, 1)).toBe(text.length)
  })
})
