// `ssascope asm FILE.go --func F [--arch A] [--json]` (DESIGN §5): the
// function through our whole pipeline (SSA passes, register allocation, the
// stack frame phase) by the API's `ssa` request, then the assembly listing as
// `go tool compile -S` prints it, without the hex bytes.

import type { SsascopeApi } from '../protocol/api'
import { formatDiagnostic, type Arch } from '../protocol/model'
import { formatListing } from '../compiler/asm'
import type { CliIO } from './cli'

export const ASM_USAGE = 'usage: ssascope asm FILE.go --func F [--arch amd64|ppc64] [--json]\n'

const ARCHES: Arch[] = ['amd64', 'ppc64']

interface Parsed {
  file: string
  func: string
  arch: Arch
  json: boolean
}

function parse(args: string[], io: CliIO): Parsed | null {
  let func: string | undefined
  let arch: string | undefined
  let json = false
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    const value = (): string | undefined => inline ?? args[++i]
    if (flag === '--func') func = value()
    else if (flag === '--arch') arch = value()
    else if (flag === '--json') json = true
    else if (a.startsWith('-')) {
      io.stderr(`unknown flag ${a}\n${ASM_USAGE}`)
      return null
    } else files.push(a)
  }
  arch ??= (ARCHES as string[]).includes(process.env['GOARCH'] ?? '') ? process.env['GOARCH'] : 'amd64'
  if (files.length !== 1 || !func) {
    io.stderr(ASM_USAGE)
    return null
  }
  if (!(ARCHES as string[]).includes(arch!)) {
    io.stderr(`unknown --arch ${arch}: want ${ARCHES.join(' or ')}\n`)
    return null
  }
  return { file: files[0]!, func, arch: arch as Arch, json }
}

export async function asmCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const p = parse(args, io)
  if (!p) return 2
  const file = await api.call('openFile', { path: p.file })
  const r = await api.call('ssa', { path: file.path, text: file.text, func: p.func, arch: p.arch })
  for (const d of r.diagnostics) io.stderr(formatDiagnostic(d) + '\n')
  if (!r.trace) return 2
  const { trace } = r
  if (!trace.asm) {
    const failed = trace.passes.find((x) => x.status === 'failed')
    const why = failed ? `pass ${failed.name} failed: ${failed.error}` : (trace.asmError ?? 'the passes did not run to the end')
    io.stderr(`${file.path}: ${trace.func}: no listing: ${why}\n`)
    return 2
  }
  io.stdout(p.json ? JSON.stringify(trace.asm) + '\n' : formatListing(trace.asm, p.file))
  return 0
}
