// The passes between late lower and regalloc on small hand-written lowered
// functions (gc's dump notation), one behaviour at a time.

import { describe, expect, it } from 'vitest'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Block, Func, Value } from '../../../src-main/compiler/ssa/func'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { checkLower } from '../../../src-main/compiler/ssa/passes/checklower'
import { critical } from '../../../src-main/compiler/ssa/passes/critical'
import { elimUnreadAutos } from '../../../src-main/compiler/ssa/passes/deadstore'
import { flagalloc, flagsLiveAtEnd } from '../../../src-main/compiler/ssa/passes/flagalloc'
import { layout } from '../../../src-main/compiler/ssa/passes/layout'
import { likelyadjust } from '../../../src-main/compiler/ssa/passes/likelyadjust'
import { nilcheckelim2 } from '../../../src-main/compiler/ssa/passes/nilcheck'
import { pair } from '../../../src-main/compiler/ssa/passes/pair'
import { schedule } from '../../../src-main/compiler/ssa/passes/schedule'
import { phiTighten, tighten } from '../../../src-main/compiler/ssa/passes/tighten'
import { tightenTupleSelectors } from '../../../src-main/compiler/ssa/passes/tuple'

function run(text: string, pass: (f: Func) => void, arch = 'amd64', scheduled = false): Func {
  const f = funcFromDump(text, arch)
  f.scheduled = scheduled
  pass(f)
  checkFunc(f)
  return f
}

const print = (f: Func): string => printFunc(new Snapshotter().take(f).snapshot)
const block = (f: Func, id: string): Block => f.blocks.find((b) => b.ref === id)!
const value = (f: Func, id: string): Value => f.blocks.flatMap((b) => b.values).find((v) => v.ref === id)!
const order = (b: Block): string => b.values.map((v) => v.ref).join(' ')
const ops = (b: Block): string => b.values.map((v) => v.op).join(' ')

describe('pair', () => {
  it('changes nothing on amd64 and ppc64 (gc pairs loads and stores on arm64 only)', () => {
    const text = `f func(*int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <*int> {p+0} [0]
    (4) v3 = MOVQload <int> v2 v1
    (4) v4 = MOVQload <int> [8] v2 v1
    (4) v5 = ADDQ <int> v3 v4
    (4) v6 = MakeResult <int,mem> v5 v1
    Ret v6
`
    const f = funcFromDump(text, 'amd64')
    const before = print(f)
    pair(f)
    expect(print(f)).toBe(before)
  })
})

describe('tighten tuple selectors', () => {
  const text = `f func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <int> {x+0} [0]
    (3) v3 = ArgIntReg <int> {y+0} [1]
    (4) v4 = DIVQ <int,int> [false] v2 v3
    (4) v9 = CMPQconst <flags> [0] v2
    LT v9 -> b2 b3
  b2: <- b1
    (5) v5 = Select0 <int> v4
    (5) v6 = MakeResult <int,mem> v5 v1
    Ret v6
  b3: <- b1
    (6) v7 = Select1 <int> v4
    (6) v10 = Select1 <int> v4
    (6) v11 = ADDQ <int> v7 v10
    (6) v8 = MakeResult <int,mem> v11 v1
    Ret v8
`
  it('copies a selector into its tuple block and turns duplicates into copies', () => {
    const f = run(text, tightenTupleSelectors)
    const b1 = block(f, 'b1')
    const sels = b1.values.filter((v) => v.op === 'Select0' || v.op === 'Select1')
    expect(sels.map((v) => `${v.op} ${v.args[0]}`)).toEqual(['Select0 v4', 'Select1 v4'])
    expect(value(f, 'v5').op).toBe('Copy')
    expect(value(f, 'v5').args[0]).toBe(sels[0])
    expect(value(f, 'v7').args[0]).toBe(sels[1])
    expect(value(f, 'v10').args[0]).toBe(sels[1])
    // The copy is not a statement: it must not steal the line's stepping point.
    expect(sels[0]!.pos.stmt).toBe('-')
  })

  it('rejects a selector of something that is not a tuple', () => {
    const bad = text.replace('(4) v4 = DIVQ <int,int> [false] v2 v3', '(4) v4 = ADDQ <int> v2 v3')
    expect(() => run(bad, tightenTupleSelectors)).toThrow(/arg of tuple selector v5 is not a tuple/)
  })
})

