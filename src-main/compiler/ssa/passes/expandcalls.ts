// expand calls (gc's expand_calls.go): from here on the function speaks the
// register ABI (abi.ts) instead of passing whole Go values.
//
//  - a parameter `Arg <T> {x}` becomes `ArgIntReg/ArgFloatReg <part> {x+off} [i]`
//    per scalar part (put back together with StructMake/ArrayMake1/SliceMake)
//    when the ABI gives it registers; on the stack it stays an Arg, split into
//    one `Arg {x} [off]` per part if it is an aggregate;
//  - `StaticLECall`/`ClosureLECall`/`InterLECall`/`TailLECall` become
//    `StaticCall`/… whose value arguments are the register parts (selected out
//    of aggregates with StructSelect/ArraySelect/SlicePtr/…); stack arguments
//    are stored to `OffPtr [off] SP` (a Move for values too big for SSA). The
//    call's type lists the result registers, then mem;
//  - a result `SelectN [i]` becomes SelectNs of its registers, or Loads from its
//    stack slot; the memory SelectN is renumbered after the registers;
//    SelectNAddr becomes the result slot's address;
//  - the function's own `MakeResult` takes the register parts of its results
//    and stores the others to their result slots (`LocalAddr {~r0}`).
//
// Left out: strings, interfaces and complex numbers (not in our types), and
// 64-bit integers split in two on 32-bit targets.

import { abiAnalyze, argOpFor, numParamRegs, registerTypes, scalarParts, signatureOf, type AbiInfo, type AbiParam } from '../abi'
import type { PassContext } from '../compile'
import { auxString, type Block, type Func, type Pos, type Value } from '../func'
import { bytePtr, canSSA, ptrTo, results, T, type SsaType } from '../types'

/** Where each kind of late-expanded call has its first ABI argument (closures pass code and context first). */
const FIRST_ARG: Record<string, number> = { StaticLECall: 0, TailLECall: 0, ClosureLECall: 2, InterLECall: 1 }
const EXPANDED: Record<string, string> = { StaticLECall: 'StaticCall', TailLECall: 'TailCall', ClosureLECall: 'ClosureCall', InterLECall: 'InterCall' }

// gc's notStmtBoundary: these ops never carry a statement mark.
const NOT_STMT_BOUNDARY = new Set(['Copy', 'Phi', 'VarDef', 'VarLive', 'Unknown', 'FwdRef', 'Arg', 'ArgIntReg', 'ArgFloatReg'])
const notStmt = (p: Pos): Pos => (p.line === 0 || p.stmt === '-' ? p : { ...p, stmt: '-' })
const roundUp = (n: number, a: number): number => (a <= 1 ? n : Math.ceil(n / a) * a)

/**
 * gc's registerCursor: walks the parts of one parameter or result, giving
 * each its register (while there are registers) and its offset from the
 * value's start (for stores and stack Args).
 */
class Cursor {
  constructor(
    readonly regs: readonly number[],
    /** Stack destination base (stores of stack arguments and results). */
    readonly storeDest: Value | null,
    public storeOffset: number,
    /** Register values collect here (call arguments, function results). */
    readonly regValues: Value[] | null,
    public nextSlice = 0,
  ) {}

  get hasRegs(): boolean {
    return this.regs.length > 0
  }

  get reg(): number {
    const r = this.regs[this.nextSlice]
    if (r === undefined) throw new Error('expand calls: ran out of registers for a value the ABI put in registers')
    return r
  }

  /** Post-increment: the cursor for a part of type t, this one moved past it. */
  next(t: SsaType): Cursor {
    this.storeOffset = roundUp(this.storeOffset, t.align)
    const c = new Cursor(this.regs, this.storeDest, this.storeOffset, this.regValues, this.nextSlice)
    this.storeOffset = roundUp(this.storeOffset + t.size, t.align)
    if (this.nextSlice < this.regs.length) this.nextSlice += numParamRegs(t)
    return c
  }
}

/** What a part is taken from: a parameter, or a call's result. */
type Source = { kind: 'arg'; arg: Value; name: string } | { kind: 'select'; call: Value; which: number; info: AbiInfo }

