// Stack slot merging, as gc's liveness/mergelocals.go decides it: pick the
// candidate autos, sort them and cut them into regions of compatible
// size/alignment, track address values (LEAQ / MOVDaddr) whose later uses
// are indirect uses of the variable (evicting a variable whose address is
// still pending at a block's end), compute each candidate's live intervals
// over one global instruction numbering, and merge greedily within each
// region: a later candidate whose intervals miss the group's union joins it
// and will share the leader's frame slot.

import type { Block, Func, Value } from '../ssa/func'
import { opInfo } from '../ssa/opinfo'
import { isMergeCandidate, type Dcl, type DclVar } from './dcl'
import { intervalsOverlap, intervalsString, IntervalsBuilder, mergeIntervals, type Intervals } from './intervals'
import { affectedVar, solveLiveness, SYM_ADDR, UEVAR, VARKILL, valueEffects, type BlockEffects } from './liveness'
import { bitsString, candLine, quote, type Tracer } from './trace'

export interface Region {
  st: number
  en: number
}

/** An address value of a candidate, or address arithmetic on one, followed through its block. */
export interface AddrTrack {
  value: Value
  block: Block
  n: DclVar
  /** The value this one derives the address from (address arithmetic), if any. */
  from: Value | null
  uses: number
  /** Values that used it, each an indirect use of n. */
  users: Value[]
  /** Uses not seen by the block's end (the candidate was evicted). */
  pending: number
}

export interface Eviction {
  n: DclVar
  /** The address value still pending at the end of its block. */
  value: Value
  block: Block
  count: number
}

/** gc's MergeLocalsState: groups of variables sharing one slot, the first of each the leader. */
export interface MergeState {
  vars: DclVar[]
  partition: Map<DclVar, number[]>
}

export interface MergeAnalysis {
  /** Used merge candidates in gc's order (before regions and evictions); empty when fewer than two. */
  raw: DclVar[]
  addrs: AddrTrack[]
  evictions: Eviction[]
  /** The final indirect-use table: value → variables it uses through an address value. */
  indirect: Map<Value, DclVar[]>
  /** The pruned candidates: what liveness tracks and merging chooses from. */
  cands: DclVar[]
  regions: Region[]
  /** Per candidate, its live intervals. */
  ivs: Intervals[]
  liveness: Map<Block, BlockEffects> | null
  state: MergeState | null
  /** Why nothing was merged, when nothing was. */
  outcome: string
  /** Candidates left out before merging, and why. */
  dropped: Map<DclVar, string>
}

const hasPtrs = (n: DclVar): boolean => n.type.hasPointers

/** gc's regions: runs in sorted order where size and alignment do not grow; a run of one is dropped. */
const ALONE = "alone in its region: no candidate of compatible size and alignment beside it in gc's order"

/** gc's `%v` of a declaration's XPos (`{fileIndex lico}`), which nameLess compares as text. */
function posKey(n: DclVar): string {
  const lico = n.line * 4096 + Math.min(n.col, 255) * 16
  return `{1 ${lico}}`
}

/** gc's nameLess: pointerful first, then decreasing alignment, decreasing size, name, position. */
function nameCmp(a: DclVar, b: DclVar): number {
  if (hasPtrs(a) !== hasPtrs(b)) return hasPtrs(a) ? -1 : 1
  if (a.type.align !== b.type.align) return b.type.align - a.type.align
  if (a.type.size !== b.type.size) return b.type.size - a.type.size
  if (a.name !== b.name) return a.name < b.name ? -1 : 1
  const pa = posKey(a)
  const pb = posKey(b)
  return pa < pb ? -1 : pa > pb ? 1 : 0
}

/** gc's nextRegion: the end of the run from idx where size and alignment do not increase; -1 past the end. */
function nextRegion(cands: DclVar[], idx: number): number {
  if (idx >= cands.length) return -1
  let sz = cands[idx]!.type.size
  let al = cands[idx]!.type.align
  for (let j = idx + 1; j < cands.length; j++) {
    const c = cands[j]!
    if (c.type.size > sz || c.type.align > al) return j - 1
    sz = c.type.size
    al = c.type.align
  }
  return cands.length - 1
}

