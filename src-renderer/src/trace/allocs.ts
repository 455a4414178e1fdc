// The allocation view's model, from FuncTrace.allocs: each runtime call as a
// card (its byte layout with padding, what gc decided and why), and for each
// heap-moved variable the steps of gc 1.26's newHeapaddr rule that placed
// it: no pointers, size < 16, non-zero; then the block's pending list, flushed
// at the block end or when 16 bytes would overflow; a lone one stays
// runtime.newobject.

import type { AllocGroup, AllocMember, EscapeGraphArtifact, FuncTrace, ValueRecord } from '../../../src-main/protocol/model'

/** gc's maxAggregatedHeapAllocation. */
export const MAX_AGGREGATED = 16
/** Wider allocations are drawn as one bar instead of byte by byte. */
export const MAX_BYTE_CELLS = 64

/** A run of bytes of an allocation: a member or padding. */
export interface LayoutSpan {
  offset: number
  size: number
  /** Index in the group's members; null for padding. */
  member: number | null
}

export interface AllocCard {
  group: AllocGroup
  index: number
  /** `runtime.mallocgc(16, nil, true)`, `runtime.newobject(int8)`. */
  title: string
  /** One word for the decision. */
  kindLabel: string
  /** Source line of the call in the function as built (0: unknown). */
  line: number
  layout: LayoutSpan[]
  padding: number
  /** Draw byte cells (small allocations) or one bar. */
  bytewise: boolean
  /** Why the call holds what it holds. */
  why: string
  /** What clicking the card pins: the call, then the members' address values. */
  pins: string[]
}

/** One step of the rule for a variable: what gc checked and what it found. */
export interface RuleCheck {
  label: string
  ok: boolean
}

export type HeapVerdict = 'aggregated' | 'alone' | 'own' | 'zero'

export interface HeapVarRow {
  name: string
  verdict: HeapVerdict
  size: number
  checks: RuleCheck[]
  /** The outcome in words. */
  outcome: string
  /** The card holding it; null for zero-sized variables. */
  card: number | null
  /** Its heap address value in the function as built, and that value's source line. */
  value: string | null
  line: number
}

export interface AllocsModel {
  cards: AllocCard[]
  vars: HeapVarRow[]
  /** Calls of each kind, for the summary line. */
  counts: { calls: number; aggregated: number; variables: number }
}

const KIND_LABEL: Record<string, string> = { aggregate: 'aggregated', lone: 'alone', own: 'own call', site: 'allocation site' }

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** Member spans at their offsets, padding between them and up to the size. */
export function layoutOf(g: AllocGroup): LayoutSpan[] {
  const out: LayoutSpan[] = []
  let at = 0
  const order = g.members.map((m, i) => ({ m, i })).sort((x, y) => x.m.offset - y.m.offset)
  for (const { m, i } of order) {
    if (m.offset > at) out.push({ offset: at, size: m.offset - at, member: null })
    out.push({ offset: m.offset, size: m.size, member: i })
    at = Math.max(at, m.offset + m.size)
  }
  if (g.members.length === 0) return [{ offset: 0, size: g.size, member: null }]
  if (g.size > at) out.push({ offset: at, size: g.size - at, member: null })
  return out
}

function titleOf(g: AllocGroup): string {
  if (g.call === 'runtime.mallocgc') return `runtime.mallocgc(${g.size}, nil, true)`
  return `runtime.newobject(${g.type ?? g.members[0]?.name ?? '?'})`
}

function flushText(g: AllocGroup): string {
  const f = g.flush
  if (!f) return ''
  if (f.cause === 'overflow') return `flushed when ${f.next ?? 'the next variable'} (${f.nextSize ?? '?'} bytes) would have made ${f.bytes + (f.nextSize ?? 0)} > ${MAX_AGGREGATED} bytes`
  return `flushed at the end of ${g.block} with ${f.bytes} of ${MAX_AGGREGATED} bytes pending`
}

function whyOf(g: AllocGroup): string {
  const names = g.members.map((m) => m.name)
  switch (g.kind) {
    case 'aggregate': {
      const byOrder = [...g.members].sort((x, y) => (x.order ?? 0) - (y.order ?? 0)).map((m) => m.name)
      const moved = byOrder.join(',') !== names.join(',')
      return `${names.join(', ')} were pending together in ${g.block}; ${flushText(g)}. Laid out by decreasing alignment${moved ? ` (declared ${byOrder.join(', ')})` : ''}, ${g.size} bytes rounded to ${g.members[0]?.align ?? 1}.`
    }
    case 'lone':
      return `${names[0]} was alone in ${g.block}'s pending list when it was ${flushText(g)}: it keeps runtime.newobject (its OffPtr became a Copy).`
    case 'own':
      return `${names.join(', ')} is never aggregated (${ineligible(g.members[0]!)}): a call of its own.`
    case 'site':
      return `An allocation site (new, &T{…}, a closure, a slice backing array), not a moved variable: gc never aggregates these.`
    default:
      return names.length ? `Holds ${names.join(', ')}.` : 'Read from a dump: no decision recorded.'
  }
}

