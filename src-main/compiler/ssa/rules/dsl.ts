// Rewrite rules written the way gc's _gen/*.rules files write them.
//
// A rule is `rule(text, build)`: `text` is the rule in gc's notation and is
// both its name in the rule log and, for its left-hand side, the matcher:
// `(Add64 (Const64 [c]) (Const64 [d])) && cond => result` is parsed here and
// matches exactly what it says (commutative ops in both argument orders, as
// rulegen does; a variable used twice must be the same value). The condition
// and the result are the TypeScript function `build`, which gets the bound
// variables and returns what v becomes (`op(...)` or an existing value), or
// null when the condition does not hold.
//
// Bound variables are typed like rulegen's: `[c]` is a bigint for integer
// aux kinds (sign-extended to the op's width), a number for floats, a boolean
// for Bool; `<t>` and `{t}` of a Typ aux are SsaTypes; other `{s}` are Auxes.

import type { BlockRule, ValueRule } from '../rewrite'
import { bitsFloat, floatBits } from '../auxint'
import type { Aux, Block, Func, Value } from '../func'
import { opInfo } from '../opinfo'
import { auxEqual, NoLayout } from './helpers'
import { bytePtr, ptrTo, T, tuple, type SsaType } from '../types'

/** What a rule may depend on besides the function: gc's pass name and config. */
export interface RuleEnv {
  pass: string
  arch: string
}

/**
 * A rule's bound variables plus `v` (the matched value), `b` (its block), `env`.
 * Bindings are of several types (Value, bigint, number, boolean, SsaType, Aux):
 * rules destructure what their pattern bound, annotating where arithmetic needs it.
 */
export type Match = Record<string, any> & { v: Value; b: Block; env: RuleEnv }

export type Fields = { type?: SsaType; auxInt?: bigint | number | boolean; aux?: Aux | null; block?: Block }

/** A value a rule's result creates (or, at the top, what the matched value becomes). */
export class Make {
  constructor(
    readonly op: string,
    readonly fields: Fields,
    readonly args: Node[],
  ) {}
}
export type Node = Make | Value

/** `op('Add64', x, y)`, `op('Const64', { type: t, auxInt: c })`, `op('OffPtr', { type: t, auxInt: 8n }, p)`. */
export function op(name: string, ...rest: (Fields | Node)[]): Make {
  let fields: Fields = {}
  if (rest.length > 0 && !(rest[0] instanceof Make) && !isValue(rest[0])) fields = rest.shift() as Fields
  return new Make(name, fields, rest as Node[])
}

const isValue = (x: unknown): x is Value => typeof x === 'object' && x !== null && 'ref' in x && 'uses' in x

export type Build = (m: Match) => Node | null | undefined | false

/** One rule: the op it is tried on, its gc text, its parsed left side and its condition+result. */
export interface RuleDef {
  op: string
  text: string
  pattern: OpPat
  build: Build
}

// ---- the pattern language -------------------------------------------------

type Pat = { kind: 'any' } | { kind: 'rest' } | { kind: 'var'; name: string } | OpPat

interface OpPat {
  kind: 'op'
  op: string
  bind?: string
  type?: { name: string } | { lit: SsaType }
  auxInt?: { name: string } | { lit: bigint | number | boolean }
  aux?: { name: string } | { any: true }
  args: Pat[]
  variadic: boolean
  /** The op is commutative: rulegen tries its first two arguments both ways. */
  commutative: boolean
}

/** Collapse the rule's layout to one line, as the rule log shows it. */
export const ruleName = (text: string): string => text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim()

/** A rule; `build` may annotate its bindings' types (e.g. `({ c }: { c: bigint })`) where TypeScript needs them. */
export function rule<B = Match>(text: string, build: (m: B) => Node | null | undefined | false): RuleDef {
  const name = ruleName(text)
  const p = new PatParser(name).parseTop()
  if (p.kind !== 'op') throw new Error(`rule ${name}: left side must be an op`)
  return { op: p.op, text: name, pattern: p, build: build as unknown as Build }
}

