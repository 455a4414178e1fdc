// The listing on gc's own functions after trim, against what gc printed
// for them (go tool compile -S), with no go needed: gc's dump and listing
// are inlined. We leave out the liveness-derived lines gc prints
// (FUNCDATA $0/$1/$6 stack-map symbols, PCDATA $3 and the PCDATA $1
// stack-map indexes at calls).

import { describe, expect, it } from 'vitest'
import { assembleFunc, formatListing, type FrameLayout } from '../../src-main/compiler/asm'
import { frameLayoutOf } from '../../src-main/compiler/asm/frame'
import { boundsPcdata } from '../../src-main/compiler/asm/bounds'
import { abiOf, regPieces } from '../../src-main/compiler/asm/signature'
import { abiAnalyze, argWidth, frameOffset, parseSignature, regName, type AbiParam } from '../../src-main/compiler/ssa/abi'
import { Func } from '../../src-main/compiler/ssa/func'
import { bytePtr, parseType, T } from '../../src-main/compiler/ssa/types'
import { parseSsaDump } from '../../src-main/gcbridge/ssadump'
import { dumpTemps, trimFunc } from './gclisting'

/** gc's listing without the lines that need liveness (which the listing does not model). */
const withoutLiveness = (listing: string): string =>
  listing
    .split('\n')
    .filter((l) => !/\t(FUNCDATA\t\$[016],|PCDATA\t\$3,|PCDATA\t\$1, \$(?!-1))/.test(l))
    .join('\n') + '\n'

function listing(dump: string, arch: string, frame: FrameLayout, line: number): string {
  const d = parseSsaDump(dump)
  const f = trimFunc(d, arch)
  return formatListing(assembleFunc(f, frame, { pkg: 'p', line, temps: dumpTemps(d) }), 'x.go')
}

const vars = (entries: [string, number, boolean][]): FrameLayout['vars'] => new Map(entries.map(([n, offset, param]) => [n, { offset, param }]))

const GROW_AMD64 = `grow func([]int, int) []int
  b1:
    (-14) v4 = ArgIntReg <int> {xs+16} [2] : CX (xs+16[int])
    (-14) v30 = ArgIntReg <int> {xs+8} [1] : BX (xs+8[int])
    (14) v8 = ArgIntReg <int> {v+0} [3] : DI (v[int])
    (-14) v31 = ArgIntReg <*int> {xs+0} [0] : AX (xs[*int])
    (?) v1 = InitMem <mem>
    (+14) v14 = ADDQconst <int> [1] v30 : BX
    (14) v34 = CMPQ <flags> v4 v14
    ULT v34 -> b2 b3 (unlikely)
  b2: <- b1
    (14) v17 = StoreReg <int> v8 : v[int]
    (?) v3 = SB <uintptr> : SB
    (-14) v29 = MOVQconst <int> [1] : DI
    (-14) v5 = LEAQ <*uint8> {type:int} v3 : SI
    (14) v18 = CALLstatic <*uint8,int,int,mem> {AuxCall{runtime.growslice}} [64] v31 v14 v4 v29 v5 v1 : <AX,BX,CX>
    (14) v36 = SelectN <*int> [0] v18 : AX
    (-14) v37 = SelectN <int> [1] v18 : BX
    (-14) v38 = SelectN <int> [2] v18 : CX
    (14) v19 = SelectN <mem> [3] v18
    (-14) v28 = LoadReg <int> v17 : DI
    Plain -> b3
  b3: <- b1 b2
    (14) v25 = Phi <int> v14 v37 : BX
    (14) v24 = Phi <*int> v31 v36 : AX
    (14) v26 = Phi <int> v4 v38 : CX
    (14) v32 = Phi <mem> v1 v19
    (14) v33 = MOVQstoreidx8 <mem> [-8] v24 v25 v8 v32
    (14) v35 = MakeResult <*uint8,int,int,mem> v24 v25 v26 v33 : <>
    Ret v35
name v[int]: [v8]
name xs[*int]: [v31]
name xs+8[int]: [v30]
name xs+16[int]: [v4]`

