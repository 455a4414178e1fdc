// The architecture comparison's model: one function's amd64 and ppc64 traces
// aligned pass by pass (by gc's pass name; a pass one side lacks is a gap
// with its reason), and per pass a summary of how the two sides differ:
// value and block counts, the op histogram delta (after lowering: the ops
// each arch has alone), spills and restores after regalloc, and at the end
// the frame, the merged stack slots and the code size.

import type { FuncSnapshot, FuncTrace, PassRecord, StackFrameResult } from '../../../src-main/protocol/model'

/** Two of a thing: the left (first) and the right (second) trace's. */
export type Pair<T> = readonly [T, T]

export interface AlignedPass {
  name: string
  /** The pass's index in each trace; -1 where that trace lacks it. */
  at: Pair<number>
}

/**
 * Lines up two pass lists by name, keeping both orders (a longest common
 * subsequence: both arches run gc's one list, so this is the identity unless
 * one side stopped early or has a pass of its own).
 */
export function alignPasses(a: readonly PassRecord[], b: readonly PassRecord[]): AlignedPass[] {
  const n = a.length
  const m = b.length
  // lcs[i][j]: the common subsequence length of a[i..] and b[j..].
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i]!.name === b[j]!.name ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  const out: AlignedPass[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i]!.name === b[j]!.name) out.push({ name: a[i]!.name, at: [i++, j++] })
    else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ name: a[i]!.name, at: [i++, -1] })
    else out.push({ name: b[j]!.name, at: [-1, j++] })
  }
  return out
}

/** Why a trace has no record of the pass `name` (what the gap says). */
export function gapReason(trace: FuncTrace | null, arch: string, name: string): string {
  if (!trace) return `no ${arch} trace`
  const last = trace.passes[trace.passes.length - 1]
  if (last?.status === 'failed') return `${arch} stopped at ${last.name}, which failed: ${last.error ?? 'no reason given'}`
  return `${name} is not in ${arch}'s pass list`
}

export interface OpCount {
  op: string
  left: number
  right: number
}

export interface FrameFacts {
  /** gc's stksize: bytes of locals (trace.stackFrame.frame.size); null when read from a gc trace that does not print it. */
  locals: number | null
  /** The frame TEXT prints (locals, outgoing args, saved BP or fixed area: trace.asm.frame); null without a listing. */
  textFrame: number | null
  /** Bytes of code (trace.asm.size); null without a listing. */
  codeSize: number | null
  /** Merged groups: the leader and the variables sharing its slot. */
  groups: { leader: string; followers: string[] }[]
  savedBytes: number
  /** Why nothing merged, or `merged`. */
  outcome: string
  evictions: { name: string; reason: string }[]
}

export interface PassComparison {
  name: string
  at: Pair<number>
  /** Each side's record of the pass, or null (a gap). */
  records: Pair<PassRecord | null>
  /** Each side's gap reason, or null where it has the pass. */
  gaps: Pair<string | null>
  values: Pair<number | null>
  blocks: Pair<number | null>
  /** A side's ops are its arch's rather than generic: the pass is lower or after it. */
  lowered: Pair<boolean>
  /** Ops whose counts differ, zero where a side has none; largest difference first. Empty when a side is a gap. */
  ops: OpCount[]
  /** After regalloc on either side: StoreReg (spills) and LoadReg (restores) per side, null where regalloc has not run. */
  regalloc: { spills: Pair<number | null>; restores: Pair<number | null> } | null
  /** At the stack frame step: each side's frame, merged slots and code size (null where it has none). */
  frame: Pair<FrameFacts | null> | null
  /** At `start`: each side's heap allocation calls as built, spelled (allocSpelling). */
  allocs: Pair<string> | null
  /** Anything above differs (a gap always does). */
  differs: boolean
  /** The difference is not the previous pass's: here the arches part (or come together) further. */
  diverges: boolean
}

const histograms = new WeakMap<FuncSnapshot, Map<string, number>>()

/** Op → number of values with it (cached per snapshot: records shared between passes keep theirs). */
export function opHistogram(snap: FuncSnapshot): Map<string, number> {
  let h = histograms.get(snap)
  if (h) return h
  h = new Map()
  for (const b of snap.blocks) for (const v of b.values) h.set(v.op, (h.get(v.op) ?? 0) + 1)
  histograms.set(snap, h)
  return h
}

export function opDelta(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): OpCount[] {
  const out: OpCount[] = []
  for (const op of new Set([...a.keys(), ...b.keys()])) {
    const left = a.get(op) ?? 0
    const right = b.get(op) ?? 0
    if (left !== right) out.push({ op, left, right })
  }
  return out.sort((x, y) => Math.abs(y.left - y.right) - Math.abs(x.left - x.right) || (x.op < y.op ? -1 : x.op > y.op ? 1 : 0))
}

