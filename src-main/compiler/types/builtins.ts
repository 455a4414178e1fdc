// The builtins of the subset: append, cap, clear, copy, delete, len, make,
// new, print, println (the map-only parts are in maps.ts). Each records the signature gc instantiates for the call.

import type * as A from '../syntax/ast'
import { assignment } from './assign'
import { arguments_ } from './call'
import { checkClose, makeChanArgs } from './chan'
import type { Checker } from './checker'
import { compare, makeInt } from './constant'
import { matchTypes } from './binary'
import { exprList, exprOrType, use, type ExprKind } from './expr'
import { index } from './indexing'
import { exprAsType } from './typexpr'
import { clearArg, deleteArgs } from './maps'
import { exprString } from './exprstring'
import { newVar, type BuiltinId } from './objects'
import { isUnsafeBuiltin, unsafeBuiltin, unsafeSelfEvaluated } from './unsafe'
import { intrinsicCall } from './intrinsics'
import { isIntrinsicId } from './mathpkgs'
import { invalidOperand, type Operand } from './operand'
import { diagnosticTypeString as ts } from './typestring'
import { anyType, defaultType, identical, isOrdered, isString, isValid, pointerTo, sliceOf, Typ, under, type Signature, type Type } from './types'
import { assignableTo } from './assign'
import { updateExprType } from './untyped'

/** Whether a call of the builtin may stand alone as a statement (types2's predeclaredFuncs). */
export const BUILTIN_KINDS: Record<BuiltinId, ExprKind> = {
  append: 'expression',
  cap: 'expression',
  clear: 'statement',
  close: 'statement',
  copy: 'statement',
  delete: 'statement',
  len: 'expression',
  make: 'expression',
  max: 'expression',
  min: 'expression',
  new: 'expression',
  print: 'statement',
  println: 'statement',
  'unsafe.Sizeof': 'expression',
  'unsafe.Alignof': 'expression',
  'unsafe.Offsetof': 'expression',
  'unsafe.Add': 'expression',
  'unsafe.Slice': 'expression',
  'unsafe.SliceData': 'expression',
  'unsafe.String': 'expression',
  'unsafe.StringData': 'expression',
  panic: 'statement',
  recover: 'statement',
}

const ARITY: Record<BuiltinId, { n: number; variadic: boolean }> = {
  append: { n: 1, variadic: true },
  cap: { n: 1, variadic: false },
  clear: { n: 1, variadic: false },
  close: { n: 1, variadic: false },
  copy: { n: 2, variadic: false },
  delete: { n: 2, variadic: false },
  len: { n: 1, variadic: false },
  make: { n: 1, variadic: true },
  new: { n: 1, variadic: false },
  print: { n: 0, variadic: true },
  println: { n: 0, variadic: true },
  'unsafe.Sizeof': { n: 1, variadic: false },
  'unsafe.Alignof': { n: 1, variadic: false },
  'unsafe.Offsetof': { n: 1, variadic: false },
  'unsafe.Add': { n: 2, variadic: false },
  'unsafe.Slice': { n: 2, variadic: false },
  'unsafe.SliceData': { n: 1, variadic: false },
  'unsafe.String': { n: 2, variadic: false },
  'unsafe.StringData': { n: 1, variadic: false },
  min: { n: 1, variadic: true },
  max: { n: 1, variadic: true },
  panic: { n: 1, variadic: false },
  recover: { n: 0, variadic: false },
}

export function makeSig(result: Type | null, ...params: Type[]): Signature {
  return {
    kind: 'signature',
    recv: null,
    params: params.map((t) => newVar('', -1, 'param', t)),
    results: result ? [newVar('', -1, 'result', result)] : [],
    variadic: false,
  }
}