const GROW_AMD64_GC = `p.grow STEXT size=112 args=0x20 locals=0x48 funcid=0x0 align=0x0
	0x0000 00000 (x.go:13)	TEXT	p.grow(SB), ABIInternal, \$72-32
	0x0000 00000 (x.go:13)	CMPQ	SP, 16(R14)
	0x0004 00004 (x.go:13)	PCDATA	\$0, \$-2
	0x0004 00004 (x.go:13)	JLS	65
	0x0006 00006 (x.go:13)	PCDATA	\$0, \$-1
	0x0006 00006 (x.go:13)	PUSHQ	BP
	0x0007 00007 (x.go:13)	MOVQ	SP, BP
	0x000a 00010 (x.go:13)	SUBQ	\$64, SP
	0x000e 00014 (x.go:13)	MOVQ	AX, p.xs+80(FP)
	0x0013 00019 (x.go:13)	FUNCDATA	\$0, gclocals·wvjpxkknJ4nY1JtrArJJaw==(SB)
	0x0013 00019 (x.go:13)	FUNCDATA	\$1, gclocals·J26BEvPExEQhJvjp9E8Whg==(SB)
	0x0013 00019 (x.go:13)	FUNCDATA	\$5, p.grow.arginfo1(SB)
	0x0013 00019 (x.go:13)	FUNCDATA	\$6, p.grow.argliveinfo(SB)
	0x0013 00019 (x.go:13)	PCDATA	\$3, \$1
	0x0013 00019 (x.go:14)	INCQ	BX
	0x0016 00022 (x.go:14)	CMPQ	CX, BX
	0x0019 00025 (x.go:14)	JCC	54
	0x001b 00027 (x.go:14)	MOVQ	DI, p.v+104(SP)
	0x0020 00032 (x.go:14)	PCDATA	\$3, \$2
	0x0020 00032 (x.go:14)	MOVL	\$1, DI
	0x0025 00037 (x.go:14)	LEAQ	type:int(SB), SI
	0x002c 00044 (x.go:14)	PCDATA	\$1, \$1
	0x002c 00044 (x.go:14)	CALL	runtime.growslice(SB)
	0x0031 00049 (x.go:14)	MOVQ	p.v+104(SP), DI
	0x0036 00054 (x.go:14)	PCDATA	\$3, \$1
	0x0036 00054 (x.go:14)	MOVQ	DI, -8(AX)(BX*8)
	0x003b 00059 (x.go:14)	ADDQ	\$64, SP
	0x003f 00063 (x.go:14)	POPQ	BP
	0x0040 00064 (x.go:14)	RET
	0x0041 00065 (x.go:14)	NOP
	0x0041 00065 (x.go:13)	PCDATA	\$1, \$-1
	0x0041 00065 (x.go:13)	PCDATA	\$0, \$-2
	0x0041 00065 (x.go:13)	MOVQ	AX, 8(SP)
	0x0046 00070 (x.go:13)	MOVQ	BX, 16(SP)
	0x004b 00075 (x.go:13)	MOVQ	CX, 24(SP)
	0x0050 00080 (x.go:13)	MOVQ	DI, 32(SP)
	0x0055 00085 (x.go:13)	CALL	runtime.morestack_noctxt(SB)
	0x005a 00090 (x.go:13)	PCDATA	\$0, \$-1
	0x005a 00090 (x.go:13)	MOVQ	8(SP), AX
	0x005f 00095 (x.go:13)	MOVQ	16(SP), BX
	0x0064 00100 (x.go:13)	MOVQ	24(SP), CX
	0x0069 00105 (x.go:13)	MOVQ	32(SP), DI
	0x006e 00110 (x.go:13)	JMP	0`

const FSEL_AMD64 = `fsel func(float64, float64) bool
  b1:
    (+18) v7 = ArgFloatReg <float64> {a+0} [0] : X0 (a[float64])
    (+18) v8 = ArgFloatReg <float64> {b+0} [1] : X1 (b[float64])
    (?) v1 = InitMem <mem>
    (+18) v4 = UCOMISD <flags> v7 v8
    (+18) v10 = SETEQF <bool> v4 : AX tmp=CX
    (18) v11 = MakeResult <bool,mem> v10 v1 : <>
    Ret v11
name a[float64]: [v7]
name b[float64]: [v8]`

