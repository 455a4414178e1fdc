// Nesting gc compiles is not refused: 5,000 nested ifs and a 10,001-term sum
// go through the front end and escape analysis on the worker thread (whose
// stack follows them), a 3,000-term sum through every SSA pass. Deeper than
// the pipeline follows (gc: 600,000 nested parentheses, a crash at a million)
// is refused where it gets too deep, not at 1:1.

import { afterAll, describe, expect, it } from 'vitest'
import { parseGoTree } from '../../src-main/compiler/syntax/treesitter'
import { MAX_NESTING, tooDeep } from '../../src-main/compiler/syntax/parse'
import { decodeTrace } from '../../src-main/protocol/trace-codec'
import { examplesDir, workerFile } from '../../src-main/service/paths'
import { WorkerRunner } from '../../src-main/service/runner'
import { longSumProgram, nestedIfsProgram } from '../../src-main/bench/programs'
import { Service } from '../../src-main/service/service'

const sum = longSumProgram
const ifs = nestedIfsProgram
const parens = (n: number) => `package p\n\nfunc F(x int) int {\n\treturn ${'('.repeat(n)}x${')'.repeat(n)}\n}\n`

const runner = new WorkerRunner(workerFile)
const service = new Service({ runner, examplesDir, version: 't', transport: 'in-process' })
afterAll(() => runner.dispose())

describe('deep nesting', () => {
  for (const [what, text] of [['5,000 nested ifs', ifs(5000)], ['a 10,001-term sum', sum(10001)]] as const) {
    it(`${what}: analysed and escape-analysed without a diagnostic`, async () => {
      const a = await service.call('analyze', { path: 'p.go', text })
      expect(a.diagnostics).toEqual([])
      expect(a.functions.map((f) => f.name)).toEqual(['F'])
      const e = await service.call('escape', { path: 'p.go', text, level: '2' })
      expect(e.diagnostics).toEqual([])
    }, 120_000)
  }

  it('a 3,000-term sum through every pass and the listing', async () => {
    const r = await service.call('ssa', { path: 'p.go', text: sum(3000), func: 'F', arch: 'amd64' })
    expect(r.diagnostics).toEqual([])
    const t = decodeTrace(r.trace!)
    expect(t.passes.filter((p) => p.status === 'failed')).toEqual([])
    expect(t.passes.map((p) => p.name)).toContain('trim')
    expect(t.asm?.lines.length).toBeGreaterThan(100)
  }, 120_000)

  it('deeper than the pipeline follows: refused at the first node too deep', async () => {
    const n = MAX_NESTING + 10
    const a = await service.call('analyze', { path: 'p.go', text: parens(n) })
    expect(a.diagnostics).toHaveLength(1)
    expect(a.diagnostics[0]).toMatchObject({ line: 4, severity: 'error', message: 'unsupported: nesting too deep' })
    // Past the function's own levels (declaration, block, return), the parenthesis where the limit is crossed.
    expect(a.diagnostics[0]!.col).toBeGreaterThan(MAX_NESTING - 10)
    expect(a.diagnostics[0]!.col).toBeLessThan(MAX_NESTING + 10)
  }, 120_000)

  it('tooDeep finds the first node past the limit without recursion', async () => {
    const tree = await parseGoTree(parens(50))
    try {
      expect(tooDeep(tree.rootNode, 1000)).toBeNull()
      const n = tooDeep(tree.rootNode, 20)!
      expect(n.startPosition.row).toBe(3)
      expect(n.type).toMatch(/parenthesized_expression|\(/)
    } finally {
      tree.delete()
    }
  })
})
