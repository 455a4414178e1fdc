// An explicit conversion between float types of one size (float32(x) for x a
// float32, F(x) for type F float64) rounds: typecheck keeps it an OCONV
// (tcConv, "floating point casts imply rounding") and ssagen builds
// Round32F/Round64F for it (fpConvOpToSSA). The rounding is a no-op on
// amd64 and ppc64, but LoweredRoundNF takes its result in its argument's
// register, which regalloc must honour: the value may need a copy.

import type * as A from '../syntax/ast'
import type { Type } from '../types/types'
import type { Value } from '../ssa/func'
import { fromGo } from '../ssa/types'
import type { FnBuilder } from './fn'

/** RoundNF of the argument of the conversion e to type to, or null when e is not such a conversion. */
export function explicitFloatRound(s: FnBuilder, e: A.Call, to: Type): Value | null {
  const arg = e.args[0]
  if (!arg) return null
  const from = fromGo(s.typeOf(arg))
  const tt = fromGo(to)
  if (from.kind !== 'float' || tt.kind !== 'float' || from.size !== tt.size) return null
  return s.v(`Round${tt.size * 8}F`, tt, [s.expr(arg)])
}
