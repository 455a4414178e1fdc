// The stack frame phase gc runs after its last SSA pass (ssagen.AllocFrame):
// liveness and stack slot merging over the scheduled, register-allocated
// function, then the frame layout. The result is the analysis artifact the
// UI shows and the text of gc's -d=mergelocalstrace=1|2|3.

import type { StackCandidate, StackDirectUse, StackFrameResult } from '../../protocol/model'
import type { Func, Value } from '../ssa/func'
import { buildDcl, isMergeCandidate, type Dcl, type DclVar } from './dcl'
import { affectedVar, SYM_ADDR, SYM_READ, SYM_WRITE } from './liveness'
import { allocFrame } from './frame'
import { estSavings, leaderOf, mergeLocals, stateString, subsumed, isLeader, type MergeAnalysis } from './mergelocals'
import { fullPos, Tracer, traceText } from './trace'

export { traceText } from './trace'

export interface StackFrameOptions {
  /** The source file (declaration positions print with its base name). */
  file: string
}

export function stackFrame(f: Func, opts: StackFrameOptions): StackFrameResult {
  if (!f.scheduled) throw new Error(`stackframe: ${f.name} is not scheduled (run the passes through trim first)`)
  if (f.arch === 'generic') throw new Error(`stackframe: ${f.name} is not lowered`)
  const dcl = buildDcl(f)
  for (const v of dcl.vars) if (v.localIndex >= 0 && !v.file) v.file = opts.file
  const t = new Tracer(f)
  const a = mergeLocals(f, dcl, t)
  const m = a.state
  const saved = m ? estSavings(m) : { nonPointer: 0, pointer: 0 }
  if (m) {
    t.add(1, `${f.name}: ${saved.nonPointer + saved.pointer} bytes of stack space saved via stack slot merging (${saved.nonPointer} nonpointer ${saved.pointer} pointer)`)
    t.add(2, `=-= merge locals state for ${f.name}:`)
    for (const l of stateString(m)) t.add(2, l)
  }
  const frame = allocFrame(dcl.vars, m, t)
  const offsetOf = new Map(frame.slots.map((s) => [s.n, s.offset]))

  let first = 0
  const numbering = f.blocks.map((b) => {
    const r = { block: b.ref, first, values: b.values.map((v) => v.ref) }
    first += b.values.length
    return r
  })
  return {
    func: f.name,
    arch: f.arch,
    numbering,
    numInstrs: first,
    candidates: candidates(a, dcl.vars.filter((n) => n.used && isMergeCandidate(n)), directUses(f, dcl)),
    addressValues: a.addrs.map((x) => ({
      value: x.value.ref,
      block: x.block.ref,
      name: x.n.name,
      ...(x.from ? { from: x.from.ref } : {}),
      uses: x.uses,
      users: x.users.map((u) => u.ref),
      pending: x.pending,
      ...(x.pending > 0 ? { later: laterUsers(f, x.value, x.users) } : {}),
    })),
    indirectUses: [...a.indirect].sort((x, y) => x[0].id - y[0].id).map(([v, ns]) => ({ value: v.ref, names: ns.map((n) => n.name) })),
    evictions: a.evictions.map((e) => ({
      name: e.n.name,
      value: e.value.ref,
      block: e.block.ref,
      pending: e.count,
      reason: `address value ${e.value.ref} of ${e.n.name} still has ${e.count} use${e.count === 1 ? '' : 's'} outside ${e.block.ref}`,
    })),
    regions: a.regions.map((r) => ({ start: r.st, end: r.en, names: a.cands.slice(r.st, r.en + 1).map((n) => n.name) })),
    liveOut: a.liveness ? f.blocks.map((b) => ({ block: b.ref, names: a.cands.filter((_, j) => a.liveness!.get(b)!.liveout[j]).map((n) => n.name) })) : [],
    groups: m
      ? [...m.partition.keys()].filter((n) => isLeader(m, n)).map((l) => ({ leader: l.name, followers: m.partition.get(l)!.slice(1).map((i) => m.vars[i]!.name), offset: offsetOf.get(l) ?? 0 }))
      : [],
    savedBytes: { total: saved.nonPointer + saved.pointer, ...saved },
    outcome: a.outcome,
    frame: {
      size: frame.size,
      ptrSize: frame.ptrSize,
      align: frame.align,
      slots: frame.slots.map((s) => ({
        index: s.index,
        name: s.n.name,
        type: s.n.type.str,
        size: s.n.type.size,
        align: s.n.type.align,
        hasPointers: s.n.type.hasPointers,
        offset: s.offset,
        isLeader: s.leader,
        ...(s.follower && m ? { leader: leaderOf(m, s.n).name } : {}),
        temp: s.n.temp,
      })),
    },
    trace: t.lines.map((l) => ({ level: l.level, text: l.text })),
    unresolved: dcl.unresolved,
  }
}

/** gc's trace text at `level` (1–3) from a result. */
export const stackFrameTrace = (r: StackFrameResult, level: number): string => traceText(r.trace, level)

/** Per variable, the values that name it (gc's affectedVar), in layout order. */
function directUses(f: Func, dcl: Dcl): Map<DclVar, StackDirectUse[]> {
  const out = new Map<DclVar, StackDirectUse[]>()
  for (const b of f.blocks) {
    for (const v of b.values) {
      const { n, e } = affectedVar(v, dcl)
      if (!n || e === 0) continue
      const effect: StackDirectUse['effect'] =
        v.op === 'VarDef' ? 'def' : e & SYM_ADDR ? 'addr' : (e & (SYM_READ | SYM_WRITE)) === (SYM_READ | SYM_WRITE) ? 'readwrite' : e & SYM_WRITE ? 'write' : 'read'
      const list = out.get(n)
      if (list) list.push({ value: v.ref, effect })
      else out.set(n, [{ value: v.ref, effect }])
    }
  }
  return out
}

/** The uses of an address value that its block's walk did not see. */
function laterUsers(f: Func, addr: Value, seen: Value[]): string[] {
  const out: string[] = []
  for (const b of f.blocks) for (const v of b.values) if (!seen.includes(v) && v.args.includes(addr)) out.push(v.ref)
  for (const b of f.blocks) if (b.controls.includes(addr)) out.push(b.ref)
  return out
}

function candidates(a: MergeAnalysis, used: MergeAnalysis['raw'], uses: Map<DclVar, StackDirectUse[]>): StackCandidate[] {
  const m = a.state
  const evicted = new Set(a.evictions.map((e) => e.n))
  const list = a.raw.length ? a.raw : used
  return list.map((n) => {
    const i = a.cands.indexOf(n)
    const status: StackCandidate['status'] = evicted.has(n)
      ? 'evicted'
      : i < 0
        ? 'dropped'
        : subsumed(m, n)
          ? 'follower'
          : isLeader(m, n)
            ? 'leader'
            : 'unmerged'
    const c: StackCandidate = { name: n.name, pos: fullPos(n), type: n.type.str, size: n.type.size, align: n.type.align, hasPointers: n.type.hasPointers, status, intervals: [] }
    if (i >= 0) {
      c.index = i
      c.region = a.regions.findIndex((r) => r.st <= i && i <= r.en)
      c.intervals = (a.ivs[i] ?? []).map((iv) => [iv.st, iv.en] as [number, number])
    }
    if (status === 'follower') c.leader = leaderOf(m!, n).name
    const why = a.dropped.get(n)
    if (status === 'dropped' && why) c.reason = why
    c.uses = uses.get(n) ?? []
    return c
  })
}
