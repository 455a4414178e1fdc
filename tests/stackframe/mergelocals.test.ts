// Stack slot merging on small hand-written functions (gc's dump format,
// amd64 ops): address values followed through address arithmetic, an
// address stored to memory evicting its variable, liveness with writes
// counted as uses, frame layout; and the Dcl helpers.

import { describe, expect, it } from 'vitest'
import { stackFrame, stackFrameTrace } from '../../src-main/compiler/stackframe'
import { buildDcl, isFat, resultsInRegisters, slotOf } from '../../src-main/compiler/stackframe/dcl'
import type { Func, LocalVar } from '../../src-main/compiler/ssa/func'
import { arrayOf, parseType, ptrTo, structOf, T, type SsaType } from '../../src-main/compiler/ssa/types'
import { funcFromDump } from '../../src-main/gcbridge/tofunc'

const A8 = arrayOf(T.int, 8)
const local = (name: string, type: SsaType, cls: LocalVar['class'] = 'auto', line = 3, extra: Partial<LocalVar> = {}): LocalVar => ({
  name,
  type,
  class: cls,
  file: '/src/g.go',
  line,
  col: 6,
  addrTaken: false,
  temp: false,
  ...extra,
})

function func(dump: string, locals: LocalVar[], arch = 'amd64'): Func {
  const f = funcFromDump(dump, arch)
  f.scheduled = true
  f.locals = locals
  return f
}

// a's address is stored to memory (to p): a is evicted. b is read through
// address arithmetic on its LEAQ. c is written then read; b and c merge.
const STORED = `G func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr> : SP
    (?) v7 = ArgIntReg <int> {i+0} [0] : AX (i[int])
    (?) v3 = VarDef <mem> {a} v1
    (?) v4 = LEAQ <*[8]int> {a} v2 : BX
    (?) v5 = MOVQstore <mem> {p} v2 v4 v3
    (?) v6 = VarDef <mem> {b} v5
    (?) v8 = LEAQ <*[8]int> {b} v2 : CX
    (?) v9 = ADDQconst <*int> [8] v8 : CX
    (?) v10 = MOVQload <int> v9 v6 : DX
    (?) v11 = VarDef <mem> {c} v6
    (?) v12 = MOVQstoreconst <mem> {c} [val=1,off=0] v2 v11
    (?) v13 = MOVQload <int> {c} [8] v2 v12 : AX
    (?) v14 = ADDQ <int> v10 v13 : AX
    (?) v15 = MakeResult <int,mem> v14 v12 : <>
    Ret v15
`
const STORED_LOCALS = [local('i', T.int, 'param', 2), local('~r0', T.int, 'result', 2), local('a', A8), local('b', A8, 'auto', 4), local('c', A8, 'auto', 5), local('p', ptrTo(A8), 'auto', 6)]

describe('address values', () => {
  const r = stackFrame(func(STORED, STORED_LOCALS), { file: '/src/g.go' })

  it('an address stored to memory is still pending at the block end: its variable is evicted', () => {
    expect(r.evictions).toEqual([{ name: 'a', value: 'v4', block: 'b1', pending: 1, reason: 'address value v4 of a still has 1 use outside b1' }])
    expect(r.candidates.map((c) => [c.name, c.status])).toEqual([
      ['a', 'evicted'],
      ['b', 'leader'],
      ['c', 'follower'],
    ])
  })

  it('address arithmetic carries the variable: its uses are indirect uses too', () => {
    expect(r.addressValues.map((a) => [a.value, a.name, a.from, a.users, a.pending])).toEqual([
      ['v4', 'a', undefined, [], 1],
      ['v8', 'b', undefined, ['v9'], 0],
      ['v9', 'b', 'v8', ['v10'], 0],
    ])
    expect(r.indirectUses).toEqual([
      { value: 'v9', names: ['b'] },
      { value: 'v10', names: ['b'] },
    ])
  })

  it('intervals: from after the VarDef to the last (indirect) use; a partial write is a use', () => {
    expect(r.candidates.find((c) => c.name === 'b')!.intervals).toEqual([[7, 10]])
    expect(r.candidates.find((c) => c.name === 'c')!.intervals).toEqual([[11, 13]])
    expect(r.groups).toEqual([{ leader: 'b', followers: ['c'], offset: -136 }])
  })

  it('frame: pointers first, followers behind their leader at its offset, unused results dropped', () => {
    expect(r.frame.slots.map((s) => [s.index, s.name, s.offset, s.leader])).toEqual([
      [1, 'p', -8, undefined],
      [2, 'a', -72, undefined],
      [3, 'b', -136, undefined],
      [4, 'c', -136, 'b'],
    ])
    expect(r.frame).toMatchObject({ size: 136, ptrSize: 8, align: 8 })
  })

  it('prints the lines gc would', () => {
    expect(stackFrameTrace(r, 1)).toBe('G: 64 bytes of stack space saved via stack slot merging (64 nonpointer 0 pointer)\n')
    const t3 = stackFrameTrace(r, 3)
    // The store could leak the address anywhere: gc gives up on it without counting the use.
    expect(t3).toContain('=-= SymAddr(a) on v4 = LEAQ <*[8]int> {a} v2 : BX\n=-= SymAddr(b) on v8')
    expect(t3).toContain('=-= evicting "a" due to pendingUse 4 count 1\n')
    expect(t3).toContain('=-= iuetab:\n  v9: b\n  v10: b\n')
    expect(t3).toContain('=+= at instr 9 v10 indirect upwards-exposed use of b\n')
    expect(t3).toContain('=-= liveout from tail of b0: \n')
    const t2 = stackFrameTrace(r, 2)
    expect(t2).toContain('=-= merge locals state for G:\nb: c\n=-= sorted DCL for G:\n 2: "a" isleader=false subsumed=false used=true sz=64 align=8 t=[8]int\n')
    expect(t2).toContain('=-= stack layout for G:\n 1: "p" frameoff -8 isleader=false subsumed=false sz=8 align=8 t=*[8]int\n')
    expect(t2).not.toContain('SymAddr')
  })
})