describe('checkLower', () => {
  it('accepts machine ops and the generic ops that stay', () => {
    expect(() =>
      run(`f func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (3) v3 = ArgIntReg <int> {x+0} [0]
    (4) v4 = ADDQconst <int> [1] v3
    (4) v5 = MakeResult <int,mem> v4 v1
    Ret v5
`, checkLower),
    ).not.toThrow()
  })

  it('fails on a generic op that needed lowering, naming it and its argument types', () => {
    expect(() =>
      run(`f func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v3 = ArgIntReg <int> {x+0} [0]
    (4) v4 = Add64 <int> v3 v3
    (4) v5 = MakeResult <int,mem> v4 v1
    Ret v5
`, checkLower),
    ).toThrow('not lowered: v4, Add64 int int int')
  })

  it('allows MakeResult only as the Ret control', () => {
    expect(() =>
      run(`f func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v3 = ArgIntReg <int> {x+0} [0]
    (4) v4 = MakeResult <int,mem> v3 v1
    (4) v5 = MakeResult <int,mem> v3 v1
    Ret v5
`, checkLower),
    ).toThrow(/not lowered: v4, MakeResult/)
  })
})

describe('tighten', () => {
  it('moves a single-input value to the block that uses it, but not into a loop', () => {
    const f = run(`f func(int, bool) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <int> {x+0} [0]
    (3) v3 = ArgIntReg <bool> {c+0} [1]
    (4) v4 = ADDQconst <int> [7] v2
    (4) v5 = SHLQconst <int> [3] v2
    (4) v6 = TESTB <flags> v3 v3
    NE v6 -> b2 b3
  b2: <- b1
    (5) v7 = MakeResult <int,mem> v4 v1
    Ret v7
  b3: <- b1
    Plain -> b4
  b4: <- b3 b5
    (6) v8 = Phi <int> v2 v9
    (6) v10 = CMPQconst <flags> [100] v8
    LT v10 -> b5 b6
  b5: <- b4
    (7) v9 = ADDQ <int> v8 v5
    Plain -> b4
  b6: <- b4
    (8) v11 = MakeResult <int,mem> v8 v1
    Ret v11
`, tighten)
    expect(value(f, 'v4').block.ref).toBe('b2')
    // v5 is used only in loop body b5: it goes no deeper than the block before the loop.
    expect(value(f, 'v5').block.ref).toBe('b3')
  })

  it('leaves values with two register inputs, and loads whose memory the target does not start with', () => {
    const f = run(`f func(*int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <*int> {p+0} [0]
    (3) v3 = ArgIntReg <int> {x+0} [1]
    (4) v4 = ADDQ <int> v3 v3
    (4) v5 = SUBQ <int> v3 v4
    (4) v6 = MOVQload <int> v2 v1
    (4) v7 = MOVQstore <mem> v2 v3 v1
    (4) v8 = CMPQconst <flags> [0] v3
    LT v8 -> b2 b3
  b2: <- b1
    (5) v9 = ADDQ <int> v5 v6
    (5) v10 = MakeResult <int,mem> v9 v7
    Ret v10
  b3: <- b1
    (6) v11 = MakeResult <int,mem> v3 v7
    Ret v11
`, tighten)
    expect(value(f, 'v5').block.ref).toBe('b1')
    expect(value(f, 'v6').block.ref).toBe('b1')
    // One distinct register input: movable.
    expect(value(f, 'v4').block.ref).toBe('b1') // used by v5, which stays
  })
})

