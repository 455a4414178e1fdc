// Our escape analysis on testdata/escape against gc 1.26's saved output: the
// same multiset of -m and -m=2 lines, file by file (the goldens were produced
// with `go build -gcflags='-m=N -l'`; see testdata/escape/README.md).

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeSource } from '../../src-main/compiler/escape'
import { projectRoot } from '../../src-main/service/paths'

const dir = join(projectRoot, 'testdata', 'escape')
const files = readdirSync(dir).filter((f) => f.endsWith('.go'))

/** Lines only in a (with -) or only in b (with +), as multisets. */
export function multisetDiff(a: string[], b: string[]): string[] {
  const count = new Map<string, number>()
  for (const l of a) count.set(l, (count.get(l) ?? 0) + 1)
  for (const l of b) count.set(l, (count.get(l) ?? 0) - 1)
  const out: string[] = []
  for (const [l, n] of count) {
    for (let i = 0; i < n; i++) out.push(`- ${l}`)
    for (let i = 0; i < -n; i++) out.push(`+ ${l}`)
  }
  return out.sort((x, y) => x.slice(2).localeCompare(y.slice(2)))
}

describe('escape analysis matches gc 1.26 on the corpus', () => {
  for (const f of files) {
    const name = f.replace(/\.go$/, '')
    for (const level of [1, 2] as const) {
      it(`${f} -m=${level}`, async () => {
        const text = readFileSync(join(dir, f), 'utf8')
        const golden = readFileSync(join(dir, `${name}.m${level}.golden`), 'utf8').split('\n').filter((l) => l !== '')
        const ours = await escapeSource(`./${f}`, text, { level })
        expect(ours.diagnostics).toEqual([])
        expect(multisetDiff(golden, ours.lines)).toEqual([])
      })
    }
  }
})
