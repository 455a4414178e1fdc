// print and println as walk lowers them (ssagen/print.ts), && and || as
// order's temporaries (fnexpr.ts andorTemp), then testdata/ssa/print.go
// against the real gc.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { printFunc } from '../../src-main/compiler/ssa/print'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { gcSsaDumps } from '../../src-main/gcbridge/gcssa'
import { gcIdMismatches, oursAfter } from '../ssa/gcids-compare'
import { expectBuiltAndListed, listingDiffers, walkDiff, type WalkDiff } from './walkdiff'

const SRC = `package p

const hello = "hello"

func f(x int, s string, g float32, e any, u uintptr) {
	println("x =", x, hello, "!")
	print(" ")
	print("\\n")
	println()
	println(s, g, e, u)
}
`

const calls = (text: string): string[] => [...text.matchAll(/AuxCall\{runtime\.(\w+)\}/g)].map((m) => m[1]!)
const strings = (text: string): string[] => [...text.matchAll(/ConstString <string> \{"((?:[^"\\]|\\.)*)"\}/g)].map((m) => m[1]!)

describe('print and println at SSA construction', () => {
  let start: string
  beforeAll(async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    start = printFunc(prog.trace('f', 'amd64', { until: 'start' }).passes[0]!.snapshot)
  })

  it('joins runs of constant strings (println\'s separators included) and prints a lone " " or "\\n" with printsp/printnl', () => {
    expect(strings(start)).toEqual(['x = ', ' hello !\\n'])
    expect(calls(start)).toEqual([
      ...['printlock', 'printstring', 'printint', 'printstring', 'printunlock'],
      ...['printlock', 'printsp', 'printunlock'],
      ...['printlock', 'printnl', 'printunlock'],
      ...['printlock', 'printnl', 'printunlock'],
      ...['printlock', 'printstring', 'printsp', 'printfloat32', 'printsp', 'printeface', 'printsp', 'printuint', 'printnl', 'printunlock'],
    ])
  })
})

const FILE = join(projectRoot, 'testdata', 'ssa', 'print.go')


describe.skipIf(skipDifferential)('testdata/ssa/print.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('same -m=2 lines and allocation calls; every function built and listed on both arches', () => {
    expectBuiltAndListed(d)
  })

  it('listings identical to go tool compile -l -S, every function', () => {
    expect(listingDiffers(d.verdict)).toEqual([])
  })

  // println(a && b, !a): order's temporary for && is built before !a is hoisted and read where
  // it is printed, so its phi takes its gc id after printlock's call — the scheduler orders by it.
  // Conversions to the parameter types (int → int64) are Copies that take ids too (ints).
  it("&& as order's temporary, conversions as Copies: gc's value ids through the scheduler", async () => {
    const passes = ['early deadcode', 'opt', 'lower', 'schedule']
    const fns = ['bools', 'ints', 'pointers']
    const dumps = await gcSsaDumps(FILE, fns, passes)
    const bad: string[] = []
    for (const fn of fns) {
      for (const p of passes) for (const m of gcIdMismatches(await oursAfter(FILE, fn, 'amd64', p), dumps.get(fn)!.get(p)!)) bad.push(`${fn} ${p}: ${m}`)
    }
    expect(bad).toEqual([])
  }, 60_000)
})
