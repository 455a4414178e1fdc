// opt, middle opt and late opt: gc runs the same generic rewrite rules three
// times (ssa/opt.go). Only the strength reduction of multiplications by
// powers of two waits until after "opt", so prove can still see x - (x/d)*d.

import type { PassContext } from '../compile'
import type { Func } from '../func'
import { applyRewrite } from '../rewrite'
import { genericRules } from '../rules/generic'

function run(pass: string) {
  return (f: Func, ctx: PassContext): void => applyRewrite(f, genericRules({ pass, arch: ctx.arch }), ctx)
}

export const opt = run('opt')
export const middleOpt = run('middle opt')
export const lateOpt = run('late opt')
