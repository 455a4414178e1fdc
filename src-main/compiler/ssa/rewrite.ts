// The rewrite engine behind opt, late opt and (later) lower: apply named
// rules to every value until nothing changes, as gc's applyRewrite does.
// Arguments that are Copies are replaced by their source on the way, and
// unused removable values are dropped. Every rule application is logged
// with the values it created, which record the matched value as origin.

import type { PassContext } from './compile'
import type { Block, Func, Value } from './func'
import { renumberPreorder } from './gcids'
import { opInfo } from './opinfo'
import { phielimValue } from './passes/copyelim'
import { withStmt } from './passes/deadcode'
import { nextGoodStatementIndex, notStmtBoundary } from './passes/numberlines'
import { valueBodyOf } from './snapshot'
import type { RuleApplication } from '../../protocol/model'

export interface ValueRule {
  /** Shown in the rule log: the rule in gc's notation, e.g. `(Add64 (Const64 [c]) (Const64 [d])) => (Const64 [c+d])`. */
  name: string
  /** Rewrites v in place (and may create values); true when it fired. */
  apply(v: Value, f: Func): boolean
  /**
   * False when the rule cannot match a value whose first two arguments have
   * these ops ('' for a missing argument); only used to index the rules.
   * Without it the rule is tried on every value of its op.
   */
  mayMatchArgs?(op0: string, op1: string): boolean
}

export interface BlockRule {
  name: string
  apply(b: Block, f: Func): boolean
}

export interface RuleSet {
  values: Map<string, ValueRule[]>
  blocks: Map<string, BlockRule[]>
  /**
   * `values` narrowed by the ops of the first two arguments (op → arg 0's op
   * → arg 1's op → the rules that may match, in their order), filled in as
   * combinations are met: most rules of an op look at its arguments' ops,
   * so without it nine in ten attempts fail on the first look.
   */
  byArgs: Map<string, Map<string, Map<string, ValueRule[]>>>
}

export function ruleSet(valueRules: { op: string; rule: ValueRule }[], blockRules: { kind: string; rule: BlockRule }[] = []): RuleSet {
  const values = new Map<string, ValueRule[]>()
  for (const { op, rule } of valueRules) values.set(op, [...(values.get(op) ?? []), rule])
  const blocks = new Map<string, BlockRule[]>()
  for (const { kind, rule } of blockRules) blocks.set(kind, [...(blocks.get(kind) ?? []), rule])
  return { values, blocks, byArgs: new Map() }
}

const NO_RULES: ValueRule[] = []

/** The rules of v's op that may match v by the ops of its first two arguments, in rule order. */
export function rulesFor(rules: RuleSet, v: Value): ValueRule[] {
  const args = v.args
  const op0 = args.length > 0 ? args[0]!.op : ''
  const op1 = args.length > 1 ? args[1]!.op : ''
  let byOp0 = rules.byArgs.get(v.op)
  if (byOp0 === undefined) rules.byArgs.set(v.op, (byOp0 = new Map()))
  let byOp1 = byOp0.get(op0)
  if (byOp1 === undefined) byOp0.set(op0, (byOp1 = new Map()))
  let list = byOp1.get(op1)
  if (list === undefined) {
    const all = rules.values.get(v.op)
    list = all ? all.filter((r) => r.mayMatchArgs === undefined || r.mayMatchArgs(op0, op1)) : NO_RULES
    if (list.length === 0) list = NO_RULES
    byOp1.set(op1, list)
  }
  return list
}

/** Follow Copy chains to the value they copy. */
export function copySource(v: Value): Value {
  while (v.op === 'Copy') v = v.args[0]!
  return v
}

/** gc's removeable: a value nobody uses that can go without changing behaviour. */
export function removable(v: Value): boolean {
  const info = opInfo(v.op, v.block.func.arch)
  return !(v.type.kind === 'void' || v.type.kind === 'mem' || info.nilCheck || info.hasSideEffects || info.call) || v.op === 'Copy'
}

