// `ssascope export FILE.go --func F [--arch A[,B]] -o OUT.html` (DESIGN §5),
// with the report page the build makes (out/report/report.html): the file is
// written, self-contained (no URL is loaded), carries the function's traces,
// and bad input exits 2 with a message.

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src-main/cli/cli'
import { unpackReport } from '../../src-main/protocol/report'
import { decodeTrace } from '../../src-main/protocol/trace-codec'
import { examplesDir, reportTemplateFile } from '../../src-main/service/paths'
import { runCliCaptured as cli, tempFiles } from '../helpers'

const heapagg = join(examplesDir, 'heapagg.go')
const payloadOf = (html: string) => /<script id="ssascope-report-data" type="application\/x-ssascope-report">([^<]*)<\/script>/.exec(html)![1]!

beforeAll(() => {
  if (!existsSync(reportTemplateFile)) throw new Error(`${reportTemplateFile} is missing: run npm run build first`)
})

describe('ssascope export', () => {
  it('writes one self-contained HTML file with both arches', async () => {
    const out = join(tempFiles({}), 'half.html')
    const r = await cli('export', heapagg, '--func', 'half', '--arch', 'amd64,ppc64', '-o', out)
    expect(r.err).toMatch(/half\.html: \d+ bytes \(half on amd64, ppc64\)/)
    expect(r.code).toBe(EXIT_OK)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/i)
    // Nothing is loaded from anywhere: no src/href to a URL, no stylesheet link.
    expect(html).not.toMatch(/<(script|img|iframe)\b[^>]*\bsrc=/i)
    expect(html).not.toMatch(/<link\b[^>]*rel="?stylesheet/i)
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/)
    const data = await unpackReport(payloadOf(html))
    expect(data.func).toBe('half')
    expect(data.arches).toEqual(['amd64', 'ppc64'])
    expect(data.source.text).toBe(readFileSync(heapagg, 'utf8'))
    const amd = decodeTrace(data.ssa.amd64!.trace!)
    const ppc = decodeTrace(data.ssa.ppc64!.trace!)
    expect(amd.asm?.lines.some((l) => /^CALL\s+runtime\.mallocgc/.test(l.text))).toBe(true)
    expect(ppc.arch).toBe('ppc64')
    expect(data.escape.lines.some((l) => l.includes('moved to heap: a'))).toBe(true)
    expect(data.escape.graph).not.toBeNull()
    // The static part for readers without JavaScript.
    expect(html).toContain('<h2>ppc64</h2>')
  })

  it('defaults to one arch ($GOARCH, else amd64) and takes gc spellings of methods', async () => {
    const dir = tempFiles({ 'm.go': 'package m\n\ntype T struct{ x int }\n\nfunc (t *T) Get() int { return t.x }\n' })
    const out = join(dir, 'r.html')
    const r = await cli('export', join(dir, 'm.go'), '--func', '(*T).Get', '--arch', 'ppc64', '-o', out)
    expect(r.code).toBe(EXIT_OK)
    const data = await unpackReport(payloadOf(readFileSync(out, 'utf8')))
    expect(data.arches).toEqual(['ppc64'])
    expect(data.func).toBe('(*T).Get')
  })

  it('bad input: usage, unknown arch, missing function, a file with errors, an unwritable output', async () => {
    const dir = tempFiles({ 'bad.go': 'package p\n\nfunc F() int { return y }\n', 'str.go': 'package p\n\nfunc S() complex128 { return 1 }\n' })
    const out = join(dir, 'o.html')
    expect((await cli('export', heapagg, '--func', 'half')).err).toMatch(/^usage: ssascope export/)
    const arch = await cli('export', heapagg, '--func', 'half', '--arch', 'amd64,arm64', '-o', out)
    expect([arch.code, arch.err]).toEqual([EXIT_BAD_INPUT, 'bad --arch amd64,arm64: want amd64, ppc64 or amd64,ppc64\n'])
    const missing = await cli('export', heapagg, '--func', 'nope', '-o', out)
    expect(missing.code).toBe(EXIT_BAD_INPUT)
    expect(missing.err).toMatch(/heapagg\.go: no function nope/)
    const errors = await cli('export', join(dir, 'bad.go'), '--func', 'F', '-o', out)
    expect(errors.code).toBe(EXIT_BAD_INPUT)
    expect(errors.err).toMatch(/bad\.go:3:\d+: undefined: y/)
    // Outside the subset: refused at the construct's position, as gc would print an error.
    const unsupported = await cli('export', join(dir, 'str.go'), '--func', 'S', '-o', out)
    expect(unsupported.code).toBe(EXIT_BAD_INPUT)
    expect(unsupported.err).toMatch(/^[^\n]*str\.go:3:\d+: unsupported: complex/)
    const unwritable = await cli('export', heapagg, '--func', 'half', '-o', join(dir, 'no', 'such', 'dir.html'))
    expect(unwritable.code).toBe(EXIT_BAD_INPUT)
    expect(unwritable.err).toMatch(/dir\.html: ENOENT/)
    expect(existsSync(out)).toBe(false)
  })
})
