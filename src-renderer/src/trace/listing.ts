// The rows of the SSA listing for one pass: gc's dump notation, one row per
// block header, value and block end, marked against the previous pass
// (added, changed, removed at their old place) and with DEAD values flagged.

import type { BlockRecord, FuncSnapshot, PassRecord, ValueRecord } from '../../../src-main/protocol/model'
import { findLive, namesByValue, printOrder } from '../../../src-main/protocol/ssa-text'

export type RowStatus = 'same' | 'added' | 'changed' | 'removed'

export type ListingRow =
  | { kind: 'block'; block: BlockRecord; status: RowStatus; dead: boolean }
  | {
      kind: 'value'
      value: ValueRecord
      status: RowStatus
      dead: boolean
      names?: string[]
      loc?: string
      /** While stepping rules: the value as the rules so far left it (gc's `Op <T> … args`), instead of the record. */
      text?: string
      /** While stepping rules: matched or created by the current application. */
      current?: boolean
    }
  | { kind: 'end'; block: BlockRecord; status: RowStatus }

export interface Listing {
  rows: ListingRow[]
  /** Row index of each value and block header shown, for scrolling to them. */
  rowOf: Map<string, number>
}

export interface ListingOptions {
  /** Show values and blocks the pass removed, struck through at their old place. */
  showRemoved: boolean
  /** Ops whose values are live by themselves (FuncTrace.effectOps). */
  effectOps: ReadonlySet<string>
}

// Records are immutable and shared between passes: a block's print order is
// computed once per record, and liveness once per snapshot, however often
// the user steps over them.
const orderCache = [new WeakMap<BlockRecord, ValueRecord[]>(), new WeakMap<BlockRecord, ValueRecord[]>()]
const liveCache = new WeakMap<FuncSnapshot, { reachable: Set<string>; live: Set<string> }>()
const namesCache = new WeakMap<FuncSnapshot, Map<string, string[]>>()

function order(b: BlockRecord, scheduled: boolean): ValueRecord[] {
  const cache = orderCache[scheduled ? 1 : 0]!
  let o = cache.get(b)
  if (!o) cache.set(b, (o = printOrder(b, scheduled)))
  return o
}

function liveness(snap: FuncSnapshot, effectOps: ReadonlySet<string>): { reachable: Set<string>; live: Set<string> } {
  let l = liveCache.get(snap)
  if (!l) liveCache.set(snap, (l = findLive(snap, (op) => effectOps.has(op))))
  return l
}

export function buildListing(rec: PassRecord, prev: PassRecord | undefined, opts: ListingOptions): Listing {
  const snap = rec.snapshot
  const { reachable, live } = liveness(snap, opts.effectOps)
  let names = namesCache.get(snap)
  if (!names) namesCache.set(snap, (names = namesByValue(snap)))
  const added = new Set(rec.diff.valuesAdded)
  const changed = new Set(rec.diff.valuesChanged)
  const blocksAdded = new Set(rec.diff.blocksAdded)
  const blocksChanged = new Set(rec.diff.blocksChanged)
  const removedValues = opts.showRemoved && prev ? new Set(rec.diff.valuesRemoved) : new Set<string>()
  const removedBlocks = opts.showRemoved && prev ? new Set(rec.diff.blocksRemoved) : new Set<string>()
  const prevBlocks = prev ? new Map(prev.snapshot.blocks.map((b) => [b.id, b])) : new Map<string, BlockRecord>()

  const rows: ListingRow[] = []
  const rowOf = new Map<string, number>()
  // The first record has nothing before it: everything would be "added", which says nothing.
  const marks = prev !== undefined
  const blockStatus = (id: string): RowStatus => (!marks ? 'same' : blocksAdded.has(id) ? 'added' : blocksChanged.has(id) ? 'changed' : 'same')
  const valueStatus = (id: string): RowStatus => (!marks ? 'same' : added.has(id) ? 'added' : changed.has(id) ? 'changed' : 'same')

  const emitBlock = (b: BlockRecord, status: RowStatus, values: { v: ValueRecord; status: RowStatus }[], dead: boolean): void => {
    rowOf.set(b.id, rows.length)
    rows.push({ kind: 'block', block: b, status, dead })
    for (const { v, status: s } of values) {
      if (s !== 'removed' || !rowOf.has(v.id)) rowOf.set(v.id, rows.length)
      const row: ListingRow = { kind: 'value', value: v, status: s, dead: s === 'removed' || !live.has(v.id) }
      const n = names.get(v.id)
      if (n && s !== 'removed') row.names = n
      const loc = s === 'removed' ? undefined : snap.locs?.[v.id]
      if (loc !== undefined) row.loc = loc
      rows.push(row)
    }
    rows.push({ kind: 'end', block: b, status })
  }

  const current = new Set(snap.blocks.map((b) => b.id))
  // Removed blocks go back where they were: after the block that preceded them before the pass.
  const removedAfter = new Map<string | null, BlockRecord[]>()
  if (prev && removedBlocks.size) {
    let anchor: string | null = null
    for (const b of prev.snapshot.blocks) {
      if (current.has(b.id)) anchor = b.id
      else if (removedBlocks.has(b.id)) {
        const l = removedAfter.get(anchor) ?? []
        l.push(b)
        removedAfter.set(anchor, l)
      }
    }
  }
  const emitRemovedBlocks = (anchor: string | null): void => {
    for (const b of removedAfter.get(anchor) ?? []) {
      // Only the values that went with it: a pass that merges blocks (fuse, short circuit) moves the others.
      const gone = order(b, prev!.snapshot.scheduled === true).filter((v) => removedValues.has(v.id))
      emitBlock(b, 'removed', gone.map((v) => ({ v, status: 'removed' as const })), true)
    }
  }

  emitRemovedBlocks(null)
  for (const b of snap.blocks) {
    const values = order(b, snap.scheduled === true).map((v) => ({ v, status: valueStatus(v.id) as RowStatus }))
    const before = prevBlocks.get(b.id)
    emitBlock(b, blockStatus(b.id), removedValues.size && before ? withRemoved(values, before, prev!.snapshot, removedValues) : values, !reachable.has(b.id))
    emitRemovedBlocks(b.id)
  }
  return { rows, rowOf }
}

