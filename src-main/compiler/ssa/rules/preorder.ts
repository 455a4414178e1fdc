// Results built the way rulegen's generated code builds them, for rule files
// whose dumps must match gc's text: a parent value is made (and numbered)
// before its arguments (NewValue0, then AddArg), and a subexpression is one
// value only when the rule writes it once and uses it twice (rulegen shares
// repeated text, not equal values: divisible's `a` and `max` constants can be
// equal and are still two values). Here "written once" is one Make object.

import type { Value } from '../func'
import { opInfo } from '../opinfo'
import { Make, namedType, toAuxInt, type Node } from './dsl'

/** The result with every nested Make made into a value, in rulegen's order; the top stays a Make (v is reset to it). */
export function preorder(top: Make, v: Value): Make {
  const f = v.block.func
  const made = new Map<Make, Value>()
  const build = (n: Node): Value => {
    if (!(n instanceof Make)) return n
    const known = made.get(n)
    if (known) return known
    const fixed = opInfo(n.op, f.arch).typ
    const type = n.fields.type ?? (fixed ? namedType(fixed) : undefined)
    if (!type) throw new Error(`rule result ${n.op} needs a type`)
    const auxInt = n.fields.auxInt === undefined ? 0n : toAuxInt(n.op, n.fields.auxInt, f.arch)
    const w = f.newValue(n.fields.block ?? v.block, n.op, type, [], auxInt, n.fields.aux ?? null, v.pos)
    made.set(n, w)
    for (const a of n.args) w.addArg(build(a))
    return w
  }
  return new Make(top.op, top.fields, top.args.map(build))
}
