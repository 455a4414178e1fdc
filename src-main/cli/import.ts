// `ssascope import FILE.html [--arch A] [--pass P | --json]` (DESIGN §5):
// an existing ssa.html (GOSSAFUNC) read into the same model as `ssa`.

import type { SsascopeApi } from '../protocol/api'
import { decodeTrace } from '../protocol/trace-codec'
import { printFunc } from '../compiler/ssa/print'
import type { CliIO } from './cli'

export const IMPORT_USAGE =
  'usage: ssascope import FILE.html [--arch A] [--pass P | --json]\n' +
  '  one line per pass (name<TAB>status<TAB>#values<TAB>#blocks); --pass P prints the function after P in\n' +
  "  gc's text dump format; --json the import result: {name, trace (ssascope-trace/1), sources, warnings}.\n" +
  '  --arch names the GOARCH when the lowered ops do not tell (default: guessed, amd64 or ppc64).\n'

export async function importCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  let json = false
  let pass: string | undefined
  let arch: string | undefined
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const eq = a.startsWith('--') ? a.indexOf('=') : -1
    const flag = eq > 0 ? a.slice(0, eq) : a
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i])
    if (flag === '--json') json = true
    else if (flag === '--pass') pass = value()
    else if (flag === '--arch') arch = value()
    else if (a.startsWith('-')) {
      io.stderr(`unknown flag ${a}\n${IMPORT_USAGE}`)
      return 2
    } else files.push(a)
  }
  if (files.length !== 1 || (json && pass !== undefined) || (args.includes('--pass') && pass === undefined) || (args.includes('--arch') && arch === undefined)) {
    io.stderr(IMPORT_USAGE)
    return 2
  }
  const file = files[0]!
  const r = await api.call('importSsaHtml', { name: file, path: file, ...(arch ? { arch } : {}) })
  for (const w of r.warnings) io.stderr(`${file}: warning: ${w}\n`)
  if (json) {
    io.stdout(JSON.stringify(r) + '\n')
    return 0
  }
  const trace = decodeTrace(r.trace)
  if (pass !== undefined) {
    const rec = trace.passes.find((p) => p.name === pass)
    if (!rec) {
      io.stderr(`${file}: no pass ${JSON.stringify(pass)}; the file has ${trace.passes.map((p) => p.name).join(', ')}\n`)
      return 2
    }
    // DEAD as gc marks it, from the trace's own roots: the file may be for an arch whose op tables we do not have.
    const roots = new Set(trace.effectOps ?? [])
    io.stdout(printFunc(rec.snapshot, (op) => roots.has(op)))
    return 0
  }
  for (const rec of trace.passes) {
    const values = rec.snapshot.blocks.reduce((n, b) => n + b.values.length, 0)
    io.stdout(`${rec.name}\t${rec.status}\t${values}\t${rec.snapshot.blocks.length}\n`)
  }
  const failed = trace.passes.find((x) => x.status === 'failed')
  if (failed) {
    io.stderr(`${file}: ${trace.func}: ${failed.error}\n`)
    return 2
  }
  return 0
}
