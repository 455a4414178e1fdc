// cmd/internal/obj/ppc64 for the listing: obj9.go's preprocess (the stack
// check with morestack ahead of the frame, LR save and restore, RET
// expansion), progedit's constant rewrites, and asm9.go's instruction sizes
// for GOPPC64=power8. R1-relative offsets print as the compiler wrote them.

import type { MemAddr } from './gen'
import type { ObjInput, ObjOutput } from './obj'
import { loadByType, storeByType } from './ppc64'
import { con, ext, mem, NONE, newProg, reg, type Addr, type Prog } from './prog'

const FIXED_FRAME = 32
const STACK_SMALL = 128
const STACK_BIG = 4096
const BIG = 32767

const at = (line: number, p: Prog): Prog => ((p.line = line), p)

export function objPpc64(inp: ObjInput): ObjOutput {
  const { text, body, regArgs, funcLine } = inp
  const textstksiz = text.to.type === 'textsize' ? text.to.frame : 0
  const attrs = new Set(inp.attrs)
  const leaf = !body.some((p) => p.as === 'CALL' || p.as === 'BCL')
  if (leaf) attrs.add('LEAF')
  let autosize = textstksiz
  if (leaf && autosize === 0) attrs.add('NOFRAME')
  if (!attrs.has('NOFRAME')) autosize += FIXED_FRAME
  if (leaf && autosize < STACK_SMALL) attrs.add('NOSPLIT')
  text.to = { type: 'textsize', frame: autosize, args: text.to.type === 'textsize' ? text.to.args : 0 }

  const P = (as: string, from: Addr = NONE, to: Addr = NONE, r?: string) => {
    const q = at(funcLine, newProg(as, from, to))
    if (r) q.reg = r
    return q
  }
  const out: Prog[] = [text]
  if (!attrs.has('NOSPLIT')) {
    const start = P('MOVD', mem('g', 16), reg('R22'))
    out.push(start, P('PCDATA', con(0), con(-2)))
    const end = P('NOP')
    let bigBlt: Prog | undefined
    if (autosize <= STACK_SMALL) out.push(P('CMPU', reg('R22'), reg('R1')))
    else {
      const offset = autosize - STACK_SMALL
      if (autosize > STACK_BIG) {
        // Guard against SP - framesize wrapping around.
        if (offset <= 0xffff) out.push(P('CMPU', reg('R1'), con(offset)))
        else out.push(P('MOVD', con(offset), reg('R23')), P('CMPU', reg('R1'), reg('R23')))
        bigBlt = P('BLT', NONE, { type: 'branch' })
        out.push(bigBlt)
      }
      out.push(P('ADD', con(-offset), reg('R23'), 'R1'), P('CMPU', reg('R22'), reg('R23')))
    }
    const placeholder = P('NOP')
    if (bigBlt) bigBlt.to = { type: 'branch', target: placeholder }
    out.push(P('BLT', NONE, { type: 'branch', target: end }), placeholder)
    out.push(
      ...regArgs.map((a) => P(storeByType(a), reg(a.reg), mem('R1', a.offset + FIXED_FRAME))),
      P('MOVD', reg('LR'), reg('R5')),
      P('PCDATA', con(1), con(-1)),
      P('CALL', NONE, ext(attrs.has('NEEDCTXT') ? 'runtime.morestack' : 'runtime.morestack_noctxt')),
      P('PCDATA', con(0), con(-1)),
      ...regArgs.map((a) => P(loadByType(a), mem('R1', a.offset + FIXED_FRAME), reg(a.reg))),
      P('JMP', NONE, { type: 'branch', target: start }),
      end,
    )
  }
  if (autosize) {
    if (autosize <= BIG) out.push(P('MOVD', reg('LR'), reg('R31')), P('MOVDU', reg('R31'), mem('R1', -autosize)))
    else out.push(P('MOVD', reg('LR'), reg('R29')), P('MOVD', con(-autosize), reg('R31')), P('MOVDU', reg('R29'), mem('R31', 0, { index: 'R1', scale: 0 })))
  }

  // progedit runs on the compiler's Progs before preprocess adds the prologue and epilogue.
  for (const p of body.flatMap(progedit)) {
    if (p.as === 'RET') {
      out.push(...epilogue(p, leaf, autosize))
      continue
    }
    if (p.as === 'GETCALLERPC') {
      p.as = 'MOVD'
      p.from = leaf ? reg('LR') : mem('R1')
    }
    out.push(p)
  }
  const final: Prog[] = []
  for (const p of out) {
    // Autos and params are addressed off R1 (the listing prints it even for NAME_PARAM).
    for (const a of [p.from, p.to]) if (a.type === 'mem' && (a.name === 'auto' || a.name === 'param') && !a.reg) a.reg = 'R1'
    final.push(p)
  }
  const size = span(final, autosize)
  return { progs: final, size, attrs: [...attrs], frame: autosize, locals: textstksiz }
}