/** The ops of a delta one side has and the other has not. */
export const onlyLeft = (ops: readonly OpCount[]): OpCount[] => ops.filter((o) => o.right === 0)
export const onlyRight = (ops: readonly OpCount[]): OpCount[] => ops.filter((o) => o.left === 0)
/** Ops both sides have, in different numbers. */
export const bothDiffer = (ops: readonly OpCount[]): OpCount[] => ops.filter((o) => o.left !== 0 && o.right !== 0)

export function frameFacts(trace: FuncTrace): FrameFacts | null {
  const sf: StackFrameResult | undefined = trace.stackFrame
  if (!sf) return null
  return {
    locals: sf.fromGcTrace ? null : sf.frame.size,
    // gc's genssa column numbers Progs: no frame or code size there.
    textFrame: trace.asm && !trace.asm.progNumbers ? trace.asm.frame : null,
    codeSize: trace.asm && !trace.asm.progNumbers ? trace.asm.size : null,
    groups: sf.groups.map((g) => ({ leader: g.leader, followers: [...g.followers] })),
    savedBytes: sf.savedBytes.total,
    outcome: sf.outcome,
    evictions: sf.evictions.map((e) => ({ name: e.name, reason: e.reason })),
  }
}

/** gc's pass that turns generic ops into the arch's. */
export const LOWER_PASS = 'lower'

/** The pass where the stack frame facts (liveness, mergelocals, layout, listing) belong. */
export const FRAME_PASS = 'stack frame'

const count = (snap: FuncSnapshot, op: string): number => opHistogram(snap).get(op) ?? 0
const valueCount = (snap: FuncSnapshot): number => snap.blocks.reduce((n, b) => n + b.values.length, 0)

/** The pass at `index` is lower or comes after it (snapshot.arch names the target from the start, so it cannot tell). */
function isLowered(trace: FuncTrace, index: number): boolean {
  const lower = trace.passes.findIndex((p) => p.name === LOWER_PASS)
  return lower >= 0 && index >= lower
}

const pair = <T>(f: (side: 0 | 1) => T): Pair<T> => [f(0), f(1)]

/** `runtime.mallocgc(24) a@0 b@8; runtime.newobject(T) p` — a trace's allocation calls as built, in order. */
export function allocSpelling(trace: FuncTrace): string {
  if (trace.allocs.length === 0) return 'none'
  return trace.allocs
    .map((a) => `${a.call}(${a.call === 'runtime.mallocgc' ? a.size : (a.type ?? '?')})${a.members.length ? ' ' + a.members.map((m) => `${m.name}@${m.offset}`).join(' ') : ''}`)
    .join('; ')
}

/**
 * One pass of the two traces compared. `frameHere`: the stack frame facts go
 * on this row (the stack frame step; for two gc traces, which have none, the
 * last pass). A gc trace holds its mergelocals decisions without the step.
 */
export function comparePass(traces: Pair<FuncTrace | null>, arches: Pair<string>, row: AlignedPass, frameHere = row.name === FRAME_PASS): PassComparison {
  const records = pair((s) => (row.at[s] >= 0 ? traces[s]?.passes[row.at[s]] ?? null : null))
  const gaps = pair((s) => (records[s] ? null : gapReason(traces[s], arches[s], row.name)))
  const snap = (s: 0 | 1): FuncSnapshot | null => records[s]?.snapshot ?? null
  const each = <T>(f: (snap: FuncSnapshot) => T): Pair<T | null> => pair((s) => (snap(s) ? f(snap(s)!) : null))
  const values = each(valueCount)
  const blocks = each((s) => s.blocks.length)
  const lowered = pair((s) => records[s] !== null && isLowered(traces[s]!, row.at[s]))
  const [a, b] = [snap(0), snap(1)]
  const ops = a && b ? opDelta(opHistogram(a), opHistogram(b)) : []
  // Regalloc leaves each value's location beside the records: from then on, count spills and restores.
  const allocated = (s: FuncSnapshot) => s.locs !== undefined
  const regalloc =
    (a && allocated(a)) || (b && allocated(b))
      ? { spills: each((s) => (allocated(s) ? count(s, 'StoreReg') : null)), restores: each((s) => (allocated(s) ? count(s, 'LoadReg') : null)) }
      : null
  const frame = frameHere ? pair((s) => (traces[s] && (records[s] || traces[s].stackFrame?.fromGcTrace) ? frameFacts(traces[s]) : null)) : null
  const allocs = row.name === 'start' && traces[0] && traces[1] ? pair((s) => allocSpelling(traces[s]!)) : null
  const differs =
    gaps[0] !== null ||
    gaps[1] !== null ||
    values[0] !== values[1] ||
    blocks[0] !== blocks[1] ||
    ops.length > 0 ||
    (regalloc !== null && (regalloc.spills[0] !== regalloc.spills[1] || regalloc.restores[0] !== regalloc.restores[1])) ||
    (frame !== null && JSON.stringify(frame[0]) !== JSON.stringify(frame[1])) ||
    (allocs !== null && allocs[0] !== allocs[1])
  return { name: row.name, at: row.at, records, gaps, values, blocks, lowered, ops, regalloc, frame, allocs, differs, diverges: false }
}

