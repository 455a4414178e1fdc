// Field and method lookup through embedded structs (Go's selector rules):
// breadth-first by embedding depth; two matches at the shallowest depth make
// the selector ambiguous.

import type { FieldStep } from './info'
import type { FuncObj, Var } from './objects'
import { allMethods, under, type NamedType, type Type } from './types'

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

// Name indexes, built on first lookup: types can have tens of thousands of
// methods or fields, and every selector looks one up. Methods are appended
// while the package is collected, so an index catches up with its array.
interface MethodIndex {
  n: number
  byName: Map<string, FuncObj>
}
const methodIndexes = new WeakMap<FuncObj[], MethodIndex>()

/** The first method of t called `name` (as `t.methods.find` would give). */
export function methodByName(t: NamedType, name: string): FuncObj | undefined {
  const methods = t.methods
  if (methods.length < 8) return methods.find((m) => m.name === name)
  let ix = methodIndexes.get(methods)
  if (!ix) methodIndexes.set(methods, (ix = { n: 0, byName: new Map() }))
  for (; ix.n < methods.length; ix.n++) {
    const m = methods[ix.n]!
    if (!ix.byName.has(m.name)) ix.byName.set(m.name, m)
  }
  return ix.byName.get(name)
}

interface FieldIndex {
  n: number
  /** Indices of the fields with each name (a struct with an error may repeat one). */
  byName: Map<string, number[]>
  embedded: number[]
}
const fieldIndexes = new WeakMap<Var[], FieldIndex>()

function fieldIndex(fields: Var[]): FieldIndex {
  let ix = fieldIndexes.get(fields)
  if (ix && ix.n === fields.length) return ix
  ix = { n: fields.length, byName: new Map(), embedded: [] }
  fields.forEach((f, i) => {
    const list = ix!.byName.get(f.name)
    if (list) list.push(i)
    else ix!.byName.set(f.name, [i])
    if (f.embedded) ix!.embedded.push(i)
  })
  fieldIndexes.set(fields, ix)
  return ix
}

/** The first field called `name`. */
export function fieldByName(fields: Var[], name: string): Var | undefined {
  if (fields.length < 8) return fields.find((f) => f.name === name)
  const i = fieldIndex(fields).byName.get(name)?.[0]
  return i === undefined ? undefined : fields[i]
}

/** The fields called `name`, then the other embedded fields, in declaration order within each. */
function fieldsFor(fields: Var[], name: string, foldCase: boolean): { matches: number[]; embedded: number[] } {
  if (foldCase || fields.length < 8) {
    const matches: number[] = []
    const embedded: number[] = []
    const same = (n: string) => (foldCase ? n.toLowerCase() === name.toLowerCase() : n === name)
    fields.forEach((f, i) => {
      if (same(f.name)) matches.push(i)
      else if (f.embedded) embedded.push(i)
    })
    return { matches, embedded }
  }
  const ix = fieldIndex(fields)
  const matches = ix.byName.get(name) ?? []
  return { matches, embedded: matches.length > 0 ? ix.embedded.filter((i) => fields[i]!.name !== name) : ix.embedded }
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
  const ut = under(t)
  if (ut.kind === 'interface') {
    const m = allMethods(ut).find((f) => same(f.name))
    return m ? { kind: 'method', method: m, path: [], indirect: false, recvType: t } : { kind: 'missing' }
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
        const m = foldCase ? typ.methods.find((f) => same(f.name)) : methodByName(typ, name)
        if (m) {
          const recvType = entry.path.length > 0 ? entry.path[entry.path.length - 1]!.field.type : t
          found.push({ kind: 'method', method: m, path: entry.path, indirect: entry.indirect, recvType })
          continue
        }
        typ = typ.underlying
      }
      if (typ.kind === 'interface' && entry.path.length > 0) {
        // An embedded interface field promotes its methods.
        const m = allMethods(typ).find((f) => same(f.name))
        if (m) found.push({ kind: 'method', method: m, path: entry.path, indirect: entry.indirect, recvType: entry.path[entry.path.length - 1]!.field.type })
        continue
      }
      if (typ.kind !== 'struct') continue
      const derefHere = entry.path.length === 0 ? rootPtr : under(entry.path[entry.path.length - 1]!.field.type).kind === 'pointer'
      const { matches, embedded } = fieldsFor(typ.fields, name, foldCase)
      for (const index of matches) {
        const step: FieldStep = { field: typ.fields[index]!, index, deref: derefHere }
        found.push({ kind: 'field', field: step.field, path: [...entry.path, step], indirect: entry.indirect })
      }
      for (const index of embedded) {
        const f = typ.fields[index]!
        const d = deref(f.type)
        next.push({ type: d.type, path: [...entry.path, { field: f, index, deref: derefHere }], indirect: entry.indirect || d.ptr })
      }
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
