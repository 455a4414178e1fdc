// The liveness timeline's model, from FuncTrace.stackFrame: one row per
// mergelocals candidate over gc's instruction numbering (blocks in layout
// order), its live intervals, markers where a value names it directly and
// where a value uses it through an address value (LEAQ / MOVDaddr and
// arithmetic on them), the uses an evicting address still had in later
// blocks, merged groups by colour, and the frame layout that follows.

import type { StackCandidate, StackFrameResult, StackUseEffect } from '../../../src-main/protocol/model'
import { PIN_COLOURS } from './colours'

export type MarkKind = StackUseEffect | 'indirect' | 'pending'

export interface Marker {
  /** Instruction index. */
  x: number
  value: string
  kind: MarkKind
  /** indirect, pending: the address value it uses. */
  via?: string
  /** When that address is arithmetic on another address value: the values it derives from, nearest first. */
  from?: string[]
}

export interface BlockSpan {
  id: string
  first: number
  /** Exclusive. */
  end: number
}

export interface LiveEviction {
  /** The boundary at the end of the block where the address was still pending. */
  x: number
  block: string
  value: string
  pending: number
  later: string[]
}

export interface LiveRow {
  cand: StackCandidate
  /** Merged group (index into the colours) or null. */
  colour: number | null
  intervals: [number, number][]
  markers: Marker[]
  /** The addresses still pending when it was evicted (several can be pending at one block's end). */
  evictions: LiveEviction[]
  /** The candidate's fate in words. */
  note: string
}

export interface FrameSlotBar {
  name: string
  offset: number
  size: number
  colour: number | null
  /** Followers: the leader they overlay. */
  leader?: string
  temp: boolean
  hasPointers: boolean
}

export interface LivenessModel {
  func: string
  arch: string
  numInstrs: number
  blocks: BlockSpan[]
  rows: LiveRow[]
  /** Value id → instruction index. */
  indexOf: ReadonlyMap<string, number>
  /** Instruction index → value id. */
  order: readonly string[]
  /** One line: what merged and what it saved, or why nothing did. */
  headline: string
  merged: boolean
  /** The frame layout; `saved`: bytes merging saved (gc's EstSavings). */
  /** `known`: false for a frame read from gc's level-2 trace, which prints the candidates' offsets but not the frame size (size then spans the slots shown). */
  frame: { size: number; ptrSize: number; saved: number; slots: FrameSlotBar[]; known: boolean }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** Do two sorted lists of half-open intervals overlap? */
export function overlaps(a: readonly [number, number][], b: readonly [number, number][]): boolean {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const [s1, e1] = a[i]!
    const [s2, e2] = b[j]!
    if (s1 < e2 && s2 < e1) return true
    if (e1 <= e2) i++
    else j++
  }
  return false
}

