// `ssascope mergelocals FILE.go --func F [--arch A] [--trace=1|2|3 | --json]`
// (DESIGN §5): the stack frame phase on our pipeline's function after its
// last pass. --trace=N prints the lines gc prints for -d=mergelocalstrace=N
// (gc writes them to stderr; ours go to stdout), --json the whole artifact.
// The API's `ssa` request runs the whole pipeline; the stack frame phase is
// its last step.

import { stackFrameTrace } from '../compiler/stackframe'
import { formatDiagnostic, type Arch } from '../protocol/model'
import type { SsascopeApi } from '../protocol/api'
import type { CliIO } from './cli'

export const MERGELOCALS_USAGE = 'usage: ssascope mergelocals FILE.go --func F [--arch amd64|ppc64] [--trace=1|2|3 | --json]\n'

interface Parsed {
  file: string
  func: string
  arch: Arch
  trace: number
  json: boolean
}

const ARCHES: Arch[] = ['amd64', 'ppc64']

function parse(args: string[], io: CliIO): Parsed | null {
  let func: string | undefined
  let arch: string | undefined
  let trace: string | undefined
  let json = false
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const eq = a.startsWith('--') ? a.indexOf('=') : -1
    const flag = eq > 0 ? a.slice(0, eq) : a
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i])
    if (flag === '--func') func = value()
    else if (flag === '--arch') arch = value()
    else if (flag === '--trace') trace = value()
    else if (flag === '--json') json = true
    else if (a.startsWith('-')) {
      io.stderr(`unknown flag ${a}\n${MERGELOCALS_USAGE}`)
      return null
    } else files.push(a)
  }
  if (files.length !== 1 || !func || (json && trace !== undefined)) {
    io.stderr(MERGELOCALS_USAGE)
    return null
  }
  arch ??= (ARCHES as string[]).includes(process.env['GOARCH'] ?? '') ? process.env['GOARCH'] : 'amd64'
  if (!(ARCHES as string[]).includes(arch!)) {
    io.stderr(`unknown --arch ${arch}: want ${ARCHES.join(' or ')}\n`)
    return null
  }
  const level = trace === undefined ? 1 : Number(trace)
  if (![1, 2, 3].includes(level)) {
    io.stderr(`bad --trace ${JSON.stringify(trace)}: want 1, 2 or 3\n${MERGELOCALS_USAGE}`)
    return null
  }
  return { file: files[0]!, func, arch: arch as Arch, trace: level, json }
}

/** Runs the command; returns the exit status (0 ok, 2 bad input or a function we cannot lay out). */
export async function mergelocalsCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const p = parse(args, io)
  if (!p) return 2
  const file = await api.call('openFile', { path: p.file })
  const r = await api.call('ssa', { path: file.path, text: file.text, func: p.func, arch: p.arch })
  for (const d of r.diagnostics) io.stderr(formatDiagnostic(d) + '\n')
  if (!r.trace) return 2
  const sf = r.trace.stackFrame
  if (!sf) {
    const failed = r.trace.passes.find((x) => x.status === 'failed')
    io.stderr(`${p.file}: ${r.trace.func}: no stack frame: ${failed ? `${failed.name} failed: ${failed.error}` : 'the passes did not run to the end'}\n`)
    return 2
  }
  io.stdout(p.json ? JSON.stringify(sf) + '\n' : stackFrameTrace(sf, p.trace))
  return 0
}
