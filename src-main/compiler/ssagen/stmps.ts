// gc numbers read-only static data `.stmp_N` per package, in walk order
// (walk/convertdebug.ts walkOrder), and within a function order's before
// walk's (order runs over the whole function first). Order makes those of
// constants converted to interfaces (addrTemp); walk those of struct and
// array literals that are not SSA-able (walk/complit.go): walkCompLit makes
// an all-constant one used as a value read-only data itself, and anylit
// fills one of more than 4 elements into a variable from a read-only
// template of its constant parts. Here: how many walk makes in a function,
// from its syntax.

import type * as A from '../syntax/ast'
import { walkCode, type CodeNode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import { under } from '../types/types'
import { canSSA, fromGo } from '../ssa/types'
import { isStaticComposite } from './complit'

export function literalStatics(info: TypeInfo, body: A.Block): number {
  const inPlace = new Set<A.Expr>()
  const nested = new Set<A.Expr>()
  let n = 0
  walkCode(body, (x) => {
    if (x.kind === 'FuncLit') return false // its own function
    noteInPlace(info, x, inPlace)
    if (x.kind !== 'CompositeLit') return
    // A literal's literal elements are filled as part of it.
    for (const el of x.elts) {
      const v = unparen(el.kind === 'KeyValue' ? el.value : el)
      if (v.kind === 'CompositeLit') nested.add(v)
    }
    const t = info.types.get(x)?.type
    if (!t || nested.has(x) || info.implicitAddrLits.has(x)) return
    const k = under(t).kind
    if ((k !== 'struct' && k !== 'array') || canSSA(fromGo(t))) return
    if (x.elts.length > 4 || (!inPlace.has(x) && isStaticComposite(info, x))) n++
  })
  return n
}

/** Literals walk's oaslit fills straight into a variable (`x = lit`, `x := lit`, `var x = lit`, `return lit`), and &lit. */
function noteInPlace(info: TypeInfo, s: CodeNode, out: Set<A.Expr>): void {
  const name = (l: A.Expr): boolean => {
    const x = unparen(l)
    if (x.kind !== 'Ident') return false
    const v = info.defs.get(x) ?? info.uses.get(x)
    return v?.kind === 'var' && !v.addrTaken
  }
  if (s.kind === 'Assign' && (s.op === '=' || s.op === ':=') && s.lhs.length === s.rhs.length) {
    s.lhs.forEach((l, i) => name(l) && out.add(unparen(s.rhs[i]!)))
  } else if (s.kind === 'VarDecl') {
    for (const spec of s.specs) if (spec.names.length === spec.values.length) spec.names.forEach((l, i) => name(l) && out.add(unparen(spec.values[i]!)))
  } else if (s.kind === 'Return') for (const r of s.results) out.add(unparen(r))
  else if (s.kind === 'Unary' && s.op === '&') out.add(unparen(s.x))
}

function unparen(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}