export function livenessModel(sf: StackFrameResult): LivenessModel {
  const indexOf = new Map<string, number>()
  const blockOf = new Map<string, string>()
  const order: string[] = []
  const blocks: BlockSpan[] = sf.numbering.map((n) => {
    n.values.forEach((v, k) => {
      indexOf.set(v, n.first + k)
      order[n.first + k] = v
      blockOf.set(v, n.block)
    })
    return { id: n.block, first: n.first, end: n.first + n.values.length }
  })
  const blockSpan = new Map(blocks.map((b) => [b.id, b]))
  // A block's control (a later use of an address) sits at its block's end.
  const xOf = (id: string): number | undefined => indexOf.get(id) ?? (blockSpan.has(id) ? Math.max(blockSpan.get(id)!.end - 1, blockSpan.get(id)!.first) : undefined)

  // Address arithmetic: each derived address value's chain back to the LEAQ / MOVDaddr.
  const fromOf = new Map(sf.addressValues.flatMap((a) => (a.from ? [[a.value, a.from] as [string, string]] : [])))
  const chainOf = (v: string): string[] => {
    const out: string[] = []
    for (let f = fromOf.get(v); f !== undefined && !out.includes(f); f = fromOf.get(f)) out.push(f)
    return out
  }

  const colourOf = new Map<string, number>()
  sf.groups.forEach((g, k) => {
    colourOf.set(g.leader, k % PIN_COLOURS)
    for (const f of g.followers) colourOf.set(f, k % PIN_COLOURS)
  })

  const addrsOf = groupBy(sf.addressValues, (a) => a.name)
  const evictionsOf = groupBy(sf.evictions, (e) => e.name)
  const addrByValue = new Map(sf.addressValues.map((a) => [a.value, a]))

  const byRegion = groupBy(sf.candidates, (c) => c.region ?? -1)
  const groupOf = new Map(sf.groups.map((g) => [g.leader, g]))

  const rows: LiveRow[] = sf.candidates.map((c) => {
    const markers: Marker[] = []
    for (const u of c.uses ?? []) {
      const x = indexOf.get(u.value)
      if (x !== undefined) markers.push({ x, value: u.value, kind: u.effect })
    }
    for (const a of addrsOf.get(c.name) ?? []) {
      const from = chainOf(a.value)
      const extra = from.length ? { from } : {}
      for (const u of a.users) {
        const x = indexOf.get(u)
        if (x !== undefined) markers.push({ x, value: u, kind: 'indirect', via: a.value, ...extra })
      }
      for (const u of a.later ?? []) {
        const x = xOf(u)
        if (x !== undefined) markers.push({ x, value: u, kind: 'pending', via: a.value, ...extra })
      }
    }
    markers.sort((p, q) => p.x - q.x)
    const evictions = (evictionsOf.get(c.name) ?? []).map((e) => ({ x: blockSpan.get(e.block)?.end ?? 0, block: e.block, value: e.value, pending: e.pending, later: addrByValue.get(e.value)?.later ?? [] }))
    const row: LiveRow = { cand: c, colour: colourOf.get(c.name) ?? null, intervals: c.intervals, markers, evictions, note: '' }
    row.note = noteOf(sf, row, blockOf, groupOf, byRegion)
    return row
  })

  const slots: FrameSlotBar[] = sf.frame.slots.map((s) => ({
    name: s.name,
    offset: s.offset,
    size: s.size,
    colour: colourOf.get(s.name) ?? null,
    ...(s.leader ? { leader: s.leader } : {}),
    temp: s.temp,
    hasPointers: s.hasPointers,
  }))

  return {
    func: sf.func,
    arch: sf.arch,
    numInstrs: sf.numInstrs,
    blocks,
    rows,
    indexOf,
    order,
    headline: headlineOf(sf),
    merged: sf.groups.length > 0,
    frame: sf.fromGcTrace
      ? { size: Math.max(0, ...slots.map((x) => -x.offset)), ptrSize: 0, saved: sf.savedBytes.total, slots, known: false }
      : { size: sf.frame.size, ptrSize: sf.frame.ptrSize, saved: sf.savedBytes.total, slots, known: true },
  }
}

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>()
  for (const x of xs) {
    const k = key(x)
    const l = m.get(k)
    if (l) l.push(x)
    else m.set(k, [x])
  }
  return m
}

function noteOf(
  sf: StackFrameResult,
  row: LiveRow,
  blockOf: Map<string, string>,
  groupOf: Map<string, StackFrameResult['groups'][number]>,
  byRegion: Map<number, StackCandidate[]>,
): string {
  const c = row.cand
  switch (c.status) {
    case 'leader': {
      const g = groupOf.get(c.name)
      return g ? `leads a slot shared with ${g.followers.join(', ')} at ${g.offset}` : 'leader'
    }
    case 'follower': {
      const g = c.leader === undefined ? undefined : groupOf.get(c.leader)
      return `shares ${c.leader}'s slot${g ? ` at ${g.offset}` : ''}: its lifetime misses the group's`
    }
    case 'unmerged': {
      const partners = (byRegion.get(c.region ?? -1) ?? []).filter((o) => o !== c && o.intervals.length > 0 && overlaps(o.intervals, c.intervals))
      return partners.length ? `live at the same time as ${partners.map((o) => o.name).join(', ')}: no slot to share` : 'no partner whose lifetime misses its own'
    }
    case 'evicted': {
      if (row.evictions.length === 0) return 'evicted'
      const parts = row.evictions.map((e) => {
        const where = e.later.map((v) => `${v} in ${blockOf.get(v) ?? v}`).join(', ')
        return `its address ${e.value} still had ${plural(e.pending, 'use')} at the end of ${e.block}${where ? ` (${where})` : ''}`
      })
      return `evicted: ${parts.join('; ')}; mergelocals follows an address only within its block`
    }
    case 'dropped':
      return `dropped: ${c.reason ?? sf.outcome}`
  }
}

