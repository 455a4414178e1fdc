// Interfaces at SSA construction (ssagen/iface.ts): the forms built — two-word
// values, conversions, nil comparisons, interface calls, type assertions,
// panic — and the forms refused with their name; then the corpus program
// testdata/ssa/iface.go against the real gc (-m=2 lines, allocation calls,
// the calls built, op multisets, -S listings on both arches).

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { printFunc } from '../../src-main/compiler/ssa/print'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, expectBuiltAndListed, listingDiffers, opDiffs, walkDiff, type WalkDiff } from './walkdiff'

const SRC = `package p

type I interface {
	A() int
	M(x int) int
}

type P struct{ n int }

func (p *P) A() int      { return 0 }
func (p *P) M(x int) int { return p.n + x }

var sinkE any

func take(e any) bool { return e != nil }

func conv(p *P) I         { return p }
func escapes(x int)       { sinkE = x }
func local(x int) bool    { return take(x) }
func byte1(c uint8)       { sinkE = c }
func zero()               { sinkE = struct{}{} }
func call(i I) int        { return i.M(2) }
func assert(e any) int    { return e.(int) }
func assertI(i I) *P      { return i.(*P) }
func isNil(i I) bool      { return i == nil }
func boom(p *P)           { panic(p) }
func sw(e any) int {
	switch e.(type) {
	case I:
		return 1
	}
	return 0
}
func eq(a, b any) bool    { return a == b }
func widen(i I) any       { return i }
func big(a [5]int)        { sinkE = a }
func rec(s []any, e any) []any { return append(s, e) }
func konst()              { sinkE = 42 }
func konstB()             { sinkE = true }
func mixed(e any, x int) bool { return e == x }

type U interface {
	a() int
	Ω() int
}

func callU(u U) int { return u.Ω() }

func bound()  { v := 42; sinkE = v }
func boundB() { v := uint8(1); sinkE = v }
`

describe('interfaces at SSA construction', () => {
  const start = async (fn: string, arch = 'amd64') => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    return printFunc(prog.trace(fn, arch, { until: 'start' }).passes[0]!.snapshot)
  }

  it('a pointer is the data word; the itab is go:itab.*p.P,p.I', async () => {
    const s = await start('conv')
    expect(s).toMatch(/Addr <\*uint8> \{go:itab\.\*p\.P,p\.I\}/)
    expect(s).toMatch(/IMake <I> v\d+ v\d+/)
  })

  it('an escaping int goes through runtime.convT64, a local one into a stack temporary, a byte to staticuint64s, a zero-sized value to zerobase', async () => {
    expect(await start('escapes')).toMatch(/StaticLECall <unsafe\.Pointer,mem> \{AuxCall\{runtime\.convT64\}\} \[8\]/)
    const local = await start('local')
    expect(local).toMatch(/LocalAddr <\*int> \{\.autotmp_\d+\}/)
    expect(local).not.toMatch(/convT64/)
    expect(await start('byte1')).toMatch(/Addr <\*uint8> \{runtime\.staticuint64s\}/)
    // Big-endian: the value's byte is the last of its uint64.
    expect(await start('byte1', 'ppc64')).toMatch(/Add64 <int> v\d+ v\d+/)
    expect(await start('zero')).toMatch(/\{runtime\.zerobase\}/)
    // order's addrTemp: an int constant is read-only static data, numbered per package in walk order
    // (zero's struct{}{} made .stmp_0 before it).
    expect(await start('konst')).toMatch(/Addr <\*int> \{p\.\.stmp_1\}/)
    // So is a local bound once to one (escape's rewriteWithLiterals; walk/convert.ts decides for both), after konstB's .stmp_2.
    const bound = await start('bound')
    expect(bound).toMatch(/Addr <\*int> \{p\.\.stmp_3\}/)
    expect(bound).not.toMatch(/convT64/)
  })

  it('a method call loads the itab\'s fun slot for the method (sorted by name) and calls through it', async () => {
    const s = await start('call')
    expect(s).toMatch(/OffPtr <\*uintptr> \[32\] v\d+/)
    expect(s).toMatch(/InterLECall <int,mem> \[16\]/)
    expect(s).toMatch(/NilCheck <uintptr>/)
  })

  it('an itab lists exported methods before unexported ones (gc\'s Sym.Less), whatever their spelling', async () => {
    expect(await start('callU')).toMatch(/OffPtr <\*uintptr> \[24\] v\d+/)
  })

  it('assertions compare the type word (eface) or the itab (iface) and panic through panicdottypeE/I', async () => {
    const a = await start('assert')
    expect(a).toMatch(/\{type:int\}/)
    expect(a).toMatch(/\{type:interface \{\}\}/)
    expect(a).toMatch(/runtime\.panicdottypeE/)
    expect(a).toMatch(/Load <int>/)
    const b = await start('assertI')
    expect(b).toMatch(/\{go:itab\.\*p\.P,p\.I\}/)
    expect(b).toMatch(/runtime\.panicdottypeI/)
  })

  it('nil comparisons are EqInter against the nil interface; two interfaces compare type words then call efaceeq; panic calls gopanic', async () => {
    expect(await start('isNil')).toMatch(/EqInter <bool> v\d+ v\d+/)
    const eq = await start('eq')
    expect(eq).toMatch(/EqPtr <bool> v\d+ v\d+/)
    expect(eq).toMatch(/StaticLECall <bool,mem> \{AuxCall\{runtime\.efaceeq\}\} \[24\]/)
    expect(await start('boom')).toMatch(/runtime\.gopanic/)
  })

  it('every built function goes through all passes to a listing on both arches', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    for (const fn of ['take', 'conv', 'escapes', 'local', 'byte1', 'zero', 'call', 'assert', 'assertI', 'isNil', 'boom', 'eq', 'konst']) {
      for (const arch of ['amd64', 'ppc64']) {
        const t = prog.trace(fn, arch)
        expect(t.passes.every((p) => p.status !== 'failed'), `${fn} ${arch}`).toBe(true)
        expect(t.asm, `${fn} ${arch}`).toBeDefined()
      }
    }
  })

  it('forms not built are refused with their name, never compiled wrongly', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    const suffix = ' (SSA construction of this interface form is not done)'
    expect(() => prog.trace('sw', 'amd64')).toThrow(`./p.go:29:7: unsupported: type switch case of a non-empty interface type${suffix}`)
    expect(() => prog.trace('mixed', 'amd64')).toThrow(`./p.go:40:40: unsupported: comparison of an interface with a concrete value${suffix}`)
    expect(() => prog.trace('widen', 'amd64')).toThrow(`./p.go:35:36: unsupported: conversion between interface types${suffix}`)
    expect(() => prog.trace('big', 'amd64')).toThrow(`./p.go:36:37: unsupported: conversion of a value of type [5]int to an interface${suffix}`)
    // recover() is built now (ssagen/defers.ts); print of an interface is still refused.
    expect(() => prog.trace('rec', 'amd64')).toThrow(`./p.go:37:41: unsupported: interface argument of built-in append${suffix}`)
    expect(() => prog.trace('konstB', 'amd64')).toThrow(`./p.go:39:37: unsupported: conversion of a constant to an interface${suffix}`)
    expect(() => prog.trace('boundB', 'amd64')).toThrow(`./p.go:50:40: unsupported: conversion of a constant to an interface${suffix}`)
  })
})

