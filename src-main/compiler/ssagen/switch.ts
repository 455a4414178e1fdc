// An expression switch's dispatch as gc's walk builds it (walk/switch.go,
// exprSwitch) and ssagen then compiles it: runs of constant cases of an
// ordered type are sorted, consecutive integers going to the same body
// merged into ranges, and searched — through a jump table when there are
// at least 8 of them filling at least a quarter of their span on a target
// that has jump tables (amd64 here; not ppc64), else by binary search down
// to chains of at most 3 tests. A case that is not a constant is tested on
// its own, in place. Each test is an `if … { goto body }` (gc's OIF: end,
// then and else blocks), and a body's block is made when first jumped to.

import type * as A from '../syntax/ast'
import type { Block, Value } from '../ssa/func'
import { fromGo, T } from '../ssa/types'
import type { Type } from '../types/types'
import { under } from '../types/types'
import type { FnBuilder } from './fn'

/** walk's tryJumpTable limits. */
const MIN_CASES = 8
const MIN_DENSITY = 4
/** binarySearch: fewer cases than this are tested one after another. */
const BINARY_SEARCH_MIN = 4

interface Clause {
  /** The case expressions of the bounds (the same for a single value). */
  lo: A.Expr
  hi: A.Expr
  loVal: number | bigint
  hiVal: number | bigint
  body: number
  /** The case clause's position (gc's ncase.Pos()): its test is made there. */
  pos: number
}

/** Targets with jump tables (cmd/internal/sys's CanJumpTable). */
const canJumpTable = (arch: string): boolean => arch === 'amd64'

const cmpVal = (a: number | bigint, b: number | bigint): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Emit the tests of switch `s` on `tag` (null: `switch {`), each jumping to
 * `body(i)` for clause i. Returns with the current block where no case matched.
 */
export function switchDispatch(b: FnBuilder, s: A.Switch, tag: Value | null, tagType: Type | null, body: (i: number) => Block): void {
  const info = b.cx.info
  const ordered = tagType !== null && isOrdered(tagType)
  let run: Clause[] = []
  const flush = (): void => {
    const cc = run
    run = []
    if (cc.length) search(b, s, tag!, tagType!, mergeRuns(cc, tagType!), body)
  }
  s.clauses.forEach((c, i) => {
    for (const e of c.list ?? []) {
      const v = info.types.get(e)?.value
      if (ordered && v && v.kind !== 'bool' && v.kind !== 'string') {
        run.push({ lo: e, hi: e, loVal: v.value, hiVal: v.value, body: i, pos: c.pos })
        continue
      }
      flush()
      if (!b.cur) return
      single(b, s, tag, tagType, e, i, body)
    }
  })
  flush()
}

/** types.IsOrdered: integers and floats (strings are not in the subset). */
function isOrdered(t: Type): boolean {
  const u = under(t)
  return u.kind === 'basic' && /^(u?int(8|16|32|64)?|uintptr|float(32|64)|untyped (int|float|rune))$/.test(u.basic) && true
}

/** Sorted by value; consecutive integers with the same body become one range. */
function mergeRuns(cc: Clause[], t: Type): Clause[] {
  cc.sort((x, y) => cmpVal(x.loVal, y.loVal))
  if (fromGo(t).kind !== 'int' && fromGo(t).kind !== 'uint') return cc
  const merged = [cc[0]!]
  for (const c of cc.slice(1)) {
    const last = merged[merged.length - 1]!
    if (last.body === c.body && typeof c.loVal === 'bigint' && typeof last.hiVal === 'bigint' && c.loVal - last.hiVal === 1n) {
      merged[merged.length - 1] = { ...last, hi: c.lo, hiVal: c.loVal }
    } else merged.push(c)
  }
  return merged
}

function search(b: FnBuilder, s: A.Switch, tag: Value, tagType: Type, cc: Clause[], body: (i: number) => Block): void {
  if (tryJumpTable(b, s, tag, tagType, cc, body)) return
  const go = (lo: number, hi: number): void => {
    const n = hi - lo
    if (n < BINARY_SEARCH_MIN) {
      // if test(lo) { goto } else { if test(lo+1) { goto } else { … } }
      const chain = (i: number): void => {
        if (i >= hi) return
        const c = cc[i]!
        ifStmt(b, (yes, no) => clauseTest(b, tag, tagType, c, yes, no), () => b.jump(body(c.body)), i + 1 < hi ? () => chain(i + 1) : null)
      }
      return chain(lo)
    }
    const half = lo + Math.floor(n / 2)
    const pivot = cc[half - 1]!
    ifStmt(
      b,
      (yes, no) => b.branch(b.compare('<=', tag, b.expr(pivot.hi), tagType, pivot.hi.pos), yes, no),
      () => go(lo, half),
      () => go(half, hi),
    )
  }
  go(0, cc.length)
}