function headlineOf(sf: StackFrameResult): string {
  if (sf.groups.length) {
    const members = sf.groups.reduce((n, g) => n + 1 + g.followers.length, 0)
    const groups =
      members <= 8
        ? sf.groups.map((g) => `${[g.leader, ...g.followers].join(' + ')}`).join('; ')
        : `${members} candidates into ${sf.groups.length} slot${sf.groups.length === 1 ? '' : 's'}`
    const s = sf.savedBytes
    return `merged ${groups} · ${s.total} bytes saved (${s.nonPointer} nonpointer, ${s.pointer} pointer)`
  }
  if (sf.candidates.length === 0) return 'no candidates: no local of more than 3 words whose address is never taken'
  const names = [...new Set(sf.evictions.map((e) => e.name))]
  const ev =
    names.length <= 2
      ? names.map((n) => {
          const es = sf.evictions.filter((e) => e.name === n)
          return `${n} evicted (${es.map((e) => e.value).join(', ')} pending at the end of ${es[0]!.block})`
        })
      : [`${names.join(', ')} evicted (an address pending at a block's end)`]
  return `nothing merged: ${[...ev, sf.outcome].join('; ')}`
}

/** The first index i with xs[i].x >= x (binary search over a sorted list). */
function lowerBound<T extends { x: number }>(xs: readonly T[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid]!.x < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The row's markers with lo <= x < hi: what a viewport draws. */
export function markersIn(row: LiveRow, lo: number, hi: number): Marker[] {
  const out: Marker[] = []
  for (let i = lowerBound(row.markers, lo); i < row.markers.length && row.markers[i]!.x < hi; i++) out.push(row.markers[i]!)
  return out
}

/**
 * Block boundaries to draw between lo and hi, at least `minGap` instructions
 * apart (a 10,000-value function has thousands of blocks; at a glance only
 * the ones that fit are drawn).
 */
export function boundariesIn(m: LivenessModel, lo: number, hi: number, minGap: number): BlockSpan[] {
  const out: BlockSpan[] = []
  let i = 0
  let a = 0
  let b = m.blocks.length
  while (a < b) {
    const mid = (a + b) >> 1
    if (m.blocks[mid]!.end <= lo) a = mid + 1
    else b = mid
  }
  let last = -Infinity
  for (i = a; i < m.blocks.length && m.blocks[i]!.first < hi; i++) {
    const blk = m.blocks[i]!
    if (blk.first - last >= minGap || i === a) {
      out.push(blk)
      last = blk.first
    }
  }
  return out
}

/** The instruction at index x: its value and block. */
export function instrAt(m: LivenessModel, x: number): { value: string; block: string } | null {
  if (x < 0 || x >= m.numInstrs) return null
  let a = 0
  let b = m.blocks.length
  while (a < b) {
    const mid = (a + b) >> 1
    if (m.blocks[mid]!.end <= x) a = mid + 1
    else b = mid
  }
  const blk = m.blocks[a]
  if (!blk || x < blk.first) return null
  return { value: m.order[x] ?? '', block: blk.id }
}

/** The markers at instruction x across rows: who touches the hovered instruction, and how. */
export function touchesAt(m: LivenessModel, x: number): { name: string; marker: Marker }[] {
  const out: { name: string; marker: Marker }[] = []
  for (const r of m.rows) for (const mk of markersIn(r, x, x + 1)) out.push({ name: r.cand.name, marker: mk })
  return out
}

/** `via v35 (arithmetic on v127)`: the address a marker goes through. */
export function viaText(m: Marker): string {
  if (!m.via) return ''
  return `via ${m.via}${m.from?.length ? ` (arithmetic on ${m.from.join(' ← ')})` : ''}`
}

/** Words for a marker, as the tooltip and the legend say it. */
export function markerText(k: MarkKind): string {
  switch (k) {
    case 'def':
      return 'VarDef: starts its lifetime'
    case 'addr':
      return 'address taken (LEAQ / MOVDaddr): a use'
    case 'read':
      return 'reads it'
    case 'write':
      return 'writes part of it (a use for merging)'
    case 'readwrite':
      return 'reads and writes it'
    case 'indirect':
      return 'uses it through an address value'
    case 'pending':
      return 'uses the address in a later block: not followed'
  }
}
