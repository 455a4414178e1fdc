// Built-ins min and max: type-checked and escape-analysed
// (testdata/escape/minmax.go against gc); constants fold, any other call is
// refused at SSA construction with its name, never built wrongly.

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'

const SRC = `package p

func g(x int8) int8 { return min(x, 3) }

func h(a, b string) string { return max(a, b) }

func k() float64 { return min(1, 2.5) }
`

describe('min and max at SSA construction', () => {
  it('a constant folds; other calls are refused with their name', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    expect(prog.diagnostics).toEqual([])
    expect(() => prog.trace('g', 'amd64')).toThrow('./p.go:3:30: unsupported: built-in min (SSA construction)')
    expect(() => prog.trace('h', 'ppc64')).toThrow('./p.go:5:37: unsupported: built-in max (SSA construction)')
    expect(prog.trace('k', 'amd64').asm).toBeDefined()
  })
})
