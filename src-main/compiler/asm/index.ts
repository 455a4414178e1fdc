// The assembly listing: gc's genssa plus what the assembler (cmd/internal/obj)
// does before `go tool compile -S` prints a function: the prologue, the
// epilogue, SP-relative offsets and instruction sizes (pcs). Input: a
// function after trim (scheduled, blocks in layout order, registers and stack
// slots in v.loc) and its stack frame layout.

import type { AsmLine, Assembly } from '../../protocol/model'
import type { Func, Value } from '../ssa/func'
import { archInfo } from '../ssa/opinfo'
import { allocationTemps } from '../ssa/passes/regalloc'
import { canSSA } from '../ssa/types'
import { argWidth, regName, type AbiInfo } from '../ssa/abi'
import { amd64Gen, storeByRegWidth } from './amd64'
import { deferReturnTail, hasOpenDefers, zeroNeeded } from './deferreturn'
import { frameLayoutOf, type FrameLayout, type StackFrameLike } from './frame'
import { genssa, GenState, regWidth, splitNameOff, type ArchGen } from './gen'
import type { ObjOutput, RegArg } from './obj'
import { ppc64Gen, storeByType } from './ppc64'
import { objPpc64 } from './ppc64obj'
import { con, ext, newProg, progText, reg, type Prog } from './prog'
import { abiOf, ownSignature, regPieces, type Signature } from './signature'
import { objAmd64 } from './x86'

export type { FrameLayout, FrameVar, StackFrameLike } from './frame'
export type { AsmLine, Assembly } from '../../protocol/model'

export interface AssembleOptions {
  /** Package path qualifying symbols (gc's -p); default `main`. */
  pkg?: string
  /** The function's declaration line (TEXT and the prologue); default: the first known line. */
  line?: number
  /** Parameters and results; default: f.locals, else gc's dump header. */
  signature?: Signature
  /** A compiler-generated method wrapper (TEXT says DUPOK|WRAPPER). */
  wrapper?: boolean
  /** regalloc's scratch registers (gc's ` tmp=R`) by value id; default: what our regalloc recorded for f. */
  temps?: Map<number, string>
}

const ARCHES: Record<string, { gen: ArchGen; obj: (i: Parameters<typeof objAmd64>[0]) => ObjOutput }> = {
  amd64: { gen: amd64Gen, obj: objAmd64 },
  ppc64: { gen: ppc64Gen, obj: objPpc64 },
}

const ATTR_ORDER = ['DUPOK', 'NOSPLIT', 'LEAF', 'WRAPPER', 'NEEDCTXT', 'NOFRAME', 'PKGINIT', 'ABIInternal']

const roundUp = (n: number, a: number): number => Math.ceil(n / a) * a

export function assemble(f: Func, frame: FrameLayout, opts: AssembleOptions = {}): AsmLine[] {
  return assembleFunc(f, frame, opts).lines
}

/**
 * The listing of a function our pipeline compiled through trim, with the
 * stack frame phase's layout (src-main/compiler/stackframe) and the ABI's
 * parameter offsets: what the pipeline records after the `stack frame` step.
 */
export function listingOf(f: Func, stackFrame: StackFrameLike, opts: AssembleOptions = {}): Assembly {
  return assembleFunc(f, frameLayoutOf(stackFrame, abiOf(f, opts.signature)), opts)
}

