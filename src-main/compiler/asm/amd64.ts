// amd64 code generation: gc's amd64/ssa.go ssaGenValue/ssaGenBlock for the
// ops our subset produces. Most ops are one instruction whose mnemonic is the
// op table's `asm`; the tables below group ops by operand shape, and the
// switch handles the ops genssa expands or rewrites.

import type { Block, Value } from '../ssa/func'
import { opInfo } from '../ssa/opinfo'
import type { ArchGen, GenState, MemAddr } from './gen'
import { condBranch, genPlainBlock, regWidth, valAndOff } from './gen'
import { con, ext, mem, NONE, reg, type Prog } from './prog'
import { boundsPcdata } from './bounds'

const isFP = (r: string): boolean => /^[XYZ]\d+$/.test(r)

function storeByRegWidth(r: string, width: number): string {
  if (isFP(r)) return width === 4 ? 'MOVSS' : width === 8 ? 'MOVSD' : 'MOVUPS'
  return ({ 1: 'MOVB', 2: 'MOVW', 4: 'MOVL', 8: 'MOVQ' } as Record<number, string>)[width] ?? 'MOVQ'
}

/** Loads of narrow integers zero-extend, avoiding partial register writes. */
export function loadByRegWidth(r: string, width: number): string {
  if (!isFP(r) && width === 1) return 'MOVBLZX'
  if (!isFP(r) && width === 2) return 'MOVWLZX'
  return storeByRegWidth(r, width)
}
export { storeByRegWidth }

function moveByRegsWidth(dest: string, src: string, width: number): string {
  if (isFP(dest) && isFP(src)) return 'MOVUPS'
  return width === 8 ? 'MOVQ' : width <= 4 ? 'MOVL' : 'MOVUPS'
}

/** dest = dest op src. */
const opregreg = (s: GenState, as: string, dest: string, src: string): Prog => s.prog(as, reg(src), reg(dest))

/** `x op= arg1` two-address ops: OP arg1, x. */
const TWO_ADDR = new Set(
  'SUBQ SUBL MULQ MULL ANDQ ANDL ORQ ORL XORQ XORL SHLQ SHLL SHRQ SHRL SHRW SHRB SARQ SARL SARW SARB ROLQ ROLL ROLW ROLB RORQ RORL RORW RORB ADDSS ADDSD SUBSS SUBSD MULSS MULSD DIVSS DIVSD MINSS MINSD POR PXOR BTSL BTSQ BTCL BTCQ BTRL BTRQ PCMPEQB PSIGNB PUNPCKLBW'.split(' '),
)
/** OP $auxint, x. */
const CONST_OP = new Set(
  'SUBQconst SUBLconst ANDLconst ORQconst ORLconst XORQconst XORLconst SHLQconst SHLLconst SHRQconst SHRLconst SHRWconst SHRBconst SARQconst SARLconst SARWconst SARBconst ROLQconst ROLLconst ROLWconst ROLBconst'.split(' '),
)
/** OP arg0, x (one-input register ops). */
const UNARY_RR = new Set(
  'MOVLQSX MOVWQSX MOVBQSX MOVLQZX MOVWQZX MOVBQZX CVTTSS2SL CVTTSD2SL CVTTSS2SQ CVTTSD2SQ CVTSS2SD CVTSD2SS VPBROADCASTB PMOVMSKB'.split(' '),
)
const CONDMOVE = /^CMOV[QLW](EQ|LT|NE|GT|LE|GE|HI|LS|CC|CS|GTF|GEF)$/
const SETCC = /^SET(EQ|NE|L|LE|G|GE|GF|GEF|B|BE|ORD|NAN|A|AE|O)$/
const SETCC_STORE = /^SET(EQ|NE|L|LE|G|GE|B|BE|A|AE)store$/
const SETCC_STOREIDX = /^SET(EQ|NE|L|LE|G|GE|B|BE|A|AE)storeidx1$/
const LOAD = /^(MOV(Q|L|W|B|O|SS|SD)load|MOV(B|W|L)QSXload|MOVBE[QL]load)$/
const LOADIDX = /^(MOV(B|W|L|Q|SS|SD)loadidx\d|MOVBE[LQ]loadidx\d)$/
const STORE = /^(MOV(Q|SS|SD|L|W|B|O)store|(ADD|SUB|AND|OR|XOR)[QL]modify|MOVBE[QLW]store)$/
const STOREIDX = /^(MOV(B|W|L|Q|SS|SD)storeidx\d|(ADD|SUB|AND|OR|XOR)[QL]modifyidx\d|MOVBE[WLQ]storeidx\d)$/
const STORECONST = /^MOV[QLWB]storeconst$/
const CONSTMODIFY = /^((AND|OR|XOR)[QL]|BT[SRC]Q)constmodify$/
const STORECONSTIDX = /^(MOV[QLWB]storeconstidx\d|(ADD|AND|OR|XOR)[QL]constmodifyidx\d)$/
const OPLOAD = /^(ADD|SUB|AND|OR|XOR)[QL]load$|^(ADD|SUB|MUL|DIV)S[SD]load$/
const OPLOADIDX = /^((ADD|SUB|AND|OR|XOR)[QL]|(ADD|SUB|MUL|DIV)S[SD])loadidx\d$/
const CMPLOADIDX = /^CMP[QLWB]loadidx\d$/
const CMPCONSTLOADIDX = /^CMP[QLWB]constloadidx\d$/

