// gc 1.26's divisible rules (ssa/_gen/divisible.rules): x%c == 0 and
// x%c != 0, which opt left as x == (x/c)*c, become a mask test (c a power of
// two) or a multiply by the inverse of c, a rotate and an unsigned compare
// (magic.ts) — unless x/c is used elsewhere too, then divmod divides once.
// Runs after prove and before divmod, which would otherwise expand the Div.

import type { Value } from '../func'
import type { SsaType } from '../types'
import { isPowerOfTwo } from './helpers'
import { preorder } from './preorder'
import { op, rule, type Make, type Match, type Node, type RuleDef } from './dsl'
import { sdivisible, sdivisibleOK, udivisible, udivisibleOK } from './magic'

type M = Match & { t: SsaType; x: Value; c: bigint; div?: Value }
const WIDTHS = [8, 16, 32, 64] as const

/** x%c == 0 for c a power of two (signed or unsigned): x&(c-1) == 0. */
function powerOfTwo(cmp: 'Eq' | 'Neq', w: number, div: string): RuleDef {
  return rule(
    `(${cmp}${w} x (Mul${w} <t> (${div} x (Const${w} [c])) (Const${w} [c]))) && x.Op != OpConst64 && isPowerOfTwo(c) => (${cmp}${w} (And${w} <t> x (Const${w} <t> [c-1])) (Const${w} <t> [0]))`,
    // gc tests x.Op against OpConst64 at every width (so a narrower constant x still matches).
    ({ v, t, x, c }: M) => x.op !== 'Const64' && isPowerOfTwo(c) && preorder(op(`${cmp}${w}`, op(`And${w}`, { type: t }, x, op(`Const${w}`, { type: t, auxInt: c - 1n })), op(`Const${w}`, { type: t, auxInt: 0n })), v),
  )
}

/** The rotated product against the bound: Leq for ==, Less the other way round for !=. */
function compare(cmp: 'Eq' | 'Neq', w: number, t: SsaType, rotated: Node, max: bigint): Make {
  const bound = op(`Const${w}`, { type: t, auxInt: max })
  return cmp === 'Eq' ? op(`Leq${w}U`, rotated, bound) : op(`Less${w}U`, bound, rotated)
}

function unsignedDivisible(cmp: 'Eq' | 'Neq', w: number): RuleDef {
  const res =
    cmp === 'Eq'
      ? `(Leq${w}U (RotateLeft${w} <t> (Mul${w} <t> x (Const${w} <t> [int${w}(udivisible${w}(c).m)])) (Const${w} <t> [int${w}(${w} - udivisible${w}(c).k)])) (Const${w} <t> [int${w}(udivisible${w}(c).max)]))`
      : `(Less${w}U (Const${w} <t> [int${w}(udivisible${w}(c).max)]) (RotateLeft${w} <t> (Mul${w} <t> x (Const${w} <t> [int${w}(udivisible${w}(c).m)])) (Const${w} <t> [int${w}(${w} - udivisible${w}(c).k)])))`
  return rule(`(${cmp}${w} x (Mul${w} <t> div:(Div${w}u x (Const${w} [c])) (Const${w} [c]))) && div.Uses == 1 && x.Op != OpConst${w} && udivisibleOK${w}(c) => ${res}`, ({ v, t, x, c, div }: M) => {
    if (div!.uses !== 1 || x.op === `Const${w}` || !udivisibleOK(w, c)) return null
    const { k, m, max } = udivisible(w, c)
    const rotated = op(`RotateLeft${w}`, { type: t }, op(`Mul${w}`, { type: t }, x, op(`Const${w}`, { type: t, auxInt: m })), op(`Const${w}`, { type: t, auxInt: BigInt(w) - k }))
    return preorder(compare(cmp, w, t, rotated, max), v)
  })
}

function signedDivisible(cmp: 'Eq' | 'Neq', w: number): RuleDef {
  const rot = `(RotateLeft${w} <t> (Add${w} <t> (Mul${w} <t> x (Const${w} <t> [int${w}(sdivisible${w}(c).m)])) (Const${w} <t> [int${w}(sdivisible${w}(c).a)])) (Const${w} <t> [int${w}(${w} - sdivisible${w}(c).k)]))`
  const max = `(Const${w} <t> [int${w}(sdivisible${w}(c).max)])`
  const res = cmp === 'Eq' ? `(Leq${w}U ${rot} ${max})` : `(Less${w}U ${max} ${rot})`
  return rule(`(${cmp}${w} x (Mul${w} <t> div:(Div${w} x (Const${w} [c])) (Const${w} [c]))) && div.Uses == 1 && x.Op != OpConst${w} && sdivisibleOK${w}(c) => ${res}`, ({ v, t, x, c, div }: M) => {
    if (div!.uses !== 1 || x.op === `Const${w}` || !sdivisibleOK(w, c)) return null
    const { k, m, a, max } = sdivisible(w, c)
    const biased = op(`Add${w}`, { type: t }, op(`Mul${w}`, { type: t }, x, op(`Const${w}`, { type: t, auxInt: m })), op(`Const${w}`, { type: t, auxInt: a }))
    const rotated = op(`RotateLeft${w}`, { type: t }, biased, op(`Const${w}`, { type: t, auxInt: BigInt(w) - k }))
    return preorder(compare(cmp, w, t, rotated, max), v)
  })
}

let defs: RuleDef[] | null = null

/** divisible.rules in the file's order (which is each op's order). */
export function divisibleRuleDefs(): RuleDef[] {
  if (!defs) {
    defs = []
    for (const cmp of ['Eq', 'Neq'] as const) for (const w of WIDTHS) for (const div of [`Div${w}u`, `Div${w}`]) defs.push(powerOfTwo(cmp, w, div))
    for (const w of WIDTHS) for (const cmp of ['Eq', 'Neq'] as const) defs.push(unsignedDivisible(cmp, w))
    for (const w of WIDTHS) for (const cmp of ['Eq', 'Neq'] as const) defs.push(signedDivisible(cmp, w))
  }
  return defs
}
