// `ssascope mergelocals` end to end: our whole pipeline (construction, every
// pass through trim, then the stack frame phase) behind the real CLI.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { StackFrameResult } from '../../src-main/protocol/model'
import { runCliCaptured as cli } from '../helpers'

const DIR = join(__dirname, '..', '..', 'testdata', 'mergelocals')
const BASIC = join(DIR, 'basic.go')
const LATER = join(DIR, 'later.go')

describe('ssascope mergelocals', () => {
  it('--trace=N prints gc\'s lines for that level', async () => {
    const one = await cli('mergelocals', BASIC, '--func', 'Two', '--arch', 'amd64', '--trace=1')
    expect(one).toMatchObject({ code: 0, out: 'Two: 64 bytes of stack space saved via stack slot merging (64 nonpointer 0 pointer)\n' })
    const two = await cli('mergelocals', BASIC, '--func=Two', '--arch', 'ppc64', '--trace', '2')
    expect(two.out.startsWith(`=-= raw cand list for func Two:\n 0: basic.go:8:7 "a" sz=64 hp=false align=8 t=[8]int\n`)).toBe(true)
    expect(two.out).toContain('=-= merge locals state for Two:\na: b\n')
    expect(two.out).not.toContain('=+=')
    const three = await cli('mergelocals', BASIC, '--func', 'Two', '--arch', 'ppc64', '--trace=3')
    expect(three.out).toMatch(/=-= SymAddr\(a\) on v\d+ = MOVDaddr <\*\[8\]int> \{a\} v\d+/)
    expect(three.out.length).toBeGreaterThan(two.out.length)
  })

  it('an address used in a later block: merges on amd64, evicted on ppc64', async () => {
    const amd64 = await cli('mergelocals', LATER, '--func', 'Later', '--arch', 'amd64', '--trace=1')
    expect(amd64.out).toMatch(/^Later: 64 bytes of stack space saved/)
    const ppc64 = await cli('mergelocals', LATER, '--func', 'Later', '--arch', 'ppc64', '--trace=3')
    expect(ppc64.code).toBe(0)
    expect(ppc64.out).toMatch(/=-= evicting "t" due to pendingUse/)
    expect(ppc64.out).not.toContain('bytes of stack space saved')
  })

  it('--json prints the artifact', async () => {
    const j = await cli('mergelocals', BASIC, '--func', 'Two', '--arch', 'amd64', '--json')
    const r = JSON.parse(j.out) as StackFrameResult
    expect(r).toMatchObject({ func: 'Two', arch: 'amd64', savedBytes: { total: 64, nonPointer: 64, pointer: 0 } })
    expect(r.groups.map((g) => [g.leader, ...g.followers])).toEqual([['a', 'b']])
    expect(r.frame.slots.find((s) => s.name === 'b')!.offset).toBe(r.frame.slots.find((s) => s.name === 'a')!.offset)
  })

  it('bad usage and unknown functions exit 2 with a message', async () => {
    for (const args of [[BASIC], [BASIC, '--func', 'Two', '--trace=4'], [BASIC, '--func', 'Two', '--json', '--trace=2'], [BASIC, '--func', 'Two', '--arch', 'arm64'], [BASIC, '--func', 'Two', '-x']]) {
      const r = await cli('mergelocals', ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.out).toBe('')
      expect(r.err).not.toBe('')
    }
    const nf = await cli('mergelocals', BASIC, '--func', 'Nope')
    expect(nf).toMatchObject({ code: 2, out: '' })
    expect(nf.err).toMatch(/no function Nope/)
  })
})
