// ppc64 code generation: gc's ppc64/ssa.go ssaGenValue/ssaGenBlock for the
// ops our subset produces (the assembler's part is ppc64obj.ts).

import type { Block, Value } from '../ssa/func'
import { opInfo } from '../ssa/opinfo'
import { bitsToFloat } from './amd64'
import { boundsPcdata } from './bounds'
import { condBranch, genPlainBlock, regWidth, type ArchGen, type GenState, type MemAddr } from './gen'
import { con, ext, mem, NONE, reg, type Addr } from './prog'

const FIXED_FRAME = 32

const isFloatType = (v: Value): boolean => v.type.kind === 'float'

export function loadByType(v: { float: boolean; size: number; signed: boolean }): string {
  if (v.float) return v.size === 4 ? 'FMOVS' : 'FMOVD'
  switch (v.size) {
    case 1: return v.signed ? 'MOVB' : 'MOVBZ'
    case 2: return v.signed ? 'MOVH' : 'MOVHZ'
    case 4: return v.signed ? 'MOVW' : 'MOVWZ'
  }
  return 'MOVD'
}

export function storeByType(v: { float: boolean; size: number }): string {
  if (v.float) return v.size === 4 ? 'FMOVS' : 'FMOVD'
  return ({ 1: 'MOVB', 2: 'MOVH', 4: 'MOVW' } as Record<number, string>)[v.size] ?? 'MOVD'
}

const typeInfo = (v: Value) => ({ float: isFloatType(v), size: regWidth(v.type), signed: v.type.kind === 'int' })

/** OP arg1, arg0, x. */
const BINARY = new Set(
  'ADD FADD FADDS SUB FSUB FSUBS MULLD MULLW DIVDU DIVWU SRAD SRAW SRD SRW SLD SLW ROTL ROTLW MULHD MULHW MULHDU MULHWU FMUL FMULS FDIV FDIVS FCPSGN AND OR ANDN ORN NOR XOR EQV MODUD MODSD MODUW MODSW XSMINJDP XSMAXJDP'.split(' '),
)
const BINARY_CC = new Set('ADDCC ANDCC SUBCC ORCC XORCC NORCC ANDNCC MULHDUCC'.split(' '))
/** OP arg0, x. */
const UNARY = new Set(
  'NEG FNEG FSQRT FSQRTS FFLOOR FTRUNC FCEIL FCTIDZ FCTIWZ FCFID FCFIDS FRSP CNTLZD CNTLZW POPCNTD POPCNTW POPCNTB MFVSRD MTVSRD FABS FNABS FROUND CNTTZW CNTTZD BRH BRW BRD MOVBreg MOVBZreg MOVHreg MOVHZreg MOVWreg MOVWZreg'.split(' '),
)
/** OP $auxint, arg0, x. */
const CONST_OP = new Set('ADDconst ORconst XORconst SRADconst SRAWconst SRDconst SRWconst SLDconst SLWconst EXTSWSLconst MULLWconst MULLDconst ANDconst ROTLconst ROTLWconst'.split(' '))
const LOAD = new Set('MOVHload MOVWZload MOVBZload MOVHZload FMOVDload FMOVSload'.split(' '))
const LOADIDX = new Set('MOVDloadidx MOVWloadidx MOVHloadidx MOVWZloadidx MOVBZloadidx MOVHZloadidx FMOVDloadidx FMOVSloadidx MOVDBRloadidx MOVWBRloadidx MOVHBRloadidx'.split(' '))
const STORE = new Set('MOVWstore MOVHstore MOVBstore FMOVDstore FMOVSstore'.split(' '))
const STOREIDX = new Set('MOVDstoreidx MOVWstoreidx MOVHstoreidx MOVBstoreidx FMOVDstoreidx FMOVSstoreidx MOVDBRstoreidx MOVWBRstoreidx MOVHBRstoreidx'.split(' '))
const STOREZERO = new Set('MOVWstorezero MOVHstorezero MOVBstorezero'.split(' '))
const CMP_RR = new Set('FCMPU CMP CMPW CMPU CMPWU'.split(' '))
const CMP_RC = new Set('CMPconst CMPUconst CMPWconst CMPWUconst'.split(' '))

const asmOf = (v: Value): string => {
  const a = opInfo(v.op, 'ppc64').asm
  if (!a) throw new Error(`${v.op} has no assembler mnemonic`)
  return a
}

const CR_BITS = ['LT', 'GT', 'EQ', 'SO']

