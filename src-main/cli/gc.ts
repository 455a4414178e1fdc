// `ssascope gc DIR --func F [--arch A] [--json] [-l] [--go PATH] [--toolchain go1.27.0] [--pass P | --funcs]`:
// the real gc on a package (DESIGN §5), read into the same model as the
// embedded pipeline's traces.

import type { SsascopeApi } from '../protocol/api'
import { GOARCHES, type GoArch } from '../protocol/api'
import { decodeTrace } from '../protocol/trace-codec'
import { printFunc } from '../compiler/ssa/print'
import type { CliIO } from './cli'
import { scanArgs } from './args'

export const GC_USAGE =
  'usage: ssascope gc DIR --func F [--arch GOARCH] [-l] [--go PATH] [--toolchain go1.N.M] [--pass P | --json]\n' +
  '       ssascope gc DIR --funcs [--arch GOARCH] [-l] [--go PATH] [--toolchain go1.N.M]\n' +
  '  runs the real go on the package in DIR for F (GOSSAFUNC spellings: F, T.M, (*T).M, F.func1, G[go.shape.int]):\n' +
  '  one line per pass of its ssa.html (name<TAB>status<TAB>#values<TAB>#blocks); --pass P the function after P\n' +
  "  in gc's dump format; --json the whole result (trace in the compact encoding, -m=2 decisions, mergelocals);\n" +
  '  --funcs the functions gc compiles (name<TAB>file:line). Inlining stays on unless -l.\n'

export async function gcCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const scanned = scanArgs(
    args,
    {
      values: { '--func': 'func', '--arch': 'arch', '--pass': 'pass', '--go': 'go', '--toolchain': 'toolchain' },
      switches: { '--json': 'json', '--funcs': 'funcs', '-l': 'noInline' },
    },
    GC_USAGE,
    io,
  )
  if (!scanned) return 2
  const { flags, files: dirs } = scanned
  const { func, pass, toolchain } = flags
  const goBin = flags['go']
  let arch: string | undefined = flags['arch']
  const json = flags['json'] === 'true'
  const funcs = flags['funcs'] === 'true'
  const noInline = flags['noInline'] === 'true'
  if (dirs.length !== 1 || (func === undefined) === !funcs || (pass !== undefined && json) || goBin === '') {
    io.stderr(GC_USAGE)
    return 2
  }
  arch ??= (GOARCHES as readonly string[]).includes(process.env['GOARCH'] ?? '') ? process.env['GOARCH']! : 'amd64'
  if (!(GOARCHES as readonly string[]).includes(arch)) {
    io.stderr(`unknown --arch ${arch}: want one of ${GOARCHES.join(', ')}\n`)
    return 2
  }
  // The worker starts with the first call and inherits the environment.
  if (goBin !== undefined) process.env['SSASCOPE_GO'] = goBin
  const target = { dir: dirs[0]!, arch: arch as GoArch, ...(noInline ? { noInline } : {}), ...(toolchain ? { toolchain } : {}) }
  if (funcs) {
    const r = await api.call('gcFuncs', target)
    if (json) io.stdout(JSON.stringify({ ...r, files: r.files.map((f) => f.path) }) + '\n')
    else for (const f of r.functions) io.stdout(`${f.name}\t${f.file}:${f.line}\n`)
    return 0
  }
  const r = await api.call('gcPackage', { ...target, func: func! })
  if (json) {
    io.stdout(JSON.stringify(r) + '\n')
    return 0
  }
  for (const w of r.warnings) io.stderr(`warning: ${w}\n`)
  const trace = decodeTrace(r.trace)
  if (pass !== undefined) {
    const rec = trace.passes.find((p) => p.name === pass)
    if (!rec) {
      io.stderr(`gc's ssa.html for ${r.func} has no pass ${JSON.stringify(pass)}; it has ${trace.passes.map((p) => p.name).join(', ')}\n`)
      return 2
    }
    io.stdout(printFunc(rec.snapshot))
    return 0
  }
  io.stderr(`# ${r.importPath} ${r.func} GOARCH=${r.arch} ${r.release}: gc ${r.flags.join(' ')} (${r.ms.toFixed(0)} ms)\n`)
  for (const rec of trace.passes) {
    const values = rec.snapshot.blocks.reduce((n, b) => n + b.values.length, 0)
    io.stdout(`${rec.name}\t${rec.status}\t${values}\t${rec.snapshot.blocks.length}\n`)
  }
  return 0
}
