// Interfaces in escape analysis (gc's escape/expr.go OCONVIFACE, ODOTTYPE,
// stmt.go's type switch, call.go's interface calls and panic): a value that
// is not pointer-shaped is spilled into a location of its own when converted
// to an interface; asserting a non-pointer-shaped type back out is a deref.
// Methods of FnWalker (walker.ts).

import type * as A from '../syntax/ast'
import { under, type Type } from '../types/types'
import { stripParens } from './gcfmt'
import { deref, note, type Hole } from './holes'
import { staticConstantText } from './static'
import type { FnWalker } from './walker'

/** gc's types.IsDirectIface: values stored in the interface's data word itself. */
export function isDirectIface(t: Type): boolean {
  const u = under(t)
  switch (u.kind) {
    case 'pointer':
    case 'signature':
    case 'map':
    case 'chan':
      return true
    case 'basic':
      return u.basic === 'unsafe.Pointer'
    case 'array':
      return u.len === 1 && isDirectIface(u.elem)
    case 'struct':
      return u.fields.length === 1 && isDirectIface(u.fields[0]!.type)
    default:
      return false
  }
}

const isIface = (t: Type | undefined): boolean => t !== undefined && t.kind !== 'tuple' && under(t).kind === 'interface'

export const ifaceMethods = {
  /**
   * x converted to an interface (OCONVIFACE): `node` is what gc prints for
   * the conversion (x itself when implicit, `I(x)` when written).
   */
  convIface(this: FnWalker, k: Hole, node: A.Expr, x: A.Expr): void {
    const xt = this.typeOf(x)
    const pos = this.pos(x)
    if (xt && !isIface(xt) && !isDirectIface(xt)) {
      // A local bound once to a constant is replaced by that constant (escape's rewriteWithLiterals): the final line names it.
      const final = staticConstantText(this.b.env, stripParens(x)) ?? undefined
      // From the solve on (-m=2's flows) the location prints as rewritten too.
      const display = () => (final !== undefined && this.p.literalsRewritten ? final : this.p.expr(node))
      k = this.spill(k, { kind: 'conviface', node, ...(final !== undefined ? { final } : {}) }, display, pos)
    }
    this.expr(note(k, this.b.note('interface-converted', pos, () => this.p.expr(node))), x, true)
  },

  /** x.(T): the hole for x (gc's hole.dotType). */
  typeAssert(this: FnWalker, k: Hole, e: A.TypeAssert): void {
    const t = this.info.typeExprs.get(e.type)
    this.expr(this.dotType(k, t, this.exprNote('dot', e, e.dot)), e.x)
  },

  dotType(this: FnWalker, k: Hole, t: Type | undefined, n: import('./graph').Note): Hole {
    if (t && !isIface(t) && !isDirectIface(t)) return deref(k, n)
    return note(k, n)
  },

  /** `switch [v :=] x.(type)`: each clause's variable receives x (dotType of its type) when it holds pointers. */
  typeSwitch(this: FnWalker, s: A.TypeSwitch): void {
    this.stmt(s.init)
    const ks: Hole[] = []
    for (const cc of s.clauses) {
      const v = this.info.typeSwitchVars.get(cc)
      if (!v) continue
      const k = this.dclHole(v)
      if (this.scalarCut(k, v.type) !== k) continue
      ks.push(this.dotType(k, v.type, this.b.note('switch case', cc.pos, () => this.p.typeSwitchCase(cc))))
    }
    this.expr(this.tee(...ks), s.x)
    for (const cc of s.clauses) this.block(cc.body)
  },
}
