// Go 1.22 per-iteration variables of a three-clause loop, built the way gc
// builds the loop its loopvar pass (cmd/compile/internal/loopvar) leaves
// behind when a variable of the init statement is captured by a closure or
// has its address taken in the body:
//
//   i' := init; first := true
//   for ;; {                                  // no condition, no post
//     i := i'                                 // a fresh (maybe heap) i
//     if first { first = false } else { post }
//     if !cond { break }
//     body                                    // continue → goto next
//   next:
//     i' = i
//   }
//
// ssagen then builds an ordinary OFOR of that: an empty condition block, the
// body with the two ifs (gc's OIF block order: join, then, else), the label
// block, which exists from its first goto or else from the label, and the
// increment block. Block ids, and so layout and phi order, follow from that.

import type * as A from '../syntax/ast'
import type { ForRewrite } from '../escape/frames'
import type { Var } from '../types/objects'
import type { Block } from '../ssa/func'
import { fromGo, T } from '../ssa/types'
import { Unsupported, type FnBuilder } from './fn'

export function perIterationFor(b: FnBuilder, s: A.For, rw: ForRewrite): void {
  const primes = new Map<Var, object>(rw.vars.map((v, i) => [v, rw.temps[i]!]))
  const loopPos = b.at(s.pos)
  // The init statement, defining i' in place of i (gc's forAllDefInInitUpdate).
  const init = s.init
  if (init?.kind === 'Assign' && init.op === ':=' && init.lhs.length === init.rhs.length) {
    b.pos = b.at(init.pos)
    const vals = init.rhs.map((r) => b.expr(r))
    init.lhs.forEach((l, i) => {
      const v = b.cx.info.defs.get(l as A.Ident) as Var | undefined
      if (!v) return
      if (primes.has(v)) b.writeVar(primes.get(v)!, vals[i]!, fromGo(v.type))
      else {
        b.declare(v)
        b.setVar(v, vals[i]!)
      }
    })
  } else throw new Unsupported(s.pos, 'this loop header with per-iteration variables')
  // tmp_first exists only with a post statement: without one there is nothing to skip.
  const first = rw.first ?? { name: '.first' }
  if (s.post) {
    b.pos = loopPos
    b.writeVar(first, b.constBool(true), T.bool)
  }
  // The OFOR of the rewritten loop: no condition, no post.
  const cond = b.newBlock()
  const body = b.newBlock()
  const incr = b.newBlock()
  const end = b.newBlock()
  body.pos = loopPos
  b.jump(cond)
  b.startBlock(cond)
  b.jump(body)
  b.seal(body)
  // continue (and a labeled continue of this loop) became `goto next`.
  let next: Block | null = null
  const nextBlock = (): Block => (next ??= b.newBlock())
  b.targets.set(s, { brk: end, cont: null, lazyCont: nextBlock })
  b.startBlock(body)
  b.pos = loopPos
  for (const v of rw.vars) {
    b.declare(v)
    b.setVar(v, b.readVar(primes.get(v)!))
  }
  if (s.post) {
    const join = b.newBlock()
    const then = b.newBlock()
    const els = b.newBlock()
    b.branch(b.readVar(first), then, els, 0)
    b.seal(then)
    b.seal(els)
    b.startBlock(then)
    b.pos = loopPos
    b.writeVar(first, b.constBool(false), T.bool)
    b.jump(join)
    b.startBlock(els)
    b.stmt(s.post)
    b.jump(join)
    b.seal(join)
    b.startBlock(join)
  }
  if (s.cond) {
    // if !cond { break }: condBranch of the negation swaps the targets.
    b.pos = loopPos
    const join = b.newBlock()
    const brk = b.newBlock()
    b.orderedCondBranch(s.cond, join, brk, 0)
    b.seal(brk)
    b.startBlock(brk)
    b.pos = loopPos
    b.jump(end, true)
    b.seal(join)
    b.startBlock(join)
  }
  b.stmts(s.body.stmts)
  const label = nextBlock()
  b.jump(label)
  b.seal(label)
  if (label.preds.length) {
    b.startBlock(label)
    b.pos = loopPos
    for (const v of rw.vars) b.writeVar(primes.get(v)!, b.readVarValue(v), fromGo(v.type))
    b.jump(incr)
  }
  b.seal(incr)
  if (incr.preds.length) {
    b.startBlock(incr)
    b.jumpToLoopCond(cond)
  }
  b.seal(cond)
  b.seal(end)
  if (end.preds.length) b.startBlock(end)
}
