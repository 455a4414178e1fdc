// select in SSA construction (ssagen/selects.ts): walk's rewrites of the
// forms without a communication — runtime.block() ending in Exit, a lone
// default clause as its body with the select as break target — checked as
// built and against gc (testdata/ssa/selects.go: calls, op multisets and -S
// listings on both arches); selects with cases stay refused.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

const FILE = join(projectRoot, 'testdata', 'ssa', 'selects.go')
const src = readFileSync(FILE, 'utf8')

describe('select as built', () => {
  it('select {} calls runtime.block and ends in Exit; a lone default is its body', async () => {
    const prog = await ssaProgram('selects.go', src)
    const f = prog.compileFunc('forever', 'amd64', { until: 'start' }).func
    const call = f.blocks.flatMap((b) => b.values).find((v) => v.op === 'StaticLECall')!
    expect(call.aux?.kind === 'call' && call.aux.fn).toBe('runtime.block')
    expect(call.block.kind).toBe('Exit')
    expect(f.blocks.some((b) => b.kind === 'Ret')).toBe(false)
    const only = prog.compileFunc('only', 'amd64', { until: 'start' }).func
    expect(only.blocks.flatMap((b) => b.values).some((v) => v.op === 'StaticLECall')).toBe(false)
  })

  it('refuses a select with a send or receive case, with a position', async () => {
    const prog = await ssaProgram('r.go', 'package r\n\nfunc f(c chan int) int {\n\tselect {\n\tcase v := <-c:\n\t\treturn v\n\tdefault:\n\t}\n\treturn 0\n}\n')
    expect(() => prog.trace('f', 'amd64')).toThrow(/4:2: unsupported: select statement with a send or receive case \(SSA construction\)/)
  })
})

describe.skipIf(skipDifferential)('testdata/ssa/selects.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('same runtime calls, allocation calls and merge decisions', async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours.sort(), fn).toEqual(c.gc.sort())
    expect(d.verdict.failures.filter((f) => f.category !== 'listing').map((f) => `${f.category}: ${f.detail}`)).toEqual([])
  }, 60_000)

  it.each(['amd64', 'ppc64'])('op multisets after lower equal gc\'s (%s)', async (arch) => {
    expect(await opDiffs(FILE, d.prog, 'lower', arch)).toEqual([])
  }, 60_000)

  it('listings identical to go tool compile -l -S', () => {
    expect(listingDiffers(d.verdict)).toEqual([])
  })
})