describe('phi tighten', () => {
  it('gives each rematerializable phi argument a copy in its predecessor', () => {
    const f = run(`f func(bool) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <bool> {c+0} [0]
    (?) v3 = MOVQconst <int> [5]
    (?) v4 = MOVQconst <int> [9]
    (3) v5 = TESTB <flags> v2 v2
    NE v5 -> b2 b3
  b2: <- b1
    Plain -> b4
  b3: <- b1
    Plain -> b4
  b4: <- b2 b3
    (4) v6 = Phi <int> v3 v4
    (4) v7 = MakeResult <int,mem> v6 v1
    Ret v7
`, phiTighten)
    const phi = value(f, 'v6')
    expect(phi.args.map((a) => `${a.op} ${a.auxInt} ${a.block}`)).toEqual(['MOVQconst 5 b2', 'MOVQconst 9 b3'])
    expect(value(f, 'v3').uses).toBe(0)
  })
})

describe('critical', () => {
  it('splits edges from a branch into a merge block; edges carrying the same phi argument share one block', () => {
    const f = run(`f func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <int> {x+0} [0]
    (?) v3 = MOVQconst <int> [1]
    (3) v4 = CMPQconst <flags> [0] v2
    LT v4 -> b4 b2
  b2: <- b1
    (4) v5 = CMPQconst <flags> [5] v2
    LT v5 -> b4 b3
  b3: <- b2
    Plain -> b4
  b4: <- b1 b2 b3
    (5) v6 = Phi <int> v3 v3 v2
    (5) v7 = MakeResult <int,mem> v6 v1
    Ret v7
`, critical)
    const b4 = block(f, 'b4')
    // b1 and b2 both bring v3: one new block for both; b3 is Plain and keeps its edge.
    expect(b4.preds.length).toBe(2)
    const shared = b4.preds.find((p) => p.ref !== 'b3')!
    expect(shared.kind).toBe('Plain')
    expect(value(f, 'v6').args.map(String)).toEqual(b4.preds.map((p) => (p === shared ? 'v3' : 'v2')))
    // The shared block is examined in turn: its two edges from branches are critical too (gc does the same).
    expect(shared.preds.map((p) => `${p.kind}<-${p.preds.join(',')}`)).toEqual(['Plain<-b1', 'Plain<-b2'])
    expect(block(f, 'b1').succs[0]).toBe(shared.preds[0])
    expect(block(f, 'b2').succs[0]).toBe(shared.preds[1])
  })

  it('gives each edge its own block when the target has several phis', () => {
    const f = run(`f func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <int> {x+0} [0]
    (3) v4 = CMPQconst <flags> [0] v2
    LT v4 -> b3 b2
  b2: <- b1
    (4) v5 = CMPQconst <flags> [5] v2
    LT v5 -> b3 b4
  b4: <- b2
    (5) v9 = MakeResult <int,mem> v2 v1
    Ret v9
  b3: <- b1 b2
    (6) v6 = Phi <int> v2 v2
    (6) v7 = Phi <int> v2 v2
    (6) v10 = ADDQ <int> v6 v7
    (6) v8 = MakeResult <int,mem> v10 v1
    Ret v8
`, critical)
    const b3 = block(f, 'b3')
    expect(b3.preds.map((p) => `${p.kind}<-${p.preds.join(',')}`)).toEqual(['Plain<-b1', 'Plain<-b2'])
  })
})

describe('likelyadjust and layout', () => {
  const text = `f func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <int> {x+0} [0]
    (3) v3 = CMPQconst <flags> [0] v2
    LT v3 -> b2 b3
  b2: <- b1
    (4) v4 = CALLstatic <mem> {AuxCall{runtime.panicdivide}} v1
    Exit v4
  b3: <- b1
    Plain -> b4
  b4: <- b3 b5
    (5) v5 = Phi <int> v2 v6
    (5) v7 = CMPQconst <flags> [10] v5
    LT v7 -> b6 b5
  b5: <- b4
    (6) v6 = ADDQconst <int> [1] v5
    Plain -> b4
  b6: <- b4
    (7) v8 = MakeResult <int,mem> v5 v1
    Ret v8
`
  it('predicts against panics and for staying in loops', () => {
    const f = run(text, likelyadjust)
    expect(block(f, 'b1').likely).toBe(-1) // b2 ends in Exit
    expect(block(f, 'b4').likely).toBe(-1) // b6 leaves the loop
  })

  it('keeps a prediction the block already has', () => {
    const f = run(text.replace('LT v3 -> b2 b3', 'LT v3 -> b2 b3 (likely)'), likelyadjust)
    expect(block(f, 'b1').likely).toBe(1)
  })

  it('lays out the likely successor next and exit blocks last', () => {
    const f = run(text, (g) => {
      likelyadjust(g)
      layout(g)
    })
    expect(f.blocks.map(String)).toEqual(['b1', 'b3', 'b4', 'b5', 'b6', 'b2'])
    expect(f.entry).toBe(f.blocks[0])
  })
})

