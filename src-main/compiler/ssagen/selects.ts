// `select` as walk's walkSelectCases rewrites the forms without a
// communication: no cases → runtime.block(), which never returns (the block
// ends in Exit, as ssagen ends a call of a no-return runtime function);
// only a default clause → its body, then the select's end (the break
// target). A select with a send or receive case (order's temporaries for
// the channel and the received values, then a single op, selectnbsend /
// selectnbrecv, or selectgo with the scase and order arrays) is refused
// before anything is built (refuseSelect).

import type * as A from '../syntax/ast'
import { Unsupported, type FnBuilder } from './fn'

/** The select forms built here: no cases, or a lone default clause. */
export const selectBuilt = (s: A.Select): boolean => s.clauses.length === 0 || (s.clauses.length === 1 && s.clauses[0]!.comm === null)

export function refuseSelect(s: A.Select): void {
  if (!selectBuilt(s)) throw new Unsupported(s.pos, 'select statement with a send or receive case (SSA construction)')
}

export function selectStmt(b: FnBuilder, s: A.Select): void {
  if (s.clauses.length === 0) {
    b.pos = b.at(s.pos)
    b.mkcall('block', [], [])
    b.endPanic(b.mem)
    return
  }
  const end = b.newBlock()
  b.targets.set(s, { brk: end, cont: null })
  b.stmts(s.clauses[0]!.body)
  // walk appends an explicit break to the clause.
  if (b.cur) b.jump(end, true)
  b.seal(end)
  if (end.preds.length) b.startBlock(end)
}
