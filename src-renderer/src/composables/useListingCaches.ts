// Per-snapshot derived data (uses, values by id), computed on first use and
// dropped with the snapshot: stepping back and forth costs nothing twice.

import type { FuncSnapshot, ValueRecord } from '../../../src-main/protocol/model'
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
