// cmd/internal/obj/x86 for the listing: the prologue and epilogue obj6.go's
// preprocess adds (stack-split check, frame pointer, SP adjustment, the
// morestack call at the end), SP-relative offsets of autos and params,
// progedit's rewrites, and span6's layout: branch relaxation and the NOPs
// that keep jumps off 32-byte boundaries.

import type { ObjInput, ObjOutput } from './obj'
import { con, ext, isPseudo, mem, NONE, newProg, reg, type Addr, type Prog } from './prog'
import { byteReg, isByteOp, isByteSrcOp, isCondJump, x86Len } from './x86enc'
import { loadByRegWidth, storeByRegWidth } from './amd64'

const STACK_SMALL = 128
const STACK_BIG = 4096
/** Calls that do not need the caller to have a stack frame check (isZeroArgRuntimeCall). */
const ZERO_ARG_CALLS = new Set(['runtime.panicdivide', 'runtime.panicwrap', 'runtime.panicshift', 'runtime.panicBounds', 'runtime.panicExtend'])

const at = (line: number, p: Prog): Prog => ((p.line = line), p)

export function objAmd64(inp: ObjInput): ObjOutput {
  const { text, body, regArgs, funcLine } = inp
  const frame = text.to.type === 'textsize' ? text.to.frame : 0
  let autoffset = frame
  const hasCall = body.some((p) => p.as === 'CALL')
  const attrs = new Set(inp.attrs)
  let bpsize = 0
  if (!attrs.has('NOFRAME') && !(autoffset === 0 && !hasCall)) {
    bpsize = 8
    autoffset += bpsize
  } else attrs.add('NOFRAME')
  if (autoffset < STACK_SMALL && !attrs.has('NOSPLIT')) {
    const leaf = body.every((p) => p.as !== 'CALL' || (p.to.type === 'mem' && ZERO_ARG_CALLS.has(p.to.sym ?? '') && autoffset < STACK_SMALL - 8))
    if (leaf) attrs.add('NOSPLIT')
  }
  const textsize = { type: 'textsize' as const, frame: autoffset, args: text.to.type === 'textsize' ? text.to.args : 0 }
  text.to = textsize

  const out: Prog[] = [text]
  const tail: Prog[] = []
  const P = (as: string, from: Addr = NONE, to: Addr = NONE) => at(funcLine, newProg(as, from, to))
  if (!attrs.has('NOSPLIT')) {
    // Stack-split check; the morestack call goes at the end of the function.
    const spill = P('PCDATA', con(0), con(-2))
    const jumps: Prog[] = []
    if (autoffset <= STACK_SMALL) {
      out.push(P('CMPQ', reg('SP'), mem('R14', 16)), P('PCDATA', con(0), con(-2)))
    } else if (autoffset <= STACK_BIG) {
      out.push(P('LEAQ', mem('SP', -(autoffset - STACK_SMALL)), reg('R12')), P('CMPQ', reg('R12'), mem('R14', 16)), P('PCDATA', con(0), con(-2)))
    } else {
      const jcs = P('JCS', NONE, { type: 'branch', target: spill })
      jumps.push(jcs)
      out.push(P('MOVQ', reg('SP'), reg('R12')), P('PCDATA', con(0), con(-2)), P('SUBQ', con(autoffset - STACK_SMALL), reg('R12')), jcs, P('CMPQ', reg('R12'), mem('R14', 16)))
    }
    const jls = P('JLS', NONE, { type: 'branch', target: spill })
    jumps.push(jls)
    for (const j of jumps) j.short = true
    out.push(jls, P('PCDATA', con(0), con(-1)))
    const needCtxt = attrs.has('NEEDCTXT')
    const jmp = P('JMP', NONE, { type: 'branch', target: out[1]! })
    jmp.short = true
    tail.push(
      P('NOP'),
      P('PCDATA', con(1), con(-1)),
      spill,
      ...regArgs.map((a) => P(storeByRegWidth(a.reg, a.size), reg(a.reg), mem('SP', a.offset + 8))),
      P('CALL', NONE, ext(needCtxt ? 'runtime.morestack' : 'runtime.morestack_noctxt')),
      P('PCDATA', con(0), con(-1)),
      ...regArgs.map((a) => P(loadByRegWidth(a.reg, a.size), mem('SP', a.offset + 8), reg(a.reg))),
      jmp,
    )
  }
  if (bpsize) out.push(P('PUSHQ', reg('BP')), P('MOVQ', reg('SP'), reg('BP')))
  const localoffset = autoffset - bpsize
  if (localoffset) out.push(adjsp(P, localoffset))

  // Body: RET becomes the epilogue; autos and params become SP-relative.
  for (const p of body) {
    if (p.as === 'RET') {
      const retTo = p.to
      if (autoffset) {
        const epi: Prog[] = []
        if (localoffset) epi.push(adjsp((as, f, t) => inherit(p, newProg(as, f, t)), -localoffset))
        if (bpsize) epi.push(inherit(p, newProg('POPQ', NONE, reg('BP'))))
        // The RET Prog becomes the first epilogue instruction, so branches to the RET still land on the epilogue.
        if (epi.length) {
          const [head, ...rest] = epi
          const ret = inherit(p, newProg('RET', NONE, retTo))
          Object.assign(p, { as: head!.as, from: head!.from, to: head!.to })
          out.push(p, ...rest, ret)
          fixRet(ret)
          continue
        }
      }
      fixRet(p)
    }
    out.push(p)
  }
  if (tail.length) {
    tail[0]!.line = out[out.length - 1]!.line
    out.push(...tail)
  }
  for (const p of out) adjustOffsets(p, autoffset, bpsize)
  for (const p of out) progedit(p)
  const size = span(out)
  return { progs: out, size, attrs: [...attrs], frame: autoffset, locals: autoffset }
}

