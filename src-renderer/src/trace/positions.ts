// gc positions (`file:line:col`, byte columns) and the editor's offsets.

/** UTF-16 offset of a gc position (1-based line, byte column) in text. */
export function offsetOfPosition(text: string, line: number, byteCol: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset)
    if (nl < 0) return text.length
    offset = nl + 1
  }
  let bytes = 1
  while (offset < text.length && bytes < byteCol) {
    const c = text.codePointAt(offset)!
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
    offset += c >= 0x10000 ? 2 : 1
  }
  return offset
}

/** Line and column of a `file:line:col` position, or null. */
export function parsePos(pos: string): { line: number; col: number } | null {
  const m = /:(\d+):(\d+)$/.exec(pos)
  return m ? { line: Number(m[1]), col: Number(m[2]) } : null
}
