// `ssascope mergelocals FILE.go --func F [--arch A] [--trace=1|2|3 | --json]`
// (DESIGN §5): the stack frame phase on our pipeline's function after its
// last pass. --trace=N prints the lines gc prints for -d=mergelocalstrace=N
// (gc writes them to stderr; ours go to stdout), --json the whole artifact.
// The API's `ssa` request runs the whole pipeline; the stack frame phase is
// its last step.

import { stackFrameTrace } from '../compiler/stackframe'
import type { SsascopeApi } from '../protocol/api'
import type { CliIO } from './cli'
import { parseFuncArgs, type FuncArgs } from './funcargs'
import { fetchTrace } from './ssa'

export const MERGELOCALS_USAGE = 'usage: ssascope mergelocals FILE.go --func F [--arch amd64|ppc64] [--trace=1|2|3 | --json]\n'

function parse(args: string[], io: CliIO): (FuncArgs & { trace: number }) | null {
  const out = parseFuncArgs(args, MERGELOCALS_USAGE, io, ['trace'])
  if (!out) return null
  const trace = out.values['trace']
  if (out.json && trace !== undefined) {
    io.stderr(MERGELOCALS_USAGE)
    return null
  }
  const level = trace === undefined ? 1 : Number(trace)
  if (![1, 2, 3].includes(level)) {
    io.stderr(`bad --trace ${JSON.stringify(trace)}: want 1, 2 or 3\n${MERGELOCALS_USAGE}`)
    return null
  }
  return { ...out, trace: level }
}

/** Runs the command; returns the exit status (0 ok, 2 bad input or a function we cannot lay out). */
export async function mergelocalsCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const p = parse(args, io)
  if (!p) return 2
  const r = await fetchTrace(api, io, p)
  if (!r) return 2
  const sf = r.trace.stackFrame
  if (!sf) {
    const failed = r.trace.passes.find((x) => x.status === 'failed')
    io.stderr(`${p.file}: ${r.trace.func}: no stack frame: ${failed ? `${failed.name} failed: ${failed.error}` : 'the passes did not run to the end'}\n`)
    return 2
  }
  io.stdout(p.json ? JSON.stringify(sf) + '\n' : stackFrameTrace(sf, p.trace))
  return 0
}
