// nilcheckelim (gc's nilcheck.go): a NilCheck is redundant when its pointer
// is already known non-nil on every path to it: an earlier NilCheck of the
// same pointer in a dominating position, an explicit `if p != nil` branch,
// or a pointer that cannot be nil by construction (addresses, offsets,
// slice pointers, phis of those). Walks the dominator tree, forgetting facts
// when it leaves a subtree. A removed NilCheck becomes a Copy of the value
// that proved it (the earlier NilCheck, or the pointer itself), since a
// NilCheck returns its pointer. A redundant IsNonNil becomes ConstBool true.

import { DomTree } from '../dom'
import type { Block, Func, Pos, Value } from '../func'
import { storeOrder } from './storeorder'

/** Ops whose result gc assumes non-nil (see nilcheck.go; SlicePtr: bounds checks guard it, #30366). */
const NON_NIL_OPS = new Set(['Addr', 'LocalAddr', 'AddPtr', 'OffPtr', 'Add32', 'Add64', 'Sub32', 'Sub64', 'SlicePtr'])

/** Ops that make poor statement boundaries (numberlines.go isPoorStatementOp). */
export const POOR_STATEMENT_OPS = new Set([
  'Addr', 'LocalAddr', 'OffPtr', 'StructSelect', 'Phi', 'ITab', 'IData', 'IMake', 'StringMake', 'SliceMake', 'StructMake',
  'ConstBool', 'Const8', 'Const16', 'Const32', 'Const64', 'Const32F', 'Const64F', 'SB', 'SP', 'ArgIntReg', 'ArgFloatReg',
])

export function nilcheckelim(f: Func): void {
  // value → the value proving it non-nil (itself for extrinsic facts, else the NilCheck).
  const nonNil = new Map<Value, Value>()
  for (const b of f.blocks) for (const v of b.values) if (NON_NIL_OPS.has(v.op)) nonNil.set(v, v)
  for (let changed = true; changed; ) {
    changed = false
    for (const b of f.blocks) {
      for (const v of b.values) {
        if (v.op !== 'Phi' || nonNil.has(v)) continue
        if (v.args.every((a) => nonNil.has(a))) {
          nonNil.set(v, v)
          changed = true
        }
      }
    }
  }

  const order = blockOrder(f)
  type Work = { block: Block } | { clear: Value }
  const work: Work[] = [{ block: f.entry }]
  while (work.length) {
    const node = work.pop()!
    if ('clear' in node) {
      nonNil.delete(node.clear)
      continue
    }
    const b = node.block
    const remember = (ptr: Value, proof: Value): void => {
      nonNil.set(ptr, proof)
      work.push({ clear: ptr })
    }
    // Dominated by the true edge of an explicit nil check.
    if (b.preds.length === 1) {
      const p = b.preds[0]!
      const c = p.controls[0]
      if (p.kind === 'If' && c?.op === 'IsNonNil' && p.succs[0] === b && !nonNil.has(c.args[0]!)) remember(c.args[0]!, c.args[0]!)
    }
    b.values = storeOrder(b.values, true)
    const pending = new Set<number>()
    const claimLine = (v: Value): void => {
      if (v.pos.stmt !== '-' && !POOR_STATEMENT_OPS.has(v.op) && pending.has(v.pos.line)) {
        v.pos = withStmt(v.pos, '+')
        pending.delete(v.pos.line)
      }
    }
    for (const v of b.values) {
      if (v.op === 'IsNonNil') {
        if (nonNil.has(v.args[0]!)) {
          if (v.pos.stmt === '+') {
            pending.add(v.pos.line)
            v.pos = withStmt(v.pos, '-')
          }
          v.reset('ConstBool')
          v.auxInt = 1n
        }
        continue // gc's switch does not consider IsNonNil as a statement boundary here
      } else if (v.op === 'NilCheck') {
        const ptr = v.args[0]!
        const proof = nonNil.get(ptr)
        if (proof) {
          if (v.pos.stmt === '+') pending.add(v.pos.line)
          v.reset('Copy')
          v.addArg(proof)
          continue
        }
        remember(ptr, v)
      }
      claimLine(v)
    }
    for (const v of b.values) claimLine(v)
    if (pending.has(b.pos.line)) b.pos = withStmt(b.pos, '+')
    for (const c of order.get(b) ?? []) work.push({ block: c })
  }
}

function withStmt(p: Pos, stmt: Pos['stmt']): Pos {
  return { line: p.line, col: p.col, stmt }
}

/**
 * Dominator-tree children in the order gc's work stack visits them: pushed
 * in reverse f.blocks order, so popped in f.blocks order.
 */
function blockOrder(f: Func): Map<Block, Block[]> {
  const dom = new DomTree(f)
  const index = new Map(f.blocks.map((b, i) => [b, i]))
  const out = new Map<Block, Block[]>()
  for (const [b, kids] of dom.children) out.set(b, [...kids].sort((x, y) => index.get(y)! - index.get(x)!))
  return out
}
