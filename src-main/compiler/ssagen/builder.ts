// The state of building one function's SSA, as gc's ssagen keeps it: the
// current block, variables resolved to values per block (phis created on
// demand and completed when a block's predecessors are all known: Braun et
// al.'s construction; a phi that turns out trivial becomes a Copy, as gc's
// own phi insertion leaves Copies behind), memory threaded as one more
// variable, constants cached in the entry block, and the pending small heap
// allocations gc aggregates per block.

import { Func, NO_POS, type Aux, type Block, type Pos, type Value } from '../ssa/func'
import { floatBits } from '../ssa/auxint'
import { newValuePos } from '../ssa/passes/numberlines'
import { bytePtr, ptrTo, results, T, type SsaType } from '../ssa/types'
import type { SourceText } from '../syntax/source'
import { qualifiedTypeString } from '../types/typestring'
import { GcFwdRefs } from './gcfwdrefs'
import { flushPendingAllocations, type AllocNote } from './heapalloc'

/** gc's name of a type in symbols: named types qualified by the package path. */
export function qualifiedName(t: SsaType, pkg: string): string {
  if (t.go) return qualifiedTypeString(t.go, pkg)
  switch (t.kind) {
    case 'ptr':
      return `*${qualifiedName(t.elem!, pkg)}`
    case 'slice':
      return `[]${qualifiedName(t.elem!, pkg)}`
    case 'array':
      return `[${t.len}]${qualifiedName(t.elem!, pkg)}`
    case 'struct':
      return t.fields!.length ? `struct { ${t.fields!.map((f) => `${f.name} ${qualifiedName(f.type, pkg)}`).join('; ')} }` : 'struct {}'
    default:
      return t.str
  }
}

/** The size of a call's argument and result area, laid out in order and rounded to the pointer size. */
export function argWidth(types: SsaType[]): number {
  let off = 0
  for (const t of types) off = Math.ceil(off / t.align) * t.align + t.size
  return Math.ceil(off / 8) * 8
}

/** The memory variable's key. */
export const MEM = { name: '.mem' }

export type VarKeyish = object

export class Builder {
  readonly f: Func
  /** The target's fixed frame below the arguments (ppc64's 32 bytes; 0 on amd64). */
  protected fixedFrameSize = 0
  cur: Block | null
  readonly sp: Value
  readonly sb: Value
  private defs = new Map<Block, Map<VarKeyish, Value>>()
  private sealed = new Set<Block>()
  private incomplete = new Map<Block, Map<VarKeyish, Value>>()
  private varTypes = new Map<VarKeyish, SsaType>()
  private consts = new Map<string, Value>()
  /** OffPtr values of heap-moved variables waiting to share one allocation (gc's pendingHeapAllocations). */
  pending: Value[] = []
  /** How each heap allocation call of a moved variable was decided, by call value. */
  readonly allocNotes = new Map<Value, AllocNote>()
  private curPos: Pos = NO_POS
  /** The last known position set (gc's lastPos): a block with code ends on it. */
  private lastPos: Pos = NO_POS
  /** Each block's first known position (gc's blockStarts): its phis get it. */
  private readonly blockStarts = new Map<Block, Pos>()
  /**
   * Each block's first known position of a value or of a variable read (gc
   * makes a FwdRef there, not a statement boundary): what an empty
   * predecessor takes (placeUnsetPositions).
   */
  private readonly firstPositions = new Map<Block, Pos>()
  /** Blocks that read a variable they did not define (gc has a FwdRef in them, so they are not empty). */
  private readonly readsVars = new Set<Block>()
  /** gc's FwdRefs, shadowed for its value ids (gcfwdrefs.ts). */
  readonly gcRefs: GcFwdRefs
  /** Depth of our own variable lookups (not the program's reads: gc makes those later). */
  private lookups = 0

  /** The position new values get. Setting it is gc's pushLine: a known position becomes the last one and starts the current block. */
  get pos(): Pos {
    return this.curPos
  }

  set pos(p: Pos) {
    this.curPos = p
    if (p.line === 0) return
    this.lastPos = p
    if (this.cur && !this.blockStarts.has(this.cur)) this.blockStarts.set(this.cur, p)
  }

  /** Back to a saved position (gc's popLine): the last position stays. */
  restorePos(p: Pos): void {
    this.curPos = p
  }

