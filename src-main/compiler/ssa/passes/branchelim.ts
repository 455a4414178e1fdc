// gc's branchelim (ssa/branchelim.go): an If whose ways meet again right
// away becomes straight-line code, its join's phis CondSelects on the
// branch condition (lowered to CMOVQcc on amd64, ISEL on ppc64):
//
//   triangle: dom → simple → post, dom → post   (elimIf)
//   diamond:  dom → yes → post, dom → no → post  (elimIfElse)
//
// Only when every value of the arms can run on both ways (nothing that
// touches memory, panics or makes pointers), the arms are short (at most two
// values in a triangle's arm, one in each arm of a diamond), every phi is a
// register-sized integer or pointer (amd64 has no byte CMOV) that no load
// address depends on (a conditional move there would make the load wait for
// the condition), and the branch is not marked likely either way. On amd64 a
// diamond must also be cheap: one CMOV, or a few without values of the arms
// that the phis read (those could clobber the flags the CMOVs need).

import type { PassContext } from '../compile'
import type { Block, Func, Pos, Value } from '../func'
import { isPtrShaped, type SsaType } from '../types'
import { succEdgeIndex, withStmt } from './deadcode'
import { canSpeculativelyExecute } from './fuse'
import { POOR_STATEMENT_OPS } from './nilcheck'

/** Most values a triangle's arm may hold: instructions run for nothing when the other way is taken. */
const MAX_FUSE_INSTS = 2
/** Register size on amd64 and ppc64. */
const REG_SIZE = 8
/** Architectures that lower CondSelect (gc's config.haveCondSelect), among those we model. */
const HAVE_COND_SELECT = new Set(['amd64', 'ppc64'])

const LOAD_OPS = new Set(['Load', 'AtomicLoad8', 'AtomicLoad32', 'AtomicLoad64', 'AtomicLoadPtr', 'AtomicLoadAcq32', 'AtomicLoadAcq64'])

const isInteger = (t: SsaType): boolean => t.kind === 'int' || t.kind === 'uint'
const isPtrOrInt = (t: SsaType): boolean => isInteger(t) || t.kind === 'ptr' || t.kind === 'unsafeptr'

export function branchelim(f: Func, ctx: PassContext): void {
  const arch = ctx.arch
  if (!HAVE_COND_SELECT.has(arch)) return
  const loadAddr = loadAddresses(f)
  for (let change = true; change; ) {
    change = false
    for (const b of f.blocks) change = elimIf(arch, loadAddr, b) || elimIfElse(arch, loadAddr, b) || change
  }
  // gc leaves the emptied blocks to the next deadcode; they are unreachable and hold nothing.
  f.blocks = f.blocks.filter((b) => b.kind !== 'Invalid')
}

/**
 * Values that go into the address of a load (or a Move's source): integer
 * and pointer arguments of such values, transitively, over blocks reachable
 * from the entry.
 */
function loadAddresses(f: Func): Set<Value> {
  const set = new Set<Value>()
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (LOAD_OPS.has(v.op)) set.add(v.args[0]!)
      else if (v.op === 'Move') set.add(v.args[1]!)
    }
  }
  const blocks = reachable(f)
  for (let n = -1; n !== set.size; ) {
    n = set.size
    for (const b of blocks) {
      for (let i = b.values.length - 1; i >= 0; i--) {
        const v = b.values[i]!
        if (!set.has(v)) continue
        for (const a of v.args) if (isPtrOrInt(a.type)) set.add(a)
      }
    }
  }
  return set
}

/** Blocks reachable from the entry through any successor (gc's postorder also follows a First's second edge). */
function reachable(f: Func): Block[] {
  const seen = new Set<Block>([f.entry])
  const stack = [f.entry]
  while (stack.length) {
    for (const s of stack.pop()!.succs) {
      if (seen.has(s)) continue
      seen.add(s)
      stack.push(s)
    }
  }
  return [...seen]
}

/** Whether the phi v may become a CondSelect. */
function canCondSelect(v: Value, arch: string, loadAddr: Set<Value>): boolean {
  if (loadAddr.has(v)) return false
  if (v.type.size > REG_SIZE) return false
  if (isPtrShaped(v.type)) return true
  if (isInteger(v.type)) return !(arch === 'amd64' && v.type.size < 2)
  return false
}

/** Every phi of post can become a CondSelect, and there is at least one. */
function phisSelectable(arch: string, post: Block, loadAddr: Set<Value>): boolean {
  let phis = 0
  for (const v of post.values) {
    if (v.op !== 'Phi') continue
    if (!canCondSelect(v, arch, loadAddr)) return false
    phis++
  }
  return phis > 0
}

/** post's phis become CondSelects on cond (args swapped when the true way arrives second). */
function toCondSelects(post: Block, cond: Value, swap: boolean): void {
  for (const v of post.values) {
    if (v.op !== 'Phi') continue
    v.op = 'CondSelect'
    if (swap) v.args.reverse()
    v.addArg(cond)
  }
}

/** dom takes over post's end: kind, controls, aux and successors (post's edges now come from dom). */
function takeEnd(dom: Block, post: Block): void {
  dom.kind = post.kind
  for (const c of dom.controls) c.uses--
  dom.controls = [...post.controls]
  for (const c of dom.controls) c.uses++
  dom.aux = post.aux
  const ins = post.succs.map((_, k) => succEdgeIndex(post, k))
  dom.succs = [...post.succs]
  dom.succs.forEach((s, k) => (s.preds[ins[k]!] = dom))
}

