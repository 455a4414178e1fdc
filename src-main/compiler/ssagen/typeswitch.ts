// Type switches as gc 1.26's walk (walk/switch.go, walkSwitchType) lowers
// them and ssagen then compiles them:
//
//   if x.tab == nil { goto nil case, else default (or out) }
//   h := x.tab.hash                        (type descriptor or itab, offset 16)
//   concrete cases sorted by types.TypeHash, searched: a jump table on
//   bits of h when there are at least 5 distinct hashes (amd64), else a
//   binary search (h <= pivot) down to chains of `if h == hash`; each match
//   does `_, ok = x.(T); if ok { goto case }` (dottype1 with commaok)
//   a trailing `case any` (after the nil test it always matches): goto it
//   goto default (or out)
//   case bodies: the clause's variable gets the data word (a concrete
//   type), the type word with the data word (any), or x itself (several
//   types, nil, default); then the body, then out.
//
// Cases of a non-empty interface type need runtime.interfaceSwitch with a
// static descriptor and its cache; they are refused, as are concrete types
// SSA cannot hold (dottype1 would copy them through a stack temporary).

import type * as A from '../syntax/ast'
import { implementsIface } from '../types/iface'
import { under, type Type } from '../types/types'
import type { Block, Pos, Value } from '../ssa/func'
import { bytePtr, canSSA, fromGo, ptrTo, T } from '../ssa/types'
import { isDirectIface } from '../escape/iface'
import { dotTypeOk } from './asserts'
import type { FnBuilder } from './fn'
import { Unsupported } from './fn'
import { typeLinkName } from './iface'
import { typeHash } from './typehash'
import { endJumpTable, ifStmt } from './switch'

const SUFFIX = ' (SSA construction of this interface form is not done)'
/** walk's tryJumpTable: at least this many distinct hashes. */
const MIN_JUMP_CASES = 5
const BINARY_SEARCH_MIN = 4
const OK = { name: '.ok' }

interface Case {
  type: Type
  clause: number
  pos: number
}

interface HashClause {
  hash: number
  cases: Case[]
}

const isIface = (t: Type): boolean => under(t).kind === 'interface'

export function typeSwitchStmt(b: FnBuilder, s: A.TypeSwitch): void {
  const info = b.cx.info
  if (s.init) b.stmt(s.init)
  const xt = b.typeOf(s.x)
  const empty = fromGo(xt).empty === true
  // The cases as walk flattens them: nil and default aside, concrete ones shadowed by an earlier interface case dropped.
  let nilClause = -1
  const concrete: Case[] = []
  const ifaces: Case[] = []
  s.clauses.forEach((cc, i) => {
    for (const e of cc.list ?? []) {
      const t = caseType(b, e)
      if (t === null) {
        nilClause = i
        continue
      }
      if (!t) throw new Unsupported(e.pos, 'type switch case')
      if (ifaces.some((ic) => implementsIface(t, ic.type))) continue
      if (isIface(t)) {
        if (!fromGo(t).empty) throw new Unsupported(e.pos, `type switch case of a non-empty interface type${SUFFIX}`)
        ifaces.push({ type: t, clause: i, pos: cc.pos })
      } else {
        if (!isDirectIface(t) && !canSSA(fromGo(t))) throw new Unsupported(e.pos, `type switch case of type ${fromGo(t).str}${SUFFIX}`)
        concrete.push({ type: t, clause: i, pos: cc.pos })
      }
    }
  })
  const end = b.newBlock()
  b.targets.set(s, { brk: end, cont: null })
  const bodies: (Block | undefined)[] = []
  const body = (i: number): Block => (bodies[i] ??= b.newBlock())
  const dflt = s.clauses.findIndex((c) => c.list === null)
  const noMatch = (): Block => (dflt >= 0 ? body(dflt) : end)

  b.pos = b.at(s.pos)
  const x = b.expr(s.x)
  // walk's temporaries: the copy of x, ok, the itab (interface cases), then the hash.
  for (let i = 0; i < 3; i++) b.reserveTemp()
  const itab = () => b.v('ITab', ptrTo(T.uintptr), [x])
  ifStmt(
    b,
    (yes, no) => b.branch(b.v('EqPtr', T.bool, [itab(), b.constNil(ptrTo(T.uintptr))]), yes, no),
    () => b.jump(nilClause >= 0 ? body(nilClause) : noMatch()),
    null,
  )
  const notStmt = { ...b.at(s.pos), stmt: '-' as const }
  b.pos = notStmt
  const hash = b.load(T.uint32, b.v('OffPtr', ptrTo(T.uint32), [itab()], 16n))
  b.reserveTemp()

  if (concrete.length) {
    const cc = hashClauses(b, concrete)
    const test = (c: HashClause): void => {
      for (const k of c.cases) {
        b.pos = b.at(k.pos)
        const [, ok] = dotTypeOk(b, x, xt, k.type)
        b.writeVar(OK, ok!, T.bool)
        ifStmt(b, (yes, no) => b.branch(b.readVar(OK, b.block, T.bool), yes, no), () => b.jump(body(k.clause)), null)
      }
    }
    if (!jumpTable(b, s, hash, cc, test, notStmt)) binarySearch(b, hash, cc, test, notStmt)
  }
  if (ifaces.length) b.jump(body(ifaces[ifaces.length - 1]!.clause))
  if (b.cur) b.jump(noMatch())

  s.clauses.forEach((cc, i) => {
    const blk = bodies[i]
    if (!blk) return
    b.seal(blk)
    if (blk.preds.length === 0) return
    b.startBlock(blk)
    b.pos = b.at(cc.pos)
    const v = info.typeSwitchVars.get(cc) as import('../types/objects').Var | undefined
    if (v) {
      b.declare(v)
      b.setVar(v, caseValue(b, cc, x, empty))
    }
    b.stmts(cc.body)
    b.jump(end)
  })
  b.seal(end)
  if (end.preds.length) b.startBlock(end)
}

