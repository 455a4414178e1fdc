// gc's fuse (ssa/fuse.go, fuse_comparisons.go): join runs of Plain blocks
// into their last block, drop If blocks whose two ways reach the same
// place with the same phi values, and (early fuse) merge `1 <= x && x < 5`,
// `x == 4 || x == 6` and NaN-check branch pairs into one branch on AndB/OrB
// so rewrite rules can fold them. Blocks are visited from last to first and
// the whole thing repeats until nothing changes, as in gc. Late fuse also
// redirects branches decided by a predecessor's (fusebranch.ts) after each
// sweep.

import type { Block, Func, Value } from '../func'
import { opInfo } from '../opinfo'
import { isMemoryType, removeEdge, succEdgeIndex, withStmt } from './deadcode'
import { phielimValue } from './copyelim'
import { fuseBranchRedirect } from './fusebranch'

export const FUSE_PLAIN = 1
export const FUSE_IF = 2
export const FUSE_INT_IN_RANGE = 4
export const FUSE_SINGLE_BIT_DIFFERENCE = 8
export const FUSE_NAN_CHECK = 16
export const FUSE_BRANCH_REDIRECT = 32

/** Kind a block had before a pass set it Invalid while it still had edges (shortcircuit's dead blocks). */
const kindBefore = new WeakMap<Block, string>()

/** gc's `b.Kind = BlockInvalid`: the block is dead; fuse drops it from the function at the end. */
export function markInvalid(b: Block): void {
  if (b.kind !== 'Invalid') kindBefore.set(b, b.kind)
  b.kind = 'Invalid'
}

const MAX_ROUNDS = 10_000

/** gc's fuse(f, typ); `extra` runs last on each block (short circuit's shortcircuitBlock). */
export function fuse(f: Func, types: number, extra?: (b: Block) => boolean): void {
  for (let changed = true, round = 0; changed; round++) {
    if (round > MAX_ROUNDS) throw new Error('fuse did not converge')
    changed = false
    for (let i = f.blocks.length - 1; i >= 0; i--) {
      const b = f.blocks[i]!
      if (types & FUSE_IF) changed = fuseBlockIf(b) || changed
      if (types & FUSE_INT_IN_RANGE) changed = fuseComparisons(b, canOptIntInRange) || changed
      if (types & FUSE_SINGLE_BIT_DIFFERENCE) changed = fuseComparisons(b, canOptSingleBitDifference) || changed
      if (types & FUSE_NAN_CHECK) changed = fuseComparisons(b, canOptNanCheck) || changed
      if (types & FUSE_PLAIN) changed = fuseBlockPlain(b) || changed
      if (extra) changed = extra(b) || changed
    }
    if (types & FUSE_BRANCH_REDIRECT) changed = fuseBranchRedirect(f, markInvalid) || changed
  }
  finish(f)
}

/**
 * gc keeps Invalid blocks and values until the next deadcode (its dumps hide
 * them); our function must pass the checker now. Detached blocks and Invalid
 * values go; a dead block that still has edges keeps its old kind (it prints
 * as DEAD). The entry, if fused into a later block, moves to the front.
 */
function finish(f: Func): void {
  f.blocks = f.blocks.filter((b) => {
    if (b.kind !== 'Invalid') return true
    if (b.preds.length === 0 && b.succs.length === 0 && b.values.length === 0) return false
    b.kind = kindBefore.get(b) ?? 'Plain'
    return true
  })
  for (const b of f.blocks) {
    if (!b.values.some((v) => v.op === 'Invalid')) continue
    // gc leaves them in place until the next sweep frees them (gcids.ts).
    f.gcIds.dropLater(b, (v) => v.op === 'Invalid')
    b.values = b.values.filter((v) => v.op !== 'Invalid')
  }
  f.pruneNames((v) => v.op !== 'Invalid')
  const e = f.blocks.indexOf(f.entry)
  if (e > 0) f.blocks = [f.entry, ...f.blocks.slice(0, e), ...f.blocks.slice(e + 1)]
}

