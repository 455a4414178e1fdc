// Building one function's SSA from the typed syntax tree, as gc's ssagen
// does after walk: parameters (heap-moved ones copied to their new home),
// statements and expressions in order with memory threaded through every
// load, store and call, bounds and nil checks branching to panic blocks,
// results returned through MakeResult.

import type * as A from '../syntax/ast'
import type { SourceText } from '../syntax/source'
import type { FnUnit } from '../escape/units'
import type { ForRewrite, Frame } from '../escape/frames'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { toFloat, toInt, type Constant } from '../types/constant'
import { under, type Type } from '../types/types'
import { typeString } from '../types/typestring'
import type { Value, Block, LocalVar } from '../ssa/func'
import { arrayOf, bytePtr, canSSA, fromGo, funcType, ptrTo, results, structOf, T, type SsaType } from '../ssa/types'
import { argWidth, Builder } from './builder'
import { abiAnalyze, abiConfig, argOpFor, registerParts, type AbiParam } from '../ssa/abi'
import { callBuiltin } from './builtins'
import { newHeapAddr } from './heapalloc'
import { compositeTemp, literalUses } from './complit'
import { definedVars, hoisted, walkInits } from './order'
import { builtByWalk, mayCall } from './walkcall'
import { as2Results, as2Temps } from './as2func'
import { sliceOfArray } from './slicing'
import { homeOf, type EscapeFacts, type Home } from './vars'

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
}

interface Target {
  brk: Block | null
  cont: Block | null
}

export const BOUNDS = { index: 0, sliceAlen: 2, sliceAcap: 4, sliceB: 6, slice3Alen: 8, slice3Acap: 10, slice3B: 12, slice3C: 14 }

export class FnBuilder extends Builder {
  private homes = new Map<object, Home>()
  private targets = new Map<A.Stmt, Target>()
  private labels = new Map<string, Block>()
  private results: Var[]
  private resultTypes: SsaType[]
  private closurePtr: Value | null = null

  constructor(
    readonly unit: FnUnit,
    readonly cx: FnContext,
    /** The target: where the register ABI puts parameters that must be stored to their slots. */
    readonly arch: string,
  ) {
    super(unit.name, funcTypeString(unit), cx.source, cx.pkg)
    this.fixedFrameSize = abiConfig(arch).localsOffset
    this.results = unit.info!.results
    this.resultTypes = this.results.map((r) => fromGo(r.type))
  }

  build(): void {
    const info = this.unit.info!
    const node = info.node
    this.pos = this.at(node.pos)
    // Stack slots of parameters and results come first, as gc's decladdrs.
    const declAddrs = new Map<Var, Value>()
    for (const p of [...info.params, ...info.results]) {
      if (p.irName === '_' ) continue
      declAddrs.set(p, this.entryV('LocalAddr', ptrTo(fromGo(p.type)), [this.sp, this.mem], 0n, { kind: 'sym', name: p.irName }))
    }
    if (this.unit.captures.length) this.loadCaptures()
    const abi = abiAnalyze(this.arch, info.params.map((p) => ({ name: p.irName, type: fromGo(p.type) })), [])
    info.params.forEach((p, i) => {
      if (p.irName === '_' || p.name === '') return
      const home = this.home(p)
      this.pos = this.at(node.pos, '-')
      if (home.kind === 'ssa') this.assignVar(p, this.v('Arg', home.type, [], 0n, { kind: 'sym', name: p.irName }))
      else if (home.kind === 'heap' || home.kind === 'stack') this.storeRegisterParam(p, home.type, abi.params[i]!, declAddrs.get(p)!)
    })
    // Results are zeroed first (gc's zeroResults), then heap-moved parameters get their new home.
    for (const r of info.results) {
      const home = this.home(r)
      if (home.kind === 'ssa') this.writeVar(r, this.zero(home.type), home.type)
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
    this.pruneEmptyDeadBlocks()
    this.recordLocals()
  }

  /** Blocks nothing reaches and nothing fills (a label after a return nobody jumps to): gc never creates them. */
  private pruneEmptyDeadBlocks(): void {
    this.f.blocks = this.f.blocks.filter((b) => !(b !== this.f.entry && b.preds.length === 0 && b.values.length === 0 && b.succs.length === 0 && b.controls.length === 0))
    for (const b of this.f.blocks) {
      if (b.controls.length === 0 && (b.kind === 'Exit' || b.kind === 'Ret')) throw new Error(`internal: ${b} ends without a control value`)
    }
  }

  // ------------------------------------------------------------ variables

  home(v: Var): Home {
    let h = this.homes.get(v)
    if (!h) {
      h = homeOf(v, this.unit, this.cx.facts, this.cx.pkg)
      this.homes.set(v, h)
    }
    return h
  }

  // gc's fn.Dcl: params, results and locals in declaration order, then the
  // `&x` slots holding heap-moved variables' addresses, then temporaries.
  private temps: LocalVar[] = []

  private recordLocals(): void {
    const info = this.unit.info!
    const vars: LocalVar[] = []
    const heapAddrs: LocalVar[] = []
    const add = (v: Var, cls: LocalVar['class']): void => {
      const p = v.pos >= 0 ? this.source.position(v.pos) : { line: 0, col: 0 }
      const type = fromGo(v.type)
      const base = { file: this.cx.file, line: p.line, col: p.col, temp: false }
      if (this.cx.facts.heap.has(v)) {
        // A heap-moved parameter or result keeps its slot and gains `&x`; a heap-moved local is only `&x`.
        heapAddrs.push({ ...base, name: `&${v.irName}`, type: ptrTo(type), class: 'auto', addrTaken: false })
        if (cls === 'auto') return
      }
      vars.push({ ...base, name: v.irName, type, class: cls, addrTaken: v.addrTaken || this.cx.facts.byRef.has(v) })
    }
    for (const v of info.params) add(v, 'param')
    for (const v of info.results) add(v, 'result')
    for (const v of info.locals) if (!this.unit.captures.includes(v)) add(v, 'auto')
    this.f.locals = [...vars, ...heapAddrs, ...this.temps]
  }

  private setHeapAddr(home: Extract<Home, { addrKey: object }>, addr: Value): void {
    const t = ptrTo(home.type)
    this.writeVar(home.addrKey, addr, t)
    this.f.nameValue({ name: `&${home.name}`, type: t }, addr)
  }

  private assignVar(v: Var, val: Value): void {
    const home = this.home(v)
    if (home.kind !== 'ssa') throw new Error('internal: assignVar on a non-SSA variable')
    this.writeVar(v, val, home.type)
    if (!v.irName.startsWith('~') && v.irName !== '_') this.f.nameValue({ name: v.irName, type: home.type }, val)
  }

  private addrOfVar(v: Var): Value {
    const home = this.home(v)
    switch (home.kind) {
      case 'stack':
        return this.v('LocalAddr', ptrTo(home.type), [this.sp, this.mem], 0n, { kind: 'sym', name: home.name })
      case 'heap':
      case 'captured':
        return this.readVar(home.addrKey)
      case 'global':
        return this.entryV('Addr', ptrTo(home.type), [this.sb], 0n, { kind: 'sym', name: home.sym })
      case 'ssa':
        throw new Error(`internal: address of SSA variable ${v.name}`)
    }
  }

  private readVarValue(v: Var): Value {
    const home = this.home(v)
    if (home.kind === 'ssa') return this.readVar(v, this.block, home.type)
    return this.loadOrDeref(home.type, this.addrOfVar(v))
  }

  /** A value of type t at addr: a Load when t is SSA-able, else gc's Dereference. */
  private loadOrDeref(t: SsaType, addr: Value): Value {
    return canSSA(t) ? this.load(t, addr) : this.v('Dereference', t, [addr, this.mem])
  }

  /** Declare a local (gc's ODCL): heap-moved ones get their heap memory here. */
  /** Variables a declaration statement declared before its right side was ordered (their ODCL comes first). */
  private readonly predeclared = new Set<Var>()

  private declare(v: Var): void {
    if (this.predeclared.delete(v)) return
    const home = this.home(v)
    if (home.kind === 'heap') this.setHeapAddr(home, newHeapAddr(this, home.type))
  }

  /**
   * A parameter that lives in memory but arrives in registers is stored to its
   * slot at entry (gc's buildssa): whole from its Arg when SSA-able, else part
   * by part from the registers (storeParameterRegsToStack).
   */
  private storeRegisterParam(p: Var, type: SsaType, assigned: AbiParam, addr: Value): void {
    if (assigned.regs.length === 0) return
    const argPos = this.pos
    if (canSSA(type)) {
      const v = this.v('Arg', type, [], 0n, { kind: 'sym', name: p.irName })
      this.pos = { ...argPos, stmt: '' }
      this.store(type, addr, v)
      this.pos = argPos
      return
    }
    const config = abiConfig(this.arch)
    for (const part of registerParts(assigned)) {
      const { op, index } = argOpFor(config, part.reg)
      const v = this.v(op, part.type, [], BigInt(index), { kind: 'sym', name: `${p.irName}+${part.offset}` }, argPos)
      // gc's stores carry the position without a statement mark.
      this.pos = { ...argPos, stmt: '' }
      this.store(part.type, this.v('OffPtr', ptrTo(part.type), [addr], BigInt(part.offset)), v)
      this.pos = argPos
    }
  }

  private loadCaptures(): void {
    const caps = this.unit.captures
    this.closurePtr = this.entryV('GetClosurePtr', bytePtr)
    const rec = closureRecordType(caps.map((c) => ({ type: fromGo(c.type), byRef: this.cx.facts.byRef.has(c) })))
    caps.forEach((c, i) => {
      const field = rec.fields![i + 1]!
      const home = this.home(c)
      const p = this.v('OffPtr', ptrTo(field.type), [this.closurePtr!], BigInt(field.offset))
      if (home.kind === 'captured') this.setHeapAddr(home, this.cx.facts.byRef.has(c) ? this.load(field.type, p) : p)
      else if (home.kind === 'ssa') this.assignVar(c, this.load(field.type, p))
    })
  }

  // ------------------------------------------------------------ statements

  /** A block: order's temporaries taken in it go back to the pool at its end (orderBlock). */
  private stmts(list: A.Stmt[]): void {
    const mark = this.orderHeld.length
    for (const s of list) this.stmt(s)
    this.releaseOrderTemps(mark)
  }

  private stmt(s: A.Stmt): void {
    if (!this.cur) {
      // Unreachable code: gc skips it, except labels (a goto may reach them).
      if (s.kind !== 'Labeled') return
    }
    this.pos = this.at(s.pos)
    const mark = this.orderHeld.length
    // `var x = e` and `x := e` are an ODCL then an assignment: a heap variable's cell comes before e's calls.
    for (const v of definedVars(this.cx.info, s)) {
      this.declare(v)
      this.predeclared.add(v)
    }
    this.orderInits(s)
    this.stmt1(s)
    // A statement's temporaries are free again after it (a return keeps them to the end of its block).
    if (s.kind !== 'Return') this.releaseOrderTemps(mark)
  }

  /** The statement's order temporaries for a call's results (as2func.ts). */
  private as2: (string | null)[] | null = null
  /** What order and walk evaluate before the statement (or an if or for condition, order's exprInPlace). */
  private orderInits(s: A.Stmt): void {
    // Order's copies first: calls, new, make, append and copy inside the statement, innermost first.
    for (const c of hoisted(this.cx.info, s)) {
      if (!this.cur) break
      this.hoistedCalls.set(c, this.orderCopy(this.call(c)))
    }
    this.as2 = this.cur ? as2Temps(this, s) : null
    // Then walk's init: literal temporaries and allocations, closures, method values.
    const ssaAble = (e: A.CompositeLit) => canSSA(fromGo(this.typeOf(e)))
    for (const e of walkInits(this.cx.info, s, { has: (x) => this.hoistedCalls.has(x as A.Call) }, ssaAble)) {
      if (!this.cur) break
      this.prebuilt.set(e, this.expr(e))
    }
  }

  /** use(e) after order's exprInPlace: an if or for condition, a switch case. */
  private inPlace<R>(e: A.Expr, use: () => R): R {
    const mark = this.orderHeld.length
    this.orderInits({ kind: 'ExprStmt', x: e, pos: e.pos, end: e.end } as A.ExprStmt)
    const r = use()
    this.releaseOrderTemps(mark)
    return r
  }

  private orderedCondBranch(e: A.Expr, yes: Block, no: Block, likely: -1 | 0 | 1): void {
    this.inPlace(e, () => this.condBranch(e, yes, no, likely))
  }

  /** gc's order temporaries, pooled by type per function: a later statement reuses a free one (newTemp/popTemp). */
  private readonly orderFree = new Map<string, string[]>()
  private readonly orderHeld: { name: string; key: string }[] = []

  orderTemp(t: SsaType, addrTaken = false): string {
    const key = t.str
    const name = this.orderFree.get(key)?.pop() ?? this.autotmp(t, addrTaken)
    if (addrTaken) for (const l of this.temps) if (l.name === name) l.addrTaken = true
    this.orderHeld.push({ name, key })
    return name
  }

  private releaseOrderTemps(mark: number): void {
    for (const h of this.orderHeld.splice(mark)) {
      const free = this.orderFree.get(h.key) ?? []
      free.push(h.name)
      this.orderFree.set(h.key, free)
    }
  }

  /** `tmp = f()`: a hoisted call's result that is not SSA-able moves into an order temporary. */
  private orderCopy(vals: Value[]): Value[] {
    const r = vals[0]
    if (vals.length !== 1 || r?.op !== 'Dereference') return vals
    const name = this.orderTemp(r.type)
    this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(r.type), [this.sp, this.mem], 0n, { kind: 'sym', name })
    this.move(r.type, a, r.args[0]!)
    return [this.v('Dereference', r.type, [a, this.mem])]
  }

