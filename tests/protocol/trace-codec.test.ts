// The compact trace encoding (DESIGN §3): what decodeTrace gives back is the
// trace that went into encodeTrace, with its records shared exactly as
// before, and anything malformed is refused with ApiError('bad-argument').

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { ApiError } from '../../src-main/protocol/errors'
import type { BlockRecord, FuncTrace, PassRecord, ValueRecord } from '../../src-main/protocol/model'
import { decodeTrace, encodeTrace, TRACE_FORMAT, type EncodedTrace } from '../../src-main/protocol/trace-codec'
import { examplesDir, projectRoot } from '../../src-main/service/paths'

const files = [
  join(projectRoot, 'testdata', 'ssa', 'constructs.go'),
  join(projectRoot, 'testdata', 'ssa', 'allocs.go'),
  join(projectRoot, 'testdata', 'ssa', 'opt_decompose.go'),
  join(examplesDir, 'heapagg.go'),
]

/** Through the wire as every transport carries it. */
const wire = (t: FuncTrace): FuncTrace => decodeTrace(JSON.parse(JSON.stringify(encodeTrace(t))) as EncodedTrace)

const cache = new Map<string, Promise<FuncTrace[]>>()

/** Every function of the file on amd64 and ppc64. */
function traces(file: string): Promise<FuncTrace[]> {
  let t = cache.get(file)
  if (!t) {
    t = ssaProgram(file, readFileSync(file, 'utf8')).then((prog) => {
      expect(prog.diagnostics).toEqual([])
      return prog.functions.flatMap((fn) => (['amd64', 'ppc64'] as const).map((arch) => prog.trace(fn, arch)))
    })
    cache.set(file, t)
  }
  return t
}

/**
 * Walks both traces in step and checks that sharing is the same: two places
 * hold the same object before encoding exactly when they do after decoding.
 * Returns how many places held an object seen before (so a test can insist
 * there was sharing to check).
 */
function expectSameSharing(a: FuncTrace, b: FuncTrace): number {
  const there = new Map<object, object>()
  const back = new Map<object, object>()
  let shared = 0
  const pair = (x: object | undefined, y: object | undefined): boolean => {
    if (x === undefined || y === undefined) {
      expect(x === undefined).toBe(y === undefined)
      return false
    }
    const seen = there.get(x)
    if (seen !== undefined) {
      shared++
      expect(seen).toBe(y)
      return false
    }
    expect(back.has(y), 'a decoded object stands for two different ones').toBe(false)
    there.set(x, y)
    back.set(y, x)
    return true
  }
  a.passes.forEach((p, i) => {
    const q = b.passes[i]!
    if (!pair(p.snapshot, q.snapshot)) return
    pair(p.snapshot.locs, q.snapshot.locs)
    pair(p.snapshot.names, q.snapshot.names)
    if (!pair(p.snapshot.blocks, q.snapshot.blocks)) return
    p.snapshot.blocks.forEach((blk, j) => {
      const blk2 = q.snapshot.blocks[j]!
      if (!pair(blk, blk2)) return
      blk.values.forEach((v, k) => pair(v, blk2.values[k]))
    })
  })
  return shared
}

