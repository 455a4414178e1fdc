// Our escape analysis on testdata/escape against gc 1.26's saved output: the
// same multiset of -m and -m=2 lines, file by file (the goldens were produced
// with `go build -gcflags='-m=N -l'`; see testdata/escape/README.md).

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeSource } from '../../src-main/compiler/escape'
import { projectRoot } from '../../src-main/service/paths'
import { multisetDiff, withoutInterfaceWrappers } from './multiset'

const dir = join(projectRoot, 'testdata', 'escape')
const files = readdirSync(dir).filter((f) => f.endsWith('.go'))

describe('escape analysis matches gc 1.26 on the corpus', () => {
  it('tags.go with -d=escapemutationscalls: mutator and callee tags', async () => {
    const text = readFileSync(join(dir, 'tags.go'), 'utf8')
    const golden = readFileSync(join(dir, 'tags.mc.golden'), 'utf8').split('\n').filter((l) => l !== '')
    const ours = await escapeSource('./tags.go', text, { level: 1, mutationsCalls: true })
    expect(multisetDiff(golden, ours.lines)).toEqual([])
  })

  it('convert.go with -d=escapedebug=1: walk\'s convert lines, numbered and ordered as gc walks', async () => {
    const text = readFileSync(join(dir, 'convert.go'), 'utf8')
    const golden = readFileSync(join(dir, 'convert.ed.golden'), 'utf8').split('\n').filter((l) => l !== '')
    const ours = await escapeSource('./convert.go', text, { level: 1, escapeDebug: true })
    expect(ours.diagnostics).toEqual([])
    expect(multisetDiff(golden, ours.lines)).toEqual([])
    // gc prints with -m as it goes: the convert lines in walk order.
    const converts = (ls: string[]) => ls.filter((l) => l.includes(': convert: '))
    expect(converts(ours.lines)).toEqual(converts(golden))
  })

  for (const f of files) {
    const name = f.replace(/\.go$/, '')
    for (const level of [1, 2] as const) {
      it(`${f} -m=${level}`, async () => {
        const text = readFileSync(join(dir, f), 'utf8')
        // Interface method wrappers' explanations are not ours to print (not counted by fidelity either).
        const golden = withoutInterfaceWrappers(readFileSync(join(dir, `${name}.m${level}.golden`), 'utf8').split('\n').filter((l) => l !== ''))
        const ours = await escapeSource(`./${f}`, text, { level })
        expect(ours.diagnostics).toEqual([])
        expect(multisetDiff(golden, ours.lines)).toEqual([])
      })
    }
  }
})
