// Maps with string keys at SSA construction (ssagen/maps.ts, the _faststr
// runtime functions), then testdata/ssa/strmaps.go against the real gc.

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { printFunc } from '../../src-main/compiler/ssa/print'
import { projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { callsAsBuilt, expectBuiltAndListed, listingDiffers, walkDiff, type WalkDiff } from './walkdiff'

const SRC = `package p

type Name string

func get(m map[string]int, k string) int { return m[k] }

func set(m map[string]int, k string) { m[k] = 1 }

func del(m map[string]int) { delete(m, "x") }

func named(m map[Name]bool, k Name) bool { return m[k] }

func conv(m map[string]int, b []byte) int { return m[string(b)] }
`

describe('string-keyed maps at SSA construction', () => {
  const start = async (fn: string) => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    return printFunc(prog.trace(fn, 'amd64', { until: 'start' }).passes[0]!.snapshot)
  }

  it('calls the _faststr functions with the key as a string', async () => {
    expect(await start('get')).toMatch(/StaticLECall <\*int,mem> \{AuxCall\{runtime\.mapaccess1_faststr\}\} \[32\] v\d+ v\d+ v\d+/)
    expect(await start('set')).toMatch(/runtime\.mapassign_faststr/)
    const d = await start('del')
    expect(d).toMatch(/runtime\.mapdelete_faststr/)
    expect(d).toMatch(/ConstString <string> \{"x"\}/)
  })

  it('a named string key is copied to string first', async () => {
    expect(await start('named')).toMatch(/Copy <string> v\d+/)
  })

  it('m[string(b)] (order makes it slicebytetostringtmp) is refused', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    expect(() => prog.trace('conv', 'amd64')).toThrow(/unsupported: map index with a (call in the map or key|string conversion key) at SSA construction/)
  })
})

const FILE = join(projectRoot, 'testdata', 'ssa', 'strmaps.go')

/** The others differ outside string keys: temporaries' numbers (literal, keys: as in maps.go) and the order two argument words are spilled (count). */
const SAME_LISTING = ['get', 'getConst', 'has', 'lookup', 'set', 'incr', 'del', 'named']

describe.skipIf(skipDifferential)('testdata/ssa/strmaps.go against gc', () => {
  let d: WalkDiff

  beforeAll(async () => {
    requireGo()
    d = await walkDiff(FILE)
  }, 120_000)

  it('same -m=2 lines and allocation calls; every function built and listed on both arches', () => {
    expectBuiltAndListed(d)
  })

  it('listings identical to go tool compile -l -S', () => {
    expect(listingDiffers(d.verdict).filter((f) => SAME_LISTING.includes(f))).toEqual([])
  })

  it("the calls built are gc's", async () => {
    const calls = await callsAsBuilt(FILE, d.prog)
    for (const [fn, c] of calls) expect(c.ours, fn).toEqual(c.gc)
  }, 60_000)
})
