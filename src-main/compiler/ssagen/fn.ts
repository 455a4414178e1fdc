// Building one function's SSA from the typed syntax tree, as gc's ssagen
// does after walk: parameters (heap-moved ones copied to their new home),
// statements and expressions in order with memory threaded through every
// load, store and call, bounds and nil checks branching to panic blocks,
// results returned through MakeResult.

import type * as A from '../syntax/ast'
import type { SourceText } from '../syntax/source'
import type { FnUnit } from '../escape/units'
import type { Frame } from '../escape/frames'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { pointerTo, type Type } from '../types/types'
import { typeString } from '../types/typestring'
import type { Value, Block, LocalVar } from '../ssa/func'
import { arrayOf, canSSA, fromGo, ptrTo, structOf, T, type SsaType } from '../ssa/types'
import { Builder } from './builder'
import { abiAnalyze, abiConfig } from '../ssa/abi'
import { newHeapAddr } from './heapalloc'
import { copiedInPlace, definedVars, hoisted, walkInits } from './order'
import { as2Temps } from './as2func'
import { homeOf, type EscapeFacts, type Home } from './vars'
import { stmtMethods } from './fnstmt'
import { paramMethods } from './fnparams'
import { tempMethods } from './fntemps'
import { exprMethods } from './fnexpr'
import { addrMethods } from './fnaddr'
import { callMethods } from './fncall'
import { fillNamed } from './complit'
import { callsComparedByAddress, compareMethods, isAggregateCompare } from './compare'
import { isStringCompare, stringCond } from './strings'
import { clearedVars } from './rangeclear'
import { orderSlice } from './sliceorder'
import { assignLhsTemps } from './walkassign'
import { appendBaseTemps } from './appenditems'
import { makeCopyPair, type MakeCopy } from './makecopy'
import { refuseMaps } from './maps'
import { move2heap, type BackingStore, type SliceStackPlan } from './appenditems'
import { gcTempNames, renameTemps, type SsagenDcl, type TempRecord } from './autotmps'
import { sliceStackDecisions } from '../walk/slicestack'
import type { Units } from '../escape/units'

import { ifaceMethods, refuseInterfaces } from './iface'
import type { ConvertEnv } from '../walk/convert'
import { refuseSliceToArray } from './slice2arr'
import { sentParams } from './concur'
import { deferMethods, type DeferState } from './defers'
import { andOrTemp, noteMapLitsInPlace } from './dcltemps'

export class Unsupported extends Error {
  constructor(
    readonly offset: number,
    what: string,
  ) {
    super(`unsupported: ${what}`)
  }
}

export interface FnContext {
  /** The file's path as given: declaration positions in f.locals name it. */
  file: string
  info: TypeInfo
  source: SourceText
  pkg: string
  facts: EscapeFacts
  frames: Map<FnUnit, Frame>
  /** gc's name of each function literal. */
  litNames: Map<A.FuncLit, string>
  /** Units by literal (closures) for their captures. */
  litUnits: Map<A.FuncLit, FnUnit>
  /** Literals walk turns into direct calls, their captures prepended to the parameters (directclosure.ts). */
  directClosures: Set<A.FuncLit>
  /** Every unit with its parameter tags (the slice pass asks whether a callee leaks an argument). */
  units?: Units
  /** What walk's data-word decision of interface conversions reads (walk/convert.ts). */
  convert: ConvertEnv
  /** Where a function's `.stmp_N` numbering starts (gc numbers them per package). */
  stmpBase?: (u: FnUnit) => { base: number; order: number }
}

interface Target {
  brk: Block | null
  cont: Block | null
  /** A continue target made when first jumped to (a per-iteration loop's `next:` label, loopvar.ts). */
  lazyCont?: () => Block
}

export const BOUNDS = { index: 0, sliceAlen: 2, sliceAcap: 4, sliceB: 6, slice3Alen: 8, slice3Acap: 10, slice3B: 12, slice3C: 14 }