const FSEL_AMD64_GC = `p.fsel STEXT nosplit size=13 args=0x10 locals=0x0 funcid=0x0 align=0x0
	0x0000 00000 (x.go:18)	TEXT	p.fsel(SB), NOSPLIT|NOFRAME|ABIInternal, \$0-16
	0x0000 00000 (x.go:18)	FUNCDATA	\$0, gclocals·g5+hNtRBP6YXNjfog7aZjQ==(SB)
	0x0000 00000 (x.go:18)	FUNCDATA	\$1, gclocals·g5+hNtRBP6YXNjfog7aZjQ==(SB)
	0x0000 00000 (x.go:18)	FUNCDATA	\$5, p.fsel.arginfo1(SB)
	0x0000 00000 (x.go:18)	FUNCDATA	\$6, p.fsel.argliveinfo(SB)
	0x0000 00000 (x.go:18)	PCDATA	\$3, \$1
	0x0000 00000 (x.go:18)	UCOMISD	X1, X0
	0x0004 00004 (x.go:18)	SETEQ	AL
	0x0007 00007 (x.go:18)	SETPC	CL
	0x000a 00010 (x.go:18)	ANDL	CX, AX
	0x000c 00012 (x.go:18)	RET`

const CALLER_PPC64 = `caller func(int) int
  b1:
    (+23) v6 = ArgIntReg <int> {a+0} [0] : R3 (a[int])
    (+23) v4 = StoreReg <int> v6 : a[int]
    (?) v1 = InitMem <mem>
    (-21) v3 = MOVDconst <int> [2] : R4
    (+21) v9 = CALLstatic <int,mem> {AuxCall{p.callee}} [16] v6 v3 v1 : <R3>
    (+21) v11 = SelectN <int> [0] v9 : R3 (x[int])
    (+21) v7 = StoreReg <int> v11 : x[int]
    (21) v10 = SelectN <mem> [1] v9
    (-22) v5 = LoadReg <int> v4 : R4
    (+22) v12 = CALLstatic <int,mem> {AuxCall{p.callee}} [16] v11 v5 v10 : <R3>
    (+22) v14 = SelectN <int> [0] v12 : R3 (y[int])
    (22) v13 = SelectN <mem> [1] v12
    (-23) v2 = LoadReg <int> v7 : R5
    (+23) v15 = ADD <int> v2 v14 : R3
    (23) v16 = MakeResult <int,mem> v15 v13 : <>
    Ret v16
name a[int]: [v6]
name x[int]: [v11]
name y[int]: [v14]`

