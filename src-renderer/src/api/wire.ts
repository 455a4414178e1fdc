// The trace inside an `ssa` answer arrives in the compact encoding
// (protocol/trace-codec.ts); the renderer decodes it once, sharing restored.

import type { FuncTrace, SsaResult } from '../../../src-main/protocol/model'
import { decodeTrace } from '../../../src-main/protocol/trace-codec'

export function traceFromWire(r: SsaResult): FuncTrace | null {
  return r.trace ? decodeTrace(r.trace) : null
}
