// gc's -d=mergelocalstrace=2 text for one function read into the stack
// frame artifact the liveness view draws. Level 2 prints the candidates
// (position, size, alignment, pointers, type), their live intervals over gc's
// instruction numbering, the regions, the merged groups, the savings and the
// frame offsets of the candidates. It does not print the numbering itself,
// address values, indirect uses, evictions or per-block liveness: those stay
// empty and `fromGcTrace.missing` names them.

import type { StackCandidate, StackFrameResult, StackFrameSlot, StackMergedGroup, StackRegion } from '../protocol/model'
import { traceLevelOf } from './mergelocals'

/** What level 2 leaves out, in the artifact's field names. */
export const NOT_IN_LEVEL_2 = [
  'the instruction numbering',
  'direct uses',
  'address values and indirect uses',
  'evictions',
  'per-block liveness',
  'the frame size and its scanned part',
] as const

const CAND = /^ (\d+): (\S*) "([^"]+)" sz=(\d+) hp=(true|false) align=(\d+) t=(.*)$/
const LIVE = /^(\d+): (\S+) sz=\d+ ivs=(.*)$/
const SAVED = /^(.+): (\d+) bytes of stack space saved via stack slot merging \((\d+) nonpointer (\d+) pointer\)$/
const LAYOUT = /^ (\d+): "([^"]+)" frameoff (-?\d+) isleader=(true|false) subsumed=(true|false) sz=(\d+) align=(\d+) t=(.*)$/

interface Cand {
  pos: string
  name: string
  size: number
  hasPointers: boolean
  align: number
  type: string
}

/** The artifact for `func` on `arch` from its level-2 trace (null when gc printed none: no candidates). */
export function stackFrameFromTrace(text: string, func: string, arch: string): StackFrameResult | null {
  if (text.trim() === '') return null
  const lines = text.split('\n').filter((l) => l !== '')
  const raw: Cand[] = []
  const pruned: Cand[] = []
  const intervals = new Map<number, [number, number][]>()
  const regionSpans: [number, number][] = []
  const groups: StackMergedGroup[] = []
  const slots: StackFrameSlot[] = []
  let saved = { total: 0, nonPointer: 0, pointer: 0 }
  let section = ''
  for (const line of lines) {
    if (line.startsWith('=-= raw cand list')) section = 'raw'
    else if (line.startsWith('=-= pruned candidate list')) section = 'pruned'
    else if (line.startsWith('=-= cands live before overlap')) section = 'live'
    else if (line.startsWith('=-= merge locals state')) section = 'state'
    else if (line.startsWith('=-= sorted DCL')) section = 'dcl'
    else if (line.startsWith('=-= stack layout')) section = 'layout'
    else if (line.startsWith('=-= regions (')) {
      for (const m of line.matchAll(/\[(\d+),(\d+)\]/g)) regionSpans.push([Number(m[1]), Number(m[2])])
      section = ''
    } else if (line.startsWith('=-=') || line.startsWith('  =-=')) {
      section = ''
    } else {
      const saving = SAVED.exec(line)
      if (saving) {
        saved = { total: Number(saving[2]), nonPointer: Number(saving[3]), pointer: Number(saving[4]) }
        continue
      }
      const c = CAND.exec(line)
      if (c && (section === 'raw' || section === 'pruned')) {
        const cand = { pos: c[2]!, name: c[3]!, size: Number(c[4]), hasPointers: c[5] === 'true', align: Number(c[6]), type: c[7]! }
        ;(section === 'raw' ? raw : pruned).push(cand)
        continue
      }
      const live = LIVE.exec(line)
      if (live && section === 'live') {
        intervals.set(Number(live[1]), [...live[3]!.matchAll(/\[(\d+),(\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]))
        continue
      }
      if (section === 'state') {
        const g = /^(\S+): (.+)$/.exec(line)
        if (g) groups.push({ leader: g[1]!, followers: g[2]!.split(' '), offset: 0 })
        continue
      }
      const l = LAYOUT.exec(line)
      if (l && section === 'layout') {
        slots.push({
          index: Number(l[1]),
          name: l[2]!,
          type: l[8]!,
          size: Number(l[6]),
          align: Number(l[7]),
          hasPointers: false,
          offset: Number(l[3]),
          isLeader: l[4] === 'true',
          temp: l[2]!.startsWith('.autotmp'),
        })
      }
    }
  }
  const leaderOf = new Map<string, string>()
  for (const g of groups) for (const f of g.followers) leaderOf.set(f, g.leader)
  const byName = new Map(raw.map((c) => [c.name, c]))
  for (const s of slots) {
    s.hasPointers = byName.get(s.name)?.hasPointers ?? false
    const leader = leaderOf.get(s.name)
    if (leader) s.leader = leader
  }
  for (const g of groups) g.offset = slots.find((s) => s.name === g.leader)?.offset ?? 0
  const prunedIndex = new Map(pruned.map((c, i) => [c.name, i]))
  const regions: StackRegion[] = regionSpans.map(([st, en]) => ({ start: st, end: en, names: pruned.slice(st, en + 1).map((c) => c.name) }))
  const regionOf = (i: number): number | undefined => {
    const r = regions.findIndex((x) => x.start <= i && i <= x.end)
    return r >= 0 ? r : undefined
  }
  const leaders = new Set(groups.map((g) => g.leader))
  const candidates: StackCandidate[] = raw.map((c) => {
    const index = prunedIndex.get(c.name)
    const status: StackCandidate['status'] = leaders.has(c.name) ? 'leader' : leaderOf.has(c.name) ? 'follower' : index === undefined ? 'dropped' : 'unmerged'
    const cand: StackCandidate = { name: c.name, pos: c.pos, type: c.type, size: c.size, align: c.align, hasPointers: c.hasPointers, status, intervals: index === undefined ? [] : (intervals.get(index) ?? []) }
    if (index !== undefined) {
      cand.index = index
      const r = regionOf(index)
      if (r !== undefined) cand.region = r
    } else cand.reason = 'pruned before merging (gc prints why only at -d=mergelocalstrace=3)'
    const leader = leaderOf.get(c.name)
    if (leader) cand.leader = leader
    return cand
  })
  const numInstrs = Math.max(0, ...[...intervals.values()].flat().map(([, en]) => en))
  return {
    func,
    arch,
    numbering: [],
    numInstrs,
    candidates,
    addressValues: [],
    indirectUses: [],
    evictions: [],
    regions,
    liveOut: [],
    groups,
    savedBytes: saved,
    outcome: groups.length > 0 ? 'merged' : pruned.length === 0 ? 'no candidates left after pruning' : 'no two candidates could share a slot',
    frame: { size: 0, ptrSize: 0, align: 0, slots },
    trace: lines.map((text) => ({ level: traceLevelOf(text), text })),
    unresolved: [],
    fromGcTrace: { level: 2, missing: [...NOT_IN_LEVEL_2] },
  }
}
