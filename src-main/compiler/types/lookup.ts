// Field and method lookup through embedded structs (Go's selector rules):
// breadth-first by embedding depth; two matches at the shallowest depth make
// the selector ambiguous.

import type { FieldStep } from './info'
import type { FuncObj, Var } from './objects'
import { under, type NamedType, type Type } from './types'

export type LookupResult =
  | { kind: 'field'; field: Var; path: FieldStep[]; indirect: boolean }
  | { kind: 'method'; method: FuncObj; path: FieldStep[]; indirect: boolean; /** Type of the receiver value reached by the path. */ recvType: Type }
  | { kind: 'ambiguous' }
  /** A pointer-receiver method on a value that is neither addressable nor reached through a pointer. */
  | { kind: 'needsPointer' }
  | { kind: 'missing' }

interface Entry {
  /** The type at this point: a named type or struct, possibly behind a pointer. */
  type: Type
  path: FieldStep[]
  indirect: boolean
}

function deref(t: Type): { type: Type; ptr: boolean } {
  return t.kind === 'pointer' ? { type: t.elem, ptr: true } : { type: t, ptr: false }
}

/** Looks up `name` in type t; `addressable` says whether the operand is a variable. */
export function lookupFieldOrMethod(t: Type, addressable: boolean, name: string, foldCase = false): LookupResult {
  if (name === '_') return { kind: 'missing' }
  const same = (n: string) => (foldCase ? n.toLowerCase() === name.toLowerCase() : n === name)
  // A named pointer type has no methods, but x.f still means (*x).f for fields.
  if (t.kind === 'named' && t.underlying.kind === 'pointer') {
    const r = lookupFieldOrMethod(t.underlying, false, name, foldCase)
    return r.kind === 'method' || r.kind === 'needsPointer' ? { kind: 'missing' } : r
  }
  const root = deref(t)
  let current: Entry[] = [{ type: root.type, path: [], indirect: root.ptr }]
  const rootPtr = root.ptr
  const seen = new Set<NamedType>()
  while (current.length > 0) {
    const next: Entry[] = []
    const found: LookupResult[] = []
    for (const entry of current) {
      let typ = entry.type
      if (typ.kind === 'named') {
        if (seen.has(typ)) continue
        seen.add(typ)
        const m = typ.methods.find((f) => same(f.name))
        if (m) {
          const recvType = entry.path.length > 0 ? entry.path[entry.path.length - 1]!.field.type : t
          found.push({ kind: 'method', method: m, path: entry.path, indirect: entry.indirect, recvType })
          continue
        }
        typ = typ.underlying
      }
      if (typ.kind !== 'struct') continue
      const derefHere = entry.path.length === 0 ? rootPtr : under(entry.path[entry.path.length - 1]!.field.type).kind === 'pointer'
      typ.fields.forEach((f, index) => {
        const step: FieldStep = { field: f, index, deref: derefHere }
        if (same(f.name)) found.push({ kind: 'field', field: f, path: [...entry.path, step], indirect: entry.indirect })
        else if (f.embedded) {
          const d = deref(f.type)
          next.push({ type: d.type, path: [...entry.path, step], indirect: entry.indirect || d.ptr })
        }
      })
    }
    if (found.length > 1) return { kind: 'ambiguous' }
    const hit = found[0]
    if (hit) {
      if (hit.kind === 'method' && hit.method.pointerRecv && !hit.indirect && !addressable && under(hit.recvType).kind !== 'pointer') {
        return { kind: 'needsPointer' }
      }
      return hit
    }
    current = next
  }
  return { kind: 'missing' }
}
