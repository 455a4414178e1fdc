// Listings of recently shown passes, and of the passes the user is likely to
// step to next, built while the window is idle: stepping with n/b/f/r then
// only swaps rows that already exist.

import type { PassRecord } from '../../../src-main/protocol/model'
import { buildListing, type Listing, type ListingOptions } from './listing'

const KEEP = 12

export class ListingCache {
  private readonly entries = new Map<PassRecord, Listing>()
  private idle: number | undefined

  constructor(private readonly opts: ListingOptions) {}

  get(rec: PassRecord, prev: PassRecord | undefined): Listing {
    let l = this.entries.get(rec)
    if (l) {
      // Most recently used last.
      this.entries.delete(rec)
      this.entries.set(rec, l)
      return l
    }
    l = buildListing(rec, prev, this.opts)
    this.entries.set(rec, l)
    if (this.entries.size > KEEP) this.entries.delete(this.entries.keys().next().value!)
    return l
  }

  /** Builds these passes' listings one per idle period (each is a few ms on a 10,000-value function). */
  prefetch(list: [PassRecord, PassRecord | undefined][]): void {
    this.cancel()
    const todo = list.filter(([rec]) => !this.entries.has(rec))
    const step = (): void => {
      const next = todo.shift()
      if (!next) return
      this.get(next[0], next[1])
      this.idle = whenIdle(step)
    }
    this.idle = whenIdle(step)
  }

  cancel(): void {
    if (this.idle !== undefined) cancelIdle(this.idle)
    this.idle = undefined
  }
}

const hasIdle = typeof requestIdleCallback === 'function'
const whenIdle = (f: () => void): number => (hasIdle ? requestIdleCallback(f, { timeout: 500 }) : (setTimeout(f, 30) as unknown as number))
const cancelIdle = (h: number): void => (hasIdle ? cancelIdleCallback(h) : clearTimeout(h))
