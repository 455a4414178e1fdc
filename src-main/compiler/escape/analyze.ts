// Escape analysis of a type-checked file, batch by batch in gc's bottom-up
// order, with gc's -m / -m=2 report: explanations and capture decisions as
// they happen, then per batch the parameter tags ("leaking param: p", "p does
// not escape") and the fate of every variable and allocation site.

import type { Diagnostic } from '../../protocol/model'
import type * as A from '../syntax/ast'
import type { SourceText } from '../syntax/source'
import { makeInt } from '../types/constant'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import { BatchBuilder, type BuildEnv } from './build'
import { staticSize } from './static'
import { hasPointers, recvParams } from './utils'
import { explanationLines } from './explain'
import { bodylessReport, bodylessTags, isBodyless } from './bodyless'
import { buildFrame, type Frame, type TempVar, type TupleTemps, type VarKey } from './frames'
import { constantText, GcPrinter } from './gcfmt'
import { Attr, type EscapeGraph, type Location } from './graph'
import { Leaks, NUM_RESULT_SLOTS } from './leaks'
import { recordWalks, solve, solverState, type SolverState, type WalkRecord } from './solve'
import { bottomUpBatches, collectUnits, type FnUnit, type Units } from './units'

export interface EscapeAnalysisOptions {
  /** The file name positions print with (gc prints the path it was given). */
  path: string
  /**
   * The report in `lines`: 0 none, 1 `-m`, 2 `-m=2`. The analysis is the same
   * at every level (gc's -m only decides what is printed), and `report` gives
   * any level's lines afterwards.
   */
  level: 0 | 1 | 2
  /** Also print mutator and callee tags, as `-d=escapemutationscalls` does. */
  mutationsCalls?: boolean
  /**
   * Record each root's last walk (for the "why" view) while solving the batch
   * of this function (gc name). Other batches record theirs when their `walks`
   * are first read, by solving that batch again.
   */
  recordWalksOf?: string
  /** Called after each batch with the fraction of functions done (for progress; what it throws abandons the analysis). */
  onBatch?: (fraction: number) => void
}

export interface EscapeBatch {
  /** gc names of the functions analysed together. */
  functions: string[]
  recursive: boolean
  graph: EscapeGraph
  /** Each root's last walk; computed on first use unless recorded while solving. */
  readonly walks: Map<Location, WalkRecord>
}

export interface ReportOptions {
  /** 1 for `-m`, 2 for `-m=2`. */
  level: 1 | 2
  /** Mutator and callee tags too, as `-d=escapemutationscalls` prints them. */
  mutationsCalls?: boolean
}

export interface EscapeAnalysis {
  /** The report at the level asked for in the options. */
  lines: string[]
  diagnostics: Diagnostic[]
  batches: EscapeBatch[]
  /** The functions analysed (SSA construction builds the same ones). */
  units: Units
  frames: Map<FnUnit, Frame>
  /** Variables some closure captures by reference. */
  byRef: Set<Var>
  /** What the analysis knew of the file (definitions, printer), for walk's decisions after it. */
  env: BuildEnv
  /** gc's report at any level, from the one analysis (nothing is analysed again). */
  report(options: ReportOptions): string[]
}

