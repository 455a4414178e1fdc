// Differential: SSA dumps from the real compiler (src-main/gcbridge/gcssa.ts).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { allocationCalls, gcFuncNames, gcSsaDumps, parseSsaDump } from '../../src-main/gcbridge'
import { examplesDir } from '../../src-main/service/paths'
import { goUnavailable, requireGo, skipDifferential } from '../go-toolchain'

const heapagg = join(examplesDir, 'heapagg.go')
const tricky = join(__dirname, 'fixtures', 'tricky.go')

const work = mkdtempSync(join(tmpdir(), 'ssascope-gcssa-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
function goFile(name: string, text: string): string {
  writeFileSync(join(work, name), text)
  return join(work, name)
}

describe.skipIf(skipDifferential)(`SSA dumps from the real go${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  const opts = () => ({ go: requireGo().bin })

  it('finds the allocation calls of heapagg.go as built', async () => {
    const dumps = await gcSsaDumps(heapagg, ['locals', 'args', 'half', 'closure'], ['start'], opts())
    const count = Object.fromEntries([...dumps].map(([f, p]) => [f, allocationCalls(p.get('start')!).length]))
    expect(count).toEqual({ locals: 1, args: 1, half: 1, closure: 2 })
    const locals = dumps.get('locals')!.get('start')!
    expect(allocationCalls(locals)).toEqual([
      {
        call: 'runtime.mallocgc',
        value: 'v5',
        block: 'b1',
        size: 16,
        members: [
          { name: 'a', offset: 0, type: 'int64' },
          { name: 'b', offset: 8, type: 'int32' },
          { name: 'c', offset: 12, type: 'int16' },
          { name: 'd', offset: 14, type: 'int8' },
        ],
      },
    ])
    // The captured fixture is what this gc prints.
    expect(locals).toEqual(parseSsaDump(readFileSync(join(__dirname, 'fixtures', 'heapagg.locals.build.dump'), 'utf8')))
  })

  it('dumps several functions and passes in one run, keyed by gc pass name in pass order', async () => {
    const dumps = await gcSsaDumps(tricky, ['Loop', '(*T).Ptr', 'T.Val', 'NoSuchFunc'], ['regalloc', 'start', 'late_lower', 'opt'], opts())
    expect([...dumps.keys()].sort()).toEqual(['(*T).Ptr', 'Loop', 'T.Val'])
    for (const [f, passes] of dumps) {
      expect([...passes.keys()], f).toEqual(['start', 'opt', 'late lower', 'regalloc'])
      for (const d of passes.values()) expect(d.name).toBe(f)
    }
    const ra = dumps.get('Loop')!.get('regalloc')!
    expect(ra.blocks.flatMap((b) => b.values).some((v) => v.reg === 'CX')).toBe(true)
  })

  it('dumps for GOARCH=ppc64', async () => {
    const dumps = await gcSsaDumps(heapagg, ['half'], ['lower'], { ...opts(), goarch: 'ppc64' })
    const ops = dumps.get('half')!.get('lower')!.blocks.flatMap((b) => b.values.map((v) => v.op))
    expect(ops).toContain('MOVDaddr')
    expect(ops).not.toContain('LEAQ')
    expect(allocationCalls(dumps.get('half')!.get('lower')!).map((a) => [a.call, a.size])).toEqual([['runtime.mallocgc', 16]])
  })

  it("lists gc's function names and dumps every pass of all of them", async () => {
    const names = await gcFuncNames(tricky, opts())
    expect(names).toEqual(expect.arrayContaining(['T.Val', '(*T).Ptr', 'Loop', 'Tags', 'Tagged.Get', 'Jump', 'Spill', 'Single', 'Dead', '(*T).Val']))
    const dumps = await gcSsaDumps(tricky, 'all', 'all', opts())
    expect([...dumps.keys()].sort()).toEqual([...names].sort())
    for (const [f, passes] of dumps) {
      const keys = [...passes.keys()]
      expect(keys[0], f).toBe('start')
      expect(keys.at(-1), f).toBe('trim')
      expect(keys, f).toContain('expand calls')
      expect(keys, f).not.toContain('genssa')
    }
  })

  it('falls back to GOSSAFUNC for names a -d list cannot hold (commas), without dead values', async () => {
    const file = goFile('gen.go', 'package gen\n\nfunc Pair[K comparable, V any](k K, v V) V {\n\tif any(k) == nil {\n\t\tpanic(0)\n\t}\n\treturn v\n}\n\nfunc Use() string { return Pair(1, "x") }\n')
    const names = await gcFuncNames(file, opts())
    const shape = names.find((n) => n.startsWith('Pair[') && n.includes(','))
    expect(shape).toBe('Pair[go.shape.int,go.shape.string]')
    const dumps = await gcSsaDumps(file, [shape!, 'Use'], ['start', 'lower'], opts())
    expect([...dumps.get(shape!)!.keys()]).toEqual(['start', 'lower'])
    expect([...dumps.get('Use')!.keys()]).toEqual(['start', 'lower'])
    const start = dumps.get(shape!)!.get('start')!
    expect(start.name).toBe(shape)
    expect(start.blocks.some((b) => b.dead || b.values.some((v) => v.dead))).toBe(false)
  })

  it('is safe to run in parallel', async () => {
    const [a, b] = await Promise.all([
      gcSsaDumps(heapagg, ['locals'], ['start'], opts()),
      gcSsaDumps(tricky, ['Single'], ['start'], { ...opts(), goarch: 'ppc64' }),
    ])
    expect([...a.keys()]).toEqual(['locals'])
    expect([...b.keys()]).toEqual(['Single'])
  })

  it('reports unknown passes, genssa and compile errors', async () => {
    await expect(gcSsaDumps(heapagg, ['locals'], ['no such pass'], opts())).rejects.toThrow(/Did not find a phase matching no_such_pass/)
    await expect(gcSsaDumps(heapagg, ['locals'], ['genssa'], opts())).rejects.toThrow(/genssa dumps assembly/)
    const bad = goFile('bad.go', 'package bad\n\nfunc F() int { return "x" }\n')
    await expect(gcSsaDumps(bad, ['F'], ['start'], opts())).rejects.toThrow(/bad\.go:3:\d+: cannot use "x"/)
  })
})
