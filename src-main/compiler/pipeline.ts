// The one path from a source text to every result: a Program parses and
// type-checks its file once, then hands out the outline and diagnostics
// (analyze), escape analysis (gc's -m / -m=2 report and one batch's graph)
// and SSA (a function's trace per arch) from that one program, each computed
// on first use: escape analysis runs once whatever level is reported, and a
// function's trace is built only when it is asked for. Callers that keep a
// Program (the worker's cache) never parse or analyse the same text twice.

import type { AnalyzeResult, Arch, Diagnostic, EscapeResult, FuncTrace, Progress, SsaResultOf } from '../protocol/model'
import { analyzeEscapes, type EscapeAnalysis } from './escape/analyze'
import { escapeArtifact } from './escape/artifact'
import { ssaProgramOf, ssaResultOf, failedSsaProgram, resolveFuncName, type SsaProgram, type TraceOptions } from './ssagen/program'
import { parseFile, type ParsedFile } from './syntax'
import { checkFile, type CheckResult } from './types/check'
import { symbolSizeErrors } from './types/symsize'
import { elidedBoundsChecks } from './walk/bounds'
import { convertDebugLines, escapingConversions } from './walk/convertdebug'
import { frameText, hash, traceKeyOf } from './tracekey'

export type ProgressSink = (p: Progress) => void

/** Throws when the caller has abandoned the work; checked between phases and passes. */
export type CancelCheck = () => void

/** Per request: where progress goes and how to tell that the request was abandoned. */
export interface RunContext {
  progress?: ProgressSink
  checkCancelled?: CancelCheck
}

export interface ProgramOptions {
  /** The package path gc qualifies symbols with (`-p`); default: the package name. */
  pkgPath?: string
  /** A several-file package joined into one text (package.ts): the offset where each file starts. */
  fileStarts?: number[]
}

export interface EscapeOptions {
  /** 1 for `-m`, 2 for `-m=2`. */
  level: 1 | 2
  /** Also return the escape graph of the batch holding this function (gc name). */
  graphOf?: string
  /** Print mutator and callee tags too, as `-d=escapemutationscalls` does. */
  mutationsCalls?: boolean
  /**
   * `-d=escapedebug=1`: gc's walk then prints how each interface conversion
   * gets its data word (`convert: using global for …`, walk/convertdebug.ts).
   */
  escapeDebug?: boolean
}

export interface EscapeReport {
  /** The lines gc prints, in gc's emission order; paths are `path` as given. */
  lines: string[]
  /** Syntax, type and `unsupported:` errors; when present, `lines` is empty. */
  diagnostics: Diagnostic[]
  /** The analysis itself (graph per batch, tags), when the file was clean. */
  analysis: EscapeAnalysis | null
}

export interface SsaRequest extends Pick<TraceOptions, 'until' | 'fail' | 'check'> {
  func: string
  arch: Arch
}

/**
 * Traces kept across programs, by what they depend on (tracekey.ts): after
 * an edit, a function whose body, callees and surroundings did not change
 * gets its trace from here instead of through the passes again.
 */
export interface TraceStore {
  get(key: string): FuncTrace | undefined
  set(key: string, trace: FuncTrace): void
}

/** How often each phase really ran, over all programs (tests check that caches work by these). */
export const pipelineCounters = { parses: 0, typechecks: 0, escapeAnalyses: 0, traces: 0 }

const noop = () => {}

export class Program {
  private escapeAnalysis: EscapeAnalysis | null | undefined
  private walkLines: string[] | undefined
  private ssaProgram: SsaProgram | undefined
  private frameHash: string | undefined

  private constructor(
    readonly path: string,
    readonly text: string,
    readonly options: ProgramOptions,
    readonly parsed: ParsedFile,
    /** Null when the file did not parse (gc type-checks only a file that parses within the subset). */
    readonly checked: CheckResult | null,
    private readonly timings: AnalyzeResult['timings'],
  ) {}

