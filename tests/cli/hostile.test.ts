// Input gc refuses before it compiles anything, refused the way gc refuses
// it (message and position), through the CLI as a user meets it: NUL bytes,
// invalid UTF-8 (one error per bad byte, one of equal messages per line), a
// BOM past the start, a global too large for the object file. And the
// command-level errors: an unknown --func, unreadable files.

import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeGoSource } from '../../src-main/service/files'
import { requireGo, skipDifferential } from '../go-toolchain'
import { runCliCaptured, tempFiles } from '../helpers'

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1')

/** Each file's bytes and the lines gc 1.26 prints for it (`go tool compile -p p`, run in its directory). */
const CASES: { name: string; src: Buffer; gc: string[] }[] = [
  { name: 'nul.go', src: bytes('package p\n\nvar x = 1 \x00\nvar y = 2 \x00\n'), gc: ['nul.go:3:11: invalid NUL character', 'nul.go:4:11: invalid NUL character'] },
  { name: 'nulcomment.go', src: bytes('package p\n\n// a \x00 b\nvar x = 1\n'), gc: ['nulcomment.go:3:6: invalid NUL character'] },
  { name: 'utf8.go', src: bytes('package p\n\nvar x = 1\n// ab\xe2\x82 x \xff\xfe\nvar y = 2 \xff\n// c \xff\n'), gc: ['utf8.go:4:6: invalid UTF-8 encoding', 'utf8.go:5:11: invalid UTF-8 encoding', 'utf8.go:6:6: invalid UTF-8 encoding'] },
  // An error in the comments right after the package clause ends the file for gc: nothing later is reported.
  { name: 'utf8head.go', src: bytes('package p\n\n// ab\xe2\x82 x \xff\xfe\nvar y = 2 \xff\n// c \xff\n'), gc: ['utf8head.go:3:6: invalid UTF-8 encoding'] },
  { name: 'bom.go', src: bytes('\xef\xbb\xbfpackage p\n\nfunc F() {}\n'), gc: [] },
  { name: 'bommid.go', src: bytes('package p\n\n\xef\xbb\xbfvar y = 2\n'), gc: ['bommid.go:3:1: invalid BOM in the middle of the file'] },
  {
    name: 'big.go',
    src: bytes('package p\n\nvar big [1 << 40]int\n\nvar b2 [1<<31]byte\n\nfunc F() int {\n\tx := 1\n\treturn big[3] + x\n}\n\nfunc G() {\n\tprintln(1)\n}\n'),
    gc: ['big.go:13:9: p.big: symbol too large (8796093022208 bytes > 2000000000 bytes)', 'big.go:13:9: p.b2: symbol too large (2147483648 bytes > 2000000000 bytes)'],
  },
  { name: 'bigonly.go', src: bytes('package p\n\nvar big [1 << 40]int\n'), gc: ['bigonly.go:3:5: p.big: symbol too large (8796093022208 bytes > 2000000000 bytes)'] },
]

describe('input gc refuses before compiling', () => {
  for (const c of CASES) {
    it(`${c.name}: gc's errors${c.gc.length === 0 ? ' (none)' : ''}`, async () => {
      const dir = tempFiles({ [c.name]: c.src })
      const r = await runCliCaptured('escape', join(dir, c.name))
      const ours = r.err.split('\n').filter((l) => l !== '').map((l) => l.slice(dir.length + 1))
      expect(ours).toEqual(c.gc)
      expect(r.code).toBe(c.gc.length > 0 ? 2 : 0)
    })
  }

  it.skipIf(skipDifferential)('the expected lines are what the installed gc prints', () => {
    const go = requireGo()
    for (const c of CASES) {
      const dir = tempFiles({ [c.name]: c.src })
      let out = ''
      try {
        execFileSync(go.bin, ['tool', 'compile', '-p', 'p', '-o', join(dir, 'x.o'), c.name], { cwd: dir, encoding: 'latin1', stdio: ['ignore', 'pipe', 'pipe'] })
      } catch (e) {
        out = String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '')
      }
      expect(out.split('\n').filter((l) => l !== '').map((l) => l.split(`${dir}/`).join('')), c.name).toEqual(c.gc)
    }
  })

  it('decodes each byte that starts no valid UTF-8 sequence as one U+FFFD', () => {
    expect(decodeGoSource(bytes('a\xe2\x82b\xff\xc0\xafc'))).toBe('a\uFFFD\uFFFDb\uFFFD\uFFFD\uFFFDc')
    expect(decodeGoSource(bytes('\xed\xa0\x80'))).toBe('\uFFFD\uFFFD\uFFFD') // a surrogate
    expect(decodeGoSource(Buffer.from('héllo ✓ 😀', 'utf8'))).toBe('héllo ✓ 😀')
  })
})

describe('command-level errors', () => {
  it('escape --json --func with no such function exits 2, as ssa does', async () => {
    const dir = tempFiles({ 'p.go': 'package p\n\nfunc F() {}\n' })
    const r = await runCliCaptured('escape', '--json', '--func', 'Nope', join(dir, 'p.go'))
    expect(r).toEqual({ code: 2, out: '', err: `${join(dir, 'p.go')}:1:1: no function Nope in ${join(dir, 'p.go')} (functions: F)\n` })
    const ok = await runCliCaptured('escape', '--json', '--func', 'p.F', join(dir, 'p.go'))
    expect(ok.code).toBe(0)
  })

  it('an unreadable file reads `path: message` for every command', async () => {
    const dir = tempFiles({ 'notgo.txt': 'x' })
    mkdirSync(join(dir, 'dir.go'))
    const cases: [string[], string][] = [
      [['escape', join(dir, 'missing.go')], `${join(dir, 'missing.go')}: no such file`],
      [['ssa', join(dir, 'dir.go'), '--func', 'F'], `${join(dir, 'dir.go')}: not a file`],
      [['funcs', join(dir, 'notgo.txt')], `${join(dir, 'notgo.txt')}: not a Go source file (.go)`],
      [['asm', join(dir, 'missing.go'), '--func', 'F'], `${join(dir, 'missing.go')}: no such file`],
      [['mergelocals', join(dir, 'missing.go'), '--func', 'F'], `${join(dir, 'missing.go')}: no such file`],
    ]
    for (const [args, err] of cases) expect(await runCliCaptured(...args), args.join(' ')).toEqual({ code: 2, out: '', err: err + '\n' })
  })
})
