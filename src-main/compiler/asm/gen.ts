// gc's genssa (ssagen/ssa.go) without the liveness parts: walk the scheduled
// blocks in layout order, let the arch turn each value and block end into
// Progs, remember where blocks start, then resolve branches to Progs.

import type { Block, Func, Value } from '../ssa/func'
import { opInfo } from '../ssa/opinfo'
import type { SsaType } from '../ssa/types'
import type { AbiInfo } from '../ssa/abi'
import type { FrameLayout } from './frame'
import { NONE, newProg, type Addr, type Prog } from './prog'

export type MemAddr = Extract<Addr, { type: 'mem' }>

/** An architecture's code generator (gc's ssagen.ArchInfo hooks plus obj's preprocess and span). */
export interface ArchGen {
  /** obj's name for the stack pointer register (SP, R1). */
  sp: string
  /** A loc register name as obj prints it. */
  regName(loc: string): string
  markMoves?(s: GenState, b: Block): void
  genValue(s: GenState, v: Value): void
  genBlock(s: GenState, b: Block, next: Block | null): void
  /** The hardware no-op (Ginsnop). */
  nop(s: GenState): Prog
}

/** Values genssa emits no code for. */
const NO_CODE = new Set(['InitMem', 'Arg', 'SP', 'SB', 'Select0', 'Select1', 'SelectN', 'MakeResult', 'GetG', 'VarDef', 'VarLive', 'KeepAlive', 'WBend', 'Phi', 'Convert', 'FwdRef'])
const REG_ONLY = new Set(['Arg', 'ArgIntReg', 'ArgFloatReg', 'LoadReg', 'StoreReg'])

export class GenState {
  readonly progs: Prog[] = []
  readonly branches: { p: Prog; b: Block }[] = []
  /** Index into progs of each block's first instruction. */
  readonly bstart = new Map<Block, number>()
  line = 0
  /** Outgoing argument space: the largest call's argument area (gc's s.maxarg). */
  maxarg = 0
  private attr: { value?: string; block?: string } = {}
  /** Jumps to "whatever instruction comes next" (gc's s.Pc() targets). */
  private pendingNext: Prog[] = []
  constructor(
    readonly f: Func,
    readonly frame: FrameLayout,
    readonly arch: ArchGen,
    /** Package path qualifying local symbols (`p.t`). */
    readonly pkg: string,
    readonly abi: AbiInfo | null,
    /** regalloc's scratch registers of needIntTemp ops, by value. */
    readonly temps: Map<Value, string> = new Map(),
  ) {}

  /** The scratch register regalloc gave v (gc's v.RegTmp()). */
  regTmp(v: Value): string {
    const r = this.temps.get(v)
    if (!r) throw new Error(`${this.f.name}: ${v.ref} (${v.op}) has no temporary register`)
    return this.arch.regName(r)
  }

  prog(as: string, from: Addr = NONE, to: Addr = NONE): Prog {
    const p = newProg(as, from, to)
    p.line = this.line
    if (this.attr.value) p.value = this.attr.value
    if (this.attr.block) p.block = this.attr.block
    this.progs.push(p)
    for (const j of this.pendingNext) Object.assign(j, { to: { type: 'branch', target: p }, short: true })
    this.pendingNext = []
    return p
  }

  /** Make j jump to the next instruction emitted. */
  afterNext(j: Prog): void {
    this.pendingNext.push(j)
  }

  br(as: string, target: Block): Prog {
    const p = this.prog(as, NONE, { type: 'branch' })
    this.branches.push({ p, b: target })
    return p
  }

  /** The register v lives in (gc's v.Reg()). */
  reg(v: Value): string {
    const loc = v.loc
    if (!loc || loc.includes('[') || loc.startsWith('<')) throw new Error(`${this.f.name}: ${v.ref} (${v.op}) has no register (loc ${loc ?? 'none'})`)
    return this.arch.regName(loc)
  }