  /** Parses and type-checks `text` (reporting `parse` and `typecheck` progress). */
  static async load(path: string, text: string, options: ProgramOptions = {}, ctx: RunContext = {}): Promise<Program> {
    const progress = ctx.progress ?? noop
    const checkCancelled = ctx.checkCancelled ?? noop
    const timings: AnalyzeResult['timings'] = []
    const timed = async <T>(phase: string, run: () => T | Promise<T>): Promise<T> => {
      checkCancelled()
      progress({ phase, fraction: 0 })
      const t0 = performance.now()
      const result = await run()
      timings.push({ phase, ms: performance.now() - t0 })
      return result
    }
    const parsed = await timed('parse', () => {
      pipelineCounters.parses++
      return parseFile(path, text, checkCancelled)
    })
    const checked =
      parsed.diagnostics.length > 0
        ? null
        : await timed('typecheck', () => {
            pipelineCounters.typechecks++
            const r = checkFile(parsed.file, parsed.source, checkCancelled, options.fileStarts)
            // What gc's object writer refuses once everything compiled.
            if (r.diagnostics.length === 0) r.diagnostics.push(...symbolSizeErrors(parsed.file, r.info, parsed.source, options.pkgPath ?? parsed.file.packageName.name))
            return r
          })
    checkCancelled()
    // gc numbers closures after dropping dead code: a literal under `if false` has no name, later ones move up.
    const outline = checked?.info.outline ? { ...parsed, functions: checked.info.outline } : parsed
    return new Program(path, text, options, outline, checked, timings)
  }

  /** Syntax errors and unsupported constructs, else type errors: what stops every later phase. */
  get diagnostics(): Diagnostic[] {
    return this.parsed.diagnostics.length > 0 ? this.parsed.diagnostics : (this.checked?.diagnostics ?? [])
  }

  /** The function outline and the errors, with the time parsing and checking took. */
  analyze(): AnalyzeResult {
    return { file: this.path, functions: this.parsed.functions, diagnostics: this.diagnostics, timings: this.timings }
  }

  /** Escape analysis of the whole file, once (null when the file has errors). */
  escapes(ctx: RunContext = {}): EscapeAnalysis | null {
    if (this.escapeAnalysis !== undefined) return this.escapeAnalysis
    if (!this.checked || this.diagnostics.length > 0) return (this.escapeAnalysis = null)
    const progress = ctx.progress ?? noop
    const checkCancelled = ctx.checkCancelled ?? noop
    checkCancelled()
    progress({ phase: 'escape', fraction: 0 })
    pipelineCounters.escapeAnalyses++
    let reported = 0
    const analysis = analyzeEscapes(this.parsed.file, this.parsed.source, this.checked.info, {
      path: this.path,
      level: 0,
      onBatch: (fraction) => {
        checkCancelled()
        // Files have thousands of functions: progress in steps of 1%.
        if (fraction - reported < 0.01) return
        reported = fraction
        progress({ phase: 'escape', fraction })
      },
    })
    return (this.escapeAnalysis = analysis)
  }

  /** gc's -m / -m=2 report: the analysis's lines, then the bounds checks walk elides (as gc's walk reports them at -m). */
  escapeReport(options: Omit<EscapeOptions, 'graphOf'>, ctx: RunContext = {}): EscapeReport {
    const analysis = this.escapes(ctx)
    if (!analysis) return { lines: [], diagnostics: this.diagnostics, analysis: null }
    this.walkLines ??= elidedBoundsChecks(this.parsed.file, this.checked!.info, this.text).map((off) => {
      const p = this.parsed.source.position(off)
      return `${this.path}:${p.line}:${p.col}: index bounds check elided`
    })
    const lines = [...analysis.report({ level: options.level, mutationsCalls: options.mutationsCalls }), ...this.walkLines]
    if (options.escapeDebug) {
      // walk's `convert:` lines come after escape analysis's, as gc's walk runs after it.
      const debug = convertDebugLines({
        path: this.path,
        file: this.parsed.file,
        source: this.parsed.source,
        info: this.checked!.info,
        units: analysis.units,
        env: { ...analysis.env, escapes: escapingConversions(analysis) },
        printer: analysis.env.printer,
      })
      if (debug.diagnostics.length > 0) return { lines: [], diagnostics: [...analysis.diagnostics, ...debug.diagnostics], analysis: null }
      lines.push(...debug.lines)
    }
    return { lines, diagnostics: analysis.diagnostics, analysis }
  }