export function analyzeEscapes(file: A.File, source: SourceText, info: TypeInfo, options: EscapeAnalysisOptions): EscapeAnalysis {
  const units = collectUnits(file, info)
  const tuples: TupleTemps = new Map()
  const frames = new Map<FnUnit, Frame>()
  const defn = new Map<VarKey, object>()
  for (const u of units.all) {
    const frame = u.wrapper ? wrapperFrame(u) : buildFrame(u, info, tuples, source.text)
    frames.set(u, frame)
    for (const [k, v] of frame.defn) defn.set(k, v)
  }
  const ownerNames = new Map<object, string>()
  for (const u of units.all) {
    const node = u.decl ?? u.lit
    if (node) ownerNames.set(node, u.name)
  }
  const env: BuildEnv = {
    info,
    units,
    frames,
    defn,
    tuples,
    printer: null as unknown as GcPrinter,
    source,
    path: options.path,
    byRef: new Set(),
    ownerName: (v: Var) => ownerNames.get(v.owner as object) ?? '?',
  }
  const renamed = new Map<A.Ident, string>()
  for (const f of frames.values()) {
    for (const [loop, rw] of f.fors) {
      if (loop.init?.kind !== 'Assign') continue
      for (const l of loop.init.lhs) {
        const i = l.kind === 'Ident' ? rw.vars.indexOf(info.defs.get(l) as Var) : -1
        if (i >= 0) renamed.set(l as A.Ident, rw.temps[i]!.name)
      }
    }
  }
  env.printer = new GcPrinter(info, {
    identName: (id) => renamed.get(id),
    tupleTemps: (call) => tuples.get(call)?.map((t) => t.name),
    makeSize: (arg) => {
      if (info.types.get(arg)?.value) return undefined
      const s = staticSize(env, arg)
      return s ? constantText(makeInt(s.value), s.type) : undefined
    },
  })

  const batches: EscapeBatch[] = []
  /** Per analysed batch, what its report needs: the builder (graph, sites, locations) and its units. */
  const reported: { b: BatchBuilder; batch: FnUnit[] }[] = []
  const diagnostics: Diagnostic[] = []
  let done = 0
  bottomUpBatches(units.all, (batch, recursive) => {
    if (done > 0) options.onBatch?.(done / units.all.length)
    done += batch.length
    const b = new BatchBuilder(env, batch)
    let walks: Map<Location, WalkRecord> | undefined
    let before: SolverState
    try {
      b.build()
      const record = options.recordWalksOf !== undefined && batch.some((u) => u.name === options.recordWalksOf)
      before = solverState(b.g)
      const recorded = solve(b.g, { recordWalks: record })
      if (record) walks = recorded
    } catch (e) {
      // Our bug, not the program's: say so at the function, leave its callers
      // assuming the worst (untagged parameters leak to the heap), go on.
      for (const u of batch) u.state = 2
      diagnostics.push(internalError(source, options.path, batch[0]!, e))
      return
    }
    tagParams(b, batch)
    reported.push({ b, batch })
    batches.push({
      functions: batch.map((u) => u.name),
      recursive,
      graph: b.g,
      get walks() {
        return (walks ??= recordWalks(b.g, before))
      },
    })
  })
  const report = (r: ReportOptions): string[] => {
    const lines: string[] = []
    for (const { b, batch } of reported) {
      for (const e of b.g.explanations) if (e.kind === 'line' ? e.level <= r.level : r.level >= 2) lines.push(...explanationLines(e))
      lines.push(...batchReport(b, batch, r))
    }
    return lines
  }
  const lines = options.level === 0 ? [] : report({ level: options.level, mutationsCalls: options.mutationsCalls })
  return { lines, diagnostics, batches, units, frames, byRef: env.byRef, env, report }
}

function internalError(source: SourceText, path: string, u: FnUnit, e: unknown): Diagnostic {
  const node = u.decl?.name ?? u.lit
  const from = node?.pos ?? 0
  const p = source.position(from)
  const message = `internal error: escape analysis of ${u.name} failed: ${e instanceof Error ? e.message : String(e)}`
  return { file: path, line: p.line, col: p.col, severity: 'error', message, from, to: node?.end ?? from }
}

/** A wrapper's declarations: receiver (or the hidden `.this`), parameters, results. */
function wrapperFrame(u: FnUnit): Frame {
  const sig = u.signature
  const dcl: VarKey[] = [...recvParams(sig), ...sig.results]
  // `return T.M(…)` with several results is typechecked into `.autotmp_N, … := T.M(…); return .autotmp_N, …`,
  // numbered after the parameters and results (`.this` aside).
  if (sig.results.length > 1 && !u.wrapper!.tail) {
    const base = dcl.length
    sig.results.forEach((r, i) => dcl.push({ kind: 'temp', name: `.autotmp_${base + i}`, type: r.type, pos: -1 } as TempVar))
  }
  if (u.wrapper!.kind === 'methodValue') {
    const self: TempVar = { kind: 'temp', name: '.this', type: u.wrapper!.recvType, pos: -1 }
    dcl.push(self)
  }
  return { dcl, defn: new Map(), ranges: new Map(), fors: new Map() }
}

