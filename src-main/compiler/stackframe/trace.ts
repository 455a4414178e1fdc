// The lines gc prints for -d=mergelocalstrace=N, in gc's order and format.
// Each line is recorded with the lowest level that prints it, so one run
// yields the text of every level. gc writes them to stderr as it goes.

import type { Func, Value } from '../ssa/func'
import { stmtPrefix, valueLine } from '../ssa/print'
import { Snapshotter } from '../ssa/snapshot'
import { messageTypeString } from '../types/typestring'
import type { DclVar } from './dcl'

export type TraceLevel = 1 | 2 | 3

export interface TraceLine {
  level: TraceLevel
  text: string
}

export class Tracer {
  readonly lines: TraceLine[] = []
  private texts: Map<Value, string> | null = null
  /** gc's name of the function, as its trace lines print it. */
  readonly funcName: string
  constructor(private readonly f: Func) {
    this.funcName = f.name
  }

  add(level: TraceLevel, text: string): void {
    this.lines.push({ level, text })
  }

  /** gc's v.LongString(): `v5 = Op <T> {aux} [auxint] args : loc (names)`. */
  longString(v: Value): string {
    if (!this.texts) this.texts = longStrings(this.f)
    return this.texts.get(v) ?? `v${v.id} = ${v.op} <${v.type.str}>`
  }
}

/** The trace gc prints at `level`: every line of that level or lower, each ending in a newline. */
export const traceText = (lines: readonly TraceLine[], level: number): string =>
  lines.filter((l) => l.level <= level).map((l) => l.text + '\n').join('')

function longStrings(f: Func): Map<Value, string> {
  const snap = new Snapshotter().take(f).snapshot
  const names = new Map<string, string[]>()
  for (const n of snap.names) for (const id of n.values) {
    const l = names.get(id) ?? []
    if (!l.includes(n.name)) l.push(n.name)
    names.set(id, l)
  }
  const out = new Map<Value, string>()
  f.blocks.forEach((b, i) => {
    const recs = snap.blocks[i]!.values
    b.values.forEach((v, j) => {
      const rec = recs[j]!
      // The dump line is LongString behind a position prefix.
      out.set(v, valueLine(rec, names.get(rec.id), snap.locs?.[rec.id]).slice(stmtPrefix(rec).length + 1))
    })
  })
  return out
}

/** gc's fmtFullPos for a declaration: `base.go:line:col`. */
export function fullPos(n: DclVar): string {
  const base = n.file.slice(Math.max(n.file.lastIndexOf('/'), n.file.lastIndexOf('\\')) + 1)
  return `${base}:${n.line}:${n.col}`
}

/** Go's %q of an identifier-like name. */
export const quote = (s: string): string => JSON.stringify(s)

/** gc's %v of a variable's type: like the SSA spelling, but `byte` and `rune` keep their names. */
export const typeText = (n: DclVar): string => (n.type.go ? messageTypeString(n.type.go) : n.type.str)

/** gc's dumpCand line. */
export const candLine = (c: DclVar, i: number): string =>
  ` ${i}: ${fullPos(c)} ${quote(c.name)} sz=${c.type.size} hp=${c.type.hasPointers} align=${c.type.align} t=${typeText(c)}`

/** gc's bitvec String: `#*0110`. */
export const bitsString = (bits: readonly boolean[]): string => '#*' + bits.map((b) => (b ? '1' : '0')).join('')
