// How gc's walk gets the data word of a conversion of a concrete value to an
// interface (walk/convert.go dataWord), after the two rewrites before it:
// escape analysis's rewriteWithLiterals (a local bound once to a constant is
// replaced by that constant) and order's addrTemp (a constant, or a static
// array/struct literal — also the one a local bound once holds — becomes
// read-only static data `.stmp_N`; a zero one of at most 1024 bytes
// runtime.zeroVal; an SSA-able local or any other non-addressable value a
// copy). One decision, read by the `-d=escapedebug` lines and by SSA
// construction, so the two cannot disagree.

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { under, type Type } from '../types/types'
import { sizeof } from '../types/sizes'
import { canSSA, fromGo } from '../ssa/types'
import { isDirectIface } from '../escape/iface'
import { rewrittenConstant, staticValue, type StaticEnv } from '../escape/static'
import { isStaticComposite } from '../ssagen/complit'

/** runtime's ZeroValSize: a zero literal up to this size is runtime.zeroVal. */
const ZERO_VAL_SIZE = 1024
/** dataWord's limit for a stack temporary. */
const MAX_STACK_TEMP = 1024

/** What walk takes the data word from (dataWord's cases, in its order). */
export type DataWordKind =
  /** Pointer-shaped: the value itself. */
  | 'direct'
  /** Zero-sized: &runtime.zerobase. */
  | 'zero-sized'
  /** A bool or single-byte integer: &runtime.staticuint64s[x*8]. */
  | 'single-byte'
  /** A zero array/struct literal: &runtime.zeroVal. */
  | 'zero value'
  /** Read-only static data `.stmp_N` made by order. */
  | 'global'
  /** Does not escape: a stack temporary holding the value. */
  | 'stack'
  /** runtime.convT16/32/64/string/slice/T/Tnoptr. */
  | 'runtime'

/** What n is when walk's dataWord sees it (what the line prints). */
export type DataOperand =
  | { kind: 'stmp' }
  | { kind: 'zeroVal' }
  /** The operand itself, a variable: printed by name at its declaration. */
  | { kind: 'var'; v: Var }
  /** The operand itself, an expression. */
  | { kind: 'expr'; e: A.Expr }
  /** order's copy into a temporary (`.autotmp_N`). */
  | { kind: 'copy' }

export interface DataWord {
  kind: DataWordKind
  /** order made read-only static data `.stmp_N` for the operand (numbered per package in walk order). */
  stmp: boolean
  operand: DataOperand
  /** The constant escape's rewriteWithLiterals put in place of the operand (a local bound once to it). */
  constant: A.Expr | null
}

export interface ConvertEnv extends StaticEnv {
  /** The conversion (escape's allocation site: x when implicit, the call when written) escapes. */
  escapes(conv: A.Expr): boolean
}

const unparen = (e: A.Expr): A.Expr => {
  while (e.kind === 'Paren') e = e.x
  return e
}

/** gc's dataWordFuncName's needsaddr: the runtime conversion takes the value's address. */
export function needsAddr(t: Type): boolean {
  const st = fromGo(t)
  if (st.size === 2 && st.align === 2) return false
  if ((st.size === 4 && st.align === 4) || (st.size === 8 && st.align === 8)) if (!st.hasPointers) return false
  const sc = soleComponent(t)
  if (sc && (sc.kind === 'slice' || (sc.kind === 'basic' && (sc.basic === 'string' || sc.basic === 'untyped string')))) return false
  return true
}

/** gc's Type.SoleComponent (underlying): the one non-blank leaf of nested one-field structs and one-element arrays. */
function soleComponent(t: Type): Type | null {
  let u = under(t)
  for (let guard = 0; guard < 100; guard++) {
    if (u.kind === 'struct') {
      if (u.fields.length !== 1) return null
      u = under(u.fields[0]!.type)
    } else if (u.kind === 'array') {
      if (u.len !== 1) return null
      u = under(u.elem)
    } else return u
  }
  return null
}

/** ir.IsZero of a constant literal tree. */
function isZeroLit(info: TypeInfo, e: A.Expr): boolean {
  const x = unparen(e)
  const c = info.types.get(x)?.value
  if (c) return c.kind === 'int' || c.kind === 'float' ? Number(c.value) === 0 : c.kind === 'string' ? c.value === '' : c.kind === 'bool' ? !c.value : false
  if (x.kind === 'Ident' && info.uses.get(x)?.kind === 'nil') return true
  if (x.kind !== 'CompositeLit') return false
  return x.elts.every((el) => isZeroLit(info, el.kind === 'KeyValue' ? el.value : el))
}