/** gc's DecodePPC64RotateMask: [rotate, mb, me]. */
function rotateMask(aux: bigint): [number, number, number] {
  const a = Number(BigInt.asUintN(32, aux))
  const rotate = (a >>> 16) & 0xff
  const mb = (a >>> 8) & 0xff
  const nbits = (a >>> 24) & 0xff
  const me = ((a & 0xff) - 1) & (nbits - 1)
  return [rotate, mb, me]
}

const i8 = (n: number): number => ((n & 0xff) << 24) >> 24

export const ppc64Gen: ArchGen = {
  sp: 'R1',
  regName: (loc) => (loc === 'SP' ? 'R1' : loc),

  nop(s) {
    return s.prog('OR', con(0), reg('R0'))
  },

  genValue(s, v) {
    const op = v.op
    const p = (as: string, from: Addr = NONE, to: Addr = NONE, r?: string) => {
      const q = s.prog(as, from, to)
      if (r) q.reg = r
      return q
    }
    const r = () => s.reg(v)
    const a = (i: number) => s.argReg(v, i)
    if (BINARY.has(op)) return void p(asmOf(v), reg(a(1)), reg(r()), a(0))
    if (BINARY_CC.has(op)) return void p(asmOf(v), reg(a(1)), reg(s.regN(v, 0)), a(0))
    if (UNARY.has(op)) return void p(asmOf(v), reg(a(0)), reg(r()))
    if (CONST_OP.has(op)) return void p(asmOf(v), con(v.auxInt), reg(r()), a(0))
    if (LOAD.has(op)) return void p(asmOf(v), s.addAux(mem(a(0)), v), reg(r()))
    if (LOADIDX.has(op)) return void p(asmOf(v), mem(a(0), 0, { index: a(1), scale: 0 }), reg(r()))
    if (STORE.has(op)) return void p(asmOf(v), reg(a(1)), s.addAux(mem(a(0)), v))
    if (STOREIDX.has(op)) return void p(asmOf(v), reg(a(2)), mem(a(0), 0, { index: a(1), scale: 0 }))
    if (STOREZERO.has(op)) return void p(asmOf(v), reg('R0'), s.addAux(mem(a(0)), v))
    if (CMP_RR.has(op)) return void p(asmOf(v), reg(a(0)), reg(a(1)))
    if (CMP_RC.has(op)) return void p(asmOf(v), reg(a(0)), con(v.auxInt))
    switch (op) {
      case 'Copy': {
        if (v.type.kind === 'mem') return
        if (a(0) !== r()) p(isFloatType(v) ? 'FMOVD' : 'MOVD', reg(a(0)), reg(r()))
        return
      }
      case 'LoadReg':
        return void p(loadByType(typeInfo(v)), s.autoAddr(v.args[0]!), reg(r()))
      case 'StoreReg':
        return void p(storeByType(typeInfo(v)), reg(a(0)), s.autoAddr(v))
      case 'ArgIntReg':
      case 'ArgFloatReg':
      case 'LoweredGetClosurePtr':
      case 'LoweredRound32F':
      case 'LoweredRound64F':
        return
      case 'DIVD':
      case 'DIVW': {
        // Dividing by -1 is a negation (the instruction's result is undefined for MinInt / -1).
        const [x, r0, r1] = [r(), a(0), a(1)]
        p(op === 'DIVD' ? 'CMP' : 'CMPW', reg(r1), con(-1))
        const ahead = p('BEQ', NONE, { type: 'branch' })
        p(op, reg(r1), reg(x), r0)
        const over = p('JMP', NONE, { type: 'branch' })
        ahead.to = { type: 'branch', target: p('NEG', reg(r0), reg(x)) }
        over.to = { type: 'branch', target: p('NOP') }
        return
      }
      case 'CLRLSLWI':
      case 'CLRLSLDI': {
        const q = p(asmOf(v), con(i8(Number(v.auxInt >> 8n))), reg(r()), a(0))
        q.rest.push(con(i8(Number(v.auxInt >> 16n))))
        return
      }
      case 'NEGCC':
      case 'CNTLZDCC':
        return void p(asmOf(v), reg(a(0)), reg(s.regN(v, 0)))
      case 'RLWINM':
      case 'RLWMI': {
        const [sh, mb, me] = rotateMask(v.auxInt)
        const q = p(asmOf(v), con(sh), reg(r()), a(0))
        q.rest.push(con(mb), con(me))
        return
      }
      case 'RLDICL':
      case 'RLDICLCC':
      case 'RLDICR': {
        const [sh, mb, me] = rotateMask(v.auxInt)
        const q = p(asmOf(v), con(sh), reg(op === 'RLDICLCC' ? s.regN(v, 0) : r()), a(0))
        q.rest.push(con(op === 'RLDICR' ? me : mb))
        return
      }
      case 'RLWNM': {
        const [, mb, me] = rotateMask(v.auxInt)
        const q = p(asmOf(v), reg(a(1)), reg(r()), a(0))
        q.rest.push(con(mb), con(me))
        return
      }
      case 'MADDLD': {
        const q = p(asmOf(v), reg(a(0)), reg(r()), a(1))
        q.rest.push(reg(a(2)))
        return
      }
      case 'FMADD':
      case 'FMADDS':
      case 'FMSUB':
      case 'FMSUBS': {
        const q = p(asmOf(v), reg(a(0)), reg(r()), a(2))
        q.rest.push(reg(a(1)))
        return
      }
      case 'ADDCconst':
      case 'ADDCCconst':
      case 'ANDCCconst':
        return void p(asmOf(v), con(v.auxInt), reg(s.regN(v, 0)), a(0))
      case 'SUBCconst':
      case 'SUBFCconst': {
        const q = p(asmOf(v), reg(a(0)), reg(op === 'SUBCconst' ? s.regN(v, 0) : r()))
        q.rest.push(con(v.auxInt))
        return
      }
      // math/bits.Add64 / Sub64: the carry bit CA read into a register, or added to one.
      case 'ADDZE':
        return void p(asmOf(v), reg(a(0)), reg(s.regN(v, 0)))
      case 'ADDZEzero': case 'SUBZEzero':
        return void p(asmOf(v), reg('R0'), reg(r()))
      case 'ADDC': case 'ADDE': case 'SUBC': case 'SUBE':
        return void p(asmOf(v), reg(a(1)), reg(s.regN(v, 0)), a(0))
      case 'MOVDaddr': {
        if (!v.aux) {
          if (v.auxInt !== 0n || a(0) !== r()) p('MOVD', mem(a(0), v.auxInt64, { addr: true }), reg(r()))
          return
        }
        const from = s.addAux(baseMem(s, v, 0), v)
        from.addr = true
        return void p('MOVD', from, reg(r()))
      }
      case 'MOVDconst':
        return void p(asmOf(v), con(v.auxInt), reg(r()))
      case 'FMOVDconst':
      case 'FMOVSconst':
        return void p(asmOf(v), { type: 'fconst', value: bitsToFloat(v.auxInt) }, reg(r()))
      case 'MOVDload':
      case 'MOVWload': {
        // DS-form loads need an offset that is a multiple of 4; otherwise the address goes to R31 first.
        const from = s.addAux(baseMem(s, v, 0), v)
        const ext = from.name === 'extern' || from.name === 'static'
        if (ext ? (from.sym ?? '').startsWith('go:string') || v.type.align % 4 !== 0 || from.offset % 4 !== 0 : from.offset % 4 !== 0) {
          p('MOVD', { ...from, addr: true }, reg('R31'))
          return void p(asmOf(v), mem('R31'), reg(r()))
        }
        return void p(asmOf(v), from, reg(r()))
      }
      case 'MOVDstore':
      case 'MOVDstorezero': {
        const to = s.addAux(baseMem(s, v, 0), v)
        const src = reg(op === 'MOVDstorezero' ? 'R0' : a(1))
        if (to.offset % 4 !== 0) {
          p('MOVD', { ...to, addr: true }, reg('R31'))
          return void p('MOVD', src, mem('R31'))
        }
        return void p('MOVD', src, to)
      }
      case 'ISEL':
      case 'ISELZ': {
        let [r1, r2] = [a(0), op === 'ISEL' ? a(1) : 'R0']
        if (v.auxInt > 3n) [r1, r2] = [r2, r1]
        const q = p(asmOf(v), con(v.auxInt & 3n), reg(r()), r1)
        q.rest.push(reg(r2))
        return
      }
      case 'SETBC':
      case 'SETBCR': {
        const n = v.auxInt64
        return void p(asmOf(v), reg(`CR${n >> 2}${CR_BITS[n & 3]}`), reg(r()))
      }
      case 'LoweredZero':
      case 'LoweredZeroShort':
        return zero(s, v)
      case 'LoweredMove':
      case 'LoweredMoveShort':
        return move(s, v)
      case 'CALLstatic':
      case 'CALLtail': {
        s.maxarg = Math.max(s.maxarg, v.auxInt64)
        if (v.aux?.kind !== 'call') throw new Error(`${s.f.name}: ${op} without a target`)
        return void p(op === 'CALLtail' ? 'RET' : 'CALL', NONE, ext(v.aux.fn))
      }
      case 'CALLclosure':
      case 'CALLinter': {
        s.maxarg = Math.max(s.maxarg, v.auxInt64)
        p('MOVD', reg(a(0)), reg('LR'))
        const q = p('BCL', con(20), reg('LR'), 'CR0LT')
        q.rest.push(con(1))
        return
      }
      case 'LoweredWB':
        return void p('CALL', NONE, ext(`runtime.gcWriteBarrier${v.auxInt}`))
      case 'LoweredPanicBoundsRR':
      case 'LoweredPanicBoundsRC':
      case 'LoweredPanicBoundsCR':
      case 'LoweredPanicBoundsCC': {
        const consts = v.aux?.kind === 'sym' ? v.aux.name.replace(/[{}]/g, '').trim().split(/\s+/).map((x) => BigInt(x)) : []
        const code = boundsPcdata(v, consts, (i) => Number(a(i).slice(1)) - 3, (c, n) => void p('MOVD', con(c), reg(`R${3 + n}`)))
        p('PCDATA', con(4), con(code))
        return void p('CALL', NONE, ext('runtime.panicBounds'))
      }
      case 'MOVDBRload': case 'MOVWBRload': case 'MOVHBRload':
        return void p(asmOf(v), mem(a(0)), reg(r()))
      case 'MOVDBRstore': case 'MOVWBRstore': case 'MOVHBRstore':
        return void p(asmOf(v), reg(a(1)), mem(a(0)))
      case 'LoweredAtomicLoad8': case 'LoweredAtomicLoad32': case 'LoweredAtomicLoad64': case 'LoweredAtomicLoadPtr': {
        // load; compare with itself; branch to the next instruction; isync: an acquire load.
        const out = s.regN(v, 0)
        if (v.auxInt === 1n) p('SYNC')
        p(op === 'LoweredAtomicLoad8' ? 'MOVBZ' : op === 'LoweredAtomicLoad32' ? 'MOVWZ' : 'MOVD', mem(a(0)), reg(out))
        p(op === 'LoweredAtomicLoad32' ? 'CMPW' : 'CMP', reg(out), reg(out))
        const bne = p('BNE', NONE, { type: 'branch' })
        bne.to = { type: 'branch', target: p('ISYNC') }
        return
      }
      case 'LoweredNilCheck':
        // A byte load that faults on nil.
        return void p('MOVBZ', s.addAux(mem(a(0)), v), reg('R31'))
      case 'LoweredGetCallerSP':
        return void p('MOVD', { type: 'mem', name: 'param', offset: -FIXED_FRAME, addr: true }, reg(r()))
      case 'LoweredGetCallerPC':
        return void p('GETCALLERPC', NONE, reg(r()))
    }
    throw new Error(`${s.f.name}: unsupported: ppc64 code for ${op} (${v.ref}), an op outside the Go subset we model`)
  },

  genBlock(s, b, next) {
    if (genPlainBlock(s, b, next)) return
    const j = BLOCK_JUMP[b.kind]
    if (!j) throw new Error(`${s.f.name}: unsupported: ppc64 branch for block kind ${b.kind}, outside the Go subset we model`)
    const [asm, inv, asmeq, invun] = j
    const taken = (to: Block) => {
      s.br(asm, to)
      if (asmeq) s.br('BEQ', to)
    }
    const inverted = (to: Block) => {
      s.br(inv, to)
      if (invun) s.br('BVS', to)
    }
    condBranch(s, b, next, taken, inverted)
  },
}

