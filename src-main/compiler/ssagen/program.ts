// SSA for every function of a parsed, checked and escape-analysed file (the
// pipeline, ../pipeline.ts, supplies those once): build each function and
// run gc's pass list over it. A function whose construction or passes fail
// keeps what it has and reports why; the other functions are not affected.

import { directClosures } from './directclosure'
import { staticsBefore } from '../walk/convertdebug'
import { literalStatics } from './stmps'
import type { AllocGroup, Arch, Diagnostic, FuncTrace, PassRecord, SsaResultOf } from '../../protocol/model'
import type { EscapeAnalysis } from '../escape/analyze'
import type { FnUnit } from '../escape/units'
import type { ParsedFile } from '../syntax'
import type { SourceText } from '../syntax/source'
import type { TypeInfo } from '../types/info'
import { compile, emptyDiff, type CompileTimings } from '../ssa/compile'
import { stackFrame } from '../stackframe'
import { listingOf } from '../asm'
import { effectOpsOf } from '../ssa/print'
import type { Func } from '../ssa/func'
import { Attr } from '../escape/graph'
import { FnBuilder, Unsupported, type FnContext } from './fn'
import { refuseConcurrency } from './concur'
import { refuseDefers } from './defers'
import { refuseGo } from './gostmt'
import type { EscapeFacts } from './vars'
import { allocGroups, zerobaseVars } from './allocs'
import { refuseStrings } from './strings'
import { isStringToBytes } from '../escape/strings'
import type * as A from '../syntax/ast'

export interface TraceOptions {
  /** Stop after this pass (or `stack frame`). */
  until?: string
  /** Called before each step (`build`, every pass, `stack frame`, `listing`); what it throws abandons the work. */
  onStep?: (step: string, fraction: number) => void
  /** Fault injection: make this pass fail (CompileOptions.fail). */
  fail?: string
  /** Run the checker after every pass (CompileOptions.check; default: setCheckByDefault). */
  check?: boolean
  /** Where the passes' time goes (CompileOptions.timings), for the bench's profile. */
  timings?: CompileTimings
}

export interface SsaProgram {
  path: string
  diagnostics: Diagnostic[]
  /** gc names of the functions we build, in source order. */
  functions: string[]
  /** Build and compile one function (lazily: only what the user looks at). */
  trace(name: string, arch: string, options?: TraceOptions): FuncTrace
  /** Like trace, and also the function as the last pass left it (for the stack frame phase and the listing). */
  compileFunc(name: string, arch: string, options?: TraceOptions): { trace: FuncTrace; func: Func }
}

