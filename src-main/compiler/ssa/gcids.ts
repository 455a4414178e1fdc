// gc's value ids, mirrored. Our ids are never reused (snapshots and the UI
// name values by them), but gc's are: f.freeValue puts a value on a LIFO
// free list and f.newValue takes the last freed id back. gc breaks ties by
// id in several places (canonLessThan's operand order, cse's partitions and
// commutative arguments, the scheduler, prove's ordering), so to decide as
// gc does we keep, beside our id, the id gc would have given each value:
// allocated from a shadow counter and free list, freed where gc frees.
//
// Construction has values gc has and we do not: gc reads a variable defined
// in another block through a FwdRef made at the read, which its phi
// insertion turns into a Phi or a Copy (the Copies die in the first
// deadcode, their ids going back to the free list). Those are "ghosts"
// here: an id and a place in a block, freed by the first sweep that passes
// that place (ssagen/gcfwdrefs.ts makes them).

import type { Block, Value } from './func'

/** An id gc holds for a value we do not have, freed by the next sweep at its place in the block. */
export interface Ghost {
  id: number
  /** The value it follows in its block (null: the block's start). */
  after: Value | null
  /** gc has reset it to Invalid: any sweep frees it; a dead one only a sweep that drops dead values. */
  invalid: boolean
}

export class GcIds {
  private next = 1
  private readonly freeList: number[] = []
  /** While positive, new values get no id yet (construction's variable lookups; settled later). */
  deferred = 0
  private ghosts: Map<Block, Ghost[]> | null = null

  alloc(): number {
    if (this.deferred > 0) return 0
    return this.freeList.length > 0 ? this.freeList.pop()! : this.next++
  }

  /** The free list, last freed last (tests). */
  get freeIds(): readonly number[] {
    return this.freeList
  }

  /** An id taken from outside (a value read back from gc's dump): later ids continue above it. */
  reserve(id: number): void {
    if (id >= this.next) this.next = id + 1
  }

  /** gc's f.freeValue: the value is gone; the next new value takes its id. Freeing twice is a no-op. */
  free(v: Value): void {
    if (v.gcId <= 0) return
    this.freeList.push(v.gcId)
    v.gcId = 0
  }

  /** A value gc has at this place of the block and we do not (its id is already allocated). */
  addGhost(b: Block, g: Ghost): void {
    this.ghosts ??= new Map()
    let list = this.ghosts.get(b)
    if (!list) this.ghosts.set(b, (list = []))
    list.push(g)
  }

  get hasGhosts(): boolean {
    return this.ghosts !== null && this.ghosts.size > 0
  }

  /**
   * A sweep of block b that frees the values `dead` says (called once per
   * value, in block order), as gc's deadcode and rewrite loops do; the
   * block's ghosts go at their places (only the Invalid ones when the sweep
   * leaves dead values, as decompose builtin's rewrite does).
   */
  sweep(b: Block, dead: (v: Value) => boolean, keepDead = false): void {
    const gs = this.ghosts?.get(b)
    if (!gs) {
      for (const v of b.values) if (dead(v)) this.free(v)
      return
    }
    const goes = (g: Ghost) => g.invalid || !keepDead
    const kept = gs.filter((g) => !goes(g))
    if (kept.length) this.ghosts!.set(b, kept)
    else this.ghosts!.delete(b)
    const rest = gs.filter(goes)
    for (const g of rest) if (g.after === null) this.freeList.push(g.id)
    for (const v of b.values) {
      if (dead(v)) this.free(v)
      for (const g of rest) if (g.after === v) this.freeList.push(g.id)
    }
    // Ghosts whose anchor left the block (moved or removed before this sweep) go last.
    const here = new Set(b.values)
    for (const g of rest) if (g.after !== null && !here.has(g.after)) this.freeList.push(g.id)
  }

  /**
   * Values a pass takes out of b that gc only resets to Invalid (freed by the
   * next sweep): call before removing them; they become ghosts at their places.
   */
  dropLater(b: Block, removed: (v: Value) => boolean): void {
    let after: Value | null = null
    for (const v of b.values) {
      if (!removed(v)) {
        after = v
        continue
      }
      if (v.gcId > 0) this.addGhost(b, { id: v.gcId, after, invalid: true })
      v.gcId = 0
    }
  }

  /** Values that never got an id (made while deferred and not settled): they get one now, in block order. */
  settle(blocks: readonly Block[]): void {
    if (this.deferred > 0) return
    for (const b of blocks) for (const v of b.values) if (v.gcId === 0) v.gcId = this.alloc()
  }
}

/** a before b in gc's id order. */
export const gcIdLess = (a: Value, b: Value): boolean => a.gcId < b.gcId

/** Every value has a gc id of its own (what cse needs to tell singletons apart by it). */
export function gcIdsUnique(blocks: readonly Block[]): boolean {
  const seen = new Set<number>()
  for (const b of blocks) {
    for (const v of b.values) {
      if (v.gcId <= 0 || seen.has(v.gcId)) return false
      seen.add(v.gcId)
    }
  }
  return true
}

/** fn over the entries of an array indexed by our value ids, in gc's id order (gcIdOf: the gc id behind an index). */
export function forEachInGcIdOrder<T>(arr: readonly (T | undefined)[], gcIdOf: (id: number) => number, fn: (x: T | undefined, id: number) => void): void {
  const ids: number[] = []
  arr.forEach((x, id) => {
    if (x !== undefined) ids.push(id)
  })
  const keys = new Map(ids.map((id) => [id, gcIdOf(id)]))
  ids.sort((a, b) => keys.get(a)! - keys.get(b)! || a - b)
  for (const id of ids) fn(arr[id], id)
}

/**
 * The values one rule result made (`made`, in the order we made them:
 * arguments first), given gc's ids in the order rulegen's code makes them:
 * a value before its arguments, arguments left to right, from `roots` (the
 * rewritten value's new arguments, or a block's new controls). The same ids
 * change hands; when the values are the last of one block they also take
 * that order there (the rewrite visits them in it). Left alone when the
 * roots do not reach every made value.
 */
export function renumberPreorder(made: readonly Value[], roots: readonly Value[]): void {
  const mine = new Set(made)
  const order: Value[] = []
  const visit = (w: Value): void => {
    if (!mine.has(w)) return
    mine.delete(w)
    order.push(w)
    for (const a of w.args) visit(a)
  }
  for (const r of roots) visit(r)
  if (order.length !== made.length) return
  const ids = made.map((w) => w.gcId)
  for (let i = 0; i < order.length; i++) order[i]!.gcId = ids[i]!
  const b = made[0]!.block
  const vs = b.values
  const start = vs.length - made.length
  if (start < 0) return
  for (let i = 0; i < made.length; i++) if (vs[start + i] !== made[i]) return
  for (let i = 0; i < order.length; i++) vs[start + i] = order[i]!
}
