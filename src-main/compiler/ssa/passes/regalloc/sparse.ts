// gc's sparseMapPos: a map from value id to (distance, position) whose
// iteration order is insertion order, except that removing a key moves the
// last entry into its slot. regalloc walks these lists to decide which
// value gets which register first, so the order is kept exactly.

import type { Pos } from '../../func'

export interface LiveEntry {
  id: number
  dist: number
  pos: Pos
}

export class SparseMap {
  private dense: LiveEntry[] = []
  private index = new Map<number, number>()

  contains(id: number): boolean {
    return this.index.has(id)
  }

  get(id: number): number {
    const i = this.index.get(id)
    return i === undefined ? -1 : this.dense[i]!.dist
  }

  set(id: number, dist: number, pos: Pos): void {
    const i = this.index.get(id)
    if (i !== undefined) {
      this.dense[i] = { id, dist, pos }
      return
    }
    this.index.set(id, this.dense.length)
    this.dense.push({ id, dist, pos })
  }

  remove(id: number): void {
    const i = this.index.get(id)
    if (i === undefined) return
    const last = this.dense.pop()!
    this.index.delete(id)
    if (i < this.dense.length) {
      this.dense[i] = last
      this.index.set(last.id, i)
    }
  }

  clear(): void {
    this.dense = []
    this.index.clear()
  }

  /** The entries in iteration order (a copy). */
  contents(): LiveEntry[] {
    return this.dense.slice()
  }

  /** Add delta to every distance. */
  shift(delta: number): void {
    this.dense = this.dense.map((e) => ({ ...e, dist: e.dist + delta }))
  }

  get size(): number {
    return this.dense.length
  }
}