export function assembleFunc(f: Func, frame: FrameLayout, opts: AssembleOptions = {}): Assembly {
  const arch = ARCHES[f.arch]
  if (!arch) throw new Error(`${f.name}: no assembly listing for arch ${f.arch}`)
  if (!f.scheduled) throw new Error(`${f.name}: the listing needs the function after trim (scheduled, registers allocated)`)
  const pkg = opts.pkg ?? 'main'
  const [sig, abi] = chooseSignature(f, opts.signature)
  const s = new GenState(f, frame, arch.gen, pkg, abi, tempRegs(f, opts.temps))
  const symbol = `${pkg}.${f.name}`
  const funcLine = opts.line ?? firstLine(f)
  s.line = funcLine
  if (sig && sig.params.length > 0) s.prog('FUNCDATA', con(5), ext(`${symbol}.arginfo1`))
  genssa(s)
  const openDefers = hasOpenDefers(f)
  if (openDefers) deferReturnTail(s, abi)

  // defframe: the frame is the locals plus the largest call's argument area.
  const frameSize = roundUp(s.maxarg, 8) + frame.localsSize
  const args = frame.argsSize ?? (abi ? argWidth(abi) : 0)
  const text = newProg('TEXT', ext(symbol), { type: 'textsize', frame: frameSize, args })
  text.line = funcLine
  const pre = partLiveSpills(s, abi, funcLine)
  pre.push(...zeroNeeded(f, frame, frameSize, funcLine))
  // gc marks the function, not the use: a closure whose captures are all dead still takes its context (walkClosure's SetNeedctxt).
  const attrs = f.needCtxt || f.blocks.some((b) => b.values.some((v) => v.op === 'LoweredGetClosurePtr')) ? ['NEEDCTXT'] : []
  // Wrappers that tail-call the method are DUPOK but not WRAPPER (noder's addTailCall).
  if (opts.wrapper) attrs.push(...(f.blocks.some((b) => b.values.some((v) => v.op === 'CALLtail')) ? ['DUPOK'] : ['DUPOK', 'WRAPPER']))
  if (f.blocks.some((b) => b.values.some((v) => v.op === 'CALLtail'))) attrs.push('NOFRAME')
  // The package's generated initializer.
  if (f.name === 'init') attrs.push('PKGINIT')
  const out = arch.obj({ text, body: [...pre, ...s.progs], regArgs: regArgs(s, abi), funcLine, attrs })
  const all = new Set([...out.attrs, 'ABIInternal'])
  const ordered = ATTR_ORDER.filter((a) => all.has(a))
  text.attrs = ordered.join('|')
  return {
    lines: out.progs.map((p) => line(p)),
    symbol,
    size: out.size,
    frame: out.frame,
    locals: out.locals,
    args,
    attrs: ordered,
  }
}

/**
 * The caller's signature if it agrees with the register arguments the SSA
 * reads (gc passes a directly called closure's captures as parameters, which
 * the source signature lacks), else the one in f.
 */
function chooseSignature(f: Func, given: Signature | undefined): [Signature | null, AbiInfo | null] {
  const argRegs = f.blocks.flatMap((b) => b.values.filter((v) => (v.op === 'ArgIntReg' || v.op === 'ArgFloatReg') && v.loc).map((v) => v.loc!))
  const own = ownSignature(f)
  let fallback: [Signature | null, AbiInfo | null] | null = null
  for (const sig of given ? [given, own] : [own]) {
    const abi = abiOf(f, sig)
    if (!abi) continue
    const regs = new Set(abi.params.flatMap((p) => p.regs.map((r) => regName(abi.config, r))))
    if (argRegs.every((r) => regs.has(r))) return [sig, abi]
    fallback ??= [sig, abi]
  }
  return fallback ?? [given ?? own, null]
}

function tempRegs(f: Func, given: Map<number, string> | undefined): Map<Value, string> {
  const out = new Map<Value, string>()
  const names = archInfo(f.arch).regnames
  const ours = allocationTemps(f)
  for (const b of f.blocks)
    for (const v of b.values) {
      const r = given?.get(v.id) ?? (ours?.has(v) ? names[ours.get(v)!] : undefined)
      if (r) out.set(v, r)
    }
  return out
}

function line(p: Prog): AsmLine {
  const l: AsmLine = { pc: p.pc, line: p.line, text: progText(p) }
  if (p.value) l.value = p.value
  if (p.block) l.block = p.block
  return l
}

function firstLine(f: Func): number {
  let min = 0
  for (const b of f.blocks) for (const v of b.values) if (v.pos.line && (!min || v.pos.line < min)) min = v.pos.line
  return min
}

