// Functions declared without a body (assembly, linkname): gc's paramTag
// assumes each pointerful parameter leaks to the heap, unless the
// declaration carries //go:noescape, which promises that nothing escapes
// (the parameter may still be written through and called).

import { hasPointers, recvParams } from './utils'
import type { BatchBuilder } from './build'
import { Leaks } from './leaks'
import type { FnUnit } from './units'

export const isBodyless = (u: FnUnit): boolean => u.decl !== null && u.decl.body === null

const noescape = (u: FnUnit): boolean => u.decl!.pragmas.includes('go:noescape')

export function bodylessTags(u: FnUnit): Leaks[] {
  return recvParams(u.signature).map((p) => {
    const esc = new Leaks()
    if (!hasPointers(p.type)) return esc
    if (noescape(u)) {
      esc.addMutator(0)
      esc.addCallee(0)
    } else esc.addHeap(0)
    return esc
  })
}

/** The -m lines of paramTag for a body-less function: named pointerful parameters only. */
export function bodylessReport(u: FnUnit, b: BatchBuilder): string[] {
  const out: string[] = []
  for (const p of recvParams(u.signature)) {
    if (!hasPointers(p.type) || p.name === '') continue
    // A blank parameter prints as gc renames it (~p1).
    out.push(`${b.fmtPos(p.pos)}: ${noescape(u) ? `${p.irName} does not escape` : `leaking param: ${p.irName}`}`)
  }
  return out
}
