// Calls: conversions `T(x)`, builtins, and calls of functions, methods,
// closures and func values, with gc's argument-count messages.

import type * as A from '../syntax/ast'
import { assignableTo, assignment, typesSummary } from './assign'
import { builtin, BUILTIN_KINDS } from './builtins'
import type { Checker } from './checker'
import { constantString, makeInt, makeString, representable, toInt } from './constant'
import { expr, exprOrType, rawExpr, unparen, use, type Checked } from './expr'
import { exprString } from './exprstring'
import type { CallInfo, VariadicCall } from './info'
import { invalidOperand, isInvalid, type Operand } from './operand'
import { startPos } from './positions'
import { diagnosticTypeString as ts } from './typestring'
import {
  defaultType, identical, isConstType, isInteger, isNumeric, isUintptr, isString, isTyped, isUnsafePointer, isUntyped, isValid, under, type BasicType, type Signature, type Type,
} from './types'
import { implementsCause } from './iface'
import { updateExprType } from './untyped'
import { encodeRune } from './strings'

/** []byte or []rune, possibly named element types (types2's isBytesOrRunes). */
function isBytesOrRunes(t: Type): boolean {
  if (t.kind !== 'slice') return false
  const e = under(t.elem)
  return e.kind === 'basic' && (e.basic === 'uint8' || e.basic === 'int32')
}

export function callExpr(c: Checker, call: A.Call): Checked {
  const fun = unparen(call.fun)
  const savedCallee = c.calleeSelector
  c.calleeSelector = fun.kind === 'Selector' ? fun : null
  const x = exprOrType(c, call.fun)
  c.calleeSelector = savedCallee
  const fail = (): Checked => ({ x: invalidOperand(call), kind: 'statement' })

  switch (x.mode) {
    case 'invalid':
      use(c, call.args)
      return fail()
    case 'type':
      return conversionCall(c, call, x.type)
    case 'builtin': {
      const r = builtin(c, call, x.builtin!)
      r.expr = call
      if (r.mode !== 'invalid' && r.mode !== 'constant') c.hasCallOrRecv = true
      return { x: r, kind: BUILTIN_KINDS[x.builtin!] ?? 'statement' }
    }
  }

  const u = under(x.type)
  if (u.kind !== 'signature') {
    c.errorOperand(x, `invalid operation: cannot call ${c.str(x)}: ${ts(x.type)} is not a function`)
    use(c, call.args)
    // types2 keeps the callee's type on the failed call; argument-count messages show it.
    return { x: { ...x, mode: 'invalid', expr: call }, kind: 'statement' }
  }
  const sig = u
  const args = argumentList(c, call.args)
  arguments_(c, call, sig, args)
  c.info.calls.set(call, classifyCall(c, call, fun, sig))
  c.hasCallOrRecv = true
  let r: Operand
  if (sig.results.length === 0) r = { mode: 'novalue', type: x.type, expr: call }
  else if (sig.results.length === 1) r = { mode: 'value', type: sig.results[0]!.type, expr: call }
  else r = { mode: 'value', type: { kind: 'tuple', vars: sig.results }, expr: call }
  return { x: r, kind: 'statement' }
}

/** Arguments, with f(g()) spreading g's results. */
export function argumentList(c: Checker, list: A.Expr[]): Operand[] {
  if (list.length === 1) {
    const { x } = rawExpr(c, list[0]!)
    if (x.mode === 'novalue' || x.mode === 'builtin' || x.mode === 'type') {
      c.errorOperand(x, x.mode === 'novalue' ? `${c.str(x)} used as value` : x.mode === 'builtin' ? `${c.str(x)} must be called` : `${c.str(x)} is not an expression`)
      return [{ ...x, mode: 'invalid' }]
    }
    if (x.mode !== 'invalid' && x.type.kind === 'tuple') return x.type.vars.map((v) => ({ mode: 'value', type: v.type, expr: list[0]! }))
    return [x]
  }
  return list.map((e) => expr(c, e))
}

function variadicCall(call: A.Call, sig: Signature): VariadicCall {
  if (!sig.variadic) return { kind: 'none' }
  return call.ellipsis ? { kind: 'spread' } : { kind: 'pack', from: sig.params.length - 1 }
}

