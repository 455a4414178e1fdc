// PPC64latelower.rules: what must wait until the lowering rules are done.
// ISEL with a zero operand becomes ISELZ; power8 has no SETBC, so booleans
// from flags become ISELZ of 1; masks become rotate-and-clear (RLDICL,
// RLDICR, RLWINM) where they fit; and a compare with zero of a result
// computed in the same block uses the op's record form (ADDCC…) instead.

import type { Value } from '../../func'
import { op, type RuleDef } from '../dsl'
import { rules } from './dsl'
import {
  convertPPC64OpToOpCC, convertPPC64RldiclAndccconst, encodePPC64RotateMask, isPPC64ValidShiftMask, isPPC64WordRotateMask, mergePPC64RLDICLandSRDconst,
} from './helpers'
import { GOPPC64 } from './lower'

type I = bigint

export function lateLowerRuleDefs(): RuleDef[] {
  const one = () => op('MOVDconst', { auxInt: 1n })
  const setbc: [string, I, I][] = [['SETBC', 2n, 2n], ['SETBCR', 2n, 6n], ['SETBC', 0n, 0n], ['SETBCR', 0n, 4n], ['SETBC', 1n, 1n], ['SETBCR', 1n, 5n]]
  return [
    ...rules('(ISEL [a] x (MOVDconst [0]) z) => (ISELZ [a] x z)', ({ a, x, z }) => op('ISELZ', { auxInt: a }, x, z)),
    ...rules('(ISEL [a] (MOVDconst [0]) y z) => (ISELZ [a^0x4] y z)', ({ a, y, z }: { a: I; y: Value; z: Value }) => op('ISELZ', { auxInt: a ^ 4n }, y, z)),
    ...setbc.flatMap(([o, n, isel]) =>
      rules(`(${o} [${n}] cmp) && buildcfg.GOPPC64 <= 9 => (ISELZ [${isel}] (MOVDconst [1]) cmp)`, ({ cmp }) => GOPPC64 <= 9 && op('ISELZ', { auxInt: isel }, one(), cmp)),
    ),
    ...rules('(AND <t> x:(MOVDconst [m]) n) && t.Size() <= 2 => (ANDconst [int64(int16(m))] n)', ({ t, m, n }) => t.size <= 2 && op('ANDconst', { auxInt: BigInt.asIntN(16, m) }, n)),
    ...rules('(AND x:(MOVDconst [m]) n) && isPPC64ValidShiftMask(m) => (RLDICL [encodePPC64RotateMask(0,m,64)] n)', ({ m, n }) =>
      isPPC64ValidShiftMask(m) && op('RLDICL', { auxInt: encodePPC64RotateMask(0n, m, 64n) }, n),
    ),
    ...rules('(AND x:(MOVDconst [m]) n) && m != 0 && isPPC64ValidShiftMask(^m) => (RLDICR [encodePPC64RotateMask(0,m,64)] n)', ({ m, n }: { m: I; n: Value }) =>
      m !== 0n && isPPC64ValidShiftMask(~m) && op('RLDICR', { auxInt: encodePPC64RotateMask(0n, m, 64n) }, n),
    ),
    ...rules('(RLDICL [em] x:(SRDconst [s] a)) && (em&0xFF0000) == 0 => (RLDICL [mergePPC64RLDICLandSRDconst(em, s)] a)', ({ em, s, a }: { em: I; s: I; a: Value }) =>
      (em & 0xff0000n) === 0n && op('RLDICL', { auxInt: mergePPC64RLDICLandSRDconst(em, s) }, a),
    ),
    ...rules('(AND <t> x:(MOVDconst [m]) n) && t.Size() == 4 && isPPC64WordRotateMask(m) => (RLWINM [encodePPC64RotateMask(0,m,32)] n)', ({ t, m, n }) =>
      t.size === 4 && isPPC64WordRotateMask(m) && op('RLWINM', { auxInt: encodePPC64RotateMask(0n, m, 32n) }, n),
    ),
    // Two steps, so that every user of the op sees the Select0: convert, then read the flags.
    ...rules('(CMPconst [0] z:((ADD|AND|ANDN|OR|SUB|NOR|XOR|MULHDU) x y)) && v.Block == z.Block => (CMPconst [0] convertPPC64OpToOpCC(z))', ({ v, z }) =>
      v.block === z.block && op('CMPconst', { auxInt: 0n }, convertPPC64OpToOpCC(z)),
    ),
    ...rules('(CMPconst [0] z:((NEG|CNTLZD|RLDICL) x)) && v.Block == z.Block => (CMPconst [0] convertPPC64OpToOpCC(z))', ({ v, z }) =>
      v.block === z.block && op('CMPconst', { auxInt: 0n }, convertPPC64OpToOpCC(z)),
    ),
    ...rules('(CMPconst [0] z:(ADDconst [c] x)) && int64(int16(c)) == c && v.Block == z.Block => (CMPconst [0] convertPPC64OpToOpCC(z))', ({ v, z, c }) =>
      BigInt.asIntN(16, c) === c && v.block === z.block && op('CMPconst', { auxInt: 0n }, convertPPC64OpToOpCC(z)),
    ),
    ...rules('(CMPconst [0] z:(ANDconst [c] x)) && int64(uint16(c)) == c && v.Block == z.Block => (CMPconst [0] convertPPC64OpToOpCC(z))', ({ v, z, c }) =>
      BigInt.asUintN(16, c) === c && v.block === z.block && op('CMPconst', { auxInt: 0n }, convertPPC64OpToOpCC(z)),
    ),
    ...rules('(CMPconst <t> [0] (Select0 z:((ADD|AND|ANDN|OR|SUB|NOR|XOR|MULHDU)CC x y))) => (Select1 <t> z)', ({ t, z }) => op('Select1', { type: t }, z)),
    ...rules('(CMPconst <t> [0] (Select0 z:((ADDCCconst|ANDCCconst|NEGCC|CNTLZDCC|RLDICLCC) y))) => (Select1 <t> z)', ({ t, z }) => op('Select1', { type: t }, z)),
    // ANDconst clobbers CR0; when its flags are not wanted, a rotate-and-clear does the same.
    ...rules('(ANDconst [m] x) && isPPC64ValidShiftMask(m) => (RLDICL [encodePPC64RotateMask(0,m,64)] x)', ({ m, x }) =>
      isPPC64ValidShiftMask(m) && op('RLDICL', { auxInt: encodePPC64RotateMask(0n, m, 64n) }, x),
    ),
    ...rules('(RLDICLCC [a] x) && convertPPC64RldiclAndccconst(a) != 0 => (ANDCCconst [convertPPC64RldiclAndccconst(a)] x)', ({ a, x }) => {
      const m = convertPPC64RldiclAndccconst(a)
      return m !== 0n && op('ANDCCconst', { auxInt: m }, x)
    }),
  ]
}
