// The SSA text dump parser on real gc output (tests/gcbridge/fixtures, see its README).

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatSsaDump, parseGossafuncStdout, parseSsaDump, type DumpFunc, type DumpValue } from '../../src-main/gcbridge'

const fixtures = join(__dirname, 'fixtures')
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8')
const dump = (name: string): DumpFunc => parseSsaDump(fixture(name))

function value(f: DumpFunc, id: string): DumpValue {
  for (const b of f.blocks) for (const v of b.values) if (v.id === id) return v
  throw new Error(`no ${id}`)
}

describe('parseSsaDump on real dumps', () => {
  it('round-trips every fixture byte for byte', () => {
    const files = [...readdirSync(fixtures), ...readdirSync(join(fixtures, 'lowered')).map((f) => `lowered/${f}`)].filter((f) => f.endsWith('.dump'))
    expect(files.length).toBeGreaterThanOrEqual(10)
    for (const f of files) expect(formatSsaDump(dump(f)), f).toBe(fixture(f))
  })

  it('reads a call with aux, auxint, args and a heap-address name', () => {
    const f = dump('heapagg.locals.build.dump')
    expect(f.name).toBe('locals')
    expect(f.type).toBe('func()')
    expect(f.blocks.map((b) => [b.id, b.preds, b.kind, b.controls, b.succs])).toEqual([['b1', [], 'Ret', ['v28'], []]])
    expect(value(f, 'v5')).toEqual({
      id: 'v5',
      line: 17,
      stmt: '',
      op: 'StaticLECall',
      type: 'unsafe.Pointer,mem',
      aux: 'AuxCall{runtime.mallocgc}',
      auxInt: '32',
      args: ['v29', 'v30', 'v31', 'v1'],
      names: [],
      dead: false,
    })
    expect(value(f, 'v1')).toMatchObject({ line: null, stmt: '', op: 'InitMem', type: 'mem', args: [] })
    expect(value(f, 'v8')).toMatchObject({ op: 'OffPtr', type: '*int64', auxInt: '0', args: ['v7'], names: ['&a[*int64]'] })
    expect(f.names).toEqual([
      { name: '&a[*int64]', values: ['v8'] },
      { name: '&b[*int32]', values: ['v11'] },
      { name: '&c[*int16]', values: ['v14'] },
      { name: '&d[*int8]', values: ['v17'] },
    ])
  })

  it('keeps types with channel arrows, struct literals and tuples whole', () => {
    const f = dump('ptr-method.build.dump')
    expect(f.name).toBe('(*T).Ptr')
    expect(f.type).toBe('method(*T) func(chan<- int, <-chan struct { x int }) (int, bool)')
    expect(value(f, 'v11')).toMatchObject({ line: 12, stmt: '-', op: 'Arg', type: '<-chan struct { x int }', aux: 'r', names: ['r[<-chan struct { x int }]'] })
    expect(value(f, 'v27')).toMatchObject({ type: 'mem', aux: 'struct { x int }', args: ['v26', 'v25', 'v24'] })
    expect(value(f, 'v41').type).toBe('int,bool,mem')
    expect(f.blocks.map((b) => [b.id, b.preds, b.kind, b.controls, b.succs, b.likely])).toEqual([
      ['b1', [], 'If', ['v15'], ['b3', 'b2'], undefined],
      ['b2', ['b1'], 'Ret', ['v41'], [], undefined],
      ['b3', ['b1'], 'Ret', ['v17'], [], undefined],
    ])
    expect(f.names).toContainEqual({ name: 'r[<-chan struct { x int }]', values: ['v11', 'v28'] })
  })

  it('reads registers, stack slots, likely branches and phis after regalloc', () => {
    const loop = dump('lowered/Loop.regalloc.dump')
    expect(loop.blocks.map((b) => b.id)).toEqual(['b1', 'b2', 'b3', 'b7', 'b8', 'b4', 'b5'])
    const b2 = loop.blocks[1]!
    expect(b2).toMatchObject({ preds: ['b1', 'b4'], kind: 'GT', controls: ['v26'], succs: ['b3', 'b5'], likely: 'likely' })
    expect(value(loop, 'v42')).toMatchObject({ op: 'ArgIntReg', aux: 'xs+0', auxInt: '0', reg: 'AX', names: ['xs[*int]'] })
    expect(value(loop, 'v9')).toMatchObject({ op: 'Phi', args: ['v22', 'v31'], reg: 'CX', names: ['i[int]'] })
    expect(value(loop, 'v34').reg).toBe('<>')
    expect(loop.names).toContainEqual({ name: 'xs+8[int]', values: ['v41'] })

    const spill = dump('lowered/Spill.regalloc.dump')
    expect(value(spill, 'v8')).toMatchObject({ op: 'StoreReg', args: ['v14'], reg: 'x[int]', names: [] })
    expect(value(spill, 'v16')).toMatchObject({ op: 'CALLclosure', aux: 'AuxCall{nil}', args: ['v15', 'v5', 'v1'], reg: '<>' })
  })

  it('reads quoted string aux with braces and struct types with tags', () => {
    const f = dump('Tags.build.dump')
    expect(value(f, 'v23')).toMatchObject({ op: 'ConstString', type: 'string', aux: '"}{ \\"x\\" ]"', args: [] })
    expect(value(f, 'v15')).toMatchObject({ op: 'Move', aux: 'Tagged', auxInt: '32', args: ['v14', 'v4', 'v13'] })
    expect(value(f, 'v11')).toMatchObject({ op: 'Addr', aux: 'type:p.Tagged', args: ['v3'] })
  })

  it('reads block aux with several controls, Exit blocks and gc\'s fallback aux text', () => {
    const jump = dump('lowered/Jump.lower.dump')
    const jt = jump.blocks.find((b) => b.kind === 'JUMPTABLE')!
    expect(jt).toMatchObject({ id: 'b3', aux: 'p.Jump.jump3', controls: ['v6', 'v14'] })
    expect(jt.succs).toHaveLength(9)
    expect(jump.blocks[0]).toMatchObject({ kind: 'ULE', succs: ['b3', 'b2'], likely: 'likely' })

    const elem = dump('lowered/slicing.elemToResult.lower.dump')
    expect(value(elem, 'v12')).toMatchObject({ op: 'LoweredPanicBoundsCR', type: 'mem', auxInt: 'auxtype=21 AuxInt=0 Aux={2}', args: ['v4', 'v1'] })
    expect(elem.blocks.at(-1)).toMatchObject({ kind: 'Exit', controls: ['v12'], succs: [] })
    expect(elem.blocks[0]!.likely).toBe('likely')
  })

  it('reads ppc64 lowered ops; name lines may name values the dump file left out', () => {
    const f = dump('lowered/heapagg.half.lower.ppc64.dump')
    expect(value(f, 'v11')).toMatchObject({ op: 'CALLstatic', aux: 'AuxCall{runtime.mallocgc}', auxInt: '32' })
    expect(f.blocks[0]).toMatchObject({ kind: 'NE', likely: 'unlikely' })
    // v14 (&a, OffPtr [0]) has no uses after lower: dump files skip dead values but name lines keep them.
    expect(f.names[0]).toEqual({ name: '&a[*int64]', values: ['v14'] })
    expect(() => value(f, 'v14')).toThrow()
  })
})

