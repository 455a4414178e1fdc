// gc's sparseMapPos: a map from value id to (distance, position) whose
// iteration order is insertion order, except that removing a key moves the
// last entry into its slot. regalloc walks these lists to decide which
// value gets which register first, so the order is kept exactly.
//
// Like gc's, it is a sparse set: parallel dense arrays of ids, distances and
// positions, and an id-indexed array of slots; clearing forgets the count
// only. Nothing is allocated per entry (liveness sets and clears these maps
// for every block on every round).

import { NO_POS, type Pos } from '../../func'

export interface LiveEntry {
  id: number
  dist: number
  pos: Pos
}

export class SparseMap {
  private ids: number[] = []
  private dists: number[] = []
  private poses: Pos[] = []
  private n = 0
  private sparse = new Int32Array(256)

  /** The slot of id in the dense arrays, or -1. */
  private slot(id: number): number {
    if (id >= this.sparse.length) return -1
    const i = this.sparse[id]!
    return i < this.n && this.ids[i] === id ? i : -1
  }

  contains(id: number): boolean {
    return this.slot(id) >= 0
  }

  get(id: number): number {
    const i = this.slot(id)
    return i < 0 ? -1 : this.dists[i]!
  }

  set(id: number, dist: number, pos: Pos): void {
    const i = this.slot(id)
    if (i >= 0) {
      this.dists[i] = dist
      this.poses[i] = pos
      return
    }
    if (id >= this.sparse.length) {
      const grown = new Int32Array(Math.max(id + 1, this.sparse.length * 2))
      grown.set(this.sparse)
      this.sparse = grown
    }
    const n = this.n++
    this.sparse[id] = n
    this.ids[n] = id
    this.dists[n] = dist
    this.poses[n] = pos
  }

  remove(id: number): void {
    const i = this.slot(id)
    if (i < 0) return
    const last = --this.n
    if (i < last) {
      const moved = this.ids[last]!
      this.ids[i] = moved
      this.dists[i] = this.dists[last]!
      this.poses[i] = this.poses[last]!
      this.sparse[moved] = i
    }
    this.poses[last] = NO_POS
  }

  clear(): void {
    this.n = 0
  }

  /** Entry i (0 ≤ i < size) in iteration order. */
  idAt(i: number): number {
    return this.ids[i]!
  }
  distAt(i: number): number {
    return this.dists[i]!
  }
  posAt(i: number): Pos {
    return this.poses[i]!
  }

  /** The entries in iteration order (a copy). */
  contents(): LiveEntry[] {
    const out: LiveEntry[] = new Array(this.n)
    for (let i = 0; i < this.n; i++) out[i] = { id: this.ids[i]!, dist: this.dists[i]!, pos: this.poses[i]! }
    return out
  }

  /** Add delta to every distance. */
  shift(delta: number): void {
    for (let i = 0; i < this.n; i++) this.dists[i]! += delta
  }

  get size(): number {
    return this.n
  }
}