class PatParser {
  private i = 0
  constructor(private readonly s: string) {}

  parseTop(): Pat {
    this.ws()
    return this.pat()
  }

  private fail(msg: string): never {
    throw new Error(`rule ${this.s}: ${msg} at ${this.i}`)
  }

  private ws(): void {
    while (this.s[this.i] === ' ') this.i++
  }

  private ident(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.s.slice(this.i))
    if (!m) this.fail('expected a name')
    this.i += m[0].length
    return m[0]
  }

  /** The text inside a bracket pair starting at i, nesting-aware. */
  private group(open: string, close: string): string {
    let depth = 0
    const start = this.i
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i]
      if (c === open) depth++
      else if (c === close && --depth === 0) {
        this.i++
        return this.s.slice(start + 1, this.i - 1).trim()
      }
    }
    return this.fail(`unclosed ${open}`)
  }

  private pat(): Pat {
    this.ws()
    if (this.s[this.i] === '(') return this.sexpr(undefined)
    const name = this.ident()
    if (name === '___') return { kind: 'rest' }
    if (name === '_') return { kind: 'any' }
    if (this.s[this.i] === ':') {
      this.i++
      return this.sexpr(name)
    }
    return { kind: 'var', name }
  }

  private sexpr(bind: string | undefined): OpPat {
    if (this.s[this.i] !== '(') this.fail('expected (')
    this.i++
    this.ws()
    const p: OpPat = { kind: 'op', op: this.ident(), args: [], variadic: false, commutative: false }
    if (bind) p.bind = bind
    for (;;) {
      this.ws()
      const c = this.s[this.i]
      if (c === ')') {
        this.i++
        p.commutative = p.args.length >= 2 && opInfo(p.op, parseArch).commutative === true
        return p
      }
      if (c === '<') {
        const t = this.group('<', '>')
        p.type = /^[a-z]\w*$/.test(t) ? { name: t } : { lit: namedType(t) }
      } else if (c === '[') {
        const a = this.group('[', ']')
        p.auxInt = /^[a-z]\w*$/.test(a) && a !== 'true' && a !== 'false' ? { name: a } : { lit: literal(a, opInfo(p.op, parseArch).aux) }
      } else if (c === '{') {
        const a = this.group('{', '}')
        p.aux = a === '_' ? { any: true } : { name: a }
      } else {
        const a = this.pat()
        if (a.kind === 'rest') p.variadic = true
        else p.args.push(a)
      }
    }
  }
}

let typeNames: Record<string, SsaType> | null = null

/** gc's `typ.X` names used in rules, and the op table's fixed result types (`Bool`, `Mem`…). */
export function namedType(name: string): SsaType {
  typeNames ??= {
    'typ.Int': T.int, 'typ.Int8': T.int8, 'typ.Int16': T.int16, 'typ.Int32': T.int32, 'typ.Int64': T.int64,
    'typ.UInt8': T.uint8, 'typ.UInt16': T.uint16, 'typ.UInt32': T.uint32, 'typ.UInt64': T.uint64,
    'typ.Uintptr': T.uintptr, 'typ.Bool': T.bool, 'typ.BytePtr': bytePtr, 'typ.IntPtr': ptrTo(T.int),
    'typ.Float32': T.float32, 'typ.Float64': T.float64, 'typ.Mem': T.mem,
    Int: T.int, Int16: T.int16, Int32: T.int32, Int64: T.int64, UInt16: T.uint16, UInt32: T.uint32, UInt64: T.uint64,
    Uintptr: T.uintptr, Bool: T.bool, BytePtr: bytePtr, Mem: T.mem, Void: T.void,
    Int8: T.int8, UInt8: T.uint8, Float32: T.float32, Float64: T.float64, Flags: T.flags, 'types.TypeFlags': T.flags,
  }
  // Lowered ops' fixed tuple types, e.g. `(Int,Flags)`.
  const pair = /^\((\w+),\s*(\w+)\)$/.exec(name)
  if (pair) return tuple(namedType(pair[1]!), namedType(pair[2]!))
  const r = typeNames[name]
  if (!r) throw new Error(`unknown rule type ${name}`)
  return r
}