// The methods live by gc's seams in fnparams.ts (parameters and captures at
// entry), fntemps.ts (temporaries), fnstmt.ts (statements), fnexpr.ts
// (expressions), fnaddr.ts (addresses, composite literals), fncall.ts
// (calls, closures) and the construct files, installed on the prototype below.
type Seams = typeof paramMethods & typeof tempMethods & typeof stmtMethods & typeof exprMethods & typeof addrMethods & typeof callMethods & typeof compareMethods & typeof ifaceMethods & typeof deferMethods
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface FnBuilder extends Seams {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FnBuilder extends Builder {
  homes = new Map<object, Home>()
  targets = new Map<A.Stmt, Target>()
  labels = new Map<string, Block>()
  results: Var[]
  resultTypes: SsaType[]
  closurePtr: Value | null = null
  /** The entry block's addresses of parameters and results (gc's decladdrs): s.addr of a parameter reuses it. */
  readonly declAddrs = new Map<Var, Value>()
  /** Variables walk takes the address of for its rewrites (rangeclear.ts), found before building. */
  walkAddrTaken = new Set<Var>()
  /** Open-coded defers (defers.ts); null without a defer statement. */
  deferState: DeferState | null = null
  /** Function literals a defer statement calls (defers.ts). */
  readonly deferredLits = new Set<object>()

  constructor(
    readonly unit: FnUnit,
    readonly cx: FnContext,
    /** The target: where the register ABI puts parameters that must be stored to their slots. */
    readonly arch: string,
  ) {
    super(unit.name, funcTypeString(unit, cx), cx.source, cx.pkg)
    this.fixedFrameSize = abiConfig(arch).localsOffset
    this.results = unit.info!.results
    this.resultTypes = this.results.map((r) => fromGo(r.type))
    // gc numbers a temporary by len(fn.Dcl) when it is made: every declaration and typecheck temporary come first.
    this.tmpCount = cx.frames.get(unit)?.dcl.length ?? 0
    const statics = cx.stmpBase?.(unit) ?? { base: 0, order: 0 }
    this.stmpCount = statics.base
    this.stmpWalkCount = statics.base + statics.order
  }

  protected override beforeCall(): void {
    this.splitEntryForDefers()
  }

  build(): void {
    const info = this.unit.info!
    const node = info.node
    refuseMaps(node, this.cx.info)
    refuseSliceToArray(node, this.cx.info)
    refuseInterfaces(this.cx.info, node.body!, [...info.params, ...info.results, ...info.locals], node.pos, this.cx.convert)
    this.pos = this.at(node.pos)
    this.f.entry.pos = this.pos
    this.startDefers(node.kind === 'FuncDecl' ? node.body! : node.body)
    // Stack slots of parameters and results come first, as gc's decladdrs.
    const declAddrs = this.declAddrs
    this.walkAddrTaken = clearedVars(this, node.kind === 'FuncDecl' ? node.body! : node.body)
    // A directly called literal's captures are its first parameters (directclosure.ts).
    const capParams = this.capturesAsParams()
    const capAddrs = capParams.map((p) => this.entryV('LocalAddr', ptrTo(p.type), [this.sp, this.mem], 0n, { kind: 'sym', name: p.name }))
    if (this.cx.units) this.planSliceStack(sliceStackDecisions(this.unit, this.cx.info, this.cx.units))
    for (const v of sentParams(this.cx.info, info, node.kind === 'FuncDecl' ? node.body! : node.body)) this.walkAddrTaken.add(v)
    for (const p of [...info.params, ...info.results]) {
      if (p.irName === '_' ) continue
      declAddrs.set(p, this.entryV('LocalAddr', ptrTo(fromGo(p.type)), [this.sp, this.mem], 0n, { kind: 'sym', name: p.irName }))
    }
    const abi = abiAnalyze(this.arch, [...capParams, ...info.params.map((p) => ({ name: p.irName, type: fromGo(p.type) }))], [])
    if (capParams.length) this.argCaptures(capParams, abi.params, capAddrs)
    else if (this.unit.captures.length) this.loadCaptures()
    info.params.forEach((p, i) => {
      if (p.irName === '_' || p.name === '') return
      const home = this.home(p)
      this.pos = this.at(node.pos, '-')
      if (home.kind === 'ssa') this.assignVar(p, this.v('Arg', home.type, [], 0n, { kind: 'sym', name: p.irName }))
      else if (home.kind === 'heap' || home.kind === 'stack') this.storeRegisterParam(p, home.type, abi.params[capParams.length + i]!, declAddrs.get(p)!)
    })
    // Results are zeroed first (gc's zeroResults), then heap-moved parameters get their new home.
    this.pos = this.at(node.pos)
    for (const r of info.results) {
      const home = this.home(r)
      if (home.kind === 'ssa') this.writeVar(r, this.zero(home.type), home.type)
      else if (home.kind === 'stack' && this.deferState && canSSA(home.type)) this.storeResult(r, this.zero(home.type))
      else if (home.kind === 'stack') this.zeroMem(home.type, this.addrOfVar(r))
    }
    for (const p of [...info.params, ...info.results]) {
      const home = this.home(p)
      if (home.kind !== 'heap') continue
      this.pos = this.at(node.pos)
      const addr = newHeapAddr(this, home.type)
      this.setHeapAddr(home, addr)
      if (p.varKind === 'param') this.move(home.type, addr, declAddrs.get(p)!)
    }
    const body = node.kind === 'FuncDecl' ? node.body! : node.body
    this.stmts(body.stmts)
    if (this.cur) {
      this.pos = this.at(body.end - 1)
      this.exit()
    }
    this.sealAll()
    this.gcRefs.finish()
    this.placeUnsetPositions()
    this.pruneEmptyDeadBlocks()
    this.recordLocals()
    this.numberTemps()
  }

  /** gc's numbers for the temporaries (autotmps.ts); regalloc's continue after them. */
  private numberTemps(): void {
    const base = (this.cx.frames.get(this.unit)?.dcl.length ?? this.f.locals.length) + this.literalTemps.size
    const { names, dclLength } = gcTempNames(this.tempPhases, this.ssagenDcl, { base, captures: this.unit.captures.length })
    renameTemps(this.f, names)
    this.f.dclPad = Math.max(0, dclLength - this.f.locals.length)
  }

  /** Blocks nothing reaches and nothing fills (a label after a return nobody jumps to): gc never creates them. */
  pruneEmptyDeadBlocks(): void {
    this.f.blocks = this.f.blocks.filter((b) => !(b !== this.f.entry && b.preds.length === 0 && b.values.length === 0 && b.succs.length === 0 && b.controls.length === 0))
    for (const b of this.f.blocks) {
      if (b.controls.length === 0 && (b.kind === 'Exit' || b.kind === 'Ret')) throw new Error(`internal: ${b} ends without a control value`)
    }
  }

  // ------------------------------------------------------------ variables

  home(v: Var): Home {
    let h = this.homes.get(v)
    if (!h) {
      h = homeOf(v, this.unit, this.cx.facts, this.cx.pkg, this.walkAddrTaken.has(v))
      // With a defer, results live in memory (gc's canSSAName).
      if (h.kind === 'ssa' && this.deferState && v.varKind === 'result') h = { kind: 'stack', type: h.type, name: v.irName }
      this.homes.set(v, h)
    }
    return h
  }

  // gc's fn.Dcl: params, results and locals in declaration order, then the
  // `&x` slots holding heap-moved variables' addresses, then temporaries.
  temps: LocalVar[] = []

  recordLocals(): void {
    const info = this.unit.info!
    const vars: LocalVar[] = []
    const heapAddrs: LocalVar[] = []
    const add = (v: Var, cls: LocalVar['class']): void => {
      const p = v.pos >= 0 ? this.source.position(v.pos) : { line: 0, col: 0 }
      const type = fromGo(v.type)
      const base = { file: this.cx.file, line: p.line, col: p.col, temp: false }
      if (this.cx.facts.heap.has(v)) {
        // A heap-moved parameter or result keeps its slot and gains `&x`; a heap-moved local is only `&x`.
        // With a defer, liveness keeps a heap-moved result's `&r` live to the end: zeroed on entry (plive's epilogue).
        const needZero = cls === 'result' && this.deferState ? { needZero: true } : {}
        heapAddrs.push({ ...base, name: `&${v.irName}`, type: ptrTo(type), class: 'auto', addrTaken: false, ...needZero })
        if (cls === 'auto') return
      }
      vars.push({ ...base, name: v.irName, type, class: cls, addrTaken: v.addrTaken || this.cx.facts.byRef.has(v) || this.walkAddrTaken.has(v) })
    }
    for (const p of this.capturesAsParams()) {
      const at = p.v.pos >= 0 ? this.source.position(p.v.pos) : { line: 0, col: 0 }
      vars.push({ file: this.cx.file, line: at.line, col: at.col, temp: false, name: p.name, type: p.type, class: 'param', addrTaken: false })
    }
    for (const v of info.params) add(v, 'param')
    for (const v of info.results) add(v, 'result')
    for (const v of info.locals) if (!this.unit.captures.includes(v)) add(v, 'auto')
    this.f.locals = [...vars, ...heapAddrs, ...this.temps]
  }

  setHeapAddr(home: Extract<Home, { addrKey: object }>, addr: Value): void {
    const t = ptrTo(home.type)
    if (home.kind === 'heap') this.ssagenDcl.push({ heap: home.name })
    this.writeVar(home.addrKey, addr, t)
    this.f.nameValue({ name: `&${home.name}`, type: t }, addr)
  }

  assignVar(v: Var, val: Value): void {
    const home = this.home(v)
    if (home.kind !== 'ssa') throw new Error('internal: assignVar on a non-SSA variable')
    this.writeVar(v, val, home.type)
    // gc's addNamedValue tracks no result (PPARAMOUT: issues 14591, 14762), so its values spill to unnamed slots.
    if (v.varKind !== 'result' && !v.irName.startsWith('~') && v.irName !== '_') this.f.nameValue({ name: v.irName, type: home.type }, val)
  }

  protected override nameRead(key: object, val: Value): void {
    const v = key as Var
    if (v.kind !== 'var' || this.homes.get(v)?.kind !== 'ssa' || v.varKind === 'result' || v.irName.startsWith('~') || v.irName === '_') return
    this.f.nameValue({ name: v.irName, type: this.homes.get(v)!.type }, val)
  }

  addrOfVar(v: Var): Value {
    const home = this.home(v)
    switch (home.kind) {
      case 'stack':
        // A parameter's address is the entry block's (gc's decladdrs); a result's, like a local's, is made anew.
        return (v.varKind === 'param' ? this.declAddrs.get(v) : undefined) ?? this.v('LocalAddr', ptrTo(home.type), [this.sp, this.mem], 0n, { kind: 'sym', name: home.name })
      case 'heap':
      case 'captured':
        return this.readVar(home.addrKey)
      case 'global':
        return this.entryV('Addr', ptrTo(home.type), [this.sb], 0n, { kind: 'sym', name: home.sym })
      case 'ssa':
        throw new Error(`internal: address of SSA variable ${v.name}`)
    }
  }

  readVarValue(v: Var): Value {
    const home = this.home(v)
    if (home.kind === 'ssa') return this.readVar(v, this.block, home.type)
    return this.loadOrDeref(home.type, this.addrOfVar(v))
  }

  /** A value of type t at addr: a Load when t is SSA-able, else gc's Dereference. */
  loadOrDeref(t: SsaType, addr: Value): Value {
    return canSSA(t) ? this.load(t, addr) : this.v('Dereference', t, [addr, this.mem])
  }

  /** Declare a local (gc's ODCL): heap-moved ones get their heap memory here. */
  /** Variables a declaration statement declared before its right side was ordered (their ODCL comes first). */
  readonly predeclared = new Set<Var>()

  declare(v: Var): void {
    if (this.predeclared.delete(v)) return
    const home = this.home(v)
    if (home.kind === 'heap') this.setHeapAddr(home, newHeapAddr(this, home.type))
  }

  // ------------------------------------------------------------ statements

  /** A block: order's temporaries taken in it go back to the pool at its end (orderBlock). */
  stmts(list: A.Stmt[]): void {
    const mark = this.orderHeld.length
    for (let i = 0; i < list.length; i++) {
      // order's orderMakeSliceCopy: `m = make([]T, n); copy(m, s)` is one statement, the copy gone.
      const pair = i + 1 < list.length ? makeCopyPair(this, list[i]!, list[i + 1]!) : null
      if (pair) this.makeCopies.set(pair.make, pair.copy)
      this.stmt(list[i]!)
      if (pair) i++
    }
    this.releaseOrderTemps(mark)
  }

  /** make calls order turned into OMAKESLICECOPY, with what they copy (makecopy.ts). */
  readonly makeCopies = new Map<A.Call, MakeCopy>()

  stmt(s: A.Stmt): void {
    if (!this.cur) {
      // Unreachable code: gc skips it, except labels (a goto may reach them).
      if (s.kind !== 'Labeled') return
    }
    this.pos = this.at(s.pos)
    const mark = this.orderHeld.length
    // The slice pass's `s = move2heap(s)` goes first in the statement's init.
    const move = this.sliceStack.moves.get(s)
    if (move) move2heap(this, move)
    // `var x = e` and `x := e` are an ODCL then an assignment: a heap variable's cell comes before e's calls.
    for (const v of definedVars(this.cx.info, s)) {
      this.declare(v)
      this.predeclared.add(v)
    }
    noteMapLitsInPlace(this, s)
    this.orderInits(s)
    this.stmt1(s)
    // A statement's temporaries are free again after it (a return keeps them to the end of its block).
    if (s.kind !== 'Return') this.releaseOrderTemps(mark)
  }

  /** The statement's order temporaries for a call's results (as2func.ts). */
  as2: (string | null)[] | null = null
  /** What order and walk evaluate before the statement (or an if or for condition, order's exprInPlace). */
  orderInits(s: A.Stmt): void {
    // Order's copies first: calls, new, make, append and copy inside the statement, innermost first.
    const calls = hoisted(this.cx.info, s)
    const byAddr = calls.length ? callsComparedByAddress(this, s) : null
    for (const c of calls) {
      if (!this.cur) break
      if (c.kind === 'Slice') {
        orderSlice(this, c, s)
        continue
      }
      if (c.kind === 'Binary') {
        andOrTemp(this)
        continue
      }
      if (copiedInPlace(this.cx.info, c)) {
        this.reserveOrderTemp(fromGo(this.typeOf(c)))
        continue
      }
      this.hoistedCalls.set(c, this.orderCopy(this.call(c), byAddr!.has(c)))
    }
    this.as2 = this.cur ? as2Temps(this, s) : null
    // walkAssign makes the left side safe before it walks the right.
    assignLhsTemps(this, s)
    // Then walk's init: literal temporaries and allocations, closures, method values.
    const ssaAble = (e: A.CompositeLit) => canSSA(fromGo(this.typeOf(e)))
    const copies = new Set<A.Expr>()
    for (const e of walkInits(this.cx.info, s, { has: (x) => this.hoistedCalls.has(x as A.Call) }, ssaAble, copies)) {
      if (!this.cur) break
      if (copies.has(e)) this.walkCopy(e)
      else if (e.kind === 'Call') appendBaseTemps(this, e)
      else this.prebuilt.set(e, this.expr(e))
    }
  }

  /** use(e) after order's exprInPlace: an if or for condition, a switch case. */
  inPlace<R>(e: A.Expr, use: () => R): R {
    const mark = this.orderHeld.length
    this.orderInits({ kind: 'ExprStmt', x: e, pos: e.pos, end: e.end } as A.ExprStmt)
    const r = use()
    this.releaseOrderTemps(mark)
    return r
  }

  orderedCondBranch(e: A.Expr, yes: Block, no: Block, likely: -1 | 0 | 1): void {
    this.inPlace(e, () => this.condBranch(e, yes, no, likely))
  }

  /** gc's order temporaries, pooled by type per function: a later statement reuses a free one (newTemp/popTemp). */
  readonly orderFree = new Map<string, string[]>()
  readonly orderHeld: { name: string; key: string }[] = []

  /**
   * gc's condBranch on what order left of a condition: a source && or || is
   * already order's temporary (binary() builds it), so it branches on that
   * value; ! swaps the targets.
   */
  condBranch(e: A.Expr, yes: Block, no: Block, likely: -1 | 0 | 1): void {
    e = unparen(e)
    if (e.kind === 'Unary' && e.op === '!') return this.condBranch(e.x, no, yes, (-likely) as -1 | 0 | 1)
    // walk made an array or struct comparison a chain of && or ||: it branches like one.
    if (isAggregateCompare(this, e)) return this.aggregateBranch(e as A.Binary, yes, no, likely)
    if (isStringCompare(this, e)) return this.condTreeBranch(stringCond(this, e as A.Binary), yes, no, likely)
    // walk made a comparison of two interfaces an && or || too.
    if (this.isIfaceCompare(e)) return this.ifaceCompareBranch(e as A.Binary, yes, no, likely)
    const c = this.expr(e)
    this.branch(c, yes, no, likely)
  }

  /** Panic unless cond: gc's s.check → a call in an unlikely exit block. */
  check(cond: Value, panicCall: (b: Block) => void): void {
    const ok = this.newBlock()
    const bad = this.newBlock()
    this.branch(cond, ok, bad, 1)
    this.seal(bad)
    this.startBlock(bad)
    panicCall(bad)
    this.seal(ok)
    this.startBlock(ok)
  }

  /**
   * gc's s.check for a divide or shift: the panic block is shared by all
   * checks of one runtime function on one source line (gc's s.panics), so
   * it stays unsealed until the function ends.
   */
  checkShared(cond: Value, fn: 'panicdivide' | 'panicshift'): void {
    const ok = this.newBlock()
    const key = `${fn}:${this.pos.line}`
    let bad = this.panicBlocks.get(key)
    if (!bad) {
      this.panicBlocks.set(key, (bad = this.newBlock()))
      this.branch(cond, ok, bad, 1)
      this.startBlock(bad)
      this.panicExit(fn)
    } else this.branch(cond, ok, bad, 1)
    this.seal(ok)
    this.startBlock(ok)
  }

  private readonly panicBlocks = new Map<string, Block>()

  panicExit(fn: string, args: Value[] = []): void {
    const call = this.v('StaticLECall', T.mem, [...args, this.mem], BigInt(args.length * 8), { kind: 'call', fn: `runtime.${fn}` })
    this.endPanic(call)
  }

  endPanic(mem: Value): void {
    const b = this.endBlock()!
    b.kind = 'Exit'
    b.setControl(mem)
  }

  /** Returns the index extended to 64 bits (gc's extendIndex). */
  boundsCheck(idx: Value, len: Value, kind: number, at: A.Span, slice = false): Value {
    const unsignedIdx = idx.type.kind === 'uint'
    const i = this.extendIndex(idx)
    const pos = this.pos
    this.pos = this.at(at.pos)
    const ok = this.v(slice ? 'IsSliceInBounds' : 'IsInBounds', T.bool, [i, len])
    this.check(ok, () => {
      const m = this.v('PanicBounds', T.mem, [i, len, this.mem], BigInt(kind + (unsignedIdx ? 1 : 0)))
      this.endPanic(m)
    })
    this.restorePos(pos)
    return i
  }

  extendIndex(idx: Value): Value {
    if (idx.type.size >= 8) return idx
    return this.v(idx.type.kind === 'uint' ? `ZeroExt${idx.type.size * 8}to64` : `SignExt${idx.type.size * 8}to64`, T.int, [idx])
  }

  nilCheck(p: Value): Value {
    return this.v('NilCheck', p.type, [p, this.mem])
  }

  // ------------------------------------------------------------ expressions

  typeOf(e: A.Expr): Type {
    const tv = this.cx.info.types.get(e)
    if (!tv) throw new Error(`internal: no type for expression at ${e.pos}`)
    return tv.type
  }

  // ------------------------------------------------------------ temporaries (methods in fntemps.ts)

  tmpCount = 0
  /** Temporaries by the phase that makes them in gc, and ssagen's own Dcl additions in order (autotmps.ts). */
  readonly tempPhases: TempRecord[] = []
  readonly ssagenDcl: SsagenDcl[] = []
  /** Sites escape's rewriteWithLiterals replaced with a constant: each first keeps the original in a temporary, after the front end's Dcl. */
  readonly literalTemps = new Set<A.Expr>()

  /** The next `.stmp_N` order makes (conversions, sends of constants), then walk's (literals: stmps.ts). */
  stmpCount = 0
  stmpWalkCount = 0

  /** Values walk's init built before the statement (see order.ts walkInits). */
  readonly prebuilt = new Map<A.Expr, Value>()

  /** Calls made as statements: their result is never read (builtins.ts copySlices). */
  readonly unusedResults = new Set<A.Expr>()

  /** Expressions walk copied into a temporary held in SSA (its variable key; read at every use). */
  readonly walkCopies = new Map<A.Expr, object>()

  /** walk's copyExpr of e into a fresh temporary: evaluated now, read wherever e is used. */
  walkCopy(e: A.Expr): void {
    // Its number: assignLhsTemps (walkassign.ts) took it with the destination's other temporaries.
    const v = this.expr(e)
    const key = {}
    this.writeVar(key, v, v.type)
    this.walkCopies.set(e, key)
  }

  /** Calls the order pass already evaluated for the statement being built (see order.ts). */
  readonly hoistedCalls = new Map<A.Call, Value[]>()

  readonly walkTemps = new Map<Value, string>()

  /** Stack backing stores of non-escaping appends, by appended-to variable (appenditems.ts). */
  readonly backingStores = new Map<object, BackingStore>()
  /** The slice pass's decisions for this function (walk/slicestack.ts). */
  sliceStack: SliceStackPlan = { noEscape: new Set(), useBuf: new Set(), moves: new Map() }

  private planSliceStack(ds: ReturnType<typeof sliceStackDecisions>): void {
    for (const d of ds) {
      if (this.home(d.v).kind !== 'ssa') continue
      this.sliceStack.moves.set(d.transition, { v: d.v, preserveCap: d.capUsed })
      for (const a of d.appends) {
        this.sliceStack.noEscape.add(a)
        if (d.capUsed) this.sliceStack.useBuf.add(a)
      }
    }
  }
}

/** A composite literal whose value is written straight to its destination. */
Object.assign(FnBuilder.prototype, paramMethods, tempMethods, stmtMethods, exprMethods, addrMethods, callMethods, compareMethods, ifaceMethods, deferMethods)

export class LazyAggregate {
  constructor(readonly lit: A.CompositeLit) {}
  storeTo(b: FnBuilder, addr: Value): void {
    fillNamed(b, this.lit, addr.type.elem!, addr)
  }
  value(b: FnBuilder): Value {
    return b.expr(this.lit)
  }
}

/** gc's cheapComputableIndex: can the arch index elements of this size in an addressing mode? */
export function cheapIndex(arch: string, width: number): boolean {
  if (arch === 'ppc64' || arch === 'ppc64le') return width === 1
  return width === 1 || width === 2 || width === 4 || width === 8
}

export function closureRecordType(caps: { type: SsaType; byRef: boolean }[]): SsaType {
  return structOf([{ name: 'F', type: T.uintptr }, ...caps.map((c, i) => ({ name: `X${i}`, type: c.byRef ? ptrTo(c.type) : c.type }))])
}

export const arrayType = arrayOf

export function unparen(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}

export function exprPos(e: A.Expr): number {
  if (e.kind === 'Binary') return e.opPos
  if (e.kind === 'Call') return e.lparen
  if (e.kind === 'Selector') return e.sel.pos - 1
  if (e.kind === 'Index' || e.kind === 'Slice') return e.x.end
  return e.pos
}

export const lessOp = (t: SsaType): string => `Less${t.size * 8}${t.kind === 'uint' ? 'U' : ''}`
export const addOp = (t: SsaType): string => `Add${t.size * 8}`

/** The dump header's type: methods list the receiver as the first parameter, directly called literals their captures. */
function funcTypeString(u: FnUnit, cx: FnContext): string {
  const sig = u.signature
  if (u.lit && cx.directClosures.has(u.lit)) {
    const caps = u.captures.map((v) => ({ ...v, type: cx.facts.byRef.has(v) ? pointerTo(v.type) : v.type }))
    return typeString({ ...sig, params: [...caps, ...sig.params] })
  }
  return typeString(sig.recv ? { ...sig, params: [sig.recv, ...sig.params], recv: null } : sig)
}