describe('encodeTrace / decodeTrace', () => {
  for (const file of files) {
    it(`round-trips every function of ${file.split('/').slice(-2).join('/')} on amd64 and ppc64, sharing records as before`, async () => {
      for (const t of await traces(file)) {
        const e = encodeTrace(t)
        expect(e.format).toBe(TRACE_FORMAT)
        const back = wire(t)
        expect(back, `${t.func} ${t.arch}`).toEqual(t)
        expect(expectSameSharing(t, back)).toBeGreaterThan(0)
      }
    })
  }

  it('is much smaller than the JSON of the expanded trace', async () => {
    const [t] = await traces(join(examplesDir, 'heapagg.go'))
    expect(JSON.stringify(encodeTrace(t!)).length * 4).toBeLessThan(JSON.stringify(t).length)
  })

  it('keeps a record shared between consecutive passes one object', async () => {
    const [t] = await traces(join(projectRoot, 'testdata', 'ssa', 'constructs.go'))
    const back = wire(t!)
    let checked = 0
    for (let i = 1; i < t!.passes.length; i++) {
      const before = new Set<ValueRecord>(t!.passes[i - 1]!.snapshot.blocks.flatMap((b) => b.values))
      const prevDecoded = new Map(back.passes[i - 1]!.snapshot.blocks.flatMap((b) => b.values).map((v) => [v.id, v]))
      t!.passes[i]!.snapshot.blocks.forEach((b, j) =>
        b.values.forEach((v, k) => {
          if (!before.has(v)) return
          expect(back.passes[i]!.snapshot.blocks[j]!.values[k]).toBe(prevDecoded.get(v.id))
          checked++
        }),
      )
    }
    expect(checked).toBeGreaterThan(0)
  })

  it('keeps a failed pass with its error', async () => {
    const [t] = await traces(join(projectRoot, 'testdata', 'ssa', 'allocs.go'))
    const failed: PassRecord = { ...t!.passes[8]!, status: 'failed', error: 'opt: something went wrong' }
    const cut: FuncTrace = { func: t!.func, arch: t!.arch, passes: [...t!.passes.slice(0, 8), failed], allocs: t!.allocs }
    const back = wire(cut)
    expect(back).toEqual(cut)
    expect(back.passes[8]!.status).toBe('failed')
    expect(back.passes[8]!.error).toBe('opt: something went wrong')
    expect(back.stackFrame).toBeUndefined()
  })

  it('passes the allocation decisions (kind, flush, members\' values and order) and zerobase variables through', async () => {
    const all = await traces(join(projectRoot, 'testdata', 'ssa', 'allocs.go'))
    const overflow = all.find((t) => t.func === 'overflow' && t.arch === 'amd64')!
    expect(wire(overflow).allocs).toEqual(overflow.allocs)
    expect(wire(overflow).allocs[0]!.flush).toEqual({ cause: 'overflow', bytes: 16, next: 'c', nextSize: 8 })
    const pointers = all.find((t) => t.func === 'pointers' && t.arch === 'ppc64')!
    expect(pointers.zerobase).toHaveLength(1)
    expect(wire(pointers).zerobase).toEqual(pointers.zerobase)
  })

  it('keeps ids of any spelling, unknown rule fields and unknown fields of passes and traces', () => {
    const t = handmade()
    const back = wire(t)
    expect(back).toEqual(t)
    expect(back.passes[1]!.snapshot.blocks[0]!.values[1]).toBe(back.passes[0]!.snapshot.blocks[0]!.values[1])
    expect(back.passes[1]!.snapshot.locs).toBe(back.passes[2]!.snapshot.locs)
    // Location tables with the same contents are stored once.
    expect(encodeTrace(t).locs).toHaveLength(1)
  })

  it('rejects what is not an encoded trace with ApiError bad-argument', () => {
    const good = JSON.parse(JSON.stringify(encodeTrace(handmade()))) as EncodedTrace
    const cases: [string, unknown][] = [
      ['null', null],
      ['a string', 'ssascope-trace/1'],
      ['an array', []],
      ['no format', { ...good, format: undefined }],
      ['another format', { ...good, format: 'ssascope-trace/99' }],
      ['the expanded trace', handmade()],
      ['strings not strings', { ...good, strings: [1, 2] }],
      ['no values', { ...good, values: undefined }],
      ['a column not numbers', { ...good, values: { ...good.values, op: good.values.op.map(String) } }],
      ['a string index out of range', { ...good, values: { ...good.values, op: good.values.op.map(() => 10_000) } }],
      ['a column cut short', { ...good, values: { ...good.values, type: good.values.type.slice(1) } }],
      ['a column too long', { ...good, blocks: { ...good.blocks, kind: [...good.blocks.kind, 0] } }],
      ['a snapshot index out of range', { ...good, passes: good.passes.map((p) => ({ ...p, snapshot: 99 })) }],
      ['a fractional index', { ...good, passes: good.passes.map((p) => ({ ...p, snapshot: 0.5 })) }],
      ['a block list referring to missing blocks', { ...good, blockLists: [[400 * 4 + 2]] }],
      ['a literal record index out of range', { ...good, blockLists: [[4 + 3, 77]] }],
      ['a diff of the wrong shape', { ...good, passes: good.passes.map((p) => ({ ...p, diff: [] })) }],
      ['a rule field shadowing a known one', { ...good, passes: good.passes.map((p) => (p.rules ? { ...p, rules: { ...p.rules, xr: [[0, 'rule', 1]] } } : p)) }],
    ]
    for (const [what, input] of cases) {
      let err: unknown
      try {
        decodeTrace(input as EncodedTrace)
      } catch (e) {
        err = e
      }
      expect(err, what).toBeInstanceOf(ApiError)
      expect((err as ApiError).code, what).toBe('bad-argument')
    }
  })

  it('never fails with anything but ApiError on mangled input', () => {
    const good = encodeTrace(handmade())
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const junk = [-1, 0, 1, 3, 7, 1e9, -1e9, 0.5, NaN, '', 'x', null, [], {}, true]
    for (let round = 0; round < 300; round++) {
      const e = JSON.parse(JSON.stringify(good)) as unknown
      // Replace a few leaves (numbers, strings, arrays) anywhere in the tree.
      for (let n = 0; n < 1 + Math.floor(random() * 3); n++) {
        let node = e as Record<string, unknown>
        for (let depth = 0; depth < 6; depth++) {
          const keys = Object.keys(node)
          if (keys.length === 0) break
          const k = keys[Math.floor(random() * keys.length)]!
          const child = node[k]
          if (typeof child === 'object' && child !== null && random() < 0.8) node = child as Record<string, unknown>
          else {
            node[k] = junk[Math.floor(random() * junk.length)]
            break
          }
        }
      }
      try {
        decodeTrace(e as EncodedTrace)
      } catch (err) {
        expect(err, `round ${round}`).toBeInstanceOf(ApiError)
      }
    }
  })
})

