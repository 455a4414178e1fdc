// `ssascope escape`: gc's -m / -m=2 lines with paths as given, JSON with one
// batch's escape graph, and bad input refused with status 2.

import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src-main/cli/cli'
import type { EscapeResult } from '../../src-main/protocol/model'
import { projectRoot } from '../../src-main/service/paths'
import { runCliCaptured, tempFiles } from '../helpers'
import { multisetDiff } from '../escape/multiset'

const cli = runCliCaptured

const corpus = join(projectRoot, 'testdata', 'escape')
const golden = (name: string, level: number, path: string) =>
  readFileSync(join(corpus, `${name}.m${level}.golden`), 'utf8')
    .split('\n')
    .filter((l) => l)
    .map((l) => l.split(`./${name}.go`).join(path))

describe('ssascope escape', () => {
  it('prints gc -m lines with the path as given (default level 1)', async () => {
    const path = join(corpus, 'params.go')
    const r = await cli('escape', path)
    expect(r.code).toBe(EXIT_OK)
    expect(multisetDiff(golden('params', 1, path), r.out.trimEnd().split('\n'))).toEqual([])
  })

  it('prints -m=2 explanations; several files are one package, as go build takes them', async () => {
    const a = relative(process.cwd(), join(corpus, 'loops.go'))
    const r = await cli('escape', '-m=2', a)
    expect(r.code).toBe(EXIT_OK)
    expect(multisetDiff(golden('loops', 2, a), r.out.trimEnd().split('\n'))).toEqual([])
    // Two corpus files are two packages: refused as gc refuses them (tests/cli/package.test.ts has one package of several files).
    const b = relative(process.cwd(), join(corpus, 'closures.go'))
    expect(await cli('escape', '-m=2', a, b)).toEqual({ code: EXIT_BAD_INPUT, out: '', err: `${b}:1:1: package closures; expected package loops\n` })
  })

  it('gives the escape graph of a function as JSON, with the walk that explains each escape', async () => {
    const r = await cli('escape', '--json', '--func', 'outerKeepsInner', join(corpus, 'loops.go'))
    expect(r.code).toBe(EXIT_OK)
    const result = JSON.parse(r.out) as EscapeResult
    const g = result.graph!
    expect(g.functions).toEqual(['outerKeepsInner'])
    const x = g.locations.find((l) => l.name === 'x')!
    const p = g.locations.find((l) => l.name === 'p')!
    expect(x.escapes).toBe(true)
    expect(p.escapes).toBe(false)
    // The edge p ← &x, with its notes, and p's walk reaching x through it at derefs −1.
    const edge = g.edges.find((e) => e.src === x.id && e.dst === p.id)!
    expect(edge.derefs).toBe(-1)
    expect(edge.notes.map((n) => `${n.where} (${n.why})`)).toEqual(['&x (address-of)', 'p = &x (assign)'])
    const walk = g.walks.find((w) => w.root === p.id)!
    expect(walk.reached.find((r) => r.loc === x.id)).toEqual({ loc: x.id, derefs: -1, edge: edge.id })
  })

  it('refuses bad input with status 2', async () => {
    const dir = tempFiles({ 'bad.go': 'package p\n\nfunc f() {\n\tx := )\n}\n', 'iface.go': 'package p\n\nvar x comparable\n' })
    expect(await cli('escape', join(dir, 'bad.go'))).toEqual({ code: EXIT_BAD_INPUT, out: '', err: `${join(dir, 'bad.go')}:4:7: syntax error: unexpected )\n` })
    const u = await cli('escape', join(dir, 'iface.go'))
    expect(u.code).toBe(EXIT_BAD_INPUT)
    expect(u.err).toContain('unsupported: interface type')
    expect((await cli('escape')).code).toBe(EXIT_BAD_INPUT)
    expect((await cli('escape', '-m=3', join(corpus, 'loops.go'))).code).toBe(EXIT_BAD_INPUT)
    expect((await cli('escape', '--func', 'f', join(corpus, 'loops.go'))).code).toBe(EXIT_BAD_INPUT)
  })
})
