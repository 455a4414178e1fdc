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
