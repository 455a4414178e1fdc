// The architecture comparison's model on real traces: passes aligned by
// name (gaps where one arch stopped early), and per pass the differences —
// counts, op histogram delta, each arch's own ops after lowering, spills and
// restores after regalloc, frame, merged slots and code size at the end.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { FuncTrace, PassRecord } from '../../src-main/protocol/model'
import { examplesDir } from '../../src-main/service/paths'
import {
  alignPasses,
  bothDiffer,
  compareTraces,
  describeDifferences,
  formatOps,
  gapReason,
  onlyLeft,
  onlyRight,
  opDelta,
  opHistogram,
  type PassComparison,
} from '../../src-renderer/src/trace/compare'

const ARCHES = ['amd64', 'ppc64'] as const
const traces: Record<string, Record<string, FuncTrace>> = {}

beforeAll(async () => {
  const text = readFileSync(join(examplesDir, 'mergelocals.go'), 'utf8')
  const prog = await ssaProgram('examples/mergelocals.go', text)
  for (const fn of ['ABC', 'Phases']) traces[fn] = { amd64: prog.trace(fn, 'amd64'), ppc64: prog.trace(fn, 'ppc64') }
  // The same function stopped at lower on ppc64 (what a failed pass leaves).
  const failed = prog.trace('ABC', 'ppc64', { fail: 'lower' })
  traces['ABC-failed'] = { amd64: traces['ABC']!.amd64, ppc64: failed }
})

const rowsOf = (fn: string): PassComparison[] => compareTraces(traces[fn]!['amd64']!, traces[fn]!['ppc64']!, ARCHES)
const row = (rows: PassComparison[], name: string) => rows.find((r) => r.name === name)!
const ops = (r: PassComparison, side: 'left' | 'right') => (side === 'left' ? onlyLeft(r.ops) : onlyRight(r.ops)).map((o) => o.op)

describe('aligning passes', () => {
  const recs = (...names: string[]) => names.map((name) => ({ name }) as PassRecord)

  it('pairs equal pass lists one to one', () => {
    const t = traces['ABC']!
    const rows = alignPasses(t['amd64']!.passes, t['ppc64']!.passes)
    expect(rows).toHaveLength(t['amd64']!.passes.length)
    rows.forEach((r, i) => expect(r).toEqual({ name: t['amd64']!.passes[i]!.name, at: [i, i] }))
  })

  it('keeps both orders and leaves a gap where one side lacks a pass', () => {
    expect(alignPasses(recs('start', 'a', 'b', 'c'), recs('start', 'a'))).toEqual([
      { name: 'start', at: [0, 0] },
      { name: 'a', at: [1, 1] },
      { name: 'b', at: [2, -1] },
      { name: 'c', at: [3, -1] },
    ])
    expect(alignPasses(recs('start', 'x', 'c'), recs('start', 'y', 'c'))).toEqual([
      { name: 'start', at: [0, 0] },
      { name: 'x', at: [1, -1] },
      { name: 'y', at: [-1, 1] },
      { name: 'c', at: [2, 2] },
    ])
    expect(alignPasses([], recs('start'))).toEqual([{ name: 'start', at: [-1, 0] }])
  })

  it('says why a pass is missing: the failed pass the trace stopped at, or no trace at all', () => {
    const failed = traces['ABC-failed']!['ppc64']!
    expect(failed.passes[failed.passes.length - 1]).toMatchObject({ name: 'lower', status: 'failed' })
    expect(gapReason(failed, 'ppc64', 'addressing modes')).toMatch(/^ppc64 stopped at lower, which failed: injected failure: lower/)
    expect(gapReason(null, 'ppc64', 'lower')).toBe('no ppc64 trace')
    expect(gapReason(traces['ABC']!['ppc64']!, 'ppc64', 'nonesuch')).toBe("nonesuch is not in ppc64's pass list")
  })
})

