// The rewrite engine tries an op's rules narrowed by the ops of the value's
// first two arguments (rulesFor). A rule left out must be one that could not
// have matched; the rest keep their order, which decides the result.

import { describe, expect, it } from 'vitest'
import { Func, type Value } from '../../src-main/compiler/ssa/func'
import { rulesFor, ruleSet, type ValueRule } from '../../src-main/compiler/ssa/rewrite'
import { rule, valueRule } from '../../src-main/compiler/ssa/rules/dsl'
import { genericRuleDefs, genericRules } from '../../src-main/compiler/ssa/rules/generic'
import { T } from '../../src-main/compiler/ssa/types'

const env = { pass: 'opt', arch: 'amd64' }

function values(): { f: Func; c: Value; x: Value; y: Value; neg: Value } {
  const f = new Func('f', 'func(int, int) int')
  const b = f.newBlock('Plain')
  f.entry = b
  const x = f.newValue(b, 'Arg', T.int, [], 0n, { kind: 'sym', name: 'x' })
  const y = f.newValue(b, 'Arg', T.int, [], 0n, { kind: 'sym', name: 'y' })
  const c = f.newValue(b, 'Const64', T.int, [], 7n)
  const neg = f.newValue(b, 'Neg64', T.int, [y])
  return { f, c, x, y, neg }
}

describe('rule index by argument ops', () => {
  it('keeps the rules that may match, in their order, both orders of a commutative op, and hand-written rules always', () => {
    const { f, c, x, neg } = values()
    const defs = [
      rule('(Add64 (Const64 [0]) x) => x', ({ x }) => x),
      rule('(Add64 x (Neg64 y)) => (Sub64 x y)', () => null),
      rule('(Add64 (Neg64 x) (Neg64 y)) => (Neg64 (Add64 x y))', () => null),
      rule('(Add64 x x) => (Lsh64x64 x (Const64 <typ.UInt64> [1]))', () => null),
    ]
    const hand: ValueRule = { name: 'hand-written', apply: () => false }
    const rs = ruleSet([...defs.map((d) => ({ op: 'Add64', rule: valueRule(d, env) })), { op: 'Add64', rule: hand }])
    const names = (v: Value) => rulesFor(rs, v).map((r) => r.name)
    const b = f.entry
    // Const64 first: the constant rule (either order of Add64), the Neg64 rule
    // cannot match (neither argument is a Neg64), x+x can.
    expect(names(f.newValue(b, 'Add64', T.int, [c, x]))).toEqual([defs[0]!.text, defs[3]!.text, 'hand-written'])
    // The constant second: Add64 is commutative, so the constant rule still may match.
    expect(names(f.newValue(b, 'Add64', T.int, [x, c]))).toEqual([defs[0]!.text, defs[3]!.text, 'hand-written'])
    // One Neg64: the x+(-y) rule in either order, not the two-Neg64 one.
    expect(names(f.newValue(b, 'Add64', T.int, [neg, x]))).toEqual([defs[1]!.text, defs[3]!.text, 'hand-written'])
    expect(names(f.newValue(b, 'Add64', T.int, [neg, neg]))).toEqual([defs[1]!.text, defs[2]!.text, defs[3]!.text, 'hand-written'])
    // An op without rules, and the same combination again (from the index).
    expect(rulesFor(rs, neg)).toEqual([])
    expect(names(f.newValue(b, 'Add64', T.int, [x, c]))).toEqual([defs[0]!.text, defs[3]!.text, 'hand-written'])
  })

  it('never leaves out a generic rule that matches', () => {
    // Every generic rule whose matcher accepts a value must be among rulesFor's:
    // try each rule on values built from its own pattern's argument ops.
    const rs = genericRules(env)
    const { f, x } = values()
    const b = f.entry
    let checked = 0
    for (const d of genericRuleDefs()) {
      const argOps = d.pattern.args.map((a) => (a.kind === 'op' ? a.op : null))
      if (argOps.length > 3) continue
      const args = argOps.map((op) => (op === null ? x : f.newValue(b, op, T.int, [], 0n)))
      const v = f.newValue(b, d.op, T.int, args)
      expect(rulesFor(rs, v).map((r) => r.name), d.text).toContain(d.text)
      checked++
    }
    expect(checked).toBeGreaterThan(500)
  })
})
