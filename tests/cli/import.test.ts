// `ssascope import FILE.html` and the importSsaHtml API method (DESIGN §5):
// the ssa.html files of testdata/ssahtml (Go 1.26.8 and 1.27.0).

import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src-main/cli/cli'
import { IMPORT_USAGE } from '../../src-main/cli/import'
import { ApiError } from '../../src-main/protocol/errors'
import { decodeTrace } from '../../src-main/protocol/trace-codec'
import { projectRoot } from '../../src-main/service/paths'
import { inProcessService, runCliCaptured as cli, tempFiles } from '../helpers'
import { goUnavailable, skipDifferential } from '../go-toolchain'
import { generateSsaHtml } from '../../src-main/gcbridge/ssahtml/generate'

const html = (name: string) => join(projectRoot, 'testdata', 'ssahtml', name)

describe('ssascope import', () => {
  it('prints one line per pass, merged columns split, for Go 1.26 and 1.27 files', async () => {
    for (const [file, extra] of [
      ['sum-go1.26.html', false],
      ['sum-go1.27.html', true],
    ] as const) {
      const r = await cli('import', html(file))
      expect(r.err).toBe('')
      expect(r.code).toBe(EXIT_OK)
      const lines = r.out.trimEnd().split('\n').map((l) => l.split('\t'))
      expect(lines[0]).toEqual(['before insert phis', 'changed', expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)])
      expect(lines.map((l) => l[0])).toContain('generic cse')
      expect(lines.some((l) => l[0] === 'known bits')).toBe(extra)
      expect(lines.at(-1)![0]).toBe('trim')
    }
  })

  it('--pass prints the function after that pass in gc’s text form, registers included', async () => {
    const r = await cli('import', html('sum-go1.26.html'), '--pass', 'regalloc')
    expect(r.code).toBe(EXIT_OK)
    expect(r.out).toMatch(/^ {2}b1:$/m)
    expect(r.out).toMatch(/^ {4}\(-?\d+\) v\d+ = ArgIntReg <\*int> \{xs\+0\} \[0\] : AX \(xs\[\*int\]\)$/m)
    const none = await cli('import', html('sum-go1.26.html'), '--pass', 'nonesuch')
    expect(none.code).toBe(EXIT_BAD_INPUT)
    expect(none.err).toMatch(/^.*sum-go1\.26\.html: no pass "nonesuch"; the file has before insert phis, start, /)
  })

  it('--json gives the encoded trace, sources and warnings', async () => {
    const r = await cli('import', html('method-ppc64-go1.26.html'), '--json')
    expect(r.code).toBe(EXIT_OK)
    const j = JSON.parse(r.out) as { name: string; trace: never; sources: { file: string }[]; warnings: string[] }
    const t = decodeTrace(j.trace)
    expect(t.func).toBe('(*T).M')
    expect(t.arch).toBe('ppc64')
    expect(t.idsReusedAcrossPasses).toBe(true)
    expect(j.sources[0]!.file.endsWith('sample.go')).toBe(true)
    expect(j.warnings).toEqual([])
  })

  it('refuses bad usage, non-html files, missing files and malformed ones with status 2', async () => {
    expect(await cli('import')).toEqual({ code: EXIT_BAD_INPUT, out: '', err: IMPORT_USAGE })
    expect(await cli('import', 'a.html', '--json', '--pass', 'opt')).toEqual({ code: EXIT_BAD_INPUT, out: '', err: IMPORT_USAGE })
    expect((await cli('import', 'a.html', '--bogus')).err).toBe(`unknown flag --bogus\n${IMPORT_USAGE}`)
    const dir = tempFiles({ 'x.go': 'package p\n', 'bad.html': '<html><body><h1>F</h1><table><tr><td id="opt-col">' })
    expect(await cli('import', join(dir, 'x.go'))).toEqual({ code: EXIT_BAD_INPUT, out: '', err: `${join(dir, 'x.go')}: not an ssa.html file (.html)\n` })
    expect(await cli('import', join(dir, 'none.html'))).toEqual({ code: EXIT_BAD_INPUT, out: '', err: `${join(dir, 'none.html')}: no such file\n` })
    symlinkSync('/etc/passwd', join(dir, 'link.html'))
    expect((await cli('import', join(dir, 'link.html'))).err).toMatch(/link\.html \(a link to \/etc\/passwd\): not an ssa\.html file/)
    const bad = await cli('import', join(dir, 'bad.html'))
    expect(bad.code).toBe(EXIT_BAD_INPUT)
    expect(bad.err).toMatch(/^.*bad\.html: line 1, column \d+: the file ends inside a column header: it is truncated or not gc's ssa\.html\n$/)
    // A truncated real file names the column it ends in.
    const text = readFileSync(html('sum-go1.26.html'), 'utf8')
    writeFileSync(join(dir, 'cut.html'), text.slice(0, text.indexOf('<h2>lower')))
    expect((await cli('import', join(dir, 'cut.html'))).err).toMatch(/cut\.html: line \d+, column \d+ \(in the ssa\.html column "late fuse  \+  check bce  \+  dse  \+  memcombine  \+  writebarrier  \+  lower"\): the file ends inside this column/)
  })
})

