// `ssascope … a.go b.go` and `ssascope … DIR`: one package of several files
// (cli/package.ts). Lines against the goldens gc printed for testdata/multi
// (`go tool compile -p p -l -m=N` on the sorted files, paths as `./a.go`).

import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src-main/cli/cli'
import { projectRoot } from '../../src-main/service/paths'
import { runCliCaptured as cli, tempFiles } from '../helpers'

const multi = join(projectRoot, 'testdata', 'multi')

/** gc's lines for package `name`, each `./f.go` as `dir/f.go`. */
const golden = (name: string, level: number, dir: string) =>
  readFileSync(join(multi, `${name}.m${level}.golden`), 'utf8')
    .split('\n')
    .filter((l) => l)
    .map((l) => l.replace(/\.\/(\w+\.go)/g, (_, f: string) => join(dir, f)))

describe('ssascope on a package of several files', () => {
  for (const name of ['calls', 'methods', 'unsafeptr'])
    for (const level of [1, 2])
      it(`escape -m=${level} DIR: gc's lines for ${name}, in gc's order`, async () => {
        const dir = join(multi, name)
        const r = await cli('escape', `-m=${level}`, dir)
        expect(r.err).toBe('')
        expect(r.code).toBe(EXIT_OK)
        expect(r.out.trimEnd().split('\n')).toEqual(golden(name, level, dir))
      })

  it('escape a.go b.go: the files as given (relative paths kept)', async () => {
    const dir = relative(process.cwd(), join(multi, 'calls'))
    const r = await cli('escape', '-m=2', join(dir, 'a.go'), join(dir, 'b.go'))
    expect(r.code).toBe(EXIT_OK)
    expect(r.out.trimEnd().split('\n')).toEqual(golden('calls', 2, dir))
  })

  it('escape --json --func F: the lines and F\'s batch graph', async () => {
    const r = await cli('escape', '--json', '--func', 'G', join(multi, 'calls'))
    expect(r.code).toBe(EXIT_OK)
    const j = JSON.parse(r.out) as { files: string[]; lines: string[]; graph: { functions: string[] } }
    expect(j.files).toEqual([join(multi, 'calls', 'a.go'), join(multi, 'calls', 'b.go')])
    expect(j.graph.functions).toEqual(['G'])
    expect(j.lines).toEqual(golden('calls', 1, join(multi, 'calls')))
  })

  it('asm --func F finds F in any file; each instruction carries its own file and line', async () => {
    const dir = join(multi, 'methods')
    const r = await cli('asm', dir, '--func', '(*buf).Keep', '--arch', 'amd64')
    expect(r.code).toBe(EXIT_OK)
    expect(r.out).toMatch(/^methods\.\(\*buf\)\.Keep STEXT /)
    const files = new Set([...r.out.matchAll(/\((\S+\.go):(\d+)\)/g)].map((m) => `${m[1]}:${m[2]}`))
    expect(files).toEqual(new Set([`${join(dir, 'b.go')}:3`]))
    const closure = await cli('asm', dir, '--func', 'Twice.func1', '--arch', 'ppc64')
    expect(closure.code).toBe(EXIT_OK)
    expect(closure.out).toContain(`(${join(dir, 'c.go')}:5)`)
  })

  it('ssa --pass prints lines of the function\'s own file; ssa lists the passes', async () => {
    const dir = join(multi, 'calls')
    const dump = await cli('ssa', dir, '--func', 'H', '--pass', 'start')
    expect(dump.code).toBe(EXIT_OK)
    // H is lines 8–11 of b.go (lines 28–31 of the joined text).
    const lines = [...dump.out.matchAll(/\([+-]?(\d+)\)/g)].map((m) => Number(m[1]))
    expect(lines.length).toBeGreaterThan(3)
    expect(lines.every((l) => l >= 8 && l <= 11)).toBe(true)
    const table = await cli('ssa', join(dir, 'a.go'), join(dir, 'b.go'), '--func', 'Total')
    expect(table.code).toBe(EXIT_OK)
    expect(table.out.split('\n')[0]).toMatch(/^start\t/)
    const json = await cli('ssa', dir, '--func', 'H', '--json')
    expect(json.code).toBe(EXIT_OK)
    expect(JSON.parse(json.out).func).toBe('H')
  })

  it('funcs DIR: every file\'s functions at their own positions', async () => {
    const dir = join(multi, 'methods')
    const r = await cli('funcs', dir)
    expect(r.code).toBe(EXIT_OK)
    expect(r.out).toContain(`(*buf).Keep\tmethod\t${join(dir, 'b.go')}:3:15\n`)
    expect(r.out).toContain(`Twice\tfunc\t${join(dir, 'c.go')}:3:6\n`)
  })

  it('refuses bad packages with a clear message and status 2', async () => {
    const dir = tempFiles({ 'a.go': 'package p\n\nfunc A() {}\n', 'b.go': 'package q\n\nfunc B() {}\n', 'a_test.go': 'package p\n' })
    expect(await cli('escape', dir)).toEqual({ code: EXIT_BAD_INPUT, out: '', err: `${join(dir, 'b.go')}:1:1: package q; expected package p\n` })
    const missing = await cli('escape', join(dir, 'a.go'), join(dir, 'nope.go'))
    expect(missing.code).toBe(EXIT_BAD_INPUT)
    expect(missing.err).toContain(`${join(dir, 'nope.go')}: no such file`)
    const empty = tempFiles({ 'x_test.go': 'package p\n', 'notes.txt': '' })
    expect(await cli('asm', empty, '--func', 'F')).toEqual({ code: EXIT_BAD_INPUT, out: '', err: `${empty}: no non-test Go files\n` })
    const nofunc = await cli('asm', join(multi, 'calls'), '--func', 'Nope')
    expect(nofunc.code).toBe(EXIT_BAD_INPUT)
    expect(nofunc.err).toContain(`no function Nope in the package of ${join(multi, 'calls', 'a.go')} ${join(multi, 'calls', 'b.go')}`)
    const twice = await cli('escape', join(dir, 'a.go'), join(dir, 'a.go'))
    expect(twice).toEqual({ code: EXIT_BAD_INPUT, out: '', err: `${join(dir, 'a.go')}: named twice\n` })
    const undef = tempFiles({ 'a.go': 'package p\n\nfunc A() int { return B() + c }\n', 'b.go': 'package p\n\nfunc B() int { return d }\n' })
    const u = await cli('escape', undef)
    expect(u.code).toBe(EXIT_BAD_INPUT)
    expect(u.err).toBe(`${join(undef, 'a.go')}:3:29: undefined: c\n${join(undef, 'b.go')}:3:23: undefined: d\n`)
    expect((await cli('escape', '-m=3', join(multi, 'calls'))).code).toBe(EXIT_BAD_INPUT)
    expect((await cli('ssa', join(multi, 'calls'))).code).toBe(EXIT_BAD_INPUT)
  })
})