function genRegions(cands: DclVar[], t: Tracer, singles?: DclVar[]): { pruned: DclVar[]; regions: Region[] } {
  const pruned: DclVar[] = []
  const regions: Region[] = []
  for (let st = 0; ; ) {
    const en = nextRegion(cands, st)
    if (en === -1) break
    if (st === en) {
      singles?.push(cands[st]!)
      st++
      continue
    }
    const pst = pruned.length
    const pen = pst + (en - st)
    t.add(2, `=-= addregion st=${st} en=${en}: add part ${pst} -> ${pen}`)
    pruned.push(...cands.slice(st, en + 1))
    regions.push({ st: pst, en: pen })
    st = en + 1
  }
  return pruned.length < 2 ? { pruned: [], regions: [] } : { pruned, regions }
}

/** gc's v.AddrSinkArg(i): the address in argument i does not flow into v's result. */
function addrSinkArg(v: Value, i: number): boolean {
  const info = opInfo(v.op, v.block.func.arch)
  return i === 0 ? !!info.addrSinkArg0 : i === 1 ? !!info.addrSinkArg1 : false
}

export function mergeLocals(f: Func, dcl: Dcl, t: Tracer): MergeAnalysis {
  const dropped = new Map<DclVar, string>()
  const a: MergeAnalysis = { raw: [], addrs: [], evictions: [], indirect: new Map(), cands: [], regions: [], ivs: [], liveness: null, state: null, outcome: '', dropped }
  const drop = (ns: Iterable<DclVar>, why: string) => {
    for (const n of ns) if (!dropped.has(n)) dropped.set(n, why)
  }
  const raw = dcl.vars.filter((n) => n.used && isMergeCandidate(n))
  if (raw.length < 2) {
    drop(raw, 'the only candidate: nothing to share a slot with')
    return { ...a, outcome: `fewer than two candidates (${raw.length})` }
  }
  raw.sort(nameCmp)
  a.raw = raw
  t.add(2, `=-= raw cand list for func ${t.funcName}:`)
  raw.forEach((c, i) => t.add(2, candLine(c, i)))

  const singles: DclVar[] = []
  const initial = genRegions(raw, t, singles).pruned
  drop(singles, ALONE)
  if (initial.length < 2) {
    drop(raw, ALONE)
    return { ...a, outcome: 'no region holds two candidates' }
  }

  const remaining = indirectUses(f, dcl, initial, a, t)
  const evicted = new Set(a.evictions.map((e) => e.n))
  const left = initial.filter((n) => !evicted.has(n))
  if (remaining.length < 2) {
    drop(left, 'fewer than two candidates left after evictions')
    return { ...a, outcome: 'fewer than two candidates after evictions' }
  }
  const singlesAfter: DclVar[] = []
  const { pruned, regions } = genRegions([...remaining].sort(nameCmp), t, singlesAfter)
  drop(singlesAfter, `${ALONE} after evictions`)
  if (pruned.length < 2) {
    drop(left, `${ALONE} after evictions`)
    return { ...a, outcome: 'no region holds two candidates after evictions' }
  }
  a.cands = pruned
  a.regions = regions
  t.add(2, `=-= pruned candidate list for fn ${t.funcName}:`)
  pruned.forEach((c, i) => t.add(2, candLine(c, i)))

  const idx = new Map(pruned.map((n, i) => [n, i]))
  a.liveness = solveLiveness(f, dcl, pruned, idx)
  a.ivs = computeIntervals(f, dcl, pruned, idx, a.liveness, a.indirect, t)
  a.state = performMerging(a, t)
  a.outcome = a.state ? 'merged' : 'no two candidates in a region have disjoint lifetimes'
  return a
}

/**
 * gc's populateIndirectUseTable: walk each block forward; an address value of
 * a candidate (or address arithmetic on one) is pending with its use count;
 * each use records an indirect use. Anything still pending at the block's
 * end evicts its variable. Returns the candidates left.
 */
