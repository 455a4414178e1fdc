// `for … range []byte(s)`: order marks the conversion OSTR2BYTESTMP and
// non-nil (walk/order.go, ORANGE: "range []byte(nil)" is fine), so the loop
// walks the string's own bytes whatever escape analysis said of the
// conversion, and without the nil-to-zerobase ternary ssagen puts in front
// of other zero-copy conversions (an empty []byte(s) must not be nil, but a
// loop over it cannot tell).

import type * as A from '../syntax/ast'
import type { Value } from '../ssa/func'
import { bytePtr, fromGo, T } from '../ssa/types'
import { under } from '../types/types'
import { isStringConversion } from '../escape/strings'
import { unparen, type FnBuilder } from './fn'
import { gcConvPos } from './strings'

/** The ranged-over slice when x is []byte(str): str's pointer and length; null for any other range expression. */
export function rangeBytesOfString(b: FnBuilder, x: A.Expr): Value | null {
  const e = unparen(x)
  if (e.kind !== 'Call' || !isStringConversion(b.cx.info, e) || b.hoistedCalls.has(e)) return null
  const st = under(b.typeOf(e))
  const elem = st.kind === 'slice' ? under(st.elem) : null
  if (elem?.kind !== 'basic' || elem.basic !== 'uint8') return null
  const arg = e.args[0]!
  const x0 = b.expr(arg)
  b.pos = b.at(gcConvPos(arg))
  const str = b.convert(x0, x0.type, T.string, arg)
  const ptr = b.v('StringPtr', bytePtr, [str])
  const len = b.v('StringLen', T.int, [str])
  return b.v('SliceMake', fromGo(b.typeOf(e)), [ptr, len, len])
}
