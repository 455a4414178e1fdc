// PPC64.rules, the block rules: If on a lowered comparison becomes the
// conditional branch of that comparison (EQ, NE, LT… read the flags), any
// other If tests the boolean's low bit; branches on flag constants become
// First, inverted flags swap the condition, and a compare of an AND/OR/XOR
// result with zero uses the record form (ANDCC…) of the operation.

import { T } from '../../types'
import { op } from '../dsl'
import { blockRules, type BlockRuleDef } from './dsl'

const CONDS = ['EQ', 'NE', 'LT', 'LE', 'GT', 'GE']
/** The condition with its operands swapped (InvertFlags). */
const SWAPPED: Record<string, string> = { EQ: 'EQ', NE: 'NE', LT: 'GT', GT: 'LT', LE: 'GE', GE: 'LE' }
/** Whether each condition holds for a flag constant EQ, LT, GT. */
const HOLDS: Record<string, [boolean, boolean, boolean]> = {
  EQ: [true, false, false], NE: [false, true, true], LT: [false, true, false], LE: [true, true, false], GT: [false, false, true], GE: [true, false, true],
}

export function blockRuleDefs(): BlockRuleDef[] {
  const r: BlockRuleDef[] = []
  const pseudo = ['Equal', 'NotEqual', 'LessThan', 'LessEqual', 'GreaterThan', 'GreaterEqual', 'FLessThan', 'FLessEqual', 'FGreaterThan', 'FGreaterEqual']
  const kinds = ['EQ', 'NE', 'LT', 'LE', 'GT', 'GE', 'FLT', 'FLE', 'FGT', 'FGE']
  pseudo.forEach((p, i) => r.push(...blockRules(`(If (${p} cc) yes no) => (${kinds[i]} cc yes no)`, (e, { cc }) => e.reset(kinds[i]!, cc))))
  r.push(
    ...blockRules('(If cond yes no) => (NE (CMPconst [0] (ANDconst [1] cond)) yes no)', (e, { cond }) =>
      e.reset('NE', op('CMPconst', { type: T.flags, auxInt: 0n }, op('ANDconst', { type: T.int, auxInt: 1n }, cond))),
    ),
    ...blockRules('(NE (CMPconst [0] (ANDconst [1] ((Equal|NotEqual|LessThan|LessEqual|GreaterThan|GreaterEqual) cc))) yes no) => ((EQ|NE|LT|LE|GT|GE) cc yes no)', (e, { cc }, [, k]) =>
      e.reset(k!, cc),
    ),
    ...blockRules('(NE (CMPconst [0] (ANDconst [1] ((FLessThan|FLessEqual|FGreaterThan|FGreaterEqual) cc))) yes no) => ((FLT|FLE|FGT|FGE) cc yes no)', (e, { cc }, [, k]) =>
      e.reset(k!, cc),
    ),
  )
  for (const k of CONDS) {
    ;['EQ', 'LT', 'GT'].forEach((fl, i) => {
      const holds = HOLDS[k]![i]!
      r.push(...blockRules(`(${k} (Flag${fl}) yes no) => (First ${holds ? 'yes no' : 'no yes'})`, (e) => e.first(!holds)))
    })
    r.push(...blockRules(`(${k} (InvertFlags cmp) yes no) => (${SWAPPED[k]} cmp yes no)`, (e, { cmp }) => e.reset(SWAPPED[k]!, cmp)))
  }
  // Elide compares of bit tests: the CC form of the op sets the flags.
  for (const [o, cc] of [['AND', 'ANDCC'], ['OR', 'ORCC'], ['XOR', 'XORCC']] as const) {
    r.push(
      ...blockRules(`((EQ|NE|LT|LE|GT|GE) (CMPconst [0] z:(${o} x y)) yes no) && z.Uses == 1 => ((EQ|NE|LT|LE|GT|GE) (Select1 <types.TypeFlags> (${cc} x y)) yes no)`, (e, { z, x, y }, [k]) =>
        z.uses === 1 && e.reset(k!, op('Select1', { type: T.flags }, op(cc, x, y))),
      ),
    )
  }
  return r
}
