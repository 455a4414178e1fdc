// The data the pipeline produces and every client consumes. Plain JSON only:
// these objects cross worker, IPC and HTTP boundaries unchanged.

/** A problem in a source file. line/col are 1-based; col counts bytes, as gc does. */
export interface Diagnostic {
  file: string
  line: number
  col: number
  severity: 'error' | 'warning'
  message: string
  /** UTF-16 offsets into the source text, for editors. */
  from: number
  to: number
}

/** gc's spelling: `file:line:col: message`. */
export function formatDiagnostic(d: Pick<Diagnostic, 'file' | 'line' | 'col' | 'message'>): string {
  return `${d.file}:${d.line}:${d.col}: ${d.message}`
}

export interface SourceFile {
  /** Display path: the path given for files, `examples/NAME.go` for examples. */
  path: string
  text: string
  origin: 'example' | 'file'
}

export interface ExampleInfo {
  name: string
  title: string
  summary: string
}

export type FuncKind = 'func' | 'method' | 'closure'

export interface FuncInfo {
  /** gc's name, as GOSSAFUNC spells it: `F`, `T.M`, `(*T).M`, `F.func1`, `F.func1.1`. */
  name: string
  kind: FuncKind
  /** Receiver base type name, for methods. */
  receiver?: string
  pointerReceiver?: boolean
  /** The enclosing function's gc name, for closures. */
  parent?: string
  /** Position of the name (or of `func` for closures). */
  line: number
  col: number
  endLine: number
  /** UTF-16 offsets of the whole declaration, for editors. */
  from: number
  to: number
  /** Compiler directives attached to the declaration, e.g. `go:noinline`. */
  pragmas: string[]
}

export interface AnalyzeResult {
  file: string
  functions: FuncInfo[]
  diagnostics: Diagnostic[]
  /** Milliseconds per phase, in the order they ran. */
  timings: { phase: string; ms: number }[]
}

export interface AppInfo {
  name: string
  version: string
  transport: 'ipc' | 'http' | 'in-process'
}

export interface Progress {
  phase: string
  /** 0..1 when known. */
  fraction?: number
}