const MATH: Record<string, bigint> = {
  'math.MinInt64': -(1n << 63n), 'math.MaxInt64': (1n << 63n) - 1n,
  'math.MinInt32': -(1n << 31n), 'math.MaxInt32': (1n << 31n) - 1n,
  'math.MinInt16': -(1n << 15n), 'math.MaxInt16': (1n << 15n) - 1n,
  'math.MinInt8': -(1n << 7n), 'math.MaxInt8': (1n << 7n) - 1n,
}

/** A literal auxint in a pattern: `0`, `-1`, `0xFF`, `-1<<63`, `math.MaxInt8 -1`, `true`. */
function literal(text: string, kind: string | undefined): bigint | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true'
  const m = /^(-?(?:0x[0-9a-fA-F]+|\d+)|math\.\w+)\s*(?:(<<|\+|-)\s*(\d+))?$/.exec(text)
  if (!m) throw new Error(`unsupported literal [${text}]`)
  const num = m[1]!
  let x = num.startsWith('math.') ? MATH[num] : num.startsWith('-') ? -BigInt(num.slice(1)) : BigInt(num)
  if (x === undefined) throw new Error(`unknown constant ${m[1]}`)
  if (m[2] === '<<') x <<= BigInt(m[3]!)
  else if (m[2] === '+') x += BigInt(m[3]!)
  else if (m[2] === '-') x -= BigInt(m[3]!)
  return kind === 'Float32' || kind === 'Float64' ? Number(x) : x
}

// ---- arch rules ------------------------------------------------------------

/** The arch whose op table patterns are parsed against (lowering rules name lowered ops). */
let parseArch: string | undefined

/** Define rules for an arch: `withRuleArch('ppc64', () => [rule('(MOVDload …)', …)])`. */
export function withRuleArch<R>(arch: string, define: () => R): R {
  const outer = parseArch
  parseArch = arch
  try {
    return define()
  } finally {
    parseArch = outer
  }
}

// ---- typed auxint, as rulegen's auxIntToX / xToAuxInt ----------------------

const INT_BITS: Record<string, number> = { Int8: 8, Int16: 16, Int32: 32, Int64: 64, UInt8: 8 }

/** v.AuxInt as the rule sees it, by the op's aux kind. */
export function auxIntValue(opName: string, auxInt: bigint, arch?: string): bigint | number | boolean {
  const kind = opInfo(opName, arch).aux
  if (kind === 'Bool') return auxInt !== 0n
  if (kind === 'Float64') return bitsFloat(auxInt)
  if (kind === 'Float32') return Math.fround(bitsFloat(auxInt))
  const w = kind ? INT_BITS[kind] : undefined
  if (w) return kind === 'UInt8' ? BigInt.asUintN(8, auxInt) : BigInt.asIntN(w, auxInt)
  return auxInt
}

/** A rule's auxint result stored as the op's aux kind wants it (wrapping at its width). */
export function toAuxInt(opName: string, x: bigint | number | boolean, arch?: string): bigint {
  const kind = opInfo(opName, arch).aux
  if (typeof x === 'boolean') return x ? 1n : 0n
  if (kind === 'Float64' || kind === 'Float32') {
    const f = typeof x === 'number' ? x : Number(x)
    return floatBits(kind === 'Float32' ? Math.fround(f) : f)
  }
  const n = typeof x === 'number' ? BigInt(Math.trunc(x)) : x
  const w = kind ? INT_BITS[kind] : undefined
  if (w) return kind === 'UInt8' ? BigInt.asUintN(8, n) : BigInt.asIntN(w, n)
  return BigInt.asIntN(64, n)
}

