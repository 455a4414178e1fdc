// The liveness timeline's model on real stack frames: Phases merges on amd64
// and is evicted on ppc64 (the pending MOVDaddr named, its later uses in
// other blocks), testdata/mergelocals' shapes, and the viewport helpers that
// keep a 10,000-value function cheap to draw.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { FuncTrace } from '../../src-main/protocol/model'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { boundariesIn, instrAt, livenessModel, markersIn, overlaps, touchesAt, viaText, type LivenessModel } from '../../src-renderer/src/trace/liveness'
import { boundaryGap, fitPx, instrAtPixel, visibleInstrs, visibleRows, zoomScroll, type Viewport } from '../../src-renderer/src/trace/timeline'

const phases: Record<string, FuncTrace> = {}
const op = (t: FuncTrace, id: string) => t.passes.at(-1)!.snapshot.blocks.flatMap((b) => b.values).find((v) => v.id === id)?.op

beforeAll(async () => {
  const file = join(examplesDir, 'mergelocals.go')
  const prog = await ssaProgram(file, readFileSync(file, 'utf8'))
  for (const arch of ['amd64', 'ppc64']) phases[arch] = prog.trace('Phases', arch)
})

const model = (arch: string): LivenessModel => livenessModel(phases[arch]!.stackFrame!)

describe('liveness model: Phases', () => {
  it('amd64: a and b merge, one colour, disjoint bars, uses marked where they happen', () => {
    const m = model('amd64')
    expect(m.merged).toBe(true)
    expect(m.headline).toBe('merged a + b · 88 bytes saved (88 nonpointer, 0 pointer)')
    const [a, b] = m.rows
    expect([a!.cand.name, b!.cand.name]).toEqual(['a', 'b'])
    expect(a!.colour).toBe(0)
    expect(b!.colour).toBe(a!.colour)
    expect(overlaps(a!.intervals, b!.intervals)).toBe(false)
    expect(a!.note).toBe('leads a slot shared with b at -88')
    expect(b!.note).toBe("shares a's slot at -88: its lifetime misses the group's")
    // Every marker sits at its value's instruction; the zeroing goes through the LEAQ.
    for (const mk of a!.markers) expect(m.order[mk.x]).toBe(mk.value)
    const zero = a!.markers.find((mk) => mk.kind === 'indirect')!
    expect(op(phases['amd64']!, zero.via!)).toBe('LEAQ')
    expect(a!.markers.map((mk) => mk.kind)).toEqual(['def', 'addr', 'indirect', 'write', 'write', 'read'])
    // The bar covers every use.
    for (const mk of a!.markers.filter((x) => x.kind !== 'def')) expect(a!.intervals.some(([s, e]) => s <= mk.x && mk.x < e)).toBe(true)
    // Frame: b overlays a's slot.
    expect(m.frame.slots.map((s) => [s.name, s.offset, s.size, s.leader ?? null, s.colour])).toEqual([
      ['a', -88, 88, null, 0],
      ['b', -88, 88, 'a', 0],
    ])
  })

  it('ppc64: a evicted at the end of the entry block, the pending MOVDaddr named with its uses in later blocks', () => {
    const m = model('ppc64')
    const t = phases['ppc64']!
    expect(m.merged).toBe(false)
    const a = m.rows.find((r) => r.cand.name === 'a')!
    expect(a.evictions).toHaveLength(1)
    const ev = a.evictions[0]!
    expect(op(t, ev.value)).toBe('MOVDaddr')
    expect(ev.block).toBe(m.blocks[0]!.id)
    expect(ev.x).toBe(m.blocks[0]!.end)
    expect(ev.pending).toBe(2)
    const pending = a.markers.filter((mk) => mk.kind === 'pending')
    expect(pending.map((mk) => mk.via)).toEqual([ev.value, ev.value])
    expect(pending.every((mk) => mk.x >= ev.x)).toBe(true)
    expect(a.note).toMatch(new RegExp(`^evicted: its address ${ev.value} still had 2 uses at the end of ${ev.block} \\(v\\d+ in b\\d+, v\\d+ in b\\d+\\)`))
    expect(m.headline).toBe(`nothing merged: a evicted (${ev.value} pending at the end of ${ev.block}); fewer than two candidates after evictions`)
    const b = m.rows.find((r) => r.cand.name === 'b')!
    expect(b.note).toBe('dropped: fewer than two candidates left after evictions')
    // b's indirect uses go through its own MOVDaddr values, each named.
    expect(b.markers.filter((mk) => mk.kind === 'indirect').map((mk) => op(t, mk.via!))).toEqual(['MOVDaddr', 'MOVDaddr', 'MOVDaddr'])
    expect(m.frame.slots.map((s) => [s.name, s.offset, s.leader ?? null])).toEqual([
      ['a', -88, null],
      ['b', -176, null],
    ])
  })

  it('hovering an instruction finds its value and who touches it', () => {
    const m = model('ppc64')
    const a = m.rows.find((r) => r.cand.name === 'a')!
    const ev = a.evictions[0]!
    const x = m.indexOf.get(ev.value)!
    expect(instrAt(m, x)).toEqual({ value: ev.value, block: ev.block })
    expect(touchesAt(m, x)).toEqual([{ name: 'a', marker: { x, value: ev.value, kind: 'addr' } }])
    expect(instrAt(m, -1)).toBeNull()
    expect(instrAt(m, m.numInstrs)).toBeNull()
    expect(instrAt(m, m.numInstrs - 1)!.block).toBe(m.blocks.at(-1)!.id)
  })
})