describe('candidates', () => {
  it('address-taken, small, unused and non-auto variables are not candidates', () => {
    const locals = [
      local('i', T.int, 'param', 2),
      local('~r0', T.int, 'result', 2),
      local('a', A8, 'auto', 3, { addrTaken: true }),
      local('b', A8, 'auto', 4),
      local('c', A8, 'auto', 5),
      local('p', ptrTo(A8), 'auto', 6),
      local('z', A8, 'auto', 7),
    ]
    const r = stackFrame(func(STORED, locals), { file: '/src/g.go' })
    expect(r.candidates.map((c) => c.name)).toEqual(['b', 'c'])
    expect(r.evictions).toEqual([])
    // z is never used: it sorts last and is cut from the frame.
    expect(r.frame.slots.map((s) => s.name)).not.toContain('z')
  })

  it('fewer than two candidates: no trace, a plain frame', () => {
    const locals = [local('a', A8), local('b', A8, 'auto', 4, { addrTaken: true }), local('c', A8, 'auto', 5, { addrTaken: true }), local('p', ptrTo(A8))]
    const r = stackFrame(func(STORED, locals), { file: '/src/g.go' })
    expect(r.outcome).toBe('fewer than two candidates (1)')
    expect(r.trace).toEqual([])
    expect(r.frame.slots.map((s) => [s.name, s.offset])).toEqual([
      ['p', -8],
      ['a', -72],
      ['b', -136],
      ['c', -200],
    ])
  })

  it('refuses a function that has not been through the back end', () => {
    const f = func(STORED, STORED_LOCALS)
    f.scheduled = false
    expect(() => stackFrame(f, { file: 'g.go' })).toThrow(/not scheduled/)
    const g = funcFromDump('H func()\n  b1:\n    (?) v1 = InitMem <mem>\n    Exit v1\n')
    g.scheduled = true
    expect(() => stackFrame(g, { file: 'g.go' })).toThrow(/not lowered/)
  })
})

describe('Dcl helpers', () => {
  it('register results as the ABI assigns them', () => {
    const pair = structOf([{ name: 'a', type: T.int }, { name: 'b', type: T.float64 }])
    expect(resultsInRegisters([T.int, T.float64, arrayOf(T.int, 4), pair, arrayOf(T.int, 1), arrayOf(T.int, 0)], 'amd64')).toEqual([true, true, false, true, true, false])
    expect(resultsInRegisters(new Array(10).fill(T.int), 'amd64')).toEqual([...new Array(9).fill(true), false])
    expect(resultsInRegisters(new Array(13).fill(T.int), 'ppc64')).toEqual([...new Array(12).fill(true), false])
  })

  it('stack slot locations', () => {
    const regs = new Set(['AX', 'SP'])
    expect(slotOf('AX', regs)).toBeNull()
    expect(slotOf(undefined, regs)).toBeNull()
    expect(slotOf('i[int]', regs)).toEqual({ name: 'i', type: 'int' })
    expect(slotOf('s+8[int]', regs)).toEqual({ name: 's', type: 'int' })
    expect(slotOf('.autotmp_5[*[4]int]', regs)).toEqual({ name: '.autotmp_5', type: '*[4]int' })
  })

  it('fat types: partial writes do not kill them', () => {
    expect(isFat(A8)).toBe(true)
    expect(isFat(arrayOf(T.int, 1))).toBe(false)
    expect(isFat(arrayOf(A8, 1))).toBe(true)
    expect(isFat(structOf([{ name: 'x', type: T.int }]))).toBe(false)
    expect(isFat(parseType('[]int'))).toBe(true)
    expect(isFat(T.int)).toBe(false)
  })

  it('shadowed names resolve to the latest declaration before the use; temporaries come from the SSA', () => {
    const f = func(
      `S func()
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr> : SP
    (+9) v3 = VarDef <mem> {t} v1
    (+9) v4 = LEAQ <*[5]int> {.autotmp_3} v2 : AX
    (9) v5 = StoreReg <int> v2 : .autotmp_4[int]
    (+4) v6 = VarDef <mem> {t} v3
    Exit v6
`,
      [local('t', arrayOf(T.int, 5), 'auto', 3), local('t', arrayOf(T.int, 5), 'auto', 8)],
    )
    const d = buildDcl(f)
    const [, , v3, v4, v5, v6] = f.blocks[0]!.values
    expect(d.ofAux(v3!)).toBe(d.vars[1])
    expect(d.ofAux(v6!)).toBe(d.vars[0])
    expect(d.ofAux(v4!)).toMatchObject({ name: '.autotmp_3', temp: true, used: true })
    expect(d.ofAux(v4!)!.type.str).toBe('[5]int')
    expect(d.ofSlot(v5!.loc)).toMatchObject({ name: '.autotmp_4', temp: true, used: true })
  })
})
