// Collects type-checking diagnostics the way gc prints them: positions as
// file:line:col, follow-up lines `\n\tfile:line:col: …`, one copy of an error
// repeated on the same line, and the final list sorted by position.

import type { Diagnostic } from '../../protocol/model'
import type { SourceText } from '../syntax/source'

export interface SubError {
  /** Offset, or undefined for lines without a position (`have (int)`). */
  pos?: number
  msg: string
}

export class Reporter {
  private readonly list: Diagnostic[] = []
  private last: { line: number; msg: string } | undefined
  private reportedAny = false

  constructor(private readonly source: SourceText) {}

  /** A one-line error at offset `pos` (spanning to `end` for editors). */
  error(pos: number, msg: string, end = pos): void {
    this.report(pos, end, [{ pos, msg }])
  }

  /** An error with follow-up lines (have/want, other declaration of x, …). */
  report(pos: number, end: number, parts: SubError[]): void {
    const first = parts[0]!.msg
    // Like types2: once something was reported, messages about invalid
    // operands or types are follow-on noise.
    if (this.reportedAny && (first.indexOf('invalid operand') > 0 || first.indexOf('invalid type') > 0)) return
    this.reportedAny = true
    const message = parts
      .map((p, i) => (i === 0 ? p.msg : `\n\t${p.pos === undefined ? '' : this.where(p.pos) + ': '}${p.msg}`))
      .join('')
    const { line, col } = this.source.position(pos)
    // gc's base.ErrorfAt drops an error equal to the previous one on the same line.
    if (this.last && this.last.line === line && this.last.msg === message) return
    this.last = { line, msg: message }
    this.list.push({ file: this.source.path, line, col, severity: 'error', message, from: pos, to: Math.max(end, pos) })
  }

  where(pos: number): string {
    const { line, col } = this.source.position(pos)
    return `${this.source.path}:${line}:${col}`
  }

  /** Sorted by position, exact duplicates removed (gc's FlushErrors). */
  diagnostics(): Diagnostic[] {
    const sorted = [...this.list].sort((a, b) => a.line - b.line || a.col - b.col)
    return sorted.filter((d, i) => i === 0 || d.message !== sorted[i - 1]!.message || d.line !== sorted[i - 1]!.line || d.col !== sorted[i - 1]!.col)
  }
}
