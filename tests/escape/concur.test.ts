// Escape analysis of go, defer, channels, select and body-less functions
// (testdata/concur) against gc 1.26: the saved goldens, and the installed go
// when there is one. SSA construction refuses several of these functions.

import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { escapeSource } from '../../src-main/compiler/escape'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { multisetDiff } from './multiset'

const dir = join(projectRoot, 'testdata', 'concur')
const files = readdirSync(dir).filter((f) => f.endsWith('.go'))

describe('go/defer/channel escape analysis matches gc 1.26 goldens', () => {
  for (const f of files) {
    const name = f.replace(/\.go$/, '')
    for (const level of [1, 2] as const) {
      it(`${f} -m=${level}`, async () => {
        const text = readFileSync(join(dir, f), 'utf8')
        const golden = readFileSync(join(dir, `${name}.m${level}.golden`), 'utf8').split('\n').filter((l) => l !== '')
        const ours = await escapeSource(`./${f}`, text, { level })
        expect(ours.diagnostics).toEqual([])
        // Emission order matters too: capture lines, explanations and tags come out as gc prints them.
        expect(ours.lines).toEqual(golden)
        expect(multisetDiff(golden, ours.lines)).toEqual([])
      })
    }
  }

  it('refuses these functions at SSA construction with a position, and compiles the rest', async () => {
    const text = readFileSync(join(dir, 'channels.go'), 'utf8')
    const prog = await ssaProgram('channels.go', text)
    expect(prog.trace('send', 'amd64').passes.at(-1)!.status).not.toBe('failed')
    expect(() => prog.trace('selectRecv', 'amd64')).toThrow(/47:2: unsupported: select statement with a send or receive case \(SSA construction\)/)
    expect(prog.trace('rangeChan', 'ppc64').passes.at(-1)!.status).not.toBe('failed')
    // Calls of body-less functions are ordinary calls; the declarations themselves have no code.
    expect(prog.functions).not.toContain('ext')
    const t = prog.trace('callExt', 'ppc64')
    expect(t.passes.at(-1)!.status).not.toBe('failed')
    const godefer = await ssaProgram('godefer.go', readFileSync(join(dir, 'godefer.go'), 'utf8'))
    // Method calls still need gc's wrapper with the adjusted receiver: refused (the defers first, then go).
    expect(() => godefer.trace('deferMethods', 'amd64')).toThrow(/107:2: unsupported: defer of a method call \(its wrapper closure is not built at SSA construction\)/)
    // Parameterless deferred calls are open-coded, calls with arguments go through the wrapper's record (ssagen/defers.ts).
    expect(godefer.trace('deferLiteral', 'amd64').passes.at(-1)!.status).not.toBe('failed')
    expect(godefer.trace('deferKeep', 'amd64').passes.at(-1)!.status).not.toBe('failed')
    expect(() => godefer.trace('goLiteral.func1', 'amd64')).not.toThrow()
  })
})

const work = mkdtempSync(join(tmpdir(), 'ssascope-concur-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe.skipIf(skipDifferential)('go/defer/channel escape analysis vs the real gc', () => {
  for (const f of files) {
    it(`${f}: -m and -m=2 lines identical to gc's`, async () => {
      const go = requireGo()
      copyFileSync(join(dir, f), join(work, f))
      const text = readFileSync(join(dir, f), 'utf8')
      const pkg = /^package\s+(\w+)/m.exec(text)![1]!
      for (const level of [1, 2] as const) {
        // go tool compile without -complete accepts body-less functions.
        const out = execFileSync(go.bin, ['tool', 'compile', '-p', pkg, `-m=${level}`, '-l', '-o', join(work, 'x.o'), f], { cwd: work, encoding: 'utf8' })
        const gc = out.split('\n').filter((l) => l !== '').map((l) => l.split(`${work}/`).join('./'))
        const ours = await escapeSource(`./${f}`, text, { level })
        expect({ level, diff: multisetDiff(gc, ours.lines) }).toEqual({ level, diff: [] })
      }
    })
  }
})