/** A RET with a symbol is a tail call: a jump. */
function fixRet(p: Prog): void {
  if (p.to.type === 'mem' && p.to.sym) p.as = 'JMP'
}

function inherit(from: Prog, p: Prog): Prog {
  p.line = from.line
  if (from.value) p.value = from.value
  if (from.block) p.block = from.block
  return p
}

/** ADJSP: SUBQ $n, SP, except that $-0x80 encodes shorter than $0x80. */
function adjsp(P: (as: string, from?: Addr, to?: Addr) => Prog, v: number): Prog {
  if (v === 0x80 || (v < 0 && v !== -0x80)) return P('ADDQ', con(-v), reg('SP'))
  return P('SUBQ', con(v), reg('SP'))
}

/** obj6's deltasp walk, simplified: inside the body SP sits `autoffset` below the entry SP. */
function adjustOffsets(p: Prog, autoffset: number, bpsize: number): void {
  for (const a of [p.from, p.to, ...p.rest]) {
    if (a.type !== 'mem') continue
    if (a.name === 'auto') a.offset += autoffset - bpsize
    else if (a.name === 'param') a.offset += autoffset + 8
  }
}

/** progedit: float constants load from a symbol, address constants become LEA, byte ops name byte registers. */
function progedit(p: Prog): void {
  if (p.from.type === 'fconst') {
    const f = p.from.value
    const single = p.as === 'MOVSS' || /SS$/.test(p.as)
    if ((p.as === 'MOVSS' || p.as === 'MOVSD') && p.to.type === 'reg' && Object.is(f, 0)) {
      p.as = 'XORPS'
      p.from = p.to
    } else p.from = ext(single ? `$f32.${hex32(f)}` : `$f64.${hex64(f)}`)
  }
  if (p.from.type === 'mem' && p.from.addr && (p.as === 'MOVQ' || p.as === 'MOVL')) {
    p.as = p.as === 'MOVQ' ? 'LEAQ' : 'LEAL'
    p.from = { ...p.from, addr: false }
  }
  const toByte = (a: Addr): Addr => (a.type === 'reg' ? { type: 'reg', reg: byteReg(a.reg) } : a)
  if (isByteOp(p.as)) {
    p.from = toByte(p.from)
    p.to = toByte(p.to)
  } else if (isByteSrcOp(p.as)) p.from = toByte(p.from)
}

function hex64(f: number): string {
  const d = new DataView(new ArrayBuffer(8))
  d.setFloat64(0, f)
  return d.getBigUint64(0).toString(16).padStart(16, '0')
}
function hex32(f: number): string {
  const d = new DataView(new ArrayBuffer(4))
  d.setFloat32(0, f)
  return d.getUint32(0).toString(16).padStart(8, '0')
}

const isJumpInst = (p: Prog): boolean => p.to.type === 'branch' || p.as === 'JMP' || p.as === 'CALL' || p.as === 'RET'

/** The next real instruction after i, if it is a conditional jump (lookForJCC). */
function nextJcc(progs: Prog[], i: number): Prog | undefined {
  let j = i + 1
  while (j < progs.length && (progs[j]!.as === 'PCDATA' || progs[j]!.as === 'FUNCDATA' || progs[j]!.as === 'NOP')) j++
  const q = progs[j]
  return q && q.to.type === 'branch' && q.to.target && isCondJump(q.as) ? q : undefined
}