/** An addressable expression (ir.IsAddressable): a variable, a field of one, an element of an array variable, a dereference. */
function addressable(info: TypeInfo, e: A.Expr): boolean {
  const x = unparen(e)
  switch (x.kind) {
    case 'Ident':
      return info.uses.get(x)?.kind === 'var'
    case 'Star':
      return true
    case 'Selector': {
      const s = info.selections.get(x)
      if (s?.kind !== 'field') return false
      return s.path.some((p) => p.deref) || addressable(info, x.x)
    }
    case 'Index': {
      const t = info.types.get(unparen(x.x))?.type
      const u = t && t.kind !== 'tuple' ? under(t) : undefined
      return u?.kind === 'slice' || u?.kind === 'pointer' || (u?.kind === 'array' && addressable(info, x.x))
    }
    default:
      return false
  }
}

/** The variable an addressable expression is part of (ir.OuterValue through fields and array elements). */
function outerVar(info: TypeInfo, e: A.Expr): Var | null {
  let x = unparen(e)
  for (;;) {
    const s = x.kind === 'Selector' ? info.selections.get(x) : undefined
    const t = x.kind === 'Index' ? info.types.get(unparen(x.x))?.type : undefined
    if (x.kind === 'Selector' && s?.kind === 'field' && !s.path.some((p) => p.deref)) x = unparen(x.x)
    else if (x.kind === 'Index' && t && t.kind !== 'tuple' && under(t).kind === 'array') x = unparen(x.x)
    else break
  }
  const v = x.kind === 'Ident' ? info.uses.get(x) : undefined
  return v?.kind === 'var' ? v : null
}

/**
 * The data word of converting x (of concrete type `from`) to an interface;
 * `conv` is the conversion as escape analysis knows it (x when implicit, the
 * call when written).
 */
export function dataWord(env: ConvertEnv, conv: A.Expr, x: A.Expr): DataWord {
  const info = env.info
  const from = info.types.get(unparen(x))!.type
  if (isDirectIface(from)) return { kind: 'direct', stmp: false, operand: { kind: 'expr', e: x }, constant: null }
  const constant = rewrittenConstant(env, x)
  const isConst = constant !== null || info.types.get(unparen(x))?.value !== undefined
  let stmp = false
  let zeroVal = false
  let operand: DataOperand = { kind: 'expr', e: x }
  // order: a constant or a static literal always goes to static data; anything else only when the runtime call takes an address.
  if (isConst || needsAddr(from) || isStaticCompositeLit(info, x)) {
    const v = isConst ? null : staticValue(env, x)
    if (isConst) stmp = true
    else if (v && v.kind === 'CompositeLit' && under(info.types.get(v)!.type as Type).kind !== 'slice' && !info.implicitAddrLits.has(v)) {
      const size = sizeof(from)
      if (isZeroLit(info, v) && size > 0 && size <= ZERO_VAL_SIZE) zeroVal = true
      else if (isStaticComposite(info, v)) stmp = true
    }
    if (stmp) operand = { kind: 'stmp' }
    else if (zeroVal) operand = { kind: 'zeroVal' }
    else if (addressable(info, x)) {
      const ov = outerVar(info, x)
      const local = ov !== null && ov.varKind === 'local' && !ov.addrTaken && !env.byRef.has(ov) && canSSA(fromGo(ov.type))
      if (local) operand = { kind: 'copy' }
    } else operand = { kind: 'copy' }
  }
  if (operand.kind === 'expr') {
    const u = unparen(x)
    const v = u.kind === 'Ident' ? info.uses.get(u) : undefined
    if (v?.kind === 'var') operand = { kind: 'var', v }
  }
  const st = fromGo(from)
  const sc = soleComponent(from)
  const scBasic = sc?.kind === 'basic' ? sc.basic : ''
  const isBool = scBasic === 'bool'
  const isInt = /^(u?int(8|16|32|64)?|uintptr)$/.test(scBasic)
  let kind: DataWordKind
  if (st.size === 0) kind = 'zero-sized'
  else if (isBool || (st.size === 1 && isInt)) kind = 'single-byte'
  else if (zeroVal) kind = 'zero value'
  else if (stmp) kind = 'global'
  else if (!env.escapes(conv) && st.size <= MAX_STACK_TEMP) kind = 'stack'
  else kind = 'runtime'
  return { kind, stmp, operand, constant }
}

/** isStaticCompositeLiteral of the operand itself (a literal; names are handled through their static value). */
function isStaticCompositeLit(info: TypeInfo, x: A.Expr): boolean {
  const u = unparen(x)
  return u.kind === 'CompositeLit' && isStaticComposite(info, u)
}