/** A small trace with everything the pipeline rarely produces: odd ids, rule fields the format does not know, extra fields. */
function handmade(): FuncTrace {
  const v = (id: string, op: string, args: string[], extra: Partial<ValueRecord> = {}): ValueRecord =>
    Object.freeze({ id, op, type: 'int', args, block: 'b1', line: 3, col: 2, stmt: '+' as const, ...extra })
  const blk = (id: string, values: ValueRecord[], extra: Partial<BlockRecord> = {}): BlockRecord =>
    Object.freeze({ id, kind: 'Plain', controls: [], succs: [], preds: [], values, line: 3, ...extra })
  const mem = v('v1', 'InitMem', [], { type: 'mem', line: 0, col: 0, stmt: '' })
  const odd = v('v01', 'Const64', [], { auxInt: '7', block: 'entry', col: -4, stmt: '-' })
  const big = v('v123456789012', 'Add64', ['v01', 'v1'], { aux: 'weird', origin: 'x9' })
  const add2 = v('v3', 'Add64', ['v01', 'v123456789012'], { origin: 'v01' })
  const b1 = blk('b1', [mem, odd, big], { kind: 'If', controls: ['v01'], succs: ['b2', 'exit'], likely: 'unlikely', aux: 'a' })
  const b1b = blk('b1', [mem, odd, add2], { kind: 'If', controls: ['v3'], succs: ['b2', 'exit'], likely: 'likely' })
  const b2 = blk('b2', [], { kind: 'Ret', preds: ['b1'], controls: ['v1'] })
  const exit = blk('exit', [], { kind: 'Exit', preds: ['b1'] })
  const diff = { valuesAdded: ['v1', 'v01'], valuesRemoved: [], valuesChanged: ['v123456789012'], blocksAdded: ['b1', 'exit'], blocksRemoved: ['b0'], blocksChanged: [] }
  const names = [{ name: 'x[int]', values: ['v01', 'v3'] }]
  const start = { name: 'f', type: 'func(int) int', arch: 'generic', blocks: [b1, b2, exit], names: [] }
  const locsA = { v1: 'AX', v01: 'x[int]', v123456789012: '<AX,DX>' }
  const after = { name: 'f', type: 'func(int) int', arch: 'amd64', blocks: [b1b, b2, exit], names, scheduled: true, locs: locsA }
  const again = { ...after, locs: { ...locsA } }
  return {
    func: 'f',
    arch: 'amd64',
    passes: [
      { name: 'start', status: 'changed', ms: 0, snapshot: start, diff },
      {
        name: 'opt',
        status: 'changed',
        ms: 0.125,
        snapshot: after,
        diff,
        rules: [
          { rule: '(Add64 x y) => (Add64 y x)', value: 'v3', created: ['v01', 'x9'], after: 'Add64 <int> v01 v123456789012', createdAs: ['Const64 <int> [7]', ''] },
          { rule: 'r2', value: '', created: [], note: 'free text', score: 3 } as never,
          { rule: 'r3', value: 'v1', created: ['v1'], tags: ['a b', 'c'], after: 'x  y ' } as never,
        ],
        extraField: { kept: true },
      } as PassRecord,
      { name: 'lower', status: 'unchanged', ms: 1, snapshot: again, diff: { ...diff, valuesAdded: [] } },
      { name: 'late', status: 'failed', error: 'no', ms: 2, snapshot: again, diff },
    ],
    allocs: [{ call: 'runtime.newobject', size: 8, value: 'v3', block: 'b1', members: [{ name: 'x', offset: 0, size: 8, align: 8 }] }],
    asm: {
      lines: [
        { pc: 0, line: 3, text: 'TEXT\tp.f(SB), ABIInternal, $0-8' },
        { pc: 0, line: 3, text: 'MOVQ\tAX, BX', value: 'v3' },
        { pc: 3, line: 4, text: 'RET', block: 'exit' },
        { pc: 4, line: 4, text: 'NOP', value: 'v01', block: 'b1' },
      ],
      symbol: 'p.f',
      size: 5,
      frame: 0,
      locals: 0,
      args: 8,
      attrs: ['ABIInternal'],
    },
    asmError: 'partial',
    effectOps: ['InitMem'],
  } as FuncTrace
}