/** A memory operand on arg i; SB-based symbols have no base register. */
function baseMem(s: GenState, v: Value, i: number): MemAddr {
  return v.args[i]?.op === 'SB' ? { type: 'mem', name: 'none', offset: 0 } : mem(s.argReg(v, i))
}

/** Block kind → [jump, inverted jump, also BEQ when taken, also BVS when not taken]. */
const BLOCK_JUMP: Record<string, [string, string, boolean, boolean]> = {
  EQ: ['BEQ', 'BNE', false, false], NE: ['BNE', 'BEQ', false, false],
  LT: ['BLT', 'BGE', false, false], GE: ['BGE', 'BLT', false, false],
  LE: ['BLE', 'BGT', false, false], GT: ['BGT', 'BLE', false, false],
  FLT: ['BLT', 'BGE', false, false], FGE: ['BGT', 'BLT', true, true],
  FLE: ['BLT', 'BGT', true, true], FGT: ['BGT', 'BLE', false, false],
}

/** LoweredZero: a 32-byte VSX loop when long, then doubleword/word/half/byte stores. */
function zero(s: GenState, v: Value): void {
  const ptr = s.argReg(v, 0)
  const ctr = Math.floor(v.auxInt64 / 32)
  let rem = v.auxInt64 % 32
  const P = (as: string, from: Addr = NONE, to: Addr = NONE, r?: string) => {
    const q = s.prog(as, from, to)
    if (r) q.reg = r
    return q
  }
  if (ctr > 1) {
    P('XXLXOR', reg('VS32'), reg('VS32'), 'VS32')
    P('MOVD', con(ctr), reg('R31'))
    P('MOVD', reg('R31'), reg('CTR'))
    P('MOVD', con(16), reg('R31'))
    if (ctr > 3) P('PCALIGN', con(16))
    const top = P('STXVD2X', reg('VS32'), mem(ptr, 0, { index: 'R0', scale: 0 }))
    P('STXVD2X', reg('VS32'), mem(ptr, 0, { index: 'R31', scale: 0 }))
    P('ADD', con(32), reg(ptr), ptr)
    P('BC', con(16), { type: 'branch', target: top }, 'CR0LT')
  }
  if (ctr === 1) rem += 32
  let off = 0
  while (rem > 0) {
    const [as, size] = rem >= 8 ? ['MOVD', 8] : rem >= 4 ? ['MOVW', 4] : rem >= 2 ? ['MOVH', 2] : ['MOVB', 1]
    P(as as string, reg('R0'), mem(ptr, off))
    rem -= size as number
    off += size as number
  }
}

