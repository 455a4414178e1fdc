// gc's walk phase also speaks at -m: indexing an array (or a pointer to one)
// with an index whose range provably fits (`a[i&7]` for [8]T, `a[b]` with a
// byte index for [256]T) drops the bounds check and prints
// "index bounds check elided" at the `[`. This reproduces walk's bounded().

import type * as A from '../syntax/ast'
import { forEachChild, type CodeNode } from '../syntax/children'
import { toInt } from '../types/constant'
import type { TypeInfo } from '../types/info'
import { isInteger, isUnsigned, sizeof, under, type Type } from '../types/types'
import { tokenAfter } from '../types/positions'

/** Offsets of the `[` of every index expression walk marks bounded, in source order. */
export function elidedBoundsChecks(file: A.File, info: TypeInfo, text: string): number[] {
  const out: number[] = []
  const copied = new Set<A.Index>()
  const visit = (node: CodeNode, live: boolean): void => {
    // walkAppend takes its arguments apart with safeExpr: an index that is not a name or constant is
    // copied to a temporary first, walkIndex then sees a name it cannot bound, and says nothing.
    if (node.kind === 'Call' && info.calls.get(node)?.kind === 'builtin' && (info.calls.get(node) as { id: string }).id === 'append') {
      for (const a of node.args) safeExpr(info, a, copied)
    }
    if (node.kind === 'If') {
      // The front end drops the branch a constant condition rules out.
      const c = info.types.get(unparen(node.cond))?.value
      if (node.init) visit(node.init, live)
      visit(node.cond, live)
      visit(node.then, live && !(c?.kind === 'bool' && !c.value))
      if (node.else) visit(node.else, live && !(c?.kind === 'bool' && c.value))
      return
    }
    if (node.kind === 'Index' && live && !copied.has(node)) {
      // A constant string's length bounds its index too (walkIndex's ir.IsConst(n.X, constant.String)).
      const xv = info.types.get(unparen(node.x))?.value
      const n = xv?.kind === 'string' ? xv.value.length : arrayLen(info.types.get(unparen(node.x))?.type)
      const idx = unparen(node.index)
      if (n !== null && !info.types.get(idx)?.value && bounded(info, idx, n)) out.push(tokenAfter(text, node.x.end))
    }
    forEachChild(node, (c) => visit(c, live))
  }
  for (const d of file.decls) if (d.kind === 'FuncDecl' && d.body) visit(d.body, true)
  return out.sort((a, b) => a - b)
}

/** walk's safeExpr over e: the index expressions whose index it copies (not a name, constant, len or cap). */
function safeExpr(info: TypeInfo, e: A.Expr, copied: Set<A.Index>): void {
  e = unparen(e)
  switch (e.kind) {
    case 'Selector':
      if (info.selections.get(e)?.kind === 'field') safeExpr(info, e.x, copied)
      return
    case 'Star':
      return safeExpr(info, e.x, copied)
    case 'Index': {
      safeExpr(info, e.x, copied)
      const i = unparen(e.index)
      const cheap = info.types.get(i)?.value !== undefined || i.kind === 'Ident' || (i.kind === 'Call' && ['len', 'cap'].includes((info.calls.get(i) as { id?: string } | undefined)?.id ?? ''))
      if (!cheap) copied.add(e)
      return
    }
    default:
      return
  }
}

function unparen(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}

function arrayLen(t: Type | undefined): number | null {
  if (!t) return null
  let u = under(t)
  if (u.kind === 'pointer') u = under(u.elem)
  return u.kind === 'array' ? u.len : null
}

/** A small int constant's value (ir.IsSmallIntConst), else null. */
function smallConst(info: TypeInfo, e: A.Expr): number | null {
  const v = info.types.get(unparen(e))?.value
  const i = v ? toInt(v) : null
  return i !== null && i >= -(2n ** 31n) && i < 2n ** 31n ? Number(i) : null
}

/**
 * walk's bounded(n, max): n is certainly in [0, max). SSA construction asks
 * too: ssagen emits no bounds check for a bounded index, and the check's
 * blocks would change what shares a block (mergelocals, fuzz seed 286).
 */
export function bounded(info: TypeInfo, n: A.Expr, max: number): boolean {
  const t = info.types.get(n)?.type
  if (!t || !isInteger(t)) return false
  const sign = !isUnsigned(t)
  let bits = 8 * sizeof(t)
  if (n.kind === 'Binary') {
    const x = smallConst(info, n.x)
    const y = smallConst(info, n.y)
    switch (n.op) {
      case '&':
      case '&^': {
        let v = -1n
        if (x !== null) v = BigInt(x)
        else if (y !== null) {
          v = BigInt(y)
          if (n.op === '&^') {
            v = ~v
            if (!sign) v &= (1n << BigInt(bits)) - 1n
          }
        }
        if (v >= 0n && v < BigInt(max)) return true
        break
      }
      case '%':
        if (!sign && y !== null && y >= 0 && y <= max) return true
        break
      case '/':
        if (!sign && y !== null) for (let v = y; bits > 0 && v >= 2; v >>= 1) bits--
        break
      case '>>':
        if (!sign && y !== null) {
          if (y > bits) return true
          bits -= y
        }
        break
    }
  }
  return !sign && bits <= 62 && 2 ** bits <= max
}
