// Selecting a method: `x.M(…)` (a call), `x.M` (a method value) or `T.M` /
// `(*T).M` (a method expression), recorded so later phases can tell the
// three apart and see the receiver adjustments gc makes.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { objDecl } from './decls'
import { markAddrTaken } from './expr'
import type { MethodSelection } from './info'
import type { LookupResult } from './lookup'
import { newVar } from './objects'
import { invalidOperand, type Operand } from './operand'
import { under, type Signature, type Type } from './types'

type MethodLookup = Extract<LookupResult, { kind: 'method' }>

/** x.M where x is a value, or T.M where x is the type T. */
export function methodSelector(c: Checker, e: A.Selector, x: Operand, r: MethodLookup): Operand {
  objDecl(c, r.method)
  c.addDeclDep(r.method)
  c.recordUse(e.sel, r.method)
  const recvIsPtr = under(r.recvType).kind === 'pointer'
  const recvAdjust = r.method.pointerRecv ? (recvIsPtr ? 'none' : 'addr') : recvIsPtr ? 'deref' : 'none'
  const kind = x.mode === 'type' ? 'methodExpr' : c.calleeSelector === e ? 'methodCall' : 'methodValue'
  if (r.method.iface) {
    const what = ifaceMethodRefusal(r, kind)
    if (what) {
      c.unsupported(e.pos, e.end, what)
      return invalidOperand(e)
    }
  }
  const sel: MethodSelection = { kind, path: r.path, method: r.method, recvAdjust, recv: x.type }
  c.info.selections.set(e, sel)
  const sig = r.method.type
  if (kind === 'methodExpr') {
    // While M's own signature is being resolved (types2: "illegal cycle").
    if (!sig.recv) {
      c.errorAt(e, 'illegal cycle in method declaration')
      return invalidOperand(e)
    }
    return { mode: 'value', type: methodExprSignature(sig, x.type), expr: e }
  }
  // A method value binds &x like a call does: x's address is taken.
  if (recvAdjust === 'addr' && !r.path.some((s) => s.deref)) markAddrTaken(c, e.x)
  return { mode: 'value', type: { ...sig, recv: null }, expr: e }
}

/** Which uses of an interface method the subset does not model yet (null: a call x.M(…) on an interface value). */
function ifaceMethodRefusal(r: MethodLookup, kind: MethodSelection['kind']): string | null {
  if (r.path.length > 0) return 'method promoted from an embedded interface'
  if (kind === 'methodValue') return 'method value of an interface method'
  if (kind === 'methodExpr') return 'method expression of an interface type'
  return null
}

/** The receiver becomes the first parameter, named like types2 names it (for messages). */
function methodExprSignature(sig: Signature, recvType: Type): Signature {
  const recv = sig.recv!
  let name = ''
  if (sig.params.length > 0 && sig.params[0]!.name !== '') name = recv.name || '_'
  const first = newVar(name, recv.pos, 'param', recvType)
  return { kind: 'signature', recv: null, params: [first, ...sig.params], results: sig.results, variadic: sig.variadic }
}
