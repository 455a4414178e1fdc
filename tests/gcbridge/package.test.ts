// The real gc on a real package (testdata/gcpkg/shapes: imports, strings,
// maps, interfaces, generics, closures, methods), with Go 1.26 (required
// under CI=true) and Go 1.27 where its toolchain was downloaded.

import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeDecisions } from '../../src-main/gcbridge/gcescape'
import { stackFrameFromTrace } from '../../src-main/gcbridge/mergetrace'
import { gcPackageTrace } from '../../src-main/gcbridge/gctrace'
import { gcPackage, GcPackageError, gcPackageFuncs, relativePaths, symbolsOf, traceOf } from '../../src-main/gcbridge/package'
import { parseGcOutput } from '../../src-main/gcbridge/toolchain'
import { projectRoot } from '../../src-main/service/paths'
import { go, skipDifferential } from '../go-toolchain'

const PKG = join(projectRoot, 'testdata', 'gcpkg', 'shapes')
const GO127 = join(homedir(), 'go', 'pkg', 'mod', 'golang.org', 'toolchain@v0.0.1-go1.27.0.linux-amd64', 'bin', 'go')

const toolchains: { name: string; bin: string | null }[] = [
  { name: 'go1.26 (PATH)', bin: typeof go === 'string' ? null : go.bin },
  { name: 'go1.27', bin: existsSync(GO127) ? GO127 : null },
]

