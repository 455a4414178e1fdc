// gc's shortcircuit (ssa/shortcircuit.go), for && and ||: a boolean phi
// argument that is the control of the If block it comes from is a known
// constant on that edge (true on the first successor edge, false on the
// second). Then, in a plain-fuse loop, an If block whose control is such a
// phi (possibly under Copy/Not) sends the predecessor with the constant
// straight to the successor the constant picks. Other phis of the block
// are handled in the few CFG shapes gc knows how to rebuild them in.

import type { Block, Func, Value } from '../func'
import { T } from '../types'
import { phielimValue } from './copyelim'
import { predEdgeIndex, redirectEdge, removePhiArg, removePred, succEdgeIndex } from './deadcode'
import { fuse, FUSE_PLAIN, markInvalid } from './fuse'
import { newValuePos } from './numberlines'

/** gc's f.ConstBool: the cached constant in the entry block, else a new one there (made for `origin`). */
export function constBool(f: Func, c: boolean, origin: Value | null = null): Value {
  const aux = c ? 1n : 0n
  const old = f.entry.values.find((v) => v.op === 'ConstBool' && v.type === T.bool && v.auxInt === aux)
  if (old) return old
  const v = f.newValue(f.entry, 'ConstBool', T.bool, [], aux)
  if (origin) v.origin = origin
  return v
}

export function shortcircuit(f: Func): void {
  let ct: Value | null = null
  let cf: Value | null = null
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (v.op !== 'Phi' || v.type.kind !== 'bool') continue
      v.args.forEach((a, i) => {
        const p = b.preds[i]!
        if (p.kind !== 'If' || p.controls[0] !== a) return
        if (predEdgeIndex(b, i) === 0) v.setArg(i, (ct ??= constBool(f, true, a)))
        else v.setArg(i, (cf ??= constBool(f, false, a)))
      })
    }
  }
  fuse(f, FUSE_PLAIN, shortcircuitBlock)
}

/**
 * b: If on a phi (under Copy/Not wrappers used only there) with a ConstBool
 * argument from predecessor p; b holds nothing else but other phis. p is
 * sent directly to the successor t that the constant selects.
 */
export function shortcircuitBlock(b: Block): boolean {
  if (b.kind !== 'If') return false
  let ctl = b.controls[0]!
  let nval = 1
  let swap = 0n
  while (ctl.uses === 1 && ctl.block === b && (ctl.op === 'Copy' || ctl.op === 'Not')) {
    if (ctl.op === 'Not') swap ^= 1n
    ctl = ctl.args[0]!
    nval++
  }
  if (ctl.op !== 'Phi' || ctl.block !== b || ctl.uses !== 1) return false
  const others = b.values.filter((w) => w.op === 'Phi' && w !== ctl)
  // shortcircuitPhiPlan reasons about exactly two predecessors.
  if (others.length > 0 && b.preds.length !== 2) return false
  if (b.values.length !== nval + others.length) return false
  if (others.length > 0) {
    // A phi using another phi of b makes the substitutions order-dependent (go.dev/issue/45175).
    const phis = new Set([ctl, ...others])
    for (const v of phis) for (const a of v.args) if (a !== v && phis.has(a)) return false
  }
  const cidx = ctl.args.findIndex((a) => a.op === 'ConstBool')
  if (cidx < 0) return false
  const p = b.preds[cidx]!
  const pi = predEdgeIndex(b, cidx)
  const ti = Number(1n ^ ctl.args[cidx]!.auxInt ^ swap)
  const t = b.succs[ti]!
  const tei = succEdgeIndex(b, ti)
  // An infinite loop cannot be removed (go.dev/issue/33903).
  if (p === b || t === b) return false
  let fixPhi: ((v: Value, i: number) => void) | null = null
  if (others.length > 0) {
    fixPhi = phiPlan(b, ctl, cidx, ti)
    if (!fixPhi) return false
  }

  removePred(b, cidx)
  removePhiArg(ctl, cidx)
  redirectEdge(p, pi, t, (phi) => phi.args[tei]!)

  if (fixPhi) {
    for (let i = 0; i < b.values.length; i++) {
      const phi = b.values[i]!
      if (phi.uses === 0 || phi === ctl || phi.op !== 'Phi') continue
      fixPhi(phi, i)
      if (phi.block === b) continue
      // phi moved: phis of its new block that used it now take the matching argument.
      for (const v of phi.block.values) {
        if (v.op !== 'Phi' || v === phi) continue
        v.args.forEach((a, j) => a === phi && v.setArg(j, phi.args[j]!))
      }
      if (phi.uses !== 0) phielimValue(phi)
      else phi.reset('Invalid')
      i-- // moveTo put another value at index i
    }
    // Unused phis may be left with the wrong number of arguments.
    for (const v of b.values) if (v.uses === 0) v.reset('Invalid')
  }
  if (b.preds.length === 0) markInvalid(b)
  phielimValue(ctl)
  return true
}

/** Replace every use of old in b (values and controls) by nu. */
function replaceUses(b: Block, old: Value, nu: Value): void {
  for (const v of b.values) v.args.forEach((a, i) => a === old && v.setArg(i, nu))
  b.controls.forEach((c, i) => {
    if (c !== old) return
    old.uses--
    nu.uses++
    b.controls[i] = nu
  })
}

