// gc's object writer refuses a package-level variable bigger than 2e9 bytes
// (cmd/internal/obj: "symbol too large"). It reports at the compiler's last
// position, which is where the last function compiled ended: the last
// statement of the last function in the file (a call at its `(`), else the
// variable's name.

import type { Diagnostic } from '../../protocol/model'
import type * as A from '../syntax/ast'
import type { SourceText } from '../syntax/source'
import type { TypeInfo } from './info'
import { sizeof } from './sizes'

const CUTOFF = 2_000_000_000

export function symbolSizeErrors(file: A.File, info: TypeInfo, source: SourceText, pkg: string): Diagnostic[] {
  const big = info.globals.filter((v) => v.name !== '_' && sizeof(v.type) > CUTOFF)
  if (big.length === 0) return []
  let at = big[big.length - 1]!.pos
  for (const d of file.decls) {
    if (d.kind !== 'FuncDecl' || !d.body) continue
    const last = d.body.stmts[d.body.stmts.length - 1]
    at = last ? stmtPos(last) : d.body.end - 1
  }
  const { line, col } = source.position(at)
  return big.map((v) => ({
    file: source.path,
    line,
    col,
    severity: 'error' as const,
    message: `${pkg}.${v.name}: symbol too large (${sizeof(v.type)} bytes > ${CUTOFF} bytes)`,
    from: at,
    to: at,
  }))
}

function stmtPos(s: A.Stmt): number {
  if (s.kind === 'ExprStmt') {
    let x = s.x
    while (x.kind === 'Paren') x = x.x
    if (x.kind === 'Call') return x.lparen
  }
  return s.pos
}
