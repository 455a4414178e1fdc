// Per-snapshot derived data (uses, values by id), computed on first use and
// dropped with the snapshot: stepping back and forth costs nothing twice.

import type { FuncSnapshot, ValueRecord } from '../../../src-main/protocol/model'
import { valueBody } from '../../../src-main/protocol/ssa-text'
import { usesOf, valuesById } from '../trace/listing'

const uses = new WeakMap<FuncSnapshot, Map<string, string[]>>()
const values = new WeakMap<FuncSnapshot, Map<string, ValueRecord>>()

export function usesIn(s: FuncSnapshot): Map<string, string[]> {
  let m = uses.get(s)
  if (!m) uses.set(s, (m = usesOf(s)))
  return m
}

export function valuesIn(s: FuncSnapshot): Map<string, ValueRecord> {
  let m = values.get(s)
  if (!m) values.set(s, (m = valuesById(s)))
  return m
}

export interface ValueSummary {
  id: string
  /** `v12 = LEAQ <*T> {t} v2 : AX · b4 · line 13`, or what the id is when it is not a value of the pass. */
  def: string
  uses: string[]
}

/** What the footer of a listing says about the value under the pointer. */
export function describeValue(s: FuncSnapshot, id: string): ValueSummary {
  const v = valuesIn(s).get(id)
  const uses = usesIn(s).get(id) ?? []
  if (!v) return { id, def: /^b\d+$/.test(id) ? 'block' : 'not in this pass', uses }
  const loc = s.locs?.[id]
  return { id, def: `${v.id} = ${valueBody(v)}${loc ? ` : ${loc}` : ''} · ${v.block}${v.line ? ` · line ${v.line}` : ''}`, uses }
}
