// addressing modes: amd64 memory ops take over their ADDQ / LEAQ1/2/4/8
// address as the indexed form, merging offsets and symbols; indexed compares
// split back into a load and a compare; other architectures are untouched.
// Differential against gc on a program with indexed loads, stores, constant
// stores, read-modify-write ops and compares.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import type { DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func, Value } from '../../../src-main/compiler/ssa/func'
import { addressingModes } from '../../../src-main/compiler/ssa/passes/addressingmodes'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { requireGo, skipDifferential } from '../../go-toolchain'
import { resolveTypes, withStubBlocks } from './checks-diff'

/** A lowered amd64 function: v1 mem, v2 SP, v3 p (*int), v4 i (int), v5 x (int), then `body`, returning `ret`. */
function fn(body: string, ret: string, arch = 'amd64'): Func {
  const f = funcFromDump(
    `t func(*int, int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (?) v3 = ArgIntReg <*int> {p+0} [0]
    (?) v4 = ArgIntReg <int> {i+0} [1]
    (?) v5 = ArgIntReg <int> {x+0} [2]
${body
  .trim()
  .split('\n')
  .map((l) => `    (?) ${l.trim()}`)
  .join('\n')}
    (?) v99 = MakeResult <int,mem> ${ret}
    Ret v99
`,
    arch,
  )
  return f
}

function modes(f: Func): Func {
  addressingModes(f)
  checkFunc(f)
  return f
}

const find = (f: Func, id: number): Value => f.blocks.flatMap((b) => b.values).find((v) => v.id === id)!
const desc = (v: Value): string => {
  const snap = new Snapshotter().take(v.block.func).snapshot
  const r = snap.blocks.flatMap((b) => b.values).find((x) => x.id === v.ref)!
  return `${r.op} <${r.type}>${r.aux !== undefined ? ` {${r.aux}}` : ''}${r.auxInt !== undefined ? ` [${r.auxInt}]` : ''} ${r.args.join(' ')}`.trim()
}

describe('addressing modes on amd64', () => {
  it('a load through LEAQ8 becomes MOVQloadidx8, offsets and the symbol merged', () => {
    const f = modes(fn('v6 = LEAQ8 <*int> {t} [16] v2 v4\nv7 = MOVQload <int> [8] v6 v1', 'v7 v1'))
    expect(desc(find(f, 7))).toBe('MOVQloadidx8 <int> {t} [24] v2 v4 v1')
  })

  it('a store through ADDQ becomes MOVQstoreidx1; a constant store keeps its value', () => {
    const f = modes(fn('v6 = ADDQ <*int> v3 v4\nv7 = MOVQstore <mem> [8] v6 v5 v1\nv8 = MOVQstoreconst <mem> [val=3,off=16] v6 v7', 'v5 v8'))
    expect(desc(find(f, 7))).toBe('MOVQstoreidx1 <mem> [8] v3 v4 v5 v1')
    expect(desc(find(f, 8))).toBe('MOVQstoreconstidx1 <mem> [val=3,off=16] v3 v4 v7')
  })

  it('ops that update a register have the address in their second argument', () => {
    const f = modes(fn('v6 = LEAQ8 <*int> v3 v4\nv7 = ADDQload <int> [8] v5 v6 v1', 'v7 v1'))
    expect(desc(find(f, 7))).toBe('ADDQloadidx8 <int> [8] v5 v3 v4 v1')
  })

  it('leaves ops alone when there is no indexed form, two symbols, or the offset overflows 32 bits', () => {
    const f = modes(
      fn(
        'v6 = LEAQ2 <*int> v3 v4\nv7 = MOVQload <int> v6 v1\nv8 = LEAQ8 <*int> {s} v3 v4\nv9 = MOVQload <int> {t} v8 v1\nv10 = LEAQ1 <*int> [1] v3 v4\nv11 = MOVQload <int> [2147483647] v10 v1\nv12 = ADDQ <int> v7 v9\nv13 = ADDQ <int> v12 v11',
        'v13 v1',
      ),
    )
    expect([7, 9, 11].map((id) => find(f, id).op)).toEqual(['MOVQload', 'MOVQload', 'MOVQload'])
  })

  it('splits indexed compares into a load and a register compare (AMD64splitload.rules)', () => {
    const f = modes(
      fn(
        'v6 = ADDQ <*int> v3 v4\nv7 = CMPQload <flags> [8] v6 v5 v1\nv8 = LEAQ4 <*int> v3 v4\nv9 = CMPLconstload <flags> [val=0,off=4] v8 v1\nv10 = CMPBconstload <flags> [val=7,off=0] v6 v1\nv11 = SETL <bool> v7\nv12 = SETEQ <bool> v9\nv13 = SETG <bool> v10\nv14 = ORL <bool> v11 v12\nv15 = ORL <bool> v14 v13',
        'v15 v1',
      ),
    )
    const load = (v: Value, i: number) => desc(v.args[i]!).replace(/ v\d+ v\d+ v1$/, '')
    expect(find(f, 7).op).toBe('CMPQ')
    expect(load(find(f, 7), 0)).toBe('MOVQloadidx1 <uint64> [8]')
    expect(find(f, 9).op).toBe('TESTL')
    expect(find(f, 9).args[0]).toBe(find(f, 9).args[1])
    expect(load(find(f, 9), 0)).toBe('MOVLloadidx4 <uint32> [4]')
    expect(desc(find(f, 10)).replace(/ v\d+$/, '')).toBe('CMPBconst <flags> [7]')
    expect(load(find(f, 10), 0)).toBe('MOVBloadidx1 <uint8>')
  })

  it('does nothing on ppc64 (gc has no such pass there)', () => {
    const f = fn('v6 = ADD <*int> v3 v4\nv7 = MOVDload <int> v6 v1', 'v7 v1', 'ppc64')
    const before = printFunc(new Snapshotter().take(f).snapshot)
    expect(printFunc(new Snapshotter().take(modes(f)).snapshot)).toBe(before)
  })
})

