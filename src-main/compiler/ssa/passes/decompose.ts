// decompose user and decompose builtin (gc's decompose.go).
//
// decompose user: a phi of a struct becomes a StructMake of one phi per field
// (of StructSelects of the incoming values), a phi of a 1-element array an
// ArrayMake1 of a phi of the element; and the names of struct and array
// variables are split into per-field names (`v.a`, `c+8`, `a[0]`).
//
// decompose builtin (after expand calls): decompose user again, then phis
// of slices become SliceMakes of pointer/len/cap phis, dec.rules take loads,
// stores and selects of slices and aggregates apart (dead values are kept so
// names can still be followed), and slice names split into `s.ptr`, `s.len`,
// `s.cap` (`s`, `s+8`, `s+16` for parameters).
//
// Interfaces: phis become IMakes of itab/data phis, names split into
// `.itab`/`.type` and `.data`. Left out: strings, complex numbers and 64-bit integers on 32-bit
// targets (not in our Go subset, and our types cannot tell them apart).

import type { PassContext } from '../compile'
import type { Func, LocalSlot, Value } from '../func'
import { slotString } from '../func'
import { applyRewrite } from '../rewrite'
import { decRules } from '../rules/dec'
import { isOpaque } from '../rules/helpers'
import { ptrTo, T, type SsaType } from '../types'

// ---- phis -------------------------------------------------------------------

function decomposeUserPhi(f: Func, v: Value): void {
  if (isOpaque(v.type)) return
  if (v.type.kind === 'struct') decomposeStructPhi(f, v)
  else if (v.type.kind === 'array') decomposeArrayPhi(f, v)
}

/** Phi <struct> a b => StructMake (Phi (StructSelect [0] a) (StructSelect [0] b)) … */
function decomposeStructPhi(f: Func, v: Value): void {
  const t = v.type
  if (t.size === 0) {
    v.reset('Empty')
    return
  }
  const fields = t.fields!.map((fd) => f.newValue(v.block, 'Phi', fd.type, [], 0n, null, v.pos))
  for (const a of v.args) {
    fields.forEach((phi, i) => phi.addArg(f.newValue(a.block, 'StructSelect', t.fields![i]!.type, [a], BigInt(i), null, v.pos)))
  }
  v.reset('StructMake')
  v.setArgs(fields)
  for (const phi of fields) decomposeUserPhi(f, phi)
}

/** Phi <[1]T> a b => ArrayMake1 (Phi (ArraySelect [0] a) (ArraySelect [0] b)) */
function decomposeArrayPhi(f: Func, v: Value): void {
  const t = v.type
  if (t.size === 0) {
    v.reset('Empty')
    return
  }
  if (t.len !== 1) throw new Error(`decompose: SSA-able array ${v} has ${t.len} elements`)
  const elem = f.newValue(v.block, 'Phi', t.elem!, [], 0n, null, v.pos)
  for (const a of v.args) elem.addArg(f.newValue(a.block, 'ArraySelect', t.elem!, [a], 0n, null, v.pos))
  v.reset('ArrayMake1')
  v.setArgs([elem])
  decomposeUserPhi(f, elem)
}

/** Phi <[]T> a b => SliceMake (Phi <*T> (SlicePtr a) …) (Phi <int> (SliceLen a) …) (Phi <int> (SliceCap a) …) */
function decomposeSlicePhi(f: Func, v: Value): void {
  const ptrType = ptrTo(v.type.elem!)
  const parts: [string, SsaType][] = [['SlicePtr', ptrType], ['SliceLen', T.int], ['SliceCap', T.int]]
  const phis = parts.map(([, t]) => f.newValue(v.block, 'Phi', t, [], 0n, null, v.pos))
  for (const a of v.args) parts.forEach(([op, t], i) => phis[i]!.addArg(f.newValue(a.block, op, t, [a], 0n, null, v.pos)))
  v.reset('SliceMake')
  v.setArgs(phis)
}

/** gc's decomposeStringPhi: a phi of strings becomes StringMake of a pointer phi and a length phi. */
function decomposeStringPhi(f: Func, v: Value): void {
  const parts: [string, SsaType][] = [['StringPtr', ptrTo(T.uint8)], ['StringLen', T.int]]
  const phis = parts.map(([, t]) => f.newValue(v.block, 'Phi', t, [], 0n, null, v.pos))
  for (const a of v.args) parts.forEach(([op, t], i) => phis[i]!.addArg(f.newValue(a.block, op, t, [a], 0n, null, v.pos)))
  v.reset('StringMake')
  v.setArgs(phis)
}