/** A case's type; null for `nil`. */
function caseType(b: FnBuilder, e: A.Expr): Type | null | undefined {
  return b.cx.info.typeSwitchCases.get(e)
}

/** The clause variable's value (walkSwitchType's val). */
function caseValue(b: FnBuilder, cc: A.CaseClause, x: Value, empty: boolean): Value {
  const list = cc.list ?? []
  const t = list.length === 1 ? caseType(b, list[0]!) : undefined
  if (!t) return x
  const st = fromGo(t)
  if (isIface(t)) {
    // E->E: the type word as is; I->E: the type read out of the itab.
    const tab = b.v('ITab', ptrTo(T.uintptr), [x])
    const typ = empty ? tab : b.load(bytePtr, b.v('OffPtr', ptrTo(bytePtr), [tab], 8n))
    return b.v('IMake', st, [typ, b.v('IData', bytePtr, [x])])
  }
  if (isDirectIface(t)) return b.v('IData', st, [x])
  return b.load(st, b.v('IData', ptrTo(st), [x]))
}

/** The concrete cases by hash, adjacent equal hashes merged (walk's typeSwitch.flush). */
function hashClauses(_b: FnBuilder, cases: Case[]): HashClause[] {
  const pkg = _b.cx.pkg
  const withHash = cases.map((c) => ({ hash: typeHash(typeLinkName(c.type, pkg)), c }))
  withHash.sort((x, y) => x.hash - y.hash)
  const out: HashClause[] = []
  for (const { hash, c } of withHash) {
    const last = out[out.length - 1]
    if (last && last.hash === hash) last.cases.push(c)
    else out.push({ hash, cases: [c] })
  }
  return out
}

function binarySearch(b: FnBuilder, h: Value, cc: HashClause[], test: (c: HashClause) => void, pos: Pos): void {
  const go = (lo: number, hi: number): void => {
    if (hi - lo < BINARY_SEARCH_MIN) {
      const chain = (i: number): void => {
        if (i >= hi) return
        b.pos = pos
        ifStmt(
          b,
          (yes, no) => b.branch(b.v('Eq32', T.bool, [h, b.constInt(T.uint32, cc[i]!.hash)]), yes, no),
          () => test(cc[i]!),
          i + 1 < hi ? () => chain(i + 1) : null,
        )
      }
      return chain(lo)
    }
    const half = lo + Math.floor((hi - lo) / 2)
    b.pos = pos
    ifStmt(
      b,
      (yes, no) => b.branch(b.v('Leq32U', T.bool, [h, b.constInt(T.uint32, cc[half - 1]!.hash)]), yes, no),
      () => go(lo, half),
      () => go(half, hi),
    )
  }
  go(0, cc.length)
}

/** walk's tryJumpTable on `h >> i & (1<<bits - 1)`, then ssagen's OJUMPTABLE (amd64 only). */
function jumpTable(b: FnBuilder, s: A.TypeSwitch, h: Value, cc: HashClause[], test: (c: HashClause) => void, pos: Pos): boolean {
  if (b.arch !== 'amd64' || cc.length < MIN_JUMP_CASES) return false
  const b0 = (cc.length - 1).toString(2).length
  for (let bits = b0; bits < b0 + 3; bits++) {
    for (let i = 0; i <= 32 - bits; i++) {
      const mask = 2 ** bits - 1
      const slots = cc.map((c) => Math.floor(c.hash / 2 ** i) % 2 ** bits)
      if (new Set(slots).size !== slots.length) continue
      b.pos = pos
      let idx = h
      if (i !== 0) idx = b.v('Rsh32Ux64', T.uint32, [idx, b.constInt(T.int, i)])
      idx = b.v('And32', T.uint32, [idx, b.constInt(T.uint32, mask)])
      const jt = b.newBlock('JumpTable')
      const after = b.newBlock()
      const wide = b.v('ZeroExt32to64', T.uintptr, [idx])
      const off = b.v('Sub64', T.uintptr, [wide, b.constInt(T.uintptr, 0)])
      b.branch(b.v('Leq64U', T.bool, [off, b.constInt(T.uintptr, mask)]), jt, after, 1)
      b.seal(jt)
      b.startBlock(jt)
      // Label blocks are made as the table first names them, slot by slot.
      let noMatchBlock: Block | undefined
      const labels = new Map<number, Block>()
      const table: Block[] = []
      for (let j = 0; j <= mask; j++) {
        const k = slots.indexOf(j)
        if (k < 0) table.push((noMatchBlock ??= b.newBlock()))
        else {
          const l = b.newBlock()
          labels.set(k, l)
          table.push(l)
        }
      }
      const noMatch = noMatchBlock ?? b.newBlock()
      endJumpTable(b, s.pos, off, table)
      b.seal(after)
      b.startBlock(after)
      b.jump(noMatch)
      cc.forEach((c, k) => {
        const l = labels.get(k)!
        b.seal(l)
        b.startBlock(l)
        test(c)
        if (b.cur) b.jump(noMatch)
      })
      b.seal(noMatch)
      b.startBlock(noMatch)
      return true
    }
  }
  return false
}
