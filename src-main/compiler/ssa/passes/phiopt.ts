// gc's phiopt (ssa/phiopt.go): a phi at the join of an if/else diamond (or
// triangle) that only restates the branch condition becomes that condition:
//   phi(true, false)  → Copy(c) or Not(c)
//   phi(true, x)      → OrB(c, x)     phi(x, false) → AndB(c, x)
//   phi(x, c)         → AndB(c, x)    phi(c, x)     → OrB(c, x)
// (x must dominate the join), an integer phi(1, 0) becomes a zero-extended
// CvtBoolToUint8 of the condition, and a second sweep handles joins whose
// deciding If is further up the dominator tree.

import { DomTree } from '../dom'
import type { Block, Func, Value } from '../func'
import { T } from '../types'
import { predEdgeIndex } from './deadcode'

export function phiopt(f: Func): void {
  const dom = new DomTree(f)
  for (const b of f.blocks) {
    if (b.preds.length !== 2 || b.values.length === 0) continue
    const [b0, pb0] = climb(b, 0)
    if (b0.kind !== 'If') continue
    const [b1, pb1] = climb(b, 1)
    if (b1 !== b0) continue
    // reverse: the predecessor index through which the true edge arrives.
    let reverse: 0 | 1
    if (b0.succs[0] === pb0 && b0.succs[1] === pb1) reverse = 0
    else if (b0.succs[0] === pb1 && b0.succs[1] === pb0) reverse = 1
    else throw new Error(`phiopt: ${b} has inconsistent predecessors`)
    const cond = b0.controls[0]!
    for (const v of b.values) {
      if (v.op !== 'Phi') continue
      if (v.type.kind === 'int' || v.type.kind === 'uint') phioptInt(f, v, cond, reverse)
      if (v.type.kind !== 'bool') continue
      const yes = v.args[reverse]!
      const no = v.args[1 - reverse]!
      if (yes.op === 'ConstBool' && no.op === 'ConstBool' && yes.auxInt !== no.auxInt) {
        v.reset(yes.auxInt === 1n ? 'Copy' : 'Not')
        v.addArg(cond)
        continue
      }
      // The other operand must be computed on both paths (it dominates the join).
      const doms = (x: Value) => dom.dominates(x.block, b)
      if (yes.op === 'ConstBool' && yes.auxInt === 1n && doms(no)) {
        setOp(v, 'OrB', cond, no)
        continue
      }
      if (no.op === 'ConstBool' && no.auxInt === 0n && doms(yes)) {
        setOp(v, 'AndB', cond, yes)
        continue
      }
      if (no === cond && doms(yes)) {
        setOp(v, 'AndB', cond, yes)
        continue
      }
      if (yes === cond && doms(no)) {
        setOp(v, 'OrB', cond, no)
        continue
      }
    }
  }

  // Second sweep: phi(true, false) where the deciding If dominates the join from further up.
  for (const b of f.blocks) {
    if (b.preds.length !== 2 || b.values.length === 0) continue
    for (const v of b.values) {
      if (v.op !== 'Phi' || v.args[0]!.op !== 'ConstBool' || v.args[1]!.op !== 'ConstBool') continue
      if (v.args[0]!.auxInt === v.args[1]!.auxInt) continue
      const [pb0, pb1] = [b.preds[0]!, b.preds[1]!]
      const idom = dom.idom.get(b) ?? null
      if (pb0.kind === 'If' && pb0 === idom) {
        // pb0 decides: its other successor must lead to pb1.
        const ei = predEdgeIndex(b, 0)
        if (dom.dominates(pb0.succs[1 - ei]!, pb1)) {
          convertPhi(pb0, v, ei)
          break
        }
        continue
      }
      if (pb1.kind === 'If' && pb1 === idom) {
        const ei = predEdgeIndex(b, 1)
        if (dom.dominates(pb1.succs[1 - ei]!, pb0)) {
          convertPhi(pb1, v, 1 - ei)
          break
        }
        continue
      }
      const b0 = lca(dom, pb0, pb1)
      if (!b0 || b0.kind !== 'If') break
      const [sb0, sb1] = [b0.succs[0]!, b0.succs[1]!]
      let reverse: number
      if (dom.dominates(sb0, pb0) && dom.dominates(sb1, pb1)) reverse = 0
      else if (dom.dominates(sb1, pb0) && dom.dominates(sb0, pb1)) reverse = 1
      else break
      // `if a || b { x = true }` cannot be replaced: each way must have one entry.
      if (sb0.preds.length !== 1 || sb1.preds.length !== 1) break
      convertPhi(b0, v, reverse)
    }
  }
}

/** Follow single-entry single-exit blocks up from b's i'th predecessor: [the block reached, the one before it]. */
function climb(b: Block, i: number): [Block, Block] {
  let prev = b
  let cur = b.preds[i]!
  for (let n = 0; cur.succs.length === 1 && cur.preds.length === 1; n++) {
    if (n > b.func.blocks.length) break // a cycle of plain blocks (unreachable code)
    prev = cur
    cur = cur.preds[0]!
  }
  return [cur, prev]
}

function setOp(v: Value, op: 'OrB' | 'AndB', a: Value, b: Value): void {
  v.reset(op)
  v.setArgs([a, b])
}

function convertPhi(b: Block, v: Value, reverse: number): void {
  const op = v.args[reverse]!.auxInt === 1n ? 'Copy' : 'Not'
  v.reset(op)
  v.addArg(b.controls[0]!)
}

const INT_CONSTS = new Set(['Const8', 'Const16', 'Const32', 'Const64'])
const ZERO_EXT: Record<number, string> = { 1: 'Copy', 2: 'ZeroExt8to16', 4: 'ZeroExt8to32', 8: 'ZeroExt8to64' }

/** phi(1, 0) or phi(0, 1) of integers: the condition as 0/1, zero-extended. */
function phioptInt(f: Func, v: Value, cond: Value, reverse: number): void {
  const [a0, a1] = [v.args[0]!, v.args[1]!]
  if (a0.op !== a1.op || !INT_CONSTS.has(a0.op)) return
  let negate: boolean
  if (a0.auxInt === 0n && a1.auxInt === 1n) negate = true
  else if (a0.auxInt === 1n && a1.auxInt === 0n) negate = false
  else return
  if (reverse === 1) negate = !negate
  const ext = ZERO_EXT[v.type.size]
  if (!ext) throw new Error(`phiopt: bad int size ${v.type.size} for ${v}`)
  const a = negate ? f.newValue(v.block, 'Not', cond.type, [cond], 0n, null, v.pos) : cond
  const cvt = f.newValue(v.block, 'CvtBoolToUint8', T.uint8, [a], 0n, null, v.pos)
  for (const made of a === cond ? [cvt] : [a, cvt]) made.origin = v
  v.reset(ext)
  v.addArg(cvt)
}

/** The nearest common dominator of a and b. */
function lca(dom: DomTree, a: Block, b: Block): Block | null {
  for (let x: Block | null = a; x; x = dom.idom.get(x) ?? null) if (dom.dominates(x, b)) return x
  return null
}