/**
 * The Aux a `{t}` binds: the type itself for Typ kinds, else the Aux (a type
 * descriptor symbol stays an Aux, so `(Addr {sym} b) => (LEAQ {sym} b)` keeps it).
 */
function auxBinding(a: Aux | null): Aux | SsaType | null {
  if (a && a.kind === 'type') return a.type
  return a
}

/** A variable bound twice must see the same thing: values and types by identity, auxes by what they name. */
function sameBinding(a: unknown, b: unknown): boolean {
  if (a === b) return true
  return isAux(a) && isAux(b) && auxEqual(a, b)
}

function isAux(x: unknown): x is Aux {
  return typeof x === 'object' && x !== null && 'kind' in x && !('size' in x) && !('uses' in x)
}

// ---- matching --------------------------------------------------------------

/**
 * A pattern flattened in pre-order: node i's value is argument `argIdx[i]`
 * of its parent's value (the first two swapped when the parent is a
 * commutative op whose bit is set in the attempt's swap mask).
 */
interface FlatPattern {
  pats: Pat[]
  parent: Int32Array
  argIdx: Int32Array
  /** Node → its bit in the swap mask (commutative ops), or -1; the first commutative node in pre-order is the highest bit. */
  swapBit: Int32Array
  commutative: number
}

/** Flattened patterns by their root: block rules make a fresh ValueRule per match, and flattening is pure. */
const flatCache = new WeakMap<OpPat, FlatPattern>()

function flatten(root: OpPat): FlatPattern {
  let flat = flatCache.get(root)
  if (flat === undefined) flatCache.set(root, (flat = flattenNew(root)))
  return flat
}

function flattenNew(root: OpPat): FlatPattern {
  const pats: Pat[] = []
  const parent: number[] = []
  const argIdx: number[] = []
  const walk = (p: Pat, par: number, idx: number): void => {
    const i = pats.length
    pats.push(p)
    parent.push(par)
    argIdx.push(idx)
    if (p.kind === 'op') p.args.forEach((a, k) => walk(a, i, k))
  }
  walk(root, -1, 0)
  const comm = pats.flatMap((p, i) => (p.kind === 'op' && p.commutative ? [i] : []))
  const swapBit = new Int32Array(pats.length).fill(-1)
  comm.forEach((i, k) => (swapBit[i] = comm.length - 1 - k))
  return { pats, parent: Int32Array.from(parent), argIdx: Int32Array.from(argIdx), swapBit, commutative: comm.length }
}

/**
 * Matches one rule's pattern, reused for every attempt so that failing
 * (most attempts fail) allocates nothing. A commutative op is tried in both
 * argument orders: the attempts go through the swap masks in order, the
 * outermost op's order first, which is the order rulegen's nested loops
 * (and a backtracking matcher) try them. The Match object for `build` is
 * made only when the whole pattern matched.
 */
class Matcher {
  private names: string[] = []
  private vals: unknown[] = []
  /** How many bindings are live (the arrays are reused past it). */
  private n = 0
  /** The value matched by each pattern node. */
  private nodes: (Value | undefined)[]
  private v: Value | null = null
  constructor(
    readonly flat: FlatPattern,
    private readonly env: RuleEnv,
  ) {
    this.nodes = new Array<Value | undefined>(flat.pats.length).fill(undefined)
  }

  private bind(name: string, x: unknown): boolean {
    for (let i = 0; i < this.n; i++) if (this.names[i] === name) return sameBinding(this.vals[i], x)
    this.names[this.n] = name
    this.vals[this.n++] = x
    return true
  }

  /** bind for a Value: a second binding must be the same value (sameBinding's `in` tests on a Value are slow and always false). */
  private bindValue(name: string, x: Value): boolean {
    for (let i = 0; i < this.n; i++) if (this.names[i] === name) return this.vals[i] === x
    this.names[this.n] = name
    this.vals[this.n++] = x
    return true
  }

