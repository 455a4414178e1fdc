import { describe, expect, it } from 'vitest'
import { SourceText } from '../../src-main/compiler/syntax'

describe('SourceText.position', () => {
  it('gives 1-based lines and byte columns, as gc does', () => {
    const text = 'ab\n// héllo\nx := "€𝄞"; y'
    const src = new SourceText('f.go', text)
    expect(src.position(0)).toEqual({ line: 1, col: 1 })
    expect(src.position(3)).toEqual({ line: 2, col: 1 })
    // "// hé" is 6 bytes (é takes two), so "llo" starts in byte column 7.
    expect(src.position(text.indexOf('llo'))).toEqual({ line: 2, col: 7 })
    // '€' is 3 bytes, '𝄞' is 4 bytes (a UTF-16 surrogate pair).
    expect(src.position(text.indexOf('y'))).toEqual({ line: 3, col: 1 + 'x := "'.length + 3 + 4 + '"; '.length })
    expect(src.lineCount).toBe(3)
  })
})

describe('SourceText.position on long lines', () => {
  // The reference: UTF-8 bytes of the line up to the offset.
  const naive = (text: string, offset: number) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1
    return { line: text.slice(0, start).split('\n').length, col: Buffer.byteLength(text.slice(start, offset)) + 1 }
  }

  it('counts UTF-8 columns across a one-line file with pairs straddling every internal mark', () => {
    // 𝄞 (a surrogate pair) placed so that its halves fall on both sides of offsets 1024, 2048, …
    let line = ''
    while (line.length < 5000) line += line.length % 1024 === 1022 ? 'a𝄞' : line.length % 97 === 0 ? 'é' : 'x'
    const text = `package p\n${line}\n${line}`
    const src = new SourceText('f.go', text)
    for (let off = 0; off <= text.length; off++) {
      const c = text.charCodeAt(off - 1)
      if (c >= 0xd800 && c <= 0xdbff) continue // inside a pair: no position
      expect(src.position(off), `offset ${off}`).toEqual(naive(text, off))
    }
  })
})
