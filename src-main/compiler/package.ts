// A package of several files (issue 18, level 2). gc compiles the files of a
// package together, in the order given: one package scope, one file scope per
// file (its imports), one escape analysis whose batches follow the
// declarations file after file, one `.stmp_N` numbering. We get exactly that
// by joining the files, in order, into one text that every phase sees as one
// file, each file starting on a fresh line and keeping its columns (the
// package clauses after the first are blanked to spaces), and by mapping every
// position that comes back (diagnostics, -m lines, listing lines, SSA
// positions) to its file and line. The single-file entry points are unchanged.

import type { Diagnostic, FuncTrace } from '../protocol/model'
import { formatListing } from './asm'
import { Program, type ProgramOptions, type RunContext } from './pipeline'
import { parseFile } from './syntax'

export interface PackageFile {
  path: string
  text: string
}

/** Where one file lies in the joined text. */
interface Part {
  path: string
  /** UTF-16 offset of its first character. */
  offset: number
  /** 0-based line of its first line. */
  line: number
}

/** The path the joined text is compiled under; every position printed with it is mapped back. */
export const JOINED = '<package>'

/** Maps positions in the joined text back to the files. */
export class PackageMap {
  constructor(readonly parts: readonly Part[]) {}

  private partAtLine(line: number): Part {
    let part = this.parts[0]!
    for (const p of this.parts) if (p.line < line) part = p
    return part
  }

  /** A 1-based line of the joined text as `{path, line}`. */
  locate(line: number): { path: string; line: number } {
    const p = this.partAtLine(line)
    return { path: p.path, line: line - p.line }
  }

  diagnostic(d: Diagnostic): Diagnostic {
    if (d.file !== JOINED) return d
    const at = this.locate(d.line)
    const base = this.partAtLine(d.line).offset
    return { ...d, file: at.path, line: at.line, message: this.text(d.message), from: d.from - base, to: d.to - base }
  }

  /** Every `<package>:LINE[:COL]` in a line of text (gc's -m lines, listings) as `file:line[:col]`; `<package>` alone names the files. */
  text(s: string): string {
    if (!s.includes(JOINED)) return s
    return s
      .replace(/<package>:(\d+)/g, (_, n: string) => {
        const at = this.locate(Number(n))
        return `${at.path}:${at.line}`
      })
      .replaceAll(JOINED, `the package of ${this.parts.map((p) => p.path).join(' ')}`)
  }

  /** gc's `-S` listing of a trace's function, each instruction with its own file. */
  listing(trace: FuncTrace): string | null {
    return trace.asm ? this.text(formatListing(trace.asm, JOINED)) : null
  }
}

export interface LoadedPackage {
  /** The package as one program (its diagnostics and outputs carry JOINED positions: map them). */
  program: Program
  map: PackageMap
  /** Errors found before the joined program was built (syntax errors, package clauses that disagree), with their own files. */
  diagnostics: Diagnostic[]
}

/**
 * Joins and loads the files of one package. Syntax errors are those of each
 * file on its own (gc parses every file before type-checking any), and the
 * package clauses must agree, as types2 requires (`package q; expected package p`).
 */
export async function loadPackage(files: PackageFile[], options: ProgramOptions = {}, ctx: RunContext = {}): Promise<LoadedPackage> {
  if (files.length === 0) throw new Error('loadPackage: no files')
  const parsed = await Promise.all(files.map((f) => parseFile(f.path, f.text, ctx.checkCancelled)))
  const diagnostics: Diagnostic[] = parsed.flatMap((p) => p.diagnostics)
  const name = parsed[0]!.file.packageName.name
  if (diagnostics.length === 0) {
    parsed.forEach((p, i) => {
      const got = p.file.packageName.name
      if (got !== name) diagnostics.push({ file: files[i]!.path, line: 1, col: 1, severity: 'error', message: `package ${got}; expected package ${name}`, from: 0, to: 0 })
    })
  }
  let text = ''
  let line = 0
  const parts: Part[] = []
  files.forEach((f, i) => {
    parts.push({ path: f.path, offset: text.length, line })
    let t = f.text
    if (i > 0) t = blankPackageClause(t, parsed[i]!.file.packageName)
    if (!t.endsWith('\n')) t += '\n'
    text += t
    line += countLines(t)
  })
  const map = new PackageMap(parts)
  const program = await Program.load(JOINED, text, { ...options, fileStarts: parts.map((p) => p.offset) }, ctx)
  return { program, map, diagnostics }
}

/** The clause `package NAME` as spaces (a file of the joined text after the first declares no package). */
function blankPackageClause(text: string, name: { pos: number; end: number }): string {
  const start = text.lastIndexOf('package', name.pos)
  if (start < 0 || name.end <= start) return text
  return text.slice(0, start) + text.slice(start, name.end).replace(/[^\n]/g, ' ') + text.slice(name.end)
}

function countLines(t: string): number {
  let n = 0
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) n++
  return n
}