export class SsaError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.file}:${diagnostic.line}:${diagnostic.col}: ${diagnostic.message}`)
  }
}

export interface SsaOptions {
  /** The package path gc qualifies symbols with (`-p`); default: the package name. */
  pkgPath?: string
}

/** A file that parsed and type-checked, with its escape analysis (which decides heap-moved variables and escaping allocations). */
export interface SsaInput {
  path: string
  parsed: ParsedFile
  info: TypeInfo
  escapes: EscapeAnalysis
}

export function ssaProgramOf({ path, parsed, info, escapes: esc }: SsaInput, options: SsaOptions = {}): SsaProgram {
  const facts: EscapeFacts = { heap: new Set(), escapingSites: new Set(), byRef: esc.byRef, zeroCopy: new Set(), transientSites: new Set() }
  for (const b of esc.batches) {
    for (const loc of b.graph.locations) {
      if (loc.kind === 'alloc' && loc.ref && !loc.has(Attr.Mutates) && (loc.ref as { kind?: string }).kind === 'Call' && isStringToBytes(info, loc.ref as A.Call)) facts.zeroCopy!.add(loc.ref)
      if (loc.kind === 'alloc' && loc.ref && !loc.has(Attr.Escapes) && !loc.has(Attr.Persists)) facts.transientSites!.add(loc.ref as object)
      if (!loc.ref || !loc.has(Attr.Escapes)) continue
      if (loc.kind === 'alloc') facts.escapingSites.add(loc.ref as object)
      else facts.heap.add(loc.ref as object)
    }
  }
  const units = esc.units.all.filter((u) => !u.wrapper && (u.decl?.body || u.lit))
  const cx: FnContext = {
    file: path,
    info,
    source: parsed.source,
    pkg: options.pkgPath ?? parsed.file.packageName.name,
    facts,
    frames: esc.frames,
    litNames: new Map(units.filter((u) => u.lit).map((u) => [u.lit!, u.name])),
    litUnits: new Map(units.filter((u) => u.lit).map((u) => [u.lit!, u])),
    directClosures: directClosures(info, parsed.file),
    units: esc.units,
    convert: { info, defn: esc.env.defn, byRef: esc.byRef, escapes: (conv) => facts.escapingSites.has(conv) },
  }
  const byName = new Map(units.map((u) => [u.name, u]))
  // gc numbers `.stmp_N` per package in walk order (stmps.ts): the functions' before come first.
  let statics: Map<FnUnit, { base: number; order: number }> | undefined
  cx.stmpBase = (u) => (statics ??= staticsBefore(esc.units, info, cx.convert, (f) => literalStatics(info, (f.decl?.body ?? f.lit?.body)!))).get(u) ?? { base: 0, order: 0 }
  return {
    path,
    diagnostics: esc.diagnostics,
    functions: units.map((u) => u.name),
    trace: (name, arch, options = {}) => compileFunc(name, arch, options).trace,
    compileFunc,
  }
  function compileFunc(name: string, arch: string, options: TraceOptions = {}) {
    const unit = byName.get(name)
    if (!unit) throw new Error(`no function ${name} in ${path}`)
    return traceOf(unit, cx, arch, parsed.source, path, options)
  }
}

function traceOf(unit: FnUnit, cx: FnContext, arch: string, source: SourceText, path: string, { until, onStep, fail, check, timings }: TraceOptions): { trace: FuncTrace; func: Func } {
  onStep?.('build', 0)
  let b!: FnBuilder
  try {
    refuseStrings(unit, cx.info)
    const node = unit.info!.node
    refuseConcurrency(cx.info, cx.facts, unit.info!, node.kind === 'FuncDecl' ? node.body! : node.body)
    refuseDefers(cx.info, cx.facts, unit.info!, node.kind === 'FuncDecl' ? node.body! : node.body, cx.frames.get(unit)?.goDefers)
    refuseGo(cx.info, node.kind === 'FuncDecl' ? node.body! : node.body, cx.frames.get(unit)?.goDefers)
    b = new FnBuilder(unit, cx, arch)
    b.build()
  } catch (e) {
    const offset = e instanceof Unsupported ? e.offset : (unit.decl ?? unit.lit)!.pos
    const p = source.position(offset)
    const message = e instanceof Unsupported ? e.message : `internal error: building SSA for ${unit.name} failed: ${e instanceof Error ? e.message : String(e)}`
    throw new SsaError({ file: path, line: p.line, col: p.col, severity: 'error', message, from: offset, to: offset })
  }
  const allocs: AllocGroup[] = allocGroups(b.f, b.allocNotes)
  const zerobase = zerobaseVars(b.f)
  const passes = compile(b.f, { arch, until, ...(fail ? { fail } : {}), ...(check !== undefined ? { check } : {}), ...(timings ? { timings } : {}), ...(onStep ? { onPass: (p, x) => onStep(p, 0.02 + 0.93 * x) } : {}) })
  const trace: FuncTrace = { func: unit.name, arch, passes, allocs, ...(zerobase.length ? { zerobase } : {}), effectOps: effectOpsOf(passes.map((p) => p.snapshot)) }
  const last = passes[passes.length - 1]!
  if (last.name === 'trim' && last.status !== 'failed' && (until === undefined || until === STACK_FRAME)) {
    onStep?.(STACK_FRAME, 0.95)
    addStackFrame(trace, b.f, path)
    if (trace.stackFrame && until === undefined) {
      onStep?.('listing', 0.98)
      addListing(trace, b.f, cx.pkg, source.position((unit.decl ?? unit.lit)!.pos).line)
    }
  }
  return { trace, func: b.f }
}

/** The listing is an artifact of the last step; a function it cannot list just has none (the error is kept). */
function addListing(trace: FuncTrace, f: Func, pkg: string, line: number): void {
  try {
    trace.asm = listingOf(f, trace.stackFrame!, { pkg, line })
  } catch (e) {
    trace.asmError = e instanceof Error ? e.message : String(e)
  }
}

/** The stack frame phase gc runs after its last SSA pass: its own step in the trace, and its artifact. */
export const STACK_FRAME = 'stack frame'

function addStackFrame(trace: FuncTrace, f: Func, path: string): void {
  const prev = trace.passes[trace.passes.length - 1]!
  const t0 = performance.now()
  const record = (status: PassRecord['status'], error?: string) =>
    trace.passes.push({ name: STACK_FRAME, status, ...(error ? { error } : {}), ms: performance.now() - t0, snapshot: prev.snapshot, diff: emptyDiff() })
  try {
    trace.stackFrame = stackFrame(f, { file: path })
    record('changed')
  } catch (e) {
    record('failed', e instanceof Error ? e.message : String(e))
  }
}

/** A program whose file did not parse or type-check: no functions, and every trace throws the first error. */
export function failedSsaProgram(path: string, diagnostics: Diagnostic[]): SsaProgram {
  return {
    path,
    diagnostics,
    functions: [],
    trace() {
      throw new SsaError(diagnostics[0]!)
    },
    compileFunc() {
      throw new SsaError(diagnostics[0]!)
    },
  }
}

/** gc's GOSSAFUNC spellings of a function: `F`, `T.M`, `(*T).M`, `F.func1`; a `pkg.` prefix is allowed. */
export function resolveFuncName(names: string[], wanted: string): string | undefined {
  if (names.includes(wanted)) return wanted
  const dot = wanted.indexOf('.')
  const bare = dot > 0 && !wanted.startsWith('(') ? wanted.slice(dot + 1) : undefined
  return bare !== undefined && names.includes(bare) ? bare : undefined
}

/** One function's trace, or diagnostics saying why not (the API's `ssa` answer before the trace is encoded). */
export function ssaResultOf(prog: SsaProgram, options: { func: string; arch: Arch } & TraceOptions): SsaResultOf<FuncTrace> {
  const path = prog.path
  const base = { file: path, functions: prog.functions, trace: null }
  if (prog.diagnostics.some((d) => d.severity === 'error')) return { ...base, diagnostics: prog.diagnostics }
  const name = resolveFuncName(prog.functions, options.func)
  if (!name) {
    const message = `no function ${options.func} in ${path} (functions: ${prog.functions.join(', ') || 'none'})`
    return { ...base, diagnostics: [{ file: path, line: 1, col: 1, severity: 'error', message, from: 0, to: 0 }] }
  }
  try {
    return { ...base, diagnostics: prog.diagnostics, trace: prog.trace(name, options.arch, options) }
  } catch (e) {
    if (e instanceof SsaError) return { ...base, diagnostics: [...prog.diagnostics, e.diagnostic] }
    throw e
  }
}
