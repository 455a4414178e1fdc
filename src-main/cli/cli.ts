// The `ssascope` command. It programs against the same API as the app, with
// jobs run in-process. Exit status: 0 ok, 2 bad input or usage.

import { formatDiagnostic } from '../protocol/model'
import { ApiError } from '../protocol/errors'
import type { SsascopeApi } from '../protocol/api'
import { escapeCommand } from './escape'
import { allocsCommand, ssaCommand } from './ssa'
import { mergelocalsCommand } from './mergelocals'
import { asmCommand } from './asm'
import { packageInvocation } from './package'
import { fidelityCommand } from './fidelity'
import { gcCommand } from './gc'
import { exportCommand } from './export'
import { importCommand } from './import'

export interface CliIO {
  stdout: (s: string) => void
  stderr: (s: string) => void
}

export const USAGE = `usage: ssascope <command> [arguments]

A visual debugger for the SSA passes of the Go compiler (gc).

Commands:
  funcs FILE.go        list the functions of FILE.go with gc's names and positions
                       (name<TAB>kind<TAB>file:line:col)
  escape [-m|-m=2] FILE.go...
                       escape analysis: the lines go build -gcflags='-m=N -l' prints
                       (--json [--func F]: the result as JSON, with F's escape graph)
  ssa FILE.go --func F [--arch amd64|ppc64] [--pass P] [--json] [--check]
                       the function's SSA after each of gc's passes: one line per pass
                       (name<TAB>status<TAB>#values<TAB>#blocks); --pass P prints the
                       function after P in gc's text dump format; --json the whole trace in
                       the compact wire encoding (format ssascope-trace/1: every distinct
                       value and block record once, each pass as references to them;
                       decodeTrace in src-main/protocol/trace-codec.ts expands it); --check runs
                       the checker after every pass, as gc's -d=ssa/check/on (off by default)
  allocs FILE.go --func F [--json]
                       the heap allocation calls as built (runtime.newobject / mallocgc),
                       with the variables aggregated into each
  mergelocals FILE.go --func F [--arch amd64|ppc64] [--trace=1|2|3 | --json]
                       stack slot merging after the last pass: the lines gc prints for
                       -d=mergelocalstrace=N (on stdout), or --json the liveness/mergelocals
                       artifact (candidates, intervals, indirect uses, evictions, groups, frame)
  asm FILE.go --func F [--arch amd64|ppc64] [--json]
                       the assembly listing after the whole pipeline, as go tool compile -S
                       prints it (pc, source line, instruction in Go assembler syntax)
  gc DIR --func F [--arch GOARCH] [-l] [--go PATH] [--toolchain go1.N.M] [--pass P | --json]
                       the real go on the package in DIR: F's passes from gc's ssa.html (GOSSAFUNC
                       spellings: F, T.M, (*T).M, F.func1, G[go.shape.int]), its -m=2 decisions and
                       mergelocals trace; inlining on unless -l (--funcs: what gc compiles)
  export FILE.go --func F [--arch amd64|ppc64|amd64,ppc64] -o OUT.html
                       a self-contained HTML report of the function (the app's views,
                       read-only, the data inlined; opens offline in any browser): passes,
                       listing and diffs, value history, CFG, escape graph, allocations,
                       liveness, assembly, and the arch comparison when both are exported
  import FILE.html [--arch A] [--pass P | --json]
                       an existing ssa.html (GOSSAFUNC=F) in the same model: one line per pass
                       (merged columns split into their passes), --pass P the function after P in
                       gc's text dump format, --json {name, trace, sources, warnings}; gc reuses
                       value ids between passes, so ids are comparable only within one pass
  fidelity [--json] [--detail] [--files GLOB-or-list] [--corpus GLOB-or-list] [--go PATH]
                       every differential figure against the real go in one table: gc's -m
                       lines on $(go env GOROOT)/test/escape*.go (or --files) for the functions
                       inside our subset; on our corpus (or --corpus), -m=2 lines, allocation calls, op
                       similarity after opt, generic cse, prove, late opt, lowered ops (amd64,
                       ppc64), merge decisions and -S listings (--detail: per-file tables)

Options:
  -h, --help           show this help
  --version            print the version

Commands that run the real go use --go PATH, else $SSASCOPE_GO, else go on PATH.

funcs, escape, ssa, asm and allocs also take a package of several files: FILE.go FILE.go...
or DIR (its non-test .go files, sorted), analysed as one package as gc compiles it.

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
    // Several files or a directory: one package (cli/package.ts).
    const pkg = await packageInvocation(command, rest, api, io)
    if (pkg !== null) return pkg
    switch (command) {
      case 'funcs':
        return await funcs(rest, api, io)
      case 'escape':
        return await escapeCommand(rest, api, io)
      case 'ssa':
        return await ssaCommand(rest, api, io)
      case 'allocs':
        return await allocsCommand(rest, api, io)
      case 'mergelocals':
        return await mergelocalsCommand(rest, api, io)
      case 'asm':
        return await asmCommand(rest, api, io)
      case 'export':
        return await exportCommand(rest, api, io)
      case 'import':
        return await importCommand(rest, api, io)
      case 'fidelity':
        return await fidelityCommand(rest, io)
      case 'gc':
        return await gcCommand(rest, api, io)
      default:
        io.stderr(`ssascope: unknown command ${JSON.stringify(command)}\n\n${USAGE}`)
        return EXIT_BAD_INPUT
    }
  } catch (e) {
    const err = ApiError.from(e)
    // An unreadable file reads `path: message`, like a diagnostic without a position.
    io.stderr(err.file !== undefined ? `${err.message}\n` : `ssascope ${command}: ${err.message}\n`)
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
