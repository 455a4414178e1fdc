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
  // Indexed loops: this runs once per trace, often before it is optimized, where for-of allocates.
  for (let i = 0; i < snapshots.length; i++) {
    const s = snapshots[i]!
    if (s === last) continue
    last = s
    for (let j = 0; j < s.blocks.length; j++) {
      const b = s.blocks[j]!
      if (seenBlocks.has(b)) continue
      seenBlocks.add(b)
      for (let k = 0; k < b.values.length; k++) {
        const op = b.values[k]!.op
        if (seen.has(op)) continue
        seen.add(op)
        if (keepsLive(op, s.arch)) effect.push(op)
      }
    }
  }
  return effect.sort()
}