/** LoweredMove: a 32-byte VSX loop when long, then 16-byte VSX copies and scalar copies through R31. */
function move(s: GenState, v: Value): void {
  const [dst, src] = [s.argReg(v, 0), s.argReg(v, 1)]
  const ctr = Math.floor(v.auxInt64 / 32)
  let rem = v.auxInt64 % 32
  const P = (as: string, from: Addr = NONE, to: Addr = NONE, r?: string) => {
    const q = s.prog(as, from, to)
    if (r) q.reg = r
    return q
  }
  const idx = (b: string, i: string) => mem(b, 0, { index: i, scale: 0 })
  let off = 0
  if (ctr > 1) {
    P('MOVD', con(ctr), reg('R31'))
    P('MOVD', reg('R31'), reg('CTR'))
    P('MOVD', con(16), reg('R31'))
    if (ctr > 3) P('PCALIGN', con(16))
    const top = P('LXVD2X', idx(src, 'R0'), reg('VS32'))
    P('LXVD2X', idx(src, 'R31'), reg('VS33'))
    P('ADD', con(32), reg(src), src)
    P('STXVD2X', reg('VS32'), idx(dst, 'R0'))
    P('STXVD2X', reg('VS33'), idx(dst, 'R31'))
    P('ADD', con(32), reg(dst), dst)
    P('BC', con(16), { type: 'branch', target: top }, 'CR0LT')
  }
  if (ctr === 1) rem += 32
  if (rem >= 16) {
    P('LXVD2X', idx(src, 'R0'), reg('VS32'))
    P('STXVD2X', reg('VS32'), idx(dst, 'R0'))
    off = 16
    rem -= 16
    if (rem >= 16) {
      P('MOVD', con(16), reg('R31'))
      P('LXVD2X', idx(src, 'R31'), reg('VS32'))
      P('STXVD2X', reg('VS32'), idx(dst, 'R31'))
      off = 32
      rem -= 16
    }
  }
  while (rem > 0) {
    const [as, size] = rem >= 8 ? ['MOVD', 8] : rem >= 4 ? ['MOVWZ', 4] : rem >= 2 ? ['MOVH', 2] : ['MOVB', 1]
    P(as as string, mem(src, off), reg('R31'))
    P(as as string, reg('R31'), mem(dst, off))
    rem -= size as number
    off += size as number
  }
}
