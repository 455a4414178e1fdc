// print and println as walk lowers them (walkPrint): every argument that is
// not cheap is evaluated into a temporary before printlock; println's
// separators and newline are constant strings, and runs of constant strings
// are joined, so `println("x =", x)` prints "x = " with one printstring; a
// lone " " or "\n" is printsp/printnl. Each argument then goes to the runtime
// function for its kind, converted to that function's parameter type.

import type * as A from '../syntax/ast'
import type { Value } from '../ssa/func'
import { T, type SsaType } from '../ssa/types'
import { Unsupported, unparen, type FnBuilder } from './fn'
import { constString } from './strings'

/** One argument after println's expansion: a constant string, or an expression (hoisted or not). */
type PrintArg = { str: string; at: A.Expr } | { expr: A.Expr; hoisted: (() => Value) | null }

export function printArgs(s: FnBuilder, e: A.Call, ln: boolean): void {
  const info = s.cx.info
  const constStr = (a: A.Expr): string | undefined => {
    const c = info.types.get(unparen(a))?.value
    return c?.kind === 'string' ? c.value : undefined
  }
  // Cheap: a name, a constant, or a call order already copied into a temporary.
  const cheap = (a: A.Expr): boolean => a.kind === 'Ident' || info.types.get(a)?.value !== undefined || (a.kind === 'Call' && s.hoistedCalls.has(a))
  // order's work first: an && or || becomes its temporary (a name, read where printed).
  const andor = e.args.map((a) => {
    const u = unparen(a)
    return u.kind === 'Binary' && (u.op === '&&' || u.op === '||') && info.types.get(u)?.value === undefined ? s.andorTemp(u) : null
  })
  const hoisted = e.args.map((a, i): (() => Value) | null => {
    const tmp = andor[i]
    if (tmp) return () => s.readVar(tmp)
    if (cheap(unparen(a))) return null
    s.reserveTemp() // walkExprListCheap's copy
    const v = s.expr(unparen(a))
    return () => v
  })

  const args: PrintArg[] = []
  const push = (p: PrintArg): void => {
    const last = args[args.length - 1]
    if ('str' in p && last && 'str' in last) args[args.length - 1] = { str: last.str + p.str, at: last.at }
    else args.push(p)
  }
  e.args.forEach((a, i) => {
    if (ln && i > 0) push({ str: ' ', at: a })
    const c = constStr(a)
    push(c !== undefined ? { str: c, at: a } : { expr: a, hoisted: hoisted[i]! })
  })
  if (ln) push({ str: '\n', at: e })

  s.mkcall('printlock', [], [])
  for (const p of args) {
    if ('str' in p) printConstString(s, p.str, p.at)
    else printValue(s, p.hoisted ? p.hoisted() : s.expr(unparen(p.expr)), p.expr)
  }
  s.mkcall('printunlock', [], [])
}

function printConstString(s: FnBuilder, str: string, at: A.Expr): void {
  if (str === ' ') s.mkcall('printsp', [], [])
  else if (str === '\n') s.mkcall('printnl', [], [])
  else s.mkcall('printstring', [], [constString(s, T.string, str, at)])
}

function printValue(s: FnBuilder, v: Value, a: A.Expr): void {
  const t = v.type
  // typecheck.Conv to the runtime function's parameter type: nothing when the
  // types are identical, else a conversion (a Copy between types of one size).
  const call = (fn: string, param: SsaType = t): void => {
    const arg = param === t ? v : param.size === t.size ? s.v('Copy', param, [v]) : s.convert(v, t, param, a)
    s.mkcall(fn, [], [arg])
  }
  switch (t.kind) {
    case 'int':
      return call('printint', T.int64)
    case 'uint': // uintptr too: printuintptr is only for pointers to not-in-heap types
      return call('printuint', T.uint64)
    case 'float':
      return t.size < 8 ? call('printfloat32', T.float32) : call('printfloat64', T.float64)
    case 'bool':
      return call('printbool', T.bool)
    case 'string':
      return call('printstring', T.string)
    // The rest take `any` instantiated with the argument's own type.
    case 'interface':
      return call(t.empty ? 'printeface' : 'printiface')
    case 'ptr':
    case 'func':
    case 'unsafeptr':
      return call('printpointer')
    case 'slice':
      return call('printslice')
    default:
      throw new Unsupported(a.pos, `printing a ${t.str}`)
  }
}
