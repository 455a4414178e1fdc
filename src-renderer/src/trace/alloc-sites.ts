// Heap allocations in source terms: where each runtime allocation call of a
// function as built sits (its call value's line and column), which source
// lines its members were declared on, and which call an escape location
// became (an allocation site by position, a moved variable by name).

import type { AllocGroup, EscapeLocation, FuncSnapshot, FuncTrace, ValueRecord } from '../../../src-main/protocol/model'
import { parsePos } from './positions'

export interface AllocSite {
  group: AllocGroup
  /** The call value as built (pass `start`). */
  call: ValueRecord | undefined
  /** Each member's line: its `OffPtr` into the block, or the call's line. */
  memberLines: number[]
}

function valuesOf(s: FuncSnapshot): Map<string, ValueRecord> {
  const m = new Map<string, ValueRecord>()
  for (const b of s.blocks) for (const v of b.values) m.set(v.id, v)
  return m
}

/** The allocation calls of a trace with their places in the source. */
export function allocSites(trace: FuncTrace): AllocSite[] {
  const start = trace.passes[0]?.snapshot
  if (!start) return []
  const values = valuesOf(start)
  // The call's pointer result (SelectN [0]) and the OffPtrs into it.
  const resultOf = new Map<string, string>()
  const offptrs = new Map<string, ValueRecord[]>()
  for (const v of values.values()) {
    if (v.op === 'SelectN' && v.auxInt === '0' && v.args[0]) resultOf.set(v.args[0], v.id)
    if (v.op === 'OffPtr' && v.args[0]) {
      const list = offptrs.get(v.args[0]) ?? []
      list.push(v)
      offptrs.set(v.args[0], list)
    }
  }
  return trace.allocs.map((group) => {
    const call = values.get(group.value)
    const ptr = resultOf.get(group.value)
    const offs = ptr ? offptrs.get(ptr) ?? [] : []
    const memberLines = group.members.map((m) => {
      const o = offs.find((v) => Number(v.auxInt ?? '0') === m.offset && v.line > 0)
      return o?.line || call?.line || 0
    })
    return { group, call, memberLines }
  })
}

/**
 * The allocation call an escape location became: an escaping allocation site
 * (`new(T)`, `&T{…}`, a func literal) is the member-less call at its
 * position; a variable moved to the heap is a member of one (by name, the
 * nearest call if names repeat). Null when it stays on the stack.
 */
export function allocOf(sites: readonly AllocSite[], loc: EscapeLocation): AllocSite | null {
  if (!loc.escapes) return null
  const p = parsePos(loc.pos)
  if (!p) return null
  if (loc.kind === 'alloc') {
    const here = sites.filter((s) => s.group.members.length === 0 && s.call?.line === p.line)
    return here.find((s) => s.call?.col === p.col) ?? here[0] ?? null
  }
  if (loc.kind !== 'var' && loc.kind !== 'param' && loc.kind !== 'result') return null
  let best: AllocSite | null = null
  let bestDist = Infinity
  for (const s of sites) {
    s.group.members.forEach((m, i) => {
      if (m.name !== loc.name) return
      const d = Math.abs((s.memberLines[i] ?? 0) - p.line)
      if (d < bestDist) {
        best = s
        bestDist = d
      }
    })
  }
  return best
}