/** Every pass of the two traces, aligned and compared. */
export function compareTraces(left: FuncTrace | null, right: FuncTrace | null, arches: Pair<string>): PassComparison[] {
  const rows = alignPasses(left?.passes ?? [], right?.passes ?? [])
  let before = ''
  const frameRow = rows.some((r) => r.name === FRAME_PASS) ? -1 : left?.stackFrame || right?.stackFrame ? rows.length - 1 : -1
  return rows.map((r, i) => {
    const c = comparePass([left, right], arches, r, r.name === FRAME_PASS || i === frameRow)
    const key = differenceKey(c)
    c.diverges = i === 0 ? c.differs : key !== before
    before = key
    return c
  })
}

/** What differs, and nothing else, as one string: equal keys mean the arches differ the same way. */
function differenceKey(c: PassComparison): string {
  const unequal = <T>(p: Pair<T>): Pair<T> | null => (p[0] === p[1] ? null : p)
  return JSON.stringify([c.gaps.map((g) => g !== null), unequal(c.values), unequal(c.blocks), c.ops, c.regalloc, c.frame, c.allocs && unequal(c.allocs)])
}

/** `LEAQ8×2 MOVQstore` — ops with their count when above one; at most `max`, then `+N`. */
export function formatOps(ops: readonly OpCount[], side: 'left' | 'right', max = Infinity): string {
  const parts = ops.slice(0, max).map((o) => (o[side] > 1 ? `${o.op}×${o[side]}` : o.op))
  if (ops.length > max) parts.push(`+${ops.length - max}`)
  return parts.join(' ')
}

/** One item of a pass's summary: a label with each side's value (a gap: the reason, on the side that lacks the pass). */
export interface DiffPart {
  label: string
  /** Parts shown on one line together: `size` (locals, frame, code), `regalloc` (spills, restores), else the label. */
  group: string
  values: Pair<string>
  /** The two sides differ here. */
  differ: boolean
}

const bytes = (n: number | null): string => (n === null ? '—' : `${n} B`)
const merged = (f: FrameFacts): string =>
  f.groups.length ? f.groups.map((g) => [g.leader, ...g.followers].join('+')).join(', ') + ` (${f.savedBytes} B saved)` : `none: ${f.outcome}`

/**
 * The differences of one pass, most specific first: gaps; at the stack frame
 * step the frame and code size, the merged slots and evictions; spills and
 * restores after regalloc; then the ops (before lowering the histogram
 * delta; after it each arch's own ops, and the shared ones whose counts
 * differ). Value and block counts have their own columns.
 */
export function describeDifferences(c: PassComparison): DiffPart[] {
  const out: DiffPart[] = []
  const part = (label: string, values: Pair<string>, group = label) => out.push({ label, group, values, differ: values[0] !== values[1] })
  if (c.gaps[0] !== null || c.gaps[1] !== null) part('gap', [c.gaps[0] ?? '', c.gaps[1] ?? ''])
  // Allocation calls as built: shown where either side makes one (they differ only by what the engines decided).
  if (c.allocs && (c.allocs[0] !== 'none' || c.allocs[1] !== 'none')) part('allocs', [c.allocs[0], c.allocs[1]])
  if (c.frame) {
    const [a, b] = c.frame
    const each = (f: (x: FrameFacts) => string): Pair<string> => [a ? f(a) : '—', b ? f(b) : '—']
    part('locals', each((x) => bytes(x.locals)), 'size')
    part('frame', each((x) => (x.textFrame === null ? '—' : `$${x.textFrame}`)), 'size')
    part('code', each((x) => bytes(x.codeSize)), 'size')
    part('merged', each(merged))
    if (a?.evictions.length || b?.evictions.length)
      part('evicted', each((x) => (x.evictions.length ? x.evictions.map((e) => `${e.name}: ${e.reason}`).join('; ') : 'none')))
  }
  if (c.regalloc) {
    const n = (x: number | null) => (x === null ? '—' : String(x))
    part('spills', [n(c.regalloc.spills[0]), n(c.regalloc.spills[1])], 'regalloc')
    part('restores', [n(c.regalloc.restores[0]), n(c.regalloc.restores[1])], 'regalloc')
  }
  const counts = (ops: OpCount[]): Pair<string> => [ops.map((o) => `${o.op} ${o.left}`).join(' '), ops.map((o) => `${o.op} ${o.right}`).join(' ')]
  if (c.ops.length && !c.lowered[0] && !c.lowered[1]) part('ops', counts(c.ops))
  else if (c.ops.length) {
    const l = onlyLeft(c.ops)
    const r = onlyRight(c.ops)
    if (l.length || r.length) part('own ops', [formatOps(l, 'left') || 'none', formatOps(r, 'right') || 'none'])
    const both = bothDiffer(c.ops)
    if (both.length) part('shared ops', counts(both))
  }
  return out
}