function indirectUses(f: Func, dcl: Dcl, cands: DclVar[], a: MergeAnalysis, t: Tracer): DclVar[] {
  const rawcands = new Set(cands)
  for (const b of f.blocks) {
    const pending = new Map<Value, { n: DclVar; count: number; track: AddrTrack }>()
    const blockUE = new Map<Value, DclVar[]>()
    for (const v of b.values) {
      const { n, e } = affectedVar(v, dcl)
      if (n && rawcands.has(n) && e & SYM_ADDR && v.uses !== 0) {
        if (pending.has(v)) throw new Error(`internal error: apparent multiple defs for SSA value ${v.id}`)
        const track: AddrTrack = { value: v, block: b, n, from: null, uses: v.uses, users: [], pending: 0 }
        a.addrs.push(track)
        pending.set(v, { n, count: v.uses, track })
        t.add(3, `=-= SymAddr(${n.name}) on ${t.longString(v)}`)
      }
      v.args.forEach((arg, i) => {
        const nc = pending.get(arg)
        if (!nc) return
        if (!addrSinkArg(v, i)) {
          // v may pass the address on: follow it as an address of the same variable,
          // unless it could store it to memory or already carries another address.
          if (v.type.kind === 'mem' || pending.has(v)) return
          const track: AddrTrack = { value: v, block: b, n: nc.n, from: arg, uses: v.uses, users: [], pending: 0 }
          a.addrs.push(track)
          pending.set(v, { n: nc.n, count: v.uses, track })
        }
        t.add(3, `=-= add indirectUE(${nc.n.name}) count=${nc.count} on ${t.longString(v)}`)
        blockUE.set(v, [...(blockUE.get(v) ?? []), nc.n])
        nc.track.users.push(v)
        nc.count--
        if (nc.count === 0) {
          t.add(3, `=-= last use of v${arg.id}`)
          pending.delete(arg)
        }
      })
    }
    const evicted = new Set<DclVar>()
    for (const [v, nc] of pending) {
      t.add(3, `=-= evicting ${quote(nc.n.name)} due to pendingUse ${v.id} count ${nc.count}`)
      nc.track.pending = nc.count
      a.evictions.push({ n: nc.n, value: v, block: b, count: nc.count })
      rawcands.delete(nc.n)
      evicted.add(nc.n)
    }
    for (const [v, ns] of blockUE) {
      for (const n of ns) {
        if (evicted.has(n)) continue
        a.indirect.set(v, [...(a.indirect.get(v) ?? []), n])
        t.add(3, `=-= add final indUE v${v.id} name ${n.name}`)
      }
    }
  }
  if (rawcands.size < 2) return []
  t.add(3, '=-= iuetab:')
  for (const [v, ns] of [...a.indirect].sort((x, y) => x[0].id - y[0].id)) t.add(3, `  v${v.id}:${ns.map((n) => ' ' + n.name).join('')}`)
  return [...rawcands]
}

/**
 * gc's computeIntervals: walk the instructions backwards (blocks in layout
 * order, values in schedule order, one global index), starting or ending a
 * candidate's interval where it becomes live or is killed, at block
 * boundaries by comparing with the block's live-out set.
 */
function computeIntervals(f: Func, dcl: Dcl, cands: DclVar[], idx: Map<DclVar, number>, be: Map<Block, BlockEffects>, indirect: Map<Value, DclVar[]>, t: Tracer): Intervals[] {
  const builders = cands.map(() => new IntervalsBuilder())
  const live = new Array<boolean>(cands.length).fill(false)
  let iidx = f.blocks.reduce((s, b) => s + b.values.length, 0) - 1
  for (let k = f.blocks.length - 1; k >= 0; k--) {
    const b = f.blocks[k]!
    const out = be.get(b)!.liveout
    t.add(3, `=-= liveout from tail of b${k}: ${cands.filter((_, j) => out[j]).map((n) => ` ${quote(n.name)}`).join('')}`)
    cands.forEach((n, j) => {
      if (live[j] && !out[j]) {
        t.add(3, `=+= at instr ${iidx} block boundary kill of ${n.name}`)
        builders[j]!.kill(iidx)
      } else if (!live[j] && out[j]) {
        t.add(3, `=+= at block-end instr ${iidx} ${n.name} becomes live`)
        builders[j]!.live(iidx)
      }
      live[j] = out[j]!
    })
    for (let i = b.values.length - 1; i >= 0; i--) {
      const v = b.values[i]!
      t.add(3, `=-= b${k} instr ${iidx}: ${t.longString(v)}`)
      const { pos, effect } = valueEffects(v, dcl, idx)
      if (effect & UEVAR && effect & VARKILL) throw new Error(`mergelocals: ${v} both uses and kills ${cands[pos]!.name}`)
      if (effect & VARKILL && live[pos]) {
        builders[pos]!.kill(iidx)
        live[pos] = false
        t.add(3, `=+= at instr ${iidx} kill of ${cands[pos]!.name}`)
      } else if (effect & UEVAR && !live[pos]) {
        builders[pos]!.live(iidx)
        live[pos] = true
        t.add(3, `=+= at instr ${iidx} upwards-exposed use of ${cands[pos]!.name}`)
      }
      for (const n of indirect.get(v) ?? []) {
        const p = idx.get(n)
        if (p === undefined || live[p]) continue
        builders[p]!.live(iidx)
        live[p] = true
        t.add(3, `=+= at instr ${iidx} v${v.id} indirect upwards-exposed use of ${n.name}`)
      }
      iidx--
    }
  }
  return builders.map((bld, i) => {
    try {
      return bld.finish()
    } catch (e) {
      throw new Error(`interval construct error for var ${quote(cands[i]!.name)} in func ${quote(f.name)}: ${(e as Error).message}`)
    }
  })
}

