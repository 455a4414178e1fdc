// What the liveness view draws beyond gc's decisions: each candidate's direct
// uses, why a dropped candidate never reached merging, and the uses of an
// evicting address value in later blocks.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stackFrame } from '../../src-main/compiler/stackframe'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { StackFrameResult } from '../../src-main/protocol/model'

const root = join(__dirname, '..', '..')

async function frame(file: string, func: string, arch: string): Promise<{ r: StackFrameResult; blockOf: Map<string, string>; ops: Map<string, string> }> {
  const prog = await ssaProgram(file, readFileSync(file, 'utf8'), { pkgPath: 'p' })
  const f = prog.compileFunc(func, arch, { until: 'trim' }).func
  const r = stackFrame(f, { file })
  const blockOf = new Map<string, string>()
  const ops = new Map<string, string>()
  for (const b of f.blocks) for (const v of b.values) {
    blockOf.set(v.ref, b.ref)
    ops.set(v.ref, v.op)
  }
  return { r, blockOf, ops }
}

const phases = join(root, 'resources', 'examples', 'mergelocals.go')

describe('stack frame artifact for the views', () => {
  it('direct uses: the VarDef, the address and the memory ops naming the slot (amd64)', async () => {
    const { r, ops } = await frame(phases, 'Phases', 'amd64')
    const a = r.candidates.find((c) => c.name === 'a')!
    expect(a.uses!.map((u) => [ops.get(u.value), u.effect])).toEqual([
      ['VarDef', 'def'],
      ['LEAQ', 'addr'],
      ['MOVQstoreidx8', 'write'],
      ['MOVQstoreconstidx8', 'write'],
      ['MOVQloadidx8', 'read'],
    ])
  })

  it('ppc64: the evicting MOVDaddr lists its uses in later blocks; b was dropped for want of a partner', async () => {
    const { r, blockOf, ops } = await frame(phases, 'Phases', 'ppc64')
    const ev = r.evictions[0]!
    const addr = r.addressValues.find((x) => x.value === ev.value)!
    expect(ops.get(addr.value)).toBe('MOVDaddr')
    expect(addr.pending).toBe(2)
    expect(addr.later).toHaveLength(2)
    expect(addr.later!.map((v) => blockOf.get(v))).not.toContain(ev.block)
    expect(addr.later!.map((v) => ops.get(v))).toEqual(['MOVDstoreidx', 'MOVDloadidx'])
    expect(r.addressValues.filter((x) => x.pending === 0).every((x) => x.later === undefined)).toBe(true)
    const b = r.candidates.find((c) => c.name === 'b')!
    expect(b).toMatchObject({ status: 'dropped', reason: 'fewer than two candidates left after evictions' })
    expect(r.candidates.find((c) => c.name === 'a')!.reason).toBeUndefined()
  })

  it('a candidate alone in its region is dropped with that reason; the only candidate too', async () => {
    const reasons = new Set<string>()
    for (const name of ['alone.go', 'regions.go', 'shapes.go', 'mixed.go']) {
      const file = join(root, 'testdata', 'mergelocals', name)
      const prog = await ssaProgram(file, readFileSync(file, 'utf8'), { pkgPath: 'p' })
      for (const fn of prog.functions) {
        const r = stackFrame(prog.compileFunc(fn, 'amd64', { until: 'trim' }).func, { file })
        for (const c of r.candidates) {
        if (c.status === 'dropped') {
          expect(c.reason, `${fn} ${c.name}`).toBeTruthy()
          reasons.add(c.reason!.replace(/ after evictions$/, ''))
        } else expect(c.reason, `${fn} ${c.name}`).toBeUndefined()
        }
      }
    }
    expect([...reasons].some((x) => x.startsWith('alone in its region'))).toBe(true)
    const abc = await frame(phases, 'ABC', 'amd64')
    expect(abc.r.candidates).toMatchObject([{ name: 't', status: 'dropped', reason: 'the only candidate: nothing to share a slot with' }])
  })
})