  private stmt1(s: A.Stmt): void {
    switch (s.kind) {
      case 'Block':
        return this.stmts(s.stmts)
      case 'Empty':
        return
      case 'ExprStmt':
        this.expr(s.x)
        return
      case 'Assign':
        return this.assign(s)
      case 'IncDec': {
        const t = fromGo(this.typeOf(s.x))
        const one = t.kind === 'float' ? this.constFloat(t, 1) : this.constInt(t, 1)
        return this.assignTo(s.x, () => this.arith(s.inc ? '+' : '-', this.expr(s.x), one, t, s.pos))
      }
      case 'DeclStmt':
        return this.declStmt(s)
      case 'If':
        return this.ifStmt(s)
      case 'For':
        return this.forStmt(s)
      case 'Range':
        return this.rangeStmt(s)
      case 'Switch':
        return this.switchStmt(s)
      case 'Labeled':
        return this.labeled(s)
      case 'Branch':
        return this.branchStmt(s)
      case 'Return':
        return this.returnStmt(s)
      default:
        throw new Unsupported(s.pos, `statement ${s.kind}`)
    }
  }

  private declStmt(s: A.DeclStmt): void {
    if (s.decl.kind !== 'VarDecl') return
    for (const spec of s.decl.specs) {
      const vars = spec.names.map((n) => this.cx.info.defs.get(n) as Var | undefined)
      if (spec.values.length === vars.length) {
        const vals = spec.values.map((e) => this.valueFor(e))
        vars.forEach((v, i) => {
          if (!v) return
          this.declare(v)
          this.setVar(v, vals[i]!)
        })
      } else if (spec.values.length === 1 && vars.length > 1) {
        const vals = as2Results(this, this.as2, this.multiValue(spec.values[0]!))
        vars.forEach((v, i) => {
          if (!v) return
          this.declare(v)
          this.setVar(v, vals[i]!)
        })
      } else {
        for (const v of vars) {
          if (!v) continue
          this.declare(v)
          if (!spec.declOnly) this.zeroVar(v)
        }
      }
    }
  }