const FILE = join(projectRoot, 'testdata', 'ssa', 'iface.go')

/**
 * Functions whose listing is gc's on both arches. The others differ for
 * reasons outside interfaces: temporaries' numbers (gc counts the
 * function's declarations; localConv), the order of two conditional moves
 * (choose), where a padding NOP before a panic call belongs (panicInt on
 * amd64), the ordering of two loads of a global (callGlobal), the operand
 * order of the type words' CMP (gc reuses freed value ids in expand calls,
 * and lowering orders operands by id: eqAny, neIface, eqBranch).
 */
const SAME_LISTING = [
  '(*P).M', 'E.M', 'pass', 'isNil', 'notNil', 'nilResult', 'ptrToIface', 'ptrToAny', 'storeIface', 'storeAny', 'loadIface', 'zeroSized',
  'boolAny', 'byteAny', 'int64Any', 'int32Any', 'int16Any', 'take', 'call', 'callSecond', 'assertPtr', 'assertInt', 'assertIface', 'panicPtr', 'addrParam',
  'boundConst', 'boundString',
]

describe.skipIf(skipDifferential)('testdata/ssa/iface.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('same -m=2 lines (but the interface wrappers\'), allocation calls and merge decisions; every function built and listed on both arches', () => {
    expectBuiltAndListed(d)
  })

  it('listings identical to go tool compile -l -S', () => {
    expect(listingDiffers(d.verdict).filter((f) => SAME_LISTING.includes(f))).toEqual([])
  })

  it('the calls built are gc\'s (convT64/32/16, gopanic, panicdottypeE/I, interface calls)', async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours, fn).toEqual(c.gc)
    expect(calls.get('int64Any')!.ours).toEqual(['AuxCall{runtime.convT64} [8]'])
  }, 60_000)

  it.each(['lower'])('op multisets after %s equal gc\'s for every function (amd64)', async (pass) => {
    expect(await opDiffs(FILE, d.prog, pass)).toEqual([])
  }, 60_000)
})
