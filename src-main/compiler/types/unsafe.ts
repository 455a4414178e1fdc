// Package unsafe: the type Pointer and the functions types2 checks itself
// (Sizeof, Alignof, Offsetof are constants on the subset's types; Add, Slice,
// SliceData, String and StringData are calls gc's walk lowers), with types2's messages.

import type * as A from '../syntax/ast'
import { assignment } from './assign'
import { makeSig } from './builtins'
import type { Checker } from './checker'
import { makeInt } from './constant'
import { expr, unparen, use } from './expr'
import { exprString } from './exprstring'
import { isValidIndex } from './indexing'
import { lookupFieldOrMethod } from './lookup'
import { Scope, type BuiltinId, type BuiltinObj, type UnsafeBuiltinId } from './objects'
import { invalidOperand, type Operand } from './operand'
import { alignof, fieldOffsets, sizeof } from './sizes'
import { diagnosticTypeString as ts } from './typestring'
import { pointerTo, sliceOf, Typ, under, type Signature, type Type } from './types'

const FUNCTIONS: UnsafeBuiltinId[] = ['unsafe.Sizeof', 'unsafe.Alignof', 'unsafe.Offsetof', 'unsafe.Add', 'unsafe.Slice', 'unsafe.SliceData', 'unsafe.String', 'unsafe.StringData']

/** The exported names of package unsafe. */
export const unsafePackage: Scope = (() => {
  const s = new Scope(null)
  s.insert({ kind: 'typename', name: 'Pointer', pos: -1, type: Typ.unsafePointer, alias: false })
  for (const id of FUNCTIONS) {
    s.insert({ kind: 'builtin', name: id.slice('unsafe.'.length), pos: -1, id } satisfies BuiltinObj)
  }
  return s
})()

export const isUnsafeBuiltin = (id: BuiltinId): id is UnsafeBuiltinId => id.startsWith('unsafe.')

/** Whether the function's argument is checked by the function itself (Offsetof needs the selector unevaluated). */
export const unsafeSelfEvaluated = (id: string): boolean => id === 'unsafe.Offsetof'

/**
 * Checks a call of one of unsafe's functions; args are the evaluated
 * arguments (none for Offsetof). `record` keeps the signature gc instantiates.
 */
export function unsafeBuiltin(c: Checker, call: A.Call, id: UnsafeBuiltinId, args: Operand[], record: (sig: Signature) => void): Operand {
  const fail = invalidOperand(call)
  const x = args[0]!
  switch (id) {
    case 'unsafe.Sizeof':
    case 'unsafe.Alignof': {
      assignment(c, x, null, `argument to ${id}`)
      if (x.mode === 'invalid') return fail
      const n = id === 'unsafe.Sizeof' ? sizeof(x.type) : alignof(x.type)
      return { mode: 'constant', type: Typ.uintptr, val: makeInt(n), expr: call }
    }
    case 'unsafe.Offsetof':
      return offsetof(c, call)
    case 'unsafe.Add': {
      assignment(c, x, Typ.unsafePointer, 'argument to unsafe.Add')
      if (x.mode === 'invalid') return fail
      const y = args[1]!
      if (!isValidIndex(c, y, 'length', true)) return fail
      record(makeSig(Typ.unsafePointer, Typ.unsafePointer, y.type))
      return { mode: 'value', type: Typ.unsafePointer, expr: call }
    }
    case 'unsafe.Slice': {
      const u = under(x.type)
      if (u.kind !== 'pointer') {
        c.errorOperand(x, `invalid argument: ${c.str(x)} is not a pointer`)
        return fail
      }
      const y = args[1]!
      if (!isValidIndex(c, y, 'length', false)) return fail
      const t = sliceOf(u.elem)
      record(makeSig(t, u, y.type))
      return { mode: 'value', type: t, expr: call }
    }
    case 'unsafe.SliceData': {
      const u = under(x.type)
      if (u.kind !== 'slice') {
        c.errorOperand(x, `invalid argument: ${c.str(x)} is not a slice`)
        return fail
      }
      const t = pointerTo(u.elem)
      record(makeSig(t, u))
      return { mode: 'value', type: t, expr: call }
    }
    case 'unsafe.String': {
      const bytePtr = pointerTo(Typ.byte)
      assignment(c, x, bytePtr, 'argument to unsafe.String')
      if (x.mode === 'invalid') return fail
      const y = args[1]!
      if (!isValidIndex(c, y, 'length', false)) return fail
      record(makeSig(Typ.string, bytePtr, y.type))
      return { mode: 'value', type: Typ.string, expr: call }
    }
    case 'unsafe.StringData': {
      assignment(c, x, Typ.string, 'argument to unsafe.StringData')
      if (x.mode === 'invalid') return fail
      const t = pointerTo(Typ.byte)
      record(makeSig(t, Typ.string))
      return { mode: 'value', type: t, expr: call }
    }
  }
}

/** unsafe.Offsetof(x.f): the offset of f within x's struct, through embedded fields held by value. */
function offsetof(c: Checker, call: A.Call): Operand {
  const fail = invalidOperand(call)
  const arg0 = call.args[0]!
  const selx = unparen(arg0)
  if (selx.kind !== 'Selector') {
    c.errorAt(arg0, `invalid argument: ${exprString(arg0)} is not a selector expression`)
    use(c, [arg0])
    return fail
  }
  const x = expr(c, selx.x)
  if (x.mode === 'invalid') return fail
  const xu = under(x.type)
  const base = xu.kind === 'pointer' && under(xu.elem).kind === 'struct' ? xu.elem : x.type
  const sel = selx.sel.name
  const r = lookupFieldOrMethod(base, false, sel)
  if (r.kind === 'method' || r.kind === 'needsPointer') {
    c.errorAt(arg0, `invalid argument: ${exprString(arg0)} is a method value`)
    return fail
  }
  if (r.kind !== 'field') {
    c.errorOperand(x, `invalid argument: ${ts(base)} has no single field ${sel}`)
    return fail
  }
  if (r.indirect) {
    c.errorOperand(x, `invalid argument: field ${sel} is embedded via a pointer in ${ts(base)}`)
    return fail
  }
  c.info.selections.set(selx, { kind: 'field', path: r.path, field: r.field })
  c.recordUse(selx.sel, r.field)
  c.recordTypeAndValue(selx, x.mode === 'variable' ? 'variable' : 'value', r.field.type)
  let offset = 0
  let t: Type = base
  for (const step of r.path) {
    offset += fieldOffsets(t)[step.index]!
    t = step.field.type
  }
  return { mode: 'constant', type: Typ.uintptr, val: makeInt(offset), expr: call }
}
