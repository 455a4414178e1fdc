// The mutable SSA function that construction builds and passes transform.
// Snapshots (snapshot.ts) freeze it into shared immutable records after
// every pass. Ids come from one counter per function and are never reused.

import type { SsaType } from './types'

/** A source position: line 0 is unknown (gc's `(?)`). */
export interface Pos {
  line: number
  col: number
  stmt: '+' | '-' | ''
}

export const NO_POS: Pos = Object.freeze({ line: 0, col: 0, stmt: '' as const })

/** gc's Aux: a symbol, type, call target, or nothing. Printed between braces. */
export type Aux =
  | { kind: 'sym'; name: string }
  | { kind: 'type'; type: SsaType }
  | { kind: 'call'; fn: string }
  /** A runtime type descriptor; `name` when gc spells it differently from the type (`noalg.struct {…}`). */
  | { kind: 'typeSym'; type: SsaType; name?: string }

export function auxString(a: Aux): string {
  switch (a.kind) {
    case 'sym':
      return a.name
    case 'type':
      return a.type.str
    case 'call':
      return `AuxCall{${a.fn}}`
    case 'typeSym':
      return `type:${a.name ?? a.type.str}`
  }
}

/**
 * A variable of the function as gc's fn.Dcl lists it (params, results,
 * locals, compiler temporaries): what the stack frame phase lays out and
 * mergelocals chooses from. Values name it by `{ kind: 'sym', name }`.
 */
export interface LocalVar {
  name: string
  type: SsaType
  class: 'param' | 'result' | 'auto'
  /** Declaration position, as gc prints it (`file:line:col`); line 0 when unknown. */
  file: string
  line: number
  col: number
  /** gc's Addrtaken: the program takes `&x` (or captures it by reference). */
  addrTaken: boolean
  /** A compiler temporary (`.autotmp_N`). */
  temp: boolean
}

const NO_ARGS: Value[] = []

export class Value {
  args: Value[] = []
  uses = 0
  /** The value this one was made from, when a pass created it. */
  origin: Value | null = null
  /** Set after regalloc: register or stack slot. */
  loc: string | undefined
  /** `vN`, made once: snapshots compare and store it. */
  readonly ref: string
  // The fields as the last snapshot recorded them, kept here rather than in
  // the snapshotter so that telling an untouched value costs a few identity
  // comparisons on this one object (snapshot.ts; `snapOwner` is the snapshotter).
  snapOwner: object | null = null
  snapOp = ''
  snapType: SsaType | null = null
  snapAuxInt = 0n
  snapAux: Aux | null = null
  snapBlock: Block | null = null
  snapPos: Pos | null = null
  snapOrigin: Value | null = null
  snapArgs: Value[] = NO_ARGS
  constructor(
    readonly id: number,
    public op: string,
    public type: SsaType,
    public auxInt: bigint,
    public aux: Aux | null,
    public block: Block,
    public pos: Pos,
  ) {
    this.ref = `v${id}`
  }

  setArgs(args: Value[]): void {
    for (const a of this.args) a.uses--
    this.args = args
    for (const a of args) a.uses++
  }

  addArg(a: Value): void {
    this.args.push(a)
    a.uses++
  }

  setArg(i: number, a: Value): void {
    this.args[i]!.uses--
    this.args[i] = a
    a.uses++
  }

  /** Turn this value into another op in place (gc's v.reset): args dropped, aux cleared. */
  reset(op: string): void {
    this.op = op
    this.auxInt = 0n
    this.aux = null
    this.setArgs([])
  }

  /** Make this value a Copy of w (gc's v.copyOf). */
  copyOf(w: Value): void {
    this.reset('Copy')
    this.addArg(w)
  }

  get auxInt64(): number {
    return Number(this.auxInt)
  }

  toString(): string {
    return this.ref
  }
}

export type Likely = 0 | 1 | -1

export class Block {
  values: Value[] = []
  preds: Block[] = []
  succs: Block[] = []
  controls: Value[] = []
  likely: Likely = 0
  aux: Aux | null = null
  pos: Pos = NO_POS
  readonly ref: string
  constructor(
    readonly id: number,
    public kind: string,
    readonly func: Func,
  ) {
    this.ref = `b${id}`
  }