  /** The API's `escape` answer: the report and, when asked for, the graph of one function's batch. */
  escapeResult(options: EscapeOptions, ctx: RunContext = {}): EscapeResult {
    const r = this.escapeReport(options, ctx)
    const names = r.analysis?.batches.flatMap((b) => b.functions) ?? []
    // --func takes gc's GOSSAFUNC spellings, as the ssa request does.
    const name = options.graphOf !== undefined ? resolveFuncName(names, options.graphOf) : undefined
    const batch = name !== undefined ? r.analysis?.batches.find((b) => b.functions.includes(name)) : undefined
    if (batch) {
      // The batch's walks are recorded on first use (its solver runs again, alone).
      ctx.checkCancelled?.()
      ctx.progress?.({ phase: 'escape graph', fraction: 0.9 })
    }
    const diagnostics = [...r.diagnostics]
    if (options.graphOf !== undefined && r.analysis && !batch) {
      const message = `no function ${options.graphOf} in ${this.path} (functions: ${names.join(', ') || 'none'})`
      diagnostics.push({ file: this.path, line: 1, col: 1, severity: 'error', message, from: 0, to: 0 })
    }
    return { file: this.path, lines: r.lines, diagnostics, graph: batch ? escapeArtifact(batch) : null }
  }

  /** The file's functions for SSA, built on the one escape analysis; each trace is built when asked for. */
  ssa(ctx: RunContext = {}): SsaProgram {
    if (this.ssaProgram) return this.ssaProgram
    const escapes = this.escapes(ctx)
    if (!escapes || !this.checked) return (this.ssaProgram = failedSsaProgram(this.path, this.diagnostics))
    const prog = ssaProgramOf({ path: this.path, parsed: this.parsed, info: this.checked.info, escapes }, { pkgPath: this.options.pkgPath })
    const compileFunc: SsaProgram['compileFunc'] = (name, arch, options) => {
      pipelineCounters.traces++
      return prog.compileFunc(name, arch, options)
    }
    return (this.ssaProgram = { ...prog, compileFunc, trace: (name, arch, options) => compileFunc(name, arch, options).trace })
  }

  /**
   * What the trace of function `name` (gc name) under these options depends
   * on, as a key for a TraceStore; undefined when it cannot be reused (the
   * file has errors, or the function is a package-level literal).
   */
  traceKey(name: string, options: Omit<SsaRequest, 'func'>): string | undefined {
    const analysis = this.escapes()
    if (!analysis || !this.checked) return undefined
    const unit = analysis.units.all.find((u) => u.name === name && !u.wrapper)
    if (!unit) return undefined
    this.frameHash ??= hash(frameText(this.parsed.file, this.text))
    const deps = traceKeyOf(unit, this.frameHash, this.text, this.parsed.source)
    if (deps === undefined) return undefined
    const { arch, until, check, fail } = options
    return [this.path, this.options.pkgPath ?? '', name, arch, until ?? '', check ? 'check' : '', fail ?? '', deps].join('\0')
  }

  /** The API's `ssa` answer (before encoding): one function's trace for one arch, or why not; from `store` when it has the trace. */
  ssaResult(request: SsaRequest, ctx: RunContext = {}, store?: TraceStore): SsaResultOf<FuncTrace> {
    const checkCancelled = ctx.checkCancelled ?? noop
    const progress = ctx.progress ?? noop
    let prog = this.ssa(ctx)
    if (store) {
      const build = prog.trace
      prog = {
        ...prog,
        trace: (name, arch, options) => {
          const key = this.traceKey(name, request)
          const known = key !== undefined ? store.get(key) : undefined
          if (known) {
            progress({ phase: 'unchanged', fraction: 0.95 })
            return known
          }
          const t = build(name, arch, options)
          if (key !== undefined) store.set(key, t)
          return t
        },
      }
    }
    return ssaResultOf(prog, {
      ...request,
      onStep: (phase, fraction) => {
        checkCancelled()
        progress({ phase, fraction })
      },
    })
  }
}

/** A fresh program (no caching here: callers that want one keep the Program). */
export function loadProgram(path: string, text: string, options: ProgramOptions = {}, ctx: RunContext = {}): Promise<Program> {
  return Program.load(path, text, options, ctx)
}
