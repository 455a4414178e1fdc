import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { escapeProgram } from '../../src-main/bench/programs'
import { parseFile } from '../../src-main/compiler/syntax'
import { checkFile } from '../../src-main/compiler/types/check'
import { goUnavailable, requireGo, skipDifferential } from '../go-toolchain'
import { tempFiles } from '../helpers'

const run = promisify(execFile)

describe('the escape benchmark program', () => {
  const text = escapeProgram(5000)

  it('is about 5,000 lines and type-checks cleanly with our checker', async () => {
    const lines = text.split('\n').length
    expect(lines).toBeGreaterThan(4800)
    expect(lines).toBeLessThan(5200)
    const parsed = await parseFile('bench.go', text)
    expect(parsed.diagnostics).toEqual([])
    expect(checkFile(parsed.file, parsed.source).diagnostics).toEqual([])
    const names = parsed.functions.map((f) => f.name)
    expect(names).toContain('(*Buf).Push')
    expect(names).toContain('Buf.Len')
    expect(names).toContain('closure0.func1')
    expect(names).toContain('closure0.func2')
  })

  it('is exercised by a small size too', async () => {
    const parsed = await parseFile('small.go', escapeProgram(200))
    expect(parsed.diagnostics).toEqual([])
    expect(checkFile(parsed.file, parsed.source).diagnostics).toEqual([])
  })

  it.skipIf(skipDifferential)(`compiles with the real go${goUnavailable ? ` (${goUnavailable})` : ''}`, async () => {
    const go = requireGo()
    const dir = tempFiles({ 'go.mod': 'module bench\n\ngo 1.26\n', 'bench.go': text })
    await run(go.bin, ['build', '-gcflags=-l', '-o', '/dev/null', '.'], { cwd: dir, env: { ...process.env, GOFLAGS: '', GOWORK: 'off', GOCACHE: tempFiles({}) } })
  }, 60_000)
})