/** Ends the current block as a JumpTable on idx, one edge per table entry in order. */
export function endJumpTable(b: FnBuilder, pos: number, idx: Value, table: readonly Block[]): void {
  const blk = b.endBlock()!
  blk.kind = 'JumpTable'
  blk.pos = b.at(pos)
  blk.setControl(idx)
  for (const to of table) blk.addEdgeTo(to)
}

/** gc's OIF in ssagen: end, then (if any) and else (if any) blocks; both fall to the end. */
export function ifStmt(b: FnBuilder, cond: (yes: Block, no: Block) => void, then: (() => void) | null, els: (() => void) | null): void {
  const end = b.newBlock()
  const yes = then ? b.newBlock() : end
  const no = els ? b.newBlock() : end
  cond(yes, no)
  for (const [blk, fill] of [[yes, then], [no, els]] as const) {
    if (!fill) continue
    b.seal(blk)
    b.startBlock(blk)
    fill()
    if (b.cur) b.jump(end)
  }
  b.seal(end)
  b.startBlock(end)
}

/** A clause's test: `tag == c`, or `lo <= tag && tag <= hi` for a range. */
function clauseTest(b: FnBuilder, tag: Value, tagType: Type, c: Clause, yes: Block, no: Block): void {
  const saved = b.pos
  b.pos = { ...b.at(c.pos), stmt: '' }
  if (c.lo === c.hi) b.branch(b.compare('==', tag, b.expr(c.lo), tagType, c.lo.pos), yes, no)
  else {
    const mid = b.newBlock()
    b.branch(b.compare('>=', tag, b.expr(c.lo), tagType, c.lo.pos), mid, no)
    b.seal(mid)
    b.startBlock(mid)
    b.branch(b.compare('<=', tag, b.expr(c.hi), tagType, c.hi.pos), yes, no)
  }
  b.restorePos(saved)
}

/** A case that is not a constant of an ordered type: tested where it stands (order's exprInPlace). */
function single(b: FnBuilder, s: A.Switch, tag: Value | null, tagType: Type | null, e: A.Expr, i: number, body: (i: number) => Block): void {
  // walk's `if tag == c` folds when both are constants: no branch, or an unconditional one.
  const known = b.constantCase(s, e)
  if (known === false) return
  if (known === true) return b.jump(body(i))
  ifStmt(
    b,
    (yes, no) => b.branch(b.inPlace(e, () => (tag ? b.compare('==', tag, b.expr(e), tagType!, e.pos) : b.expr(e))), yes, no),
    () => b.jump(body(i)),
    null,
  )
}

/** walk's tryJumpTable and ssagen's OJUMPTABLE: idx-min <= max-min guards a JumpTable block. */
function tryJumpTable(b: FnBuilder, s: A.Switch, tag: Value, tagType: Type, cc: Clause[], body: (i: number) => Block): boolean {
  if (!canJumpTable(b.arch) || cc.length < MIN_CASES) return false
  const t = fromGo(tagType)
  if ((t.kind !== 'int' && t.kind !== 'uint') || t.size > 8) return false
  const min = cc[0]!.loVal as bigint
  const max = cc[cc.length - 1]!.hiVal as bigint
  if (max - min + 1n > BigInt(cc.length * MIN_DENSITY)) return false
  const jt = b.newBlock('JumpTable')
  const end = b.newBlock()
  const idx0 = t.size === 8 ? b.v('Copy', T.uintptr, [tag]) : b.v(`${t.kind === 'uint' ? 'ZeroExt' : 'SignExt'}${t.size * 8}to64`, T.uintptr, [tag])
  const bits = (v: bigint): bigint => BigInt.asUintN(64, v)
  const idx = b.v('Sub64', T.uintptr, [idx0, b.constInt(T.uintptr, bits(min))])
  const width = b.constInt(T.uintptr, bits(max - min))
  b.branch(b.v('Leq64U', T.bool, [idx, width]), jt, end, 1)
  b.seal(jt)
  b.startBlock(jt)
  const table: Block[] = new Array(Number(max - min) + 1).fill(end)
  for (const c of cc) for (let v = c.loVal as bigint; v <= (c.hiVal as bigint); v++) table[Number(v - min)] = body(c.body)
  endJumpTable(b, s.pos, idx, table)
  b.seal(end)
  b.startBlock(end)
  return true
}