function classifyCall(c: Checker, call: A.Call, fun: A.Expr, sig: Signature): CallInfo {
  const variadic = variadicCall(call, sig)
  if (fun.kind === 'Selector') {
    const sel = c.info.selections.get(fun)
    if (sel?.kind === 'methodCall' && sel.method.iface) {
      devirtualizable(c, fun)
      return { kind: 'interface', func: sel.method, signature: sig, variadic }
    }
    if (sel?.kind === 'methodCall') return { kind: 'method', func: sel.method, signature: sig, variadic }
    if (sel?.kind === 'methodExpr') return { kind: 'methodExpr', func: sel.method, expr: fun, signature: sig, variadic }
  }
  if (fun.kind === 'FuncLit') return { kind: 'closure', closure: fun, signature: sig, variadic }
  if (fun.kind === 'Ident') {
    const obj = c.info.uses.get(fun)
    if (obj?.kind === 'func') return { kind: 'direct', func: obj, signature: sig, variadic }
    if (obj?.kind === 'var' && c.staticFuncVars.has(obj)) c.staticFuncCalls.push({ call, v: obj })
  }
  return { kind: 'funcValue', signature: sig, variadic }
}

/**
 * gc devirtualizes (even with -l) an interface call whose receiver's static
 * value is a conversion from a concrete type: a local bound once, or the
 * conversion itself. That rewrite is not modelled: refuse receivers that may have one.
 */
function devirtualizable(c: Checker, sel: A.Selector): void {
  const x = unparen(sel.x)
  const obj = x.kind === 'Ident' ? c.info.uses.get(x) : undefined
  // A type switch's variable has the switch as its definition: never a conversion.
  // Nor has a range variable (its definition is the range statement).
  const local = obj?.kind === 'var' && obj.varKind === 'local' && !c.rangeVars.has(obj) && ![...c.info.typeSwitchVars.values()].includes(obj)
  const conv = x.kind === 'Call' && c.info.calls.get(x)?.kind === 'conversion'
  if (local || conv) c.unsupported(sel.pos, sel.end, 'interface method call on a local variable or a conversion (gc may devirtualize it)')
}

/** Checks argument count and assignability against sig (types2's arguments). */
export function arguments_(c: Checker, call: A.Call, sig: Signature, args: Operand[]): void {
  const nargs = args.length
  let params = sig.params.map((p) => p.type)
  let npars = params.length
  const ddd = call.ellipsis
  if (sig.variadic) {
    if (ddd) {
      if (call.args.length === 1 && nargs > 1) {
        c.errorAt(call, `cannot use ... with ${nargs}-valued ${exprString(call.args[0]!)}`)
        return
      }
    } else if (nargs >= npars - 1) {
      // Spread the variadic parameter into one parameter per argument.
      const last = params[npars - 1]!
      const elem = last.kind === 'slice' ? last.elem : last
      params = [...params.slice(0, npars - 1), ...Array<Type>(nargs - (npars - 1)).fill(elem)]
      npars = nargs
    } else npars--
  } else if (ddd) {
    c.errorAt(call, `cannot use ... in call to non-variadic ${exprString(call.fun)}`)
    return
  }
  if (nargs !== npars) {
    let at: A.Expr = call
    let qualifier = 'not enough'
    if (nargs > npars) {
      at = args[npars]!.expr ?? call
      qualifier = 'too many'
    } else if (nargs > 0) at = args[nargs - 1]!.expr ?? call
    c.errorParts(startPos(at, c.text), at.end, [
      { msg: `${qualifier} arguments in call to ${exprString(call.fun)}` },
      { msg: `have ${typesSummary(args.map((a) => a.type), false, ddd)}` },
      { msg: `want ${typesSummary(sig.params.map((p) => p.type), sig.variadic, false)}` },
    ])
    return
  }
  const context = `argument to ${exprString(call.fun)}`
  args.forEach((a, i) => assignment(c, a, params[i]!, context))
}

// ---------------------------------------------------------------- conversions

