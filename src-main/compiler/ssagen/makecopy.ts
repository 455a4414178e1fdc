// `m = make([]T, n); copy(m, s)` as gc 1.26's order and walk rewrite it
// (orderMakeSliceCopy, walkMakeSliceCopy): when the two statements follow
// each other in a block, m and s are distinct variables, the make has no
// capacity and escapes, the copy disappears and the make becomes
//   runtime.makeslicecopy(type, n, len(s), s.ptr)
// or, when n is len(s) and T holds no pointers, an uninitialised
// runtime.mallocgc(n*size, nil, false) and a runtime.memmove.

import type * as A from '../syntax/ast'
import type { Value } from '../ssa/func'
import { bytePtr, fromGo, ptrTo, results, T, type SsaType } from '../ssa/types'
import { argWidth } from './builder'
import { unparen, type FnBuilder } from './fn'

export interface MakeCopy {
  /** The copy's source: a variable. */
  from: A.Ident
  /** n is len(from): gc's bounded form. */
  bounded: boolean
}

/** The make call of s0 when s0 and s1 are gc's make+copy pair, with what it copies. */
export function makeCopyPair(b: FnBuilder, s0: A.Stmt, s1: A.Stmt): { make: A.Call; copy: MakeCopy } | null {
  const info = b.cx.info
  let lhs: A.Expr | undefined
  let rhs: A.Expr | undefined
  if (s0.kind === 'Assign' && (s0.op === '=' || s0.op === ':=') && s0.lhs.length === 1 && s0.rhs.length === 1) [lhs, rhs] = [s0.lhs[0], s0.rhs[0]]
  else if (s0.kind === 'DeclStmt' && s0.decl.kind === 'VarDecl' && s0.decl.specs.length === 1) {
    const spec = s0.decl.specs[0]!
    if (spec.names.length === 1 && spec.values.length === 1) [lhs, rhs] = [spec.names[0], spec.values[0]]
  }
  if (!lhs || !rhs || lhs.kind !== 'Ident' || lhs.name === '_') return null
  const mk = unparen(rhs)
  const mi = mk.kind === 'Call' ? info.calls.get(mk) : undefined
  if (mk.kind !== 'Call' || mi?.kind !== 'builtin' || mi.id !== 'make' || mk.args.length !== 2) return null
  if (s1.kind !== 'ExprStmt') return null
  const cp = unparen(s1.x)
  const ci = cp.kind === 'Call' ? info.calls.get(cp) : undefined
  if (cp.kind !== 'Call' || ci?.kind !== 'builtin' || ci.id !== 'copy') return null
  const [to, from] = cp.args.map((a) => unparen(a))
  if (to?.kind !== 'Ident' || from?.kind !== 'Ident') return null
  const m = info.uses.get(lhs) ?? info.defs.get(lhs)
  const t = info.uses.get(to)
  const f = info.uses.get(from)
  if (m?.kind !== 'var' || t !== m || f?.kind !== 'var' || f === m) return null
  // A make that does not escape stays on the stack (or makeslice): no rewrite.
  if (!b.cx.facts.escapingSites.has(mk)) return null
  const n = unparen(mk.args[1]!)
  const ni = n.kind === 'Call' ? info.calls.get(n) : undefined
  const bounded = n.kind === 'Call' && ni?.kind === 'builtin' && ni.id === 'len' && unparen(n.args[0]!).kind === 'Ident' && info.uses.get(unparen(n.args[0]!) as A.Ident) === f
  return { make: mk, copy: { from, bounded } }
}

/** A call as walk's mkcall makes it: an ordinary static call, its width the arguments'. */
function call(b: FnBuilder, fn: string, args: Value[], argTypes: SsaType[], result: SsaType | null): Value | null {
  const v = b.v('StaticLECall', results(result ? [result, T.mem] : [T.mem]), [...args, b.mem], BigInt(argWidth(argTypes)), { kind: 'call', fn: `runtime.${fn}` })
  return b.callResults(v, result ? [result] : [])[0] ?? null
}

/** The make of a make+copy pair: the new slice, its elements copied from `copy.from`. */
export function makeSliceCopy(b: FnBuilder, e: A.Call, copy: MakeCopy): Value {
  const st = fromGo(b.typeOf(e))
  const et = st.elem!
  const n = b.expr(e.args[1]!)
  // int(n): a conversion node walk evaluates at each use.
  const len = (): Value => (n.type === T.int ? n : b.convert(n, n.type, T.int, e.args[1]!))
  const from = (): Value => b.expr(copy.from)
  if (!et.hasPointers && copy.bounded) {
    // walk's temporary s for the new slice, read by the memmove.
    b.reserveTemp()
    const size = (): Value => b.v('Mul64', T.uintptr, [b.v('Copy', T.uintptr, [len()]), b.constInt(T.uintptr, et.size)])
    const p = call(b, 'mallocgc', [size(), b.constNil(bytePtr), b.constBool(false)], [T.uintptr, bytePtr, T.bool], T.unsafePointer)!
    const s = b.v('SliceMake', st, [p, len(), len()])
    const args = [b.v('SlicePtrUnchecked', ptrTo(et), [s]), b.v('SlicePtrUnchecked', ptrTo(et), [from()]), size()]
    call(b, 'memmove', args, [ptrTo(et), ptrTo(et), T.uintptr], null)
    return s
  }
  const fromLen = b.v('SliceLen', T.int, [from()])
  const fromPtr = b.v('Copy', T.unsafePointer, [b.v('SlicePtrUnchecked', ptrTo(et), [from()])])
  const p = call(b, 'makeslicecopy', [b.typeAddr(et), len(), fromLen, fromPtr], [bytePtr, T.int, T.int, T.unsafePointer], T.unsafePointer)!
  return b.v('SliceMake', st, [p, len(), len()])
}
