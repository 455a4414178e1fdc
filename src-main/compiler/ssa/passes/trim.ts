// gc's trim (ssa/trim.go), the last SSA pass: remove plain blocks that are
// only a jump. A block goes when its successor has no other predecessor (its
// values move to the top of the successor) or when it holds nothing but
// phis (its predecessors are wired straight to the successor, the
// successor's phis and its own phis growing arguments for them). A
// statement mark on the removed block moves to the successor's first value
// of the same line.

import type { Block, Func, Value } from '../func'
import { predEdgeIndex, succEdgeIndex, withStmt } from './deadcode'
import { POOR_STATEMENT_OPS } from './nilcheck'

export function trim(f: Func): void {
  const kept: Block[] = []
  const removed = new Set<Value>()
  for (const b of f.blocks) {
    if (!trimmable(f, b)) {
      kept.push(b)
      continue
    }
    const s = b.succs[0]!
    const j = succEdgeIndex(b, 0)
    const ns = s.preds.length
    // Edge indices first: a predecessor may reach b twice.
    const into = b.preds.map((p, k) => ({ p, i: predEdgeIndex(b, k) }))
    into[0]!.p.succs[into[0]!.i] = s
    s.preds[j] = into[0]!.p
    for (const { p, i } of into.slice(1)) {
      p.succs[i] = s
      s.preds.push(p)
    }

    if (b.pos.stmt === '+') {
      let saw = false
      for (const v of s.values) {
        if (POOR_STATEMENT_OPS.has(v.op)) continue
        if (v.pos.line === b.pos.line) v.pos = withStmt(v.pos, '+')
        saw = true
        break
      }
      if (!saw && s.pos.line === b.pos.line) s.pos = withStmt(s.pos, '+')
    }

    if (ns > 1) {
      for (const v of s.values) if (v.op === 'Phi') mergePhi(v, j, b)
      // b's own phis move to s: one argument per predecessor of s, the phi itself on s's other edges.
      b.values = b.values.filter((v) => {
        if (v.op !== 'Phi') return true
        if (v.uses === 0) {
          v.setArgs([])
          removed.add(v)
          return false
        }
        const args = v.args.slice()
        v.setArgs([])
        for (let x = 0; x < j; x++) v.addArg(v)
        v.addArg(args[0]!)
        for (let x = j + 1; x < ns; x++) v.addArg(v)
        for (const a of args.slice(1)) v.addArg(a)
        return true
      })
    }
    for (const v of b.values) v.block = s
    s.values = [...b.values, ...s.values]
    b.values = []
  }
  f.blocks = kept
  if (removed.size) f.pruneNames((v) => !removed.has(v))
}

function trimmable(f: Func, b: Block): boolean {
  if (b.kind !== 'Plain' || b === f.entry) return false
  const s = b.succs[0]!
  return s !== b && (s.preds.length === 1 || b.values.every((v) => v.op === 'Phi'))
}

/** s's phi v took argument i from b: it now takes one argument per predecessor of b. */
function mergePhi(v: Value, i: number, b: Block): void {
  const u = v.args[i]!
  if (u.block === b) {
    if (u.op !== 'Phi') throw new Error(`trim: ${u} in ${b} is not a phi`)
    v.setArg(i, u.args[0]!)
    for (const a of u.args.slice(1)) v.addArg(a)
  } else {
    for (let k = 1; k < b.preds.length; k++) v.addArg(v.args[i]!)
  }
}