/** RET: restore LR and pop the frame, then branch to LR (or tail-jump to a symbol). */
function epilogue(p: Prog, leaf: boolean, autosize: number): Prog[] {
  const same = (as: string, from: Addr = NONE, to: Addr = NONE) => Object.assign(newProg(as, from, to), { line: p.line, value: p.value, block: p.block })
  const target: Addr = p.to.type === 'mem' && p.to.sym ? { type: 'branch', sym: p.to.sym } : reg('LR')
  const br = same('JMP', NONE, target)
  const seq: Prog[] = []
  if (!leaf) seq.push(same('MOVD', mem('R1'), reg('R31')), same('MOVD', reg('R31'), reg('LR')))
  if (autosize) seq.push(same('ADD', con(autosize), reg('R1')))
  seq.push(br)
  // The RET Prog stays first, so branches to it still land on the epilogue.
  Object.assign(p, { as: seq[0]!.as, from: seq[0]!.from, to: seq[0]!.to })
  return [p, ...seq.slice(1)]
}

/** progedit: float constants load from symbols; constants too wide for an immediate change form. */
function progedit(p: Prog): Prog[] {
  const f = p.from
  if (f.type === 'fconst') {
    if (p.as === 'FMOVS') p.from = ext(`$f32.${hex(f.value, 4)}`)
    else if (p.as === 'FMOVD' && !Object.is(f.value, 0)) p.from = ext(`$f64.${hex(f.value, 8)}`)
    return [p]
  }
  if (f.type !== 'const') return [p]
  const c = f.value
  const lo16zero = (c & 0xffffn) === 0n && c !== 0n
  const isS32 = c === BigInt.asIntN(32, c)
  const isU32 = c === BigInt.asUintN(32, c)
  if ((p.as === 'MOVW' || p.as === 'MOVWZ') && lo16zero) {
    p.as = c >= 0x80000000n ? 'ORIS' : 'ADDIS'
    p.reg = 'R0'
    p.from = con(c >> 16n)
    return [p]
  }
  if (p.as === 'MOVD' && !p.reg && p.to.type === 'reg') {
    if (isS32 && lo16zero) return [Object.assign(p, { as: 'ADDIS', reg: 'R0', from: con(c >> 16n) })]
    if (isU32 && lo16zero) return [Object.assign(p, { as: 'ORIS', reg: 'R0', from: con(c >> 16n) })]
    if (isS32 || isU32) return [p]
    const tz = trailingZeros(c)
    const mask = 0xffffn << BigInt(tz)
    if ((c & mask) === c || (c >> BigInt(tz + 16) === -1n && (c >> BigInt(tz)) << BigInt(tz) === c)) {
      p.from = con(c >> BigInt(tz))
      const q = Object.assign(newProg('SLD', con(tz), p.to), { line: p.line, value: p.value, block: p.block })
      return [p, q]
    }
    const m = doublewordRotateMask(c)
    if (m) {
      p.from = con(-1)
      const q = Object.assign(newProg('RLDC', p.to, p.to), { line: p.line, value: p.value, block: p.block })
      q.rest.push(con(~BigInt(m[1]) & 0x3fn), con(m[0]))
      return [p, q]
    }
    p.from = ext(`$i64.${BigInt.asUintN(64, c).toString(16).padStart(16, '0')}`)
    return [p]
  }
  if (p.as === 'SUB') {
    p.as = 'ADD'
    p.from = con(-c)
    return progedit(p)
  }
  if (p.as === 'SUBC') return [Object.assign(p, { as: 'ADDC', from: con(-c) })]
  if (p.as === 'ADD' && c !== 0n && isS32) {
    if ((c & 0xffffn) === 0n) return [Object.assign(p, { as: 'ADDIS', from: con(c >> 16n) })]
    if ((c < -0x8000n) || (c > 0xffffn && c < 0x7fff8000n)) {
      const hi = (c >> 16n) + ((c >> 15n) & 1n)
      const lo = BigInt.asIntN(16, c)
      const dst = p.to
      Object.assign(p, { as: 'ADDIS', from: con(hi) })
      const q = Object.assign(newProg('ADD', con(lo), dst), { line: p.line, value: p.value, block: p.block, reg: dst.type === 'reg' ? dst.reg : undefined })
      return [p, q]
    }
    return [p]
  }
  const highOnly = (BigInt.asUintN(64, c) & 0xffffffff0000ffffn) === 0n && c !== 0n
  if (p.as === 'OR' && highOnly) return [Object.assign(p, { as: 'ORIS', from: con(c >> 16n) })]
  if (p.as === 'XOR' && highOnly) return [Object.assign(p, { as: 'XORIS', from: con(c >> 16n) })]
  if (p.as === 'ANDCC' && highOnly) return [Object.assign(p, { as: 'ANDISCC', from: con(c >> 16n) })]
  return [p]
}

