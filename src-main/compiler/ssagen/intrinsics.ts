// The intrinsics of math and math/bits as gc 1.26's ssagen builds them
// (ssagen/intrinsics.go): one generic op per call, except on amd64 at the
// default GOAMD64=v1, where OnesCount*, Floor/Ceil/Trunc and FMA test a CPU
// feature flag (runtime.x86HasPOPCNT / x86HasSSE41 / x86HasFMA) and call the
// package's own Go code when it is missing.

import type * as A from '../syntax/ast'
import type { Value } from '../ssa/func'
import { fromGo, T, tuple, type SsaType } from '../ssa/types'
import { intrinsicSignature } from '../types/mathpkgs'
import type { IntrinsicId } from '../types/objects'
import { mayCall } from './walkcall'
import { exprPos, Unsupported, type FnBuilder } from './fn'
import { exprString } from '../types/exprstring'

type Build = (s: FnBuilder, args: Value[]) => Value

const op1 = (op: string, t: SsaType): Build => (s, a) => s.v(op, t, [a[0]!])
const op2 = (op: string, t: SsaType): Build => (s, a) => s.v(op, t, [a[0]!, a[1]!])
const op3 = (op: string, t: SsaType): Build => (s, a) => s.v(op, t, [a[0]!, a[1]!, a[2]!])

/** The op each intrinsic becomes (the 64-bit aliases Len, OnesCount, RotateLeft, Mul, Add, Sub included). */
const OPS: Record<string, Build> = {
  'math/bits.TrailingZeros64': op1('Ctz64', T.int),
  'math/bits.TrailingZeros32': op1('Ctz32', T.int),
  'math/bits.TrailingZeros16': op1('Ctz16', T.int),
  'math/bits.TrailingZeros8': op1('Ctz8', T.int),
  'math/bits.Len': op1('BitLen64', T.int),
  'math/bits.Len64': op1('BitLen64', T.int),
  'math/bits.Len32': op1('BitLen32', T.int),
  'math/bits.Len16': op1('BitLen16', T.int),
  'math/bits.Len8': op1('BitLen8', T.int),
  'math/bits.OnesCount': op1('PopCount64', T.int),
  'math/bits.OnesCount64': op1('PopCount64', T.int),
  'math/bits.OnesCount32': op1('PopCount32', T.int),
  'math/bits.OnesCount16': op1('PopCount16', T.int),
  'math/bits.RotateLeft': op2('RotateLeft64', T.uint64),
  'math/bits.RotateLeft64': op2('RotateLeft64', T.uint64),
  'math/bits.RotateLeft32': op2('RotateLeft32', T.uint32),
  'math/bits.Mul': op2('Mul64uhilo', tuple(T.uint64, T.uint64)),
  'math/bits.Mul64': op2('Mul64uhilo', tuple(T.uint64, T.uint64)),
  'math/bits.Add': op3('Add64carry', tuple(T.uint64, T.uint64)),
  'math/bits.Add64': op3('Add64carry', tuple(T.uint64, T.uint64)),
  'math/bits.Sub': op3('Sub64borrow', tuple(T.uint64, T.uint64)),
  'math/bits.Sub64': op3('Sub64borrow', tuple(T.uint64, T.uint64)),
  'math.Floor': op1('Floor', T.float64),
  'math.Ceil': op1('Ceil', T.float64),
  'math.Trunc': op1('Trunc', T.float64),
  'math.FMA': op3('FMA', T.float64),
}

/** amd64 (GOAMD64=v1): the CPU feature an intrinsic needs; without it gc calls the Go code. */
const AMD64_FEATURE: Record<string, string> = {
  'math/bits.OnesCount': 'runtime.x86HasPOPCNT',
  'math/bits.OnesCount64': 'runtime.x86HasPOPCNT',
  'math/bits.OnesCount32': 'runtime.x86HasPOPCNT',
  'math/bits.OnesCount16': 'runtime.x86HasPOPCNT',
  'math.Floor': 'runtime.x86HasSSE41',
  'math.Ceil': 'runtime.x86HasSSE41',
  'math.Trunc': 'runtime.x86HasSSE41',
  'math.FMA': 'runtime.x86HasFMA',
}

/** The call's results: one value, or Select0/Select1 of a tuple op (gc's OAS2FUNC of an intrinsic). */
export function intrinsicCall(s: FnBuilder, e: A.Call, id: IntrinsicId): Value[] {
  const build = OPS[id]
  if (!build) throw new Error(`ssagen: no intrinsic for ${id}`)
  // f(g()) with several results: the front end's temporaries for g's results are not modelled here.
  if (e.args.length !== intrinsicSignature(id).params.length) throw new Unsupported(e.pos, `${exprString(e.fun)} of a multi-value call (SSA construction)`)
  // intrinsicArgs: the arguments in order, at their own positions.
  const args = e.args.map((a) => s.expr(a))
  s.pos = s.at(e.lparen >= 0 ? exprPos(e) : e.pos)
  const feature = s.arch === 'amd64' ? AMD64_FEATURE[id] : undefined
  const v = feature ? withFeature(s, e, id, feature, args, build) : build(s, args)
  if (v.type.kind !== 'tuple') return [v]
  const rts = intrinsicSignature(id).results.map((r) => fromGo(r.type))
  return [s.v('Select0', rts[0]!, [v]), s.v('Select1', rts[1]!, [v])]
}

/** `if feature { op } else { call }`, the result merged through a variable (gc's s.vars[n]). */
function withFeature(s: FnBuilder, e: A.Call, id: IntrinsicId, feature: string, args: Value[], build: Build): Value {
  const has = s.entryV('HasCPUFeature', T.bool, [], 0n, { kind: 'sym', name: feature })
  const yes = s.newBlock()
  const no = s.newBlock()
  const end = s.newBlock()
  s.branch(has, yes, no, 1)
  s.seal(yes)
  s.seal(no)
  const rt = fromGo(intrinsicSignature(id).results[0]!.type)
  s.startBlock(yes)
  s.writeVar(e, build(s, args), rt)
  s.jump(end)
  s.startBlock(no)
  // callResult evaluates the arguments again (the later passes fold the copies);
  // one that calls was copied to a temporary by order: that temporary is read.
  e.args.forEach((a, i) => {
    if (mayCall(s.cx.info, a, s.hoistedCalls)) s.prebuilt.set(a, args[i]!)
  })
  const sig = intrinsicSignature(id)
  s.writeVar(e, s.staticCall(id, [], e.args, sig, { kind: 'none' }, e)[0]!, rt)
  s.jump(end)
  s.seal(end)
  s.startBlock(end)
  return s.readVar(e, s.block, rt)
}
