// gc's deadcode (ssa/deadcode.go), the pass behind early, pre-opt, opt,
// gcse, generic, lowered and late deadcode (all the same function in gc):
// unreachable blocks go (a First block only reaches its first successor),
// then every value that no reachable control, call, side effect or nil
// check needs. Statement marks of removed values move to a live value of
// the same line in the same block, or to the block end.
//
// Also here: gc's CFG edge primitives (block.go), which reorder edges the
// way gc does (the last edge moves into the removed slot), so phi argument
// and predecessor orders match gc's dumps.

import type { Block, Func, Pos, Value } from '../func'
import { opInfo } from '../opinfo'
import type { SsaType } from '../types'
import { copyelim, phielimValue } from './copyelim'

export const withStmt = (p: Pos, stmt: Pos['stmt']): Pos => (p.line === 0 || p.stmt === stmt ? p : { ...p, stmt })
/** gc's IsStmt() != PosNotStmt: unknown positions are never statements. */
export const maybeStmt = (p: Pos): boolean => p.line !== 0 && p.stmt !== '-'

/** gc's Type.IsMemory: memory, or a tuple or call results ending in memory. */
export function isMemoryType(t: SsaType): boolean {
  if (t.kind === 'mem') return true
  if (t.kind === 'tuple' || t.kind === 'results') {
    const parts = t.parts ?? []
    return parts.length > 0 && parts[parts.length - 1]!.kind === 'mem'
  }
  return false
}

/** The index in b.succs[i].preds of the edge b.succs[i] (duplicate edges pair up in order). */
export function succEdgeIndex(b: Block, i: number): number {
  const t = b.succs[i]!
  let k = 0
  for (let x = 0; x < i; x++) if (b.succs[x] === t) k++
  for (let j = 0; j < t.preds.length; j++) if (t.preds[j] === b && k-- === 0) return j
  throw new Error(`edge ${b} -> ${t} has no predecessor entry`)
}

/**
 * The index in b.preds[j].succs of the edge b.preds[j]. Without duplicate
 * edges the answer is found in the predecessor's few successors alone:
 * counting earlier duplicates in b.preds would make a loop over a join
 * of thousands of predecessors quadratic (5,000 nested ifs).
 */
export function predEdgeIndex(b: Block, j: number): number {
  const p = b.preds[j]!
  const first = p.succs.indexOf(b)
  if (first >= 0 && p.succs.indexOf(b, first + 1) < 0) return first
  let k = 0
  for (let x = 0; x < j; x++) if (b.preds[x] === p) k++
  for (let i = 0; i < p.succs.length; i++) if (p.succs[i] === b && k-- === 0) return i
  throw new Error(`edge ${p} -> ${b} has no successor entry`)
}

/** gc's removePred: the last predecessor moves into slot i (phis are the caller's job). */
export function removePred(b: Block, i: number): void {
  const n = b.preds.length - 1
  b.preds[i] = b.preds[n]!
  b.preds.pop()
}

/** gc's removeSucc: the last successor moves into slot i. */
export function removeSucc(b: Block, i: number): void {
  const n = b.succs.length - 1
  b.succs[i] = b.succs[n]!
  b.succs.pop()
}

/** gc's removePhiArg: drop phi's argument i (the last moves in), then try phielim on it. */
export function removePhiArg(phi: Value, i: number): void {
  const n = phi.args.length - 1
  phi.args[i]!.uses--
  phi.args[i] = phi.args[n]!
  phi.args.pop()
  phi.touch()
  phielimValue(phi)
}

/** gc's removeEdge: remove b's i'th outgoing edge and the matching phi arguments. */
export function removeEdge(b: Block, i: number): void {
  const c = b.succs[i]!
  const j = succEdgeIndex(b, i)
  removeSucc(b, i)
  removePred(c, j)
  // Turning a phi into a Copy here is safe: a cycle through it would be unreachable.
  for (const v of c.values) if (v.op === 'Phi') removePhiArg(v, j)
}

/**
 * Point p.succs[pi] at t, as t's new last predecessor; each phi of t gets
 * argOf(phi) for it. When p already had edges to t, phi arguments are
 * rotated so duplicate edges still pair up in order (see succEdgeIndex).
 */
export function redirectEdge(p: Block, pi: number, t: Block, argOf: (phi: Value) => Value): void {
  p.succs[pi] = t
  t.preds.push(p)
  for (const v of t.values) if (v.op === 'Phi') v.addArg(argOf(v))
  let rank = 0
  for (let i = 0; i < pi; i++) if (p.succs[i] === t) rank++
  const slots: number[] = []
  t.preds.forEach((q, j) => q === p && slots.push(j))
  if (rank === slots.length - 1) return
  for (const v of t.values) {
    if (v.op !== 'Phi') continue
    const vals = slots.map((j) => v.args[j]!)
    vals.splice(rank, 0, vals.pop()!)
    slots.forEach((j, k) => (v.args[j] = vals[k]!))
    v.touch()
  }
}

