// gc's numberLines (ssa/numberlines.go): choose the statement marks (`+`)
// the debugger stops at. In reverse postorder, a block's first value that
// may be a statement is marked when its line differs from the line some
// predecessor ended on (or in the entry); then every change of line inside
// the block is marked. Ephemeral ops (constants, addresses, phis, makes)
// hand the mark to a later value of the same line when there is one.

import { postorder } from '../dom'
import { NO_POS, type Block, type Func, type Pos } from '../func'
import { maybeStmt, withStmt } from './deadcode'

const POOR_STATEMENT_OPS = new Set([
  'Addr', 'LocalAddr', 'OffPtr', 'StructSelect', 'Phi', 'ITab', 'IData', 'IMake', 'StringMake', 'SliceMake', 'StructMake',
  'ConstBool', 'Const8', 'Const16', 'Const32', 'Const64', 'Const32F', 'Const64F', 'SB', 'SP', 'ArgIntReg', 'ArgFloatReg',
])

const NOT_STMT_BOUNDARY = new Set(['Copy', 'Phi', 'VarDef', 'VarLive', 'Unknown', 'FwdRef', 'Arg', 'ArgIntReg', 'ArgFloatReg'])

/** gc's notStmtBoundary: ops that never start a statement. */
export const notStmtBoundary = (op: string): boolean => NOT_STMT_BOUNDARY.has(op)

/** The position gc's f.newValue gives a new value of op at pos: never a statement for those ops. */
export const newValuePos = (op: string, pos: Pos): Pos => (notStmtBoundary(op) ? withStmt(pos, '-') : pos)

/** gc's SameFileAndLine for one file: unknown positions only match each other. */
const sameLine = (a: Pos, b: Pos): boolean => a.line === b.line

/** A better index at or after i to start v's statement: skip ops likely to vanish in rewrites. */
export function nextGoodStatementIndex(i: number, b: Block): number {
  const v = b.values[i]!
  if (i >= b.values.length - 1 || !POOR_STATEMENT_OPS.has(v.op)) return i
  for (let j = i + 1; j < b.values.length; j++) {
    const u = b.values[j]!
    if (!maybeStmt(u.pos)) continue
    if (!sameLine(u.pos, v.pos)) return i
    if (!POOR_STATEMENT_OPS.has(u.op)) return j
  }
  return i
}

export function numberLines(f: Func): void {
  const po = postorder(f)
  const endlines = new Map<Block, Pos>()
  const endOf = (b: Block): Pos => endlines.get(b) ?? NO_POS
  for (let j = po.length - 1; j >= 0; j--) {
    const b = po[j]!
    let firstPos: Pos = NO_POS
    let firstIndex = -1
    for (let i = 0; i < b.values.length; i++) {
      if (!maybeStmt(b.values[i]!.pos)) continue
      i = nextGoodStatementIndex(i, b)
      const v = b.values[i]!
      firstIndex = i
      firstPos = v.pos
      v.pos = withStmt(firstPos, '')
      break
    }

    if (firstIndex === -1) {
      // Effectively empty: the line all predecessors ended on, if they agree.
      let line: Pos = NO_POS
      for (const p of b.preds) {
        if (sameLine(endOf(p), line)) continue
        if (line.line === 0) {
          line = endOf(p)
          continue
        }
        line = NO_POS
        break
      }
      if (!maybeStmt(b.pos)) {
        b.pos = line
        endlines.set(b, line)
        continue
      }
      if (line.line === 0 || !sameLine(line, b.pos)) b.pos = withStmt(b.pos, '+')
      endlines.set(b, b.pos)
      continue
    }

    // The first statement is a boundary in the entry, or when some predecessor ended elsewhere.
    if (b.preds.length === 0 || b.preds.some((p) => !sameLine(endOf(p), firstPos))) b.values[firstIndex]!.pos = withStmt(firstPos, '+')
    for (let i = firstIndex + 1; i < b.values.length; i++) {
      if (!maybeStmt(b.values[i]!.pos)) continue
      i = nextGoodStatementIndex(i, b)
      const v = b.values[i]!
      if (!sameLine(v.pos, firstPos)) {
        firstPos = v.pos
        v.pos = withStmt(v.pos, '+')
      } else v.pos = withStmt(v.pos, '')
    }
    if (maybeStmt(b.pos) && !sameLine(b.pos, firstPos)) {
      b.pos = withStmt(b.pos, '+')
      firstPos = b.pos
    }
    endlines.set(b, firstPos)
  }
}
