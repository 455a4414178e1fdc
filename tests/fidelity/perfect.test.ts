// The whole fidelity pipeline with a stand-in for our escape analysis that is
// exact by construction: it runs the real compiler on the reduced text it is
// given. Whatever the real builder's state, such an analysis must score 100%
// with no extra lines — which checks paths, levels, reduction and attribution
// together.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { goUnavailable, requireGo, skipDifferential } from '../go-toolchain'

vi.mock('../../src-main/compiler/escape', async () => {
  const { compileTestFile } = await import('../../src-main/fidelity/gc')
  const { findGo } = await import('../../src-main/gcbridge/toolchain')
  return {
    escapeSource: async (path: string, text: string, options: { level: 1 | 2 }) => {
      const go = await findGo()
      if (typeof go === 'string') throw new Error(go)
      const copy = join(mkdtempSync(join(tmpdir(), 'ssascope-perfect-')), basename(path))
      writeFileSync(copy, text)
      // The reduced text keeps the recipe line; force the level we were asked for.
      const r = await compileTestFile(go, copy, `// errorcheck -0 ${options.level === 2 ? '-m=2' : '-m'} -l\n` + text.slice(text.indexOf('\n') + 1))
      if (r.code !== 0) throw new Error(r.output)
      return { lines: r.output.trimEnd().split('\n').filter((l) => l !== '').map((l) => l.split(copy).join(path)), diagnostics: [], analysis: null }
    },
  }
})

const { escapeFidelityFile } = await import('../../src-main/fidelity/escape')
const { goRoot } = await import('../../src-main/gcbridge/toolchain')
const { tempFiles } = await import('../helpers')

describe.skipIf(skipDifferential)(`an exact analysis scores 100%${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('on a small file at -m=2 and on one of gc’s escape tests', async () => {
    const go = requireGo()
    const dir = tempFiles({
      'm2.go': `// errorcheck -0 -m=2 -l

package p

import "os"

type T struct{ a, b *int }

func (T) M(x *int) *int { return x }

func wrap() *int {
	var t T
	g := t.M
	y := 1
	return g(&y)
}

func size() int { return os.Getpid() }
`,
    })
    const small = await escapeFidelityFile(go, join(dir, 'm2.go'))
    expect(small).toMatchObject({ level: 2, functions: 3, inSubset: 2, share: 100, extra: 0, exact: 2 })
    expect(small.error).toBeUndefined()
    expect(small.gcLines).toBeGreaterThan(5)

    const closures = await escapeFidelityFile(go, join(await goRoot(go), 'test', 'escape_closure.go'))
    expect(closures.error).toBeUndefined()
    expect(closures.gcLines).toBeGreaterThan(0)
    expect(closures).toMatchObject({ share: 100, extra: 0, exact: closures.inSubset })
  }, 60_000)
})
