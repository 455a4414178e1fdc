// walk marks an array index bounded when its range fits (`a[i&3]` into a
// [4]int, a byte index into a [256]int): ssagen builds no bounds check for
// it, as gc does; any other index keeps its IsInBounds.

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'

const SRC = `package p

func F(a *[4]int, b *[256]int, i int, u uint8, w uint) int {
	return a[i&3] + a[i&4] + b[u] + b[w%256] + b[w%257] + a[w>>62] + a[i]
}
`

describe('bounded array indexes', () => {
  it('get no bounds check; the others keep theirs', async () => {
    const prog = await ssaProgram('p.go', SRC)
    const { func } = prog.compileFunc('F', 'amd64', { until: 'start' })
    const checks = func.blocks.flatMap((b) => b.values).filter((v) => v.op === 'IsInBounds')
    // a[i&4], b[w%257] and a[i]: three of the seven.
    expect(checks).toHaveLength(3)
  })
})