describe('importSsaHtml (API)', () => {
  const service = inProcessService()

  it('takes the text (browser, drop) or a path (desktop, CLI), never both', async () => {
    const text = readFileSync(html('sum-go1.27.html'), 'utf8')
    const r = await service.call('importSsaHtml', { name: 'sum.html', text })
    expect(r.name).toBe('sum.html')
    expect(decodeTrace(r.trace).passes.some((p) => p.name === 'known bits')).toBe(true)
    await expect(service.call('importSsaHtml', { name: 'x.html', text, path: html('sum-go1.27.html') })).rejects.toThrow(/give exactly one of text and path/)
    await expect(service.call('importSsaHtml', { name: 'x.html' })).rejects.toThrow(/give exactly one of text and path/)
  })

  it('validates its arguments where the call enters', async () => {
    await expect(service.callWire('importSsaHtml', { name: 'x.html', text: 7 })).resolves.toEqual({ ok: false, error: { code: 'bad-argument', message: 'importSsaHtml.text must be a string' } })
    await expect(service.callWire('importSsaHtml', { name: '', text: 'x' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-argument' } })
    await expect(service.callWire('importSsaHtml', { name: 'x', text: 'x', arch: 'vax' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-argument' } })
    await expect(service.callWire('importSsaHtml', { name: 'x', text: 'x', extra: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'bad-argument', message: 'importSsaHtml.extra is not a known argument' } })
  })

  it('a malformed file is a bad-argument error naming the file and the place', async () => {
    const e = await service.call('importSsaHtml', { name: 'junk.html', text: '<p>not it</p>' }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({ code: 'bad-argument', message: 'junk.html: not a gc ssa.html file: no <h1> function name' })
  })
})

describe.skipIf(skipDifferential)(`an arch we do not model${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('arm64: imported as gc printed it, with a warning; --pass still prints DEAD as gc does', async () => {
    const text = await generateSsaHtml(html('sample.go'), 'Sum', { goarch: 'arm64' })
    const dir = tempFiles({ 'arm64.html': text })
    const r = await cli('import', join(dir, 'arm64.html'), '--pass', 'regalloc')
    expect(r.code).toBe(EXIT_OK)
    expect(r.err).toMatch(/arm64\.html: warning: lowered ops \(\w+, .*\) are not amd64's or ppc64's: the arch is unknown/)
    expect(r.out).toMatch(/ArgIntReg <\*int> \{xs\+0\} \[0\] : R0/)
    // The arch can be named.
    const named = await cli('import', join(dir, 'arm64.html'), '--arch', 'arm64', '--json')
    expect(decodeTrace((JSON.parse(named.out) as { trace: never }).trace).arch).toBe('arm64')
  }, 120_000)
})