/** Phi <I> a b => IMake (Phi <uintptr> (ITab a) …) (Phi <*uint8> (IData a) …) */
function decomposeInterfacePhi(f: Func, v: Value): void {
  const parts: [string, SsaType][] = [['ITab', T.uintptr], ['IData', ptrTo(T.uint8)]]
  const phis = parts.map(([, t]) => f.newValue(v.block, 'Phi', t, [], 0n, null, v.pos))
  for (const a of v.args) parts.forEach(([op, t], i) => phis[i]!.addArg(f.newValue(a.block, op, t, [a], 0n, null, v.pos)))
  v.reset('IMake')
  v.setArgs(phis)
}

// ---- names ------------------------------------------------------------------

/** gc's f.Names (order) plus f.NamedValues (a map that may hold names not listed). */
class Names {
  order: string[]
  readonly values = new Map<string, Value[]>()
  readonly slots = new Map<string, LocalSlot>()
  /** Variables that cannot be split into new variables: parameters (gc also: address-taken ones). */
  private readonly whole: Set<string>

  constructor(private readonly f: Func) {
    this.order = f.names.map((n) => slotString(n.slot))
    for (const n of f.names) {
      this.values.set(slotString(n.slot), [...n.values])
      this.slots.set(slotString(n.slot), n.slot)
    }
    this.whole = new Set()
    // Parameters: Args name them (`{s}`), and after expand calls ArgIntReg/ArgFloatReg (`{s+8}`).
    for (const b of f.blocks) {
      for (const v of b.values) if (v.op.startsWith('Arg') && v.aux?.kind === 'sym') this.whole.add(v.aux.name.replace(/\+\d+$/, ''))
    }
  }

  /** gc's SplitSlot: `x.suffix` for a local, `x+off` for a parameter (or a part of one). */
  split(parent: LocalSlot, suffix: string, offset: number, type: SsaType): LocalSlot {
    const m = /^(.*)\+(\d+)$/.exec(parent.name)
    if (m || this.whole.has(parent.name)) {
      const base = m ? m[1]! : parent.name
      const off = (m ? Number(m[2]) : 0) + offset
      return { name: off === 0 ? base : `${base}+${off}`, type }
    }
    countSplitLocal(this.f, parent, offset, type)
    return { name: parent.name + suffix, type }
  }

  has(s: LocalSlot): boolean {
    return this.values.has(slotString(s))
  }

  get(s: LocalSlot): Value[] {
    return this.values.get(slotString(s)) ?? []
  }

  add(s: LocalSlot, v: Value): void {
    const k = slotString(s)
    this.slots.set(k, s)
    this.values.set(k, [...(this.values.get(k) ?? []), v])
  }

  set(s: LocalSlot, vs: Value[]): void {
    this.slots.set(slotString(s), s)
    this.values.set(slotString(s), vs)
  }

  delete(s: LocalSlot): void {
    this.values.delete(slotString(s))
  }

  /** maybeAppend: a name not seen before joins `into` (with no values yet). */
  maybeAppend(into: LocalSlot[], s: LocalSlot): void {
    if (this.has(s)) return
    this.set(s, [])
    into.push(s)
  }

  /** Write back to f.names, in order. */
  commit(): void {
    this.f.names = this.order.filter((k) => this.values.has(k)).map((k) => ({ slot: this.slots.get(k)!, values: this.values.get(k)! }))
    this.f.pruneNames(() => true)
  }
}

/**
 * gc's SplitSlot declares each part of a local it splits as a new variable
 * (NewLocal, once per parent, offset and type: CanonicalLocalSplits), which
 * takes a place in the function's Dcl and so shifts the number of every
 * later `.autotmp_N` (regalloc's spill slots). Results are not autos: their
 * parts stay slots of the result.
 */
function countSplitLocal(f: Func, parent: LocalSlot, offset: number, type: SsaType): void {
  if (f.locals.some((l) => l.name === parent.name && l.class === 'result')) return
  const key = `${parent.name}|${offset}|${type.str}`
  if (f.splitLocals.has(key)) return
  f.splitLocals.add(key)
  f.dclPad++
}

function splitUserStruct(n: Names, name: LocalSlot, slots: LocalSlot[]): void {
  const fields = name.type.fields!
  const parts = fields.map((fd) => n.split(name, fd.name, fd.offset, fd.type))
  parts.forEach((p) => {
    if (p.type.kind !== 'array' && p.type.kind !== 'struct') n.maybeAppend(slots, p)
  })
  const keep: Value[] = []
  for (const v of n.get(name)) {
    if (v.op !== 'StructMake' || v.args.length !== fields.length) keep.push(v)
    else v.args.forEach((a, i) => n.add(parts[i]!, a))
  }
  if (keep.length === 0) n.delete(name)
  else n.set(name, keep)
  parts.forEach((p) => {
    if (p.type.kind === 'struct' || p.type.kind === 'array') {
      splitUser(n, p, slots)
      n.delete(p)
    }
  })
}

