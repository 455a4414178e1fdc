// divisible and divmod: gc 1.26 runs its divisible.rules and divmod.rules
// as two passes of their own after prove (ssa/opt.go), with the same rewrite
// engine, rule log and dead-value removal as opt. divisible comes first so
// divmod does not expand the divisions of x%c == 0 tests it can do without.

import type { PassContext } from '../compile'
import type { Func } from '../func'
import { applyRewrite, ruleSet, type RuleSet } from '../rewrite'
import { valueRule, type RuleDef, type RuleEnv } from '../rules/dsl'
import { divisibleRuleDefs } from '../rules/divisible'
import { divmodRuleDefs } from '../rules/divmod'

const cache = new Map<string, RuleSet>()

function rulesFor(name: string, defs: () => RuleDef[], env: RuleEnv): RuleSet {
  const key = `${name}/${env.arch}`
  let rs = cache.get(key)
  if (!rs) cache.set(key, (rs = ruleSet(defs().map((d) => ({ op: d.op, rule: valueRule(d, env) })))))
  return rs
}

export function divisible(f: Func, ctx: PassContext): void {
  applyRewrite(f, rulesFor('divisible', divisibleRuleDefs, { pass: 'divisible', arch: ctx.arch }), ctx)
}

export function divmod(f: Func, ctx: PassContext): void {
  applyRewrite(f, rulesFor('divmod', divmodRuleDefs, { pass: 'divmod', arch: ctx.arch }), ctx)
}