class Expander {
  private sp: Value | null = null
  /** The entry block's `OffPtr [off] SP` values by type and offset (made on first use). */
  private spOffsets: Map<string, Value> | null = null
  private readonly callInfos = new Map<Value, AbiInfo>()
  private readonly memForCall = new Map<Value, Value>()
  private readonly wideSelects = new Map<Value, Value>()
  private readonly invalid = new Set<Value>()
  private readonly self: AbiInfo

  constructor(
    readonly f: Func,
    readonly arch: string,
  ) {
    const sig = signatureOf(f)
    this.self = abiAnalyze(arch, sig.params, sig.results)
  }

  run(): void {
    const f = this.f
    this.spSb()
    let m0: Value | null = null
    const calls: Value[] = []
    const args: Value[] = []
    const selects: Value[] = []
    const exits: Block[] = []
    for (const b of f.blocks) {
      for (const v of [...b.values]) {
        if (v.op === 'InitMem') m0 = v
        else if (v.op in FIRST_ARG) {
          this.callInfo(v)
          calls.push(v)
        } else if (v.op === 'Arg') args.push(v)
        else if (v.op === 'Store') {
          const a = v.args[1]!
          if (a.op === 'SelectN' && isLECall(a.args[0]!) && !canSSA(a.type)) {
            if (a.uses > 1) throw new Error(`expand calls: wide result ${a} is used more than once`)
            this.wideSelects.set(a, v)
          }
        } else if (v.op === 'SelectN' && isLECall(v.args[0]!)) {
          const call = v.args[0]!
          if (v.type.kind !== 'mem') selects.push(v)
          else if (this.memForCall.has(call)) throw new Error(`expand calls: ${call} has two memory results, ${this.memForCall.get(call)} and ${v}`)
          else {
            v.auxInt = BigInt(this.callInfo(call).outRegsUsed)
            this.memForCall.set(call, v)
          }
        } else if (v.op === 'SelectNAddr' && isLECall(v.args[0]!)) {
          const res = this.result(v.args[0]!, Number(v.auxInt))
          v.copyOf(this.offsetFrom(f.entry, this.getSP(), res.offset, v.type))
        }
      }
      if (b.kind === 'Ret' && b.controls[0]?.op === 'MakeResult') exits.push(b)
    }

    for (const v of args) this.rewriteArg(v, m0)
    for (const v of selects) if (!this.invalid.has(v)) this.rewriteSelect(v)
    for (const v of calls) this.rewriteCall(v)
    for (const b of exits) this.rewriteResults(b.controls[0]!, b)

    if (this.invalid.size) {
      for (const b of f.blocks) {
        // gc leaves them Invalid in place until the next rewrite frees them.
        f.gcIds.dropLater(b, (v) => this.invalid.has(v))
        b.values = b.values.filter((v) => !this.invalid.has(v))
      }
      f.pruneNames((v) => !this.invalid.has(v))
    }
  }

  // ---- ABI of calls ---------------------------------------------------------

  /** The callee's ABI, from the call's argument and result types (computed before the call is rewritten). */
  private callInfo(call: Value): AbiInfo {
    let info = this.callInfos.get(call)
    if (!info) {
      const params = call.args.slice(FIRST_ARG[call.op], -1).map((a) => ({ type: a.type }))
      const rts = call.type.kind === 'results' ? call.type.parts!.filter((t) => t.kind !== 'mem') : []
      info = abiAnalyze(this.arch, params, rts.map((type) => ({ type })))
      this.callInfos.set(call, info)
    }
    return info
  }

  private result(call: Value, which: number): AbiParam {
    const r = this.callInfo(call).results[which]
    if (!r) throw new Error(`expand calls: ${call} has no result ${which}`)
    return r
  }

  // ---- values ---------------------------------------------------------------

  private newValue(b: Block, op: string, t: SsaType, args: Value[], auxInt = 0n, aux: Value['aux'] = null, pos: Pos): Value {
    if (NOT_STMT_BOUNDARY.has(op) && pos.stmt === '+') pos = { ...pos, stmt: '-' }
    return this.f.newValue(b, op, t, args, auxInt, aux, pos)
  }