  constructor(
    name: string,
    typeStr: string,
    readonly source: SourceText,
    readonly pkg: string,
  ) {
    this.f = new Func(name, typeStr)
    this.f.pkg = pkg
    this.gcRefs = new GcFwdRefs(this.f)
    const entry = this.f.newBlock('Plain')
    this.f.entry = entry
    this.cur = entry
    this.sealed.add(entry)
    const mem = this.f.newValue(entry, 'InitMem', T.mem)
    this.writeVar(MEM, mem, T.mem)
    this.sp = this.f.newValue(entry, 'SP', T.uintptr)
    this.sb = this.f.newValue(entry, 'SB', T.uintptr)
  }

  at(offset: number, stmt: '+' | '-' | '' = ''): Pos {
    if (offset < 0) return NO_POS
    const p = this.source.position(offset)
    return { line: p.line, col: p.col, stmt }
  }

  // ------------------------------------------------------------ values

  get block(): Block {
    if (!this.cur) throw new Error('internal: no current block')
    return this.cur
  }

  v(op: string, type: SsaType, args: Value[] = [], auxInt: bigint = 0n, aux: Aux | null = null, pos: Pos = this.pos): Value {
    const v = this.f.newValue(this.block, op, type, args, auxInt, aux, pos)
    if (pos.line !== 0 && !lacksPos(v) && !this.firstPositions.has(v.block)) this.firstPositions.set(v.block, newValuePos(op, pos))
    return v
  }

  entryV(op: string, type: SsaType, args: Value[] = [], auxInt: bigint = 0n, aux: Aux | null = null): Value {
    return this.f.newValue(this.f.entry, op, type, args, auxInt, aux, NO_POS)
  }

  private cachedConst(op: string, type: SsaType, auxInt: bigint): Value {
    const key = `${op}|${type.str}|${auxInt}`
    let c = this.consts.get(key)
    if (!c) {
      c = this.entryV(op, type, [], auxInt)
      this.consts.set(key, c)
    }
    return c
  }

  constInt(type: SsaType, n: bigint | number): Value {
    const op = ({ 1: 'Const8', 2: 'Const16', 4: 'Const32', 8: 'Const64' } as Record<number, string>)[type.size]!
    return this.cachedConst(op, type, BigInt.asIntN(type.size * 8, BigInt(n)))
  }

  constFloat(type: SsaType, x: number): Value {
    return this.cachedConst(type.size === 4 ? 'Const32F' : 'Const64F', type, floatBits(type.size === 4 ? Math.fround(x) : x))
  }

  constBool(b: boolean): Value {
    return this.cachedConst('ConstBool', T.bool, b ? 1n : 0n)
  }

  /** gc's ConstEmptyString: one cached "" per string type. */
  constEmptyString(type: SsaType): Value {
    const key = `ConstString|${type.key}|""`
    let c = this.consts.get(key)
    if (!c) {
      c = this.entryV('ConstString', type, [], 0n, { kind: 'sym', name: '""' })
      this.consts.set(key, c)
    }
    return c
  }

  constNil(type: SsaType): Value {
    return this.cachedConst('ConstNil', type, 0n)
  }

  /** The zero value of an SSA-able type. */
  zero(type: SsaType): Value {
    // gc's zeroVal: any zero-sized value is Empty (there is no ArrayMake0 or empty StructMake).
    if ((type.kind === 'struct' || type.kind === 'array') && type.size === 0) return this.entryV('Empty', type)
    switch (type.kind) {
      case 'bool':
        return this.constBool(false)
      case 'int':
      case 'uint':
        return this.constInt(type, 0)
      case 'float':
        return this.constFloat(type, 0)
      case 'ptr':
      case 'unsafeptr':
      case 'func':
        return this.constNil(type)
      case 'slice':
        return this.cachedConst('ConstSlice', type, 0n)
      case 'string':
        return this.constEmptyString(type)
      case 'interface':
        return this.cachedConst('ConstInterface', type, 0n)
      case 'struct': {
        // gc's zeroVal: the StructMake in the entry block, made before its fields' zeros.
        const v = this.entryV('StructMake', type)
        for (const fl of type.fields!) v.addArg(this.zero(fl.type))
        return v
      }
      case 'array':
        return this.entryV('ArrayMake1', type, [this.zero(type.elem!)])
      default:
        throw new Error(`internal: no zero value for ${type.str}`)
    }
  }

  // ------------------------------------------------------------ memory

  get mem(): Value {
    return this.readVar(MEM, this.block)
  }

  set mem(m: Value) {
    this.writeVar(MEM, m, T.mem)
  }