  private zeroVar(v: Var): void {
    const home = this.home(v)
    if (home.kind === 'ssa') this.assignVar(v, this.zero(home.type))
    else {
      const addr = this.addrOfVar(v)
      if (home.kind === 'stack') this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name: home.name })
      if (canSSA(home.type)) this.store(home.type, home.kind === 'stack' ? this.addrOfVar(v) : addr, this.zero(home.type))
      else this.zeroMem(home.type, home.kind === 'stack' ? this.addrOfVar(v) : addr)
    }
  }

  /** Store val into variable v, wherever it lives. */
  private setVar(v: Var, val: Value | LazyAggregate): void {
    const home = this.home(v)
    // gc's oaslit builds a literal in place only in a stack variable that is not address-taken and that the literal does not use.
    if (val instanceof LazyAggregate && (home.kind !== 'stack' || v.addrTaken || literalUses(this.cx.info, val.lit, v))) val = val.value(this)
    if (home.kind === 'ssa') {
      this.assignVar(v, this.materialize(val))
      return
    }
    if (home.kind === 'stack' && !canSSA(home.type)) this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name: home.name })
    this.storeInto(home.type, this.addrOfVar(v), val)
  }

  /** Store val at addr: a Store, or a Move from a non-SSA-able value's address (gc's s.move). */
  storeInto(t: SsaType, addr: Value, val: Value | LazyAggregate): void {
    if (val instanceof LazyAggregate) return val.storeTo(this, addr)
    if (canSSA(t)) this.store(t, addr, val)
    else if (val.op === 'Dereference') {
      // Copy memory to memory: gc moves from the source address.
      this.move(t, addr, val.args[0]!)
    } else this.store(t, addr, val)
  }

  private materialize(val: Value | LazyAggregate): Value {
    return val instanceof LazyAggregate ? val.value(this) : val
  }

  private assign(s: A.Assign): void {
    if (s.op !== '=' && s.op !== ':=') {
      const op = s.op.slice(0, -1) as A.BinaryOp
      const lhs = s.lhs[0]!
      const t = this.typeOf(lhs)
      // gc evaluates the address once, then x = x op y.
      return this.assignTo(lhs, () => this.binaryValue(op, this.expr(lhs), this.expr(s.rhs[0]!), t, this.typeOf(s.rhs[0]!), s.pos))
    }
    if (s.op === ':=') {
      for (const l of s.lhs) {
        const v = l.kind === 'Ident' ? (this.cx.info.defs.get(l) as Var | undefined) : undefined
        if (v) this.declare(v)
      }
    }
    if (s.lhs.length === s.rhs.length) {
      if (s.lhs.length === 1) return this.assignTo(s.lhs[0]!, () => this.valueFor(s.rhs[0]!))
      // Parallel assignment: evaluate all right-hand sides first.
      const vals = s.rhs.map((r) => this.valueFor(r))
      s.lhs.forEach((l, i) => this.assignTo(l, () => vals[i]!))
      return
    }
    const vals = as2Results(this, this.as2, this.multiValue(s.rhs[0]!))
    s.lhs.forEach((l, i) => this.assignTo(l, () => vals[i]!))
  }

  /** Assign the value `make()` produces to the location `lhs` denotes. */
  private assignTo(lhs: A.Expr, make: () => Value | LazyAggregate): void {
    lhs = unparen(lhs)
    if (lhs.kind === 'Ident') {
      if (lhs.name === '_') {
        make() // evaluated for its effects
        return
      }
      const v = (this.cx.info.uses.get(lhs) ?? this.cx.info.defs.get(lhs)) as Var
      return this.setVar(v, make())
    }
    const t = fromGo(this.typeOf(lhs))
    if (this.exprCanSSA(lhs)) {
      // An element of an SSA-able struct or 1-element array: rebuild the whole value.
      const val = this.materialize(make())
      return this.assignSSAPart(lhs, val)
    }
    const addr = this.addr(lhs)
    const val = make()
    this.storeInto(t, addr, val instanceof LazyAggregate ? val.value(this) : val)
  }

  private assignSSAPart(lhs: A.Expr, val: Value): void {
    lhs = unparen(lhs)
    if (lhs.kind === 'Ident') {
      const v = this.cx.info.uses.get(lhs) as Var
      return this.assignVar(v, val)
    }
    if (lhs.kind === 'Selector') {
      const sel = this.cx.info.selections.get(lhs)
      if (sel?.kind === 'field') {
        // Rebuild each enclosing struct along the (embedded) path, innermost first.
        const structs: Value[] = [this.expr(lhs.x)]
        for (const step of sel.path.slice(0, -1)) structs.push(this.v('StructSelect', structs[structs.length - 1]!.type.fields![step.index]!.type, [structs[structs.length - 1]!], BigInt(step.index)))
        let v = val
        for (let k = sel.path.length - 1; k >= 0; k--) {
          const old = structs[k]!
          const st = old.type
          v = this.v('StructMake', st, st.fields!.map((f, i) => (i === sel.path[k]!.index ? v : this.v('StructSelect', f.type, [old], BigInt(i)))))
        }
        return this.assignSSAPart(lhs.x, v)
      }
    }
    if (lhs.kind === 'Index') {
      const at = fromGo(this.typeOf(lhs.x))
      this.boundsCheck(this.expr(lhs.index), this.constInt(T.int, at.len!), BOUNDS.index, lhs.index)
      return this.assignSSAPart(lhs.x, this.v('ArrayMake1', at, [val]))
    }
    throw new Unsupported(lhs.pos, 'assignment to this expression')
  }

  private ifStmt(s: A.If): void {
    if (s.init) this.stmt(s.init)
    // gc's order: the join block first, then then and else.
    const end = this.newBlock()
    const then = this.newBlock()
    const els = s.else ? this.newBlock() : end
    this.orderedCondBranch(s.cond, then, els, 0)
    this.seal(then)
    this.startBlock(then)
    this.stmts(s.then.stmts)
    this.jump(end)
    if (s.else) {
      this.seal(els)
      this.startBlock(els)
      this.stmt(s.else)
      this.jump(end)
    }
    this.seal(end)
    if (end.preds.length) this.startBlock(end)
  }

  private forStmt(s: A.For): void {
    const rewrite = this.cx.frames.get(this.unit)?.fors.get(s)
    if (rewrite && rewrite.vars.some((v) => this.home(v).kind !== 'ssa')) return this.perIterationFor(s, rewrite)
    if (s.init) this.stmt(s.init)
    const cond = this.newBlock()
    const body = this.newBlock()
    const incr = this.newBlock()
    const end = this.newBlock()
    this.jump(cond)
    this.startBlock(cond)
    if (s.cond) this.orderedCondBranch(s.cond, body, end, 1)
    else this.jump(body)
    this.seal(body)
    this.targets.set(s, { brk: end, cont: incr })
    this.startBlock(body)
    this.stmts(s.body.stmts)
    this.jump(incr)
    this.seal(incr)
    if (incr.preds.length) {
      this.startBlock(incr)
      if (s.post) this.stmt(s.post)
      this.jump(cond)
    }
    this.seal(cond)
    this.seal(end)
    if (end.preds.length) this.startBlock(end)
  }

  /**
   * Go 1.22 per-iteration loop variables, as gc's loopvar pass rewrites the
   * loop when one is captured or has its address taken:
   *   i' := init; first := true
   *   for { i := i'; if first { first = false } else { post }; if !cond { break }; body; i' = i }
   * so the variable (and its heap allocation) is declared once per iteration.
   */
  private perIterationFor(s: A.For, rw: ForRewrite): void {
    const primes = new Map<Var, object>(rw.vars.map((v, i) => [v, rw.temps[i]!]))
    const init = s.init
    if (init?.kind === 'Assign' && init.op === ':=' && init.lhs.length === init.rhs.length) {
      const vals = init.rhs.map((r) => this.expr(r))
      init.lhs.forEach((l, i) => {
        const v = this.cx.info.defs.get(l as A.Ident) as Var | undefined
        if (!v) return
        if (primes.has(v)) this.writeVar(primes.get(v)!, vals[i]!, fromGo(v.type))
        else {
          this.declare(v)
          this.setVar(v, vals[i]!)
        }
      })
    } else throw new Unsupported(s.pos, 'this loop header with per-iteration variables')
    const first = { name: '.first' }
    if (s.post) this.writeVar(first, this.constBool(true), T.bool)
    const header = this.newBlock()
    const body = this.newBlock()
    const latch = this.newBlock()
    const end = this.newBlock()
    this.jump(header)
    this.startBlock(header)
    for (const v of rw.vars) {
      const val = this.readVar(primes.get(v)!)
      this.declare(v)
      this.setVar(v, val)
    }
    if (s.post) {
      const isFirst = this.newBlock()
      const notFirst = this.newBlock()
      const check = this.newBlock()
      this.branch(this.readVar(first), isFirst, notFirst, 0)
      this.seal(isFirst)
      this.seal(notFirst)
      this.startBlock(isFirst)
      this.writeVar(first, this.constBool(false), T.bool)
      this.jump(check)
      this.startBlock(notFirst)
      this.stmt(s.post)
      this.jump(check)
      this.seal(check)
      this.startBlock(check)
    }
    if (s.cond) this.orderedCondBranch(s.cond, body, end, 1)
    else this.jump(body)
    this.seal(body)
    this.targets.set(s, { brk: end, cont: latch })
    this.startBlock(body)
    this.stmts(s.body.stmts)
    this.jump(latch)
    this.seal(latch)
    if (latch.preds.length) {
      this.startBlock(latch)
      for (const v of rw.vars) this.writeVar(primes.get(v)!, this.readVarValue(v), fromGo(v.type))
      this.jump(header)
    }
    this.seal(header)
    this.seal(end)
    if (end.preds.length) this.startBlock(end)
  }

  private rangeStmt(s: A.Range): void {
    const xt = under(this.typeOf(s.x))
    const info = this.cx.info
    const keyVar = s.key && s.key.kind === 'Ident' && s.key.name !== '_' ? ((s.define ? info.defs.get(s.key) : info.uses.get(s.key)) as Var | undefined) : undefined
    const valVar = s.value && s.value.kind === 'Ident' && s.value.name !== '_' ? ((s.define ? info.defs.get(s.value) : info.uses.get(s.value)) as Var | undefined) : undefined
    // Walk's rewrite: for hv1 := 0; hv1 < hn; hv1++ { k, v = hv1, ha[hv1] }, or where the
    // arch cannot index elements of this size cheaply, a pointer walked along the elements.
    const readsValue = valVar !== undefined || (s.value !== null && s.value !== undefined && s.value.kind !== 'Ident')
    let ha: Value | null = null
    let haAddr: Value | null = null
    let hn: Value
    if (xt.kind === 'basic') {
      hn = this.expr(s.x)
    } else if (xt.kind === 'slice') {
      ha = this.expr(s.x)
      hn = this.v('SliceLen', T.int, [ha])
    } else if (xt.kind === 'array') {
      hn = this.constInt(T.int, xt.len)
      // gc's order copies a ranged-over array when the loop reads its values (a temporary unless SSA-able).
      const at = fromGo(xt)
      if (readsValue) haAddr = canSSA(at) && this.addressable(s.x) ? this.addr(s.x) : this.orderSpill(this.expr(s.x), at, !cheapIndex(this.arch, at.elem!.size))
    } else if (xt.kind === 'pointer') {
      const at = under(xt.elem)
      hn = this.constInt(T.int, at.kind === 'array' ? at.len : 0)
      if (valVar) haAddr = this.nilCheck(this.expr(s.x))
    } else throw new Unsupported(s.x.pos, `range over ${xt.kind}`)
    const it = hn.type
    const hv = { name: '.hv1' }
    this.writeVar(hv, this.constInt(it, 0), it)
    const elemT = xt.kind === 'basic' ? null : fromGo(xt.kind === 'pointer' ? (under(xt.elem) as { elem: Type }).elem : (xt as { elem: Type }).elem)
    // gc's hu/hp: the position as a uintptr between iterations, as a pointer inside the body.
    const hu = { name: '.hu' }
    const hp = { name: '.hp' }
    const walkPtr = readsValue && elemT !== null && !cheapIndex(this.arch, elemT.size)
    if (walkPtr) {
      const first = ha ? this.v('SlicePtr', ptrTo(elemT), [ha]) : haAddr!
      this.writeVar(hu, this.v('Convert', T.uintptr, [this.v('Copy', T.unsafePointer, [first]), this.mem]), T.uintptr)
    }
    const cond = this.newBlock()
    const body = this.newBlock()
    const incr = this.newBlock()
    const end = this.newBlock()
    this.jump(cond)
    this.startBlock(cond)
    this.branch(this.v(lessOp(it), T.bool, [this.readVar(hv), hn]), body, end, 1)
    this.seal(body)
    this.targets.set(s, { brk: end, cont: incr })
    this.startBlock(body)
    const i = this.readVar(hv)
    if (keyVar) {
      this.declareIf(s.define, keyVar)
      this.setVar(keyVar, i)
    } else if (s.key && s.key.kind !== 'Ident') this.assignTo(s.key, () => i)
    if (readsValue) {
      let elem: Value
      if (walkPtr) {
        const p = this.v('Copy', ptrTo(elemT!), [this.v('Convert', T.unsafePointer, [this.readVar(hu), this.mem])])
        this.writeVar(hp, p, p.type)
        elem = this.loadOrDeref(elemT!, p)
      } else if (ha) {
        const et = fromGo((xt as { elem: Type }).elem)
        const p = this.v('PtrIndex', ptrTo(et), [this.v('SlicePtr', ptrTo(et), [ha]), i])
        elem = this.loadOrDeref(et, p)
      } else {
        const at = fromGo(xt.kind === 'pointer' ? under(xt.elem) : xt)
        const p = this.v('PtrIndex', ptrTo(at.elem!), [haAddr!, i])
        elem = this.loadOrDeref(at.elem!, p)
      }
      if (valVar) {
        this.declareIf(s.define, valVar)
        this.setVar(valVar, elem)
      } else this.assignTo(s.value!, () => elem)
    }
    this.stmts(s.body.stmts)
    this.jump(incr)
    this.seal(incr)
    if (incr.preds.length) {
      this.startBlock(incr)
      this.writeVar(hv, this.v(addOp(it), it, [this.readVar(hv), this.constInt(it, 1)]), it)
      if (walkPtr) {
        const u = this.v('Convert', T.uintptr, [this.v('Copy', T.unsafePointer, [this.readVar(hp)]), this.mem])
        this.writeVar(hu, this.v('Add64', T.uintptr, [u, this.constInt(T.uintptr, elemT!.size)]), T.uintptr)
      }
      this.jump(cond)
    }
    this.seal(cond)
    this.seal(end)
    if (end.preds.length) this.startBlock(end)
  }

  private declareIf(define: boolean, v: Var): void {
    if (define) this.declare(v)
  }

  private switchStmt(s: A.Switch): void {
    if (s.init) this.stmt(s.init)
    const tag = s.tag ? this.expr(s.tag) : null
    const tagType = s.tag ? this.typeOf(s.tag) : null
    const end = this.newBlock()
    this.targets.set(s, { brk: end, cont: null })
    const bodies = s.clauses.map(() => this.newBlock())
    let dflt: number = -1
    s.clauses.forEach((c, i) => {
      if (c.list === null) {
        dflt = i
        return
      }
      for (const e of c.list) {
        if (!this.cur) break
        // walk's `if tag == c` folds when both are constants: no branch, or an unconditional one.
        const known = this.constantCase(s, e)
        if (known === false) continue
        if (known === true) {
          this.jump(bodies[i]!)
          break
        }
        const next = this.newBlock()
        const cond = this.inPlace(e, () => (tag ? this.compare('==', tag, this.expr(e), tagType!, e.pos) : this.expr(e)))
        this.branch(cond, bodies[i]!, next, 0)
        this.seal(next)
        this.startBlock(next)
      }
    })
    this.jump(dflt >= 0 ? bodies[dflt]! : end)
    s.clauses.forEach((c, i) => {
      const b = bodies[i]!
      this.seal(b)
      if (b.preds.length === 0) return
      this.startBlock(b)
      const last = c.body[c.body.length - 1]
      const falls = last?.kind === 'Branch' && last.tok === 'fallthrough'
      this.stmts(falls ? c.body.slice(0, -1) : c.body)
      this.jump(falls ? bodies[i + 1]! : end)
    })
    this.seal(end)
    if (end.preds.length) this.startBlock(end)
  }

  /**
   * Whether case e always (true) or never (false) matches, where gc's walk
   * knows: with a tag that is constant true (or none), the test is the case
   * itself, so a constant case folds. Other tests (`3 == 5`) are built
   * unfolded and branch in SSA.
   */
  private constantCase(s: A.Switch, e: A.Expr): boolean | null {
    const types = this.cx.info.types
    const c = types.get(e)?.value
    const tag: Constant | undefined = s.tag ? types.get(s.tag)?.value : { kind: 'bool', value: true }
    if (c?.kind !== 'bool' || tag?.kind !== 'bool' || !tag.value) return null
    return c.value
  }

  private labeled(s: A.Labeled): void {
    const b = this.labelBlock(s.label.name)
    this.jump(b)
    this.startBlock(b)
    const inner = s.stmt
    if (inner.kind === 'For' || inner.kind === 'Range' || inner.kind === 'Switch') {
      this.stmt(inner)
      // break/continue with this label target the statement itself
      return
    }
    this.stmt(inner)
  }

  private labelBlock(name: string): Block {
    let b = this.labels.get(name)
    if (!b) this.labels.set(name, (b = this.newBlock()))
    return b
  }

  private branchStmt(s: A.Branch): void {
    if (s.tok === 'goto') return this.jump(this.labelBlock(s.label!.name))
    const target = this.cx.info.branchTargets.get(s)
    let node: A.Stmt | undefined = target
    if (node?.kind === 'Labeled') node = node.stmt
    const t = node ? this.targets.get(node) : undefined
    const to = s.tok === 'break' ? t?.brk : t?.cont
    if (!to) throw new Unsupported(s.pos, `${s.tok} here`)
    this.jump(to)
  }

  private returnStmt(s: A.Return): void {
    if (s.results.length === this.results.length) {
      const vals = s.results.map((e) => this.valueFor(e))
      this.results.forEach((r, i) => this.setVar(r, vals[i]!))
    } else if (s.results.length === 1 && this.results.length > 1) {
      const vals = this.multiValue(s.results[0]!)
      this.results.forEach((r, i) => this.setVar(r, vals[i]!))
    }
    this.pos = this.at(s.pos)
    this.exit()
  }

  /** The function's exit: results (and memory) through MakeResult, then Ret. */
  private exit(): void {
    const vals = this.results.map((r) => {
      const home = this.home(r)
      if (home.kind === 'ssa') return this.readVar(r)
      return this.v('Dereference', home.type, [this.addrOfVar(r), this.mem])
    })
    const m = this.v('MakeResult', results([...this.resultTypes, T.mem]), [...vals, this.mem])
    const b = this.endBlock()!
    b.kind = 'Ret'
    b.setControl(m)
  }

  // ------------------------------------------------------------ conditions

  /** gc's condBranch: && || ! as control flow. */
  private condBranch(e: A.Expr, yes: Block, no: Block, likely: -1 | 0 | 1): void {
    e = unparen(e)
    if (e.kind === 'Binary' && (e.op === '&&' || e.op === '||')) {
      const mid = this.newBlock()
      if (e.op === '&&') this.condBranch(e.x, mid, no, Math.max(likely, 0) as 0 | 1)
      else this.condBranch(e.x, yes, mid, Math.min(likely, 0) as -1 | 0)
      this.seal(mid)
      this.startBlock(mid)
      this.condBranch(e.y, yes, no, likely)
      return
    }
    if (e.kind === 'Unary' && e.op === '!') return this.condBranch(e.x, no, yes, (-likely) as -1 | 0 | 1)
    const c = this.expr(e)
    this.branch(c, yes, no, likely)
  }

  /** Panic unless cond: gc's s.check → a call in an unlikely exit block. */
  private check(cond: Value, panicCall: (b: Block) => void): void {
    const ok = this.newBlock()
    const bad = this.newBlock()
    this.branch(cond, ok, bad, 1)
    this.seal(bad)
    this.startBlock(bad)
    panicCall(bad)
    this.seal(ok)
    this.startBlock(ok)
  }

  panicExit(fn: string, args: Value[] = []): void {
    const call = this.v('StaticLECall', T.mem, [...args, this.mem], BigInt(args.length * 8), { kind: 'call', fn: `runtime.${fn}` })
    this.endPanic(call)
  }

  private endPanic(mem: Value): void {
    const b = this.endBlock()!
    b.kind = 'Exit'
    b.setControl(mem)
  }

  boundsCheck(idx: Value, len: Value, kind: number, at: A.Span, slice = false): void {
    const unsignedIdx = idx.type.kind === 'uint'
    const i = idx.type.size < 8 ? this.v(unsignedIdx ? `ZeroExt${idx.type.size * 8}to64` : `SignExt${idx.type.size * 8}to64`, T.int, [idx]) : idx
    const pos = this.pos
    this.pos = this.at(at.pos)
    const ok = this.v(slice ? 'IsSliceInBounds' : 'IsInBounds', T.bool, [i, len])
    this.check(ok, () => {
      const m = this.v('PanicBounds', T.mem, [i, len, this.mem], BigInt(kind + (unsignedIdx ? 1 : 0)))
      this.endPanic(m)
    })
    this.pos = pos
    void at
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

  /** The value to assign: aggregates that are not SSA-able stay lazy until we know where they go. */
  private valueFor(e: A.Expr): Value | LazyAggregate {
    const u = unparen(e)
    const t = fromGo(this.typeOf(u))
    if (u.kind === 'CompositeLit' && !canSSA(t) && !this.isConst(u)) return new LazyAggregate(u)
    return this.expr(u)
  }

  private isConst(e: A.Expr): boolean {
    return this.cx.info.types.get(e)?.value !== undefined
  }

  /** gc's canSSA on an expression: a variable (or part of one) held in SSA values. */
  private exprCanSSA(e: A.Expr): boolean {
    e = unparen(e)
    if (e.kind === 'Ident') {
      const o = this.cx.info.uses.get(e) ?? this.cx.info.defs.get(e)
      return o?.kind === 'var' && this.home(o).kind === 'ssa'
    }
    if (e.kind === 'Selector') {
      const sel = this.cx.info.selections.get(e)
      return sel?.kind === 'field' && sel.path.every((p) => !p.deref) && this.exprCanSSA(e.x)
    }
    if (e.kind === 'Index') return under(this.typeOf(e.x)).kind === 'array' && this.exprCanSSA(e.x)
    return false
  }

  private addressable(e: A.Expr): boolean {
    e = unparen(e)
    switch (e.kind) {
      case 'Ident': {
        const o = this.cx.info.uses.get(e)
        return o?.kind === 'var' && this.home(o).kind !== 'ssa'
      }
      case 'Star':
        return true
      case 'Selector': {
        const sel = this.cx.info.selections.get(e)
        return sel?.kind === 'field' && (sel.path.some((p) => p.deref) || this.addressable(e.x))
      }
      case 'Index': {
        const k = under(this.typeOf(e.x)).kind
        return k === 'slice' || k === 'pointer' || (k === 'array' && this.addressable(e.x))
      }
      // After walk a literal is a temporary or static data, and ssagen takes a call's result where the call left it.
      case 'CompositeLit':
        return !canSSA(fromGo(this.typeOf(e))) && !this.cx.info.implicitAddrLits.has(e)
      case 'Call':
        return !canSSA(fromGo(this.typeOf(e))) && this.cx.info.calls.get(e)?.kind !== 'conversion' && this.cx.info.calls.get(e)?.kind !== 'builtin'
      default:
        return false
    }
  }

  /** The address of an addressable expression (gc's s.addr). */
  addr(e: A.Expr): Value {
    e = unparen(e)
    const t = fromGo(this.typeOf(e))
    switch (e.kind) {
      case 'Ident': {
        const o = this.cx.info.uses.get(e) ?? this.cx.info.defs.get(e)
        if (o?.kind !== 'var') throw new Unsupported(e.pos, 'address of a non-variable')
        return this.addrOfVar(o)
      }
      case 'Star':
        return this.nilCheck(this.expr(e.x))
      case 'Selector': {
        const sel = this.cx.info.selections.get(e)
        if (sel?.kind !== 'field') throw new Unsupported(e.pos, 'address of a method')
        let base: Value
        const first = sel.path[0]!
        base = first.deref ? this.expr(e.x) : this.addressable(e.x) ? this.addr(e.x) : this.spill(this.expr(e.x), fromGo(this.typeOf(e.x)))
        return this.fieldPath(base, sel.path, t)
      }
      case 'Index': {
        const xt = under(this.typeOf(e.x))
        const i = this.expr(e.index)
        if (xt.kind === 'slice') {
          const s = this.expr(e.x)
          const len = this.v('SliceLen', T.int, [s])
          this.indexCheck(i, len, e.index)
          return this.v('PtrIndex', ptrTo(t), [this.v('SlicePtr', ptrTo(t), [s]), i])
        }
        if (xt.kind === 'pointer') {
          const at = fromGo(under(xt.elem))
          const p = this.nilCheck(this.expr(e.x))
          this.indexCheck(i, this.constInt(T.int, at.len!), e.index)
          return this.v('PtrIndex', ptrTo(t), [p, i])
        }
        const at = fromGo(xt)
        const a = this.addr(e.x)
        this.indexCheck(i, this.constInt(T.int, at.len!), e.index)
        return this.v('PtrIndex', ptrTo(t), [a, i])
      }
      case 'CompositeLit': {
        const pre = this.prebuilt.get(e)
        if (pre?.op === 'Dereference') {
          this.prebuilt.delete(e)
          return pre.args[0]!
        }
        return compositeTemp(this, e, t)
      }
      case 'Call': {
        // gc's callAddr: the result's own slot (the Dereference of SelectNAddr the call gives).
        const r = this.call(e)[0]
        if (r?.op !== 'Dereference') throw new Unsupported(e.pos, 'address of a call result')
        return r.args[0]!
      }
      default:
        throw new Unsupported(e.pos, `address of ${e.kind}`)
    }
  }

  private indexCheck(i: Value, len: Value, at: A.Expr): void {
    const c = this.cx.info.types.get(at)?.value
    if (c !== undefined && len.op.startsWith('Const') && toInt(c)! < len.auxInt) return
    this.boundsCheck(i, len, BOUNDS.index, at)
  }

  /** Follow a field path from a struct address (or a pointer for a deref step). */
  private fieldPath(base: Value, path: import('../types/info').FieldStep[], last: SsaType): Value {
    let p = base
    path.forEach((step, k) => {
      if (step.deref && k > 0) p = this.load(p.type.elem!, p)
      if (step.deref) p = this.nilCheck(p)
      const st = p.type.elem!
      const f = st.fields![step.index]!
      p = this.v('OffPtr', ptrTo(k === path.length - 1 ? last : f.type), [p], BigInt(f.offset))
    })
    return p
  }

  /** Put a value in a fresh stack temporary and return its address. */
  /** A stack temporary holding v; `addrTaken` when the program goes on to take its address (gc marks the temp). */
  private spill(v: Value, t: SsaType, addrTaken = false): Value {
    const name = this.autotmp(t, addrTaken)
    this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(t), [this.sp, this.mem], 0n, { kind: 'sym', name })
    this.storeInto(t, a, v)
    return a
  }

  /** spill into an order temporary (the range statement's copy of an array). */
  private orderSpill(v: Value, t: SsaType, addrTaken: boolean): Value {
    const name = this.orderTemp(t, addrTaken)
    this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(t), [this.sp, this.mem], 0n, { kind: 'sym', name })
    this.storeInto(t, a, v)
    return a
  }

  private tmpCount = 0
  autotmp(t: SsaType, addrTaken = false): string {
    const name = `.autotmp_${this.tmpCount++}`
    this.temps.push({ name, type: t, class: 'auto', file: this.cx.file, line: this.pos.line, col: this.pos.col, addrTaken, temp: true })
    return name
  }

  /**
   * A fresh zeroed stack temporary of type t: its address. gc takes the
   * address of every such temporary (stackTempAddr, initStackTemp: `new`,
   * &T{}, slice literals, closure records), so none is a stack-slot merge
   * candidate, and its `tmp = nil` has a VarDef only when t holds pointers;
   * the zero is stored as a value when t is SSA-able (a later load of it
   * folds), else cleared with Zero.
   */
  stackTemp(t: SsaType): Value {
    const name = this.autotmp(t, true)
    if (t.hasPointers) this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(t), [this.sp, this.mem], 0n, { kind: 'sym', name })
    if (canSSA(t)) this.store(t, a, this.zero(t))
    else this.zeroMem(t, a)
    return a
  }

  private stmpCount = 0
  /** Read-only static data for a constant literal (gc's readonlystaticname): its address. */
  staticData(t: SsaType): Value {
    return this.entryV('Addr', ptrTo(t), [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}..stmp_${this.stmpCount++}` })
  }

  /** Values walk's init built before the statement (see order.ts walkInits). */
  private readonly prebuilt = new Map<A.Expr, Value>()

  expr(e: A.Expr): Value {
    const pre = this.prebuilt.get(e)
    if (pre) {
      this.prebuilt.delete(e)
      return pre
    }
    const tv = this.cx.info.types.get(e)
    if (tv?.value !== undefined && tv.mode === 'constant') return this.constant(fromGo(tv.type), tv.value, e)
    const saved = this.pos
    const r = this.exprInner(e)
    this.pos = saved
    return r
  }

  private constant(t: SsaType, c: import('../types/constant').Constant, e: A.Expr): Value {
    switch (t.kind) {
      case 'bool':
        return this.constBool(c.kind === 'bool' && c.value)
      case 'int':
      case 'uint':
        return this.constInt(t, toInt(c)!)
      case 'float':
        return this.constFloat(t, toFloat(c)!)
      default:
        if (c.kind === 'int' || c.kind === 'float') throw new Unsupported(e.pos, `constant of type ${t.str}`)
        return this.zero(t)
    }
  }

  private exprInner(e: A.Expr): Value {
    const info = this.cx.info
    this.pos = this.at(exprPos(e))
    switch (e.kind) {
      case 'Paren':
        return this.expr(e.x)
      case 'Ident': {
        const o = info.uses.get(e)
        if (!o) throw new Unsupported(e.pos, `identifier ${e.name}`)
        if (o.kind === 'var') return this.readVarValue(o)
        if (o.kind === 'nil') return this.zero(fromGo(this.typeOf(e)))
        if (o.kind === 'func') return this.funcValue(o.gcName)
        throw new Unsupported(e.pos, `${o.kind} ${e.name} as a value`)
      }
      case 'Unary':
        return this.unary(e)
      case 'Binary':
        return this.binary(e)
      case 'Star': {
        const t = fromGo(this.typeOf(e))
        return this.loadOrDeref(t, this.nilCheck(this.expr(e.x)))
      }
      case 'Selector':
        return this.selector(e)
      case 'Index':
        return this.index(e)
      case 'Slice':
        return this.sliceExpr(e)
      case 'Call':
        return this.call(e)[0] ?? this.zero(T.bool)
      case 'CompositeLit': {
        const t = fromGo(this.typeOf(e))
        if (info.implicitAddrLits.has(e)) return this.compositeAddr(e, t.elem!, e)
        return this.compositeValue(e, t)
      }
      case 'FuncLit':
        return this.closure(e)
      default:
        throw new Unsupported(e.pos, `expression ${e.kind}`)
    }
  }

  private funcValue(gcName: string): Value {
    const t = funcType('func()')
    return this.entryV('Addr', t, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${gcName}·f` })
  }

  private unary(e: A.Unary): Value {
    const t = fromGo(this.typeOf(e))
    switch (e.op) {
      case '&':
        return this.addrOf(e.x, e)
      case '-':
        return this.v(t.kind === 'float' ? `Neg${t.size * 8}F` : `Neg${t.size * 8}`, t, [this.expr(e.x)])
      case '+':
        return this.expr(e.x)
      case '!':
        return this.v('Not', T.bool, [this.expr(e.x)])
      case '^':
        return this.v(`Com${t.size * 8}`, t, [this.expr(e.x)])
      default:
        throw new Unsupported(e.pos, `operator ${e.op}`)
    }
  }

  /** &x: a variable's address, or a new (heap or stack) composite literal. */
  private addrOf(x: A.Expr, site: A.Unary): Value {
    const u = unparen(x)
    if (u.kind === 'CompositeLit') return this.compositeAddr(u, fromGo(this.typeOf(u)), site)
    return this.addr(u)
  }

  private binary(e: A.Binary): Value {
    if (e.op === '&&' || e.op === '||') {
      // As a value: a temporary assigned in both arms (gc's OANDAND/OOROR).
      const tmp = { name: '.andor' }
      const l = this.expr(e.x)
      this.writeVar(tmp, l, T.bool)
      const right = this.newBlock()
      const done = this.newBlock()
      if (e.op === '&&') this.branch(l, right, done, 0)
      else this.branch(l, done, right, 0)
      this.seal(right)
      this.startBlock(right)
      this.writeVar(tmp, this.expr(e.y), T.bool)
      this.jump(done)
      this.seal(done)
      this.startBlock(done)
      return this.readVar(tmp)
    }
    const xt = this.typeOf(e.x)
    return this.binaryValue(e.op, this.expr(e.x), this.expr(e.y), this.typeOf(e), this.typeOf(e.y), e.opPos, xt)
  }

  private binaryValue(op: A.BinaryOp, x: Value, y: Value, rt: Type, yt: Type, at: number, xt: Type = rt): Value {
    if (['==', '!=', '<', '<=', '>', '>='].includes(op)) return this.compare(op, x, y, xt, at)
    const t = fromGo(rt)
    if (op === '<<' || op === '>>') return this.shift(op, x, y, t, fromGo(yt))
    return this.arith(op, x, y, t, at)
  }

  private arith(op: string, x: Value, y: Value, t: SsaType, at: number): Value {
    const w = t.size * 8
    if (t.kind === 'float') {
      const name = { '+': 'Add', '-': 'Sub', '*': 'Mul', '/': 'Div' }[op]
      if (!name) throw new Unsupported(at, `float operator ${op}`)
      return this.v(`${name}${w}F`, t, [x, y])
    }
    const signed = t.kind === 'int'
    switch (op) {
      case '+':
        return this.v(`Add${w}`, t, [x, y])
      case '-':
        return this.v(`Sub${w}`, t, [x, y])
      case '*':
        return this.v(`Mul${w}`, t, [x, y])
      case '&':
        return this.v(`And${w}`, t, [x, y])
      case '|':
        return this.v(`Or${w}`, t, [x, y])
      case '^':
        return this.v(`Xor${w}`, t, [x, y])
      case '&^':
        return this.v(`And${w}`, t, [x, this.v(`Com${w}`, t, [y])])
      case '/':
      case '%': {
        if (!(y.op.startsWith('Const') && y.auxInt !== 0n)) {
          this.check(this.v(`Neq${w}`, T.bool, [y, this.zero(t)]), () => this.panicExit('panicdivide'))
        }
        const base = op === '/' ? 'Div' : 'Mod'
        return this.v(`${base}${w}${signed ? '' : 'u'}`, t, [x, y])
      }
      default:
        throw new Unsupported(at, `operator ${op}`)
    }
  }

  private shift(op: '<<' | '>>', x: Value, y: Value, t: SsaType, yt: SsaType): Value {
    if (yt.kind === 'int' && !y.op.startsWith('Const')) {
      this.check(this.v(`Leq${yt.size * 8}`, T.bool, [this.zero(yt), y]), () => this.panicExit('panicshift'))
    }
    const w = t.size * 8
    const name = op === '<<' ? `Lsh${w}x${yt.size * 8}` : t.kind === 'uint' ? `Rsh${w}Ux${yt.size * 8}` : `Rsh${w}x${yt.size * 8}`
    return this.v(name, t, [x, y])
  }

  compare(op: string, x: Value, y: Value, xt: Type, at: number): Value {
    let t = fromGo(xt)
    if (t.kind === 'slice' || (x.type.kind === 'slice')) {
      // s == nil compares the pointer.
      const s = x.type.kind === 'slice' ? x : y
      const p = this.v('SlicePtr', bytePtr, [s])
      const isNonNil = this.v('IsNonNil', T.bool, [p])
      return op === '==' ? this.v('Not', T.bool, [isNonNil]) : isNonNil
    }
    if (op === '>') [op, x, y] = ['<', y, x]
    if (op === '>=') [op, x, y] = ['<=', y, x]
    if (t.kind === 'bool') return this.v(op === '==' ? 'EqB' : 'NeqB', T.bool, [x, y])
    if (t.kind === 'ptr' || t.kind === 'func' || t.kind === 'unsafeptr') return this.v(op === '==' ? 'EqPtr' : 'NeqPtr', T.bool, [x, y])
    if (t.kind === 'struct' || t.kind === 'array') throw new Unsupported(at, `comparison of ${t.str}`)
    const w = t.size * 8
    const suffix = t.kind === 'float' ? `${w}F` : `${w}`
    const name = { '==': 'Eq', '!=': 'Neq', '<': 'Less', '<=': 'Leq' }[op]!
    const u = t.kind === 'uint' && (name === 'Less' || name === 'Leq') ? 'U' : ''
    t = T.bool
    return this.v(`${name}${suffix}${u}`, t, [x, y])
  }

  private selector(e: A.Selector): Value {
    const sel = this.cx.info.selections.get(e)
    const t = fromGo(this.typeOf(e))
    if (!sel) throw new Unsupported(e.pos, 'qualified identifier')
    if (sel.kind === 'field') {
      // After walk an SSA-able literal or call result is an SSA-able temporary: select from its value too.
      const ssaValue = sel.path.every((p) => !p.deref) && !this.addressable(e.x) && canSSA(fromGo(this.typeOf(e.x)))
      if (this.exprCanSSA(e) || ssaValue) {
        // Parts of SSA-able structs: StructSelect down the path.
        let v = this.expr(e.x)
        for (const step of sel.path) v = this.v('StructSelect', v.type.fields![step.index]!.type, [v], BigInt(step.index))
        return v
      }
      return this.loadOrDeref(t, this.addr(e))
    }
    if (sel.kind === 'methodValue') return this.methodValue(e, sel)
    if (sel.kind === 'methodExpr') return this.funcValue(sel.method.gcName)
    throw new Unsupported(e.pos, 'method selector')
  }

  private index(e: A.Index): Value {
    const xt = under(this.typeOf(e.x))
    const t = fromGo(this.typeOf(e))
    if (xt.kind === 'array' && this.exprCanSSA(e.x)) {
      const a = this.expr(e.x)
      this.indexCheck(this.expr(e.index), this.constInt(T.int, xt.len), e.index)
      return this.v('ArraySelect', t, [a], 0n)
    }
    if (xt.kind === 'array' && !this.addressable(e.x)) {
      const a = this.spill(this.expr(e.x), fromGo(xt))
      const i = this.expr(e.index)
      this.indexCheck(i, this.constInt(T.int, xt.len), e.index)
      return this.loadOrDeref(t, this.v('PtrIndex', ptrTo(t), [a, i]))
    }
    return this.loadOrDeref(t, this.addr(e))
  }

  private sliceExpr(e: A.SliceExpr): Value {
    const xt = under(this.typeOf(e.x))
    const t = fromGo(this.typeOf(e))
    const et = t.elem!
    let ptr: Value
    let len: Value
    let cap: Value
    if (xt.kind === 'slice') {
      const s = this.expr(e.x)
      ptr = this.v('SlicePtr', ptrTo(et), [s])
      len = this.v('SliceLen', T.int, [s])
      cap = this.v('SliceCap', T.int, [s])
    } else {
      const at = xt.kind === 'pointer' ? fromGo(under(xt.elem)) : fromGo(xt)
      const base = xt.kind === 'pointer' ? this.nilCheck(this.expr(e.x)) : this.addr(e.x)
      ptr = this.v('Copy', ptrTo(et), [base])
      len = cap = this.constInt(T.int, at.len!)
    }
    const i = e.low ? this.expr(e.low) : this.constInt(T.int, 0)
    const j = e.high ? this.expr(e.high) : len
    const k = e.max ? this.expr(e.max) : cap
    // gc checks k <= cap, j <= k, i <= j (each only when not trivially true).
    if (e.max) this.boundsCheck(k, cap, BOUNDS.slice3Acap, e.max, true)
    if (e.high) this.boundsCheck(j, e.max ? k : cap, e.max ? BOUNDS.slice3B : BOUNDS.sliceAcap, e.high, true)
    if (e.low) this.boundsCheck(i, j, e.max ? BOUNDS.slice3C : BOUNDS.sliceB, e.low, true)
    const rlen = e.low ? this.v('Sub64', T.int, [j, i]) : j
    const rcap = e.low ? this.v('Sub64', T.int, [k, i]) : k
    let rptr = ptr
    if (e.low) {
      const stride = this.constInt(T.int, et.size)
      const delta = this.v('Mul64', T.int, [i, stride])
      const masked = this.v('And64', T.int, [delta, this.v('Slicemask', T.int, [rcap])])
      rptr = this.v('AddPtr', ptrTo(et), [ptr, masked])
    }
    return this.v('SliceMake', t, [rptr, rlen, rcap])
  }

  // ------------------------------------------------------------ composite literals

  /** &T{…} or an implicit &: a new object, on the heap if it escapes, else a stack temporary. */
  private compositeAddr(e: A.CompositeLit, t: SsaType, site: object): Value {
    if (this.cx.facts.escapingSites.has(site)) {
      const p = this.newObject(t)
      this.fillComposite(e, t, p)
      return p
    }
    const a = this.stackTemp(t)
    this.fillComposite(e, t, a)
    return a
  }

  /** Store the literal's non-zero elements through p (memory already zeroed). */
  fillComposite(e: A.CompositeLit, t: SsaType, p: Value): void {
    if (t.kind === 'struct') {
      e.elts.forEach((el, i) => {
        let idx = i
        let ve = el
        if (el.kind === 'KeyValue') {
          const name = (el.key as A.Ident).name
          idx = t.fields!.findIndex((f) => f.name === name)
          ve = el.value
        }
        const f = t.fields![idx]!
        if (this.isZeroConst(ve)) return
        const fp = this.v('OffPtr', ptrTo(f.type), [p], BigInt(f.offset))
        this.storeElem(f.type, fp, ve)
      })
      return
    }
    if (t.kind === 'array') return this.fillArrayElems(e, t, p)
    throw new Unsupported(e.pos, `composite literal of ${t.str}`)
  }

  private storeElem(t: SsaType, addr: Value, ve: A.Expr): void {
    const u = unparen(ve)
    if (u.kind === 'CompositeLit' && !this.cx.info.implicitAddrLits.has(u) && !canSSA(t)) return this.fillComposite(u, t, addr)
    this.storeInto(t, addr, this.valueFor(u))
  }

  private isZeroConst(e: A.Expr): boolean {
    const v = this.cx.info.types.get(e)?.value
    if (!v) return false
    return (v.kind === 'int' && v.value === 0n) || (v.kind === 'float' && v.value === 0) || (v.kind === 'bool' && !v.value)
  }

  /** A composite literal as a value. */
  private compositeValue(e: A.CompositeLit, t: SsaType): Value {
    if (t.kind === 'slice') return this.sliceLiteral(e, t)
    if (canSSA(t)) {
      if (t.size === 0) return this.entryV('Empty', t)
      if (t.kind === 'struct') {
        const parts = t.fields!.map((f) => this.zero(f.type) as Value)
        e.elts.forEach((el, i) => {
          if (el.kind === 'KeyValue') parts[t.fields!.findIndex((f) => f.name === (el.key as A.Ident).name)] = this.expr(el.value)
          else parts[i] = this.expr(el)
        })
        return this.v('StructMake', t, parts)
      }
      if (t.kind === 'array') {
        const el = e.elts[0]
        const v = el ? this.expr(el.kind === 'KeyValue' ? el.value : el) : this.zero(t.elem!)
        return this.v('ArrayMake1', t, [v])
      }
    }
    return this.v('Dereference', t, [compositeTemp(this, e, t), this.mem])
  }

  private sliceLiteral(e: A.CompositeLit, t: SsaType): Value {
    let n = 0
    let i = 0
    for (const el of e.elts) {
      if (el.kind === 'KeyValue') i = Number(toInt(this.cx.info.types.get(el.key)!.value!)!)
      n = Math.max(n, ++i)
    }
    const at = arrayType(t.elem!, n)
    let p: Value
    if (this.cx.facts.escapingSites.has(e)) p = this.newObject(at)
    else {
      p = this.stackTemp(at)
    }
    this.fillArrayElems(e, at, p)
    return sliceOfArray(this, p, at, t, e)
  }

  private fillArrayElems(e: A.CompositeLit, at: SsaType, p: Value): void {
    let i = 0
    for (const el of e.elts) {
      let ve = el
      if (el.kind === 'KeyValue') {
        i = Number(toInt(this.cx.info.types.get(el.key)!.value!)!)
        ve = el.value
      }
      if (!this.isZeroConst(ve)) this.storeElem(at.elem!, this.v('PtrIndex', ptrTo(at.elem!), [p, this.constInt(T.int, i)]), ve)
      i++
    }
  }

  // ------------------------------------------------------------ closures and method values

  private closure(e: A.FuncLit): Value {
    const unit = this.cx.litUnits.get(e)
    const name = this.cx.litNames.get(e) ?? '?'
    const ft = fromGo(this.typeOf(e))
    if (!unit || unit.captures.length === 0) return this.entryV('Addr', ft, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${name}·f` })
    const rec = closureRecordType(unit.captures.map((c) => ({ type: fromGo(c.type), byRef: this.cx.facts.byRef.has(c) })))
    const vals: Value[] = unit.captures.map((c) => (this.cx.facts.byRef.has(c) ? this.addrOfVar(c) : this.readVarValue(c)))
    const fn = this.entryV('Addr', T.uintptr, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${name}` })
    const p = this.newRecord(e, rec)
    ;[fn, ...vals].forEach((v, i) => {
      const f = rec.fields![i]!
      const q = this.v('OffPtr', ptrTo(f.type), [this.nilCheck(p)], BigInt(f.offset))
      // A by-value capture too big for SSA is a Dereference: copied with a Move.
      this.storeInto(f.type, q, v)
    })
    return this.v('Copy', ft, [p], 0n, null, { ...this.pos, stmt: '-' })
  }

  private newRecord(site: object, rec: SsaType): Value {
    if (this.cx.facts.escapingSites.has(site)) return this.newObject(rec, true)
    const a = this.stackTemp(rec)
    return a
  }

  private methodValue(e: A.Selector, sel: import('../types/info').MethodSelection): Value {
    const recvT = fromGo(sel.recvAdjust === 'addr' ? { kind: 'pointer', elem: this.typeOf(e.x) } as Type : sel.recvAdjust === 'deref' ? (under(this.typeOf(e.x)) as { elem: Type }).elem : this.typeOf(e.x))
    const recv = this.receiver(e.x, sel)
    const rec = structOf([{ name: 'F', type: T.uintptr }, { name: 'R', type: recvT }])
    const fn = this.entryV('Addr', T.uintptr, [this.sb], 0n, { kind: 'sym', name: `${this.cx.pkg}.${sel.method.gcName}-fm` })
    const p = this.newRecord(e, rec)
    this.store(T.uintptr, this.v('OffPtr', ptrTo(T.uintptr), [this.nilCheck(p)], 0n), fn)
    this.storeInto(recvT, this.v('OffPtr', ptrTo(recvT), [this.nilCheck(p)], 8n), recv)
    return this.v('Copy', fromGo(this.typeOf(e)), [p])
  }

  /** The receiver value for a method call or value: through embedded fields, then & or *. */
  private receiver(x: A.Expr, sel: import('../types/info').MethodSelection): Value {
    if (sel.path.length === 0) {
      if (sel.recvAdjust === 'addr') return this.addr(x)
      const v = this.expr(x)
      if (sel.recvAdjust === 'deref') return this.loadOrDeref(v.type.elem!, this.nilCheck(v))
      return v
    }
    const base = sel.path[0]!.deref ? this.expr(x) : this.addressable(x) ? this.addr(x) : this.spill(this.expr(x), fromGo(this.typeOf(x)))
    const lastField = sel.path[sel.path.length - 1]!.field
    const ft = fromGo(lastField.type)
    const fp = this.fieldPath(base, sel.path, ft)
    if (sel.recvAdjust === 'addr') return fp
    const v = this.loadOrDeref(ft, fp)
    if (sel.recvAdjust === 'deref') return this.loadOrDeref(v.type.elem!, this.nilCheck(v))
    return v
  }

  // ------------------------------------------------------------ calls

  /** The results of a call with several results. */
  private multiValue(e: A.Expr): Value[] {
    const u = unparen(e)
    if (u.kind !== 'Call') throw new Unsupported(e.pos, 'multi-value expression')
    return this.call(u)
  }

  /** Calls the order pass already evaluated for the statement being built (see order.ts). */
  private readonly hoistedCalls = new Map<A.Call, Value[]>()

  private call(e: A.Call): Value[] {
    const done = this.hoistedCalls.get(e)
    if (done) {
      this.hoistedCalls.delete(e)
      return done
    }
    const ci = this.cx.info.calls.get(e)
    if (!ci) throw new Unsupported(e.pos, 'call')
    switch (ci.kind) {
      case 'conversion':
        return [this.convert(this.expr(e.args[0]!), fromGo(this.typeOf(e.args[0]!)), fromGo(ci.to), e)]
      case 'builtin':
        return callBuiltin(this, e, ci.id)
      case 'direct':
        return this.staticCall(`${this.cx.pkg}.${ci.func.gcName}`, [], e.args, ci.signature, ci.variadic, e)
      case 'method': {
        const sel = this.cx.info.selections.get(unparen(e.fun) as A.Selector) as import('../types/info').MethodSelection
        const x = (unparen(e.fun) as A.Selector).x
        // The receiver is argument 0 for walkCall1: literal arguments are built first, then a receiver
        // that may panic (through a pointer, an index) goes into a temporary like any such argument.
        const recvMayCall = sel.recvAdjust === 'deref' || sel.path.some((p) => p.deref) || mayCall(this.cx.info, x, this.hoistedCalls)
        if (recvMayCall) for (const a of e.args) if (builtByWalk(this.cx.info, a) && !this.prebuilt.has(a)) this.prebuilt.set(a, this.expr(a))
        let recv = this.receiver(x, sel)
        if (recvMayCall && sel.recvAdjust !== 'addr' && !canSSA(recv.type)) recv = this.walkTemp(recv)
        return this.staticCall(`${this.cx.pkg}.${ci.func.gcName}`, [recv], e.args, ci.signature, ci.variadic, e)
      }
      // Without inlining, gc calls through a func variable even when it knows what the
      // variable holds: only a literal or a method expression written at the call is static.
      case 'methodExpr':
        if (unparen(e.fun).kind !== 'Selector') return this.closureCall(this.expr(e.fun), e.args, ci.signature, ci.variadic, e)
        return this.staticCall(`${this.cx.pkg}.${ci.func.gcName}`, [], e.args, ci.signature, ci.variadic, e)
      case 'closure': {
        const unit = this.cx.litUnits.get(ci.closure)
        const direct = unparen(e.fun).kind === 'FuncLit'
        if (direct && (!unit || unit.captures.length === 0)) return this.staticCall(`${this.cx.pkg}.${this.cx.litNames.get(ci.closure)}`, [], e.args, ci.signature, ci.variadic, e)
        return this.closureCall(this.expr(e.fun), e.args, ci.signature, ci.variadic, e)
      }
      case 'methodValue':
      case 'funcValue':
        return this.closureCall(this.expr(e.fun), e.args, ci.signature, ci.variadic, e)
    }
  }

  /** Argument values in order, packing variadic ones into a slice as walk does. */
  private args(pre: Value[], args: A.Expr[], sig: import('../types/types').Signature, variadic: import('../types/info').VariadicCall, call: A.Call): { vals: Value[]; types: SsaType[] } {
    const params = sig.params
    const fixed = variadic.kind === 'pack' ? variadic.from : args.length
    const out: (Value | undefined)[] = new Array(fixed)
    const types = [...pre.map((v) => v.type), ...args.slice(0, fixed).map((_, i) => fromGo(params[i]!.type))]
    // walkCall1: walk builds literal arguments (and the `...` slice) into init first; then every argument
    // that might panic or call (an index, a dereference, a division) goes into a temporary, in order; the
    // rest are read when the call marshals them.
    const built = args.slice(0, fixed).map((a) => builtByWalk(this.cx.info, a))
    for (let i = 0; i < fixed; i++) if (built[i]) out[i] = this.expr(args[i]!)
    let packed: Value | undefined
    if (variadic.kind === 'pack') packed = this.packVariadic(args.slice(fixed), fromGo(params[params.length - 1]!.type), call)
    for (let i = 0; i < fixed; i++) {
      if (built[i] || !mayCall(this.cx.info, args[i]!, this.hoistedCalls)) continue
      const v = this.expr(args[i]!)
      out[i] = canSSA(types[pre.length + i]!) ? v : this.walkTemp(v)
    }
    for (let i = 0; i < fixed; i++) out[i] ??= this.expr(args[i]!)
    const vals = [...pre, ...(out as Value[])].map((v) => this.reread(v))
    if (packed) {
      vals.push(packed)
      types.push(packed.type)
    }
    return { vals, types }
  }

  /** A fresh temporary holding v (walk's TempAt for an argument; not pooled). */
  walkTemp(v: Value): Value {
    const name = this.autotmp(v.type)
    this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
    const a = this.v('LocalAddr', ptrTo(v.type), [this.sp, this.mem], 0n, { kind: 'sym', name })
    this.storeInto(v.type, a, v)
    const r = this.v('Dereference', v.type, [a, this.mem])
    this.walkTemps.set(r, name)
    return r
  }

  private readonly walkTemps = new Map<Value, string>()
  /** A walk temporary is read where the call marshals it (after the later arguments' temporaries). */
  private reread(v: Value): Value {
    const name = this.walkTemps.get(v)
    if (name === undefined || v.args[1] === this.mem) return v
    return this.v('Dereference', v.type, [this.v('LocalAddr', ptrTo(v.type), [this.sp, this.mem], 0n, { kind: 'sym', name }), this.mem])
  }

  private packVariadic(rest: A.Expr[], st: SsaType, call: A.Call): Value {
    if (rest.length === 0) return this.zero(st)
    const at = arrayType(st.elem!, rest.length)
    let p: Value
    if (this.cx.facts.escapingSites.has(call)) p = this.newObject(at)
    else {
      p = this.stackTemp(at)
    }
    rest.forEach((r, i) => {
      if (this.isZeroConst(r)) return
      this.storeElem(at.elem!, this.v('PtrIndex', ptrTo(at.elem!), [p, this.constInt(T.int, i)]), r)
    })
    return sliceOfArray(this, p, at, st, call)
  }

  private staticCall(fn: string, pre: Value[], args: A.Expr[], sig: import('../types/types').Signature, variadic: import('../types/info').VariadicCall, e: A.Call): Value[] {
    const { vals, types } = this.args(pre, args, sig, variadic, e)
    const rts = sig.results.map((r) => fromGo(r.type))
    this.pos = this.at(e.lparen >= 0 ? exprPos(e) : e.pos)
    const call = this.v('StaticLECall', results([...rts, T.mem]), [...vals, this.mem], BigInt(argWidth(types)), { kind: 'call', fn })
    return this.callResults(call, rts)
  }

  private closureCall(fv: Value, args: A.Expr[], sig: import('../types/types').Signature, variadic: import('../types/info').VariadicCall, e: A.Call): Value[] {
    const { vals, types } = this.args([], args, sig, variadic, e)
    const rts = sig.results.map((r) => fromGo(r.type))
    this.pos = this.at(exprPos(e))
    const code = this.v('Load', T.uintptr, [fv, this.mem])
    const call = this.v('ClosureLECall', results([...rts, T.mem]), [code, fv, ...vals, this.mem], BigInt(argWidth(types)))
    return this.callResults(call, rts)
  }

  /** A result too big for SSA is read from its stack slot, or (gc's resultAddrOfCall) stored from its registers to a temporary. */
  private callResults(call: Value, rts: SsaType[]): Value[] {
    this.mem = this.v('SelectN', T.mem, [call], BigInt(rts.length))
    const inRegs = (i: number): boolean => abiAnalyze(this.arch, [], rts.map((type) => ({ type }))).results[i]!.regs.length > 0
    return rts.map((t, i) => {
      if (canSSA(t)) return this.v('SelectN', t, [call], BigInt(i))
      if (!inRegs(i)) return this.v('Dereference', t, [this.v('SelectNAddr', ptrTo(t), [call], BigInt(i)), this.mem])
      const name = this.autotmp(t)
      this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name })
      const a = this.v('LocalAddr', ptrTo(t), [this.sp, this.mem], 0n, { kind: 'sym', name })
      this.store(t, a, this.v('SelectN', t, [call], BigInt(i)))
      return this.v('Dereference', t, [a, this.mem])
    })
  }

  convert(x: Value, from: SsaType, to: SsaType, e: A.Span): Value {
    if (from === to || (from.kind === to.kind && from.size === to.size && from.kind !== 'float')) return from === to ? x : this.v('Copy', to, [x])
    const fi = from.kind === 'int' || from.kind === 'uint'
    const ti = to.kind === 'int' || to.kind === 'uint'
    const fw = from.size * 8
    const tw = to.size * 8
    if (fi && ti) {
      if (fw === tw) return this.v('Copy', to, [x])
      if (fw > tw) return this.v(`Trunc${fw}to${tw}`, to, [x])
      return this.v(`${from.kind === 'int' ? 'SignExt' : 'ZeroExt'}${fw}to${tw}`, to, [x])
    }
    if (fi && to.kind === 'float') {
      let v = x
      let w = fw
      if (fw < 32 || (from.kind === 'uint' && fw === 32)) {
        w = from.kind === 'uint' && fw === 32 ? 64 : 32
        v = this.v(`${from.kind === 'int' ? 'SignExt' : 'ZeroExt'}${fw}to${w}`, w === 64 ? T.int64 : T.int32, [x])
      }
      if (from.kind === 'uint' && w === 64 && fw === 64) return this.uint64ToFloat(x, to)
      return this.v(`Cvt${w}to${tw}F`, to, [v])
    }
    if (from.kind === 'float' && ti) {
      if (to.kind === 'uint' && tw === 64) return this.floatToUint64(x, to)
      // gc 1.26 converts to uint32 through int64 (its new conversion is off by default).
      if (to.kind === 'uint' && tw === 32) return this.v('Trunc64to32', to, [this.v(`Cvt${fw}Fto64`, T.int64, [x])])
      const w = tw < 32 ? 32 : tw
      const c = this.v(`Cvt${fw}Fto${w}`, w === 64 ? T.int64 : T.int32, [x])
      return tw < 32 ? this.v(`Trunc32to${tw}`, to, [c]) : w === tw && c.type !== to ? this.v('Copy', to, [c]) : c
    }
    if (from.kind === 'float' && to.kind === 'float') return this.v(fw === tw ? 'Copy' : `Cvt${fw}Fto${tw}F`, to, [x])
    if (from.kind === to.kind) return this.v('Copy', to, [x])
    throw new Unsupported((e as A.Expr).pos, `conversion from ${from.str} to ${to.str}`)
  }

  /** An If whose arms each compute a value, joined by a phi (gc's branchy expansions): likely takes the first arm. */
  diamond(cond: Value, type: SsaType, yes: () => Value, no: () => Value, likely: -1 | 0 | 1): Value {
    const key = { name: '.diamond' }
    const [bYes, bNo, after] = [this.newBlock(), this.newBlock(), this.newBlock()]
    this.branch(cond, bYes, bNo, likely)
    for (const [b, arm] of [[bYes, yes], [bNo, no]] as const) {
      this.seal(b)
      this.startBlock(b)
      this.writeVar(key, arm(), type)
      this.jump(after)
    }
    this.seal(after)
    this.startBlock(after)
    return this.readVar(key)
  }

  /** gc's uint64Tofloat: large values are halved (keeping the low bit), converted and doubled. */
  private uint64ToFloat(x: Value, to: SsaType): Value {
    const tw = to.size * 8
    const one = (): Value => this.constInt(x.type, 1)
    return this.diamond(this.v('Leq64', T.bool, [this.constInt(x.type, 0), x]), to, () => this.v(`Cvt64to${tw}F`, to, [x]), () => {
      const y = this.v('And64', x.type, [x, one()])
      const z = this.v('Or64', x.type, [this.v('Rsh64Ux64', x.type, [x, one()]), y])
      const a = this.v(`Cvt64to${tw}F`, to, [z])
      return this.v(`Add${tw}F`, to, [a, a])
    }, 1)
  }

  /** gc's floatToUint for 64-bit results: values from 2^63 up are shifted down first and the top bit set. */
  private floatToUint64(x: Value, to: SsaType): Value {
    const fw = x.type.size * 8
    const cutoff = this.constFloat(x.type, 2 ** 63)
    return this.diamond(this.v(`Less${fw}F`, T.bool, [x, cutoff]), to, () => this.v(`Cvt${fw}Fto64`, to, [x]), () => {
      const y = this.v(`Cvt${fw}Fto64`, to, [this.v(`Sub${fw}F`, x.type, [x, cutoff])])
      return this.v('Or64', to, [y, this.constInt(to, -(2n ** 63n))])
    }, 1)
  }
}