export const fuseEarly = (f: Func): void => fuse(f, FUSE_PLAIN | FUSE_INT_IN_RANGE | FUSE_SINGLE_BIT_DIFFERENCE | FUSE_NAN_CHECK)
export const fuseLate = (f: Func): void => fuse(f, FUSE_PLAIN | FUSE_IF | FUSE_BRANCH_REDIRECT)

/** gc's isEmpty: no value of b is needed (false positives allowed). */
function isEmpty(b: Block): boolean {
  return b.values.every((v) => {
    const info = opInfo(v.op)
    return !(v.uses > 0 || info.call || info.hasSideEffects || v.type.kind === 'void' || info.nilCheck)
  })
}

/** gc's removeable. */
export function removeable(v: Value): boolean {
  const info = opInfo(v.op)
  return !(v.type.kind === 'void' || info.nilCheck || isMemoryType(v.type) || info.hasSideEffects)
}

/**
 * An If block b whose two ways (each directly or through an empty Plain
 * block) meet in ss, where ss's used phis agree on both edges: b becomes
 * Plain. Empty blocks left without predecessors go, their dead values move to b.
 */
export function fuseBlockIf(b: Block): boolean {
  if (b.kind !== 'If') return false
  let s0 = b.succs[0]!
  let ss0: Block
  let i0 = succEdgeIndex(b, 0)
  if (s0.kind !== 'Plain' || !isEmpty(s0)) {
    ss0 = s0
    s0 = b
  } else {
    ss0 = s0.succs[0]!
    i0 = succEdgeIndex(s0, 0)
  }
  let s1 = b.succs[1]!
  let ss1: Block
  let i1 = succEdgeIndex(b, 1)
  if (s1.kind !== 'Plain' || !isEmpty(s1)) {
    ss1 = s1
    s1 = b
  } else {
    ss1 = s1.succs[0]!
    i1 = succEdgeIndex(s1, 0)
  }
  if (ss0 !== ss1) {
    // Two special cases where s0, s1 and ss are all empty.
    if (!(s0.kind === 'Plain' && isEmpty(s0) && s1.kind === 'Plain' && isEmpty(s1))) return false
    if (s0 === ss1) {
      s0 = b
      ss0 = ss1
    } else if (ss0 === s1) {
      s1 = b
      ss1 = ss0
    } else return false
  }
  const ss = ss0
  for (const v of ss.values) if (v.op === 'Phi' && v.uses > 0 && v.args[i0] !== v.args[i1]) return false

  // The preds of s0 and s1 are redirected by the plain fusion that follows.
  removeEdge(b, 0)
  if (s0 !== b && s0.preds.length === 0) {
    removeEdge(s0, 0)
    for (const v of s0.values) v.block = b
    b.values.push(...s0.values)
    s0.values = []
    s0.succs = []
    s0.preds = []
    s0.setControl(null)
    markInvalid(s0)
  }
  b.kind = 'Plain'
  b.likely = 0
  b.setControl(null)
  // Values of b may now be dead; clearing them early can open more fusion.
  const walk = b.values.filter((v) => v.uses === 0 && removeable(v))
  while (walk.length) {
    const v = walk.pop()!
    if (v.op !== 'Invalid' && v.uses === 0 && removeable(v)) {
      walk.push(...v.args)
      v.reset('Invalid')
    }
  }
  return true
}

/**
 * A run of blocks b → … → c linked by single edges (b Plain, every interior
 * block with one predecessor and one successor) becomes c, holding all
 * their values in order. Statement marks at the ends of the fused blocks
 * move to the next value on the same line when there is one.
 */
