// The editor's marker gutter: per source line, what gc decided there — escape
// decisions (the file's -m lines), heap allocation calls of the selected
// function (aggregated or not), bounds checks still there after prove, and
// stack slots mergelocals merged — each with the view that explains it.

import type { FuncTrace } from '../../../src-main/protocol/model'
import { allocSites } from './alloc-sites'
import { decisionLines } from './escape'
import { parsePos } from './positions'

export type MarkKind = 'escape' | 'alloc' | 'bounds' | 'slot'
/** The gutter's columns, in order. */
export const MARK_KINDS: readonly MarkKind[] = ['escape', 'alloc', 'bounds', 'slot']

/** Where a click on a mark goes. */
export type MarkTarget =
  | { view: 'escape'; pos: string }
  | { view: 'ssa'; pass: string; value: string }
  | { view: 'allocs'; value: string }
  | { view: 'liveness'; name: string }

export interface LineMark {
  kind: MarkKind
  /** Colour class: escape marks say heap (moved or escaping), leak (a parameter) or stack. */
  tone: 'heap' | 'leak' | 'stack' | 'info'
  text: string
  target: MarkTarget
}

export type LineMarks = Map<number, LineMark[]>

function add(marks: LineMarks, line: number, m: LineMark): void {
  if (line < 1) return
  const list = marks.get(line)
  if (list) list.push(m)
  else marks.set(line, [m])
}

/** gc's escape decisions by line: moved to heap, escapes to heap, does not escape, leaking param. */
export function escapeMarks(lines: readonly string[], marks: LineMarks = new Map()): LineMarks {
  for (const l of decisionLines([...lines])) {
    const at = l.indexOf(': ')
    const pos = l.slice(0, at)
    const text = l.slice(at + 2)
    const p = parsePos(pos)
    if (!p || pos.startsWith('<')) continue
    let tone: LineMark['tone']
    if (/^moved to heap: |escapes to heap$/.test(text)) tone = 'heap'
    else if (/^leaking param/.test(text)) tone = 'leak'
    else if (/does not escape$/.test(text)) tone = 'stack'
    else continue
    add(marks, p.line, { kind: 'escape', tone, text, target: { view: 'escape', pos } })
  }
  return marks
}

/** The function's allocation calls at their lines, and each member at its own line. */
export function allocMarks(trace: FuncTrace, marks: LineMarks = new Map()): LineMarks {
  for (const s of allocSites(trace)) {
    const g = s.group
    const call = `${g.value} = ${g.call}(${g.size} bytes)`
    const aggregated = g.members.length > 1
    const text = aggregated
      ? `${call}: ${g.members.map((m) => `${m.name}@${m.offset}`).join(' ')}, one allocation for ${g.members.length} variables`
      : g.members.length === 1
        ? `${call}: ${g.members[0]!.name}`
        : call
    const line = s.call?.line ?? 0
    add(marks, line, { kind: 'alloc', tone: 'info', text, target: { view: 'allocs', value: g.value } })
    if (!aggregated) continue
    g.members.forEach((m, i) => {
      const ml = s.memberLines[i] ?? 0
      if (ml === line) return
      const others = g.members.filter((x) => x !== m).map((x) => x.name)
      add(marks, ml, { kind: 'alloc', tone: 'info', text: `${m.name} at offset ${m.offset} of ${call} at line ${line}, with ${others.join(', ')}`, target: { view: 'allocs', value: g.value } })
    })
  }
  return marks
}

const BOUNDS_OPS = new Set(['IsInBounds', 'IsSliceInBounds'])
export const PROVE = 'prove'

/** Bounds checks left after prove: IsInBounds / IsSliceInBounds values in its snapshot. */
export function boundsMarks(trace: FuncTrace, marks: LineMarks = new Map()): LineMarks {
  const prove = trace.passes.find((p) => p.name === PROVE)
  if (!prove) return marks
  for (const b of prove.snapshot.blocks) {
    for (const v of b.values) {
      if (!BOUNDS_OPS.has(v.op)) continue
      const what = v.op === 'IsInBounds' ? 'index' : 'slice'
      add(marks, v.line, {
        kind: 'bounds',
        tone: 'info',
        text: `${what} bounds check left after prove: ${v.id} = ${v.op} ${v.args.join(' ')}`,
        target: { view: 'ssa', pass: PROVE, value: v.id },
      })
    }
  }
  return marks
}

/** Variables mergelocals put in another variable's stack slot, and the leaders they share with. */
export function slotMarks(trace: FuncTrace, marks: LineMarks = new Map()): LineMarks {
  const sf = trace.stackFrame
  if (!sf) return marks
  for (const g of sf.groups) {
    const all = [g.leader, ...g.followers]
    for (const name of all) {
      const c = sf.candidates.find((x) => x.name === name)
      const p = c ? parsePos(c.pos) : null
      if (!c || !p) continue
      const others = all.filter((x) => x !== name).join(', ')
      const text =
        name === g.leader
          ? `${name} (${c.size} bytes) leads a merged stack slot at frame offset ${g.offset}: shared with ${others}`
          : `${name} (${c.size} bytes) shares ${g.leader}'s stack slot at frame offset ${g.offset}`
      add(marks, p.line, { kind: 'slot', tone: 'info', text, target: { view: 'liveness', name } })
    }
  }
  return marks
}

/** Every mark of the file (escape lines) and of the selected function's trace. */
export function lineMarks(escapeLines: readonly string[] | null, trace: FuncTrace | null): LineMarks {
  const marks: LineMarks = new Map()
  if (escapeLines) escapeMarks(escapeLines, marks)
  if (trace) {
    allocMarks(trace, marks)
    boundsMarks(trace, marks)
    slotMarks(trace, marks)
  }
  return marks
}

/** A line's tone for one kind: the most telling of its marks (heap over leak over stack). */
export function toneOf(marks: readonly LineMark[], kind: MarkKind): LineMark['tone'] | null {
  const mine = marks.filter((m) => m.kind === kind)
  if (mine.length === 0) return null
  for (const t of ['heap', 'leak', 'stack', 'info'] as const) if (mine.some((m) => m.tone === t)) return t
  return null
}
