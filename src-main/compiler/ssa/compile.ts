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

export interface CompileOptions {
  arch: string
  /** Run the checker after each pass (on by default). */
  check?: boolean
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
  const check = options.check !== false
  const first = snap.take(f)
  records.push({ name: 'start', status: 'changed', ms: 0, snapshot: first.snapshot, diff: first.diff })
  try {
    if (check) checkFunc(f)
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
      if (check) checkFunc(f)
    } catch (e) {
      const { snapshot, diff } = safeTake(snap, f, prev)
      records.push({ name: pass.name, status: 'failed', error: message(e), ms: performance.now() - t0, snapshot, diff })
      break
    } finally {
      f.origin = null
      f.created = null
    }
    const ms = performance.now() - t0
    const { snapshot, diff } = snap.take(f)
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
