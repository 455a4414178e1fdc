// gc's sccp (ssa/sccp.go): sparse conditional constant propagation
// (Wegman & Zadeck). Every value starts optimistically at top (unknown);
// values are evaluated only along CFG edges found reachable, a phi meets the
// arguments of its visited incoming edges, and an If whose condition is a
// known constant only makes its taken successor reachable. Each value falls
// at most twice (top → constant → bottom), so the worklists drain quickly.
//
// Only the ops gc lists are evaluated (others are bottom at once), and the
// evaluation is the generic rewrite rules' constant folding: a scratch copy
// of the op on the constant arguments is rewritten once, as gc's
// computeLattice does, and counts only when it became a constant. At the
// end values proven constant become that constant in place (their position
// and names stay), and Ifs (or jump tables) on a constant lose the edges not
// taken; generic deadcode, next, removes what became unreachable.

import type { PassContext } from '../compile'
import type { Block, Func, Value } from '../func'
import { rulesFor, type RuleSet } from '../rewrite'
import { genericRules } from '../rules/generic'
import { removeEdge, succEdgeIndex } from './deadcode'

const TOP = 0
const CONSTANT = 1
const BOTTOM = 2

interface Lattice {
  tag: typeof TOP | typeof CONSTANT | typeof BOTTOM
  /** The constant (a Const value) when tag is CONSTANT. */
  val: Value | null
}

const TAG_NAMES = ['top', 'constant', 'bottom']

const top: Lattice = { tag: TOP, val: null }
const bottom: Lattice = { tag: BOTTOM, val: null }

const CONST_OPS = new Set(['Const64', 'Const32', 'Const16', 'Const8', 'ConstBool', 'Const32F', 'Const64F'])

const UNARY_OPS = new Set([
  'Neg8', 'Neg16', 'Neg32', 'Neg64', 'Neg32F', 'Neg64F', 'Com8', 'Com16', 'Com32', 'Com64',
  'Floor', 'Ceil', 'Trunc', 'RoundToEven', 'Sqrt',
  'Trunc16to8', 'Trunc32to8', 'Trunc32to16', 'Trunc64to8', 'Trunc64to16', 'Trunc64to32',
  'Cvt32to32F', 'Cvt32to64F', 'Cvt64to32F', 'Cvt64to64F', 'Cvt32Fto32', 'Cvt32Fto64', 'Cvt64Fto32', 'Cvt64Fto64', 'Cvt32Fto64F', 'Cvt64Fto32F',
  'CvtBoolToUint8',
  'ZeroExt8to16', 'ZeroExt8to32', 'ZeroExt8to64', 'ZeroExt16to32', 'ZeroExt16to64', 'ZeroExt32to64',
  'SignExt8to16', 'SignExt8to32', 'SignExt8to64', 'SignExt16to32', 'SignExt16to64', 'SignExt32to64',
  'Ctz8', 'Ctz16', 'Ctz32', 'Ctz64', 'Slicemask', 'IsNonNil', 'Not',
])

const BINARY_OPS = new Set([
  'Add64', 'Add32', 'Add16', 'Add8', 'Add32F', 'Add64F', 'Sub64', 'Sub32', 'Sub16', 'Sub8', 'Sub32F', 'Sub64F',
  'Mul64', 'Mul32', 'Mul16', 'Mul8', 'Mul32F', 'Mul64F',
  'Div32F', 'Div64F', 'Div8', 'Div16', 'Div32', 'Div64', 'Div8u', 'Div16u', 'Div32u', 'Div64u',
  'Mod8', 'Mod16', 'Mod32', 'Mod64', 'Mod8u', 'Mod16u', 'Mod32u', 'Mod64u',
  'Eq64', 'Eq32', 'Eq16', 'Eq8', 'Eq32F', 'Eq64F',
  'Less64', 'Less32', 'Less16', 'Less8', 'Less64U', 'Less32U', 'Less16U', 'Less8U', 'Less32F', 'Less64F',
  'Leq64', 'Leq32', 'Leq16', 'Leq8', 'Leq64U', 'Leq32U', 'Leq16U', 'Leq8U', 'Leq32F', 'Leq64F',
  'EqB', 'NeqB',
  'Lsh64x64', 'Rsh64x64', 'Rsh64Ux64', 'Lsh32x64', 'Rsh32x64', 'Rsh32Ux64', 'Lsh16x64', 'Rsh16x64', 'Rsh16Ux64', 'Lsh8x64', 'Rsh8x64', 'Rsh8Ux64',
  'IsInBounds', 'IsSliceInBounds',
  'And8', 'And16', 'And32', 'And64', 'Or8', 'Or16', 'Or32', 'Or64', 'Xor8', 'Xor16', 'Xor32', 'Xor64',
])

