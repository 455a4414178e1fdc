// The operands of an expression with a constant value are never evaluated:
// gc's front end writes the constant in their place (len or cap of an
// array, the operand of a `range` over an array with no value variable), so
// a variable named only there is not captured by a closure, nor read for
// deadlocals, nor touched by escape analysis or SSA.

import type * as A from '../syntax/ast'
import { walkCode, type CodeNode } from '../syntax/children'
import type { TypeInfo } from './info'
import type { Var } from './objects'

/** Whether n is an expression the front end replaces by its constant value. */
export const isConstantExpr = (info: TypeInfo, n: CodeNode): boolean => info.types.get(n as A.Expr)?.value !== undefined

/** Drops from each literal's captures the variables it names only inside constant expressions. */
export function trimCaptures(file: A.File, info: TypeInfo): void {
  const usedIn = new Map<A.FuncLit, Set<Var>>()
  const visit = (root: CodeNode, lits: A.FuncLit[]): void => {
    walkCode(root, (n) => {
      if (isConstantExpr(info, n)) return false
      if (n.kind === 'FuncLit') {
        usedIn.set(n, new Set())
        visit(n.body, [...lits, n])
        return false
      }
      if (n.kind === 'Ident' && lits.length > 0) {
        const use = info.uses.get(n)
        if (use?.kind === 'var') for (const l of lits) usedIn.get(l)!.add(use)
      }
      return true
    })
  }
  for (const d of file.decls) {
    if (d.kind === 'FuncDecl' && d.body) visit(d.body, [])
    else if (d.kind === 'VarDecl') visit(d, [])
  }
  for (const [lit, used] of usedIn) {
    const fi = info.functions.get(lit)
    if (fi && fi.captures.some((v) => !used.has(v))) fi.captures = fi.captures.filter((v) => used.has(v))
  }
}