const CALLER_PPC64_GC = `p.caller STEXT size=88 args=0x8 locals=0x18 funcid=0x0 align=0x0
	0x0000 00000 (x.go:20)	TEXT	p.caller(SB), ABIInternal, \$56-8
	0x0000 00000 (x.go:20)	MOVD	16(g), R22
	0x0004 00004 (x.go:20)	PCDATA	\$0, \$-2
	0x0004 00004 (x.go:20)	CMPU	R22, R1
	0x0008 00008 (x.go:20)	BLT	32
	0x000c 00012 (x.go:20)	NOP
	0x000c 00012 (x.go:20)	MOVD	R3, 32(R1)
	0x0010 00016 (x.go:20)	MOVD	LR, R5
	0x0014 00020 (x.go:20)	PCDATA	\$1, \$-1
	0x0014 00020 (x.go:20)	CALL	runtime.morestack_noctxt(SB)
	0x0018 00024 (x.go:20)	PCDATA	\$0, \$-1
	0x0018 00024 (x.go:20)	MOVD	32(R1), R3
	0x001c 00028 (x.go:20)	JMP	0
	0x0020 00032 (x.go:20)	NOP
	0x0020 00032 (x.go:20)	MOVD	LR, R31
	0x0024 00036 (x.go:20)	MOVDU	R31, -56(R1)
	0x0028 00040 (x.go:20)	FUNCDATA	\$0, gclocals·NLxIdQ3ruFNQk7Per4isfw==(SB)
	0x0028 00040 (x.go:20)	FUNCDATA	\$1, gclocals·NLxIdQ3ruFNQk7Per4isfw==(SB)
	0x0028 00040 (x.go:20)	FUNCDATA	\$5, p.caller.arginfo1(SB)
	0x0028 00040 (x.go:20)	FUNCDATA	\$6, p.caller.argliveinfo(SB)
	0x0028 00040 (x.go:20)	PCDATA	\$3, \$1
	0x0028 00040 (x.go:23)	MOVD	R3, p.a(R1)
	0x002c 00044 (x.go:23)	PCDATA	\$3, \$-1
	0x002c 00044 (x.go:21)	MOVD	\$2, R4
	0x0030 00048 (x.go:21)	PCDATA	\$1, \$0
	0x0030 00048 (x.go:21)	CALL	p.callee(SB)
	0x0034 00052 (x.go:21)	MOVD	R3, p.x-8(R1)
	0x0038 00056 (x.go:22)	MOVD	p.a(R1), R4
	0x003c 00060 (x.go:22)	CALL	p.callee(SB)
	0x0040 00064 (x.go:23)	MOVD	p.x-8(R1), R5
	0x0044 00068 (x.go:23)	ADD	R3, R5, R3
	0x0048 00072 (x.go:23)	MOVD	(R1), R31
	0x004c 00076 (x.go:23)	MOVD	R31, LR
	0x0050 00080 (x.go:23)	ADD	\$56, R1
	0x0054 00084 (x.go:23)	JMP	LR`

describe('listing of gc functions after trim', () => {
  it('amd64: stack check, frame, spills, a call, the epilogue and the morestack path', () => {
    // xs is partly live (its pointer is spilled in the prologue); v spills around growslice.
    const frame = { localsSize: 0, vars: vars([['xs', 0, true], ['v', 24, true]]) }
    expect(listing(GROW_AMD64, 'amd64', frame, 13)).toBe(withoutLiveness(GROW_AMD64_GC))
  })

  it('amd64: a frameless leaf and a float equality that needs the parity flag', () => {
    expect(listing(FSEL_AMD64, 'amd64', { localsSize: 0, vars: new Map() }, 18)).toBe(withoutLiveness(FSEL_AMD64_GC))
  })

  it('ppc64: morestack before the frame, LR save and restore, autos off R1', () => {
    const frame = { localsSize: 8, vars: vars([['a', 0, true], ['x', -8, false]]) }
    expect(listing(CALLER_PPC64, 'ppc64', frame, 20)).toBe(withoutLiveness(CALLER_PPC64_GC))
  })

  it('attributes each instruction to its value or block', () => {
    const d = parseSsaDump(GROW_AMD64)
    const a = assembleFunc(trimFunc(d, 'amd64'), { localsSize: 0, vars: vars([['xs', 0, true], ['v', 24, true]]) }, { pkg: 'p', line: 13 })
    const by = (text: string) => a.lines.find((l) => l.text === text)!
    expect(by('INCQ\tBX').value).toBe('v14')
    expect(by('CALL\truntime.growslice(SB)').value).toBe('v18')
    expect(by('JCC\t54').block).toBe('b1')
    expect(by('PUSHQ\tBP').value ?? by('PUSHQ\tBP').block).toBeUndefined()
    expect(a).toMatchObject({ symbol: 'p.grow', size: 112, frame: 72, args: 32, attrs: ['ABIInternal'] })
  })

  it('says what it cannot do instead of guessing', () => {
    const f = trimFunc(parseSsaDump(GROW_AMD64), 'amd64')
    expect(() => assembleFunc(f, { localsSize: 0, vars: new Map() })).toThrow(/no frame offset for v \(stack slot of v17\)/)
    const g = new Func('g', 'func()')
    g.arch = 'generic'
    g.entry = g.newBlock('Ret')
    expect(() => assembleFunc(g, { localsSize: 0, vars: new Map() })).toThrow(/no assembly listing for arch generic/)
  })
})

