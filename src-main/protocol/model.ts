// The data the pipeline produces and every client consumes. Plain JSON only:
// these objects cross worker, IPC and HTTP boundaries unchanged.

import type { EncodedTrace } from './trace-codec'

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
  /** Display path: the path given for files, `examples/NAME.go` for examples, the file's name for an import. */
  path: string
  text: string
  /** `import`: the source lines an imported trace (an ssa.html) shows, read-only. */
  origin: 'example' | 'file' | 'import'
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
  /** `report`: an exported report answering from the data inlined in it (read-only, no compiler). */
  transport: 'ipc' | 'http' | 'in-process' | 'report'
}

/** An exported report (`exportReport`): one self-contained HTML file. */
export interface ExportedReport {
  /** A file name to save it under: `FUNC-ARCHES.html`, safe on every file system. */
  fileName: string
  html: string
}

export interface Progress {
  phase: string
  /** 0..1 when known. */
  fraction?: number
}

// ---------------------------------------------------------------- escape analysis

export type EscapeLocationKind = 'heap' | 'mutator' | 'callee' | 'blank' | 'var' | 'param' | 'result' | 'alloc' | 'temp'

/** A location of the escape graph: a variable, an allocation site, a temporary or a pseudo-location. */
export interface EscapeLocation {
  id: number
  kind: EscapeLocationKind
  /** gc's spelling: `x`, `&T{...}`, `{heap}`, `{temp}`. */
  name: string
  /** `file:line:col` as gc prints it; empty for pseudo-locations and temporaries. */
  pos: string
  /** The function it belongs to (gc name); empty for pseudo-locations. */
  fn: string
  loopDepth: number
  escapes: boolean
  persists: boolean
  mutates: boolean
  calls: boolean
  /** Parameters with pointers (gc tags no other): where they leak (`leaking param content`, `to result ~r0 level=1`, …). */
  leaks?: string[]
  /** Parameters with pointers: the tag's slots, each the fewest derefs at which the parameter reaches it (−1: never); results by index and name. */
  tag?: { heap: number; mutator: number; callee: number; results: { index: number; name: string; derefs: number }[] }
}

/** src flows into dst with derefs (−1 address-of, 0 value, n dereferences). */
export interface EscapeEdge {
  id: number
  src: number
  dst: number
  derefs: number
  notes: { where: string; why: string; pos: string }[]
  /** An address flowing into a location that already escaped: gc makes src escape at once and adds no edge, so no walk follows it. */
  shortcut?: true
}

/** The last walk from one root: every location reached, its derefs distance and the edge it was reached through. */
export interface EscapeWalk {
  root: number
  reached: { loc: number; derefs: number; edge: number | null }[]
}

/** The escape graph of one batch (a function with its closures, or mutually recursive functions). */
export interface EscapeGraphArtifact {
  functions: string[]
  recursive: boolean
  locations: EscapeLocation[]
  edges: EscapeEdge[]
  walks: EscapeWalk[]
  /**
   * Each -m=2 explanation as the solver made it: the location, the root it
   * reached (its address outlived it, or a parameter leaked to it) and the
   * edges from the location to that root, in gc's emission order.
   */
  explanations: EscapeExplanation[]
}

export interface EscapeExplanation {
  kind: 'escapes' | 'leaks'
  loc: number
  root: number
  edges: number[]
  /** Leaks: the derefs distance at which the parameter reached the root. */
  derefs?: number
  /** gc stopped at a cycle. */
  truncated: boolean
}

export interface EscapeResult {
  file: string
  /** The lines `go build -gcflags='-m=N -l'` prints. */
  lines: string[]
  diagnostics: Diagnostic[]
  /** The graph of the batch holding the requested function, if one was requested and found. */
  graph: EscapeGraphArtifact | null
}

/** What a -m=2 line of the real gc decides: heap (moved/escapes), a parameter leak, stays on the stack, a closure capture, an inlining decision. */
export type GcEscapeKind = 'heap' | 'leak' | 'stays' | 'capture' | 'inline' | 'other'