/** gc's moveTo: v (at index i of its block) goes to the end of dst; the last value fills its slot. */
function moveTo(v: Value, dst: Block, i: number): void {
  const src = v.block
  if (src.values[i] !== v) throw new Error(`moveTo: ${v} is not at index ${i} of ${src}`)
  if (src === dst) return
  v.block = dst
  dst.values.push(v)
  src.values[i] = src.values[src.values.length - 1]!
  src.values.pop()
}

/**
 * gc's shortcircuitPhiPlan: for the CFG shapes where the value of b's other
 * phis can be rebuilt after the rewrite, a function that fixes one phi
 * (moving it, and adding a phi in t when needed); null otherwise.
 */
function phiPlan(b: Block, ctl: Value, cidx: number, ti: number): ((v: Value, i: number) => void) | null {
  const f = b.func
  const t = b.succs[ti]!
  const u = b.succs[1 ^ ti]!
  const [p0, p1] = [b.preds[0]!, b.preds[1]!]
  if (p0 === t || p1 === t || p0 === u || p1 === u) return null
  void ctl
  const args = (v: Value) => ({ argP: v.args[cidx]!, argQ: v.args[1 ^ cidx]! })
  const newPhi = (v: Value, a: Value, c: Value): Value => {
    const phi = f.newValue(t, 'Phi', v.type, [a, c], 0n, null, newValuePos('Phi', v.pos))
    phi.origin = v
    return phi
  }

  if (t.preds.length === 1 && t.succs.length === 1 && u.preds.length === 1 && t.succs[0]!.preds.length === 2) {
    const m = t.succs[0]!
    const visited = flowsTo(u, m, 5)
    if (visited) {
      // t and the subgraph U from u meet in m: v is argQ in U, a new phi in t, and a phi in m.
      return (v, i) => {
        const { argP, argQ } = args(v)
        const phi = newPhi(v, argQ, argP)
        replaceUses(t, v, phi)
        for (const bb of visited) replaceUses(bb, v, argQ)
        if (v.uses === 0) return
        moveTo(v, m, i)
        v.setArgs(m.preds[0] === t ? [phi, argQ] : [argQ, phi])
      }
    }
  }
  if (t.preds.length === 2 && u.preds.length === 1) {
    const visited = flowsTo(u, t, 5)
    if (visited) {
      // U flows back into t: v is argQ in U and a phi in t (t's preds become b or U, b or U, p).
      return (v, i) => {
        const { argP, argQ } = args(v)
        for (const bb of visited) replaceUses(bb, v, argQ)
        moveTo(v, t, i)
        v.setArgs([argQ, argQ, argP])
      }
    }
  }
  if (u.preds.length === 2 && t.preds.length === 1 && t.succs.length === 1 && t.succs[0] === u) {
    return (v, i) => {
      const { argP, argQ } = args(v)
      const phi = newPhi(v, argQ, argP)
      replaceUses(t, v, phi)
      if (v.uses === 0) return
      moveTo(v, u, i)
      v.setArgs([argQ, phi])
    }
  }
  if (t.preds.length === 1 && u.preds.length === 1 && t.succs.length === 0) {
    // t exits: v is a phi there, and argQ on the way to u.
    return (v, i) => {
      const { argP, argQ } = args(v)
      const phi = newPhi(v, argQ, argP)
      replaceUses(t, v, phi)
      if (v.uses === 0) return
      moveTo(v, u, i)
      v.setArgs([argQ])
    }
  }
  if (u.preds.length === 1 && t.preds.length === 1 && u.succs.length === 0) {
    // u exits: there v can only be argQ; it moves to t.
    return (v, i) => {
      const { argP, argQ } = args(v)
      replaceUses(u, v, argQ)
      moveTo(v, t, i)
      v.setArgs([argQ, argP])
    }
  }
  return null
}

/**
 * gc's flowsTo: the blocks from v that reach t form a DAG of at most cap+1
 * blocks whose predecessors (except v's) are all inside it; that set, or null.
 */
function flowsTo(v: Block, t: Block, cap: number): Set<Block> | null {
  const seen = new Set<Block>()
  const onPath = new Set<Block>()
  let hasPathToT = false
  let fullyExplored = true
  let isDAG = true
  const dfs = (b: Block): void => {
    if (seen.has(b)) return
    if (onPath.has(b)) {
      isDAG = false
      return
    }
    if (b === t) {
      // t stays out of seen, so a side entry into t's component fails the pred check.
      hasPathToT = true
      return
    }
    if (seen.size > cap) {
      fullyExplored = false
      return
    }
    seen.add(b)
    onPath.add(b)
    for (const s of b.succs) {
      dfs(s)
      if (!(isDAG && fullyExplored)) return
    }
    onPath.delete(b)
  }
  dfs(v)
  if (!(hasPathToT && fullyExplored && isDAG)) return null
  for (const b of seen) if (b !== v) for (const p of b.preds) if (!seen.has(p)) return null
  return seen
}
