import { describe, expect, it } from 'vitest'
import { parseOutline } from '../../src-main/compiler/syntax'
import { formatDiagnostic } from '../../src-main/protocol/model'

async function errors(src: string): Promise<string[]> {
  return (await parseOutline('p.go', src)).diagnostics.map(formatDiagnostic)
}

describe('syntax errors', () => {
  it('reports an unexpected token at its byte column', async () => {
    expect(await errors('package p\nfunc f() { x := ) }\n')).toEqual(['p.go:2:17: syntax error: unexpected )'])
    // Multi-byte text before the error moves the byte column, not the character column.
    expect(await errors('package p\nfunc f() { s := "ééé"; x := ) }\n')).toEqual(['p.go:2:32: syntax error: unexpected )'])
    // The stray paren is blamed, not the statement tree-sitter swallowed after it.
    expect(await errors('package p\nfunc f(j int) int {\n\tx := j + )\n\treturn x\n}\n')).toEqual(['p.go:3:11: syntax error: unexpected )'])
    expect(await errors('package p\nfunc f() {\n\tx := 1 2\n}\n')).toEqual(['p.go:3:9: syntax error: unexpected literal 2'])
    // tree-sitter's recovery blames the first comma of ",," (gc blames the second).
    expect(await errors('package p\nfunc f() {\n\tfoo(1,,2)\n}\n')).toEqual(['p.go:3:7: syntax error: unexpected ,'])
  })

  it('reports what is missing and what came instead', async () => {
    expect(await errors('package p\nfunc f() { if x { }\n')).toEqual(['p.go:3:1: syntax error: unexpected EOF, expected }'])
    expect(await errors('package p\nfunc f( { }\n')).toEqual(['p.go:2:9: syntax error: unexpected {, expected )'])
    expect(await errors('package p\nfunc f() {\n\ty = \n}\n')).toEqual(['p.go:3:6: syntax error: unexpected newline, expected name'])
  })

  it('requires the package clause first', async () => {
    expect(await errors('// hi\nfunc f() {}\n')).toEqual(['p.go:2:1: syntax error: package statement must be first'])
    expect(await errors('')).toEqual(['p.go:1:1: syntax error: package statement must be first'])
  })

  it('reports one error per line and at most ten, in source order', async () => {
    const lines = Array.from({ length: 15 }, (_, i) => `func f${i}() { x := ) ; y := ) }`)
    const out = await errors(`package p\n${lines.join('\n')}\n`)
    expect(out).toHaveLength(10)
    expect(out.map((l) => Number(l.split(':')[1]))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  it('gives editor offsets that cover the offending text', async () => {
    const src = 'package p\nfunc f() { x := ) }\n'
    const [d] = (await parseOutline('p.go', src)).diagnostics
    expect(src.slice(d!.from, d!.to)).toBe(')')
  })

  it('survives hostile input', async () => {
    const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('')
    const r = await parseOutline('junk.go', junk)
    expect(r.diagnostics.length).toBeGreaterThan(0)
    expect(r.diagnostics.length).toBeLessThanOrEqual(10)
    const deep = `package p\nvar x = ${'('.repeat(5000)}1${')'.repeat(5000)}\n`
    expect((await parseOutline('deep.go', deep)).diagnostics).toEqual([])
  })
})
