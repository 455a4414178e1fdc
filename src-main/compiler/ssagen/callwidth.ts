// The width a call to a Go function carries (its AuxInt, which sizes the
// caller's outgoing argument area): gc's ABIParamResultInfo.ArgWidth, the
// stack-assigned arguments and results and the register arguments' spill
// area. Arguments and results too wide for the registers (a struct of more
// than nine words on amd64) are on the stack, and a result there counts as
// much as an argument.

import { abiAnalyze, argWidth } from '../ssa/abi'
import type { SsaType } from '../ssa/types'

export function goCallWidth(arch: string, params: SsaType[], results: SsaType[]): number {
  return argWidth(abiAnalyze(arch, params.map((type) => ({ type })), results.map((type) => ({ type }))))
}