/** One verdict of the real gc's -m=2 output, with the explanation (flow) lines gc printed for it. */
export interface GcEscapeDecision {
  /** The path as gc printed it, relative to the package directory. */
  file: string
  line: number
  col: number
  kind: GcEscapeKind
  /** The verdict as gc printed it: `moved to heap: b`, `leaking param: text`. */
  message: string
  /** The function the explanation names (`… escapes to heap in F:`), when there is one. */
  fn?: string
  /** gc's explanation lines for it, headline first (`x escapes to heap in F:`, `  flow: {heap} ← &x:`, `    from … at …`). */
  flow: string[]
}

// ---------------------------------------------------------------- the real gc on a package

/** A function the real gc compiled in a package: GOSSAFUNC's spelling and where its TEXT starts. */
export interface GcFuncInfo {
  name: string
  /** Relative to the package directory (`<autogenerated>` for wrappers). */
  file: string
  line: number
}

/** What `go` says about the toolchain and package a gc run used. */
export interface GcRunInfo {
  /** The package directory (absolute). */
  dir: string
  importPath: string
  /** `go version` output. */
  go: string
  /** `go1.26.8`. */
  release: string
  /** GOARCH. */
  arch: string
}

/** A package's Go files and the functions gc compiles in it. */
export interface GcPackageInfo extends GcRunInfo {
  files: SourceFile[]
  functions: GcFuncInfo[]
}

/** One function of a package as the real gc compiled it; T is the trace's form (`FuncTrace`, or `EncodedTrace` on the wire). */
export interface GcPackageResultOf<T> extends GcRunInfo {
  func: string
  /** The flags given to `go tool compile` (files and temporary paths left out). */
  flags: string[]
  noInline: boolean
  files: SourceFile[]
  /** Read from gc's ssa.html (ids reused across passes), with the allocation calls, the mergelocals artifact and the listing. */
  trace: T
  /** gc's -m=2 verdicts for the package, with their flow lines. */
  escape: GcEscapeDecision[]
  /** gc's -m=2 output as printed (paths relative to the package). */
  lines: string[]
  /** gc's -d=mergelocalstrace=2 lines for the function. */
  mergeTrace: string
  warnings: string[]
  ms: number
}

// ---------------------------------------------------------------- SSA snapshots

/** One SSA value as a pass left it. Records are immutable and shared between snapshots while unchanged. */
export interface ValueRecord {
  /** `vN`; never reused within a function, across all passes. */
  id: string
  op: string
  /** gc's spelling of the type: `int64`, `*uint8`, `mem`, `(unsafe.Pointer,mem)`. */
  type: string
  /** gc's bracketed aux text without brackets (`16`, `true`, `1.5`), when the op has one. */
  auxInt?: string
  /** gc's braced aux text without braces (`int64`, `AuxCall{runtime.newobject}`, `heapagg.g64`). */
  aux?: string
  args: string[]
  block: string
  /** 0 when unknown (gc prints `(?)`). */
  line: number
  col: number
  /** '+' is a statement, '-' is not, '' is neither (gc's `(+L)`, `(-L)`, `(L)`). */
  stmt: '+' | '-' | ''
  /** The value this one was created from (by a rewrite rule or pass), when it is new. */
  origin?: string
}

export interface BlockRecord {
  /** `bN`; never reused within a function. */
  id: string
  /** gc's block kind: Plain, If, Ret, Exit, First, … */
  kind: string
  controls: string[]
  succs: string[]
  preds: string[]
  likely?: 'likely' | 'unlikely'
  aux?: string
  /** The block's values in order (records shared with other snapshots while unchanged). */
  values: ValueRecord[]
  line: number
}

export interface NamedValues {
  /** gc's LocalSlot spelling: `x[int]`, `&a[*int64]`, `s.ptr[*int]`. */
  name: string
  values: string[]
}