  /** The bindings as the rule's build function sees them. */
  bindings(): Match {
    const v = this.v!
    const m = { v, b: v.block, env: this.env } as Match
    for (let i = 0; i < this.n; i++) m[this.names[i]!] = this.vals[i]
    return m
  }

  /** Bind v against the pattern with the commutative ops ordered by `swaps`. */
  attempt(v: Value, swaps: number): boolean {
    const { pats, parent, argIdx, swapBit } = this.flat
    const nodes = this.nodes
    this.v = v
    this.n = 0
    nodes[0] = v
    for (let i = 0; i < pats.length; i++) {
      let x: Value
      if (i === 0) x = v
      else {
        const par = parent[i]!
        let k = argIdx[i]!
        const bitIdx = swapBit[par]!
        if (bitIdx >= 0 && k < 2 && (swaps >> bitIdx) & 1) k = 1 - k
        x = nodes[par]!.args[k]!
        nodes[i] = x
      }
      const p = pats[i]!
      if (p.kind === 'var') {
        if (!this.bindValue(p.name, x)) return false
      } else if (p.kind === 'op' && !this.matchOp(p, x)) return false
    }
    return true
  }

  private matchOp(p: OpPat, x: Value): boolean {
    if (x.op !== p.op) return false
    const args = x.args
    if (p.variadic ? args.length < p.args.length : args.length !== p.args.length) return false
    if (p.bind !== undefined && !this.bindValue(p.bind, x)) return false
    if (p.type) {
      if ('lit' in p.type ? x.type !== p.type.lit : !this.bind(p.type.name, x.type)) return false
    }
    if (p.auxInt) {
      const val = auxIntValue(x.op, x.auxInt, x.block.func.arch)
      if ('lit' in p.auxInt ? val !== p.auxInt.lit : !this.bind(p.auxInt.name, val)) return false
    }
    if (p.aux && 'name' in p.aux && !this.bind(p.aux.name, auxBinding(x.aux))) return false
    return true
  }

  /** Release the matched values (the matcher outlives the attempt). */
  clear(): void {
    this.v = null
    this.nodes.fill(undefined)
    this.vals.fill(undefined)
    this.n = 0
  }
}

// ---- building results ------------------------------------------------------

/** gc's fixed result type for an op (opInfo typ), for created values without `<t>`. */
function fixedType(opName: string, arch: string): SsaType | undefined {
  const t = opInfo(opName, arch).typ
  return t ? namedType(t) : undefined
}

/**
 * Create the values of a result (children first). Like rulegen, one result
 * makes one value per distinct subexpression: `(Sub64 x (Mul64 (Div64 x (Const64 [c])) (Const64 [c])))`
 * has a single Const64. `made` holds what this result created so far (a
 * handful at most): a new node equal to one of them in op, type, auxint,
 * aux, block and arguments is that value.
 */
function create(f: Func, n: Node, v: Value, made: Value[], inherited?: Block): Value {
  if (!(n instanceof Make)) return n
  const type = n.fields.type ?? fixedType(n.op, f.arch)
  if (!type) throw new Error(`rule result ${n.op} needs a type`)
  // `@x.Block (…)` puts every value of the result in x's block, nested ones included (rulegen's b).
  const block = n.fields.block ?? inherited ?? v.block
  const args: Value[] = new Array(n.args.length)
  for (let i = 0; i < n.args.length; i++) args[i] = create(f, n.args[i]!, v, made, block)
  const auxInt = n.fields.auxInt === undefined ? 0n : toAuxInt(n.op, n.fields.auxInt, f.arch)
  const aux = n.fields.aux ?? null
  for (let i = 0; i < made.length; i++) {
    const w = made[i]!
    if (w.op === n.op && w.block === block && w.auxInt === auxInt && sameArgs(w.args, args) && (w.type === type || w.type.key === type.key) && (w.aux === aux || auxKey(w.aux) === auxKey(aux))) return w
  }
  const w = f.newValue(block, n.op, type, args, auxInt, aux, v.pos)
  made.push(w)
  return w
}

