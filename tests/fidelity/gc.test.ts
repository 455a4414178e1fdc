// Differential: the real compiler, run by src-main/fidelity/gc.ts.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src-main/cli/cli'
import { escapeFidelityFile, scoreFunctions, summarize } from '../../src-main/fidelity/escape'
import { compileTestFile } from '../../src-main/fidelity/gc'
import { goRoot, ImportConfigs } from '../../src-main/gcbridge/toolchain'
import type { FidelityAll } from '../../src-main/cli/fidelity'
import { examplesDir } from '../../src-main/service/paths'
import { reduceToSubset } from '../../src-main/fidelity/reduce'
import { goUnavailable, requireGo, skipDifferential } from '../go-toolchain'
import { runCliCaptured, tempFiles } from '../helpers'

const TINY = `// errorcheck -0 -m -l

package p

import "fmt"

var sink *int

type T struct{ p *int }

func leak(x *int) { sink = x }

func keep(x *int) int { return *x }

func (t *T) Set(x *int) { t.p = x }

func alloc() *T {
	return &T{}
}

func show(x int) {
	fmt.Println(x)
}

func caller() {
	y := 1
	keep(&y)
	z := 2
	leak(&z)
	f := func() int { return y }
	_ = f()
}

func usesShow() { show(1) }
`

const cli = runCliCaptured

describe('ssascope fidelity (no go needed)', () => {
  const saved = process.env['SSASCOPE_GO']
  afterEach(() => {
    if (saved === undefined) delete process.env['SSASCOPE_GO']
    else process.env['SSASCOPE_GO'] = saved
  })

  it('rejects unknown arguments with status 2', async () => {
    expect(await cli('fidelity', '--bogus')).toEqual({ code: EXIT_BAD_INPUT, out: '', err: 'usage: ssascope fidelity [--json] [--detail] [--files GLOB-or-list] [--corpus GLOB-or-list] [--go PATH]\n' })
  })

  it('says clearly when go is missing, with status 2', async () => {
    process.env['SSASCOPE_GO'] = '/nonexistent/go'
    const r = await cli('fidelity')
    expect(r.code).toBe(EXIT_BAD_INPUT)
    expect(r.out).toBe('')
    expect(r.err).toMatch(/^ssascope fidelity: no usable go \(\/nonexistent\/go\): /)
    // --go wins over $SSASCOPE_GO.
    const g = await cli('fidelity', '--go', '/elsewhere/go')
    expect(g.code).toBe(EXIT_BAD_INPUT)
    expect(g.err).toMatch(/^ssascope fidelity: no usable go \(\/elsewhere\/go\): not found; .*--go PATH/)
  })
})

