// memcombine against the real gc: one compile of testdata/ssa/memcombine.go
// per arch dumps every function after dse and after memcombine; our pass on
// gc's function before it must give gc's function after it, text for text
// (amd64 little-endian, ppc64 big-endian: the byte swaps are on opposite
// functions). Plus checks that need no go.

import { beforeAll, describe, expect, it } from 'vitest'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func, Value } from '../../../src-main/compiler/ssa/func'
import { memcombine } from '../../../src-main/compiler/ssa/passes/memcombine'
import { requireGo, skipDifferential } from '../../go-toolchain'
import { diffPass, runOnDump, summary } from './cleanup-helpers'

const FILE = 'testdata/ssa/memcombine.go'
const ARCHES = ['amd64', 'ppc64']

const returned = (f: Func): Value => f.blocks.find((b) => b.kind === 'Ret')!.controls[0]!.args[0]!
const tree = (v: Value): string => {
  while (v.op === 'Copy') v = v.args[0]!
  return v.args.length && v.op !== 'Load' ? `(${v.op} ${v.args.filter((a) => a.type.kind !== 'mem').map(tree).join(' ')})` : v.op.startsWith('Const') ? `${v.op}[${v.auxInt}]` : v.op
}

/** p[0] | p[1]<<8 (little-endian) or p[0]<<8 | p[1] (big-endian) from a *[2]byte, as a uint16. */
const TWO_BYTES = (bigEndianOrder: boolean) => `f func(*[2]uint8) uint16
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <*[2]uint8> {p} (p[*[2]uint8])
    (?) v3 = Const64 <uint> [8]
    (4) v4 = OffPtr <*uint8> [1] v2
    (4) v5 = Load <uint8> v2 v1
    (4) v6 = Load <uint8> v4 v1
    (4) v7 = ZeroExt8to16 <uint16> v5
    (4) v8 = ZeroExt8to16 <uint16> v6
    (4) v9 = Lsh16x64 <uint16> [true] ${bigEndianOrder ? 'v7' : 'v8'} v3
    (4) v10 = Or16 <uint16> ${bigEndianOrder ? 'v8' : 'v7'} v9
    (+4) v11 = MakeResult <uint16,mem> v10 v1
    Ret v11
`

function run(text: string, arch: string): Func {
  const f = funcFromDump(text)
  f.arch = arch
  memcombine(f)
  checkFunc(f)
  return f
}

describe('memcombine', () => {
  it('merges two byte loads into one 16-bit load, byte-swapped when the order is not the target\'s', () => {
    expect(tree(returned(run(TWO_BYTES(false), 'amd64')))).toBe('Load')
    expect(tree(returned(run(TWO_BYTES(true), 'amd64')))).toBe('(Bswap16 Load)')
    expect(tree(returned(run(TWO_BYTES(true), 'ppc64')))).toBe('Load')
    expect(tree(returned(run(TWO_BYTES(false), 'ppc64')))).toBe('(Bswap16 Load)')
    const f = run(TWO_BYTES(false), 'amd64')
    const loads = f.blocks.flatMap((b) => b.values).filter((v) => v.op === 'Load')
    expect(loads.map((l) => `${l.type.str} ${l.args[0]!.ref}`)).toEqual(['uint16 v2'])
  })

  it('leaves loads alone when a byte is used elsewhere', () => {
    const text = TWO_BYTES(false).replace('MakeResult <uint16,mem> v10 v1', 'MakeResult <uint16,uint16,mem> v10 v7 v1').replace('f func(*[2]uint8) uint16', 'f func(*[2]uint8) (uint16, uint16)')
    const f = run(text, 'amd64')
    expect(returned(f).op).toBe('Or16')
  })
})

// gc's constBytes (testdata/ssa/memcombine.go) after dse and after memcombine, on amd64.
const CONST_BYTES = `constBytes func(*[8]byte)
  b1:
    (?) v1 = InitMem <mem>
    (137) v5 = ArgIntReg <*[8]byte> {p+0} [0] (p[*[8]byte])
    (?) v6 = Const8 <byte> [1]
    (?) v12 = Const8 <byte> [2]
    (?) v17 = Const8 <byte> [3]
    (?) v22 = Const8 <byte> [4]
    (+133) v7 = NilCheck <*[8]byte> v5 v1
    (133) v10 = OffPtr <*byte> [0] v7
    (133) v11 = Store <mem> {byte} v10 v6 v1
    (+134) v15 = OffPtr <*byte> [1] v7
    (+135) v20 = OffPtr <*byte> [2] v7
    (+136) v25 = OffPtr <*byte> [3] v7
    (+134) v16 = Store <mem> {byte} v15 v12 v11
    (+135) v21 = Store <mem> {byte} v20 v17 v16
    (+136) v26 = Store <mem> {byte} v25 v22 v21
    (+137) v27 = MakeResult <mem> v26
    Ret v27
name p[*[8]byte]: [v5]
`
const CONST_BYTES_AFTER = `constBytes func(*[8]byte)
  b1:
    (?) v1 = InitMem <mem>
    (137) v5 = ArgIntReg <*[8]byte> {p+0} [0] (p[*[8]byte])
    (+133) v7 = NilCheck <*[8]byte> v5 v1
    (133) v10 = OffPtr <*byte> [0] v7
    (?) v13 = Const32 <uint32> [67305985]
    (133) v26 = Store <mem> {uint32} v10 v13 v1
    (+137) v27 = MakeResult <mem> v26
    Ret v27
name p[*[8]byte]: [v5]
`

describe('memcombine on stores', () => {
  it('four constant byte stores become one 32-bit store of their little-endian value, at the first store\'s position', () => {
    const { ours, want } = runOnDump(CONST_BYTES, (f) => {
      f.arch = 'amd64'
      memcombine(f)
    }, CONST_BYTES_AFTER)
    expect(ours).toBe(want)
  })

  it('lays the constant out big-endian on ppc64', () => {
    const f = funcFromDump(CONST_BYTES)
    f.arch = 'ppc64'
    memcombine(f)
    checkFunc(f)
    const store = f.blocks[0]!.values.find((v) => v.op === 'Store')!
    expect(store.args[1]!.auxInt).toBe(0x01020304n)
  })
})

describe.skipIf(skipDifferential)('memcombine against gc on memcombine.go', () => {
  const dumps = new Map<string, GcSsaDumps>()
  beforeAll(async () => {
    requireGo()
    for (const arch of ARCHES) dumps.set(arch, await gcSsaDumps(FILE, 'all', ['dse', 'memcombine'], { goarch: arch }))
  }, 120_000)

  for (const arch of ARCHES) {
    it(`on ${arch}`, () => {
      const r = diffPass(dumps.get(arch)!, 'memcombine', (f) => {
        f.arch = arch
        memcombine(f)
      })
      expect(r.failures).toEqual([])
      expect(r.skipped).toEqual([])
      expect(r.funcs, summary('memcombine', r)).toBeGreaterThanOrEqual(27)
      expect(r.mismatches.map((m) => `${m.func}\n--- ours\n${m.ours}\n--- gc\n${m.gc}`)).toEqual([])
      expect(r.textDiffs.map((d) => `${d.func}\n--- ours\n${d.ours}\n--- gc\n${d.gc}`)).toEqual([])
    })
  }
})
