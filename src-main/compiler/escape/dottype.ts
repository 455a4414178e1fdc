// `v, ok = x.(T)` in escape analysis. types2 records the comma-ok assertion
// as a tuple (T, bool), so gc's reader assigns it through N:1 temporaries
// (noder multiExpr): `t1, t2 := x.(T)` (OAS2DOTTYPE, "assign-pair-dot-type"),
// then `v, ok = T(t1), t2`: the first temporary carries that assignment as
// its init, wrapped in an explicit no-op conversion (ir.InitExpr), which is
// what gc prints. A blank's copy of a bare temporary is dropped by
// deadlocals (`_ = 0`). Methods of FnWalker (walker.ts).

import type * as A from '../syntax/ast'
import { convText, isBlank, stripParens } from './gcfmt'
import type { FnWalker, StmtRef } from './walker'

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
    this.assignList(temps.map((t) => ({ named: t })), [rhs], 'assign-pair-dot-type', assert)
    const blank = lhs.map((l) => l === null || isBlank(l))
    const named = blank.some((b) => !b)
    const t = this.info.typeExprs.get(r.type)
    const values = [t ? convText(t, names[0]!) : names[0]!, named && blank[1] ? '0' : names[1]!]
    const copy: StmtRef = { ...where, print: () => `${lhs.map((l) => (l ? this.p.expr(l) : '_')).join(', ')} ${op} ${values.join(', ')}` }
    this.assignList([...lhs], temps.map((tmp) => ({ named: tmp })), 'assign-pair', copy)
  },
}
