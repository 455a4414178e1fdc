// package unsafe in escape analysis (gc's escape/expr.go unsafeValue): a
// uintptr converted back to unsafe.Pointer carries the pointers that were
// converted to uintptr inside its arithmetic; anything else in it is a
// plain integer. Methods of FnWalker (walker.ts).

import type * as A from '../syntax/ast'
import { isUnsafePointer } from '../types/types'
import { stripParens } from './gcfmt'
import type { Hole } from './holes'
import type { FnWalker } from './walker'

const ARITHMETIC = new Set(['+', '-', '|', '^', '*', '/', '%', '&', '&^'])

export const unsafeMethods = {
  /** Evaluates the uintptr expression e, whose value becomes an unsafe.Pointer flowing to k. */
  unsafeValue(this: FnWalker, k: Hole, e: A.Expr): void {
    e = stripParens(e)
    if (this.info.types.get(e)?.value) return
    switch (e.kind) {
      case 'Call': {
        const ci = this.info.calls.get(e)
        if (ci?.kind !== 'conversion') break
        const x = e.args[0]!
        const xt = this.typeOf(x)
        return xt && isUnsafePointer(xt) ? this.expr(k, x) : this.discardExpr(x)
      }
      case 'Unary':
        if (e.op === '+' || e.op === '-' || e.op === '^') return this.unsafeValue(k, e.x)
        break
      case 'Binary':
        if (ARITHMETIC.has(e.op)) {
          this.unsafeValue(k, e.x)
          return this.unsafeValue(k, e.y)
        }
        if (e.op === '<<' || e.op === '>>') {
          this.unsafeValue(k, e.x)
          return this.discardExpr(e.y)
        }
        break
    }
    this.discardExpr(e)
  },
}