  setControl(v: Value | null): void {
    for (const c of this.controls) c.uses--
    this.controls = v ? [v] : []
    if (v) v.uses++
  }

  addEdgeTo(to: Block): void {
    this.succs.push(to)
    to.preds.push(this)
  }

  /** Remove the edge to succs[i] (and its pred entry), keeping phi arguments aligned. */
  removeSucc(i: number): void {
    const to = this.succs[i]!
    this.succs.splice(i, 1)
    const j = to.preds.indexOf(this)
    to.preds.splice(j, 1)
    for (const v of to.values) if (v.op === 'Phi') {
      v.args[j]!.uses--
      v.args.splice(j, 1)
    }
  }

  toString(): string {
    return this.ref
  }
}

/** A local variable's name slot, as gc's LocalSlot prints: `x[int]`, `s.ptr[*int]`. */
export interface LocalSlot {
  name: string
  type: SsaType
}

export const slotString = (s: LocalSlot): string => `${s.name}[${s.type.str}]`

export class Func {
  blocks: Block[] = []
  entry!: Block
  private nextValue = 1
  private nextBlock = 1
  /** Named values in first-use order (gc's f.Names / f.NamedValues). */
  names: { slot: LocalSlot; values: Value[] }[] = []
  private nameIndex = new Map<string, { slot: LocalSlot; values: Value[] }>()
  /** Set by the scheduler: values are printed in block order, not dependency order. */
  scheduled = false
  /** `generic` until construction names the target (`amd64`, `ppc64`): lowered ops are looked up in its table. */
  arch = 'generic'
  /** gc's fn.Dcl: params, results, then locals and temporaries in declaration order (construction fills it). */
  locals: LocalVar[] = []
  /** While a pass rewrites a value: new values record it as their origin and are collected here. */
  origin: Value | null = null
  created: Value[] | null = null
  constructor(
    readonly name: string,
    /** gc's type of the function, as its dump header prints it. */
    readonly typeStr: string,
  ) {}

  newBlock(kind: string): Block {
    const b = new Block(this.nextBlock++, kind, this)
    this.blocks.push(b)
    return b
  }

  newValue(block: Block, op: string, type: SsaType, args: Value[] = [], auxInt: bigint = 0n, aux: Aux | null = null, pos: Pos = NO_POS): Value {
    const v = new Value(this.nextValue++, op, type, auxInt, aux, block, pos)
    for (const a of args) v.addArg(a)
    block.values.push(v)
    if (this.origin) v.origin = this.origin
    this.created?.push(v)
    return v
  }

  /** A value with a given id (reading a gc dump back): later ids continue above it. */
  newValueWithId(id: number, block: Block, op: string, type: SsaType): Value {
    if (id < 1) throw new Error(`bad value id ${id}`)
    const v = new Value(id, op, type, 0n, null, block, NO_POS)
    block.values.push(v)
    this.nextValue = Math.max(this.nextValue, id + 1)
    return v
  }

  newBlockWithId(id: number, kind: string): Block {
    const b = new Block(id, kind, this)
    this.blocks.push(b)
    this.nextBlock = Math.max(this.nextBlock, id + 1)
    return b
  }

  /** How many value ids have been handed out (the next id). */
  get numValues(): number {
    return this.nextValue
  }

  /** How many block ids have been handed out (the next id). */
  get numBlocks(): number {
    return this.nextBlock
  }

  nameValue(slot: LocalSlot, v: Value): void {
    const key = slotString(slot)
    let entry = this.nameIndex.get(key)
    if (!entry) {
      entry = { slot, values: [] }
      this.names.push(entry)
      this.nameIndex.set(key, entry)
    }
    if (!entry.values.includes(v)) entry.values.push(v)
  }

  /** Remove values that are no longer in any block from the name lists. */
  pruneNames(live: (v: Value) => boolean): void {
    for (const n of this.names) n.values = n.values.filter(live)
    this.names = this.names.filter((n) => n.values.length > 0)
    this.nameIndex = new Map(this.names.map((n) => [slotString(n.slot), n]))
  }
}
