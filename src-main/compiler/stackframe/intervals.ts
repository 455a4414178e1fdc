// Live intervals over the function's global instruction numbering, as gc's
// liveness/intervals.go builds and compares them. An interval is half-open
// [st,en); a variable's intervals are disjoint and sorted. The builder is fed
// positions in decreasing order (a backwards walk) and, like gc's, refuses a
// position that does not decrease: computeIntervals ignores those errors, so
// the refusal is part of the result and must be kept.

export interface Interval {
  st: number
  en: number
}

export type Intervals = Interval[]

export const intervalString = (i: Interval): string => `[${i.st},${i.en})`
export const intervalsString = (is: Intervals): string => is.map(intervalString).join(' ')

const overlaps1 = (a: Interval, b: Interval): boolean => Math.min(a.en, b.en) - Math.max(a.st, b.st) > 0
const adjacent = (a: Interval, b: Interval): boolean => a.en === b.st || b.en === a.st

export class IntervalsBuilder {
  private s: Interval[] = []
  /** gc's lidx: 1 + the last position seen in the open interval, 0 when none is open. */
  private lidx = 0

  private last(): number {
    return this.lidx - 1
  }

  /** The variable is live at `pos` (an upwards-exposed use). Returns false where gc's Live returns an error. */
  live(pos: number): boolean {
    if (pos < 0) return false
    if (this.last() === -1) {
      this.lidx = pos + 1
      this.s.push({ st: pos, en: pos + 1 })
      return true
    }
    if (pos >= this.last()) return false
    this.s[this.s.length - 1]!.st = pos
    this.lidx = pos + 1
    return true
  }

  /** The variable is killed (defined) at `pos`: the open interval starts just after it. */
  kill(pos: number): boolean {
    if (pos < 0) return false
    if (this.last() === -1) return true
    if (pos >= this.last()) return false
    this.s[this.s.length - 1]!.st = pos + 1
    this.lidx = 0
    return true
  }

  /** The intervals in increasing order; throws where gc's Finish fails (gc then stops with an ICE). */
  finish(): Intervals {
    const r = [...this.s].reverse()
    for (let i = 0; i < r.length; i++) {
      const { st, en } = r[i]!
      if (en <= st) throw new Error(`bad range elem ${st}:${en}, en<=st`)
      if (i === 0) continue
      const p = r[i - 1]!
      if (p.st >= st) throw new Error(`range start not ordered ${st}:${en} less than prev ${p.st}:${p.en}`)
      if (p.en > st) throw new Error(`bad range elem ${st}:${en} overlaps prev ${p.st}:${p.en}`)
    }
    return r
  }
}

/**
 * gc's pairVisitor: the intervals of both lists in order of start (the first
 * list wins ties), tagged with the list they came from.
 */
function* pairs(a: Intervals, b: Intervals): Generator<{ i: Interval; from: 0 | 1 }> {
  let ia = 0
  let ib = 0
  while (ia < a.length || ib < b.length) {
    if (ib >= b.length || (ia < a.length && a[ia]!.st <= b[ib]!.st)) yield { i: a[ia++]!, from: 0 }
    else yield { i: b[ib++]!, from: 1 }
  }
}

/** gc's Intervals.Overlaps: do any intervals of `a` and `b` overlap (neighbours in start order only, as gc checks). */
export function intervalsOverlap(a: Intervals, b: Intervals): boolean {
  if (a.length === 0 || b.length === 0) return false
  if (a[a.length - 1]!.en <= b[0]!.st || a[0]!.st >= b[b.length - 1]!.en) return false
  let first: { i: Interval; from: 0 | 1 } | null = null
  for (const second of pairs(a, b)) {
    if (first && first.from !== second.from && overlaps1(first.i, second.i)) return true
    first = second
  }
  return false
}

/** gc's Intervals.Merge: the union, with overlapping or adjacent intervals joined. */
export function mergeIntervals(a: Intervals, b: Intervals): Intervals {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const out: Interval[] = []
  let cur: Interval | null = null
  for (const { i } of pairs(a, b)) {
    if (!cur) cur = { ...i }
    else if (!overlaps1(cur, i) && !adjacent(cur, i)) {
      out.push(cur)
      cur = { ...i }
    } else {
      cur.st = Math.min(cur.st, i.st)
      cur.en = Math.max(cur.en, i.en)
    }
  }
  out.push(cur!)
  return out
}
