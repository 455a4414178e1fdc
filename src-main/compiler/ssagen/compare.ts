// `==` and `!=` on arrays and structs, as gc 1.26's walk rewrites them
// (walkCompare, compare.EqStruct) for a 64-bit target that can merge loads
// (amd64 and ppc64 both can):
//   - small ones inline, as a chain of && (== ) or || (!=) of element or
//     field comparisons: arrays of up to 4 simple elements or 16 bytes,
//     integer elements of up to 4 bytes read as 8, 4 or 2 byte words built by
//     shifts and ors (memcombine merges those loads later); structs whose
//     memory runs cost at most 4 register compares, field by field, `!=` as
//     `!(p.f == q.f)`; nested arrays and structs recursively;
//   - larger ones by a call on both addresses: runtime.memequal(p, q, size)
//     for plain memory, else the generated `type:.eq.T` (floats, padding,
//     blank fields inside).
// The chain is a tree of conditions, built as values (a phi per && or ||,
// like ssagen's OANDAND) or as branches (condBranch) where it is a condition.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { Value, Block } from '../ssa/func'
import { fromGo, ptrTo, results, T, type SsaType } from '../ssa/types'
import { argWidth, qualifiedName } from './builder'
import { algOf, compareInline } from './alg'
import { Unsupported, unparen, type FnBuilder } from './fn'

/** One side of a comparison: read again at every use, as walk's safeExpr operands are. */
type Side = { t: SsaType; ssa: true; val: () => Value } | { t: SsaType; ssa: false; addr: () => Value }

/** The rewritten comparison: conditions joined as walk joins them. */
export type Cond = { k: 'leaf'; build: () => Value } | { k: '&&' | '||'; x: Cond; y: Cond } | { k: '!'; x: Cond }

const UNSIGNED: Record<number, SsaType> = { 1: T.uint8, 2: T.uint16, 4: T.uint32 }
const WORD: Record<number, SsaType> = { 2: T.uint16, 4: T.uint32, 8: T.int64 }

