import { describe, expect, it } from 'vitest'
import { checkFunc } from '../../src-main/compiler/ssa/check'
import { checkerRuns, compile, isCheckOnByDefault, setCheckByDefault } from '../../src-main/compiler/ssa/compile'
import { Func, type Value } from '../../src-main/compiler/ssa/func'
import { printFunc } from '../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../src-main/compiler/ssa/snapshot'
import { ptrTo, results, T } from '../../src-main/compiler/ssa/types'
import { formatG } from '../../src-main/compiler/ssa/auxint'
import { applyRewrite, ruleSet, type ValueRule } from '../../src-main/compiler/ssa/rewrite'

function small(): Func {
  const f = new Func('add', 'func(int, int) int')
  const b = f.newBlock('Ret')
  f.entry = b
  const mem = f.newValue(b, 'InitMem', T.mem)
  const x = f.newValue(b, 'Arg', T.int, [], 0n, { kind: 'sym', name: 'x' }, { line: 3, col: 1, stmt: '-' })
  const y = f.newValue(b, 'Arg', T.int, [], 0n, { kind: 'sym', name: 'y' }, { line: 3, col: 1, stmt: '-' })
  const s = f.newValue(b, 'Add64', T.int, [x, y], 0n, null, { line: 4, col: 9, stmt: '' })
  const r = f.newValue(b, 'MakeResult', results([T.int, T.mem]), [s, mem], 0n, null, { line: 4, col: 2, stmt: '+' })
  b.setControl(r)
  f.nameValue({ name: 'x', type: T.int }, x)
  return f
}

describe('SSA core', () => {
  it('prints gc\'s text dump format', () => {
    const f = small()
    checkFunc(f)
    const { snapshot } = new Snapshotter().take(f)
    expect(printFunc(snapshot)).toBe(
      [
        'add func(int, int) int',
        '  b1:',
        '    (?) v1 = InitMem <mem>',
        '    (-3) v2 = Arg <int> {x} (x[int])',
        '    (-3) v3 = Arg <int> {y}',
        '    (4) v4 = Add64 <int> v2 v3',
        '    (+4) v5 = MakeResult <int,mem> v4 v1',
        '    Ret v5',
        'name x[int]: [v2]',
        '',
      ].join('\n'),
    )
  })

  it('shares unchanged records between snapshots and diffs the rest', () => {
    const f = small()
    const snap = new Snapshotter()
    const a = snap.take(f).snapshot
    const again = snap.take(f)
    expect(again.snapshot).toBe(a)
    const b = f.entry
    const c = f.newValue(b, 'Const64', T.int, [], 7n)
    b.values[3]!.setArg(1, c)
    const next = snap.take(f)
    expect(next.diff.valuesAdded).toEqual(['v6'])
    expect(next.diff.valuesChanged).toEqual(['v4'])
    expect(next.snapshot.blocks[0]!.values[0]).toBe(a.blocks[0]!.values[0])
  })

  it('revisits only what a pass wrote, and agrees with a fresh snapshot', () => {
    const f = small()
    const b2 = f.newBlock('Plain')
    const snap = new Snapshotter()
    snap.take(f)
    const epoch = f.epoch
    expect(f.touched).toEqual([])
    const [, x, y, s] = f.entry.values as [unknown, Value, Value, Value]
    // Writes mark each value once; writing the same value again does not.
    s.op = 'Sub64'
    s.op = 'Sub64'
    x.pos = { line: 9, col: 2, stmt: '+' }
    y.aux = y.aux
    expect(f.touched).toEqual([s, x])
    // A move between blocks, a removal and a location.
    f.entry.values.splice(f.entry.values.indexOf(y), 1)
    b2.values.push(y)
    y.block = b2
    s.loc = 'AX'
    const z = f.newValue(b2, 'Const64', T.int, [], 3n)
    f.entry.values.splice(0, 1)
    const next = snap.take(f)
    expect(f.epoch).toBe(epoch + 1)
    expect(next.diff).toEqual({ valuesAdded: ['v6'], valuesRemoved: ['v1'], valuesChanged: ['v2', 'v4', 'v3'], blocksAdded: [], blocksRemoved: [], blocksChanged: [] })
    expect(next.snapshot.locs).toEqual({ v4: 'AX' })
    expect(z.touchedIn).toBe(0)
    // Nothing written: the same snapshot.
    expect(snap.take(f).snapshot).toBe(next.snapshot)
    expect(printFunc(next.snapshot)).toBe(printFunc(new Snapshotter().take(f).snapshot))
  })

  it('the checker catches an argument list changed in place without touch()', () => {
    const f = small()
    const sneaky = { name: 'sneaky', run: (g: Func) => {
      const add = g.entry.values[3]!
      add.args.reverse()
    } }
    const recs = compile(f, { arch: 'amd64', check: true, passes: [sneaky] })
    expect(recs[1]!.status).toBe('failed')
    expect(recs[1]!.error).toMatch(/v4 was changed without being marked/)
    const g = small()
    const fine = { name: 'fine', run: (h: Func) => {
      const add = h.entry.values[3]!
      add.args.reverse()
      add.touch()
    } }
    const ok = compile(g, { arch: 'amd64', check: true, passes: [fine] })
    expect(ok[1]!.status).toBe('changed')
    expect(ok[1]!.snapshot.blocks[0]!.values[3]!.args).toEqual(['v3', 'v2'])
  })

  it('checker rejects a wrong argument count and a foreign argument', () => {
    const f = small()
    f.entry.values[3]!.addArg(f.entry.values[0]!)
    expect(() => checkFunc(f)).toThrow(/Add64 has 3 args, wants 2/)
    const g = small()
    const other = small()
    g.entry.values[3]!.setArg(0, other.entry.values[1]!)
    expect(() => checkFunc(g)).toThrow(/not in the function/)
  })

  it('records every pass: unmodelled ones as not-modeled, never unchanged', () => {
    const recs = compile(small(), { arch: 'amd64' })
    expect(recs[0]!.name).toBe('start')
    expect(recs.map((r) => r.name)).toContain('generic cse')
    expect(recs[recs.length - 1]!.name).toBe('trim')
    for (const r of recs.slice(1)) expect(r.status === 'not-modeled' || r.status === 'changed' || r.status === 'unchanged').toBe(true)
  })

  it('formats floats as Go %g', () => {
    expect([0, 1, 1.5, 100000, 1e6, 0.0001, 1e-5, 3e21, -2.5].map(formatG)).toEqual(['0', '1', '1.5', '100000', '1e+06', '0.0001', '1e-05', '3e+21', '-2.5'])
  })

  it('pointer types intern', () => {
    expect(ptrTo(T.int)).toBe(ptrTo(T.int))
    expect(ptrTo(ptrTo(T.int64)).str).toBe('**int64')
  })
})

