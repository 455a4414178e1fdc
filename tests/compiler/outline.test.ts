import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseOutline } from '../../src-main/compiler/syntax'
import { examplesDir } from '../../src-main/service/paths'
import { requireGo, skipDifferential, goUnavailable } from '../go-toolchain'
import { tempFiles } from '../helpers'

const example = (name: string) => readFileSync(join(examplesDir, `${name}.go`), 'utf8')

describe('function outline', () => {
  it('lists the heap-aggregation functions with pragmas and positions', async () => {
    const { functions, diagnostics } = await parseOutline('heapagg.go', example('heapagg'))
    expect(diagnostics).toEqual([])
    expect(functions.map((f) => f.name)).toEqual(['locals', 'args', 'half', 'closure', 'closure.func1'])
    const byName = Object.fromEntries(functions.map((f) => [f.name, f]))
    expect(byName['locals']!.pragmas).toEqual([])
    expect(byName['args']!.pragmas).toEqual(['go:noinline'])
    expect(byName['closure']!.pragmas).toEqual(['go:noinline'])
    expect(byName['closure.func1']).toMatchObject({ kind: 'closure', parent: 'closure' })
    const text = example('heapagg')
    const locals = byName['locals']!
    expect(text.slice(locals.from, locals.to)).toMatch(/^func locals\(\) \{[\s\S]*\}$/)
    expect(text.split('\n')[locals.line - 1]!.slice(locals.col - 1)).toMatch(/^locals\(\)/)
  })

  it('names methods and nested closures as gc does', async () => {
    const src = `package p
type T struct{ n int }
func (t T) Get() int { return t.n }
func (t *T) Set(n int) { t.n = n }
func (T) Anon() {}
var hook = func() int { return 1 }
var other = func() int { return 2 }
func outer() (func(), func()) {
	a := func() { _ = func() { _ = func() {} } }
	b := func() {}
	return a, b
}
`
    const { functions } = await parseOutline('p.go', src)
    expect(functions.map((f) => f.name)).toEqual([
      'T.Get', '(*T).Set', 'T.Anon', 'init.func1', 'init.func2',
      'outer', 'outer.func1', 'outer.func1.1', 'outer.func1.1.1', 'outer.func2',
    ])
    expect(functions[1]).toMatchObject({ kind: 'method', receiver: 'T', pointerReceiver: true })
  })

  it.skipIf(skipDifferential)(`agrees with the real go on function names${goUnavailable ? ` (${goUnavailable})` : ''}`, async () => {
    const go = requireGo()
    const src = example('closures') + `
var hook = func() int { return 1 }

func twoClosures() (func(), func()) {
	a := func() { _ = func() {} }
	b := func() {}
	return a, b
}
`
    const dir = tempFiles({ 'go.mod': 'module closures\n\ngo 1.26\n', 'closures.go': src })
    execFileSync(go.bin, ['build', '-gcflags=-l', '-o', 'pkg.a', '.'], { cwd: dir, stdio: 'pipe' })
    const nm = execFileSync(go.bin, ['tool', 'nm', 'pkg.a'], { cwd: dir, encoding: 'utf8' })
    const gcNames = nm
      .split('\n')
      .map((l) => /\sT closures\.(\S+)$/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined && n !== 'init' && !n.endsWith('-fm'))
    const { functions } = await parseOutline('closures.go', src)
    // gc also emits (*T).M wrappers for value methods; compare against declared ones only.
    const wrappers = functions.filter((f) => f.kind === 'method' && !f.pointerReceiver).map((f) => `(*${f.receiver}).${f.name.split('.')[1]}`)
    expect(functions.map((f) => f.name).sort()).toEqual(gcNames.filter((n) => !wrappers.includes(n)).sort())
  })
})