describe('schedule', () => {
  it('orders phis and args first, stores early, flags and the control last, loads before the next store', () => {
    const f = run(`f func(*int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (3) v4 = ArgIntReg <int> {x+0} [1]
    (3) v3 = ArgIntReg <*int> {p+0} [0]
    (4) v5 = MOVQload <int> v3 v1
    (5) v6 = MOVQstore <mem> v3 v4 v1
    (6) v7 = ADDQ <int> v5 v4
    (7) v8 = CMPQconst <flags> [0] v7
    LT v8 -> b2 b3
  b2: <- b1
    (8) v9 = MakeResult <int,mem> v7 v6
    Ret v9
  b3: <- b1
    (9) v10 = MakeResult <int,mem> v4 v6
    Ret v10
`, schedule)
    expect(f.scheduled).toBe(true)
    expect(order(block(f, 'b1'))).toBe('v4 v3 v2 v1 v5 v6 v7 v8')
  })

  it('puts a loop increment after the other uses of its phi, and unlinks nil checks', () => {
    const f = run(`f func(*int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <*int> {p+0} [0]
    (?) v3 = MOVQconst <int> [0]
    Plain -> b2
  b2: <- b1 b3
    (4) v4 = Phi <int> v3 v5
    (4) v6 = CMPQconst <flags> [10] v4
    LT v6 -> b3 b4
  b3: <- b2
    (5) v5 = ADDQconst <int> [1] v4
    (5) v7 = LoweredNilCheck <*int> v2 v1
    (6) v8 = MOVQstore <mem> v7 v4 v1
    Plain -> b2
  b4: <- b2
    (7) v9 = MakeResult <int,mem> v4 v1
    Ret v9
`, schedule)
    const b3 = block(f, 'b3')
    expect(ops(b3)).toBe('LoweredNilCheck MOVQstore ADDQconst')
    expect(value(f, 'v8').args[0]!.ref).toBe('v2')
    expect(value(f, 'v7').type.str).toBe('void')
  })
})

describe('late nilcheck', () => {
  const text = `f func(*int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <*int> {p+0} [0]
    (+4) v3 = LoweredNilCheck <void> v2 v1
    (5) v4 = MOVQload <int> [8] v2 v1
    (5) v5 = MakeResult <int,mem> v4 v1
    Ret v5
`
  it('drops a nil check when a later load of the same pointer faults anyway, moving its line there', () => {
    const f = run(text, nilcheckelim2, 'amd64', true)
    expect(ops(block(f, 'b1'))).not.toContain('LoweredNilCheck')
    expect(value(f, 'v4').pos).toMatchObject({ line: 4, stmt: '+' })
  })

  it('keeps it when the load is far from address zero, or memory changes in between', () => {
    const far = run(text.replace('MOVQload <int> [8]', 'MOVQload <int> [5000]'), nilcheckelim2, 'amd64', true)
    expect(ops(block(far, 'b1'))).toContain('LoweredNilCheck')
    const call = run(
      text.replace('(5) v4 = MOVQload <int> [8] v2 v1', '(5) v6 = CALLstatic <mem> {AuxCall{p.g}} v1\n    (5) v7 = SelectN <mem> [0] v6\n    (5) v4 = MOVQload <int> [8] v2 v7'),
      nilcheckelim2,
      'amd64',
      true,
    )
    expect(ops(block(call, 'b1'))).toContain('LoweredNilCheck')
  })
})