  /** The i-th register of a tuple-valued v (`<AX,BX>`: gc's v.Reg0/Reg1). */
  regN(v: Value, i: number): string {
    const loc = v.loc ?? ''
    const parts = loc.startsWith('<') ? loc.slice(1, -1).split(',') : [loc]
    const r = parts[i]
    if (!r || r === 'nil') throw new Error(`${this.f.name}: ${v.ref} (${v.op}) has no register ${i} (loc ${loc || 'none'})`)
    return this.arch.regName(r)
  }

  argReg(v: Value, i: number): string {
    const a = v.args[i]
    if (!a) throw new Error(`${this.f.name}: ${v.ref} (${v.op}) has no argument ${i}`)
    return this.reg(a)
  }

  /** gc's AddAux2: add an offset and v's symbol to a memory operand. */
  addAux(a: MemAddr, v: Value, offset: number = v.auxInt64): MemAddr {
    a.offset += offset
    const aux = v.aux
    if (!aux) return a
    if (aux.kind === 'call') return Object.assign(a, { name: 'extern', sym: aux.fn })
    if (aux.kind === 'typeSym') return Object.assign(a, { name: 'extern', sym: `type:${aux.name ?? aux.type.str}` })
    if (aux.kind === 'type') return a
    const fv = v.args[0]?.op === 'SB' ? undefined : this.frame.vars.get(aux.name)
    if (!fv) return Object.assign(a, { name: 'extern', sym: aux.name })
    a.name = fv.param ? 'param' : 'auto'
    a.sym = this.localSym(aux.name)
    a.offset += fv.offset
    return a
  }

  /** gc's AddrAuto: the stack slot of a spilled value (v is the StoreReg, or the slot-living value a LoadReg reads). */
  autoAddr(v: Value): MemAddr {
    const slot = splitSlot(v.loc ?? '')
    if (!slot) throw new Error(`${this.f.name}: ${v.ref} (${v.op}) is not in a stack slot (loc ${v.loc ?? 'none'})`)
    const [name, off] = splitNameOff(slot)
    const fv = this.frame.vars.get(name)
    if (!fv) throw new Error(`${this.f.name}: no frame offset for ${name} (stack slot of ${v.ref})`)
    return { type: 'mem', name: fv.param ? 'param' : 'auto', sym: this.localSym(name), offset: fv.offset + off, reg: this.arch.sp }
  }

  hasPendingNext(): boolean {
    return this.pendingNext.length > 0
  }

  localSym(name: string): string {
    return `${this.pkg}.${name}`
  }

  /** Record where Progs come from (for the listing's value/block column). */
  from(v: Value | null, b: Block | null = null): void {
    this.attr = v ? { value: v.ref } : b ? { block: b.ref } : {}
  }
}

/** `xs+8` → [`xs`, 8]. */
export function splitNameOff(s: string): [string, number] {
  const m = /^(.*?)\+(\d+)$/.exec(s)
  return m ? [m[1]!, Number(m[2])] : [s, 0]
}

/** The width of a register-sized value of type t; a named type read back from a gc dump has no size, and is taken as a full register. */
export function regWidth(t: SsaType): number {
  const opaque = t.kind === 'struct' && t.size === 0 && (t.fields?.length ?? 0) === 0 && t.str !== 'struct {}'
  return opaque ? 8 : t.size
}

/** `a+8[int]` → `a+8`; `x[[2]int]` → `x`: the type is the last balanced `[...]`. */
export function splitSlot(s: string): string | null {
  if (!s.endsWith(']')) return null
  let depth = 0
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ']') depth++
    else if (s[i] === '[' && --depth === 0) return s.slice(0, i)
  }
  return null
}

/** SymValAndOff auxInt: [value, offset]. */
export function valAndOff(v: Value): [bigint, number] {
  return [BigInt.asIntN(32, v.auxInt >> 32n), Number(BigInt.asIntN(32, v.auxInt & 0xffffffffn))]
}

