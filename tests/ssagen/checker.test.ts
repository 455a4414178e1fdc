// Every corpus function goes through gc's whole pass list with the checker
// after every pass, on amd64 and ppc64, then the stack frame phase and the
// listing: no pass may fail, every pass is recorded, value ids are never reused.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ssaProgram, STACK_FRAME } from '../../src-main/compiler/ssagen'
import { PASSES } from '../../src-main/compiler/ssa/compile'
import { ssaCorpus, traceOrRefusal } from './corpus'

describe('the checker after every pass on every corpus function', () => {
  for (const file of ssaCorpus) {
    it(file.split('/').slice(-2).join('/'), async () => {
      const prog = await ssaProgram(file, readFileSync(file, 'utf8'))
      expect(prog.diagnostics).toEqual([])
      for (const fn of prog.functions) {
        for (const arch of ['amd64', 'ppc64'] as const) {
          const t = traceOrRefusal(prog, fn, arch)
          if (!t) continue
          const failed = t.passes.find((p) => p.status === 'failed')
          expect(failed ? `${fn}: ${failed.name}: ${failed.error}` : '').toBe('')
          // Every pass, then the stack frame phase with its artifact.
          expect(t.passes.map((p) => p.name)).toEqual(['start', ...PASSES.map((p) => p.name), STACK_FRAME])
          expect(t.stackFrame?.func, fn).toBe(fn)
          expect(t.asmError, fn).toBeUndefined()
          expect(t.asm?.lines.length, fn).toBeGreaterThan(0)
          // An id, once gone, never comes back as a different value.
          const seen = new Map<string, string>()
          for (const p of t.passes) {
            for (const id of p.diff.valuesAdded) {
              expect(seen.has(id), `${fn}: ${id} reused in ${p.name}`).toBe(false)
              seen.set(id, p.name)
            }
            if (p.name === 'start') for (const b of p.snapshot.blocks) for (const v of b.values) seen.set(v.id, 'start')
          }
        }
      }
    })
  }
})