const isConst = (v: Value): boolean => CONST_OPS.has(v.op)

/** gc's possibleConst: the ops sccp evaluates; every other value is bottom from the start. */
const possibleConst = (v: Value): boolean => isConst(v) || v.op === 'Copy' || v.op === 'Phi' || UNARY_OPS.has(v.op) || BINARY_OPS.has(v.op)

/** Two lattice values are the same: constants by op and auxInt (different values may hold the same constant). */
function equals(a: Lattice, b: Lattice): boolean {
  if (a.tag !== b.tag) return false
  if (a.tag !== CONSTANT) return true
  return a.val!.op === b.val!.op && a.val!.auxInt === b.val!.auxInt
}

/** A CFG edge as gc's Edge: the destination and the index of the edge among its predecessors. */
const edgeKey = (b: Block, i: number): string => `${b.id}:${i}`

class Sccp {
  private readonly cells = new Map<Value, Lattice>()
  /** Uses that may become constants, per value (only those need a revisit when it changes). */
  private readonly defUse = new Map<Value, Value[]>()
  /** Blocks a value controls, for values that may become constants. */
  private readonly defBlock = new Map<Value, Block[]>()
  private readonly visited = new Set<string>()
  private readonly visitedBlock = new Set<Block>()
  private readonly edges: [Block, number][] = []
  private readonly uses: Value[] = []
  /** Scratch values made to evaluate an op on constants (gc leaves them in the entry block for deadcode; we remove them). */
  private readonly scratch: Value[] = []
  private readonly rules: RuleSet

  constructor(
    private readonly f: Func,
    arch: string,
  ) {
    this.rules = genericRules({ pass: 'sccp', arch })
  }

  run(): void {
    this.buildDefUses()
    this.edges.push([this.f.entry, 0])
    let e = 0
    let u = 0
    for (;;) {
      if (e < this.edges.length) {
        const [dest, i] = this.edges[e++]!
        const key = edgeKey(dest, i)
        if (this.visited.has(key)) continue
        const destVisited = this.visitedBlock.has(dest)
        this.visited.add(key)
        this.visitedBlock.add(dest)
        // A new edge into a block seen before can only change its phis. Scratch
        // values appended to the entry meanwhile are not visited (gc ranges over a copy).
        const values = dest.values.slice()
        for (const v of values) if (v.op === 'Phi' || !destVisited) this.visitValue(v)
        if (!destVisited) this.propagate(dest)
        continue
      }
      if (u < this.uses.length) {
        this.visitValue(this.uses[u++]!)
        continue
      }
      break
    }
    this.dropScratch()
    this.replaceConst()
  }

  private buildDefUses(): void {
    for (const b of this.f.blocks) {
      for (const v of b.values) {
        if (!possibleConst(v)) continue
        for (const a of v.args) {
          if (!possibleConst(a)) continue
          let list = this.defUse.get(a)
          if (!list) this.defUse.set(a, (list = []))
          list.push(v)
        }
      }
      for (const c of b.controls) {
        if (!possibleConst(c)) continue
        let list = this.defBlock.get(c)
        if (!list) this.defBlock.set(c, (list = []))
        list.push(b)
      }
    }
  }

  private cell(v: Value): Lattice {
    if (!possibleConst(v)) return bottom
    return this.cells.get(v) ?? top
  }

  private addUses(v: Value): void {
    for (const use of this.defUse.get(v) ?? []) if (use !== v) this.uses.push(use)
    for (const b of this.defBlock.get(v) ?? []) if (this.visitedBlock.has(b)) this.propagate(b)
  }

  /** The meet of a phi's arguments over its visited incoming edges (unvisited ones are top and do not count). */
  private meet(phi: Value): Lattice {
    let acc = top
    for (let i = 0; i < phi.args.length; i++) {
      if (!this.visited.has(edgeKey(phi.block, i))) continue
      const lt = this.cell(phi.args[i]!)
      if (lt.tag === BOTTOM) return bottom
      if (lt.tag === CONSTANT) {
        if (acc.tag === TOP) acc = lt
        else if (!equals(acc, lt)) return bottom
      }
    }
    return acc
  }