  load(type: SsaType, addr: Value): Value {
    return this.v('Load', type, [addr, this.mem])
  }

  store(type: SsaType, addr: Value, val: Value): void {
    this.mem = this.v('Store', T.mem, [addr, val, this.mem], 0n, { kind: 'type', type })
  }

  move(type: SsaType, dst: Value, src: Value): void {
    this.mem = this.v('Move', T.mem, [dst, src, this.mem], BigInt(type.size), { kind: 'type', type })
  }

  zeroMem(type: SsaType, addr: Value): void {
    this.mem = this.v('Zero', T.mem, [addr, this.mem], BigInt(type.size), { kind: 'type', type })
  }

  /** A runtime call through gc's rtcall: results are SelectN [i]; memory continues from SelectN [n]. */
  rtcall(fn: string, resultTypes: SsaType[], args: Value[], argTypes?: SsaType[]): Value[] {
    // gc's rtcall counts the arch's fixed frame (32 bytes on ppc64) into a returning call's width.
    return this.runtimeCall(fn, resultTypes, args, argWidth([...(argTypes ?? args.map((a) => a.type)), ...resultTypes]) + this.fixedFrameSize)
  }

  /**
   * A runtime call walk makes (mkcall): an ordinary call, so its width is
   * its arguments' alone — no results, no fixed frame — unlike the calls
   * ssagen makes itself through rtcall (newobject, growslice, mallocgc).
   */
  mkcall(fn: string, resultTypes: SsaType[], args: Value[], argTypes?: SsaType[]): Value[] {
    this.beforeCall()
    return this.runtimeCall(fn, resultTypes, args, argWidth(argTypes ?? args.map((a) => a.type)))
  }

  /**
   * mkcall for `a, b = f(…)` (ssagen's OAS2FUNC): the call expression makes
   * its first result and drops it, then each result is selected again.
   */
  mkcallResults(fn: string, resultTypes: SsaType[], args: Value[]): Value[] {
    this.beforeCall()
    return this.runtimeCall(fn, resultTypes, args, argWidth(args.map((a) => a.type)), true)
  }

  /** A call gc makes through s.call (not rtcall) is about to be built (ssagen/defers.ts splits the entry block). */
  protected beforeCall(): void {}

  /** `runtime.fn(args)` of the given width: results are SelectN [i]; memory continues from SelectN [n]. */
  private runtimeCall(fn: string, resultTypes: SsaType[], args: Value[], width: number, dropFirst = false): Value[] {
    const call = this.v('StaticLECall', results([...resultTypes, T.mem]), [...args, this.mem], BigInt(width), { kind: 'call', fn: `runtime.${fn}` })
    this.mem = this.v('SelectN', T.mem, [call], BigInt(resultTypes.length))
    if (dropFirst && resultTypes.length) this.v('SelectN', resultTypes[0]!, [call], 0n)
    return resultTypes.map((t, i) => this.v('SelectN', t, [call], BigInt(i)))
  }

  /** The runtime type descriptor's address, as newobject takes it. */
  typeAddr(type: SsaType, noalg = false): Value {
    const name = (noalg ? 'noalg.' : '') + qualifiedName(type, this.pkg)
    return this.entryV('Addr', bytePtr, [this.sb], 0n, name !== type.str ? { kind: 'typeSym', type, name } : { kind: 'typeSym', type })
  }

  /** runtime.newobject(type), or the zero-sized base for zero-sized types. `typeName`: gc's spelling of the descriptor. */
  newObject(type: SsaType, noalg = false): Value {
    if (type.size === 0) return this.entryV('Addr', ptrTo(type), [this.sb], 0n, { kind: 'sym', name: 'runtime.zerobase' })
    return this.rtcall('newobject', [ptrTo(type)], [this.typeAddr(type, noalg)])[0]!
  }

  // ------------------------------------------------------------ blocks

  newBlock(kind = 'Plain'): Block {
    return this.f.newBlock(kind)
  }

  /** End the current block (flushing pending heap allocations, as gc's endBlock does). */
  endBlock(): Block | null {
    const b = this.cur
    if (!b) return null
    flushPendingAllocations(this)
    this.cur = null
    // A block with code ends on the last position; an empty one gets its successor's later (placeUnsetPositions).
    if (this.lacking(b)) b.pos = NO_POS
    else {
      b.pos = this.lastPos
      if (!this.blockStarts.has(b)) this.blockStarts.set(b, this.lastPos)
    }
    return b
  }

