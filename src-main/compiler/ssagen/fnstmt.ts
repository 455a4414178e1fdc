// Statements, as gc's ssagen builds them after order and walk: declarations and
// assignments, if, for (per-iteration loop variables), range, switch, labels,
// branches and returns.
// Methods of FnBuilder (fn.ts), kept apart by gc's seams.

import { storeType } from './storetype'
import { switchDispatch } from './switch'
import type * as A from '../syntax/ast'
import type { Var } from '../types/objects'
import { type Constant } from '../types/constant'
import { under, type Type } from '../types/types'
import type { Value, Block } from '../ssa/func'
import { canSSA, fromGo, ptrTo, results, T, type SsaType } from '../ssa/types'
import { literalUses } from './complit'
import { as2Results } from './as2func'
import { isZero, rangeClear } from './rangeclear'
import { rangeBytesOfString } from './rangebytes'
import { drain, rangeChan, sendStmt } from './concur'
import { cheapIndex, lessOp, addOp, BOUNDS, unparen, exprPos, LazyAggregate, Unsupported, type FnBuilder } from './fn'
import { concatStrings, isStackAddr, rangeString, storeStringParts } from './strings'
import { goStmt } from './gostmt'
import { selectStmt } from './selects'
import { isCommaOkMapRead, mapAssignPtr, mapCommaOk, mapOpAssign, mapRange } from './maps'
import { typeSwitchStmt } from './typeswitch'
import { mapStoreValue, rangeOrderCopy, rangeWalkTemps } from './dcltemps'
import { perIterationFor } from './loopvar'

const isBlankExpr = (e: A.Expr): boolean => e.kind === 'Ident' && e.name === '_'