export function fuseBlockPlain(start: Block): boolean {
  if (start.kind !== 'Plain') return false
  let b = start
  let c = b.succs[0]!
  if (c.preds.length !== 1 || c === b) return false
  // The earliest block of the run; beware of simple cycles.
  while (b.preds.length === 1 && b.preds[0] !== c && b.preds[0]!.kind === 'Plain') b = b.preds[0]!
  // The latest block of the run.
  for (;;) {
    if (c.kind !== 'Plain') break
    const next = c.succs[0]!
    if (next === b || next.preds.length !== 1) break
    c = next
  }
  const run: Block[] = []
  for (let bx = b; ; bx = bx.succs[0]!) {
    run.push(bx)
    if (bx === c) break
  }
  for (let k = 0; k + 1 < run.length; k++) {
    const bx = run[k]!
    const next = run[k + 1]!
    if (bx.pos.stmt === '+' && bx.pos.line !== 0) {
      let l = bx.pos.line
      let outOfOrder = false
      for (const v of next.values) {
        if (v.pos.line === 0 || v.pos.stmt === '-') continue
        if (v.pos.line === l) {
          v.pos = withStmt(v.pos, '+')
          l = 0
          break
        }
        // Values of a block come before its end, so a later line here rules out the block end.
        if (l < v.pos.line) outOfOrder = true
      }
      if (l !== 0 && !outOfOrder && (next.pos.line === l || next.pos.stmt !== '+')) next.pos = withStmt(bx.pos, '+')
    }
  }
  // Phis of interior blocks have one argument; once the run takes b's predecessors they are copies.
  for (const bx of run.slice(1)) for (const v of bx.values) if (v.op === 'Phi') phielimValue(v)
  const values: Value[] = []
  for (const bx of run) {
    for (const v of bx.values) v.block = c
    values.push(...bx.values)
  }
  c.values = values
  c.preds = [...b.preds]
  for (const p of new Set(b.preds)) p.succs = p.succs.map((s) => (s === b ? c : s))
  const f = b.func
  if (f.entry === b) f.entry = c
  for (const bx of run.slice(0, -1)) {
    bx.values = []
    bx.preds = []
    bx.succs = []
    markInvalid(bx)
  }
  return true
}

// --- fuse_comparisons.go -------------------------------------------------

type CanOpt = (x: Value, y: Value, op: 'OrB' | 'AndB') => boolean

/**
 * p: If pc → b / s, b: If bc → s / t (or the mirror for &&): b is run
 * unconditionally after p with control `pc op bc`, and p becomes Plain.
 */
function fuseComparisons(b: Block, canOpt: CanOpt): boolean {
  if (b.preds.length !== 1) return false
  const p = b.preds[0]!
  if (b.kind !== 'If' || p.kind !== 'If') return false
  // Don't merge control values if b is likely to be bypassed anyway.
  if (p.likely === 1 && p.succs[0] !== b) return false
  if (p.likely === -1 && p.succs[1] !== b) return false
  const ops = ['OrB', 'AndB'] as const
  for (let i = 0; i < 2; i++) {
    if (p.succs[i] !== b.succs[i]) continue
    const bc = b.controls[0]!
    const pc = p.controls[0]!
    if (!canOpt(bc, pc, ops[i]!)) return false
    if (!canSpeculativelyExecute(b)) return false
    const v = b.func.newValue(b, ops[i]!, bc.type, [pc, bc], 0n, null, bc.pos)
    v.origin = bc
    b.setControl(v)
    removeEdge(p, i)
    p.kind = 'Plain'
    p.likely = 0
    p.setControl(null)
    return true
  }
  return false
}

const DIV_MOD = new Set(['Div8', 'Div8u', 'Div16', 'Div16u', 'Div32', 'Div32u', 'Div64', 'Div64u', 'Div128u', 'Div32F', 'Div64F', 'Mod8', 'Mod8u', 'Mod16', 'Mod16u', 'Mod32', 'Mod32u', 'Mod64', 'Mod64u'])

