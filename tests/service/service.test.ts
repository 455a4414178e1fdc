import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_SOURCE_BYTES } from '../../src-main/protocol/api'
import { ApiError } from '../../src-main/protocol/errors'
import { inProcessService, tempFiles } from '../helpers'

const service = inProcessService()

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(ApiError)
  return e as ApiError
}

describe('Service', () => {
  it('describes itself and lists the shipped examples', async () => {
    expect(await service.call('info', {})).toMatchObject({ name: 'ssascope', transport: 'in-process' })
    const names = (await service.call('listExamples', {})).map((e) => e.name)
    expect(names).toEqual(expect.arrayContaining(['heapagg', 'mergelocals']))
    const heap = (await service.call('listExamples', {})).find((e) => e.name === 'heapagg')!
    expect(heap.title).toMatch(/^Heap aggregation/)
    expect(heap.summary).toMatch(/locals 1, args 1, half 1, closure 2/)
  })

  it('opens examples and refuses names that are paths', async () => {
    const f = await service.call('openExample', { name: 'mergelocals' })
    expect(f).toMatchObject({ path: 'examples/mergelocals.go', origin: 'example' })
    expect(f.text).toContain('func ABC(i, j int) int')
    expect((await failure(service.call('openExample', { name: '../../package' }))).code).toBe('bad-argument')
    expect((await failure(service.call('openExample', { name: 'nope' }))).code).toBe('not-found')
  })

  it('opens Go files and explains why others cannot be opened', async () => {
    const dir = tempFiles({ 'a.go': 'package a\n', 'notes.txt': 'x', 'big.go': Buffer.alloc(MAX_SOURCE_BYTES + 1, 32) })
    expect(await service.call('openFile', { path: join(dir, 'a.go') })).toEqual({ path: join(dir, 'a.go'), text: 'package a\n', origin: 'file' })
    expect(await failure(service.call('openFile', { path: join(dir, 'notes.txt') }))).toMatchObject({ code: 'bad-argument' })
    expect(await failure(service.call('openFile', { path: join(dir, 'missing.go') }))).toMatchObject({
      code: 'not-found',
      message: `${join(dir, 'missing.go')}: no such file`,
    })
    expect((await failure(service.call('openFile', { path: join(dir, 'big.go') }))).code).toBe('too-large')
  })

  it('refuses a .go link to a file that is not Go source, and reads a link to Go source from where it points', async () => {
    const { symlinkSync, mkdirSync } = await import('node:fs')
    const dir = tempFiles({ 'secret.txt': 'root:x:0:0\n', 'real.go': 'package r\n' })
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'link.go'))
    symlinkSync(join(dir, 'real.go'), join(dir, 'alias.go'))
    mkdirSync(join(dir, 'dir.go'))
    const refused = await failure(service.call('openFile', { path: join(dir, 'link.go') }))
    expect(refused.code).toBe('bad-argument')
    expect(refused.message).toBe(`${join(dir, 'link.go')} (a link to ${join(dir, 'secret.txt')}): not a Go source file (.go)`)
    expect(refused.message).not.toContain('root:x')
    expect(await service.call('openFile', { path: join(dir, 'alias.go') })).toEqual({ path: join(dir, 'alias.go'), text: 'package r\n', origin: 'file' })
    expect(await failure(service.call('openFile', { path: join(dir, 'dir.go') }))).toMatchObject({ code: 'not-found', message: `${join(dir, 'dir.go')}: not a file` })
  })

  it('analyzes source with progress', async () => {
    const phases: string[] = []
    const r = await service.call('analyze', { path: 'x.go', text: 'package x\nfunc F() {}\n' }, { onProgress: (p) => phases.push(p.phase) })
    expect(r.functions.map((f) => f.name)).toEqual(['F'])
    expect(r.diagnostics).toEqual([])
    expect(phases).toContain('parse')
    expect(r.timings.map((t) => t.phase)).toEqual(['parse', 'typecheck'])
  })

  it('reports type errors and unsupported constructs, and skips type checking after syntax errors', async () => {
    const typeErr = await service.call('analyze', { path: 'x.go', text: 'package x\nfunc F() int {\n\treturn y\n}\n' })
    expect(typeErr.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual(['3:9: undefined: y'])
    const unsupported = await service.call('analyze', { path: 'x.go', text: 'package x\nvar z complex128\n' })
    expect(unsupported.diagnostics.map((d) => d.message)).toEqual(['unsupported: complex type'])
    const syntax = await service.call('analyze', { path: 'x.go', text: 'package x\nfunc F() { y := ) }\n' })
    expect(syntax.diagnostics.map((d) => d.message)).toEqual(['syntax error: unexpected )'])
    expect(syntax.timings.map((t) => t.phase)).toEqual(['parse'])
  })

  it('answers transports with an envelope and never throws', async () => {
    expect(await service.callWire('nope', {})).toEqual({ ok: false, error: { code: 'unknown-method', message: 'unknown method "nope"' } })
    expect(await service.callWire('openFile', null)).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
    expect(await service.callWire('info', {})).toMatchObject({ ok: true, result: { name: 'ssascope' } })
  })

  it('does no work for a call cancelled before it starts', async () => {
    const abort = new AbortController()
    abort.abort()
    const e = await failure(service.call('analyze', { path: 'x.go', text: 'package x' }, { signal: abort.signal }))
    expect(e.code).toBe('cancelled')
  })
})
