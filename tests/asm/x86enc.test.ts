// The amd64 encoder's instruction lengths (what makes our pcs match gc's),
// checked on instructions gc emitted with the lengths gc gave them (pc
// deltas in `go tool compile -S` on our corpus), plus the byte-register
// and operand spelling of the listing.

import { describe, expect, it } from 'vitest'
import { addrText, con, mem, newProg, progText, reg } from '../../src-main/compiler/asm/prog'
import { byteReg, isByteOp, x86Len } from '../../src-main/compiler/asm/x86enc'
import { parseInst } from './asmtext'

/** [instruction as -S prints it, its length in bytes], from gc 1.26 amd64 output. */
const GC_LENGTHS: [string, number][] = [
  ['ADDL\t$-2147483648, CX', 6],
  ['ADDL\t$-5536, BX', 6],
  ['ADDQ\t$-10, AX', 4],
  ['ADDQ\t$-2, CX', 4],
  ['ADDSD\tX0, X4', 4],
  ['ADDSS\tX0, X4', 4],
  ['ANDL\t$-16, R8', 4],
  ['ANDL\t$1, DI', 3],
  ['ANDQ\t$-16, DX', 4],
  ['ANDQ\t$-16, R8', 4],
  ['BTL\t$0, CX', 4],
  ['BTL\t$3, AX', 4],
  ['CMOVQCC\tDX, SI', 4],
  ['CMOVQGT\tSI, BX', 4],
  ['CMOVQLT\tSI, BX', 4],
  ['CMOVQNE\tBX, CX', 4],
  ['CMOVQNE\tBX, DX', 4],
  ['CMPB\tAL, $7', 2],
  ['CMPB\tBL, $16', 3],
  ['CMPL\tAX, $7', 3],
  ['CMPL\tBX, AX', 2],
  ['CMPQ\t8(AX), $0', 5],
  ['CMPQ\tAX, $10', 4],
  ['CMPW\tAX, $7', 4],
  ['CMPW\tBX, AX', 3],
  ['CQO', 2],
  ['CVTSD2SS\tX0, X0', 4],
  ['CVTSL2SD\tCX, X2', 4],
  ['CVTSL2SD\tDX, X2', 4],
  ['CVTSL2SS\tAX, X1', 4],
  ['CVTSQ2SD\tAX, X1', 5],
  ['CVTSQ2SD\tCX, X0', 5],
  ['CVTSS2SD\tX0, X1', 4],
  ['CVTTSD2SQ\tX0, BX', 5],
  ['CVTTSD2SQ\tX0, CX', 5],
  ['CVTTSS2SL\tX0, BX', 4],
  ['CVTTSS2SL\tX0, DX', 4],
  ['DECL\tDX', 2],
  ['DECQ\tAX', 3],
  ['DECQ\tBX', 3],
  ['DIVQ\tDI', 3],
  ['IDIVQ\tBX', 3],
  ['IMUL3L\t$147, R9, CX', 7],
  ['IMUL3L\t$261, DX, DX', 6],
  ['IMUL3Q\t$613566757, CX, R8', 7],
  ['IMUL3Q\t$65541, DX, DX', 7],
  ['IMULL\tBX, R8', 4],
  ['IMULL\tDX, R8', 4],
  ['IMULQ\tAX, BX', 4],
  ['IMULQ\tAX, R9', 4],
  ['INCQ\t(AX)', 3],
  ['INCQ\tAX', 3],
  ['LEAL\t(BX)(AX*1), R12', 4],
  ['LEAL\t(BX)(SI*1), DX', 3],
  ['LEAQ\t(AX)(AX*1), AX', 4],
  ['LEAQ\t(AX)(AX*1), CX', 4],
  ['MOVB\t$-100, p.~r10+9(SP)', 5],
  ['MOVB\t$0, 14(AX)', 4],
  ['MOVBLZX\t(AX), CX', 3],
  ['MOVBLZX\t16(SP), BX', 5],
  ['MOVBQSX\tAL, AX', 4],
  ['MOVBQSX\tAL, BX', 4],
  ['MOVL\t$-100, p.~r10+12(SP)', 8],
  ['MOVL\t$-116, CX', 5],
  ['MOVLQSX\tAX, AX', 3],
  ['MOVLQSX\tAX, BX', 3],
  ['MOVQ\t$-1, AX', 7],
  ['MOVQ\t$-1, CX', 7],
  ['MOVSD\t$f64.3fd0000000000000(SB), X3', 8],
  ['MOVSD\t$f64.3ff0000000000000(SB), X1', 8],
  ['MOVSQ', 2],
  ['MOVSS\t$f32.3ec00000(SB), X2', 8],
  ['MOVSS\t$f32.3fa00000(SB), X1', 8],
  ['MOVUPS\t(BX), X14', 4],
  ['MOVUPS\t(CX), X14', 4],
  ['MOVW\t$-100, p.~r10+10(SP)', 7],
  ['MOVW\t$0, 12(AX)', 6],
  ['MOVWLZX\t16(SP), BX', 5],
  ['MOVWLZX\t20(SP), CX', 5],
  ['MOVWQSX\tAX, BX', 4],
  ['MOVWQSX\tCX, DX', 4],
  ['MULQ\tCX', 3],
  ['MULSD\tX0, X3', 4],
  ['MULSS\tX5, X0', 4],
  ['NEGL\tBX', 2],
  ['NEGQ\tAX', 3],
  ['NEGQ\tDX', 3],
  ['NOTL\tCX', 2],
  ['NOTL\tR11', 3],
  ['NOTQ\tBX', 3],
  ['NOTQ\tR11', 3],
  ['ORL\tCX, AX', 2],
  ['ORL\tDI, CX', 2],
  ['ORQ\tDI, AX', 3],
  ['ORQ\tR10, SI', 3],
  ['POPQ\tBP', 1],
  ['PUSHQ\tBP', 1],
  ['PXOR\tX0, X5', 4],
  ['RCRQ\t$1, DX', 3],
  ['REP', 1],
  ['ROLL\t$5, BX', 3],
  ['ROLL\tCX, BX', 2],
  ['ROLQ\t$13, AX', 4],
  ['ROLQ\tCX, DX', 3],
  ['SARB\t$1, R10B', 3],
  ['SARB\t$2, AL', 3],
  ['SARL\t$1, R10', 3],
  ['SARL\t$10, CX', 3],
  ['SARQ\t$1, DX', 3],
  ['SARQ\t$1, R10', 3],
  ['SARW\t$1, R10', 4],
  ['SARW\t$15, AX', 4],
  ['SBBL\tCX, CX', 2],
  ['SBBL\tR11, R11', 3],
  ['SBBQ\tR11, R11', 3],
  ['SETCC\tBL', 3],
  ['SETCS\tCL', 3],
  ['SETEQ\tCL', 3],
  ['SETEQ\tDIB', 4],
  ['SETGT\tAL', 3],
  ['SETGT\tCL', 3],
  ['SETHI\tCL', 3],
  ['SETHI\tR9B', 4],
  ['SETLE\tAL', 3],
  ['SETLE\tDL', 3],
  ['SETLS\tR8B', 4],
  ['SETLT\tCL', 3],
  ['SETNE\tAL', 3],
  ['SHLL\t$2, BX', 3],
  ['SHLL\t$2, DX', 3],
  ['SHLQ\t$2, AX', 4],
  ['SHLQ\t$2, DX', 4],
  ['SHRB\t$1, R11B', 3],
  ['SHRB\t$2, AL', 3],
  ['SHRL\t$1, R11', 3],
  ['SHRL\t$11, CX', 3],
  ['SHRQ\t$1, AX', 3],
  ['SHRQ\t$1, BX', 3],
  ['SHRW\t$1, R11', 4],
  ['SHRW\t$13, AX', 4],
  ['STOSQ', 2],
  ['SUBL\tCX, BX', 2],
  ['SUBL\tDX, R11', 3],
  ['SUBQ\t$112, SP', 4],
  ['SUBQ\t$130968, R12', 7],
  ['TESTB\tAL, (AX)', 2],
  ['TESTB\tAL, AL', 2],
  ['TESTL\tAX, AX', 2],
  ['TESTQ\tAX, AX', 3],
  ['TESTQ\tBX, BX', 3],
  ['TESTW\tAX, AX', 3],
  ['UCOMISD\tX0, X1', 4],
  ['XORL\t$1, AX', 3],
  ['XORL\t$1, CX', 3],
  ['XORPS\tX0, X0', 3],
  ['XORQ\tBX, SI', 3],
]