export function genssa(s: GenState): void {
  const f = s.f
  const arch = s.arch
  if (!f.entry) throw new Error(`${f.name}: no entry block`)
  // The first statement of the entry is moved to the first real instruction (debuggers want a statement there).
  let firstLine = 0
  for (const v of f.entry.values) {
    if (v.pos.stmt === '+' && !REG_ONLY.has(v.op)) {
      firstLine = v.pos.line
      break
    }
  }
  const blocks = f.blocks
  blocks.forEach((b, i) => {
    s.bstart.set(b, s.progs.length)
    arch.markMoves?.(s, b)
    for (const v of b.values) {
      s.from(v)
      setPosFrom(s, v)
      if (NO_CODE.has(v.op)) {
        if (v.op === 'Convert' && v.loc && v.args[0]?.loc && v.loc !== v.args[0].loc) throw new Error(`${f.name}: Convert ${v.ref} should be a no-op`)
        continue
      }
      if (v.op === 'InlMark') {
        arch.nop(s)
        continue
      }
      if (firstLine && !REG_ONLY.has(v.op)) {
        s.line = firstLine
        firstLine = 0
      }
      const info = opInfo(v.op, f.arch)
      if (info.resultInArg0 && v.loc && v.args[0]?.loc && !v.loc.startsWith('<') && v.loc !== v.args[0].loc)
        throw new Error(`${f.name}: ${v.ref} (${v.op}): input[0] and output not in the same register`)
      arch.genValue(s, v)
    }
    // An empty infinite loop gets a hardware nop so debuggers have somewhere to stop, and
    // its jump gc's bogus line 1, so a debugger stepping through it sees the line change.
    const emptyLoop = s.bstart.get(b) === s.progs.length && b.succs.length === 1 && b.succs[0] === b
    if (emptyLoop) arch.nop(s)
    s.from(null, b)
    if (emptyLoop) s.line = 1
    else if (b.pos.line) s.line = b.pos.line
    arch.genBlock(s, b, i < blocks.length - 1 ? blocks[i + 1]! : null)
  })
  // A function ending in a call that does not return keeps the return address inside the function.
  if (blocks[blocks.length - 1]?.kind === 'Exit') arch.nop(s)
  s.from(null)
  if (s.hasPendingNext()) s.prog('NOP')
  for (const { p, b } of s.branches) {
    let i = s.bstart.get(b)
    if (i === undefined) throw new Error(`${f.name}: branch to ${b.ref}, which is not laid out`)
    if (i >= s.progs.length) s.prog('NOP')
    p.to = { type: 'branch', target: s.progs[i]! }
    p.short = true
  }
}

/** The block ends every arch emits alike (a jump unless the successor follows, nothing, RET); false for the others. */
export function genPlainBlock(s: GenState, b: Block, next: Block | null): boolean {
  switch (b.kind) {
    case 'Plain':
    case 'Defer':
      if (b.succs[0] !== next) s.br('JMP', b.succs[0]!)
      return true
    case 'Exit':
    case 'RetJmp':
      return true
    case 'Ret':
      s.prog('RET')
      return true
  }
  return false
}

/**
 * A two-way branch: `taken` jumps to succs[0], `inverted` to succs[1]; when
 * neither successor follows, a JMP to the other one after the likely branch.
 */
export function condBranch(s: GenState, b: Block, next: Block | null, taken: (to: Block) => void, inverted: (to: Block) => void): void {
  const [yes, no] = [b.succs[0]!, b.succs[1]!]
  if (next === yes) inverted(no)
  else if (next === no) taken(yes)
  else if (b.likely !== -1) {
    taken(yes)
    s.br('JMP', no)
  } else {
    inverted(no)
    s.br('JMP', yes)
  }
}

/** gc's DebugFriendlySetPosFrom, reduced to what the listing shows: the line. */
function setPosFrom(s: GenState, v: Value): void {
  if (v.op === 'Phi' || v.op === 'Copy' || v.op === 'LoadReg' || v.op === 'StoreReg') s.line = v.pos.line
  else if (v.pos.line) s.line = v.pos.line
}