const MAX_ITERATIONS = 1000

/** The rule-log name of the phi elimination applyRewrite does on the way. */
export const PHIELIM = 'phielim: (Phi x … x) => (Copy x)'

export interface RewriteOptions {
  /** gc's leaveDeadValues (decompose builtin): unused values stay, so named values can still be split. */
  keepDead?: boolean
  /**
   * gc's exact sweep (the default): at most one rule per value per sweep, and
   * values made during a sweep wait for the next one (gc ranges over b.Values
   * once). Rule sets whose results depend on when a block rule sees its
   * control (ppc64's `If` lowering) need it, and so do gc's value ids
   * (gcids.ts: the order values are made in is the order ids come off the
   * free list). False: as many rules per value as fire, new values in the
   * same sweep (fewer sweeps, same result where order does not matter).
   */
  oneRulePerSweep?: boolean
}

export function applyRewrite(f: Func, rules: RuleSet, ctx: PassContext, opts: RewriteOptions = {}): void {
  const oneRule = opts.oneRulePerSweep ?? true
  // Statement boundaries whose value went away, by line, with the block to find them a new home in.
  const pendingLines = new Map<number, Block>()
  for (let iter = 0; ; iter++) {
    if (iter > MAX_ITERATIONS) throw new Error(`rewrite did not converge after ${MAX_ITERATIONS} rounds`)
    let change = false
    for (const b of f.blocks) {
      for (let i = 0; i < b.controls.length; i++) {
        const c = b.controls[i]!
        if (c.op === 'Copy') {
          const src = copySource(c)
          c.uses--
          src.uses++
          b.controls[i] = src
          change = true
        }
      }
      for (const rule of rules.blocks.get(b.kind) ?? NO_BLOCK_RULES) {
        if (fireBlock(f, ctx, rule, b)) {
          change = true
          break
        }
      }
      const end = oneRule ? b.values.length : Infinity
      for (let j = 0; j < b.values.length && j < end; j++) {
        const v = b.values[j]!
        if (v.op === 'Invalid') continue
        // Unused values are dropped (or, keeping dead values, left exactly as they are), as gc does first.
        if (v.uses === 0 && removable(v)) {
          if (!opts.keepDead) {
            v.reset('Invalid')
            change = true
          }
          continue
        }
        // gc's applyRewrite runs phielimValue on every live value, then drops Copy arguments, then the rules.
        if (v.op === 'Phi' && firePhielim(f, ctx, v)) change = true
        for (let i = 0; i < v.args.length; i++) {
          const a = v.args[i]!
          if (a.op === 'Copy') {
            const src = copySource(a)
            v.setArg(i, src)
            if (a.pos.stmt === '+') moveCopyBoundary(a, src, v, pendingLines)
            change = true
            // Copies nobody uses any more go at once (also when keeping dead values), as in gc.
            for (let c = a; c.op === 'Copy' && c.uses === 0; ) {
              const next = c.args[0]!
              c.reset('Invalid')
              c = next
            }
          }
        }
        for (let fired = true; fired; ) {
          fired = false
          const forOp = rulesFor(rules, v)
          for (let r = 0; r < forOp.length; r++) {
            const rule = forOp[r]!
            if (fireValue(f, ctx, rule, v)) {
              fired = change = true
              // A value rewritten into an op that is a poor statement start passes its boundary on.
              if (v.pos.stmt === '+') {
                const k = nextGoodStatementIndex(j, b)
                if (k !== j) {
                  v.pos = withStmt(v.pos, '-')
                  b.values[k]!.pos = withStmt(b.values[k]!.pos, '+')
                }
              }
              break
            }
          }
          if (oneRule) break
        }
      }
    }
    if (!change) break
  }
  for (const b of f.blocks) {
    // gc frees the removed values in block order: its next new values take their ids back (gcids.ts).
    f.gcIds.sweep(b, (v) => v.op === 'Invalid', opts.keepDead)
    removeInvalid(b, pendingLines)
  }
  f.pruneNames((v) => v.op !== 'Invalid')
}