describe('the summary of a pass', () => {
  it('ABC at lower: LEAQ and the amd64 ops on the left, MOVDaddr, CLRLSLDI and MOVDstoreidx on the right', () => {
    const lower = row(rowsOf('ABC'), 'lower')
    expect(lower.lowered).toEqual([true, true])
    expect(lower.values).toEqual([14, 12])
    expect(lower.blocks).toEqual([1, 1])
    expect(ops(lower, 'left')).toEqual(expect.arrayContaining(['LEAQ', 'LEAQ8', 'ANDQconst', 'MOVQstore', 'MOVQload']))
    expect(ops(lower, 'right')).toEqual(expect.arrayContaining(['MOVDaddr', 'CLRLSLDI', 'MOVDstoreidx', 'MOVDloadidx']))
    expect(onlyRight(lower.ops).find((o) => o.op === 'CLRLSLDI')).toEqual({ op: 'CLRLSLDI', left: 0, right: 2 })
    // MOVQstoreidx8 comes with addressing modes, on amd64 only.
    const am = row(rowsOf('ABC'), 'addressing modes')
    expect(ops(am, 'left')).toContain('MOVQstoreidx8')
    expect(ops(lower, 'left')).not.toContain('MOVQstoreidx8')
    expect(am.records.map((r) => r?.status)).toEqual(['changed', 'unchanged'])
  })

  it('before lowering both sides have the same generic ops: no delta, nothing differs', () => {
    const rows = rowsOf('ABC')
    const lowerAt = rows.findIndex((r) => r.name === 'lower')
    for (const r of rows.slice(0, lowerAt)) {
      expect(r.lowered, r.name).toEqual([false, false])
      expect(r.ops, r.name).toEqual([])
      expect(r.differs, r.name).toBe(false)
      expect(describeDifferences(r), r.name).toEqual([])
    }
  })

  it('the op histogram delta lists the ops whose counts differ, largest difference first', () => {
    const a = new Map([['Add64', 3], ['Load', 1], ['Const64', 2]])
    const b = new Map([['Add64', 1], ['Store', 1], ['Const64', 2]])
    expect(opDelta(a, b)).toEqual([
      { op: 'Add64', left: 3, right: 1 },
      { op: 'Load', left: 1, right: 0 },
      { op: 'Store', left: 0, right: 1 },
    ])
    const lower = row(rowsOf('Phases'), 'lower')
    const h = [0, 1].map((s) => opHistogram(lower.records[s]!.snapshot))
    for (const o of lower.ops) expect([h[0]!.get(o.op) ?? 0, h[1]!.get(o.op) ?? 0]).toEqual([o.left, o.right])
    expect(bothDiffer(lower.ops).every((o) => o.left > 0 && o.right > 0)).toBe(true)
    expect(formatOps([{ op: 'LEAQ8', left: 2, right: 0 }, { op: 'LEAQ', left: 1, right: 0 }, { op: 'X', left: 1, right: 0 }], 'left', 2)).toBe('LEAQ8×2 LEAQ +1')
  })

  it('counts spills and restores from regalloc on, and not before', () => {
    const rows = rowsOf('Phases')
    expect(row(rows, 'flagalloc').regalloc).toBeNull()
    const ra = row(rows, 'regalloc')
    const count = (s: 0 | 1, op: string) => ra.records[s]!.snapshot.blocks.flatMap((b) => b.values).filter((v) => v.op === op).length
    expect(ra.regalloc).toEqual({ spills: [count(0, 'StoreReg'), count(1, 'StoreReg')], restores: [count(0, 'LoadReg'), count(1, 'LoadReg')] })
    expect(describeDifferences(ra).map((d) => d.label)).toEqual(expect.arrayContaining(['spills', 'restores']))
  })

  it('Phases at the stack frame step: a and b merged on amd64, a evicted on ppc64; frame and code size per side', () => {
    const sf = row(rowsOf('Phases'), 'stack frame')
    const [amd, ppc] = sf.frame!
    expect(amd).toMatchObject({ groups: [{ leader: 'a', followers: ['b'] }], savedBytes: 88, outcome: 'merged', evictions: [] })
    expect(ppc).toMatchObject({ groups: [], savedBytes: 0 })
    expect(ppc!.evictions).toEqual([{ name: 'a', reason: expect.stringMatching(/^address value v\d+ of a still has 2 uses outside b\d+$/) }])
    const t = traces['Phases']!
    expect([amd!.locals, ppc!.locals]).toEqual([t['amd64']!.stackFrame!.frame.size, t['ppc64']!.stackFrame!.frame.size])
    expect([amd!.textFrame, ppc!.textFrame]).toEqual([t['amd64']!.asm!.frame, t['ppc64']!.asm!.frame])
    expect([amd!.codeSize, ppc!.codeSize]).toEqual([t['amd64']!.asm!.size, t['ppc64']!.asm!.size])
    const parts = Object.fromEntries(describeDifferences(sf).map((d) => [d.label, d]))
    expect(parts['merged']).toMatchObject({ values: ['a+b (88 B saved)', expect.stringMatching(/^none: /)], differ: true })
    expect(parts['evicted']!.values[0]).toBe('none')
    expect(parts['evicted']!.values[1]).toMatch(/^a: address value/)
    expect(parts['locals']!.group).toBe('size')
    // Frame facts belong to the stack frame step only.
    expect(row(rowsOf('Phases'), 'trim').frame).toBeNull()
  })

  it('a side that stopped early is a gap from there on, with the reason; the gap differs', () => {
    const rows = compareTraces(traces['ABC-failed']!['amd64']!, traces['ABC-failed']!['ppc64']!, ARCHES)
    expect(rows.map((r) => r.name)).toEqual(traces['ABC']!['amd64']!.passes.map((p) => p.name))
    const lower = row(rows, 'lower')
    expect(lower.records[1]?.status).toBe('failed')
    const am = row(rows, 'addressing modes')
    expect(am.records[1]).toBeNull()
    expect(am.at[1]).toBe(-1)
    expect(am.gaps).toEqual([null, expect.stringMatching(/^ppc64 stopped at lower/)])
    expect(am.values).toEqual([14, null])
    expect(am.ops).toEqual([])
    expect(am.differs).toBe(true)
    expect(describeDifferences(am)[0]).toMatchObject({ label: 'gap', values: ['', expect.stringMatching(/^ppc64 stopped/)] })
    expect(row(rows, 'stack frame').frame).toEqual([expect.objectContaining({ locals: 88 }), null])
  })

  it('marks the passes where the difference between the arches changes', () => {
    const parts = rowsOf('ABC').filter((r) => r.diverges).map((r) => r.name)
    expect(parts.slice(0, 3)).toEqual(['lower', 'addressing modes', 'late lower'])
    expect(parts).toContain('regalloc')
    expect(parts).toContain('stack frame')
    expect(parts).not.toContain('pair')
  })
})

