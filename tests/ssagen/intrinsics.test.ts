// The intrinsics of math and math/bits in SSA construction and both
// backends: the generic op ssagen makes, amd64's CPU-feature branch around
// the op with the package's own function as fallback (GOAMD64=v1), none of
// it on ppc64, the tuple ops of Add64/Sub64/Mul64 read with Select0/Select1,
// and their instructions in the listing. The whole listings are compared
// with gc's in the corpus (testdata/ssa/mathbits.go, mathfuncs.go; `ssascope fidelity`).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { projectRoot } from '../../src-main/service/paths'

const bitsSrc = readFileSync(join(projectRoot, 'testdata', 'ssa', 'mathbits.go'), 'utf8')
const mathSrc = readFileSync(join(projectRoot, 'testdata', 'ssa', 'mathfuncs.go'), 'utf8')

async function start(src: string, fn: string, arch: string): Promise<string[]> {
  const prog = await ssaProgram('x.go', src)
  const { func } = prog.compileFunc(fn, arch, { until: 'start' })
  return func.blocks.flatMap((b) => b.values.map((v) => `${v.op}${v.aux?.kind === 'call' ? ` {${v.aux.fn}}` : v.aux?.kind === 'sym' ? ` {${v.aux.name}}` : ''}`))
}

async function listing(src: string, fn: string, arch: string): Promise<string[]> {
  const prog = await ssaProgram('x.go', src)
  const t = prog.trace(fn, arch)
  expect(t.asmError).toBeUndefined()
  return t.asm!.lines.map((l) => l.text)
}

describe('ssagen makes one generic op per intrinsic', () => {
  const cases: [string, string][] = [
    ['tz64', 'Ctz64'], ['tz8', 'Ctz8'], ['len32', 'BitLen32'], ['lenU', 'BitLen64'],
    ['rot64', 'RotateLeft64'], ['rotU', 'RotateLeft64'], ['rot32', 'RotateLeft32'],
  ]
  for (const [fn, op] of cases) {
    it(`${fn}: ${op}, no call`, async () => {
      for (const arch of ['amd64', 'ppc64']) {
        const ops = await start(bitsSrc, fn, arch)
        expect(ops).toContain(op)
        expect(ops.some((o) => o.startsWith('StaticLECall'))).toBe(false)
      }
    })
  }

  it('Add64, Sub64 and Mul64 are tuple ops read with Select0 and Select1', async () => {
    for (const [fn, op] of [['add64', 'Add64carry'], ['sub64', 'Sub64borrow'], ['mul64', 'Mul64uhilo'], ['mulU', 'Mul64uhilo']] as const) {
      const ops = await start(bitsSrc, fn, 'amd64')
      expect(ops.filter((o) => o === op), fn).toHaveLength(1)
      expect(ops, fn).toEqual(expect.arrayContaining(['Select0', 'Select1']))
    }
  })
})

describe('amd64 tests the CPU feature first; ppc64 does not', () => {
  const cases: [string, string, string, string][] = [
    [bitsSrc, 'pop64', 'PopCount64', 'runtime.x86HasPOPCNT'],
    [bitsSrc, 'popU', 'PopCount64', 'runtime.x86HasPOPCNT'],
    [bitsSrc, 'pop16', 'PopCount16', 'runtime.x86HasPOPCNT'],
    [mathSrc, 'floor', 'Floor', 'runtime.x86HasSSE41'],
    [mathSrc, 'trunc', 'Trunc', 'runtime.x86HasSSE41'],
    [mathSrc, 'fma', 'FMA', 'runtime.x86HasFMA'],
  ]
  for (const [src, fn, op, feature] of cases) {
    it(`${fn}: ${op} behind ${feature}`, async () => {
      const pkgFn = { pop64: 'math/bits.OnesCount64', popU: 'math/bits.OnesCount', pop16: 'math/bits.OnesCount16', floor: 'math.Floor', trunc: 'math.Trunc', fma: 'math.FMA' }[fn]!
      const amd = await start(src, fn, 'amd64')
      expect(amd).toEqual(expect.arrayContaining([`HasCPUFeature {${feature}}`, op, `StaticLECall {${pkgFn}}`, 'Phi']))
      const ppc = await start(src, fn, 'ppc64')
      expect(ppc).toContain(op)
      expect(ppc.filter((o) => o.startsWith('HasCPUFeature') || o.startsWith('StaticLECall') || o === 'Phi')).toEqual([])
    })
  }
})