function conversionCall(c: Checker, call: A.Call, t: Type): Checked {
  const result = (x: Operand): Checked => ({ x: { ...x, expr: call }, kind: 'conversion' })
  switch (call.args.length) {
    case 0:
      c.errorAt(call, `missing argument in conversion to ${ts(t)}`)
      return result(invalidOperand(call))
    case 1: {
      const x = expr(c, call.args[0]!)
      if (x.mode === 'invalid') return result(x)
      if (call.ellipsis) {
        c.errorAt(call.args[0]!, `invalid use of ... in conversion to ${ts(t)}`)
        return result(invalidOperand(call))
      }
      conversion(c, x, t)
      if (!isInvalid(x)) c.info.calls.set(call, { kind: 'conversion', to: t })
      return result(x)
    }
    default:
      use(c, call.args)
      c.errorAt(call.args[call.args.length - 1]!, `too many arguments in conversion to ${ts(t)}`)
      return result(invalidOperand(call))
  }
}

/** T(x): constant conversions must be exact; otherwise the types must be convertible. */
export function conversion(c: Checker, x: Operand, t: Type): void {
  const constArg = x.mode === 'constant'
  let ok = false
  if (constArg && isConstType(t) && x.val) {
    // Like types2, an integral value converted to an integer type is reported as that integer.
    const asInt = isInteger(t) ? toInt(x.val) : null
    if (asInt !== null) x.val = makeInt(asInt)
    const v = representable(x.val, (under(t) as BasicType).basic)
    if (v) {
      x.val = v
      ok = true
    } else if (isInteger(x.type) && isString(t)) {
      // string(65) is "A"; a value that is no code point gives U+FFFD (types2's constConvertibleTo).
      const i = toInt(x.val)
      x.val = makeString(encodeRune(i !== null && i >= 0n && i <= 0x10ffffn ? Number(i) : 0xfffd))
      ok = true
    } else if (isInteger(x.type) && isInteger(t)) {
      c.errorOperand(x, `constant ${constantString(x.val)} overflows ${ts(t)}`)
      x.mode = 'invalid'
      return
    }
  } else if (convertibleTo(c, x, t)) {
    ok = true
    x.mode = 'value'
  }
  if (!ok) {
    const cause = isValid(x.type) && isTyped(x.type) && under(t).kind === 'interface' ? implementsCause(x.type, t) : null
    c.errorOperand(x, `cannot convert ${c.str(x)} to type ${ts(t)}${cause ? ': ' + cause : ''}`)
    x.mode = 'invalid'
    return
  }
  if (isUntyped(x.type) && x.expr) {
    let final = t
    if (x.mode !== 'nil' && constArg && !isConstType(t)) final = defaultType(x.type)
    else if (constArg && isInteger(x.type) && isString(t)) final = x.type // string(65): the argument stays untyped
    updateExprType(c, x.expr, final, true)
  }
  if (x.mode === 'nil') x.mode = 'value'
  x.type = t
}

function convertibleTo(_c: Checker, x: Operand, t: Type): boolean {
  if (assignableTo(x, t)) return true
  const v = x.type
  const vu = under(v)
  const tu = under(t)
  if (identical(vu, tu)) return true
  if (v.kind === 'pointer' && t.kind === 'pointer' && identical(under(v.elem), under(t.elem))) return true
  if (isNumeric(vu) && isNumeric(tu)) return true
  // package unsafe: pointers and uintptr to unsafe.Pointer and back.
  if ((vu.kind === 'pointer' || isUintptr(vu)) && isUnsafePointer(tu)) return true
  if (isUnsafePointer(vu) && (tu.kind === 'pointer' || isUintptr(tu))) return true
  // string(i), string(bytes), string(runes), []byte(s), []rune(s)
  if ((isInteger(vu) || isBytesOrRunes(vu)) && isString(tu)) return true
  if (isString(vu) && isBytesOrRunes(tu)) return true
  // A slice to an array or a pointer to one, of identical element types (Go 1.20).
  if (vu.kind === 'slice') {
    const arr = tu.kind === 'array' ? tu : tu.kind === 'pointer' && under(tu.elem).kind === 'array' ? under(tu.elem) : null
    if (arr?.kind === 'array' && identical(vu.elem, arr.elem)) return true
  }
  return false
}