const asmOf = (s: GenState, v: Value): string => {
  const a = opInfo(v.op, 'amd64').asm
  if (!a) throw new Error(`${s.f.name}: ${v.op} has no assembler mnemonic`)
  return a
}

/** Indexed memory operand: base arg0, index arg1 (gc's memIdx; SP cannot be an index). */
function memIdx(s: GenState, v: Value, b = 0, i = 1): MemAddr {
  let r = s.argReg(v, b)
  let x = s.argReg(v, i)
  const scale = opInfo(v.op, 'amd64').scale ?? 1
  if (scale === 1 && x === 'SP') [r, x] = [x, r]
  return mem(r, 0, { index: x, scale })
}

const argMem = (s: GenState, v: Value, i = 0): MemAddr => mem(s.argReg(v, i))

export const amd64Gen: ArchGen & { marked: WeakSet<Value> } = {
  sp: 'SP',
  marked: new WeakSet(),
  regName: (loc) => (loc === 'g' ? 'R14' : loc),

  /** Constants loaded while flags are live must not become XOR (it clobbers flags). */
  markMoves(_s, b) {
    let flive = flagsLiveAtEnd(b) || b.controls.some((c) => c.type.kind === 'flags')
    for (let i = b.values.length - 1; i >= 0; i--) {
      const v = b.values[i]!
      if (flive && (v.op === 'MOVLconst' || v.op === 'MOVQconst')) this.marked.add(v)
      if (v.type.kind === 'flags') flive = false
      if (v.args.some((a) => a.type.kind === 'flags')) flive = true
    }
  },

  nop(s) {
    return s.prog('XCHGL', reg('AX'), reg('AX'))
  },

  genValue(s, v) {
    const op = v.op
    const p = (as: string, from = NONE, to = NONE) => s.prog(as, from, to)
    if (TWO_ADDR.has(op)) return void opregreg(s, asmOf(s, v), s.reg(v), s.argReg(v, 1))
    if (CONST_OP.has(op)) return void p(asmOf(s, v), con(v.auxInt), reg(s.reg(v)))
    if (UNARY_RR.has(op)) return void opregreg(s, asmOf(s, v), s.reg(v), s.argReg(v, 0))
    if (CONDMOVE.test(op)) return void p(asmOf(s, v), reg(s.argReg(v, 1)), reg(s.reg(v)))
    if (SETCC.test(op)) return void p(asmOf(s, v), NONE, reg(s.reg(v)))
    if (SETCC_STORE.test(op)) return void p(asmOf(s, v), NONE, s.addAux(argMem(s, v), v))
    if (SETCC_STOREIDX.test(op)) return void p(asmOf(s, v), NONE, s.addAux(memIdx(s, v), v))
    if (LOAD.test(op)) return void p(asmOf(s, v), s.addAux(argMem(s, v), v), reg(s.reg(v)))
    if (LOADIDX.test(op)) return void p(asmOf(s, v), s.addAux(memIdx(s, v), v), reg(s.reg(v)))
    if (STORE.test(op)) return void p(asmOf(s, v), reg(s.argReg(v, 1)), s.addAux(argMem(s, v), v))
    if (STOREIDX.test(op)) return void p(asmOf(s, v), reg(s.argReg(v, 2)), s.addAux(memIdx(s, v), v))
    if (OPLOAD.test(op)) return void p(asmOf(s, v), s.addAux(argMem(s, v, 1), v), reg(s.reg(v)))
    if (OPLOADIDX.test(op)) return void p(asmOf(s, v), s.addAux(memIdx(s, v, 1, 2), v), reg(s.reg(v)))
    if (CMPLOADIDX.test(op)) return void p(asmOf(s, v), s.addAux(memIdx(s, v), v), reg(s.argReg(v, 2)))
    if (CMPCONSTLOADIDX.test(op)) {
      const [val, off] = valAndOff(v)
      return void p(asmOf(s, v), s.addAux(memIdx(s, v), v, off), con(val))
    }
    if (STORECONST.test(op)) {
      const [val, off] = valAndOff(v)
      return void p(asmOf(s, v), con(val), s.addAux(argMem(s, v), v, off))
    }
    if (CONSTMODIFY.test(op)) {
      const [val, off] = valAndOff(v)
      return void p(asmOf(s, v), con(val), s.addAux(argMem(s, v), v, off))
    }
    if (STORECONSTIDX.test(op)) {
      const [val, off] = valAndOff(v)
      let as = asmOf(s, v)
      let from = con(val)
      if ((as === 'ADDQ' || as === 'ADDL') && (val === 1n || val === -1n)) {
        as = (val === 1n ? 'INC' : 'DEC') + as.slice(3)
        from = NONE
      }
      return void p(as, from, s.addAux(memIdx(s, v), v, off))
    }
    switch (op) {
      case 'ADDQ':
      case 'ADDL': {
        const [r, r1, r2] = [s.reg(v), s.argReg(v, 0), s.argReg(v, 1)]
        if (r === r1) p(op, reg(r2), reg(r))
        else if (r === r2) p(op, reg(r1), reg(r))
        else p(op === 'ADDQ' ? 'LEAQ' : 'LEAL', mem(r1, 0, { index: r2, scale: 1 }), reg(r))
        return
      }
      case 'ADDQconst':
      case 'ADDLconst': {
        const [r, a] = [s.reg(v), s.argReg(v, 0)]
        const q = op === 'ADDQconst' ? 'Q' : 'L'
        if (r !== a) return void p('LEA' + q, mem(a, v.auxInt64), reg(r))
        if (v.auxInt === 1n) return void p('INC' + q, NONE, reg(r))
        if (v.auxInt === -1n) return void p('DEC' + q, NONE, reg(r))
        if (v.auxInt === 0x80n) return void p('SUB' + q, con(-0x80), reg(r))
        return void p('ADD' + q, con(v.auxInt), reg(r))
      }
      case 'MULQconst':
      case 'MULLconst': {
        const q = p(asmOf(s, v), con(v.auxInt), reg(s.reg(v)))
        q.rest.push(reg(s.argReg(v, 0)))
        return
      }
      case 'ANDQconst':
        // A positive 32-bit mask is shorter as ANDL.
        return void p(v.auxInt >= 0n && v.auxInt <= 0xffffffffn ? 'ANDL' : 'ANDQ', con(v.auxInt), reg(s.reg(v)))
      case 'SBBQcarrymask':
      case 'SBBLcarrymask':
        return void p(asmOf(s, v), reg(s.reg(v)), reg(s.reg(v)))
      case 'LEAQ1': case 'LEAQ2': case 'LEAQ4': case 'LEAQ8':
      case 'LEAL1': case 'LEAL2': case 'LEAL4': case 'LEAL8':
      case 'LEAW1': case 'LEAW2': case 'LEAW4': case 'LEAW8': {
        const o = s.reg(v)
        let q = p(asmOf(s, v), memIdx(s, v), reg(o))
        // A displacement is added by a second LEA rather than a slow three-operand LEA.
        if (v.auxInt !== 0n && !v.aux) q = p(asmOf(s, v), mem(o), reg(o))
        s.addAux(q.from as MemAddr, v)
        return
      }
      case 'LEAQ':
      case 'LEAL':
      case 'LEAW':
        return void p(asmOf(s, v), s.addAux(argMem(s, v), v), reg(s.reg(v)))
      case 'CMPQ': case 'CMPL': case 'CMPW': case 'CMPB':
      case 'TESTQ': case 'TESTL': case 'TESTW': case 'TESTB':
      case 'BTL': case 'BTQ':
        return void opregreg(s, asmOf(s, v), s.argReg(v, 1), s.argReg(v, 0))
      case 'UCOMISS':
      case 'UCOMISD':
        // The Go assembler swaps UCOMISx operands relative to CMP.
        return void opregreg(s, asmOf(s, v), s.argReg(v, 0), s.argReg(v, 1))
      case 'CMPQconst': case 'CMPLconst': case 'CMPWconst': case 'CMPBconst':
        return void p(asmOf(s, v), reg(s.argReg(v, 0)), con(v.auxInt))
      case 'BTLconst': case 'BTQconst': case 'TESTQconst': case 'TESTLconst': case 'TESTWconst': case 'TESTBconst':
      case 'BTSQconst': case 'BTCQconst': case 'BTRQconst':
        return void p(op === 'BTQconst' && v.auxInt < 32n ? 'BTL' : asmOf(s, v), con(v.auxInt), reg(s.argReg(v, 0)))
      case 'CMPQload': case 'CMPLload': case 'CMPWload': case 'CMPBload':
        return void p(asmOf(s, v), s.addAux(argMem(s, v), v), reg(s.argReg(v, 1)))
      case 'CMPQconstload': case 'CMPLconstload': case 'CMPWconstload': case 'CMPBconstload': {
        const [val, off] = valAndOff(v)
        return void p(asmOf(s, v), s.addAux(argMem(s, v), v, off), con(val))
      }
      case 'MOVLconst':
      case 'MOVQconst': {
        const x = s.reg(v)
        if (v.auxInt === 0n && !this.marked.has(v)) return void opregreg(s, 'XORL', x, x)
        // MOVL zero-extends: shorter for a positive 32-bit constant.
        return void p(v.auxInt >= 0n && v.auxInt <= 0xffffffffn ? 'MOVL' : asmOf(s, v), con(v.auxInt), reg(x))
      }
      case 'MOVSSconst':
      case 'MOVSDconst': {
        const x = s.reg(v)
        if (!isFP(x) && v.auxInt === 0n) return void opregreg(s, 'XORL', x, x)
        return void p(storeByRegWidth(x, regWidth(v.type)), { type: 'fconst', value: bitsToFloat(v.auxInt) }, reg(x))
      }
      case 'ADDQconstmodify':
      case 'ADDLconstmodify': {
        const [val, off] = valAndOff(v)
        const q = op === 'ADDQconstmodify' ? 'Q' : 'L'
        if (val === 1n || val === -1n) return void p((val === 1n ? 'INC' : 'DEC') + q, NONE, s.addAux(argMem(s, v), v, off))
        return void p(asmOf(s, v), con(val), s.addAux(argMem(s, v), v, off))
      }
      case 'MOVOstoreconst': {
        const [val, off] = valAndOff(v)
        if (val !== 0n) throw new Error(`${s.f.name}: MOVOstoreconst of a non-zero constant (lowering never makes one; gc rejects it too)`)
        return void p('MOVUPS', reg('X15'), s.addAux(argMem(s, v), v, off))
      }
      case 'CVTSL2SD': case 'CVTSQ2SD': case 'CVTSQ2SS': case 'CVTSL2SS': {
        const r = s.reg(v)
        // Break the false dependency on the destination register.
        opregreg(s, 'XORPS', r, r)
        return void opregreg(s, asmOf(s, v), r, s.argReg(v, 0))
      }
      case 'MOVQi2f': case 'MOVQf2i':
        return void p('MOVQ', reg(s.argReg(v, 0)), reg(s.reg(v)))
      case 'MOVLi2f': case 'MOVLf2i':
        return void p('MOVL', reg(s.argReg(v, 0)), reg(s.reg(v)))
      case 'DIVQU': case 'DIVLU': case 'DIVWU':
        opregreg(s, 'XORL', 'DX', 'DX')
        return void p(asmOf(s, v), reg(s.argReg(v, 1)))
      case 'DIVQ': case 'DIVL': case 'DIVW':
        return divide(s, v)
      case 'HMULQ': case 'HMULL': case 'HMULQU': case 'HMULLU':
      case 'MULQU': case 'MULLU': case 'MULQU2':
        return void p(asmOf(s, v), reg(s.argReg(v, 1)))
      case 'DIVQU2':
        return void p(asmOf(s, v), reg(s.argReg(v, 2)))
      case 'AVGQU':
        p('ADDQ', reg(s.argReg(v, 1)), reg(s.reg(v)))
        return void p('RCRQ', con(1), reg(s.reg(v)))
      case 'LoweredZero': {
        // Zero 16 bytes at a time with X15 (always zero in ABIInternal); an odd tail overlaps.
        const ptr = s.argReg(v, 0)
        let n = v.auxInt64
        let off = 0
        for (; n >= 16; n -= 16, off += 16) p('MOVUPS', reg('X15'), mem(ptr, off))
        if (n) p('MOVUPS', reg('X15'), mem(ptr, off + n - 16))
        return
      }
      case 'LoweredMove': {
        const [dst, src] = [s.argReg(v, 0), s.argReg(v, 1)]
        if (dst === src) return
        let n = v.auxInt64
        let off = 0
        const move16 = (o: number) => {
          p('MOVUPS', mem(src, o), reg('X14'))
          p('MOVUPS', reg('X14'), mem(dst, o))
        }
        for (; n >= 16; n -= 16, off += 16) move16(off)
        if (n) move16(off + n - 16)
        return
      }
      case 'LoweredZeroLoop':
        return zeroLoop(s, v)
      case 'LoweredMoveLoop':
        return moveLoop(s, v)
      case 'SETNEF':
      case 'SETEQF': {
        // Floating-point (in)equality also looks at the parity flag (NaN).
        const t = s.regTmp(v)
        p(asmOf(s, v), NONE, reg(s.reg(v)))
        p(op === 'SETNEF' ? 'SETPS' : 'SETPC', NONE, reg(t))
        return void opregreg(s, op === 'SETNEF' ? 'ORL' : 'ANDL', s.reg(v), t)
      }
      case 'CMOVQNEF': case 'CMOVLNEF': case 'CMOVWNEF': {
        const w = op[4]
        p(asmOf(s, v), reg(s.argReg(v, 1)), reg(s.reg(v)))
        return void p(`CMOV${w}PS`, reg(s.argReg(v, 1)), reg(s.reg(v)))
      }
      case 'CMOVQEQF': case 'CMOVLEQF': case 'CMOVWEQF': {
        const w = op[4]
        const t = s.regTmp(v)
        opregreg(s, moveByRegsWidth(t, s.argReg(v, 1), regWidth(v.type)), t, s.argReg(v, 1))
        p(asmOf(s, v), reg(s.reg(v)), reg(t))
        return void p(`CMOV${w}PC`, reg(t), reg(s.reg(v)))
      }
      case 'Copy': {
        if (v.type.kind === 'mem') return
        const [x, y] = [s.argReg(v, 0), s.reg(v)]
        if (x !== y) opregreg(s, moveByRegsWidth(y, x, regWidth(v.type)), y, x)
        return
      }
      case 'LoadReg': {
        if (v.type.kind === 'flags') throw new Error(`${s.f.name}: flags cannot be reloaded (regalloc never spills flags; gc rejects it too)`)
        const r = s.reg(v)
        return void p(loadByRegWidth(r, regWidth(v.type)), s.autoAddr(v.args[0]!), reg(r))
      }
      case 'StoreReg': {
        if (v.type.kind === 'flags') throw new Error(`${s.f.name}: flags cannot be spilled (regalloc never spills flags; gc rejects it too)`)
        const r = s.argReg(v, 0)
        return void p(storeByRegWidth(r, regWidth(v.type)), reg(r), s.autoAddr(v))
      }
      case 'ArgIntReg':
      case 'ArgFloatReg':
        // No code: the register args are spilled around morestack (see the prologue).
        return
      case 'LoweredGetClosurePtr':
      case 'LoweredRound32F':
      case 'LoweredRound64F':
        return
      case 'CALLstatic':
      case 'CALLtail':
      case 'CALLclosure':
      case 'CALLinter':
        return void call(s, v, op === 'CALLtail')
      case 'LoweredGetCallerPC':
        return void p('MOVQ', { type: 'mem', name: 'param', offset: -8 }, reg(s.reg(v)))
      case 'LoweredGetCallerSP':
        // The caller's SP is the address of the first argument.
        return void p('MOVQ', { type: 'mem', name: 'param', offset: 0, addr: true }, reg(s.reg(v)))
      case 'LoweredWB':
        return void p('CALL', NONE, ext(`runtime.gcWriteBarrier${v.auxInt}`))
      case 'LoweredPanicBoundsRR':
      case 'LoweredPanicBoundsRC':
      case 'LoweredPanicBoundsCR':
      case 'LoweredPanicBoundsCC':
        return panicBounds(s, v)
      case 'NEGQ': case 'NEGL': case 'BSWAPQ': case 'BSWAPL': case 'NOTQ': case 'NOTL':
        return void p(asmOf(s, v), NONE, reg(s.reg(v)))
      case 'NEGLflags':
        return void p(asmOf(s, v), NONE, reg(s.regN(v, 0)))
      case 'BSFQ': case 'BSRQ':
        return void p(asmOf(s, v), reg(s.argReg(v, 0)), reg(s.regN(v, 0)))
      case 'BSFL': case 'BSRL': case 'SQRTSD': case 'SQRTSS':
        return void p(asmOf(s, v), reg(s.argReg(v, 0)), reg(s.reg(v)))
      case 'POPCNTQ': case 'POPCNTL': case 'TZCNTQ': case 'TZCNTL': case 'LZCNTQ': case 'LZCNTL':
        // Break a false dependency on the destination register.
        if (s.argReg(v, 0) !== s.reg(v)) opregreg(s, 'XORL', s.reg(v), s.reg(v))
        return void p(asmOf(s, v), reg(s.argReg(v, 0)), reg(s.reg(v)))
      case 'REPSTOSQ':
        p('REP')
        return void p('STOSQ')
      case 'REPMOVSQ':
        p('REP')
        return void p('MOVSQ')
      case 'LoweredNilCheck':
        // A load that faults on nil.
        return void p('TESTB', reg('AX'), mem(s.argReg(v, 0)))
      case 'LoweredHasCPUFeature':
        return void p('MOVBLZX', s.addAux({ type: 'mem', name: 'none', offset: 0 }, v), reg(s.reg(v)))
      case 'MOVBatomicload': case 'MOVLatomicload': case 'MOVQatomicload':
        return void p(asmOf(s, v), s.addAux(argMem(s, v), v), reg(s.regN(v, 0)))
      case 'XCHGB': case 'XCHGL': case 'XCHGQ':
        return void p(asmOf(s, v), reg(s.regN(v, 0)), s.addAux(argMem(s, v, 1), v))
      case 'XADDLlock': case 'XADDQlock':
        p('LOCK')
        return void p(asmOf(s, v), reg(s.regN(v, 0)), s.addAux(argMem(s, v, 1), v))
      case 'CMPXCHGLlock': case 'CMPXCHGQlock':
        p('LOCK')
        p(asmOf(s, v), reg(s.argReg(v, 2)), s.addAux(argMem(s, v), v))
        return void p('SETEQ', NONE, reg(s.regN(v, 0)))
      case 'ANDBlock': case 'ANDLlock': case 'ANDQlock': case 'ORBlock': case 'ORLlock': case 'ORQlock':
        p('LOCK')
        return void p(asmOf(s, v), reg(s.argReg(v, 1)), s.addAux(argMem(s, v), v))
      case 'SHRDQ': case 'SHLDQ': {
        const q = p(asmOf(s, v), reg(s.argReg(v, 2)), reg(s.argReg(v, 0)))
        q.rest.push(reg(s.argReg(v, 1)))
        return
      }
      // math/bits.Add64 / Sub64: the sum in the tuple's register 0, the carry in CF.
      case 'ADDQcarry': case 'ADCQ': {
        const [r, r0, r1] = [s.regN(v, 0), s.argReg(v, 0), s.argReg(v, 1)]
        if (r !== r0 && r !== r1) throw new Error(`${s.f.name}: ${op} (${v.ref}): output not in the register of an input`)
        return void p(asmOf(s, v), reg(r === r0 ? r1 : r0), reg(r))
      }
      case 'SUBQborrow': case 'SBBQ':
        return void p(asmOf(s, v), reg(s.argReg(v, 1)), reg(s.regN(v, 0)))
      case 'ADDQconstcarry': case 'ADCQconst': case 'SUBQconstborrow': case 'SBBQconst':
        return void p(asmOf(s, v), con(v.auxInt), reg(s.regN(v, 0)))
      case 'ROUNDSD': {
        // The immediate is the rounding mode: 0 to even, 1 floor, 2 ceil, 3 trunc.
        if (v.auxInt < 0n || v.auxInt > 3n) throw new Error(`${s.f.name}: ROUNDSD (${v.ref}): invalid rounding mode ${v.auxInt}`)
        const q = p(asmOf(s, v), con(v.auxInt), reg(s.reg(v)))
        q.rest.push(reg(s.argReg(v, 0)))
        return
      }
      case 'VFMADD231SD':
      case 'VFMADD231SS': {
        const q = p(asmOf(s, v), reg(s.argReg(v, 2)), reg(s.reg(v)))
        q.rest.push(reg(s.argReg(v, 1)))
        return
      }
    }
    throw new Error(`${s.f.name}: unsupported: amd64 code for ${op} (${v.ref}), an op outside the Go subset we model`)
  },

  genBlock(s, b, next) {
    if (genPlainBlock(s, b, next)) return
    switch (b.kind) {
      case 'EQF':
        return combJump(s, b, next, [[['JNE', 1], ['JPS', 1]], [['JNE', 1], ['JPC', 0]]])
      case 'NEF':
        return combJump(s, b, next, [[['JNE', 0], ['JPC', 1]], [['JNE', 0], ['JPS', 0]]])
      case 'JUMPTABLE':
        // JMP *(TABLE)(INDEX*8); the table's entries are the successors' addresses.
        s.prog('JMP', NONE, mem(s.reg(b.controls[1]!), 0, { index: s.reg(b.controls[0]!), scale: 8 }))
        return
    }
    const jmp = BLOCK_JUMP[b.kind]
    if (!jmp) throw new Error(`${s.f.name}: unsupported: amd64 branch for block kind ${b.kind}, outside the Go subset we model`)
    condBranch(s, b, next, (to) => s.br(jmp[0], to), (to) => s.br(jmp[1], to))
  },
}