/**
 * A Copy argument with a statement boundary is bypassed: the boundary goes to
 * the copied value or to the user when on the same block and line, else it
 * waits for a new home (gc's applyRewrite).
 */
function moveCopyBoundary(a: Value, src: Value, user: Value, pendingLines: Map<number, Block>): void {
  if (src.block === a.block && src.pos.line === a.pos.line && src.pos.stmt !== '-') src.pos = withStmt(src.pos, '+')
  else if (user.block === a.block && user.pos.line === a.pos.line && user.pos.stmt !== '-') user.pos = withStmt(user.pos, '+')
  else pendingLines.set(a.pos.line, a.block)
  a.pos = withStmt(a.pos, '-')
}

/** Drops the block's removed values; a boundary they held goes to the next value of its line in the block, or to the block's end. */
function removeInvalid(b: Block, pendingLines: Map<number, Block>): void {
  let j = 0
  for (const v of b.values) {
    if (v.op === 'Invalid') {
      if (v.pos.stmt === '+') pendingLines.set(v.pos.line, b)
      continue
    }
    if (v.pos.stmt !== '-' && !notStmtBoundary(v.op) && pendingLines.get(v.pos.line) === b) {
      pendingLines.delete(v.pos.line)
      v.pos = withStmt(v.pos, '+')
    }
    b.values[j++] = v
  }
  b.values.length = j
  if (pendingLines.get(b.pos.line) === b) {
    b.pos = withStmt(b.pos, '+')
    pendingLines.delete(b.pos.line)
  }
}

/** One attempt of a value rule, with its bookkeeping (origin, created values, log entry); no closure per attempt (there are many per value). */
function fireValue(f: Func, ctx: PassContext, rule: ValueRule, v: Value): boolean {
  f.origin = v
  if (scratch.length > 0) scratch.length = 0
  f.created = scratch
  const ok = rule.apply(v, f)
  if (ok && scratch.length > 1) renumberPreorder(scratch, v.args)
  if (ok) ctx.rules.push(application(rule.name, v, scratch))
  f.origin = null
  f.created = null
  return ok
}

/** Reused for every attempt: most attempts fail and create nothing. */
const scratch: Value[] = []

/** fireValue for a block rule (every block meets its kind's rules in every sweep). */
function fireBlock(f: Func, ctx: PassContext, rule: BlockRule, b: Block): boolean {
  const v = b.controls[0] ?? null
  f.origin = v
  scratch.length = 0
  f.created = scratch
  const ok = rule.apply(b, f)
  if (ok && scratch.length > 1) renumberPreorder(scratch, b.controls)
  if (ok) ctx.rules.push(application(rule.name, v, scratch))
  f.origin = null
  f.created = null
  return ok
}

/** fireValue for applyRewrite's phielimValue on a phi. */
function firePhielim(f: Func, ctx: PassContext, v: Value): boolean {
  f.origin = v
  scratch.length = 0
  f.created = scratch
  const ok = phielimValue(v)
  if (ok) ctx.rules.push(application(PHIELIM, v, scratch))
  f.origin = null
  f.created = null
  return ok
}

const NO_BLOCK_RULES: readonly BlockRule[] = []

/** Shared by every entry that created nothing (most do; the log has thousands of entries). */
const NONE: string[] = Object.freeze([]) as unknown as string[]

/** A rule's log entry, with the matched and created values as the rule left them (for stepping rule by rule). */
function application(rule: string, v: Value | null, created: Value[]): RuleApplication {
  const app: RuleApplication = { rule, value: v ? v.ref : '', created: created.length ? created.map((c) => c.ref) : NONE }
  if (v && v.op !== 'Invalid') app.after = valueBodyOf(v)
  if (created.length) app.createdAs = created.map(valueBodyOf)
  return app
}
