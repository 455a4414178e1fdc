// Strings through SSA (ssagen/strings.ts, ssa/rules/strings.ts): what walk
// and ssagen build for constants, comparisons, concatenations and
// conversions, the forms still refused, then the corpus program
// testdata/ssa/strings.go against the real gc — allocation calls, the
// runtime calls built, op multisets and -S listings on both arches.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { printFunc } from '../../src-main/compiler/ssa/print'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, expectBuiltAndListed, listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

const SRC = `package p

var sink string

func lit() string { return "héllo\\n" }
func empty() string { return "" }
func cat(a, b string) int { s := a + "-" + b; return len(s) }
func catEsc(a, b string) { sink = a + b }
func eq2(s string) bool { return s == "ab" }
func eqAny(a, b string) bool { return a == b }
func lt(a, b string) bool { return a < b }
func b2s(b []byte) int { s := string(b); return len(s) }
func zc(s string) byte { b := []byte(s); return b[0] }
func rng(s string) int { n := 0; for range s { n++ }; return n }
func cp(b []byte, s string) []byte { return append(b, s...) }
func lits() []byte { return []byte("abc") }
func sw(s string) int { switch s { case "a": return 1 }; return 0 }
func cps(b []byte, s string) int { return copy(b, s) }
`

const start = (prog: Awaited<ReturnType<typeof ssaProgram>>, fn: string, pass = 'start') =>
  printFunc(prog.trace(fn, 'amd64', { until: pass }).passes.find((p) => p.name === pass)!.snapshot)

describe('strings in SSA construction', () => {
  it('constants are ConstString, then their go:string symbol and length', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    expect(start(prog, 'lit')).toContain('ConstString <string> {"héllo\\n"}')
    const opt = start(prog, 'lit', 'opt')
    expect(opt).toContain('Addr <*uint8> {go:string."héllo\\n"}')
    expect(opt).toContain('Const64 <int> [7]')
    expect(start(prog, 'empty', 'opt')).toMatch(/ConstNil <\*uint8>/)
  })

  it('concatenation: concatstringN with a [32]byte stack buffer only when the result stays', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    const local = start(prog, 'cat')
    expect(local).toMatch(/LocalAddr <\*\[32\]uint8> \{\.autotmp_\d+\}/)
    expect(local).toContain('{AuxCall{runtime.concatstring3}} [56]')
    const esc = start(prog, 'catEsc')
    expect(esc).toContain('ConstNil <*[32]uint8>')
    expect(esc).toContain('{AuxCall{runtime.concatstring2}} [40]')
  })

  it('comparisons as walkCompareString rewrites them', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    const eq = start(prog, 'eq2')
    expect(eq).toContain('Const16 <uint16> [25185]') // "ab" as one little-endian word
    expect(eq).not.toContain('runtime.memequal')
    expect(start(prog, 'eqAny')).toContain('{AuxCall{runtime.memequal}} [24]')
    expect(start(prog, 'lt')).toContain('{AuxCall{runtime.cmpstring}} [32]')
  })

  it('conversions: runtime calls with buffers, zero-copy []byte(s) reads the string in place', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    expect(start(prog, 'b2s')).toContain('{AuxCall{runtime.slicebytetostring}} [24]')
    const zc = start(prog, 'zc')
    expect(zc).not.toContain('stringtoslicebyte')
    expect(zc).toContain('{runtime.zerobase}')
  })

  it('copy(b, s): the string\'s length and data pointer (StringLen, StringPtr), then memmove', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    const c = start(prog, 'cps')
    expect(c).toMatch(/StringLen <int> v\d+/)
    expect(c).toMatch(/StringPtr <\*uint8> v\d+/)
    expect(c).toContain('{AuxCall{runtime.memmove}}')
  })

  it('refuses the forms not built yet, at the construct', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    expect(() => prog.trace('cp', 'amd64')).toThrow(/\.\/p\.go:15:\d+: unsupported: append of a string/)
    expect(() => prog.trace('lits', 'amd64')).toThrow(/\.\/p\.go:16:\d+: unsupported: conversion of a constant string to a slice/)
    expect(() => prog.trace('sw', 'amd64')).toThrow(/\.\/p\.go:17:\d+: unsupported: switch on a string/)
  })

  it('range over a string: the ASCII fast path, else runtime.decoderune', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    const r = start(prog, 'rng')
    expect(r).toContain('Leq32 <bool>')
    expect(r).toContain('Const32 <int32> [127]')
    expect(r).toContain('{AuxCall{runtime.decoderune}} [24]')
  })
})

const FILE = join(projectRoot, 'testdata', 'ssa', 'strings.go')

/**
 * Functions whose listing differs from gc's for reasons outside strings:
 * the order of compare operands and spills of parameters (gc reuses value
 * ids in expand calls), temporaries' numbers, register choice, which spill slot a loop
 * variable gets (gc: its own; ours: a temporary).
 */
const KNOWN_DIFFERENT = ['At', 'Mid', 'Call', 'Same', 'Differ', 'CatAssign', 'CountRunes', 'SumRunes', 'FirstUpper']

describe.skipIf(skipDifferential)('testdata/ssa/strings.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('same -m=2 lines and allocation calls; every function built and listed on both arches', () => {
    expectBuiltAndListed(d)
  })

  it('listings identical to go tool compile -l -S on both arches', () => {
    expect(listingDiffers(d.verdict).filter((f) => !KNOWN_DIFFERENT.includes(f))).toEqual([])
  })

  it("the runtime calls built are gc's", async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours, fn).toEqual(c.gc)
  }, 60_000)

  it.each(['late opt', 'lower'])("op multisets after %s equal gc's for every function (amd64)", async (pass) => {
    expect(await opDiffs(FILE, d.prog, pass)).toEqual([])
  }, 60_000)
})
