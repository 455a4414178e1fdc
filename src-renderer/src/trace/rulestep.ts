// Stepping through a rewrite pass one rule application at a time: the
// listing of the function before the pass with applications 1..k applied
// (each matched value as the rule left it, each created value inserted after
// the value it was made for), the k-th one current.

import type { PassRecord, RuleApplication, ValueRecord } from '../../../src-main/protocol/model'
import { valueBody } from '../../../src-main/protocol/ssa-text'
import type { Listing, ListingRow } from './listing'

export interface RuleStepState {
  /** 0-based index of the current application. */
  index: number
  app: RuleApplication
  /** The matched value as it was before this application (text), when known. */
  before?: string
}

export function ruleListing(before: Listing, pass: PassRecord, k: number): { listing: Listing; state: RuleStepState } | null {
  const apps = pass.rules ?? []
  if (k < 0 || k >= apps.length) return null
  const text = new Map<string, string>()
  const status = new Map<string, 'changed' | 'added'>()
  const createdAfter = new Map<string, string[]>()
  let prevText: string | undefined
  for (let j = 0; j <= k; j++) {
    const a = apps[j]!
    if (j === k) prevText = text.get(a.value)
    if (a.value && a.after !== undefined) {
      text.set(a.value, a.after)
      if (!status.has(a.value)) status.set(a.value, 'changed')
    }
    a.created.forEach((c, i) => {
      const t = a.createdAs?.[i]
      if (t !== undefined) text.set(c, t)
      status.set(c, 'added')
      const anchor = a.value || c
      if (anchor !== c) {
        const l = createdAfter.get(anchor) ?? []
        if (!l.includes(c)) l.push(c)
        createdAfter.set(anchor, l)
      }
    })
  }
  const current = apps[k]!
  const rows: ListingRow[] = []
  const rowOf = new Map<string, number>()
  const emitValue = (row: ListingRow & { kind: 'value' }, depth = 0): void => {
    const id = row.value.id
    const t = text.get(id)
    const s = status.get(id)
    const out: ListingRow = { ...row, status: s ?? row.status }
    if (t !== undefined) out.text = t
    if (id === current.value || current.created.includes(id)) out.current = true
    rowOf.set(id, rows.length)
    rows.push(out)
    if (depth > 8) return
    for (const c of createdAfter.get(id) ?? []) {
      if (rowOf.has(c)) continue
      emitValue({ kind: 'value', value: stub(c, row.value.block), status: 'added', dead: false }, depth + 1)
    }
  }
  for (const r of before.rows) {
    if (r.kind === 'value') {
      if (r.status === 'removed') continue
      emitValue({ ...r, status: 'same' })
    } else {
      if (r.status === 'removed') continue
      if (r.kind === 'block') rowOf.set(r.block.id, rows.length)
      rows.push({ ...r, status: 'same' })
    }
  }
  const state: RuleStepState = { index: k, app: current }
  if (prevText !== undefined) state.before = prevText
  else if (current.value) {
    const row = before.rows[before.rowOf.get(current.value) ?? -1]
    if (row?.kind === 'value') state.before = valueBody(row.value)
  }
  return { listing: { rows, rowOf }, state }
}

function stub(id: string, block: string): ValueRecord {
  return { id, op: '', type: '', args: [], block, line: 0, col: 0, stmt: '' }
}
