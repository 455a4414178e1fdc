/**
 * Maps UTF-16 offsets (what JavaScript strings and web-tree-sitter use) to
 * gc's positions: 1-based line, 1-based column counted in UTF-8 bytes.
 * Constant time on ASCII lines and logarithmic on others, whatever their
 * length: a whole file can be one line (every later phase asks for positions).
 */
export class SourceText {
  private readonly lineStarts: number[] = [0]
  /** Lines holding a non-ASCII character (their columns need UTF-8 lengths). */
  private readonly wideLines = new Set<number>()
  /** Per wide line: UTF-8 lengths from the line start at every STRIDE-th UTF-16 offset. */
  private readonly marks = new Map<number, Int32Array>()

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    let line = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) {
        this.lineStarts.push(i + 1)
        line++
      } else if (c >= 0x80) this.wideLines.add(line)
    }
  }

  get lineCount(): number {
    return this.lineStarts.length
  }

  position(offset: number): { line: number; col: number } {
    const index = this.lineIndex(offset)
    const start = this.lineStarts[index]!
    if (!this.wideLines.has(index)) return { line: index + 1, col: offset - start + 1 }
    const marks = this.marksOf(index)
    const j = Math.min(Math.floor((offset - start) / STRIDE), marks.length - 1)
    return { line: index + 1, col: marks[j]! + utf8Length(this.text, start + j * STRIDE, offset) + 1 }
  }

  private marksOf(line: number): Int32Array {
    let m = this.marks.get(line)
    if (m) return m
    const start = this.lineStarts[line]!
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length
    m = new Int32Array(Math.floor((end - start) / STRIDE) + 1)
    for (let j = 1; j < m.length; j++) {
      // A pair straddling the mark counts entirely before it: utf8Length then skips its low half.
      m[j] = m[j - 1]! + utf8Length(this.text, start + (j - 1) * STRIDE, start + j * STRIDE)
    }
    this.marks.set(line, m)
    return m
  }

  private lineIndex(offset: number): number {
    let lo = 0
    let hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.lineStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}

const STRIDE = 1024

function utf8Length(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4 // a surrogate pair is one 4-byte code point
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff && i === from && i > 0 && isHigh(s.charCodeAt(i - 1))) {
      // The low half of a pair counted before `from` (a mark fell inside the pair).
    } else n += 3
  }
  return n
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
