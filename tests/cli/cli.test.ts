import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT_BAD_INPUT, EXIT_OK, USAGE } from '../../src-main/cli/cli'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { runCliCaptured, tempFiles } from '../helpers'

const cli = runCliCaptured

describe('ssascope CLI', () => {
  it('prints help', async () => {
    expect(await cli('--help')).toEqual({ code: EXIT_OK, out: USAGE, err: '' })
    expect((await cli()).code).toBe(EXIT_BAD_INPUT)
  })

  it('lists functions with gc names and positions', async () => {
    const file = join(examplesDir, 'heapagg.go')
    const r = await cli('funcs', file)
    expect(r.code).toBe(EXIT_OK)
    expect(r.out.trimEnd().split('\n')).toEqual([
      `locals\tfunc\t${file}:16:6`,
      `args\tfunc\t${file}:30:6`,
      `half\tfunc\t${file}:40:6`,
      `closure\tfunc\t${file}:52:6`,
      `closure.func1\tclosure\t${file}:58:9`,
    ])
  })

  it('reports syntax errors as file:line:col on stderr with status 2', async () => {
    const dir = tempFiles({ 'bad.go': 'package p\n\nfunc f() {\n\tx := )\n}\n' })
    const r = await cli('funcs', join(dir, 'bad.go'))
    expect(r).toEqual({ code: EXIT_BAD_INPUT, out: '', err: `${join(dir, 'bad.go')}:4:7: syntax error: unexpected )\n` })
  })

  it('rejects missing files, wrong arguments and unknown commands with status 2', async () => {
    expect(await cli('funcs', '/no/such/file.go')).toEqual({ code: 2, out: '', err: '/no/such/file.go: no such file\n' })
    expect((await cli('funcs')).err).toBe('usage: ssascope funcs FILE.go\n')
    expect((await cli('frobnicate')).code).toBe(EXIT_BAD_INPUT)
  })

  it('runs as an installed command (bin/ssascope.cjs on the build)', () => {
    const bin = join(projectRoot, 'bin', 'ssascope.cjs')
    const ok = execFileSync(process.execPath, [bin, 'funcs', join(examplesDir, 'mergelocals.go')], { encoding: 'utf8' })
    expect(ok).toBe(`ABC\tfunc\t${join(examplesDir, 'mergelocals.go')}:12:6\nPhases\tfunc\t${join(examplesDir, 'mergelocals.go')}:34:6\n`)
    const bad = spawnSync(process.execPath, [bin, 'funcs', 'nope.txt'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toBe('nope.txt: not a Go source file (.go)\n')
  })
})
