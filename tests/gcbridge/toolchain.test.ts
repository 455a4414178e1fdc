// Finding the installed go: explicit path, $SSASCOPE_GO, PATH; its version; clear refusals.

import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultGoBin, findGo, MIN_GO_MINOR, parseGoVersion, run } from '../../src-main/gcbridge/toolchain'
import { goUnavailable, skipDifferential } from '../go-toolchain'
import { tempFiles } from '../helpers'

/** A stand-in `go` that prints a fixed `go version` line. */
function fakeGo(versionLine: string, code = 0): string {
  const dir = tempFiles({ go: `#!/bin/sh\necho '${versionLine}'\nexit ${code}\n` })
  const bin = join(dir, 'go')
  chmodSync(bin, 0o755)
  return bin
}

describe('the Go toolchain', () => {
  const saved = process.env['SSASCOPE_GO']
  afterEach(() => {
    if (saved === undefined) delete process.env['SSASCOPE_GO']
    else process.env['SSASCOPE_GO'] = saved
  })

  it('reads releases, devel builds and release candidates', () => {
    expect(parseGoVersion('go version go1.26.8 linux/amd64')).toEqual({ release: 'go1.26.8', minor: 26 })
    expect(parseGoVersion('go version go1.27.0 linux/amd64')).toEqual({ release: 'go1.27.0', minor: 27 })
    expect(parseGoVersion('go version go1.27rc1 linux/amd64')).toEqual({ release: 'go1.27rc1', minor: 27 })
    expect(parseGoVersion('go version devel go1.28-abcdef Tue Jan 1 linux/amd64')).toEqual({ release: 'go1.28', minor: 28 })
    expect(parseGoVersion('gccgo (GCC) 14')).toBeNull()
  })

  it('takes an explicit path first, then $SSASCOPE_GO, then go on PATH', () => {
    process.env['SSASCOPE_GO'] = '/opt/go/bin/go'
    expect(defaultGoBin()).toBe('/opt/go/bin/go')
    process.env['SSASCOPE_GO'] = ''
    expect(defaultGoBin()).toBe('go')
    delete process.env['SSASCOPE_GO']
    expect(defaultGoBin()).toBe('go')
  })

  it('says how to point to a go when there is none', async () => {
    const msg = await findGo('/nonexistent/go')
    expect(msg).toBe(`no usable go (/nonexistent/go): not found; install Go 1.${MIN_GO_MINOR} or newer, or point ssascope to one with --go PATH, the SSASCOPE_GO environment variable, or the desktop app's Go toolchain setting`)
    process.env['SSASCOPE_GO'] = '/also/missing/go'
    expect(await findGo()).toMatch(/^no usable go \(\/also\/missing\/go\): not found;/)
  })

  it('refuses a go older than 1.23 and one whose version it cannot read, and accepts 1.23', async () => {
    expect(await findGo(fakeGo('go version go1.22.5 linux/amd64'))).toMatch(/^go is too old \(.*go is go1\.22\.5; need Go 1\.23 or newer\); install a newer one, or point ssascope/)
    expect(await findGo(fakeGo('something else'))).toMatch(/cannot read its version from "something else"/)
    expect(await findGo(fakeGo('go: broken', 1))).toMatch(/^no usable go \(.*\): go: broken;/)
    const ok = await findGo(fakeGo('go version go1.23.0 linux/amd64'))
    expect(ok).toMatchObject({ release: 'go1.23.0', minor: 23, version: 'go version go1.23.0 linux/amd64' })
    // A caller that needs the modelled gc can ask for more.
    expect(await findGo(fakeGo('go version go1.25.1 linux/amd64'), 26)).toMatch(/need Go 1\.26 or newer/)
  })

  it('run never uses a shell, reports exit codes, and can be cancelled', async () => {
    const r = await run('/bin/echo', ['$HOME;', '`x`'])
    expect(r).toEqual({ code: 0, stdout: '$HOME; `x`\n', stderr: '', timedOut: false })
    const ctl = new AbortController()
    const p = run('/bin/sleep', ['10'], { signal: ctl.signal })
    ctl.abort()
    expect(await p).toMatchObject({ code: -1, timedOut: false })
    expect(await run('/bin/sleep', ['10'], { timeoutMs: 100 })).toMatchObject({ timedOut: true })
  })
})

describe.skipIf(skipDifferential)(`the installed go${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('is found and its version read', async () => {
    const go = await findGo()
    expect(typeof go).toBe('object')
    if (typeof go === 'string') return
    expect(go.minor).toBeGreaterThanOrEqual(26)
    expect(go.version).toContain(go.release)
  })
})