describe('liveness model: testdata/mergelocals', () => {
  it('unmerged candidates name whom they overlap; groups take colours in turn', async () => {
    const file = join(projectRoot, 'testdata', 'mergelocals', 'mixed.go')
    const prog = await ssaProgram(file, readFileSync(file, 'utf8'))
    const many = livenessModel(prog.trace('Many', 'amd64').stackFrame!)
    for (const r of many.rows) {
      expect(r.cand.status).toBe('unmerged')
      expect(r.note).toMatch(/^live at the same time as \w+/)
    }
    const regions = livenessModel(
      (await ssaProgram(join(projectRoot, 'testdata', 'mergelocals', 'regions.go'), readFileSync(join(projectRoot, 'testdata', 'mergelocals', 'regions.go'), 'utf8'))).trace('Regions', 'amd64').stackFrame!,
    )
    expect(regions.rows.map((r) => [r.cand.name, r.colour])).toEqual([
      ['big', 0],
      ['small', 0],
      ['w', 0],
      ['p', 0],
      ['bs', 1],
      ['cs', 1],
    ])
  })

  it('a function without candidates says so', async () => {
    const file = join(examplesDir, 'heapagg.go')
    const m = livenessModel((await ssaProgram(file, readFileSync(file, 'utf8'))).trace('half', 'amd64').stackFrame!)
    expect(m.rows).toEqual([])
    expect(m.headline).toBe('no candidates: no local of more than 3 words whose address is never taken')
  })
})

describe('viewport helpers', () => {
  it('markersIn and boundariesIn return only what lies in the window', () => {
    const m = model('amd64')
    const a = m.rows[0]!
    const all = markersIn(a, 0, m.numInstrs)
    expect(all).toEqual(a.markers)
    const mid = a.markers[2]!.x
    expect(markersIn(a, mid, mid + 1).every((mk) => mk.x === mid)).toBe(true)
    expect(markersIn(a, m.numInstrs, m.numInstrs + 10)).toEqual([])
    expect(boundariesIn(m, 0, m.numInstrs, 1).map((b) => b.id)).toEqual(m.blocks.map((b) => b.id))
    // Thinned to one boundary per `minGap` instructions.
    expect(boundariesIn(m, 0, m.numInstrs, m.numInstrs)).toHaveLength(1)
    expect(boundariesIn(m, m.blocks[1]!.first, m.numInstrs, 1)[0]!.id).toBe(m.blocks[1]!.id)
  })

  it('the many blocks of a big function thin out at a glance', async () => {
    const file = join(projectRoot, 'testdata', 'ssa', 'constructs.go')
    const prog = await ssaProgram(file, readFileSync(file, 'utf8'))
    const fn = prog.functions.map((f) => prog.trace(f, 'amd64')).filter((t) => t.stackFrame).sort((x, y) => y.stackFrame!.numbering.length - x.stackFrame!.numbering.length)[0]!
    const m = livenessModel(fn.stackFrame!)
    expect(m.blocks.length).toBeGreaterThan(4)
    const thin = boundariesIn(m, 0, m.numInstrs, 10)
    for (let i = 1; i < thin.length; i++) expect(thin[i]!.first - thin[i - 1]!.first).toBeGreaterThanOrEqual(10)
  })
})

