// Holes: where a value flows, and how. A hole is a destination location
// plus a dereference count (`&x` −1, `x` 0, `*x` +1) and the notes saying
// why, newest first as -m=2 prints them.

import type { Location, Note } from './graph'

export interface Hole {
  readonly dst: Location
  readonly derefs: number
  readonly notes: readonly Note[]
  /** The last shift was an address-of: the source's address is taken. */
  readonly addrtaken: boolean
}

export const holeTo = (dst: Location): Hole => ({ dst, derefs: 0, notes: [], addrtaken: false })

export function shift(k: Hole, delta: number): Hole {
  const derefs = k.derefs + delta
  if (derefs < -1) throw new Error(`escape: derefs underflow (${derefs})`)
  return { dst: k.dst, derefs, notes: k.notes, addrtaken: delta < 0 }
}

export const note = (k: Hole, n: Note | null): Hole => (n ? { ...k, notes: [n, ...k.notes] } : k)
export const deref = (k: Hole, n: Note | null): Hole => note(shift(k, 1), n)
export const addr = (k: Hole, n: Note | null): Hole => note(shift(k, -1), n)
