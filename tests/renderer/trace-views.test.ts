// The pass debugger's models over real traces: listing rows with diffs and
// DEAD marks, value history, pass navigation and fuzzy search, rule stepping.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { FuncTrace } from '../../src-main/protocol/model'
import { examplesDir } from '../../src-main/service/paths'
import { HistoryIndex } from '../../src-renderer/src/trace/history'
import { buildListing, usesOf } from '../../src-renderer/src/trace/listing'
import { fuzzyPasses, fuzzyScore, nextInteresting, valueMatcher } from '../../src-renderer/src/trace/passes'
import { ruleListing } from '../../src-renderer/src/trace/rulestep'

let half: FuncTrace
const pass = (t: FuncTrace, name: string) => t.passes.findIndex((p) => p.name === name)

beforeAll(async () => {
  const text = readFileSync(join(examplesDir, 'heapagg.go'), 'utf8')
  half = (await ssaProgram('examples/heapagg.go', text)).trace('half', 'amd64')
})

describe('listing rows', () => {
  it('prints every value of the pass once, in gc notation order, with block headers and ends', () => {
    const i = pass(half, 'start')
    const l = buildListing(half.passes[i]!, undefined, { showRemoved: true, effectOps: new Set(half.effectOps) })
    const values = l.rows.filter((r) => r.kind === 'value')
    const count = half.passes[i]!.snapshot.blocks.reduce((n, b) => n + b.values.length, 0)
    expect(values).toHaveLength(count)
    expect(l.rows.filter((r) => r.kind === 'block')).toHaveLength(half.passes[i]!.snapshot.blocks.length)
    expect(l.rows[0]).toMatchObject({ kind: 'block', block: { id: 'b1' } })
    expect(l.rows[l.rowOf.get('v11')!]).toMatchObject({ kind: 'value', value: { op: 'StaticLECall', aux: 'AuxCall{runtime.mallocgc}' } })
  })

  it('marks added, changed and removed values against the previous pass; removed ones sit at their old place and can be hidden', () => {
    const i = pass(half, 'lower')
    const rec = half.passes[i]!
    const prev = half.passes[i - 1]!
    const l = buildListing(rec, prev, { showRemoved: true, effectOps: new Set(half.effectOps) })
    const status = (s: string) => l.rows.filter((r) => r.kind === 'value' && r.status === s).map((r) => (r.kind === 'value' ? r.value.id : ''))
    expect(status('added').sort()).toEqual([...rec.diff.valuesAdded].sort())
    expect(status('removed').sort()).toEqual([...rec.diff.valuesRemoved].sort())
    expect(status('changed').length).toBeGreaterThan(0)
    // A removed value follows the value that preceded it in the previous pass's block.
    const removed = rec.diff.valuesRemoved[0]!
    const row = l.rows[l.rowOf.get(removed)!]!
    expect(row).toMatchObject({ status: 'removed', dead: true })
    const hidden = buildListing(rec, prev, { showRemoved: false, effectOps: new Set(half.effectOps) })
    expect(hidden.rows.some((r) => r.status === 'removed')).toBe(false)
    expect(hidden.rows.length).toBe(l.rows.length - rec.diff.valuesRemoved.length)
  })

  it('marks values nobody needs DEAD, as gc prints them', () => {
    // After lower, the generic ops the rules replaced are gone, but constants left without uses are dead until deadcode.
    const withDead = half.passes.find((p) => {
      const l = buildListing(p, undefined, { showRemoved: false, effectOps: new Set(half.effectOps) })
      return l.rows.some((r) => r.kind === 'value' && r.dead)
    })
    expect(withDead).toBeDefined()
    const l = buildListing(withDead!, undefined, { showRemoved: false, effectOps: new Set(half.effectOps) })
    const dead = l.rows.filter((r) => r.kind === 'value' && r.dead)
    const uses = usesOf(withDead!.snapshot)
    // A DEAD value is not a call or store, and everything using it is dead too.
    for (const r of dead) {
      if (r.kind !== 'value') continue
      expect(half.effectOps).not.toContain(r.value.op)
      for (const u of uses.get(r.value.id) ?? []) {
        const ur = l.rows[l.rowOf.get(u)!]
        if (ur?.kind === 'value') expect(ur.dead).toBe(true)
      }
    }
  })
})

