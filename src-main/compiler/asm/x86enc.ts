// Instruction lengths for the amd64 instructions genssa and the prologue emit,
// following cmd/internal/obj/x86/asm6.go's choice of encoding (first matching
// optab form): legacy prefixes, REX, opcode, ModRM/SIB/displacement, and
// immediate. Branches are sized by span (short or near).

import type { Addr, Prog } from './prog'

const GP = ['AX', 'CX', 'DX', 'BX', 'SP', 'BP', 'SI', 'DI', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15']
const BYTE = ['AL', 'CL', 'DL', 'BL', 'SPB', 'BPB', 'SIB', 'DIB', 'R8B', 'R9B', 'R10B', 'R11B', 'R12B', 'R13B', 'R14B', 'R15B']

/** Register number 0-15 (low 3 bits + REX bit), or -1. */
function regNum(r: string): number {
  let i = GP.indexOf(r)
  if (i >= 0) return i
  i = BYTE.indexOf(r)
  if (i >= 0) return i
  const x = /^X(\d+)$/.exec(r)
  return x ? Number(x[1]) : -1
}

/** A register operand or address component that needs a REX prefix. */
const needsRex = (r: string | undefined): boolean => !!r && (regNum(r) >= 8 || r === 'SPB' || r === 'BPB' || r === 'SIB' || r === 'DIB')

const fits8 = (v: bigint): boolean => v >= -128n && v <= 127n
const fitsS32 = (v: bigint): boolean => v >= -(1n << 31n) && v < 1n << 31n

/** ModRM + SIB + displacement bytes for an r/m operand. */
function rmLen(a: Addr): number {
  if (a.type === 'reg') return 1
  if (a.type !== 'mem') return 1
  const base = a.reg ?? (a.name === 'auto' || a.name === 'param' ? 'SP' : undefined)
  if (!base || base === 'SB') return a.index ? 6 : 5 // RIP-relative disp32, or SIB with disp32 and no base
  let n = 1
  const b = regNum(base) & 7
  if (a.index || b === 4) n++ // SP/R12 need a SIB byte
  if (a.offset === 0 && b !== 5) return n // BP/R13 need a displacement
  return n + (a.offset >= -128 && a.offset <= 127 ? 1 : 4)
}

function rexFor(p: Prog, w: boolean): number {
  if (w) return 1
  for (const a of [p.from, p.to, ...p.rest]) {
    if (a.type === 'reg' && needsRex(a.reg)) return 1
    if (a.type === 'mem' && (needsRex(a.reg) || needsRex(a.index))) return 1
  }
  return 0
}

const isReg = (a: Addr, r: string): boolean => a.type === 'reg' && regNum(a.reg) === regNum(r)
const immOf = (a: Addr): bigint => (a.type === 'const' ? a.value : 0n)

/** SSE ops: [mandatory prefix bytes, REX.W, opcode bytes after 0F]. */
const SSE: Record<string, [number, boolean]> = {
  MOVSD: [1, false], MOVSS: [1, false], MOVUPS: [0, false], ADDSD: [1, false], ADDSS: [1, false], SUBSD: [1, false], SUBSS: [1, false],
  MULSD: [1, false], MULSS: [1, false], DIVSD: [1, false], DIVSS: [1, false], SQRTSD: [1, false], SQRTSS: [1, false],
  MINSD: [1, false], MINSS: [1, false], MAXSD: [1, false], MAXSS: [1, false], UCOMISD: [1, false], UCOMISS: [0, false],
  XORPS: [0, false], PXOR: [1, false], POR: [1, false], PAND: [1, false], CVTSL2SD: [1, false], CVTSQ2SD: [1, true],
  CVTSL2SS: [1, false], CVTSQ2SS: [1, true], CVTTSD2SL: [1, false], CVTTSD2SQ: [1, true], CVTTSS2SL: [1, false],
  CVTTSS2SQ: [1, true], CVTSD2SS: [1, false], CVTSS2SD: [1, false],
}

/** The byte length of a non-branch instruction. */
export function x86Len(p: Prog): number {
  const as = p.as
  const z = as.slice(-1)
  const w = z === 'Q'
  const o16 = z === 'W' ? 1 : 0
  const rex = (ww = w) => rexFor(p, ww)
  switch (as) {
    case 'RET': case 'CDQ': case 'REP': case 'LOCK':
      return 1
    case 'CQO': case 'CWD': case 'STOSQ': case 'MOVSQ':
      return 2
    case 'PUSHQ': case 'POPQ':
      return 1 + rex(false)
    case 'XCHGB': case 'XCHGW': case 'XCHGL': case 'XCHGQ':
      if (isReg(p.from, 'AX') || isReg(p.to, 'AX')) if (p.from.type === 'reg' && p.to.type === 'reg') return 1 + rex()
      return 1 + rex() + rmLen(p.to.type === 'mem' ? p.to : p.from)
    case 'CALL': case 'JMP':
      if (p.to.type === 'branch' || (p.to.type === 'mem' && p.to.name === 'extern' && p.to.sym)) return 5
      return 1 + rex(false) + rmLen(p.to)
  }
  // ROUNDSD $mode, src, dst: 66 [REX] 0F 3A 0B /r ib.
  if (as === 'ROUNDSD' || as === 'ROUNDSS') return 1 + rex(false) + 3 + rmLen(p.rest[0] ?? p.from) + 1
  // VFMADD231SD src2, src1, dst: three-byte VEX (map 0F38), opcode, ModRM on src2.
  if (/^VFM(ADD|SUB)231S[DS]$/.test(as)) return 3 + 1 + rmLen(p.from)
  const sse = SSE[as]
  if (sse) {
    const rm = p.from.type === 'reg' || p.from.type === 'mem' ? (p.to.type === 'mem' ? p.to : p.from) : p.to
    return sse[0] + rex(sse[1]) + 2 + rmLen(rm)
  }
  let m = /^(ADD|SUB|AND|OR|XOR|CMP|ADC|SBB)([BWLQ])$/.exec(as)
  if (m) {
    const [rm, src] = m[1] === 'CMP' ? [p.from, p.to] : [p.to, p.from]
    const base = o16 + rex()
    if (src.type !== 'const') return base + 1 + rmLen(src.type === 'mem' ? src : rm)
    const v = src.value
    if (z === 'B') return base + (isReg(rm, 'AL') ? 2 : 2 + rmLen(rm))
    if (fits8(v)) return base + 1 + rmLen(rm) + 1
    const imm = z === 'W' ? 2 : 4
    return base + (isReg(rm, 'AX') ? 1 + imm : 1 + rmLen(rm) + imm)
  }
  m = /^TEST([BWLQ])$/.exec(as)
  if (m) {
    const base = o16 + rex()
    if (p.from.type !== 'const') return base + 1 + rmLen(p.to.type === 'mem' ? p.to : p.from)
    const imm = z === 'B' ? 1 : z === 'W' ? 2 : 4
    return base + (isReg(p.to, 'AX') ? 1 + imm : 1 + rmLen(p.to) + imm)
  }
  if (/^MOV[BWLQ]$/.test(as)) {
    const base = o16
    if (p.from.type === 'const') {
      const v = p.from.value
      if (p.to.type === 'reg') {
        if (z === 'B') return base + rex() + 2
        if (z === 'W') return base + rex() + 3
        if (z === 'L') return rex() + 5
        if (fitsS32(v)) return rex() + 1 + rmLen(p.to) + 4
        return v >= 0n && v < 1n << 32n ? rexFor(p, false) + 5 : 1 + 1 + 8
      }
      return base + rex() + 1 + rmLen(p.to) + (z === 'B' ? 1 : z === 'W' ? 2 : 4)
    }
    const fx = p.from.type === 'reg' && /^X/.test(p.from.reg)
    const tx = p.to.type === 'reg' && /^X/.test(p.to.reg)
    if (fx || tx) return 1 + rex() + 2 + rmLen(fx && tx ? p.from : fx ? p.to : p.from) // 66 [REX] 0F 6E/7E
    return base + rex() + 1 + rmLen(p.to.type === 'mem' ? p.to : p.from)
  }
  if (as === 'LEAQ' || as === 'LEAL' || as === 'LEAW') return o16 + rex() + 1 + rmLen(p.from)
  m = /^(SHL|SHR|SAR|ROL|ROR|RCL|RCR|SAL)([BWLQ])$/.exec(as)
  // Double-precision shifts (SHRQ CX, hi, lo) take a 0F opcode.
  if (m && p.rest.length) return o16 + rex() + 2 + rmLen(p.to) + (p.from.type === 'const' ? 1 : 0)
  if (m) {
    const base = o16 + rex() + 1 + rmLen(p.to)
    return p.from.type === 'const' && p.from.value !== 1n ? base + 1 : base
  }
  // One-operand forms (the operand may be From, as in DIVQ r, or To, as in NEGQ r).
  if (/^(INC|DEC|NEG|NOT|MUL|DIV|IDIV)[BWLQ]$/.test(as) || (/^IMUL[BWLQ]$/.test(as) && (p.to.type === 'none' || p.from.type === 'none'))) {
    const rm = p.to.type !== 'none' ? p.to : p.from
    return o16 + rex() + 1 + rmLen(rm)
  }
  if (/^IMUL[WLQ]$/.test(as)) return o16 + rex() + 2 + rmLen(p.from)
  if (/^IMUL3[WLQ]$/.test(as)) return o16 + rex() + 1 + rmLen(p.rest[0] ?? p.to) + (fits8(immOf(p.from)) ? 1 : z === 'W' ? 2 : 4)
  m = /^MOV([BW])([LQW])(ZX|SX)$/.exec(as)
  if (m) return rex(m[2] === 'Q') + 2 + rmLen(p.from)
  if (as === 'MOVLQSX') return rex(true) + 1 + rmLen(p.from)
  if (as === 'MOVLQZX') return rex(false) + 1 + rmLen(p.from)
  if (/^SET[A-Z]+$/.test(as)) return rex(false) + 2 + rmLen(p.to)
  if (/^CMOV[WLQ][A-Z]+$/.test(as)) return (as[4] === 'W' ? 1 : 0) + rex(as[4] === 'Q') + 2 + rmLen(p.from)
  m = /^BT([SCR]?)([WLQ])$/.exec(as)
  if (m) return o16 + rex() + 2 + rmLen(p.to) + (p.from.type === 'const' ? 1 : 0)
  m = /^SH[RL]D([WLQ])$/.exec(as)
  if (m) return o16 + rex() + 2 + rmLen(p.to) + (p.from.type === 'const' ? 1 : 0)
  m = /^(XADD|CMPXCHG)([BWLQ])$/.exec(as)
  if (m) return o16 + rex() + 2 + rmLen(p.to)
  m = /^BS([FR])([WLQ])$/.exec(as)
  if (m) return o16 + rex() + 2 + rmLen(p.from)
  m = /^(POPCNT|TZCNT|LZCNT)([WLQ])$/.exec(as)
  if (m) return 1 + o16 + rex() + 2 + rmLen(p.from)
  if (as === 'BSWAPQ' || as === 'BSWAPL') return rex() + 2
  throw new Error(`no amd64 encoding for ${as}`)
}

/** Conditional jumps (2 bytes short, 6 near). */
export const isCondJump = (as: string): boolean => /^J(OS|OC|CS|CC|EQ|NE|LS|HI|MI|PL|PS|PC|LT|GE|LE|GT)$/.test(as)

/** The byte registers asm6 prints for byte-sized instructions (bytereg): AX → AL, SI → SIB. */
export function byteReg(r: string): string {
  const i = GP.indexOf(r)
  return i >= 0 ? BYTE[i]! : r
}

/** Byte-operand instructions (optab prefix Pb): both register operands become byte registers. */
export const isByteOp = (as: string): boolean =>
  /^(MOV|ADD|SUB|AND|OR|XOR|CMP|ADC|SBB|TEST|SHL|SHR|SAR|ROL|ROR|RCL|RCR|NEG|NOT|INC|DEC|XCHG)B$/.test(as) || (/^SET[A-Z]+$/.test(as) && !/store/.test(as))
/** MOVB?[LQW](ZX|SX): only the source is a byte register (Zmb_r). */
export const isByteSrcOp = (as: string): boolean => /^MOVB[LQW](ZX|SX)$/.test(as)