export interface FuncSnapshot {
  name: string
  /** gc's type of the function, as in the dump header: `func(int64, int32)`. */
  type: string
  /** `generic`, `amd64`, `ppc64`: whose op table names the lowered ops. */
  arch?: string
  /** Blocks in gc's order; records are shared with other snapshots while unchanged. */
  blocks: BlockRecord[]
  names: NamedValues[]
  /** After the scheduler: values print in block order rather than dependency order. */
  scheduled?: boolean
  /** After regalloc: each value's register (`AX`, `<AX,DX>`) or stack slot (`x[int]`), by value id (kept beside the shared records). */
  locs?: Readonly<Record<string, string>>
}

export interface SnapshotDiff {
  valuesAdded: string[]
  valuesRemoved: string[]
  valuesChanged: string[]
  blocksAdded: string[]
  blocksRemoved: string[]
  blocksChanged: string[]
}

/** One application of a rewrite rule: the value it matched, and the values it created. */
export interface RuleApplication {
  rule: string
  value: string
  created: string[]
  /** The matched value right after this rule (gc's `Op <T> {aux} [auxint] args`), and each created value as the rule made it: the listing between a pass's before and after states. */
  after?: string
  createdAs?: string[]
}

export type PassStatus = 'changed' | 'unchanged' | 'not-modeled' | 'failed'

export interface PassRecord {
  /** gc's pass name (`opt`, `generic cse`, …); `start` is the function as built. */
  name: string
  status: PassStatus
  error?: string
  ms: number
  /** The function after the pass (for `not-modeled` and `failed`, the function as the previous pass left it). */
  snapshot: FuncSnapshot
  diff: SnapshotDiff
  rules?: RuleApplication[]
}

/** A heap-moved variable held by an allocation call. */
export interface AllocMember {
  name: string
  offset: number
  size: number
  align: number
  /** Its type has pointers (never aggregated). */
  pointers?: boolean
  /** Its heap address in the function as built: the `OffPtr` into the shared block, or the `Copy` / `SelectN` of a call of its own. */
  value?: string
  /** Its place in the block's pending list (gc's pendingHeapAllocations): the order the variables were declared in, before the sort by alignment. */
  order?: number
}

/**
 * How gc 1.26's newHeapaddr placed a call: `aggregate` (several small
 * scalars pending in one block, one runtime.mallocgc), `lone` (a small scalar
 * that was alone when its pending list was flushed: runtime.newobject),
 * `own` (a variable never aggregated: it has pointers or is ≥ 16 bytes),
 * `site` (an allocation that is not a moved variable: new, &T{}, a closure).
 */
export type AllocKind = 'aggregate' | 'lone' | 'own' | 'site'

/** Why a pending list was flushed: at its block's end, or because the next variable would pass 16 bytes. */
export interface AllocFlush {
  cause: 'block-end' | 'overflow'
  /** Bytes pending when it was flushed. */
  bytes: number
  /** overflow: the variable that did not fit (it starts the next list), and its size. */
  next?: string
  nextSize?: number
}

/** A heap allocation call in the function as built, and the variables it holds. */
export interface AllocGroup {
  call: 'runtime.newobject' | 'runtime.mallocgc'
  /** Bytes allocated. */
  size: number
  /** The call value (`vN`) and its block. */
  value: string
  block: string
  members: AllocMember[]
  /** The embedded pipeline's decision (absent where only a dump was read). */
  kind?: AllocKind
  /** aggregate and lone: why the pending list ended. */
  flush?: AllocFlush
  /** The allocated type (gc's spelling) of a newobject call. */
  type?: string
}

export interface FuncTrace {
  func: string
  arch: string
  passes: PassRecord[]
  allocs: AllocGroup[]
  /** Heap-moved zero-sized variables: no call, their address is runtime.zerobase (`Addr` value). */
  zerobase?: { name: string; value: string }[]
  /** Liveness, mergelocals and the frame layout, when every pass through trim ran (the `stack frame` step). */
  stackFrame?: StackFrameResult
  /** The assembly listing (gc's genssa and assembler), after the stack frame step. */
  asm?: Assembly
  /** Why there is no listing although the stack frame step ran. */
  asmError?: string
  /** The ops of this trace whose values are live by themselves (calls, side effects, nil checks): gc's roots for marking values DEAD. */
  effectOps?: string[]
  /**
   * gc reuses the ids of dead values in later passes: in a trace read from gc
   * (an ssa.html), `v12` in one pass need not be `v12` in another. Views
   * show no cross-pass history or per-value diffs for such a trace and
   * select by id within one pass only.
   */
  idsReusedAcrossPasses?: boolean
  /** Where a trace not built by the embedded pipeline came from. */
  origin?: TraceOrigin
}

