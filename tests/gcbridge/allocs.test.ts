// Allocation calls read from real gc dumps (fixtures; no go needed).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allocationCalls, parseSsaDump } from '../../src-main/gcbridge'

const calls = (name: string) => allocationCalls(parseSsaDump(readFileSync(join(__dirname, 'fixtures', name), 'utf8')))

describe('allocationCalls', () => {
  it('reads a merged mallocgc: constant size and OffPtr members', () => {
    expect(calls('heapagg.locals.build.dump')).toEqual([
      {
        call: 'runtime.mallocgc',
        value: 'v5',
        block: 'b1',
        size: 16,
        members: [
          { name: 'a', offset: 0, type: 'int64' },
          { name: 'b', offset: 8, type: 'int32' },
          { name: 'c', offset: 12, type: 'int16' },
          { name: 'd', offset: 14, type: 'int8' },
        ],
      },
    ])
  })

  it('keeps program order: the merged scalars, then the closure object', () => {
    const c = calls('heapagg.closure.build.dump')
    expect(c.map((x) => [x.call, x.value, x.size])).toEqual([
      ['runtime.mallocgc', 'v7', 16],
      ['runtime.newobject', 'v27', null],
    ])
    expect(c[1]).toMatchObject({ type: 'noalg.struct { F uintptr; X0 *int64; X1 *int32; X2 *int16; X3 *int8 }', members: [] })
  })

  it('reads a lone small scalar: newobject whose OffPtr became a Copy', () => {
    expect(calls('Single.build.dump')).toEqual([
      { call: 'runtime.newobject', value: 'v5', block: 'b1', size: 8, type: 'int', members: [{ name: 'x', offset: 0, type: 'int' }] },
    ])
  })

  it('reads a moved variable named on the SelectN itself', () => {
    expect(calls('Tags.build.dump')).toEqual([
      { call: 'runtime.newobject', value: 'v12', block: 'b1', size: null, type: 'p.Tagged', members: [{ name: 't', offset: 0, type: 'Tagged' }] },
    ])
  })

  it('follows lowered calls and offsets (ppc64 CALLstatic, MOVDconst, ADDconst)', () => {
    // &a was OffPtr [0]: folded away by lower, so it is no longer a member.
    expect(calls('lowered/heapagg.half.lower.ppc64.dump')).toEqual([
      {
        call: 'runtime.mallocgc',
        value: 'v11',
        block: 'b1',
        size: 16,
        members: [
          { name: 'b', offset: 8, type: 'int32' },
          { name: 'c', offset: 12, type: 'int16' },
          { name: 'd', offset: 14, type: 'int8' },
        ],
      },
    ])
  })

  it('ignores other calls', () => {
    expect(calls('ptr-method.build.dump')).toEqual([])
  })
})
