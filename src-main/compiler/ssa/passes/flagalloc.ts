// gc's flagalloc (ssa/flagalloc.go): there is one flags register, so at
// most one flags value may be live at a time. Where a flags value is needed
// but something else has been computed into (or clobbered) the register
// since, the instruction that made it is issued again right there (flags
// are recomputed, never spilled). A flag maker that also loads memory is
// first split into a load and a register compare (amd64's splitload rules),
// so recomputing it does not repeat the load.

import type { Block, Func, Value } from '../func'
import { opInfo } from '../opinfo'
import { T } from '../types'
import { gcPostorder } from './regalloc/loopnest'
import { isMem } from './storeorder'
import { copyInto, isTupleType } from './tuple'

/** Blocks that end with a flags value live (gc's b.FlagsLiveAtEnd), for regalloc. */
const flagsLive = new WeakMap<Block, boolean>()
export const flagsLiveAtEnd = (b: Block): boolean => flagsLive.get(b) ?? false

const isFlags = (v: Value): boolean => v.type.kind === 'flags'

/** gc's clobbersFlags: the op says so, or it makes a flags tuple nobody may select. */
function clobbersFlags(v: Value): boolean {
  if (opInfo(v.op, v.block.func.arch).clobberFlags) return true
  const p = isTupleType(v.type) ? v.type.parts : undefined
  return !!p && (p[0]?.kind === 'flags' || p[1]?.kind === 'flags')
}

function memArg(v: Value): Value | null {
  const a = v.args[v.args.length - 1]
  return a && isMem(a.type) ? a : null
}

/** gc's copyFlags: issue v again at the end of b, with its flags (or tuple) arguments issued again first. */
function copyFlags(v: Value, b: Block): Value {
  const flagArgs = new Map<number, Value>()
  v.args.forEach((a, i) => {
    if (a.type.kind === 'flags' || isTupleType(a.type)) flagArgs.set(i, copyFlags(a, b))
  })
  const c = copyInto(v, b)
  for (const [i, a] of flagArgs) c.setArg(i, a)
  return c
}

export function flagalloc(f: Func): void {
  // The flags value each block wants in the register at its end (best effort, two sweeps).
  const end = new Map<Block, Value | null>()
  const po = gcPostorder(f)
  for (let n = 0; n < 2; n++) {
    for (const b of po) {
      let flag: Value | null = null
      for (const c of b.controls) {
        if (!isFlags(c)) continue
        if (flag) throw new Error(`${b} has two flags controls`)
        flag = c
      }
      if (!flag) flag = end.get(b) ?? null
      for (let j = b.values.length - 1; j >= 0; j--) {
        const v = b.values[j]!
        if (v === flag) flag = null
        if (clobbersFlags(v)) flag = null
        for (const a of v.args) if (isFlags(a)) flag = a
      }
      if (flag) for (const p of b.preds) end.set(p, flag)
    }
  }
  // A block with a flags control can only leave that value in the register.
  for (const b of f.blocks) {
    if (b.kind === 'Defer') {
      end.set(b, null)
      continue
    }
    for (const c of b.controls) if (isFlags(c) && end.get(b) !== c) end.set(b, null)
  }

  // Which flag makers must be issued again somewhere.
  const spill = new Set<Value>()
  for (const b of f.blocks) {
    let flag = b.preds.length ? (end.get(b.preds[0]!) ?? null) : null
    for (const v of b.values) {
      for (const a of v.args) {
        if (!isFlags(a) || a === flag) continue
        spill.add(a)
        flag = a
      }
      if (clobbersFlags(v)) flag = null
      if (isFlags(v)) flag = v
    }
    for (const c of b.controls) if (c !== flag && isFlags(c)) spill.add(c)
    const e = end.get(b)
    if (e && e !== flag) spill.add(e)
  }

  const remove: Value[] = []
  for (const b of f.blocks) {
    const oldSched = b.values
    b.values = []
    let flag = b.preds.length ? (end.get(b.preds[0]!) ?? null) : null
    // Without critical edges all predecessors agree.
    for (const p of b.preds.slice(1)) if ((end.get(p) ?? null) !== flag) throw new Error(`live flag in ${b}'s predecessors not consistent`)
    for (const v of oldSched) {
      if (v.op === 'Phi' && isFlags(v)) throw new Error(`phi of flags not supported: ${v}`)
      if (spill.has(v) && memArg(v)) {
        remove.push(v)
        // The load it is split into lands in b.values now, just before v.
        if (!splitLoad(v)) throw new Error(`can't split flag generator: ${v} ${v.op}`)
      }
      for (let i = 0; i < v.args.length; i++) {
        const a = v.args[i]!
        if (!isFlags(a) || a === flag) continue
        v.setArg(i, copyFlags(a, b))
        flag = a
      }
      b.values.push(v)
      if (clobbersFlags(v)) flag = null
      if (isFlags(v)) flag = v
    }
    b.controls.forEach((c, i) => {
      if (c === flag || !isFlags(c)) return
      remove.push(c)
      const copy = copyFlags(c, b)
      c.uses--
      copy.uses++
      b.controls[i] = copy
      flag = c
    })
    const e = end.get(b)
    // Issued again for the successors; like gc, its users are not relinked (regalloc copes).
    if (e && e !== flag) copyFlags(e, b)
  }
  for (const b of f.blocks) flagsLive.set(b, !!end.get(b))

  // Flag makers left without users go. gc's loop, kept as is: resetting one
  // can free the flags argument of the next.
  for (let i = 0; i < remove.length; i++) {
    const v = remove[i]!
    if (v.uses === 0) {
      v.reset('Invalid')
      continue
    }
    remove[i] = remove[remove.length - 1]!
    remove.pop()
    i--
  }
  const blocks = new Set(remove.map((v) => v.block))
  for (const b of blocks) b.values = b.values.filter((v) => v.op !== 'Invalid')
}