for (const tc of toolchains) {
  // go1.27 is skipped where it is not downloaded (`GOTOOLCHAIN=go1.27.0 go version` fetches it), never under CI, which downloads it.
  const skip = tc.bin === null && (tc.name === 'go1.27' ? process.env['CI'] !== 'true' : skipDifferential)
  describe.skipIf(skip)(`gcPackage with ${tc.name}`, () => {
    const bin = tc.bin ?? (tc.name === 'go1.27' ? GO127 : 'go')

    it('compiles a method, a closure and a generic instantiation by gc name, with -m=2 and the mergelocals trace', async () => {
      const phases: string[] = []
      const r = await gcPackage(PKG, { func: 'Phases', go: bin, onProgress: (p) => phases.push(p.phase) })
      expect(r.importPath).toBe('example.com/gcpkg/shapes')
      expect(r.files.map((f) => f.path)).toEqual(['names.go', 'shapes.go'])
      expect(r.html).toContain('<html>')
      expect(r.html).toMatch(/genssa/)
      expect(r.flags).toEqual(expect.arrayContaining(['-m=2', '-d=mergelocalstrace=2', '-c=1', '-complete', '-p', 'example.com/gcpkg/shapes']))
      expect(r.flags).not.toContain('-l')
      expect(phases).toEqual(expect.arrayContaining(['go list', 'compiling', 'done']))
      // Paths relative to the package, as the sources are named.
      expect(r.lines.some((l) => l.file === 'shapes.go' && l.message === 'moved to heap: b')).toBe(true)
      // GOSSAFUNC's own announcement is not part of any diagnostic.
      expect(r.lines.some((l) => l.message.includes('dumped SSA'))).toBe(false)
      expect(r.mergeTrace).toMatch(/^=-= raw cand list for func Phases:\n/)
      const frame = stackFrameFromTrace(r.mergeTrace, 'Phases', 'amd64')!
      expect(frame.savedBytes).toEqual({ total: 88, nonPointer: 88, pointer: 0 })
      expect(frame.groups).toEqual([{ leader: 'a', followers: ['b'], offset: -88 }])
      expect(frame.candidates.map((c) => [c.name, c.status, c.size, c.type])).toEqual([
        ['a', 'leader', 88, 'cells'],
        ['b', 'follower', 88, 'cells'],
      ])
      expect(frame.candidates[0]!.intervals.length).toBeGreaterThan(0)
      expect(frame.fromGcTrace?.missing).toContain('evictions')

      for (const func of ['(*Stack[go.shape.string]).Push', 'Describe.func1', 'Sum[go.shape.float64]', 'Rect.Area']) {
        const m = await gcPackage(PKG, { func, go: bin })
        expect(m.html, func).toContain(func.replace(/[<>&]/g, ''))
      }
    }, 120_000)

    it('compiles for ppc64 with imports built for ppc64, and -l turns inlining off', async () => {
      const r = await gcPackage(PKG, { func: 'Total', go: bin, arch: 'ppc64', noInline: true })
      expect(r.arch).toBe('ppc64')
      expect(r.flags).toContain('-l')
      expect(r.html).toMatch(/MOVD/)
      expect(r.lines.some((l) => l.message.startsWith('inlining call to'))).toBe(false)
    }, 120_000)

    it('reads every function gc compiles in the package into the model (all of them on 1.26, a few on newer)', async () => {
      const { functions } = await gcPackageFuncs(PKG, { go: bin })
      const names = tc.name === 'go1.27' ? ['Index', 'Describe.func1', '(*Stack[go.shape.string]).Pop', 'Sum[int]', 'Shape.Area'] : functions.map((f) => f.name)
      for (const func of names) {
        const r = await gcPackageTrace(PKG, { func, go: bin })
        const t = r.trace
        expect(t.func, func).toBe(func)
        expect(t.idsReusedAcrossPasses, func).toBe(true)
        const start = t.passes.find((p) => p.name === 'start')
        expect(start, func).toBeDefined()
        expect(t.passes.at(-1)!.snapshot.blocks.length, func).toBeGreaterThan(0)
        expect(t.asm?.lines.length ?? 0, func).toBeGreaterThan(0)
      }
    }, 180_000)

    it('lists the functions gc compiles, with their files and lines', async () => {
      const r = await gcPackageFuncs(PKG, { go: bin })
      expect(r.files.map((f) => f.path)).toEqual(['names.go', 'shapes.go'])
      const byName = new Map(r.functions.map((f) => [f.name, f]))
      expect(byName.get('Index')).toEqual({ name: 'Index', file: 'shapes.go', line: 42 })
      expect(byName.get('Describe.func1')).toMatchObject({ file: 'shapes.go', line: 53 })
      expect(byName.get('(*Stack[go.shape.string]).Push')).toMatchObject({ file: 'shapes.go' })
      expect(byName.has('Sum[go.shape.float64]')).toBe(true)
    }, 120_000)

    it('lists what gc compiled when the function is unknown', async () => {
      const e = await gcPackage(PKG, { func: 'Nope', go: bin }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(GcPackageError)
      expect((e as GcPackageError).kind).toBe('unknown-function')
      expect((e as GcPackageError).compiled).toEqual(expect.arrayContaining(['Index', 'Describe.func1', '(*Stack[go.shape.string]).Push', 'Sum[go.shape.int]']))
      expect((e as GcPackageError).message).toContain('Describe.func1')
    }, 120_000)

    it('shows gc\'s own messages when the build fails', async () => {
      const e = await gcPackage(join(projectRoot, 'testdata', 'gcpkg', 'broken'), { func: 'F', go: bin }).catch((x: unknown) => x)
      expect((e as GcPackageError).kind).toBe('build-failed')
      expect((e as GcPackageError).output).toMatch(/^broken\.go:\d+:\d+: .*undefined: missing/m)
    }, 120_000)

    it('is cancelled by its signal', async () => {
      const ac = new AbortController()
      const p = gcPackage(PKG, { func: 'Total', go: bin, signal: ac.signal, onProgress: (q) => q.phase === 'compiling' && ac.abort() })
      await expect(p).rejects.toMatchObject({ kind: 'cancelled' })
    }, 120_000)
  })
}

describe('gcPackage without a usable go or package', () => {
  it('says how to point to a go', async () => {
    const e = (await gcPackage(PKG, { func: 'F', go: '/nonexistent/go' }).catch((x: unknown) => x)) as GcPackageError
    expect(e.kind).toBe('no-go')
    expect(e.message).toMatch(/--go PATH/)
  })
  it('refuses a path that is not a directory', async () => {
    await expect(gcPackage(join(PKG, 'shapes.go'), { func: 'F' })).rejects.toMatchObject({ kind: 'not-a-package' })
    await expect(gcPackage(join(PKG, 'nope'), { func: 'F' })).rejects.toMatchObject({ kind: 'not-a-package' })
  })
})

describe('reading gc output', () => {
  it('keeps symbols of the package, without its path, with their TEXT positions', () => {
    const s = [
      'a/b.F STEXT size=1',
      '\t0x0000 00000 (x.go:3)\tTEXT\ta/b.F(SB), ABIInternal, $0-0',
      '\t0x0000 00000 (x.go:4)\tRET',
      'a/b.(*T[go.shape.int]).M STEXT dupok',
      '\t0x0000 00000 (y.go:10)\tTEXT\ta/b.(*T[go.shape.int]).M(SB), DUPOK, $0-0',
      'type:.eq.a/b.T STEXT dupok',
      '\t0x0000 00000 (<autogenerated>:1)\tTEXT\ttype:.eq.a/b.T(SB), DUPOK, $0-0',
      'c.G STEXT',
    ].join('\n')
    expect(symbolsOf(s, 'a/b')).toEqual([
      { name: 'F', file: 'x.go', line: 3 },
      { name: '(*T[go.shape.int]).M', file: 'y.go', line: 10 },
    ])
  })
  it('makes paths relative to the package directory', () => {
    expect(relativePaths('/x/y/a.go:1:2: m at /x/y/a.go:3:4', '/x/y')).toBe('a.go:1:2: m at a.go:3:4')
  })
  it('cuts one function out of the mergelocals trace', () => {
    const t = '=-= raw cand list for func A:\n 0: x\nA: 8 bytes of stack space saved via stack slot merging (8 nonpointer 0 pointer)\n=-= raw cand list for func B:\n 0: y\n'
    expect(traceOf(t, 'B')).toBe('=-= raw cand list for func B:\n 0: y\n')
    expect(traceOf(t, 'C')).toBe('')
  })
  it('attaches explanations to their verdicts', () => {
    const out = [
      'a.go:4:2: x escapes to heap in F:',
      'a.go:4:2:   flow: {heap} ← &x:',
      'a.go:4:2:     from &x (address-of) at a.go:5:9',
      'a.go:3:8: p does not escape',
      'a.go:3:6: can inline F with cost 4 as: func() { }',
      'a.go:4:2: moved to heap: x',
    ].join('\n')
    const d = escapeDecisions(parseGcOutput(out))
    expect(d.map((x) => [x.kind, x.message, x.flow.length, x.fn])).toEqual([
      ['stays', 'p does not escape', 0, undefined],
      ['inline', 'can inline F with cost 4 as: func() { }', 0, undefined],
      ['heap', 'moved to heap: x', 3, 'F'],
    ])
  })
})
