// The largest version of a Go file that lies inside our subset.
//
// Our parser and type checker refuse what the subset lacks (`unsupported:`)
// and report type errors. Every import, and every top-level declaration that
// holds a diagnostic, is blanked out — replaced by spaces, newlines kept, one
// space per UTF-8 byte — so every remaining token keeps gc's line:col. That
// can break other declarations (a caller of a removed function no longer
// type-checks), so the check repeats until the file is clean. A diagnostic
// outside every declaration (the package clause, a stray top-level error)
// leaves nothing in the subset.
//
// Declarations are removed whole, except that one spec of a grouped `var (…)`
// or `type (…)` goes alone (the others do not depend on it). A `const (…)`
// group always goes whole: iota and implicit repetition tie its specs together.

import type { Diagnostic } from '../protocol/model'
import type * as A from '../compiler/syntax/ast'
import { parseFile, type ParsedFile } from '../compiler/syntax'
import { checkFile } from '../compiler/types/check'

/** A top-level function or method left in the subset. */
export interface KeptFunction {
  /** gc's name: `F`, `T.M`, `(*T).M`. */
  name: string
  /** Lines of the whole declaration (`func` … closing brace), 1-based, inclusive. */
  line: number
  endLine: number
}

export interface Removal {
  /** `func F`, `func (*T).M`, `var x`, `type T`, `const a, b`, `import`. */
  what: string
  line: number
  endLine: number
  /** 1 for what the original file's own diagnostics removed; later rounds remove dependants. */
  round: number
  /** The first diagnostic that removed it. */
  reason: Diagnostic
}

/** An extra check run on a file that parses and type-checks cleanly (e.g. escape analysis). */
export type Stage<T extends { diagnostics: Diagnostic[] }> = (path: string, text: string) => Promise<T>

export interface Reduction<T = never> {
  /** The reduced source (same lines, same byte columns). */
  text: string
  /** Top-level functions and methods in the original file. */
  totalFunctions: number
  /** Those left in the subset, in source order; empty when `global` is set. */
  functions: KeptFunction[]
  removed: Removal[]
  /** The diagnostic that put the whole file outside the subset, if any. */
  global: Diagnostic | null
  /** Check rounds run. */
  rounds: number
  /** The stage's result on the final text, when a stage was given and did not throw. */
  stage?: T
  /** The stage threw on the current text: its message (functions still lists what was in the subset). */
  stageError?: string
}

export async function reduceToSubset<T extends { diagnostics: Diagnostic[] } = never>(
  path: string,
  text: string,
  stage?: Stage<T>,
): Promise<Reduction<T>> {
  let current = text
  let totalFunctions = -1
  const removed: Removal[] = []
  for (let round = 1; ; round++) {
    const parsed = await parseFile(path, current)
    if (totalFunctions < 0) totalFunctions = parsed.file.decls.filter((d) => d.kind === 'FuncDecl').length
    const base = { text: current, totalFunctions, removed, rounds: round }
    let diagnostics = parsed.diagnostics
    if (diagnostics.length === 0) diagnostics = checkFile(parsed.file, parsed.source).diagnostics
    let stageResult: T | undefined
    if (diagnostics.length === 0 && stage) {
      try {
        stageResult = await stage(path, current)
      } catch (e) {
        return { ...base, functions: keptFunctions(parsed), global: null, stageError: e instanceof Error ? e.message : String(e) }
      }
      diagnostics = stageResult.diagnostics
    }
    if (diagnostics.length === 0) {
      const done: Reduction<T> = { ...base, functions: keptFunctions(parsed), global: null }
      if (stageResult !== undefined) done.stage = stageResult
      return done
    }

    const cuts: Cut[] = []
    const seen = new Set<string>()
    for (const d of diagnostics) {
      const cut = locate(parsed, d) ?? (d.message.startsWith('unsupported: import') && d.to > d.from ? { from: d.from, to: d.to, what: 'import' } : null)
      if (!cut) return { ...base, functions: [], global: d }
      const key = `${cut.from}:${cut.to}`
      if (seen.has(key)) continue // one removal per declaration, for its first diagnostic
      seen.add(key)
      const start = parsed.source.position(cut.from).line
      const end = parsed.source.position(Math.max(cut.from, cut.to - 1)).line
      removed.push({ what: cut.what, line: start, endLine: end, round, reason: d })
      cuts.push({ ...cut, from: leadingComments(current, cut.from), to: trailingSemicolon(current, cut.to) })
    }
    const next = blank(current, cuts)
    if (next === current) return { ...base, functions: [], global: diagnostics[0]! } // nothing left to cut: cannot progress
    current = next
  }
}