/** Conditional block kinds → [jump if taken, inverted jump]. */
const BLOCK_JUMP: Record<string, [string, string]> = {
  EQ: ['JEQ', 'JNE'], NE: ['JNE', 'JEQ'], LT: ['JLT', 'JGE'], GE: ['JGE', 'JLT'], LE: ['JLE', 'JGT'], GT: ['JGT', 'JLE'],
  OS: ['JOS', 'JOC'], OC: ['JOC', 'JOS'], ULT: ['JCS', 'JCC'], UGE: ['JCC', 'JCS'], UGT: ['JHI', 'JLS'], ULE: ['JLS', 'JHI'],
  ORD: ['JPC', 'JPS'], NAN: ['JPS', 'JPC'],
}

type IndexJump = [string, number]

/** Floating-point EQ/NE need two jumps (parity flags NaN): jumps[0] when succs[0] follows, jumps[1] when succs[1] does. */
function combJump(s: GenState, b: Block, next: Block | null, jumps: [[IndexJump, IndexJump], [IndexJump, IndexJump]]): void {
  const all = (js: [IndexJump, IndexJump]) => () => js.forEach(([as, i]) => s.br(as, b.succs[i]!))
  condBranch(s, b, next, all(jumps[1]), all(jumps[0]))
}

/** LoweredZeroLoop: 64 bytes per iteration, counted down in the temp register, then the tail. */
function zeroLoop(s: GenState, v: Value): void {
  const ptr = s.argReg(v, 0)
  const count = s.regTmp(v)
  let n = v.auxInt64
  s.prog('MOVL', con(Math.floor(n / 64)), reg(count))
  let head: Prog | undefined
  for (let i = 0; i < 4; i++) {
    const q = s.prog('MOVUPS', reg('X15'), mem(ptr, i * 16))
    head ??= q
  }
  s.prog('ADDQ', con(64), reg(ptr))
  s.prog('DECL', NONE, reg(count))
  Object.assign(s.prog('JNE', NONE, { type: 'branch', target: head }), { short: true })
  n %= 64
  let off = 0
  for (; n >= 16; n -= 16, off += 16) s.prog('MOVUPS', reg('X15'), mem(ptr, off))
  if (n) s.prog('MOVUPS', reg('X15'), mem(ptr, off + n - 16))
}