/** Source lines a trace read from gc shows (its sources column): the function and what was inlined into it. */
export interface ImportedSource {
  file: string
  lines: { line: number; text: string }[]
}

/** The answer to `importSsaHtml`: the trace in the compact encoding (decodeTrace), its sources, and what was odd. */
export interface ImportResult {
  /** The file's name or path as given. */
  name: string
  trace: EncodedTrace
  sources: ImportedSource[]
  warnings: string[]
}

/** A trace read from the real compiler's output. */
export interface TraceOrigin {
  kind: 'ssa.html'
  /** gc's f.NameABI() as the file's heading shows it (`Sum,1`). */
  heading: string
  /** Facts the file does not hold, said once for the UI (`columns`, `function type`, `frame layout`, …). */
  missing: string[]
  /** Non-fatal oddities met while reading. */
  warnings: string[]
}

export type Arch = 'amd64' | 'ppc64'

/** One function's trace, or why there is none; T is the trace's form (`FuncTrace` in the pipeline, `EncodedTrace` on the wire). */
export interface SsaResultOf<T> {
  file: string
  /** Syntax, type and `unsupported:` errors, and an unknown function name. */
  diagnostics: Diagnostic[]
  /** gc names of the functions we can build. */
  functions: string[]
  trace: T | null
}

/**
 * The answer to an `ssa` request, as every transport carries it: the trace in
 * the compact encoding (trace-codec.ts). `decodeTrace(result.trace)` gives
 * the FuncTrace, with its records shared across passes as the pipeline made them.
 */
export type SsaResult = SsaResultOf<EncodedTrace>

// ---------------------------------------------------------------- stack frame: liveness and mergelocals

/** A mergelocals candidate (a used auto larger than 3 words whose address the program never takes), in gc's order. */
export interface StackCandidate {
  name: string
  /** Declaration position `file.go:line:col`; `:0:0` for a temporary known only from the SSA. */
  pos: string
  type: string
  size: number
  align: number
  hasPointers: boolean
  /**
   * How it ended: leader or follower of a merged group, unmerged (its lifetime
   * overlaps every partner), evicted (an address of it was still pending at a
   * block end), or dropped (no partner of compatible size and alignment).
   */
  status: 'leader' | 'follower' | 'unmerged' | 'evicted' | 'dropped'
  /** Index in the pruned candidate list (what gc's level-2 trace numbers), once it got there. */
  index?: number
  /** Index of its region in `regions`. */
  region?: number
  /** Live intervals over the instruction numbering, half-open [start, end). */
  intervals: [number, number][]
  /** Followers: the leader whose slot it shares. */
  leader?: string
  /** The values that name it directly (`MOVQstore {t}`, `VarDef {t}`, `LEAQ {t}`), in block order, with how they touch it. */
  uses?: StackDirectUse[]
  /** Dropped: why it never reached merging. */
  reason?: string
}

/**
 * How a value touches a variable it names (gc's SymEffect): `def` is a VarDef
 * (kills it), `addr` takes its address (a use: the pointer may be read later);
 * a write to part of an array or struct counts as a use for merging.
 */
export type StackUseEffect = 'read' | 'write' | 'readwrite' | 'addr' | 'def'

export interface StackDirectUse {
  value: string
  effect: StackUseEffect
}

/** An address value of a candidate (`LEAQ {t}`, `MOVDaddr {t}`) or address arithmetic on one, followed through its block. */
export interface StackAddressValue {
  value: string
  block: string
  name: string
  /** Address arithmetic: the address value it was computed from. */
  from?: string
  /** Its use count when it was seen. */
  uses: number
  /** The values that used it in the block: each is an indirect use of the variable. */
  users: string[]
  /** Uses still outstanding at the block's end (evicting the variable). */
  pending: number
  /** When pending: the values outside the block that use it (mergelocals does not follow an address across blocks). */
  later?: string[]
}