export const compareMethods = {
  /** `x == y` or `x != y` on arrays or structs, as a value. */
  aggregateCompare(this: FnBuilder, e: A.Binary): Value {
    return this.condValue(this.aggregateCond(e))
  },

  /** `x == y` or `x != y` on arrays or structs, as a branch. */
  aggregateBranch(this: FnBuilder, e: A.Binary, yes: Block, no: Block, likely: -1 | 0 | 1): void {
    this.condTreeBranch(this.aggregateCond(e), yes, no, likely)
  },

  aggregateCond(this: FnBuilder, e: A.Binary): Cond {
    // Both sides first (order's addrTemp, walk's safeExpr), left then right.
    const l = this.compareSide(e.x)
    const r = this.compareSide(e.y)
    this.pos = this.at(e.opPos)
    return this.compareSides(e.op as '==' | '!=', l, r)
  },

  /** An operand as walk leaves it: re-read at each use when it is a variable or a path from one, else held in order's temporary. */
  compareSide(this: FnBuilder, x: A.Expr): Side {
    const u = unparen(x)
    const t = fromGo(this.typeOf(u))
    if (u.kind === 'CompositeLit') throw new Unsupported(u.pos, 'comparison with a composite literal')
    if (u.kind === 'Call') {
      const v = this.expr(u)
      if (v.op !== 'Dereference') return { t, ssa: true, val: () => v }
      // Order's temporary holds the result (address-taken when an equality call compares it: callsComparedByAddress).
      const a = v.args[0]!
      if (a.op !== 'LocalAddr') return { t, ssa: false, addr: () => a }
      const name = (a.aux as { name: string }).name
      return { t, ssa: false, addr: () => this.v('LocalAddr', ptrTo(t), [this.sp, this.mem], 0n, { kind: 'sym', name }) }
    }
    if (!this.safePath(u)) throw new Unsupported(u.pos, 'comparison of this operand')
    if (this.exprCanSSA(u)) return { t, ssa: true, val: () => this.expr(u) }
    if (!this.addressable(u)) throw new Unsupported(u.pos, 'comparison of this operand')
    return { t, ssa: false, addr: () => this.addr(u) }
  },

  /** A variable, or fields, constant or variable indices and dereferences down from one: walk's safeExpr keeps it as it is. */
  safePath(this: FnBuilder, e: A.Expr): boolean {
    e = unparen(e)
    switch (e.kind) {
      case 'Ident':
        return this.cx.info.uses.get(e)?.kind === 'var'
      case 'Star':
        return this.safePath(e.x)
      case 'Selector':
        return this.cx.info.selections.get(e)?.kind === 'field' && this.safePath(e.x)
      case 'Index': {
        const i = unparen(e.index)
        return (this.cx.info.types.get(i)?.value !== undefined || i.kind === 'Ident') && this.safePath(e.x)
      }
      default:
        return false
    }
  },

  /** walkCompare on two sides of type t. */
  compareSides(this: FnBuilder, op: '==' | '!=', l: Side, r: Side): Cond {
    const t = l.t
    if (t.kind !== 'array' && t.kind !== 'struct') return { k: 'leaf', build: () => this.scalarCompare(op, sideValue(this, l), sideValue(this, r), t) }
    if (!compareInline(t)) return this.equalityCall(op, l, r)
    const andor = op === '==' ? '&&' : '||'
    let expr: Cond | null = null
    const add = (c: Cond): void => {
      expr = expr ? { k: andor, x: expr, y: c } : c
    }
    if (t.kind === 'struct') {
      t.fields!.forEach((f, i) => {
        if (f.name === '_') return
        const eq = this.compareSides('==', fieldSide(this, l, i), fieldSide(this, r, i))
        add(op === '==' ? eq : { k: '!', x: eq })
      })
    } else {
      const et = t.elem!
      const ints = et.kind === 'int' || et.kind === 'uint'
      let remains = t.len! * et.size
      for (let i = 0; remains > 0; ) {
        const word = remains >= 8 && ints && et.size <= 4 ? 8 : remains >= 4 && ints && et.size <= 2 ? 4 : remains >= 2 && ints && et.size === 1 ? 2 : 0
        const step = word ? word / et.size : 1
        if (step === 1) {
          add(this.compareSides(op, elemSide(this, l, i), elemSide(this, r, i)))
        } else {
          const at = i
          add({ k: 'leaf', build: () => this.scalarCompare(op, this.compareWord(l, at, step, WORD[word]!), this.compareWord(r, at, step, WORD[word]!), WORD[word]!) })
        }
        i += step
        remains -= step * et.size
      }
    }
    if (expr) return expr
    // Nothing to compare (zero size, only blank fields): the operands are still evaluated, for their panics.
    return {
      k: 'leaf',
      build: () => {
        for (const s of [l, r]) if (!s.ssa) s.addr()
        return this.constBool(op === '==')
      },
    }
  },

  /** Elements i…i+step-1 of an integer array as one word: uint(a[i]) | uint(a[i+1])<<w | … */
  compareWord(this: FnBuilder, s: Side, i: number, step: number, word: SsaType): Value {
    const et = s.t.elem!
    const part = (k: number): Value => {
      const v = sideValue(this, elemSide(this, s, k))
      const u = UNSIGNED[et.size]!
      return this.convert(this.convert(v, v.type, u, NOWHERE), u, word, NOWHERE)
    }
    let w = part(i)
    for (let k = 1; k < step; k++) {
      const shifted = this.shift('<<', part(i + k), this.constInt(T.uint, 8 * et.size * k), word, T.uint)
      w = this.v(`Or${word.size * 8}`, word, [w, shifted])
    }
    return w
  },

  /** A comparison walk leaves to the back end. */
  scalarCompare(this: FnBuilder, op: '==' | '!=', x: Value, y: Value, t: SsaType): Value {
    const name = op === '==' ? 'Eq' : 'Neq'
    if (t.kind === 'bool') return this.v(`${name}B`, T.bool, [x, y])
    if (t.kind === 'ptr' || t.kind === 'unsafeptr') return this.v(`${name}Ptr`, T.bool, [x, y])
    if (t.kind === 'float') return this.v(`${name}${t.size * 8}F`, T.bool, [x, y])
    if (t.kind === 'int' || t.kind === 'uint') return this.v(`${name}${t.size * 8}`, T.bool, [x, y])
    throw new Error(`internal: scalar comparison of ${t.str}`)
  },

  /** memequal(&x, &y, size) for plain memory, else the generated type:.eq.T(&x, &y); `!=` negates it. */
  equalityCall(this: FnBuilder, op: '==' | '!=', l: Side, r: Side): Cond {
    if (l.ssa || r.ssa) throw new Error(`internal: equality call on an SSA value of ${l.t.str}`)
    const t = l.t
    const call: Cond = {
      k: 'leaf',
      build: () => {
        const args = [l.addr(), r.addr()]
        const mem = algOf(t) === 'mem'
        if (mem) args.push(this.constInt(T.uintptr, t.size))
        const fn = mem ? 'runtime.memequal' : `type:.eq.${qualifiedName(t, this.cx.pkg)}`
        const types = args.map((a) => a.type)
        const v = this.v('StaticLECall', results([T.bool, T.mem]), [...args, this.mem], BigInt(argWidth(types)), { kind: 'call', fn })
        return this.callResults(v, [T.bool])[0]!
      },
    }
    return op === '==' ? call : { k: '!', x: call }
  },

  /** The condition as a bool value (ssagen's s.expr on OANDAND, OOROR, ONOT). */
  condValue(this: FnBuilder, c: Cond): Value {
    if (c.k === 'leaf') return c.build()
    if (c.k === '!') return this.v('Not', T.bool, [this.condValue(c.x)])
    const tmp = { name: '.andor' }
    const l = this.condValue(c.x)
    this.writeVar(tmp, l, T.bool)
    const right = this.newBlock()
    const done = this.newBlock()
    if (c.k === '&&') this.branch(l, right, done, 0)
    else this.branch(l, done, right, 0)
    this.seal(right)
    this.startBlock(right)
    this.writeVar(tmp, this.condValue(c.y), T.bool)
    this.jump(done)
    this.seal(done)
    this.startBlock(done)
    return this.readVar(tmp)
  },

  /** The condition as control flow (ssagen's condBranch). */
  condTreeBranch(this: FnBuilder, c: Cond, yes: Block, no: Block, likely: -1 | 0 | 1): void {
    if (c.k === '!') return this.condTreeBranch(c.x, no, yes, (-likely) as -1 | 0 | 1)
    if (c.k === 'leaf') return this.branch(c.build(), yes, no, likely)
    const mid = this.newBlock()
    if (c.k === '&&') this.condTreeBranch(c.x, mid, no, Math.max(likely, 0) as 0 | 1)
    else this.condTreeBranch(c.x, yes, mid, Math.min(likely, 0) as -1 | 0)
    this.seal(mid)
    this.startBlock(mid)
    this.condTreeBranch(c.y, yes, no, likely)
  },
}