function splitUserArray(n: Names, name: LocalSlot, slots: LocalSlot[]): void {
  const t = name.type
  if (t.size === 0 || t.len !== 1) return
  const elem = n.split(name, '[0]', 0, t.elem!)
  const keep: Value[] = []
  for (const v of n.get(name)) {
    if (v.op !== 'ArrayMake1') keep.push(v)
    else n.add(elem, v.args[0]!)
  }
  if (keep.length === 0) n.delete(name)
  else n.set(name, keep)
  if (elem.type.kind === 'array' || elem.type.kind === 'struct') splitUser(n, elem, slots)
  else slots.push(elem)
}

function splitUser(n: Names, name: LocalSlot, slots: LocalSlot[]): void {
  if (isOpaque(name.type)) return
  if (name.type.kind === 'struct') splitUserStruct(n, name, slots)
  else splitUserArray(n, name, slots)
}

// ---- the passes -------------------------------------------------------------

export function decomposeUser(f: Func): void {
  for (const b of f.blocks) for (const v of [...b.values]) if (v.op === 'Phi') decomposeUserPhi(f, v)
  const n = new Names(f)
  const kept: string[] = []
  const added: LocalSlot[] = []
  for (const key of n.order) {
    const slot = n.slots.get(key)!
    if ((slot.type.kind === 'struct' || slot.type.kind === 'array') && !isOpaque(slot.type)) splitUser(n, slot, added)
    else kept.push(key)
  }
  n.order = [...kept, ...added.map(slotString)]
  n.commit()
}

export function decomposeBuiltin(f: Func, ctx: PassContext): void {
  decomposeUser(f)
  for (const b of f.blocks) {
    for (const v of [...b.values]) {
      if (v.op !== 'Phi') continue
      if (v.type.kind === 'slice') decomposeSlicePhi(f, v)
      else if (v.type.kind === 'string') decomposeStringPhi(f, v)
      else if (v.type.kind === 'interface') decomposeInterfacePhi(f, v)
    }
  }
  applyRewrite(f, decRules(), ctx, { keepDead: true })

  const n = new Names(f)
  const added: LocalSlot[] = []
  const toDelete: [number, number][] = []
  n.order.forEach((key, i) => {
    const slot = n.slots.get(key)!
    let parts: LocalSlot[]
    let make: string
    if (slot.type.kind === 'slice') {
      parts = [n.split(slot, '.ptr', 0, ptrTo(slot.type.elem!)), n.split(slot, '.len', 8, T.int), n.split(slot, '.cap', 16, T.int)]
      make = 'SliceMake'
    } else if (slot.type.kind === 'string') {
      parts = [n.split(slot, '.ptr', 0, ptrTo(T.uint8)), n.split(slot, '.len', 8, T.int)]
      make = 'StringMake'
    } else if (slot.type.kind === 'interface') {
      // gc's SplitInterface: `.type` for an empty interface, `.itab` otherwise, then `.data`.
      parts = [n.split(slot, slot.type.empty ? '.type' : '.itab', 0, T.uintptr), n.split(slot, '.data', 8, ptrTo(T.uint8))]
      make = 'IMake'
    } else return
    for (const p of parts) n.maybeAppend(added, p)
    n.get(slot).forEach((v, j) => {
      if (v.op !== make) return
      v.args.forEach((a, k) => n.add(parts[k]!, a))
      toDelete.push([i, j])
    })
  })
  deleteNamedVals(n, toDelete)
  n.order.push(...added.map(slotString))
  n.commit()
}

/** gc's deleteNamedVals, swap-removals included (they decide the order of names and values). */
function deleteNamedVals(n: Names, toDelete: [number, number][]): void {
  toDelete.sort((a, b) => b[0] - a[0] || b[1] - a[1])
  for (const [i, j] of toDelete) {
    const vals = n.values.get(n.order[i]!)!
    const l = vals.length - 1
    if (l > 0) vals[j] = vals[l]!
    vals.length = l
  }
  let end = n.order.length
  for (let i = n.order.length - 1; i >= 0; i--) {
    const key = n.order[i]!
    const vals = n.values.get(key) ?? []
    let last = vals.length
    for (let j = vals.length - 1; j >= 0; j--) {
      if (vals[j]!.op === 'Invalid') vals[j] = vals[--last]!
    }
    const wasEmpty = vals.length === 0
    vals.length = last
    if (wasEmpty) {
      n.values.delete(key)
      n.order[i] = n.order[--end]!
    }
  }
  n.order.length = end
}
