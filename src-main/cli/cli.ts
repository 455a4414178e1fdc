// The `ssascope` command. It programs against the same API as the app, with
// jobs run in-process. Exit status: 0 ok, 2 bad input or usage.

import { formatDiagnostic } from '../protocol/model'
import { ApiError } from '../protocol/errors'
import type { SsascopeApi } from '../protocol/api'

export interface CliIO {
  stdout: (s: string) => void
  stderr: (s: string) => void
}

export const USAGE = `usage: ssascope <command> [arguments]

A visual debugger for the SSA passes of the Go compiler (gc).

Commands:
  funcs FILE.go        list the functions of FILE.go with gc's names and positions
                       (name<TAB>kind<TAB>file:line:col)

Options:
  -h, --help           show this help
  --version            print the version

Errors are printed as file:line:col: message on stderr; bad input exits with status 2.
Run 'npm run serve' for the browser UI or 'npm start' for the desktop app.
`

export const EXIT_OK = 0
export const EXIT_BAD_INPUT = 2

export async function runCli(argv: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE)
    return command === undefined ? EXIT_BAD_INPUT : EXIT_OK
  }
  if (command === '--version') {
    io.stdout(`ssascope ${(await api.call('info', {})).version}\n`)
    return EXIT_OK
  }
  try {
    switch (command) {
      case 'funcs':
        return await funcs(rest, api, io)
      default:
        io.stderr(`ssascope: unknown command ${JSON.stringify(command)}\n\n${USAGE}`)
        return EXIT_BAD_INPUT
    }
  } catch (e) {
    io.stderr(`ssascope ${command}: ${ApiError.from(e).message}\n`)
    return EXIT_BAD_INPUT
  }
}

async function funcs(args: string[], api: SsascopeApi, io: CliIO): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    io.stderr('usage: ssascope funcs FILE.go\n')
    return EXIT_BAD_INPUT
  }
  const file = await api.call('openFile', { path: args[0]! })
  const result = await api.call('analyze', { path: file.path, text: file.text })
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n')
  if (errors.length > 0) return EXIT_BAD_INPUT
  for (const f of result.functions) io.stdout(`${f.name}\t${f.kind}\t${file.path}:${f.line}:${f.col}\n`)
  return EXIT_OK
}