describe('parseSsaDump on hand-written edge cases', () => {
  it('splits names at the top level only and reads tmp= and DEAD', () => {
    const f = parseSsaDump(
      [
        'F func(func(int, int) (int, error))',
        '  b1: <- b2 DEAD',
        '    (+3) v2 = Copy <func(int, int) (int, error)> v1 : DI tmp=CX (f[func(int, int) (int, error)], g[map[string]struct { a, b int }]) DEAD',
        '    (3) v3 = MOVQstoreconst <mem> {p.g} [val=1,off=8] v9 v1',
        '    (3) v4 = CSEL <int>[N=false,Z=true,C=false,V=false] v1 v2',
        '    First -> b2 b3 (unlikely)',
        'name f[func(int, int) (int, error)]: []',
        '',
      ].join('\n'),
    )
    expect(f.blocks[0]).toMatchObject({ preds: ['b2'], dead: true, kind: 'First', succs: ['b2', 'b3'], likely: 'unlikely' })
    expect(value(f, 'v2')).toMatchObject({
      type: 'func(int, int) (int, error)',
      reg: 'DI',
      tmp: 'CX',
      names: ['f[func(int, int) (int, error)]', 'g[map[string]struct { a, b int }]'],
      dead: true,
    })
    expect(value(f, 'v3')).toMatchObject({ aux: 'p.g', auxInt: 'val=1,off=8', args: ['v9', 'v1'] })
    expect(value(f, 'v4')).toMatchObject({ auxInt: 'N=false,Z=true,C=false,V=false', args: ['v1', 'v2'] })
    expect(f.names).toEqual([{ name: 'f[func(int, int) (int, error)]', values: [] }])
  })

  it.each([
    ['a value without a type', 'F func()\n  b1:\n    (1) v1 = InitMem\n    Ret v1\n', /^ssa dump line 3: expected ` <type>`/],
    ['an unbalanced aux', 'F func()\n  b1:\n    (1) v1 = Addr <*int> {p.x v2\n    Ret v1\n', /^ssa dump line 3: unbalanced \{aux\}/],
    ['a bad position', 'F func()\n  b1:\n    (x) v1 = InitMem <mem>\n    Ret v1\n', /^ssa dump line 3: expected `\(\?\) ` or `\(\+L\) ` position/],
    ['junk after the args', 'F func()\n  b1:\n    (1) v1 = InitMem <mem> v2 ??\n    Ret v1\n', /^ssa dump line 3: unexpected text at column \d+: " \?\?"/],
    ['a value before any block', 'F func()\n    (1) v1 = InitMem <mem>\n', /^ssa dump line 2: value or block end before the first block/],
    ['a block without an end line', 'F func()\n  b1:\n    (1) v1 = InitMem <mem>\n  b2:\n    Ret v1\n', /^ssa dump line 4: block b1 has no end line/],
    ['a value after the block end', 'F func()\n  b1:\n    Ret v1\n    (1) v1 = InitMem <mem>\n', /^ssa dump line 4: line after the end of block b1/],
    ['a missing header', '  b1:\n    Ret v1\n', /^ssa dump line 1: expected a `Name Type` header/],
    ['an empty dump', '\n\n', /^ssa dump line 1: empty dump/],
    ['a truncated file', 'F func()\n  b1:\n    (1) v1 = InitMem <mem>\n', /block b1 has no end line/],
  ])('rejects %s with the line number', (_what, text, message) => {
    expect(() => parseSsaDump(text)).toThrow(message)
  })
})

