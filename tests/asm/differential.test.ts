// Differential: gc's own functions after trim (its dump, read back), run
// through our listing, against what `go tool compile -S` prints for them.
// Frame offsets come from gc's listing (the stack frame phase is tested on
// its own); everything else — instruction selection, prologue, epilogue,
// spills, pcs — is ours. One gc run per file and arch for the dumps, one for -S.

import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { assembleFunc } from '../../src-main/compiler/asm'
import { abiOf } from '../../src-main/compiler/asm/signature'
import { x86Len } from '../../src-main/compiler/asm/x86enc'
import { gcSsaDumps } from '../../src-main/gcbridge/gcssa'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { tempFiles } from '../helpers'
import { parseInst } from './asmtext'
import { compareListings, dumpTemps, frameFromGc, gcListingText, parseGcListing, signaturesFromSource, trimFunc } from './gclisting'

/** Constructs the corpus has little of: float compares, divisions, big frames, long loops, byte ops, many args. */
const EXTRA = `package p

type pt struct{ x, y float64 }

func fcmp(a, b float64) int {
	if a == b {
		return 1
	}
	if a != b+1 {
		return 2
	}
	return 4
}

func fne(a, b float32) bool     { return a != b }
func div(a, b int) (int, int)     { return a / b, a % b }
func udiv(a, b uint) (uint, uint) { return a / b, a % b }
func divc(a int) int              { return a / 7 }

func bigframe(i int) int {
	var a [600]int
	a[i] = 3
	return a[i+1]
}

func hugeframe(i int) int {
	var a [10000]int
	a[i] = 3
	g(a[:])
	return a[i+1]
}

//go:noinline
func g(s []int) {}

func manyargs(a, b, c, d, e, f, g, h, i, j, k int) int { return a + b + c + d + e + f + g + h + i + j + k }
func callMany() int                                    { return manyargs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) }

func longloop(xs []int) int {
	s := 0
	for i := range xs {
		s += xs[i] * 3
		s ^= xs[i] >> 2
		s += xs[i] * 5
		s -= xs[i] << 3
		s += xs[i] * 7
		s ^= xs[i] >> 4
		s += xs[i] * 9
		s -= xs[i] << 5
		if s > 1000 {
			s = s % 1000
		}
		s += xs[i] * 15
		s -= xs[i] << 9
	}
	return s
}

func bytesops(b []byte, i int) byte {
	x := b[i]
	if x > 'a' {
		x -= 32
	}
	b[i+1] = x
	return x ^ 0x55
}

func conv(f float64, i int32) (int64, float32, float64) { return int64(f), float32(f), float64(i) }

func consts() (int64, uint32, int64, uint64) { return 1 << 40, 0xdeadbeef, -5000000000, 0x8000000000000001 }

type T struct{ a, b, c, d, e int }

func bigcopy(p *T) T { return *p }
func zerot() T       { return T{} }
`

const FILES = [
  join(examplesDir, 'mergelocals.go'),
  join(examplesDir, 'heapagg.go'),
  join(examplesDir, 'closures.go'),
  join(projectRoot, 'testdata', 'ssa', 'checks.go'),
  join(projectRoot, 'testdata', 'escape', 'bounds.go'),
  join(projectRoot, 'testdata', 'escape', 'appendcopy.go'),
]

interface Result {
  name: string
  same: boolean
  samePcs: boolean
  diff?: string
}

const ARCHES = ['amd64', 'ppc64']

describe.skipIf(skipDifferential)('listing vs go tool compile -S', () => {
  const results = new Map<string, Result[]>()
  /** amd64 instructions gc printed, with the length its pcs give them. */
  const gcInstructions: { text: string; size: number }[] = []

  beforeAll(async () => {
    requireGo()
    const extra = join(tempFiles({ 'extra.go': EXTRA }), 'extra.go')
    for (const arch of ARCHES) {
      const out: Result[] = []
      for (const file of [...FILES, extra]) {
        const [dumps, text, sigs] = await Promise.all([gcSsaDumps(file, 'all', ['trim'], { goarch: arch }), gcListingText(file, arch), signaturesFromSource(file)])
        const gc = parseGcListing(text)
        for (const [name, passes] of dumps) {
          const d = passes.get('trim')
          const g = gc.get(name)
          if (!d || !g) continue
          const f = trimFunc(d, arch)
          const unit = sigs.get(name)
          const a = assembleFunc(f, frameFromGc(g, f, abiOf(f, unit?.signature)), {
            pkg: 'p',
            line: g.lines[0]!.line,
            ...(unit ? { signature: unit.signature, wrapper: unit.wrapper } : {}),
            temps: dumpTemps(d),
          })
          const c = compareListings(a.lines, g.lines)
          out.push({ name, same: c.sameInstructions, samePcs: c.samePcs, ...(c.diff ? { diff: c.diff } : {}) })
          if (arch === 'amd64') {
            const real = g.lines.filter((l) => !/^(PCDATA|FUNCDATA|TEXT)/.test(l.text))
            real.forEach((l, i) => {
              const next = real[i + 1]
              if (next && !/^(J|NOP|CALL|XCHGL|RET)/.test(l.text)) gcInstructions.push({ text: l.text, size: next.pc - l.pc })
            })
          }
        }
      }
      results.set(arch, out)
    }
  }, 120_000)

  it.each(ARCHES)('%s: every function has gc instructions and pcs', (arch) => {
    const rs = results.get(arch)!
    expect(rs.length).toBeGreaterThan(40)
    expect(rs.filter((r) => !r.samePcs).map((r) => `${r.name}: ${r.diff}`)).toEqual([])
  })

  it('the seed ABC matches exactly on both arches', () => {
    for (const arch of ARCHES) expect(results.get(arch)!.find((r) => r.name === 'ABC')).toMatchObject({ same: true, samePcs: true })
  })

  it('amd64 instruction lengths agree with gc on every instruction of these listings', () => {
    expect(gcInstructions.length).toBeGreaterThan(300)
    const wrong = gcInstructions.filter((x) => x86Len(parseInst(x.text)) !== x.size).map((x) => `${x.text}: ${x.size}`)
    expect(wrong).toEqual([])
  })
})