  /** Without a position, and nothing in it says where it is (gc's Block.LackingPos, the kind aside). */
  private lacking(b: Block): boolean {
    return b.pos.line === 0 && !this.readsVars.has(b) && b.values.every(lacksPos)
  }

  /** End the block of a goto, break, continue or return: a statement boundary on the last position, even when empty. */
  endBlockAsStmt(): Block | null {
    const b = this.endBlock()
    if (b && this.lastPos.line !== 0) b.pos = { ...this.lastPos, stmt: '+' }
    return b
  }

  /**
   * After construction: phis start their block (gc's insertPhis), and a block
   * still without a position takes the first position of its successor,
   * back along chains of such blocks (gc's updateUnsetPredPos).
   */
  placeUnsetPositions(): void {
    for (const b of this.f.blocks) {
      const start = this.blockStarts.get(b) ?? NO_POS
      for (const v of b.values) if (v.op === 'Phi') v.pos = start
    }
    const work = this.f.blocks.filter((b) => b.pos.line !== 0)
    while (work.length) {
      const b = work.pop()!
      for (const p of b.preds) {
        if (p.kind !== 'Plain' || !this.lacking(p)) continue
        p.pos = this.firstPositions.get(b) ?? b.pos
        work.push(p)
      }
    }
  }

  /** End the current block with a jump to `to` (`asStmt`: a goto, break or continue, which is a statement boundary). */
  jump(to: Block, asStmt = false): void {
    const b = asStmt ? this.endBlockAsStmt() : this.endBlock()
    if (!b) return
    b.kind = 'Plain'
    b.addEdgeTo(to)
  }

  /** End the current block with `If cond -> yes no`. */
  branch(cond: Value, yes: Block, no: Block, likely: -1 | 0 | 1 = 0): void {
    const b = this.endBlock()
    if (!b) return
    b.kind = 'If'
    b.setControl(cond)
    b.likely = likely
    b.addEdgeTo(yes)
    b.addEdgeTo(no)
  }

  startBlock(b: Block): void {
    if (this.cur) throw new Error('internal: starting a block while another is open')
    this.cur = b
  }

  /** All predecessors of b are known: complete its pending phis. */
  seal(b: Block): void {
    if (this.sealed.has(b)) return
    this.sealed.add(b)
    const inc = this.incomplete.get(b)
    if (!inc) return
    this.incomplete.delete(b)
    this.lookupsBegin()
    try {
      for (const [key, phi] of inc) this.completePhi(key, phi)
    } finally {
      this.lookupsEnd()
    }
  }

  sealAll(): void {
    for (let again = true; again; ) {
      again = false
      for (const b of this.f.blocks) if (!this.sealed.has(b)) {
        this.seal(b)
        again = true
      }
    }
  }

  // ------------------------------------------------------------ variables

  writeVar(key: VarKeyish, v: Value, type: SsaType, b: Block = this.block): void {
    this.varTypes.set(key, type)
    if (this.lookups === 0) this.gcRefs.define(b, key, v)
    let m = this.defs.get(b)
    if (!m) this.defs.set(b, (m = new Map()))
    m.set(key, v)
  }

  /**
   * The blocks a read in b passes through to reach a definition: b and its
   * chain of single predecessors that are sealed and do not define key, and
   * the block where the chain stops. Null when the chain runs into a cycle:
   * no path from the entry reaches b, so its reads are Unknown. One walk
   * for the whole chain (a read under 5,000 nested ifs climbs them all).
   */
  private passThrough(key: VarKeyish, b: Block): { blocks: Block[]; stop: Block } | null {
    const blocks = [b]
    const seen = new Set<Block>(blocks)
    for (let p = b.preds[0]!; ; p = p.preds[0]!) {
      if (seen.has(p)) return null
      if (p.preds.length !== 1 || !this.sealed.has(p) || this.defs.get(p)?.has(key)) return { blocks, stop: p }
      seen.add(p)
      blocks.push(p)
    }
  }

