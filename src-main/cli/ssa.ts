// `ssascope ssa FILE.go --func F [--arch A] [--pass P] [--json] [--check]` and
// `ssascope allocs FILE.go --func F [--arch A] [--json]` (DESIGN §5).

import type { SsascopeApi } from '../protocol/api'
import { formatDiagnostic, type FuncTrace } from '../protocol/model'
import { decodeTrace, type EncodedTrace } from '../protocol/trace-codec'
import { PASSES } from '../compiler/ssa/compile'
import { printFunc } from '../compiler/ssa/print'
import type { CliIO } from './cli'
import { parseFuncArgs, type FuncArgs } from './funcargs'

export const SSA_USAGE =
  'usage: ssascope ssa FILE.go --func F [--arch amd64|ppc64] [--pass P | --json] [--check]\n' +
  '  --check runs the checker after every pass (gc\'s -d=ssa/check/on): a pass that breaks the function is reported failed\n' +
  '  --json prints the trace in the compact wire encoding (format ssascope-trace/1, src-main/protocol/trace-codec.ts:\n' +
  '  every distinct value and block record once, each pass as references to them); decodeTrace gives the FuncTrace\n'
export const ALLOCS_USAGE = 'usage: ssascope allocs FILE.go --func F [--arch amd64|ppc64] [--json]\n'

interface Parsed extends FuncArgs {
  pass?: string
  check?: boolean
}

const PASS_NAMES = new Set(['start', ...PASSES.map((p) => p.name)])

function parse(args: string[], usage: string, io: CliIO, allowPass: boolean): Parsed | null {
  const check = allowPass && args.includes('--check')
  if (check) args = args.filter((a) => a !== '--check')
  const out = parseFuncArgs(args, usage, io, allowPass ? ['pass'] : [])
  if (!out) return null
  const pass = out.values['pass']
  if (pass !== undefined && out.json) {
    io.stderr(usage)
    return null
  }
  if (pass !== undefined && !PASS_NAMES.has(pass)) {
    io.stderr(`unknown pass ${JSON.stringify(pass)}: gc 1.26's passes are start, ${PASSES.map((p) => p.name).join(', ')}\n`)
    return null
  }
  return { ...out, ...(pass !== undefined ? { pass } : {}), ...(check ? { check } : {}) }
}

/** The `ssa` request's trace, as sent (compact) and decoded; null after printing the diagnostics (asm and mergelocals use it too). */
export async function fetchTrace(
  api: SsascopeApi,
  io: CliIO,
  p: Pick<FuncArgs, 'file' | 'func' | 'arch'>,
  until?: string,
  check?: boolean,
): Promise<{ path: string; trace: FuncTrace; encoded: EncodedTrace } | null> {
  const file = await api.call('openFile', { path: p.file })
  const r = await api.call('ssa', { path: file.path, text: file.text, func: p.func, arch: p.arch, ...(until ? { until } : {}), ...(check ? { check } : {}) })
  for (const d of r.diagnostics) io.stderr(formatDiagnostic(d) + '\n')
  return r.trace ? { path: file.path, trace: decodeTrace(r.trace), encoded: r.trace } : null
}

export async function ssaCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const p = parse(args, SSA_USAGE, io, true)
  if (!p) return 2
  const r = await fetchTrace(api, io, p, p.pass, p.check)
  if (!r) return 2
  const passes = r.trace.passes
  if (p.json) {
    io.stdout(JSON.stringify(r.encoded) + '\n')
  } else if (p.pass !== undefined) {
    const rec = passes.find((x) => x.name === p.pass)
    if (!rec) {
      io.stderr(`${p.func} stopped before ${p.pass}: ${passes[passes.length - 1]!.name} failed\n`)
      return 2
    }
    if (rec.status === 'not-modeled') io.stderr(`note: ${p.pass} is not modelled; this is the function as the previous pass left it\n`)
    io.stdout(printFunc(rec.snapshot))
  } else {
    for (const rec of passes) {
      const values = rec.snapshot.blocks.reduce((n, b) => n + b.values.length, 0)
      io.stdout(`${rec.name}\t${rec.status}\t${values}\t${rec.snapshot.blocks.length}\n`)
    }
  }
  const failed = passes.find((x) => x.status === 'failed')
  if (failed) {
    io.stderr(`${p.file}: ${r.trace.func}: pass ${failed.name} failed: ${failed.error}\n`)
    return 2
  }
  return 0
}

export async function allocsCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const p = parse(args, ALLOCS_USAGE, io, false)
  if (!p) return 2
  const r = await fetchTrace(api, io, p, 'start')
  if (!r) return 2
  const allocs = r.trace.allocs
  if (p.json) io.stdout(JSON.stringify(allocs) + '\n')
  else
    for (const a of allocs) {
      const members = a.members.map((m) => `${m.name}@${m.offset}(${m.size})`).join(' ')
      io.stdout(`${a.value}\t${a.block}\t${a.call}\t${a.size}${members ? '\t' + members : ''}\n`)
    }
  return 0
}
