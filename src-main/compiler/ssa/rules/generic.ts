// gc's generic rule set (ssa/_gen/generic.rules) as used by opt, middle opt
// and late opt. Rules for one op are tried in generic.rules' order, which
// decides the result when several match, so the themed lists are
// concatenated in the order their sections appear in the rules file.

import { ruleSet, type RuleSet } from '../rewrite'
import * as A from './arith'
import * as I from './intrinsics'
import { ifRules } from './blocks'
import * as C from './compare'
import { constantComparisons, constantFolding, floatComparisons } from './constants'
import { toBlockRule, valueRule, type RuleDef, type RuleEnv } from './dsl'
import * as M from './memory'
import * as Mv from './moves'
import * as P from './pointers'
import * as S from './strings'

let defs: RuleDef[] | null = null

/** Every generic value rule, in generic.rules order. */
export function genericRuleDefs(): RuleDef[] {
  defs ??= [
    ...constantFolding(),
    // The math and math/bits intrinsics' ops (before memory.ts' Select0 (MakeTuple), as in generic.rules).
    ...I.bitCountFolds(), ...I.carryFolds(), ...I.mulFolds(), ...I.ctzFolds(), ...I.roundFolds(), ...I.addZeroCarry(),
    ...A.mulOverflow(),
    ...A.truncOfExt(),
    ...A.mulNeg(),
    ...C.bounds(),
    ...C.equalities(),
    ...C.ranges(),
    ...C.singleBit(),
    ...C.nanChecks(),
    ...A.subConst(),
    ...C.notComparisons(),
    ...A.distribute(),
    ...A.shifts(),
    ...constantComparisons(),
    ...C.boundComparisons(),
    ...floatComparisons(),
    ...A.simplifications(),
    ...C.numericBounds(),
    ...A.masks(),
    ...P.slicemask(),
    ...A.lengths(),
    ...C.phis(),
    ...P.sliceComparisons(),
    ...P.interfaces(),
    ...M.loadForwarding(),
    ...M.zeroForwarding(),
    ...M.storeElimination(),
    ...P.offPtr(),
    ...P.aggregates(),
    ...S.strings(),
    ...P.slices(),
    ...M.nilChecks(),
    ...C.notPhi(),
    ...P.converts(),
    ...A.divisions(),
    ...C.zeroTests(),
    ...A.boundedShifts(),
    ...A.reassociate(),
    ...A.floats(),
    ...M.calls(),
    ...M.runtimeCalls(),
    ...C.pointerComparisons(),
    ...Mv.moves(),
    ...M.growslice(),
    ...Mv.moveChains(),
    ...A.rotates(),
    ...C.condSelects(),
  ]
  return defs
}

const cache = new Map<string, RuleSet>()

/** The rule set for one pass and architecture (a few rules depend on them). */
export function genericRules(env: RuleEnv): RuleSet {
  const key = `${env.pass}/${env.arch}`
  let rs = cache.get(key)
  if (!rs) {
    rs = ruleSet(
      genericRuleDefs().map((d) => ({ op: d.op, rule: valueRule(d, env) })),
      ifRules().map((d) => ({ kind: d.kind, rule: toBlockRule(d, env) })),
    )
    cache.set(key, rs)
  }
  return rs
}
