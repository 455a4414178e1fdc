/**
 * Maps UTF-16 offsets (what JavaScript strings and web-tree-sitter use) to
 * gc's positions: 1-based line, 1-based column counted in UTF-8 bytes.
 */
export class SourceText {
  private readonly lineStarts: number[] = [0]

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1)
  }

  get lineCount(): number {
    return this.lineStarts.length
  }

  position(offset: number): { line: number; col: number } {
    const index = this.lineIndex(offset)
    const start = this.lineStarts[index]!
    return { line: index + 1, col: utf8Length(this.text, start, offset) + 1 }
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

function utf8Length(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4 // a surrogate pair is one 4-byte code point
      i++
    } else n += 3
  }
  return n
}
