// `ssascope escape [-m=1|-m=2] [--json [--func F]] FILE.go…`: the lines
// `go build -gcflags='-m=N -l'` prints, file by file (each file is its own
// package), with paths as given. `--json` prints the API's EscapeResult per
// file instead, with the escape graph of F's batch when --func is given.

import type { SsascopeApi } from '../protocol/api'
import { formatDiagnostic } from '../protocol/model'
import type { CliIO } from './cli'

export const ESCAPE_USAGE = 'usage: ssascope escape [-m | -m=1 | -m=2] [--json [--func F]] FILE.go...\n'

export async function escapeCommand(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  let level: '1' | '2' = '1'
  let json = false
  let func: string | undefined
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-m' || a === '-m=1') level = '1'
    else if (a === '-m=2') level = '2'
    else if (a === '--json') json = true
    else if (a === '--func' && i + 1 < args.length) func = args[++i]
    else if (a.startsWith('--func=')) func = a.slice('--func='.length)
    else if (a.startsWith('-')) {
      io.stderr(`ssascope escape: unknown flag ${a}\n${ESCAPE_USAGE}`)
      return 2
    } else files.push(a)
  }
  if (files.length === 0 || (func !== undefined && !json)) {
    io.stderr(ESCAPE_USAGE)
    return 2
  }
  let status = 0
  for (const path of files) {
    const file = await api.call('openFile', { path })
    const result = await api.call('escape', { path: file.path, text: file.text, level, ...(func ? { func } : {}) })
    for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n')
    if (result.diagnostics.some((d) => d.severity === 'error')) {
      status = 2
      continue
    }
    if (json) io.stdout(JSON.stringify(result) + '\n')
    else for (const l of result.lines) io.stdout(l + '\n')
  }
  return status
}
