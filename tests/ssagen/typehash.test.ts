// types.TypeHash (ssagen/typehash.ts): SHA-256 written out for the compiler
// layer, checked against node:crypto, and the hashes gc 1.26 gives types
// (computed with Go's crypto/sha256 the way cmd/internal/hash.Sum32 does).

import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256, typeHash } from '../../src-main/compiler/ssagen/typehash'

describe('typeHash', () => {
  it('sha256 equals node:crypto on empty, short, block-boundary and multi-block inputs', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'x'.repeat(200), 'interface { M() int }']) {
      expect(Buffer.from(sha256(new TextEncoder().encode(s))).toString('hex'), `${s.length}`).toBe(createHash('sha256').update(s).digest('hex'))
    }
  })

  it("gives gc's type hashes (little-endian first word, first byte flipped)", () => {
    expect(typeHash('int')).toBe(881633426)
    expect(typeHash('*p.P')).toBe(358454771)
    expect(typeHash('string')).toBe(4169609912)
  })
})
