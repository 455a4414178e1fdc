// lower and late lower: the arch's rewrite rules (gc's <ARCH>.rules and
// <ARCH>latelower.rules) turn generic ops into machine ops, with the same
// engine, rule log and dead-value removal as opt.

import type { PassContext } from '../compile'
import type { Func } from '../func'
import { applyRewrite, type RewriteOptions, type RuleSet } from '../rewrite'
import type { RuleEnv } from '../rules/dsl'
import * as amd64 from '../rules/amd64'
import * as ppc64 from '../rules/ppc64'

interface ArchRules {
  lowerRules(env: RuleEnv): RuleSet
  lateLowerRules(env: RuleEnv): RuleSet
  /** How the engine sweeps (e.g. gc's one rule per value per sweep). */
  rewriteOptions?: RewriteOptions
}

const RULES: Record<string, ArchRules> = { amd64, ppc64, ppc64le: ppc64 }

function rulesFor(f: Func): ArchRules {
  const r = RULES[f.arch]
  if (!r) throw new Error(`no lowering rules for arch ${f.arch}`)
  return r
}

export function lower(f: Func, ctx: PassContext): void {
  const r = rulesFor(f)
  applyRewrite(f, r.lowerRules({ pass: 'lower', arch: f.arch }), ctx, r.rewriteOptions)
}

export function lateLower(f: Func, ctx: PassContext): void {
  const r = rulesFor(f)
  applyRewrite(f, r.lateLowerRules({ pass: 'late lower', arch: f.arch }), ctx, r.rewriteOptions)
}
