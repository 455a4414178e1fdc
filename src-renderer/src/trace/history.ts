// A value's life across the passes (Turbolizer's node history, for gc):
// where it was created (pass, rule, origin), every pass that changed it and
// the rules that did, where it was removed, and its register or slot at the
// end. Ids are never reused, so the chain is exact.

import type { FuncTrace, ValueRecord } from '../../../src-main/protocol/model'
import { valueBody } from '../../../src-main/protocol/ssa-text'

export type HistoryEvent =
  | { kind: 'created'; pass: number; rule?: string; origin?: string; text: string }
  | { kind: 'changed'; pass: number; rules: string[]; text: string }
  | { kind: 'removed'; pass: number; lastText: string; replacedBy?: string }

export interface ValueHistory {
  id: string
  events: HistoryEvent[]
  /** Values created from this one (by rules or passes), with the pass that made them. */
  derived: { id: string; pass: number }[]
  /** Register or stack slot in the last snapshot that has the value. */
  finalLoc?: string
  /** The last pass the value exists in. */
  lastPass: number
}

/** Per trace: value id → pass indices where it was added, changed or removed, and rule applications touching it. */
export class HistoryIndex {
  private readonly touched = new Map<string, number[]>()
  private readonly ruleHits = new Map<string, { pass: number; rule: string; created: boolean }[]>()
  private readonly originOf = new Map<string, { id: string; pass: number }[]>()

  constructor(private readonly trace: FuncTrace) {
    trace.passes.forEach((p, i) => {
      const d = p.diff
      for (const list of [d.valuesAdded, d.valuesChanged, d.valuesRemoved]) for (const id of list) this.touch(id, i)
      for (const r of p.rules ?? []) {
        if (r.value) this.hit(r.value, { pass: i, rule: r.rule, created: false })
        for (const c of r.created) this.hit(c, { pass: i, rule: r.rule, created: true })
      }
      if (i === 0) for (const b of p.snapshot.blocks) for (const v of b.values) this.touch(v.id, 0)
    })
  }

  private touch(id: string, pass: number): void {
    const l = this.touched.get(id)
    if (!l) this.touched.set(id, [pass])
    else if (l[l.length - 1] !== pass) l.push(pass)
  }

  private hit(id: string, h: { pass: number; rule: string; created: boolean }): void {
    const l = this.ruleHits.get(id)
    if (l) l.push(h)
    else this.ruleHits.set(id, [h])
  }

  has(id: string): boolean {
    return this.touched.has(id)
  }

  history(id: string): ValueHistory | null {
    const passes = this.touched.get(id)
    if (!passes) return null
    const events: HistoryEvent[] = []
    const hits = this.ruleHits.get(id) ?? []
    let lastRecord: ValueRecord | undefined
    let lastPass = passes[0]!
    for (const i of passes) {
      const p = this.trace.passes[i]!
      const rec = findValue(p.snapshot, id)
      if (!lastRecord) {
        if (!rec) continue
        const byRule = hits.find((h) => h.pass === i && h.created)
        const e: HistoryEvent = { kind: 'created', pass: i, text: line(rec) }
        if (byRule) e.rule = byRule.rule
        if (rec.origin) e.origin = rec.origin
        events.push(e)
      } else if (rec) {
        // Touched in this pass and still there: the record or its location changed.
        const rules = [...new Set(hits.filter((h) => h.pass === i && !h.created).map((h) => h.rule))]
        events.push({ kind: 'changed', pass: i, rules, text: line(rec) })
      } else {
        const e: HistoryEvent = { kind: 'removed', pass: i, lastText: line(lastRecord) }
        if (lastRecord.op === 'Copy' && lastRecord.args[0]) e.replacedBy = lastRecord.args[0]
        events.push(e)
        break
      }
      lastRecord = rec
      lastPass = i
    }
    if (lastRecord && events[events.length - 1]?.kind !== 'removed') lastPass = this.trace.passes.length - 1
    const h: ValueHistory = { id, events, derived: this.derived(id), lastPass }
    const loc = this.trace.passes[lastPass]?.snapshot.locs?.[id]
    if (loc !== undefined) h.finalLoc = loc
    return h
  }

  /** Values made from this one: created by a rule that matched it, or naming it as their origin (built on first use). */
  private derived(id: string): { id: string; pass: number }[] {
    if (this.originOf.size === 0) {
      const add = (origin: string, d: { id: string; pass: number }) => {
        const l = this.originOf.get(origin) ?? []
        if (!l.some((x) => x.id === d.id)) l.push(d)
        this.originOf.set(origin, l)
      }
      this.trace.passes.forEach((p, i) => {
        for (const r of p.rules ?? []) if (r.value) for (const c of r.created) add(r.value, { id: c, pass: i })
      })
      this.trace.passes.forEach((p, i) => {
        if (p.diff.valuesAdded.length === 0) return
        const added = new Set(p.diff.valuesAdded)
        for (const b of p.snapshot.blocks) for (const v of b.values) if (v.origin && added.has(v.id)) add(v.origin, { id: v.id, pass: i })
      })
      if (this.originOf.size === 0) this.originOf.set('', [])
    }
    return this.originOf.get(id) ?? []
  }
}

const line = valueBody

function findValue(snap: FuncTrace['passes'][number]['snapshot'], id: string): ValueRecord | undefined {
  for (const b of snap.blocks) for (const v of b.values) if (v.id === id) return v
  return undefined
}