/** LoweredMoveLoop: 64 bytes per iteration through X14, then the tail. */
function moveLoop(s: GenState, v: Value): void {
  const [dst, src] = [s.argReg(v, 0), s.argReg(v, 1)]
  if (dst === src) return
  const count = s.regTmp(v)
  const move16 = (o: number): Prog => {
    const q = s.prog('MOVUPS', mem(src, o), reg('X14'))
    s.prog('MOVUPS', reg('X14'), mem(dst, o))
    return q
  }
  let n = v.auxInt64
  s.prog('MOVL', con(Math.floor(n / 64)), reg(count))
  const head = move16(0)
  for (let i = 1; i < 4; i++) move16(i * 16)
  s.prog('ADDQ', con(64), reg(src))
  s.prog('ADDQ', con(64), reg(dst))
  s.prog('DECL', NONE, reg(count))
  Object.assign(s.prog('JNE', NONE, { type: 'branch', target: head }), { short: true })
  n %= 64
  let off = 0
  for (; n >= 16; n -= 16, off += 16) move16(off)
  if (n) move16(off + n - 16)
}

function call(s: GenState, v: Value, tail: boolean): void {
  s.maxarg = Math.max(s.maxarg, v.auxInt64)
  const to = v.aux?.kind === 'call' && v.aux.fn !== 'nil' ? ext(v.aux.fn) : reg(s.argReg(v, 0))
  s.prog(tail ? 'RET' : 'CALL', NONE, to)
}

