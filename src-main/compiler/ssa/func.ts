// The mutable SSA function that construction builds and passes transform.
// Snapshots (snapshot.ts) freeze it into shared immutable records after
// every pass. Ids come from one counter per function and are never reused.

import { GcIds } from './gcids'
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
  /** An open-coded defer's function slot, by defer index (gc's OpenDeferSlot, ordered by FrameOffset). */
  openDeferSlot?: number
  /** Zeroed in the prologue (gc's Needzero, set by openDeferSave). */
  needZero?: boolean
}

const NO_ARGS: Value[] = []

export class Value {
  // The fields a snapshot records are accessors: a write marks the value in
  // its function's `touched` list, so a snapshot revisits only what a pass
  // wrote (snapshot.ts). Code that mutates `args` in place must call touch().
  private _args: Value[] = []
  private _op: string
  private _type: SsaType
  private _auxInt: bigint
  private _aux: Aux | null
  private _block: Block
  private _pos: Pos
  private _origin: Value | null = null
  private _loc: string | undefined = undefined
  uses = 0
  /** The function's `epoch` when this value was last written (snapshot.ts). */
  touchedIn = 0
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
  /** The last snapshot that found this value in a block (snapshot.ts). */
  snapSeen = 0
  /**
   * The id gc would give this value (gcids.ts): gc recycles freed ids, we do
   * not, and gc breaks ties by id (operand order of comparisons, cse, the
   * scheduler). Never shown; 0 while construction has not settled it.
   */
  gcId = 0
  constructor(
    readonly id: number,
    op: string,
    type: SsaType,
    auxInt: bigint,
    aux: Aux | null,
    block: Block,
    pos: Pos,
  ) {
    this._op = op
    this._type = type
    this._auxInt = auxInt
    this._aux = aux
    this._block = block
    this._pos = pos
    this.ref = `v${id}`
  }

  /** The origin of a value being made (not a write: a new value is found through its block). */
  initOrigin(o: Value): void {
    this._origin = o
  }

  /** Mark the value written since the last snapshot. */
  touch(): void {
    const f = this._block.func
    if (this.touchedIn !== f.epoch) {
      this.touchedIn = f.epoch
      f.touched.push(this)
    }
  }

  get args(): Value[] {
    return this._args
  }
  set args(a: Value[]) {
    this._args = a
    this.touch()
  }
  get op(): string {
    return this._op
  }
  set op(op: string) {
    if (this._op === op) return
    this._op = op
    this.touch()
  }
  get type(): SsaType {
    return this._type
  }
  set type(t: SsaType) {
    if (this._type === t) return
    this._type = t
    this.touch()
  }
  get auxInt(): bigint {
    return this._auxInt
  }
  set auxInt(x: bigint) {
    if (this._auxInt === x) return
    this._auxInt = x
    this.touch()
  }
  get aux(): Aux | null {
    return this._aux
  }
  set aux(a: Aux | null) {
    if (this._aux === a) return
    this._aux = a
    this.touch()
  }
  get block(): Block {
    return this._block
  }
  set block(b: Block) {
    if (this._block === b) return
    this._block = b
    this.touch()
  }
  get pos(): Pos {
    return this._pos
  }
  set pos(p: Pos) {
    if (this._pos === p) return
    this._pos = p
    this.touch()
  }
  /** The value this one was made from, when a pass created it. */
  get origin(): Value | null {
    return this._origin
  }
  set origin(o: Value | null) {
    if (this._origin === o) return
    this._origin = o
    this.touch()
  }
  /** Set after regalloc: register or stack slot. */
  get loc(): string | undefined {
    return this._loc
  }
  set loc(l: string | undefined) {
    if (this._loc === l) return
    this._loc = l
    this.touch()
  }

  setArgs(args: Value[]): void {
    for (const a of this._args) a.uses--
    this.args = args
    for (const a of args) a.uses++
  }

  addArg(a: Value): void {
    this._args.push(a)
    a.uses++
    this.touch()
  }

  setArg(i: number, a: Value): void {
    this._args[i]!.uses--
    this._args[i] = a
    a.uses++
    this.touch()
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
      v.touch()
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
  /** The package path symbols are qualified with (`p`), when construction knows it. */
  pkg = ''
  /** gc's Dcl entries construction does not list in `locals` (captured variables, the front end's temporaries): NewLocal counts them. */
  dclPad = 0
  /** gc's fn.Needctxt: a closure that stays one (captures, not called directly) takes the context register, used or not (TEXT's NEEDCTXT). */
  needCtxt = false
  /** Locals decompose split (`parent|offset|type`): each part joined gc's Dcl (decompose.ts). */
  readonly splitLocals = new Set<string>()
  /** While a pass rewrites a value: new values record it as their origin and are collected here. */
  origin: Value | null = null
  created: Value[] | null = null
  /** Values written since the last snapshot, each once per epoch (Value.touch; snapshot.ts). */
  touched: Value[] = []
  epoch = 1
  /** gc's value id allocator, mirrored: its counter and its free list (gcids.ts). */
  readonly gcIds = new GcIds()
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
    v.gcId = this.gcIds.alloc()
    for (const a of args) v.addArg(a)
    block.values.push(v)
    // A new value is found by its block's changed list: no need to touch it.
    if (this.origin) v.initOrigin(this.origin)
    this.created?.push(v)
    return v
  }

  /** A value with a given id (reading a gc dump back): later ids continue above it. */
  newValueWithId(id: number, block: Block, op: string, type: SsaType): Value {
    if (id < 1) throw new Error(`bad value id ${id}`)
    const v = new Value(id, op, type, 0n, null, block, NO_POS)
    v.gcId = id
    this.gcIds.reserve(id)
    block.values.push(v)
    this.nextValue = Math.max(this.nextValue, id + 1)
    return v
  }

  /** gc's f.freeValue: the value left the function for good; gc's next new value takes its id. */
  freeValue(v: Value): void {
    this.gcIds.free(v)
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