export interface StackEviction {
  name: string
  /** The address value still pending at the end of its block. */
  value: string
  block: string
  pending: number
  reason: string
}

export interface StackRegion {
  start: number
  end: number
  /** The candidates of the region, in order: the first unused one leads each group. */
  names: string[]
}

export interface StackMergedGroup {
  leader: string
  followers: string[]
  /** The leader's frame offset, which every follower takes. */
  offset: number
}

export interface StackFrameSlot {
  /** Index in gc's sorted Dcl (the number its trace prints). */
  index: number
  name: string
  type: string
  size: number
  align: number
  hasPointers: boolean
  /** Offset from the top of the locals area (negative). */
  offset: number
  isLeader: boolean
  /** Followers: the leader whose slot it shares. */
  leader?: string
  temp: boolean
}

/** Liveness and mergelocals for one function after its last SSA pass, and the frame layout that follows. */
export interface StackFrameResult {
  func: string
  arch: string
  /** The global instruction numbering: blocks in layout order, each with its values in schedule order from `first`. */
  numbering: { block: string; first: number; values: string[] }[]
  numInstrs: number
  candidates: StackCandidate[]
  addressValues: StackAddressValue[]
  /** The final indirect-use table: values that use a candidate through an address value. */
  indirectUses: { value: string; names: string[] }[]
  evictions: StackEviction[]
  regions: StackRegion[]
  /** Per block, the candidates live at its end. */
  liveOut: { block: string; names: string[] }[]
  groups: StackMergedGroup[]
  savedBytes: { total: number; nonPointer: number; pointer: number }
  /** Why nothing merged, or `merged`. */
  outcome: string
  frame: {
    /** gc's stksize: bytes of locals, rounded to the frame alignment. */
    size: number
    /** gc's stkptrsize: the part of the locals area the GC scans. */
    ptrSize: number
    align: number
    slots: StackFrameSlot[]
  }
  /** gc's -d=mergelocalstrace lines, each with the lowest level that prints it. */
  trace: { level: 1 | 2 | 3; text: string }[]
  /** Temporaries named in the SSA whose type could not be found (left out of the frame). */
  unresolved: string[]
  /**
   * Read from gc's -d=mergelocalstrace=2 output rather than computed: the
   * fields gc does not print at that level stay empty, and these name them
   * (the UI says so instead of showing them as empty).
   */
  fromGcTrace?: { level: number; missing: string[] }
}

// ---------------------------------------------------------------- assembly listing

/** One line of the listing. */
export interface AsmLine {
  /** Byte offset in the function. */
  pc: number
  /** Source line (0: unknown). */
  line: number
  /** The instruction as -S prints it (`MOVQ\tAX, p.t-72(SP)`). */
  text: string
  /** The SSA value (`v12`) or block (`b3`) the instruction was generated for; prologue and padding have neither. */
  value?: string
  block?: string
}

export interface Assembly {
  lines: AsmLine[]
  /** `p.F`: the TEXT symbol. */
  symbol: string
  /** Bytes of code. */
  size: number
  /** The frame size TEXT prints (locals, outgoing args, saved BP / fixed frame). */
  frame: number
  /** The symbol header's `locals=` (ppc64 leaves out the fixed frame area). */
  locals: number
  args: number
  /** TEXT attributes (`NOSPLIT`, `NOFRAME`, `ABIInternal`). */
  attrs: string[]
  /**
   * Read from gc's genssa column: `pc` is the Prog number (gc assigns byte
   * offsets only later, in the assembler), and size, frame, locals and args
   * are unknown (0).
   */
  progNumbers?: boolean
  /** Comment lines gc prints in genssa (`# live at call to …`, `# file.go`), each before the line at `before`. */
  comments?: { before: number; text: string }[]
}