describe('register ABI', () => {
  it('assigns registers in order, spills register params after stack ones, and counts the argument area', () => {
    const t = parseSignature('func([]int, int, float64, [2]int) (int, [4]int)')
    const abi = abiAnalyze(
      'amd64',
      t.params.map((type, i) => ({ name: `p${i}`, type })),
      t.results.map((type, i) => ({ name: `~r${i}`, type })),
    )
    const regs = (p: AbiParam) => p.regs.map((r) => regName(abi.config, r))
    expect(abi.params.map((p) => [regs(p), frameOffset(abi, p)])).toEqual([[['AX', 'BX', 'CX'], 48], [['DI'], 72], [['X0'], 80], [[], 0]])
    expect(abi.results.map((p) => [regs(p), p.regs.length ? null : frameOffset(abi, p)])).toEqual([[['AX'], null], [[], 16]])
    expect(argWidth(abi)).toBe(88)
  })

  it('passes the string, interface and map types of gc dump headers in their words, and names register params after their ArgIntReg', () => {
    const f = new Func('f', 'func(string, error, map[int]int) int')
    f.arch = 'amd64'
    f.entry = f.newBlock('Ret')
    f.newValue(f.entry, 'ArgIntReg', bytePtr, [], 4n, { kind: 'sym', name: 'm' }).loc = 'SI'
    const abi = abiOf(f)!
    expect(abi.params.map((p) => p.name)).toEqual([undefined, undefined, 'm'])
    expect(abi.params.flatMap((p) => regPieces(abi, p)).map((x) => [x.reg, x.offset, x.pointer])).toEqual([
      ['AX', 0, true], ['BX', 8, false], ['CX', 16, true], ['DI', 24, true], ['SI', 32, true],
    ])
    expect(argWidth(abi)).toBe(40)
    const g = new Func('g', 'func(p.T)')
    g.arch = 'amd64'
    g.entry = g.newBlock('Ret')
    expect(abiOf(g)).toBeNull()
  })
})

describe('frame layout from the stack frame phase', () => {
  it('takes autos from the frame slots and parameters from the ABI', () => {
    const abi = abiAnalyze('amd64', [{ name: 'xs', type: parseType('[]int') }, { name: 'v', type: T.int }], [{ name: '~r0', type: parseType('[]int') }])
    const layout = frameLayoutOf({ frame: { size: 16, slots: [{ name: '.autotmp_3', offset: -8, size: 8 }, { name: 't', offset: -16, size: 8 }] } }, abi)
    expect(layout.localsSize).toBe(16)
    expect([...layout.vars]).toEqual([
      ['xs', { offset: 0, param: true }],
      ['v', { offset: 24, param: true }],
      ['.autotmp_3', { offset: -8, param: false, size: 8 }],
      ['t', { offset: -16, param: false, size: 8 }],
    ])
  })
})

describe('bounds-check PCDATA', () => {
  it('encodes the failure kind and operand registers like internal/abi.BoundsEncode', () => {
    const f = new Func('f', 'func()')
    f.arch = 'amd64'
    const b = f.newBlock('Exit')
    const v = f.newValue(b, 'LoweredPanicBoundsRR', T.mem, [], 0n)
    // gc: PCDATA $4, $9261 for RR with x in CX (1), y in BX (3), signed index.
    expect(boundsPcdata(v, [], (i) => [1, 3][i]!, () => {})).toBe(((1 | 4 | (1 << 3)) | 2 | (3 << 7)) * 9)
    const moved: [bigint, number][] = []
    const cc = f.newValue(b, 'LoweredPanicBoundsCC', T.mem, [], 1n)
    expect(boundsPcdata(cc, [5n, 100n], () => 0, (c, n) => moved.push([c, n]))).toBe(((5 << 2) | 2 | (1 << 7)) * 9)
    expect(moved).toEqual([[100n, 1]])
  })
})
