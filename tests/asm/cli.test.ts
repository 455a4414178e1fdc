// `ssascope asm FILE.go --func F [--arch A] [--json]`: our whole pipeline,
// then the listing in -S form. For the seed the instructions must be gc's.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { asmCommand } from '../../src-main/cli/asm'
import { examplesDir } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { inProcessService, tempFiles } from '../helpers'
import { compareListings, gcListingText, parseGcListing } from './gclisting'

async function asm(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await asmCommand(args, inProcessService(), { stdout: (s) => (out += s), stderr: (s) => (err += s) })
  return { code, out, err }
}

const seed = join(examplesDir, 'mergelocals.go')

describe('ssascope asm', () => {
  it('prints the listing like go tool compile -S, without the hex bytes', async () => {
    const r = await asm(seed, '--func', 'ABC', '--arch', 'amd64')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const lines = r.out.trimEnd().split('\n')
    expect(lines[0]).toBe('mergelocals.ABC STEXT nosplit size=61 args=0x10 locals=0x60 funcid=0x0 align=0x0')
    expect(lines[1]).toBe(`\t0x0000 00000 (${seed}:12)\tTEXT\tmergelocals.ABC(SB), NOSPLIT|ABIInternal, $96-16`)
    expect(lines.at(-1)).toBe(`\t0x003c 00060 (${seed}:15)\tRET`)
    for (const l of lines.slice(1)) expect(l).toMatch(/^\t0x[0-9a-f]{4} \d{5} \(.*:\d+\)\t[A-Z]/)
  })

  it('gives the listing as JSON with each instruction’s value or block', async () => {
    const r = await asm(seed, '--func=ABC', '--arch=ppc64', '--json')
    expect(r.code).toBe(0)
    const a = JSON.parse(r.out)
    expect(a).toMatchObject({ symbol: 'mergelocals.ABC', attrs: ['NOSPLIT', 'LEAF', 'ABIInternal'] })
    expect(a.lines[0]).toMatchObject({ pc: 0, line: 12, text: 'TEXT\tmergelocals.ABC(SB), NOSPLIT|LEAF|ABIInternal, $120-16' })
    expect(a.lines.some((l: { value?: string }) => l.value?.startsWith('v'))).toBe(true)
    expect(a.lines.at(-1)).toMatchObject({ text: 'JMP\tLR', block: expect.stringMatching(/^b\d+$/) })
  })

  it('rejects bad arguments and bad input with status 2', async () => {
    expect(await asm(seed)).toEqual({ code: 2, out: '', err: 'usage: ssascope asm FILE.go --func F [--arch amd64|ppc64] [--json]\n' })
    expect((await asm(seed, '--func', 'ABC', '--arch', 'arm64')).err).toBe('unknown --arch arm64: want amd64 or ppc64\n')
    const missing = await asm(seed, '--func', 'Nope')
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/no function Nope in .*mergelocals\.go \(functions: ABC, Phases\)/)
    const bad = join(tempFiles({ 'bad.go': 'package p\n\nfunc f() {\n\tx := )\n}\n' }), 'bad.go')
    expect(await asm(bad, '--func', 'f')).toEqual({ code: 2, out: '', err: `${bad}:4:7: syntax error: unexpected )\n` })
  })

  it.skipIf(skipDifferential)('gives gc’s instructions, pcs and source lines for the seed on both arches', async () => {
    requireGo()
    for (const arch of ['amd64', 'ppc64']) {
      const r = await asm(seed, '--func', 'ABC', '--arch', arch, '--json')
      const gc = parseGcListing(await gcListingText(seed, arch), 'p').get('ABC')!
      // gc ran with -p=p; our listing qualifies symbols with the package name.
      const ours = JSON.parse(r.out).lines.map((l: { text: string }) => ({ ...l, text: l.text.replaceAll('mergelocals.', 'p.') }))
      const c = compareListings(ours, gc.lines)
      expect(c).toMatchObject({ sameInstructions: true, samePcs: true })
      expect(c.lineDiff).toBeUndefined()
      expect(c.lines!.agree).toBe(c.lines!.total)
    }
  })
})
