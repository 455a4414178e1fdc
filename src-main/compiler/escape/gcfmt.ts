// gc's `%v` of IR nodes, as -m and -m=2 print them, computed from our AST and
// the checker's side tables. gc prints the IR after type checking rewrote it,
// so this printer applies the same rewrites on the fly: parentheses are
// dropped and re-added by precedence, constants print as values, method
// calls print as method expressions with the receiver first, implicit `&`,
// `*` and conversions are invisible, embedded fields walked through are
// spelled out, and extra variadic arguments become "... argument".

import type * as A from '../syntax/ast'
import { constantString, type Constant } from '../types/constant'
import type { MethodSelection, TypeInfo } from '../types/info'
import { defaultType, under, type Type } from '../types/types'
import { messageTypeString } from '../types/typestring'
import { concatOperands, isConcat } from './strings'

/** Precedences of gc's ir.OpPrec for the ops we print. */
const PREC_ATOM = 8
const PREC_UNARY = 7
const BINARY_PREC: Record<A.BinaryOp, number> = {
  '*': 6, '/': 6, '%': 6, '<<': 6, '>>': 6, '&': 6, '&^': 6,
  '+': 5, '-': 5, '|': 5, '^': 5,
  '==': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4,
  '&&': 2, '||': 1,
}

export const typeStr = messageTypeString

/** A method's receiver type as an OMETHEXPR prints it: `T` or `(*T)`. */
export function methodExprRecv(t: Type): string {
  const s = typeStr(t)
  return t.kind === 'pointer' ? `(${s})` : s
}

/** gc's printing of a constant of type t. */
export function constantText(c: Constant, t: Type): string {
  if (c.kind === 'int' && t.kind === 'basic' && (t.name === 'rune' || t.basic === 'untyped rune')) {
    const v = c.value
    if (v >= 0n && v <= 0x10ffffn) return quoteRune(Number(v))
  }
  const s = constantString(c)
  const isDefault = t.kind === 'basic' && (t.basic.startsWith('untyped') || defaultType(untypedOf(c)) === t)
  return isDefault ? s : `${typeStr(t)}(${s})`
}

/** A shift count's value as an integer constant (`a << 2.0` shifts by uint(2)). */
function toIntConst(c: Constant): Constant {
  return c.kind === 'float' ? { kind: 'int', value: BigInt(c.value) } : c
}

function untypedOf(c: Constant): Type {
  const basic = c.kind === 'bool' ? 'untyped bool' : c.kind === 'int' ? 'untyped int' : c.kind === 'string' ? 'untyped string' : 'untyped float'
  return { kind: 'basic', basic, name: '' }
}

function quoteRune(r: number): string {
  const special: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 39: "\\'", 92: '\\\\' }
  if (special[r]) return `'${special[r]}'`
  if (r < 0x20 || r === 0x7f) return `'\\x${r.toString(16).padStart(2, '0')}'`
  if (r >= 0xd800 && r <= 0xdfff) return `'\\ufffd'`
  return `'${String.fromCodePoint(r)}'`
}

/** What the escape builder knows that the AST does not: temporaries and rewritten sizes. */
export interface PrintHooks {
  /** The temporaries holding the results of an N:1 call (`a, b := f()`). */
  tupleTemps(call: A.Call): string[] | undefined
  /** A different name gc's IR has for this identifier (a rewritten loop's init assigns temporaries). */
  identName(id: A.Ident): string | undefined
  /** The literal a `make` size (its last argument) was rewritten to (escape's rewriteWithLiterals). */
  makeSize(arg: A.Expr): string | undefined
}

export class GcPrinter {
  /**
   * Whether make sizes print as rewriteWithLiterals left them. It runs once a
   * batch is built: what gc prints while building (an address flowing straight
   * to the heap) still has the original size.
   */
  literalsRewritten = true

  constructor(
    private readonly info: TypeInfo,
    private readonly hooks: PrintHooks,
  ) {}

