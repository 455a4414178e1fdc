// Calls of the intrinsified functions of math and math/bits (mathpkgs.ts):
// checked as ordinary function calls (types2's argument messages name the
// callee as written, `bits.Len64`), recorded as builtin calls so the later
// phases build the intrinsic instead of a call.

import type * as A from '../syntax/ast'
import { argumentList, arguments_ } from './call'
import type { Checker } from './checker'
import { intrinsicSignature } from './mathpkgs'
import type { IntrinsicId } from './objects'
import { invalidOperand, type Operand } from './operand'

export function intrinsicCall(c: Checker, call: A.Call, id: IntrinsicId): Operand {
  const sig = intrinsicSignature(id)
  const args = argumentList(c, call.args)
  if (args.some((a) => a.mode === 'invalid')) return invalidOperand(call)
  arguments_(c, call, sig, args)
  c.info.calls.set(call, { kind: 'builtin', id, signature: sig })
  if (sig.results.length === 1) return { mode: 'value', type: sig.results[0]!.type, expr: call }
  return { mode: 'value', type: { kind: 'tuple', vars: sig.results }, expr: call }
}