/** Signed division: dividing the most negative int by -1 faults, so -1 is handled separately when needed. */
function divide(s: GenState, v: Value): void {
  const r = s.argReg(v, 1)
  const w = v.op.slice(3) as 'Q' | 'L' | 'W'
  let j2: Prog | undefined
  let j1: Prog | undefined
  if (v.auxInt === 0n) {
    s.prog('CMP' + w, reg(r), con(-1))
    j1 = s.prog('JNE', NONE, { type: 'branch' })
    s.prog('NEG' + w, NONE, reg('AX'))
    opregreg(s, 'XORL', 'DX', 'DX')
    j2 = s.prog('JMP', NONE, { type: 'branch' })
  }
  const sx = s.prog(w === 'Q' ? 'CQO' : w === 'L' ? 'CDQ' : 'CWD')
  if (j1) Object.assign(j1, { to: { type: 'branch', target: sx }, short: true })
  s.prog(opInfo(v.op, 'amd64').asm!, reg(r))
  if (j2) s.afterNext(j2)
}

function panicBounds(s: GenState, v: Value): void {
  const consts = v.aux?.kind === 'sym' ? v.aux.name.replace(/[{}]/g, '').trim().split(/\s+/).map((x) => BigInt(x)) : []
  const regIndex = (r: string): number => ['AX', 'CX', 'DX', 'BX', 'SP', 'BP', 'SI', 'DI', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15'].indexOf(r)
  const code = boundsPcdata(v, consts, (i) => regIndex(s.argReg(v, i)), (c, r) => {
    s.prog('MOVQ', con(c), reg(['AX', 'CX', 'DX', 'BX'][r]!))
  })
  s.prog('PCDATA', con(4), con(code))
  s.prog('CALL', NONE, ext('runtime.panicBounds'))
}

function bitsToFloat(bits: bigint): number {
  const buf = new DataView(new ArrayBuffer(8))
  buf.setBigUint64(0, BigInt.asUintN(64, bits))
  return buf.getFloat64(0)
}
export { bitsToFloat }

/** Whether a successor reads flags this block left (gc's b.FlagsLiveAtEnd after flagalloc). */
function flagsLiveAtEnd(b: Block): boolean {
  for (const s of b.succs) {
    const defined = new Set(s.values.filter((v) => v.type.kind === 'flags'))
    for (const v of s.values) for (const a of v.args) if (a.type.kind === 'flags' && !defined.has(a)) return true
    for (const c of s.controls) if (c.type.kind === 'flags' && !defined.has(c)) return true
  }
  return false
}