  /** gc's f.spSb at the start of the pass: SB and SP made again in the entry when deadcode removed them (dead until used: gc has them too). */
  private spSb(): void {
    const entry = this.f.entry
    const none = { line: 0, col: 0, stmt: '' as const }
    if (!entry.values.some((v) => v.op === 'SB')) this.newValue(entry, 'SB', T.uintptr, [], 0n, null, none)
    this.getSP()
  }

  private getSP(): Value {
    if (this.sp && this.sp.op === 'SP') return this.sp
    const entry = this.f.entry
    this.sp = entry.values.find((v) => v.op === 'SP') ?? this.newValue(entry, 'SP', T.uintptr, [], 0n, null, { line: 0, col: 0, stmt: '' })
    return this.sp
  }

  /** gc's ConstOffPtrSP: one `OffPtr <t> [off] SP` per type and offset, in the entry block. */
  private constOffPtrSP(t: SsaType, off: number): Value {
    const sp = this.getSP()
    if (!this.spOffsets) {
      this.spOffsets = new Map()
      for (const v of this.f.entry.values) if (v.op === 'OffPtr' && v.args[0] === sp) this.spOffsets.set(`${v.type.key}@${v.auxInt}`, v)
    }
    const key = `${t.key}@${off}`
    let v = this.spOffsets.get(key)
    if (!v || v.op !== 'OffPtr') {
      v = this.newValue(this.f.entry, 'OffPtr', t, [sp], BigInt(off), null, { line: 0, col: 0, stmt: '' })
      this.spOffsets.set(key, v)
    }
    return v
  }

  /** gc's offsetFrom: `from` plus `offset` as a *T, folding OffPtr chains and offsets from SP. */
  private offsetFrom(b: Block, from: Value, offset: number, pt: SsaType): Value {
    const ft = from.type
    if (offset === 0 && (ft === pt || ((ft.kind === 'ptr' || ft.kind === 'unsafeptr') && pt.kind === 'ptr'))) return from
    while (from.op === 'OffPtr') {
      offset += from.auxInt64
      from = from.args[0]!
    }
    if (from.op === 'SP') return this.constOffPtrSP(pt, offset)
    return this.newValue(b, 'OffPtr', pt, [from], BigInt(offset), null, notStmt(from.pos))
  }

  /** gc's invalidateRecursively: delete a value nothing uses any more, and its arguments that this leaves unused. */
  private invalidate(v: Value): void {
    const work = [v]
    while (work.length) {
      const x = work.pop()!
      if (this.invalid.has(x)) continue
      const args = x.args
      x.reset('Invalid')
      this.invalid.add(x)
      for (const a of args) if (a.uses === 0) work.push(a)
    }
  }

  // ---- parameters and results as parts (gc's rewriteSelectOrArg) ------------