function ineligible(m: AllocMember): string {
  if (m.pointers) return 'it has pointers'
  if (m.size >= MAX_AGGREGATED) return `${m.size} bytes ≥ ${MAX_AGGREGATED}`
  if (m.size === 0) return 'zero-sized'
  return 'not eligible'
}

function checksOf(size: number, pointers: boolean): RuleCheck[] {
  return [
    { label: pointers ? 'has pointers' : 'no pointers', ok: !pointers },
    { label: size >= MAX_AGGREGATED ? `${size} B ≥ ${MAX_AGGREGATED}` : `${size} B < ${MAX_AGGREGATED}`, ok: size < MAX_AGGREGATED },
    { label: size === 0 ? 'zero-sized' : 'non-zero', ok: size !== 0 },
  ]
}

/** Values of the function as built, by id (for source lines). */
function startValues(t: FuncTrace): Map<string, ValueRecord> {
  const m = new Map<string, ValueRecord>()
  for (const b of t.passes[0]?.snapshot.blocks ?? []) for (const v of b.values) m.set(v.id, v)
  return m
}

export function allocsModel(t: FuncTrace): AllocsModel {
  const values = startValues(t)
  const cards: AllocCard[] = t.allocs.map((g, index) => {
    const layout = layoutOf(g)
    return {
      group: g,
      index,
      title: titleOf(g),
      kindLabel: KIND_LABEL[g.kind ?? ''] ?? g.call.slice('runtime.'.length),
      line: values.get(g.value)?.line ?? 0,
      layout,
      padding: g.members.length ? layout.filter((s) => s.member === null).reduce((n, s) => n + s.size, 0) : 0,
      bytewise: g.size <= MAX_BYTE_CELLS,
      why: whyOf(g),
      pins: [g.value, ...g.members.flatMap((m) => (m.value && m.value !== g.value ? [m.value] : []))],
    }
  })
  const vars: HeapVarRow[] = []
  for (const c of cards) {
    const g = c.group
    for (const m of g.members) {
      const others = g.members.filter((x) => x !== m).map((x) => x.name)
      let verdict: HeapVerdict
      let outcome: string
      if (g.kind === 'aggregate') {
        verdict = 'aggregated'
        outcome = `shares ${g.value} with ${others.join(', ')}, at offset ${m.offset}`
      } else if (g.kind === 'lone') {
        verdict = 'alone'
        outcome = `alone in ${g.block}'s pending list, ${flushText(g)}: runtime.newobject ${g.value}`
      } else {
        verdict = 'own'
        outcome = `${ineligible(m)}: runtime.newobject ${g.value} of its own`
      }
      // The variable that overflowed a list starts the next one: say so on its row too.
      const overflowed = cards.find((o) => o.group.flush?.cause === 'overflow' && o.group.flush.next === m.name && o.group.block === g.block)
      if (overflowed) outcome += ` (it did not fit in ${overflowed.group.value}: ${overflowed.group.flush!.bytes} + ${m.size} > ${MAX_AGGREGATED} bytes)`
      vars.push({ name: m.name, verdict, size: m.size, checks: checksOf(m.size, m.pointers ?? false), outcome, card: c.index, value: m.value ?? null, line: (m.value && values.get(m.value)?.line) || 0 })
    }
  }
  for (const z of t.zerobase ?? []) {
    vars.push({ name: z.name, verdict: 'zero', size: 0, checks: checksOf(0, false), outcome: 'zero-sized: no call, its address is runtime.zerobase', card: null, value: z.value, line: values.get(z.value)?.line ?? 0 })
  }
  return {
    cards,
    vars,
    counts: { calls: cards.length, aggregated: cards.filter((c) => c.group.kind === 'aggregate').length, variables: vars.length },
  }
}

/** The summary line: `2 calls · 1 runtime.mallocgc for 4 variables`. */
export function allocsSummary(m: AllocsModel): string {
  const agg = m.cards.filter((c) => c.group.kind === 'aggregate')
  const held = agg.reduce((n, c) => n + c.group.members.length, 0)
  let s = `${plural(m.counts.calls, 'call')} · ${plural(m.counts.variables, 'heap-moved variable')}`
  if (agg.length) s += ` · ${held} share ${plural(agg.length, 'runtime.mallocgc')}`
  return s
}

/**
 * Where a heap-moved variable of func is declared (from the escape graph's
 * locations), as source ranges: `name` at each position. Two declarations
 * of one name are told apart by the line of its heap address value.
 */
export function declRanges(
  g: EscapeGraphArtifact | null,
  func: string,
  name: string,
  line: number,
  offsetOf: (line: number, col: number) => number,
): { from: number; to: number }[] {
  if (!g) return []
  const found = g.locations.filter((l) => l.fn === func && l.name === name && (l.kind === 'var' || l.kind === 'param' || l.kind === 'result') && l.pos)
  const at = found.map((l) => /:(\d+):(\d+)$/.exec(l.pos)).filter((m): m is RegExpExecArray => m !== null).map((m) => ({ line: Number(m[1]), col: Number(m[2]) }))
  const same = at.length > 1 ? at.filter((p) => p.line === line) : at
  return (same.length ? same : at).map((p) => {
    const from = offsetOf(p.line, p.col)
    return { from, to: from + name.length }
  })
}
