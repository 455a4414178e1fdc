// Frame layout, as gc's ssagen.AllocFrame does it after mergelocals: sort
// the declarations (caller-frame params first; then leaders before
// followers, used before unused, pointerful first, decreasing alignment,
// name), put each group's followers right behind its leader, drop the unused
// tail, and hand out offsets downward from the frame top. Followers take
// their leader's offset instead of space of their own.

import type { DclVar } from './dcl'
import { needAlloc, isMergeCandidate } from './dcl'
import { followers, isLeader, leaderOf, subsumed, type MergeState } from './mergelocals'
import { quote, typeText, type Tracer } from './trace'

const REG_SIZE = 8

export interface FrameSlot {
  /** Index in the sorted declaration list (gc's Dcl index in its traces). */
  index: number
  n: DclVar
  /** Offset from the frame top (negative). */
  offset: number
  leader: boolean
  follower: boolean
}

export interface FrameLayout {
  /** The sorted declarations, truncated at the first unused one as gc does. */
  dcl: DclVar[]
  slots: FrameSlot[]
  /** gc's stksize: bytes of locals, rounded to the frame alignment. */
  size: number
  /** gc's stkptrsize: the prefix of the locals area that holds pointers. */
  ptrSize: number
  align: number
}

const byName = (a: DclVar, b: DclVar): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/** gc's cmpstackvarlt as a comparator (parameters keep their order: gc's ABI offsets are not modelled). */
function cmpStackVar(a: DclVar, b: DclVar, m: MergeState | null): number {
  const na = needAlloc(a)
  const nb = needAlloc(b)
  if (na !== nb) return na ? 1 : -1
  if (!na) return 0
  const fa = subsumed(m, a)
  const fb = subsumed(m, b)
  if (fa !== fb) return fa ? 1 : -1
  if (a.used !== b.used) return a.used ? -1 : 1
  if (a.type.hasPointers !== b.type.hasPointers) return a.type.hasPointers ? -1 : 1
  if (!!a.needZero !== !!b.needZero) return a.needZero ? -1 : 1
  if (a.type.align !== b.type.align) return b.type.align - a.type.align
  // Open-coded defer slots first, the last defer's first (so they lie in the frame in defer order).
  const da = a.openDeferSlot ?? -1
  const db = b.openDeferSlot ?? -1
  if ((da >= 0) !== (db >= 0)) return da >= 0 ? -1 : 1
  if (da >= 0) return db - da
  return byName(a, b)
}

const roundUp = (x: number, r: number): number => Math.ceil(x / r) * r

export function allocFrame(vars: DclVar[], m: MergeState | null, t: Tracer): FrameLayout {
  let dcl = [...vars].sort((a, b) => cmpStackVar(a, b, m))
  if (m) {
    const out: DclVar[] = []
    for (const n of dcl) {
      if (subsumed(m, n)) continue
      out.push(n)
      if (isLeader(m, n)) out.push(...followers(m, n))
    }
    dcl = out
  }
  if (m) {
    t.add(2, `=-= sorted DCL for ${t.funcName}:`)
    dcl.forEach((v, i) => {
      if (!isMergeCandidate(v)) return
      t.add(2, ` ${i}: ${quote(v.name)} isleader=${isLeader(m, v)} subsumed=${subsumed(m, v)} used=${v.used} sz=${v.type.size} align=${v.type.align} t=${typeText(v)}`)
    })
  }

  let size = 0
  let ptrSize = 0
  let align = REG_SIZE
  let lastHasPtr = false
  const offsets = new Map<DclVar, number>()
  for (let i = 0; i < dcl.length; i++) {
    const n = dcl[i]!
    if (!needAlloc(n) || subsumed(m, n)) continue
    if (!n.used) {
      dcl = dcl.slice(0, i)
      break
    }
    let w = n.type.size
    // A zero-sized object right after a pointerful one gets a byte, so a pointer to it is not a pointer into its neighbour.
    if (w === 0 && lastHasPtr) w = 1
    size = roundUp(size + w, n.type.align)
    if (n.type.align > REG_SIZE) align = n.type.align
    if (n.type.hasPointers) {
      ptrSize = size
      lastHasPtr = true
    } else lastHasPtr = false
    offsets.set(n, -size)
  }
  if (m) for (const n of dcl) if (subsumed(m, n)) offsets.set(n, offsets.get(leaderOf(m, n))!)

  const slots: FrameSlot[] = []
  dcl.forEach((n, index) => {
    if (!needAlloc(n)) return
    slots.push({ index, n, offset: offsets.get(n) ?? 0, leader: isLeader(m, n), follower: subsumed(m, n) })
  })
  if (m) {
    t.add(2, `=-= stack layout for ${t.funcName}:`)
    for (const s of slots) t.add(2, ` ${s.index}: ${quote(s.n.name)} frameoff ${s.offset} isleader=${s.leader} subsumed=${s.follower} sz=${s.n.type.size} align=${s.n.type.align} t=${typeText(s.n)}`)
  }
  return { dcl, slots, size: roundUp(size, align), ptrSize: roundUp(ptrSize, align), align }
}