export const stmtMethods = {
  stmt1(this: FnBuilder, s: A.Stmt): void {
    switch (s.kind) {
      case 'Block':
        return this.stmts(s.stmts)
      case 'Empty':
        return
      case 'ExprStmt': {
        const x = unparen(s.x)
        if (x.kind === 'Unary' && x.op === '<-') return drain(this, x)
        this.unusedResults.add(x)
        // A call for its effects: no placeholder value (it would take a value id gc does not spend).
        if (x.kind === 'Call' && !this.prebuilt.has(x) && !this.cx.info.ifaceConversions.has(x)) {
          const saved = this.pos
          this.pos = this.at(exprPos(x))
          this.call(x)
          this.restorePos(saved)
          return
        }
        this.expr(s.x)
        return
      }
      case 'Send':
        return sendStmt(this, s)
      case 'Assign':
        return this.assign(s)
      case 'IncDec': {
        const t = fromGo(this.typeOf(s.x))
        const one = t.kind === 'float' ? this.constFloat(t, 1) : this.constInt(t, 1)
        const mx = unparen(s.x)
        if (mx.kind === 'Index' && under(this.typeOf(mx.x)).kind === 'map') return mapOpAssign(this, mx, (old) => this.arith(s.inc ? '+' : '-', old, one, t, s.pos))
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
      case 'TypeSwitch':
        return typeSwitchStmt(this, s)
      case 'Labeled':
        return this.labeled(s)
      case 'Branch':
        return this.branchStmt(s)
      case 'Return':
        return this.returnStmt(s)
      case 'Select':
        return selectStmt(this, s)
      case 'GoDefer':
        if (s.tok === 'defer' && this.deferState) return this.deferStmt(s)
        if (s.tok === 'go') return goStmt(this, s)
        throw new Unsupported(s.pos, `${s.tok} statement (SSA construction)`)
      default:
        throw new Unsupported(s.pos, `statement ${s.kind}`)
    }
  },

  declStmt(this: FnBuilder, s: A.DeclStmt): void {
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
        const vals = isCommaOkMapRead(this, vars.length, spec.values)
          ? mapCommaOk(this, unparen(spec.values[0]!) as A.Index, !!vars[0])
          : as2Results(this, this.as2, this.multiValue(spec.values[0]!))
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
  },

  zeroVar(this: FnBuilder, v: Var): void {
    const home = this.home(v)
    if (home.kind === 'ssa') this.assignVar(v, this.zero(home.type))
    else {
      // gc's assign: the VarDef first, then the address (on the VarDef's memory), then the zeroing.
      if (home.kind === 'stack') this.varDef(v, home)
      const addr = this.addrOfVar(v)
      if (canSSA(home.type)) this.store(home.type, addr, this.zero(home.type))
      else this.zeroMem(home.type, addr)
    }
  },

  /**
   * The VarDef gc's assign emits when a store clobbers a whole stack
   * variable: only one holding pointers, or one mergelocals may give a
   * shared slot (IsMergeCandidate: a local of more than three words whose
   * address is not taken).
   */
  varDef(this: FnBuilder, v: Var, home: { type: SsaType; name: string }): void {
    const candidate = v.varKind === 'local' && home.type.size > 24 && !v.addrTaken && !this.cx.facts.byRef.has(v) && !this.walkAddrTaken.has(v)
    if (home.type.hasPointers || candidate) this.mem = this.v('VarDef', T.mem, [this.mem], 0n, { kind: 'sym', name: home.name })
  },

  /** Store val into variable v, wherever it lives. */
  setVar(this: FnBuilder, v: Var, val: Value | LazyAggregate): void {
    const home = this.home(v)
    // gc's oaslit builds a literal in place only in a stack variable that is not address-taken and that the literal does not use.
    if (val instanceof LazyAggregate && (home.kind !== 'stack' || v.addrTaken || literalUses(this.cx.info, val.lit, v))) val = val.value(this)
    if (home.kind === 'ssa') {
      this.assignVar(v, this.materialize(val))
      return
    }
    if (home.kind === 'stack' && this.deferState && v.varKind === 'result' && canSSA(home.type)) return this.storeResult(v, this.materialize(val))
    if (home.kind === 'stack') this.varDef(v, home)
    this.storeInto(home.type, this.addrOfVar(v), val)
  },

  /** Store val at addr: a Store, or a Move from a non-SSA-able value's address (gc's s.move). */
  storeInto(this: FnBuilder, t: SsaType, addr: Value, val: Value | LazyAggregate): void {
    if (val instanceof LazyAggregate) return val.storeTo(this, addr)
    if (t.kind === 'string' && !isStackAddr(addr)) return storeStringParts(this, addr, val)
    if (canSSA(t)) storeType(this, t, addr, val)
    else if (val.op === 'Dereference') {
      // Copy memory to memory: gc moves from the source address.
      this.move(t, addr, val.args[0]!)
    } else this.store(t, addr, val)
  },

  materialize(this: FnBuilder, val: Value | LazyAggregate): Value {
    return val instanceof LazyAggregate ? val.value(this) : val
  },

  assign(this: FnBuilder, s: A.Assign): void {
    if (s.op !== '=' && s.op !== ':=') {
      const op = s.op.slice(0, -1) as A.BinaryOp
      const lhs = s.lhs[0]!
      const t = this.typeOf(lhs)
      // walk's s = s + t: a node escape analysis never saw, so no stack buffer.
      if (op === '+' && fromGo(t).kind === 'string') return this.assignTo(lhs, () => concatStrings(this, [lhs, s.rhs[0]!], false, s))
      const ml = unparen(lhs)
      if (ml.kind === 'Index' && under(this.typeOf(ml.x)).kind === 'map') {
        mapStoreValue(this, s.rhs[0]!, fromGo(this.typeOf(s.rhs[0]!)))
        return mapOpAssign(this, ml, (old) => this.binaryValue(op, old, this.expr(s.rhs[0]!), t, this.typeOf(s.rhs[0]!), s.pos))
      }
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
      // ssagen skips x = x (no VarDef that would make x dead before it, issue 14904).
      const [l, r] = [unparen(s.lhs[0]!), unparen(s.rhs[0]!)]
      const self = l.kind === 'Ident' && r.kind === 'Ident' && this.cx.info.uses.get(l)
      if (s.lhs.length === 1 && self && self === this.cx.info.uses.get(r as A.Ident)) return
      if (s.lhs.length === 1) return this.assignTo(s.lhs[0]!, () => this.valueFor(s.rhs[0]!), s.rhs[0]!)
      // Parallel assignment: evaluate all right-hand sides first.
      const vals = s.rhs.map((r) => this.valueFor(r))
      s.lhs.forEach((l, i) => this.assignTo(l, () => vals[i]!))
      return
    }
    const vals = isCommaOkMapRead(this, s.lhs.length, s.rhs)
      ? mapCommaOk(this, unparen(s.rhs[0]!) as A.Index, !isBlankExpr(s.lhs[0]!))
      : as2Results(this, this.as2, this.multiValue(s.rhs[0]!))
    s.lhs.forEach((l, i) => this.assignTo(l, () => vals[i]!))
  },

  /** Assign the value `make()` produces to the location `lhs` denotes (`rhs`: the expression, when one statement assigns it alone). */
  assignTo(this: FnBuilder, lhs: A.Expr, make: () => Value | LazyAggregate, rhs?: A.Expr): void {
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
    // walkAssign leaves a zero right side (ir.IsZero) alone: ssagen clears the destination (Zero), no
    // literal is built (a map element's goes through order's cheap copy first, so not there).
    const clear = rhs !== undefined && !canSSA(t) && isZero(this, rhs)
    if (lhs.kind === 'Index' && under(this.typeOf(lhs.x)).kind === 'map') {
      // order: the right side first (made cheap), then walk's *mapassign(…) = v.
      if (rhs) mapStoreValue(this, rhs, t)
      const val = this.materialize(make())
      return this.storeInto(t, this.nilCheck(mapAssignPtr(this, lhs)), val)
    }
    if (this.exprCanSSA(lhs)) {
      // An element of an SSA-able struct or 1-element array: rebuild the whole value.
      const val = this.materialize(make())
      return this.assignSSAPart(lhs, val)
    }
    // ssagen's OAS: the right-hand side first, then the destination's address
    // (its nil and bounds checks after the value's loads; fuzz seed 286).
    if (clear) return this.zeroMem(t, this.addr(lhs))
    const val = make()
    const addr = this.addr(lhs)
    this.storeInto(t, addr, val instanceof LazyAggregate ? val.value(this) : val)
  },

  assignSSAPart(this: FnBuilder, lhs: A.Expr, val: Value): void {
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
  },

  ifStmt(this: FnBuilder, s: A.If): void {
    if (s.init) this.stmt(s.init)
    let end!: Block, then!: Block, els!: Block
    this.inPlace(s.cond, () => {
      // walk moves the condition's order statements (&& and || temporaries) before the if's blocks.
      this.prebuildAndOr(s.cond)
      // gc's order: the join block first, then then and else.
      end = this.newBlock()
      then = this.newBlock()
      els = s.else ? this.newBlock() : end
      this.condBranch(s.cond, then, els, 0)
    })
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
  },

  forStmt(this: FnBuilder, s: A.For): void {
    const rewrite = this.cx.frames.get(this.unit)?.fors.get(s)
    if (rewrite) return perIterationFor(this, s, rewrite)
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
    body.pos = this.at(s.pos) // an empty body still has the loop's position
    this.startBlock(body)
    this.stmts(s.body.stmts)
    this.jump(incr)
    this.seal(incr)
    if (incr.preds.length) {
      this.startBlock(incr)
      if (s.post) this.stmt(s.post)
      this.jumpToLoopCond(cond)
    }
    this.seal(cond)
    this.seal(end)
    if (end.preds.length) this.startBlock(end)
  },

  rangeStmt(this: FnBuilder, s: A.Range): void {
    // walk's arrayRangeClear: `for i := range a { a[i] = zero }` becomes one memclr call.
    if (rangeClear(this, s)) return
    const xt = under(this.typeOf(s.x))
    if (xt.kind === 'basic' && (xt.basic === 'string' || xt.basic === 'untyped string')) return rangeString(this, s)
    if (xt.kind === 'map') return mapRange(this, s)
    if (xt.kind === 'chan') return rangeChan(this, s)
    const info = this.cx.info
    const keyVar = s.key && s.key.kind === 'Ident' && s.key.name !== '_' ? ((s.define ? info.defs.get(s.key) : info.uses.get(s.key)) as Var | undefined) : undefined
    const valVar = s.value && s.value.kind === 'Ident' && s.value.name !== '_' ? ((s.define ? info.defs.get(s.value) : info.uses.get(s.value)) as Var | undefined) : undefined
    // Walk's rewrite: for hv1 := 0; hv1 < hn; hv1++ { k, v = hv1, ha[hv1] }, or where the
    // arch cannot index elements of this size cheaply, a pointer walked along the elements.
    const readsValue = valVar !== undefined || (s.value !== null && s.value !== undefined && s.value.kind !== 'Ident')
    let ha: Value | null = null
    let haAddr: Value | null = null
    let checkPerAccess = false
    let hn: Value | null = null
    // walk's temporaries held as variables (one pair per loop): the ranged-over slice's copy and its length.
    const HA = { name: '.ha' }
    const HN = { name: '.hn' }
    const hv = { name: '.hv1' }
    // walkRange's init, after order's copy of the operand: hv1 = 0, then hn = len(ha).
    const zeroHv = (): void => this.writeVar(hv, this.constInt(T.int, 0), T.int)
    let zeroed = false
    if (xt.kind === 'basic') {
      hn = this.expr(s.x)
    } else if (xt.kind === 'slice') {
      ha = rangeBytesOfString(this, s.x) ?? this.expr(s.x)
      if (readsValue) {
        // order's copy of the slice: a variable the body reads back (gc's FwdRef there).
        rangeOrderCopy(this, ha.type)
        this.writeVar(HA, ha, ha.type)
      }
      zeroHv()
      zeroed = true
      hn = this.v('SliceLen', T.int, [ha])
    } else if (xt.kind === 'array') {
      // gc's order copies a ranged-over array when the loop reads its values (a temporary unless SSA-able).
      const at = fromGo(xt)
      if (readsValue && canSSA(at) && this.addressable(s.x)) {
        haAddr = this.addr(s.x)
        rangeOrderCopy(this, at)
      } else if (readsValue) haAddr = this.orderSpill(this.expr(s.x), at, !cheapIndex(this.arch, at.elem!.size))
      zeroHv()
      zeroed = true
      hn = this.constInt(T.int, xt.len)
    } else if (xt.kind === 'pointer') {
      const at = under(xt.elem)
      hn = this.constInt(T.int, at.kind === 'array' ? at.len : 0)
      if (valVar) {
        // walk's ha[hv1] through the pointer checks it for nil at every access, in the body; an element
        // walked by pointer starts from the OSLICEARR of the pointer instead, checked once before the loop.
        checkPerAccess = at.kind === 'array' && cheapIndex(this.arch, fromGo(at).elem!.size)
        const p = this.expr(s.x)
        haAddr = checkPerAccess ? p : this.nilCheck(p)
      }
      if (readsValue) rangeOrderCopy(this, fromGo(xt))
    } else throw new Unsupported(s.x.pos, `range over ${xt.kind}`)
    const it = hn.type
    if (!zeroed) this.writeVar(hv, this.constInt(it, 0), it)
    // hn is a variable the condition reads.
    this.writeVar(HN, hn, it)
    const elemT = xt.kind === 'basic' ? null : fromGo(xt.kind === 'pointer' ? (under(xt.elem) as { elem: Type }).elem : (xt as { elem: Type }).elem)
    // gc's hu/hp: the position as a uintptr between iterations, as a pointer inside the body.
    const hu = { name: '.hu' }
    const hp = { name: '.hp' }
    const walkPtr = readsValue && elemT !== null && !cheapIndex(this.arch, elemT.size)
    rangeWalkTemps(this, xt.kind === 'basic' ? 'int' : walkPtr ? 'slicePtr' : 'slice')
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
    this.branch(this.v(lessOp(it), T.bool, [this.readVar(hv), this.readVar(HN)]), body, end, 1)
    this.seal(body)
    this.targets.set(s, { brk: end, cont: incr })
    body.pos = this.at(s.pos)
    this.startBlock(body)
    // walk's body starts `hp = (*T)(unsafe.Pointer(hu))`, before `k, v = hv1, *hp` reads hv1.
    let hpv: Value | null = null
    if (readsValue && walkPtr) {
      hpv = this.v('Copy', ptrTo(elemT!), [this.v('Convert', T.unsafePointer, [this.readVar(hu), this.mem])])
      this.writeVar(hp, hpv, hpv.type)
    }
    const i = this.readVar(hv)
    // gc's loopvar renames a per-iteration key to a temporary and prepends `k := tmp` to the
    // body after the value's own `v := tmp`: the key is then assigned last (after the element).
    const keyLast = !!this.cx.frames.get(this.unit)?.ranges.get(s)?.key && keyVar !== undefined
    if (keyVar && !keyLast) {
      this.declareIf(s.define, keyVar)
      this.setVar(keyVar, i)
    } else if (s.key && s.key.kind !== 'Ident') this.assignTo(s.key, () => i)
    if (readsValue) {
      let elem: Value
      if (walkPtr) elem = this.loadOrDeref(elemT!, hpv!)
      else if (ha) {
        const et = fromGo((xt as { elem: Type }).elem)
        // gc's s.addr of ha[hv1]: ha read back, its length for the (bounded, elided) check, then the element.
        const a = this.readVar(HA)
        this.v('SliceLen', T.int, [a])
        const p = this.v('PtrIndex', ptrTo(et), [this.v('SlicePtr', ptrTo(et), [a]), i])
        elem = this.loadOrDeref(et, p)
      } else {
        const at = fromGo(xt.kind === 'pointer' ? under(xt.elem) : xt)
        const p = this.v('PtrIndex', ptrTo(at.elem!), [checkPerAccess ? this.nilCheck(haAddr!) : haAddr!, i])
        elem = this.loadOrDeref(at.elem!, p)
      }
      if (valVar) {
        this.declareIf(s.define, valVar)
        this.setVar(valVar, elem)
      } else this.assignTo(s.value!, () => elem)
    }
    if (keyLast) {
      this.declareIf(s.define, keyVar!)
      this.setVar(keyVar!, i)
    }
    this.stmts(s.body.stmts)
    this.jump(incr)
    this.seal(incr)
    if (incr.preds.length) {
      this.startBlock(incr)
      this.pos = this.at(s.pos) // walk's increment is at the range statement
      this.writeVar(hv, this.v(addOp(it), it, [this.readVar(hv), this.constInt(it, 1)]), it)
      if (walkPtr) {
        const u = this.v('Convert', T.uintptr, [this.v('Copy', T.unsafePointer, [this.readVar(hp)]), this.mem])
        this.writeVar(hu, this.v('Add64', T.uintptr, [u, this.constInt(T.uintptr, elemT!.size)]), T.uintptr)
      }
      this.jumpToLoopCond(cond)
    }
    this.seal(cond)
    this.seal(end)
    if (end.preds.length) this.startBlock(end)
  },

  /** The increment block's jump back: without code of its own it takes the condition's position (gc: so it is not muddled). */
  jumpToLoopCond(this: FnBuilder, cond: Block): void {
    const incr = this.cur
    this.jump(cond)
    if (incr && incr.pos.line === 0) incr.pos = cond.pos
  },

  declareIf(this: FnBuilder, define: boolean, v: Var): void {
    if (define) this.declare(v)
  },

  switchStmt(this: FnBuilder, s: A.Switch): void {
    if (s.init) this.stmt(s.init)
    const tag = s.tag ? this.expr(s.tag) : null
    // walkSwitchExpr copies a tag that is not a constant into a temporary.
    if (s.tag && this.cx.info.types.get(s.tag)?.value === undefined) this.reserveTemp()
    const tagType = s.tag ? this.typeOf(s.tag) : null
    const end = this.newBlock()
    this.targets.set(s, { brk: end, cont: null })
    // A body's block is made when first jumped to (gc's label blocks).
    const bodies: (Block | undefined)[] = []
    const body = (i: number): Block => (bodies[i] ??= this.newBlock())
    const dflt = s.clauses.findIndex((c) => c.list === null)
    switchDispatch(this, s, tag, tagType, body)
    this.jump(dflt >= 0 ? body(dflt) : end)
    s.clauses.forEach((c, i) => {
      const b = bodies[i]
      if (!b) return
      this.seal(b)
      if (b.preds.length === 0) return
      this.startBlock(b)
      const last = c.body[c.body.length - 1]
      const falls = last?.kind === 'Branch' && last.tok === 'fallthrough'
      this.stmts(falls ? c.body.slice(0, -1) : c.body)
      this.jump(falls ? body(i + 1) : end)
    })
    this.seal(end)
    if (end.preds.length) this.startBlock(end)
  },

  /**
   * Whether case e always (true) or never (false) matches, where gc's walk
   * knows: with a tag that is constant true (or none), the test is the case
   * itself, so a constant case folds. Other tests (`3 == 5`) are built
   * unfolded and branch in SSA.
   */
  constantCase(this: FnBuilder, s: A.Switch, e: A.Expr): boolean | null {
    const types = this.cx.info.types
    const c = types.get(e)?.value
    const tag: Constant | undefined = s.tag ? types.get(s.tag)?.value : { kind: 'bool', value: true }
    if (c?.kind !== 'bool' || tag?.kind !== 'bool' || !tag.value) return null
    return c.value
  },

  labeled(this: FnBuilder, s: A.Labeled): void {
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
  },

  labelBlock(this: FnBuilder, name: string): Block {
    let b = this.labels.get(name)
    if (!b) this.labels.set(name, (b = this.newBlock()))
    return b
  },

  branchStmt(this: FnBuilder, s: A.Branch): void {
    if (s.tok === 'goto') return this.jump(this.labelBlock(s.label!.name), true)
    const target = this.cx.info.branchTargets.get(s)
    let node: A.Stmt | undefined = target
    if (node?.kind === 'Labeled') node = node.stmt
    const t = node ? this.targets.get(node) : undefined
    const to = s.tok === 'break' ? t?.brk : (t?.cont ?? t?.lazyCont?.())
    if (!to) throw new Unsupported(s.pos, `${s.tok} here`)
    this.jump(to, true)
  },

  returnStmt(this: FnBuilder, s: A.Return): void {
    if (this.deferState && s.results.length > 1 && s.results.length === this.results.length) {
      const vals = this.deferReturnValues(s)
      this.results.forEach((r, i) => vals[i] && this.setVar(r, vals[i]))
    } else if (s.results.length === this.results.length) {
      const vals = s.results.map((e) => this.valueFor(e))
      this.results.forEach((r, i) => this.setVar(r, vals[i]!))
    } else if (s.results.length === 1 && this.results.length > 1) {
      const vals = this.multiValue(s.results[0]!)
      this.results.forEach((r, i) => this.setVar(r, vals[i]!))
    }
    this.pos = this.at(s.pos)
    this.exit(true)
  },

  /** The function's exit: results (and memory) through MakeResult, then Ret (`asStmt`: for a return statement, a statement boundary). */
  exit(this: FnBuilder, asStmt = false): void {
    this.deferExit()
    const vals = this.results.map((r) => {
      const home = this.home(r)
      if (home.kind === 'ssa') return this.readVar(r)
      return this.v('Dereference', home.type, [this.addrOfVar(r), this.mem])
    })
    const m = this.v('MakeResult', results([...this.resultTypes, T.mem]), [...vals, this.mem])
    const b = (asStmt ? this.endBlockAsStmt() : this.endBlock())!
    b.kind = 'Ret'
    b.setControl(m)
  },

  // ------------------------------------------------------------ conditions
}
