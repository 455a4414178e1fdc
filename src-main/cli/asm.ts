// `ssascope asm FILE.go --func F [--arch A] [--json]` (DESIGN §5): the
// function through our whole pipeline (SSA passes, register allocation, the
// stack frame phase) by the API's `ssa` request, then the assembly listing as
// `go tool compile -S` prints it, without the hex bytes.

import type { SsascopeApi } from '../protocol/api'
import { formatListing } from '../compiler/asm'
import type { CliIO } from './cli'
import { parseFuncArgs } from './funcargs'
import { fetchTrace } from './ssa'

export const ASM_USAGE = 'usage: ssascope asm FILE.go --func F [--arch amd64|ppc64] [--json]\n'

export async function asmCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const p = parseFuncArgs(args, ASM_USAGE, io)
  if (!p) return 2
  const r = await fetchTrace(api, io, p)
  if (!r) return 2
  const { trace, path } = r
  if (!trace.asm) {
    const failed = trace.passes.find((x) => x.status === 'failed')
    const why = failed ? `pass ${failed.name} failed: ${failed.error}` : (trace.asmError ?? 'the passes did not run to the end')
    io.stderr(`${path}: ${trace.func}: no listing: ${why}\n`)
    return 2
  }
  io.stdout(p.json ? JSON.stringify(trace.asm) + '\n' : formatListing(trace.asm, p.file))
  return 0
}