describe('pass failures', () => {
  it('a pass that throws is recorded failed; the snapshots before it are kept and nothing runs after', () => {
    const f = small()
    const recs = compile(f, {
      arch: 'amd64',
      passes: [
        { name: 'ok', run: (g) => void g.newValue(g.entry, 'Const64', T.int, [], 1n) },
        { name: 'boom', run: () => { throw new Error('kaboom') } },
        { name: 'after', run: () => undefined },
      ],
    })
    expect(recs.map((r) => [r.name, r.status])).toEqual([['start', 'changed'], ['ok', 'changed'], ['boom', 'failed']])
    expect(recs[2]!.error).toBe('kaboom')
    expect(recs[1]!.snapshot.blocks[0]!.values.map((v) => v.op)).toContain('Const64')
  })

  it('a pass that breaks the function fails the checker and is recorded failed', () => {
    const recs = compile(small(), {
      arch: 'amd64',
      passes: [{ name: 'breaks', run: (g) => void g.entry.values[3]!.addArg(g.entry.values[0]!) }],
    })
    expect(recs[1]!.status).toBe('failed')
    expect(recs[1]!.error).toMatch(/check failed: v4 = Add64 has 3 args/)
  })

  it('the checker runs on demand: off, a broken pass goes through; unset, it follows setCheckByDefault (on in tests)', () => {
    const breaks = [{ name: 'breaks', run: (g: Func) => void g.entry.values[3]!.addArg(g.entry.values[0]!) }]
    expect(isCheckOnByDefault()).toBe(true)
    const runs = checkerRuns.count
    expect(compile(small(), { arch: 'amd64', check: false, passes: breaks })[1]!.status).toBe('changed')
    expect(checkerRuns.count).toBe(runs)
    try {
      setCheckByDefault(false)
      expect(compile(small(), { arch: 'amd64', passes: breaks })[1]!.status).toBe('changed')
      expect(compile(small(), { arch: 'amd64', check: true, passes: breaks })[1]!.status).toBe('failed')
    } finally {
      setCheckByDefault(true)
    }
    expect(compile(small(), { arch: 'amd64', passes: breaks })[1]!.status).toBe('failed')
    expect(checkerRuns.count).toBe(runs + 4)
  })

  it('fault injection: the named pass throws, is recorded failed, and the records before it are kept', () => {
    const recs = compile(small(), { arch: 'amd64', fail: 'opt', passes: [{ name: 'early deadcode', run: () => {} }, { name: 'opt', run: () => {} }, { name: 'lower', run: () => {} }] })
    expect(recs.map((r) => [r.name, r.status])).toEqual([['start', 'changed'], ['early deadcode', 'unchanged'], ['opt', 'failed']])
    expect(recs[2]!.error).toMatch(/injected failure: opt/)
  })

  it('rewrite rules are logged with the values they created, which record their origin', () => {
    const f = small()
    const rule: ValueRule = {
      name: '(Add64 x y) => (Sub64 x (Neg64 y))',
      apply(v, g) {
        const neg = g.newValue(v.block, 'Neg64', v.type, [v.args[1]!])
        v.reset('Sub64')
        v.setArgs([v.args.length ? v.args[0]! : neg, neg])
        return true
      },
    }
    const recs = compile(f, { arch: 'amd64', passes: [{ name: 'opt', run: (g, ctx) => applyRewrite(g, ruleSet([{ op: 'Add64', rule }]), ctx) }] })
    const opt = recs[1]!
    expect(opt.rules).toEqual([{ rule: rule.name, value: 'v4', created: ['v6'], after: 'Sub64 <int> v6 v6', createdAs: ['Neg64 <int> v3'] }])
    const values = opt.snapshot.blocks[0]!.values
    expect(values.find((v) => v.id === 'v6')!.origin).toBe('v4')
    expect(opt.diff.valuesAdded).toEqual(['v6'])
    expect(opt.diff.valuesChanged).toEqual(['v4'])
  })
})