/** gc's clobberBlock: the block is emptied and detached (the pass drops it at the end). */
function clobber(b: Block): void {
  b.values = []
  b.preds = []
  b.succs = []
  b.aux = null
  b.setControl(null)
  b.likely = 0
  b.kind = 'Invalid'
}

const isPlainLeaf = (b: Block): boolean => b.kind === 'Plain' && b.preds.length === 1
const isStmt = (p: Pos): boolean => p.stmt === '+'
const sameLine = (a: Pos, b: Pos): boolean => a.line === b.line

/** The triangle: dom's arm `simple` falls into post, dom's other way goes straight to post. */
function elimIf(arch: string, loadAddr: Set<Value>, dom: Block): boolean {
  if (dom.kind !== 'If' || dom.likely !== 0) return false
  let simple: Block | null = null
  let post: Block | null = null
  for (let i = 0; i < dom.succs.length; i++) {
    const bb = dom.succs[i]!
    const other = dom.succs[i ^ 1]!
    if (isPlainLeaf(bb) && bb.succs[0] === other) {
      simple = bb
      post = other
      break
    }
  }
  if (!simple || !post || post.preds.length !== 2 || post === dom) return false
  if (!phisSelectable(arch, post, loadAddr)) return false
  if (simple.values.length > MAX_FUSE_INSTS || !canSpeculativelyExecute(simple)) return false

  const swap = (post.preds[0] === dom) !== (dom.succs[0] === post)
  toCondSelects(post, dom.controls[0]!, swap)
  takeEnd(dom, post)
  for (const v of simple.values) v.block = dom
  for (const v of post.values) v.block = dom
  keepStatementMarks(dom, simple, post)
  dom.values.push(...simple.values, ...post.values)
  clobber(post)
  clobber(simple)
  return true
}

/**
 * The statement marks simple's and post's block ends carried must survive
 * them (gc tries hard): a value of the same line already marked, else one
 * that can carry a mark, else dom's end, else a value (or the end) of dom's
 * only successor when dom is its only predecessor.
 */
function keepStatementMarks(dom: Block, simple: Block, post: Block): void {
  const simplePos = simple.pos
  const postPos = post.pos
  let simpleStmt = isStmt(simplePos)
  let postStmt = isStmt(postPos)
  const hasMark = (b: Block): boolean => b.values.some((v) => sameLine(b.pos, v.pos) && isStmt(v.pos))
  const mark = (b: Block): boolean => {
    const v = b.values.find((v) => sameLine(b.pos, v.pos) && !POOR_STATEMENT_OPS.has(v.op))
    if (v) v.pos = withStmt(v.pos, '+')
    return v !== undefined
  }
  if (simpleStmt) {
    simpleStmt = !hasMark(simple)
    if (!simpleStmt && sameLine(simplePos, postPos)) postStmt = false
  }
  if (postStmt) postStmt = !hasMark(post)
  if (simpleStmt && mark(simple) && sameLine(simplePos, postPos)) postStmt = false
  if (postStmt) postStmt = !mark(post)
  if (!postStmt) return
  if (!isStmt(dom.pos)) {
    dom.pos = postPos
    return
  }
  if (dom.succs.length !== 1 || dom.succs[0]!.preds.length !== 1) return
  const succ = dom.succs[0]!
  for (const v of succ.values) {
    if (POOR_STATEMENT_OPS.has(v.op)) continue
    if (sameLine(postPos, v.pos)) v.pos = withStmt(v.pos, '+')
    postStmt = false
    break
  }
  if (postStmt && !isStmt(succ.pos)) succ.pos = postPos
}

/** The diamond: both ways of b are one-value (or empty) Plain blocks falling into the same post. */
function elimIfElse(arch: string, loadAddr: Set<Value>, b: Block): boolean {
  if (b.kind !== 'If' || b.likely !== 0) return false
  const yes = b.succs[0]!
  const no = b.succs[1]!
  if (!isPlainLeaf(yes) || yes.values.length > 1 || !canSpeculativelyExecute(yes)) return false
  if (!isPlainLeaf(no) || no.values.length > 1 || !canSpeculativelyExecute(no)) return false
  if (yes.succs[0] !== no.succs[0]) return false
  const post = yes.succs[0]!
  if (post.preds.length !== 2 || post === b) return false
  if (!phisSelectable(arch, post, loadAddr)) return false
  if (!shouldElimIfElse(no, yes, post, arch)) return false

  toCondSelects(post, b.controls[0]!, post.preds[0] !== yes)
  takeEnd(b, post)
  for (const v of post.values) v.block = b
  for (const v of yes.values) v.block = b
  for (const v of no.values) v.block = b
  b.values.push(...yes.values, ...no.values, ...post.values)
  clobber(yes)
  clobber(no)
  clobber(post)
  return true
}

/**
 * amd64's cost rule: each CMOV costs 1 (its latency is above one cycle);
 * with more than one, every argument a value of post takes from the arms
 * costs 1 more (computing it may clobber the flags, so the condition would
 * be computed again). Below 2 it pays. Other architectures always convert.
 */
function shouldElimIfElse(no: Block, yes: Block, post: Block, arch: string): boolean {
  if (arch !== 'amd64') return true
  let phi = 0
  let other = 0
  for (const v of post.values) {
    if (v.op === 'Phi') phi++
    for (const x of v.args) if (x.block === no || x.block === yes) other++
  }
  const cost = phi > 1 ? phi + other : phi
  return cost < 2
}