describe('timeline viewport', () => {
  const vp = (o: Partial<Viewport> = {}): Viewport => ({ px: 2, scrollLeft: 0, scrollTop: 0, width: 400, height: 200, rowHeight: 20, ...o })

  it('fits, and shows only the columns and rows in the window', () => {
    expect(fitPx(400, 7611)).toBeCloseTo(400 / 7611)
    expect(fitPx(400, 0)).toBe(1)
    expect(visibleInstrs(vp(), 7611)).toEqual([0, 201])
    expect(visibleInstrs(vp({ scrollLeft: 1000 }), 7611)).toEqual([499, 701])
    expect(visibleInstrs(vp({ scrollLeft: 15000 }), 7611)).toEqual([7499, 7611])
    expect(visibleRows(vp({ scrollTop: 45 }), 100)).toEqual([2, 13])
    expect(visibleRows(vp(), 3)).toEqual([0, 3])
  })

  it('maps a pointer to its instruction and zooms around it', () => {
    expect(instrAtPixel(vp({ scrollLeft: 10 }), 5, 100)).toBe(7)
    expect(instrAtPixel(vp(), 500, 100)).toBe(-1)
    const before = vp({ scrollLeft: 100 })
    const at = instrAtPixel(before, 50, 1000)
    const after = vp({ px: 8, scrollLeft: zoomScroll(before, 8, 50) })
    expect(instrAtPixel(after, 50, 1000)).toBe(at)
    expect(zoomScroll(vp(), 1, 0)).toBe(0)
  })

  it('thins block boundaries to a few pixels apart', () => {
    expect(boundaryGap(10)).toBe(1)
    expect(boundaryGap(0.05)).toBe(60)
  })
})

describe('liveness model: many candidates', () => {
  it('summarises the groups in the headline', async () => {
    const { manyLocalsProgram } = await import('../../src-main/bench/programs')
    const prog = await ssaProgram('many.go', manyLocalsProgram(40))
    const m = livenessModel(prog.trace('many', 'amd64').stackFrame!)
    expect(m.rows).toHaveLength(40)
    expect(m.headline).toMatch(/^merged \d+ candidates into \d+ slots · \d+ bytes saved/)
    // Members of one group share a colour; different groups take different ones (up to eight).
    const byGroup = new Map<string, Set<number | null>>()
    for (const r of m.rows) if (r.cand.status === 'leader' || r.cand.status === 'follower') {
      const leader = r.cand.leader ?? r.cand.name
      byGroup.set(leader, (byGroup.get(leader) ?? new Set()).add(r.colour))
    }
    for (const colours of byGroup.values()) expect(colours.size).toBe(1)
    expect(new Set([...byGroup.values()].map((c) => [...c][0])).size).toBe(Math.min(8, byGroup.size))
  })
})

describe('liveness model: address arithmetic', () => {
  it('Seq on ppc64: y evicted through arithmetic on its MOVDaddr, the chain named', async () => {
    const file = join(projectRoot, 'testdata', 'mergelocals', 'basic.go')
    const t = (await ssaProgram(file, readFileSync(file, 'utf8'))).trace('Seq', 'ppc64')
    const m = livenessModel(t.stackFrame!)
    const y = m.rows.find((r) => r.cand.name === 'y')!
    expect(y.cand.status).toBe('evicted')
    const derived = t.stackFrame!.addressValues.find((a) => a.name === 'y' && a.from)!
    // Both the MOVDaddr and the arithmetic on it were still pending at the end of the block.
    expect(y.evictions.map((e) => e.value)).toEqual([derived.from, derived.value])
    expect(y.note).toMatch(new RegExp(`^evicted: its address ${derived.from} still had 1 use at the end of b\\d+ \\(v\\d+ in b\\d+\\); its address ${derived.value} still had 1 use`))
    expect(op(t, derived.from!)).toBe('MOVDaddr')
    const pending = y.markers.find((mk) => mk.kind === 'pending' && mk.via === derived.value)!
    expect(pending).toMatchObject({ via: derived.value, from: [derived.from] })
    expect(viaText(pending)).toBe(`via ${derived.value} (arithmetic on ${derived.from})`)
  })
})
