// Moving through a trace's passes: next/previous, next/previous pass that
// changed something (iongraph's f/r), and a fuzzy match for `g`.

import type { PassRecord } from '../../../src-main/protocol/model'

/** A pass that did something worth stopping at: it changed the function, or it failed. */
export const isInteresting = (p: PassRecord): boolean => p.status === 'changed' || p.status === 'failed'

export function nextInteresting(passes: readonly PassRecord[], from: number, dir: 1 | -1): number {
  return nextWhere(passes.length, from, dir, (i) => isInteresting(passes[i]!))
}

/** The next index in [0, count) after `from` in direction `dir` where `ok` holds; `from` when there is none. */
export function nextWhere(count: number, from: number, dir: 1 | -1, ok: (i: number) => boolean): number {
  for (let i = from + dir; i >= 0 && i < count; i += dir) if (ok(i)) return i
  return from
}

/**
 * Scores a pass name against a query the way command palettes do: every query
 * character in order, contiguous runs and word starts scoring higher. Null:
 * no match.
 */
export function fuzzyScore(name: string, query: string): number | null {
  const q = query.trim().toLowerCase()
  if (!q) return 0
  const n = name.toLowerCase()
  if (n === q) return 1000
  if (n.startsWith(q)) return 500 - n.length
  const at = n.indexOf(q)
  if (at >= 0) return 300 - at - n.length
  let score = 0
  let j = 0
  let prev = -2
  for (let i = 0; i < n.length && j < q.length; i++) {
    if (n[i] !== q[j]) continue
    score += i === prev + 1 ? 5 : 1
    if (i === 0 || n[i - 1] === ' ') score += 3
    prev = i
    j++
  }
  return j === q.length ? score : null
}

export function fuzzyPasses(passes: readonly PassRecord[], query: string): number[] {
  const scored: { i: number; s: number }[] = []
  passes.forEach((p, i) => {
    const s = fuzzyScore(p.name, query)
    if (s !== null) scored.push({ i, s })
  })
  return scored.sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.i)
}

/** Search in a listing: `vN` ids, ops, types, aux; `/re/` is a regular expression over the whole value line. */
export function valueMatcher(query: string): ((text: string, id: string) => boolean) | null {
  const q = query.trim()
  if (!q) return null
  const re = /^\/(.+)\/([i]?)$/.exec(q)
  if (re) {
    try {
      const r = new RegExp(re[1]!, re[2])
      return (text) => r.test(text)
    } catch {
      return null
    }
  }
  if (/^[vb]\d+$/.test(q)) return (_text, id) => id === q
  const lower = q.toLowerCase()
  return (text) => text.toLowerCase().includes(lower)
}
