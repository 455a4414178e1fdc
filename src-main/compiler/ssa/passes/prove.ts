// prove (gc's prove.go): walk the dominator tree keeping a table of facts —
// value ranges and orderings — learnt from the branches that lead to each
// block, from induction variables and from the values themselves. A branch
// whose condition contradicts the facts is impossible: its block becomes
// First and goes to the other successor (this is how bounds checks
// disappear). Values whose range is one constant are folded into their uses,
// and some ops get cheaper forms (see prove/simplify.ts).

import type { PassContext } from '../compile'
import { DomTree } from '../dom'
import type { Block, Func, Value } from '../func'
import { EQ, FactsTable, LT, SIGNED, UNSIGNED, isConstDelta } from './prove/facts'
import { findIndVars, MAX_INC, MIN_EXC, type IndVar } from './prove/indvar'
import { constantFoldArguments, simplifyValue } from './prove/simplify'
import { addValueFact, flowLimit } from './prove/values'

/** Which way a block is reached from its immediate dominator. */
type Branch = 'unknown' | 'positive' | 'negative' | number // number: jump table successor

export function prove(f: Func, ctx?: Pick<PassContext, 'arch'>): void {
  const arch = ctx?.arch ?? 'amd64'
  const dom = new DomTree(f)

  // Induction variables that are used for more than counting iterations.
  const indVars = new Map<Block, IndVar>()
  for (const iv of findIndVars(f, dom)) {
    if (iv.ind.args.length !== 2) throw new Error('prove: induction variable with more than two parents')
    if (!(iv.ind.uses === 2 && iv.nxt.uses === 1)) indVars.set(iv.entry, iv)
  }

  const ft = new FactsTable(f.blocks.flatMap((b) => b.values))
  ft.checkpoint()

  // All len(s) of one slice are equal, all cap(s) too.
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (v.uses === 0) continue
      if (v.op === 'SliceLen' || v.op === 'SliceCap') {
        const m = v.op === 'SliceLen' ? ft.lens : ft.caps
        const known = m.get(v.args[0]!)
        if (known) ft.update(b, v, known, SIGNED, EQ)
        else m.set(v.args[0]!, v)
      }
    }
  }

  const children = domChildren(f, dom)
  const getBranch = (p: Block | null, b: Block): Branch => {
    if (!p) return 'unknown'
    if (p.kind === 'If') {
      if (dom.dominates(p.succs[0]!, b) && p.succs[0]!.preds.length === 1) return 'positive'
      if (dom.dominates(p.succs[1]!, b) && p.succs[1]!.preds.length === 1) return 'negative'
    } else if (p.kind === 'JumpTable') {
      for (let i = 0; i < p.succs.length; i++) if (dom.dominates(p.succs[i]!, b) && p.succs[i]!.preds.length === 1) return i
    }
    return 'unknown'
  }

  type Work = { block: Block; restore: boolean }
  const work: Work[] = [{ block: f.entry, restore: false }]
  while (work.length) {
    const { block, restore } = work.pop()!
    if (restore) {
      ft.restore()
      continue
    }
    const parent = dom.idom.get(block) ?? null
    const branch = getBranch(parent, block)
    ft.checkpoint()
    const iv = indVars.get(block)
    if (iv && parent) addIndVarRestrictions(ft, parent, iv)
    if (branch !== 'unknown') addBranchRestrictions(ft, parent!, branch)
    addSlicesOfSameLen(ft, block)
    if (ft.unsat) {
      // Unreachable: cut the edge and skip the subtree.
      if (parent) removeBranch(parent, branch)
      ft.restore()
      continue
    }
    topoSortValuesInBlock(block)
    for (const v of [...block.values]) {
      flowLimit(ft, v)
      // Fold before learning from v: what v teaches about its arguments holds only after v.
      constantFoldArguments(ft, f, v)
      addValueFact(ft, block, v)
      simplifyValue(ft, f, arch, block, v)
    }
    simplifyBlock(ft, block, getBranch)
    work.push({ block, restore: true })
    for (const c of children.get(block) ?? []) work.push({ block: c, restore: false })
  }
  ft.restore()
  if (!ft.orderS.isEmpty() || !ft.orderU.isEmpty()) throw new Error('prove: facts left after the walk')
}

/** Dominator-tree children, pushed so that they pop in f.blocks order (gc's sdom walk). */
function domChildren(f: Func, dom: DomTree): Map<Block, Block[]> {
  const index = new Map(f.blocks.map((b, i) => [b, i]))
  const out = new Map<Block, Block[]>()
  for (const [b, kids] of dom.children) out.set(b, [...kids].sort((x, y) => index.get(y)! - index.get(x)!))
  return out
}

function addIndVarRestrictions(ft: FactsTable, b: Block, iv: IndVar): void {
  let d = SIGNED
  if (ft.isNonNegative(iv.min) && ft.isNonNegative(iv.max)) d |= UNSIGNED
  ft.addRestrictions(b, d, iv.min, iv.ind, iv.flags & MIN_EXC ? LT : LT | EQ)
  ft.addRestrictions(b, d, iv.ind, iv.max, iv.flags & MAX_INC ? LT | EQ : LT)
}

export function addBranchRestrictions(ft: FactsTable, b: Block, br: Branch): void {
  let c = b.controls[0]!
  if (br === 'negative') ft.booleanFalse(c)
  else if (br === 'positive') ft.booleanTrue(c)
  else if (typeof br === 'number') {
    // Jump table: the switched-on value (before the table's offset) is known.
    let val = BigInt(br)
    const cd = isConstDelta(c)
    if (cd) {
      c = cd.w
      val -= cd.delta
    }
    ft.newLimit(c, { min: val, max: val, umin: BigInt.asUintN(64, val), umax: BigInt.asUintN(64, val) })
  }
}