describe.skipIf(skipDifferential)(`fidelity against the real go${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('compiles a test file with its recipe flags (imports via importcfg) and parses the output', async () => {
    const go = requireGo()
    const dir = tempFiles({ 'tiny.go': TINY })
    const file = join(dir, 'tiny.go')
    const r = await compileTestFile(go, file, TINY)
    expect(r.code).toBe(0)
    expect(r.flags).toEqual(['-m', '-l'])
    expect(r.level).toBe(1)
    expect(r.lines.map((l) => `${l.file === file ? 'F' : l.file}:${l.line}:${l.col}: ${l.message}`)).toEqual([
      'F:11:11: leaking param: x',
      'F:13:11: x does not escape',
      'F:15:7: t does not escape',
      'F:15:17: leaking param: x',
      'F:18:9: &T{} escapes to heap',
      'F:22:13: ... argument does not escape',
      'F:22:14: x escapes to heap',
      'F:28:2: moved to heap: z',
      'F:30:7: func literal does not escape',
    ])
  }, 60_000)

  it('scores a file end to end: subset, gc lines on it, and ours (or our crash) against them', async () => {
    const go = requireGo()
    const dir = tempFiles({ 'tiny.go': TINY })
    const shown = relative(process.cwd(), join(dir, 'tiny.go'))
    const s = await escapeFidelityFile(go, shown)
    expect(s.gcError).toBeUndefined()
    expect(s.file).toBe(shown)
    for (const f of s.perFunction) for (const l of [...f.missingLines, ...f.extraLines]) expect(l.startsWith(`${shown}:`), l).toBe(true)
    expect(s).toMatchObject({ functions: 7, inSubset: 5, gcLines: 7, flags: ['-m', '-l'], level: 1 })
    expect(s.perFunction.map((f) => [f.name, f.gc])).toEqual([
      ['leak', 1],
      ['keep', 1],
      ['(*T).Set', 2],
      ['alloc', 1],
      ['caller', 2],
    ])
    expect(s.reasons).toEqual([{ message: 'unsupported: import "fmt" (the subset imports only "unsafe", "math" and "math/bits")', count: 1 }])
    expect(s.dependants).toBe(2)
    for (const f of s.perFunction) expect(f.reproduced + f.missingLines.length).toBe(f.gc)
    if (s.error !== undefined) expect(s).toMatchObject({ reproduced: 0, extra: 0, exact: 0, share: 0 })
    else expect(s.share).toBe(Math.round((1000 * s.reproduced) / 7) / 10)
  }, 60_000)

  it('prints the one table, --detail the per-file escape table, and the JSON report for --files and --corpus', async () => {
    requireGo()
    const dir = tempFiles({ 'tiny.go': TINY, 'none.go': '// errorcheck -0 -m -l\n\npackage p\n\nimport "fmt"\n\nfunc f() { fmt.Println() }\n' })
    const corpus = join(examplesDir, 'mergelocals.go')
    const table = await cli('fidelity', '--detail', '--files', join(dir, '*.go'), '--corpus', corpus)
    expect(table.code).toBe(EXIT_OK)
    const lines = table.out.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^fidelity against go version go1\./)
    expect(table.out).toMatch(/^escape lines \(-m, -m=2\) +gc's test suite \(2 files, 5\/8 funcs in subset\) +7 gc lines +\d+ /m)
    expect(table.out).toMatch(/^merge decisions \(amd64, ppc64\) +our corpus \(1\/1 files\)/m)
    const at = lines.findIndex((l) => /^escape analysis fidelity against go version go1\./.test(l))
    expect(at).toBeGreaterThan(0)
    expect(lines[at + 3]).toMatch(/^none\.go\s+1\s+0\s+0\s+0\s+0\s+0\s+-\s/)
    expect(lines[at + 4]).toMatch(/^tiny\.go\s+7\s+5\s+7\s/)
    expect(lines[at + 6]).toMatch(/^total\s+8\s+5\s+7\s/)
    const json = await cli('fidelity', '--json', `--files=${join(dir, 'tiny.go')}`, `--corpus=${corpus}`)
    expect(json.code).toBe(EXIT_OK)
    const report = JSON.parse(json.out) as FidelityAll
    expect(report.escape.analysis).toBe('escape')
    expect(report.escape.files.map((f) => f.file)).toEqual([join(dir, 'tiny.go')])
    expect(report.escape.total).toMatchObject({ files: 1, functions: 7, inSubset: 5, gcLines: 7 })
    expect(report.corpus.files.map((f) => f.file)).toEqual([corpus])
    expect(report.ssa.passes.map((p) => p.pass)).toContain('lower ppc64')
  }, 120_000)

  // The reducer's promise: removing what is outside the subset does not change
  // what gc says about the functions left. Checked on gc's own escape tests.
  it("leaves gc's diagnostics on the kept functions unchanged", async () => {
    const go = requireGo()
    const testDir = join(await goRoot(go), 'test')
    const names = ['escape2.go', 'escape_closure.go', 'escape_slice.go'].filter((n) => existsSync(join(testDir, n)))
    const importcfgs = new ImportConfigs(go)
    const tmp = tempFiles({})
    await Promise.all(
      names.map(async (name) => {
        const original = join(testDir, name)
        const text = readFileSync(original, 'utf8')
        const reduced = await reduceToSubset(original, text)
        expect(reduced.functions.length, name).toBeGreaterThan(0)
        const copy = join(tmp, name)
        writeFileSync(copy, reduced.text)
        const [before, after] = await Promise.all([compileTestFile(go, original, text, { importcfgs }), compileTestFile(go, copy, reduced.text, { importcfgs })])
        expect(after.code, after.output).toBe(0)
        const renamed = after.lines.map((l) => ({ ...l, file: l.file === copy ? original : l.file, message: l.message.split(copy).join(original) }))
        const score = summarize(scoreFunctions(original, reduced.functions, before.lines, renamed), reduced.totalFunctions)
        expect(score.gcLines, name).toBeGreaterThan(0)
        expect({ name, reproduced: score.reproduced, extra: score.extra }).toEqual({ name, reproduced: score.gcLines, extra: 0 })
      }),
    )
  }, 60_000)
})