describe('parseGossafuncStdout', () => {
  const text = fixture('Dead.gossafunc.txt')
  const dumps = parseGossafuncStdout(text)

  it('finds start and every pass, skipping the AST, pass begin/end lines and genssa', () => {
    expect(dumps[0]!.pass).toBe('start')
    expect(dumps.at(-1)!.pass).toBe('trim')
    expect(dumps.map((d) => d.pass).slice(0, 5)).toEqual(['start', 'number lines', 'early phielim and copyelim', 'early deadcode', 'short circuit'])
    expect(dumps).toHaveLength(55)
    for (const d of dumps) {
      expect(d.func.name).toBe('Dead')
      expect(text.includes(formatSsaDump(d.func)), d.pass).toBe(true)
    }
  })

  it('keeps the dead values and blocks that stdout (unlike dump files) prints', () => {
    const start = dumps[0]!.func
    expect(value(start, 'v2')).toMatchObject({ op: 'SP', dead: true })
    // `if debug` (a false constant) leaves b3 unreachable after short circuit until pre-opt deadcode.
    const sc = dumps.find((d) => d.pass === 'short circuit')!.func
    expect(sc.blocks.filter((b) => b.dead)).toEqual([{ id: 'b3', preds: [], values: [], kind: 'BlockInvalid', controls: [], succs: [], dead: true }])
    const after = dumps.find((d) => d.pass === 'pre-opt deadcode')!.func
    expect(after.blocks.some((b) => b.dead)).toBe(false)
  })

  it('reports a malformed dump with its line number in the whole output', () => {
    const broken = text.replace('    (?) v2 = SP <uintptr> DEAD', '    (?) v2 = SP uintptr')
    const line = text.split('\n').indexOf('    (?) v2 = SP <uintptr> DEAD') + 1
    expect(() => parseGossafuncStdout(broken)).toThrow(`ssa dump line ${line}: expected \` <type>\``)
  })
})