describe('amd64 instruction lengths', () => {
  it.each(GC_LENGTHS)('%s is %i bytes', (text, n) => {
    expect(x86Len(parseInst(text))).toBe(n)
  })

  it('refuses instructions it has no encoding for', () => {
    expect(() => x86Len(newProg('VPTERNLOGD', reg('X1'), reg('X2')))).toThrow(/no amd64 encoding for VPTERNLOGD/)
  })
})

describe('operand spelling', () => {
  it('prints registers, constants and memory operands as obj does', () => {
    expect(addrText(con(-2))).toBe('$-2')
    expect(addrText(mem('AX'))).toBe('(AX)')
    expect(addrText(mem('AX', -8, { index: 'BX', scale: 8 }))).toBe('-8(AX)(BX*8)')
    expect(addrText({ type: 'mem', name: 'auto', sym: 'p.t', offset: 0, reg: 'SP' })).toBe('p.t(SP)')
    expect(addrText({ type: 'mem', name: 'param', sym: 'p.xs', offset: 80 })).toBe('p.xs+80(FP)')
    expect(addrText({ type: 'mem', name: 'auto', sym: 'p.x', offset: -8, reg: 'R1' })).toBe('p.x-8(R1)')
    expect(addrText({ type: 'mem', name: 'extern', sym: 'type:int', offset: 0, addr: true })).toBe('$type:int(SB)')
    expect(addrText(mem('R3', 0, { index: 'R4', scale: 0 }))).toBe('(R3)(R4)')
    expect(addrText({ type: 'fconst', value: 1 })).toBe('$(1.0)')
  })

  it('joins From, Reg, RestArgs and To like WriteInstructionString', () => {
    const p = newProg('ADD', reg('R6'), reg('R6'))
    p.reg = 'R8'
    expect(progText(p)).toBe('ADD\tR6, R8, R6')
    const q = newProg('IMUL3Q', con(74899), reg('CX'))
    q.rest.push(reg('DX'))
    expect(progText(q)).toBe('IMUL3Q\t$74899, DX, CX')
    expect(progText(newProg('RET'))).toBe('RET')
  })

  it('names byte registers in byte-sized instructions', () => {
    expect(isByteOp('MOVB') && isByteOp('SETEQ') && isByteOp('CMPB')).toBe(true)
    expect(isByteOp('MOVBLZX') || isByteOp('MOVQ') || isByteOp('SHLQ')).toBe(false)
    expect(['AX', 'SI', 'DI', 'R10'].map(byteReg)).toEqual(['AL', 'SIB', 'DIB', 'R10B'])
  })
})