  /**
   * Rebuild a parameter or call result of type `at` from its parts. `a` is the
   * value to rewrite in place (the outermost one), null for inner parts.
   */
  private assemble(pos: Pos, b: Block, src: Source, a: Value | null, m0: Value, at: SsaType, rc: Cursor): Value {
    const makeOf = (op: string, args: Value[]): Value => {
      if (!a) return this.newValue(b, op, at, args, 0n, null, pos)
      a.reset(op)
      a.type = at
      a.pos = pos
      for (const x of args) a.addArg(x)
      return a
    }
    if (at.size === 0) return makeOf('Empty', [])
    switch (at.kind) {
      case 'array': {
        if (at.len !== 1) throw new Error(`expand calls: array ${at.str} is not SSA-able`)
        return makeOf('ArrayMake1', [this.assemble(pos, b, src, null, m0, at.elem!, rc.next(at.elem!))])
      }
      case 'struct': {
        const parts: Value[] = []
        for (const fd of at.fields!) {
          parts.push(this.assemble(pos, b, src, null, m0, fd.type, rc.next(fd.type)))
          pos = notStmt(pos)
        }
        return makeOf('StructMake', parts)
      }
      case 'slice': {
        const ptr = this.assemble(pos, b, src, null, m0, ptrTo(at.elem!), rc.next(ptrTo(T.uint8)))
        pos = notStmt(pos)
        const len = this.assemble(pos, b, src, null, m0, T.int, rc.next(T.int))
        const cap = this.assemble(pos, b, src, null, m0, T.int, rc.next(T.int))
        return makeOf('SliceMake', [ptr, len, cap])
      }
      case 'string': {
        const ptr = this.assemble(pos, b, src, null, m0, ptrTo(T.uint8), rc.next(ptrTo(T.uint8)))
        pos = notStmt(pos)
        const len = this.assemble(pos, b, src, null, m0, T.int, rc.next(T.int))
        return makeOf('StringMake', [ptr, len])
      }
      case 'interface': {
        const itab = this.assemble(pos, b, src, null, m0, T.uintptr, rc.next(bytePtr))
        pos = notStmt(pos)
        const data = this.assemble(pos, b, src, null, m0, bytePtr, rc.next(bytePtr))
        return makeOf('IMake', [itab, data])
      }
    }
    // A scalar part.
    if (src.kind === 'arg') {
      if (rc.hasRegs) {
        const { op, index } = argOpFor(this.self.config, rc.reg)
        const v = makeOf(op, [])
        v.auxInt = BigInt(index)
        v.aux = { kind: 'sym', name: `${src.name}+${rc.storeOffset}` }
        return v
      }
      // On the stack: a whole scalar parameter stays as it is.
      return a ?? this.newValue(src.arg.block, 'Arg', at, [], BigInt(rc.storeOffset), { kind: 'sym', name: src.name }, src.arg.pos)
    }
    const call = src.call
    if (rc.hasRegs) {
      let first = 0
      for (let i = 0; i < src.which; i++) first += src.info.results[i]!.regs.length
      const v = makeOf('SelectN', [call])
      v.auxInt = BigInt(first + rc.nextSlice)
      return v
    }
    const off = this.offsetFrom(this.f.entry, this.getSP(), rc.storeOffset + src.info.results[src.which]!.offset, ptrTo(at))
    return makeOf('Load', [off, m0])
  }

  private rewriteArg(v: Value, m0: Value | null): void {
    if (v.aux?.kind !== 'sym') throw new Error(`expand calls: ${v} = Arg names no parameter`)
    const name = auxString(v.aux)
    const p = this.self.params.find((x) => x.name === name)
    if (!p) throw new Error(`expand calls: ${v} = Arg {${name}} is not a parameter of ${this.f.name} (${this.f.typeStr})`)
    if (!m0) throw new Error(`expand calls: ${this.f.name} has no InitMem`)
    const off = v.auxInt64
    // An Arg for part of a parameter starts at the registers of its first part.
    const regs = p.regs.length ? p.regs.slice(scalarParts(p.type).filter((x) => x.offset < off).length) : []
    const entry = this.f.entry
    const pos = entry.pos.line > 0 ? entry.pos : v.pos
    // gc takes the parameter's address first, whether it is used or not (it dies, but it had a value id).
    this.offsetFrom(entry, this.getSP(), p.regs.length ? 0 : p.offset, ptrTo(v.type))
    this.assemble(pos, entry, { kind: 'arg', arg: v, name }, v, m0, v.type, new Cursor(regs, null, off, null))
  }

  private rewriteSelect(v: Value): void {
    const call = v.args[0]!
    const info = this.callInfo(call)
    let mem = this.memForCall.get(call)
    if (!mem) {
      mem = this.newValue(call.block, 'SelectN', T.mem, [call], BigInt(info.outRegsUsed), null, call.pos)
      this.memForCall.set(call, mem)
    }
    const which = v.auxInt64
    const res = this.result(call, which)
    const store = this.wideSelects.get(v)
    if (store) {
      // Too big for SSA and stored at once: store the register parts, or copy the stack slot.
      const [dst, , smem] = store.args as [Value, Value, Value]
      let out: Value
      if (res.regs.length) {
        out = this.storeRegParts(call.pos, call.block, call, which, info, smem, v.type, new Cursor(res.regs, dst, 0, null))
      } else {
        const from = this.offsetFrom(this.f.entry, this.getSP(), res.offset, ptrTo(v.type))
        out = this.newValue(store.block, 'Move', T.mem, [dst, from, smem], BigInt(v.type.size), { kind: 'type', type: v.type }, store.pos)
      }
      store.copyOf(out)
      if (v.uses === 0) this.invalidate(v)
      return
    }
    this.assemble(call.pos, call.block, { kind: 'select', call, which, info }, v, mem, v.type, new Cursor(res.regs, null, 0, null))
  }

