// Conversions from a slice to an array or a pointer to one (Go 1.20): type
// checked and escape-analysed (a deref / the slice's pointer flowing on);
// SSA construction (walk's OSLICE2ARR / OSLICE2ARRPTR: a length check
// panicking through runtime.panicSliceConvert, then the slice's pointer) is
// not done: refused before the function is built.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { TypeInfo } from '../types/info'
import { under } from '../types/types'
import { unparen, Unsupported } from './fn'

export function refuseSliceToArray(fn: A.FuncDecl | A.FuncLit, info: TypeInfo): void {
  walkCode(fn.body ?? null, (n) => {
    if (n.kind === 'FuncLit') return false // built (and checked) on its own
    if (n.kind !== 'Call' || n.args.length !== 1) return true
    const ci = info.calls.get(n)
    const from = info.types.get(unparen(n.args[0]!))?.type
    if (ci?.kind !== 'conversion' || !from || from.kind === 'tuple' || under(from).kind !== 'slice') return true
    const to = under(ci.to)
    if (to.kind === 'array' || (to.kind === 'pointer' && under(to.elem).kind === 'array')) {
      throw new Unsupported(n.pos, `conversion from slice to ${to.kind === 'array' ? 'array' : 'array pointer'} (SSA construction)`)
    }
    return true
  })
}
