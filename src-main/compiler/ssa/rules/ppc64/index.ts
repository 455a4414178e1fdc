// ppc64's lowering (gc's PPC64.rules) and late lowering (PPC64latelower.rules)
// as rule sets for passes/lower.ts. Rules for one op are tried in the rules
// file's order: the generic-op rules (lower.ts) and the PPC64-op rules
// (opt.ts) never share a left-side op, and each list keeps the file's order.

import { carries } from './carry'
import { ruleSet, type RewriteOptions, type RuleSet } from '../../rewrite'
import { toBlockRule, valueRule, withRuleArch, type RuleDef, type RuleEnv } from '../dsl'
import { blockRuleDefs } from './blocks'
import { byteSwaps } from './byteswap'
import type { BlockRuleDef } from './dsl'
import { lateLowerRuleDefs } from './latelower'
import * as L from './lower'
import * as O from './opt'

let lowerDefs: { values: RuleDef[]; blocks: BlockRuleDef[] } | null = null
let lateDefs: RuleDef[] | null = null

/** Every lowering rule of PPC64.rules we model, parsed against ppc64's op table. */
export function lowerRuleDefs(): { values: RuleDef[]; blocks: BlockRuleDef[] } {
  lowerDefs ??= withRuleArch('ppc64', () => ({
    values: [
      ...L.arithmetic(),
      ...L.conversions(),
      ...carries(),
      ...O.rotatesAndMasks(),
      ...L.shifts(),
      ...O.shiftsAndAddresses(),
      ...L.addressesAndLogic(),
      ...L.comparisons(),
      ...O.flagConstants(),
      ...L.condSelects(),
      ...O.iselOfSetbc(),
      ...L.memory(),
      ...L.callsAndChecks(),
      ...L.panicBounds(),
      ...O.constantsAndExtensions(),
      ...O.arithmeticConstants(),
      ...O.registerMoves(),
      ...O.addressing(),
      ...L.slicemask(),
      ...O.extensionsAndCompares(),
      ...O.setbcAndIsel(),
      ...O.tail(),
      ...L.memmove(),
      ...byteSwaps(),
    ],
    blocks: blockRuleDefs(),
  }))
  return lowerDefs
}

export function lateLowerDefs(): RuleDef[] {
  lateDefs ??= withRuleArch('ppc64', lateLowerRuleDefs)
  return lateDefs
}

const cache = new Map<string, RuleSet>()

function cached(key: string, make: () => RuleSet): RuleSet {
  let rs = cache.get(key)
  if (!rs) cache.set(key, (rs = make()))
  return rs
}

export function lowerRules(env: RuleEnv): RuleSet {
  return cached(`lower/${env.arch}`, () => {
    const d = lowerRuleDefs()
    return ruleSet(
      d.values.map((r) => ({ op: r.op, rule: valueRule(r, env) })),
      d.blocks.map((r) => ({ kind: r.kind, rule: toBlockRule(r, env) })),
    )
  })
}

export function lateLowerRules(env: RuleEnv): RuleSet {
  return cached(`late/${env.arch}`, () => ruleSet(lateLowerDefs().map((r) => ({ op: r.op, rule: valueRule(r, env) }))))
}

/**
 * gc's sweep order matters here: `(If cond yes no)` fires before the
 * comparison under it is lowered, and `(NE (CMPconst [0] (ANDconst [1]
 * (LessThan cc))))` must see LessThan before it becomes SETBC.
 */
export const rewriteOptions: RewriteOptions = { oneRulePerSweep: true }