describe('value history', () => {
  it('follows the mallocgc call from construction through lower and regalloc to its register', () => {
    const h = new HistoryIndex(half).history('v11')!
    expect(h.events[0]).toMatchObject({ kind: 'created', pass: 0 })
    const lower = h.events.find((e) => e.pass === pass(half, 'lower'))
    expect(lower).toMatchObject({ kind: 'changed' })
    expect(lower?.kind === 'changed' && lower.rules.some((r) => r.includes('CALLstatic'))).toBe(true)
    expect(h.finalLoc).toBeDefined()
  })

  it('records the pass that removed a value, and values made from it', () => {
    const idx = new HistoryIndex(half)
    const lower = half.passes[pass(half, 'lower')]!
    const h = idx.history(lower.diff.valuesRemoved[0]!)!
    expect(h.events.at(-1)).toMatchObject({ kind: 'removed', pass: pass(half, 'lower') })
    const created = lower.rules!.find((r) => r.created.length > 0)!
    const origin = idx.history(created.value)!
    expect(origin.derived.map((d) => d.id)).toContain(created.created[0])
    expect(idx.history('v999999')).toBeNull()
  })
})

describe('pass navigation and search', () => {
  it('f/r stop only at passes that changed something or failed', () => {
    const ps = half.passes
    const next = nextInteresting(ps, 0, 1)
    expect(['changed', 'failed']).toContain(ps[next]!.status)
    for (let i = 1; i < next; i++) expect(['unchanged', 'not-modeled']).toContain(ps[i]!.status)
    expect(nextInteresting(ps, next, -1)).toBe(0)
  })

  it('g matches pass names fuzzily, best first', () => {
    const names = (q: string) => fuzzyPasses(half.passes, q).map((i) => half.passes[i]!.name)
    expect(names('lower')[0]).toBe('lower')
    expect(names('lcse')[0]).toBe('lowered cse')
    expect(names('regal')[0]).toBe('regalloc')
    expect(fuzzyScore('prove', 'xyz')).toBeNull()
  })

  it('/ matches ids exactly, text case-insensitively, and /regex/', () => {
    expect(valueMatcher('v1')!('v1 = Add64', 'v1')).toBe(true)
    expect(valueMatcher('v1')!('v11 = Add64 v1', 'v11')).toBe(false)
    expect(valueMatcher('mallocgc')!('v11 = StaticLECall {AuxCall{runtime.mallocgc}}', 'v11')).toBe(true)
    expect(valueMatcher('/Const(32|64)/')!('v3 = Const64 <int64> [1]', 'v3')).toBe(true)
    expect(valueMatcher('/(/')).toBeNull()
    expect(valueMatcher('  ')).toBeNull()
  })
})

describe('rule stepping', () => {
  it('shows the function before the pass with applications 1..k applied, the k-th current', () => {
    const i = pass(half, 'lower')
    const rec = half.passes[i]!
    const before = buildListing(half.passes[i - 1]!, undefined, { showRemoved: false, effectOps: new Set(half.effectOps) })
    const first = ruleListing(before, rec, 0)!
    const app = rec.rules![0]!
    expect(first.state.app).toBe(app)
    if (app.value) {
      const row = first.listing.rows[first.listing.rowOf.get(app.value)!]!
      expect(row).toMatchObject({ kind: 'value', current: true, text: app.after })
      expect(first.state.before).toBeDefined()
    }
    const k = rec.rules!.length - 1
    const last = ruleListing(before, rec, k)!
    // Every value a rule created so far is in the listing.
    for (const a of rec.rules!) for (const c of a.created) expect(last.listing.rowOf.has(c)).toBe(true)
    expect(ruleListing(before, rec, k + 1)).toBeNull()
  })
})
