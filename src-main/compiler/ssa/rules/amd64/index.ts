// amd64's lowering (gc 1.26's _gen/AMD64.rules) and late lowering
// (AMD64latelower.rules) as rule sets for the rewrite engine. Rules for one
// op are tried in the rules file's order, which decides the result when
// several match, so the themed lists are concatenated in the order their
// sections appear in the file.

import type { BlockRule, RuleSet } from '../../rewrite'
import { ruleSet } from '../../rewrite'
import { valueRule, withRuleArch, type RuleDef, type RuleEnv } from '../dsl'
import { constantBlocks, flagBlocks, lowerBlocks, testBlocks } from './blocks'
import { resetLoopNests, zeroUpper32Bits, zeroUpper48Bits, zeroUpper56Bits } from './helpers'
import { arithmetic, bits, conversions } from './lower-arith'
import { carries } from './carry'
import { moves, zeros } from './lower-moves'
import { comparisons, condSelects, constants, loadsAndStores, misc, runtimeOps, shifts } from './lower-ops'
import { type BlockDef, rules } from './notation'
import { compareOpts, immediates, invertFlags, leaOpts, shiftOpts, strengthReduction } from './opt-arith'
import { constantCompares, constantSets, folding, tests } from './opt-consts'
import { extensionsAndMoves, loadCompares, loadOps, memmoves, storePairs } from './opt-merge'
import { extensions, offsets, symbols } from './opt-memory'
import { conditionRules } from './opt-tests'

let lowerDefs: { values: RuleDef[]; blocks: BlockDef[] } | null = null
let lateDefs: RuleDef[] | null = null

/** Every AMD64.rules value and block rule we model, in the file's order. */
export function amd64LowerDefs(): { values: RuleDef[]; blocks: BlockDef[] } {
  lowerDefs ??= withRuleArch('amd64', () => ({
    values: [
      // Lowering.
      ...arithmetic(), ...carries(), ...bits(), ...conversions(), ...shifts(), ...comparisons(), ...loadsAndStores(),
      ...moves(), ...zeros(), ...constants(), ...condSelects(), ...misc(), ...runtimeOps(),
      // Optimisations.
      ...conditionRules(), ...immediates(), ...shiftOpts(), ...compareOpts(), ...strengthReduction(), ...leaOpts(), ...invertFlags(),
      ...extensions(), ...offsets(), ...symbols(), ...constantCompares(), ...constantSets(), ...folding(), ...tests(),
      ...storePairs(), ...loadOps(), ...extensionsAndMoves(), ...loadCompares(), ...memmoves(),
    ],
    blocks: [...lowerBlocks(), ...testBlocks(), ...flagBlocks(), ...constantBlocks()],
  }))
  return lowerDefs
}

/** AMD64latelower.rules: drop zero extensions of values whose upper bits are already zero (SARX/SHLX/SHRX need GOAMD64=v3). */
export function amd64LateLowerDefs(): RuleDef[] {
  lateDefs ??= withRuleArch('amd64', () => [
    ...rules('(MOVLQZX x) && zeroUpper32Bits(x,3) => x', ({ x }) => zeroUpper32Bits(x, 3) && x),
    ...rules('(MOVWQZX x) && zeroUpper48Bits(x,3) => x', ({ x }) => zeroUpper48Bits(x, 3) && x),
    ...rules('(MOVBQZX x) && zeroUpper56Bits(x,3) => x', ({ x }) => zeroUpper56Bits(x, 3) && x),
  ])
  return lateDefs
}

const toBlockRule = (d: BlockDef, env: RuleEnv): BlockRule => ({ name: d.text, apply: (b) => d.apply(b, env) })

const cache = new Map<string, RuleSet>()

export function lowerRules(env: RuleEnv): RuleSet {
  // Per-function facts the rules consult (the loop nest) are computed afresh for each run.
  resetLoopNests()
  const key = `lower/${env.pass}`
  let rs = cache.get(key)
  if (!rs) {
    const d = amd64LowerDefs()
    rs = ruleSet(
      d.values.map((r) => ({ op: r.op, rule: valueRule(r, env) })),
      d.blocks.map((b) => ({ kind: b.kind, rule: toBlockRule(b, env) })),
    )
    cache.set(key, rs)
  }
  return rs
}

export function lateLowerRules(env: RuleEnv): RuleSet {
  const key = `late/${env.pass}`
  let rs = cache.get(key)
  if (!rs) {
    rs = ruleSet(amd64LateLowerDefs().map((r) => ({ op: r.op, rule: valueRule(r, env) })))
    cache.set(key, rs)
  }
  return rs
}