  expr(e: A.Expr, prec = 0): string {
    while (e.kind === 'Paren') e = e.x
    const tv = this.info.types.get(e)
    if (tv?.value && e.kind !== 'TypeExpr') return this.wrap(constantText(tv.value, tv.type), PREC_ATOM, prec)
    switch (e.kind) {
      case 'Ident':
        return this.hooks.identName(e) ?? e.name
      case 'BasicLit':
        return e.raw
      case 'CompositeLit': {
        // An elided `&T` (`[]*T{{…}}`): the literal's recorded type is *T; gc prints &T{...}.
        const implicit = this.info.implicitAddrLits.has(e)
        const t = this.typeOf(e)
        const lit = `${typeStr(implicit && t.kind === 'pointer' ? t.elem : implicit ? (under(t) as { elem: Type }).elem : t)}{${e.elts.length > 0 ? '...' : ''}}`
        return implicit ? this.wrap(`&${lit}`, 0, prec) : lit
      }
      case 'FuncLit':
        return this.wrap('func literal', 0, prec)
      case 'Selector':
        return this.selector(e, prec)
      case 'Index':
        return this.wrap(`${this.expr(e.x, PREC_ATOM)}[${this.expr(e.index)}]`, PREC_ATOM, prec)
      case 'Slice': {
        let s = `${this.expr(e.x, PREC_ATOM)}[${e.low ? this.expr(e.low) : ''}:${e.high ? this.expr(e.high) : ''}`
        if (e.max) s += `:${this.expr(e.max)}`
        return this.wrap(s + ']', PREC_ATOM, prec)
      }
      case 'Star':
        return this.wrap(`*${this.expr(e.x, PREC_UNARY + 1)}`, PREC_UNARY, prec)
      case 'Unary': {
        const x = stripParens(e.x)
        if (e.op === '&' && x.kind === 'CompositeLit') return this.wrap(`&${this.expr(x)}`, 0, prec)
        const space = x.kind === 'Unary' && x.op === e.op && !this.info.types.get(x)?.value ? ' ' : ''
        return this.wrap(`${e.op}${space}${this.expr(e.x, PREC_UNARY + 1)}`, PREC_UNARY, prec)
      }
      case 'Binary': {
        // A string concatenation is one flattened OADDSTR node.
        if (isConcat(this.info, e)) return this.wrap(concatOperands(this.info, e as A.Binary).map((x) => this.expr(x, 5)).join(' + '), 5, prec)
        const p = BINARY_PREC[e.op]
        const y = stripParens(e.y)
        const count = (e.op === '<<' || e.op === '>>') && this.info.shiftCounts.get(y)
        const yv = count ? this.info.types.get(y)?.value : undefined
        const ys = count && yv ? constantText(toIntConst(yv), count) : this.expr(e.y, p + 1)
        return this.wrap(`${this.expr(e.x, p)} ${e.op} ${ys}`, p, prec)
      }
      case 'Call':
        return this.call(e, prec)
      case 'TypeExpr': {
        const t = this.info.typeExprs.get(e.type)
        const s = t ? typeStr(t) : '?'
        return this.wrap(s, t?.kind === 'pointer' ? PREC_UNARY : PREC_ATOM, prec)
      }
      case 'KeyValue':
        return `${this.expr(e.key)}:${this.expr(e.value)}`
      case 'TypeAssert': {
        const t = this.info.typeExprs.get(e.type)
        return this.wrap(`${this.expr(e.x, PREC_ATOM)}.(${t ? typeStr(t) : '?'})`, PREC_ATOM, prec)
      }
      case 'BadExpr':
        return '<bad>'
    }
  }

  /** A comma-separated list, gc's `%.v` of a node list. */
  list(es: readonly (A.Expr | string)[]): string {
    return es.map((e) => (typeof e === 'string' ? e : this.expr(e))).join(', ')
  }

  typeOf(e: A.Expr): Type {
    const tv = this.info.types.get(e)
    if (!tv) throw new Error(`escape: expression without a type at offset ${e.pos}`)
    return tv.type
  }

  private wrap(s: string, own: number, prec: number): string {
    return prec > own ? `(${s})` : s
  }

