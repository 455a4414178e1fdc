// The shipped example resources/examples/mergelocals.go: Phases merges its two
// locals on amd64 and is evicted on ppc64 (one MOVDaddr of `a` still has uses
// in later blocks at the end of the entry block), in our pipeline and in gc.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { stackFrame, stackFrameTrace } from '../../src-main/compiler/stackframe'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { StackFrameResult } from '../../src-main/protocol/model'
import { requireGo, skipDifferential } from '../go-toolchain'
import { compareFile, ourFuncs, type FuncComparison } from './differential'

const FILE = join(__dirname, '..', '..', 'resources', 'examples', 'mergelocals.go')

async function ourFrame(func: string, arch: string): Promise<StackFrameResult> {
  const prog = await ssaProgram(FILE, readFileSync(FILE, 'utf8'), { pkgPath: 'p' })
  expect(prog.diagnostics).toEqual([])
  expect(prog.functions).toEqual(['ABC', 'Phases'])
  return stackFrame(prog.compileFunc(func, arch, { until: 'trim' }).func, { file: FILE })
}

describe('mergelocals example: Phases in our pipeline', () => {
  it('amd64: a and b share one 88-byte slot', async () => {
    const r = await ourFrame('Phases', 'amd64')
    expect(r.evictions).toEqual([])
    expect(r.groups).toEqual([{ leader: 'a', followers: ['b'], offset: -88 }])
    expect(r.savedBytes).toEqual({ total: 88, nonPointer: 88, pointer: 0 })
    expect(stackFrameTrace(r, 1)).toBe('Phases: 88 bytes of stack space saved via stack slot merging (88 nonpointer 0 pointer)\n')
    // Every use of a after the zeroing names the slot directly: no address value crosses a block.
    expect(r.addressValues.every((x) => x.pending === 0)).toBe(true)
  })

  it('ppc64: a is evicted (its MOVDaddr has two uses in later blocks) and nothing merges', async () => {
    const r = await ourFrame('Phases', 'ppc64')
    expect(r.evictions).toHaveLength(1)
    expect(r.evictions[0]).toMatchObject({ name: 'a', pending: 2 })
    expect(r.groups).toEqual([])
    expect(r.savedBytes.total).toBe(0)
    expect(stackFrameTrace(r, 1)).toBe('')
    expect(stackFrameTrace(r, 3)).toMatch(/^=-= evicting "a" due to pendingUse \d+ count 2$/m)
  })

  it('ABC has a single candidate: nothing to merge on either arch', async () => {
    for (const arch of ['amd64', 'ppc64']) {
      const r = await ourFrame('ABC', arch)
      expect(r.groups, arch).toEqual([])
      expect(r.evictions, arch).toEqual([])
    }
  })
})

describe.skipIf(skipDifferential)('mergelocals example against gc', () => {
  const results = new Map<string, FuncComparison[]>()
  beforeAll(async () => {
    requireGo()
    for (const arch of ['amd64', 'ppc64']) results.set(arch, await compareFile(FILE, arch, ourFuncs))
  }, 120_000)
  const fn = (arch: string, name: string): FuncComparison => results.get(arch)!.find((r) => r.func === name)!

  it('gc merges Phases on amd64 and evicts a on ppc64', () => {
    expect(fn('amd64', 'Phases').gc[0]).toBe('Phases: 88 bytes of stack space saved via stack slot merging (88 nonpointer 0 pointer)\n')
    expect(fn('ppc64', 'Phases').gc[0]).toBe('')
    expect(fn('ppc64', 'Phases').gc[2]).toMatch(/^=-= evicting "a" due to pendingUse \d+ count 2$/m)
  })

  it('our decisions, savings line and eviction agree with gc on both arches', () => {
    for (const arch of ['amd64', 'ppc64']) {
      for (const r of results.get(arch)!) {
        expect(r.error, `${arch} ${r.func}`).toBeUndefined()
        expect(r.sameDecisions, `${arch} ${r.func}\n gc: ${r.gc[1]}\n us: ${r.ours[1]}`).toBe(true)
        expect(r.ours[0], `${arch} ${r.func}`).toBe(r.gc[0])
        // Level 2 prints no value ids: identical text.
        expect(r.ours[1], `${arch} ${r.func}`).toBe(r.gc[1])
        // Level 3 names values, and ours are numbered differently (never reused).
        const evictions = (t: string): string[] => t.split('\n').filter((l) => l.startsWith('=-= evicting')).map((l) => l.replace(/pendingUse \d+/, 'pendingUse N'))
        expect(evictions(r.ours[2]), `${arch} ${r.func}`).toEqual(evictions(r.gc[2]))
      }
    }
  })
})
