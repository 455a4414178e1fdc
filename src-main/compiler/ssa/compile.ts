// The pass manager: gc 1.26's pass list (ssa/compile.go) as data, run in
// order with a snapshot and the checker after each pass. Passes we do not
// model are recorded `not-modeled`; a pass that throws or fails the checker
// is recorded `failed` and the function stops there.

import type { PassRecord, RuleApplication, SnapshotDiff } from '../../protocol/model'
import { checkFunc } from './check'
import type { Func } from './func'
import { GENERIC_PASSES } from './passes'
import { BACKEND_PASSES } from './passes/backend'
import { isEmptyDiff, Snapshotter } from './snapshot'

export interface PassContext {
  arch: string
  /** Rewrite passes log each rule application here. */
  rules: RuleApplication[]
}

export interface PassDef {
  name: string
  /** Undefined: the pass exists in gc but we do not model it. */
  run?: (f: Func, ctx: PassContext) => void
}

export const PASSES: readonly PassDef[] = [...GENERIC_PASSES, ...BACKEND_PASSES]

/**
 * Whether the checker runs when a caller does not say: off for the user's
 * runs (it costs as much as several passes), on in tests (their setup turns
 * it on) and on demand (`--check`, the app's setting), as gc's
 * -d=ssa/check/on.
 */
let checkByDefault = false

export function setCheckByDefault(on: boolean): void {
  checkByDefault = on
}

export const isCheckOnByDefault = (): boolean => checkByDefault

/** How many times the checker ran, over all compiles (tests check that the option reaches the passes by it). */
export const checkerRuns = { count: 0 }

function runChecker(f: Func): void {
  checkerRuns.count++
  checkFunc(f)
}

/** Where a compile's time goes (summed over calls when the same sink is passed again): for the bench's profile. */
export interface CompileTimings {
  /** Pass name → milliseconds in the pass itself. */
  passMs: Record<string, number>
  checkMs: number
  snapshotMs: number
}

export const newCompileTimings = (): CompileTimings => ({ passMs: {}, checkMs: 0, snapshotMs: 0 })

export interface CompileOptions {
  arch: string
  /** Run the checker after each pass (default: setCheckByDefault, off unless a test or the user turns it on). */
  check?: boolean
  /** Adds this compile's times to the sink. */
  timings?: CompileTimings
  /** Stop after this pass (inclusive). */
  until?: string
  /** The pass list (tests substitute their own). */
  passes?: readonly PassDef[]
  /**
   * Called before each pass with its name and the fraction of the list done:
   * for progress, and to abandon the work (what it throws propagates; the
   * pass is not recorded as failed).
   */
  onPass?: (pass: string, fraction: number) => void
  /** Fault injection: this pass throws instead of running (to show and test how a failed pass is reported). */
  fail?: string
}

/** `start` plus one record per pass, until the end or the first failure. */
export function compile(f: Func, options: CompileOptions): PassRecord[] {
  f.arch = options.arch
  const snap = new Snapshotter()
  const records: PassRecord[] = []
  const check = options.check ?? checkByDefault
  const tm = options.timings
  let t = tm ? performance.now() : 0
  const first = snap.take(f)
  if (tm) tm.snapshotMs += performance.now() - t
  records.push({ name: 'start', status: 'changed', ms: 0, snapshot: first.snapshot, diff: first.diff })
  try {
    if (check) runChecker(f)
  } catch (e) {
    records[0]!.status = 'failed'
    records[0]!.error = message(e)
    return records
  }
  if (options.until === 'start') return records
  const passes = options.passes ?? PASSES
  for (const [i, pass] of passes.entries()) {
    options.onPass?.(pass.name, i / passes.length)
    const prev = records[records.length - 1]!.snapshot
    if (!pass.run) {
      records.push({ name: pass.name, status: 'not-modeled', ms: 0, snapshot: prev, diff: emptyDiff() })
      if (pass.name === options.until) break
      continue
    }
    const ctx: PassContext = { arch: options.arch, rules: [] }
    const t0 = performance.now()
    try {
      if (pass.name === options.fail) throw new Error(`injected failure: ${pass.name} was asked to fail (SSASCOPE_FAIL_PASS)`)
      pass.run(f, ctx)
      if (tm) {
        t = performance.now()
        tm.passMs[pass.name] = (tm.passMs[pass.name] ?? 0) + t - t0
      }
      if (check) {
        runChecker(f)
        snap.verifyTouched(f)
      }
      if (tm && check) tm.checkMs += performance.now() - t
    } catch (e) {
      const { snapshot, diff } = safeTake(snap, f, prev)
      records.push({ name: pass.name, status: 'failed', error: message(e), ms: performance.now() - t0, snapshot, diff })
      break
    } finally {
      f.origin = null
      f.created = null
    }
    const ms = performance.now() - t0
    if (tm) t = performance.now()
    const { snapshot, diff } = snap.take(f)
    if (tm) tm.snapshotMs += performance.now() - t
    const rec: PassRecord = { name: pass.name, status: isEmptyDiff(diff) ? 'unchanged' : 'changed', ms, snapshot, diff }
    if (ctx.rules.length) rec.rules = ctx.rules
    records.push(rec)
    if (pass.name === options.until) break
  }
  return records
}

function safeTake(snap: Snapshotter, f: Func, prev: PassRecord['snapshot']) {
  try {
    return snap.take(f)
  } catch {
    return { snapshot: prev, diff: emptyDiff() }
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

export const emptyDiff = (): SnapshotDiff => ({ valuesAdded: [], valuesRemoved: [], valuesChanged: [], blocksAdded: [], blocksRemoved: [], blocksChanged: [] })