/** Puts the values removed from a block back after the value that preceded them in the previous pass. */
function withRemoved(
  shown: { v: ValueRecord; status: RowStatus }[],
  before: BlockRecord,
  prevSnap: FuncSnapshot,
  removed: ReadonlySet<string>,
): { v: ValueRecord; status: RowStatus }[] {
  const gone = new Map<string | null, ValueRecord[]>()
  const present = new Set(shown.map((o) => o.v.id))
  let anchor: string | null = null
  for (const v of order(before, prevSnap.scheduled === true)) {
    if (present.has(v.id)) anchor = v.id
    else if (removed.has(v.id)) {
      const l = gone.get(anchor) ?? []
      l.push(v)
      gone.set(anchor, l)
    }
  }
  if (gone.size === 0) return shown
  const out: { v: ValueRecord; status: RowStatus }[] = []
  const put = (a: string | null) => {
    for (const v of gone.get(a) ?? []) out.push({ v, status: 'removed' })
  }
  put(null)
  for (const o of shown) {
    out.push(o)
    put(o.v.id)
  }
  return out
}

/** Values of a snapshot by id. */
export function valuesById(snap: FuncSnapshot): Map<string, ValueRecord> {
  const m = new Map<string, ValueRecord>()
  for (const b of snap.blocks) for (const v of b.values) m.set(v.id, v)
  return m
}

/** Value id → the values (and block controls) that use it, in listing order. */
export function usesOf(snap: FuncSnapshot): Map<string, string[]> {
  const uses = new Map<string, string[]>()
  const add = (arg: string, user: string) => {
    const l = uses.get(arg)
    if (l) {
      if (l[l.length - 1] !== user) l.push(user)
    } else uses.set(arg, [user])
  }
  for (const b of snap.blocks) {
    for (const v of b.values) for (const a of v.args) add(a, v.id)
    for (const c of b.controls) add(c, b.id)
  }
  return uses
}

/** What a pass did, in a few characters: `+3 ~2 −1 2 blocks` (values added, changed, removed; blocks touched). */
export function passDelta(p: PassRecord): string {
  if (p.status === 'not-modeled') return 'not modelled: the function as the previous pass left it'
  if (p.status === 'unchanged' || p.status === 'failed') return ''
  const d = p.diff
  const parts: string[] = []
  if (d.valuesAdded.length) parts.push(`+${d.valuesAdded.length}`)
  if (d.valuesChanged.length) parts.push(`~${d.valuesChanged.length}`)
  if (d.valuesRemoved.length) parts.push(`−${d.valuesRemoved.length}`)
  const blocks = d.blocksAdded.length + d.blocksRemoved.length + d.blocksChanged.length
  if (blocks) parts.push(`${blocks} block${blocks === 1 ? '' : 's'}`)
  return parts.join(' ')
}
