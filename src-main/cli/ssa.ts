// `ssascope ssa FILE.go --func F [--arch A] [--pass P] [--json]` and
// `ssascope allocs FILE.go --func F [--arch A] [--json]` (DESIGN §5).

import type { SsascopeApi } from '../protocol/api'
import { formatDiagnostic, type SsaResult } from '../protocol/model'
import { PASSES } from '../compiler/ssa/compile'
import { printFunc } from '../compiler/ssa/print'
import type { CliIO } from './cli'
import { parseFuncArgs, type FuncArgs } from './funcargs'

export const SSA_USAGE = 'usage: ssascope ssa FILE.go --func F [--arch amd64|ppc64] [--pass P | --json]\n'
export const ALLOCS_USAGE = 'usage: ssascope allocs FILE.go --func F [--arch amd64|ppc64] [--json]\n'

interface Parsed extends FuncArgs {
  pass?: string
}

const PASS_NAMES = new Set(['start', ...PASSES.map((p) => p.name)])

function parse(args: string[], usage: string, io: CliIO, allowPass: boolean): Parsed | null {
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
  return { ...out, ...(pass !== undefined ? { pass } : {}) }
}

async function run(p: Parsed, api: SsascopeApi, io: CliIO, until?: string): Promise<SsaResult | null> {
  const file = await api.call('openFile', { path: p.file })
  const r = await api.call('ssa', { path: file.path, text: file.text, func: p.func, arch: p.arch, ...(until ? { until } : {}) })
  for (const d of r.diagnostics) io.stderr(formatDiagnostic(d) + '\n')
  return r.trace ? r : null
}

export async function ssaCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const p = parse(args, SSA_USAGE, io, true)
  if (!p) return 2
  const r = await run(p, api, io, p.pass)
  if (!r) return 2
  const passes = r.trace!.passes
  if (p.json) {
    io.stdout(JSON.stringify(r.trace) + '\n')
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
    io.stderr(`${p.file}: ${r.trace!.func}: pass ${failed.name} failed: ${failed.error}\n`)
    return 2
  }
  return 0
}

export async function allocsCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const p = parse(args, ALLOCS_USAGE, io, false)
  if (!p) return 2
  const r = await run(p, api, io, 'start')
  if (!r) return 2
  const allocs = r.trace!.allocs
  if (p.json) io.stdout(JSON.stringify(allocs) + '\n')
  else
    for (const a of allocs) {
      const members = a.members.map((m) => `${m.name}@${m.offset}(${m.size})`).join(' ')
      io.stdout(`${a.value}\t${a.block}\t${a.call}\t${a.size}${members ? '\t' + members : ''}\n`)
    }
  return 0
}
