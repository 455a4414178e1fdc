// The loop skeleton walk builds for `range` over a string, a map or a
// channel: a condition block, the body (walk's bindings, then the user's
// statements), an increment block when something reaches it, and the exit.

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import type { Value } from '../ssa/func'
import type { FnBuilder } from './fn'

/** The variable a range clause's key or value names; none for `_` or an expression that is not an identifier. */
export function rangeVar(info: TypeInfo, r: A.Range, e: A.Expr | null): Var | undefined {
  if (!e || e.kind !== 'Ident' || e.name === '_') return undefined
  return (r.define ? info.defs.get(e) : info.uses.get(e)) as Var | undefined
}

export interface RangeLoopParts {
  /** The loop condition, built in the condition block (likely taken). */
  test(): Value
  /** walk's bindings at the top of the body, before the user's statements. */
  bind(): void
  /** What the increment block does before jumping back to the condition. */
  increment?(): void
}

export function rangeLoop(b: FnBuilder, r: A.Range, parts: RangeLoopParts): void {
  const cond = b.newBlock()
  const body = b.newBlock()
  const incr = b.newBlock()
  const end = b.newBlock()
  b.jump(cond)
  b.startBlock(cond)
  b.branch(parts.test(), body, end, 1)
  b.seal(body)
  b.targets.set(r, { brk: end, cont: incr })
  body.pos = b.at(r.pos)
  b.startBlock(body)
  parts.bind()
  b.stmts(r.body.stmts)
  b.jump(incr)
  b.seal(incr)
  if (incr.preds.length) {
    b.startBlock(incr)
    parts.increment?.()
    b.jumpToLoopCond(cond)
  }
  b.seal(cond)
  b.seal(end)
  if (end.preds.length) b.startBlock(end)
}
