// Differential test: for every function of the corpus, the heap allocation
// calls in `start` (runtime.newobject / runtime.mallocgc, their sizes or
// types, and the heap-moved variables at their offsets) equal gc's, read
// from gc's own `start` dump. Both sides go through the same dump reader.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { printFunc } from '../../src-main/compiler/ssa/print'
import { allocationCalls, gcSsaDumps, parseSsaDump } from '../../src-main/gcbridge'
import { requireGo, skipDifferential } from '../go-toolchain'
import { ssaCorpus, traceOrRefusal } from './corpus'

const spell = (calls: ReturnType<typeof allocationCalls>): string[] =>
  calls.map((a) => `${a.call}(${a.call === 'runtime.mallocgc' ? a.size : a.type}) ${a.members.map((m) => `${m.name}@${m.offset}`).join(',')}`)

describe.skipIf(skipDifferential)('allocation calls in start equal gc\'s', () => {
  for (const file of ssaCorpus) {
    it(file.split('/').slice(-2).join('/'), async () => {
      requireGo()
      // gcSsaDumps compiles as package path `p`; symbols must be spelled the same.
      const prog = await ssaProgram(file, readFileSync(file, 'utf8'), { pkgPath: 'p' })
      expect(prog.diagnostics).toEqual([])
      const gc = await gcSsaDumps(file, prog.functions, ['start'])
      for (const fn of prog.functions) {
        const theirs = gc.get(fn)?.get('start')
        expect(theirs, `gc compiled ${fn}`).toBeDefined()
        const t = traceOrRefusal(prog, fn, 'amd64', { until: 'start' })
        if (!t) continue
        const ours = t.passes[0]!.snapshot
        expect(spell(allocationCalls(parseSsaDump(printFunc(ours)))), fn).toEqual(spell(allocationCalls(theirs!)))
      }
    })
  }
})