  /** gc's rewriteWideSelectToStores: each register part of a call result stored to dst. */
  private storeRegParts(pos: Pos, b: Block, call: Value, which: number, info: AbiInfo, m0: Value, at: SsaType, rc: Cursor): Value {
    if (at.size === 0) return m0
    switch (at.kind) {
      case 'array':
        for (let i = 0; i < at.len!; i++) m0 = this.storeRegParts(pos, b, call, which, info, m0, at.elem!, rc.next(at.elem!))
        return m0
      case 'struct':
        for (const fd of at.fields!) {
          m0 = this.storeRegParts(pos, b, call, which, info, m0, fd.type, rc.next(fd.type))
          pos = notStmt(pos)
        }
        return m0
      case 'slice':
        m0 = this.storeRegParts(pos, b, call, which, info, m0, ptrTo(at.elem!), rc.next(ptrTo(T.uint8)))
        pos = notStmt(pos)
        m0 = this.storeRegParts(pos, b, call, which, info, m0, T.int, rc.next(T.int))
        return this.storeRegParts(pos, b, call, which, info, m0, T.int, rc.next(T.int))
      case 'string':
        m0 = this.storeRegParts(pos, b, call, which, info, m0, ptrTo(T.uint8), rc.next(ptrTo(T.uint8)))
        pos = notStmt(pos)
        return this.storeRegParts(pos, b, call, which, info, m0, T.int, rc.next(T.int))
      case 'interface':
        m0 = this.storeRegParts(pos, b, call, which, info, m0, T.uintptr, rc.next(bytePtr))
        pos = notStmt(pos)
        return this.storeRegParts(pos, b, call, which, info, m0, bytePtr, rc.next(bytePtr))
    }
    if (!rc.hasRegs) throw new Error(`expand calls: wide result of ${call} expected in registers`)
    let first = 0
    for (let i = 0; i < which; i++) first += info.results[i]!.regs.length
    const part = this.newValue(b, 'SelectN', at, [call], BigInt(first + rc.nextSlice), null, pos)
    const dst = this.offsetFrom(b, rc.storeDest!, rc.storeOffset, ptrTo(at))
    return this.newValue(b, 'Store', T.mem, [dst, part, m0], 0n, { kind: 'type', type: at }, pos)
  }

  // ---- call arguments and function results as parts (gc's decomposeAsNecessary)

  /**
   * Send value a where rc says: its register parts are collected in
   * rc.regValues, its stack parts stored from rc.storeDest+storeOffset on.
   * Returns the memory after the stores.
   */
  private decompose(pos: Pos, b: Block, a: Value, m0: Value, rc: Cursor): Value {
    const at = a.type
    if (at.size === 0) return m0
    if (a.op === 'Dereference') a.op = 'Load'
    if (!rc.hasRegs && !canSSA(at)) {
      if (a.op !== 'Load') throw new Error(`expand calls: ${a} = ${a.op} <${at.str}> is too big for SSA but is not a load`)
      const dst = this.offsetFrom(b, rc.storeDest!, rc.storeOffset, ptrTo(at))
      return this.newValue(b, 'Move', T.mem, [dst, a.args[0]!, m0], BigInt(at.size), { kind: 'type', type: at }, pos)
    }
    let mem = m0
    const part = (op: string, t: SsaType, auxInt = 0n): void => {
      const e = this.newValue(b, op, t, [a], auxInt, null, pos)
      pos = notStmt(pos)
      mem = this.decompose(pos, b, e, mem, rc.next(t))
    }
    switch (at.kind) {
      case 'array':
        for (let i = 0; i < at.len!; i++) part('ArraySelect', at.elem!, BigInt(i))
        return mem
      case 'struct':
        at.fields!.forEach((fd, i) => part('StructSelect', fd.type, BigInt(i)))
        return mem
      case 'slice':
        part('SlicePtr', ptrTo(at.elem!))
        part('SliceLen', T.int)
        part('SliceCap', T.int)
        return mem
      case 'string':
        part('StringPtr', ptrTo(T.uint8))
        part('StringLen', T.int)
        return mem
      case 'interface':
        part('ITab', T.uintptr)
        part('IData', bytePtr)
        return mem
    }
    if (rc.hasRegs) {
      rc.regValues!.push(a)
      return mem
    }
    const dst = this.offsetFrom(b, rc.storeDest!, rc.storeOffset, ptrTo(at))
    return this.newValue(b, 'Store', T.mem, [dst, a, mem], 0n, { kind: 'type', type: at }, pos)
  }

