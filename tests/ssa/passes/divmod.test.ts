// divisible and divmod against the real gc: one compile of
// testdata/ssa/divmod.go per arch dumps every function before and after each
// pass; our pass on gc's function before it must give gc's function after
// it, text for text. Plus rule-level checks that do not need go.

import { beforeAll, describe, expect, it } from 'vitest'
import { gcSsaDumps, type GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { PassContext } from '../../../src-main/compiler/ssa/compile'
import type { Func, Value } from '../../../src-main/compiler/ssa/func'
import { divisible, divmod } from '../../../src-main/compiler/ssa/passes/divmod'
import { divisibleRuleDefs } from '../../../src-main/compiler/ssa/rules/divisible'
import { divmodRuleDefs } from '../../../src-main/compiler/ssa/rules/divmod'
import { requireGo, skipDifferential } from '../../go-toolchain'
import { diffPass, summary } from './cleanup-helpers'

const FILE = 'testdata/ssa/divmod.go'
const ARCHES = ['amd64', 'ppc64']


function run(pass: (f: Func, ctx: PassContext) => void, text: string): { f: Func; ctx: PassContext } {
  const f = funcFromDump(text)
  const ctx: PassContext = { arch: 'amd64', rules: [] }
  pass(f, ctx)
  checkFunc(f)
  return { f, ctx }
}

const returned = (f: Func): Value => f.blocks.find((b) => b.kind === 'Ret')!.controls[0]!.args[0]!
const tree = (v: Value): string => (v.args.length ? `(${v.op} ${v.args.map(tree).join(' ')})` : v.op.startsWith('Const') ? `${v.op}[${v.auxInt}]` : v.op)

const DIV = (op: string, t: string, c: string, w: number) => `f func(${t}) ${t}
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <${t}> {x} (x[${t}])
    (?) v3 = Const${w} <${t}> [${c}]
    (4) v4 = ${op} <${t}> v2 v3
    (+4) v5 = MakeResult <${t},mem> v4 v1
    Ret v5
`

describe('divmod rules', () => {
  it('parse, each named by its gc text', () => {
    for (const d of [...divisibleRuleDefs(), ...divmodRuleDefs()]) expect(d.text).toMatch(/^\((Eq|Neq|Div)\d+u? /)
    expect(divmodRuleDefs().filter((d) => d.op === 'Div64u').map((d) => d.text.slice(d.text.indexOf('&&'), d.text.indexOf('=>')).trim())).toEqual([
      '&& t.IsSigned() && smagicOK64(c)',
      '&& umagicOK64(c) && umagic64(c).m&1 == 0',
      '&& umagicOK64(c) && c&1 == 0',
      '&& umagicOK64(c)',
    ])
  })

  it('divide uint64 by 7 with the avg form, by 10 with the even-m form, by 14 with the even-c form, int64 by 3 with the odd-m form', () => {
    expect(tree(returned(run(divmod, DIV('Div64u', 'uint64', '7', 64)).f))).toBe('(Rsh64Ux64 (Avg64u Arg (Hmul64u Arg Const64[2635249153387078803])) Const64[2])')
    expect(tree(returned(run(divmod, DIV('Div64u', 'uint64', '10', 64)).f))).toBe('(Rsh64Ux64 (Hmul64u Arg Const64[-3689348814741910323]) Const64[3])')
    expect(tree(returned(run(divmod, DIV('Div64u', 'uint64', '14', 64)).f))).toBe('(Rsh64Ux64 (Hmul64u (Rsh64Ux64 Arg Const64[1]) Const64[-7905747460161236406]) Const64[2])')
    expect(tree(returned(run(divmod, DIV('Div64', 'int64', '3', 64)).f))).toBe('(Sub64 (Rsh64x64 (Add64 Arg (Hmul64 Arg Const64[-6148914691236517205])) Const64[1]) (Rsh64x64 Arg Const64[63]))')
  })

  it('divide a signed power of two with a rounding bias, and narrow widths in 32 or 64 bits', () => {
    expect(tree(returned(run(divmod, DIV('Div32', 'int32', '8', 32)).f))).toBe('(Rsh32x64 (Add32 Arg (Rsh32Ux64 (Rsh32x64 Arg Const64[31]) Const64[29])) Const64[3])')
    expect(tree(returned(run(divmod, DIV('Div8u', 'uint8', '3', 8)).f))).toBe('(Trunc32to8 (Rsh32Ux64 (Mul32 (ZeroExt8to32 Arg) Const32[342]) Const64[10]))')
    expect(tree(returned(run(divmod, DIV('Div16', 'int16', '10', 16)).f))).toBe(
      '(Sub16 (Rsh32x64 (Mul32 (SignExt16to32 Arg) Const32[52429]) Const64[19]) (Rsh32x64 (SignExt16to32 Arg) Const64[31]))',
    )
  })

  it('a division prove made unsigned keeps its signed type and takes the signed magic without fix-up', () => {
    expect(tree(returned(run(divmod, DIV('Div64u', 'int64', '7', 64)).f))).toBe('(Rsh64Ux64 (Hmul64u Arg Const64[-7905747460161236406]) Const64[2])')
  })

  const TEST = (op: string, div: string, t: string, c: string, w: number, uses = '') => `f func(${t}) bool
  b1:
    (?) v1 = InitMem <mem>
    (-3) v2 = Arg <${t}> {x} (x[${t}])
    (?) v3 = Const${w} <${t}> [${c}]
    (4) v4 = ${div} <${t}> v2 v3
    (4) v5 = Mul${w} <${t}> v4 v3
    (4) v6 = ${op} <bool> v2 v5
    (+4) v7 = MakeResult <bool${uses ? `,${t}` : ''},mem> v6${uses} v1
    Ret v7
`

  it('turns x%c == 0 into a multiply, rotate and compare; != compares the other way', () => {
    const { f, ctx } = run(divisible, TEST('Eq32', 'Div32u', 'uint32', '10', 32))
    expect(tree(returned(f))).toBe('(Leq32U (RotateLeft32 (Mul32 Arg Const32[-858993459]) Const32[31]) Const32[429496729])')
    expect(ctx.rules.map((r) => r.rule)[0]).toMatch(/^\(Eq32 x \(Mul32 <t> div:\(Div32u x/)
    expect(tree(returned(run(divisible, TEST('Neq64', 'Div64', 'int64', '6', 64)).f))).toBe(
      '(Less64U Const64[3074457345618258602] (RotateLeft64 (Add64 (Mul64 Arg Const64[-6148914691236517205]) Const64[3074457345618258602]) Const64[63]))',
    )
    expect(tree(returned(run(divisible, TEST('Eq16', 'Div16', 'int16', '16', 16)).f))).toBe('(Eq16 (And16 Arg Const16[15]) Const16[0])')
  })

  it('leaves x%c == 0 alone when the quotient is used too', () => {
    const { f } = run(divisible, TEST('Eq64', 'Div64u', 'uint64', '10', 64, ' v4'))
    expect(returned(f).op).toBe('Eq64')
  })
})

describe.skipIf(skipDifferential)('divisible and divmod against gc on divmod.go', () => {
  const dumps = new Map<string, GcSsaDumps>()
  beforeAll(async () => {
    requireGo()
    for (const arch of ARCHES) dumps.set(arch, await gcSsaDumps(FILE, 'all', ['prove', 'divisible', 'divmod'], { goarch: arch }))
  }, 120_000)

  for (const arch of ARCHES) {
    for (const [pass, fn] of [['divisible', divisible], ['divmod', divmod]] as const) {
      it(`${pass} on ${arch}`, () => {
        const r = diffPass(dumps.get(arch)!, pass, (f) => fn(f, { arch, rules: [] }))
        expect(r.failures).toEqual([])
        expect(r.skipped).toEqual([])
        expect(r.funcs, summary(pass, r)).toBeGreaterThanOrEqual(20)
        expect(r.mismatches.map((m) => `${m.func}\n--- ours\n${m.ours}\n--- gc\n${m.gc}`)).toEqual([])
        // The text is gc's, statement marks included (a removed value's mark moves as gc's pendingLines do).
        expect(r.textDiffs.map((d) => `${d.func}\n--- ours\n${d.ours}\n--- gc\n${d.gc}`)).toEqual([])
      })
    }
  }
})