describe('flagalloc', () => {
  it('issues a flags value again when something in between clobbers the flags', () => {
    const f = run(`f func(int, int) int
  b1:
    (?) v1 = InitMem <mem>
    (3) v2 = ArgIntReg <int> {x+0} [0]
    (3) v3 = ArgIntReg <int> {y+0} [1]
    (4) v4 = CMPQ <flags> v2 v3
    (4) v5 = SETL <bool> v4
    (5) v6 = ADDQ <int> v2 v3
    (6) v7 = SETG <bool> v4
    (6) v8 = MOVBQZX <int> v7
    (6) v9 = MOVBQZX <int> v5
    (6) v10 = ADDQ <int> v8 v9
    (6) v11 = ADDQ <int> v10 v6
    (7) v12 = MakeResult <int,mem> v11 v1
    Ret v12
`, flagalloc, 'amd64', true)
    const b1 = block(f, 'b1')
    expect(ops(b1)).toBe('InitMem ArgIntReg ArgIntReg CMPQ SETL ADDQ CMPQ SETG MOVBQZX MOVBQZX ADDQ ADDQ MakeResult')
    const again = b1.values[6]!
    expect(value(f, 'v7').args[0]).toBe(again)
    expect(again.args.map(String)).toEqual(['v2', 'v3'])
    expect(flagsLiveAtEnd(b1)).toBe(false)
  })

  it('splits a compare with memory into a load and a compare before issuing it again (amd64 splitload)', () => {
    const f = run(`f func(*int, int) int
  b1:
    (3) v2 = ArgIntReg <*int> {p+0} [0]
    (3) v3 = ArgIntReg <int> {x+0} [1]
    (?) v1 = InitMem <mem>
    (4) v4 = CMPQload <flags> v2 v3 v1
    (5) v5 = CALLstatic <mem> {AuxCall{p.g}} v1
    (5) v6 = SelectN <mem> [0] v5
    LT v4 -> b2 b3
  b2: <- b1
    (6) v7 = MakeResult <int,mem> v3 v6
    Ret v7
  b3: <- b1
    (7) v8 = MakeResult <int,mem> v3 v6
    Ret v8
`, flagalloc, 'amd64', true)
    const b1 = block(f, 'b1')
    expect(ops(b1)).toBe('ArgIntReg ArgIntReg InitMem MOVQload CALLstatic SelectN CMPQ')
    const cmp = b1.values[6]!
    expect(b1.controls[0]).toBe(cmp)
    expect(cmp.args[0]!.op).toBe('MOVQload')
    expect(cmp.pos.stmt).toBe('-')
  })
})

describe('elim unread autos', () => {
  it('turns stores to a local nobody reads into copies of their memory', () => {
    const f = run(`f func(int) int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (3) v3 = ArgIntReg <int> {x+0} [0]
    (4) v4 = VarDef <mem> {t} v1
    (4) v5 = MOVQstore <mem> {t} v2 v3 v4
    (5) v6 = VarDef <mem> {u} v5
    (5) v7 = MOVQstore <mem> {u} v2 v3 v6
    (6) v8 = MOVQload <int> {u} v2 v7
    (6) v9 = MakeResult <int,mem> v8 v7
    Ret v9
`, elimUnreadAutos)
    expect(['v4', 'v5', 'v6', 'v7'].map((id) => value(f, id).op)).toEqual(['Copy', 'Copy', 'VarDef', 'MOVQstore'])
  })

  it('keeps stores to globals and results', () => {
    const f = run(`f func(int) [4]int
  b1:
    (?) v1 = InitMem <mem>
    (?) v2 = SP <uintptr>
    (?) v10 = SB <uintptr>
    (3) v3 = ArgIntReg <int> {x+0} [0]
    (4) v4 = MOVQstore <mem> {p.g} v10 v3 v1
    (5) v5 = MOVQstore <mem> {~r0} v2 v3 v4
    (6) v9 = MakeResult <mem> v5
    Ret v9
`, elimUnreadAutos)
    expect(value(f, 'v4').op).toBe('MOVQstore')
    expect(value(f, 'v5').op).toBe('MOVQstore')
  })
})
