// `ssascope gc DIR --func F` (DESIGN §5): the real gc on a package outside the
// subset, read into our model; gc's own messages on failure.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src-main/cli/cli'
import type { GcPackageResult } from '../../src-main/protocol/api'
import { decodeTrace } from '../../src-main/protocol/trace-codec'
import { projectRoot } from '../../src-main/service/paths'
import { skipDifferential } from '../go-toolchain'
import { runCliCaptured as cli } from '../helpers'

const PKG = join(projectRoot, 'testdata', 'gcpkg', 'shapes')

describe.skipIf(skipDifferential)('ssascope gc', () => {
  it('prints one line per pass of gc\'s ssa.html for a generic method', async () => {
    const r = await cli('gc', PKG, '--func', '(*Stack[go.shape.string]).Push')
    expect(r.code).toBe(EXIT_OK)
    const rows = r.out.trimEnd().split('\n').map((l) => l.split('\t'))
    const names = rows.map((x) => x[0])
    expect(names).toEqual(expect.arrayContaining(['start', 'opt', 'lower', 'regalloc']))
    expect(names.indexOf('start')).toBeLessThan(names.indexOf('regalloc'))
    for (const row of rows) expect(Number(row[2])).toBeGreaterThan(0)
    expect(r.err).toMatch(/^# example\.com\/gcpkg\/shapes \(\*Stack\[go\.shape\.string\]\)\.Push GOARCH=amd64 go1\.\d+/)
  }, 60_000)

  it('--json carries the trace (ids reused across passes), -m=2 decisions and the mergelocals artifact; -l turns inlining off', async () => {
    const r = await cli('gc', PKG, '--func', 'Phases', '--arch', 'ppc64', '-l', '--json')
    expect(r.code).toBe(EXIT_OK)
    const res = JSON.parse(r.out) as GcPackageResult
    expect(res.arch).toBe('ppc64')
    expect(res.noInline).toBe(true)
    expect(res.flags).toContain('-l')
    const t = decodeTrace(res.trace)
    expect(t.func).toBe('Phases')
    expect(t.idsReusedAcrossPasses).toBe(true)
    expect(t.stackFrame?.fromGcTrace?.level).toBe(2)
    expect(t.stackFrame?.candidates.map((c) => c.name)).toEqual(['a', 'b'])
    expect(res.escape.some((d) => d.kind === 'leak' || d.kind === 'stays' || d.kind === 'heap')).toBe(true)
    expect(t.asm?.lines.some((l) => /MOVD/.test(l.text))).toBe(true)
  }, 60_000)

  it('--pass P prints the function after P in gc\'s dump format', async () => {
    const r = await cli('gc', PKG, '--func', 'Index', '--pass', 'lower')
    expect(r.code).toBe(EXIT_OK)
    expect(r.out).toMatch(/^Index \n  b1:\n/)
    expect(r.out).toMatch(/CALLstatic/)
  }, 60_000)

  it('--funcs lists what gc compiles; an unknown function lists them too', async () => {
    const list = await cli('gc', PKG, '--funcs')
    expect(list.code).toBe(EXIT_OK)
    expect(list.out).toMatch(/^Describe\.func1\tshapes\.go:53$/m)
    const r = await cli('gc', PKG, '--func', 'Nope')
    expect(r.code).toBe(EXIT_BAD_INPUT)
    expect(r.err).toMatch(/gc compiled no function Nope in example\.com\/gcpkg\/shapes .*it compiled: .*Describe\.func1/)
  }, 60_000)

  it('a build failure shows gc\'s message; a missing go says how to point to one', async () => {
    const r = await cli('gc', join(projectRoot, 'testdata', 'gcpkg', 'broken'), '--func', 'F')
    expect(r.code).toBe(EXIT_BAD_INPUT)
    expect(r.err).toContain('broken.go:5:9: undefined: missing')
    const saved = process.env['SSASCOPE_GO']
    try {
      const g = await cli('gc', PKG, '--func', 'F', '--go', '/nonexistent/go')
      expect(g.code).toBe(EXIT_BAD_INPUT)
      expect(g.err).toMatch(/--go PATH/)
    } finally {
      if (saved === undefined) delete process.env['SSASCOPE_GO']
      else process.env['SSASCOPE_GO'] = saved
    }
  }, 60_000)
})

describe('ssascope gc usage', () => {
  it('needs one directory and --func or --funcs', async () => {
    expect((await cli('gc', PKG)).code).toBe(EXIT_BAD_INPUT)
    expect((await cli('gc', '--func', 'F')).code).toBe(EXIT_BAD_INPUT)
    expect((await cli('gc', PKG, '--func', 'F', '--arch', 'vax')).err).toMatch(/unknown --arch vax/)
  })
})