describe('the listings use the instructions gc picks', () => {
  it('amd64: POPCNT, BSF, ADC/SBB, ROUNDSD and VFMADD231SD behind their tests', async () => {
    expect(await listing(bitsSrc, 'pop64', 'amd64')).toEqual(expect.arrayContaining(['MOVBLZX\truntime.x86HasPOPCNT(SB), CX', 'POPCNTQ\tAX, CX', 'CALL\tmath/bits.OnesCount64(SB)']))
    expect((await listing(bitsSrc, 'tz64', 'amd64')).filter((t) => /^(BSFQ|CMOVQEQ)/.test(t))).toHaveLength(2)
    expect(await listing(bitsSrc, 'add128', 'amd64')).toEqual(expect.arrayContaining(['ADDQ\tDI, BX', 'ADCQ\tCX, AX']))
    expect(await listing(bitsSrc, 'add64', 'amd64')).toEqual(expect.arrayContaining(['NEGL\tCX', 'ADCQ\tBX, AX', 'SBBQ\tBX, BX', 'NEGQ\tBX']))
    expect(await listing(mathSrc, 'floor', 'amd64')).toEqual(expect.arrayContaining(['ROUNDSD\t$1, X0, X1', 'CALL\tmath.Floor(SB)']))
    expect(await listing(mathSrc, 'fma', 'amd64')).toEqual(expect.arrayContaining(['VFMADD231SD\tX1, X0, X2', 'CALL\tmath.FMA(SB)']))
  })

  it('ppc64: POPCNTD, ADDC/ADDE, SUBC/SUBE, FRIM (floor), FMADD', async () => {
    expect(await listing(bitsSrc, 'pop64', 'ppc64')).toContain('POPCNTD\tR3, R3')
    expect(await listing(bitsSrc, 'add128', 'ppc64')).toEqual(expect.arrayContaining(['ADDC\tR4, R6, R4', 'ADDE\tR3, R5, R3']))
    expect(await listing(bitsSrc, 'sub64', 'ppc64')).toEqual(expect.arrayContaining(['SUBC\tR5, $0, R5', 'SUBE\tR4, R3, R3', 'SUBZE\tR0, R5', 'NEG\tR5, R4']))
    expect(await listing(mathSrc, 'floor', 'ppc64')).toContain('FRIM\tF1, F1') // FFLOOR's mnemonic
    expect((await listing(mathSrc, 'fma', 'ppc64')).some((t) => t.startsWith('FMADD\t'))).toBe(true)
  })

  it('f(g()) with several results is refused at SSA construction, not mis-built', async () => {
    const prog = await ssaProgram('x.go', 'package p\n\nimport "math/bits"\n\nfunc two() (uint64, uint64) { return 1, 2 }\n\nfunc f() (uint64, uint64) { return bits.Mul64(two()) }\n')
    expect(prog.diagnostics).toEqual([])
    expect(() => prog.trace('f', 'amd64')).toThrow(/7:36: unsupported: bits\.Mul64 of a multi-value call \(SSA construction\)/)
  })

  it('an argument that calls is evaluated once, before the feature test', async () => {
    const ops = await start(bitsSrc, 'popCall', 'amd64')
    expect(ops.filter((o) => o === 'StaticLECall {p.twice}')).toHaveLength(1)
    expect(ops.indexOf('StaticLECall {p.twice}')).toBeLessThan(ops.indexOf('PopCount64'))
  })
})
