// gc's tightenTupleSelectors (ssa/tuple.go): every Select0/Select1/SelectN
// must sit in its tuple's block, and each part of a tuple is selected once.
// A selector elsewhere is copied into the tuple's block; a duplicate becomes
// a Copy of the first selector (deadcode removes it). The scheduler and
// regalloc rely on both.

import type { Block, Func, Value } from '../func'
import type { SsaType } from '../types'
import { withStmt } from './deadcode'

/**
 * gc's Type.IsTuple. gc prints a tuple like two call results (`int,flags`),
 * so one read back from a dump is a two-part results type: count those too
 * (real call results end in memory and are told apart by isMem first).
 */
export const isTupleType = (t: SsaType): boolean => t.kind === 'tuple' || (t.kind === 'results' && t.parts?.length === 2)

/** gc's v.copyInto(b): the same value appended to b, its position demoted to a non-statement. */
export function copyInto(v: Value, b: Block): Value {
  for (const a of v.args) if (a.type.kind === 'mem') throw new Error(`can't move a value with a memory arg ${v}`)
  return v.block.func.newValue(b, v.op, v.type, v.args, v.auxInt, v.aux, withStmt(v.pos, '-'))
}

export function tightenTupleSelectors(f: Func): void {
  const selectors = new Map<string, Value>()
  for (const b of f.blocks) {
    // A selector copied into a later block is visited there and found in the map.
    for (const sel of [...b.values]) {
      let idx: number
      if (sel.op === 'Select0') idx = 0
      else if (sel.op === 'Select1') idx = 1
      else if (sel.op === 'SelectN') idx = sel.auxInt64
      else continue
      const tuple = sel.args[0]!
      // Call results of just memory print as `mem`: read back from a dump, they are plain memory.
      if (sel.op === 'SelectN' ? tuple.type.kind !== 'results' && tuple.type.kind !== 'mem' : !isTupleType(tuple.type)) {
        throw new Error(`arg of ${sel.op === 'SelectN' ? 'result' : 'tuple'} selector ${sel} is not a ${sel.op === 'SelectN' ? 'results' : 'tuple'}: ${tuple} <${tuple.type.str}>`)
      }
      const key = `${tuple.id}:${idx}`
      const known = selectors.get(key)
      if (known) {
        if (known !== sel) sel.copyOf(known)
        continue
      }
      if (sel.block !== tuple.block) {
        const t = copyInto(sel, tuple.block)
        sel.copyOf(t)
        selectors.set(key, t)
        continue
      }
      selectors.set(key, sel)
    }
  }
}