/** Checks a builtin call; the result's expr is set by the caller. */
export function builtin(c: Checker, call: A.Call, id: BuiltinId): Operand {
  const fail = invalidOperand(call)
  if (isIntrinsicId(id)) return intrinsicCall(c, call, id)
  const record = (sig: Signature) => c.info.calls.set(call, { kind: 'builtin', id, signature: sig })
  if (call.ellipsis && id !== 'append') {
    c.errorAt(call, `invalid operation: invalid use of ... with built-in ${id}`)
    use(c, call.args)
    return fail
  }
  const savedCalls = c.hasCallOrRecv
  if (id === 'len' || id === 'cap') c.hasCallOrRecv = false
  let args: Operand[] = []
  let nargs = call.args.length
  if (id !== 'make' && id !== 'new' && !unsafeSelfEvaluated(id)) {
    args = exprList(c, call.args)
    nargs = args.length
    if (args.some((a) => a.mode === 'invalid')) return restore(fail)
  }
  const { n, variadic } = ARITY[id]
  const msg = nargs < n ? 'not enough' : !variadic && nargs > n ? 'too many' : ''
  if (msg) {
    c.errorAt(call, `invalid operation: ${msg} arguments for ${exprString(call)} (expected ${n}, found ${nargs})`)
    return restore(fail)
  }
  return restore(check())

  function restore(r: Operand): Operand {
    if (id === 'len' || id === 'cap') c.hasCallOrRecv = savedCalls
    return r
  }

  function check(): Operand {
    if (isUnsafeBuiltin(id)) return unsafeBuiltin(c, call, id, args, record)
    if (isIntrinsicId(id)) return fail // checked by intrinsicCall
    const x = args[0]!
    switch (id) {
      case 'append': {
        const u = under(x.type)
        if (u.kind !== 'slice') {
          const have = x.mode === 'nil' ? 'untyped nil' : c.str(x)
          c.errorOperand(x, `invalid append: argument must be a slice; have ${have}`)
          return fail
        }
        const special = appendStringSpecial(c, call, x, args)
        const sig: Signature = special ?? { ...makeSig(x.type, x.type, sliceOf(u.elem)), variadic: true }
        if (!special) arguments_(c, call, sig, args)
        record(sig)
        return { mode: 'value', type: x.type, expr: call }
      }
      case 'len':
      case 'cap': {
        let u = under(x.type)
        if (u.kind === 'pointer' && under(u.elem).kind === 'array') u = under(u.elem)
        if (isString(u) && id === 'len') {
          if (x.mode === 'constant' && x.val?.kind === 'string') return { mode: 'constant', type: Typ.int, val: makeInt(x.val.value.length), expr: call }
          if (x.expr) updateExprType(c, x.expr, defaultType(x.type), true)
        } else if (u.kind === 'array') {
          if (!c.hasCallOrRecv) return { mode: 'constant', type: Typ.int, val: makeInt(u.len), expr: call }
        } else if (u.kind !== 'slice' && u.kind !== 'chan' && !(u.kind === 'map' && id === 'len')) {
          if (isValid(u)) c.errorOperand(x, `invalid argument: ${c.str(x)} for built-in ${id}`)
          return fail
        }
        record(makeSig(Typ.int, x.type))
        return { mode: 'value', type: Typ.int, expr: call }
      }
      case 'copy': {
        const y = args[1]!
        const dst = under(x.type)
        const src = under(y.type)
        if (isString(src) && dst.kind === 'slice' && identical(dst.elem, Typ.byte)) {
          // copy(b, s): the bytes of a string (a constant one becomes a string).
          if (y.expr) updateExprType(c, y.expr, defaultType(y.type), true)
          record(makeSig(Typ.int, x.type, defaultType(y.type)))
          return { mode: 'value', type: Typ.int, expr: call }
        }
        if (dst.kind !== 'slice') {
          c.errorOperand(x, `invalid copy: argument must be a slice; have ${c.str(x)}`)
          return fail
        }
        if (src.kind !== 'slice' && !isString(src)) {
          c.errorOperand(y, `invalid copy: argument must be a slice; have ${c.str(y)}`)
          return fail
        }
        const srcElem = src.kind === 'slice' ? src.elem : Typ.byte // a string reads as its bytes in the message
        if (!identical(dst.elem, srcElem)) {
          c.errorOperand(x, `invalid copy: arguments ${c.str(x)} and ${c.str(y)} have different element types ${ts(dst.elem)} and ${ts(srcElem)}`)
          return fail
        }
        record(makeSig(Typ.int, x.type, y.type))
        return { mode: 'value', type: Typ.int, expr: call }
      }
      case 'make': {
        const arg0 = call.args[0]!
        const t = exprAsType(c, arg0)
        if (!isValid(t)) return fail
        if (under(t).kind === 'map') {
          if (nargs > 2) {
            c.errorAt(call, `invalid operation: ${exprString(call)} expects 1 or 2 arguments; found ${nargs}`)
            use(c, call.args.slice(1))
            return fail
          }
          const types: Type[] = [t]
          if (nargs === 2) types.push(index(c, call.args[1]!, -1).type)
          record(makeSig(t, ...types))
          return { mode: 'value', type: t, expr: call }
        }
        const isChan = under(t).kind === 'chan'
        if (under(t).kind !== 'slice' && !isChan) {
          c.errorAt(arg0, `invalid argument: cannot make ${exprString(arg0)}: type must be slice, map, or channel`)
          use(c, call.args.slice(1))
          return fail
        }
        if (isChan) {
          if (!makeChanArgs(c, call, nargs)) return fail
        } else if (nargs < 2 || nargs > 3) {
          c.errorAt(call, `invalid operation: ${exprString(call)} expects 2 or 3 arguments; found ${nargs}`)
          use(c, call.args.slice(1))
          return fail
        }
        const types: Type[] = [t]
        const sizes: number[] = []
        for (const a of call.args.slice(1)) {
          const r = index(c, a, -1)
          types.push(r.type)
          if (r.val >= 0) sizes.push(r.val)
        }
        if (sizes.length === 2 && sizes[0]! > sizes[1]!) c.errorAt(call.args[1]!, 'invalid argument: length and capacity swapped')
        record(makeSig(t, ...types))
        return { mode: 'value', type: t, expr: call }
      }
      case 'new': {
        const arg = call.args[0]!
        const a = exprOrType(c, arg)
        if (a.mode === 'invalid') return fail
        if (a.mode !== 'type') {
          c.unsupported(arg.pos, arg.end, 'new with a value argument')
          return fail
        }
        const t = pointerTo(a.type)
        record(makeSig(t, a.type))
        return { mode: 'value', type: t, expr: call }
      }
      case 'delete': {
        const params = deleteArgs(c, x, args[1]!)
        if (!params) return fail
        record(makeSig(null, ...params))
        return { mode: 'novalue', type: Typ.invalid, expr: call }
      }
      case 'clear':
        if (!clearArg(c, x)) return fail
        record(makeSig(null, x.type))
        return { mode: 'novalue', type: Typ.invalid, expr: call }
      case 'close': {
        if (!checkClose(c, x)) return fail
        record(makeSig(null, x.type))
        return { mode: 'novalue', type: Typ.invalid, expr: call }
      }
      case 'print':
      case 'println': {
        const params: Type[] = []
        for (const a of args) {
          assignment(c, a, null, `argument to built-in ${id}`)
          if (a.mode === 'invalid') return fail
          params.push(a.type)
        }
        record(makeSig(null, ...params))
        return { mode: 'novalue', type: Typ.invalid, expr: call }
      }
      case 'panic': {
        // The argument goes into an interface{} (gc's OPANIC converts it).
        assignment(c, x, anyType, 'argument to panic')
        if (x.mode === 'invalid') return fail
        record(makeSig(null, anyType))
        return { mode: 'novalue', type: Typ.invalid, expr: call }
      }
      case 'min':
      case 'max':
        return minMax(c, call, id, args, record) ?? fail
      case 'recover':
        record(makeSig(anyType))
        return { mode: 'value', type: anyType, expr: call }
    }
  }
}