function performMerging(a: MergeAnalysis, t: Tracer): MergeState | null {
  const { cands, ivs } = a
  t.add(2, '=-= cands live before overlap:')
  cands.forEach((c, i) => t.add(2, `${i}: ${c.name} sz=${c.type.size} ivs=${intervalsString(ivs[i]!)}`))
  t.add(2, `=-= regions (${a.regions.length}): ${a.regions.map((r) => ` [${r.st},${r.en}]`).join('')}`)
  const mls: MergeState = { vars: [], partition: new Map() }
  for (const r of a.regions) mergeVisitRegion(mls, a, r, t)
  return mls.vars.length ? mls : null
}

/** gc's mergeVisitRegion: greedy grouping inside one region, leaders taken in order. */
function mergeVisitRegion(mls: MergeState, a: MergeAnalysis, { st, en }: Region, t: Tracer): void {
  const { cands, ivs } = a
  t.add(2, `=-= mergeVisitRegion(st=${st}, en=${en})`)
  const n = en - st + 1
  const used = new Array<boolean>(n).fill(false)
  const nxt = (slot: number): number => {
    for (let c = slot - st; c < n; c++) if (!used[c]) return c + st
    return -1
  }
  let navail = n
  t.add(2, `  =-= navail = ${navail}`)
  while (navail >= 2) {
    const leader = nxt(st)
    used[leader - st] = true
    navail--
    t.add(2, `  =-= begin leader ${leader} used=${bitsString(used)}`)
    const elems = [leader]
    let lints = ivs[leader]!
    for (let succ = nxt(leader + 1); succ !== -1; succ = nxt(succ + 1)) {
      const ov = intervalsOverlap(lints, ivs[succ]!)
      t.add(2, `  =-= overlap of ${leader}[${cands[leader]!.name}] {${intervalsString(lints)}} with ${succ}[${cands[succ]!.name}] {${intervalsString(ivs[succ]!)}} is: ${ov}`)
      if (ov) continue
      elems.push(succ)
      lints = mergeIntervals(lints, ivs[succ]!)
    }
    if (elems.length < 2) continue
    const off = mls.vars.length
    const sl = elems.map((_, i) => off + i)
    for (const c of elems) {
      mls.vars.push(cands[c]!)
      mls.partition.set(cands[c]!, sl)
    }
    navail -= elems.length - 1
    for (const c of elems) used[c - st] = true
    t.add(2, `=-= overlapping [${sl.join(' ')}]:`)
    for (const s of sl) t.add(2, candLine(mls.vars[s]!, s))
    elems.forEach((c, i) => t.add(2, `=-= ${i}: sl=${c} [${intervalsString(ivs[c]!)}]`))
  }
}

/** Is n in a group and not its leader (gc's Subsumed)? */
export const subsumed = (m: MergeState | null, n: DclVar): boolean => {
  const sl = m?.partition.get(n)
  return !!sl && m!.vars[sl[0]!] !== n
}

export const isLeader = (m: MergeState | null, n: DclVar): boolean => {
  const sl = m?.partition.get(n)
  return !!sl && m!.vars[sl[0]!] === n
}

export const leaderOf = (m: MergeState, n: DclVar): DclVar => m.vars[m.partition.get(n)![0]!]!

/** A leader's followers, sorted by name (gc's Followers). */
export function followers(m: MergeState, n: DclVar): DclVar[] {
  return m.partition.get(n)!.slice(1).map((i) => m.vars[i]!).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
}

/** gc's EstSavings: bytes of the followers, non-pointer and pointer. */
export function estSavings(m: MergeState): { nonPointer: number; pointer: number } {
  let nonPointer = 0
  let pointer = 0
  for (const n of m.partition.keys()) {
    if (!subsumed(m, n)) continue
    if (n.type.hasPointers) pointer += n.type.size
    else nonPointer += n.type.size
  }
  return { nonPointer, pointer }
}

/** gc's MergeLocalsState.String: `leader: f1 f2` per group, leaders by name. */
export function stateString(m: MergeState): string[] {
  const leaders = [...m.partition.keys()].filter((n) => isLeader(m, n)).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
  return leaders.map((l) => `${l.name}:${m.partition.get(l)!.slice(1).map((i) => ' ' + m.vars[i]!.name).join('')}`)
}