  private rewriteCall(v: Value): void {
    const info = this.callInfo(v)
    const first = FIRST_ARG[v.op]!
    const tail = v.op === 'TailLECall'
    const m0 = v.args[v.args.length - 1]!
    const old = v.args.slice(first, -1)
    const regValues: Value[] = []
    let mem = m0
    let callerSP: Value | null = null
    old.forEach((a, i) => {
      const p = info.params[i]!
      if (a.op === 'Dereference') a.op = 'Load'
      if (p.regs.length) {
        mem = this.decompose(v.pos, v.block, a, mem, new Cursor(p.regs, null, 0, regValues))
        return
      }
      if (a.type.size === 0) return
      // A tail call passing its own stack parameter on in the same slot: nothing to copy.
      if (tail && a.op === 'Arg' && a.auxInt === 0n) {
        const own = this.self.params.find((x) => x.name === auxString(a.aux!))
        if (own && own.regs.length === 0 && own.offset === p.offset) return
      }
      // A tail call unwinds the frame first: its stack arguments go in the caller's argument area.
      const base = tail ? (callerSP ??= this.newValue(v.block, 'GetCallerSP', T.uintptr, [m0], 0n, null, { line: 0, col: 0, stmt: '' })) : this.getSP()
      mem = this.decompose(v.pos, v.block, a, mem, new Cursor([], base, p.offset, null))
    })
    v.setArgs([...v.args.slice(0, first), ...regValues, mem])
    for (const a of old) if (a.uses === 0 && !this.invalid.has(a)) this.invalidate(a)
    v.op = EXPANDED[v.op]!
    v.type = results([...registerTypes(info.results), T.mem])
  }

  private rewriteResults(v: Value, b: Block): void {
    const old = v.args.slice(0, -1)
    if (old.length !== this.self.results.length) throw new Error(`expand calls: ${v} returns ${old.length} values, ${this.f.name} has ${this.self.results.length} results`)
    let mem = v.args[v.args.length - 1]!
    const regValues: Value[] = []
    old.forEach((a, j) => {
      const r = this.self.results[j]!
      // gc makes the result slot's address first, also for a result in registers (it dies there).
      const slot = r.name === undefined ? null : this.newValue(b, 'LocalAddr', ptrTo(r.type), [this.getSP(), mem], 0n, { kind: 'sym', name: r.name }, v.pos)
      if (a.op === 'Dereference') a.op = 'Load'
      if (r.regs.length) {
        mem = this.decompose(v.pos, b, a, mem, new Cursor(r.regs, null, 0, regValues))
        return
      }
      if (a.type.size === 0) return
      // The value already lives in the result slot.
      if (a.op === 'Load' && a.args[0]!.op === 'LocalAddr' && a.args[0]!.aux && auxString(a.args[0]!.aux) === r.name) return
      if (slot === null) throw new Error(`expand calls: result ${j} of ${this.f.name} has no name`)
      mem = this.decompose(v.pos, b, a, mem, new Cursor([], slot, 0, null))
    })
    v.setArgs([...regValues, mem])
    for (const a of old) if (a.uses === 0 && !this.invalid.has(a)) this.invalidate(a)
    v.type = results([...registerTypes(this.self.results), T.mem])
  }
}

const isLECall = (v: Value): boolean => v.op in FIRST_ARG

export function expandCalls(f: Func, ctx?: PassContext): void {
  const arch = ctx?.arch ?? f.arch
  new Expander(f, arch).run()
}
