// `v, ok = x.(T)` in escape analysis. types2 records the comma-ok assertion
// as a tuple (T, bool), so gc's reader assigns it through N:1 temporaries
// (noder multiExpr): `t1, t2 := x.(T)` (OAS2DOTTYPE, "assign-pair-dot-type"),
// then `v, ok = T(t1), t2`: the first temporary carries that assignment as
// its init, wrapped in an explicit no-op conversion (ir.InitExpr), which is
// what gc prints — or, when v is an interface of another type, on the
// implicit conversion there (a value that is not pointer-shaped spilled to
// its own location). A blank's copy of a bare temporary is dropped by
// deadlocals (`_ = 0`). Methods of FnWalker (walker.ts).

import type * as A from '../syntax/ast'
import { under } from '../types/types'
import { convText, isBlank, stripParens } from './gcfmt'
import { note } from './holes'
import { isDirectIface } from './iface'
import type { FnWalker, StmtRef } from './walker'

const isIfaceType = (t: import('../types/types').Type): boolean => under(t).kind === 'interface'

export const dotTypeMethods = {
  /** Whether rhs is a comma-ok type assertion (frames.ts gave it its temporaries). */
  isCommaOkDotType(this: FnWalker, rhs: A.Expr): boolean {
    const r = stripParens(rhs)
    return r.kind === 'TypeAssert' && this.info.commaOk.has(r)
  },

  dotTypeInto(this: FnWalker, lhs: readonly (A.Expr | null)[], rhs: A.Expr, where: StmtRef, op: string): void {
    const r = stripParens(rhs) as A.TypeAssert
    const temps = this.frame.commaOk!.get(r)!
    for (const t of temps) this.dcl(t)
    const names = temps.map((t) => t.name)
    const assert: StmtRef = { id: r, pos: where.pos, print: () => `${names.join(', ')} := ${this.p.expr(rhs)}` }
    // x flows into the first temporary; a conversion to the destination's interface type comes at the copy.
    const tks = temps.map((t) => this.addrOf({ named: t }))
    this.expr(note(tks[0]!, this.stmtNote('assign-pair-dot-type', assert)), rhs, true)
    this.reassigned(tks, assert)
    const blank = lhs.map((l) => l === null || isBlank(l))
    const named = blank.some((b) => !b)
    const t = this.info.typeExprs.get(r.type)
    const conv = this.info.ifaceConversions.has(r)
    // The first value carries the assertion as its init: on a conversion when there is one (printed as the bare temporary), else on an explicit no-op conversion.
    const values = [t && !conv ? convText(t, names[0]!) : names[0]!, named && blank[1] ? '0' : names[1]!]
    const copy: StmtRef = { ...where, print: () => `${lhs.map((l) => (l ? this.p.expr(l) : '_')).join(', ')} ${op} ${values.join(', ')}` }
    const ks = lhs.map((l) => this.addrOf(l))
    const n = this.stmtNote('assign-pair', copy)
    let k0 = note(ks[0]!, n)
    if (conv) {
      if (t && !isIfaceType(t) && !isDirectIface(t)) k0 = this.spill(k0, { kind: 'conviface', node: r }, () => names[0]!, where.pos)
      k0 = note(k0, this.b.note('interface-converted', where.pos, () => names[0]!))
    }
    this.exprOrNamed(k0, { named: temps[0]! })
    this.exprOrNamed(note(ks[1]!, n), { named: temps[1]! })
    this.reassigned(ks, copy)
  },
}
