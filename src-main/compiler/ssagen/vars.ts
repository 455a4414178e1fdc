// Where each variable of a function lives, as gc decides it before building
// SSA: in SSA values (small, address never taken, not moved to the heap), in
// its stack slot (address taken or too big to be SSA-able), on the heap
// (escape analysis moved it), in the closure record (captured variables
// inside a closure), or in the package's data (globals).

import type { FnUnit } from '../escape/units'
import type { TempVar } from '../escape/frames'
import type { Var } from '../types/objects'
import { canSSA, fromGo, type SsaType } from '../ssa/types'

export type Home =
  | { kind: 'ssa'; type: SsaType }
  | { kind: 'stack'; type: SsaType; name: string }
  /** The variable's address is the SSA variable `addrKey` (gc's `&x` PAUTO). */
  | { kind: 'heap'; type: SsaType; addrKey: object; name: string }
  /** Captured by reference (the address loaded from the closure record at entry) or a by-value capture gc cannot SSA (its field's address). */
  | { kind: 'captured'; type: SsaType; addrKey: object; name: string }
  | { kind: 'global'; type: SsaType; sym: string }

export interface EscapeFacts {
  /** Variables (and temporaries) escape analysis moved to the heap. */
  heap: Set<object>
  /** Allocation sites (AST nodes) that escape. */
  escapingSites: Set<object>
  byRef: Set<Var>
  /** []byte(s) conversions nothing writes through (escape analysis's zero-copy OSTR2BYTESTMP). */
  zeroCopy?: Set<object>
  /** Allocation sites whose object lives only during their statement (gc's Transient: order preallocates them). */
  transientSites?: Set<object>
}

/** `walkAddrTaken`: walk took the variable's address for its own rewrites (a clearing loop's `&a[0]`). */
export function homeOf(v: Var | TempVar, unit: FnUnit, facts: EscapeFacts, pkg: string, walkAddrTaken = false): Home {
  const type = fromGo(v.type)
  if (v.kind === 'var' && v.varKind === 'global') return { kind: 'global', type, sym: `${pkg}.${v.name}` }
  const name = v.kind === 'var' ? v.irName : v.name
  if (v.kind === 'var' && unit.captures.includes(v)) {
    // Inside a closure, a captured variable lives where the closure record says.
    // By reference, or by value but too big for SSA: used in place through the closure record, as gc does.
    if (facts.byRef.has(v) || !canSSA(type)) return { kind: 'captured', type, addrKey: { name: `&${name}` }, name }
    return { kind: 'ssa', type }
  }
  if (facts.heap.has(v)) return { kind: 'heap', type, addrKey: { name: `&${name}` }, name }
  const addrTaken = v.kind === 'var' && (v.addrTaken || facts.byRef.has(v) || walkAddrTaken)
  if (addrTaken || !canSSA(type)) return { kind: 'stack', type, name }
  return { kind: 'ssa', type }
}