describe('comparing two engines or gc traces', () => {
  const heapagg = async (): Promise<FuncTrace> => {
    const text = readFileSync(join(examplesDir, 'heapagg.go'), 'utf8')
    return (await ssaProgram('examples/heapagg.go', text)).trace('half', 'amd64')
  }

  it('at start, each side\'s allocation calls as built: equal ones are listed, a different one marks the row', async () => {
    const t = await heapagg()
    const same = compareTraces(t, t, ['embedded', 'gc'])
    const start = row(same, 'start')
    expect(start.allocs![0]).toMatch(/^runtime\.mallocgc\(16\) /)
    expect(start.differs).toBe(false)
    expect(describeDifferences(start).find((d) => d.label === 'allocs')).toMatchObject({ differ: false })
    const other: FuncTrace = { ...t, allocs: [{ ...t.allocs[0]!, call: 'runtime.newobject', type: 'int64', members: [] }] }
    const diff = row(compareTraces(t, other, ['embedded', 'gc']), 'start')
    expect(diff.differs).toBe(true)
    expect(describeDifferences(diff).find((d) => d.label === 'allocs')).toMatchObject({ differ: true, values: [expect.stringMatching(/mallocgc/), 'runtime.newobject(int64)'] })
    // No calls on either side: no allocation line at all.
    expect(describeDifferences(row(rowsOf('ABC'), 'start')).some((d) => d.label === 'allocs')).toBe(false)
  })

  it('gc\'s merge decisions (a trace read from gc has no stack frame step) sit on the stack frame row, or on the last row of two gc traces', () => {
    const ours = traces['Phases']!['amd64']!
    const sf = ours.stackFrame!
    const gc: FuncTrace = {
      ...ours,
      passes: ours.passes.filter((p) => p.name !== 'stack frame'),
      stackFrame: { ...sf, frame: { ...sf.frame, size: 0 }, fromGcTrace: { level: 2, missing: ['evictions'] } },
      asm: { ...ours.asm!, progNumbers: true },
    }
    const engines = compareTraces(ours, gc, ['embedded', 'gc'])
    const frameRow = row(engines, 'stack frame')
    expect(frameRow.gaps[1]).toMatch(/not in gc's pass list/)
    expect(frameRow.frame![1]).toMatchObject({ locals: null, codeSize: null, groups: frameRow.frame![0]!.groups })
    const both = compareTraces(gc, gc, ['gc go1.26.8', 'gc go1.27.0'])
    expect(both.at(-1)!.frame![0]!.groups).toEqual(sf.groups.map((g) => ({ leader: g.leader, followers: g.followers })))
    expect(both.slice(0, -1).every((r) => r.frame === null)).toBe(true)
    expect(describeDifferences(both.at(-1)!).find((d) => d.label === 'merged')!.values[0]).toMatch(/^a\+b/)
  })
})