/** The analysis half of gc's batch.finish: each function's parameter tags, which its callers' batches use. */
function tagParams(b: BatchBuilder, batch: FnUnit[]): void {
  for (const u of batch) {
    u.state = 2
    if (isBodyless(u)) {
      u.tags = bodylessTags(u)
      continue
    }
    u.tags = recvParams(u.signature).map((p) => {
      if (!hasPointers(p.type)) {
        // gc tags no pointer-free parameter: whatever reached it says nothing about a caller.
        const loc = p.name && p.name !== '_' ? b.locOf.get(p) : undefined
        if (loc) loc.untagged = true
        return Leaks.decode('')
      }
      if (p.name === '' || p.name === '_') return new Leaks()
      const loc = b.oldLoc(p)
      loc.leaks.optimize()
      return loc.leaks.clone()
    })
  }
}

/** The report half of gc's batch.finish: parameter tags, then moved / escapes / does not escape, in location order. */
function batchReport(b: BatchBuilder, batch: FnUnit[], options: ReportOptions): string[] {
  const out: string[] = []
  for (const u of batch) {
    if (u.wrapper) continue
    if (isBodyless(u)) {
      out.push(...bodylessReport(u, b))
      continue
    }
    for (const p of recvParams(u.signature)) {
      if (!hasPointers(p.type) || p.name === '' || p.name === '_') continue
      const loc = b.oldLoc(p)
      if (!loc.has(Attr.Escapes)) reportLeaks(out, loc.pos, p.name, loc.leaks, u, options)
    }
  }
  for (const loc of b.g.locations) {
    const ref = loc.ref as VarKey | A.Expr | null
    if (!ref) continue
    if (ref.kind === 'var' || ref.kind === 'temp') {
      if (loc.has(Attr.Escapes)) out.push(`${loc.pos}: moved to heap: ${loc.display}`)
      continue
    }
    if (b.sites.get(loc)?.kind === 'goDefer') continue // gc omits go/defer wrappers' lines
    const site = b.sites.get(loc)
    const what = site?.kind === 'append' ? 'append' : site?.kind === 'conviface' && site.final !== undefined ? site.final : loc.display
    out.push(`${loc.pos}: ${what} ${loc.has(Attr.Escapes) ? 'escapes to heap' : 'does not escape'}`)
    // A []byte(s) nobody writes through may share the string's bytes (gc's OSTR2BYTESTMP).
    if (site?.kind === 'strconv' && site.toBytes && !loc.has(Attr.Escapes) && !loc.has(Attr.Mutates)) out.push(`${loc.pos}: zero-copy string->[]byte conversion`)
  }
  return out
}

function reportLeaks(out: string[], pos: string, name: string, esc: Leaks, u: FnUnit, options: ReportOptions): void {
  let warned = false
  const x = esc.heap()
  if (x >= 0) {
    out.push(`${pos}: ${x === 0 ? 'leaking param' : 'leaking param content'}: ${name}`)
    warned = true
  }
  for (let i = 0; i < NUM_RESULT_SLOTS; i++) {
    const r = esc.result(i)
    if (r < 0) continue
    const res = u.signature.results[i]!
    out.push(`${pos}: leaking param: ${name} to result ${res.irName} level=${r}`)
    warned = true
  }
  if (!options.mutationsCalls) {
    if (!warned) out.push(`${pos}: ${name} does not escape`)
    return
  }
  if (esc.mutator() >= 0) {
    out.push(`${pos}: mutates param: ${name} derefs=${esc.mutator()}`)
    warned = true
  }
  if (esc.callee() >= 0) {
    out.push(`${pos}: calls param: ${name} derefs=${esc.callee()}`)
    warned = true
  }
  if (!warned) out.push(`${pos}: ${name} does not escape, mutate, or call`)
}