  private selector(e: A.Selector, prec: number): string {
    const sel = this.info.selections.get(e)
    if (!sel) return this.wrap(`${this.expr(e.x, PREC_ATOM)}.${e.sel.name}`, PREC_ATOM, prec)
    if (sel.kind === 'methodExpr') return this.wrap(`${methodExprRecv(sel.recv)}.${e.sel.name}`, PREC_ATOM, prec)
    const steps = sel.path.map((s) => `.${s.field.name}`).join('')
    const last = sel.kind === 'field' ? '' : `.${e.sel.name}`
    return this.wrap(`${this.expr(e.x, PREC_ATOM)}${steps}${last}`, PREC_ATOM, prec)
  }

  /** The receiver of a method call or method value, as gc passes it (embedded fields spelled out). */
  receiver(sel: Extract<A.Expr, { kind: 'Selector' }>): string {
    const s = this.info.selections.get(sel) as MethodSelection
    const steps = s.path.map((p) => `.${p.field.name}`).join('')
    return steps ? `${this.expr(sel.x, PREC_ATOM)}${steps}` : this.expr(sel.x)
  }

  private call(e: A.Call, prec: number): string {
    const ci = this.info.calls.get(e)
    const fun = stripParens(e.fun)
    const dots = e.ellipsis ? '...' : ''
    if (!ci) return this.wrap(`${this.expr(fun, PREC_ATOM)}(${this.list(e.args)}${dots})`, PREC_ATOM, prec)
    switch (ci.kind) {
      case 'conversion': {
        const to = typeStr(ci.to)
        const head = ci.to.kind === 'named' || ci.to.kind === 'basic' || ci.to.kind === 'interface' ? to : `(${to})`
        return this.wrap(`${head}(${this.expr(e.args[0]!)})`, PREC_ATOM, prec)
      }
      case 'builtin': {
        if (ci.id === 'make') {
          const last = e.args.length - 1
          // rewriteWithLiterals rewrites the sizes of slice makes only, not of maps or channels.
          const mt = this.info.types.get(e)?.type
          const rewritten = this.literalsRewritten && mt !== undefined && under(mt).kind === 'slice'
          const args = e.args.map((a, i) => (i > 0 && i === last && rewritten ? (this.hooks.makeSize(a) ?? this.expr(a)) : this.expr(a)))
          return this.wrap(`make(${args.join(', ')})`, PREC_ATOM, prec)
        }
        // gc's formatter has no syntax for OUNSAFESLICEDATA, OUNSAFESTRING and OUNSAFESTRINGDATA.
        if (ci.id === 'unsafe.SliceData' || ci.id === 'unsafe.String' || ci.id === 'unsafe.StringData') return `<node ${ci.id}>`
        return this.wrap(`${ci.id}(${this.list(e.args)}${dots})`, PREC_ATOM, prec)
      }
      case 'method': {
        const sel = fun as A.Selector
        const s = this.info.selections.get(sel) as MethodSelection
        const recvType = ci.func.type.recv!.type
        const args = [this.receiver(sel), ...this.callArgs(e, ci.variadic)]
        const ddd = e.ellipsis || ci.variadic.kind === 'pack' ? '...' : ''
        return this.wrap(`${methodExprRecv(recvType)}.${s.method.name}(${args.join(', ')}${ddd})`, PREC_ATOM, prec)
      }
      case 'interface': {
        const sel = fun as A.Selector
        const ddd = e.ellipsis || ci.variadic.kind === 'pack' ? '...' : ''
        return this.wrap(`${this.expr(sel.x, PREC_ATOM)}.${sel.sel.name}(${this.callArgs(e, ci.variadic).join(', ')}${ddd})`, PREC_ATOM, prec)
      }
      default: {
        // FixVariadicCall marks a packed call as f(…...) too.
        const ddd = e.ellipsis || ci.variadic.kind === 'pack' ? '...' : ''
        return this.wrap(`${this.expr(fun, PREC_ATOM)}(${this.callArgs(e, ci.variadic).join(', ')}${ddd})`, PREC_ATOM, prec)
      }
    }
  }

  /** Arguments after typecheck.FixVariadicCall: extra variadic arguments are packed into one implicit slice literal. */
  callArgs(e: A.Call, variadic: { kind: string; from?: number }): string[] {
    const inner = stripParens(e.args[0] ?? e)
    const temps = e.args.length === 1 && inner.kind === 'Call' ? this.hooks.tupleTemps(inner) : undefined
    const args = temps ? this.tupleValues(temps, inner as A.Call) : e.args.map((a) => this.expr(a))
    if (variadic.kind !== 'pack') return args
    const from = variadic.from!
    const packed = args.length > from ? '... argument' : 'nil'
    return [...args.slice(0, from), packed]
  }