  /**
   * The variable's value in b. `type` is for a variable no reachable code
   * defined (its declaration was unreachable too): gc gives a read in a dead
   * block an Unknown value.
   */
  readVar(key: VarKeyish, b: Block = this.block, type: SsaType | undefined = this.varTypes.get(key)): Value {
    if (b === this.cur && this.lookups === 0) this.gcRefs.read(b, key)
    const local = this.defs.get(b)?.get(key)
    if (local) return local
    if (b === this.cur && key !== MEM) this.noteVarRead(b)
    this.lookupsBegin()
    let v: Value
    try {
      v = this.readVarFwd(key, b, type)
    } finally {
      this.lookupsEnd()
    }
    // gc's FwdRef for the read (which becomes this value) is named after the variable.
    if (key !== MEM) this.nameRead(key, v)
    return v
  }

  /** Values our lookups make get gc's ids later, when its FwdRefs are resolved (gcfwdrefs.ts). */
  private lookupsBegin(): void {
    this.lookups++
    this.f.gcIds.deferred++
  }

  private lookupsEnd(): void {
    this.lookups--
    this.f.gcIds.deferred--
  }

  /** A value read from a variable outside the block defining it: gc names its FwdRef after the variable (addNamedValue). */
  protected nameRead(_key: VarKeyish, _v: Value): void {}

  private readVarFwd(key: VarKeyish, b: Block, type: SsaType | undefined): Value {
    if (!type) throw new Error(`internal: variable ${(key as { name?: string }).name ?? '?'} read before any definition`)
    this.varTypes.set(key, type)
    let v: Value
    let chain: { blocks: Block[]; stop: Block } | null
    if (!this.sealed.has(b)) {
      v = this.f.newValue(b, 'Phi', type, [], 0n, null, NO_POS)
      this.gcRefs.lookedUp(v, b, key)
      let inc = this.incomplete.get(b)
      if (!inc) this.incomplete.set(b, (inc = new Map()))
      inc.set(key, v)
    } else if (b.preds.length === 1 && (chain = this.passThrough(key, b))) {
      v = this.readVar(key, chain.stop)
      // Each block on the way knows the value too, as one recursive read per block would leave it.
      for (let i = chain.blocks.length - 1; i > 0; i--) this.writeVar(key, v, type, chain.blocks[i]!)
    } else if (b.preds.length <= 1) {
      // Unreachable code (after a return or panic; a cycle only dead blocks enter): any value will do.
      v = this.f.newValue(b, 'Unknown', type, [], 0n, null, NO_POS)
      this.gcRefs.lookedUp(v, b, key)
    } else {
      v = this.f.newValue(b, 'Phi', type, [], 0n, null, NO_POS)
      this.gcRefs.lookedUp(v, b, key)
      this.writeVar(key, v, type, b)
      this.completePhi(key, v)
      return this.defs.get(b)!.get(key)!
    }
    this.writeVar(key, v, type, b)
    return v
  }

  /**
   * Append memory operations at the end of the entry block after it was
   * built (gc's defvars of the entry): every later use of the entry's last
   * memory, in any block, takes the new one.
   */
  extendEntryMem(extend: (mem: Value) => Value): void {
    const entry = this.f.entry
    const old = this.readVar(MEM, entry)
    const mem = extend(old)
    for (const m of this.defs.values()) if (m.get(MEM) === old) m.set(MEM, mem)
    this.gcRefs.replace(old, mem)
    const chain = new Set<Value>()
    for (let v: Value | undefined = mem; v && v !== old; v = v.args.find((a) => a.type === T.mem)) chain.add(v)
    for (const b of this.f.blocks) {
      for (const v of b.values) {
        if (chain.has(v)) continue
        v.args.forEach((a, i) => {
          if (a === old) v.setArg(i, mem)
        })
      }
      if (b.controls.length === 1 && b.controls[0] === old) b.setControl(mem)
    }
  }

  private noteVarRead(b: Block): void {
    this.readsVars.add(b)
    if (this.pos.line !== 0 && !this.firstPositions.has(b)) this.firstPositions.set(b, { ...this.pos, stmt: '-' })
  }

  private completePhi(key: VarKeyish, phi: Value): void {
    const b = phi.block
    for (const p of b.preds) phi.addArg(this.readVar(key, p))
    const others = new Set(phi.args.filter((a) => a !== phi))
    if (others.size === 1) {
      // Trivial: the phi is a Copy of the one value reaching it.
      const [only] = others
      phi.copyOf(only!)
      phi.pos = { ...phi.pos, stmt: '-' }
    }
  }
}

/** Values that say nothing of where a block is (gc's Value.LackingPos). */
const lacksPos = (v: Value): boolean => v.op === 'VarDef' || v.op === 'VarLive' || v.op === 'Phi' || (v.op === 'Copy' && v.type.kind === 'mem')
