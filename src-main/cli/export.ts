// `ssascope export FILE.go --func F [--arch A[,B]] -o OUT.html` (DESIGN §5):
// a self-contained HTML report of the function on one or both arches (the
// app's views, read-only, the data inlined), written by the API's
// `exportReport`, the same call File › Export report… makes.

import { writeFile } from 'node:fs/promises'
import type { SsascopeApi } from '../protocol/api'
import { ApiError } from '../protocol/errors'
import { formatDiagnostic, type Arch } from '../protocol/model'
import type { CliIO } from './cli'

export const EXPORT_USAGE = 'usage: ssascope export FILE.go --func F [--arch amd64|ppc64|amd64,ppc64] -o OUT.html\n'

const ARCHES: Arch[] = ['amd64', 'ppc64']

interface ExportArgs {
  file: string
  func: string
  arches: Arch[]
  out: string
}

function parse(args: string[], io: CliIO): ExportArgs | null {
  let func: string | undefined
  let arch: string | undefined
  let out: string | undefined
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const eq = a.startsWith('--') ? a.indexOf('=') : -1
    const flag = eq > 0 ? a.slice(0, eq) : a
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i])
    if (flag === '--func') func = value()
    else if (flag === '--arch') arch = value()
    else if (flag === '-o' || flag === '--out') out = value()
    else if (a.startsWith('-')) {
      io.stderr(`unknown flag ${a}\n${EXPORT_USAGE}`)
      return null
    } else files.push(a)
  }
  if (files.length !== 1 || !func || !out) {
    io.stderr(EXPORT_USAGE)
    return null
  }
  arch ??= ARCHES.includes(process.env['GOARCH'] as Arch) ? process.env['GOARCH']! : 'amd64'
  const arches = arch.split(',').map((s) => s.trim())
  const bad = arches.find((x) => !ARCHES.includes(x as Arch))
  if (bad !== undefined || arches.length === 0 || arches.length > 2 || new Set(arches).size !== arches.length) {
    io.stderr(`bad --arch ${arch}: want amd64, ppc64 or amd64,ppc64\n`)
    return null
  }
  return { file: files[0]!, func, arches: arches as Arch[], out }
}

export async function exportCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const p = parse(args, io)
  if (!p) return 2
  const file = await api.call('openFile', { path: p.file })
  // The file's own diagnostics first, as gc prints them (exportReport refuses a file with errors).
  const analysis = await api.call('analyze', { path: file.path, text: file.text })
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) {
    for (const d of errors) io.stderr(formatDiagnostic(d) + '\n')
    return 2
  }
  if (!analysis.functions.some((f) => f.name === p.func)) {
    io.stderr(`${file.path}: no function ${p.func} (ssascope funcs ${p.file} lists them)\n`)
    return 2
  }
  let report
  try {
    report = await api.call('exportReport', { path: file.path, text: file.text, func: p.func, arches: p.arches })
  } catch (e) {
    const err = ApiError.from(e)
    if (err.code === 'internal') throw err
    io.stderr(err.file !== undefined ? `${err.message}\n` : `${file.path}: ${err.message}\n`)
    return 2
  }
  try {
    await writeFile(p.out, report.html)
  } catch (e) {
    io.stderr(`${p.out}: ${(e as Error).message}\n`)
    return 2
  }
  io.stderr(`${p.out}: ${Buffer.byteLength(report.html)} bytes (${p.func} on ${p.arches.join(', ')})\n`)
  return 0
}