/** Blocks reachable from the entry, by block id; a First block only reaches its first successor. */
export function reachableBlocks(f: Func): Uint8Array {
  const reachable = new Uint8Array(f.numBlocks)
  reachable[f.entry.id] = 1
  const stack = [f.entry]
  while (stack.length) {
    const b = stack.pop()!
    const n = b.kind === 'First' ? Math.min(1, b.succs.length) : b.succs.length
    for (let i = 0; i < n; i++) {
      const c = b.succs[i]!
      if (!reachable[c.id]) {
        reachable[c.id] = 1
        stack.push(c)
      }
    }
  }
  return reachable
}

/** gc's "must keep" ops: their effect is not their result. */
export function isRootOp(op: string, arch?: string): boolean {
  const info = opInfo(op, arch)
  return info.call === true || info.hasSideEffects === true || info.nilCheck === true
}

/**
 * Live values (by value id) and, in discovery order, the live ones that may
 * be statements (gc's liveOrderStmts, used to re-home statement marks). A phi
 * only needs the arguments that come from reachable predecessors. Id-indexed
 * arrays, not sets: this runs in every deadcode pass on every value.
 */
export function liveValues(f: Func, reachable: Uint8Array): { live: Uint8Array; order: Value[] } {
  const live = new Uint8Array(f.numValues)
  const order: Value[] = []
  const queue: Value[] = []
  const mark = (v: Value): void => {
    if (live[v.id]) return
    live[v.id] = 1
    queue.push(v)
    if (maybeStmt(v.pos)) order.push(v)
  }
  for (const b of f.blocks) {
    if (!reachable[b.id]) continue
    for (const c of b.controls) mark(c)
    // InlMarks are only kept for inlined bodies; we compile without inlining.
    for (const v of b.values) if (isRootOp(v.op, f.arch)) mark(v)
  }
  while (queue.length) {
    const v = queue.pop()!
    const phi = v.op === 'Phi'
    for (let i = 0; i < v.args.length; i++) {
      if (phi && !reachable[v.block.preds[i]!.id]) continue
      mark(v.args[i]!)
    }
  }
  return { live, order }
}

export function deadcode(f: Func): void {
  const reachable = reachableBlocks(f)

  // Edges from dead to live code go, then the dead edge of each reachable First block.
  for (const b of f.blocks) {
    if (reachable[b.id]) continue
    for (let i = 0; i < b.succs.length; ) {
      if (reachable[b.succs[i]!.id]) removeEdge(b, i)
      else i++
    }
  }
  for (const b of f.blocks) {
    if (!reachable[b.id] || b.kind !== 'First') continue
    removeEdge(b, 1)
    b.kind = 'Plain'
    b.likely = 0
  }

  // Phis left with one argument became Copies: splice them out.
  copyelim(f)

  const { live: liveIds, order } = liveValues(f, reachable)
  const live = { has: (v: Value): boolean => liveIds[v.id] === 1 }

  // Names keep only live values, each once.
  for (const n of f.names) n.values = [...new Set(n.values)]
  f.pruneNames((v) => live.has(v))

  // Statement lines of removed values, by line: the index of the (last) block that had one.
  const pending = new Map<number, number>()
  f.blocks.forEach((b, i) => {
    if (!reachable[b.id]) b.setControl(null)
    for (const v of b.values) {
      if (live.has(v)) continue
      v.setArgs([])
      if (v.pos.stmt === '+' && v.pos.line !== 0 && reachable[b.id]) pending.set(v.pos.line, i)
    }
  })
  // The earliest live value in data flow with the same line, in the same block, takes the mark.
  for (let i = order.length - 1; i >= 0; i--) {
    const w = order[i]!
    const j = pending.get(w.pos.line)
    if (j !== undefined && f.blocks[j] === w.block) {
      w.pos = withStmt(w.pos, '+')
      pending.delete(w.pos.line)
    }
  }
  // Otherwise the block end, when it is on that line.
  for (const [line, bi] of pending) {
    const b = f.blocks[bi]!
    if (b.pos.line === line) b.pos = withStmt(b.pos, '+')
  }

  // gc frees the dead values in this order: its next new values take their ids back (gcids.ts).
  for (const b of f.blocks) f.gcIds.sweep(b, (v) => !live.has(v))
  for (const b of f.blocks) {
    b.values = b.values.filter((v) => {
      if (live.has(v)) return true
      if (v.uses !== 0) throw new Error(`deadcode: dead ${v} is still used`)
      return false
    })
  }
  f.blocks = f.blocks.filter((b) => {
    if (reachable[b.id]) return true
    if (b.values.length) throw new Error(`deadcode: live values in unreachable block ${b}: ${b.values.join(' ')}`)
    return false
  })
  // A reachable block may still list a removed block as predecessor only if the CFG was broken.
  for (const b of f.blocks) for (const p of b.preds) if (!reachable[p.id]) throw new Error(`deadcode: ${b} keeps unreachable predecessor ${p}`)
}