/** Instructions the CPU fuses with a following Jcc (fusedJump): the pair must not cross 32 bytes either. */
function fusedSize(progs: Prog[], i: number, size: (p: Prog) => number | undefined): number {
  const p = progs[i]!
  const m = /^(CMP|ADD|SUB|TEST|AND|INC|DEC)[BWLQ]$/.exec(p.as)
  if (!m) return 0
  const kind = m[1]!
  if (kind !== 'INC' && kind !== 'DEC') {
    const [one, two] = kind === 'CMP' ? [p.from, p.to] : [p.to, p.from]
    if (one.type === 'reg') {
      if (two.type !== 'reg' && two.type !== 'const' && two.type !== 'mem') return 0
    } else if (one.type === 'mem') {
      if (two.type !== 'reg') return 0
    } else return 0
  }
  const j = nextJcc(progs, i)
  if (!j) return 0
  const both = (size(p) ?? 0) + (size(j) ?? 0)
  if (kind === 'TEST' || kind === 'AND') return both
  if (/^J(OC|OS|MI|PL|PS|PC)$/.test(j.as)) return 0
  if (kind === 'CMP' || kind === 'ADD' || kind === 'SUB') return both
  if (/^J(CS|CC|HI|LS)$/.test(j.as)) return 0
  return both
}

/**
 * span6: assign pcs, choosing short or near branches and padding jumps so
 * none crosses or ends on a 32-byte boundary; repeats until stable. The
 * padding becomes NOP Progs in the list. Returns the function size.
 */
function span(progs: Prog[]): number {
  const size = new Map<Prog, number>()
  const fixed = new Map<Prog, number>()
  for (const p of progs) if (!isPseudo(p) && !(p.to.type === 'branch' && p.to.target)) fixed.set(p, x86Len(p))
  const index = new Map(progs.map((p, i) => [p, i]))
  let pads = new Map<Prog, number>()
  for (let round = 0; round < 100; round++) {
    let again = false
    let c = 0
    pads = new Map()
    let prev: Prog | undefined
    for (let i = 0; i < progs.length; i++) {
      const p = progs[i]!
      const c0 = c
      // Jump padding uses the sizes of the previous round (as asm6 does with p.Isize).
      const fj = fusedSize(progs, i, (q) => size.get(q))
      const mask = 31
      let pad = 0
      if (fj) {
        if ((c & mask) + fj >= 32) pad = 32 - (c & mask)
      } else if (isJumpInst(p)) {
        if ((c & mask) + (size.get(p) ?? 0) >= 32) pad = 32 - (c & mask)
      }
      c += pad
      if (pad && prev) pads.set(prev, (pads.get(prev) ?? 0) + c - c0)
      p.pc = c
      let n: number
      if (isPseudo(p)) n = 0
      else if (p.to.type === 'branch' && p.to.target) {
        const t = p.to.target
        const backward = (index.get(t) ?? 0) <= i
        const cond = isCondJump(p.as)
        if (backward) {
          const v = t.pc - (c + 2)
          n = v >= -128 ? 2 : cond ? 6 : 5
        } else n = p.short ? 2 : cond ? 6 : 5
      } else n = fixed.get(p)!
      if (size.get(p) !== n) {
        if (isJumpInst(p) || fusedSize(progs, i, (q) => (q === p ? n : size.get(q))) || size.get(p) === undefined) again = true
        size.set(p, n)
      }
      c += n
      prev = p
    }
    // Forward short jumps that do not reach become near jumps.
    for (let i = 0; i < progs.length; i++) {
      const p = progs[i]!
      if (p.to.type !== 'branch' || !p.to.target || !p.short) continue
      const t = p.to.target
      if ((index.get(t) ?? 0) > i && t.pc - (p.pc + 2) > 127) {
        p.short = false
        again = true
      }
    }
    if (!again) {
      for (const p of progs) p.size = size.get(p) ?? 0
      const out: Prog[] = []
      const padBefore = new Map<Prog, Prog>()
      for (let i = 0; i < progs.length; i++) {
        const p = progs[i]!
        out.push(p)
        const n = pads.get(p)
        if (!n) continue
        const nop = Object.assign(newProg('NOP'), { pc: p.pc + p.size, size: n, line: p.line })
        out.push(nop)
        if (progs[i + 1]) padBefore.set(progs[i + 1]!, nop)
      }
      // gc emits the call's stack-map PCDATA before a CALL and pads after it, so a jump
      // to a block starting with a padded call lands on the padding.
      // A write barrier call is no safepoint: no PCDATA before it, the jump lands on the call.
      const wb = (q: Prog) => q.to.type === 'mem' && !!q.to.sym?.startsWith('runtime.gcWriteBarrier')
      for (const p of out) {
        if (p.to.type !== 'branch' || p.to.target?.as !== 'CALL' || wb(p.to.target)) continue
        const nop = padBefore.get(p.to.target)
        if (nop) p.to.target = nop
      }
      progs.splice(0, progs.length, ...out)
      const last = progs[progs.length - 1]!
      return last.pc + last.size
    }
  }
  throw new Error('amd64 span did not converge')
}