function auxKey(a: Aux | null): string {
  if (!a) return ''
  if (a.kind === 'sym') return `sym:${a.name}`
  if (a.kind === 'call') return `call:${a.fn}`
  return `${a.kind}:${a.type.key}`
}

function sameArgs(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Turn v into the result: a Copy of an existing value, or the top op reset in place. */
export function replace(f: Func, v: Value, n: Node): void {
  if (!(n instanceof Make)) {
    if (n !== v) v.copyOf(n)
    return
  }
  const made: Value[] = []
  if (n.fields.block) {
    v.copyOf(create(f, n, v, made))
    return
  }
  const args: Value[] = new Array(n.args.length)
  for (let i = 0; i < n.args.length; i++) args[i] = create(f, n.args[i]!, v, made)
  const keep = v.type
  v.reset(n.op)
  v.type = n.fields.type ?? keep
  if (n.fields.auxInt !== undefined) v.auxInt = toAuxInt(n.op, n.fields.auxInt, v.block.func.arch)
  if (n.fields.aux) v.aux = n.fields.aux
  v.setArgs(args)
}

const fits = (q: Pat | undefined, x: Value | undefined): boolean => q === undefined || q.kind !== 'op' || x?.op === q.op

/** A cheap first look: the ops of v's direct arguments fit the pattern (in some order). */
function mayMatch(p: OpPat, v: Value): boolean {
  const args = v.args
  if (p.variadic ? args.length < p.args.length : args.length !== p.args.length) return false
  for (let i = 2; i < p.args.length; i++) if (!fits(p.args[i], args[i])) return false
  if (fits(p.args[0], args[0]) && fits(p.args[1], args[1])) return true
  return p.commutative && fits(p.args[0], args[1]) && fits(p.args[1], args[0])
}

const fitsOp = (q: Pat | undefined, op: string): boolean => q === undefined || q.kind !== 'op' || q.op === op

/** mayMatch by the ops of the first two arguments alone ('' for a missing one), for the engine's index. */
function mayMatchArgs(p: OpPat, op0: string, op1: string): boolean {
  if (fitsOp(p.args[0], op0) && fitsOp(p.args[1], op1)) return true
  return p.commutative && fitsOp(p.args[0], op1) && fitsOp(p.args[1], op0)
}

/** The engine's rule for one definition under one env. */
export function valueRule(def: RuleDef, env: RuleEnv): ValueRule {
  let mt: Matcher | null = null
  return {
    name: def.text,
    mayMatchArgs: (op0, op1) => mayMatchArgs(def.pattern, op0, op1),
    apply(v: Value, f: Func): boolean {
      if (!mayMatch(def.pattern, v)) return false
      mt ??= new Matcher(flatten(def.pattern), env)
      const m = mt
      // A build that applies rules itself would reuse this matcher: give it its own.
      mt = null
      let result: Node | null = null
      try {
        const attempts = 1 << m.flat.commutative
        for (let swaps = 0; swaps < attempts && result === null; swaps++) {
          if (!m.attempt(v, swaps)) continue
          let r: ReturnType<Build>
          try {
            r = def.build(m.bindings())
          } catch (e) {
            if (e instanceof NoLayout) continue
            throw e
          }
          if (r) result = r
        }
      } finally {
        m.clear()
        mt = m
      }
      if (result === null) return false
      replace(f, v, result)
      return true
    },
  }
}

/** A block rule in gc's notation, hand-written (there are only a few). */
export function blockRule(text: string, apply: (b: Block, env: RuleEnv) => boolean): { kind: string; text: string; apply: typeof apply } {
  const name = ruleName(text)
  const kind = /^\((\w+)/.exec(name)?.[1]
  if (!kind) throw new Error(`block rule ${name}: no kind`)
  return { kind, text: name, apply }
}

export function toBlockRule(def: ReturnType<typeof blockRule>, env: RuleEnv): BlockRule {
  return { name: def.text, apply: (b) => def.apply(b, env) }
}