  /**
   * The op of v applied to constant arguments, by the generic rules: a
   * scratch value in the entry block gets the first rule that matches it (gc
   * reuses rewriteValuegeneric rather than an evaluator of its own); it is a
   * constant only if that rule folded it to one.
   */
  private compute(v: Value, args: Value[]): Lattice {
    const f = this.f
    const before = f.entry.values.length
    const tmp = f.newValue(f.entry, v.op, v.type, args, 0n, null, v.pos)
    for (const rule of rulesFor(this.rules, tmp)) {
      if (!rule.apply(tmp, f)) continue
      // Whatever the rule made (the scratch value and any sub-values) is scratch too.
      this.scratch.push(...f.entry.values.slice(before))
      return isConst(tmp) ? { tag: CONSTANT, val: tmp } : bottom
    }
    this.scratch.push(...f.entry.values.slice(before))
    return bottom
  }

  private visitValue(v: Value): void {
    if (!possibleConst(v)) return
    const old = this.cell(v)
    let lt: Lattice
    if (isConst(v)) lt = { tag: CONSTANT, val: v }
    else if (v.op === 'Copy') lt = this.cell(v.args[0]!)
    else if (v.op === 'Phi') lt = this.meet(v)
    else if (UNARY_OPS.has(v.op)) {
      const a = this.cell(v.args[0]!)
      lt = a.tag === CONSTANT ? this.compute(v, [a.val!]) : a.tag === TOP ? top : bottom
    } else {
      const a = this.cell(v.args[0]!)
      const b = this.cell(v.args[1]!)
      if (a.tag === CONSTANT && b.tag === CONSTANT) lt = this.compute(v, [a.val!, b.val!])
      else lt = a.tag === BOTTOM || b.tag === BOTTOM ? bottom : top
    }
    this.cells.set(v, lt)
    if (!equals(lt, old)) {
      if (old.tag > lt.tag) throw new Error(`sccp: the lattice of ${v} rose from ${TAG_NAMES[old.tag]} to ${TAG_NAMES[lt.tag]}`)
      this.addUses(v)
    }
  }

  /** Queue the edges out of b that can be taken, given what its control is known to be. */
  private propagate(b: Block): void {
    const out = (k: number): void => void this.edges.push([b.succs[k]!, succEdgeIndex(b, k)])
    switch (b.kind) {
      case 'Exit':
      case 'Ret':
      case 'RetJmp':
      case 'Invalid':
        return
      case 'Defer':
        for (let k = 0; k < b.succs.length; k++) out(k)
        return
      case 'First':
      case 'Plain':
        out(0)
        return
      case 'If':
      case 'JumpTable': {
        const c = this.cell(b.controls[0]!)
        if (c.tag === BOTTOM) for (let k = 0; k < b.succs.length; k++) out(k)
        else if (c.tag === CONSTANT) {
          const k = b.kind === 'If' ? 1 - Number(c.val!.auxInt) : Number(c.val!.auxInt)
          // A jump table index out of range: that code is unreachable.
          if (k >= 0 && k < b.succs.length) out(k)
        }
        return
      }
      default:
        throw new Error(`sccp: unexpected block kind ${b.kind} (${b})`)
    }
  }

  /** Scratch values go (gc leaves them to deadcode); the constants proven keep only op and auxInt from them. */
  private dropScratch(): void {
    if (this.scratch.length === 0) return
    const drop = new Set(this.scratch)
    for (const v of this.scratch) v.setArgs([])
    // gc leaves them in place until generic deadcode frees them (gcids.ts).
    this.f.gcIds.dropLater(this.f.entry, (v) => drop.has(v))
    this.f.entry.values = this.f.entry.values.filter((v) => !drop.has(v))
  }

  private replaceConst(): void {
    for (const [v, lt] of this.cells) {
      if (lt.tag !== CONSTANT) continue
      const c = lt.val!
      if (!isConst(v)) {
        const { op, auxInt } = c
        v.reset(op)
        v.auxInt = auxInt
      }
      for (const b of this.defBlock.get(v) ?? []) rewireSuccessor(b, c.auxInt)
    }
  }
}

/** A block whose control is the constant c keeps only the edge taken (gc's rewireSuccessor). */
function rewireSuccessor(b: Block, c: bigint): void {
  if (b.kind === 'If') {
    removeEdge(b, Number(c))
  } else if (b.kind === 'JumpTable') {
    const k = Number(c)
    // Out of range only in unreachable code (a jump table's index is checked before it).
    if (k < 0 || k >= b.succs.length) return
    const taken = b.succs[k]!
    // Remove every other edge, last first, so the taken one is all that remains.
    for (let i = b.succs.length - 1; i >= 0; i--) if (i !== k) removeEdge(b, i)
    if (b.succs[0] !== taken) throw new Error(`sccp: rewiring ${b} lost its taken edge`)
  } else return
  b.kind = 'Plain'
  b.likely = 0
  b.setControl(null)
}

export function sccp(f: Func, ctx: PassContext): void {
  new Sccp(f, ctx.arch).run()
}