/**
 * The register parameters morestack must preserve (gc's f.RegArgs): every
 * register piece of every parameter, once the function reads any register
 * argument. Without a full ABI (a parameter type of unknown layout) only the
 * pieces the SSA still reads are known.
 */
function regArgs(s: GenState, abi: AbiInfo | null): RegArg[] {
  const argValues = s.f.blocks.flatMap((b) => b.values.filter((v) => v.op === 'ArgIntReg' || v.op === 'ArgFloatReg'))
  if (argValues.length === 0) return []
  if (abi) return abi.params.flatMap((p) => regPieces(abi, p))
  const out: RegArg[] = []
  for (const v of argValues.sort((x, y) => x.auxInt64 - y.auxInt64)) {
    if (v.aux?.kind !== 'sym' || !v.loc) continue
    const [name, off] = splitNameOff(v.aux.name)
    const fv = s.frame.vars.get(name)
    if (!fv) continue
    out.push({ reg: s.reg(v), offset: fv.offset + off, size: regWidth(v.type), float: v.op === 'ArgFloatReg', signed: v.type.kind === 'int' })
  }
  return out
}

/**
 * defframe's spills of pointer pieces of aggregate register parameters that
 * liveness considers partially live and that the entry block does not spill
 * itself before its first call.
 */
function partLiveSpills(s: GenState, abi: AbiInfo | null, funcLine: number): Prog[] {
  if (!abi) return []
  const f = s.f
  const used = new Set<string>()
  for (const b of f.blocks)
    for (const v of b.values) {
      if ((v.op === 'ArgIntReg' || v.op === 'ArgFloatReg') && v.aux?.kind === 'sym') used.add(splitNameOff(v.aux.name)[0])
    }
  const spilled = new Set<string>()
  for (const v of f.entry.values) {
    if (v.op.startsWith('CALL')) break
    if (v.op === 'StoreReg' && v.args[0]?.op === 'ArgIntReg' && v.loc) spilled.add(v.loc.slice(0, v.loc.lastIndexOf('[')))
  }
  const out: Prog[] = []
  for (const a of abi.params) {
    const name = a.name
    // An address-taken parameter is stored to its slot up front (gc's n.Addrtaken()).
    if (!name || a.regs.length <= 1 || !used.has(name) || a.type.size <= 8 || !canSSA(a.type) || f.locals.some((l) => l.name === name && l.class === 'param' && l.addrTaken)) continue
    for (const pc of regPieces(abi, a)) {
      if (!pc.pointer || spilled.has(pc.part ? `${name}+${pc.part}` : name)) continue
      const as = f.arch === 'amd64' ? storeByRegWidth(pc.reg, pc.size) : storeByType(pc)
      const p = newProg(as, reg(pc.reg), { type: 'mem', name: 'param', sym: s.localSym(name), offset: pc.offset })
      p.line = funcLine
      out.push(p)
    }
  }
  return out
}

/**
 * The listing as `go tool compile -S` prints it, without the hex dump: the
 * symbol header, then `\t0x0000 00000 (file.go:12)\tTEXT\t…` per instruction.
 */
export function formatListing(a: Assembly, file: string): string {
  const attrs = new Set(a.attrs)
  const flags = `${attrs.has('DUPOK') ? ' dupok' : ''}${attrs.has('NOSPLIT') ? ' nosplit' : ''}`
  const hex = (n: number) => `0x${n.toString(16)}`
  let s = `${a.symbol} STEXT${flags} size=${a.size} args=${hex(a.args)} locals=${hex(a.locals)} funcid=0x0 align=0x0${attrs.has('LEAF') ? ' leaf' : ''}\n`
  for (const l of a.lines) {
    const pos = l.line ? `${file}:${l.line}` : '<unknown line number>'
    s += `\t0x${l.pc.toString(16).padStart(4, '0')} ${String(l.pc).padStart(5, '0')} (${pos})\t${l.text}\n`
  }
  return s
}