// ---- differential: the real gc --------------------------------------------------

const SOURCE = `package p

type T struct {
	a [8]int64
	b [8]int32
	c [8]int16
	d [8]uint8
	f [8]float64
	g [8]float32
}

func loads(t *T, i int) (int64, int32, int16, uint8, float64, float32) {
	i &= 7
	return t.a[i], t.b[i], t.c[i], t.d[i], t.f[i], t.g[i]
}

func stores(t *T, i int, x int64, y float64) {
	i &= 7
	t.a[i] = x
	t.b[i] = int32(x)
	t.c[i] = int16(x)
	t.d[i] = uint8(x)
	t.f[i] = y
	t.g[i] = float32(y)
	t.a[(i+1)&7] = 0
	t.b[(i+2)&7] = 5
}

func rmw(t *T, i int, x int64) {
	i &= 7
	t.a[i] += x
	t.b[i] |= 3
	t.a[i^1] ^= 9
}

func cmps(t *T, i int, x int64) bool {
	i &= 7
	return t.a[i] < x || t.b[i] == 0 || t.d[i] == 7 || t.c[i] > 3
}

func bytesAt(s []byte, i int) byte {
	return s[i] + s[i+1]
}

func local(i int) int {
	var a [16]int
	a[i&15] = i
	return a[(i+3)&15]
}
`

function entryFirst(d: DumpFunc): DumpFunc {
  const i = d.blocks.findIndex((b) => b.preds.length === 0)
  return i <= 0 ? d : { ...d, blocks: [d.blocks[i]!, ...d.blocks.filter((_, k) => k !== i)] }
}

/** Values as `Op <type> [auxint] {aux} argOps…`, sorted (gc's dump files hold live values only). */
function shape(values: { op: string; type: string; auxInt?: string; aux?: string; args: string[] }[], opOf: (id: string) => string): string[] {
  return values.map((v) => `${v.op} <${v.type}>${v.auxInt !== undefined ? ` [${v.auxInt}]` : ''}${v.aux !== undefined ? ` {${v.aux}}` : ''} ${v.args.map(opOf).join(' ')}`).sort()
}

function shapeOfDump(d: DumpFunc): string[] {
  const all = d.blocks.flatMap((b) => b.values)
  const op = new Map(all.map((v) => [v.id, v.op]))
  return shape(all, (id) => op.get(id)!)
}

describe.skipIf(skipDifferential)('differential against gc (GOARCH=amd64): addressing modes', () => {
  let dumps: GcSsaDumps
  let dir = ''
  beforeAll(async () => {
    requireGo()
    dir = await mkdtemp(join(tmpdir(), 'ssascope-addrmodes-'))
    const file = join(dir, 'modes.go')
    await writeFile(file, SOURCE)
    dumps = await gcSsaDumps(file, 'all', ['lower', 'addressing modes'], { goarch: 'amd64' })
  }, 120_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('our pass on gc lowered functions gives gc indexed forms, value for value', () => {
    let compared = 0
    let indexed = 0
    for (const [name, ps] of dumps) {
      const from = ps.get('lower')
      const want = ps.get('addressing modes')
      if (!from || !want) continue
      // gc's dumps hold live values only, so ours are compared after the pass has run on the same input.
      const f = funcFromDump(withStubBlocks(entryFirst(from)), 'amd64')
      resolveTypes(f, new Map())
      modes(f)
      const snap = new Snapshotter().take(f).snapshot
      const wanted = shapeOfDump(want)
      const live = new Set(want.blocks.flatMap((b) => b.values.map((v) => v.id)))
      const ours = snap.blocks.flatMap((b) => b.values).filter((v) => live.has(v.id) || !from.blocks.some((b) => b.values.some((x) => x.id === v.id)))
      const op = new Map(snap.blocks.flatMap((b) => b.values).map((v) => [v.id, v.op]))
      expect(shape(ours, (id) => op.get(id)!), name).toEqual(wanted)
      compared++
      indexed += wanted.filter((l) => /idx\d/.test(l)).length
    }
    expect(compared).toBe(6)
    expect(indexed).toBeGreaterThanOrEqual(15)
  })
})