/** Try each outgoing edge not already handled by a dominated child: an impossible one is removed. */
function simplifyBlock(ft: FactsTable, b: Block, getBranch: (p: Block, b: Block) => Branch): void {
  if (b.kind !== 'If') return
  for (const [i, br] of (['positive', 'negative'] as const).entries()) {
    const child = b.succs[i]!
    if (getBranch(b, child) !== 'unknown') continue
    ft.checkpoint()
    addBranchRestrictions(ft, b, br)
    const unsat = ft.unsat
    ft.restore()
    if (unsat) {
      removeBranch(b, br)
      break
    }
  }
}

/** The `br` successor of b cannot be taken: b becomes First, going to the other one. */
function removeBranch(b: Block, br: Branch): void {
  if (br !== 'positive' && br !== 'negative') return // jump tables keep their entries, as in gc
  const c = b.controls[0]
  if (c && c.pos.stmt === '+' && c.pos.line === b.pos.line) b.pos = { ...b.pos, stmt: '+' }
  b.kind = 'First'
  b.setControl(null)
  if (br === 'positive') {
    b.succs.reverse()
    b.likely = b.likely === 0 ? 0 : b.likely === 1 ? -1 : 1
  }
}

/** Values of a block in dependency order (phis first, then by depth, then id), as gc sorts them. */
function topoSortValuesInBlock(b: Block): void {
  const score = new Map<Value, number>()
  const scoreOf = (v: Value): number => {
    const known = score.get(v)
    if (known !== undefined) return known
    // Iterative DFS: deep chains of values must not overflow the stack.
    const stack = [v]
    const onStack = new Set([v])
    while (stack.length) {
      const x = stack[stack.length - 1]!
      if (score.has(x)) {
        onStack.delete(stack.pop()!)
        continue
      }
      if (x.op === 'Phi') {
        score.set(x, 1)
        onStack.delete(stack.pop()!)
        continue
      }
      let s = 2
      let pending = false
      for (const a of x.args) {
        if (a.block !== x.block) continue
        const sa = score.get(a)
        if (sa === undefined) {
          if (onStack.has(a)) continue // a cycle only a broken function has
          stack.push(a)
          onStack.add(a)
          pending = true
          break
        }
        s = Math.max(s, sa + 1)
      }
      if (pending) continue
      score.set(x, s)
      onStack.delete(stack.pop()!)
    }
    return score.get(v)!
  }
  b.values.sort((x, y) => scoreOf(x) - scoreOf(y) || x.gcId - y.gcId)
}

/**
 * Slices that start with equal lengths and shrink by the same constant on
 * each path keep equal lengths (go.dev/issue/75144): a and b in
 * `for len(a) > 4 { a = a[4:]; b = b[4:] }`.
 */
function addSlicesOfSameLen(ft: FactsTable, b: Block): void {
  let u: Value | null = null
  let w: Value | null = null
  let i: SliceInfo | null = null
  let k: SliceInfo | null = null
  for (const v of b.values) {
    if (v.uses === 0 || v.op !== 'Phi' || v.args.length !== 2 || !ft.lens.has(v)) continue
    const j = sliceInfo(v)
    if (!j) continue
    if (j.pred === 1 && ft.lens.has(v.args[0]!)) {
      if (!w) {
        k = j
        w = v
        continue
      }
      if (sameInfo(j, k!) && ft.orderS.equal(ft.lens.get(v.args[0]!)!, ft.lens.get(w.args[0]!)!)) ft.update(b, ft.lens.get(v)!, ft.lens.get(w)!, SIGNED, EQ)
    } else if (j.pred === 0 && ft.lens.has(v.args[1]!)) {
      if (!u) {
        i = j
        u = v
        continue
      }
      if (sameInfo(j, i!) && ft.orderS.equal(ft.lens.get(v.args[1]!)!, ft.lens.get(u.args[1]!)!)) ft.update(b, ft.lens.get(v)!, ft.lens.get(u)!, SIGNED, EQ)
    }
  }
}

interface SliceInfo {
  lengthDiff: bigint
  where: 'for' | 'if'
  /** Which phi argument is the resliced one. */
  pred: number
}

const sameInfo = (a: SliceInfo, b: SliceInfo): boolean => a.lengthDiff === b.lengthDiff && a.where === b.where && a.pred === b.pred

/** vp = Phi(s, SliceMake(_, len(s or vp) + n, _)): the constant change of its length. */
function sliceInfo(vp: Value): SliceInfo | null {
  if (vp.op !== 'Phi' || vp.args.length !== 2) return null
  let pred: number
  if (vp.args[0]!.op !== 'SliceMake' && vp.args[1]!.op === 'SliceMake') pred = 1
  else if (vp.args[0]!.op === 'SliceMake' && vp.args[1]!.op !== 'SliceMake') pred = 0
  else return null
  const l = vp.args[pred]!.args[1]!
  let cop: string
  if (l.op === 'Add64') cop = 'Const64'
  else if (l.op === 'Add32') cop = 'Const32'
  else return null
  const [a0, a1] = [l.args[0]!, l.args[1]!]
  const lenOf = (x: Value, s: Value): boolean => x.op === 'SliceLen' && x.args[0] === s
  if (a0.op === cop && lenOf(a1, vp)) return { lengthDiff: a0.auxInt, where: 'for', pred }
  if (a1.op === cop && lenOf(a0, vp)) return { lengthDiff: a1.auxInt, where: 'for', pred }
  const other = vp.args[1 - pred]!
  if (a0.op === cop && lenOf(a1, other)) return { lengthDiff: a0.auxInt, where: 'if', pred }
  if (a1.op === cop && lenOf(a0, other)) return { lengthDiff: a1.auxInt, where: 'if', pred }
  return null
}
