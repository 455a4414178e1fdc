// Expression switches (ssagen/switch.ts) on testdata/ssa/switches.go against
// the real gc: sorted constant cases, ranges, binary search, and jump tables
// on amd64 (JumpTable lowered to JUMPTABLE, `JMP (AX)(CX*8)` through
// `p.F.jumpN`), none on ppc64; listings on both arches and op multisets.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'
import { readFileSync } from 'node:fs'
import { gcSsaDumps } from '../../src-main/gcbridge'
import { ours } from '../../src-main/fuzz/ours'

const FILE = join(projectRoot, 'testdata', 'ssa', 'switches.go')

describe.skipIf(skipDifferential)('testdata/ssa/switches.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('JumpTable blocks where gc makes them (amd64 only), with gc\'s targets', async () => {
    const kinds = (fn: string, arch: string): string[] => d.prog.trace(fn, arch, { until: 'start' }).passes[0]!.snapshot.blocks.map((b) => b.kind)
    const gc = await gcSsaDumps(FILE, d.prog.functions, ['start'], { goarch: 'amd64' })
    for (const fn of d.prog.functions) {
      const theirs = gc.get(fn)!.get('start')!.blocks.filter((b) => b.kind === 'JumpTable').length
      expect(kinds(fn, 'amd64').filter((k) => k === 'JumpTable').length, fn).toBe(theirs)
      expect(kinds(fn, 'ppc64'), fn).not.toContain('JumpTable')
    }
    expect(kinds('dense', 'amd64')).toContain('JumpTable')
    expect(kinds('gaps', 'amd64')).toContain('JumpTable')
    expect(kinds('fall', 'amd64')).toContain('JumpTable')
    expect(kinds('sparse', 'amd64')).not.toContain('JumpTable')
  }, 60_000)

  it('the listing jumps through the table on amd64, and searches on ppc64', async () => {
    const us = await ours('./switches.go', readFileSync(FILE, 'utf8'))
    const text = (fn: string, arch: 'amd64' | 'ppc64'): string[] => us.funcs.get(fn)!.arches.get(arch)!.listing!.map((l) => l.text)
    expect(text('dense', 'amd64')).toContain('LEAQ\tp.dense.jump3(SB), AX')
    expect(text('dense', 'amd64')).toContain('JMP\t(AX)(CX*8)')
    expect(text('dense', 'ppc64').some((t) => /^JMP\t\(/.test(t) || t.includes('.jump'))).toBe(false)
  }, 60_000)

  it('same -m=2 lines, allocation calls and merge decisions', () => {
    expect(d.verdict.failures.filter((f) => f.category !== 'listing').map((f) => `${f.category}: ${f.detail}`)).toEqual([])
  })

  it.each(['amd64', 'ppc64'])('op multisets after lower equal gc\'s (%s)', async (arch) => {
    expect(await opDiffs(FILE, d.prog, 'lower', arch)).toEqual([])
  }, 60_000)

  it('listings identical to go tool compile -l -S on both arches', () => {
    expect(listingDiffers(d.verdict)).toEqual([])
  })
})
