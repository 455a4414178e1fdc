// `ssascope ssa` and `ssascope allocs` (DESIGN §5): the pass table, one pass
// in gc's dump format, the trace as JSON, allocation calls, bad input.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src-main/cli/cli'
import { PASSES } from '../../src-main/compiler/ssa/compile'
import type { AllocGroup } from '../../src-main/protocol/model'
import { decodeTrace, TRACE_FORMAT, type EncodedTrace } from '../../src-main/protocol/trace-codec'
import { examplesDir } from '../../src-main/service/paths'
import { runCliCaptured as cli, tempFiles } from '../helpers'

const heapagg = join(examplesDir, 'heapagg.go')

describe('ssascope ssa', () => {
  it('prints one line per pass: name, status, values, blocks', async () => {
    const r = await cli('ssa', heapagg, '--func', 'locals', '--arch', 'amd64')
    expect(r.code).toBe(EXIT_OK)
    const rows = r.out.trimEnd().split('\n').map((l) => l.split('\t'))
    expect(rows.map((x) => x[0])).toEqual(['start', ...PASSES.map((p) => p.name), 'stack frame'])
    for (const row of rows) {
      expect(['changed', 'unchanged', 'not-modeled']).toContain(row[1])
      expect(Number(row[2])).toBeGreaterThan(0)
      expect(Number(row[3])).toBeGreaterThan(0)
    }
    for (const pass of ['lower', 'regalloc', 'stack frame']) expect(rows.find((x) => x[0] === pass)![1]).toBe('changed')
    // Exactly the passes without a model say so.
    for (const p of PASSES) expect(rows.find((x) => x[0] === p.name)![1] === 'not-modeled', p.name).toBe(!p.run)
  })

  it('--pass start prints the function in gc\'s text dump format', async () => {
    const r = await cli('ssa', heapagg, '--func', 'locals', '--pass', 'start')
    expect(r.code).toBe(EXIT_OK)
    expect(r.out).toMatch(/^locals func\(\)\n {2}b1:\n/)
    expect(r.out).toContain('= StaticLECall <unsafe.Pointer,mem> {AuxCall{runtime.mallocgc}} [32]')
    expect(r.out).toMatch(/ = OffPtr <\*int16> \[12\] v\d+ \(&c\[\*int16\]\)\n/)
    expect(r.out).toContain('name &a[*int64]: [')
  })

  it('--json gives the whole trace in the compact encoding; gc spellings like (*T).M are accepted', async () => {
    const dir = tempFiles({ 'm.go': 'package m\n\ntype T struct{ x int }\n\nfunc (t *T) Get() int { return t.x }\n' })
    const r = await cli('ssa', join(dir, 'm.go'), '--func', '(*T).Get', '--json')
    expect(r.code).toBe(EXIT_OK)
    const encoded = JSON.parse(r.out) as EncodedTrace
    expect(encoded.format).toBe(TRACE_FORMAT)
    const trace = decodeTrace(encoded)
    expect(trace.func).toBe('(*T).Get')
    expect(trace.passes[0]!.name).toBe('start')
    expect(trace.passes[0]!.snapshot.blocks[0]!.values.some((v) => v.op === 'NilCheck')).toBe(true)
  })

  it('refuses unknown functions, passes and architectures with status 2', async () => {
    const noFunc = await cli('ssa', heapagg, '--func', 'nope')
    expect(noFunc.code).toBe(EXIT_BAD_INPUT)
    expect(noFunc.err).toMatch(/heapagg\.go:1:1: no function nope .*functions: locals, args/)
    const noPass = await cli('ssa', heapagg, '--func', 'locals', '--pass', 'optt')
    expect(noPass.code).toBe(EXIT_BAD_INPUT)
    expect(noPass.err).toContain('unknown pass "optt"')
    const noArch = await cli('ssa', heapagg, '--func', 'locals', '--arch', 'riscv64')
    expect(noArch.code).toBe(EXIT_BAD_INPUT)
    expect((await cli('ssa', heapagg)).code).toBe(EXIT_BAD_INPUT)
  })

  it('reports syntax errors and unsupported constructs as file:line:col', async () => {
    const dir = tempFiles({ 'bad.go': 'package b\n\nfunc f() {\n\tx := \n}\n', 'm.go': 'package m\n\nfunc f(z complex128) bool { return z == 0 }\n' })
    const syntax = await cli('ssa', join(dir, 'bad.go'), '--func', 'f')
    expect(syntax.code).toBe(EXIT_BAD_INPUT)
    expect(syntax.err).toMatch(/bad\.go:\d+:\d+: /)
    const unsupported = await cli('ssa', join(dir, 'm.go'), '--func', 'f')
    expect(unsupported.code).toBe(EXIT_BAD_INPUT)
    expect(unsupported.err).toMatch(/m\.go:3:\d+: unsupported: /)
  })
})

describe('ssascope allocs', () => {
  it('--json lists allocation calls with their members, in program order', async () => {
    const r = await cli('allocs', heapagg, '--func', 'closure', '--json')
    expect(r.code).toBe(EXIT_OK)
    const allocs = JSON.parse(r.out) as AllocGroup[]
    expect(allocs.map((a) => [a.call, a.size])).toEqual([
      ['runtime.mallocgc', 16],
      ['runtime.newobject', 40],
    ])
    expect(allocs[0]!.members.map(({ name, offset, size, align }) => ({ name, offset, size, align }))).toEqual([
      { name: 'a', offset: 0, size: 8, align: 8 },
      { name: 'b', offset: 8, size: 4, align: 4 },
      { name: 'c', offset: 12, size: 2, align: 2 },
      { name: 'd', offset: 14, size: 1, align: 1 },
    ])
    expect(allocs.map((a) => a.kind)).toEqual(['aggregate', 'site'])
    expect(allocs[0]!.value).toMatch(/^v\d+$/)
    expect(allocs[0]!.block).toBe('b1')
  })
})