interface Cut {
  from: number
  to: number
  what: string
}

function keptFunctions(parsed: ParsedFile): KeptFunction[] {
  return parsed.functions
    .filter((f) => f.kind !== 'closure')
    .map((f) => ({ name: f.name, line: parsed.source.position(f.from).line, endLine: parsed.source.position(Math.max(f.from, f.to - 1)).line }))
}

/** The declaration (or grouped spec) holding a diagnostic. */
function locate(parsed: ParsedFile, d: Diagnostic): Cut | null {
  const at = d.from
  const spec = parsed.file.imports.find((s) => s.pos <= at && at < s.end)
  if (spec) {
    // One spec of `import (…)` goes alone; the only spec of `import "p"` takes the keyword along.
    const grouped = parsed.source.text.slice(spec.decl.pos, spec.pos).includes('(')
    return grouped ? { from: spec.pos, to: spec.end, what: 'import' } : { from: spec.decl.pos, to: spec.decl.end, what: 'import' }
  }
  const decl = parsed.file.decls.find((x) => x.pos <= at && at < x.end) ?? parsed.file.decls.find((x) => x.pos <= at && at <= x.end && x.end > x.pos)
  if (!decl) return null
  switch (decl.kind) {
    case 'FuncDecl': {
      const info = parsed.functions.find((f) => f.from === decl.pos && f.kind !== 'closure')
      return { from: decl.pos, to: decl.end, what: `func ${info?.name ?? decl.name.name}` }
    }
    case 'ConstDecl':
      return { from: decl.pos, to: decl.end, what: `const ${decl.specs.flatMap((s) => s.names.map((n) => n.name)).join(', ')}` }
    case 'VarDecl':
    case 'TypeDecl': {
      const keyword = decl.kind === 'VarDecl' ? 'var' : 'type'
      const specs: (A.ValueSpec | A.TypeSpec)[] = decl.specs
      const names = (s: A.ValueSpec | A.TypeSpec) => ('names' in s ? s.names.map((n) => n.name).join(', ') : s.name.name)
      const spec = specs.length > 1 ? specs.find((s) => s.pos <= at && at < s.end) : undefined
      if (spec) return { from: spec.pos, to: spec.end, what: `${keyword} ${names(spec)}` }
      return { from: decl.pos, to: decl.end, what: `${keyword} ${specs.map(names).join(', ')}` }
    }
  }
}

/**
 * Where the comment lines directly above `from` start (blank lines between
 * them included), so a removed declaration takes its doc comment and its
 * `//go:` directives along: gc rejects a directive left above nothing
 * ("misplaced compiler directive"). Only whole `//` lines are taken, and only
 * when `from` starts its line.
 */
export function leadingComments(text: string, from: number): number {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1
  if (!/^[ \t]*$/.test(text.slice(lineStart, from))) return from
  let start = lineStart
  let taken = lineStart
  while (start > 0) {
    const prevStart = text.lastIndexOf('\n', start - 2) + 1
    const line = text.slice(prevStart, start - 1)
    if (/^[ \t]*\/\/.*$/.test(line)) taken = prevStart
    else if (!/^[ \t\r]*$/.test(line)) break
    start = prevStart
  }
  return taken
}

/** Past an explicit `;` ending a declaration on its line (`var a = 1; var b int`), which alone would not parse. */
export function trailingSemicolon(text: string, to: number): number {
  let i = to
  while (text[i] === ' ' || text[i] === '\t') i++
  return text[i] === ';' ? i + 1 : to
}

/**
 * Replaces the characters of each range by spaces — as many as their UTF-8
 * bytes, so gc's byte columns after them on the same line stay put — and
 * keeps line breaks.
 */
export function blank(text: string, ranges: { from: number; to: number }[]): string {
  const sorted = [...ranges].filter((r) => r.to > r.from).sort((a, b) => a.from - b.from)
  const merged: { from: number; to: number }[] = []
  for (const r of sorted) {
    const last = merged[merged.length - 1]
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to)
    else merged.push({ ...r })
  }
  let out = ''
  let prev = 0
  for (const r of merged) {
    out += text.slice(prev, r.from)
    for (let i = r.from; i < r.to; i++) {
      const c = text.charCodeAt(i)
      if (c === 10 || c === 13) out += text[i]
      else if (c < 0x80) out += ' '
      else if (c < 0x800) out += '  '
      else if (c >= 0xd800 && c <= 0xdbff) {
        out += '    '
        i++
      } else out += '   '
    }
    prev = r.to
  }
  return out + text.slice(prev)
}