/** append(b, s...) with b assignable to []byte and s a string: the signature types2 records, or null. */
function appendStringSpecial(c: Checker, call: A.Call, x: Operand, args: Operand[]): Signature | null {
  if (args.length !== 2 || !call.ellipsis) return null
  const y = args[1]!
  if (!isString(y.type) || !assignableTo(x, sliceOf(Typ.byte))) return null
  if (y.expr) updateExprType(c, y.expr, defaultType(y.type), true)
  return { ...makeSig(x.type, x.type, defaultType(y.type)), variadic: true }
}

/**
 * min(x, …) / max(x, …) (types2's _Min/_Max): ordered operands of one type
 * (untyped ones converted to it), a constant when all are; the result has
 * that type, and every argument is given it.
 */
function minMax(c: Checker, call: A.Call, id: 'min' | 'max', args: Operand[], record: (sig: Signature) => void): Operand | null {
  const x: Operand = { ...args[0]! }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (!isOrdered(a.type)) {
      c.errorOperand(a, `invalid argument: ${c.str(a)} cannot be ordered`)
      return null
    }
    if (i === 0) continue
    matchTypes(c, x, a)
    if (x.mode === 'invalid' || a.mode === 'invalid') return null
    if (!identical(x.type, a.type)) {
      c.errorOperand(a, `invalid argument: mismatched types ${ts(x.type)} (previous argument) and ${ts(a.type)} (type of ${a.expr ? exprString(a.expr) : ''})`)
      return null
    }
    if (x.mode === 'constant' && a.mode === 'constant' && x.val && a.val) {
      if (compare(a.val, id === 'min' ? '<' : '>', x.val)) Object.assign(x, { ...a })
    } else x.mode = 'value'
  }
  if (x.mode !== 'constant') {
    x.mode = 'value'
    // A value must not be untyped.
    assignment(c, x, null, `argument to built-in ${id}`)
    if ((x.mode as Operand['mode']) === 'invalid') return null
  }
  for (const a of args) if (a.expr) updateExprType(c, a.expr, x.type, true)
  record(makeSig(x.type, ...args.map(() => x.type)))
  return { ...x, expr: call }
}