// --- amd64 splitload (gc's _gen/AMD64splitload.rules) --------------------

const WIDTH_TYPE = { Q: T.uint64, L: T.uint32, W: T.uint16, B: T.uint8 } as const
type Width = keyof typeof WIDTH_TYPE

/** Split a compare-with-memory flag maker into a load and a register compare. */
function splitLoad(v: Value): boolean {
  const f = v.block.func
  if (f.arch !== 'amd64') return false
  const m = /^CMP([QLWB])(const)?load(idx[1248])?$/.exec(v.op)
  if (!m) return false
  const w = m[1] as Width
  const isConst = m[2] !== undefined
  const idx = m[3] ?? ''
  const [ptr, ...rest] = v.args
  const mem = rest.pop()!
  const index = idx ? rest.shift()! : null
  const loadOp = `MOV${w}load${idx}`
  // Not every width has every index scale (MOVBloadidx8 does not exist, nor does CMPBloadidx8).
  opInfo(loadOp, f.arch)
  const sym = v.aux
  const pos = v.pos
  const mkLoad = (off: bigint): Value => f.newValue(v.block, loadOp, WIDTH_TYPE[w], index ? [ptr!, index, mem] : [ptr!, mem], off, sym, pos)
  if (!isConst) {
    // (CMPxload {sym} [off] ptr [idx] x mem) => (CMPx (MOVxload {sym} [off] ptr [idx] mem) x)
    const x = rest[0]!
    const off = v.auxInt
    v.reset(`CMP${w}`)
    v.setArgs([mkLoad(off), x])
    return true
  }
  const val = v.auxInt >> 32n
  const off = BigInt.asIntN(32, v.auxInt)
  if (val === 0n) {
    // (CMPxconstload {sym} [vo] ptr [idx] mem) && vo.Val() == 0 => (TESTx x:(MOVxload …) x)
    const l = mkLoad(off)
    v.reset(`TEST${w}`)
    v.setArgs([l, l])
    return true
  }
  // Otherwise => (CMPxconst (MOVxload {sym} [vo.Off()] …) [vo.Val()]), the constant cut to the width.
  const l = mkLoad(off)
  v.reset(`CMP${w}const`)
  v.setArgs([l])
  v.auxInt = w === 'W' ? BigInt.asIntN(16, val) : w === 'B' ? BigInt.asIntN(8, val) : BigInt.asIntN(32, val)
  return true
}