/** A composite literal whose value is written straight to its destination. */
export class LazyAggregate {
  constructor(readonly lit: A.CompositeLit) {}
  storeTo(b: FnBuilder, addr: Value): void {
    const t = addr.type.elem!
    b.zeroMem(t, addr)
    b.fillComposite(this.lit, t, addr)
  }
  value(b: FnBuilder): Value {
    return b.expr(this.lit)
  }
}

/** gc's cheapComputableIndex: can the arch index elements of this size in an addressing mode? */
function cheapIndex(arch: string, width: number): boolean {
  if (arch === 'ppc64' || arch === 'ppc64le') return width === 1
  return width === 1 || width === 2 || width === 4 || width === 8
}

export function closureRecordType(caps: { type: SsaType; byRef: boolean }[]): SsaType {
  return structOf([{ name: 'F', type: T.uintptr }, ...caps.map((c, i) => ({ name: `X${i}`, type: c.byRef ? ptrTo(c.type) : c.type }))])
}

const arrayType = arrayOf

export function unparen(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.x
  return e
}

function exprPos(e: A.Expr): number {
  if (e.kind === 'Binary') return e.opPos
  if (e.kind === 'Call') return e.lparen
  if (e.kind === 'Selector') return e.sel.pos - 1
  if (e.kind === 'Index' || e.kind === 'Slice') return e.x.end
  return e.pos
}

const lessOp = (t: SsaType): string => `Less${t.size * 8}${t.kind === 'uint' ? 'U' : ''}`
const addOp = (t: SsaType): string => `Add${t.size * 8}`

/** The dump header's type: methods list the receiver as the first parameter. */
function funcTypeString(u: FnUnit): string {
  const sig = u.signature
  return typeString(sig.recv ? { ...sig, params: [sig.recv, ...sig.params], recv: null } : sig)
}