function trailingZeros(c: bigint): number {
  let u = BigInt.asUintN(64, c)
  if (u === 0n) return 64
  let n = 0
  while ((u & 1n) === 0n) {
    u >>= 1n
    n++
  }
  return n
}

/** [mb, me] of a contiguous, possibly wrapping, run of ones (isPPC64DoublewordRotateMask + encodePPC64RLDCMask). */
function doublewordRotateMask(c: bigint): [number, number] | null {
  const u64 = (x: bigint) => BigInt.asUintN(64, x)
  const v = u64(c)
  const vp = u64((v & u64(-v)) + v)
  const vn = u64(~v)
  const vpn = u64((vn & u64(-vn)) + vn)
  if (!((v & vp) === 0n || (vn & vpn) === 0n) || v === 0n) return null
  const lz = (x: bigint) => (x === 0n ? 64 : 64 - x.toString(2).length)
  let mb = lz(v)
  let me = 64 - trailingZeros(v)
  if (mb === 0 && me === 64) [mb, me] = [64 - trailingZeros(vn), lz(vn)]
  return [mb, me - 1]
}

function hex(f: number, bytes: 4 | 8): string {
  const d = new DataView(new ArrayBuffer(8))
  if (bytes === 4) {
    d.setFloat32(0, f)
    return d.getUint32(0).toString(16).padStart(8, '0')
  }
  d.setFloat64(0, f)
  return d.getBigUint64(0).toString(16).padStart(16, '0')
}

const fitsS16 = (c: bigint): boolean => c >= -0x8000n && c <= 0x7fffn
const fitsU16 = (c: bigint): boolean => c >= 0n && c <= 0xffffn

/** The effective SP-relative offset asm9 encodes for an auto or param operand. */
function effOffset(a: MemAddr, autosize: number): number {
  if (a.name === 'auto') return autosize + a.offset
  if (a.name === 'param') return autosize + a.offset + FIXED_FRAME
  return a.offset
}

const fitsU32 = (c: bigint): boolean => c === BigInt.asUintN(32, c)

/** Sign-extending byte loads are lbz + extsb. */
const isLoad = (p: Prog): boolean => p.from.type === 'mem' && !p.from.addr && p.to.type === 'reg'

/** asm9's size for one Prog (optab `size`, GOPPC64=power8): 4 for nearly everything. */
function ppc64Len(p: Prog, autosize: number): number {
  if (p.as === 'TEXT' || p.as === 'PCDATA' || p.as === 'FUNCDATA' || p.as === 'NOP' || p.as === 'PCALIGN') return 0
  if (p.as === 'CALL' || p.as === 'JMP' || p.as === 'BL') return 4
  const extra = p.as === 'MOVB' && isLoad(p) ? 4 : 0
  for (const a of [p.from, p.to]) {
    if (a.type !== 'mem') continue
    // Symbol addresses and loads/stores need an addis first; so do offsets beyond 16 bits.
    if (a.name === 'extern' || a.name === 'static') return 8 + extra
    if (!fitsS16(BigInt(effOffset(a, autosize)))) return 8 + extra
  }
  const c = p.from.type === 'const' ? p.from.value : undefined
  if (c === undefined) return 4 + extra
  switch (p.as) {
    case 'MOVD':
    case 'MOVW':
    case 'MOVWZ':
      return fitsS16(c) || fitsU16(c) ? 4 : 8
    case 'ADD':
      return fitsS16(c) ? 4 : fitsU16(c) ? 8 : 12
    case 'MULLD':
    case 'MULLW':
    case 'ADDC':
    case 'SUBC':
      return fitsS16(c) ? 4 : 12
    case 'OR':
    case 'XOR':
    case 'ANDCC':
      return fitsU16(c) ? 4 : fitsS16(c) ? 8 : fitsU32(c) && p.as !== 'ANDCC' ? 8 : 12
  }
  return 4
}

/** asm9's span: 4-byte instructions, PCALIGN padding. */
function span(progs: Prog[], autosize: number): number {
  let c = 0
  for (const p of progs) {
    if (p.as === 'PCALIGN' && p.from.type === 'const') {
      const a = Number(p.from.value)
      p.pc = c
      p.size = (a - (c % a)) % a
      c += p.size
      continue
    }
    p.pc = c
    p.size = ppc64Len(p, autosize)
    c += p.size
  }
  return c
}