const NOWHERE = { pos: -1, end: -1 } as A.Span

function sideValue(b: FnBuilder, s: Side): Value {
  return s.ssa ? s.val() : b.loadOrDeref(s.t, s.addr())
}

function fieldSide(b: FnBuilder, s: Side, i: number): Side {
  const f = s.t.fields![i]!
  if (s.ssa) return { t: f.type, ssa: true, val: () => b.v('StructSelect', f.type, [s.val()], BigInt(i)) }
  return { t: f.type, ssa: false, addr: () => b.v('OffPtr', ptrTo(f.type), [s.addr()], BigInt(f.offset)) }
}

/** walk's a[i] with a constant i: ssagen still makes the index and the length constants (its bounds check is elided). */
function elemSide(b: FnBuilder, s: Side, i: number): Side {
  const et = s.t.elem!
  const len = s.t.len!
  if (s.ssa) {
    return {
      t: et,
      ssa: true,
      val: () => {
        const a = s.val()
        b.constInt(T.int, i)
        b.constInt(T.int, len)
        return b.v('ArraySelect', et, [a], 0n)
      },
    }
  }
  return {
    t: et,
    ssa: false,
    addr: () => {
      const a = s.addr()
      const idx = b.constInt(T.int, i)
      b.constInt(T.int, len)
      return b.v('PtrIndex', ptrTo(et), [a, idx])
    },
  }
}

/** Whether `x == y` / `x != y` compares arrays or structs (walk rewrites those). */
export function isAggregateCompare(b: FnBuilder, e: A.Expr): boolean {
  if (e.kind !== 'Binary' || (e.op !== '==' && e.op !== '!=')) return false
  const k = fromGo(b.typeOf(e.x)).kind
  return k === 'array' || k === 'struct'
}


const NESTED = new Set(['Block', 'If', 'For', 'Range', 'Switch', 'Labeled', 'FuncLit'])

/** The calls of statement s whose results an equality call compares by address (order's temporary for them is address-taken). */
export function callsComparedByAddress(b: FnBuilder, s: A.Stmt): Set<A.Call> {
  const out = new Set<A.Call>()
  walkCode(s, (n) => {
    if (n !== s && NESTED.has(n.kind)) return false
    if (n.kind !== 'Binary' || !isAggregateCompare(b, n) || compareInline(fromGo(b.typeOf(n.x)))) return
    for (const x of [n.x, n.y]) {
      const u = unparen(x)
      if (u.kind === 'Call') out.add(u)
    }
  })
  return out
}