/** gc's canSpeculativelyExecute (branchelim.go): nothing that can fault, panic or touch memory. */
export function canSpeculativelyExecute(b: Block): boolean {
  for (const v of b.values) {
    if (v.op === 'Phi' || DIV_MOD.has(v.op) || v.op === 'OffPtr' || v.op === 'AddPtr' || v.op === 'SubPtr' || isMemoryType(v.type) || opInfo(v.op).hasSideEffects) return false
    if (v.op !== 'InlMark' && memoryArg(v) !== null) return false
  }
  return true
}

/** gc's MemoryArg: the last argument when it is memory. */
export function memoryArg(v: Value): Value | null {
  const a = v.args[v.args.length - 1]
  return a && isMemoryType(a.type) ? a : null
}

const INT_CONST = new Set(['Const8', 'Const16', 'Const32', 'Const64'])
const constIntArgIndex = (v: Value): number => v.args.findIndex((a) => INT_CONST.has(a.op))

const SIGNED_INEQ = new Set(['Less64', 'Less32', 'Less16', 'Less8', 'Leq64', 'Leq32', 'Leq16', 'Leq8'])
const UNSIGNED_INEQ = new Set(['Less64U', 'Less32U', 'Less16U', 'Less8U', 'Leq64U', 'Leq32U', 'Leq16U', 'Leq8U'])

/** Two inequalities of the same signedness comparing one value with constants. */
function canOptIntInRange(x: Value, y: Value): boolean {
  for (const domain of [SIGNED_INEQ, UNSIGNED_INEQ]) {
    if (!domain.has(x.op) || !domain.has(y.op)) continue
    const xi = constIntArgIndex(x)
    const yi = constIntArgIndex(y)
    if (xi < 0 || yi < 0) return false
    return x.args[xi ^ 1] === y.args[yi ^ 1]
  }
  return false
}

/** `v == c || v == d` or `v != c && v != d` with c, d one bit apart. */
function canOptSingleBitDifference(x: Value, y: Value, op: 'OrB' | 'AndB'): boolean {
  if (x.op !== y.op) return false
  if (/^Eq(64|32|16|8)$/.test(x.op)) {
    if (op !== 'OrB') return false
  } else if (/^Neq(64|32|16|8)$/.test(x.op)) {
    if (op !== 'AndB') return false
  } else return false
  const xi = constIntArgIndex(x)
  const yi = constIntArgIndex(y)
  if (xi < 0 || yi < 0 || x.args[xi ^ 1] !== y.args[yi ^ 1]) return false
  // gc's oneBit on the int64 auxInts.
  const d = BigInt.asIntN(64, x.args[xi]!.auxInt ^ y.args[yi]!.auxInt)
  return d !== 0n && (d & BigInt.asIntN(64, d - 1n)) === 0n
}

/** `v != v || v < c` and friends (floats). */
function canOptNanCheck(x: Value, y: Value, op: 'OrB' | 'AndB'): boolean {
  if (op !== 'OrB') return false
  for (let i = 0; i <= 1; i++, [x, y] = [y, x]) {
    if (x.args.length !== 2 || x.args[0] !== x.args[1]) continue
    const v = x.args[0]!
    const f64 = x.op === 'Neq64F'
    if (!f64 && x.op !== 'Neq32F') continue
    const want = f64 ? ['Less64F', 'Leq64F'] : ['Less32F', 'Leq32F']
    if (!want.includes(y.op)) return false
    for (let j = 0; j <= 1; j++) {
      const a = y.args[j]!
      const b = y.args[j ^ 1]!
      if (a.op !== (f64 ? 'Const64F' : 'Const32F')) continue
      // Sign-bit operations do not change the NaN check.
      if (f64 ? (b.op === 'Abs' || b.op === 'Neg64F') && b.args[0] === v : b.op === 'Neg32F' && b.args[0] === v) return true
      return b === v
    }
  }
  return false
}
