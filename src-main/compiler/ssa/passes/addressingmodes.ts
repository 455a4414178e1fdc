// addressing modes (gc's ssa/addressingmodes.go): on amd64 a memory op whose
// address is an ADDQ or LEAQ1/2/4/8 takes the address computation over, as
// the indexed form (`MOVQload (LEAQ8 p i)` => `MOVQloadidx8 p i`), merging
// offsets and symbols. Indexed compares are then split back into a load and
// a register compare (gc's AMD64splitload.rules), which is faster. Other
// architectures (ppc64 included) have no such pass: it does nothing there.

import type { Func, Value } from '../func'
import { opInfo } from '../opinfo'
import { T } from '../types'

/**
 * The ops that combine, with the scales they have indexed forms for
 * (`Xidx<s>` combines LEAQ<s>; `Xidx1` also ADDQ unless marked `noAdd`).
 */
const BASES: [ops: string, scales: number[], noAdd?: true][] = [
  ['MOVBload MOVBstore MOVBstoreconst CMPBload CMPBconstload', [1]],
  ['MOVWload MOVWstore MOVWstoreconst CMPWload CMPWconstload MOVBEWstore', [1, 2]],
  ['MOVLload MOVLstore MOVBELload MOVBELstore', [1, 4, 8]],
  ['MOVLstoreconst CMPLload CMPLconstload', [1, 4]],
  ['MOVQload MOVQstore MOVQstoreconst CMPQload CMPQconstload MOVBEQload MOVBEQstore', [1, 8]],
  ['MOVSSload MOVSSstore', [1, 4]],
  ['MOVSDload MOVSDstore', [1, 8]],
  ['SETEQstore SETNEstore SETLstore SETLEstore SETGstore SETGEstore SETBstore SETBEstore SETAstore SETAEstore', [1], true],
  ['ADDLload SUBLload ANDLload ORLload XORLload ADDLmodify SUBLmodify ANDLmodify ORLmodify XORLmodify', [1, 4, 8]],
  ['ADDQload SUBQload ANDQload ORQload XORQload ADDQmodify SUBQmodify ANDQmodify ORQmodify XORQmodify', [1, 8]],
  ['ADDLconstmodify ANDLconstmodify ORLconstmodify XORLconstmodify SARXLload SHLXLload SHRXLload', [1, 4, 8]],
  ['ADDQconstmodify ANDQconstmodify ORQconstmodify XORQconstmodify SARXQload SHLXQload SHRXQload', [1, 8]],
  ['ADDSSload SUBSSload MULSSload DIVSSload', [1, 4], true],
  ['ADDSDload SUBSDload MULSDload DIVSDload', [1, 8], true],
]

/** op => address op => combined op. */
export const COMBINE: Map<string, Map<string, string>> = (() => {
  const m = new Map<string, Map<string, string>>()
  for (const [ops, scales, noAdd] of BASES) {
    for (const o of ops.split(' ')) {
      const to = new Map<string, string>()
      if (!noAdd) to.set('ADDQ', `${o}idx1`)
      for (const s of scales) to.set(`LEAQ${s}`, `${o}idx${s}`)
      m.set(o, to)
    }
  }
  return m
})()

const is32Bit = (n: bigint): boolean => n === BigInt.asIntN(32, n)
const vaVal = (x: bigint): bigint => BigInt.asIntN(32, x >> 32n)
const vaOff = (x: bigint): bigint => BigInt.asIntN(32, x)
const makeValAndOff = (val: bigint, off: bigint): bigint => BigInt.asIntN(64, (BigInt.asIntN(32, val) << 32n) | BigInt.asUintN(32, off))

