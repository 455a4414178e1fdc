// Induction variables (gc's loopbce.go findIndVar): a loop header
// `ind = Phi(init, ind+step); if ind < limit` whose body is entered only
// when the test holds and cannot wrap around. prove then knows
// init <= ind < limit (or the inclusive/count-down variants) inside the body.

import type { DomTree } from '../../dom'
import type { Block, Func, Value } from '../../func'
import { isGenericIntConst } from './facts'
import { constVal } from './simplify'

export const MIN_EXC = 1
export const MAX_INC = 2
export const COUNT_DOWN = 4

export interface IndVar {
  ind: Value
  nxt: Value
  /** Bounds, inclusive or exclusive by flags. */
  min: Value
  max: Value
  /** The first block of the loop body. */
  entry: Block
  flags: number
}

const isAdd = (v: Value): boolean => /^Add(8|16|32|64)$/.test(v.op)

/** ind = Phi(init, nxt) with nxt = ind + inc; the pred the loop returns from. */
function parseIndVar(ind: Value): { init: Value; inc: Value; nxt: Value; back: Block } | null {
  if (ind.op !== 'Phi' || ind.args.length !== 2) return null
  let k: number
  const n0 = ind.args[0]!
  const n1 = ind.args[1]!
  if (isAdd(n0) && (n0.args[0] === ind || n0.args[1] === ind)) k = 0
  else if (isAdd(n1) && (n1.args[0] === ind || n1.args[1] === ind)) k = 1
  else return null
  const nxt = ind.args[k]!
  return { init: ind.args[1 - k]!, nxt, inc: nxt.args[0] === ind ? nxt.args[1]! : nxt.args[0]!, back: ind.block.preds[k]! }
}

const bitsOfValue = (v: Value): bigint => BigInt(Math.max(1, v.type.size) * 8)
const minSigned = (v: Value): bigint => -(1n << (bitsOfValue(v) - 1n))
const maxSigned = (v: Value): bigint => (1n << (bitsOfValue(v) - 1n)) - 1n

/** v = x - c with x a length (non-negative) and c constant: [x, c]. */
function findKNN(v: Value): [Value, bigint] | null {
  let x = v
  let y: Value | null = null
  if (/^Sub(8|16|32|64)$/.test(v.op)) [x, y] = [v.args[0]!, v.args[1]!]
  else if (isAdd(v)) {
    ;[x, y] = [v.args[0]!, v.args[1]!]
    if (isGenericIntConst(x)) [x, y] = [y, x]
  }
  if (!['SliceLen', 'StringLen', 'SliceCap'].includes(x.op)) return null
  if (!y) return [x, 0n]
  if (!isGenericIntConst(y)) return null
  return isAdd(v) ? [x, -y.auxInt] : [x, y.auxInt]
}

export function findIndVars(f: Func, dom: DomTree): IndVar[] {
  const out: IndVar[] = []
  for (const b of f.blocks) {
    if (b.kind !== 'If' || b.preds.length !== 2) continue
    const c = b.controls[0]!
    let inclusive: boolean
    if (/^Leq(8|16|32|64)$/.test(c.op)) inclusive = true
    else if (/^Less(8|16|32|64)$/.test(c.op)) inclusive = false
    else continue
    let ind = c.args[0]!
    let limit = c.args[1]!
    let less = true
    let p = parseIndVar(ind)
    if (!p) {
      // for i := n-1; i >= 0; i--: the variable is on the right.
      p = parseIndVar(limit)
      if (!p) continue
      ;[ind, limit] = [limit, ind]
      less = false
    }
    if (ind.block !== b) continue
    if (!isGenericIntConst(p.inc)) continue
    let step = p.inc.auxInt
    if (step === 0n || step === minSigned(ind)) continue
    let startBody: Block
    if (dom.dominates(b.succs[0]!, p.back)) startBody = b.succs[0]!
    else if (dom.dominates(b.succs[1]!, p.back)) {
      startBody = b.succs[1]!
      less = !less
      inclusive = !inclusive
    } else continue
    if ((step > 0n && !less) || (step < 0n && less)) continue
    // The body is entered only through the test, and the increment is inside it.
    if (startBody.preds.length !== 1) continue
    if (!dom.dominates(startBody, p.nxt.block)) continue

    const init = p.init
    const noWrap = (): boolean => {
      if (step > 0n) {
        if (isGenericIntConst(limit)) {
          let v = limit.auxInt
          if (!inclusive) {
            if (v === minSigned(limit)) return false
            v--
          }
          if (isGenericIntConst(init)) {
            if (init.auxInt > v) return false
            v = init.auxInt + ((v - init.auxInt) / step) * step
          }
          if (v > maxSigned(ind) - step) return false
          if ((inclusive && v !== limit.auxInt) || (!inclusive && v + 1n !== limit.auxInt)) {
            limit = constVal(f, limit.op, limit.type, v) // a tighter limit than the program's
            inclusive = true
          }
          return true
        }
        if (step === 1n && !inclusive) return true // maxint is never a possible value
        const knn = findKNN(limit)
        if (!knn || knn[1] < 0n) return false
        const k = knn[1]
        if (inclusive) return step <= k
        return step <= k + 1n && k !== maxSigned(limit)
      }
      if (isGenericIntConst(limit)) {
        let v = limit.auxInt
        if (!inclusive) {
          if (v === maxSigned(limit)) return false
          v++
        }
        if (isGenericIntConst(init)) {
          if (init.auxInt < v) return false
          v = init.auxInt - ((init.auxInt - v) / -step) * -step
        }
        if (v < minSigned(ind) + -step) return false
        if ((inclusive && v !== limit.auxInt) || (!inclusive && v - 1n !== limit.auxInt)) {
          limit = constVal(f, limit.op, limit.type, v)
          inclusive = true
        }
        return true
      }
      return step === -1n && !inclusive
    }
    if (!noWrap()) continue
    let flags = 0
    let min: Value
    let max: Value
    if (step > 0n) {
      min = init
      max = limit
      if (inclusive) flags |= MAX_INC
    } else {
      min = limit
      max = init
      flags |= MAX_INC | COUNT_DOWN
      if (!inclusive) flags |= MIN_EXC
      step = -step
    }
    out.push({ ind, nxt: p.nxt, min, max, entry: startBody, flags })
  }
  return out
}
