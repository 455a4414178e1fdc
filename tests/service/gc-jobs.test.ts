// The real-gc methods of the API (gcFuncs, gcPackage, gcFile): arguments
// checked where they enter, gc's failures as API errors, cancellation, and
// the embedded pipeline's other side for a file inside the subset.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src-main/protocol/errors'
import { decodeTrace } from '../../src-main/protocol/trace-codec'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { skipDifferential } from '../go-toolchain'
import { inProcessService } from '../helpers'

const PKG = join(projectRoot, 'testdata', 'gcpkg', 'shapes')
const api = inProcessService()
const fail = (p: Promise<unknown>): Promise<ApiError> => p.then(() => { throw new Error('expected a failure') }, (e: unknown) => e as ApiError)

describe('gc methods: arguments', () => {
  it('refuses a release that is not one, an unknown GOARCH and unknown arguments before running anything', async () => {
    expect((await fail(api.call('gcFuncs', { dir: PKG, toolchain: 'latest; rm -rf /' } as never))).code).toBe('bad-argument')
    expect((await fail(api.call('gcPackage', { dir: PKG, func: 'F', arch: 'vax' } as never))).code).toBe('bad-argument')
    expect((await fail(api.call('gcPackage', { dir: PKG, func: 'F', go: '/bin/sh' } as never))).message).toMatch(/go is not a known argument/)
    expect((await fail(api.call('gcFile', { path: 'a.go', text: 'package a', func: 'F', arch: 'arm64' } as never))).code).toBe('bad-argument')
  })
  it('a directory that is not there is not-found, with the path', async () => {
    const e = await fail(api.call('gcFuncs', { dir: join(PKG, 'nope') }))
    expect(e.code).toBe('not-found')
    expect(e.message).toContain('no such directory')
  })
})

describe.skipIf(skipDifferential)('gc methods against the real go', () => {
  it('gcFuncs lists the package\'s files and what gc compiles; gcPackage reads one function into the model', async () => {
    const info = await api.call('gcFuncs', { dir: PKG })
    expect(info.importPath).toBe('example.com/gcpkg/shapes')
    expect(info.files.map((f) => f.path)).toEqual(['names.go', 'shapes.go'])
    expect(info.functions.find((f) => f.name === 'Words')).toEqual({ name: 'Words', file: 'shapes.go', line: 109 })
    const progress: string[] = []
    const r = await api.call('gcPackage', { dir: PKG, func: 'Words', arch: 'amd64' }, { onProgress: (p) => progress.push(p.phase) })
    expect(progress).toEqual(expect.arrayContaining(['compiling', 'importing ssa.html']))
    const t = decodeTrace(r.trace)
    expect(t.idsReusedAcrossPasses).toBe(true)
    expect(t.passes.some((p) => p.name === 'regalloc')).toBe(true)
    expect(r.lines.some((l) => l.startsWith('shapes.go:'))).toBe(true)
    expect(t.origin?.missing.join(' ')).not.toMatch(/escape analysis/)
  }, 60_000)

  it('an unknown function and a build failure come back as gc-failed with gc\'s words', async () => {
    const e = await fail(api.call('gcPackage', { dir: PKG, func: 'Nope' }))
    expect(e.code).toBe('gc-failed')
    expect(e.message).toMatch(/it compiled: .*Words/)
    const b = await fail(api.call('gcFuncs', { dir: join(projectRoot, 'testdata', 'gcpkg', 'broken') }))
    expect(b.code).toBe('gc-failed')
    expect(b.message).toContain('broken.go:5:9: undefined: missing')
  }, 60_000)

  it('is cancelled by its signal', async () => {
    const ac = new AbortController()
    const p = api.call('gcPackage', { dir: PKG, func: 'Total' }, { signal: ac.signal, onProgress: (q) => q.phase === 'compiling' && ac.abort() })
    expect((await fail(p)).code).toBe('cancelled')
  }, 60_000)

  it('gcFile compiles an example as a package of its own with -l: the same allocation call as the embedded pipeline', async () => {
    const text = readFileSync(join(examplesDir, 'heapagg.go'), 'utf8')
    const r = await api.call('gcFile', { path: 'examples/heapagg.go', text, func: 'half', arch: 'amd64' })
    expect(r.noInline).toBe(true)
    const gc = decodeTrace(r.trace)
    const ours = decodeTrace((await api.call('ssa', { path: 'examples/heapagg.go', text, func: 'half', arch: 'amd64' })).trace!)
    const spell = (t: typeof gc) => t.allocs.map((a) => `${a.call}(${a.size}) ${a.members.map((m) => `${m.name}@${m.offset}`).join(' ')}`)
    expect(spell(gc)).toEqual(spell(ours))
    // Symbols are spelled with the file's package, as ours are.
    expect(JSON.stringify(r.trace)).toContain('heapagg.g64')
  }, 60_000)
})