  // ------------------------------------------------------------ statements

  assign(s: A.Assign): string {
    const lhs = s.lhs.map((x) => this.expr(x)).join(', ')
    const temps = s.rhs.length === 1 && s.lhs.length > 1 && s.rhs[0]!.kind === 'Call' ? this.hooks.tupleTemps(s.rhs[0] as A.Call) : undefined
    if (temps) {
      // deadlocals drops a blank's copy of a bare temporary (a conversion counts as an effect) when some other
      // element is named: gc then prints its `_ = 0`.
      const named = s.lhs.some((l) => !(l.kind === 'Ident' && l.name === '_'))
      const values = this.tupleValues(temps, s.rhs[0] as A.Call).map((v, i) => (named && s.lhs[i]?.kind === 'Ident' && (s.lhs[i] as A.Ident).name === '_' && bareTemp(v) ? '0' : v))
      return `${lhs} ${s.op} ${values.join(', ')}`
    }
    return `${lhs} ${s.op} ${s.rhs.map((x) => this.expr(x)).join(', ')}`
  }

  /** `var a, b = x, y` prints like `a, b := x, y`; `var x T` has no note. */
  varSpec(names: string[], values: readonly A.Expr[]): string {
    return `${names.join(', ')} := ${values.map((v) => this.expr(v)).join(', ')}`
  }

  varSpecTuple(names: string[], temps: string[], call: A.Call): string {
    const named = names.some((n) => n !== '_')
    return `${names.join(', ')} := ${this.tupleValues(temps, call).map((v, i) => (named && names[i] === '_' && bareTemp(v) ? '0' : v)).join(', ')}`
  }

  /** gc's %v of a type switch clause: `case T1, T2: body` (statements joined by `; `). */
  typeSwitchCase(cc: A.CaseClause): string {
    const head = cc.list === null ? 'default' : `case ${cc.list.map((t) => (t.kind === 'Ident' ? 'nil' : this.expr(t))).join(', ')}`
    return `${head}: ${cc.body.map((s) => this.simpleStmt(s)).join('; ')}`
  }

  private simpleStmt(s: A.Stmt): string {
    switch (s.kind) {
      case 'Return':
        return this.return(s.results)
      case 'Assign':
        return this.assign(s)
      case 'IncDec':
        return this.incDec(s)
      case 'ExprStmt':
        return this.expr(s.x)
      default:
        return '...'
    }
  }

  incDec(s: A.IncDec): string {
    return `${this.expr(s.x)}${s.inc ? '++' : '--'}`
  }

  return(results: readonly A.Expr[]): string {
    const r0 = results.length === 1 ? stripParens(results[0]!) : null
    if (r0?.kind === 'Call') {
      const temps = this.hooks.tupleTemps(r0)
      if (temps) return `return ${this.tupleValues(temps, r0).join(', ')}`
    }
    return `return ${this.list(results)}`
  }

  /**
   * The temporaries as the rest of the statement reads them. The first one
   * carries the OAS2FUNC as its init, and a name cannot have one: gc wraps it
   * in an explicit no-op conversion, which prints (ir.InitExpr).
   */
  tupleValues(temps: string[], call: A.Call): string[] {
    const tuple = this.typeOf(call)
    return temps.map((t, i) => (i === 0 && tuple.kind === 'tuple' ? convText(tuple.vars[0]!.type, t) : t))
  }
}

export function convText(t: Type, x: string): string {
  const s = typeStr(t)
  return t.kind === 'named' || t.kind === 'basic' || s === 'any' ? `${s}(${x})` : `(${s})(${x})`
}

export function stripParens(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}

export function isBlank(e: A.Expr): boolean {
  e = stripParens(e)
  return e.kind === 'Ident' && e.name === '_'
}

/** A tuple element printed as a bare temporary (no conversion): deadlocals' hasEffects is false for it. */
function bareTemp(v: string): boolean {
  return /^\.autotmp_\d+$/.test(v)
}
