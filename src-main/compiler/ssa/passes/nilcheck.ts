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
import { opInfo } from '../opinfo'
import { isMem, storeOrder } from './storeorder'

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

// --- late nilcheck (gc's nilcheckelim2) -----------------------------------
//
// After scheduling, a nil check is redundant when a later instruction of the
// same block faults on the same pointer anyway (a load or store at a small
// offset: the hardware does the check), with no memory change in between.
// Walks each block backwards. The faulting instruction takes the nil
// check's position, so the panic reports the right line.

/** gc's minZeroPage: accesses below this offset from nil are sure to fault. */
const MIN_ZERO_PAGE = 4096n

/** gc's notStmtBoundary: ops that never take a statement mark. */
const NOT_STMT_BOUNDARY = new Set(['Copy', 'Phi', 'VarDef', 'VarLive', 'Unknown', 'FwdRef', 'Arg', 'ArgIntReg', 'ArgFloatReg'])

export function nilcheckelim2(f: Func): void {
  const arch = f.arch
  const varHasPointers = localPointerInfo(f)
  for (const b of f.blocks) {
    // pointer → index in b.values of a later instruction sure to fault on it.
    const unnecessary = new Map<Value, number>()
    const pendingLines = new Set<number>()
    let firstToRemove = b.values.length
    for (let i = b.values.length - 1; i >= 0; i--) {
      const v = b.values[i]!
      const info = opInfo(v.op, arch)
      const uid = info.nilCheck ? unnecessary.get(v.args[0]!) : undefined
      if (uid !== undefined) {
        // The faulting instruction reports the nil check's line (gc issue 33724).
        const u = b.values[uid]!
        if (!isMem(u.type) && u.pos.line !== v.pos.line) {
          if (u.pos.stmt === '+') pendingLines.add(u.pos.line)
          u.pos = v.pos
        } else if (v.pos.stmt === '+') pendingLines.add(v.pos.line)
        v.reset('Unknown')
        firstToRemove = i
        continue
      }
      if (isMem(v.type)) {
        // VarLive and VarDef of a pointer-free variable do not really change memory.
        // (A VarDef of a variable with pointers must stay after its nil check: gc issue 32288.)
        const harmless = v.op === 'VarLive' || (v.op === 'VarDef' && !varHasPointers(v))
        if (!harmless) unnecessary.clear()
      }
      const ptrs: Value[] = []
      // On linux every access through nil faults (gc's faultOnLoad; AIX is not modelled).
      if (info.faultOnNilArg0) ptrs.push(v.args[0]!)
      if (info.faultOnNilArg1) ptrs.push(v.args[1]!)
      for (const ptr of ptrs) {
        if (!smallOffset(v, info.aux)) continue
        unnecessary.set(ptr, i)
      }
    }
    for (let j = firstToRemove; j < b.values.length; j++) {
      const v = b.values[j]!
      if (v.op === 'Unknown' || NOT_STMT_BOUNDARY.has(v.op) || !pendingLines.has(v.pos.line)) continue
      v.pos = withStmt(v.pos, '+')
      pendingLines.delete(v.pos.line)
    }
    if (pendingLines.has(b.pos.line)) b.pos = withStmt(b.pos, '+')
    b.values = b.values.filter((v) => v.op !== 'Unknown')
  }
}

/** The access of v lands within the zero page of its pointer (no symbol, offset in [0, 4096)). */
function smallOffset(v: Value, aux: string | undefined): boolean {
  switch (aux) {
    case 'Sym':
      return v.aux === null
    case 'SymOff':
      return v.aux === null && v.auxInt >= 0n && v.auxInt < MIN_ZERO_PAGE
    case 'SymValAndOff': {
      const off = BigInt.asIntN(32, v.auxInt)
      return v.aux === null && off >= 0n && off < MIN_ZERO_PAGE
    }
    case 'Int32': // an atomic's constant or a duff/alignment figure: not part of the address
    case 'Int64':
    case undefined:
      return true
    default:
      throw new Error(`late nilcheck: can't handle aux kind ${aux} of ${v} ${v.op}`)
  }
}

/**
 * Whether the variable a VarDef names holds pointers: from the function's
 * locals, else from the type of an address taken of it (a function read
 * back from a dump has no locals); unknown counts as pointers (the safe side).
 */
function localPointerInfo(f: Func): (v: Value) => boolean {
  const byName = new Map<string, boolean>()
  for (const l of f.locals) byName.set(l.name, l.type.hasPointers)
  if (byName.size === 0) {
    for (const b of f.blocks) {
      for (const v of b.values) {
        if (v.aux?.kind !== 'sym' || v.type.kind !== 'ptr' || !v.type.elem || byName.has(v.aux.name)) continue
        if (opInfo(v.op, f.arch).symEffect !== 'Addr') continue
        byName.set(v.aux.name, v.type.elem.hasPointers)
      }
    }
  }
  return (v) => (v.aux?.kind === 'sym' ? (byName.get(v.aux.name) ?? true) : true)
}