/** The merged auxint of v and its address p, or null when they do not combine (offset overflow, two symbols). */
function mergedAuxInt(v: Value, p: Value, arch: string): bigint | null {
  const vk = opInfo(v.op, arch).aux
  const pk = opInfo(p.op, arch).aux
  if (pk === undefined) return v.auxInt
  if (pk !== 'SymOff') throw new Error(`addressing modes: unknown aux combining for ${v.op} and ${p.op}`)
  if (v.aux !== null && p.aux !== null) return null
  if (vk === 'SymOff') return is32Bit(v.auxInt + p.auxInt) ? v.auxInt + p.auxInt : null
  if (vk === 'SymValAndOff') return is32Bit(vaOff(v.auxInt) + p.auxInt) ? makeValAndOff(vaVal(v.auxInt), vaOff(v.auxInt) + p.auxInt) : null
  throw new Error(`addressing modes: unknown aux combining for ${v.op} and ${p.op}`)
}

export function addressingModes(f: Func): void {
  if (f.arch !== 'amd64') return
  for (const b of f.blocks) {
    // Like gc's range over b.Values: values split off below are not revisited.
    for (const v of b.values.slice()) {
      const to = COMBINE.get(v.op)
      if (!to) continue
      // Ops that update a register (resultInArg0) have the pointer in arg 1.
      const ptrIndex = opInfo(v.op, f.arch).resultInArg0 ? 1 : 0
      const p = v.args[ptrIndex]!
      const c = to.get(p.op)
      if (!c) continue
      const auxInt = mergedAuxInt(v, p, f.arch)
      if (auxInt === null) continue
      v.auxInt = auxInt
      if (p.aux !== null) v.aux = p.aux
      v.op = c
      v.setArgs([...v.args.slice(0, ptrIndex), ...p.args, ...v.args.slice(ptrIndex + 1)])
      if (SPLIT.has(c)) splitLoad(f, v)
    }
  }
}

// ---- AMD64splitload.rules, for the indexed compares addressing modes makes -----------

const SPLIT = new Set([
  'CMPBloadidx1', 'CMPWloadidx1', 'CMPLloadidx1', 'CMPQloadidx1', 'CMPWloadidx2', 'CMPLloadidx4', 'CMPQloadidx8',
  'CMPBconstloadidx1', 'CMPWconstloadidx1', 'CMPLconstloadidx1', 'CMPQconstloadidx1', 'CMPWconstloadidx2', 'CMPLconstloadidx4', 'CMPQconstloadidx8',
])

const LOAD_TYPE = { B: T.uint8, W: T.uint16, L: T.uint32, Q: T.uint64 } as const

/**
 * `(CMPQloadidx8 {sym} [off] ptr idx x mem) => (CMPQ (MOVQloadidx8 {sym} [off] ptr idx mem) x)`;
 * `(CMPQconstloadidx8 {sym} [vo] ptr idx mem)` => `TESTQ x x` of the load when vo.Val() == 0, else
 * `CMPQconst [vo.Val()]` of it. The load goes in v's block, at v's position.
 */
function splitLoad(f: Func, v: Value): void {
  const m = /^CMP([BWLQ])(const)?loadidx(\d)$/.exec(v.op)!
  const w = m[1] as keyof typeof LOAD_TYPE
  const [ptr, idx] = v.args
  const mem = v.args[v.args.length - 1]!
  const isConst = m[2] !== undefined
  const off = isConst ? vaOff(v.auxInt) : v.auxInt
  const load = f.newValue(v.block, `MOV${w}loadidx${m[3]}`, LOAD_TYPE[w], [ptr!, idx!, mem], off, v.aux, v.pos)
  if (!isConst) {
    const x = v.args[2]!
    v.op = `CMP${w}`
    v.auxInt = 0n
    v.aux = null
    v.setArgs([load, x])
    return
  }
  const val = vaVal(v.auxInt)
  v.aux = null
  if (val === 0n) {
    v.op = `TEST${w}`
    v.auxInt = 0n
    v.setArgs([load, load])
  } else {
    v.op = `CMP${w}const`
    v.auxInt = w === 'W' ? BigInt.asIntN(16, val) : w === 'B' ? BigInt.asIntN(8, val) : val
    v.setArgs([load])
  }
}
