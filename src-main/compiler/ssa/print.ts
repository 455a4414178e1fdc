// gc's text dump of a function (ssa/print.go): header, blocks with their
// values in dependency order (phis first) until the scheduler has fixed the
// order, block ends, and the `name x[T]: [...]` lines. Values and blocks that
// are unreachable or unused are marked DEAD, as gc does. The notation itself
// lives in protocol/ssa-text.ts, shared with the renderer.

import type { FuncSnapshot } from '../../protocol/model'
import { blockEnd, findLive as findLiveBy, namesByValue, printOrder, stmtPrefix, valueLine } from '../../protocol/ssa-text'
import { opInfo } from './opinfo'

export { stmtPrefix, valueLine, blockEnd }

/** `keepsLiveOp` says which ops are live by themselves (default: the op tables; a trace's effectOps for one read from gc). */
export function printFunc(f: FuncSnapshot, keepsLiveOp?: (op: string) => boolean): string {
  const { reachable, live } = keepsLiveOp ? findLiveBy(f, keepsLiveOp) : findLive(f)
  const names = namesByValue(f)
  const out: string[] = [`${f.name} ${f.type}`]
  for (const b of f.blocks) {
    const r = reachable.has(b.id)
    out.push(`  ${b.id}:${b.preds.length ? ' <- ' + b.preds.join(' ') : ''}${r ? '' : ' DEAD'}`)
    for (const v of printOrder(b, f.scheduled === true)) out.push(`    ${valueLine(v, names.get(v.id), f.locs?.[v.id])}${live.has(v.id) ? '' : ' DEAD'}`)
    out.push(`    ${blockEnd(b)}`)
  }
  for (const n of f.names) out.push(`name ${n.name}: [${n.values.join(' ')}]`)
  return out.join('\n') + '\n'
}

/** Whether a value of this op is live by itself (gc's findlive roots). */
export function keepsLive(op: string, arch: string | undefined): boolean {
  const info = opInfo(op, arch)
  return !!(info.call || info.hasSideEffects || info.nilCheck)
}

/** Reachable blocks and live values, as gc's findlive computes them for printing. */
export function findLive(f: FuncSnapshot): { reachable: Set<string>; live: Set<string> } {
  return findLiveBy(f, (op) => keepsLive(op, f.arch))
}

/** The ops of a trace that keep their values live (FuncTrace.effectOps), so clients can mark DEAD values without the op tables. */
export function effectOpsOf(snapshots: readonly FuncSnapshot[]): string[] {
  const seen = new Set<string>()
  const effect: string[] = []
  // Snapshots share the records of what a pass did not change: each block record is read once.
  const seenBlocks = new Set<object>()
  let last: FuncSnapshot | undefined
  for (const s of snapshots) {
    if (s === last) continue
    last = s
    for (const b of s.blocks) {
      if (seenBlocks.has(b)) continue
      seenBlocks.add(b)
      for (const v of b.values) {
        if (seen.has(v.op)) continue
        seen.add(v.op)
        if (keepsLive(v.op, s.arch)) effect.push(v.op)
      }
    }
  }
  return effect.sort()
}
